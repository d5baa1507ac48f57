/**
 * Issue 11's "done" journey, as people would do it: an owner in Cyprus completes the owners'
 * induction on a phone in Greek without JavaScript, gets a certificate as a PDF and an Open
 * Badges 3.0 credential that an independent verifier (tests/setup/credentials.ts, not the code
 * that signed it) accepts and that matches the 1EdTech schema; she writes her first mini-format
 * resource, a trainer reviews and publishes it, and it answers another owner's need, which the
 * radar then counts as reached; the trainer downloads the Train-the-Trainer tutor manual as a PDF.
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
import { obSchemaValidator, verifyDataIntegrity } from "../setup/credentials";

const el = translatorFor("el");
const password = "a long and private passphrase";
const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  javaScriptEnabled: false,
};
type Json = Record<string, unknown>;
type Quiz = { options: { correct: boolean }[]; multiple: boolean }[];

const fetchOverHttp = async (url: string): Promise<Json> => {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Json;
};

describe.skipIf(!hasChromium)(
  "issue 11's journey: induction in Greek, a badge, a first resource",
  () => {
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

    it("runs end to end on a phone, in Greek, without JavaScript", async () => {
      const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));
      const owner = await app.createUser({
        displayName: "Ελένη Χριστοφόρου",
        password,
        role: "owner",
        locale: "el",
        country: "CY",
      });
      const trainer = await app.createUser({
        displayName: "Άντρη Κωνσταντίνου",
        password,
        role: "educator",
        locale: "el",
        country: "CY",
      });
      // Another owner's need: bookkeeping, on her own, in Greek.
      const { client: other } = await app.signedIn({ role: "owner", locale: "el", country: "CY" });
      const recorded = await other.post("/needs/new", {
        topic: "topic:bookkeeping-basics",
        topicText: "",
        situation: "Κρατάω τα τιμολόγια σε ένα κουτί.",
        urgency: "month",
        formats: ["self_paced"],
        times: ["evenings"],
        longestSitting: "10_minutes",
        languages: ["el"],
        audience: "all",
        submissionKey: `journey-${Date.now()}`,
      });
      expect(recorded.status).toBe(302);
      const needId = recorded.headers.get("location")!.split("/").at(-1)!;
      // Two more owners share it ("me too") and two record their own on the topic, so the radar may
      // show the topic in Cyprus (it never shows groups of fewer than 3 needs or people).
      for (let i = 0; i < 2; i++) {
        const { client: another } = await app.signedIn({
          role: "owner",
          locale: "el",
          country: "CY",
        });
        const said = await another.post(`/needs/${needId}`, {
          intent: "meToo",
          urgency: "quarter",
        });
        expect(said.status).toBeLessThan(400);
        const own = await another.post("/needs/new", {
          topic: "topic:bookkeeping-basics",
          topicText: "",
          situation: "",
          urgency: "year",
          formats: ["face_to_face"],
          times: ["evenings"],
          longestSitting: "hour",
          languages: ["el"],
          audience: "all",
          submissionKey: `journey-own-${Date.now()}-${i}`,
        });
        expect(own.status).toBe(302);
      }
      const reached = async () =>
        (
          await rows<{ is_reached: boolean }>(`select is_reached from needs where id = '${needId}'`)
        )[0]!.is_reached;
      expect(await reached()).toBe(false);

      const failures: string[] = [];
      const look = async (page: import("playwright-core").Page, label: string) => {
        failures.push(...(await pageProblems(page, label)));
      };

      // 1. The induction, in Greek, on a phone.
      const [course] = await rows<{ id: string; title: string }>(
        "select id, title from courses where slug = 'induction-owners-el'",
      );
      const lessons = await rows<{ id: string; kind: string; quiz: Quiz | null }>(
        `select id, kind, quiz from course_lessons where course_id = '${course!.id}' order by position`,
      );
      const { context, page, problems } = await openPage(browser, phone);
      await signInWithForm(page, app.url, owner.email, password);
      await page.goto(`${app.url}/courses`);
      await page.getByRole("link", { name: course!.title }).first().click();
      await page.waitForURL(`${app.url}/courses/${course!.id}`);
      await look(page, "the Greek course page");
      await page.getByRole("button", { name: el("courses.enrol") }).click();
      await page.waitForLoadState("load");
      await page.getByRole("link", { name: el("courses.start"), exact: true }).click();
      for (const [index, lesson] of lessons.entries()) {
        await page.waitForURL(`${app.url}/courses/${course!.id}/lessons/${lesson.id}`);
        if (index === 0) await look(page, "a Greek lesson");
        if (lesson.kind === "quiz") break;
        await page
          .getByRole("button", {
            name: lessons[index + 1] ? el("courses.markDoneContinue") : el("courses.markDone"),
          })
          .click();
      }
      const quiz = lessons.at(-1)!;
      expect(quiz.kind).toBe("quiz");
      expect(await page.getByRole("heading", { name: el("courses.finalQuiz") }).count()).toBe(1);
      for (const [index, question] of quiz.quiz!.entries()) {
        for (const [option, { correct }] of question.options.entries()) {
          if (correct) await page.locator(`input[name="q${index}"][value="${option}"]`).check();
        }
      }
      await page.getByRole("button", { name: el("courses.submitQuiz") }).click();
      await page.waitForLoadState("load");
      expect(await page.getByText(el("courses.completedNotice")).count()).toBe(1);
      await look(page, "the passed quiz");

      // 2. The certificate: PDF and an Open Badges 3.0 credential another verifier accepts.
      await app.server.waitForJobs({ names: ["credentials.issue"], timeoutMs: 30_000 });
      await page.goto(`${app.url}/badges`);
      await look(page, "my badges");
      const jsonHref = await page
        .locator('a[href$="/credential.json"]')
        .first()
        .getAttribute("href");
      const pdfHref = await page
        .locator('a[href$="/certificate.pdf"]')
        .first()
        .getAttribute("href");
      const credential = (await (await page.request.get(`${app.url}${jsonHref}`)).json()) as Json;
      expect(credential.type).toContain("OpenBadgeCredential");
      expect(await verifyDataIntegrity(credential, fetchOverHttp)).toBe(true);
      const validate = obSchemaValidator();
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
      const pdf = await page.request.get(`${app.url}${pdfHref}`);
      expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

      // 3. Her first mini-format resource, answering the other owner's need.
      await page.goto(`${app.url}/learn/new`);
      await page.locator('input[name="title"]').fill("Ένα κουτί για τα τιμολόγια, κάθε Παρασκευή");
      await page
        .locator('textarea[name="summary"]')
        .fill("Πώς κρατάω τα χαρτιά μου σε τάξη σε 15 λεπτά την εβδομάδα.");
      await page
        .locator('textarea[name="introduction"]')
        .fill("Για ιδιοκτήτες που χάνουν αποδείξεις.");
      await page
        .locator('textarea[name="practice"]')
        .fill("### Τρία βήματα\n\n1. Ένα κουτί.\n2. Κάθε Παρασκευή.\n3. Ένας φάκελος τον μήνα.");
      await page.locator('textarea[name="reflection"]').fill("Πού είναι οι αποδείξεις σας σήμερα;");
      await page.locator('input[name="q0Prompt"]').fill("Πόσο συχνά;");
      await page.locator('textarea[name="q0Options"]').fill("* Κάθε εβδομάδα\nΜία φορά τον χρόνο");
      await page.locator('textarea[name="q0Feedback"]').fill("Λίγο και συχνά.");
      await page.locator('input[name="q1Prompt"]').fill("Τι μπαίνει στο κουτί;");
      await page.locator('textarea[name="q1Options"]').fill("* Αποδείξεις\nΠαιχνίδια");
      await page.locator('textarea[name="q1Feedback"]').fill("Όλα τα χαρτιά του μήνα.");
      await page.locator('select[name="topics"]').selectOption(["topic:bookkeeping-basics"]);
      await page.locator('select[name="language"]').selectOption("el");
      await page.getByRole("button", { name: el("learning.form.save") }).click();
      await page.waitForURL(/\/learn\/[0-9a-f-]{36}$/);
      const resourceUrl = page.url();
      // The needs on its topic are offered once the topic is saved.
      await page.goto(`${resourceUrl}/edit`);
      await page.locator(`input[name="needIds"][value="${needId}"]`).check();
      await page.getByRole("button", { name: el("learning.form.save") }).click();
      await page.waitForURL(resourceUrl);
      await page.getByRole("button", { name: el("learning.action.submit") }).click();
      await expect
        .poll(async () => page.getByText(el("learning.done.submitted")).count())
        .toBeGreaterThan(0);
      expect(await reached()).toBe(false);

      // 4. A trainer sees the need unanswered on the radar, reviews and publishes the resource; the
      // need is then reached and leaves the radar's list of needs nobody answers.
      const radarPath = "/radar?topic=topic%3Abookkeeping-basics&country=CY";
      const radarNeedLink = `a[href="/needs/${needId}"]`;
      const trainerSide = await openPage(browser, phone);
      const review = trainerSide.page;
      await signInWithForm(review, app.url, trainer.email, password);
      await review.goto(`${app.url}${radarPath}`);
      expect(await review.locator(radarNeedLink).count()).toBeGreaterThan(0);
      await review.goto(resourceUrl);
      await review
        .getByLabel(el("learning.review.body"), { exact: true })
        .fill("Σύντομο και χρήσιμο.");
      await review.getByLabel(el("learning.review.approved"), { exact: true }).check();
      await review.getByRole("button", { name: el("learning.review.send") }).click();
      await expect
        .poll(async () => review.getByText(el("learning.done.reviewed")).count())
        .toBeGreaterThan(0);
      expect(await reached()).toBe(true);
      await review.goto(`${app.url}/needs/${needId}`);
      expect(
        await review.getByText("Ένα κουτί για τα τιμολόγια, κάθε Παρασκευή").count(),
      ).toBeGreaterThan(0);
      await review.goto(`${app.url}${radarPath}`);
      await look(review, "the radar after the resource");
      expect(await review.locator(radarNeedLink).count()).toBe(0);

      // 5. The trainer downloads the Train-the-Trainer tutor manual.
      const manual = await review.request.get(
        `${app.url}/learn/train-the-trainer/tutor-manual.pdf`,
      );
      expect(manual.status()).toBe(200);
      expect(manual.headers()["content-disposition"]).toContain("tutor-manual");
      expect((await manual.body()).subarray(0, 5).toString()).toBe("%PDF-");

      expect(failures).toEqual([]);
      expect(problems).toEqual([]);
      expect(trainerSide.problems).toEqual([]);
      await trainerSide.context.close();
      await context.close();
    }, 400_000);
  },
);
