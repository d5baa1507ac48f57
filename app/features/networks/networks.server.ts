import { and, eq, type SQL, sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { networkMembers, networks, userLanguages, userSkills, users } from "~/db/schema";
import { fieldVisibleSql, type Viewer, visibleLevels } from "~/features/profiles/policy.server";
import { isCountry, isLanguage, isTopic } from "~/features/taxonomy/vocabulary.server";
import type { Cursor } from "~/lib/cursor";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { ttlCache } from "~/lib/ttl-cache";
import type { InstallationSubject, NetworkSubject } from "./rules";
import type { NetworkInput } from "./schema";

/** Checks a network form against the built-in vocabularies; field → catalogue key. */
export function checkNetworkVocabulary(input: NetworkInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (input.countries.some((c) => !isCountry(c))) errors.countries = "form.invalid";
  if (input.languages.some((l) => !isLanguage(l))) errors.languages = "form.invalid";
  if (input.topics.some((t) => !isTopic(t))) errors.topics = "form.invalid";
  return errors;
}

function networkColumns(input: NetworkInput) {
  return {
    name: input.name,
    purpose: input.purpose,
    description: input.description,
    kind: input.kind,
    place: input.kind === "local" ? input.place : "",
    countries: [...new Set(input.countries)],
    languages: [...new Set(input.languages)],
    topics: [...new Set(input.topics)],
    visibility: input.visibility,
    memberCap: input.memberCap,
  };
}

/** Starts a network with its creator as first facilitator (one transaction). */
export async function createNetwork(input: {
  /** Proof that the actor may start a network. */
  decision: Decision<"start", InstallationSubject, Person>;
  input: NetworkInput;
}): Promise<{ id: string }> {
  const options = { input: input.input, createdBy: input.decision.actor.id };
  return getDb().transaction(async (tx) => {
    const [network] = await tx
      .insert(networks)
      .values({ ...networkColumns(options.input), createdBy: options.createdBy, memberCount: 1 })
      .returning({ id: networks.id });
    await tx
      .insert(networkMembers)
      .values({ networkId: network.id, userId: options.createdBy, role: "facilitator" });
    return network;
  });
}

/** Saves a network's settings. A cap below the current member count is refused. */
export async function updateNetwork(input: {
  decision: Decision<"manageSettings", NetworkSubject>;
  input: NetworkInput;
}): Promise<boolean> {
  const options = { id: input.decision.resource.id, input: input.input };
  const rows = await getDb()
    .update(networks)
    .set(networkColumns(options.input))
    .where(
      and(eq(networks.id, options.id), sql`${networks.memberCount} <= ${options.input.memberCap}`),
    )
    .returning({ id: networks.id });
  if (rows.length) {
    // Who may read may have changed (an open network made members-only): live streams re-check.
    await publish({ topic: `network:${options.id}`, type: "access-changed" });
  }
  return rows.length > 0;
}

/** Sets or clears a network's cover image key; returns the previous one. */
export async function setNetworkCover(options: { id: string; coverKey: string | null }) {
  // One transaction with the row locked: two covers saved at once must each learn the key they
  // replaced, or one old file would be left behind with nothing pointing at it.
  return getDb().transaction(async (tx) => {
    const [before] = await tx
      .select({ coverKey: networks.coverKey })
      .from(networks)
      .where(eq(networks.id, options.id))
      .for("update");
    await tx
      .update(networks)
      .set({ coverKey: options.coverKey })
      .where(eq(networks.id, options.id));
    return before?.coverKey ?? null;
  });
}

export type NetworkFilters = {
  country?: string;
  kind?: "local" | "online" | "cross_border";
  language?: string;
  topic?: string;
  q?: string;
};

type ListedRow = {
  id: string;
  name: string;
  purpose: string;
  kind: "local" | "online" | "cross_border";
  place: string;
  countries: string[];
  languages: string[];
  topics: string[];
  visibility: "open" | "request" | "invite" | "secret";
  member_count: number;
  member_cap: number;
  my_status: "pending" | "active" | null;
  has_cover: boolean;
  cursor_at: string;
};

function listedNetwork(r: ListedRow) {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    kind: r.kind,
    place: r.place,
    countries: r.countries,
    languages: r.languages,
    topics: r.topics,
    visibility: r.visibility,
    memberCount: Number(r.member_count),
    memberCap: Number(r.member_cap),
    myStatus: r.my_status,
    hasCover: r.has_cover,
  };
}

const listedColumns = (viewerId: string | null) => sql`
  n.id, n.name, n.purpose, n.kind, n.place, n.countries, n.languages, n.topics, n.visibility,
  n.member_count, n.member_cap, n.cover_key is not null as has_cover,
  ${viewerId ? sql`(select m.status from network_members m where m.network_id = n.id and m.user_id = ${viewerId})` : sql`null`} as my_status,
  ${cursorAtSql("n.last_activity_at")}`;

/**
 * Networks to discover, most recently active first, keyset-paginated. Secret networks are never
 * listed (members find theirs on their home page).
 */
export async function listNetworks(options: {
  viewerId: string | null;
  filters: NetworkFilters;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? 20;
  const { filters, after } = options;
  const where: SQL[] = [sql`n.visibility <> 'secret'`];
  if (filters.country) where.push(sql`n.countries @> array[${filters.country}]::text[]`);
  if (filters.language) where.push(sql`n.languages @> array[${filters.language}]::text[]`);
  if (filters.topic) where.push(sql`n.topics @> array[${filters.topic}]::text[]`);
  if (filters.kind) where.push(sql`n.kind = ${filters.kind}`);
  if (filters.q) where.push(sql`n.name ilike ${`%${filters.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (after) where.push(afterCursorSql(after, "n.last_activity_at", "n.id"));
  const rows = await queryRows<ListedRow>(sql`
    select ${listedColumns(options.viewerId)}
    from networks n
    where ${sql.join(where, sql` and `)}
    order by n.last_activity_at desc, n.id desc
    limit ${limit + 1}`);
  const { page, next } = keysetPage(rows, limit);
  return {
    networks: page.map(listedNetwork),
    next,
  };
}

/** The signed-in person's networks (including secret ones), most recently active first. */
export async function listMyNetworks(userId: string) {
  const rows = await queryRows<ListedRow & { role: string; unread: number }>(sql`
    select ${listedColumns(userId)}, m.role,
      (select count(*)::int from (select 1 from posts p
        where p.network_id = n.id and p.deleted_at is null and p.created_at > m.last_read_at
          and p.author_id <> ${userId}
        limit 100) recent) as unread
    from network_members m join networks n on n.id = m.network_id
    where m.user_id = ${userId} and m.status = 'active'
    order by n.last_activity_at desc, n.id desc
    limit 100`);
  return rows.map((r) => ({ ...listedNetwork(r), role: r.role, unread: Number(r.unread) }));
}

export type SuggestionReason =
  | { key: "networks.reasonCountry"; country: string }
  | { key: "networks.reasonLanguage"; language: string }
  | { key: "networks.reasonSector"; count: number }
  | { key: "networks.reasonTopic"; topic: string };

type Suggestion = Awaited<ReturnType<typeof computeSuggestions>>[number];
// Scoring looks at every network that shares something with the person (~10 ms at 5,000
// networks); suggestions change slowly, so each person's are kept for five minutes.
const suggestionCache = ttlCache<string, Suggestion[]>({ ttlMs: 5 * 60_000, maxEntries: 5000 });

export function suggestNetworks(options: {
  userId: string;
  limit?: number;
}): Promise<Suggestion[]> {
  return suggestionCache.get(options.userId, () => computeSuggestions(options));
}

/** Forgets someone's cached suggestions (they joined or left a network). */
export function forgetSuggestions(userId: string): void {
  suggestionCache.forget(userId);
}

async function computeSuggestions(options: { userId: string; limit?: number }) {
  const db = getDb();
  const { userId } = options;
  // Suggestions are only for people with a confirmed address (the page checks), so members.
  const viewer: Viewer = { userId, verified: true, sight: "fields" };
  const [me] = await db.select({ country: users.country }).from(users).where(eq(users.id, userId));
  const languages = (
    await db
      .select({ code: userLanguages.language })
      .from(userLanguages)
      .where(eq(userLanguages.userId, userId))
  ).map((r) => r.code);
  const wanted = (
    await db
      .select({ topic: userSkills.topic })
      .from(userSkills)
      .where(and(eq(userSkills.userId, userId), eq(userSkills.kind, "wanted")))
  ).map((r) => r.topic);
  const sectors = (
    await queryRows<{ section: string }>(sql`
      select distinct o.nace_section as section from organisation_members om
      join organisations o on o.id = om.organisation_id
      where om.user_id = ${userId} and om.status = 'active' and o.nace_section is not null`)
  ).map((r) => r.section);
  const countries = me?.country ? [me.country] : [];
  // Codes and slugs only ever hold these characters; anything else is dropped, not quoted.
  const textArray = (values: string[]) =>
    sql`${`{${values.filter((v) => /^[A-Za-z0-9_-]+$/.test(v)).join(",")}}`}::text[]`;
  const rows = await queryRows<
    ListedRow & {
      shared_languages: string[];
      shared_topics: string[];
      same_country: boolean;
      same_sector: number;
    }
  >(sql`
    with candidates as (
      select n.*,
        n.countries && ${textArray(countries)} as same_country,
        array(select unnest(n.languages) intersect select unnest(${textArray(languages)})) as shared_languages,
        array(select unnest(n.topics) intersect select unnest(${textArray(wanted)})) as shared_topics
      from networks n
      where n.visibility in ('open', 'request') and n.member_count < n.member_cap
        and (n.countries && ${textArray(countries)} or n.languages && ${textArray(languages)}
             or n.topics && ${textArray(wanted)})
        and not exists (select 1 from network_members m where m.network_id = n.id and m.user_id = ${userId})
    ), ranked as (
      select c.*, (case when c.same_country then 3 else 0 end)
          + 2 * cardinality(c.shared_languages) + 2 * cardinality(c.shared_topics) as base_score
      from candidates c
      order by base_score desc, c.last_activity_at desc
      limit 40
    )
    select ${listedColumns(userId)}, n.same_country, n.shared_languages, n.shared_topics,
      ${
        sectors.length
          ? sql`(select count(distinct m.user_id)::int from network_members m
              join users u on u.id = m.user_id
              join organisation_members om on om.user_id = m.user_id and om.status = 'active'
              join organisations o on o.id = om.organisation_id
              where m.network_id = n.id and m.status = 'active'
                and ${fieldVisibleSql(viewer, "organisations")}
                and o.nace_section = any(${textArray(sectors)}))`
          : sql`0`
      } as same_sector,
      n.base_score
    from ranked n
    order by n.base_score desc, n.last_activity_at desc`);
  const scored = rows.map((r) => {
    const reasons: SuggestionReason[] = [];
    const sameSector = Number(r.same_sector);
    if (r.same_country && me?.country)
      reasons.push({ key: "networks.reasonCountry", country: me.country });
    for (const language of r.shared_languages)
      reasons.push({ key: "networks.reasonLanguage", language });
    if (sameSector > 0) reasons.push({ key: "networks.reasonSector", count: sameSector });
    for (const topic of r.shared_topics) reasons.push({ key: "networks.reasonTopic", topic });
    const score =
      (r.same_country ? 3 : 0) +
      2 * r.shared_languages.length +
      2 * r.shared_topics.length +
      Math.min(3, sameSector);
    return { ...listedNetwork(r), reasons, score };
  });
  return scored.sort((a, b) => b.score - a.score).slice(0, options.limit ?? 6);
}

type Mix = Awaited<ReturnType<typeof countNetworkMix>>;
// Three counting queries on every page of a network; the mix changes slowly, so each process
// keeps it for a minute per network and per kind of viewer (visitor or member).
const mixCache = ttlCache<string, Mix>({ ttlMs: 60_000, maxEntries: 20_000 });
const NOBODY = "00000000-0000-0000-0000-000000000000";

/**
 * Who is in the network: owners and trainers, countries, sectors (as far as the reader may see
 * them). Facilitators are nudged when one side is missing, because the point of a network is to
 * bring both together.
 */
export function getNetworkMix(networkId: string, viewer: Viewer): Promise<Mix> {
  const isMember = visibleLevels(viewer).includes("members");
  // A stand-in viewer: the counts depend only on which visibility levels the reader may see.
  const stand: Viewer = isMember
    ? { userId: NOBODY, verified: true, sight: "fields" }
    : { userId: null, sight: viewer.sight };
  return mixCache.get(`${networkId}:${isMember ? "m" : `p-${viewer.sight}`}`, () =>
    countNetworkMix(networkId, stand),
  );
}

async function countNetworkMix(networkId: string, viewer: Viewer) {
  const [roles] = await queryRows<{ owners: number; educators: number; facilitators: number }>(sql`
    select count(*) filter (where u.role = 'owner')::int as owners,
      count(*) filter (where u.role = 'educator')::int as educators,
      count(*) filter (where m.role = 'facilitator')::int as facilitators
    from network_members m join users u on u.id = m.user_id
    where m.network_id = ${networkId} and m.status = 'active'`);
  const countries = await queryRows<{ country: string; n: number }>(sql`
    select u.country, count(*)::int as n from network_members m join users u on u.id = m.user_id
    where m.network_id = ${networkId} and m.status = 'active' and u.country is not null
      and ${fieldVisibleSql(viewer, "location")}
    group by u.country order by n desc, u.country limit 8`);
  const sectors = await queryRows<{ section: string; n: number }>(sql`
    select o.nace_section as section, count(distinct m.user_id)::int as n
    from network_members m
    join users u on u.id = m.user_id
    join organisation_members om on om.user_id = m.user_id and om.status = 'active'
    join organisations o on o.id = om.organisation_id
    where m.network_id = ${networkId} and m.status = 'active' and o.nace_section is not null
      and ${fieldVisibleSql(viewer, "organisations")}
    group by o.nace_section order by n desc, o.nace_section limit 5`);
  return {
    owners: Number(roles?.owners ?? 0),
    educators: Number(roles?.educators ?? 0),
    countries: countries.map((c) => ({ country: c.country, count: Number(c.n) })),
    sectors: sectors.map((s) => ({ section: s.section, count: Number(s.n) })),
  };
}

/** Marks everything in the network as read for the member (opening the feed does this). */
export async function markNetworkRead(options: { networkId: string; userId: string }) {
  await getDb()
    .update(networkMembers)
    .set({ lastReadAt: new Date() })
    .where(
      and(
        eq(networkMembers.networkId, options.networkId),
        eq(networkMembers.userId, options.userId),
      ),
    );
}
