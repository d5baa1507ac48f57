/**
 * "Matches for you" (issue 12 item 2): published opportunities ranked for one organisation with
 * an explained score. Computed on the fly (decision 023, "Matches"): candidates come from four
 * index-driven, bounded selections in SQL (their target countries hold the organisation's
 * country; they share a language; their sector is ours or a neighbour; they name no country),
 * at most CANDIDATES_PER_SOURCE each, newest first; then matching.ts scores them in TypeScript.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed, uuidArray } from "~/db/client.server";
import type { Locale } from "~/features/taxonomy/types";
import { countryName, languageName, naceLabel } from "~/features/taxonomy/vocabulary.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { activeOrganisationsOf, visibleOpportunitySql } from "./interests.server";
import {
  type CandidateFacts,
  explain,
  type MatchExplanation,
  type MatchReason,
  type OpportunityKind,
  type OrganisationFacts,
} from "./matching";
import { neighboursOf } from "./sector-neighbours";

/** Rows each candidate selection may bring (four selections: at most 4× this are scored). */
export const CANDIDATES_PER_SOURCE = 150;
/** Matches shown on the page. */
export const MATCHES_SHOWN = 30;
/** The score from which a match counts as a "new match" in the weekly digest line. */
export const DIGEST_MIN_SCORE = 40;

/** What matching needs to know about an organisation (matching.ts OrganisationFacts). */
export async function organisationFacts(
  organisationId: string,
  db: Db = getDb(),
): Promise<OrganisationFacts | null> {
  if (!isUuid(organisationId)) return null;
  const [org] = await queryParsed(
    z.object({
      country: z.string(),
      nace_division: z.string().nullable(),
      languages: z.array(z.string()),
    }),
    sql`select g.country, g.nace_division,
          coalesce((select array_agg(distinct ul.language order by ul.language)
            from organisation_members m join user_languages ul on ul.user_id = m.user_id
            where m.organisation_id = g.id and m.status = 'active'), '{}') as languages
        from organisations g where g.id = ${organisationId}::uuid`,
    db,
  );
  if (!org) return null;
  const [own, networks] = await Promise.all([
    queryParsed(
      z.object({ kind: z.enum(["offer", "request"]), partnerships: z.array(z.string()) }),
      sql`select o.kind, o.partnerships from opportunities o
          where o.organisation_id = ${organisationId}::uuid and ${visibleOpportunitySql} limit 50`,
      db,
    ),
    // Secret networks are never named to anyone outside them.
    queryParsed(
      z.object({ id: z.string(), name: z.string() }),
      sql`select distinct n.id, n.name from organisation_members m
          join network_members nm on nm.user_id = m.user_id and nm.status = 'active'
          join networks n on n.id = nm.network_id and n.visibility <> 'secret'
          where m.organisation_id = ${organisationId}::uuid and m.status = 'active' limit 200`,
      db,
    ),
  ]);
  return {
    country: org.country,
    division: org.nace_division,
    languages: org.languages,
    own,
    networks: new Map(networks.map((n) => [n.id, n.name])),
  };
}

const candidateRow = z.object({
  id: z.string(),
  organisation_id: z.string(),
  kind: z.enum(["offer", "request"]),
  partnerships: z.array(z.string()),
  nace_division: z.string(),
  target_countries: z.array(z.string()),
  languages: z.array(z.string()),
  deadline: z.string().nullable(),
  published_at: z.coerce.date(),
  publisher_country: z.string(),
});
type CandidateRow = z.output<typeof candidateRow>;

const textArray = (items: readonly string[]) =>
  sql`array[${sql.join(
    items.map((i) => sql`${i}`),
    sql`, `,
  )}]::text[]`;

/**
 * The candidates for an organisation: visible, not its own, still open (deadline not passed),
 * without its pending or accepted interest, and either seeking its country (or anywhere) or
 * sharing a language with it. Each branch is one index range read newest first, bounded.
 */
export async function candidatesFor(
  organisationId: string,
  facts: OrganisationFacts,
  db: Db = getDb(),
): Promise<CandidateRow[]> {
  const languages = facts.languages.length > 0 ? facts.languages : ["-"];
  const divisions = facts.division ? [facts.division, ...neighboursOf(facts.division)] : ["-"];
  const base = sql`o.status = 'published' and o.expires_at > now()
    and o.organisation_id <> ${organisationId}::uuid`;
  const limit = CANDIDATES_PER_SOURCE;
  // Each branch reads opportunities_published_idx in its order (published_at desc nulls last,
  // id desc nulls last: the index's own order, so no sort) and stops at the limit; the union
  // removes the rows two branches both found (the same row, every column equal).
  // Only what scoring reads: the shown matches' texts are read afterwards (matchTexts), in the
  // reader's language, for the 30 shown rather than the few hundred scored.
  const columns = sql`o.id, o.organisation_id, o.kind, o.partnerships, o.nace_division,
    o.target_countries, o.languages, o.deadline::text as deadline, o.published_at`;
  const order = sql`order by o.published_at desc nulls last, o.id desc nulls last limit ${limit}`;
  return queryParsed(
    candidateRow,
    sql`with c as (
          (select ${columns} from opportunities o where ${base}
            and o.target_countries @> ${textArray([facts.country])} ${order})
          union
          (select ${columns} from opportunities o where ${base}
            and o.languages && ${textArray(languages)} ${order})
          union
          (select ${columns} from opportunities o where ${base}
            and o.nace_division in (${sql.join(
              divisions.map((d) => sql`${d}`),
              sql`, `,
            )}) ${order})
          union
          (select ${columns} from opportunities o where ${base}
            and o.target_countries = '{}' ${order}))
        select c.*, g.country as publisher_country
        from c join organisations g on g.id = c.organisation_id
        where (c.deadline is null or c.deadline::date >= current_date)
          and (c.target_countries @> ${textArray([facts.country])} or c.target_countries = '{}'
            or c.languages && ${textArray(languages)})
          and not exists (select 1 from opportunity_interests i where i.opportunity_id = c.id
            and i.organisation_id = ${organisationId}::uuid and i.status in ('pending', 'accepted'))`,
    db,
  );
}

/** The networks (among `networkIds`) an active member of each organisation is in. */
async function networksOfOrganisations(
  organisationIds: string[],
  networkIds: string[],
  db: Db,
): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (organisationIds.length === 0 || networkIds.length === 0) return map;
  const rows = await queryParsed(
    z.object({ organisation_id: z.string(), network_id: z.string() }),
    sql`select distinct m.organisation_id, nm.network_id from organisation_members m
        join network_members nm on nm.user_id = m.user_id and nm.status = 'active'
        where m.status = 'active'
          and m.organisation_id = any(${uuidArray(organisationIds)})
          and nm.network_id = any(${uuidArray(networkIds)})`,
    db,
  );
  for (const row of rows) {
    map.set(row.organisation_id, [...(map.get(row.organisation_id) ?? []), row.network_id]);
  }
  return map;
}

function candidateFacts(row: CandidateRow, networkIds: string[]): CandidateFacts {
  return {
    kind: row.kind as OpportunityKind,
    partnerships: row.partnerships,
    division: row.nace_division,
    targetCountries: row.target_countries,
    languages: row.languages,
    deadline: row.deadline,
    networkIds,
  };
}

export type Match = {
  id: string;
  kind: OpportunityKind;
  publisherCountry: string;
  publishedAt: Date;
  explanation: MatchExplanation;
};

const today = () => new Date().toISOString().slice(0, 10);

/** Scores the candidates for an organisation; best first, then newest. */
export async function rankMatches(organisationId: string, db: Db = getDb()): Promise<Match[]> {
  const facts = await organisationFacts(organisationId, db);
  if (!facts) return [];
  const rows = await candidatesFor(organisationId, facts, db);
  const networks = await networksOfOrganisations(
    [...new Set(rows.map((r) => r.organisation_id))],
    [...facts.networks.keys()],
    db,
  );
  const day = today();
  return rows
    .map((row) => ({
      id: row.id,
      kind: row.kind as OpportunityKind,
      publisherCountry: row.publisher_country,
      publishedAt: row.published_at,
      explanation: explain(
        facts,
        candidateFacts(row, networks.get(row.organisation_id) ?? []),
        day,
      ),
    }))
    .sort(
      (a, b) =>
        b.explanation.score - a.explanation.score ||
        b.publishedAt.getTime() - a.publishedAt.getTime(),
    );
}

/**
 * The matches page for a person: their organisations (active member), the one chosen
 * (`?organisation=`, or the first), and its best matches. An organisation they are not an
 * active member of is a 404; none at all gives an empty list (the page points to creating or
 * joining one).
 */
export async function matchesPage(options: {
  userId: string;
  organisationId: string | null;
  locale: Locale;
}) {
  const organisations = await activeOrganisationsOf(options.userId);
  if (organisations.length === 0) return { organisations, chosen: null, matches: [] };
  const chosen = options.organisationId
    ? organisations.find((o) => o.id === options.organisationId)
    : organisations[0];
  if (!chosen) throw notFound("matches.organisationNotFound");
  const ranked = (await rankMatches(chosen.id)).slice(0, MATCHES_SHOWN);
  const texts = await matchTexts(
    ranked.map((m) => m.id),
    options.locale,
  );
  const matches = ranked.map((m) => ({
    ...m,
    title: "",
    summary: "",
    language: "",
    ...texts.get(m.id),
  }));
  return { organisations, chosen, matches };
}

/**
 * The titles and summaries of some opportunities, in the reader's language where translated,
 * with the language they are written in (the page marks it for screen readers).
 */
async function matchTexts(
  ids: string[],
  locale: Locale,
): Promise<Map<string, { title: string; summary: string; language: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await queryParsed(
    z.object({ id: z.string(), title: z.string(), summary: z.string(), language: z.string() }),
    sql`select o.id, coalesce(t.title, o.title) as title, coalesce(t.summary, o.summary) as summary,
          coalesce(t.language, o.language) as language
        from opportunities o
        left join opportunity_translations t on t.opportunity_id = o.id
          and t.language = ${locale} and o.language <> ${locale}
        where o.id = any(${uuidArray(ids)})`,
  );
  return new Map(
    rows.map((r) => [r.id, { title: r.title, summary: r.summary, language: r.language }]),
  );
}

/**
 * Why one opportunity fits one organisation (for the opportunity page: the lead wires it in).
 * Null for an unknown organisation or opportunity, or the organisation's own. The caller shows
 * it only to members of the organisation and only where the opportunity is visible to them.
 */
export async function explainMatch(
  viewerOrganisationId: string,
  opportunityId: string,
  db: Db = getDb(),
): Promise<MatchExplanation | null> {
  if (!isUuid(opportunityId)) return null;
  const facts = await organisationFacts(viewerOrganisationId, db);
  if (!facts) return null;
  const [row] = await queryParsed(
    candidateRow,
    sql`select o.id, o.organisation_id, o.kind, o.partnerships, o.nace_division,
          o.target_countries, o.languages, o.deadline::text as deadline,
          coalesce(o.published_at, o.created_at) as published_at, g.country as publisher_country
        from opportunities o join organisations g on g.id = o.organisation_id
        where o.id = ${opportunityId}::uuid`,
    db,
  );
  if (!row || row.organisation_id === viewerOrganisationId) return null;
  const networks = await networksOfOrganisations(
    [row.organisation_id],
    [...facts.networks.keys()],
    db,
  );
  return explain(facts, candidateFacts(row, networks.get(row.organisation_id) ?? []), today());
}

/**
 * Why an opportunity fits the viewer's organisation, for its page: the first organisation the
 * person is an active member of that is not the publisher, with the reasons in the reader's
 * language. Null when they have none. The page calls it only for an opportunity it shows them.
 */
export async function explainForViewer(options: {
  userId: string;
  opportunityId: string;
  publisherId: string;
  locale: Locale;
}): Promise<{
  organisation: string;
  score: number;
  reasons: string[];
  lowers: string[];
} | null> {
  const organisation = (await activeOrganisationsOf(options.userId)).find(
    (o) => o.id !== options.publisherId,
  );
  if (!organisation) return null;
  const explanation = await explainMatch(organisation.id, options.opportunityId);
  if (!explanation) return null;
  return {
    organisation: organisation.name,
    score: explanation.score,
    reasons: explanation.reasons.map((r) => reasonText(r, options.locale)),
    lowers: explanation.lowers.map((r) => reasonText(r, options.locale)),
  };
}

/**
 * How many good matches (score ≥ DIGEST_MIN_SCORE) were published for an organisation since a
 * moment: the figure of the weekly "N new partnering matches" digest line.
 */
export async function newMatchesSince(organisationId: string, since: Date): Promise<number> {
  const matches = await rankMatches(organisationId);
  return matches.filter((m) => m.publishedAt > since && m.explanation.score >= DIGEST_MIN_SCORE)
    .length;
}

/** A reason in the reader's language, its facts named (countries, languages, sectors). */
export function reasonText(reason: MatchReason, locale: Locale): string {
  const t = translatorFor(locale);
  const f = reason.facts;
  const values: Record<string, string | number> = {};
  if (f.country) values.country = countryName(f.country, locale);
  if (f.languages) values.languages = f.languages.map((l) => languageName(l, locale)).join(", ");
  if (f.from) values.from = naceLabel(f.from, locale);
  if (f.to) values.to = naceLabel(f.to, locale);
  if (f.division) values.division = naceLabel(f.division, locale);
  if (f.partnership) values.partnership = t(`matches.partnership.${f.partnership}`);
  if (f.network) values.network = f.network;
  if (f.days !== undefined) values.days = f.days;
  return t(reason.key, values);
}
