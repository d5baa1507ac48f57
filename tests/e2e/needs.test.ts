/**
 * The need form in Greek on a 360 px phone, without JavaScript (issue 10's done-journey starts
 * here): an owner records a need, two others say "me too". Every page passes axe, nothing sticks
 * out past the edge, and a screenshot of the form is kept for a person to look at.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
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

describe.skipIf(!hasChromium)("a need recorded in Greek on a phone", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("works without JavaScript at 360 px, passes axe, and takes two me-toos", async () => {
    const owner = await app.createUser({
      password,
      locale: "el",
      country: "CY",
      region: "Λευκωσία",
      displayName: "Ελένη Παπαδοπούλου",
      languages: [{ code: "el", level: "native" }],
    });
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
      locale: "en-GB",
    });
    const failures: string[] = [];
    const checkPage = async (label: string) => {
      failures.push(...(await pageProblems(page, label)));
    };

    await signInWithForm(page, app.url, owner.email, password);
    await page.goto(`${app.url}/needs/new`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(el("needs.newTitle"));
    await checkPage("/needs/new");

    // Sent with no way of learning: the field says so, in Greek.
    await page.getByLabel(el("needs.topicText")).fill("Πωλήσεις μέσω Instagram");
    await page.getByRole("button", { name: el("needs.create") }).click();
    await page.getByText(el("needs.formatRequired")).first().waitFor();
    await checkPage("/needs/new with errors");

    await page.getByLabel(el("needs.topic")).selectOption("topic:online-shop");
    await page
      .getByLabel(el("needs.situation"))
      .fill(
        "Έχω ένα μικρό αρτοποιείο στη Λευκωσία και θέλω να δέχομαι παραγγελίες από το διαδίκτυο.",
      );
    await page.getByLabel(el("needs.urgencyValue.month")).check();
    await page.getByLabel(el("needs.formatValue.online_live")).check();
    await page.getByLabel(el("needs.timeValue.evenings")).check();
    await page.getByLabel(el("needs.sittingValue.hour")).check();
    await saveScreenshot(page, "needs-form-el-360");
    await page.getByRole("button", { name: el("needs.create") }).click();
    await page.waitForURL(/\/needs\/[0-9a-f-]{36}$/);
    const needUrl = page.url();
    await checkPage("/needs/:id (owner)");
    await saveScreenshot(page, "needs-page-el-360");

    // Two others say "me too".
    for (const name of ["Ανδρέας", "Μαρία"]) {
      const other = await app.createUser({ password, locale: "el", displayName: name });
      const visit = await openPage(browser, {
        viewport: { width: 360, height: 740 },
        javaScriptEnabled: false,
        locale: "en-GB",
      });
      await signInWithForm(visit.page, app.url, other.email, password);
      await visit.page.goto(needUrl);
      await visit.page.getByLabel(el("needs.urgencyValue.quarter")).check();
      await visit.page.getByRole("button", { name: el("needs.meToo"), exact: true }).click();
      await visit.page.getByText(el("needs.meTooDone")).first().waitFor();
      await visit.context.close();
    }
    await page.goto(needUrl);
    await page
      .getByText(el("needs.meTooCount", { count: 2 }))
      .first()
      .waitFor();
    await page.goto(`${app.url}/needs`);
    await checkPage("/needs");

    const [row] = await app.server.queryRows<{ weight: number; country: string }>(
      app.server.rawSql(`select weight, country from needs where owner_id = '${owner.id}'`),
    );
    expect(Number(row.weight)).toBe(3 + 2 + 2);
    expect(row.country).toBe("CY");
    expect(failures, failures.join("\n\n")).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
