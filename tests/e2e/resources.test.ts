/**
 * Issue 11's resource journey in a browser: an educator writes a resource in the editor and sends
 * it for review, another educator approves and publishes it, and a visitor finds it in the library
 * with the filters and reads it (the self-assessment's feedback opens without JavaScript).
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
import { publishResource } from "../setup/learning";

const en = translatorFor("en");
const el = translatorFor("el");
const password = "a long and private passphrase";

describe.skipIf(!hasChromium)("issue 11's resource journey", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("goes from a draft to review, publication and the library", async () => {
    const author = await app.createUser({ password, role: "educator", displayName: "Ana Author" });
    const reviewer = await app.createUser({
      password,
      role: "educator",
      displayName: "Rui Reviewer",
    });

    const { page } = await openPage(browser, { javaScriptEnabled: false });
    await signInWithForm(page, app.url, author.email, password);
    await page.goto(`${app.url}/learn/new`);
    await page.getByLabel(en("learning.form.title"), { exact: true }).fill("Replying after hours");
    await page
      .getByLabel(en("learning.phase.introduction"), { exact: true })
      .fill("### Why\n\nCustomers write late.");
    await page
      .getByLabel(en("learning.phase.practice"), { exact: true })
      .fill("1. Open settings\n2. Write the reply");
    await page
      .getByLabel(en("learning.phase.reflection"), { exact: true })
      .fill("What came in last week?");
    await page.locator('input[name="q0Prompt"]').fill("When do you answer?");
    await page.locator('textarea[name="q0Options"]').fill("* By 9 am\nNever");
    await page.locator('textarea[name="q0Feedback"]').fill("A time builds trust.");
    await page.locator('input[name="q1Prompt"]').fill("Which reply is kind?");
    await page.locator('textarea[name="q1Options"]').fill("* Thanks, back at 9\nGo away");
    await page.locator('textarea[name="q1Feedback"]').fill("Kind and clear.");
    await page.locator('select[name="topics"]').selectOption(["topic:digital-basics"]);
    await page.getByLabel(en("learning.form.minutes"), { exact: true }).fill("8");
    await page.getByRole("button", { name: en("learning.form.save") }).click();
    await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
    const resourceUrl = page.url();
    await page.getByRole("button", { name: en("learning.action.submit") }).click();
    await expect
      .poll(async () => page.getByText(en("learning.done.submitted")).count())
      .toBeGreaterThan(0);
    await page.context().close();

    const { page: review } = await openPage(browser, { javaScriptEnabled: false });
    await signInWithForm(review, app.url, reviewer.email, password);
    await review.goto(resourceUrl);
    await review.getByLabel(en("learning.review.body"), { exact: true }).fill("Short and useful.");
    await review.getByLabel(en("learning.review.approved"), { exact: true }).check();
    await review.getByRole("button", { name: en("learning.review.send") }).click();
    await expect
      .poll(async () => review.getByText(en("learning.done.reviewed")).count())
      .toBeGreaterThan(0);
    await review.context().close();

    const { page: visitor } = await openPage(browser, { javaScriptEnabled: false });
    await visitor.goto(`${app.url}/learn`);
    await visitor.locator('select[name="duration"]').selectOption("short");
    await visitor.getByRole("button", { name: en("learning.filter.apply") }).click();
    await visitor.getByRole("link", { name: "Replying after hours" }).click();
    await visitor.waitForURL(resourceUrl);
    await expect.poll(async () => visitor.locator("h3", { hasText: "Why" }).count()).toBe(1);
    await visitor.getByText(en("learning.showFeedback")).first().click();
    await expect.poll(async () => visitor.getByText("A time builds trust.").isVisible()).toBe(true);
    expect(await pageProblems(visitor, "resource page")).toEqual([]);
    await visitor.goto(`${app.url}/learn?duration=long`);
    expect(await visitor.getByRole("link", { name: "Replying after hours" }).count()).toBe(0);
    await visitor.context().close();
  });
  it("takes two comments from one page, an empty box after each: with JavaScript on a 360 px phone in Greek, and without", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await publishResource(author.client, reviewer.client);
    const reader = await app.createUser({ password, role: "owner", locale: "el" });
    for (const javaScriptEnabled of [true, false]) {
      const { context, page, problems } = await openPage(browser, {
        viewport: { width: 360, height: 740 },
        javaScriptEnabled,
      });
      await signInWithForm(page, app.url, reader.email, password);
      await page.goto(`${app.url}/learn/${id}`);
      const box = page.getByLabel(el("learning.comments.add"), { exact: true });
      for (const n of [1, 2]) {
        const text = `Σχόλιο ${n} (${javaScriptEnabled ? "με" : "χωρίς"} JavaScript)`;
        await box.fill(text);
        const before = page.url();
        await Promise.all([
          page.waitForURL((url) => url.href !== before && url.hash.startsWith("#comment-")),
          page.getByRole("button", { name: el("learning.comments.add"), exact: true }).click(),
        ]);
        await page.getByText(text).waitFor();
        expect(await box.inputValue(), `box after comment ${n}`).toBe("");
      }
      expect(problems).toEqual([]);
      await context.close();
    }
    const [row] = await app.server.queryRows<{ n: number }>(
      app.server.rawSql(
        `select count(*)::int as n from learning_resource_comments where resource_id = '${id}'`,
      ),
    );
    expect(row.n).toBe(4);
  });
});
