import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with a training need (pure: no database). Whether the person may see the
 * need at all (installation-wide, or a network they are an active member of) is read by the
 * caller with visibleNeedsSql and handed in as `visible`; a need one may not see is a 404, the
 * same as a missing one, so its existence stays private.
 */
export type NeedSubject = {
  ownerId: string | null;
  status: "open" | "satisfied" | "closed";
  visible: boolean;
  /** Whether the actor has said "me too" already. */
  meToo: boolean;
};

const signedIn = (actor: Actor): Verdict => (actor ? allow : refuse(403, "errors.forbidden"));

const seen = (actor: Actor, n: NeedSubject): Verdict =>
  actor && n.visible ? allow : refuse(404, "errors.notFound");

const isOwner = (actor: Actor, n: NeedSubject): Verdict =>
  actor && n.ownerId === actor.id ? allow : refuse(403, "needs.ownerOnly");

const isOpen = (n: NeedSubject): Verdict =>
  n.status === "open" ? allow : refuse(409, "needs.notOpen");

export const needPolicy = definePolicy("needs", {
  /**
   * Record a need: anyone signed in with a confirmed email. Owners are who needs are for, but an
   * educator has training needs too (and records them for a client at a desk), so both may.
   */
  record: (actor: Actor, _: null) =>
    every(
      () => signedIn(actor),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
    ),
  view: (actor: Actor, n: NeedSubject) => seen(actor, n),
  /** Edit, close, confirm satisfied: the owner, while the need is open. */
  manage: (actor: Actor, n: NeedSubject) =>
    every(
      () => seen(actor, n),
      () => isOwner(actor, n),
      () => isOpen(n),
    ),
  /** "Me too": someone else who can see the open need, once. */
  meToo: (actor: Actor, n: NeedSubject) =>
    every(
      () => seen(actor, n),
      () => (actor && n.ownerId === actor.id ? refuse(403, "needs.ownNeed") : allow),
      () => isOpen(n),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
      () => (n.meToo ? refuse(409, "needs.meTooAlready") : allow),
    ),
  /**
   * Take one's "me too" back, while the need is open. One's own "me too" may be withdrawn even
   * when the need is no longer seen (a member removed from its network): else it would weigh on.
   */
  withdrawMeToo: (actor: Actor, n: NeedSubject) =>
    every(
      () => (actor && n.meToo ? allow : seen(actor, n)),
      () => isOpen(n),
      () => (n.meToo ? allow : refuse(409, "needs.meTooNone")),
    ),
});
