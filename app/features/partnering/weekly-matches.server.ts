/**
 * The weekly "N new partnering matches for <organisation>" notification (issue 12 item 2,
 * decision 023 "Weekly matches"). Once a week (`partnering.matches_weekly`, Mondays 05:00 UTC)
 * every active member of each organisation with at least one good match published in the past
 * seven days gets one `partnering.new_matches` notification; their own choices for that kind
 * (immediately, in the digest by default, or never) and their digest timing decide the email.
 *
 * It scales by reading the week's opportunities once (a few thousand at the scale seed) and
 * scoring organisations against them in pages (weekly-matches.ts bounds each pair before
 * scoring it), instead of ranking every organisation's whole candidate list. Safe to run twice:
 * each notification's source key names the organisation and the ISO week.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { notify } from "~/features/notifications/notify.server";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { DIGEST_MIN_SCORE } from "./matches.server";
import { isoWeek, NewMatchCounter, type RecentOpportunity } from "./weekly-matches";

/** The window the figure counts: opportunities published in the last seven days. */
export const WEEK_MS = 7 * 86_400_000;
/** Organisations scored (and notified, in one transaction) per page. */
const ORGANISATION_PAGE = 1000;

/** The source key of one organisation's line for one ISO week: one row per person, ever. */
export function weeklyMatchesSourceKey(organisationId: string, week: string): string {
  return `partnering.new_matches:${organisationId}:${week}`;
}

const recentRow = z.object({
  id: z.string(),
  organisation_id: z.string(),
  kind: z.enum(["offer", "request"]),
  partnerships: z.array(z.string()),
  nace_division: z.string(),
  target_countries: z.array(z.string()),
  languages: z.array(z.string()),
  deadline: z.string().nullable(),
  networks: z.array(z.string()),
});

/**
 * The opportunities published in (since, now] that the matches page could list: visible, open
 * (deadline not passed), with the networks their publisher's active members are in.
 */
async function recentOpportunities(since: Date, now: Date, db: Db): Promise<RecentOpportunity[]> {
  const rows = await queryParsed(
    recentRow,
    sql`with recent as (
          select o.id, o.organisation_id, o.kind, o.partnerships, o.nace_division,
            o.target_countries, o.languages, o.deadline::text as deadline
          from opportunities o
          where o.status = 'published' and o.expires_at > now()
            and o.published_at > ${since.toISOString()}::timestamptz
            and o.published_at <= ${now.toISOString()}::timestamptz
            and (o.deadline is null or o.deadline::date >= current_date)
        ), publishers as (
          select p.organisation_id,
            array_agg(distinct nm.network_id::text) as networks
          from (select distinct organisation_id from recent) p
            join organisation_members m on m.organisation_id = p.organisation_id
              and m.status = 'active'
            join network_members nm on nm.user_id = m.user_id and nm.status = 'active'
          group by p.organisation_id
        )
        select r.id::text, r.organisation_id::text, r.kind, r.partnerships, r.nace_division,
          r.target_countries, r.languages, r.deadline, coalesce(p.networks, '{}') as networks
        from recent r left join publishers p on p.organisation_id = r.organisation_id`,
    db,
  );
  return rows.map((r) => ({
    id: r.id,
    organisationId: r.organisation_id,
    kind: r.kind,
    partnerships: r.partnerships,
    division: r.nace_division,
    targetCountries: r.target_countries,
    languages: r.languages,
    deadline: r.deadline,
    networkIds: r.networks,
  }));
}

const organisationRow = z.object({
  id: z.string(),
  name: z.string(),
  country: z.string(),
  nace_division: z.string().nullable(),
  languages: z.array(z.string()),
  members: z.array(z.string()),
});

/** One page of organisations with active members (keyset on id), with what scoring needs. */
async function organisationPage(after: string | null, db: Db) {
  const page = await queryParsed(
    organisationRow,
    sql`select g.id::text, g.name, g.country, g.nace_division,
          array(select distinct ul.language from organisation_members m
            join user_languages ul on ul.user_id = m.user_id
            where m.organisation_id = g.id and m.status = 'active') as languages,
          array(select m.user_id::text from organisation_members m
            where m.organisation_id = g.id and m.status = 'active') as members
        from organisations g
        ${after ? sql`where g.id > ${after}::uuid` : sql``}
        order by g.id
        limit ${ORGANISATION_PAGE}`,
    db,
  );
  const withMembers = page.filter((g) => g.members.length > 0);
  const ids = withMembers.map((g) => g.id);
  const idList = sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [own, networks] = ids.length
    ? await Promise.all([
        queryParsed(
          z.object({
            organisation_id: z.string(),
            kind: z.enum(["offer", "request"]),
            partnerships: z.array(z.string()),
          }),
          sql`select o.organisation_id::text, o.kind, o.partnerships from opportunities o
              where o.organisation_id in (${idList})
                and o.status = 'published' and o.expires_at > now()`,
          db,
        ),
        // Secret networks are never a reason (as on the matches page).
        queryParsed(
          z.object({ organisation_id: z.string(), network_id: z.string() }),
          sql`select distinct m.organisation_id::text, nm.network_id::text
              from organisation_members m
                join network_members nm on nm.user_id = m.user_id and nm.status = 'active'
                join networks n on n.id = nm.network_id and n.visibility <> 'secret'
              where m.organisation_id in (${idList}) and m.status = 'active'`,
          db,
        ),
      ])
    : [[], []];
  const ownOf = new Map<string, { kind: "offer" | "request"; partnerships: string[] }[]>();
  for (const o of own) {
    ownOf.set(o.organisation_id, [
      ...(ownOf.get(o.organisation_id) ?? []),
      { kind: o.kind, partnerships: o.partnerships },
    ]);
  }
  const networksOf = new Map<string, Map<string, string>>();
  for (const n of networks) {
    const map = networksOf.get(n.organisation_id) ?? new Map<string, string>();
    map.set(n.network_id, "");
    networksOf.set(n.organisation_id, map);
  }
  return {
    last: page.at(-1)?.id ?? null,
    full: page.length === ORGANISATION_PAGE,
    organisations: withMembers.map((g) => ({
      id: g.id,
      name: g.name,
      members: g.members,
      facts: {
        id: g.id,
        country: g.country,
        division: g.nace_division,
        languages: g.languages,
        own: ownOf.get(g.id) ?? [],
        networks: networksOf.get(g.id) ?? new Map<string, string>(),
      },
    })),
  };
}

export type WeeklyMatchesResult = {
  week: string;
  /** Opportunities published in the window that could be matches. */
  recent: number;
  /** Organisations with active members that were scored. */
  organisations: number;
  /** Organisations with at least one new match (each told once). */
  withMatches: number;
  /** Notification rows written (none on a rerun in the same week). */
  notified: number;
};

/**
 * Tells each organisation's active members how many good matches were published for it in the
 * seven days before `now`, once per ISO week. `dryRun` counts without writing (for measuring on
 * a database one may only read).
 */
export async function sendWeeklyMatches(
  options: { now?: Date; db?: Db; dryRun?: boolean } = {},
): Promise<WeeklyMatchesResult> {
  const now = options.now ?? new Date();
  const db = options.db ?? getDb();
  const since = new Date(now.getTime() - WEEK_MS);
  const week = isoWeek(now);
  const result: WeeklyMatchesResult = {
    week,
    recent: 0,
    organisations: 0,
    withMatches: 0,
    notified: 0,
  };
  const recent = await recentOpportunities(since, now, db);
  result.recent = recent.length;
  if (recent.length === 0) return result;
  // Pending or accepted interests in the week's opportunities, by interested organisation.
  const interests = new Map<string, Set<string>>();
  for (const i of await queryParsed(
    z.object({ organisation_id: z.string(), opportunity_id: z.string() }),
    sql`select i.organisation_id::text, i.opportunity_id::text from opportunity_interests i
        where i.status in ('pending', 'accepted')
          and i.opportunity_id in (${sql.join(
            recent.map((o) => sql`${o.id}::uuid`),
            sql`, `,
          )})`,
    db,
  )) {
    const set = interests.get(i.organisation_id) ?? new Set<string>();
    set.add(i.opportunity_id);
    interests.set(i.organisation_id, set);
  }
  const counter = new NewMatchCounter(recent, now.toISOString().slice(0, 10), DIGEST_MIN_SCORE);

  let after: string | null = null;
  for (;;) {
    const page = await organisationPage(after, db);
    result.organisations += page.organisations.length;
    const found = page.organisations
      .map((g) => ({
        ...g,
        count: counter.count(g.facts, interests.get(g.id)),
      }))
      .filter((g) => g.count > 0);
    result.withMatches += found.length;
    if (found.length > 0 && !options.dryRun) {
      result.notified += await db.transaction(async (tx) => {
        let rows = 0;
        for (const g of found) {
          const written = await notify(tx, {
            kind: "partnering.new_matches",
            recipientIds: g.members,
            actorId: null,
            // One line per organisation: a newer week's figure replaces the older in the centre.
            groupKey: `organisation:${g.id}`,
            sourceKey: weeklyMatchesSourceKey(g.id, week),
            data: { organisationId: g.id, organisation: g.name, count: g.count, week },
          });
          rows += written.length;
        }
        return rows;
      });
    }
    if (!page.full || !page.last) break;
    after = page.last;
  }
  return result;
}

export const weeklyMatchesJob = defineJob({
  name: "partnering.matches_weekly",
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 60 * 60,
  pollingIntervalSeconds: 60,
  // Mondays 05:00 UTC: in the week's first digests (daily ones go out at the person's hour).
  schedule: "0 5 * * 1",
  async handle() {
    const result = await sendWeeklyMatches();
    getLogger().info(result, "weekly partnering matches sent");
  },
});
