import type { opportunityStatuses } from "~/db/enums";
import {
  type Actor,
  allow,
  definePolicy,
  every,
  type Person,
  refuse,
  type Verdict,
} from "~/lib/policy";

/**
 * Who may do what with partnering opportunities (pure: no database). The caller reads the
 * facts (whether the person is an active member of the organisation, the status, whether a
 * published opportunity has expired) and hands them in. Decision 023 "Opportunities".
 */

export type OpportunityStatus = (typeof opportunityStatuses)[number];

/** An opportunity from one person's point of view. */
export type OpportunitySubject = {
  /** The person is an active member of the publishing organisation. */
  isAuthor: boolean;
  status: OpportunityStatus;
  /** Published and `expires_at` still ahead. */
  current: boolean;
};

/** Publishing for an organisation: an active member of it. */
export type NewOpportunitySubject = { isMember: boolean };

/** Installation facilitators and admins review opportunities. */
export function isReviewer(actor: Actor): boolean {
  return Boolean(actor && (actor.isFacilitator || actor.isAdmin));
}

/** Visible to everyone (signed-out visitors: the public part) while published and current. */
export function isPublic(o: OpportunitySubject): boolean {
  return o.status === "published" && o.current;
}

const mayView = (actor: Actor, o: OpportunitySubject): Verdict =>
  isPublic(o) || (actor && (o.isAuthor || isReviewer(actor)))
    ? allow
    : refuse(404, "partnering.notFound");

const confirmed = (actor: Person): Verdict =>
  actor.emailVerified ? allow : refuse(403, "partnering.confirmEmail");

/** An author action: others who may see it get 403, others 404; a confirmed email is needed. */
const asAuthor = (actor: Actor, o: OpportunitySubject, more: () => Verdict = () => allow) =>
  every(
    () => mayView(actor, o),
    () => (actor && o.isAuthor ? allow : refuse(403, "partnering.notAuthor")),
    () => confirmed(actor as Person),
    more,
  );

export const opportunityPolicy = definePolicy("partnering", {
  /** Publish for an organisation: an active member of it with a confirmed email. */
  create: (actor: Actor, s: NewOpportunitySubject) =>
    every(
      () => (actor ? allow : refuse(403, "partnering.notMember")),
      () => confirmed(actor as Person),
      () => (s.isMember ? allow : refuse(403, "partnering.notMember")),
    ),
  /** Read it: published and current for everyone; otherwise authors and reviewers (404). */
  view: mayView,
  /** Change its text or translations: authors, unless withdrawn. */
  edit: (actor: Actor, o: OpportunitySubject) =>
    asAuthor(actor, o, () =>
      o.status === "withdrawn" ? refuse(409, "partnering.isWithdrawn") : allow,
    ),
  /** Send a draft for review: authors. */
  submit: (actor: Actor, o: OpportunitySubject) =>
    asAuthor(actor, o, () => (o.status === "draft" ? allow : refuse(409, "partnering.notDraft"))),
  /** Approve or send back: a facilitator or admin who is not an author, while submitted. */
  review: (actor: Actor, o: OpportunitySubject) =>
    every(
      () => mayView(actor, o),
      () => (isReviewer(actor) ? allow : refuse(403, "partnering.reviewersOnly")),
      () => (o.isAuthor ? refuse(403, "partnering.ownOpportunity") : allow),
      () => (o.status === "submitted" ? allow : refuse(409, "partnering.notSubmitted")),
    ),
  /** Take it back for good: authors, unless already withdrawn. */
  withdraw: (actor: Actor, o: OpportunitySubject) =>
    asAuthor(actor, o, () =>
      o.status === "withdrawn" ? refuse(409, "partnering.isWithdrawn") : allow,
    ),
  /** Six more months: authors, once published (expired ones come back without a new review). */
  renew: (actor: Actor, o: OpportunitySubject) =>
    asAuthor(actor, o, () =>
      o.status === "published" ? allow : refuse(409, "partnering.notPublished"),
    ),
  /** See contact details and the interested organisations: authors only. */
  seeContacts: (actor: Actor, o: OpportunitySubject) =>
    actor && o.isAuthor ? allow : refuse(403, "partnering.notAuthor"),
  /** "Express interest": signed-in people of another organisation, while it is public. */
  expressInterest: (actor: Actor, o: OpportunitySubject) =>
    every(
      () => mayView(actor, o),
      () => (actor ? allow : refuse(403, "partnering.signInToContinue")),
      () => (o.isAuthor ? refuse(403, "partnering.ownOpportunity") : allow),
      () => (isPublic(o) ? allow : refuse(409, "partnering.notPublished")),
    ),
});
