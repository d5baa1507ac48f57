import { type NetworkSubject, networkPolicy } from "~/features/networks/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may take attendance and give feedback (decision 017, check-in), pure like `eventPolicy`:
 * the event's times and state come in with `now`.
 */

/** The check-in desk opens this long before the start… */
export const CHECK_IN_OPENS_BEFORE_MS = 2 * 3_600_000;
/** …and closes this long after the end (late ticks for an online meeting, a forgotten walk-in). */
export const CHECK_IN_CLOSES_AFTER_MS = 24 * 3_600_000;
/** Feedback is taken from the end of the event for this long (and may be changed meanwhile). */
export const FEEDBACK_OPEN_FOR_MS = 14 * 86_400_000;

export type AttendanceSubject = {
  network: NetworkSubject;
  cancelled: boolean;
  startsAt: Date;
  endsAt: Date;
  now: Date;
};

function checkInOpen(e: AttendanceSubject): Verdict {
  if (e.cancelled) return refuse(409, "events.isCancelled");
  if (e.now.getTime() < e.startsAt.getTime() - CHECK_IN_OPENS_BEFORE_MS) {
    return refuse(409, "events.checkIn.notYet");
  }
  if (e.now.getTime() > e.endsAt.getTime() + CHECK_IN_CLOSES_AFTER_MS) {
    return refuse(409, "events.checkIn.closed");
  }
  return allow;
}

export const attendancePolicy = definePolicy("eventAttendance", {
  /** Open the check-in page and record who came: the network's facilitators, in the window. */
  checkIn: (actor: Actor, e: AttendanceSubject) =>
    every(
      () => networkPolicy.verdict(actor, "moderate", e.network),
      () => checkInOpen(e),
    ),
  /** See who came, the feedback results, and export both: the network's facilitators. */
  seeResults: (actor: Actor, e: AttendanceSubject) =>
    networkPolicy.verdict(actor, "moderate", e.network),
  /**
   * Give (or change) feedback: someone who attended (`attended`, decided from the stored
   * attendance by the caller), from the end of the event for FEEDBACK_OPEN_FOR_MS.
   */
  giveFeedback: (actor: Actor, f: AttendanceSubject & { attended: boolean }) =>
    every(
      () => (actor ? allow : refuse(403, "errors.forbidden")),
      () => (f.attended ? allow : refuse(403, "events.feedback.notAttendee")),
      () => (f.cancelled ? refuse(409, "events.isCancelled") : allow),
      () => (f.now.getTime() < f.endsAt.getTime() ? refuse(409, "events.feedback.notYet") : allow),
      () =>
        f.now.getTime() > f.endsAt.getTime() + FEEDBACK_OPEN_FOR_MS
          ? refuse(409, "events.feedback.closed")
          : allow,
    ),
});
