import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed, uuidArray } from "~/db/client.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { countryName, naceLabel, naceSectionOptions } from "~/features/taxonomy/vocabulary.server";
import type { Locale } from "~/i18n/i18n";
import { getEnv } from "~/lib/env.server";
import { forbidden } from "~/lib/errors";
import { distanceIndex, isShown, type RadarFilters, shownGroups } from "./filters";

/**
 * The needs radar's figures (issue 10, decision 018 "How it is shown"). Only needs the viewer
 * may see count: installation-wide needs and needs of networks the viewer is an active member
 * of. Figures are of open needs created in the period; groups of fewer than three needs or
 * three people (owners) are left out of every figure and export.
 */

/**
 * The needs the radar counts for a viewer: installation-wide needs and needs of the networks
 * the viewer is an active member of (`networks`, their ids). Unlike the lists of needs
 * (`visibleNeedsSql` in needs/policy.server.ts) the viewer's own needs elsewhere do not count:
 * the figures depend on the network set alone, so viewers with the same networks share them
 * (an own need is counted anyway where it is visible). The ids go as one array, not a
 * correlated EXISTS: over all open needs the radar's scans were 4× faster this way.
 */
export function visibleNeedSql(networks: readonly string[]): SQL {
  return sql`(n.network_id is null or n.network_id = any(${uuidArray(networks)}))`;
}

/**
 * Who is behind a need, for the "fewer than three people" rule: its owner, or for an anonymous
 * audit answer the random key its answer's needs share, or else the need itself.
 */
export const PERSON_KEY_SQL = sql`coalesce(n.owner_id, n.respondent_key, n.id)`;

/** The viewer's filters as conditions on `needs n` (the period on created_at). */
export function filterSql(filters: RadarFilters): SQL {
  const parts: SQL[] = [];
  if (filters.topic) parts.push(sql`n.topic = ${filters.topic}`);
  if (filters.country) parts.push(sql`n.country = ${filters.country}`);
  if (filters.region) parts.push(sql`n.region = ${filters.region}`);
  if (filters.section) parts.push(sql`n.nace_section = ${filters.section}`);
  if (filters.division) parts.push(sql`n.nace_division = ${filters.division}`);
  if (filters.network) parts.push(sql`n.network_id = ${filters.network}::uuid`);
  const since = periodStartSql(filters);
  if (since) parts.push(sql`n.created_at >= ${since}`);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

function periodStartSql(filters: RadarFilters): SQL | null {
  if (filters.period === "all") return null;
  return sql`date_trunc('month', now()) - make_interval(months => ${Number(filters.period) - 1})`;
}

export type Group = {
  key: string;
  label: string;
  needs: number;
  people: number;
  weight: number;
  unreached: number;
  index: number | null;
};

export type RadarFigures = {
  total: {
    needs: number;
    people: number;
    weight: number;
    unreached: number;
    index: number | null;
    shown: boolean;
  };
  topics: Group[];
  countries: Group[];
  regions: Group[];
  sections: Group[];
  divisions: Group[];
  networks: Group[];
  heat: { rows: string[]; columns: string[]; values: (number | null)[][] };
  months: { month: string; needs: number }[];
  reasons: { freeText: number; noOffer: number; noFit: number };
  unanswered: {
    id: string;
    label: string;
    weight: number;
    meTooCount: number;
    country: string;
    createdAt: string;
  }[];
  trend: { dimension: "all" | "country" | "topic"; points: { date: string; value: number }[] };
};

const groupRow = z.object({
  set: z.string(),
  k1: z.string().nullable(),
  k2: z.string().nullable(),
  needs: z.coerce.number(),
  people: z.coerce.number(),
  weight: z.coerce.number(),
  unreached: z.coerce.number(),
  free_text: z.coerce.number(),
  no_fit: z.coerce.number(),
});

/**
 * Every grouping of the radar in one pass over the visible, filtered open needs, with the
 * reasons the unreached weight is unreached: free text only (no topic an offer could match), or
 * offers on the topic of which none fits (language, format, place); the rest has no open offer
 * on its topic at all.
 */
async function groups(networks: readonly string[], filters: RadarFilters, db: Db) {
  return queryParsed(
    groupRow,
    sql`
    select
      case
        when grouping(n.topic, n.country) = 0 then 'topic_country'
        when grouping(n.country, n.region) = 0 then 'region'
        when grouping(n.topic) = 0 then 'topic'
        when grouping(n.country) = 0 then 'country'
        when grouping(n.nace_section) = 0 then 'section'
        when grouping(n.nace_division) = 0 then 'division'
        when grouping(n.network_id) = 0 then 'network'
        else 'total' end as set,
      case
        when grouping(n.topic, n.country) = 0 then n.topic
        when grouping(n.country, n.region) = 0 then n.country
        when grouping(n.topic) = 0 then n.topic
        when grouping(n.country) = 0 then n.country
        when grouping(n.nace_section) = 0 then n.nace_section
        when grouping(n.nace_division) = 0 then n.nace_division
        when grouping(n.network_id) = 0 then coalesce(n.network_id::text, '') end as k1,
      case when grouping(n.topic, n.country) = 0 then n.country
           when grouping(n.country, n.region) = 0 then n.region end as k2,
      count(*)::int as needs,
      count(distinct ${PERSON_KEY_SQL})::int as people,
      coalesce(sum(n.weight), 0)::int as weight,
      coalesce(sum(n.weight) filter (where not n.is_reached), 0)::int as unreached,
      coalesce(sum(n.weight) filter (where not n.is_reached and n.topic is null), 0)::int
        as free_text,
      coalesce(sum(n.weight) filter (where not n.is_reached and f.topic is not null), 0)::int
        as no_fit
    from needs n
    left join (
      select distinct ot.topic from offer_topics ot join offers o on o.id = ot.offer_id
      where o.status = 'open' and (o.on_demand or coalesce(o.ends_on, o.starts_on) >= current_date)
    ) f on f.topic = n.topic
    where n.status = 'open' and ${visibleNeedSql(networks)} and ${filterSql(filters)}
    group by grouping sets ((), (n.topic), (n.country), (n.country, n.region), (n.nace_section),
      (n.nace_division), (n.network_id), (n.topic, n.country))
  `,
    db,
  );
}

/**
 * Figures computed lately, by language, filters, the viewer's network set and the day (not by
 * viewer: everyone with the same networks shares one entry), each with the figures version
 * (need_figures_version) read before it was computed. A trigger bumps the version with every
 * transaction that writes needs, snapshots, offers or offer topics (cascaded deletes too), so an
 * entry whose version is still current was computed from data at least as new as the last write.
 */
type KeptFigures = {
  version: number;
  /** When the computation started: the figures read data at least this new. */
  computedAt: number;
  figures: Promise<RadarFigures>;
  /** The figures once computed: only then may a stale entry be served. */
  ready?: RadarFigures;
  /** A fresher computation is running in the background. */
  refreshing?: boolean;
};
const figureCache = new Map<string, KeptFigures>();
const CACHE_ENTRIES = 200;

function keep(key: string, version: number, computedAt: number, figures: Promise<RadarFigures>) {
  const entry: KeptFigures = { version, computedAt, figures };
  figures.then(
    (ready) => {
      entry.ready = ready;
    },
    () => {
      if (figureCache.get(key) === entry) figureCache.delete(key);
    },
  );
  figureCache.delete(key);
  figureCache.set(key, entry);
  if (figureCache.size > CACHE_ENTRIES) {
    const oldest = figureCache.keys().next().value;
    if (oldest !== undefined) figureCache.delete(oldest);
  }
  return entry;
}

/** Drops every kept figure (tests). */
export function clearRadarCache() {
  figureCache.clear();
}

/** All the radar's figures for a viewer and filters, labels in the reader's language. */
export async function radarFigures(
  viewerId: string,
  filters: RadarFilters,
  locale: Locale,
  db: Db = getDb(),
): Promise<RadarFigures> {
  const [state] = await queryParsed(
    z.object({ version: z.coerce.number(), networks: z.string(), day: z.string() }),
    sql`select (select version from need_figures_version where id = 1) as version,
      coalesce((select string_agg(network_id::text, ',' order by network_id)
        from network_members where user_id = ${viewerId}::uuid and status = 'active'), '') as networks,
      to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as day`,
    db,
  );
  const networks = state.networks ? state.networks.split(",") : [];
  // A network one is not an active member of is not a filter one may use.
  if (filters.network && !networks.includes(filters.network)) {
    throw forbidden("radar.networkNotYours");
  }
  const key = JSON.stringify([locale, filters, state.networks, state.day]);
  const kept = figureCache.get(key);
  // Requests that come while the figures are being computed wait for the same computation.
  if (kept && kept.version >= state.version) return kept.figures;
  // After a write, figures computed less than RADAR_STALE_SECONDS ago are served while fresh
  // ones are computed once in the background (at 300,000 needs that takes about a second, which
  // every reader would otherwise wait for after each need written anywhere; decision 018).
  const started = Date.now();
  if (kept?.ready && started - kept.computedAt <= getEnv().RADAR_STALE_SECONDS * 1000) {
    if (!kept.refreshing) {
      kept.refreshing = true;
      const fresh = computeRadarFigures(networks, filters, locale, db);
      fresh.then(
        () => {
          if (figureCache.get(key) === kept) keep(key, state.version, started, fresh);
        },
        () => {
          kept.refreshing = false;
        },
      );
    }
    return kept.ready;
  }
  return keep(key, state.version, started, computeRadarFigures(networks, filters, locale, db))
    .figures;
}

/** Rows split by a key, in first-seen order (Map.groupBy needs Node 21). */
function linesOf<T>(rows: readonly T[], key: (row: T) => string): T[][] {
  const lines = new Map<string, T[]>();
  for (const row of rows) {
    const line = lines.get(key(row));
    if (line) line.push(row);
    else lines.set(key(row), [row]);
  }
  return [...lines.values()];
}

async function computeRadarFigures(
  networks: readonly string[],
  filters: RadarFilters,
  locale: Locale,
  db: Db,
): Promise<RadarFigures> {
  const [rows, months, unanswered, trend] = await Promise.all([
    groups(networks, filters, db),
    needsPerMonth(networks, filters, db),
    unansweredNeeds(networks, filters, db),
    distanceTrend(networks, filters, db),
  ]);
  const bySet = (set: string) => rows.filter((r) => r.set === set && r.k1 !== null);
  const totalRow = rows.find((r) => r.set === "total");
  const topicKeys = [
    ...new Set(
      rows.filter((r) => r.set === "topic" || r.set === "topic_country").map((r) => r.k1 ?? ""),
    ),
  ];
  const topicLabels = await topicKeyLabels(
    topicKeys.concat(unanswered.map((u) => u.topic ?? "").filter(Boolean)),
    locale,
    db,
  );
  const networkIds = bySet("network")
    .map((r) => r.k1 as string)
    .filter(Boolean);
  const networkNames = await networkNamesOf(networkIds, db);
  const sectionLabels = new Map(naceSectionOptions(locale).map((o) => [o.value, o.label]));
  type Row = z.infer<typeof groupRow>;
  // Every group of a breakdown (keyless ones too) decides which may be shown (shownGroups);
  // regions are a breakdown within each country.
  const shownOf = (set: string, within?: (r: Row) => string): Row[] => {
    const all = rows.filter((r) => r.set === set);
    if (!within) return shownGroups(all);
    return linesOf(all, within).flatMap((part) => shownGroups(part));
  };
  const toGroups = (set: string, label: (r: Row) => string, within?: (r: Row) => string): Group[] =>
    shownOf(set, within)
      .filter((r) => r.k1 !== null)
      .map((r) => ({
        key: r.k2 === null ? (r.k1 as string) : `${r.k1}|${r.k2}`,
        label: label(r),
        needs: r.needs,
        people: r.people,
        weight: r.weight,
        unreached: r.unreached,
        index: distanceIndex(r.weight, r.unreached),
      }))
      .sort((a, b) => b.weight - a.weight || a.label.localeCompare(b.label));
  const topics = toGroups("topic", (r) => topicLabels.get(r.k1 as string) ?? (r.k1 as string));
  const countries = toGroups("country", (r) => countryName(r.k1, locale));
  // The heat map: the heaviest topics and countries; a small cell is shown as suppressed.
  const heatTopics = topics.slice(0, 8);
  const heatCountries = countries.slice(0, 8);
  const cellRows = rows.filter((r) => r.set === "topic_country");
  const cells = new Map(cellRows.map((r) => [`${r.k1}|${r.k2}`, r] as const));
  // A cell is shown only if no line of cells (a topic's, a country's) would give it away: a
  // line with one hidden cell hides its smallest shown cell too, until no line has just one.
  const cellShown = new Set<Row>(cellRows.filter((r) => isShown(r)));
  const lines = [(r: Row) => `t${r.k1}`, (r: Row) => `c${r.k2}`].flatMap((by) =>
    linesOf(cellRows, by),
  );
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) {
      const visible = line.filter((r) => cellShown.has(r));
      if (line.length - visible.length === 1 && visible.length > 0) {
        cellShown.delete(visible.reduce((a, b) => (b.needs < a.needs ? b : a)));
        changed = true;
      }
    }
  }
  const total = totalRow ?? {
    needs: 0,
    people: 0,
    weight: 0,
    unreached: 0,
    free_text: 0,
    no_fit: 0,
  };
  const reasons = {
    freeText: total.free_text,
    noFit: total.no_fit,
    noOffer: total.unreached - total.free_text - total.no_fit,
  };
  return {
    total: {
      needs: total.needs,
      people: total.people,
      weight: total.weight,
      unreached: total.unreached,
      index: distanceIndex(total.weight, total.unreached),
      shown: isShown(total),
    },
    topics,
    countries,
    regions: toGroups(
      "region",
      (r) => `${r.k2 || "—"} (${r.k1})`,
      (r) => r.k1 ?? "",
    ).filter((g) => !g.key.endsWith("|")),
    sections: toGroups("section", (r) => sectionLabels.get(r.k1 as string) ?? (r.k1 as string)),
    divisions: toGroups("division", (r) => naceLabel(r.k1, locale)),
    networks: toGroups("network", (r) => (r.k1 ? (networkNames.get(r.k1) ?? "—") : "")),
    heat: {
      rows: heatTopics.map((g) => g.label),
      columns: heatCountries.map((g) => g.label),
      values: heatTopics.map((topic) =>
        heatCountries.map((country) => {
          const cell = cells.get(`${topic.key}|${country.key}`);
          if (!cell) return 0;
          return cellShown.has(cell) ? cell.weight : null;
        }),
      ),
    },
    months: months.filter((m) => isShown(m)).map((m) => ({ month: m.month, needs: m.needs })),
    reasons: isShown(total) ? reasons : { freeText: 0, noOffer: 0, noFit: 0 },
    // Needs are named one by one only where the figures themselves are shown.
    unanswered: (isShown(total) ? unanswered : []).map((u) => ({
      id: u.id,
      label: u.topic ? (topicLabels.get(u.topic) ?? u.topic) : u.topic_text,
      weight: u.weight,
      meTooCount: u.me_too_count,
      country: countryName(u.country, locale),
      createdAt: u.created_at,
    })),
    trend,
  };
}

async function networkNamesOf(ids: string[], db: Db): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select id::text, name from networks where id in (${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
    db,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Needs created per month (any status: a need met later was still a need that month). */
async function needsPerMonth(networks: readonly string[], filters: RadarFilters, db: Db) {
  return queryParsed(
    z.object({ month: z.string(), needs: z.coerce.number(), people: z.coerce.number() }),
    sql`
    select to_char(date_trunc('month', n.created_at at time zone 'UTC'), 'YYYY-MM') as month,
      count(*)::int as needs, count(distinct ${PERSON_KEY_SQL})::int as people
    from needs n
    where ${visibleNeedSql(networks)} and ${filterSql(filters)}
    group by 1 order by 1
  `,
    db,
  );
}

/**
 * "Needs nobody answers": open, unreached, heaviest first (20). Never an anonymous audit's need
 * (no owner): by itself, with its facts, it could point to the person who answered.
 */
async function unansweredNeeds(networks: readonly string[], filters: RadarFilters, db: Db) {
  return queryParsed(
    z.object({
      id: z.string(),
      topic: z.string().nullable(),
      topic_text: z.string(),
      weight: z.coerce.number(),
      me_too_count: z.coerce.number(),
      country: z.string().nullable(),
      created_at: z.coerce.date().transform((d) => d.toISOString()),
    }),
    sql`
    select n.id::text, n.topic, n.topic_text, n.weight, n.me_too_count, n.country, n.created_at
    from needs n
    where n.status = 'open' and not n.is_reached and n.owner_id is not null
      and ${visibleNeedSql(networks)} and ${filterSql(filters)}
    -- As needs_unreached_weight_idx orders (desc nulls last): Postgres' default for desc is nulls
    -- first, which the index cannot give, so every unreached need was read and sorted.
    order by n.weight desc nulls last, n.created_at desc nulls last, n.id desc nulls last
    limit 20
  `,
    db,
  );
}

/**
 * The distance index's trend from the daily snapshots: per topic when a topic is chosen, else
 * per country when a country is, else of all needs; summed over the networks the viewer may see
 * (or the chosen one). Days whose needs are fewer than three, or whose people are, are left
 * out. People are counted per network in the snapshot, so the day's people are taken as the
 * largest network's count: never more than the people really behind the day's needs.
 */
async function distanceTrend(networks: readonly string[], filters: RadarFilters, db: Db) {
  const dimension = filters.topic ? "topic" : filters.country ? "country" : "all";
  const key = filters.topic ?? filters.country ?? "";
  const since = periodStartSql(filters);
  const rows = await queryParsed(
    z.object({
      day: z.string(),
      open_count: z.coerce.number(),
      open_people: z.coerce.number(),
      open_weight: z.coerce.number(),
      unreached_weight: z.coerce.number(),
    }),
    sql`
    select to_char(s.day, 'YYYY-MM-DD') as day, sum(s.open_count)::int as open_count,
      max(s.open_people)::int as open_people, sum(s.open_weight)::int as open_weight, sum(s.unreached_weight)::int as unreached_weight
    from need_distance_snapshots s
    where s.dimension = ${dimension} and s.key = ${key}
      and ${filters.network ? sql`s.network_id = ${filters.network}::uuid and ` : sql``}
      (s.network_id is null or s.network_id = any(${uuidArray(networks)}))
      ${since ? sql`and s.day >= ${since}` : sql``}
    group by s.day order by s.day
  `,
    db,
  );
  const points = rows
    .filter((r) => isShown({ needs: r.open_count, people: r.open_people }) && r.open_weight > 0)
    .map((r) => ({ date: r.day, value: r.unreached_weight / r.open_weight }));
  // Over more than 9 weeks, one day a week (counted back from the latest) is enough to draw.
  const drawn =
    points.length > 63 ? points.filter((_, i) => (points.length - 1 - i) % 7 === 0) : points;
  return { dimension, points: drawn } as RadarFigures["trend"];
}

/** What the radar's rule needs to know of a viewer beyond the session: do they facilitate a network. */
export async function facilitatesANetwork(userId: string, db: Db = getDb()): Promise<boolean> {
  const rows = await queryParsed(
    z.object({ one: z.number() }),
    sql`select 1 as one from network_members
      where user_id = ${userId}::uuid and role = 'facilitator' and status = 'active' limit 1`,
    db,
  );
  return rows.length > 0;
}

/** The networks the viewer may filter by: those they are an active member of. */
export async function viewerNetworks(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ value: z.string(), label: z.string() }),
    sql`select n.id::text as value, n.name as label from network_members nm
      join networks n on n.id = nm.network_id
      where nm.user_id = ${userId}::uuid and nm.status = 'active'
      order by n.name limit 200`,
    db,
  );
}

/**
 * The aggregated figures as CSV rows (the same filters and suppression as the page): one line per
 * shown group of each grouping, then the per-month counts. Headings come translated.
 */
export function radarCsvRows(
  figures: RadarFigures,
  headings: {
    dimension: string;
    key: string;
    label: string;
    needs: string;
    weight: string;
    unreached: string;
    index: string;
    dimensions: Record<
      "total" | "topic" | "country" | "region" | "section" | "division" | "network" | "month",
      string
    >;
    noNetwork: string;
  },
): Array<Array<string | number | null>> {
  const rows: Array<Array<string | number | null>> = [
    [
      headings.dimension,
      headings.key,
      headings.label,
      headings.needs,
      headings.weight,
      headings.unreached,
      headings.index,
    ],
  ];
  const round = (index: number | null) => (index === null ? null : Math.round(index * 1000) / 1000);
  if (figures.total.shown) {
    const t = figures.total;
    rows.push([headings.dimensions.total, "", "", t.needs, t.weight, t.unreached, round(t.index)]);
  }
  const add = (dimension: keyof typeof headings.dimensions, groups: Group[]) => {
    for (const g of groups) {
      const label = dimension === "network" && g.key === "" ? headings.noNetwork : g.label;
      rows.push([
        headings.dimensions[dimension],
        g.key,
        label,
        g.needs,
        g.weight,
        g.unreached,
        round(g.index),
      ]);
    }
  };
  add("topic", figures.topics);
  add("country", figures.countries);
  add("region", figures.regions);
  add("section", figures.sections);
  add("division", figures.divisions);
  add("network", figures.networks);
  for (const m of figures.months)
    rows.push([headings.dimensions.month, m.month, m.month, m.needs, null, null, null]);
  return rows;
}
