import { type NetworkSubject, networkPolicy } from "~/features/networks/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what with a network's events (pure: no database). Network membership decides
 * (networkPolicy); the event's own state (cancelled, started, past its RSVP deadline) is read
 * from the row the caller locked, with the instant `now` handed in, so a table test needs no
 * clock.
 */

/** An event as the rules see it, in its network from one actor's point of view. */
export type EventSubject = {
  network: NetworkSubject;
  cancelled: boolean;
  startsAt: Date;
  rsvpDeadline: Date | null;
  now: Date;
};

/** The answer an RSVP asks for. */
export type RsvpAnswer = "going" | "maybe" | "not_going";

function isOpen(e: EventSubject): Verdict {
  if (e.cancelled) return refuse(409, "events.isCancelled");
  if (e.startsAt.getTime() <= e.now.getTime()) return refuse(409, "events.alreadyStarted");
  return allow;
}

export const eventPolicy = definePolicy("events", {
  /** See a network's events: whoever may read the network. */
  view: (actor: Actor, n: NetworkSubject) => networkPolicy.verdict(actor, "read", n),
  /** Create events: the network's facilitators. */
  create: (actor: Actor, n: NetworkSubject) => networkPolicy.verdict(actor, "moderate", n),
  /** Change or cancel an event that has not started and is not cancelled: facilitators. */
  manage: (actor: Actor, e: EventSubject) =>
    every(
      () => networkPolicy.verdict(actor, "moderate", e.network),
      () => isOpen(e),
    ),
  /**
   * Answer going / maybe / not going: an active member, before the event starts. After the RSVP
   * deadline only "not going" is still taken (it frees a seat for the waiting list).
   */
  rsvp: (actor: Actor, r: EventSubject & { answer: RsvpAnswer }) =>
    every(
      () => networkPolicy.verdict(actor, "post", r.network),
      () => isOpen(r),
      () =>
        r.answer !== "not_going" &&
        r.rsvpDeadline !== null &&
        r.rsvpDeadline.getTime() <= r.now.getTime()
          ? refuse(409, "events.rsvpClosed")
          : allow,
    ),
});
