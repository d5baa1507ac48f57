import type { FieldVisibility, ProfileField, Visibility } from "~/db/schema";
import { signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";
import { peopleSight, type VisitorPeople } from "./visitors";

/**
 * Who may see and change what of a profile, as named rules (pure: no database, no SQL). The
 * SQL twin that filters lists (`fieldVisibleSql` in policy.server.ts) must agree with
 * `visibleLevelsFor`; the table test pins both.
 */

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

/** The stored choices completed with the defaults. */
export function effectiveVisibility(stored: Partial<FieldVisibility> | null): FieldVisibility {
  return { ...defaultVisibility, ...(stored ?? {}) };
}

/**
 * The levels someone may see on another person's profile. Only a confirmed email makes someone
 * a member for "members only" fields: otherwise an account with a made-up address would see them.
 */
export function visibleLevelsFor(actor: Actor, visitors: VisitorPeople): Visibility[] {
  if (peopleSight(actor, visitors) !== "fields") return [];
  return actor?.emailVerified ? ["public", "members"] : ["public"];
}

/**
 * A profile: whose it is, whether its owner confirmed their email (unconfirmed = unlisted), and
 * what the installation lets signed-out visitors see of people.
 */
export type ProfileSubject = ProfileOwner & {
  visitors: VisitorPeople;
  /** Waiting for the account's deletion (decision 032): unlisted, as if unconfirmed. */
  ownerLeaving?: boolean;
};

/** Whose profile it is (enough to decide who may change it). */
export type ProfileOwner = { ownerId: string; ownerVerified: boolean };

/** One field of a profile with the owner's visibility choices as stored. */
export type ProfileFieldSubject = ProfileSubject & {
  visibility: Partial<FieldVisibility> | null;
  field: ProfileField;
};

const isOwner = (actor: Actor, p: ProfileOwner) => actor !== null && actor.id === p.ownerId;

/**
 * Profiles of unconfirmed accounts, and of accounts waiting for deletion, exist only for their
 * owner: same answer as an unknown id.
 */
function mayViewProfile(actor: Actor, p: ProfileSubject): Verdict {
  if (!isOwner(actor, p) && (!p.ownerVerified || p.ownerLeaving)) {
    return refuse(404, "people.notFound");
  }
  // "Members only": a visitor learns nothing of anyone, not even that a profile exists.
  return peopleSight(actor, p.visitors) === "nothing" ? signInFirst : allow;
}

export const profilePolicy = definePolicy("profiles", {
  /** See that the profile exists (its name, and the fields the viewer may see). */
  view: (actor: Actor, p: ProfileSubject) => mayViewProfile(actor, p),
  /**
   * See one field (photo included). A hidden field answers 404 where it is fetched on its own
   * (the photo), so its existence is not revealed.
   */
  seeField: (actor: Actor, f: ProfileFieldSubject) =>
    every(
      () => mayViewProfile(actor, f),
      () =>
        isOwner(actor, f) ||
        visibleLevelsFor(actor, f.visitors).includes(effectiveVisibility(f.visibility)[f.field])
          ? allow
          : refuse(404, "errors.notFound"),
    ),
  /** Change the profile, its photo and its visibility choices: its owner only. */
  edit: (actor: Actor, p: ProfileOwner) =>
    every(
      () => (actor ? allow : signInFirst),
      () => (isOwner(actor, p) ? allow : refuse(403, "errors.forbidden")),
    ),
});

export type ProfileAction = keyof typeof profilePolicy.rules;
