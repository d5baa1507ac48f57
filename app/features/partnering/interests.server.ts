/**
 * Expressions of interest (issue 12 item 3): an organisation tells a publisher it is interested;
 * the publisher's authors see the interested organisations by their PUBLIC organisation profile
 * (no people, no email, no website) and accept or decline. Accepting is the introduction
 * (introductions.server.ts): the conversation between the two people opens right after commit.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { introductionUpdates, opportunityInterests } from "~/db/schema";
import {
  accountCreatedAt,
  startConversation,
  startSubject,
} from "~/features/conversations/conversations.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { titleFrom } from "~/features/notifications/grouping";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import type { Locale } from "~/features/taxonomy/types";
import { translatorFor } from "~/i18n/catalogue.server";
import { createOnce } from "~/lib/create-once.server";
import { conflict, DomainError, isDomainError, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { getLogger } from "~/lib/logger.server";
import type { Person } from "~/lib/policy";
import { declinedUntil, interestPolicy } from "./interest-rules";
import type { InterestForm } from "./interest-schema";

/** SQL: the opportunity aliased `o` is published and not expired (decision 023). */
export const visibleOpportunitySql = sql`(o.status = 'published' and o.expires_at > now())`;

/** SQL: `userId` is an active member of the organisation whose id is `organisationId`. */
export function activeMemberSql(organisationId: SQL, userId: string | SQL): SQL {
  const user = typeof userId === "string" ? sql`${userId}::uuid` : userId;
  return sql`exists (select 1 from organisation_members m where m.organisation_id = ${organisationId}
    and m.user_id = ${user} and m.status = 'active')`;
}

/** The active members of an organisation (the people told on its behalf). */
export async function activeMembersOf(organisationId: string, db: Db = getDb()): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ user_id: z.string() }),
    sql`select user_id from organisation_members
        where organisation_id = ${organisationId}::uuid and status = 'active' limit 200`,
    db,
  );
  return rows.map((r) => r.user_id);
}

/** The organisations a person is an active member of, by name. */
export async function activeOrganisationsOf(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string(), country: z.string() }),
    sql`select o.id, o.name, o.country from organisation_members m
        join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId}::uuid and m.status = 'active' order by o.name, o.id limit 50`,
    db,
  );
}

const opportunityRow = z.object({
  id: z.string(),
  organisation_id: z.string(),
  title: z.string(),
  summary: z.string(),
  deadline: z.string().nullable(),
  visible: z.boolean(),
  deadline_passed: z.boolean(),
  is_author: z.boolean(),
});

async function opportunityFor(
  opportunityId: string,
  userId: string,
  db: Db,
  lock = false,
): Promise<z.output<typeof opportunityRow> | null> {
  if (!isUuid(opportunityId)) return null;
  const [row] = await queryParsed(
    opportunityRow,
    sql`select o.id, o.organisation_id, o.title, o.summary, o.deadline::text as deadline,
          ${visibleOpportunitySql} as visible,
          coalesce(o.deadline < current_date, false) as deadline_passed,
          ${activeMemberSql(sql`o.organisation_id`, userId)} as is_author
        from opportunities o where o.id = ${opportunityId}::uuid
        ${lock ? sql`for update of o` : sql``}`,
    db,
  );
  return row ?? null;
}

/**
 * What the interest form shows: the opportunity (title and summary only: no people of the
 * publisher) and the person's organisations that may express interest. 404 unless visible.
 */
export async function interestFormPage(options: { actor: Person; opportunityId: string }) {
  const opportunity = await opportunityFor(options.opportunityId, options.actor.id, getDb());
  if (!opportunity?.visible) throw notFound("interests.opportunityNotFound");
  const organisations = (await activeOrganisationsOf(options.actor.id)).filter(
    (o) => o.id !== opportunity.organisation_id,
  );
  return {
    opportunity: {
      id: opportunity.id,
      title: opportunity.title,
      summary: opportunity.summary,
      deadline: opportunity.deadline,
      deadlinePassed: opportunity.deadline_passed,
      isAuthor: opportunity.is_author,
    },
    organisations,
  };
}

function isOpenKeyViolation(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (
      e.code === "23505" &&
      (e.constraint === "opportunity_interests_open_key" ||
        e.message?.includes("opportunity_interests_open_key"))
    ) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

/**
 * Expresses interest for one of the person's organisations, once per submission key. In one
 * transaction, on the locked opportunity: it is visible and open (deadline not passed), the
 * organisation is theirs and not the publisher, it has no pending or accepted interest (409;
 * the partial unique index settles a race), no decline in the last 30 days (409 naming the day
 * it becomes possible), `interest_count` goes up by one and the authors are told.
 */
export async function expressInterest(options: {
  actor: Person;
  opportunityId: string;
  form: InterestForm;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { actor, form } = options;
  if (!isUuid(options.opportunityId)) throw notFound("interests.opportunityNotFound");
  let title = "";
  let publisherId = "";
  try {
    const result = await createOnce({
      target: {
        table: opportunityInterests,
        id: opportunityInterests.id,
        owner: opportunityInterests.userId,
        key: opportunityInterests.submissionKey,
      },
      ownerId: actor.id,
      submissionKey: options.submissionKey,
      values: async (tx) => {
        const opportunity = await opportunityFor(options.opportunityId, actor.id, tx, true);
        if (!opportunity) throw notFound("interests.opportunityNotFound");
        const [member] = await queryParsed(
          z.object({ is_member: z.boolean() }),
          sql`select ${activeMemberSql(sql`${form.organisationId}::uuid`, actor.id)} as is_member`,
          tx,
        );
        interestPolicy.authorize(actor, "express", {
          visible: opportunity.visible,
          deadlinePassed: opportunity.deadline_passed,
          isMemberOfOrganisation: member?.is_member ?? false,
          isPublisher: opportunity.organisation_id === form.organisationId,
        });
        const [previous] = await queryParsed(
          z.object({ status: z.string(), decided_at: z.coerce.date().nullable() }),
          sql`select status, decided_at from opportunity_interests
              where opportunity_id = ${opportunity.id}::uuid
                and organisation_id = ${form.organisationId}::uuid
                and status in ('pending', 'accepted', 'declined')
              order by (status <> 'declined') desc, decided_at desc nulls last limit 1`,
          tx,
        );
        if (previous && previous.status !== "declined") {
          throw conflict("interests.alreadyInterested");
        }
        if (previous?.decided_at) {
          const until = declinedUntil(previous.decided_at);
          if (until > new Date()) {
            throw new DomainError(409, "interests.declinedRecently", {
              values: { date: until.toISOString().slice(0, 10) },
            });
          }
        }
        title = opportunity.title;
        publisherId = opportunity.organisation_id;
        return {
          opportunityId: opportunity.id,
          organisationId: form.organisationId,
          userId: actor.id,
          message: form.message,
        };
      },
      alsoWrite: async (tx, interestId) => {
        await tx.execute(
          sql`update opportunities set interest_count = interest_count + 1
              where id = ${options.opportunityId}::uuid`,
        );
        await notify(tx, {
          kind: "interest.received",
          // No actor: the interested person's name reaches the publisher only on acceptance.
          recipientIds: (await activeMembersOf(publisherId, tx)).filter((id) => id !== actor.id),
          actorId: null,
          groupKey: `opportunity:${options.opportunityId}`,
          sourceKey: `interest:${interestId}`,
          data: { opportunityId: options.opportunityId, title: titleFrom(title, TITLE_MAX) },
        });
      },
    });
    return result;
  } catch (error) {
    if (isOpenKeyViolation(error)) throw conflict("interests.alreadyInterested");
    throw error;
  }
}

const interestListRow = z.object({
  id: z.string(),
  message: z.string(),
  status: z.string(),
  stage: z.string().nullable(),
  created_at: z.coerce.date(),
  organisation_id: z.string(),
  organisation_name: z.string(),
  organisation_country: z.string(),
  organisation_division: z.string().nullable(),
  organisation_description: z.string(),
});
export type InterestListItem = z.output<typeof interestListRow>;

/**
 * The publisher's view: the opportunity's interests, newest first, each with the interested
 * organisation's public profile (name, country, sector, description) and message. Nothing about
 * its people, no website: those come with the introduction. Authors only (404 otherwise).
 */
export async function listInterests(options: { actor: Person; opportunityId: string }) {
  const opportunity = await opportunityFor(options.opportunityId, options.actor.id, getDb());
  interestPolicy.authorize(options.actor, "list", { isAuthor: opportunity?.is_author ?? false });
  if (!opportunity) throw notFound("interests.opportunityNotFound");
  const interests = await queryParsed(
    interestListRow,
    sql`select i.id, i.message, i.status, i.stage, i.created_at,
          g.id as organisation_id, g.name as organisation_name, g.country as organisation_country,
          g.nace_division as organisation_division, g.description as organisation_description
        from opportunity_interests i join organisations g on g.id = i.organisation_id
        where i.opportunity_id = ${opportunity.id}::uuid and i.status <> 'withdrawn'
        order by i.created_at desc, i.id desc limit 200`,
  );
  return { opportunity: { id: opportunity.id, title: opportunity.title }, interests };
}

/**
 * Accepts or declines a pending interest (an author, once). Accepting makes it the introduction
 * in the same transaction: stage `introduced` and its first update row; declining frees the
 * organisation's place (interest_count down by one). The interested organisation's active
 * members are told. After commit, an accepted interest's conversation is opened (best effort,
 * idempotent: see openIntroductionConversation). Of two concurrent decisions one wins; the
 * other finds the row decided (409).
 */
export async function decideInterest(options: {
  actor: Person;
  opportunityId: string;
  interestId: string;
  decision: "accept" | "decline";
  locale: Locale;
}): Promise<{ interestId: string; conversationId: string | null }> {
  const { actor } = options;
  if (!isUuid(options.interestId) || !isUuid(options.opportunityId)) {
    throw notFound("interests.notFound");
  }
  await getDb().transaction(async (tx) => {
    const [row] = await queryParsed(
      z.object({
        status: z.string(),
        organisation_id: z.string(),
        title: z.string(),
        is_author: z.boolean(),
      }),
      sql`select i.status, i.organisation_id, o.title,
            ${activeMemberSql(sql`o.organisation_id`, actor.id)} as is_author
          from opportunity_interests i join opportunities o on o.id = i.opportunity_id
          where i.id = ${options.interestId}::uuid and i.opportunity_id = ${options.opportunityId}::uuid
          for update of i`,
      tx,
    );
    interestPolicy.authorize(actor, "decide", {
      isAuthor: row?.is_author ?? false,
      status: row?.status ?? "",
    });
    if (!row) throw notFound("interests.notFound");
    const accepted = options.decision === "accept";
    await tx.execute(sql`
      update opportunity_interests set status = ${accepted ? "accepted" : "declined"},
        decided_by = ${actor.id}::uuid, decided_at = now(),
        stage = ${accepted ? "introduced" : null}, stage_changed_at = ${accepted ? sql`now()` : null}
      where id = ${options.interestId}::uuid`);
    if (accepted) {
      await tx
        .insert(introductionUpdates)
        .values({ interestId: options.interestId, stage: "introduced", userId: actor.id });
    } else {
      await tx.execute(sql`update opportunities set interest_count = greatest(interest_count - 1, 0)
        where id = ${options.opportunityId}::uuid`);
    }
    await notify(tx, {
      kind: accepted ? "interest.accepted" : "interest.declined",
      recipientIds: await activeMembersOf(row.organisation_id, tx),
      // A decline introduces nobody: the deciding author stays unnamed.
      actorId: accepted ? actor.id : null,
      groupKey: `interest:${options.interestId}`,
      sourceKey: `interest-decided:${options.interestId}`,
      data: {
        opportunityId: options.opportunityId,
        interestId: options.interestId,
        title: titleFrom(row.title, TITLE_MAX),
      },
    });
  });
  const conversationId =
    options.decision === "accept"
      ? await openIntroductionConversation({
          actor,
          interestId: options.interestId,
          locale: options.locale,
        })
      : null;
  return { interestId: options.interestId, conversationId };
}

/**
 * Opens the introduction's conversation between the person acting (the accepting author, or
 * either person later from the introduction page) and the other one: the interested person for
 * an author, the accepting author for the interested person. It runs after the acceptance
 * committed, through the conversations feature (its own transaction, limits and block rules),
 * so it can fail without undoing the acceptance: then it is logged and the introduction page
 * offers to open it again. Idempotent: the submission key is the interest's, and the interest
 * keeps the first conversation id. Returns the conversation id, or null.
 */
export async function openIntroductionConversation(options: {
  actor: Person;
  interestId: string;
  locale: Locale;
}): Promise<string | null> {
  const { actor } = options;
  const [row] = await queryParsed(
    z.object({
      conversation_id: z.string().nullable(),
      user_id: z.string().nullable(),
      decided_by: z.string().nullable(),
      title: z.string(),
    }),
    sql`select i.conversation_id, i.user_id, i.decided_by, o.title
        from opportunity_interests i join opportunities o on o.id = i.opportunity_id
        where i.id = ${options.interestId}::uuid and i.status = 'accepted'`,
  );
  if (!row) return null;
  if (row.conversation_id) return row.conversation_id;
  // Only the two people introduced (who expressed interest, who accepted) open it: a colleague
  // on either side would otherwise open one of their own and take the introduction's place.
  if (actor.id !== row.user_id && actor.id !== row.decided_by) return null;
  const other = actor.id === row.user_id ? row.decided_by : row.user_id;
  if (!other || other === actor.id) return null;
  try {
    const body = translatorFor(options.locale)("introductions.firstMessage", { title: row.title });
    const decision = conversationPolicy.authorize(
      actor,
      "start",
      await startSubject(actor.id, [other]),
    );
    const started = await startConversation({
      decision,
      recipientIds: [other],
      title: "",
      body,
      files: undefined,
      submissionKey: `introduction-${options.interestId}`,
      accountCreatedAt: await accountCreatedAt(actor.id),
    });
    await getDb().execute(sql`update opportunity_interests set conversation_id = ${started.id}::uuid
      where id = ${options.interestId}::uuid and conversation_id is null`);
    const [kept] = await queryParsed(
      z.object({ conversation_id: z.string().nullable() }),
      sql`select conversation_id from opportunity_interests where id = ${options.interestId}::uuid`,
    );
    return kept?.conversation_id ?? started.id;
  } catch (error) {
    // Never undoes the committed acceptance: logged, and offered again on the introduction page.
    getLogger().warn(
      {
        interestId: options.interestId,
        refusal: isDomainError(error) ? error.messageKey : String(error),
      },
      "introduction conversation not opened",
    );
    return null;
  }
}
