import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { eventAttendance, eventRsvps, networkMembers, users } from "~/db/schema";
import type { NetworkSubject } from "~/features/networks/rules";
import { conflict, invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { publishOnCommit } from "~/lib/pubsub.server";
import { getSecret } from "~/lib/secret.server";
import { type AttendanceSubject, attendancePolicy } from "./attendance-rules";
import { isCheckInCode, readCode } from "./check-in-codes.server";
import { type EventRow, lockEvent } from "./events.server";
import { notifyLateAttendee, planFeedbackRequest } from "./feedback.server";

export type AttendanceMethod = (typeof eventAttendance.$inferSelect)["method"];

/** The attendance rules' view of an event row for one actor's access to its network. */
export function attendanceSubject(
  network: NetworkSubject,
  row: Pick<EventRow, "cancelledAt" | "startsAt" | "endsAt">,
  now = new Date(),
): AttendanceSubject {
  return {
    network,
    cancelled: row.cancelledAt !== null,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    now,
  };
}

/**
 * What a check-in came to. "checked_in" is the one that wrote a row; "already" names when the
 * person was checked in before (no second row); "not_going" names someone whose answer is not
 * "going" (the facilitator may take them as a walk-in).
 */
export type CheckInOutcome =
  | { outcome: "checked_in"; name: string; at: Date }
  | { outcome: "already"; name: string; at: Date }
  | { outcome: "not_going"; name: string; userId: string };

/** Tells the event's live stream that the list changed (delivered when `tx` commits). */
async function announce(tx: Db, event: EventRow) {
  await publishOnCommit(tx, [
    { topic: `network:${event.networkId}`, type: "attendance", data: { eventId: event.id } },
  ]);
}

/**
 * Records one member as present, once: a second check-in answers "already" with the first
 * one's time. Runs under the event's lock the caller holds.
 */
async function recordMember(
  tx: Db,
  event: EventRow,
  person: { id: string; name: string },
  method: AttendanceMethod,
  by: string,
  now: Date,
): Promise<CheckInOutcome> {
  const [inserted] = await tx
    .insert(eventAttendance)
    .values({ eventId: event.id, userId: person.id, method, checkedInAt: now, checkedInBy: by })
    .onConflictDoNothing({ target: [eventAttendance.eventId, eventAttendance.userId] })
    .returning({ at: eventAttendance.checkedInAt });
  if (!inserted) {
    const [existing] = await tx
      .select({ at: eventAttendance.checkedInAt })
      .from(eventAttendance)
      .where(and(eq(eventAttendance.eventId, event.id), eq(eventAttendance.userId, person.id)));
    return { outcome: "already", name: person.name, at: existing.at };
  }
  await announce(tx, event);
  await planFeedbackRequest(tx, event, now);
  // Checked in after the feedback requests went out: this person is asked too.
  if (event.endsAt.getTime() <= now.getTime()) await notifyLateAttendee(tx, event, person.id);
  return { outcome: "checked_in", name: person.name, at: inserted.at };
}

/**
 * Checks someone in by their personal code (typed, or the check-in link a scanner read), for a
 * facilitator of the event's network while the desk is open. A code of another event (its link
 * names another event) is refused (409); a code matching nobody answering this event is 404;
 * a person whose answer is not "going" is "not_going" (nothing written).
 */
export async function checkInByCode(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  input: string;
  now?: Date;
}): Promise<CheckInOutcome> {
  const now = options.now ?? new Date();
  const read = readCode(options.input);
  if (!read) throw invalid("events.checkIn.codeInvalid", "code");
  return getDb().transaction(async (tx) => {
    const event = await lockEvent(tx, options.network.id, options.eventId);
    attendancePolicy.authorize(
      options.actor,
      "checkIn",
      attendanceSubject(options.network, event, now),
    );
    if (read.eventId && read.eventId !== event.id) {
      throw conflict("events.checkIn.otherEvent", "code");
    }
    // Nothing is stored: the code of each person who answered is worked out and compared.
    // An event has at most a few thousand answers; one HMAC each is well under a millisecond.
    const answered = await tx
      .select({ id: users.id, name: users.displayName, status: eventRsvps.status })
      .from(eventRsvps)
      .innerJoin(users, eq(users.id, eventRsvps.userId))
      .where(eq(eventRsvps.eventId, event.id));
    const secret = getSecret();
    const person = answered.find((p) => isCheckInCode(secret, event.id, p.id, read.code));
    if (!person) throw notFound("events.checkIn.unknownCode");
    if (person.status !== "going") {
      // Already there (as a walk-in, say) is still "already"; otherwise nothing is written.
      const [there] = await tx
        .select({ at: eventAttendance.checkedInAt })
        .from(eventAttendance)
        .where(and(eq(eventAttendance.eventId, event.id), eq(eventAttendance.userId, person.id)));
      if (there) return { outcome: "already", name: person.name, at: there.at };
      return { outcome: "not_going", name: person.name, userId: person.id };
    }
    return recordMember(tx, event, person, read.eventId ? "qr" : "code", options.actor.id, now);
  });
}

/**
 * Checks in a person picked from a list: someone going ("manual" at the door, "online" for the
 * online list), or, as a walk-in, any active member of the network whatever they answered.
 */
export async function checkInPerson(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  userId: string;
  method: "manual" | "online" | "walk_in";
  now?: Date;
}): Promise<CheckInOutcome> {
  const now = options.now ?? new Date();
  if (!isUuid(options.userId)) throw invalid("events.checkIn.personUnknown");
  return getDb().transaction(async (tx) => {
    const event = await lockEvent(tx, options.network.id, options.eventId);
    attendancePolicy.authorize(
      options.actor,
      "checkIn",
      attendanceSubject(options.network, event, now),
    );
    const [person] = await tx
      .select({ id: users.id, name: users.displayName, status: eventRsvps.status })
      .from(users)
      .innerJoin(
        networkMembers,
        and(
          eq(networkMembers.userId, users.id),
          eq(networkMembers.networkId, event.networkId),
          eq(networkMembers.status, "active"),
        ),
      )
      .leftJoin(eventRsvps, and(eq(eventRsvps.userId, users.id), eq(eventRsvps.eventId, event.id)))
      .where(eq(users.id, options.userId));
    if (!person) throw notFound("events.checkIn.personUnknown");
    if (options.method === "online" && event.kind === "in_person") {
      throw conflict("events.checkIn.notOnline");
    }
    if (options.method !== "walk_in" && person.status !== "going") {
      const [there] = await tx
        .select({ at: eventAttendance.checkedInAt })
        .from(eventAttendance)
        .where(and(eq(eventAttendance.eventId, event.id), eq(eventAttendance.userId, person.id)));
      if (there) return { outcome: "already", name: person.name, at: there.at };
      return { outcome: "not_going", name: person.name, userId: person.id };
    }
    return recordMember(tx, event, person, options.method, options.actor.id, now);
  });
}

/** Walk-in input: a name, and an email if they give one. */
export const walkInSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "events.checkIn.walkInNameRequired")
    .max(140, "events.checkIn.walkInNameTooLong"),
  email: z
    .string()
    .trim()
    .max(254, "events.checkIn.walkInEmailInvalid")
    .refine((v) => v === "" || z.email().safeParse(v).success, "events.checkIn.walkInEmailInvalid")
    .default(""),
});

/** Adds a walk-in known by name (and optional email): a new row each time, it has no key. */
export async function addWalkIn(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  name: string;
  email: string;
  now?: Date;
}): Promise<CheckInOutcome> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const event = await lockEvent(tx, options.network.id, options.eventId);
    attendancePolicy.authorize(
      options.actor,
      "checkIn",
      attendanceSubject(options.network, event, now),
    );
    await tx.insert(eventAttendance).values({
      eventId: event.id,
      walkInName: options.name,
      walkInEmail: options.email || null,
      method: "walk_in",
      checkedInAt: now,
      checkedInBy: options.actor.id,
    });
    await announce(tx, event);
    return { outcome: "checked_in", name: options.name, at: now };
  });
}

/** Takes back a check-in made by mistake (facilitators, while the desk is open). */
export async function undoCheckIn(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  attendanceId: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  if (!isUuid(options.attendanceId)) throw notFound("events.checkIn.personUnknown");
  await getDb().transaction(async (tx) => {
    const event = await lockEvent(tx, options.network.id, options.eventId);
    attendancePolicy.authorize(
      options.actor,
      "checkIn",
      attendanceSubject(options.network, event, now),
    );
    const removed = await tx
      .delete(eventAttendance)
      .where(
        and(eq(eventAttendance.id, options.attendanceId), eq(eventAttendance.eventId, event.id)),
      )
      .returning({ id: eventAttendance.id });
    if (removed.length === 0) throw notFound("events.checkIn.personUnknown");
    await announce(tx, event);
  });
}

const arrivalRow = z.object({
  id: z.string(),
  user_id: z.string().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  method: z.enum(["qr", "code", "manual", "walk_in", "online"]),
  checked_in_at: z.coerce.date(),
  checked_in_by: z.string().nullable(),
  rsvp: z.string().nullable(),
});
export type Arrival = z.infer<typeof arrivalRow>;

/**
 * Who has arrived, latest first (for facilitators: the check-in page and the export). A
 * walk-in's email is included: the facilitator typed it.
 */
export async function listArrivals(eventId: string, limit = 5000): Promise<Arrival[]> {
  return queryParsed(
    arrivalRow,
    sql`select a.id, a.user_id, coalesce(u.display_name, a.walk_in_name, '') as name,
          a.walk_in_email as email, a.method, a.checked_in_at,
          b.display_name as checked_in_by, r.status as rsvp
        from event_attendance a
        left join users u on u.id = a.user_id
        left join users b on b.id = a.checked_in_by
        left join event_rsvps r on r.event_id = a.event_id and r.user_id = a.user_id
        where a.event_id = ${eventId}
        order by a.checked_in_at desc, a.id
        limit ${limit}`,
  );
}

const goingRow = z.object({
  id: z.string(),
  name: z.string(),
  attendance_id: z.string().nullable(),
});

/** The people going, each with whether they are checked in (the online attendance list). */
export async function listGoingWithAttendance(eventId: string, limit = 2000) {
  return queryParsed(
    goingRow,
    sql`select u.id, u.display_name as name, a.id as attendance_id
        from event_rsvps r join users u on u.id = r.user_id
        left join event_attendance a on a.event_id = r.event_id and a.user_id = r.user_id
        where r.event_id = ${eventId} and r.status = 'going'
        order by u.display_name, u.id
        limit ${limit}`,
  );
}

/** Active members of the network not checked in yet (to take one as a walk-in). */
export async function listWalkInCandidates(networkId: string, eventId: string, limit = 500) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select u.id, u.display_name as name
        from network_members m join users u on u.id = m.user_id
        where m.network_id = ${networkId} and m.status = 'active'
          and not exists (select 1 from event_attendance a
            where a.event_id = ${eventId} and a.user_id = u.id)
        order by u.display_name, u.id
        limit ${limit}`,
  );
}

/** How many have arrived (every row: members and walk-ins). */
export async function countArrivals(eventId: string, db: Db = getDb()): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventAttendance)
    .where(eq(eventAttendance.eventId, eventId));
  return Number(row?.n ?? 0);
}
