import { randomUUID } from "node:crypto";
import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import {
  auditInvitations,
  auditQuestions,
  auditQuotes,
  auditResponseNeeds,
  auditResponses,
  audits,
  needs,
  networkMembers,
  networks,
} from "~/db/schema";
import { knownTopicKeys } from "~/features/needs/topics.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { fanOut } from "~/features/notifications/fanout.server";
import { TITLE_MAX } from "~/features/notifications/notify.server";
import { createOnce } from "~/lib/create-once.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Actor, Decision, Person } from "~/lib/policy";
import { publishOnCommit } from "~/lib/pubsub.server";
import { type AuditScopeSubject, type AuditSubject, auditPolicy } from "./rules";
import {
  type AnswerInput,
  type AuditInput,
  MAX_AUDIT_QUESTIONS,
  type QuestionInput,
} from "./schema";

export type AuditRow = typeof audits.$inferSelect;
export type QuestionRow = typeof auditQuestions.$inferSelect;

/** The fan-out takes at most this many named people per job. */
const INVITE_CHUNK = 5000;

const short = (title: string) =>
  title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;

/** The audit row, or null for an unknown or malformed id. */
export async function getAudit(id: string, db: Db = getDb()): Promise<AuditRow | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(audits).where(eq(audits.id, id));
  return row ?? null;
}

/** The audit as the rules see it for this actor (their facilitation and invitation read here). */
export async function auditSubject(
  audit: AuditRow,
  actor: Actor,
  db: Db = getDb(),
): Promise<AuditSubject> {
  let facilitatesNetwork = false;
  let memberOfNetwork = audit.networkId === null;
  let invitation: AuditSubject["invitation"] = null;
  if (actor) {
    if (audit.networkId) {
      const role = await networkRoleOf(audit.networkId, actor.id, db);
      facilitatesNetwork = role === "facilitator";
      memberOfNetwork = role !== null;
    }
    const [row] = await db
      .select({ answered: auditInvitations.answered })
      .from(auditInvitations)
      .where(and(eq(auditInvitations.auditId, audit.id), eq(auditInvitations.userId, actor.id)));
    invitation = row ?? null;
  }
  return {
    status: audit.status,
    createdBy: audit.createdBy,
    networkId: audit.networkId,
    facilitatesNetwork,
    invitation,
    memberOfNetwork,
  };
}

/** The person's role in the network while they are an active member, else null. */
async function networkRoleOf(networkId: string, userId: string, db: Db) {
  if (!isUuid(networkId)) return null;
  const [row] = await db
    .select({ role: networkMembers.role })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
      ),
    );
  return row?.role ?? null;
}

export async function isNetworkFacilitator(networkId: string, userId: string, db: Db = getDb()) {
  if (!isUuid(networkId)) return false;
  const [row] = await db
    .select({ role: networkMembers.role })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        eq(networkMembers.role, "facilitator"),
      ),
    );
  return Boolean(row);
}

/** Loads the audit and authorizes the action, or throws the refusal (unknown id: 404). */
export async function authorizeAudit<
  A extends "view" | "edit" | "open" | "close" | "report" | "answer",
>(id: string, actor: Person, action: A, db: Db = getDb()) {
  const audit = await getAudit(id, db);
  if (!audit) throw notFound("audits.notFound");
  const subject = await auditSubject(audit, actor, db);
  const decision = auditPolicy.authorize(actor, action, subject);
  return { audit, subject, decision };
}

export type AuditScope = { networkId: string } | { country: string };

/** Creates a draft audit (once per submission key). */
export async function createAudit(options: {
  decision: Decision<"create", AuditScopeSubject, Person>;
  scope: AuditScope;
  input: AuditInput;
  submissionKey?: string;
}): Promise<{ id: string }> {
  const { decision, scope, input } = options;
  const { id } = await createOnce({
    target: { table: audits, id: audits.id, owner: audits.createdBy, key: audits.submissionKey },
    ownerId: decision.actor.id,
    submissionKey: options.submissionKey,
    values: () => ({
      networkId: "networkId" in scope ? scope.networkId : null,
      country: "country" in scope ? scope.country : null,
      createdBy: decision.actor.id,
      title: input.title,
      introduction: input.introduction,
      isAnonymous: input.anonymous,
    }),
  });
  return { id };
}

export async function listQuestions(auditId: string, db: Db = getDb()): Promise<QuestionRow[]> {
  return db
    .select()
    .from(auditQuestions)
    .where(eq(auditQuestions.auditId, auditId))
    .orderBy(asc(auditQuestions.position));
}

/**
 * Adds a question to a draft. Topic keys must name real topics (400 otherwise); a topic asked
 * in an earlier question is not asked twice.
 */
export async function addQuestion(
  decision: Decision<"edit", AuditSubject>,
  auditId: string,
  input: QuestionInput,
  db: Db = getDb(),
): Promise<void> {
  void decision;
  await db.transaction(async (tx) => {
    const [audit] = await tx
      .select({ status: audits.status })
      .from(audits)
      .where(eq(audits.id, auditId))
      .for("update");
    if (audit?.status !== "draft") throw conflict("audits.questionsFixed");
    const existing = await listQuestions(auditId, tx);
    if (existing.length >= MAX_AUDIT_QUESTIONS) throw conflict("audits.tooManyQuestions");
    let topics: string[] = [];
    if (input.kind === "topics") {
      const known = await knownTopicKeys(input.topics, tx);
      if (input.topics.some((key) => !known.has(key)))
        throw invalid("audits.unknownTopic", "topics");
      const asked = new Set(existing.flatMap((q) => q.topics));
      topics = input.topics.filter((key) => !asked.has(key));
      if (topics.length === 0) throw invalid("audits.topicsAlreadyAsked", "topics");
    }
    const position = existing.reduce((max, q) => Math.max(max, q.position), -1) + 1;
    await tx
      .insert(auditQuestions)
      .values({ auditId, position, kind: input.kind, prompt: input.prompt, topics });
  });
}

/** Removes a question from a draft. */
export async function removeQuestion(
  decision: Decision<"edit", AuditSubject>,
  auditId: string,
  questionId: string,
): Promise<void> {
  void decision;
  if (!isUuid(questionId)) throw notFound("audits.notFound");
  await getDb().transaction(async (tx) => {
    const [audit] = await tx
      .select({ status: audits.status })
      .from(audits)
      .where(eq(audits.id, auditId))
      .for("update");
    if (audit?.status !== "draft") throw conflict("audits.questionsFixed");
    await tx
      .delete(auditQuestions)
      .where(and(eq(auditQuestions.id, questionId), eq(auditQuestions.auditId, auditId)));
  });
}

/**
 * Opens a draft: the questions are fixed, the invitations are written (a network's active
 * members; for a country, the owners whose country it is) and each invitee is told (kind
 * "audit.invited", fanned out by jobs in chunks, email per their choices), all in one transaction.
 */
export async function openAudit(
  decision: Decision<"open", AuditSubject, Person>,
  auditId: string,
  db: Db = getDb(),
) {
  await db.transaction(async (tx) => {
    const [audit] = await tx.select().from(audits).where(eq(audits.id, auditId)).for("update");
    if (audit?.status !== "draft") throw conflict("audits.questionsFixed");
    const questions = await listQuestions(auditId, tx);
    if (questions.length === 0) throw conflict("audits.noQuestions");
    const audience = audit.networkId
      ? sql`select ${audit.id}::uuid, user_id from network_members
            where network_id = ${audit.networkId} and status = 'active'`
      : sql`select ${audit.id}::uuid, id from users
            where country = ${audit.country} and role = 'owner' and email_verified_at is not null`;
    const invited = await queryParsed(
      z.object({ user_id: z.string() }),
      sql`insert into audit_invitations (audit_id, user_id) ${audience}
          on conflict do nothing returning user_id::text`,
      tx,
    );
    await tx
      .update(audits)
      .set({ status: "open", openedAt: new Date(), invitedCount: invited.length })
      .where(eq(audits.id, auditId));
    await publishOnCommit(tx, [{ topic: `audit:${auditId}`, type: "status" }]);
    const ids = invited
      .map((row) => row.user_id)
      .filter((id) => id !== decision.actor.id)
      .sort();
    let networkName: string | null = null;
    if (audit.networkId) {
      const [network] = await tx
        .select({ name: networks.name })
        .from(networks)
        .where(eq(networks.id, audit.networkId));
      networkName = network?.name ?? null;
    }
    for (let start = 0; start < ids.length; start += INVITE_CHUNK) {
      await fanOut(tx, {
        kind: "audit.invited",
        audience: { type: "people", ids: ids.slice(start, start + INVITE_CHUNK) },
        actorId: decision.actor.id,
        networkId: audit.networkId,
        groupKey: `audit:${audit.id}`,
        sourceKey: `audit:${audit.id}`,
        data: { auditId: audit.id, title: short(audit.title), network: networkName },
      });
    }
  });
}

/** Closes an open audit: no more answers; its needs stay. */
export async function closeAudit(
  decision: Decision<"close", AuditSubject>,
  auditId: string,
  db: Db = getDb(),
) {
  void decision;
  await db.transaction(async (tx) => {
    const closed = await tx
      .update(audits)
      .set({ status: "closed", closedAt: new Date() })
      .where(and(eq(audits.id, auditId), eq(audits.status, "open")))
      .returning({ id: audits.id });
    if (closed.length === 0) throw conflict("audits.notOpen");
    await publishOnCommit(tx, [{ topic: `audit:${auditId}`, type: "status" }]);
  });
}

/** The respondent's facts copied onto their needs: theirs, and their enterprise's. */
async function respondentFacts(tx: Db, userId: string) {
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
          from organisation_members m join organisations o on o.id = m.organisation_id
          where m.user_id = u.id and m.status = 'active' and o.kind = 'enterprise'
          order by m.created_at, o.id limit 1
        ) o on true
        where u.id = ${userId}`,
    tx,
  );
  if (!row) throw notFound("audits.notFound");
  return row;
}

/**
 * Records one person's answer, once: the invitation is marked answered (a second answer, even a
 * racing one, is a 409), each ticked topic becomes a need (owner: the person for a named audit,
 * nobody for an anonymous one) with the person's and their enterprise's facts, open answers
 * become quotes (text only). For an anonymous audit nothing written holds the person or an
 * instant: the need's times are the day, the response keeps the day, quotes keep no time.
 */
export async function answerAudit(
  decision: Decision<"answer", AuditSubject, Person>,
  auditId: string,
  answer: AnswerInput,
  db: Db = getDb(),
): Promise<void> {
  const person = decision.actor;
  await db.transaction(async (tx) => {
    const [audit] = await tx.select().from(audits).where(eq(audits.id, auditId)).for("share");
    if (!audit) throw notFound("audits.notFound");
    if (audit.status !== "open") throw conflict("audits.closed");
    const marked = await tx
      .update(auditInvitations)
      .set({ answered: true })
      .where(
        and(
          eq(auditInvitations.auditId, auditId),
          eq(auditInvitations.userId, person.id),
          eq(auditInvitations.answered, false),
        ),
      )
      .returning({ userId: auditInvitations.userId });
    if (marked.length === 0) throw conflict("audits.alreadyAnswered");
    const questions = await listQuestions(auditId, tx);
    const asked = new Set(questions.flatMap((q) => q.topics));
    const openIds = new Set(questions.filter((q) => q.kind === "open").map((q) => q.id));
    if (answer.ticked.some((t) => !asked.has(t.topic)))
      throw invalid("audits.unknownTopic", "tick");
    if (answer.open.some((o) => !openIds.has(o.questionId)))
      throw invalid("audits.unknownQuestion");
    const facts = await respondentFacts(tx, person.id);
    const anonymous = audit.isAnonymous;
    const [{ today }] = await queryParsed(
      z.object({ today: z.string() }),
      sql`select current_date::text as today`,
      tx,
    );
    const [response] = await tx
      .insert(auditResponses)
      .values({
        auditId,
        respondentId: anonymous ? null : person.id,
        country: facts.country,
        region: facts.region,
        naceSection: facts.nace_section,
        sizeBand: facts.size_band,
        languages: answer.languages,
        answeredOn: today,
      })
      .returning({ id: auditResponses.id });
    if (answer.ticked.length > 0) {
      // An anonymous need carries the day, not the instant: it cannot be lined up with a login.
      const day = anonymous ? sql`date_trunc('day', now())` : sql`now()`;
      // One random key for this answer's needs, so the radar counts its respondent once; it is
      // drawn fresh here and kept nowhere else (decision 018 "Anonymous audits").
      const respondentKey = randomUUID();
      const rows = await tx
        .insert(needs)
        .values(
          answer.ticked.map((t) => ({
            ownerId: anonymous ? null : person.id,
            auditId,
            respondentKey,
            networkId: audit.networkId,
            topic: t.topic,
            urgency: t.urgency,
            formats: t.formats,
            languages: answer.languages,
            country: facts.country,
            region: facts.region,
            naceDivision: facts.nace_division,
            naceSection: facts.nace_section,
            sizeBand: facts.size_band,
            createdAt: day,
            updatedAt: day,
          })),
        )
        .returning({ id: needs.id });
      await tx
        .insert(auditResponseNeeds)
        .values(rows.map((row) => ({ responseId: response.id, needId: row.id })));
      await refreshNeeds(tx, { needIds: rows.map((row) => row.id) });
    }
    if (answer.open.length > 0) {
      await tx
        .insert(auditQuotes)
        .values(answer.open.map((o) => ({ auditId, questionId: o.questionId, text: o.text })));
    } // The facilitators' pages reload their figures; the event says nothing of who or what.
    await publishOnCommit(tx, [{ topic: `audit:${auditId}`, type: "answered" }]);
  });
}

/** Invited and answered, read now (the page shows them live). */
export async function responseRate(auditId: string, db: Db = getDb()) {
  const [row] = await queryParsed(
    z.object({ invited: z.coerce.number(), answered: z.coerce.number() }),
    sql`select count(*) as invited, count(*) filter (where answered) as answered
        from audit_invitations where audit_id = ${auditId}`,
    db,
  );
  const invited = row?.invited ?? 0;
  const answered = row?.answered ?? 0;
  return { invited, answered, rate: invited === 0 ? 0 : answered / invited };
}

/** The audits a person runs or is invited to, newest first (at most 50 of each). */
export async function myAudits(person: Person) {
  const db = getDb();
  const running = await queryParsed(
    z.object({
      id: z.string(),
      title: z.string(),
      status: z.string(),
      network_name: z.string().nullable(),
      country: z.string().nullable(),
    }),
    sql`select a.id::text, a.title, a.status, n.name as network_name, a.country
        from audits a left join networks n on n.id = a.network_id
        where (a.network_id in (select network_id from network_members
                 where user_id = ${person.id} and role = 'facilitator' and status = 'active'))
           or (a.network_id is null and a.created_by = ${person.id})
        order by a.created_at desc, a.id desc limit 50`,
    db,
  );
  const invited = await queryParsed(
    z.object({ id: z.string(), title: z.string(), status: z.string(), answered: z.boolean() }),
    sql`select a.id::text, a.title, a.status, i.answered
        from audit_invitations i join audits a on a.id = i.audit_id
        where i.user_id = ${person.id} and a.status <> 'draft'
        order by a.opened_at desc nulls last, a.id desc limit 50`,
    db,
  );
  const facilitated = await queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select n.id::text, n.name from network_members m join networks n on n.id = m.network_id
        where m.user_id = ${person.id} and m.role = 'facilitator' and m.status = 'active'
        order by n.name limit 50`,
    db,
  );
  return { running, invited, facilitated };
}
