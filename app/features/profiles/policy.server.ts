import { type SQL, sql } from "drizzle-orm";
import type { FieldVisibility, ProfileField, Visibility } from "~/db/schema";

/** What a new profile shows before its owner changes anything. */
export const defaultVisibility: FieldVisibility = {
  headline: "public",
  bio: "members",
  photo: "public",
  location: "public",
  languages: "public",
  skills: "public",
  organisations: "public",
};

/** Who is looking: nobody signed in, or a signed-in member (possibly the profile's owner). */
export type Viewer = { userId: string | null };

/** The visibility levels a viewer may see on someone else's profile. */
export function visibleLevels(viewer: Viewer): Visibility[] {
  return viewer.userId ? ["public", "members"] : ["public"];
}

export function effectiveVisibility(stored: Partial<FieldVisibility> | null): FieldVisibility {
  return { ...defaultVisibility, ...(stored ?? {}) };
}

/** Whether the viewer may see one field of the profile owned by ownerId. */
export function canSeeField(
  viewer: Viewer,
  ownerId: string,
  stored: Partial<FieldVisibility> | null,
  field: ProfileField,
): boolean {
  if (viewer.userId === ownerId) return true;
  return visibleLevels(viewer).includes(effectiveVisibility(stored)[field]);
}

/**
 * SQL that is true when the viewer may see `field` of the users row aliased `u`
 * (used so that filtering by a hidden field never reveals it).
 */
export function fieldVisibleSql(viewer: Viewer, field: ProfileField): SQL {
  const levels = visibleLevels(viewer);
  const own = viewer.userId ? sql`u.id = ${viewer.userId} or ` : sql``;
  return sql`(${own}coalesce(u.visibility->>${field}, ${defaultVisibility[field]}) in (${sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  )}))`;
}
