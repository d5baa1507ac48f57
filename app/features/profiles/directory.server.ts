import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "~/db/client.server";
import type { Cursor } from "~/lib/cursor";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import { ttlCache } from "~/lib/ttl-cache";
import { fieldVisibleSql, listedSql, type Viewer } from "./policy.server";
import { authorAsSeen } from "./visitors";

export type PeopleFilters = {
  role?: "owner" | "educator";
  country?: string;
  language?: string;
  sector?: string;
  skill?: string;
  wanted?: string;
};

export const PAGE_SIZE = 24;

type Row = {
  id: string;
  display_name: string;
  role: "owner" | "educator";
  headline: string | null;
  country: string | null;
  region: string | null;
  photo_key: string | null;
  cursor_at: string;
  offered: string[] | null;
};

/**
 * One page of the people directory, newest members first, keyset-paginated on
 * (created_at, id). A filter on a field matches only where the viewer may see that field,
 * and the fields returned are blanked the same way.
 */
export async function listPeople(options: {
  viewer: Viewer;
  filters: PeopleFilters;
  after: Cursor | null;
  limit?: number;
}) {
  const { viewer, filters, after } = options;
  const limit = options.limit ?? PAGE_SIZE;
  // Members only (decision 026): a visitor is shown nobody.
  if (viewer.sight === "nothing") return { people: [], next: null };
  const where: SQL[] = [
    sql`u.email_verified_at is not null`,
    sql`u.onboarded_at is not null`,
    listedSql("u.id"),
  ];
  if (filters.role) where.push(sql`u.role = ${filters.role}`);
  if (filters.country) {
    where.push(sql`u.country = ${filters.country}`, fieldVisibleSql(viewer, "location"));
  }
  if (filters.language) {
    where.push(
      sql`exists (select 1 from user_languages ul where ul.user_id = u.id and ul.language = ${filters.language})`,
      fieldVisibleSql(viewer, "languages"),
    );
  }
  if (filters.skill) {
    where.push(
      sql`exists (select 1 from user_skills us where us.user_id = u.id and us.kind = 'offered' and us.topic = ${filters.skill})`,
      fieldVisibleSql(viewer, "skills"),
    );
  }
  if (filters.wanted) {
    where.push(
      sql`exists (select 1 from user_skills us where us.user_id = u.id and us.kind = 'wanted' and us.topic = ${filters.wanted})`,
      fieldVisibleSql(viewer, "skills"),
    );
  }
  if (filters.sector) {
    where.push(
      sql`exists (select 1 from organisation_members om join organisations o on o.id = om.organisation_id
        where om.user_id = u.id and om.status = 'active' and o.nace_section = ${filters.sector})`,
      fieldVisibleSql(viewer, "organisations"),
    );
  }
  if (after) where.push(afterCursorSql(after, "u.created_at", "u.id"));
  const result = await queryRows<Row>(sql`
    select u.id, u.display_name, u.role,
      ${cursorAtSql("u.created_at")},
      case when ${fieldVisibleSql(viewer, "headline")} then u.headline end as headline,
      case when ${fieldVisibleSql(viewer, "location")} then u.country end as country,
      case when ${fieldVisibleSql(viewer, "location")} then u.region end as region,
      case when ${fieldVisibleSql(viewer, "photo")} then u.photo_key end as photo_key,
      case when ${fieldVisibleSql(viewer, "skills")} then (
        select array_agg(us.topic order by us.topic) from user_skills us
        where us.user_id = u.id and us.kind = 'offered') end as offered
    from users u
    where ${sql.join(where, sql` and `)}
    order by u.created_at desc, u.id desc
    limit ${limit + 1}`);
  const { page: rows, next } = keysetPage(result, limit);
  return {
    people: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      // Names only (decision 026): the name alone, without a link to the profile.
      linked: authorAsSeen(viewer.sight, { id: r.id, name: r.display_name }).linked,
      role: r.role,
      headline: r.headline ?? "",
      country: r.country,
      region: r.region ?? "",
      photoKey: r.photo_key,
      offered: (r.offered ?? []).slice(0, 4),
    })),
    next,
  };
}

const filterValuesCache = ttlCache<"values", { countries: string[]; languages: string[] }>({
  ttlMs: 5 * 60_000,
  maxEntries: 1,
});

/**
 * The countries and languages that members actually have, so the directory's pickers offer
 * only choices that can find someone (and stay short on a phone). Kept for five minutes:
 * finding them takes a scan of the members.
 */
export function directoryFilterValues() {
  return filterValuesCache.get("values", async () => {
    const [countries, languages] = await Promise.all([
      queryRows<{ v: string }>(
        sql`select distinct country as v from users
          where country is not null and email_verified_at is not null and onboarded_at is not null
            and coalesce(visibility->>'location', 'public') = 'public'`,
      ),
      queryRows<{ v: string }>(
        sql`select distinct ul.language as v from user_languages ul join users u on u.id = ul.user_id
          where coalesce(u.visibility->>'languages', 'public') = 'public'`,
      ),
    ]);
    return {
      countries: countries.map((r) => r.v),
      languages: languages.map((r) => r.v),
    };
  });
}
