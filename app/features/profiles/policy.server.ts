import { type SQL, sql } from "drizzle-orm";
import type { FieldVisibility, ProfileField, Visibility } from "~/db/schema";
import type { Auth } from "~/lib/context";
import type { Actor } from "~/lib/policy";
import { defaultVisibility, effectiveVisibility } from "./rules";

// One copy of the defaults, in the pure rules (the SQL below must agree with them).
export { defaultVisibility, effectiveVisibility } from "./rules";

/**
 * Who is looking: nobody signed in, or a signed-in person (possibly the profile's owner). Only a
 * confirmed email makes someone a member for "members only" fields: otherwise an account with a
 * made-up address would see them.
 */
export type Viewer = { userId: string | null; verified?: boolean };

/** The viewer behind a request's session. */
export function viewerOf(auth: Auth): Viewer {
  return auth ? { userId: auth.user.id, verified: auth.user.emailVerified } : { userId: null };
}

/** The viewer for an actor (as `viewerOf` for the actor's session). */
export function viewerOfActor(actor: Actor): Viewer {
  return actor ? { userId: actor.id, verified: actor.emailVerified } : { userId: null };
}

/** The visibility levels a viewer may see on someone else's profile. */
export function visibleLevels(viewer: Viewer): Visibility[] {
  return viewer.userId && viewer.verified !== false ? ["public", "members"] : ["public"];
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
