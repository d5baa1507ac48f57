/**
 * The partnering part of the scale seed (issue 12, "Scale"): `opportunities` partnering
 * opportunities (default 50,000) of the seeded organisations, `interests` expressions of
 * interest (default 200,000) from other organisations, and one partnering day with 300
 * participants for the booking-page benchmark:
 *
 * - each opportunity belongs to an organisation (nine in ten enterprises), written by one of its
 *   active members in the language of the organisation's country, about the organisation's NACE
 *   division (providers: education, 85); offers and requests alike; one to three partnership
 *   types (distribution and supplier most); target countries empty (anywhere) for a third, else
 *   one to three of the seven partner countries; working languages the country's language,
 *   English for two thirds, and a third language for some; half with a deadline;
 * - 85 % published (one in ten of them past its expiry date), 5 % in review, 7 % drafts, 3 %
 *   withdrawn; published over the past 300 days; 10 % with a translation into English;
 * - interests lean towards popular opportunities (a long tail); one pending or accepted per
 *   organisation and opportunity as the unique index wants, never from the publisher itself;
 *   65 % pending, 20 % accepted (with their stage and one update per stage reached), 12 %
 *   declined, 3 % withdrawn; `interest_count` set from them; the accepted ones have no
 *   conversation (the conversations part of the seed is separate);
 * - the partnering day is on the first upcoming event that is not cancelled: 300 people going,
 *   each with what they seek and offer, free for two thirds of the day's 20-minute slots, and
 *   several hundred meetings (about 900 at the defaults) booked with their holds and table numbers.
 *
 * Everything is drawn inside PostgreSQL from md5 of the row's number (two runs give the same
 * rows; only the absolute times follow the moment of seeding).
 */
import type pg from "pg";
import type { Database } from "~/db/client.server";
import { partnershipTypes } from "~/db/enums";
import { naceDivisions } from "~/features/taxonomy/data/nace";
import { replaceScalePart } from "./scale-part.server";

export const DEFAULT_SCALE_OPPORTUNITIES = 50_000;
export const DEFAULT_SCALE_INTERESTS = 200_000;
export const SCALE_PARTNERING_DAY_PARTICIPANTS = 300;

export type PartneringCounts = {
  opportunities: number;
  translations: number;
  interests: number;
  updates: number;
  partneringParticipants: number;
  partneringBookings: number;
};

/** A number in [0, 1) from md5 of the text (SQL). */
const unit = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

/** A uuid from md5 with the version 4 and variant bits set (the app's UUID checks accept it). */
const uuidOf = (text: string) =>
  `(overlay(overlay(md5(${text}) placing '4' from 13) placing '8' from 17))::uuid`;

const COUNTRY_LANGUAGE = `case o.country when 'DE' then 'de' when 'GR' then 'el' when 'CY' then 'el'
  when 'FI' then 'fi' when 'IT' then 'it' when 'RO' then 'ro' else 'en' end`;

/** What a partnership type is called in an opportunity's title, per language (ours). */
const partnershipWords: Record<string, Record<(typeof partnershipTypes)[number], string>> = {
  en: {
    distribution: "Distributor sought",
    supplier: "Supplier sought",
    subcontracting: "Subcontractor sought",
    joint_venture: "Joint venture partner sought",
    franchise: "Franchise partner sought",
    licensing: "Licensing partner sought",
    public_tender: "Partner for a joint tender bid",
    knowledge_exchange: "Knowledge exchange",
    learn_together: "Let us learn from each other",
  },
  de: {
    distribution: "Vertriebspartner gesucht",
    supplier: "Lieferant gesucht",
    subcontracting: "Subunternehmer gesucht",
    joint_venture: "Partner für ein Gemeinschaftsunternehmen gesucht",
    franchise: "Franchisepartner gesucht",
    licensing: "Lizenzpartner gesucht",
    public_tender: "Partner für eine gemeinsame Ausschreibung",
    knowledge_exchange: "Wissensaustausch",
    learn_together: "Voneinander lernen",
  },
  el: {
    distribution: "Ζητείται διανομέας",
    supplier: "Ζητείται προμηθευτής",
    subcontracting: "Ζητείται υπεργολάβος",
    joint_venture: "Ζητείται εταίρος για κοινοπραξία",
    franchise: "Ζητείται συνεργάτης franchise",
    licensing: "Ζητείται συνεργάτης αδειοδότησης",
    public_tender: "Εταίρος για κοινή προσφορά σε διαγωνισμό",
    knowledge_exchange: "Ανταλλαγή γνώσεων",
    learn_together: "Ας μάθουμε ο ένας από τον άλλον",
  },
  fi: {
    distribution: "Haemme jälleenmyyjää",
    supplier: "Haemme toimittajaa",
    subcontracting: "Haemme alihankkijaa",
    joint_venture: "Haemme yhteisyrityskumppania",
    franchise: "Haemme franchising-kumppania",
    licensing: "Haemme lisenssikumppania",
    public_tender: "Kumppani yhteiseen tarjoukseen",
    knowledge_exchange: "Osaamisen vaihto",
    learn_together: "Opitaan toisiltamme",
  },
  it: {
    distribution: "Cercasi distributore",
    supplier: "Cercasi fornitore",
    subcontracting: "Cercasi subfornitore",
    joint_venture: "Cercasi partner per una joint venture",
    franchise: "Cercasi partner in franchising",
    licensing: "Cercasi partner per licenza",
    public_tender: "Partner per una gara d'appalto comune",
    knowledge_exchange: "Scambio di conoscenze",
    learn_together: "Impariamo gli uni dagli altri",
  },
  ro: {
    distribution: "Căutăm distribuitor",
    supplier: "Căutăm furnizor",
    subcontracting: "Căutăm subcontractant",
    joint_venture: "Căutăm partener pentru o asociere",
    franchise: "Căutăm partener de franciză",
    licensing: "Căutăm partener de licențiere",
    public_tender: "Partener pentru o licitație comună",
    knowledge_exchange: "Schimb de cunoștințe",
    learn_together: "Să învățăm unii de la alții",
  },
};

const PARTNER_COUNTRIES = ["IE", "CY", "FI", "DE", "GR", "IT", "RO"];

/** Writes opportunities, interests and a partnering day in the caller's transaction. */
export async function loadScalePartnering(
  client: pg.PoolClient,
  options: { opportunities: number; interests: number; progress: (message: string) => void },
): Promise<PartneringCounts> {
  const { progress } = options;
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

  await client.query(`create temp table seed_orgs on commit drop as
    select row_number() over (order by org.id) - 1 as i, org.id, org.country,
      coalesce(org.nace_division, '85') as division,
      (select om.user_id from organisation_members om
        where om.organisation_id = org.id and om.status = 'active'
        order by om.role, om.user_id limit 1) as author
    from organisations org
    where org.kind = 'enterprise' or ${unit("'prov' || org.id::text")} < 0.1`);
  await client.query("delete from seed_orgs where author is null");
  await client.query(`create temp table seed_orgs_i on commit drop as
    select row_number() over (order by id) - 1 as i, id, country, division, author from seed_orgs`);
  await client.query("create index on seed_orgs_i (i)");
  const orgCount = Number(
    (await client.query("select count(*)::int as n from seed_orgs_i")).rows[0].n,
  );
  if (orgCount < 2) throw new Error("No organisations to partner: run the scale seed first.");
  progress(`  ${orgCount.toLocaleString("en")} organisations that may partner (${elapsed()})`);

  const words = JSON.stringify(partnershipWords);
  const divisionLabels = JSON.stringify(
    Object.fromEntries(naceDivisions.map((d) => [d.code, d.label])),
  );
  const types = [...partnershipTypes];
  const inserted = await client.query(
    `insert into opportunities (id, organisation_id, created_by, kind, area, partnerships,
       language, title, summary, description, nace_division, target_countries, languages,
       brings, seeks, deadline, status, submitted_at, published_at, expires_at, reviewed_at,
       created_at, updated_at)
     select x.id, x.org_id, x.author, x.kind, x.area, x.partnerships, x.language,
       ($3::jsonb -> x.language ->> x.partnerships[1]) || ' · ' ||
         coalesce($4::jsonb -> x.division ->> x.language, x.division),
       ($3::jsonb -> x.language ->> x.partnerships[1]) || ': ' ||
         coalesce($4::jsonb -> x.division ->> x.language, x.division) || ' (' || x.country || ', ' || g_i || ')',
       case when ${unit("'desc' || g_i")} < 0.6 then
         'We are a small ' || coalesce($4::jsonb -> x.division ->> 'en', '') || ' business in ' || x.country
         || '. Opportunity ' || g_i || '.' else '' end,
       x.division, x.targets, x.languages,
       'Experience in ' || coalesce($4::jsonb -> x.division ->> 'en', ''),
       'A partner for ' || replace(x.partnerships[1], '_', ' '),
       case when ${unit("'dl' || g_i")} < 0.5 then current_date + floor(${unit("'dd' || g_i")} * 240)::int - 20 end,
       x.status,
       case when x.status in ('submitted', 'published') then x.published_at - interval '2 days' end,
       case when x.status in ('published', 'withdrawn') then x.published_at end,
       case when x.status in ('published', 'withdrawn') then
         case when ${unit("'exp' || g_i")} < 0.1 then now() - interval '1 day' * (1 + floor(${unit("'ex2' || g_i")} * 90))
              else now() + interval '1 day' * (1 + floor(${unit("'ex2' || g_i")} * 180)) end end,
       case when x.status in ('published', 'withdrawn') then x.published_at end,
       x.published_at - interval '3 days', x.published_at
     from (
       select g.i as g_i, ${uuidOf("'opportunity' || g.i")} as id, o.id as org_id, o.author,
         o.country, o.division,
         case when ${unit("'kind' || g.i")} < 0.5 then 'offer' else 'request' end as kind,
         (array['business','technology','service'])[1 + floor(${unit("'area' || g.i")} * 3)::int] as area,
         array(select distinct ($5::text[])[1 + floor(power(${unit("'pt' || g.i || k")}, 1.6) * cardinality($5::text[]))::int]
               from generate_series(1, 1 + floor(${unit("'ptn' || g.i")} * 3)::int) k) as partnerships,
         ${COUNTRY_LANGUAGE} as language,
         case when ${unit("'tc' || g.i")} < 0.33 then array[]::text[]
              else array(select distinct ($6::text[])[1 + floor(${unit("'tcc' || g.i || k")} * 7)::int]
                         from generate_series(1, 1 + floor(${unit("'tcn' || g.i")} * 3)::int) k) end as targets,
         array(select distinct l from unnest(array[${COUNTRY_LANGUAGE},
           case when ${unit("'len' || g.i")} < 0.66 then 'en' end,
           case when ${unit("'l3' || g.i")} < 0.15 then (array['de','fr','it','el'])[1 + floor(${unit("'l3l' || g.i")} * 4)::int] end]) l
           where l is not null) as languages,
         case when ${unit("'st' || g.i")} < 0.85 then 'published'
              when ${unit("'st' || g.i")} < 0.90 then 'submitted'
              when ${unit("'st' || g.i")} < 0.97 then 'draft' else 'withdrawn' end as status,
         now() - interval '300 days' * power(${unit("'at' || g.i")}, 1.4) as published_at
       from generate_series(0, $1::int - 1) g(i)
       join seed_orgs_i o on o.i = floor(${unit("'org' || g.i")} * $2)::int
     ) x`,
    [options.opportunities, orgCount, words, divisionLabels, types, PARTNER_COUNTRIES],
  );
  const opportunities = inserted.rowCount ?? 0;
  progress(`  opportunities ${opportunities.toLocaleString("en")} (${elapsed()})`);

  const translations = await client.query(
    `insert into opportunity_translations (opportunity_id, language, title, summary)
     select o.id, 'en', ($1::jsonb -> 'en' ->> o.partnerships[1]) || ' (translated)', o.summary
     from opportunities o
     where o.language <> 'en' and ${unit("'tr' || o.id::text")} < 0.1`,
    [words],
  );
  progress(`  translations ${(translations.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);

  await client.query(`create temp table seed_opps on commit drop as
    select row_number() over (order by id) - 1 as i, id, organisation_id, published_at
    from opportunities where status = 'published'`);
  await client.query("create index on seed_opps (i)");
  const published = Number(
    (await client.query("select count(*)::int as n from seed_opps")).rows[0].n,
  );
  // A long tail: a few opportunities draw many interests. Pairs that repeat, and interests
  // from the publisher itself, are skipped.
  const interests = await client.query(
    `insert into opportunity_interests (id, opportunity_id, organisation_id, user_id, message,
       status, decided_by, decided_at, stage, stage_changed_at, created_at)
     select ${uuidOf("'interest' || g.i")}, p.id, o.id, o.author,
       'We would like to talk about this (' || g.i || ').',
       s.status,
       case when s.status in ('accepted', 'declined') then pa.author end,
       case when s.status in ('accepted', 'declined') then s.at + interval '3 days' end,
       case when s.status = 'accepted' then
         (array['introduced','met','agreement','active','ended'])[1 + floor(power(${unit("'stg' || g.i")}, 1.5) * 5)::int] end,
       case when s.status = 'accepted' then s.at + interval '10 days' end,
       s.at
     from generate_series(0, $1::int - 1) g(i)
     join seed_opps p on p.i = floor(power(${unit("'io' || g.i")}, 2) * $2)::int
     join seed_orgs_i o on o.i = floor(${unit("'ig' || g.i")} * $3)::int
     join seed_orgs_i pa on pa.id = p.organisation_id
     cross join lateral (select
       case when ${unit("'is' || g.i")} < 0.65 then 'pending'
            when ${unit("'is' || g.i")} < 0.85 then 'accepted'
            when ${unit("'is' || g.i")} < 0.97 then 'declined' else 'withdrawn' end as status,
       least(now(), p.published_at + interval '1 day' * floor(${unit("'ia' || g.i")} * 60)) as at) s
     where o.id <> p.organisation_id
     on conflict do nothing`,
    [options.interests, Math.max(published, 1), orgCount],
  );
  progress(`  interests ${(interests.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);
  await client.query(`update opportunities o set interest_count = c.n
    from (select opportunity_id, count(*)::int as n from opportunity_interests
          where status <> 'withdrawn' group by opportunity_id) c
    where c.opportunity_id = o.id`);
  const updates = await client.query(`insert into introduction_updates
      (interest_id, stage, outcome, user_id, created_at)
    select i.id, s.stage, case when s.stage = i.stage and s.stage in ('active','ended')
        then 'What came of it (' || s.n || ').' else '' end,
      i.decided_by, i.decided_at + interval '5 days' * s.n
    from opportunity_interests i
    cross join lateral unnest(array['introduced','met','agreement','active','ended'])
      with ordinality s(stage, n)
    where i.status = 'accepted'
      and s.n <= array_position(array['introduced','met','agreement','active','ended'], i.stage)`);
  progress(`  introduction updates ${(updates.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);

  const day = await loadPartneringDay(client);
  progress(
    `  partnering day: ${day.participants} participants, ${day.bookings} meetings (${elapsed()})`,
  );
  return {
    opportunities,
    translations: translations.rowCount ?? 0,
    interests: interests.rowCount ?? 0,
    updates: updates.rowCount ?? 0,
    partneringParticipants: day.participants,
    partneringBookings: day.bookings,
  };
}

/**
 * The partnering day of the booking-page benchmark: on the first upcoming event that is not
 * cancelled and lasts at least three hours, 09:00–17:00 in the event's zone is not guaranteed,
 * so the day runs from the event's start for (at most) eight hours in 20-minute slots.
 */
async function loadPartneringDay(
  client: pg.PoolClient,
): Promise<{ participants: number; bookings: number }> {
  const event = (
    await client.query(`select id, starts_at, least(ends_at, starts_at + interval '8 hours') as ends_at
      from events where cancelled_at is null and starts_at > now() + interval '7 days'
        and ends_at >= starts_at + interval '3 hours' and series_id is null
      order by starts_at, id limit 1`)
  ).rows[0] as { id: string; starts_at: Date; ends_at: Date } | undefined;
  if (!event) return { participants: 0, bookings: 0 };
  const dayId = (
    await client.query(
      `insert into partnering_days (event_id, starts_at, ends_at, slot_minutes, tables)
       values ($1, $2, $3, 20, 40) returning id`,
      [event.id, event.starts_at, event.ends_at],
    )
  ).rows[0].id as string;
  // 300 people, preferring the event's network's members; all of them going.
  await client.query(
    `create temp table seed_day_people on commit drop as
     select row_number() over (order by p.pref, p.user_id) - 1 as i, p.user_id
     from (
       select u.id as user_id,
         case when exists (select 1 from network_members nm join events e on e.network_id = nm.network_id
                           where e.id = $1 and nm.user_id = u.id and nm.status = 'active') then 0 else 1 end as pref
       from users u
       order by pref, u.id limit $2) p`,
    [event.id, SCALE_PARTNERING_DAY_PARTICIPANTS],
  );
  await client.query(
    `insert into event_rsvps (event_id, user_id, status)
     select $1, user_id, 'going' from seed_day_people
     on conflict (event_id, user_id) do update set status = 'going'`,
    [event.id],
  );
  await client.query(
    `update events set going_count = (select count(*) from event_rsvps r
       where r.event_id = $1 and r.status = 'going') where id = $1`,
    [event.id],
  );
  const participants = await client.query(
    `insert into partnering_participants (day_id, user_id, organisation_id, seeks, offers, availability)
     select $1, p.user_id,
       (select om.organisation_id from organisation_members om
         where om.user_id = p.user_id and om.status = 'active' order by om.organisation_id limit 1),
       'Partners for ' || (array['distribution','a joint tender','supplies','export','training'])[1 + floor(${unit("'pds' || p.i")} * 5)::int],
       'We offer ' || (array['local knowledge','a workshop','logistics','design','software'])[1 + floor(${unit("'pdo' || p.i")} * 5)::int],
       array(select s from generate_series($2::timestamptz, $3::timestamptz - interval '20 minutes', interval '20 minutes') s
             where ${unit("'av' || p.i || s::text")} < 0.66)
     from seed_day_people p`,
    [dayId, event.starts_at, event.ends_at],
  );
  // Bookings between people free at the same slot; a person's slot is held once.
  await client.query(
    `create temp table seed_day_pairs on commit drop as
     select row_number() over (order by ${unit("'pair' || a.i || b.i || s")}) as n,
       a.user_id as requester, b.user_id as invitee, s as slot_start
     from seed_day_people a
     join seed_day_people b on b.i = (a.i * 7 + 13) % ${SCALE_PARTNERING_DAY_PARTICIPANTS} and b.i <> a.i
     join partnering_participants pa on pa.day_id = $1 and pa.user_id = a.user_id
     join partnering_participants pb on pb.day_id = $1 and pb.user_id = b.user_id
     cross join lateral unnest(pa.availability) s
     where s = any(pb.availability) and ${unit("'bk' || a.i || s::text")} < 0.4`,
    [dayId],
  );
  let bookings = 0;
  const pairs = (
    await client.query("select requester, invitee, slot_start from seed_day_pairs order by n")
  ).rows as { requester: string; invitee: string; slot_start: Date }[];
  const held = new Set<string>();
  const tablesUsed = new Map<string, number>();
  for (const pair of pairs) {
    const slot = pair.slot_start.toISOString();
    if (held.has(`${slot}:${pair.requester}`) || held.has(`${slot}:${pair.invitee}`)) continue;
    const table = (tablesUsed.get(slot) ?? 0) + 1;
    if (table > 40) continue;
    tablesUsed.set(slot, table);
    held.add(`${slot}:${pair.requester}`);
    held.add(`${slot}:${pair.invitee}`);
    const booking = await client.query(
      `insert into partnering_bookings (day_id, slot_start, requester, invitee, table_number)
       values ($1, $2, $3, $4, $5) returning id`,
      [dayId, pair.slot_start, pair.requester, pair.invitee, table],
    );
    await client.query(
      `insert into partnering_holds (day_id, slot_start, user_id, booking_id)
       values ($1, $2, $3, $5), ($1, $2, $4, $5)`,
      [dayId, pair.slot_start, pair.requester, pair.invitee, booking.rows[0].id],
    );
    bookings += 1;
  }
  return { participants: participants.rowCount ?? 0, bookings };
}

export const PARTNERING_TABLES =
  "opportunities, opportunity_translations, opportunity_interests, introduction_updates, partnership_stories, meetings, meeting_times, partnering_days, partnering_participants, partnering_bookings, partnering_holds";

/**
 * `--only partnering`: replaces every partnering row of an installation the scale seed already
 * filled. One transaction, then vacuum and analyze.
 */
export async function seedScalePartnering(options: {
  database: Database;
  opportunities: number;
  interests: number;
  onProgress?: (message: string) => void;
}): Promise<PartneringCounts> {
  const progress = options.onProgress ?? (() => {});
  return replaceScalePart({
    database: options.database,
    name: "the partnering data there was",
    tables: PARTNERING_TABLES.split(", "),
    clear: async (client) => {
      await client.query(`truncate table ${PARTNERING_TABLES} cascade`);
    },
    load: (client) =>
      loadScalePartnering(client, {
        opportunities: options.opportunities,
        interests: options.interests,
        progress,
      }),
    progress,
  });
}
