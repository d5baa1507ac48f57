/**
 * Phone-first pages in Chromium at 360 px (issue 13, decision 024): the header menu with and
 * without JavaScript, the language switch from the header, a reaction given through the folded
 * control without JavaScript, and someone else's new post announced instead of pushed in.
 */
import type { Browser, Page } from "playwright-core";
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

const en = translatorFor("en");
const de = translatorFor("de");
const password = "a long enough passphrase";
const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

const menu = (page: Page, label = en("nav.menu")) => page.locator("summary", { hasText: label });

describe.skipIf(!hasChromium)("phone-first pages", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const javaScriptEnabled of [true, false]) {
    it(`opens the header menu and switches language from it (${javaScriptEnabled ? "with" : "without"} JavaScript)`, async () => {
      const { context, page, problems } = await openPage(browser, { ...phone, javaScriptEnabled });
      await page.goto(`${app.url}/people`, { waitUntil: "networkidle" });
      const header = await page.locator(".site-header").boundingBox();
      expect(header!.height).toBeLessThanOrEqual(56);
      const nav = page.getByRole("navigation", { name: en("nav.label") });
      expect(await nav.isVisible()).toBe(false);
      await menu(page).tap();
      await nav.getByRole("link", { name: en("nav.networks"), exact: true }).waitFor();
      expect(await pageProblems(page, "menu open (360 px)")).toEqual([]);

      // The language is one tap away inside the menu, and the page stays the same.
      await page.locator("summary", { hasText: en("nav.language") }).tap();
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/people"),
        page.getByRole("button", { name: "Deutsch" }).tap(),
      ]);
      await page.waitForFunction(() => document.documentElement.lang === "de");
      await page.getByRole("heading", { level: 1, name: de("people.title") }).waitFor();

      // A link in the menu gets there.
      await menu(page, de("nav.menu")).tap();
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/networks"),
        page
          .getByRole("navigation", { name: de("nav.label") })
          .getByRole("link", { name: de("nav.networks"), exact: true })
          .tap(),
      ]);
      expect(problems).toEqual([]);
      await context.close();
    });
  }

  it("takes a reaction through the folded control without JavaScript", async () => {
    const member = await app.createUser({ password, displayName: "Rhona Reacts" });
    const author = await app.createUser({ password, displayName: "Aled Author" });
    const net = await app.server.createNetwork({
      name: "Folded Reactions",
      members: [member.id, author.id],
    });
    await app.server.createPostAt({ networkId: net.id, authorId: author.id, body: "Fresh bread" });
    const { context, page, problems } = await openPage(browser, {
      ...phone,
      javaScriptEnabled: false,
    });
    await signInWithForm(page, app.url, member.email, password);
    await page.goto(`${app.url}/networks/${net.id}`);
    const thanks = page.getByRole("button", { name: new RegExp(en("reactions.thanks")) });
    expect(await thanks.isVisible()).toBe(false);
    await page.locator("summary", { hasText: en("reactions.react") }).tap();
    await Promise.all([page.waitForEvent("load"), thanks.tap()]);
    await page.locator('.reaction-counts [data-reaction="thanks"]', { hasText: "1" }).waitFor();
    expect(await pageProblems(page, "feed with a reaction (360 px, no JS)")).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  it("announces someone else's new post instead of pushing the feed down", async () => {
    const reader = await app.createUser({ password, displayName: "Rita Reader" });
    const { user: writer, client } = await app.signedIn({ password, displayName: "Will Writer" });
    const net = await app.server.createNetwork({
      name: "Held Posts",
      members: [reader.id, writer.id],
    });
    await app.server.createPostAt({ networkId: net.id, authorId: writer.id, body: "Old news" });
    const { context, page, problems } = await openPage(browser, phone);
    await signInWithForm(page, app.url, reader.email, password);
    await page.goto(`${app.url}/networks/${net.id}`, { waitUntil: "networkidle" });
    await page.getByText(en("live.on")).waitFor();

    for (const body of ["First new one", "Second new one"]) {
      const sent = await client.post(`/networks/${net.id}`, {
        intent: "post",
        body,
        submissionKey: `held-${body}`,
      });
      expect(sent.status).toBe(302);
    }
    const show = page.getByRole("button", { name: en("live.newPosts", { count: 2 }) });
    await show.waitFor({ timeout: 10_000 });
    // Announced politely, and not yet in the feed.
    expect(await show.evaluate((b) => b.closest("[aria-live]")?.getAttribute("aria-live"))).toBe(
      "polite",
    );
    expect(await page.getByText("Second new one").count()).toBe(0);
    await show.tap();
    await page.getByText("Second new one").waitFor();
    // Focus lands on the newest of them.
    await page.waitForFunction(() =>
      document.activeElement?.textContent?.includes("Second new one"),
    );
    expect(await show.count()).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
