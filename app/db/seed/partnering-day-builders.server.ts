/**
 * A partnering day straight into the database, for the demo and scale seeds and tests
 * (issue 12 item 4). Rows have the shape the app writes: the day on the event's times (or those
 * given), participants going to the event (their RSVP is made "going" if missing, and the
 * event's going_count recounted), availability as slot starts, and optional bookings with their
 * two holds and the smallest free table (or a call room on a day without tables).
 */
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import {
  events,
  partneringBookings,
  partneringDays,
  partneringHolds,
  partneringParticipants,
} from "~/db/schema";
import { callUrlFor, daySlots, smallestFreeTable } from "~/features/partnering/slots";

export type PartneringParticipantSpec = {
  userId: string;
  seeks?: string;
  offers?: string;
  organisationId?: string | null;
  /** Indexes of the day's slots the person is free for; all of them when absent. */
  slots?: number[];
};

export type PartneringBookingSpec = {
  requester: string;
  invitee: string;
  /** Index of the day's slot. */
  slot: number;
};

export async function buildPartneringDay(
  db: Db,
  spec: {
    eventId: string;
    participants: PartneringParticipantSpec[];
    bookings?: PartneringBookingSpec[];
    startsAt?: Date;
    endsAt?: Date;
    slotMinutes?: number;
    /** 0: meetings are calls on the event's meeting link. */
    tables?: number;
    isOpen?: boolean;
    createdBy?: string | null;
  },
): Promise<{ dayId: string; slots: Date[] }> {
  const [event] = await db
    .select({
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      meetingUrl: events.meetingUrl,
      createdBy: events.createdBy,
    })
    .from(events)
    .where(eq(events.id, spec.eventId));
  if (!event) throw new Error(`no event ${spec.eventId}`);
  const startsAt = spec.startsAt ?? event.startsAt;
  const endsAt = spec.endsAt ?? event.endsAt;
  const slotMinutes = spec.slotMinutes ?? 20;
  const tables = spec.tables ?? 10;
  const slots = daySlots(startsAt, endsAt, slotMinutes);
  const [day] = await db
    .insert(partneringDays)
    .values({
      eventId: spec.eventId,
      startsAt,
      endsAt,
      slotMinutes,
      tables,
      isOpen: spec.isOpen ?? true,
      createdBy: spec.createdBy === undefined ? event.createdBy : spec.createdBy,
    })
    .returning({ id: partneringDays.id });
  if (spec.participants.length > 0) {
    const ids = spec.participants.map((p) => sql`${p.userId}::uuid`);
    await db.execute(sql`insert into event_rsvps (event_id, user_id, status)
      select ${spec.eventId}::uuid, u, 'going' from unnest(array[${sql.join(ids, sql`, `)}]) u
      on conflict (event_id, user_id) do update set status = 'going'`);
    await db.execute(sql`update events set going_count = (select count(*) from event_rsvps
      where event_id = ${spec.eventId}::uuid and status = 'going') where id = ${spec.eventId}::uuid`);
    const rows = spec.participants.map((p, i) => ({
      dayId: day.id,
      userId: p.userId,
      organisationId: p.organisationId ?? null,
      seeks: p.seeks ?? "",
      offers: p.offers ?? "",
      availability: p.slots ? p.slots.map((n) => slots[n]).filter(Boolean) : slots,
      // Joined one after the other, so keyset pages have a stable order.
      createdAt: new Date(startsAt.getTime() - 86_400_000 + i * 1000),
    }));
    for (let i = 0; i < rows.length; i += 500) {
      await db.insert(partneringParticipants).values(rows.slice(i, i + 500));
    }
  }
  const tablesTaken = new Map<number, number[]>();
  for (const booking of spec.bookings ?? []) {
    const slot = slots[booking.slot];
    if (!slot) throw new Error(`no slot ${booking.slot}`);
    const taken = tablesTaken.get(booking.slot) ?? [];
    const tableNumber = tables > 0 ? smallestFreeTable(taken, tables) : null;
    if (tables > 0 && tableNumber === null)
      throw new Error(`no table free in slot ${booking.slot}`);
    if (tableNumber !== null) tablesTaken.set(booking.slot, [...taken, tableNumber]);
    const id = randomUUID();
    await db.insert(partneringBookings).values({
      id,
      dayId: day.id,
      slotStart: slot,
      requester: booking.requester,
      invitee: booking.invitee,
      tableNumber,
      callUrl: tables > 0 || !event.meetingUrl ? "" : callUrlFor(event.meetingUrl, id.slice(0, 8)),
    });
    await db.insert(partneringHolds).values([
      { dayId: day.id, slotStart: slot, userId: booking.requester, bookingId: id },
      { dayId: day.id, slotStart: slot, userId: booking.invitee, bookingId: id },
    ]);
  }
  return { dayId: day.id, slots };
}
