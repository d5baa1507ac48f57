import { type Actor, allow, definePolicy, every, refuse } from "~/lib/policy";
import {
  AmbiguousWallClock,
  instantFromWallClock,
  NonexistentWallClock,
  wallClockAt,
} from "~/lib/time-zones";

/**
 * Who may do what with one-to-one meetings and partnering days (pure: no database). The caller
 * reads the facts (a shared introduction or network, the event's facilitators, the RSVP) and
 * hands them in.
 */

/** Two people as the proposal rule sees them. */
export type ProposalSubject = {
  isSelf: boolean;
  /** They share an accepted introduction or an active network. */
  connected: boolean;
};

/** A meeting from one person's point of view. */
export type MeetingSubject = {
  isProposer: boolean;
  isInvitee: boolean;
  status: "proposed" | "accepted" | "declined" | "cancelled";
};

const party = (actor: Actor, m: MeetingSubject) =>
  actor && (m.isProposer || m.isInvitee) ? allow : refuse(404, "meetings.notFound");

export const meetingPolicy = definePolicy("meetings", {
  /** Propose a meeting: to someone else you share an accepted introduction or a network with. */
  propose: (actor: Actor, s: ProposalSubject) =>
    every(
      () => (actor ? allow : refuse(403, "meetings.notConnected")),
      () => (s.isSelf ? refuse(403, "meetings.notWithYourself") : allow),
      () => (s.connected ? allow : refuse(403, "meetings.notConnected")),
    ),
  /** See it (and its calendar file): the two people only; for anyone else it does not exist. */
  view: (actor: Actor, m: MeetingSubject) => party(actor, m),
  /** Accept one of the times, or decline: the invitee, while it is proposed. */
  respond: (actor: Actor, m: MeetingSubject) =>
    every(
      () => party(actor, m),
      () => (m.isInvitee ? allow : refuse(403, "meetings.inviteeOnly")),
      () => (m.status === "proposed" ? allow : refuse(409, "meetings.notOpen")),
    ),
  /** Cancel: either person, while it is proposed or accepted. */
  cancel: (actor: Actor, m: MeetingSubject) =>
    every(
      () => party(actor, m),
      () =>
        m.status === "proposed" || m.status === "accepted"
          ? allow
          : refuse(409, "meetings.notOpen"),
    ),
});

/** A partnering day from one person's point of view. */
export type PartneringDaySubject = {
  /** The event's creator, a facilitator of its network, or an admin. */
  organises: boolean;
  /** Answered "going" to the event. */
  isGoing: boolean;
  isParticipant: boolean;
  exists: boolean;
  isOpen: boolean;
};

export const partneringDayPolicy = definePolicy("partneringDay", {
  /** Set the day up or change it: the event's creator or its network's facilitators. */
  setup: (actor: Actor, d: PartneringDaySubject) =>
    actor && d.organises ? allow : refuse(403, "partneringDay.organisersOnly"),
  /** Join as a participant: people going to the event, once the day exists. */
  join: (actor: Actor, d: PartneringDaySubject) =>
    every(
      () => (actor && d.exists ? allow : refuse(404, "partneringDay.notFound")),
      () => (d.isGoing ? allow : refuse(403, "partneringDay.goingOnly")),
    ),
  /** Book a meeting: participants, while the day is open. */
  book: (actor: Actor, d: PartneringDaySubject) =>
    every(
      () => (actor && d.exists ? allow : refuse(404, "partneringDay.notFound")),
      () => (d.isParticipant ? allow : refuse(403, "partneringDay.participantsOnly")),
      () => (d.isOpen ? allow : refuse(409, "partneringDay.closed")),
    ),
});

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * A date and time as a person typed it (`2027-03-29T10:00`, a datetime-local field) in their
 * own zone, as an instant. A time the zone skips (the spring change) is refused; one it repeats
 * (the autumn change) is the first of the two. Null for text that is no real date and time.
 */
export function instantFromLocalInput(text: string, timeZone: string): Date | "nonexistent" | null {
  const m = LOCAL.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || hour > 23 || minute > 59) {
    return null;
  }
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCDate() !== day) return null;
  try {
    return instantFromWallClock({ year, month, day, hour, minute }, timeZone, "reject");
  } catch (error) {
    if (error instanceof NonexistentWallClock) return "nonexistent";
    if (error instanceof AmbiguousWallClock) {
      return instantFromWallClock({ year, month, day, hour, minute }, timeZone, "earlier");
    }
    throw error;
  }
}

const two = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local field shows it in a zone ("2027-03-29T10:00"). */
export function localInputValue(instant: Date, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The place a zone is named after, for people to recognise ("Europe/Dublin" → "Dublin"). */
export function zoneCity(timeZone: string): string {
  return timeZone.slice(timeZone.lastIndexOf("/") + 1).replaceAll("_", " ");
}
