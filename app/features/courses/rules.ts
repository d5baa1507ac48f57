import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with courses (issue 11; pure: no database). The caller reads the facts and
 * hands them in. A course one may not see (a network's course seen from outside, or from a
 * member who was removed; someone else's draft) is a 404, the same as a missing one.
 */

/** The person beyond Person: educators and facilitators write courses. */
export type CourseActor = {
  isEducator: boolean;
  /** Installation facilitator, or facilitator of at least one network. */
  facilitates: boolean;
};

export type CourseSubject = {
  ownerId: string | null;
  networkId: string | null;
  status: "draft" | "published" | "archived";
  /** Published and open to the viewer (no network, or an active member of it), or their own. */
  visible: boolean;
  /** The viewer is an active facilitator of the course's network. */
  networkFacilitator: boolean;
  /** The viewer's enrolment, if any. */
  enrolment: "active" | "completed" | "left" | null;
};

const seen = (actor: Actor, c: CourseSubject): Verdict =>
  actor && c.visible ? allow : refuse(404, "errors.notFound");

const isOwner = (actor: Actor, c: CourseSubject): Verdict =>
  actor && c.ownerId === actor.id ? allow : refuse(403, "courses.ownerOnly");

/** Shipped courses (the inductions) have neither owner nor network. */
const isShipped = (c: CourseSubject) => c.ownerId === null && c.networkId === null;

export const coursePolicy = definePolicy("courses", {
  /** Write a course: educators and facilitators with a confirmed email. */
  create: (actor: Actor, a: CourseActor) =>
    every(
      () => (actor ? allow : refuse(403, "errors.forbidden")),
      () => (a.isEducator || a.facilitates ? allow : refuse(403, "courses.educatorsOnly")),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
    ),
  view: (actor: Actor, c: CourseSubject) => seen(actor, c),
  /** Change the course: its owner (a network course: while they are still a member). */
  edit: (actor: Actor, c: CourseSubject) =>
    every(
      () => seen(actor, c),
      () => isOwner(actor, c),
    ),
  enrol: (actor: Actor, c: CourseSubject) =>
    every(
      () => seen(actor, c),
      () => (c.status === "published" ? allow : refuse(409, "courses.notPublished")),
      () => (actor?.emailVerified ? allow : refuse(403, "auth.verifyFirst")),
      () =>
        c.enrolment === "active" || c.enrolment === "completed"
          ? refuse(409, "courses.alreadyEnrolled")
          : allow,
    ),
  leave: (actor: Actor, c: CourseSubject) =>
    every(
      () => (actor && c.enrolment !== null ? allow : seen(actor, c)),
      () => (c.enrolment === "active" ? allow : refuse(409, "courses.notEnrolled")),
    ),
  /** Open lessons, mark them done, answer quizzes: an enrolled learner who still sees it. */
  learn: (actor: Actor, c: CourseSubject) =>
    every(
      () => seen(actor, c),
      () => (c.status === "published" ? allow : refuse(409, "courses.notPublished")),
      () =>
        c.enrolment === "active" || c.enrolment === "completed"
          ? allow
          : refuse(403, "courses.enrolFirst"),
    ),
  /**
   * See the learners' progress: the owner, the network's facilitators (a network course),
   * installation admins and facilitators (a shipped course).
   */
  learners: (actor: Actor, c: CourseSubject) =>
    every(
      () => seen(actor, c),
      () =>
        actor &&
        (c.ownerId === actor.id ||
          (c.networkId !== null && c.networkFacilitator) ||
          (isShipped(c) && (actor.isAdmin || actor.isFacilitator)))
          ? allow
          : refuse(403, "courses.learnersOnlyFacilitators"),
    ),
});
