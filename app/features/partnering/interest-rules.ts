import type { introductionStages } from "~/db/enums";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may express interest, decide it, move an introduction and write or approve its story
 * (issue 12 items 3 and 5). Pure: the caller reads the facts (memberships, states) — inside its
 * transaction, on locked rows, for writes — and hands them in.
 */

export type IntroductionStage = (typeof introductionStages)[number];

/** The stages in order; `ended` may follow any stage. */
export const STAGE_ORDER: readonly IntroductionStage[] = [
  "introduced",
  "met",
  "agreement",
  "active",
  "ended",
];

/** A declined interest may be expressed again this many days after the decision. */
export const DECLINE_PAUSE_DAYS = 30;

/** When a declined interest may be expressed again. */
export function declinedUntil(decidedAt: Date): Date {
  return new Date(decidedAt.getTime() + DECLINE_PAUSE_DAYS * 86_400_000);
}

/** Whether an introduction may move from one stage to another: forwards, or to ended. */
export function canMoveStage(from: IntroductionStage, to: IntroductionStage): boolean {
  if (from === "ended") return false;
  if (to === "ended") return true;
  return STAGE_ORDER.indexOf(to) > STAGE_ORDER.indexOf(from);
}

/** An opportunity from the point of view of someone expressing interest for an organisation. */
export type InterestSubject = {
  /** Published and not expired. */
  visible: boolean;
  /** The deadline is before today. */
  deadlinePassed: boolean;
  /** The person is an active member of the organisation they express interest for. */
  isMemberOfOrganisation: boolean;
  /** That organisation published the opportunity. */
  isPublisher: boolean;
};

/** An interest from the point of view of someone deciding it (or reading the list). */
export type DecisionSubject = { isAuthor: boolean; status: string };

/** An introduction (an accepted interest) from one person's point of view. */
export type IntroductionSubject = {
  /** An active member of either organisation. */
  isSide: boolean;
  accepted: boolean;
};

export type StorySubject = IntroductionSubject & {
  /** The stage is active, or it was active before it ended. */
  reachedActive: boolean;
  exists: boolean;
  published: boolean;
  /** The person is on the same side as the story's writer. */
  isWritersSide: boolean;
};

const signedIn = (actor: Actor): Verdict => (actor ? allow : refuse(403, "errors.forbidden"));
const onSide = (s: IntroductionSubject): Verdict =>
  s.isSide && s.accepted ? allow : refuse(404, "introductions.notFound");

export const interestPolicy = definePolicy("partnering-interests", {
  /** Express interest: for one's own organisation, in someone else's visible opportunity. */
  express: (actor: Actor, s: InterestSubject) =>
    every(
      () => signedIn(actor),
      () => (s.visible ? allow : refuse(404, "interests.opportunityNotFound")),
      () => (s.isMemberOfOrganisation ? allow : refuse(403, "interests.notYourOrganisation")),
      () => (s.isPublisher ? refuse(403, "interests.ownOpportunity") : allow),
      () => (s.deadlinePassed ? refuse(409, "interests.deadlinePassed") : allow),
    ),
  /** See the interested organisations: the opportunity's authors only. */
  list: (actor: Actor, s: { isAuthor: boolean }) =>
    every(
      () => signedIn(actor),
      () => (s.isAuthor ? allow : refuse(404, "interests.opportunityNotFound")),
    ),
  /** Accept or decline: an author, once, while it is pending. */
  decide: (actor: Actor, s: DecisionSubject) =>
    every(
      () => signedIn(actor),
      () => (s.isAuthor ? allow : refuse(404, "interests.notFound")),
      () => (s.status === "pending" ? allow : refuse(409, "interests.alreadyDecided")),
    ),
  /** See an introduction: either side. */
  view: (actor: Actor, s: IntroductionSubject) =>
    every(
      () => signedIn(actor),
      () => onSide(s),
    ),
  /** Move the stage (the stage check itself is canMoveStage, with the target stage). */
  move: (
    actor: Actor,
    s: IntroductionSubject & { from: IntroductionStage; to: IntroductionStage },
  ) =>
    every(
      () => signedIn(actor),
      () => onSide(s),
      () => (canMoveStage(s.from, s.to) ? allow : refuse(409, "introductions.stageInvalid")),
    ),
  /** Write (or rewrite, before it is published) the story: either side, once active. */
  writeStory: (actor: Actor, s: StorySubject) =>
    every(
      () => signedIn(actor),
      () => onSide(s),
      () => (s.reachedActive ? allow : refuse(409, "stories.notActive")),
      () => (s.published ? refuse(409, "stories.alreadyPublished") : allow),
      () => (s.exists && !s.isWritersSide ? refuse(403, "stories.otherSideWrote") : allow),
    ),
  /** Approve (publish) the story: someone from the side that did not write it. */
  approveStory: (actor: Actor, s: StorySubject) =>
    every(
      () => signedIn(actor),
      () => onSide(s),
      () => (s.exists ? allow : refuse(404, "stories.notFound")),
      () => (s.published ? refuse(409, "stories.alreadyPublished") : allow),
      () => (s.isWritersSide ? refuse(403, "stories.otherSideApproves") : allow),
    ),
});
