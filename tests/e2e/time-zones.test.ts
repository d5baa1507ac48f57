/**
 * Time zones in a real browser: the sign-up page proposes the browser's zone (Playwright's
 * timezoneId), anonymous visitors see times in their browser's zone from the next page on, and a
 * person changes their zone in settings; no hydration mismatch anywhere on the way.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/ui/format";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");

describe.skipIf(!hasChromium)("time zones in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function zoneOf(email: string): Promise<string | undefined> {
    const [row] = await app.server.queryRows<{ time_zone: string }>(
      app.server.rawSql(`select time_zone from users where email = '${email}'`),
    );
    return row?.time_zone;
  }

  it("proposes the browser's zone at sign-up and stores it", async () => {
    const { context, page, problems } = await openPage(browser, {
      locale: "en-GB",
      timezoneId: "Pacific/Auckland",
    });
    // Straight to the sign-up page: no zone cookie yet, so the server proposes its guess and the
    // page's script replaces it with the browser's.
    await page.goto(`${app.url}/signup`, { waitUntil: "networkidle" });
    const field = page.locator('input[type="hidden"][name="timeZone"]');
    await expect.poll(() => field.inputValue()).toBe("Pacific/Auckland");
    await page
      .locator("#signup-time-zone")
      .filter({ hasText: en("timeZone.signupNote", { zone: "Pacific/Auckland" }) })
      .waitFor();
    expect(await pageProblems(page, "sign-up")).toEqual([]);

    const email = `kiri-${Date.now()}@example.org`;
    await page
      .getByRole("group", { name: en("signup.roleLegend") })
      .getByRole("radio", { name: en("role.educator") })
      .check();
    await page.getByLabel(en("profile.displayName"), { exact: true }).fill("Kiri Tane");
    await page.getByLabel(en("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(en("auth.password"), { exact: true }).fill("a long enough passphrase");
    // Sign-up answers "check your mail" for every address (decision 005).
    await Promise.all([
      page.waitForURL("**/signup?sent=1"),
      page.getByRole("button", { name: en("signup.submit") }).click(),
    ]);
    expect(await zoneOf(email)).toBe("Pacific/Auckland");
    const link = app.linkIn(await app.lastMailTo(email), "/verify-email");
    await page.goto(link);
    await page.waitForURL("**/signin?verified=1**");
    await page.getByLabel(en("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(en("auth.password"), { exact: true }).fill("a long enough passphrase");
    await Promise.all([
      page.waitForURL("**/onboarding/profile"),
      page.getByRole("button", { name: en("signin.submit") }).click(),
    ]);
    await page
      .locator("#time-zone-note")
      .filter({ hasText: en("timeZone.shownIn", { zone: "Pacific/Auckland" }) })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  it("shows an anonymous visitor post times in the browser's zone from the next page on", async () => {
    const author = await app.createUser();
    const network = await app.server.createNetwork({ facilitators: [author.id] });
    const postedAt = new Date("2026-07-01T12:00:00Z");
    await app.server.createPostAt({
      networkId: network.id,
      authorId: author.id,
      body: "Summer meeting notes",
      createdAt: postedAt,
    });
    const { context, page, problems } = await openPage(browser, {
      locale: "en-US",
      timezoneId: "America/New_York",
    });
    // The first page ever is rendered before the server knows the zone: UTC, and it says so.
    await page.goto(`${app.url}/networks/${network.id}`, { waitUntil: "networkidle" });
    await page
      .locator("#time-zone-note")
      .filter({ hasText: en("timeZone.shownInUtc") })
      .waitFor();
    // Its script told the server; the next page is in New York time, zone named.
    await page.reload({ waitUntil: "networkidle" });
    await page
      .locator("#time-zone-note")
      .filter({ hasText: en("timeZone.shownIn", { zone: "America/New_York" }) })
      .waitFor();
    const stamp = page.locator('time[datetime="2026-07-01T12:00:00.000Z"]');
    expect(await stamp.textContent()).toBe(formatDateTime(postedAt, "en", "America/New_York"));
    expect(await stamp.textContent()).toContain("8:00");
    expect(problems).toEqual([]);
    await context.close();
  });

  it("changes the zone in settings, and the pages follow", async () => {
    const user = await app.createUser({ timeZone: "Europe/Dublin" });
    const { context, page, problems } = await openPage(browser, { locale: "en-GB" });
    await signInWithForm(page, app.url, user.email, user.password);
    await page.goto(`${app.url}/settings/account`, { waitUntil: "networkidle" });
    const select = page.getByLabel(en("timeZone.label"), { exact: true });
    expect(await select.inputValue()).toBe("Europe/Dublin");
    expect(await pageProblems(page, "account settings")).toEqual([]);
    await select.selectOption("Europe/Athens");
    await page.getByRole("button", { name: en("timeZone.save") }).click();
    await page
      .getByRole("status")
      .filter({ hasText: en("timeZone.saved", { zone: "Europe/Athens" }) })
      .waitFor();
    await page
      .locator("#time-zone-note")
      .filter({ hasText: en("timeZone.shownIn", { zone: "Europe/Athens" }) })
      .waitFor();
    expect(await zoneOf(user.email)).toBe("Europe/Athens");
    expect(problems).toEqual([]);
    await context.close();
  });
});
