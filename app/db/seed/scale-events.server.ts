/**
 * The events part of the scale seed (issue 9, "Scale"): `events` meetings (default 200,000) over
 * the seeded networks with their answers, as the app would have written them:
 *
 * - times spread over the past two years and the next six months, at a daytime hour on the
 *   network's own clock (its country's IANA zone, converted by PostgreSQL), 1–3 hours long, a
 *   few all-day or over two days;
 * - kinds mixed (face to face with venue and address, online with a meeting link, hybrid), in one
 *   of the network's languages;
 * - one in three with a capacity (5–20 seats), so full events have waiting lists, and the
 *   `going_count` of each event is the number of its "going" rows (never above the capacity:
 *   the first "going" answers in time order get the seats, the later ones wait);
 * - about 3 % cancelled, some with an RSVP deadline a day before;
 * - a few large networks (the five with the most members) hold 5 % of all events;
 * - answers only from the network's active members (about 45 % of them answer each event).
 *
 * Like the conversations, everything is drawn inside PostgreSQL from md5 of the row's number, so
 * two runs over the same networks give the same events, ids and answers; only the absolute
 * times follow the moment of seeding. Inserted in batches of events, one statement per table
 * per batch; the answers' secondary indexes are dropped first and built once at the end.
 */
import type pg from "pg";
import type { Database } from "~/db/client.server";
import { DEFAULT_TIME_ZONE, timeZoneForCountry } from "~/lib/time-zones";

/** What the scale seed writes by default: the issue's 200,000 events. */
export const DEFAULT_SCALE_EVENTS = 200_000;
/** The networks with the most members that hold a large share of the events. */
export const LARGE_EVENT_NETWORKS = 5;
const LARGE_SHARE = 0.05;
const BATCH = 25_000;

export type EventCounts = { events: number; eventRsvps: number };

/** A number in [0, 1) from md5 of the text (SQL). */
const unit = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

const titles = [
  "Monthly meetup",
  "Bookkeeping workshop",
  "Breakfast for founders",
  "Marketing clinic: ask anything",
  "Visit to a member's workshop",
  "Online Q&A on EU tenders",
  "Pricing your services",
  "Peer mentoring circle",
  "Social media for small shops",
  "Annual planning session",
  "Language café",
  "Financing options for small firms",
  "Show and tell: new products",
  "Invoices and VAT across borders",
  "Summer get-together",
  "Digital tools evening",
];
const venues = [
  "Adult-learning centre, room 2",
  "Chamber of commerce",
  "Town library, meeting room",
  "Café Central",
  "Co-working space",
  "Community hall",
  "Member's workshop",
  "Vocational school, lab 3",
];

const literal = (values: readonly string[]) =>
  `array[${values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")}]`;

/**
 * Writes the events and their answers inside the caller's transaction (tables empty or the
 * caller having cleared them). `now` anchors "past" and "upcoming".
 */
export async function loadScaleEvents(
  client: pg.PoolClient,
  options: { events: number; now: number; progress: (message: string) => void },
): Promise<EventCounts> {
  const { events: total, progress } = options;
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  if (total < 1) return { events: 0, eventRsvps: 0 };
  // The networks that can hold events: with an active facilitator (who creates them), numbered
  // in a stable order; the largest first so that the first LARGE_EVENT_NETWORKS are "large".
  const { rows: networks } = await client.query<{
    id: string;
    countries: string[];
    languages: string[];
    facilitator: string;
  }>(
    `select n.id, n.countries, n.languages,
       (select m.user_id from network_members m
        where m.network_id = n.id and m.role = 'facilitator' and m.status = 'active'
        order by m.created_at, m.user_id limit 1) as facilitator
     from networks n
     where exists (select 1 from network_members m
                   where m.network_id = n.id and m.role = 'facilitator' and m.status = 'active')
     order by n.member_count desc, n.id`,
  );
  if (networks.length === 0) {
    throw new Error("No networks with a facilitator to hold events: run npm run seed:scale first.");
  }
  // The zone a network meets in: its first country's; languages as the network lists them.
  await client.query(
    `create temp table seed_event_networks on commit drop as
     select (t.ord - 1)::int as n, t.id, t.tz, t.langs, t.facilitator
     from unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) with ordinality
       as t(id, tz, langs, facilitator, ord)`,
    [
      networks.map((n) => n.id),
      networks.map((n) => timeZoneForCountry(n.countries[0]) ?? DEFAULT_TIME_ZONE),
      networks.map((n) => (n.languages.length > 0 ? n.languages : ["en"]).join(",")),
      networks.map((n) => n.facilitator),
    ],
  );
  await client.query("create unique index on seed_event_networks (n)");
  const count = networks.length;
  const large = Math.min(LARGE_EVENT_NETWORKS, count);
  const largeEvents = Math.round(total * LARGE_SHARE);
  const now = new Date(options.now).toISOString();
  progress(
    `  ${count.toLocaleString("en")} networks hold events; the ${large} largest get ${largeEvents.toLocaleString("en")} (${elapsed()})`,
  );

  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = current_schema() and tablename = 'event_rsvps'
       and indexname not in (select conname from pg_constraint where conrelid = 'event_rsvps'::regclass)`,
  );
  for (const index of indexes) await client.query(`drop index "${index.name}"`);

  const counts: EventCounts = { events: 0, eventRsvps: 0 };
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH) - 1;
    // The batch's events with every choice drawn, before anything is written.
    await client.query(
      `create temp table seed_batch_events on commit drop as
       select e.*,
         (((e.day at time zone e.tz)::date + e.day_offset) + make_time(e.hour, e.minute, 0))
           at time zone e.tz as starts_at
       from (
         select i, md5('synergy-event-' || i)::uuid as id, w.id as network_id, w.facilitator, w.tz,
           $3::timestamptz as day,
           -- 730 days back to 182 ahead; 09:00–20:30 on the network's clock.
           (floor(${unit("'d' || i")} * 913) - 730)::int as day_offset,
           9 + floor(${unit("'h' || i")} * 12)::int as hour,
           case when ${unit("'m' || i")} < 0.5 then 0 else 30 end as minute,
           case when ${unit("'l' || i")} < 0.9 then make_interval(hours => 1 + floor(${unit("'L' || i")} * 3)::int)
                when ${unit("'l' || i")} < 0.98 then interval '8 hours'
                else interval '2 days' end as length,
           case when ${unit("'k' || i")} < 0.5 then 'in_person'
                when ${unit("'k' || i")} < 0.8 then 'online' else 'hybrid' end as kind,
           (string_to_array(w.langs, ','))[1 + floor(${unit("'g' || i")} * cardinality(string_to_array(w.langs, ',')))::int] as language,
           case when ${unit("'c' || i")} < 0.33 then 5 + floor(${unit("'C' || i")} * 16)::int end as capacity,
           ${unit("'x' || i")} < 0.03 as cancelled,
           ${unit("'r' || i")} < 0.2 as has_deadline,
           floor(${unit("'s' || i")} * 3)::int as changes,
           (${literal(titles)})[1 + floor(${unit("'t' || i")} * ${titles.length})::int] as title,
           (${literal(venues)})[1 + floor(${unit("'v' || i")} * ${venues.length})::int] as venue
         from generate_series($1::int, $2::int) i
         join seed_event_networks w on w.n = case
           when i < ${largeEvents} then i % ${large}
           else ${large >= count ? 0 : large} + floor(${unit("'n' || i")} * ${Math.max(1, count - large)})::int % ${Math.max(1, count - large)}
         end
       ) e`,
      [from, to, now],
    );
    // Answers: about 45 % of the active members answer; going 60 %, maybe 20 %, not going 20 %.
    // With a capacity, the first "going" answers in time order take the seats, the rest wait.
    await client.query(
      `create temp table seed_batch_rsvps on commit drop as
       select a.event_id, a.user_id, a.answered_at,
         case when a.answer = 'going' and a.capacity is not null
                and row_number() over (partition by a.event_id, a.answer
                                       order by a.answered_at, a.user_id) > a.capacity
              then 'waiting' else a.answer end as status
       from (
         select e.id as event_id, m.user_id, e.capacity,
           case when ${unit("'a' || e.i || m.user_id")} < 0.6 then 'going'
                when ${unit("'a' || e.i || m.user_id")} < 0.8 then 'maybe' else 'not_going' end as answer,
           -- Between the announcement (two weeks before) and the start, never after now.
           least(e.starts_at, $1::timestamptz) - make_interval(secs =>
             ${unit("'w' || e.i || m.user_id")} * 14 * 86400 * 0.9 + 60) as answered_at
         from seed_batch_events e
         join network_members m on m.network_id = e.network_id and m.status = 'active'
         where ${unit("'p' || e.i || m.user_id")} < 0.45
       ) a`,
      [now],
    );
    const inserted = await client.query(
      `insert into events (id, network_id, created_by, title, description, kind, venue, address,
         map_url, meeting_url, time_zone, starts_at, ends_at, language, capacity, rsvp_deadline,
         going_count, sequence, cancelled_at, created_at, updated_at)
       select e.id, e.network_id, e.facilitator, e.title,
         'We meet to share what works and what does not. Bring your questions.',
         e.kind,
         case when e.kind <> 'online' then e.venue else '' end,
         case when e.kind <> 'online' then 'Main street ' || (1 + e.i % 120) else '' end,
         '',
         case when e.kind <> 'in_person' then 'https://meet.example.org/synergy-' || e.i else '' end,
         e.tz, e.starts_at, e.starts_at + e.length, e.language, e.capacity,
         case when e.has_deadline then e.starts_at - interval '1 day' end,
         coalesce(g.going, 0),
         e.changes + case when e.cancelled then 1 else 0 end,
         case when e.cancelled then least(e.starts_at - interval '2 days', $1::timestamptz) end,
         least(e.starts_at - interval '14 days', $1::timestamptz),
         least(e.starts_at - interval '14 days' + e.changes * interval '1 day', $1::timestamptz)
       from seed_batch_events e
       left join (select event_id, count(*)::int as going from seed_batch_rsvps
                  where status = 'going' group by event_id) g on g.event_id = e.id`,
      [now],
    );
    counts.events += inserted.rowCount ?? 0;
    const answers = await client.query(
      `insert into event_rsvps (event_id, user_id, status, answered_at)
       select event_id, user_id, status, answered_at from seed_batch_rsvps`,
    );
    counts.eventRsvps += answers.rowCount ?? 0;
    await client.query("drop table seed_batch_events, seed_batch_rsvps");
    progress(
      `  events ${counts.events.toLocaleString("en")} / ${total.toLocaleString("en")}, answers ${counts.eventRsvps.toLocaleString("en")} (${elapsed()})`,
    );
  }
  progress(`  building ${indexes.length} indexes…`);
  for (const index of indexes) await client.query(index.definition);
  await client.query("drop table seed_event_networks");
  progress(`  events done (${elapsed()})`);
  return counts;
}

/** Removes every event and answer (for `--only events`). */
export async function clearEvents(client: pg.PoolClient): Promise<void> {
  await client.query("truncate table events cascade");
}

export const EVENT_TABLES = "events, event_rsvps";

/**
 * `--only events`: replaces the events (and their answers) of an installation the scale seed
 * already filled; people, networks and everything else stay. One transaction, then the two
 * tables are vacuumed and analyzed.
 */
export async function seedScaleEvents(options: {
  database: Database;
  events: number;
  onProgress?: (message: string) => void;
}): Promise<EventCounts> {
  const { database } = options;
  const progress = options.onProgress ?? (() => {});
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    progress("Removing the events there were…");
    await clearEvents(client);
    const counts = await loadScaleEvents(client, {
      events: options.events,
      now: Date.now(),
      progress,
    });
    progress("Committing…");
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query(`vacuum (analyze) ${EVENT_TABLES}`);
    return counts;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
