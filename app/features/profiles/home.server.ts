import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client.server";
import { visibleNeedsSql } from "~/features/needs/policy.server";
import { ttlCache } from "~/lib/ttl-cache";
import { fieldVisibleSql, listedSql, type Viewer } from "./policy.server";

type Stats = { owners: number; educators: number; organisations: number; countries: number };
const statsCache = ttlCache<"stats", Stats>({ ttlMs: 60_000, maxEntries: 1 });

/**
 * Counts for the front page: members by role, organisations, countries represented. The same for
 * every visitor and costly at scale, so each process keeps them for a minute.
 */
export function getNetworkStats(): Promise<Stats> {
  return statsCache.get("stats", countNetworkStats);
}

async function countNetworkStats(): Promise<Stats> {
  const result = await queryRows<{
    owners: number;
    educators: number;
    organisations: number;
    countries: number;
  }>(sql`
    select
      (select count(*)::int from users where role = 'owner' and email_verified_at is not null
        and onboarded_at is not null) as owners,
      (select count(*)::int from users where role = 'educator' and email_verified_at is not null
        and onboarded_at is not null) as educators,
      (select count(*)::int from organisations) as organisations,
      (select count(distinct country)::int from (
        select country from organisations
        union
        select country from users where country is not null and email_verified_at is not null
          and onboarded_at is not null) c) as countries`);
  const row = result[0];
  return {
    owners: Number(row.owners),
    educators: Number(row.educators),
    organisations: Number(row.organisations),
    countries: Number(row.countries),
  };
}

type Match = {
  id: string;
  displayName: string;
  role: "owner" | "educator";
  country: string | null;
  topics: string[];
};
// At 100,000 members the join behind this costs ~15 ms; it changes slowly, so keep it a while.
const matchCache = ttlCache<string, Match[]>({ ttlMs: 5 * 60_000, maxEntries: 5000 });

/**
 * People who offer what the viewer wants to learn, most matching topics first (visible skills
 * only), for the signed-in home page. Kept for five minutes per viewer.
 */
export function findPeopleOfferingWhatIWant(options: {
  viewer: Viewer & { userId: string };
  limit?: number;
}): Promise<Match[]> {
  return matchCache.get(options.viewer.userId, () => queryMatches(options));
}

/** Forgets someone's cached matches (their wanted topics changed). */
export function forgetMatches(userId: string): void {
  matchCache.forget(userId);
}

async function queryMatches(options: {
  viewer: Viewer & { userId: string };
  limit?: number;
}): Promise<Match[]> {
  const result = await queryRows<{
    id: string;
    display_name: string;
    role: "owner" | "educator";
    country: string | null;
    topics: string[];
  }>(sql`
    select u.id, u.display_name, u.role,
      case when ${fieldVisibleSql(options.viewer, "location")} then u.country end as country,
      array_agg(offer.topic order by offer.topic) as topics
    from user_skills want
    join user_skills offer on offer.topic = want.topic and offer.kind = 'offered'
    join users u on u.id = offer.user_id
    where want.user_id = ${options.viewer.userId} and want.kind = 'wanted'
      and u.id <> ${options.viewer.userId} and u.email_verified_at is not null
      and ${listedSql("u.id")}
      and ${fieldVisibleSql(options.viewer, "skills")}
    group by u.id
    order by count(*) desc, u.created_at desc
    limit ${options.limit ?? 6}`);
  return result.map((r) => ({
    id: r.id,
    displayName: r.display_name,
    role: r.role,
    country: r.country,
    topics: r.topics,
  }));
}

export type NeedNearMe = {
  id: string;
  topic: string | null;
  topicText: string;
  country: string | null;
  weight: number;
  meTooCount: number;
  isReached: boolean;
};

/**
 * "Needs near you" for an educator's home page (issue 10): open needs they may see whose topic
 * is one they offer (their offered skills and their open offers' topics), in a language they
 * read (their profile's languages, or the page's when they named none), not their own; in
 * their country first, then unreached, then heaviest. A few lines: one indexed query.
 */
export async function findNeedsNearMe(options: {
  userId: string;
  locale: string;
  limit?: number;
}): Promise<NeedNearMe[]> {
  const me = sql`${options.userId}::uuid`;
  const limit = options.limit ?? 5;
  const rows = await queryRows<{
    id: string;
    topic: string | null;
    topic_text: string;
    country: string | null;
    weight: number;
    me_too_count: number;
    is_reached: boolean;
  }>(sql`
    with my_topics as (
      select 'topic:' || us.topic as topic from user_skills us
        where us.user_id = ${me} and us.kind = 'offered'
      union
      select ot.topic from offers o join offer_topics ot on ot.offer_id = o.id
        where o.created_by = ${me} and o.status = 'open'
    ),
    me as (
      select u.country,
        coalesce(nullif(array(select ul.language from user_languages ul where ul.user_id = u.id), '{}'),
          array[${options.locale}]::text[]) as codes
      from users u where u.id = ${me}
    ),
    -- Per topic, a few from the person's country, then a few from elsewhere: each is an ordered
    -- index scan that stops early (needs_open_topic_reach_idx), so 300,000 needs cost no more.
    -- "nulls last" as in the index: with Postgres' default (desc = nulls first) the order did not
    -- match it, and each topic's open needs were read and sorted (decision 022).
    found as (
      select n.* from my_topics t cross join me cross join lateral (
        select n.id, n.topic, n.topic_text, n.country, n.weight, n.me_too_count, n.is_reached,
          n.created_at
        from needs n
        where n.status = 'open' and n.topic = t.topic and n.country = me.country
          and n.languages && me.codes and n.owner_id is distinct from ${me}
          and ${visibleNeedsSql(options.userId)}
        order by n.is_reached, n.weight desc nulls last, n.created_at desc nulls last
        limit ${limit}) n
      union all
      select n.* from my_topics t cross join me cross join lateral (
        select n.id, n.topic, n.topic_text, n.country, n.weight, n.me_too_count, n.is_reached,
          n.created_at
        from needs n
        where n.status = 'open' and n.topic = t.topic and n.country is distinct from me.country
          and n.languages && me.codes and n.owner_id is distinct from ${me}
          and ${visibleNeedsSql(options.userId)}
        order by n.is_reached, n.weight desc nulls last, n.created_at desc nulls last
        limit ${limit}) n
    )
    select f.id, f.topic, f.topic_text, f.country, f.weight, f.me_too_count, f.is_reached
    from found f, me
    order by (f.country is not distinct from me.country) desc, f.is_reached, f.weight desc,
      f.created_at desc
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    topic: r.topic,
    topicText: r.topic_text,
    country: r.country,
    weight: Number(r.weight),
    meTooCount: Number(r.me_too_count),
    isReached: r.is_reached,
  }));
}
