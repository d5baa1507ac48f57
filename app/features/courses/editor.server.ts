import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { courses } from "~/db/schema";
import { createOnce } from "~/lib/create-once.server";
import { conflict, DomainError, forbidden, invalid, notFound } from "~/lib/errors";
import type { Person } from "~/lib/policy";
import { parseQuizText } from "./course-file";
import {
  authorizeCourse,
  type CourseFacts,
  completeFinishedEnrolments,
  courseActorOf,
} from "./courses.server";
import { coursePolicy } from "./rules";
import { type CourseDetails, QUIZ_QUESTIONS_MAX, QUIZ_TEXT_MAX } from "./schema";

/** Networks the person is an active member of (a network course is only for its members). */
export async function memberNetworks(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select n.id, n.name from network_members m join networks n on n.id = m.network_id
        where m.user_id = ${userId}::uuid and m.status = 'active' order by n.name limit 200`,
    db,
  );
}

async function checkNetwork(userId: string, network: string, db: Db) {
  if (network === "") return null;
  const mine = await memberNetworks(userId, db);
  if (!mine.some((n) => n.id === network)) throw forbidden("courses.networkNotYours");
  return network;
}

/** A new draft course, once per submission key. */
export async function createCourse(
  actor: Person,
  details: CourseDetails,
  submissionKey: string | undefined,
) {
  coursePolicy.authorize(actor, "create", await courseActorOf(actor.id));
  const networkId = await checkNetwork(actor.id, details.network, getDb());
  return createOnce({
    target: { table: courses, id: courses.id, owner: courses.ownerId, key: courses.submissionKey },
    ownerId: actor.id,
    submissionKey,
    values: () => ({
      ownerId: actor.id,
      networkId,
      title: details.title,
      summary: details.summary,
      language: details.language,
      completionRule: details.completionRule,
      passMark: details.passMark,
    }),
  });
}

/** Runs an edit of the course in one transaction, on the course row locked and checked. */
async function editing<T>(
  actor: Person,
  courseId: string,
  work: (tx: Db, facts: CourseFacts) => Promise<T>,
): Promise<T> {
  return getDb().transaction(async (tx) => {
    const { facts } = await authorizeCourse(actor, "edit", courseId, tx, true);
    const result = await work(tx, facts);
    await tx.execute(sql`update courses set updated_at = now() where id = ${facts.id}::uuid`);
    return result;
  });
}

export async function updateDetails(actor: Person, courseId: string, details: CourseDetails) {
  await editing(actor, courseId, async (tx, facts) => {
    const networkId = await checkNetwork(actor.id, details.network, tx);
    // Resources that only a network sees cannot go into a course for others.
    if (networkId !== facts.network_id) await checkResourcesFit(tx, facts.id, networkId);
    await tx.execute(
      sql`update courses set title = ${details.title}, summary = ${details.summary},
            language = ${details.language}, network_id = ${networkId}::uuid,
            completion_rule = ${details.completionRule}, pass_mark = ${details.passMark}
          where id = ${facts.id}::uuid`,
    );
    await recount(tx, facts.id);
  });
}

async function checkResourcesFit(tx: Db, courseId: string, networkId: string | null) {
  const [row] = await queryParsed(
    z.object({ misfit: z.boolean() }),
    sql`select exists (select 1 from course_lessons l join learning_resources r on r.id = l.resource_id
          where l.course_id = ${courseId}::uuid and r.network_id is not null
            and r.network_id is distinct from ${networkId}::uuid) as misfit`,
    tx,
  );
  if (row?.misfit) throw conflict("courses.resourceNetworkMismatch");
}

export async function publishCourse(actor: Person, courseId: string) {
  await editing(actor, courseId, async (tx, facts) => {
    if (facts.lesson_count === 0) throw conflict("courses.publishNeedsLessons");
    await tx.execute(
      sql`update courses set status = 'published', published_at = coalesce(published_at, now())
          where id = ${facts.id}::uuid`,
    );
  });
}

export async function unpublishCourse(actor: Person, courseId: string) {
  await editing(actor, courseId, async (tx, facts) => {
    await tx.execute(sql`update courses set status = 'draft' where id = ${facts.id}::uuid`);
  });
}

// ——— Sections ———

export async function addSection(actor: Person, courseId: string, title: string) {
  await editing(actor, courseId, async (tx, facts) => {
    await tx.execute(
      sql`insert into course_sections (course_id, position, title)
          values (${facts.id}::uuid,
            (select coalesce(max(position) + 1, 0) from course_sections where course_id = ${facts.id}::uuid),
            ${title})`,
    );
  });
}

async function sectionOf(tx: Db, courseId: string, sectionId: string) {
  if (!z.uuid().safeParse(sectionId).success) throw notFound();
  const [row] = await queryParsed(
    z.object({ id: z.string(), position: z.number() }),
    sql`select id, position from course_sections where id = ${sectionId}::uuid
        and course_id = ${courseId}::uuid`,
    tx,
  );
  if (!row) throw notFound();
  return row;
}

export async function renameSection(
  actor: Person,
  courseId: string,
  sectionId: string,
  title: string,
) {
  await editing(actor, courseId, async (tx, facts) => {
    const section = await sectionOf(tx, facts.id, sectionId);
    await tx.execute(
      sql`update course_sections set title = ${title} where id = ${section.id}::uuid`,
    );
  });
}

export async function removeSection(actor: Person, courseId: string, sectionId: string) {
  await editing(actor, courseId, async (tx, facts) => {
    const section = await sectionOf(tx, facts.id, sectionId);
    await tx.execute(sql`delete from course_lessons where section_id = ${section.id}::uuid`);
    await tx.execute(sql`delete from course_sections where id = ${section.id}::uuid`);
    await renumber(tx, facts.id);
    await recount(tx, facts.id);
  });
}

export async function moveSection(
  actor: Person,
  courseId: string,
  sectionId: string,
  direction: "up" | "down",
) {
  await editing(actor, courseId, async (tx, facts) => {
    const section = await sectionOf(tx, facts.id, sectionId);
    const ids = (
      await queryParsed(
        z.object({ id: z.string() }),
        sql`select id from course_sections where course_id = ${facts.id}::uuid order by position`,
        tx,
      )
    ).map((r) => r.id);
    const order = swap(ids, ids.indexOf(section.id), direction);
    await renumber(tx, facts.id, order);
  });
}

// ——— Lessons ———

/** Published resources the person may put in this course, found by title. */
export async function searchResources(
  userId: string,
  networkId: string | null,
  query: string,
  db: Db = getDb(),
) {
  const q = query.trim().slice(0, 100);
  if (q === "") return [];
  return queryParsed(
    z.object({ id: z.string(), title: z.string(), language: z.string() }),
    sql`select r.id, r.title, r.language from learning_resources r
        where r.published_version is not null
          and (r.network_id is null or (r.network_id = ${networkId}::uuid and exists (
            select 1 from network_members m where m.network_id = r.network_id
              and m.user_id = ${userId}::uuid and m.status = 'active')))
          and (r.title ilike ${`%${q.replace(/[\\%_]/g, "\\$&")}%`} or r.summary ilike ${`%${q.replace(/[\\%_]/g, "\\$&")}%`})
        order by r.published_at desc limit 20`,
    db,
  );
}

async function appendLesson(
  tx: Db,
  courseId: string,
  sectionId: string,
  values: ReturnType<typeof sql>,
) {
  await tx.execute(
    sql`update course_lessons set position = position + 100000 where course_id = ${courseId}::uuid`,
  );
  await tx.execute(
    sql`insert into course_lessons (course_id, section_id, position, kind, resource_id, title, quiz)
        select ${courseId}::uuid, ${sectionId}::uuid, 999999, ${values}`,
  );
  await renumber(tx, courseId);
  await recount(tx, courseId);
}

export async function addResourceLesson(
  actor: Person,
  courseId: string,
  sectionId: string,
  resourceId: string,
) {
  await editing(actor, courseId, async (tx, facts) => {
    const section = await sectionOf(tx, facts.id, sectionId);
    if (!z.uuid().safeParse(resourceId).success) throw notFound();
    const [resource] = await searchableResource(tx, actor.id, facts.network_id, resourceId);
    if (!resource) throw notFound();
    const [dup] = await queryParsed(
      z.object({ id: z.string() }),
      sql`select id from course_lessons where course_id = ${facts.id}::uuid
          and resource_id = ${resourceId}::uuid`,
      tx,
    );
    if (dup) throw conflict("courses.resourceAlreadyInCourse");
    await appendLesson(
      tx,
      facts.id,
      section.id,
      sql`'resource', ${resourceId}::uuid, '', null::jsonb`,
    );
  });
}

function searchableResource(tx: Db, userId: string, networkId: string | null, resourceId: string) {
  return queryParsed(
    z.object({ id: z.string() }),
    sql`select r.id from learning_resources r
        where r.id = ${resourceId}::uuid and r.published_version is not null
          and (r.network_id is null or (r.network_id = ${networkId}::uuid and exists (
            select 1 from network_members m where m.network_id = r.network_id
              and m.user_id = ${userId}::uuid and m.status = 'active')))`,
    tx,
  );
}

/** Reads the quiz box (self-assessment format); a mistake is a 400 naming the line. */
export function readQuiz(text: string) {
  if (text.length > QUIZ_TEXT_MAX) throw invalid("courses.quizTooLong", "quiz");
  let questions: ReturnType<typeof parseQuizText>;
  try {
    questions = parseQuizText(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "";
    throw new DomainError(400, "courses.quizInvalid", { field: "quiz", values: { detail } });
  }
  if (questions.length === 0 || questions.length > QUIZ_QUESTIONS_MAX) {
    throw invalid("courses.quizCount", "quiz");
  }
  return questions;
}

export async function addQuizLesson(
  actor: Person,
  courseId: string,
  sectionId: string,
  title: string,
  quizText: string,
) {
  const questions = readQuiz(quizText);
  await editing(actor, courseId, async (tx, facts) => {
    const section = await sectionOf(tx, facts.id, sectionId);
    await appendLesson(
      tx,
      facts.id,
      section.id,
      sql`'quiz', null::uuid, ${title}, ${JSON.stringify(questions)}::jsonb`,
    );
  });
}

async function lessonIn(tx: Db, courseId: string, lessonId: string) {
  if (!z.uuid().safeParse(lessonId).success) throw notFound();
  const [row] = await queryParsed(
    z.object({ id: z.string(), section_id: z.string() }),
    sql`select id, section_id from course_lessons where id = ${lessonId}::uuid
        and course_id = ${courseId}::uuid`,
    tx,
  );
  if (!row) throw notFound();
  return row;
}

export async function removeLesson(actor: Person, courseId: string, lessonId: string) {
  await editing(actor, courseId, async (tx, facts) => {
    const lesson = await lessonIn(tx, facts.id, lessonId);
    await tx.execute(sql`delete from course_lessons where id = ${lesson.id}::uuid`);
    await renumber(tx, facts.id);
    await recount(tx, facts.id);
  });
}

/** Moves a lesson one place up or down within the course (across sections at the edges). */
export async function moveLesson(
  actor: Person,
  courseId: string,
  lessonId: string,
  direction: "up" | "down",
) {
  await editing(actor, courseId, async (tx, facts) => {
    const lesson = await lessonIn(tx, facts.id, lessonId);
    const lessons = await orderedLessons(tx, facts.id);
    const index = lessons.findIndex((l) => l.id === lesson.id);
    const sections = (
      await queryParsed(
        z.object({ id: z.string() }),
        sql`select id from course_sections where course_id = ${facts.id}::uuid order by position`,
        tx,
      )
    ).map((s) => s.id);
    const neighbour = lessons[direction === "up" ? index - 1 : index + 1];
    const sectionIndex = sections.indexOf(lesson.section_id);
    if (neighbour && neighbour.section_id === lesson.section_id) {
      await renumber(
        tx,
        facts.id,
        undefined,
        swap(
          lessons.map((l) => l.id),
          index,
          direction,
        ),
      );
      return;
    }
    // At the edge of its section: into the previous (or next) section.
    const target = sections[direction === "up" ? sectionIndex - 1 : sectionIndex + 1];
    if (!target) return;
    await tx.execute(
      sql`update course_lessons set section_id = ${target}::uuid where id = ${lesson.id}::uuid`,
    );
    await renumber(tx, facts.id);
  });
}

function swap(ids: string[], index: number, direction: "up" | "down") {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= ids.length) return ids;
  const out = [...ids];
  [out[index], out[other]] = [out[other]!, out[index]!];
  return out;
}

async function orderedLessons(tx: Db, courseId: string) {
  return queryParsed(
    z.object({ id: z.string(), section_id: z.string() }),
    sql`select l.id, l.section_id from course_lessons l
        join course_sections s on s.id = l.section_id
        where l.course_id = ${courseId}::uuid order by s.position, l.position`,
    tx,
  );
}

/**
 * Gives sections positions 0… (in `sectionOrder`, else their current order) and lessons
 * positions 0… across the course, by section then (in `lessonOrder`, else current) position.
 */
async function renumber(tx: Db, courseId: string, sectionOrder?: string[], lessonOrder?: string[]) {
  const sections =
    sectionOrder ??
    (
      await queryParsed(
        z.object({ id: z.string() }),
        sql`select id from course_sections where course_id = ${courseId}::uuid order by position`,
        tx,
      )
    ).map((s) => s.id);
  await tx.execute(
    sql`update course_sections set position = position + 100000 where course_id = ${courseId}::uuid`,
  );
  for (const [index, id] of sections.entries()) {
    await tx.execute(sql`update course_sections set position = ${index} where id = ${id}::uuid`);
  }
  let lessons = await orderedLessons(tx, courseId);
  if (lessonOrder) {
    const rank = new Map(lessonOrder.map((id, index) => [id, index]));
    const sectionRank = new Map(sections.map((id, index) => [id, index]));
    lessons = [...lessons].sort(
      (a, b) =>
        sectionRank.get(a.section_id)! - sectionRank.get(b.section_id)! ||
        rank.get(a.id)! - rank.get(b.id)!,
    );
  }
  await tx.execute(
    sql`update course_lessons set position = position + 1000000 where course_id = ${courseId}::uuid`,
  );
  for (const [index, lesson] of lessons.entries()) {
    await tx.execute(
      sql`update course_lessons set position = ${index} where id = ${lesson.id}::uuid`,
    );
  }
}

/**
 * Keeps the counts right after the lessons or the rule changed: the course's lessons, each
 * enrolment's completed lessons (a removed lesson takes its progress with it); then completes
 * the enrolments that have now done every remaining lesson (the last lesson they had not done
 * was removed).
 */
async function recount(tx: Db, courseId: string) {
  await tx.execute(
    sql`update courses set lesson_count = (select count(*) from course_lessons where course_id = ${courseId}::uuid)
        where id = ${courseId}::uuid`,
  );
  await tx.execute(
    sql`update enrolments e set completed_lessons = (
          select count(*) from lesson_progress p where p.enrolment_id = e.id)
        where e.course_id = ${courseId}::uuid`,
  );
  await completeFinishedEnrolments(tx, courseId);
}

/** What the editor shows: the course's details and its outline. */
export async function courseForEditing(courseId: string) {
  const [row] = await queryParsed(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      language: z.string(),
      network_id: z.string().nullable(),
      completion_rule: z.string(),
      pass_mark: z.number(),
      status: z.string(),
      lesson_count: z.number(),
    }),
    sql`select id, title, summary, language, network_id, completion_rule, pass_mark, status,
          lesson_count from courses where id = ${courseId}::uuid`,
  );
  if (!row) throw notFound();
  return row;
}
