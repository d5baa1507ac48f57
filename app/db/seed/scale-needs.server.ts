/**
 * The needs part of the scale seed (issue 10, "Scale"): `needs` training needs (default 300,000)
 * of the seeded owners, `meToos` "me too"s (default 1,000,000) from other owners, and offers by
 * the seeded educators (one per 150 needs) so that some needs are reached:
 *
 * - each need copies its owner's country, region and language, and their enterprise's NACE
 *   division, section and size band, as the app does when a need is written;
 * - topics follow a long tail over the curated topics (the first few are asked for most), 4 %
 *   are free text only; about 30 % of needs belong to one of the owner's networks;
 * - created over the past two years, more of them recently; 85 % open, 10 % satisfied, 5 % closed;
 * - offers in one to three topics, one or two languages, some face to face in one country, half
 *   on demand, the others dated (some already over), 8 % withdrawn.
 *
 * Weight, "me too" count and reach are then set set-based with the very SQL refreshNeeds uses
 * (`needReachedSql`), so the seeded columns are what refreshNeeds would write; and 180 days of
 * distance snapshots are written (daily for the last 30 days, weekly before), today's as the
 * daily job writes it.
 * Everything is drawn inside PostgreSQL from md5 of the row's number: two runs give the same data.
 */

import { PgDialect } from "drizzle-orm/pg-core";
import type pg from "pg";
import type { Database } from "~/db/client.server";
import { needReachedSql } from "~/features/needs/weight.server";
import { topics } from "~/features/taxonomy/data/topics";
import { replaceScalePart } from "./scale-part.server";

export const DEFAULT_SCALE_NEEDS = 300_000;
export const DEFAULT_SCALE_ME_TOOS = 1_000_000;

const versionTriggers = [
  { table: "needs", name: "needs_figures_version" },
  { table: "need_distance_snapshots", name: "need_distance_snapshots_figures_version" },
  { table: "offers", name: "offers_figures_version" },
  { table: "offer_topics", name: "offer_topics_figures_version" },
];

export type NeedCounts = { needs: number; meToos: number; offers: number; snapshots: number };

/** A number in [0, 1) from md5 of the text (SQL). */
const unit = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/** Writes needs, "me too"s, offers and snapshots in the caller's transaction (tables cleared). */
export async function loadScaleNeeds(
  client: pg.PoolClient,
  options: { needs: number; meToos: number; progress: (message: string) => void },
): Promise<NeedCounts> {
  const { progress } = options;
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  // The figures-version triggers would queue one deferred event per seeded row; the seed bumps
  // the version once at the end instead.
  for (const trigger of versionTriggers) {
    await client.query(`alter table ${trigger.table} disable trigger ${trigger.name}`);
  }
  const topicKeys = topics.map((t) => `topic:${t.slug}`);
  await client.query(`create temp table seed_owners on commit drop as
    select row_number() over (order by u.id) - 1 as i, u.id, u.country, u.region, u.locale,
      o.nace_division, o.nace_section, o.size_band,
      (select nm.network_id from network_members nm
        where nm.user_id = u.id and nm.status = 'active' order by nm.network_id limit 1) as network_id
    from users u
    left join lateral (
      select org.nace_division, org.nace_section, org.size_band
      from organisation_members om join organisations org on org.id = om.organisation_id
      where om.user_id = u.id and org.kind = 'enterprise' order by org.id limit 1) o on true
    where u.role = 'owner'`);
  const owners = Number(
    (await client.query("select count(*)::int as n from seed_owners")).rows[0].n,
  );
  if (owners === 0) throw new Error("No owners to give needs to: run the scale seed first.");
  await client.query("create index on seed_owners (i)");
  progress(`  ${owners.toLocaleString("en")} owners (${elapsed()})`);

  const inserted = await client.query(
    `insert into needs (id, owner_id, network_id, topic, topic_text, situation, urgency, formats,
       times, languages, country, region, nace_division, nace_section, size_band, status,
       closed_at, created_at, updated_at)
     select md5('need' || g.i)::uuid, o.id,
       case when ${unit("'net' || g.i")} < 0.3 then o.network_id end,
       case when ${unit("'free' || g.i")} < 0.04 then null
            else ($1::text[])[1 + floor(power(${unit("'topic' || g.i")}, 2.2) * cardinality($1::text[]))::int] end,
       case when ${unit("'free' || g.i")} < 0.04 then 'Help with something specific ' || g.i else '' end,
       '',
       (array['month','quarter','year'])[1 + floor(${unit("'urg' || g.i")} * 3)::int],
       case floor(${unit("'fmt' || g.i")} * 5)::int
         when 0 then array['face_to_face'] when 1 then array['online_live']
         when 2 then array['self_paced'] when 3 then array['face_to_face','online_live']
         else array['online_live','self_paced'] end,
       array[]::text[],
       case when ${unit("'lang' || g.i")} < 0.3 and coalesce(o.locale, 'en') <> 'en'
            then array[coalesce(o.locale, 'en'), 'en'] else array[coalesce(o.locale, 'en')] end,
       o.country, coalesce(o.region, ''), o.nace_division, o.nace_section, o.size_band,
       case when ${unit("'st' || g.i")} < 0.85 then 'open'
            when ${unit("'st' || g.i")} < 0.95 then 'satisfied' else 'closed' end,
       case when ${unit("'st' || g.i")} >= 0.85 then now() - interval '1 day' * floor(${unit("'cl' || g.i")} * 30) end,
       now() - interval '730 days' * power(${unit("'at' || g.i")}, 1.6),
       now()
     from generate_series(0, $2::int - 1) g(i)
     join seed_owners o on o.i = floor(${unit("'own' || g.i")} * $3)::int`,
    [topicKeys, options.needs, owners],
  );
  const needs = inserted.rowCount ?? 0;
  progress(`  needs ${needs.toLocaleString("en")} (${elapsed()})`);

  await client.query(`create temp table seed_needs on commit drop as
    select row_number() over (order by id) - 1 as i, id, owner_id from needs`);
  await client.query("create index on seed_needs (i)");
  // "Me too"s lean towards a few popular needs; a repeated pair or one's own need is skipped.
  const meToos = await client.query(
    `insert into need_me_toos (need_id, user_id, urgency, created_at)
     select n.id, o.id,
       (array['month','quarter','year'])[1 + floor(${unit("'mu' || g.i")} * 3)::int],
       now() - interval '300 days' * ${unit("'mat' || g.i")}
     from generate_series(0, $1::int - 1) g(i)
     join seed_needs n on n.i = floor(power(${unit("'mn' || g.i")}, 1.5) * $2)::int
     join seed_owners o on o.i = floor(${unit("'mo' || g.i")} * $3)::int
     where o.id <> n.owner_id
     on conflict do nothing`,
    [options.meToos, needs, owners],
  );
  progress(`  me toos ${(meToos.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);

  await client.query(`create temp table seed_educators on commit drop as
    select row_number() over (order by id) - 1 as i, id, country, locale from users
    where role = 'educator'`);
  const educatorCount = Number(
    (await client.query("select count(*)::int as n from seed_educators")).rows[0].n,
  );
  const offerTotal = educatorCount === 0 ? 0 : Math.max(10, Math.round(needs / 150));
  const offers = await client.query(
    `insert into offers (id, created_by, title, formats, languages, countries, on_demand,
       starts_on, ends_on, status, created_at, updated_at)
     select md5('offer' || g.i)::uuid, e.id, 'Course ' || g.i,
       case floor(${unit("'of' || g.i")} * 4)::int
         when 0 then array['face_to_face'] when 1 then array['online_live']
         when 2 then array['self_paced'] else array['online_live','face_to_face'] end,
       case when ${unit("'ol' || g.i")} < 0.5 then array[coalesce(e.locale, 'en'), 'en']
            else array[coalesce(e.locale, 'en')] end,
       case when ${unit("'oc' || g.i")} < 0.6 and e.country is not null then array[e.country] else array[]::text[] end,
       ${unit("'od' || g.i")} < 0.5,
       current_date - 60 + floor(${unit("'os' || g.i")} * 180)::int,
       current_date - 60 + floor(${unit("'os' || g.i")} * 180)::int + 30,
       case when ${unit("'ow' || g.i")} < 0.08 then 'withdrawn' else 'open' end,
       now() - interval '200 days' * ${unit("'oa' || g.i")}, now()
     from generate_series(0, $1::int - 1) g(i)
     join seed_educators e on e.i = floor(${unit("'oe' || g.i")} * $2)::int`,
    [offerTotal, Math.max(educatorCount, 1)],
  );
  await client.query(
    `insert into offer_topics (offer_id, topic)
     select distinct o.id, ($1::text[])[1 + floor(power(${unit("o.id::text || k")}, 1.5) * cardinality($1::text[]))::int]
     from offers o cross join generate_series(1, 3) k
     where k = 1 or ${unit("o.id::text || 'more' || k")} < 0.4`,
    [topicKeys],
  );
  progress(`  offers ${(offers.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);

  // Weight, count and reach, set-based, with refreshNeeds' own SQL.
  await client.query(`update needs n set
      weight = (case n.urgency when 'month' then 3 when 'quarter' then 2 else 1 end)
        + coalesce(m.weight, 0),
      me_too_count = coalesce(m.count, 0)
    from (select need_id, count(*)::int as count,
            sum(case urgency when 'month' then 3 when 'quarter' then 2 else 1 end)::int as weight
          from need_me_toos group by need_id) m
    where m.need_id = n.id`);
  await client.query(`update needs set weight = case urgency when 'month' then 3
      when 'quarter' then 2 else 1 end where weight = 0`);
  const reached = new PgDialect().sqlToQuery(needReachedSql);
  await client.query(
    `update needs n set is_reached = ${reached.sql} where n.status = 'open'`,
    reached.params as unknown[],
  );
  progress(`  weight and reach set (${elapsed()})`);

  // 180 days of snapshots (daily for 30 days, weekly before): today's as the daily job writes
  // it, earlier days drifting from it.
  await client.query(`insert into need_distance_snapshots
      (day, network_id, dimension, key, open_count, open_people, open_weight, unreached_weight)
    select current_date, n.network_id,
      case when grouping(n.country) = 0 then 'country' when grouping(n.topic) = 0 then 'topic' else 'all' end,
      coalesce(case when grouping(n.country) = 0 then n.country when grouping(n.topic) = 0 then n.topic end, ''),
      count(*)::int, count(distinct coalesce(n.owner_id, n.respondent_key, n.id))::int,
      coalesce(sum(n.weight), 0)::int,
      coalesce(sum(n.weight) filter (where not n.is_reached), 0)::int
    from needs n where n.status = 'open'
    group by grouping sets ((n.network_id), (n.network_id, n.country), (n.network_id, n.topic))
    having not (grouping(n.country) = 0 and n.country is null)
       and not (grouping(n.topic) = 0 and n.topic is null)`);
  await client.query(`insert into need_distance_snapshots
      (day, network_id, dimension, key, open_count, open_people, open_weight, unreached_weight)
    select current_date - d, s.network_id, s.dimension, s.key,
      greatest(0, s.open_count - (s.open_count * d / 400)),
      greatest(0, s.open_people - (s.open_people * d / 400)),
      greatest(0, s.open_weight - (s.open_weight * d / 400)),
      least(greatest(0, s.open_weight - (s.open_weight * d / 400)),
        (s.unreached_weight * (1 + d / 300.0))::int)
    from need_distance_snapshots s cross join generate_series(1, 179) d
    where s.day = current_date and (d <= 30 or d % 7 = 0)`);
  for (const trigger of versionTriggers) {
    await client.query(`alter table ${trigger.table} enable trigger ${trigger.name}`);
  }
  await client.query("update need_figures_version set version = version + 1 where id = 1");
  const snapshots = Number(
    (await client.query("select count(*)::int as n from need_distance_snapshots")).rows[0].n,
  );
  progress(`  snapshots ${snapshots.toLocaleString("en")} (${elapsed()})`);
  return { needs, meToos: meToos.rowCount ?? 0, offers: offers.rowCount ?? 0, snapshots };
}

export const NEED_TABLES =
  "needs, need_me_toos, offers, offer_topics, need_answers, need_distance_snapshots";

/**
 * `--only needs`: replaces the needs, "me too"s, offers, answers and snapshots of an
 * installation the scale seed already filled. One transaction, then vacuum and analyze.
 */
export async function seedScaleNeeds(options: {
  database: Database;
  needs: number;
  meToos: number;
  onProgress?: (message: string) => void;
}): Promise<NeedCounts> {
  const progress = options.onProgress ?? (() => {});
  return replaceScalePart({
    database: options.database,
    name: "the needs and offers there were",
    tables: NEED_TABLES.split(", "),
    clear: async (client) => {
      await client.query(`truncate table ${NEED_TABLES} cascade`);
    },
    load: (client) =>
      loadScaleNeeds(client, { needs: options.needs, meToos: options.meToos, progress }),
    progress,
  });
}
