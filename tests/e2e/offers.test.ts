/**
 * The offers pages and the answer form, checked with axe-core in both colour schemes, on a
 * 360 px phone without JavaScript (no horizontal scrolling, no catalogue keys shown): an
 * educator publishes an offer and answers a need, with form errors on the way.
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
} from "../setup/browser";

const password = "a long and private passphrase";

describe.skipIf(!hasChromium)("offers pages", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("pass axe on a phone without JavaScript, from the empty form to an answer", async () => {
    const trainer = await app.createUser({
      displayName: "Eleni Georgiou",
      password,
      role: "educator",
      country: "CY",
      offered: ["online-shop"],
      languages: [{ code: "el", level: "native" }],
    });
    const owner = await app.createUser({ displayName: "Andreas Kyriakou", role: "owner" });
    const [need] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`insert into needs (owner_id, topic, urgency, formats, languages, country, weight)
        values ('${owner.id}', 'topic:online-shop', 'month', array['online_live'], array['el'], 'CY', 3)
        returning id`),
    );
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    await signInWithForm(page, app.url, trainer.email, password);
    const failures: string[] = [];

    await page.goto(`${app.url}/offers/new`);
    failures.push(...(await pageProblems(page, "/offers/new")));
    // Sent empty: every error shown next to its field.
    await page.getByRole("button", { name: "Publish offer" }).click();
    await page.waitForLoadState("load");
    failures.push(...(await pageProblems(page, "/offers/new with errors")));

    await page.getByLabel("Title").fill("Your first online shop");
    // Topics are folded by group; open "Digital tools" to pick one.
    await page.locator("summary", { hasText: "Digital tools" }).click();
    await page.getByRole("checkbox", { name: "Online shop" }).check();
    await page.getByRole("checkbox", { name: "Online, live" }).check();
    await page.getByRole("checkbox", { name: "On demand" }).check();
    // The profile's language (Greek) is ticked already.
    expect(await page.getByRole("checkbox", { name: "Greek" }).isChecked()).toBe(true);
    await page.getByRole("button", { name: "Publish offer" }).click();
    await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
    failures.push(...(await pageProblems(page, "/offers/:id")));

    await page.goto(`${app.url}/offers`);
    failures.push(...(await pageProblems(page, "/offers")));
    await page.goto(`${app.url}/`);
    expect(await page.content()).toContain(`/needs/${need.id}`);
    failures.push(...(await pageProblems(page, "/ (educator)")));

    await page.goto(`${app.url}/needs/${need.id}/answer`);
    failures.push(...(await pageProblems(page, "/needs/:id/answer")));
    await page.getByRole("button", { name: "Send my answer" }).click();
    await page.waitForLoadState("load");
    failures.push(...(await pageProblems(page, "/needs/:id/answer with errors")));
    await page.getByRole("radio", { name: /Your first online shop/ }).check();
    await page.getByRole("button", { name: "Send my answer" }).click();
    await page.waitForLoadState("load");
    expect(failures).toEqual([]);
    const [answer] = await app.server.queryRows<{ language: string }>(
      app.server.rawSql(`select language from need_answers where need_id = '${need.id}'`),
    );
    expect(answer?.language).toBe("el");

    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
