import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryParsed } from "~/db/client.server";

/**
 * How much one person's urgency weighs in a need (decision 018): this month 3, this quarter 2,
 * this year 1. A need's weight is its owner's urgency plus every "me too"'s own urgency.
 */
export const urgencyWeights = { month: 3, quarter: 2, year: 1 } as const;

const urgencyWeightSql = (column: SQL) =>
  sql`(case ${column} when 'month' then 3 when 'quarter' then 2 else 1 end)`;

/**
 * The condition "something open answers need `n` in a language its owner reads and a format
 * they accept" (decision 018), as SQL over the alias `n`:
 * - an open offer on the need's topic, not over (on demand, or its last date is today or later),
 *   sharing a language and a format with the need; face to face counts only where the offer
 *   is given (its countries, or anywhere when it names none);
 * - or an answer to this need: with such an offer (any topic, since the educator says it fits),
 *   with an event not cancelled and not over, of a network the owner is an active member of
 *   (a need without an owner: the need's own network), whose language the owner reads and
 *   whose kind gives an accepted format, or with a published learning resource (self-paced)
 *   in a language they read (withdrawing it un-reaches the need).
 */
export const needReachedSql = sql`(
  exists (
    select 1 from offer_topics ot join offers o on o.id = ot.offer_id
    where n.topic is not null and ot.topic = n.topic and ${offerFitsSql()}
  )
  or exists (
    select 1 from need_answers a
    left join offers o on o.id = a.offer_id
    left join events e on e.id = a.event_id
    left join learning_resources r on r.id = a.resource_id
    where a.need_id = n.id and (
      (a.kind = 'offer' and ${offerFitsSql()})
      or (a.kind = 'event' and e.cancelled_at is null and e.ends_at > now()
          and e.language = any(n.languages)
          and (case when n.owner_id is null then e.network_id = n.network_id
               else exists (select 1 from network_members om where om.network_id = e.network_id
                 and om.user_id = n.owner_id and om.status = 'active') end)
          and ((e.kind in ('in_person', 'hybrid') and 'face_to_face' = any(n.formats))
            or (e.kind in ('online', 'hybrid') and 'online_live' = any(n.formats))))
      or (a.kind = 'resource' and r.published_version is not null
          and 'self_paced' = any(n.formats) and a.language = any(n.languages))
    )
  )
)`;

function offerFitsSql() {
  return sql`o.status = 'open'
    and (o.on_demand or coalesce(o.ends_on, o.starts_on) >= current_date)
    and o.languages && n.languages
    and exists (
      select 1 from unnest(o.formats) f
      where f = any(n.formats)
        and (f <> 'face_to_face' or cardinality(o.countries) = 0 or n.country = any(o.countries))
    )`;
}

/** Which needs to bring up to date. */
export type NeedScope =
  | { needIds: readonly string[] }
  | { topics: readonly string[] }
  | { offerId: string }
  | { eventId: string }
  | { ownerId: string }
  | { resourceId: string }
  | { allOpen: true };

function scopeSql(scope: NeedScope): SQL {
  if ("needIds" in scope) {
    if (scope.needIds.length === 0) return sql`false`;
    return sql`n.id in (${sql.join(
      scope.needIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`;
  }
  if ("topics" in scope) {
    if (scope.topics.length === 0) return sql`false`;
    return sql`n.status = 'open' and n.topic in (${sql.join(
      scope.topics.map((topic) => sql`${topic}`),
      sql`, `,
    )})`;
  }
  if ("offerId" in scope) {
    // One IN over a union: the open needs on the offer's topics come from needs_open_topic_idx,
    // those answered with it from need_answers_offer_idx (an OR of two IN-subqueries scanned
    // every open need).
    return sql`n.id in (
      select t.id from needs t
        where t.status = 'open'
          and t.topic in (select topic from offer_topics where offer_id = ${scope.offerId}::uuid)
      union
      select a.need_id from need_answers a
        where a.offer_id = ${scope.offerId}::uuid
      ) and n.status = 'open'`;
  }
  if ("ownerId" in scope) {
    return sql`n.status = 'open' and n.owner_id = ${scope.ownerId}::uuid`;
  }
  if ("resourceId" in scope) {
    return sql`n.id in (select need_id from need_answers where resource_id = ${scope.resourceId}::uuid)
      and n.status = 'open'`;
  }
  if ("eventId" in scope) {
    return sql`n.id in (select need_id from need_answers where event_id = ${scope.eventId}::uuid)
      and n.status = 'open'`;
  }
  return sql`n.status = 'open'`;
}

/**
 * Recomputes `weight`, `me_too_count` and `is_reached` of the needs in `scope`, in the caller's
 * transaction. Every write that can change them calls this once, after its own writes: a need
 * or "me too" written, changed or removed (`needIds`), an offer written, changed or withdrawn
 * (`offerId`, or `topics` for topics it no longer has), an answer given (`needIds`), an event
 * answered with changed or cancelled (`eventId`), and the daily job for offers and events that
 * ended (`allOpen`). This is the one place the columns are written (decision 018).
 * Returns the ids of the needs whose `is_reached` changed.
 */
export async function refreshNeeds(tx: Db, scope: NeedScope): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ id: z.string(), reach_changed: z.boolean() }),
    sql`
    with fresh as (
      select n.id,
        ${urgencyWeightSql(sql`n.urgency`)} + coalesce((
          select sum(${urgencyWeightSql(sql`m.urgency`)}) from need_me_toos m where m.need_id = n.id
        ), 0)::int as weight,
        (select count(*) from need_me_toos m where m.need_id = n.id)::int as me_too_count,
        ${needReachedSql} as is_reached,
        n.is_reached as was_reached
      from needs n
      where ${scopeSql(scope)}
    )
    update needs set weight = fresh.weight, me_too_count = fresh.me_too_count,
      is_reached = fresh.is_reached
    from fresh
    where needs.id = fresh.id
      and (needs.weight, needs.me_too_count, needs.is_reached)
        is distinct from (fresh.weight, fresh.me_too_count, fresh.is_reached)
    returning needs.id, fresh.was_reached <> fresh.is_reached as reach_changed
  `,
    tx,
  );
  return rows.filter((row) => row.reach_changed).map((row) => row.id);
}
