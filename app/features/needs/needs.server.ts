import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { needMeToos, needs } from "~/db/schema";
import { fanOut } from "~/features/notifications/fanout.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { createOnce } from "~/lib/create-once.server";
import type { Cursor } from "~/lib/cursor";
import { DomainError, forbidden, invalid, notFound } from "~/lib/errors";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Actor, Decision } from "~/lib/policy";
import { needVisibleToSql, visibleNeedsSql } from "./policy.server";
import { type NeedSubject, needPolicy } from "./rules";
import type { NeedInput } from "./schema";
import { knownTopicKeys } from "./topics.server";
import { refreshNeeds } from "./weight.server";

/** The most educators one new need tells at once (the rest find it in lists and on the radar). */
export const NEARBY_MAX = 5000;

const subjectRow = z.object({
  id: z.string(),
  owner_id: z.string().nullable(),
  status: z.enum(["open", "satisfied", "closed"]),
  visible: z.boolean(),
  me_too: z.boolean(),
  network_id: z.string().nullable(),
  topic: z.string().nullable(),
  topic_text: z.string(),
});

/**
 * The need as the rules see it for `viewerId`, or null when there is no such need. With
 * `lock`, the row is locked for the caller's transaction (a write decides on what it locked).
 */
export async function needSubject(
  viewerId: string | null,
  needId: string,
  db: Db = getDb(),
  lock = false,
) {
  if (!z.uuid().safeParse(needId).success) return null;
  const [row] = await queryParsed(
    subjectRow,
    sql`select n.id, n.owner_id, n.status, n.network_id, n.topic, n.topic_text,
          ${visibleNeedsSql(viewerId)} as visible,
          exists (select 1 from need_me_toos m
                  where m.need_id = n.id and m.user_id = ${viewerId}::uuid) as me_too
        from needs n where n.id = ${needId}::uuid
        ${lock ? sql`for update of n` : sql``}`,
    db,
  );
  if (!row) return null;
  const subject: NeedSubject = {
    ownerId: row.owner_id,
    status: row.status,
    visible: row.visible,
    meToo: row.me_too,
  };
  return { row, subject };
}

/** The need's subject, or the same 404 for a missing need and one the viewer may not see. */
export async function requireNeedSubject(
  viewerId: string,
  needId: string,
  db: Db = getDb(),
  lock = false,
) {
  const found = await needSubject(viewerId, needId, db, lock);
  if (!found?.subject.visible) throw notFound();
  return found;
}

/** Checks the topic key and the audience of a need; refusals name their field. */
async function checkNeedInput(userId: string, input: NeedInput, db: Db) {
  if (input.topic !== null) {
    const known = await knownTopicKeys([input.topic], db);
    if (!known.has(input.topic)) throw invalid("needs.topicUnknown", "topic");
  }
  if (input.audience !== "all") {
    const [row] = await queryParsed(
      z.object({ member: z.boolean() }),
      sql`select exists (select 1 from network_members nm
            where nm.network_id = n.id and nm.user_id = ${userId}::uuid
              and nm.status = 'active') as member
          from networks n where n.id = ${input.audience}::uuid`,
      db,
    );
    if (!row) throw invalid("needs.networkUnknown", "audience");
    if (!row.member) throw new DomainError(403, "needs.notInNetwork", { field: "audience" });
  }
}

/** Who the need is for: the owner's country and region, their enterprise's sector and size. */
async function factsOf(userId: string, db: Db) {
  const [row] = await queryParsed(
    z.object({
      country: z.string().nullable(),
      region: z.string(),
      nace_division: z.string().nullable(),
      nace_section: z.string().nullable(),
      size_band: z.string().nullable(),
    }),
    sql`select u.country, u.region, o.nace_division, o.nace_section, o.size_band
        from users u
        left join lateral (
          select o.nace_division, o.nace_section, o.size_band
          from organisation_members om join organisations o on o.id = om.organisation_id
          where om.user_id = u.id and om.status = 'active' and o.kind = 'enterprise'
          order by om.created_at limit 1
        ) o on true
        where u.id = ${userId}::uuid`,
    db,
  );
  return {
    country: row?.country ?? null,
    region: row?.region ?? "",
    naceDivision: row?.nace_division ?? null,
    naceSection: row?.nace_section ?? null,
    sizeBand: row?.size_band ?? null,
  };
}

function needValues(input: NeedInput) {
  return {
    topic: input.topic,
    topicText: input.topicText,
    situation: input.situation,
    urgency: input.urgency,
    formats: input.formats,
    times: input.times,
    longestSitting: input.longestSitting,
    languages: input.languages,
    networkId: input.audience === "all" ? null : input.audience,
  };
}

/** A short label of a need for notifications: its own words, or its topic key. */
function titleOf(row: { topic: string | null; topic_text?: string; topicText?: string }) {
  const text = (row.topic_text ?? row.topicText ?? "").trim();
  return titleFrom(text || row.topic || "", TITLE_MAX);
}

/**
 * Educators who may want to run this need: their offered topics (profile skills or open offers)
 * include its topic, they read one of its languages, and they can see it (network needs: the
 * network's active members). Newest accounts last; at most NEARBY_MAX.
 */
async function nearbyEducators(tx: Db, needId: string): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ id: z.string() }),
    // Candidates come from the topic indexes (user_skills_topic_idx, offer_topics_topic_idx),
    // not from a pass over every educator, since this runs in the need's write transaction.
    // The union gives each candidate once.
    sql`select u.id::text as id from needs n
        join lateral (
          select s.user_id from user_skills s
          where s.kind = 'offered' and n.topic like 'topic:%' and s.topic = substr(n.topic, 7)
          union
          select o.created_by from offer_topics ot join offers o on o.id = ot.offer_id
          where ot.topic = n.topic and o.status = 'open'
        ) c on true
        join users u on u.id = c.user_id and u.role = 'educator'
        where n.id = ${needId}::uuid and n.topic is not null
          and u.id is distinct from n.owner_id
          and exists (select 1 from user_languages l
                 where l.user_id = u.id and l.language = any(n.languages))
          and ${needVisibleToSql(sql`u.id`)}
        order by u.id limit ${NEARBY_MAX}`,
    tx,
  );
  return rows.map((row) => row.id);
}

/** Records a need (once per submission key) and tells educators near it. */
export async function createNeed(options: {
  decision: Decision<"record", null>;
  input: NeedInput;
  submissionKey: string | undefined;
}): Promise<{ id: string; duplicate: boolean }> {
  const actor = options.decision.actor;
  if (!actor) throw forbidden();
  const ownerId = actor.id;
  const { input } = options;
  return createOnce({
    target: { table: needs, id: needs.id, owner: needs.ownerId, key: needs.submissionKey },
    ownerId,
    submissionKey: options.submissionKey,
    prepare: async () => {
      await checkNeedInput(ownerId, input, getDb());
      return undefined;
    },
    values: async (tx) => ({ ...needValues(input), ...(await factsOf(ownerId, tx)), ownerId }),
    alsoWrite: async (tx, id) => {
      await refreshNeeds(tx, { needIds: [id] });
      const educators = await nearbyEducators(tx, id);
      const networkId = input.audience === "all" ? null : input.audience;
      await fanOut(tx, {
        kind: "need.new_nearby",
        audience: { type: "people", ids: educators },
        actorId: ownerId,
        networkId,
        groupKey: `needs:nearby:${input.topic ?? "text"}`,
        sourceKey: `need:${id}:nearby`,
        data: { needId: id, title: titleOf(input) },
      });
    },
  });
}

/** Changes an open need (its owner); the facts are copied again, the weight recomputed. */
export async function updateNeed(actor: Actor, needId: string, input: NeedInput): Promise<void> {
  if (!actor) throw forbidden();
  await checkNeedInput(actor.id, input, getDb());
  await getDb().transaction(async (tx) => {
    const { subject } = await requireNeedSubject(actor.id, needId, tx, true);
    needPolicy.authorize(actor, "manage", subject);
    await tx
      .update(needs)
      .set({ ...needValues(input), ...(await factsOf(actor.id, tx)), updatedAt: sql`now()` })
      .where(sql`${needs.id} = ${needId}::uuid`);
    await refreshNeeds(tx, { needIds: [needId] });
  });
}

/** Closes an open need without it being met (its owner). */
export async function closeNeed(actor: Actor, needId: string): Promise<void> {
  if (!actor) throw forbidden();
  await getDb().transaction(async (tx) => {
    const { subject } = await requireNeedSubject(actor.id, needId, tx, true);
    needPolicy.authorize(actor, "manage", subject);
    await tx
      .update(needs)
      .set({ status: "closed", closedAt: sql`now()`, updatedAt: sql`now()` })
      .where(sql`${needs.id} = ${needId}::uuid`);
    await refreshNeeds(tx, { needIds: [needId] });
  });
}

/** Confirms an open need as met (its owner), naming what met it: words and/or one answer. */
export async function satisfyNeed(
  actor: Actor,
  needId: string,
  what: { note: string; answerId: string | null },
): Promise<void> {
  if (!actor) throw forbidden();
  await getDb().transaction(async (tx) => {
    const { subject } = await requireNeedSubject(actor.id, needId, tx, true);
    needPolicy.authorize(actor, "manage", subject);
    if (what.answerId) {
      const [answer] = await queryParsed(
        z.object({ id: z.string() }),
        sql`select id::text from need_answers
            where id = ${what.answerId}::uuid and need_id = ${needId}::uuid`,
        tx,
      );
      if (!answer) throw invalid("needs.answerUnknown", "answerId");
    }
    await tx
      .update(needs)
      .set({
        status: "satisfied",
        satisfiedNote: what.note,
        satisfiedAnswerId: what.answerId,
        closedAt: sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(sql`${needs.id} = ${needId}::uuid`);
    await refreshNeeds(tx, { needIds: [needId] });
  });
}

/** "Me too" with the person's own urgency; the owner is told (one line per need). */
export async function addMeToo(
  actor: Actor,
  needId: string,
  urgency: NeedInput["urgency"],
): Promise<void> {
  if (!actor) throw forbidden();
  await getDb().transaction(async (tx) => {
    const { row, subject } = await requireNeedSubject(actor.id, needId, tx, true);
    needPolicy.authorize(actor, "meToo", subject);
    await tx.insert(needMeToos).values({ needId, userId: actor.id, urgency }).onConflictDoNothing();
    await refreshNeeds(tx, { needIds: [needId] });
    if (row.owner_id) {
      await notify(tx, {
        kind: "need.me_too",
        recipientIds: [row.owner_id],
        actorId: actor.id,
        networkId: row.network_id,
        groupKey: `need:${needId}:me_too`,
        sourceKey: `need:${needId}:me_too:${actor.id}`,
        data: { needId, title: titleOf(row) },
      });
    }
  });
}

/**
 * Takes one's "me too" back, also from a need one no longer sees (removed from its network).
 * Returns whether the need is still seen (else the caller does not show it again).
 */
export async function withdrawMeToo(actor: Actor, needId: string): Promise<{ visible: boolean }> {
  if (!actor) throw forbidden();
  return getDb().transaction(async (tx) => {
    const found = await needSubject(actor.id, needId, tx, true);
    if (!found) throw notFound();
    const { subject } = found;
    needPolicy.authorize(actor, "withdrawMeToo", subject);
    await tx
      .delete(needMeToos)
      .where(
        sql`${needMeToos.needId} = ${needId}::uuid and ${needMeToos.userId} = ${actor.id}::uuid`,
      );
    await refreshNeeds(tx, { needIds: [needId] });
    return { visible: subject.visible };
  });
}

export const needRow = z.object({
  id: z.string(),
  owner_id: z.string().nullable(),
  network_id: z.string().nullable(),
  network_name: z.string().nullable(),
  topic: z.string().nullable(),
  topic_text: z.string(),
  situation: z.string(),
  urgency: z.enum(["month", "quarter", "year"]),
  formats: z.array(z.string()),
  times: z.array(z.string()),
  longest_sitting: z.string().nullable(),
  languages: z.array(z.string()),
  country: z.string().nullable(),
  region: z.string(),
  status: z.enum(["open", "satisfied", "closed"]),
  satisfied_note: z.string(),
  satisfied_answer_id: z.string().nullable(),
  weight: z.number(),
  me_too_count: z.number(),
  is_reached: z.boolean(),
  created_at: z.string(),
  me_too_urgency: z.enum(["month", "quarter", "year"]).nullable(),
});
export type NeedRow = z.infer<typeof needRow>;

function needColumns(viewerId: string) {
  return sql`n.id::text, n.owner_id::text, n.network_id::text, nw.name as network_name,
    n.topic, n.topic_text, n.situation, n.urgency, n.formats, n.times, n.longest_sitting,
    n.languages, n.country, n.region, n.status, n.satisfied_note, n.satisfied_answer_id::text,
    n.weight, n.me_too_count, n.is_reached, n.created_at::text,
    (select m.urgency from need_me_toos m
      where m.need_id = n.id and m.user_id = ${viewerId}::uuid) as me_too_urgency`;
}

/** One need for a viewer who may see it (404 otherwise, the same as a missing one). */
export async function loadNeed(viewerId: string, needId: string): Promise<NeedRow> {
  if (!z.uuid().safeParse(needId).success) throw notFound();
  const [row] = await queryParsed(
    needRow,
    sql`select ${needColumns(viewerId)}
        from needs n left join networks nw on nw.id = n.network_id
        where n.id = ${needId}::uuid and ${visibleNeedsSql(viewerId)}`,
  );
  if (!row) throw notFound();
  return row;
}

/** The owner's name and id (a name is shown to everyone signed in, as in the directory). */
export async function ownerOf(ownerId: string | null) {
  if (!ownerId) return null;
  const [row] = await queryParsed(
    z.object({ id: z.string(), display_name: z.string() }),
    sql`select u.id::text, u.display_name from users u
        where u.id = ${ownerId}::uuid`,
  );
  return row ? { id: row.id, name: row.display_name } : null;
}

export const answerRow = z.object({
  id: z.string(),
  kind: z.enum(["offer", "event", "resource"]),
  message: z.string(),
  language: z.string(),
  created_at: z.string(),
  responder_id: z.string().nullable(),
  responder_name: z.string().nullable(),
  offer_id: z.string().nullable(),
  offer_title: z.string().nullable(),
  event_id: z.string().nullable(),
  event_title: z.string().nullable(),
  event_network_id: z.string().nullable(),
  resource_id: z.string().nullable(),
  resource_title: z.string().nullable(),
});
export type AnswerRow = z.infer<typeof answerRow>;

/**
 * The answers to a need, newest first, with what they point at. An event of a network the
 * viewer may not read (not open, and they are not an active member) is named by its kind only;
 * so is a learning resource with no published version or in a network the viewer is not an
 * active member of. A resource is named by its published version's title.
 */
export async function answersOf(needId: string, viewerId: string): Promise<AnswerRow[]> {
  return queryParsed(
    answerRow,
    sql`select a.id::text, a.kind, a.message, a.language, a.created_at::text,
          a.responder_id::text, u.display_name as responder_name,
          a.offer_id::text, o.title as offer_title,
          case when ev.seen then a.event_id::text end as event_id,
          case when ev.seen then e.title end as event_title,
          case when ev.seen then e.network_id::text end as event_network_id,
          a.resource_id::text,
          case when r.published_version is not null and (r.network_id is null or exists (
            select 1 from network_members m where m.network_id = r.network_id
              and m.user_id = ${viewerId}::uuid and m.status = 'active'))
            then rv.content->>'title' end as resource_title
        from need_answers a
        left join learning_resources r on r.id = a.resource_id
        left join learning_resource_versions rv
          on rv.resource_id = r.id and rv.version = r.published_version
        left join users u on u.id = a.responder_id
        left join offers o on o.id = a.offer_id
        left join events e on e.id = a.event_id
        left join lateral (
          select nw.visibility = 'open' or exists (
            select 1 from network_members m where m.network_id = e.network_id
              and m.user_id = ${viewerId}::uuid and m.status = 'active') as seen
          from networks nw where nw.id = e.network_id
        ) ev on true
        where a.need_id = ${needId}::uuid
        order by a.created_at desc, a.id desc
        limit 100`,
  );
}

export const PAGE_SIZE = 20;

/** The viewer's own needs and the ones they said "me too" to, newest first (all statuses). */
export async function myNeeds(viewerId: string) {
  const own = await queryParsed(
    needRow,
    sql`select ${needColumns(viewerId)}
        from needs n left join networks nw on nw.id = n.network_id
        where n.owner_id = ${viewerId}::uuid
        order by n.created_at desc, n.id desc limit 100`,
  );
  const meToo = await queryParsed(
    needRow,
    sql`select ${needColumns(viewerId)}
        from need_me_toos m join needs n on n.id = m.need_id
        left join networks nw on nw.id = n.network_id
        where m.user_id = ${viewerId}::uuid and ${visibleNeedsSql(viewerId)}
        order by m.created_at desc limit 100`,
  );
  return { own, meToo };
}

export type BrowseFilters = {
  topic: string | null;
  country: string | null;
  language: string | null;
  format: string | null;
};

/** Open needs the viewer may see, newest first, filtered, one keyset page at a time. */
export async function browseNeeds(viewerId: string, filters: BrowseFilters, after: Cursor | null) {
  const conditions = [sql`n.status = 'open'`, visibleNeedsSql(viewerId)];
  if (filters.topic) conditions.push(sql`n.topic = ${filters.topic}`);
  if (filters.country) conditions.push(sql`n.country = ${filters.country}`);
  if (filters.language) conditions.push(sql`${filters.language} = any(n.languages)`);
  if (filters.format) conditions.push(sql`${filters.format} = any(n.formats)`);
  if (after) conditions.push(afterCursorSql(after, "n.created_at", "n.id"));
  const rows = await queryParsed(
    needRow.extend({ cursor_at: z.string() }),
    sql`select ${needColumns(viewerId)}, ${cursorAtSql("n.created_at")}
        from needs n left join networks nw on nw.id = n.network_id
        where ${sql.join(conditions, sql` and `)}
        order by n.created_at desc, n.id desc
        limit ${PAGE_SIZE + 1}`,
  );
  return keysetPage(rows, PAGE_SIZE);
}

/** Networks the person is an active member of (who a need may be shared with). */
export async function memberNetworks(userId: string) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select nw.id::text, nw.name from network_members nm join networks nw on nw.id = nm.network_id
        where nm.user_id = ${userId}::uuid and nm.status = 'active'
        order by nw.name limit 200`,
  );
}

/** The person's languages (the need form's default). */
export async function languagesOf(userId: string): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ language: z.string() }),
    sql`select language from user_languages where user_id = ${userId}::uuid order by language`,
  );
  return rows.map((row) => row.language);
}

/** ESCO skills and skill groups whose label contains `query`, in the reader's language or English. */
export async function searchEsco(query: string, locale: string) {
  const q = query.trim().slice(0, 100);
  if (q.length < 2) return [];
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const rows = await queryParsed(
    z.object({ uri: z.string(), label: z.string() }),
    sql`select distinct on (l.uri) l.uri, l.preferred_label as label
        from esco_labels l join esco_concepts c on c.uri = l.uri
        where l.language in (${locale}, 'en') and l.preferred_label ilike ${pattern}
          and c.concept_type in ('KnowledgeSkillCompetence', 'SkillGroup')
        order by l.uri, (l.language = ${locale}) desc
        limit 30`,
  );
  return rows.map((row) => ({ value: `esco:${row.uri}`, label: row.label }));
}
