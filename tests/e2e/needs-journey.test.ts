/**
 * Issue 10's "done" journey, in Greek, as people would do it: an owner in Cyprus records a need
 * on a phone without JavaScript, two others say "me too", a trainer in Cyprus finds it at the
 * top of their home page and on the radar, publishes an offer in Greek and answers the need with
 * it; the owner is told, and later confirms the need as met. The radar's distance for the topic
 * and country goes down when the offer arrives, and the page says why.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, TestClient } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  saveScreenshot,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const el = translatorFor("el");
const password = "a long and private passphrase";
const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  javaScriptEnabled: false,
  locale: "en-GB",
};

let keys = 0;
function needForm(overrides: Record<string, string | string[]>) {
  keys += 1;
  return {
    topic: "topic:online-shop",
    topicText: "",
    situation: "",
    urgency: "quarter",
    formats: ["online_live"],
    times: ["evenings"],
    longestSitting: "hour",
    languages: ["el"],
    audience: "all",
    submissionKey: `journey-${Date.now()}-${keys}`,
    ...overrides,
  };
}

describe.skipIf(!hasChromium)("issue 10's journey: a need in Greek meets an offer", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function greekOwner(name: string) {
    return app.createUser({
      password,
      locale: "el",
      role: "owner",
      country: "CY",
      displayName: name,
      languages: [{ code: "el", level: "native" }],
    });
  }

  async function clientOf(email: string) {
    const client = new TestClient(app.url);
    await client.signIn(email, password);
    return client;
  }

  it("goes from a need to an offer, an answer and a met need, and the distance goes down", async () => {
    const failures: string[] = [];
    const check = async (page: Page, label: string) => {
      failures.push(...(await pageProblems(page, label)));
    };

    // 1. The owner records the need in Greek on a phone, without JavaScript.
    const owner = await greekOwner("Μυρτώ Αντωνίου");
    const ownerView = await openPage(browser, phone);
    await signInWithForm(ownerView.page, app.url, owner.email, password);
    await ownerView.page.goto(`${app.url}/needs/new`);
    await ownerView.page.getByLabel(el("needs.topic")).selectOption("topic:online-shop");
    await ownerView.page
      .getByLabel(el("needs.situation"))
      .fill("Φτιάχνω κεριά στη Λευκωσία και θέλω να παίρνω παραγγελίες από το διαδίκτυο.");
    await ownerView.page.getByLabel(el("needs.urgencyValue.month")).check();
    await ownerView.page.getByLabel(el("needs.formatValue.online_live")).check();
    await ownerView.page.getByLabel(el("needs.formatValue.face_to_face")).check();
    await ownerView.page.getByLabel(el("needs.timeValue.evenings")).check();
    await ownerView.page.getByLabel(el("needs.sittingValue.hour")).check();
    await ownerView.page.getByRole("button", { name: el("needs.create") }).click();
    await ownerView.page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needPath = new URL(ownerView.page.url()).pathname;
    const needId = needPath.split("/").at(-1) ?? "";
    await check(ownerView.page, "the new need (owner)");

    // 2. Two others say "me too"; two more owners in Cyprus need the same, one face to face only.
    for (const name of ["Παναγιώτα", "Κατερίνα"]) {
      const other = await clientOf((await greekOwner(name)).email);
      const response = await other.post(needPath, { intent: "meToo", urgency: "quarter" });
      expect(response.status).toBeLessThan(400);
    }
    const others: Array<[string, Record<string, string | string[]>]> = [
      ["Ανδρέας", { urgency: "quarter" }],
      ["Χρύσω", { urgency: "year", formats: ["online_live"] }],
      ["Σάββας", { urgency: "month", formats: ["face_to_face"] }],
    ];
    for (const [name, form] of others) {
      const other = await clientOf((await greekOwner(name)).email);
      const recorded = await other.post("/needs/new", needForm(form));
      expect(recorded.headers.get("location")).toMatch(/^\/needs\/[0-9a-f-]{36}$/);
    }
    // Weights: 3 + 2 + 2 (the owner and two me-toos), 2, 1, 3 = 13, none of it answered.

    // 3. A trainer in Cyprus sees the heaviest need first on their home page.
    const trainer = await app.createUser({
      password,
      locale: "el",
      role: "educator",
      country: "CY",
      displayName: "Άντρη Κωνσταντίνου",
      languages: [{ code: "el", level: "native" }],
      offered: ["online-shop"],
    });
    const trainerView = await openPage(browser, phone);
    await signInWithForm(trainerView.page, app.url, trainer.email, password);
    await trainerView.page.goto(`${app.url}/`);
    const near = trainerView.page.locator(".needs-near-me li a").first();
    expect(await near.getAttribute("href")).toBe(needPath);
    await check(trainerView.page, "the trainer's home");

    // 4. The radar shows the topic in Cyprus entirely unanswered.
    const radarPath = "/radar?topic=topic%3Aonline-shop&country=CY";
    await trainerView.page.goto(`${app.url}${radarPath}`);
    await trainerView.page
      .getByText(el("radar.distanceWhy", { unreached: "13", weight: "13" }))
      .waitFor();
    expect(await trainerView.page.locator(`a[href="${needPath}"]`).count()).toBeGreaterThan(0);
    await check(trainerView.page, "the radar before");

    // 5. The trainer publishes an offer in Greek and answers the need with it.
    await trainerView.page.goto(`${app.url}/offers/new`);
    await trainerView.page
      .getByLabel(el("offers.title"))
      .fill("Το πρώτο σας ηλεκτρονικό κατάστημα σε τρία βράδια");
    await trainerView.page
      .locator("details", { has: trainerView.page.locator('input[value="topic:online-shop"]') })
      .locator("summary")
      .click();
    await trainerView.page.locator('input[name="topics"][value="topic:online-shop"]').check();
    await trainerView.page.getByRole("checkbox", { name: el("offers.format.online_live") }).check();
    await trainerView.page.getByRole("checkbox", { name: el("offers.onDemand") }).check();
    await trainerView.page.getByRole("button", { name: el("offers.create") }).click();
    await trainerView.page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    await check(trainerView.page, "the new offer");
    await trainerView.page.goto(`${app.url}${needPath}/answer`);
    await trainerView.page.getByRole("radio", { name: /ηλεκτρονικό κατάστημα/ }).check();
    await trainerView.page.getByRole("button", { name: el("offers.answerSubmit") }).click();
    await trainerView.page.waitForLoadState("load");

    // 6. The distance goes down: only the face-to-face need is left unanswered, and it says so.
    await trainerView.page.goto(`${app.url}${radarPath}`);
    await trainerView.page
      .getByText(el("radar.distanceWhy", { unreached: "3", weight: "13" }))
      .waitFor();
    await check(trainerView.page, "the radar after the offer");
    await saveScreenshot(trainerView.page, "needs-journey-radar-el-360");

    // 7. The owner is told, and confirms the need as met by the trainer's offer.
    await ownerView.page.goto(`${app.url}/notifications`);
    const told = ownerView.page.locator(`a[href*="/notifications/"]`, {
      hasText: "Το πρώτο σας ηλεκτρονικό κατάστημα",
    });
    expect(await told.count()).toBe(1);
    await ownerView.page.goto(`${app.url}${needPath}`);
    await ownerView.page.getByRole("radio", { name: /ηλεκτρονικό κατάστημα/ }).check();
    await ownerView.page
      .getByLabel(el("needs.satisfiedNote"))
      .fill("Τρία βράδια με την Άντρη: το κατάστημα είναι ανοιχτό.");
    await ownerView.page.getByRole("button", { name: el("needs.confirmSatisfied") }).click();
    await ownerView.page.waitForLoadState("load");
    await check(ownerView.page, "the met need");
    const [row] = await app.server.queryRows<{ status: string; satisfied_answer_id: string }>(
      app.server.rawSql(`select status, satisfied_answer_id from needs where id = '${needId}'`),
    );
    expect(row.status).toBe("satisfied");
    expect(row.satisfied_answer_id).toMatch(/^[0-9a-f-]{36}$/);

    // A met need leaves the open figures: 6 weight points left, 3 of them unanswered.
    await trainerView.page.goto(`${app.url}${radarPath}`);
    await trainerView.page
      .getByText(el("radar.distanceWhy", { unreached: "3", weight: "6" }))
      .waitFor();

    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(ownerView.problems).toEqual([]);
    expect(trainerView.problems).toEqual([]);
    await ownerView.context.close();
    await trainerView.context.close();
  });
});
