/**
 * Phone-first pages in Chromium at 360 px (issue 13, decision 024): the header menu with and
 * without JavaScript, the language switch from the header, a reaction given through the folded
 * control without JavaScript, someone else's new post announced instead of pushed in (and kept
 * out while other reloads happen), and the laptop header in one row.
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

  it("keeps the signed-in header to one row on a laptop, for the admin in German and Greek", async () => {
    const languages = { de, el: translatorFor("el") };
    for (const locale of ["de", "el"] as const) {
      const t = languages[locale];
      const admin = await app.createUser({ password, isAdmin: true, locale });
      const { context, page, problems } = await openPage(browser, {
        viewport: { width: 1280, height: 800 },
      });
      await signInWithForm(page, app.url, admin.email, password);
      for (const width of [1280, 1024]) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(`${app.url}/networks`, { waitUntil: "networkidle" });
        expect(await page.locator("html").getAttribute("lang")).toBe(locale);
        // One row: the header is as tall as one 44 px line, and every top-level item of the
        // navigation starts at the same height (a wrapped header measured 97 px).
        const header = await page.locator(".site-header").boundingBox();
        expect(header!.height, `${locale} at ${width} px`).toBeLessThanOrEqual(56);
        const tops = await page
          .locator(".site-header .nav-list > li")
          .evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
        expect(new Set(tops).size, `${locale} at ${width} px: ${tops}`).toBe(1);
      }
      // The less-used places are one click away, in the "More" menu.
      const nav = page.getByRole("navigation", { name: t("nav.label") });
      await nav.locator("summary", { hasText: t("nav.more") }).click();
      await Promise.all([
        page.waitForURL((url) => url.pathname === "/people"),
        nav.getByRole("link", { name: t("nav.people"), exact: true }).click(),
      ]);
      expect(problems).toEqual([]);
      await context.close();
    }
  });

  it("shows a refused account deletion where the form is, without JavaScript", async () => {
    const el = translatorFor("el");
    const person = await app.createUser({ password, locale: "el" });
    const { context, page, problems } = await openPage(browser, {
      ...phone,
      javaScriptEnabled: false,
    });
    await signInWithForm(page, app.url, person.email, password);
    await page.goto(`${app.url}/settings/account`);
    await page.locator("main summary", { hasText: el("privacy.delete.open") }).tap();
    await page.getByLabel(el("privacy.delete.confirmPassword")).fill("not my password");
    await Promise.all([
      page.waitForEvent("load"),
      page.getByRole("button", { name: el("privacy.delete.submit") }).tap(),
    ]);
    // The answer lands on the section, not at the top of a 3,000 px page: the error is in view.
    const error = page.getByText(el("auth.currentPasswordWrong"));
    const box = await error.boundingBox();
    expect(box).not.toBeNull();
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.y + box!.height).toBeLessThanOrEqual(740);
    expect(problems).toEqual([]);
    await context.close();
  });

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

    // The reader reacts to the older post: the page reloads its data (the action, then the
    // reaction's live event), and the held posts still stay out of the feed, still offered.
    const older = page.locator("article", { hasText: "Old news" });
    await older.locator("summary", { hasText: en("reactions.react") }).tap();
    await older.getByRole("button", { name: new RegExp(en("reactions.thanks")) }).tap();
    await older.locator('.reaction-counts [data-reaction="thanks"]', { hasText: "1" }).waitFor();
    // And someone else's reaction, which reaches the reader only as a live event.
    const postId = await older.getAttribute("id");
    const reacted = await client.post(`/networks/${net.id}`, {
      intent: "react",
      postId: postId!.replace(/^post-/, ""),
      kind: "insightful",
    });
    expect(reacted.status).toBe(200);
    await older
      .locator('.reaction-counts [data-reaction="insightful"]', { hasText: "1" })
      .waitFor();
    expect(await page.getByText("First new one").count()).toBe(0);
    expect(await page.getByText("Second new one").count()).toBe(0);
    expect(await show.isVisible()).toBe(true);
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
