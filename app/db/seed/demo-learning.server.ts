import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryParsed } from "~/db/client.server";
import type { ResourceContent, StoredQuestion } from "~/db/schema/learning";
import { scoreQuiz } from "~/features/courses/quiz";
import { issueCredentialForEnrolment } from "~/features/credentials/issue.server";
import { refreshNeeds } from "~/features/needs/weight.server";

/**
 * The learning part of the demo (issue 11): owners part-way through the shipped inductions (in
 * English, Greek and German), two who completed theirs with a signed certificate, a first
 * mini-format resource written by one of them, reviewed by a trainer, published and answering
 * an owner's need, one more waiting for review, and ratings and comments on the shipped
 * resources. Written in the demo's transaction; the courses come from the shipped courseware,
 * loaded before the demo (server `prepare()`, `seedDemo()`), and are skipped if it is absent.
 */

type Lesson = {
  id: string;
  kind: "resource" | "quiz";
  quiz: StoredQuestion[] | null;
  passMark: number;
};

type Learner = {
  person: string;
  course: string;
  /** Lessons done, from the first; "all" completes the course (its quiz passed, after a miss when `missedQuizFirst`). */
  done: number | "all";
  daysAgo: number;
  missedQuizFirst?: boolean;
};

const learners: Learner[] = [
  { person: "aoife-byrne", course: "induction-owners", done: "all", daysAgo: 12 },
  {
    person: "myrto-antoniou",
    course: "induction-owners-el",
    done: "all",
    daysAgo: 5,
    missedQuizFirst: true,
  },
  { person: "stavros-karagiannis", course: "induction-owners-el", done: 4, daysAgo: 2 },
  { person: "costas-kyriakou", course: "induction-owners-el", done: 1, daysAgo: 9 },
  { person: "grainne-hehir", course: "induction-owners", done: 6, daysAgo: 1 },
  { person: "eoin-kavanagh", course: "induction-owners", done: 2, daysAgo: 20 },
  { person: "markus-huber", course: "induction-owners-de", done: 3, daysAgo: 3 },
];

/** Aoife's first resource, written after her induction, on a need Ioana recorded. */
const firstResource: ResourceContent = {
  title: "Invoices that get paid: what each one must say",
  summary:
    "For owners who send invoices by hand: the details an invoice needs so it is accepted first time and paid on time.",
  language: "en",
  topics: ["topic:vat-and-invoicing", "topic:late-payments"],
  eqf: 3,
  minutes: 12,
  licence: "CC-BY-SA-4.0",
  introduction: [
    "I run a small bakery café in Cork. For two years about one invoice in five came back to me: a missing number, the wrong name of the company, no VAT line. Each one cost me a week of waiting.",
    "",
    "After this lesson you can:",
    "",
    "- list what an invoice must show in your country;",
    "- check an invoice in two minutes before you send it;",
    "- agree a payment date with a customer at the start, not at the end.",
  ].join("\n"),
  practice: [
    "### The details every invoice needs",
    "",
    "The EU VAT Directive (Council Directive 2006/112/EC, Article 226) lists what a VAT invoice shows. In short:",
    "",
    "| What | Example |",
    "| --- | --- |",
    "| Date and a unique number in sequence | 2026-041 |",
    "| Your name, address and VAT number | Rebel Crumb Ltd, IE1234567X |",
    "| The customer's name and address | Lee Valley College |",
    "| What you sold, how much, the price without VAT | 40 lunches at €9 |",
    "| The VAT rate and amount | 13.5 %: €48.60 |",
    "",
    "Check the current rules of your country: some ask for more, and small businesses under the VAT threshold write a sentence instead of a VAT line.",
    "",
    "### My two-minute check",
    "",
    "1. Is the number the next one in my list?",
    "2. Is the customer's name the one on their order, exactly?",
    '3. Did I write the payment date, not only "30 days"?',
    "4. Did I send it to the person who pays, not the person who ordered?",
  ].join("\n"),
  reflection: [
    "- Look at the last three invoices a customer paid late. Which of the details above was missing?",
    "- Who pays the invoices at your three biggest customers? Do you have their email?",
    "",
    "**Your task this week:** make your own two-minute check from the list above and use it on every invoice you send.",
  ].join("\n"),
  questions: [
    {
      prompt: "A customer pays late because the invoice had no order number. What helps next time?",
      options: [
        { text: "Send the invoice again, louder", correct: false },
        { text: "Ask at the start which details their accounts team needs", correct: true },
        { text: "Stop working for them", correct: false },
      ],
      feedback:
        "Asking at the start costs one email. Many late payments are invoices that were never accepted.",
      multiple: false,
    },
    {
      prompt: "Which details does a VAT invoice show? (choose all that apply)",
      options: [
        { text: "A unique number in sequence", correct: true },
        { text: "Your VAT number", correct: true },
        { text: "Your bank's opening hours", correct: false },
      ],
      feedback:
        "The number and your VAT number are required (Directive 2006/112/EC, Article 226); the rest of the list is in the table above.",
      multiple: true,
    },
  ],
  videos: [],
};

/** A trainer's resource, sent for review and waiting in the reviewers' queue. */
const waitingResource: ResourceContent = {
  title: "A price list you can defend",
  summary:
    "For owners who feel their prices are guesses: build each price from cost, time and what the customer gains.",
  language: "en",
  topics: ["topic:pricing"],
  eqf: 4,
  minutes: 15,
  licence: "CC-BY-SA-4.0",
  introduction:
    "Many owners set prices by looking at the shop next door. This lesson helps you build one price from your own figures.\n\nAfter it you can work out the lowest price you can accept for one product.",
  practice:
    "### Three numbers\n\n1. What the materials cost you.\n2. How long it takes, at the hourly rate you want to earn.\n3. A share of your fixed costs (rent, insurance, software).\n\nAdd them: that is your floor. Your price is the floor plus what the customer gains.",
  reflection:
    "- Pick your best-selling product. Is its price above the floor?\n\n**Your task this week:** work out the floor for three products.",
  questions: [
    {
      prompt: "What is the 'floor' of a price?",
      options: [
        { text: "The lowest price you can accept without losing money", correct: true },
        { text: "The price your competitor charges", correct: false },
      ],
      feedback: "Below the floor each sale costs you money, however busy you are.",
      multiple: false,
    },
    {
      prompt: "Which costs belong in the floor? (choose all that apply)",
      options: [
        { text: "Materials", correct: true },
        { text: "Your time", correct: true },
        { text: "A share of the rent", correct: true },
      ],
      feedback:
        "All three: the time you work is a cost, even when nobody sends you an invoice for it.",
      multiple: true,
    },
  ],
  videos: [],
};

const ratings: Array<[person: string, slug: string, stars: number]> = [
  ["aoife-byrne", "cash-flow-basics", 5],
  ["grainne-hehir", "cash-flow-basics", 4],
  ["eoin-kavanagh", "being-found-online", 4],
  ["myrto-antoniou", "social-media-in-an-hour-a-week", 5],
  ["markus-huber", "pricing", 3],
  ["ioana-munteanu", "selling-across-eu-borders-vat", 5],
  ["ioana-munteanu", "gdpr-for-a-small-business", 4],
];

const comments: Array<[person: string, slug: string, body: string]> = [
  [
    "grainne-hehir",
    "cash-flow-basics",
    "The 13-week sheet showed me a gap in March I had not seen. I moved a supplier payment and it was fine.",
  ],
  [
    "ioana-munteanu",
    "selling-across-eu-borders-vat",
    "Clear about the One-Stop Shop. I would add one example for services, not only goods.",
  ],
];

function day(daysAgo: number, hour = 10): Date {
  const at = new Date(Date.now() - daysAgo * 86400_000);
  at.setUTCHours(hour, 0, 0, 0);
  return at;
}

function rightAnswers(quiz: StoredQuestion[]): number[][] {
  return quiz.map((q) => q.options.flatMap((o, i) => (o.correct ? [i] : [])));
}

async function courseLessons(slug: string, db: Db) {
  const [course] = await queryParsed(
    z.object({ id: z.string(), pass_mark: z.number() }),
    sql`select id, pass_mark from courses where slug = ${slug}`,
    db,
  );
  if (!course) return null;
  const lessons = await queryParsed(
    z.object({ id: z.string(), kind: z.enum(["resource", "quiz"]), quiz: z.unknown() }),
    sql`select id, kind, quiz from course_lessons where course_id = ${course.id}::uuid order by position`,
    db,
  );
  return {
    id: course.id,
    lessons: lessons.map(
      (l): Lesson => ({
        id: l.id,
        kind: l.kind,
        quiz: (l.quiz as StoredQuestion[] | null) ?? null,
        passMark: course.pass_mark,
      }),
    ),
  };
}

async function enrolLearner(learner: Learner, people: Map<string, string>, db: Db) {
  const userId = people.get(learner.person);
  const course = await courseLessons(learner.course, db);
  if (!userId || !course) return null;
  const total = course.lessons.length;
  const doneCount = learner.done === "all" ? total : Math.min(learner.done, total);
  const completed = doneCount === total;
  const enrolledAt = day(learner.daysAgo + 6, 9);
  const lastActive = day(learner.daysAgo, 18);
  const next = course.lessons[doneCount] ?? course.lessons[total - 1]!;
  const [enrolment] = await queryParsed(
    z.object({ id: z.string() }),
    sql`insert into enrolments (course_id, user_id, status, last_lesson_id, completed_lessons,
          enrolled_at, last_active_at, completed_at)
        values (${course.id}::uuid, ${userId}::uuid, ${completed ? "completed" : "active"},
          ${next.id}::uuid, ${doneCount}, ${enrolledAt}, ${lastActive},
          ${completed ? lastActive : null})
        returning id`,
    db,
  );
  for (const [index, lesson] of course.lessons.slice(0, doneCount).entries()) {
    const at = new Date(enrolledAt.getTime() + (index + 1) * 3_600_000 * 10);
    if (lesson.kind === "quiz" && lesson.quiz) {
      const right = rightAnswers(lesson.quiz);
      const tries = learner.missedQuizFirst
        ? [right.map((answer, i) => (i < 3 ? answer.map((o) => o + 1) : answer)), right]
        : [right];
      for (const answers of tries) {
        const bounded = answers.map((list, i) =>
          list.filter((o) => o < lesson.quiz![i]!.options.length),
        );
        const result = scoreQuiz(lesson.quiz, bounded, lesson.passMark);
        await db.execute(
          sql`insert into quiz_attempts (enrolment_id, lesson_id, answers, score, max_score, passed, created_at)
              values (${enrolment!.id}::uuid, ${lesson.id}::uuid, ${JSON.stringify(bounded)}::jsonb,
                ${result.score}, ${result.maxScore}, ${result.passed}, ${at})`,
        );
      }
    }
    await db.execute(
      sql`insert into lesson_progress (enrolment_id, lesson_id, completed_at)
          values (${enrolment!.id}::uuid, ${lesson.id}::uuid, ${at})`,
    );
  }
  await db.execute(
    sql`update courses set enrolment_count = enrolment_count + 1 where id = ${course.id}::uuid`,
  );
  return { enrolmentId: enrolment!.id, completed, at: lastActive };
}

async function writeResource(
  content: ResourceContent,
  authorId: string,
  state: { published: { reviewerId: string; needIds: string[]; at: Date } } | { submittedAt: Date },
  db: Db,
): Promise<string> {
  const published = "published" in state ? state.published : null;
  const topics = sql`array[${sql.join(
    content.topics.map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  const [row] = await queryParsed(
    z.object({ id: z.string() }),
    sql`insert into learning_resources (author_id, status, version, published_version,
          published_topics, published_eqf, published_minutes, title,
          summary, language, topics, eqf, minutes, licence, introduction, practice, reflection,
          questions, videos, need_ids, created_at, updated_at, submitted_at, published_at)
        values (${authorId}::uuid, ${published ? "published" : "submitted"}, 1,
          ${published ? 1 : null}, ${published ? topics : sql`null`},
          ${published ? content.eqf : null}, ${published ? content.minutes : null},
          ${content.title}, ${content.summary}, ${content.language},
          ${topics}, ${content.eqf}, ${content.minutes}, ${content.licence},
          ${content.introduction}, ${content.practice}, ${content.reflection},
          ${JSON.stringify(content.questions)}::jsonb, '{}'::text[],
          ${
            published
              ? sql`array[${sql.join(
                  published.needIds.map((id) => sql`${id}::uuid`),
                  sql`, `,
                )}]::uuid[]`
              : sql`'{}'::uuid[]`
          },
          ${published ? new Date(published.at.getTime() - 3 * 86400_000) : (state as { submittedAt: Date }).submittedAt},
          now(), ${published ? new Date(published.at.getTime() - 86400_000) : (state as { submittedAt: Date }).submittedAt},
          ${published ? published.at : null})
        returning id`,
    db,
  );
  const id = row!.id;
  await db.execute(
    sql`insert into learning_resource_versions (resource_id, version, content, edited_by, created_at)
        values (${id}::uuid, 1, ${JSON.stringify(content)}::jsonb, ${authorId}::uuid, now())`,
  );
  if (published) {
    await db.execute(
      sql`insert into learning_resource_reviews (resource_id, version, reviewer_id, decision, body, created_at)
          values (${id}::uuid, 1, ${published.reviewerId}::uuid, 'approved',
            'Clear and practical. I added nothing; the two-minute check is the best part.',
            ${published.at})`,
    );
    for (const needId of published.needIds) {
      await db.execute(
        sql`insert into need_answers (need_id, responder_id, kind, resource_id, message, language, created_at)
            values (${needId}::uuid, ${authorId}::uuid, 'resource', ${id}::uuid,
              'I wrote this after my own invoices kept coming back.', ${content.language}, ${published.at})`,
      );
    }
    await refreshNeeds(db, { resourceId: id });
  }
  return id;
}

/** Seeds the learning part of the demo; returns how many certificates it issued. */
export async function seedDemoLearning(people: Map<string, string>, db: Db): Promise<number> {
  const id = (key: string) => {
    const found = people.get(key);
    if (!found) throw new Error(`demo-learning: no demo person ${key}`);
    return found;
  };
  let certificates = 0;
  for (const learner of learners) {
    const enrolment = await enrolLearner(learner, people, db);
    if (!enrolment?.completed) continue;
    const issued = await issueCredentialForEnrolment(
      { enrolmentId: enrolment.enrolmentId, now: enrolment.at },
      db,
    );
    if (issued.issued) certificates += 1;
  }

  const needs = await queryParsed(
    z.object({ id: z.string() }),
    sql`select id from needs where owner_id = ${id("ioana-munteanu")}::uuid
          and topic = 'topic:vat-and-invoicing' and status = 'open'`,
    db,
  );
  await writeResource(
    firstResource,
    id("aoife-byrne"),
    {
      published: {
        reviewerId: id("niamh-gallagher"),
        needIds: needs.map((n) => n.id),
        at: day(3, 15),
      },
    },
    db,
  );
  await writeResource(waitingResource, id("declan-murphy"), { submittedAt: day(1, 11) }, db);

  for (const [person, slug, stars] of ratings) {
    const rated = await queryParsed(
      z.object({ resource_id: z.string() }),
      sql`insert into learning_resource_ratings (resource_id, user_id, stars)
          select r.id, ${id(person)}::uuid, ${stars} from learning_resources r where r.slug = ${slug}
          returning resource_id`,
      db,
    );
    if (rated.length === 0) continue;
    await db.execute(
      sql`update learning_resources set rating_sum = rating_sum + ${stars},
            rating_count = rating_count + 1 where slug = ${slug}`,
    );
  }
  for (const [index, [person, slug, body]] of comments.entries()) {
    await db.execute(
      sql`insert into learning_resource_comments (resource_id, author_id, body, created_at)
          select r.id, ${id(person)}::uuid, ${body}, ${day(4 - index, 20)}
          from learning_resources r where r.slug = ${slug}`,
    );
  }
  return certificates;
}
