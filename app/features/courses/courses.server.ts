import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import type { ResourceContent, StoredQuestion } from "~/db/schema/learning";
import { publishedFilesOf } from "~/features/learning/resources.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify } from "~/features/notifications/notify.server";
import { offerActorOf } from "~/features/offers/offers.server";
import type { Cursor } from "~/lib/cursor";
import { invalid, notFound } from "~/lib/errors";
import { enqueue } from "~/lib/jobs.server";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { type QuizResult, readAnswers, scoreQuiz } from "./quiz";
import { type CourseActor, type CourseSubject, coursePolicy } from "./rules";

export const COURSES_PAGE_SIZE = 20;
export const LEARNERS_PAGE_SIZE = 25;

/** Whether a person writes courses: an educator, or a facilitator. */
export async function courseActorOf(userId: string, db: Db = getDb()): Promise<CourseActor> {
  return offerActorOf(userId, db);
}

/**
 * SQL true when `viewer` may see the course aliased `c`: published and open (no network, or the
 * viewer an active member of its network), or their own course (while still a member of its
 * network). Removed members lose the membership and the network's courses with it.
 */
export function visibleCoursesSql(viewerId: string, alias = "c") {
  const c = sql.raw(alias);
  const member = sql`(${c}.network_id is null or exists (
      select 1 from network_members nm_c where nm_c.network_id = ${c}.network_id
        and nm_c.user_id = ${viewerId}::uuid and nm_c.status = 'active'))`;
  return sql`((${c}.status = 'published' or ${c}.owner_id = ${viewerId}::uuid) and ${member})`;
}

const subjectRow = z.object({
  id: z.string(),
  owner_id: z.string().nullable(),
  network_id: z.string().nullable(),
  status: z.enum(["draft", "published", "archived"]),
  title: z.string(),
  pass_mark: z.number(),
  completion_rule: z.enum(["all_lessons", "all_lessons_and_quizzes"]),
  lesson_count: z.number(),
  visible: z.boolean(),
  network_facilitator: z.boolean(),
  enrolment_id: z.string().nullable(),
  enrolment_status: z.enum(["active", "completed", "left"]).nullable(),
});
export type CourseFacts = z.infer<typeof subjectRow> & { subject: CourseSubject };

/** The course as the rules see it for `viewerId` (null: no such course). `lock` locks the course. */
export async function courseFacts(
  viewerId: string,
  courseId: string,
  db: Db = getDb(),
  lock = false,
): Promise<CourseFacts | null> {
  if (!z.uuid().safeParse(courseId).success) return null;
  const [row] = await queryParsed(
    subjectRow,
    sql`select c.id, c.owner_id, c.network_id, c.status, c.title, c.pass_mark, c.completion_rule,
          c.lesson_count, ${visibleCoursesSql(viewerId)} as visible,
          exists (select 1 from network_members f where f.network_id = c.network_id
            and f.user_id = ${viewerId}::uuid and f.status = 'active' and f.role = 'facilitator')
            as network_facilitator,
          e.id as enrolment_id, e.status as enrolment_status
        from courses c
        left join enrolments e on e.course_id = c.id and e.user_id = ${viewerId}::uuid
        where c.id = ${courseId}::uuid
        ${lock ? sql`for update of c` : sql``}`,
    db,
  );
  if (!row) return null;
  return {
    ...row,
    subject: {
      ownerId: row.owner_id,
      networkId: row.network_id,
      status: row.status,
      visible: row.visible,
      networkFacilitator: row.network_facilitator,
      enrolment: row.enrolment_status,
    },
  };
}

/** Authorizes `action` on a course for a person: 404 when there is no such course. */
export async function authorizeCourse<
  A extends "view" | "edit" | "enrol" | "leave" | "learn" | "learners",
>(actor: Person, action: A, courseId: string, db: Db = getDb(), lock = false) {
  const facts = await courseFacts(actor.id, courseId, db, lock);
  if (!facts) throw notFound();
  const decision = coursePolicy.authorize(actor, action, facts.subject);
  return { facts, decision };
}

// ——— Lists ———

const listRow = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  language: z.string(),
  network_name: z.string().nullable(),
  lesson_count: z.number(),
  enrolment_count: z.number(),
  cursor_at: z.string(),
});

/** Published courses the person may see, newest first (keyset pages). */
export async function listCourses(viewerId: string, after: Cursor | null) {
  const rows = await queryParsed(
    listRow,
    sql`select c.id, c.title, c.summary, c.language, n.name as network_name, c.lesson_count,
          c.enrolment_count, ${cursorAtSql("c.published_at")}
        from courses c left join networks n on n.id = c.network_id
        where c.status = 'published' and ${visibleCoursesSql(viewerId)}
          ${after ? sql`and ${afterCursorSql(after, "c.published_at", "c.id")}` : sql``}
        order by c.published_at desc, c.id desc
        limit ${COURSES_PAGE_SIZE + 1}`,
  );
  return keysetPage(rows, COURSES_PAGE_SIZE);
}

/** The person's enrolments (not left), most recently active first, with their progress. */
export async function myEnrolments(userId: string) {
  return queryParsed(
    z.object({
      course_id: z.string(),
      title: z.string(),
      status: z.enum(["active", "completed", "left"]),
      completed_lessons: z.number(),
      lesson_count: z.number(),
      last_lesson_id: z.string().nullable(),
    }),
    sql`select c.id as course_id, c.title, e.status, e.completed_lessons, c.lesson_count,
          e.last_lesson_id
        from enrolments e join courses c on c.id = e.course_id
        where e.user_id = ${userId}::uuid and e.status <> 'left'
          and ${visibleCoursesSql(userId)}
        order by e.last_active_at desc, e.id desc limit 50`,
  );
}

/** Courses the person owns (drafts included), newest first. */
export async function myCourses(userId: string) {
  return queryParsed(
    z.object({ id: z.string(), title: z.string(), status: z.string() }),
    sql`select id, title, status from courses where owner_id = ${userId}::uuid
        order by updated_at desc limit 50`,
  );
}

// ——— Outline ———

const lessonRow = z.object({
  id: z.string(),
  section_id: z.string(),
  position: z.number(),
  kind: z.enum(["resource", "quiz"]),
  resource_id: z.string().nullable(),
  title: z.string(),
  minutes: z.number().nullable(),
  done: z.boolean(),
  best_score: z.number().nullable(),
  max_score: z.number().nullable(),
});
export type OutlineLesson = z.infer<typeof lessonRow>;

/**
 * A lesson's resource as readers see it: its published version (a working copy in review, with
 * its new title or length, stays out of learners' outlines). Aliases `l` (lesson) and `v`.
 */
const publishedLessonResourceSql = sql`left join learning_resources r on r.id = l.resource_id
  left join learning_resource_versions v on v.resource_id = r.id and v.version = r.published_version`;

/** Sections and lessons in order, with the enrolment's progress (none: all not done). */
export async function courseOutline(
  courseId: string,
  enrolmentId: string | null,
  db: Db = getDb(),
) {
  const sections = await queryParsed(
    z.object({ id: z.string(), title: z.string(), position: z.number() }),
    sql`select id, title, position from course_sections where course_id = ${courseId}::uuid
        order by position`,
    db,
  );
  const lessons = await queryParsed(
    lessonRow,
    sql`select l.id, l.section_id, l.position, l.kind, l.resource_id,
          coalesce(v.content->>'title', l.title) as title, (v.content->>'minutes')::int as minutes,
          exists (select 1 from lesson_progress p where p.lesson_id = l.id
            and p.enrolment_id = ${enrolmentId}::uuid) as done,
          (select max(a.score) from quiz_attempts a where a.lesson_id = l.id
            and a.enrolment_id = ${enrolmentId}::uuid)::int as best_score,
          (select max(a.max_score) from quiz_attempts a where a.lesson_id = l.id
            and a.enrolment_id = ${enrolmentId}::uuid)::int as max_score
        from course_lessons l ${publishedLessonResourceSql}
        where l.course_id = ${courseId}::uuid
        order by l.position`,
    db,
  );
  return sections.map((section) => ({
    ...section,
    lessons: lessons.filter((lesson) => lesson.section_id === section.id),
  }));
}

/**
 * What the course page shows beside the outline: summary, language, its network, and the
 * enrolment's count of lessons done and whether it has started (null enrolment: not enrolled).
 */
export async function courseHeader(courseId: string, enrolmentId: string | null) {
  const [row] = await queryParsed(
    z.object({
      summary: z.string(),
      language: z.string(),
      network_id: z.string().nullable(),
      network_name: z.string().nullable(),
      completed_lessons: z.number().nullable(),
      started: z.boolean(),
    }),
    sql`select c.summary, c.language, c.network_id, n.name as network_name,
          e.completed_lessons,
          exists (select 1 from lesson_progress p where p.enrolment_id = e.id)
            or exists (select 1 from quiz_attempts a where a.enrolment_id = e.id) as started
        from courses c left join networks n on n.id = c.network_id
        left join enrolments e on e.id = ${enrolmentId}::uuid
        where c.id = ${courseId}::uuid`,
  );
  if (!row) throw notFound();
  return row;
}

/** Where to continue: the last lesson reached, else the first lesson not done, else the first. */
export async function resumeLesson(courseId: string, enrolmentId: string | null) {
  const [row] = await queryParsed(
    z.object({ id: z.string() }),
    sql`select coalesce(
          (select e.last_lesson_id from enrolments e where e.id = ${enrolmentId}::uuid
             and e.last_lesson_id is not null),
          (select l.id from course_lessons l where l.course_id = ${courseId}::uuid
             and not exists (select 1 from lesson_progress p where p.lesson_id = l.id
               and p.enrolment_id = ${enrolmentId}::uuid)
           order by l.position limit 1),
          (select l.id from course_lessons l where l.course_id = ${courseId}::uuid
           order by l.position limit 1)) as id`,
  ).catch(() => []);
  return row?.id ?? null;
}

// ——— Enrol and leave ———

/**
 * Enrols (or comes back after leaving); the course's count follows only when a row changed, so
 * two clicks at once make one enrolment and count it once.
 */
export async function enrol(decision: Decision<"enrol", CourseSubject, Person>, courseId: string) {
  const userId = decision.actor.id;
  await getDb().transaction(async (tx) => {
    await authorizeCourse(decision.actor, "enrol", courseId, tx, true);
    const changed = await queryParsed(
      z.object({ id: z.string() }),
      sql`insert into enrolments (course_id, user_id) values (${courseId}::uuid, ${userId}::uuid)
          on conflict (course_id, user_id) do update
            set status = case when enrolments.completed_at is null then 'active' else 'completed' end,
                last_active_at = now()
            where enrolments.status = 'left'
          returning id`,
      tx,
    );
    if (changed.length === 0) return;
    await tx.execute(
      sql`update courses set enrolment_count = enrolment_count + 1 where id = ${courseId}::uuid`,
    );
  });
}

export async function leave(decision: Decision<"leave", CourseSubject, Person>, courseId: string) {
  await getDb().transaction(async (tx) => {
    const { facts } = await authorizeCourse(decision.actor, "leave", courseId, tx, true);
    await tx.execute(
      sql`update enrolments set status = 'left', last_active_at = now()
          where id = ${facts.enrolment_id}::uuid`,
    );
    await tx.execute(
      sql`update courses set enrolment_count = greatest(enrolment_count - 1, 0)
          where id = ${courseId}::uuid`,
    );
  });
}

// ——— Lessons ———

const lessonDetail = z.object({
  id: z.string(),
  course_id: z.string(),
  position: z.number(),
  kind: z.enum(["resource", "quiz"]),
  resource_id: z.string().nullable(),
  title: z.string(),
  quiz: z.array(z.custom<StoredQuestion>()).nullable(),
});

/** One lesson of this course (null when the lesson belongs to another course or none). */
export async function lessonOf(courseId: string, lessonId: string, db: Db = getDb()) {
  if (!z.uuid().safeParse(lessonId).success) return null;
  const [row] = await queryParsed(
    lessonDetail,
    sql`select l.id, l.course_id, l.position, l.kind, l.resource_id,
          coalesce(v.content->>'title', l.title) as title, l.quiz
        from course_lessons l ${publishedLessonResourceSql}
        where l.id = ${lessonId}::uuid and l.course_id = ${courseId}::uuid`,
    db,
  );
  return row ?? null;
}

/** The lesson after `position` in the course, if any. */
export async function nextLessonId(courseId: string, position: number, db: Db = getDb()) {
  const [row] = await queryParsed(
    z.object({ id: z.string() }),
    sql`select id from course_lessons where course_id = ${courseId}::uuid and position > ${position}
        order by position limit 1`,
    db,
  );
  return row?.id ?? null;
}

/**
 * The resource a lesson shows, as readers see it (its published version, not a working copy in
 * review), with its files (for presentResource). Null when nothing of it is published.
 */
export async function lessonResource(resourceId: string) {
  const [found] = await queryParsed(
    z.object({ content: z.custom<ResourceContent>() }),
    sql`select v.content from learning_resources r
        join learning_resource_versions v on v.resource_id = r.id and v.version = r.published_version
        where r.id = ${resourceId}::uuid`,
  );
  const row = found ? { ...found.content, id: resourceId } : null;
  if (!row) return null;
  // The published version's files only: one added to the working copy waits for its review.
  const files = await publishedFilesOf(resourceId);
  return { row, files };
}

export type ProgressOutcome = { nextLessonId: string | null; completed: boolean };

/**
 * Marks a resource lesson as done, moves "continue" on to the next lesson, and completes the
 * course when this was the last lesson the rule asks for (all in one transaction).
 */
export async function markLessonDone(
  decision: Decision<"learn", CourseSubject, Person>,
  courseId: string,
  lessonId: string,
): Promise<ProgressOutcome> {
  return getDb().transaction(async (tx) => {
    const { facts } = await authorizeCourse(decision.actor, "learn", courseId, tx, true);
    const lesson = await lessonOf(courseId, lessonId, tx);
    if (!lesson) throw notFound();
    if (lesson.kind !== "resource") throw invalid("courses.quizIsAnswered");
    const next = await nextLessonId(courseId, lesson.position, tx);
    const completed = await recordProgress(tx, facts, lesson.id, next);
    return { nextLessonId: next, completed };
  });
}

/**
 * Scores a quiz attempt on the server and stores it. Tampered answers (a question that does not
 * exist, an option out of range) are a 400 and store nothing. A pass (or, under the rule
 * "all lessons", any attempt) counts the lesson as done.
 */
export async function submitQuiz(
  decision: Decision<"learn", CourseSubject, Person>,
  courseId: string,
  lessonId: string,
  form: Record<string, unknown>,
): Promise<ProgressOutcome & { result: QuizResult; answers: number[][] }> {
  return getDb().transaction(async (tx) => {
    const { facts } = await authorizeCourse(decision.actor, "learn", courseId, tx, true);
    const lesson = await lessonOf(courseId, lessonId, tx);
    if (!lesson) throw notFound();
    if (lesson.kind !== "quiz" || !lesson.quiz) throw invalid("courses.notAQuiz");
    const answers = readAnswers(lesson.quiz, form);
    if (!answers) throw invalid("courses.quizTampered");
    const result = scoreQuiz(lesson.quiz, answers, facts.pass_mark);
    await tx.execute(
      sql`insert into quiz_attempts (enrolment_id, lesson_id, answers, score, max_score, passed)
          values (${facts.enrolment_id}::uuid, ${lesson.id}::uuid, ${JSON.stringify(answers)}::jsonb,
            ${result.score}, ${result.maxScore}, ${result.passed})`,
    );
    const counts = result.passed || facts.completion_rule === "all_lessons";
    const next = await nextLessonId(courseId, lesson.position, tx);
    let completed = false;
    if (counts) completed = await recordProgress(tx, facts, lesson.id, next);
    else {
      await tx.execute(
        sql`update enrolments set last_lesson_id = ${lesson.id}::uuid, last_active_at = now()
            where id = ${facts.enrolment_id}::uuid`,
      );
    }
    return { nextLessonId: next, completed, result, answers };
  });
}

/**
 * Writes a lesson's progress once, keeps the enrolment's count and resume point, and when the
 * count reaches the course's lessons completes the enrolment: `completed`, the certificate job
 * queued in this transaction, and the learner told. Returns whether it completed now.
 */
async function recordProgress(
  tx: Db,
  facts: CourseFacts,
  lessonId: string,
  next: string | null,
): Promise<boolean> {
  const enrolmentId = facts.enrolment_id!;
  const inserted = await queryParsed(
    z.object({ lesson_id: z.string() }),
    sql`insert into lesson_progress (enrolment_id, lesson_id)
        values (${enrolmentId}::uuid, ${lessonId}::uuid)
        on conflict do nothing returning lesson_id`,
    tx,
  );
  const [enrolment] = await queryParsed(
    z.object({ completed_lessons: z.number(), status: z.string(), user_id: z.string() }),
    sql`update enrolments set
          completed_lessons = completed_lessons + ${inserted.length},
          last_lesson_id = ${next ?? lessonId}::uuid, last_active_at = now()
        where id = ${enrolmentId}::uuid
        returning completed_lessons, status, user_id`,
    tx,
  );
  if (enrolment?.status !== "active") return false;
  if (enrolment.completed_lessons < facts.lesson_count || facts.lesson_count === 0) return false;
  return completeEnrolment(tx, facts, enrolmentId);
}

/**
 * Completes an active enrolment: `completed`, the certificate job queued in this transaction,
 * and the learner told. False when it was not active (completed already, or left).
 */
async function completeEnrolment(
  tx: Db,
  course: { id: string; title: string; network_id: string | null },
  enrolmentId: string,
): Promise<boolean> {
  const [completed] = await queryParsed(
    z.object({ user_id: z.string() }),
    sql`update enrolments set status = 'completed', completed_at = now()
        where id = ${enrolmentId}::uuid and status = 'active'
        returning user_id`,
    tx,
  );
  if (!completed) return false;
  await enqueue("credentials.issue", { enrolmentId }, { key: enrolmentId, tx });
  await notify(tx, {
    kind: "course.completed",
    recipientIds: [completed.user_id],
    actorId: null,
    networkId: course.network_id,
    groupKey: `course:${course.id}`,
    sourceKey: `course.completed:${enrolmentId}`,
    data: { courseId: course.id, title: titleFrom(course.title) },
  });
  return true;
}

/**
 * After the course's lessons changed (the editor removed some, in its transaction, after the
 * counts were kept right): completes every active enrolment that has now done all the lessons
 * the rule asks for, as recordProgress does on the last lesson, so that a learner whose only
 * missing lesson was removed is not left "in progress" forever without a certificate.
 */
export async function completeFinishedEnrolments(tx: Db, courseId: string): Promise<number> {
  const [course] = await queryParsed(
    z.object({
      id: z.string(),
      title: z.string(),
      network_id: z.string().nullable(),
      lesson_count: z.number(),
    }),
    sql`select id, title, network_id, lesson_count from courses where id = ${courseId}::uuid`,
    tx,
  );
  if (!course || course.lesson_count === 0) return 0;
  const finished = await queryParsed(
    z.object({ id: z.string() }),
    sql`select id from enrolments
        where course_id = ${course.id}::uuid and status = 'active'
          and completed_lessons >= ${course.lesson_count}
        order by id for update`,
    tx,
  );
  let completed = 0;
  for (const enrolment of finished) {
    if (await completeEnrolment(tx, course, enrolment.id)) completed += 1;
  }
  return completed;
}

// ——— Learners ———

const learnerRow = z.object({
  id: z.string(),
  user_id: z.string(),
  name: z.string(),
  completed_lessons: z.number(),
  status: z.enum(["active", "completed", "left"]),
  best_score: z.number().nullable(),
  max_score: z.number().nullable(),
  last_active_at: z.string(),
  cursor_at: z.string(),
});

/** A course's learners, most recently active first (keyset pages), with their quiz best. */
export async function listLearners(
  _decision: Decision<"learners", CourseSubject, Person>,
  courseId: string,
  after: Cursor | null,
) {
  const rows = await queryParsed(
    learnerRow,
    sql`select e.id, e.user_id, u.display_name as name, e.completed_lessons, e.status,
          (select max(a.score) from quiz_attempts a where a.enrolment_id = e.id)::int as best_score,
          (select max(a.max_score) from quiz_attempts a where a.enrolment_id = e.id)::int as max_score,
          to_char(e.last_active_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as last_active_at,
          ${cursorAtSql("e.last_active_at")}
        from enrolments e join users u on u.id = e.user_id
        where e.course_id = ${courseId}::uuid
          ${after ? sql`and ${afterCursorSql(after, "e.last_active_at", "e.id")}` : sql``}
        order by e.last_active_at desc, e.id desc
        limit ${LEARNERS_PAGE_SIZE + 1}`,
  );
  return keysetPage(rows, LEARNERS_PAGE_SIZE);
}
