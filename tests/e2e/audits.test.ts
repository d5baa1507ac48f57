/**
 * Needs audits in a browser: a Greek owner answers on a 360 px phone without JavaScript, and
 * every audit page (list, new, draft, answer form, report) passes axe in both colour schemes,
 * shows no catalogue keys and does not scroll sideways.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const el = translatorFor("el");
const password = "a long and private passphrase";
const phone = { viewport: { width: 360, height: 740 } };

describe.skipIf(!hasChromium)("needs audits in the browser", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.server.waitForJobs({
      names: ["notifications.fanout", "notifications.email", "mail.send"],
      timeoutMs: 20_000,
    });
    await app?.close();
  });

  it("lets a Greek owner answer on a phone without JavaScript, and every audit page passes axe", async () => {
    const facilitator = await app.createUser({ password, country: "CY", displayName: "Έλενα Π." });
    const owner = await app.createUser({
      password,
      country: "CY",
      locale: "el",
      displayName: "Νίκος Κ.",
    });
    // Two more owners answer over HTTP, so the report has groups of 3 and draws its charts.
    const others = [
      await app.createUser({ password, country: "CY" }),
      await app.createUser({ password, country: "CY" }),
    ];
    const network = await app.server.createNetwork({
      facilitators: [facilitator.id],
      members: [owner.id, ...others.map((o) => o.id)],
      languages: ["el", "en"],
    });
    const failures: string[] = [];

    // The facilitator builds the audit in the browser's pages (with JavaScript).
    const f = await openPage(browser, phone);
    await signInWithForm(f.page, app.url, facilitator.email, password);
    for (const path of ["/audits", `/audits/new?network=${network.id}`]) {
      await f.page.goto(`${app.url}${path}`, { waitUntil: "networkidle" });
      failures.push(...(await pageProblems(f.page, path)));
    }
    await f.page.getByLabel("Title").fill("Τι χρειάζεται η Λεμεσός;");
    await Promise.all([
      f.page.waitForURL(/\/audits\/[0-9a-f-]{36}$/),
      f.page.getByRole("button", { name: "Create the draft" }).click(),
    ]);
    const auditPath = new URL(f.page.url()).pathname;
    failures.push(...(await pageProblems(f.page, `${auditPath} (draft)`)));
    await f.page.getByLabel("Question", { exact: true }).fill("Τι θα βοηθούσε την επιχείρησή σας;");
    await f.page.getByLabel("Spreadsheets").check();
    await f.page.getByLabel("Online shop & e-commerce").check();
    await Promise.all([
      f.page.waitForLoadState("networkidle"),
      f.page.getByRole("button", { name: "Add a question" }).click(),
    ]);
    await f.page.getByText("Open and invite").click();
    await f.page.waitForLoadState("networkidle");
    failures.push(...(await pageProblems(f.page, `${auditPath} (open)`)));

    // The owner answers in Greek with JavaScript off.
    const o = await openPage(browser, { ...phone, javaScriptEnabled: false });
    await signInWithForm(o.page, app.url, owner.email, password);
    await o.page.goto(`${app.url}${auditPath}`);
    failures.push(...(await pageProblems(o.page, `${auditPath} (answer form)`)));
    await o.page.getByLabel("Υπολογιστικά φύλλα", { exact: true }).check();
    await o.page
      .getByRole("group", { name: el("audits.answer.urgency", { topic: "Υπολογιστικά φύλλα" }) })
      .getByLabel(el("audits.urgency.month"))
      .check();
    await o.page
      .getByRole("group", { name: el("audits.answer.formats", { topic: "Υπολογιστικά φύλλα" }) })
      .getByLabel(el("audits.format.online_live"))
      .check();
    await o.page.getByRole("button", { name: el("audits.answer.send") }).click();
    await o.page.waitForURL(/thanks=1/);
    expect(await o.page.getByText(el("audits.thanks")).isVisible()).toBe(true);
    failures.push(...(await pageProblems(o.page, `${auditPath} (thanks)`)));

    for (const other of others) {
      const client = app.client();
      await client.signIn(other.email, password);
      const sent = await client.post(auditPath, {
        intent: "answer",
        tick: "0",
        urgency_0: "quarter",
        formats_0: "online_live",
        languages: "el",
      });
      expect(sent.status).toBe(302);
    }

    await f.page.goto(`${app.url}${auditPath}/report`, { waitUntil: "networkidle" });
    expect(await f.page.locator("figure.chart-bar svg").count()).toBeGreaterThan(0);
    failures.push(...(await pageProblems(f.page, `${auditPath}/report`)));

    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(o.problems).toEqual([]);
    expect(f.problems).toEqual([]);
  });
});
