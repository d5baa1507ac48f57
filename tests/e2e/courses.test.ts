/**
 * The owners' induction on a 360 px phone without JavaScript, checked with axe-core in both
 * colour schemes: enrol, work through two lessons, go away, come back and continue where one left
 * off, fail the final quiz once and pass it on the second try.
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

type Quiz = { options: { correct: boolean }[]; multiple: boolean }[];

describe.skipIf(!hasChromium)("the owners' induction", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    await app.server.syncShippedCourseware();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("is learnt on a phone without JavaScript, continued where left off, and passed on a retry", async () => {
    const owner = await app.createUser({ displayName: "Maria Papadaki", password, role: "owner" });
    const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));
    const [course] = await rows<{ id: string }>(
      "select id from courses where slug = 'induction-owners'",
    );
    const lessons = await rows<{ id: string; kind: string; quiz: Quiz | null }>(
      `select id, kind, quiz from course_lessons where course_id = '${course!.id}' order by position`,
    );
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      javaScriptEnabled: false,
    });
    await signInWithForm(page, app.url, owner.email, password);
    const failures: string[] = [];

    await page.goto(`${app.url}/courses`);
    failures.push(...(await pageProblems(page, "/courses")));
    await page
      .getByRole("link", { name: /Induction for owners/ })
      .first()
      .click();
    await page.waitForURL(`${app.url}/courses/${course!.id}`);
    failures.push(...(await pageProblems(page, "/courses/:id")));
    await page.getByRole("button", { name: "Join this course" }).click();
    await page.waitForLoadState("load");
    await page.getByRole("link", { name: "Start", exact: true }).click();
    await page.waitForURL(`${app.url}/courses/${course!.id}/lessons/${lessons[0]!.id}`);
    failures.push(...(await pageProblems(page, "lesson 1")));
    await page.getByRole("button", { name: "Mark as done and continue" }).click();
    await page.waitForURL(`${app.url}/courses/${course!.id}/lessons/${lessons[1]!.id}`);
    await page.getByRole("button", { name: "Mark as done and continue" }).click();
    await page.waitForURL(`${app.url}/courses/${course!.id}/lessons/${lessons[2]!.id}`);

    // Away, and back: the course page offers the third lesson.
    await page.goto(`${app.url}/`);
    await page.goto(`${app.url}/courses`);
    await page
      .getByRole("link", { name: /Induction for owners/ })
      .first()
      .click();
    await page.waitForURL(`${app.url}/courses/${course!.id}`);
    expect(await page.getByText("2 of 11 lessons done").count()).toBe(1);
    await page.getByRole("link", { name: "Continue where you left off" }).click();
    await page.waitForURL(`${app.url}/courses/${course!.id}/lessons/${lessons[2]!.id}`);

    // The final quiz: a failed try, then a pass.
    const quiz = lessons.at(-1)!;
    await page.goto(`${app.url}/courses/${course!.id}/lessons/${quiz.id}`);
    failures.push(...(await pageProblems(page, "final quiz")));
    const answer = async (pick: (question: Quiz[number]) => number[]) => {
      for (const [index, question] of quiz.quiz!.entries()) {
        for (const [option] of question.options.entries()) {
          const box = page.locator(`input[name="q${index}"][value="${option}"]`);
          if (pick(question).includes(option)) await box.check();
          else if (question.multiple) await box.uncheck();
        }
      }
      await page.getByRole("button", { name: "Check my answers" }).click();
      await page.waitForLoadState("load");
    };
    await answer((question) => [question.options.findIndex((option) => !option.correct)]);
    expect(await page.getByRole("heading", { name: /Not yet: 0 of 6 right/ }).count()).toBe(1);
    failures.push(...(await pageProblems(page, "final quiz, failed")));
    await answer((question) =>
      question.options.flatMap((option, index) => (option.correct ? [index] : [])),
    );
    expect(await page.getByRole("heading", { name: /Passed: 6 of 6 right/ }).count()).toBe(1);
    failures.push(...(await pageProblems(page, "final quiz, passed")));

    const [progress] = await rows<{ completed_lessons: number; status: string }>(
      `select completed_lessons, status from enrolments where course_id = '${course!.id}'
       and user_id = '${owner.id}'`,
    );
    expect(progress).toEqual({ completed_lessons: 3, status: "active" });
    expect(failures).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  }, 300_000);
});
