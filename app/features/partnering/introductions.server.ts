/**
 * Introductions (issue 12 item 3): an accepted expression of interest, seen by both sides (the
 * active members of the publishing and of the interested organisation). Its stage moves
 * introduced → met → agreement → active → ended, forwards or to ended, by either side; each move
 * is an `introduction_updates` row and the other side is told. Only here, after acceptance, do
 * the two sides see each other's people and website.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, queryParsed } from "~/db/client.server";
import { introductionUpdates } from "~/db/schema";
import { titleFrom } from "~/features/notifications/grouping";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { canSeeField } from "~/features/profiles/policy.server";
import { notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { type IntroductionStage, interestPolicy } from "./interest-rules";
import { activeMemberSql, activeMembersOf } from "./interests.server";

const listRow = z.object({
  id: z.string(),
  opportunity_id: z.string(),
  title: z.string(),
  stage: z.string(),
  stage_changed_at: z.coerce.date(),
  publisher_name: z.string(),
  interested_name: z.string(),
  is_publisher_side: z.boolean(),
});

/**
 * The person's introductions, from either side (their organisations' accepted interests), the
 * most recently moved first.
 */
export async function listIntroductions(userId: string) {
  return queryParsed(
    listRow,
    sql`with mine as (select organisation_id from organisation_members
          where user_id = ${userId}::uuid and status = 'active'),
        ids as (
          select i.id from opportunity_interests i
          where i.status = 'accepted' and i.organisation_id in (select organisation_id from mine)
          union
          select i.id from mine join opportunities o on o.organisation_id = mine.organisation_id
          join opportunity_interests i on i.opportunity_id = o.id and i.status = 'accepted')
        select i.id, o.id as opportunity_id, o.title, i.stage, i.stage_changed_at,
          pub.name as publisher_name, intr.name as interested_name,
          o.organisation_id in (select organisation_id from mine) as is_publisher_side
        from ids join opportunity_interests i on i.id = ids.id
        join opportunities o on o.id = i.opportunity_id
        join organisations pub on pub.id = o.organisation_id
        join organisations intr on intr.id = i.organisation_id
        order by i.stage_changed_at desc, i.id desc limit 200`,
  );
}

const sideRow = z.object({
  id: z.string(),
  opportunity_id: z.string(),
  title: z.string(),
  status: z.string(),
  stage: z.string().nullable(),
  conversation_id: z.string().nullable(),
  publisher_id: z.string(),
  interested_id: z.string(),
  user_id: z.string().nullable(),
  decided_by: z.string().nullable(),
  is_publisher_side: z.boolean(),
  is_interested_side: z.boolean(),
  was_active: z.boolean(),
});
export type IntroductionSide = z.output<typeof sideRow>;

/** An interest with the person's side of it (null when no such interest). */
export async function introductionSide(
  interestId: string,
  userId: string,
  db = getDb(),
  lock = false,
): Promise<IntroductionSide | null> {
  if (!isUuid(interestId)) return null;
  const [row] = await queryParsed(
    sideRow,
    sql`select i.id, i.opportunity_id, o.title, i.status, i.stage, i.conversation_id,
          o.organisation_id as publisher_id, i.organisation_id as interested_id,
          i.user_id, i.decided_by,
          ${activeMemberSql(sql`o.organisation_id`, userId)} as is_publisher_side,
          ${activeMemberSql(sql`i.organisation_id`, userId)} as is_interested_side,
          exists (select 1 from introduction_updates u where u.interest_id = i.id
            and u.stage = 'active') as was_active
        from opportunity_interests i join opportunities o on o.id = i.opportunity_id
        where i.id = ${interestId}::uuid ${lock ? sql`for update of i` : sql``}`,
    db,
  );
  return row ?? null;
}

export function subjectOf(side: IntroductionSide | null) {
  return {
    isSide: Boolean(side && (side.is_publisher_side || side.is_interested_side)),
    accepted: side?.status === "accepted",
  };
}

const personRow = z.object({
  id: z.string(),
  display_name: z.string(),
  headline: z.string(),
  country: z.string().nullable(),
  visibility: z.record(z.string(), z.string()).nullable(),
  email_verified: z.boolean(),
});

const organisationRow = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  website: z.string(),
  nace_division: z.string().nullable(),
});

/**
 * One introduction for one of its sides: the two organisations with their website, the two
 * people (the one who expressed interest and the author who accepted) with what their profiles
 * let the viewer see (emails are never on a profile: the conversation is how they write), the
 * updates, and the conversation when the viewer takes part in it.
 */
export async function getIntroduction(options: { actor: Person; interestId: string }) {
  const { actor } = options;
  const side = await introductionSide(options.interestId, actor.id);
  interestPolicy.authorize(actor, "view", subjectOf(side));
  if (!side) throw notFound("introductions.notFound");
  const [organisations, people, updates, participant] = await Promise.all([
    queryParsed(
      organisationRow,
      sql`select id, name, country, website, nace_division from organisations
          where id in (${side.publisher_id}::uuid, ${side.interested_id}::uuid)`,
    ),
    queryParsed(
      personRow,
      sql`select u.id, u.display_name, u.headline, u.country, u.visibility,
            u.email_verified_at is not null as email_verified
          from users u where u.id in (${side.user_id}::uuid, ${side.decided_by}::uuid)`,
    ),
    queryParsed(
      z.object({
        id: z.string(),
        stage: z.string(),
        outcome: z.string(),
        created_at: z.coerce.date(),
        author: z.string().nullable(),
      }),
      sql`select u.id, u.stage, u.outcome, u.created_at, p.display_name as author
          from introduction_updates u left join users p on p.id = u.user_id
          where u.interest_id = ${side.id}::uuid order by u.created_at, u.id limit 200`,
    ),
    side.conversation_id
      ? queryParsed(
          z.object({ n: z.coerce.number() }),
          sql`select count(*) as n from conversation_participants
              where conversation_id = ${side.conversation_id}::uuid and user_id = ${actor.id}::uuid`,
        )
      : Promise.resolve([{ n: 0 }]),
  ]);
  const viewer = { userId: actor.id, verified: actor.emailVerified, sight: "fields" as const };
  const shown = (id: string | null) => {
    const p = people.find((x) => x.id === id);
    if (!p?.email_verified) return null;
    const visibility = p.visibility as Parameters<typeof canSeeField>[2];
    return {
      id: p.id,
      name: p.display_name,
      headline: canSeeField(viewer, p.id, visibility, "headline") ? p.headline : "",
      country: canSeeField(viewer, p.id, visibility, "location") ? p.country : null,
    };
  };
  const org = (id: string) => organisations.find((o) => o.id === id) ?? null;
  return {
    id: side.id,
    opportunityId: side.opportunity_id,
    title: side.title,
    stage: (side.stage ?? "introduced") as IntroductionStage,
    wasActive: side.was_active,
    isPublisherSide: side.is_publisher_side,
    publisher: { organisation: org(side.publisher_id), person: shown(side.decided_by) },
    interested: { organisation: org(side.interested_id), person: shown(side.user_id) },
    updates,
    conversationId: (participant[0]?.n ?? 0) > 0 ? side.conversation_id : null,
    /** The viewer is one of the two people and no conversation is open yet. */
    canOpenConversation:
      side.conversation_id === null && (actor.id === side.user_id || actor.id === side.decided_by),
  };
}

/**
 * Moves an introduction's stage (either side; forwards, or to ended), recording the outcome.
 * On the locked interest, in one transaction with the update row and the other side's
 * notification.
 */
export async function moveStage(options: {
  actor: Person;
  interestId: string;
  stage: IntroductionStage;
  outcome: string;
}): Promise<void> {
  const { actor } = options;
  await getDb().transaction(async (tx) => {
    const side = await introductionSide(options.interestId, actor.id, tx, true);
    interestPolicy.authorize(actor, "move", {
      ...subjectOf(side),
      from: (side?.stage ?? "introduced") as IntroductionStage,
      to: options.stage,
    });
    if (!side) throw notFound("introductions.notFound");
    await tx.execute(sql`update opportunity_interests set stage = ${options.stage},
      stage_changed_at = now() where id = ${side.id}::uuid`);
    await tx.insert(introductionUpdates).values({
      interestId: side.id,
      stage: options.stage,
      outcome: options.outcome,
      userId: actor.id,
    });
    // The other side: the organisation the actor is not in (both, if they are in both).
    const others = [
      ...(side.is_publisher_side ? [] : await activeMembersOf(side.publisher_id, tx)),
      ...(side.is_interested_side ? [] : await activeMembersOf(side.interested_id, tx)),
    ];
    const [count] = await queryParsed(
      z.object({ n: z.coerce.number() }),
      sql`select count(*) as n from introduction_updates where interest_id = ${side.id}::uuid`,
      tx,
    );
    await notify(tx, {
      kind: "introduction.updated",
      recipientIds: others,
      actorId: actor.id,
      groupKey: `introduction:${side.id}`,
      sourceKey: `introduction-update:${side.id}:${count?.n ?? 0}`,
      data: { interestId: side.id, title: titleFrom(side.title, TITLE_MAX), stage: options.stage },
    });
  });
}
