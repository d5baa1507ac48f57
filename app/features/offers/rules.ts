import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with offers and answers to needs (pure: no database). The caller reads the
 * facts (role, memberships, the need's visibility and state) and hands them in.
 */

/** The person as these rules see them, beyond Person: their role and facilitation. */
export type OfferActor = {
  isEducator: boolean;
  /** Installation facilitator, or facilitator of at least one network. */
  facilitates: boolean;
};

/** An offer from one person's point of view. */
export type OfferSubject = OfferActor & {
  isCreator: boolean;
  isAdmin: boolean;
  withdrawn: boolean;
};

/** A need from the point of view of someone who may answer it or ask about an answer. */
export type NeedSubject = OfferActor & {
  visible: boolean;
  open: boolean;
  isOwner: boolean;
  saidMeToo: boolean;
};

const mayOffer = (a: OfferActor): Verdict =>
  a.isEducator || a.facilitates ? allow : refuse(403, "offers.educatorsOnly");

export const offerPolicy = definePolicy("offers", {
  /** Offer training: educators and facilitators. */
  create: (actor: Actor, a: OfferActor) =>
    actor ? mayOffer(a) : refuse(403, "offers.educatorsOnly"),
  /** Change or withdraw an offer: its creator (or an admin), while it is open. */
  manage: (actor: Actor, o: OfferSubject) =>
    every(
      () => (actor && (o.isCreator || o.isAdmin) ? allow : refuse(403, "offers.notYours")),
      () => (o.withdrawn ? refuse(409, "offers.isWithdrawn") : allow),
    ),
  /**
   * Answer a need ("I can run this"): educators and facilitators, on an open need they can see
   * (a need they cannot see does not exist for them: 404), not their own.
   */
  answer: (actor: Actor, n: NeedSubject) =>
    every(
      () => (actor && n.visible ? allow : refuse(404, "offers.needNotFound")),
      () => mayOffer(n),
      () => (n.isOwner ? refuse(403, "offers.ownNeed") : allow),
      () => (n.open ? allow : refuse(409, "offers.needNotOpen")),
    ),
  /** "Ask about this": the need's owner or a person who said "me too". */
  ask: (actor: Actor, n: NeedSubject) =>
    every(
      () => (actor && n.visible ? allow : refuse(404, "offers.needNotFound")),
      () => (n.isOwner || n.saidMeToo ? allow : refuse(403, "offers.askOwnersOnly")),
    ),
});
