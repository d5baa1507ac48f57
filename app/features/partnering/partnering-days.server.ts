import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { partneringBookings, partneringDays, partneringHolds } from "~/db/schema";
import { calendarFile } from "~/features/events/calendar.server";
import type { CalendarEvent } from "~/features/events/ical";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { listedSql } from "~/features/profiles/policy.server";
import { type Cursor, encodeCursor } from "~/lib/cursor";
import { getEnv } from "~/lib/env.server";
import { conflict, DomainError, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { canonicalTimeZone, DEFAULT_TIME_ZONE, startOfDay } from "~/lib/time-zones";
import {
  instantFromLocalInput,
  type PartneringDaySubject,
  partneringDayPolicy,
} from "./meeting-rules";
import type { DaySetupForm, JoinDayForm } from "./meeting-schema";
import { callUrlFor, daySlots, isSlotOf, smallestFreeTable } from "./slots";

/**
 * Partnering days (issue 12 item 4): one-to-one meetings in slots at an event. A booking is one
 * transaction that writes the booking and one hold per person (primary key day + slot + person),
 * so of two bookings of one person's slot exactly one commits; the other is a 409 (decision 023).
 */

const ms = z.coerce.number();

const contextRow = z.object({
  event_id: z.string(),
  network_id: z.string(),
  title: z.string(),
  time_zone: z.string(),
  starts_at: z.coerce.date(),
  ends_at: z.coerce.date(),
  meeting_url: z.string(),
  cancelled: z.boolean(),
  organises: z.boolean(),
  is_going: z.boolean(),
  day_id: z.string().nullable(),
  day_starts: z.coerce.date().nullable(),
  day_ends: z.coerce.date().nullable(),
  slot_minutes: z.coerce.number().nullable(),
  tables: z.coerce.number().nullable(),
  is_open: z.boolean().nullable(),
  is_participant: z.boolean(),
  seeks: z.string().nullable(),
  offers: z.string().nullable(),
  organisation_id: z.string().nullable(),
  availability: z.array(ms),
  held: z.array(ms),
  organisations: z.array(z.object({ id: z.string(), name: z.string() })),
});

export type PartneringDay = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  slotMinutes: number;
  tables: number;
  isOpen: boolean;
  slots: Date[];
};

export type DayContext = {
  event: {
    id: string;
    networkId: string;
    title: string;
    timeZone: string;
    startsAt: Date;
    endsAt: Date;
    meetingUrl: string;
    cancelled: boolean;
  };
  day: PartneringDay | null;
  me: {
    seeks: string;
    offers: string;
    organisationId: string | null;
    availability: Date[];
    /** The slots the person holds (booked meetings). */
    held: Date[];
  } | null;
  subject: PartneringDaySubject;
  /** Organisations the person is an active member of (what they may take part for). */
  organisations: { id: string; name: string }[];
};

/**
 * An event, its partnering day and the person's place in it, in one query: whether they
 * organise it (its creator, a facilitator of its network, an admin), go to it, take part.
 */
export async function dayContext(
  eventId: string,
  actor: Person,
  db: Db = getDb(),
): Promise<DayContext> {
  if (!isUuid(eventId)) throw notFound("partneringDay.eventNotFound");
  const me = actor.id;
  const [row] = await queryParsed(
    contextRow,
    sql`select e.id as event_id, e.network_id, e.title, e.time_zone, e.starts_at, e.ends_at,
          e.meeting_url, e.cancelled_at is not null as cancelled,
          (e.created_by = ${me}::uuid or ${actor.isAdmin} or exists (
            select 1 from network_members m where m.network_id = e.network_id
              and m.user_id = ${me}::uuid and m.role = 'facilitator' and m.status = 'active'))
            as organises,
          exists (select 1 from event_rsvps r where r.event_id = e.id and r.user_id = ${me}::uuid
            and r.status = 'going') as is_going,
          d.id as day_id, d.starts_at as day_starts, d.ends_at as day_ends, d.slot_minutes,
          d.tables, d.is_open,
          p.user_id is not null as is_participant, p.seeks, p.offers, p.organisation_id,
          coalesce((select json_agg((extract(epoch from x) * 1000)::bigint order by x)
            from unnest(p.availability) x), '[]'::json) as availability,
          coalesce((select json_agg((extract(epoch from h.slot_start) * 1000)::bigint)
            from partnering_holds h where h.user_id = ${me}::uuid and h.day_id = d.id), '[]'::json)
            as held,
          coalesce((select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
            from organisation_members om join organisations o on o.id = om.organisation_id
            where om.user_id = ${me}::uuid and om.status = 'active'), '[]'::json) as organisations
        from events e
        left join partnering_days d on d.event_id = e.id
        left join partnering_participants p on p.day_id = d.id and p.user_id = ${me}::uuid
        where e.id = ${eventId}::uuid`,
    db,
  );
  if (!row) throw notFound("partneringDay.eventNotFound");
  const day: PartneringDay | null =
    row.day_id && row.day_starts && row.day_ends
      ? {
          id: row.day_id,
          startsAt: row.day_starts,
          endsAt: row.day_ends,
          slotMinutes: row.slot_minutes ?? 20,
          tables: row.tables ?? 0,
          isOpen: row.is_open ?? false,
          slots: daySlots(row.day_starts, row.day_ends, row.slot_minutes ?? 20),
        }
      : null;
  return {
    event: {
      id: row.event_id,
      networkId: row.network_id,
      title: row.title,
      timeZone: canonicalTimeZone(row.time_zone) ?? DEFAULT_TIME_ZONE,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      meetingUrl: row.meeting_url,
      cancelled: row.cancelled,
    },
    day,
    me: row.is_participant
      ? {
          seeks: row.seeks ?? "",
          offers: row.offers ?? "",
          organisationId: row.organisation_id,
          availability: row.availability.map((n) => new Date(n)),
          held: row.held.map((n) => new Date(n)),
        }
      : null,
    organisations: row.organisations,
    subject: {
      organises: row.organises,
      isGoing: row.is_going,
      isParticipant: row.is_participant,
      exists: day !== null,
      isOpen: (day?.isOpen ?? false) && !row.cancelled,
    },
  };
}

const fail = (field: string, key: string) => new DomainError(400, key as never, { field });

/**
 * Sets up (or changes) the event's partnering day: start and end typed in the event's zone and
 * within its day(s), slot length, tables (0: calls on the event's meeting link, each with its own
 * room), open or closed.
 */
export async function setupDay(options: { actor: Person; eventId: string; form: DaySetupForm }) {
  const ctx = await dayContext(options.eventId, options.actor);
  partneringDayPolicy.authorize(options.actor, "setup", ctx.subject);
  const { form } = options;
  const zone = ctx.event.timeZone;
  const startsAt = instantFromLocalInput(form.startsAt, zone);
  const endsAt = instantFromLocalInput(form.endsAt, zone);
  if (!(startsAt instanceof Date)) throw fail("startsAt", "partneringDay.timeInvalid");
  if (!(endsAt instanceof Date)) throw fail("endsAt", "partneringDay.timeInvalid");
  const first = startOfDay(ctx.event.startsAt, zone);
  const last = startOfDay(ctx.event.endsAt, zone, { addDays: 1 });
  if (startsAt < first || endsAt > last) throw fail("startsAt", "partneringDay.outsideEvent");
  if (daySlots(startsAt, endsAt, form.slotMinutes).length === 0) {
    throw fail("endsAt", "partneringDay.noSlots");
  }
  if (form.tables === 0 && !/^https:\/\//.test(ctx.event.meetingUrl)) {
    throw fail("tables", "partneringDay.callsNeedLink");
  }
  const values = {
    startsAt,
    endsAt,
    slotMinutes: form.slotMinutes,
    tables: form.tables,
    isOpen: form.isOpen,
  };
  await getDb()
    .insert(partneringDays)
    .values({ ...values, eventId: ctx.event.id, createdBy: options.actor.id })
    .onConflictDoUpdate({ target: partneringDays.eventId, set: values });
}

/**
 * Joins the day (or changes what the person published): people going to the event only; the
 * organisation one they are an active member of; the slots the day's own.
 */
export async function joinDay(options: { actor: Person; eventId: string; form: JoinDayForm }) {
  const ctx = await dayContext(options.eventId, options.actor);
  partneringDayPolicy.authorize(options.actor, "join", ctx.subject);
  const day = ctx.day as PartneringDay;
  const { form } = options;
  if (form.organisationId !== "") {
    if (!ctx.organisations.some((o) => o.id === form.organisationId)) {
      throw fail("organisationId", "partneringDay.organisationInvalid");
    }
  }
  const slots = [...new Set(form.slots.map((s) => new Date(s).getTime()))].map((t) => new Date(t));
  if (slots.some((s) => !isSlotOf(s, day.startsAt, day.endsAt, day.slotMinutes))) {
    throw fail("slots", "partneringDay.slotNotOfDay");
  }
  const availability = sql`array[${sql.join(
    slots.map((s) => sql`${s.toISOString()}::timestamptz`),
    sql`, `,
  )}]::timestamptz[]`;
  await getDb().execute(
    sql`insert into partnering_participants (day_id, user_id, organisation_id, seeks, offers, availability)
        values (${day.id}::uuid, ${options.actor.id}::uuid,
          ${form.organisationId === "" ? null : form.organisationId}::uuid,
          ${form.seeks}, ${form.offers}, ${availability})
        on conflict (day_id, user_id) do update set organisation_id = excluded.organisation_id,
          seeks = excluded.seeks, offers = excluded.offers, availability = excluded.availability`,
  );
}

export const PARTICIPANTS_PAGE = 50;

const participantRow = z.object({
  user_id: z.string(),
  display_name: z.string(),
  organisation: z.string().nullable(),
  seeks: z.string(),
  offers: z.string(),
  created_at: z.string(),
  availability: z.array(ms),
  held: z.array(ms),
});

export type Participant = {
  id: string;
  name: string;
  organisation: string | null;
  seeks: string;
  offers: string;
  availability: Date[];
  held: Date[];
};

/**
 * One page of the day's participants (in the order they joined, keyset on joined-at and id),
 * filtered by words in the name, organisation, seeks or offers; with each one's free slots and
 * the slots they hold. One query on the participants' day index.
 */
export async function listParticipants(
  dayId: string,
  options: { q?: string; after?: Cursor | null } = {},
  db: Db = getDb(),
): Promise<{ participants: Participant[]; next: string | null }> {
  const q = (options.q ?? "").trim().slice(0, 100);
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const after = options.after;
  const rows = await queryParsed(
    participantRow,
    sql`select p.user_id, u.display_name, o.name as organisation, p.seeks, p.offers,
          to_char(p.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at,
          coalesce((select json_agg((extract(epoch from x) * 1000)::bigint order by x)
            from unnest(p.availability) x), '[]'::json) as availability,
          coalesce((select json_agg((extract(epoch from h.slot_start) * 1000)::bigint)
            from partnering_holds h where h.user_id = p.user_id and h.day_id = p.day_id), '[]'::json) as held
        from partnering_participants p
        join users u on u.id = p.user_id
        left join organisations o on o.id = p.organisation_id
        where p.day_id = ${dayId}::uuid and ${listedSql("p.user_id")}
          ${
            q === ""
              ? sql``
              : sql`and (u.display_name ilike ${pattern} or p.seeks ilike ${pattern}
            or p.offers ilike ${pattern} or coalesce(o.name, '') ilike ${pattern})`
          }
          ${after ? sql`and (p.created_at, p.user_id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
        order by p.created_at, p.user_id
        limit ${PARTICIPANTS_PAGE + 1}`,
    db,
  );
  const page = rows.slice(0, PARTICIPANTS_PAGE);
  const last = page.at(-1);
  return {
    participants: page.map((r) => ({
      id: r.user_id,
      name: r.display_name,
      organisation: r.organisation,
      seeks: r.seeks,
      offers: r.offers,
      availability: r.availability.map((n) => new Date(n)),
      held: r.held.map((n) => new Date(n)),
    })),
    next:
      rows.length > PARTICIPANTS_PAGE && last
        ? encodeCursor({ at: last.created_at, id: last.user_id })
        : null,
  };
}

/** Whether an error is PostgreSQL's unique violation of the named constraint (or any). */
function uniqueViolation(error: unknown, constraint?: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (
      e.code === "23505" &&
      (!constraint || e.constraint === constraint || e.message?.includes(constraint))
    ) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

const TABLE_KEY = "partnering_bookings_table_key";

/**
 * Books a meeting with another participant in a slot both are free for: one transaction writes
 * the booking (at the smallest free table, or with its own call room) and both people's holds.
 * A hold that exists already (someone took the slot first, even at the same moment) is a 409;
 * a table taken at the same moment is tried once more, then a 409.
 */
export async function bookSlot(options: {
  actor: Person;
  eventId: string;
  withId: string;
  slot: Date;
}): Promise<{ id: string }> {
  const { actor } = options;
  const ctx = await dayContext(options.eventId, actor);
  partneringDayPolicy.authorize(actor, "book", ctx.subject);
  const day = ctx.day as PartneringDay;
  const slot = options.slot;
  if (options.withId === actor.id) throw fail("with", "partneringDay.notWithYourself");
  if (!isSlotOf(slot, day.startsAt, day.endsAt, day.slotMinutes)) {
    throw fail("slot", "partneringDay.slotNotOfDay");
  }
  const available = (list: readonly Date[]) => list.some((d) => d.getTime() === slot.getTime());
  if (!available(ctx.me?.availability ?? [])) throw fail("slot", "partneringDay.notAvailable");
  const [other] = await queryParsed(
    z.object({ availability: z.array(ms) }),
    sql`select coalesce((select json_agg((extract(epoch from x) * 1000)::bigint)
          from unnest(p.availability) x), '[]'::json) as availability
        from partnering_participants p where p.day_id = ${day.id}::uuid and p.user_id = ${options.withId}::uuid`,
  );
  if (!other) throw notFound("partneringDay.personNotFound");
  if (!available(other.availability.map((n) => new Date(n)))) {
    throw fail("slot", "partneringDay.notAvailable");
  }
  const attempt = () =>
    getDb().transaction(async (tx) => {
      // Either person holding the slot already: say so before looking for a table. (Two
      // bookings at the same moment both pass this; the holds' primary key stops the second.)
      const holding = await tx
        .select({ userId: partneringHolds.userId })
        .from(partneringHolds)
        .where(
          and(
            eq(partneringHolds.dayId, day.id),
            eq(partneringHolds.slotStart, slot),
            inArray(partneringHolds.userId, [actor.id, options.withId]),
          ),
        );
      if (holding.length > 0) throw conflict("partneringDay.slotTaken");
      let tableNumber: number | null = null;
      if (day.tables > 0) {
        const taken = await tx
          .select({ n: partneringBookings.tableNumber })
          .from(partneringBookings)
          .where(
            and(
              eq(partneringBookings.dayId, day.id),
              eq(partneringBookings.slotStart, slot),
              eq(partneringBookings.status, "booked"),
            ),
          );
        tableNumber = smallestFreeTable(
          taken.map((t) => t.n ?? 0),
          day.tables,
        );
        if (tableNumber === null) throw conflict("partneringDay.noTableFree");
      }
      const id = randomUUID();
      await tx.insert(partneringBookings).values({
        id,
        dayId: day.id,
        slotStart: slot,
        requester: actor.id,
        invitee: options.withId,
        tableNumber,
        callUrl: day.tables > 0 ? "" : callUrlFor(ctx.event.meetingUrl, id.slice(0, 8)),
      });
      await tx.insert(partneringHolds).values([
        { dayId: day.id, slotStart: slot, userId: actor.id, bookingId: id },
        { dayId: day.id, slotStart: slot, userId: options.withId, bookingId: id },
      ]);
      await notify(tx, {
        kind: "partnering.booked",
        recipientIds: [options.withId],
        actorId: actor.id,
        groupKey: `partnering:${day.id}`,
        sourceKey: `partnering.booked:${id}`,
        data: { eventId: ctx.event.id, title: ctx.event.title.slice(0, TITLE_MAX) },
      });
      return { id };
    });
  for (let round = 0; ; round++) {
    try {
      return await attempt();
    } catch (error) {
      if (uniqueViolation(error, TABLE_KEY)) {
        if (round === 0) continue;
        throw conflict("partneringDay.noTableFree");
      }
      if (uniqueViolation(error)) throw conflict("partneringDay.slotTaken");
      throw error;
    }
  }
}

async function lockBooking(tx: Db, bookingId: string, actor: Person, dayId: string) {
  if (!isUuid(bookingId)) throw notFound("partneringDay.bookingNotFound");
  const [row] = await tx
    .select()
    .from(partneringBookings)
    .where(and(eq(partneringBookings.id, bookingId), eq(partneringBookings.dayId, dayId)))
    .for("update");
  if (!row || (row.requester !== actor.id && row.invitee !== actor.id)) {
    throw notFound("partneringDay.bookingNotFound");
  }
  return row;
}

/** Either person cancels a booking: both holds are freed, the other person is told. */
export async function cancelBooking(options: {
  actor: Person;
  eventId: string;
  bookingId: string;
}) {
  const { actor } = options;
  const ctx = await dayContext(options.eventId, actor);
  if (!ctx.day) throw notFound("partneringDay.notFound");
  const dayId = ctx.day.id;
  await getDb().transaction(async (tx) => {
    const row = await lockBooking(tx, options.bookingId, actor, dayId);
    if (row.status !== "booked") throw conflict("partneringDay.alreadyCancelled");
    await tx
      .update(partneringBookings)
      .set({ status: "cancelled" })
      .where(eq(partneringBookings.id, row.id));
    await tx.delete(partneringHolds).where(eq(partneringHolds.bookingId, row.id));
    const other = row.requester === actor.id ? row.invitee : row.requester;
    await notify(tx, {
      kind: "partnering.cancelled",
      recipientIds: [other],
      actorId: actor.id,
      groupKey: `partnering:${dayId}`,
      sourceKey: `partnering.cancelled:${row.id}`,
      data: { eventId: ctx.event.id, title: ctx.event.title.slice(0, TITLE_MAX) },
    });
  });
}

/** After the day, each side says whether to follow up a meeting. */
export async function setFollowUp(options: {
  actor: Person;
  eventId: string;
  bookingId: string;
  followUp: boolean;
  now?: Date;
}) {
  const { actor } = options;
  const ctx = await dayContext(options.eventId, actor);
  if (!ctx.day) throw notFound("partneringDay.notFound");
  const day = ctx.day;
  if ((options.now ?? new Date()).getTime() < day.endsAt.getTime()) {
    throw conflict("partneringDay.notOverYet");
  }
  await getDb().transaction(async (tx) => {
    const row = await lockBooking(tx, options.bookingId, actor, day.id);
    if (row.status !== "booked") throw conflict("partneringDay.alreadyCancelled");
    await tx
      .update(partneringBookings)
      .set(
        row.requester === actor.id
          ? { requesterFollowUp: options.followUp }
          : { inviteeFollowUp: options.followUp },
      )
      .where(eq(partneringBookings.id, row.id));
  });
}

const agendaRow = z.object({
  id: z.string(),
  slot_start: z.coerce.date(),
  table_number: z.coerce.number().nullable(),
  call_url: z.string(),
  other_id: z.string(),
  other_name: z.string(),
  other_organisation: z.string().nullable(),
  mine: z.boolean().nullable(),
  theirs: z.boolean().nullable(),
});

export type AgendaItem = {
  id: string;
  slotStart: Date;
  slotEnd: Date;
  tableNumber: number | null;
  callUrl: string;
  other: { id: string; name: string; organisation: string | null };
  myFollowUp: boolean | null;
  bothFollowUp: boolean;
};

/** A person's booked meetings of the day in time order (through their holds). */
export async function agenda(
  day: PartneringDay,
  userId: string,
  db: Db = getDb(),
): Promise<AgendaItem[]> {
  const rows = await queryParsed(
    agendaRow,
    sql`select b.id, b.slot_start, b.table_number, b.call_url,
          case when b.requester = ${userId}::uuid then b.invitee else b.requester end as other_id,
          u.display_name as other_name, o.name as other_organisation,
          case when b.requester = ${userId}::uuid then b.requester_follow_up else b.invitee_follow_up end as mine,
          case when b.requester = ${userId}::uuid then b.invitee_follow_up else b.requester_follow_up end as theirs
        from partnering_holds h
        join partnering_bookings b on b.id = h.booking_id
        join users u on u.id = case when b.requester = ${userId}::uuid then b.invitee else b.requester end
        left join partnering_participants p on p.day_id = b.day_id and p.user_id = u.id
        left join organisations o on o.id = p.organisation_id
        where h.user_id = ${userId}::uuid and h.day_id = ${day.id}::uuid and b.status = 'booked'
        order by h.slot_start`,
    db,
  );
  return rows.map((r) => ({
    id: r.id,
    slotStart: r.slot_start,
    slotEnd: new Date(r.slot_start.getTime() + day.slotMinutes * 60_000),
    tableNumber: r.table_number,
    callUrl: r.call_url,
    other: { id: r.other_id, name: r.other_name, organisation: r.other_organisation },
    myFollowUp: r.mine,
    bothFollowUp: r.mine === true && r.theirs === true,
  }));
}

/** The whole agenda as one calendar file (UTC times); labels come translated from the page. */
export function agendaCalendar(
  ctx: DayContext,
  items: AgendaItem[],
  labels: { title: (name: string) => string; table: (n: number) => string },
): string {
  const page = `${getEnv().PUBLIC_URL}/events/${ctx.event.id}/partnering/agenda`;
  const entries: CalendarEvent[] = items.map((item) => ({
    id: `partnering-${item.id}`,
    title: labels.title(item.other.name),
    description: ctx.event.title,
    location: item.tableNumber !== null ? labels.table(item.tableNumber) : "",
    url: item.callUrl || page,
    timeZone: "UTC",
    utc: true,
    startsAt: item.slotStart,
    endsAt: item.slotEnd,
    sequence: 0,
    updatedAt: item.slotStart,
    cancelled: false,
  }));
  return calendarFile(entries, ctx.event.title);
}

/** Whether an event has a partnering day (the event page links to it). */
export async function hasPartneringDay(eventId: string, db: Db = getDb()): Promise<boolean> {
  if (!isUuid(eventId)) return false;
  const [row] = await queryParsed(
    z.object({ found: z.boolean() }),
    sql`select exists (select 1 from partnering_days where event_id = ${eventId}::uuid) as found`,
    db,
  );
  return row?.found ?? false;
}
