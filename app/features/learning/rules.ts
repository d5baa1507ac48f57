import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with a learning resource (pure: no database). The caller reads the facts
 * about the actor and the resource (`readResourceSubject` in resources.server.ts) and hands them
 * in; a resource one may not see is a 404, the same as a missing one.
 */
export type AuthorFacts = {
  /** An educator, a site facilitator, or an active facilitator of some network. */
  educatorOrFacilitator: boolean;
  /** An owner who completed the owners' induction (a course whose slug starts induction-owners). */
  inductionCompleted: boolean;
};

export type ResourceSubject = {
  status: "draft" | "submitted" | "approved" | "published" | "withdrawn";
  /** A version is out for readers. */
  live: boolean;
  /** The actor is its author or a co-author. */
  isAuthor: boolean;
  /** The actor may review it: an educator or facilitator (for a network resource: that network's). */
  isReviewer: boolean;
  /** Open library, or a network the actor is an active member of. */
  audienceMember: boolean;
};

const signedIn = (actor: Actor): Verdict => (actor ? allow : refuse(403, "errors.forbidden"));

/** Readers see a live resource they are in the audience of; authors and reviewers see it always. */
const seen = (r: ResourceSubject): Verdict =>
  (r.live && r.audienceMember) || r.isAuthor || (r.isReviewer && r.status !== "draft")
    ? allow
    : refuse(404, "errors.notFound");

/**
 * Whether the viewer gets the working copy (its text, all its files, every version) instead of
 * the published version: its authors always; its reviewers while a version waits for review or
 * is approved and not yet out (what they judge is not what readers see), and when nothing is out.
 * Everyone else who may view it reads the published version. Decide only after `view` allowed.
 */
export function seesWorkingCopy(r: ResourceSubject): boolean {
  return (
    r.isAuthor || (r.isReviewer && (!r.live || r.status === "submitted" || r.status === "approved"))
  );
}

const authorOnly = (r: ResourceSubject): Verdict =>
  r.isAuthor ? allow : refuse(403, "learning.authorsOnly");

export const resourcePolicy = definePolicy("learning", {
  /** Write resources: educators and facilitators, and owners after the owners' induction. */
  author: (actor: Actor, facts: AuthorFacts) =>
    every(
      () => signedIn(actor),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
      () =>
        facts.educatorOrFacilitator || facts.inductionCompleted
          ? allow
          : refuse(403, "learning.inductionFirst"),
    ),
  view: (_actor: Actor, r: ResourceSubject) => seen(r),
  /** Change the working copy: its authors, except while a version waits for review. */
  edit: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => seen(r),
      () => authorOnly(r),
      () => (r.status === "submitted" ? refuse(409, "learning.inReview") : allow),
    ),
  submit: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => seen(r),
      () => authorOnly(r),
      () => (r.status === "draft" ? allow : refuse(409, "learning.notDraft")),
    ),
  /** Comment, ask for changes or approve: a reviewer who is not one of its authors. */
  review: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => seen(r),
      () => (r.isAuthor ? refuse(403, "learning.noSelfReview") : allow),
      () => (r.isReviewer ? allow : refuse(403, "learning.reviewersOnly")),
      () => (r.status === "submitted" ? allow : refuse(409, "learning.notSubmitted")),
    ),
  /** Publish an approved version: its authors (a reviewer publishes when approving). */
  publish: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => seen(r),
      () => authorOnly(r),
      () => (r.status === "approved" ? allow : refuse(409, "learning.notApproved")),
    ),
  withdraw: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => seen(r),
      () => authorOnly(r),
      () => (r.live ? allow : refuse(409, "learning.notPublished")),
      // A new version waiting for review would be lost (withdrawResource checks again, locked).
      () => (r.status === "submitted" ? refuse(409, "learning.withdrawInReview") : allow),
    ),
  /** Rate: a reader who is not one of its authors (no one rates their own work). */
  rate: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => (r.live && (r.audienceMember || r.isAuthor) ? allow : refuse(404, "errors.notFound")),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
      () => (r.isAuthor ? refuse(403, "learning.noSelfRating") : allow),
    ),
  /** Rate, comment, say it answers one's need: a signed-in reader of a live resource. */
  use: (actor: Actor, r: ResourceSubject) =>
    every(
      () => signedIn(actor),
      () => (r.live && (r.audienceMember || r.isAuthor) ? allow : refuse(404, "errors.notFound")),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
    ),
});
