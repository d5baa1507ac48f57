import { type Column, type SQL, sql } from "drizzle-orm";
import { visitorPeopleChoices } from "~/db/enums";
import type { FieldVisibility, ProfileField, Visibility } from "~/db/schema";
import type { Auth } from "~/lib/context";
import type { Actor } from "~/lib/policy";
import { getSetting } from "~/lib/settings.server";
import { defaultVisibility, effectiveVisibility } from "./rules";
import {
  defaultVisitorPeople,
  type PeopleSight,
  peopleSight,
  type VisitorPeople,
} from "./visitors";

// One copy of the defaults, in the pure rules (the SQL below must agree with them).
export { defaultVisibility, effectiveVisibility } from "./rules";

/**
 * Who is looking: nobody signed in, or a signed-in person (possibly the profile's owner). Only a
 * confirmed email makes someone a member for "members only" fields: otherwise an account with a
 * made-up address would see them.
 */
export type Viewer = {
  userId: string | null;
  verified?: boolean;
  /** How much of other people this viewer sees (`peopleSight`: visitors per the setting). */
  sight: PeopleSight;
};

/** What the installation lets signed-out visitors see of people (decision 026). */
export async function visitorPeopleSetting(): Promise<VisitorPeople> {
  const stored = await getSetting("visitorPeople");
  return (visitorPeopleChoices as readonly string[]).includes(stored)
    ? stored
    : defaultVisitorPeople;
}

/** The setting where it matters: a signed-in actor sees the same whatever it says. */
export async function visitorsFor(actor: Actor): Promise<VisitorPeople> {
  return actor ? defaultVisitorPeople : visitorPeopleSetting();
}

/** The viewer behind a request's session. */
export async function viewerOf(auth: Auth): Promise<Viewer> {
  if (auth) return { userId: auth.user.id, verified: auth.user.emailVerified, sight: "fields" };
  return { userId: null, sight: peopleSight(null, await visitorPeopleSetting()) };
}

/** The viewer for an actor (as `viewerOf` for the actor's session). */
export async function viewerOfActor(actor: Actor): Promise<Viewer> {
  if (actor) return { userId: actor.id, verified: actor.emailVerified, sight: "fields" };
  return { userId: null, sight: peopleSight(null, await visitorPeopleSetting()) };
}

/**
 * How much of people a page's reader sees, from their id alone (null: a signed-out visitor).
 * Feature functions that list authors take the reader's id and ask this, so no page forgets it.
 */
export async function sightOf(viewerId: string | null): Promise<PeopleSight> {
  return viewerId ? "fields" : peopleSight(null, await visitorPeopleSetting());
}

/**
 * SQL that is true when the person whose id is `idColumn` (e.g. "u.id") is listed: not waiting
 * for their account's deletion (decision 032). During the 14-day grace period of decision 027
 * they leave every list of people (directory, network and organisation members, mentions,
 * partnering-day participants, suggestions) and their profile answers 404 to others, while
 * their content stays as it is until the deletion runs. One primary-key probe per row.
 */
export function listedSql(idColumn: "u.id" | "p.user_id" | Column): SQL {
  const id = typeof idColumn === "string" ? sql.raw(idColumn) : sql`${idColumn}`;
  return sql`(not exists (select 1 from account_deletions ad where ad.user_id = ${id}))`;
}

/** The visibility levels a viewer may see on someone else's profile (none below "fields"). */
export function visibleLevels(viewer: Viewer): Visibility[] {
  if (viewer.sight !== "fields") return [];
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
  if (levels.length === 0) return sql`(${own}false)`;
  return sql`(${own}coalesce(u.visibility->>${field}, ${defaultVisibility[field]}) in (${sql.join(
    levels.map((l) => sql`${l}`),
    sql`, `,
  )}))`;
}
