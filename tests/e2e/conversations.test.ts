/**
 * The "done" journey in Chromium: a newcomer finds a person who can teach what they want
 * to learn, writes to them from the home page match (the first message drafted, not sent until
 * they send it), and the other person sees it arrive without reloading, with the unread count.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  expectAccessible,
  hasChromium,
  launchBrowser,
  openPage,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const password = "a long enough passphrase";

describe.skipIf(!hasChromium)("conversations in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("a newcomer asks the person who can teach them, and that person sees it live", async () => {
    const newcomer = await app.createUser({
      password,
      displayName: "Nora Newcomer",
      wanted: ["pricing"],
    });
    const teacher = await app.createUser({
      password,
      displayName: "Sanna Laine",
      offered: ["pricing"],
      locale: "en",
    });

    // Sanna has her inbox open before anything is written.
    const s = await openPage(browser, { viewport: { width: 1280, height: 900 } });
    await signInWithForm(s.page, app.url, teacher.email, password);
    await s.page.goto(`${app.url}/conversations`);
    await expectAccessible(s.page, "empty inbox");

    const n = await openPage(browser, { viewport: { width: 360, height: 740 } });
    await signInWithForm(n.page, app.url, newcomer.email, password);
    await n.page.goto(app.url);
    await n.page
      .getByRole("link", { name: en("conversations.askForHelp", { name: "Sanna" }) })
      .click();
    await n.page.waitForURL(/\/conversations\/new\?/);
    const composer = n.page.getByLabel(en("conversations.messageLabel"));
    await expect.poll(() => composer.inputValue()).toContain("Hello Sanna");
    await expectAccessible(n.page, "new conversation (drafted)");
    await composer.fill("Hello Sanna, could you help me set **fair prices** for my bakery?");
    await Promise.all([
      n.page.waitForURL(/\/conversations\/[0-9a-f-]{36}/),
      n.page.getByRole("button", { name: en("conversations.send") }).click(),
    ]);
    await n.page.getByText("for my bakery?").waitFor();
    await n.page.getByText(en("conversations.liveOn")).waitFor();

    // They share no network: the message waits in Sanna's requests.
    await s.page.goto(`${app.url}/conversations?folder=requests`);
    await s.page.getByRole("link", { name: "Nora Newcomer" }).click();
    await s.page.getByText("for my bakery?").waitFor();
    await s.page.getByRole("button", { name: en("conversations.accept") }).click();
    await s.page.getByText(en("conversations.liveOn")).waitFor();
    await expectAccessible(s.page, "conversation (accepted)");

    // Nora writes again; Sanna's open page shows it by itself.
    await n.page.getByLabel(en("conversations.messageLabel")).fill("Thursday would suit me well.");
    await n.page.getByRole("button", { name: en("conversations.send") }).click();
    await s.page.getByText("Thursday would suit me well.").waitFor({ timeout: 10_000 });
    expect(await s.page.locator(".post-body strong", { hasText: "fair prices" }).count()).toBe(1);

    // And Sanna's answer reaches Nora, whose header counts it when she looks elsewhere.
    await s.page.getByLabel(en("conversations.messageLabel")).fill("Yes, Thursday at ten.");
    await s.page.getByRole("button", { name: en("conversations.send") }).click();
    await n.page.getByText("Yes, Thursday at ten.").waitFor({ timeout: 10_000 });

    expect(n.problems).toEqual([]);
    expect(s.problems).toEqual([]);
    await n.context.close();
    await s.context.close();
  });
});
