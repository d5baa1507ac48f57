import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import type { ResourceContent } from "~/db/schema/learning";
import { type Courseware, parseCourseware } from "~/features/learning/courseware";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale } from "~/i18n/i18n";
import { getLogger } from "~/lib/logger.server";
import { type CourseFile, parseCourseFile } from "./course-file";

/**
 * The courseware Synergy ships (courseware/, issue 11) as published resources and courses.
 * Runs at every start-up after the migrations and the topics: it hashes every file it reads and
 * does nothing when the hash is the one it stored last time. Otherwise, in one transaction:
 * each mini-format file becomes (or updates) the published resource with its slug (no author, a
 * new version row when its content changed; a `translation_of: <slug>` file joins its
 * original's translation group), and each `course.md` becomes (or updates) the published course
 * with its slug (no owner), with its units as lessons in order and the final quiz as a quiz
 * lesson. Lessons are matched by resource (and the one quiz), so learners keep their progress.
 */

export const SHIPPED_HASH_KEY = "shippedCoursewareHash";
/**
 * Part of the hash: raise it when the loader writes the same files differently, so that
 * databases loaded by an older loader are loaded again (2: the final quiz's section title in
 * the course's language).
 */
const LOADER_REVISION = 2;
/** Long documents in their own format, not mini-format units. */
const SKIPPED_FOLDERS = new Set(["train-the-trainer"]);

type Found = { file: string; text: string };

function walk(root: string, dir = root): Found[] {
  if (!fs.existsSync(dir)) return [];
  const out: Found[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (dir === root && SKIPPED_FOLDERS.has(entry.name)) continue;
      out.push(...walk(root, full));
    } else if (entry.isFile() && entry.name.endsWith(".md") && entry.name !== "README.md") {
      out.push({
        file: path.relative(root, full).split(path.sep).join("/"),
        text: fs.readFileSync(full, "utf8"),
      });
    }
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** `translation_of: <slug>` in a file's front matter (read here until the parser returns it). */
function translationOf(text: string): string | null {
  const front = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] ?? "";
  return /^translation_of:\s*([a-z0-9-]+)\s*$/m.exec(front)?.[1] ?? null;
}

function contentOf(unit: Courseware): ResourceContent {
  return {
    title: unit.title,
    summary: unit.summary,
    language: unit.language,
    topics: unit.topics,
    eqf: unit.eqf,
    minutes: unit.minutes,
    licence: unit.licence,
    introduction: unit.phases.introduction,
    practice: unit.phases.practice,
    reflection: unit.phases.reflection,
    questions: unit.questions,
    videos: [],
  };
}

/** JSON with sorted keys: jsonb does not keep the order the keys were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

function textArray(values: readonly string[]) {
  if (values.length === 0) return sql`'{}'::text[]`;
  return sql`array[${sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )}]::text[]`;
}

export type ShippedResult = { changed: boolean; resources: number; courses: number };

/** Loads courseware/ (or `root`) into the database; cheap when nothing changed. */
export async function syncShippedCourseware(
  root = path.resolve(process.cwd(), "courseware"),
): Promise<ShippedResult> {
  const found = walk(root);
  const hash = createHash("sha256");
  hash.update(`loader:${LOADER_REVISION}\u0000`);
  for (const { file, text } of found) hash.update(`${file}\u0000${text}\u0000`);
  const digest = hash.digest("hex");
  const [stored] = await queryParsed(
    z.object({ value: z.unknown() }),
    sql`select value from settings where key = ${SHIPPED_HASH_KEY}`,
  );
  if (stored?.value === digest) return { changed: false, resources: 0, courses: 0 };

  const units: { file: string; unit: Courseware; original: string | null }[] = [];
  const courses: { file: string; course: CourseFile }[] = [];
  for (const { file, text } of found) {
    if (path.posix.basename(file) === "course.md") {
      courses.push({ file, course: parseCourseFile(text, file) });
    } else {
      units.push({ file, unit: parseCourseware(text, file), original: translationOf(text) });
    }
  }
  // Originals first, so that a translation finds its group.
  units.sort((a, b) => Number(a.original !== null) - Number(b.original !== null));

  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${SHIPPED_HASH_KEY}))`);
    const slugToId = new Map<string, string>();
    for (const { unit, original } of units) {
      slugToId.set(unit.slug, await upsertResource(tx, unit, original));
    }
    for (const { file, course } of courses) {
      const folder = path.posix.dirname(file);
      const resourceIds = course.sections.map((section) =>
        section.units.map((name) => {
          const unit = units.find((u) => u.file === path.posix.join(folder, name));
          if (!unit) throw new Error(`${file}: unit '${name}' is not a courseware file beside it`);
          return slugToId.get(unit.unit.slug)!;
        }),
      );
      await upsertCourse(tx, course, resourceIds);
    }
    await tx.execute(
      sql`insert into settings (key, value) values (${SHIPPED_HASH_KEY}, ${JSON.stringify(digest)}::jsonb)
          on conflict (key) do update set value = excluded.value, updated_at = now()`,
    );
  });
  getLogger().info(
    { resources: units.length, courses: courses.length },
    "shipped courseware loaded",
  );
  return { changed: true, resources: units.length, courses: courses.length };
}

async function upsertResource(tx: Db, unit: Courseware, original: string | null): Promise<string> {
  const content = contentOf(unit);
  const json = JSON.stringify(content);
  const [group] = original
    ? await queryParsed(
        z.object({ translation_group: z.string() }),
        sql`select translation_group from learning_resources where slug = ${original}`,
        tx,
      )
    : [];
  const [existing] = await queryParsed(
    z.object({ id: z.string(), version: z.number(), content: z.unknown().nullable() }),
    sql`select r.id, r.version, v.content from learning_resources r
        left join learning_resource_versions v on v.resource_id = r.id and v.version = r.version
        where r.slug = ${unit.slug} for update of r`,
    tx,
  );
  const columns = sql`title = ${content.title}, summary = ${content.summary},
    language = ${content.language}, topics = ${textArray(content.topics)}, eqf = ${content.eqf},
    minutes = ${content.minutes}, licence = ${content.licence},
    introduction = ${content.introduction}, practice = ${content.practice},
    reflection = ${content.reflection}, questions = ${JSON.stringify(content.questions)}::jsonb,
    videos = '{}'::text[]`;
  if (!existing) {
    const [row] = await queryParsed(
      z.object({ id: z.string() }),
      sql`insert into learning_resources (slug, translation_group, author_id, network_id, status,
            version, published_version, published_topics, published_eqf, published_minutes,
            title, summary, language, topics, eqf, minutes, licence, introduction,
            practice, reflection, questions, videos, published_at)
          values (${unit.slug}, coalesce(${group?.translation_group ?? null}::uuid, gen_random_uuid()),
            null, null, 'published', 1, 1, ${textArray(content.topics)}, ${content.eqf},
            ${content.minutes}, ${content.title}, ${content.summary}, ${content.language},
            ${textArray(content.topics)}, ${content.eqf}, ${content.minutes}, ${content.licence},
            ${content.introduction}, ${content.practice}, ${content.reflection},
            ${JSON.stringify(content.questions)}::jsonb, '{}'::text[], now())
          returning id`,
      tx,
    );
    await tx.execute(
      sql`insert into learning_resource_versions (resource_id, version, content, note)
          values (${row!.id}::uuid, 1, ${json}::jsonb, 'courseware')`,
    );
    return row!.id;
  }
  const sameContent = canonical(existing.content) === canonical(content);
  if (sameContent && !group) return existing.id;
  const version = sameContent ? existing.version : existing.version + 1;
  await tx.execute(
    sql`update learning_resources set ${columns}, version = ${version}, published_version = ${version},
          published_topics = ${textArray(content.topics)}, published_eqf = ${content.eqf},
          published_minutes = ${content.minutes}, status = 'published',
          published_at = coalesce(published_at, now()), updated_at = now()
          ${group ? sql`, translation_group = ${group.translation_group}::uuid` : sql``}
        where id = ${existing.id}::uuid`,
  );
  if (!sameContent) {
    await tx.execute(
      sql`insert into learning_resource_versions (resource_id, version, content, note)
          values (${existing.id}::uuid, ${version}, ${json}::jsonb, 'courseware')
          on conflict (resource_id, version) do update set content = excluded.content`,
    );
  }
  return existing.id;
}

async function upsertCourse(tx: Db, course: CourseFile, resourceIds: string[][]): Promise<void> {
  const [row] = await queryParsed(
    z.object({ id: z.string() }),
    sql`insert into courses (slug, owner_id, network_id, status, title, summary, language, eqf,
          completion_rule, pass_mark, published_at)
        values (${course.slug}, null, null, 'published', ${course.title}, ${course.summary},
          ${course.language}, ${course.eqf}, 'all_lessons_and_quizzes', ${course.passMark}, now())
        on conflict (slug) do update set title = excluded.title, summary = excluded.summary,
          language = excluded.language, eqf = excluded.eqf, pass_mark = excluded.pass_mark,
          completion_rule = excluded.completion_rule, status = 'published',
          published_at = coalesce(courses.published_at, now()), updated_at = now()
        returning id`,
    tx,
  );
  const courseId = row!.id;
  // Out of the way of the unique positions, then each in its place.
  await tx.execute(
    sql`update course_sections set position = position + 100000 where course_id = ${courseId}::uuid`,
  );
  await tx.execute(
    sql`update course_lessons set position = position + 100000 where course_id = ${courseId}::uuid`,
  );
  const sections = await queryParsed(
    z.object({ id: z.string() }),
    sql`select id from course_sections where course_id = ${courseId}::uuid order by position`,
    tx,
  );
  // The course file's heading is always "## Final quiz"; learners read the title of its section
  // and of its lesson in the course's language.
  const quizTitle = translatorFor(isLocale(course.language) ? course.language : "en")(
    "courses.finalQuiz",
  );
  const titles = [...course.sections.map((s) => s.title), quizTitle];
  const sectionIds: string[] = [];
  for (const [index, title] of titles.entries()) {
    const reuse = sections[index];
    if (reuse) {
      await tx.execute(
        sql`update course_sections set position = ${index}, title = ${title} where id = ${reuse.id}::uuid`,
      );
      sectionIds.push(reuse.id);
    } else {
      const [made] = await queryParsed(
        z.object({ id: z.string() }),
        sql`insert into course_sections (course_id, position, title)
            values (${courseId}::uuid, ${index}, ${title}) returning id`,
        tx,
      );
      sectionIds.push(made!.id);
    }
  }
  const lessons = await queryParsed(
    z.object({ id: z.string(), kind: z.string(), resource_id: z.string().nullable() }),
    sql`select id, kind, resource_id from course_lessons where course_id = ${courseId}::uuid`,
    tx,
  );
  const kept = new Set<string>();
  let position = 0;
  const place = async (
    sectionId: string,
    match: { id: string } | undefined,
    insert: ReturnType<typeof sql>,
    update: ReturnType<typeof sql>,
  ) => {
    if (match) {
      await tx.execute(
        sql`update course_lessons set section_id = ${sectionId}::uuid, position = ${position}, ${update}
            where id = ${match.id}::uuid`,
      );
      kept.add(match.id);
    } else {
      const [made] = await queryParsed(z.object({ id: z.string() }), insert, tx);
      kept.add(made!.id);
    }
    position++;
  };
  for (const [index, ids] of resourceIds.entries()) {
    for (const resourceId of ids) {
      await place(
        sectionIds[index]!,
        lessons.find((l) => l.kind === "resource" && l.resource_id === resourceId),
        sql`insert into course_lessons (course_id, section_id, position, kind, resource_id)
            values (${courseId}::uuid, ${sectionIds[index]!}::uuid, ${position}, 'resource', ${resourceId}::uuid)
            returning id`,
        sql`title = ''`,
      );
    }
  }
  const quiz = JSON.stringify(course.finalQuiz);
  const quizSection = sectionIds.at(-1)!;
  await place(
    quizSection,
    lessons.find((l) => l.kind === "quiz"),
    sql`insert into course_lessons (course_id, section_id, position, kind, title, quiz)
        values (${courseId}::uuid, ${quizSection}::uuid, ${position}, 'quiz', ${quizTitle}, ${quiz}::jsonb)
        returning id`,
    sql`title = ${quizTitle}, quiz = ${quiz}::jsonb`,
  );
  const gone = lessons.filter((l) => !kept.has(l.id)).map((l) => sql`${l.id}::uuid`);
  if (gone.length > 0) {
    await tx.execute(sql`delete from course_lessons where id in (${sql.join(gone, sql`, `)})`);
  }
  await tx.execute(
    sql`delete from course_sections where course_id = ${courseId}::uuid and position >= ${titles.length}`,
  );
  // Counts: lessons, and each enrolment's completed lessons (a removed lesson takes its progress).
  await tx.execute(sql`update courses set lesson_count = ${position} where id = ${courseId}::uuid`);
  await tx.execute(
    sql`update enrolments e set completed_lessons = (
          select count(*) from lesson_progress p where p.enrolment_id = e.id)
        where e.course_id = ${courseId}::uuid`,
  );
}
