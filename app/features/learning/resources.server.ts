import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import {
  learningResourceCoauthors,
  learningResourceComments,
  learningResourceFiles,
  learningResourceRatings,
  learningResourceReviews,
  learningResources,
  learningResourceVersions,
  type ResourceContent,
} from "~/db/schema/learning";
import { needAnswers } from "~/db/schema/needs";
import { knownTopicKeys } from "~/features/needs/topics.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { fanOut } from "~/features/notifications/fanout.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify } from "~/features/notifications/notify.server";
import { sightOf } from "~/features/profiles/policy.server";
import { createOnce } from "~/lib/create-once.server";
import { conflict, forbidden, invalid, notFound } from "~/lib/errors";
import type { Actor, Decision, Person } from "~/lib/policy";
import type { AuthorFacts, ResourceSubject } from "./rules";
import {
  MAX_COMMENT,
  MAX_SUBMIT_NOTE,
  MIN_QUESTIONS,
  QUESTION_SLOTS,
  type ResourceInput,
} from "./schema";

export type ResourceRow = typeof learningResources.$inferSelect;

const TITLE_MAX = 80;

/** What the rules need to know about who may author. */
export async function readAuthorFacts(userId: string, db: Db = getDb()): Promise<AuthorFacts> {
  const [row] = await queryParsed(
    z.object({ educator_or_facilitator: z.boolean(), induction: z.boolean() }),
    sql`select (u.role = 'educator' or u.is_facilitator or exists (
          select 1 from network_members m where m.user_id = u.id
            and m.role = 'facilitator' and m.status = 'active')) as educator_or_facilitator,
        exists (select 1 from enrolments e join courses c on c.id = e.course_id
          where e.user_id = u.id and e.status = 'completed'
            and c.slug like 'induction-owners%') as induction
        from users u where u.id = ${userId}::uuid`,
    db,
  );
  return {
    educatorOrFacilitator: row?.educator_or_facilitator ?? false,
    inductionCompleted: row?.induction ?? false,
  };
}

/** SQL true when `userId` may review resource `r` (educators and facilitators, or the network's). */
function reviewerSql(userId: string) {
  return sql`(case when r.network_id is null then exists (
      select 1 from users ru where ru.id = ${userId}::uuid
        and (ru.role = 'educator' or ru.is_facilitator))
    else exists (
      select 1 from network_members rm join users ru on ru.id = rm.user_id
      where rm.network_id = r.network_id and rm.user_id = ${userId}::uuid and rm.status = 'active'
        and (rm.role = 'facilitator' or ru.role = 'educator')) end)`;
}

/** SQL true when the viewer may read live resource `r` (open library, or its network's member). */
function audienceSql(viewerId: string | null) {
  if (!viewerId) return sql`r.network_id is null`;
  return sql`(r.network_id is null or exists (
    select 1 from network_members am where am.network_id = r.network_id
      and am.user_id = ${viewerId}::uuid and am.status = 'active'))`;
}

function authorSql(userId: string) {
  return sql`(r.author_id = ${userId}::uuid or exists (
    select 1 from learning_resource_coauthors ca where ca.resource_id = r.id
      and ca.user_id = ${userId}::uuid))`;
}

/** The resource row and the facts the rules need, or null when there is no such resource. */
export async function readResourceSubject(
  id: string,
  actor: Actor,
  db: Db = getDb(),
): Promise<{ row: ResourceRow; subject: ResourceSubject } | null> {
  if (!z.uuid().safeParse(id).success) return null;
  const [row] = await db.select().from(learningResources).where(eq(learningResources.id, id));
  if (!row) return null;
  const viewer = actor?.id ?? null;
  const [facts] = await queryParsed(
    z.object({ is_author: z.boolean(), is_reviewer: z.boolean(), audience: z.boolean() }),
    viewer
      ? // A member removed from the resource's network is no longer one of its authors there.
        sql`select (${authorSql(viewer)} and ${audienceSql(viewer)}) as is_author, ${reviewerSql(viewer)} as is_reviewer,
          ${audienceSql(viewer)} as audience from learning_resources r where r.id = ${id}::uuid`
      : sql`select false as is_author, false as is_reviewer, ${audienceSql(null)} as audience
          from learning_resources r where r.id = ${id}::uuid`,
    db,
  );
  return {
    row,
    subject: {
      status: row.status,
      live: row.publishedVersion !== null,
      isAuthor: facts?.is_author ?? false,
      isReviewer: facts?.is_reviewer ?? false,
      audienceMember: facts?.audience ?? false,
    },
  };
}

/** Checks what a form names against the database: topics, co-authors, needs, the network. */
async function resolveReferences(
  authorId: string,
  input: ResourceInput,
  db: Db,
): Promise<{ coauthorIds: string[] }> {
  const known = await knownTopicKeys(input.topics, db);
  if (input.topics.some((key) => !known.has(key))) throw invalid("learning.topicUnknown", "topics");
  if (input.networkId) {
    const [member] = await queryParsed(
      z.object({ ok: z.boolean() }),
      sql`select true as ok from network_members where network_id = ${input.networkId}::uuid
          and user_id = ${authorId}::uuid and status = 'active'`,
      db,
    );
    if (!member) throw forbidden("learning.networkUnknown");
  }
  let coauthorIds: string[] = [];
  if (input.coauthorEmails.length > 0) {
    const rows = await queryParsed(
      z.object({ id: z.string() }),
      sql`select u.id::text from users u
          where lower(u.email) in (${sql.join(
            input.coauthorEmails.map((e) => sql`${e}`),
            sql`, `,
          )}) and u.id <> ${authorId}::uuid
            and ${
              input.networkId
                ? // A network resource: co-authors are active members of that network.
                  sql`exists (select 1 from network_members b
                    where b.network_id = ${input.networkId}::uuid and b.user_id = u.id
                      and b.status = 'active')`
                : sql`true`
            }
            and exists (select 1 from network_members a join network_members b
              on a.network_id = b.network_id
              where a.user_id = ${authorId}::uuid and b.user_id = u.id
                and a.status = 'active' and b.status = 'active')`,
      db,
    );
    if (rows.length !== input.coauthorEmails.length) {
      throw invalid("learning.coauthorUnknown", "coauthors");
    }
    coauthorIds = rows.map((r) => r.id);
  }
  if (input.needIds.length > 0) {
    const rows = await queryParsed(
      z.object({ id: z.string() }),
      sql`select n.id::text from needs n
          where n.id in (${sql.join(
            input.needIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )}) and n.status = 'open'
            and (n.network_id is null or exists (select 1 from network_members nm
              where nm.network_id = n.network_id and nm.user_id = ${authorId}::uuid
                and nm.status = 'active'))`,
      db,
    );
    if (rows.length !== input.needIds.length) throw invalid("learning.needUnknown", "needIds");
  }
  return { coauthorIds };
}

function contentColumns(input: ResourceInput) {
  return {
    title: input.title,
    summary: input.summary,
    topics: input.topics,
    eqf: input.eqf,
    minutes: input.minutes,
    licence: input.licence,
    introduction: input.introduction,
    practice: input.practice,
    reflection: input.reflection,
    questions: input.questions,
    videos: input.videos,
    needIds: input.needIds,
  };
}

/** The co-authors' email addresses, in the order they were added (the editor's field). */
export async function coauthorEmails(resourceId: string, db: Db = getDb()): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ email: z.string() }),
    sql`select u.email from learning_resource_coauthors c join users u on u.id = c.user_id
        where c.resource_id = ${resourceId}::uuid order by c.added_at`,
    db,
  );
  return rows.map((c) => c.email);
}

/** Starts a resource (a draft), once per submission key. */
export async function createResource(options: {
  decision: Decision<"author", AuthorFacts, Actor>;
  input: ResourceInput;
  submissionKey: string | undefined;
  /** For a translation: the group it joins. */
  translationGroup?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const actor = options.decision.actor as Person;
  const { input } = options;
  return createOnce({
    target: {
      table: learningResources,
      id: learningResources.id,
      owner: learningResources.authorId,
      key: learningResources.submissionKey,
    },
    ownerId: actor.id,
    submissionKey: options.submissionKey,
    prepare: () => resolveReferences(actor.id, input, getDb()),
    values: async (tx) => {
      if (options.translationGroup) {
        const [taken] = await tx
          .select({ id: learningResources.id })
          .from(learningResources)
          .where(
            and(
              eq(learningResources.translationGroup, options.translationGroup),
              eq(learningResources.language, input.language),
            ),
          );
        if (taken) throw conflict("learning.translationExists", "language");
      }
      return {
        ...contentColumns(input),
        language: input.language,
        authorId: actor.id,
        networkId: input.networkId,
        submissionKey: options.submissionKey ?? null,
        ...(options.translationGroup ? { translationGroup: options.translationGroup } : {}),
      };
    },
    alsoWrite: async (tx, id, prepared) => {
      if (prepared.coauthorIds.length > 0) {
        await tx
          .insert(learningResourceCoauthors)
          .values(prepared.coauthorIds.map((userId) => ({ resourceId: id, userId })));
      }
    },
  });
}

/** Changes the working copy. A live version stays what readers see until a new one is published. */
export async function updateResource(options: {
  decision: Decision<"edit", ResourceSubject, Actor>;
  row: ResourceRow;
  input: ResourceInput;
}): Promise<void> {
  const actor = options.decision.actor as Person;
  const { input, row } = options;
  const { coauthorIds } = await resolveReferences(
    actor.id,
    { ...input, networkId: row.networkId },
    getDb(),
  );
  await getDb().transaction(async (tx) => {
    const updated = await tx
      .update(learningResources)
      .set({
        ...contentColumns(input),
        // An approved or live resource edited again needs a new review.
        status: "draft",
        updatedAt: new Date(),
      })
      .where(and(eq(learningResources.id, row.id), sql`${learningResources.status} <> 'submitted'`))
      .returning({ id: learningResources.id });
    if (updated.length === 0) throw conflict("learning.inReview");
    // Only the starter changes who co-authors.
    if (row.authorId === actor.id) {
      await tx
        .delete(learningResourceCoauthors)
        .where(eq(learningResourceCoauthors.resourceId, row.id));
      if (coauthorIds.length > 0) {
        await tx
          .insert(learningResourceCoauthors)
          .values(coauthorIds.map((userId) => ({ resourceId: row.id, userId })));
      }
    }
  });
}

function contentOf(row: ResourceRow): ResourceContent {
  return {
    title: row.title,
    summary: row.summary,
    language: row.language,
    topics: row.topics,
    eqf: row.eqf,
    minutes: row.minutes,
    licence: row.licence,
    introduction: row.introduction,
    practice: row.practice,
    reflection: row.reflection,
    questions: row.questions,
    videos: row.videos,
  };
}

/** Authors and co-authors of a resource (ids). */
async function authorIdsOf(tx: Db, row: ResourceRow): Promise<string[]> {
  const co = await tx
    .select({ userId: learningResourceCoauthors.userId })
    .from(learningResourceCoauthors)
    .where(eq(learningResourceCoauthors.resourceId, row.id));
  return [...(row.authorId ? [row.authorId] : []), ...co.map((c) => c.userId)];
}

/** Sends the working copy for review: a new version is stored and the reviewers are told. */
export async function submitResource(options: {
  decision: Decision<"submit", ResourceSubject, Actor>;
  row: ResourceRow;
  note: string;
}): Promise<number> {
  const actor = options.decision.actor as Person;
  const { row } = options;
  if (row.questions.length < MIN_QUESTIONS || row.questions.length > QUESTION_SLOTS) {
    throw invalid("learning.questionsCount");
  }
  if (!row.introduction.trim() || !row.practice.trim() || !row.reflection.trim()) {
    throw invalid("learning.phasesRequired");
  }
  return getDb().transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(learningResources)
      .where(eq(learningResources.id, row.id))
      .for("update");
    if (locked?.status !== "draft") throw conflict("learning.notDraft");
    const [last] = await queryParsed(
      z.object({ v: z.number().nullable() }),
      sql`select max(version)::int as v from learning_resource_versions
          where resource_id = ${row.id}::uuid`,
      tx,
    );
    const version = (last?.v ?? 0) + 1;
    await tx.insert(learningResourceVersions).values({
      resourceId: row.id,
      version,
      content: contentOf(locked),
      editedBy: actor.id,
      note: options.note.slice(0, MAX_SUBMIT_NOTE),
    });
    await tx
      .update(learningResources)
      .set({ status: "submitted", version, submittedAt: new Date(), updatedAt: new Date() })
      .where(eq(learningResources.id, row.id));
    const authors = await authorIdsOf(tx, locked);
    const audience = await reviewerIds(tx, locked);
    const ids = audience.filter((id) => !authors.includes(id));
    if (ids.length > 0) {
      await fanOut(tx, {
        kind: "resource.review_requested",
        audience: { type: "people", ids },
        actorId: actor.id,
        networkId: locked.networkId,
        groupKey: `resource-review:${row.id}`,
        sourceKey: `resource-submitted:${row.id}:${version}`,
        data: { resourceId: row.id, title: titleFrom(locked.title, TITLE_MAX) },
      });
    }
    return version;
  });
}

async function reviewerIds(tx: Db, row: ResourceRow): Promise<string[]> {
  const rows = row.networkId
    ? await queryParsed(
        z.object({ id: z.string() }),
        sql`select m.user_id::text as id from network_members m join users u on u.id = m.user_id
            where m.network_id = ${row.networkId}::uuid and m.status = 'active'
              and (m.role = 'facilitator' or u.role = 'educator') limit 5000`,
        tx,
      )
    : await queryParsed(
        z.object({ id: z.string() }),
        sql`select id::text from users where role = 'educator' or is_facilitator limit 5000`,
        tx,
      );
  return rows.map((r) => r.id);
}

/**
 * A reviewer's word; approving may publish at once. Once per submission key: the same review
 * form sent again (a replay, a double click) answers with the review it made, changing nothing.
 */
export async function reviewResource(options: {
  decision: Decision<"review", ResourceSubject, Actor>;
  row: ResourceRow;
  verdict: "comment" | "changes_requested" | "approved";
  body: string;
  publish: boolean;
  submissionKey: string | undefined;
}): Promise<{ id: string; duplicate: boolean }> {
  const actor = options.decision.actor as Person;
  const { row } = options;
  let locked: ResourceRow | undefined;
  return createOnce({
    target: {
      table: learningResourceReviews,
      id: learningResourceReviews.id,
      owner: learningResourceReviews.reviewerId,
      key: learningResourceReviews.submissionKey,
    },
    ownerId: actor.id,
    submissionKey: options.submissionKey,
    values: async (tx) => {
      [locked] = await tx
        .select()
        .from(learningResources)
        .where(eq(learningResources.id, row.id))
        .for("update");
      if (locked?.status !== "submitted") throw conflict("learning.notSubmitted");
      return {
        resourceId: row.id,
        version: locked.version,
        reviewerId: actor.id,
        decision: options.verdict,
        body: options.body,
      };
    },
    alsoWrite: async (tx, reviewId) => {
      if (!locked) throw conflict("learning.notSubmitted");
      if (options.verdict !== "comment") {
        await tx
          .update(learningResources)
          .set({
            status: options.verdict === "approved" ? "approved" : "draft",
            updatedAt: new Date(),
          })
          .where(eq(learningResources.id, row.id));
      }
      const authors = await authorIdsOf(tx, locked);
      await notify(tx, {
        kind: "resource.reviewed",
        recipientIds: authors,
        actorId: actor.id,
        networkId: locked.networkId,
        groupKey: `resource:${row.id}`,
        sourceKey: `resource-review:${reviewId}`,
        data: { resourceId: row.id, title: titleFrom(locked.title, TITLE_MAX) },
      });
      if (options.verdict === "approved" && options.publish) {
        await publishLocked(tx, { ...locked, status: "approved" }, actor.id);
      }
    },
  });
}

/** Publishes an approved resource (its authors, after approval). */
export async function publishResource(options: {
  decision: Decision<"publish", ResourceSubject, Actor>;
  row: ResourceRow;
}): Promise<void> {
  const actor = options.decision.actor as Person;
  await getDb().transaction(async (tx) => {
    const [locked] = await tx
      .select()
      .from(learningResources)
      .where(eq(learningResources.id, options.row.id))
      .for("update");
    if (locked?.status !== "approved") throw conflict("learning.notApproved");
    await publishLocked(tx, locked, actor.id);
  });
}

/**
 * The approved version goes out: readers see it, the needs it answers get their answers and are
 * refreshed, authors and those needs' owners are told. Only an approved version gets here.
 */
async function publishLocked(tx: Db, locked: ResourceRow, actorId: string): Promise<void> {
  if (locked.status !== "approved") throw conflict("learning.notApproved");
  const [approval] = await tx
    .select({ id: learningResourceReviews.id })
    .from(learningResourceReviews)
    .where(
      and(
        eq(learningResourceReviews.resourceId, locked.id),
        eq(learningResourceReviews.version, locked.version),
        eq(learningResourceReviews.decision, "approved"),
      ),
    )
    .limit(1);
  if (!approval) throw conflict("learning.notApproved");
  // The library filters and shows the facts of the version readers get (stored at submission),
  // not the working copy, which authors may change again while this one is live.
  const facts = (await versionContent(locked.id, locked.version, tx)) ?? locked;
  await tx
    .update(learningResources)
    .set({
      status: "published",
      publishedVersion: locked.version,
      publishedTopics: facts.topics,
      publishedEqf: facts.eqf,
      publishedMinutes: facts.minutes,
      publishedAt: new Date(),
      updatedAt: new Date(),
    })
    .where(eq(learningResources.id, locked.id));
  let needOwners: string[] = [];
  if (locked.needIds.length > 0) {
    const open = await queryParsed(
      z.object({ id: z.string(), owner_id: z.string().nullable() }),
      sql`select id::text, owner_id::text from needs where status = 'open'
          and id in (${sql.join(
            locked.needIds.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
      tx,
    );
    if (open.length > 0) {
      await tx
        .insert(needAnswers)
        .values(
          open.map((need) => ({
            needId: need.id,
            responderId: locked.authorId,
            kind: "resource" as const,
            resourceId: locked.id,
            language: locked.language,
          })),
        )
        .onConflictDoNothing();
    }
    needOwners = open.flatMap((need) => (need.owner_id ? [need.owner_id] : []));
  }
  await refreshNeeds(tx, { resourceId: locked.id });
  const authors = await authorIdsOf(tx, locked);
  await notify(tx, {
    kind: "resource.published",
    recipientIds: [...authors, ...needOwners],
    actorId,
    networkId: locked.networkId,
    groupKey: `resource:${locked.id}`,
    sourceKey: `resource-published:${locked.id}:${locked.version}`,
    data: { resourceId: locked.id, title: titleFrom(locked.title, TITLE_MAX) },
  });
}

/** Takes a resource back: readers no longer see it and the needs it answered are un-reached. */
export async function withdrawResource(options: {
  decision: Decision<"withdraw", ResourceSubject, Actor>;
  row: ResourceRow;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [locked] = await tx
      .select({ status: learningResources.status })
      .from(learningResources)
      .where(eq(learningResources.id, options.row.id))
      .for("update");
    if (!locked) throw notFound();
    // A new version waiting for review would be lost: the reviewer decides first.
    if (locked.status === "submitted") throw conflict("learning.withdrawInReview");
    await tx
      .update(learningResources)
      .set({ status: "withdrawn", publishedVersion: null, updatedAt: new Date() })
      .where(eq(learningResources.id, options.row.id));
    await refreshNeeds(tx, { resourceId: options.row.id });
  });
}

/** The content readers see: the published version's, from the versions table. */
export async function publishedContent(
  row: ResourceRow,
  db: Db = getDb(),
): Promise<ResourceContent | null> {
  if (row.publishedVersion === null) return null;
  return versionContent(row.id, row.publishedVersion, db);
}

export async function versionContent(
  resourceId: string,
  version: number,
  db: Db = getDb(),
): Promise<ResourceContent | null> {
  const [v] = await db
    .select({ content: learningResourceVersions.content })
    .from(learningResourceVersions)
    .where(
      and(
        eq(learningResourceVersions.resourceId, resourceId),
        eq(learningResourceVersions.version, version),
      ),
    );
  return v?.content ?? null;
}

/** A resource's versions; who edited each is left out where the reader may not see names. */
export async function listVersions(resourceId: string, viewerId: string | null, db: Db = getDb()) {
  const sight = await sightOf(viewerId);
  const versions = await queryParsed(
    z.object({
      version: z.number(),
      title: z.string(),
      note: z.string(),
      created_at: z.coerce.date(),
      edited_by: z.string().nullable(),
    }),
    sql`select v.version, v.content->>'title' as title, v.note, v.created_at,
          u.display_name as edited_by
        from learning_resource_versions v left join users u on u.id = v.edited_by
        where v.resource_id = ${resourceId}::uuid order by v.version desc`,
    db,
  );
  return sight === "nothing" ? versions.map((v) => ({ ...v, edited_by: null })) : versions;
}

export async function listReviews(resourceId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({
      id: z.string(),
      version: z.number(),
      decision: z.string(),
      body: z.string(),
      reviewer: z.string().nullable(),
      created_at: z.coerce.date(),
    }),
    sql`select r.id::text, r.version, r.decision, r.body, u.display_name as reviewer, r.created_at
        from learning_resource_reviews r left join users u on u.id = r.reviewer_id
        where r.resource_id = ${resourceId}::uuid order by r.created_at desc limit 50`,
    db,
  );
}

export async function filesOf(resourceId: string, db: Db = getDb()) {
  return db
    .select()
    .from(learningResourceFiles)
    .where(eq(learningResourceFiles.resourceId, resourceId))
    .orderBy(learningResourceFiles.createdAt);
}

/** The files readers of the published version see: those made before that version was. */
export async function publishedFilesOf(resourceId: string, db: Db = getDb()) {
  return db
    .select()
    .from(learningResourceFiles)
    .where(
      and(
        eq(learningResourceFiles.resourceId, resourceId),
        sql`${learningResourceFiles.createdAt} <= (select v.created_at
          from learning_resources r join learning_resource_versions v
            on v.resource_id = r.id and v.version = r.published_version
          where r.id = ${resourceId}::uuid)`,
      ),
    )
    .orderBy(learningResourceFiles.createdAt);
}

/**
 * Authors shown on the page (none where the reader may not see names: decision 026), with the
 * published language versions of the same resource.
 */
export async function resourceSidebar(row: ResourceRow, viewerId: string | null, db: Db = getDb()) {
  const sight = await sightOf(viewerId);
  const named = await queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select u.id::text, u.display_name as name from users u
        where u.id = ${row.authorId ?? "00000000-0000-0000-0000-000000000000"}::uuid
           or u.id in (select user_id from learning_resource_coauthors
             where resource_id = ${row.id}::uuid)
        order by (u.id = ${row.authorId ?? "00000000-0000-0000-0000-000000000000"}::uuid) desc,
          u.display_name`,
    db,
  );
  const authors = sight === "nothing" ? [] : named;
  // Only language versions that are out are listed, named by what is out: their published
  // title, never a working copy being reworked (which only its authors and reviewers may see).
  const translations = await queryParsed(
    z.object({ id: z.string(), language: z.string(), title: z.string() }),
    sql`select r.id::text, r.language, coalesce(v.content->>'title', r.title) as title
        from learning_resources r
        left join learning_resource_versions v
          on v.resource_id = r.id and v.version = r.published_version
        where r.translation_group = ${row.translationGroup}::uuid and r.id <> ${row.id}::uuid
          and r.published_version is not null and ${audienceSql(viewerId)}
        order by r.language`,
    db,
  );
  return { authors, translations };
}

/** One rating per person, changeable; the sums change in the same transaction. */
export async function rateResource(options: {
  decision: Decision<"rate", ResourceSubject, Actor>;
  resourceId: string;
  stars: number;
}): Promise<void> {
  const actor = options.decision.actor as Person;
  if (!Number.isInteger(options.stars) || options.stars < 1 || options.stars > 5) {
    throw invalid("learning.ratingInvalid", "stars");
  }
  await getDb().transaction(async (tx) => {
    const [old] = await tx
      .select({ stars: learningResourceRatings.stars })
      .from(learningResourceRatings)
      .where(
        and(
          eq(learningResourceRatings.resourceId, options.resourceId),
          eq(learningResourceRatings.userId, actor.id),
        ),
      )
      .for("update");
    await tx
      .insert(learningResourceRatings)
      .values({ resourceId: options.resourceId, userId: actor.id, stars: options.stars })
      .onConflictDoUpdate({
        target: [learningResourceRatings.resourceId, learningResourceRatings.userId],
        set: { stars: options.stars, updatedAt: new Date() },
      });
    await tx
      .update(learningResources)
      .set({
        ratingSum: sql`${learningResources.ratingSum} + ${options.stars - (old?.stars ?? 0)}`,
        ratingCount: sql`${learningResources.ratingCount} + ${old ? 0 : 1}`,
      })
      .where(eq(learningResources.id, options.resourceId));
  });
}

/** The viewer's own rating, or null. */
export async function myRating(resourceId: string, userId: string): Promise<number | null> {
  const [row] = await getDb()
    .select({ stars: learningResourceRatings.stars })
    .from(learningResourceRatings)
    .where(
      and(
        eq(learningResourceRatings.resourceId, resourceId),
        eq(learningResourceRatings.userId, userId),
      ),
    );
  return row?.stars ?? null;
}

/**
 * A reader's comment, once per submission key: the same form sent again answers with the
 * comment it already made (its id, for the page to go to), never a second one.
 */
export async function addComment(options: {
  decision: Decision<"use", ResourceSubject, Actor>;
  resourceId: string;
  body: string;
  submissionKey: string | undefined;
}): Promise<{ id: string; duplicate: boolean }> {
  const actor = options.decision.actor as Person;
  const body = options.body.trim();
  if (body.length === 0) throw invalid("learning.commentRequired", "body");
  if (body.length > MAX_COMMENT) throw invalid("learning.commentTooLong", "body");
  return createOnce({
    target: {
      table: learningResourceComments,
      id: learningResourceComments.id,
      owner: learningResourceComments.authorId,
      key: learningResourceComments.submissionKey,
    },
    ownerId: actor.id,
    submissionKey: options.submissionKey,
    values: () => ({ resourceId: options.resourceId, authorId: actor.id, body }),
  });
}

export async function deleteComment(options: {
  decision: Decision<"use", ResourceSubject, Actor>;
  resourceId: string;
  commentId: string;
}): Promise<void> {
  const actor = options.decision.actor as Person;
  if (!z.uuid().safeParse(options.commentId).success) throw notFound();
  const deleted = await getDb()
    .update(learningResourceComments)
    .set({ deletedAt: new Date() })
    .where(
      and(
        eq(learningResourceComments.id, options.commentId),
        eq(learningResourceComments.resourceId, options.resourceId),
        eq(learningResourceComments.authorId, actor.id),
        sql`${learningResourceComments.deletedAt} is null`,
      ),
    )
    .returning({ id: learningResourceComments.id });
  if (deleted.length === 0) throw forbidden("learning.commentNotYours");
}

export const COMMENTS_PAGE = 20;

/**
 * A page of comments, newest first. Where the reader may not see names (decision 026) the
 * author is left out and `masked` says so (a null author otherwise is a deleted account).
 */
export async function listComments(
  resourceId: string,
  after: { at: string; id: string } | null,
  viewerId: string | null,
) {
  const sight = await sightOf(viewerId);
  const rows = await queryParsed(
    z.object({
      id: z.string(),
      body: z.string(),
      author_id: z.string().nullable(),
      author: z.string().nullable(),
      created_at: z.coerce.date(),
      cursor_at: z.string(),
    }),
    sql`select c.id::text, c.body, c.author_id::text, u.display_name as author, c.created_at,
          to_char(c.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
        from learning_resource_comments c left join users u on u.id = c.author_id
        where c.resource_id = ${resourceId}::uuid and c.deleted_at is null
          ${after ? sql`and (c.created_at, c.id) < (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        order by c.created_at desc, c.id desc limit ${COMMENTS_PAGE + 1}`,
  );
  const masked = sight === "nothing";
  return rows.map((r) =>
    masked ? { ...r, author_id: null, author: null, masked } : { ...r, masked },
  );
}

/** The viewer's open needs (to say "this answers my need"), and which this resource answers. */
export async function myOpenNeeds(resourceId: string, userId: string) {
  return queryParsed(
    z.object({
      id: z.string(),
      topic: z.string().nullable(),
      topic_text: z.string(),
      answered: z.boolean(),
    }),
    sql`select n.id::text, n.topic, n.topic_text, exists (select 1 from need_answers a
          where a.need_id = n.id and a.resource_id = ${resourceId}::uuid) as answered
        from needs n where n.owner_id = ${userId}::uuid and n.status = 'open'
        order by n.created_at desc limit 50`,
  );
}

/** "This answers my need": an owner links a live resource to one of their open needs, once. */
export async function answerMyNeed(options: {
  decision: Decision<"use", ResourceSubject, Actor>;
  row: ResourceRow;
  needId: string;
}): Promise<void> {
  const actor = options.decision.actor as Person;
  if (!z.uuid().safeParse(options.needId).success) throw invalid("learning.needUnknown", "needId");
  await getDb().transaction(async (tx) => {
    const [need] = await queryParsed(
      z.object({ id: z.string(), owner_id: z.string().nullable(), status: z.string() }),
      sql`select id::text, owner_id::text, status from needs where id = ${options.needId}::uuid
          for update`,
      tx,
    );
    if (!need || need.owner_id !== actor.id) throw forbidden("learning.needNotYours");
    if (need.status !== "open") throw conflict("learning.needNotOpen");
    const inserted = await tx
      .insert(needAnswers)
      .values({
        needId: need.id,
        responderId: actor.id,
        kind: "resource",
        resourceId: options.row.id,
        language: options.row.language,
      })
      .onConflictDoNothing()
      .returning({ id: needAnswers.id });
    if (inserted.length === 0) throw conflict("learning.needAlreadyAnswered");
    await refreshNeeds(tx, { needIds: [need.id] });
  });
}

/** The author's own resources (started or co-authored). */
export async function listMine(userId: string) {
  return queryParsed(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      language: z.string(),
      version: z.number(),
      published_version: z.number().nullable(),
      updated_at: z.coerce.date(),
    }),
    sql`select r.id::text, r.title, r.status, r.language, r.version, r.published_version,
          r.updated_at
        from learning_resources r where ${authorSql(userId)} and ${audienceSql(userId)}
        order by r.updated_at desc, r.id desc limit 200`,
  );
}

/** What waits for this reviewer. */
export async function listReviewQueue(userId: string) {
  return queryParsed(
    z.object({ id: z.string(), title: z.string(), language: z.string() }),
    sql`select r.id::text, r.title, r.language from learning_resources r
        where r.status = 'submitted' and ${reviewerSql(userId)} and not ${authorSql(userId)}
        order by r.submitted_at, r.id limit 100`,
  );
}

export const LIBRARY_PAGE = 20;

export type LibraryFilters = {
  topic: string;
  language: string;
  eqf: string;
  duration: "" | "short" | "medium" | "long";
};

/** The library: live resources the viewer may read, newest first, keyset on (published_at, id). */
export async function listLibrary(
  viewerId: string | null,
  filters: LibraryFilters,
  after: { at: string; id: string } | null,
) {
  // Filters read the published version's facts (published_*), never a working copy in review.
  const conditions = [sql`r.published_version is not null`, audienceSql(viewerId)];
  // Containment, not `= any(…)`, so the topics GIN index serves it (204 → 17 ms at 20,000).
  if (filters.topic) conditions.push(sql`r.published_topics @> array[${filters.topic}]::text[]`);
  if (filters.language) conditions.push(sql`r.language = ${filters.language}`);
  const eqf = Number(filters.eqf);
  if (filters.eqf && Number.isInteger(eqf)) conditions.push(sql`r.published_eqf = ${eqf}`);
  if (filters.duration === "short") conditions.push(sql`r.published_minutes <= 10`);
  if (filters.duration === "medium") {
    conditions.push(sql`r.published_minutes > 10 and r.published_minutes <= 20`);
  }
  if (filters.duration === "long") conditions.push(sql`r.published_minutes > 20`);
  if (after) {
    conditions.push(sql`(r.published_at, r.id) < (${after.at}::timestamptz, ${after.id}::uuid)`);
  }
  // Cards show the published version's words, not a working copy in review.
  return queryParsed(
    z.object({
      id: z.string(),
      title: z.string(),
      summary: z.string(),
      language: z.string(),
      minutes: z.number(),
      eqf: z.number(),
      topics: z.array(z.string()),
      rating_sum: z.number(),
      rating_count: z.number(),
      cursor_at: z.string(),
    }),
    sql`select r.id::text, coalesce(v.content->>'title', r.title) as title,
          coalesce(v.content->>'summary', r.summary) as summary, r.language,
          r.published_minutes::int as minutes, r.published_eqf::int as eqf,
          r.published_topics as topics, r.rating_sum, r.rating_count,
          to_char(r.published_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor_at
        from learning_resources r
        left join learning_resource_versions v
          on v.resource_id = r.id and v.version = r.published_version
        where ${sql.join(conditions, sql` and `)}
        order by r.published_at desc, r.id desc limit ${LIBRARY_PAGE + 1}`,
  );
}
