import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues, escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
let induction: string;

beforeAll(async () => {
  app = await startTestApp();
  await app.server.syncShippedCourseware();
  const [row] = await rows<{ id: string }>(
    "select id from courses where slug = 'induction-owners'",
  );
  induction = row!.id;
});
afterAll(async () => {
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

type Lesson = { id: string; kind: string; position: number; quiz: StoredQuiz | null };
type StoredQuiz = { options: { correct: boolean }[]; multiple: boolean }[];

async function lessonsOf(courseId: string): Promise<Lesson[]> {
  return rows<Lesson>(
    `select id, kind, position, quiz from course_lessons where course_id = ${q(courseId)} order by position`,
  );
}

/** The right option indexes of every question, as form fields. */
function rightAnswers(quiz: StoredQuiz): Record<string, string[]> {
  return Object.fromEntries(
    quiz.map((question, index) => [
      `q${index}`,
      question.options.flatMap((option, i) => (option.correct ? [String(i)] : [])),
    ]),
  );
}
function wrongAnswers(quiz: StoredQuiz): Record<string, string[]> {
  return Object.fromEntries(
    quiz.map((question, index) => [
      `q${index}`,
      [String(question.options.findIndex((option) => !option.correct))],
    ]),
  );
}

async function enrolment(courseId: string, userId: string) {
  const [row] = await rows<{
    id: string;
    status: string;
    completed_lessons: number;
    last_lesson_id: string | null;
  }>(
    `select id, status, completed_lessons, last_lesson_id from enrolments
     where course_id = ${q(courseId)} and user_id = ${q(userId)}`,
  );
  return row;
}
async function counts(courseId: string) {
  const [row] = await rows<{ enrolment_count: number; lesson_count: number }>(
    `select enrolment_count, lesson_count from courses where id = ${q(courseId)}`,
  );
  return row!;
}
async function attempts(enrolmentId: string) {
  return rows<{ score: number; passed: boolean }>(
    `select score, passed from quiz_attempts where enrolment_id = ${q(enrolmentId)} order by created_at`,
  );
}

describe("shipped courseware", () => {
  it("loads every unit as a published resource and the induction as a course", async () => {
    const resources = await rows<{
      slug: string;
      status: string;
      author_id: string | null;
      versions: number;
    }>(
      `select r.slug, r.status, r.author_id,
         (select count(*)::int from learning_resource_versions v where v.resource_id = r.id) as versions
       from learning_resources r where r.slug is not null order by r.slug`,
    );
    expect(resources.length).toBeGreaterThanOrEqual(18);
    for (const r of resources) {
      expect(r).toMatchObject({ status: "published", author_id: null, versions: 1 });
    }
    const lessons = await lessonsOf(induction);
    expect(lessons.map((l) => l.kind)).toEqual([...Array(10).fill("resource"), "quiz"]);
    expect(lessons.at(-1)!.quiz).toHaveLength(6);
    expect(await counts(induction)).toMatchObject({ lesson_count: 11, enrolment_count: 0 });
    const sections = await rows<{ title: string }>(
      `select title from course_sections where course_id = ${q(induction)} order by position`,
    );
    expect(sections).toHaveLength(5);
    const [course] = await rows<{ owner_id: string | null; status: string; pass_mark: number }>(
      `select owner_id, status, pass_mark from courses where id = ${q(induction)}`,
    );
    expect(course).toEqual({ owner_id: null, status: "published", pass_mark: 70 });
  });

  it("does nothing when no file changed, and updates a changed unit as a new version keeping the lessons", async () => {
    expect(await app.server.syncShippedCourseware()).toMatchObject({ changed: false });
    const before = await lessonsOf(induction);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "courseware-"));
    try {
      fs.cpSync(path.resolve("courseware"), root, { recursive: true });
      const unit = path.join(root, "induction-owners/01-your-role.md");
      fs.writeFileSync(
        unit,
        fs.readFileSync(unit, "utf8").replace(/^title: .*$/m, "title: Your role, changed"),
      );
      expect(await app.server.syncShippedCourseware(root)).toMatchObject({ changed: true });
      const [resource] = await rows<{ title: string; version: number; versions: number }>(
        `select title, version,
           (select count(*)::int from learning_resource_versions v where v.resource_id = r.id) as versions
         from learning_resources r where slug = 'induction-owners-01-your-role'`,
      );
      expect(resource).toEqual({ title: "Your role, changed", version: 2, versions: 2 });
      expect((await lessonsOf(induction)).map((l) => l.id)).toEqual(before.map((l) => l.id));
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
      await app.server.syncShippedCourseware();
    }
    const [back] = await rows<{ version: number }>(
      "select version from learning_resources where slug = 'induction-owners-01-your-role'",
    );
    expect(back!.version).toBe(3);
  });
});

describe("shipped courses in other languages", () => {
  it("name the final quiz's section and lesson in the course's language", async () => {
    for (const [slug, locale] of [
      ["induction-owners-de", "de"],
      ["induction-owners-el", "el"],
    ] as const) {
      const [course] = await rows<{ id: string }>(`select id from courses where slug = ${q(slug)}`);
      const title = catalogues[locale]!["courses.finalQuiz"]!;
      expect(title).not.toBe(catalogues.en!["courses.finalQuiz"]);
      const sections = await rows<{ title: string }>(
        `select title from course_sections where course_id = ${q(course!.id)} order by position`,
      );
      expect(sections.at(-1)!.title, slug).toBe(title);
      const [quiz] = await rows<{ title: string }>(
        `select title from course_lessons where course_id = ${q(course!.id)} and kind = 'quiz'`,
      );
      expect(quiz!.title, slug).toBe(title);
      const { client } = await app.signedIn({ role: "owner" });
      const outline = await (await client.get(`/courses/${course!.id}`)).text();
      expect(outline).toContain(escapeHtml(title));
      expect(outline).not.toContain(catalogues.en!["courses.finalQuiz"]);
    }
  });
});

describe("learning a course", () => {
  it("enrols, marks lessons done, continues where left off, leaves and comes back", async () => {
    const { user, client } = await app.signedIn({ role: "owner" });
    const lessons = await lessonsOf(induction);
    const list = await (await client.get("/courses")).text();
    expect(list).toContain(`/courses/${induction}`);
    expect((await client.get(`/courses/${induction}`)).status).toBe(200);
    // Not enrolled: no lessons, nothing to mark.
    expect((await client.get(`/courses/${induction}/lessons/${lessons[0]!.id}`)).status).toBe(403);
    expect(
      (await client.post(`/courses/${induction}/lessons/${lessons[0]!.id}`, { intent: "done" }))
        .status,
    ).toBe(403);

    expect((await client.post(`/courses/${induction}`, { intent: "enrol" })).status).toBe(302);
    expect((await counts(induction)).enrolment_count).toBe(1);
    const again = await client.post(`/courses/${induction}`, { intent: "enrol" });
    expect(again.status).toBe(409);
    expectMessage(await again.text(), "courses.alreadyEnrolled");
    expect((await counts(induction)).enrolment_count).toBe(1);

    const first = await client.get(`/courses/${induction}/lessons/${lessons[0]!.id}`);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Peer-to-peer learning");
    const done = await client.post(`/courses/${induction}/lessons/${lessons[0]!.id}`, {
      intent: "done",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe(`/courses/${induction}/lessons/${lessons[1]!.id}`);
    await client.post(`/courses/${induction}/lessons/${lessons[1]!.id}`, { intent: "done" });
    // Twice is once.
    await client.post(`/courses/${induction}/lessons/${lessons[1]!.id}`, { intent: "done" });
    const e = await enrolment(induction, user.id);
    expect(e).toMatchObject({
      status: "active",
      completed_lessons: 2,
      last_lesson_id: lessons[2]!.id,
    });
    const page = await (await client.get(`/courses/${induction}`)).text();
    expect(page).toContain(`href="/courses/${induction}/lessons/${lessons[2]!.id}"`);
    expectMessage(page, "courses.continue");

    expect(
      (await client.post(`/courses/${induction}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(302);
    expect((await enrolment(induction, user.id))!.status).toBe("left");
    expect((await counts(induction)).enrolment_count).toBe(0);
    expect((await client.get(`/courses/${induction}/lessons/${lessons[2]!.id}`)).status).toBe(403);
    expect(
      (await client.post(`/courses/${induction}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(409);

    expect((await client.post(`/courses/${induction}`, { intent: "enrol" })).status).toBe(302);
    expect(await enrolment(induction, user.id)).toMatchObject({
      status: "active",
      completed_lessons: 2,
    });
    expect((await counts(induction)).enrolment_count).toBe(1);
    expect((await client.post(`/courses/${induction}`, { intent: "whatever" })).status).toBe(400);
  });

  it("enrols once when the button is pressed twice at the same moment", async () => {
    const [german] = await rows<{ id: string }>(
      "select id from courses where slug = 'induction-owners-de'",
    );
    const before = (await counts(german!.id)).enrolment_count;
    const { user, client } = await app.signedIn({ role: "owner" });
    const answers = await Promise.all([
      client.post(`/courses/${german!.id}`, { intent: "enrol" }),
      client.post(`/courses/${german!.id}`, { intent: "enrol" }),
    ]);
    // One enrols; the other finds the enrolment made (302) or is told so (409); never a 500.
    for (const answer of answers) expect([302, 409]).toContain(answer.status);
    expect(await enrolment(german!.id, user.id)).toMatchObject({ status: "active" });
    expect((await counts(german!.id)).enrolment_count).toBe(before + 1);
  });

  it("shows learners a resource's published version, and a withdrawn one can still be marked done", async () => {
    const [german] = await rows<{ id: string }>(
      "select id from courses where slug = 'induction-owners-de'",
    );
    const lessons = await lessonsOf(german!.id);
    const [resource] = await rows<{ id: string; title: string }>(
      `select r.id, v.content->>'title' as title from course_lessons l
       join learning_resources r on r.id = l.resource_id
       join learning_resource_versions v on v.resource_id = r.id and v.version = r.published_version
       where l.id = ${q(lessons[0]!.id)}`,
    );
    const { client } = await app.signedIn({ role: "owner" });
    expect((await client.post(`/courses/${german!.id}`, { intent: "enrol" })).status).toBe(302);
    // An author's working copy in review changes nothing learners see.
    await rows(
      `update learning_resources set title = 'Unreviewed draft title', status = 'submitted'
       where id = ${q(resource!.id)}`,
    );
    const outline = await (await client.get(`/courses/${german!.id}`)).text();
    expect(outline).toContain(escapeHtml(resource!.title));
    expect(outline).not.toContain("Unreviewed draft title");
    const lessonPage = await (
      await client.get(`/courses/${german!.id}/lessons/${lessons[0]!.id}`)
    ).text();
    expect(lessonPage).not.toContain("Unreviewed draft title");

    // Withdrawn: the lesson says so and can still be marked done.
    await rows(
      `update learning_resources set published_version = null, status = 'withdrawn'
       where id = ${q(resource!.id)}`,
    );
    const withdrawn = await client.get(`/courses/${german!.id}/lessons/${lessons[0]!.id}`);
    expect(withdrawn.status).toBe(200);
    expectMessage(await withdrawn.text(), "courses.lessonWithdrawn");
    const done = await client.post(`/courses/${german!.id}/lessons/${lessons[0]!.id}`, {
      intent: "done",
    });
    expect(done.status).toBe(302);
  });

  it("lists on a lesson page the files of the resource's published version, not its working copy's", async () => {
    const [greek] = await rows<{ id: string }>(
      "select id from courses where slug = 'induction-owners-el'",
    );
    const lessons = await lessonsOf(greek!.id);
    const [resource] = await rows<{ id: string }>(
      `select resource_id as id from course_lessons where id = ${q(lessons[1]!.id)}`,
    );
    // One worksheet made before the published version (it belongs to it), one added to the
    // working copy afterwards (still to be reviewed).
    const [published] = await rows<{ id: string }>(
      `insert into learning_resource_files
         (resource_id, kind, storage_key, filename, content_type, size_bytes, created_at)
       select r.id, 'worksheet', 'test/published.txt', 'published-sheet.txt', 'text/plain', 10,
         v.created_at - interval '1 minute'
       from learning_resources r
       join learning_resource_versions v on v.resource_id = r.id and v.version = r.published_version
       where r.id = ${q(resource!.id)} returning id::text`,
    );
    const [unreviewed] = await rows<{ id: string }>(
      `insert into learning_resource_files
         (resource_id, kind, storage_key, filename, content_type, size_bytes)
       values (${q(resource!.id)}, 'worksheet', 'test/unreviewed.txt', 'unreviewed-sheet.txt',
         'text/plain', 10) returning id::text`,
    );
    const { client } = await app.signedIn({ role: "owner" });
    expect((await client.post(`/courses/${greek!.id}`, { intent: "enrol" })).status).toBe(302);
    const page = await client.get(`/courses/${greek!.id}/lessons/${lessons[1]!.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`href="/learn/files/${published!.id}"`);
    expect(html).not.toContain(unreviewed!.id);
    expect(html).not.toContain("unreviewed-sheet.txt");
  });

  it("scores quizzes on the server, refuses tampered answers, and completes the course", async () => {
    const { user, client } = await app.signedIn({ role: "owner" });
    const lessons = await lessonsOf(induction);
    const quiz = lessons.at(-1)!;
    const url = `/courses/${induction}/lessons/${quiz.id}`;
    // Not enrolled yet: nothing stored.
    expect((await client.post(url, { intent: "quiz", ...rightAnswers(quiz.quiz!) })).status).toBe(
      403,
    );
    await client.post(`/courses/${induction}`, { intent: "enrol" });
    const e = (await enrolment(induction, user.id))!;

    const page = await (await client.get(url)).text();
    expect(page).toContain('name="q0"');
    expect(page).not.toMatch(/correct/i);

    const tampered: Record<string, string | string[]>[] = [
      { q0: "99" },
      { q6: "0" },
      { q0: "-1" },
      { q0: "one" },
      { q0: ["0", "1"] },
      { q2: ["0", "0"] },
      { qz: "0" },
    ];
    for (const answers of tampered) {
      const response = await client.post(url, { intent: "quiz", ...answers });
      expect(response.status, JSON.stringify(answers)).toBe(400);
      expectMessage(await response.text(), "courses.quizTampered");
    }
    expect(await attempts(e.id)).toEqual([]);
    // A resource lesson is not answered, a quiz is not "marked done".
    expect((await client.post(url, { intent: "done" })).status).toBe(400);
    expect(
      (
        await client.post(`/courses/${induction}/lessons/${lessons[0]!.id}`, {
          intent: "quiz",
          q0: "0",
        })
      ).status,
    ).toBe(400);

    const failed = await client.post(url, { intent: "quiz", ...wrongAnswers(quiz.quiz!) });
    expect(failed.status).toBe(200);
    const failedHtml = await failed.text();
    expect(failedHtml).toContain("Not yet: 0 of 6 right");
    expect(failedHtml).toContain("Context, problem, what you tried");
    // All and only the right options: one right option fewer on a tick-all question is wrong.
    const partial = rightAnswers(quiz.quiz!);
    const multi = quiz.quiz!.findIndex((question) => question.multiple);
    partial[`q${multi}`] = partial[`q${multi}`]!.slice(0, 1);
    const almost = await (await client.post(url, { intent: "quiz", ...partial })).text();
    expect(almost).toContain("5 of 6 right");
    expect((await attempts(e.id)).map((a) => [a.score, a.passed])).toEqual([
      [0, false],
      [5, true],
    ]);
    // Passed (5 of 6 ≥ 70 %) but the units are not done: not completed yet.
    expect(await enrolment(induction, user.id)).toMatchObject({
      status: "active",
      completed_lessons: 1,
    });

    for (const lesson of lessons.slice(0, -2)) {
      await client.post(`/courses/${induction}/lessons/${lesson.id}`, { intent: "done" });
    }
    expect((await enrolment(induction, user.id))!.status).toBe("active");
    const last = await client.post(`/courses/${induction}/lessons/${lessons.at(-2)!.id}`, {
      intent: "done",
    });
    expect(last.headers.get("location")).toBe(`/courses/${induction}`);
    expect(await enrolment(induction, user.id)).toMatchObject({
      status: "completed",
      completed_lessons: 11,
    });
    const jobs = await rows<{ data: { enrolmentId: string } }>(
      `select data from pgboss.job where name = 'credentials.issue' and data->>'enrolmentId' = ${q(e.id)}`,
    );
    expect(jobs).toHaveLength(1);
    const notes = await rows<{ kind: string }>(
      `select kind from notifications where recipient_id = ${q(user.id)} and kind = 'course.completed'`,
    );
    expect(notes).toHaveLength(1);
    // A retry after completing is stored, and completes nothing twice.
    await client.post(url, { intent: "quiz", ...rightAnswers(quiz.quiz!) });
    expect(
      await rows(
        `select 1 from pgboss.job where name = 'credentials.issue' and data->>'enrolmentId' = ${q(e.id)}`,
      ),
    ).toHaveLength(1);
    const course = await (await client.get(`/courses/${induction}`)).text();
    expectMessage(course, "courses.completedNotice");
    // Completed learners cannot leave (and so cannot lower the count).
    expect(
      (await client.post(`/courses/${induction}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(409);
  });
});

async function createCourse(client: TestClient, fields: Record<string, string> = {}) {
  const response = await client.post("/courses/new", {
    title: "Pricing for the off-season",
    summary: "For guesthouses.",
    language: "en",
    network: "",
    completionRule: "all_lessons_and_quizzes",
    passMark: "50",
    ...fields,
  });
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((t) => t.slice(0, 0)),
  ).toBe(302);
  return response.headers.get("location")!.match(/\/courses\/([0-9a-f-]{36})\/edit$/)![1]!;
}

async function sectionsOf(courseId: string) {
  return rows<{ id: string; title: string }>(
    `select id, title from course_sections where course_id = ${q(courseId)} order by position`,
  );
}

describe("writing courses", () => {
  it("lets educators build a course with no script, and refuses the rest", async () => {
    const { client: ownerClient } = await app.signedIn({ role: "owner" });
    expect((await ownerClient.get("/courses/new")).status).toBe(403);
    expect((await ownerClient.post("/courses/new", { title: "x" })).status).toBe(403);

    const { user: educator, client } = await app.signedIn({ role: "educator" });
    for (const [fields, key] of [
      [{ title: "" }, "courses.titleRequired"],
      [{ passMark: "0" }, "courses.passMarkRange"],
      [{ passMark: "abc" }, "courses.passMarkRange"],
      [{ language: "zz" }, "courses.languageUnknown"],
      [{ completionRule: "never" }, "courses.ruleUnknown"],
      [{ network: "nope" }, "courses.networkUnknown"],
    ] as const) {
      const response = await client.post("/courses/new", {
        title: "T",
        language: "en",
        completionRule: "all_lessons",
        passMark: "70",
        ...fields,
      });
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    const notMine = await app.server.createNetwork({});
    const refused = await client.post("/courses/new", {
      title: "T",
      language: "en",
      completionRule: "all_lessons",
      passMark: "70",
      network: notMine.id,
    });
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "courses.networkNotYours");

    // The same submission key twice makes one course.
    const id = await createCourse(client, { submissionKey: "course-key-0001" });
    expect(await createCourse(client, { submissionKey: "course-key-0001" })).toBe(id);
    const edit = `/courses/${id}/edit`;
    expect((await client.get(edit)).status).toBe(200);

    // Sections: add, rename, move, remove.
    for (const title of ["Basics", "Practice", "Extra"]) {
      expect((await client.post(edit, { intent: "addSection", title })).status).toBe(302);
    }
    expect((await client.post(edit, { intent: "addSection", title: " " })).status).toBe(400);
    let sections = await sectionsOf(id);
    await client.post(edit, {
      intent: "renameSection",
      sectionId: sections[1]!.id,
      title: "Doing it",
    });
    await client.post(edit, { intent: "moveSection", sectionId: sections[1]!.id, direction: "up" });
    await client.post(edit, { intent: "removeSection", sectionId: sections[2]!.id });
    sections = await sectionsOf(id);
    expect(sections.map((s) => s.title)).toEqual(["Doing it", "Basics"]);

    // Lessons: a published resource found by search, a quiz in the self-assessment format.
    const search = await (await client.get(`${edit}?section=${sections[1]!.id}&q=pricing`)).text();
    const [pricing] = await rows<{ id: string }>(
      "select id from learning_resources where slug = 'pricing'",
    );
    expect(search).toContain(pricing!.id);
    expect(
      (
        await client.post(edit, {
          intent: "addResource",
          sectionId: sections[1]!.id,
          resourceId: pricing!.id,
        })
      ).status,
    ).toBe(302);
    const dup = await client.post(edit, {
      intent: "addResource",
      sectionId: sections[0]!.id,
      resourceId: pricing!.id,
    });
    expect(dup.status).toBe(409);
    const quizText =
      "### Two plus two?\n\n- [ ] 3\n- [x] 4\n> Four.\n\n### Pick the even ones\n\n- [x] 2\n- [ ] 3\n- [x] 6\n> 2 and 6.\n";
    expect(
      (
        await client.post(edit, {
          intent: "addQuiz",
          sectionId: sections[0]!.id,
          title: "Check",
          quiz: quizText,
        })
      ).status,
    ).toBe(302);
    const badQuiz = await client.post(edit, {
      intent: "addQuiz",
      sectionId: sections[0]!.id,
      title: "Check",
      quiz: "### Nothing right\n- [ ] a\n- [ ] b\n> no",
    });
    expect(badQuiz.status).toBe(400);
    expect(await badQuiz.text()).toContain("no correct option");
    let lessons = await lessonsOf(id);
    expect(lessons.map((l) => l.kind)).toEqual(["quiz", "resource"]);
    // Move the resource lesson up: into the first section, after the quiz; then up again.
    await client.post(edit, { intent: "moveLesson", lessonId: lessons[1]!.id, direction: "up" });
    await client.post(edit, { intent: "moveLesson", lessonId: lessons[1]!.id, direction: "up" });
    lessons = await lessonsOf(id);
    expect(lessons.map((l) => l.kind)).toEqual(["resource", "quiz"]);
    expect((await counts(id)).lesson_count).toBe(2);

    // Another educator's course, another course's lesson: refused, nothing changed.
    const other = await app.signedIn({ role: "educator" });
    const theirs = await createCourse(other.client);
    expect((await client.get(`/courses/${theirs}/edit`)).status).toBe(404);
    expect(
      (await client.post(`/courses/${theirs}/edit`, { intent: "addSection", title: "Mine" }))
        .status,
    ).toBe(404);
    expect(
      (
        await other.client.post(`/courses/${theirs}/edit`, {
          intent: "removeLesson",
          lessonId: lessons[0]!.id,
        })
      ).status,
    ).toBe(404);
    expect(await lessonsOf(id)).toHaveLength(2);

    // Drafts are seen by their owner only; publishing needs a lesson.
    const learner = await app.signedIn({ role: "owner" });
    expect((await learner.client.get(`/courses/${id}`)).status).toBe(404);
    expect((await learner.client.post(`/courses/${id}`, { intent: "enrol" })).status).toBe(404);
    expect((await other.client.post(`/courses/${theirs}/edit`, { intent: "publish" })).status).toBe(
      409,
    );
    expect((await client.post(edit, { intent: "publish" })).status).toBe(302);
    expect((await learner.client.get(`/courses/${id}`)).status).toBe(200);

    // Remove a lesson a learner finished: counts follow.
    await learner.client.post(`/courses/${id}`, { intent: "enrol" });
    await learner.client.post(`/courses/${id}/lessons/${lessons[0]!.id}`, { intent: "done" });
    expect((await enrolment(id, learner.user.id))!.completed_lessons).toBe(1);
    await client.post(edit, { intent: "removeLesson", lessonId: lessons[0]!.id });
    expect((await enrolment(id, learner.user.id))!.completed_lessons).toBe(0);
    expect((await counts(id)).lesson_count).toBe(1);
    expect(educator.id).toBeTruthy();
  });
});

describe("removing lessons", () => {
  it("completes the enrolments whose only missing lesson was removed, and queues their certificate", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const id = await createCourse(client, { completionRule: "all_lessons" });
    const edit = `/courses/${id}/edit`;
    await client.post(edit, { intent: "addSection", title: "Only section" });
    const [section] = await sectionsOf(id);
    for (const slug of ["pricing", "cash-flow-basics"]) {
      const [resource] = await rows<{ id: string }>(
        `select id from learning_resources where slug = ${q(slug)}`,
      );
      expect(
        (
          await client.post(edit, {
            intent: "addResource",
            sectionId: section!.id,
            resourceId: resource!.id,
          })
        ).status,
      ).toBe(302);
    }
    expect((await client.post(edit, { intent: "publish" })).status).toBe(302);
    const [first, second] = await lessonsOf(id);

    // One learner has done the first lesson, another nothing, a third did it and left.
    const done = await app.signedIn({ role: "owner" });
    const idle = await app.signedIn({ role: "owner" });
    const gone = await app.signedIn({ role: "owner" });
    for (const learner of [done, idle, gone]) {
      expect((await learner.client.post(`/courses/${id}`, { intent: "enrol" })).status).toBe(302);
    }
    for (const learner of [done, gone]) {
      await learner.client.post(`/courses/${id}/lessons/${first!.id}`, { intent: "done" });
    }
    await gone.client.post(`/courses/${id}`, { intent: "leave", confirmed: "yes" });
    expect((await enrolment(id, done.user.id))!.status).toBe("active");

    expect((await client.post(edit, { intent: "removeLesson", lessonId: second!.id })).status).toBe(
      302,
    );
    const e = (await enrolment(id, done.user.id))!;
    expect(e).toMatchObject({ status: "completed", completed_lessons: 1 });
    const jobs = await rows<{ data: { enrolmentId: string } }>(
      `select data from pgboss.job where name = 'credentials.issue' and data->>'enrolmentId' = ${q(e.id)}`,
    );
    expect(jobs).toHaveLength(1);
    const notes = await rows<{ kind: string }>(
      `select kind from notifications where recipient_id = ${q(done.user.id)} and kind = 'course.completed'`,
    );
    expect(notes).toHaveLength(1);
    expect(await enrolment(id, idle.user.id)).toMatchObject({ status: "active" });
    expect(await enrolment(id, gone.user.id)).toMatchObject({ status: "left" });
    const idleJobs = await rows(
      `select 1 from pgboss.job j join enrolments e on e.id::text = j.data->>'enrolmentId'
       where j.name = 'credentials.issue' and e.course_id = ${q(id)}`,
    );
    expect(idleJobs).toHaveLength(1);
    const page = await (await done.client.get(`/courses/${id}`)).text();
    expectMessage(page, "courses.completedNotice");
  });
});

describe("network courses and the learners' page", () => {
  it("keeps a network's course to its members, and its progress to its facilitators", async () => {
    const facilitator = await app.signedIn({ role: "educator" });
    const coFacilitator = await app.signedIn({ role: "owner" });
    const member = await app.signedIn({ role: "owner" });
    const outsider = await app.signedIn({ role: "owner" });
    const network = await app.server.createNetwork({
      visibility: "secret",
      facilitators: [facilitator.user.id, coFacilitator.user.id],
      members: [member.user.id],
    });
    const id = await createCourse(facilitator.client, { network: network.id });
    const edit = `/courses/${id}/edit`;
    await facilitator.client.post(edit, { intent: "addSection", title: "Only section" });
    const [section] = await sectionsOf(id);
    const [cash] = await rows<{ id: string }>(
      "select id from learning_resources where slug = 'cash-flow-basics'",
    );
    await facilitator.client.post(edit, {
      intent: "addResource",
      sectionId: section!.id,
      resourceId: cash!.id,
    });
    // A resource only another network sees cannot be added.
    const elsewhere = await app.server.createNetwork({ facilitators: [facilitator.user.id] });
    const [hidden] = await rows<{ id: string }>(
      `insert into learning_resources (network_id, status, title, language, published_at)
       values (${q(elsewhere.id)}, 'published', 'Elsewhere only', 'en', now()) returning id`,
    );
    expect(
      (
        await facilitator.client.post(edit, {
          intent: "addResource",
          sectionId: section!.id,
          resourceId: hidden!.id,
        })
      ).status,
    ).toBe(404);
    await facilitator.client.post(edit, { intent: "publish" });
    const [lesson] = await lessonsOf(id);

    // Outside the network: as if it did not exist.
    expect((await outsider.client.get(`/courses/${id}`)).status).toBe(404);
    expect((await outsider.client.post(`/courses/${id}`, { intent: "enrol" })).status).toBe(404);
    expect(await (await outsider.client.get("/courses")).text()).not.toContain(id);
    expect(await enrolment(id, outsider.user.id)).toBeUndefined();

    // A member learns; the facilitators see it; the member and outsiders do not.
    expect(await (await member.client.get("/courses")).text()).toContain(id);
    expect((await member.client.post(`/courses/${id}`, { intent: "enrol" })).status).toBe(302);
    await member.client.post(`/courses/${id}/lessons/${lesson!.id}`, { intent: "done" });
    const [{ display_name: memberName }] = await rows<{ display_name: string }>(
      `select display_name from users where id = ${q(member.user.id)}`,
    );
    for (const viewer of [facilitator, coFacilitator]) {
      const page = await viewer.client.get(`/courses/${id}/learners`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain(memberName);
      expect(html).toContain("1 / 1");
    }
    expect((await member.client.get(`/courses/${id}/learners`)).status).toBe(403);
    expect((await outsider.client.get(`/courses/${id}/learners`)).status).toBe(404);

    // Shipped courses: installation admins and facilitators.
    const admin = await app.signedIn({ isAdmin: true });
    const installationFacilitator = await app.signedIn({ isFacilitator: true });
    expect((await admin.client.get(`/courses/${induction}/learners`)).status).toBe(200);
    expect(
      (await installationFacilitator.client.get(`/courses/${induction}/learners`)).status,
    ).toBe(200);
    expect((await member.client.get(`/courses/${induction}/learners`)).status).toBe(403);
    // An admin is no facilitator of someone's network course.
    expect((await admin.client.get(`/courses/${id}/learners`)).status).toBe(404);

    // Removed from the network: can no longer continue, enrol or see it.
    await rows(
      `update network_members set status = 'removed' where network_id = ${q(network.id)}
       and user_id = ${q(member.user.id)}`,
    );
    expect((await member.client.get(`/courses/${id}`)).status).toBe(404);
    expect((await member.client.get(`/courses/${id}/lessons/${lesson!.id}`)).status).toBe(404);
    expect(
      (await member.client.post(`/courses/${id}/lessons/${lesson!.id}`, { intent: "done" })).status,
    ).toBe(404);
    expect((await member.client.post(`/courses/${id}`, { intent: "enrol" })).status).toBe(404);

    // A lesson of another course under this course's address: 404.
    const [inductionLesson] = await lessonsOf(induction);
    expect(
      (await facilitator.client.post(`/courses/${induction}`, { intent: "enrol" })).status,
    ).toBe(302);
    expect(
      (await facilitator.client.get(`/courses/${induction}/lessons/${lesson!.id}`)).status,
    ).toBe(404);
    expect(
      (
        await facilitator.client.post(`/courses/${induction}/lessons/${lesson!.id}`, {
          intent: "done",
        })
      ).status,
    ).toBe(404);
    expect((await facilitator.client.get(`/courses/${induction}/lessons/not-a-uuid`)).status).toBe(
      404,
    );
    expect((await facilitator.client.get(`/courses/${inductionLesson!.id}`)).status).toBe(404);
  });
});
