import { and, asc, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { eventRsvps, eventSeries, events, networkMembers } from "~/db/schema";
import { refreshNeeds } from "~/features/needs/weight.server";
import type { NetworkSubject } from "~/features/networks/rules";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { fieldVisibleSql, type Viewer } from "~/features/profiles/policy.server";
import { authorAsSeen } from "~/features/profiles/visitors";
import { createOnce } from "~/lib/create-once.server";
import { conflict, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Decision, Person } from "~/lib/policy";
import { planReminders, whenOf } from "./reminders.server";
import { type EventSubject, eventPolicy, type RsvpAnswer } from "./rules";
import { type EventInput, MAX_EVENT_DAYS } from "./schema";

export type EventRow = typeof events.$inferSelect;
export type RsvpStatus = (typeof eventRsvps.$inferSelect)["status"];

const short = (title: string) =>
  title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;

export function columnsOf(input: EventInput) {
  return {
    title: input.title,
    description: input.description,
    kind: input.kind,
    // A field that the kind does not use is not kept (an online event has no venue).
    venue: input.kind === "online" ? "" : input.venue,
    address: input.kind === "online" ? "" : input.address,
    mapUrl: input.kind === "online" ? "" : input.mapUrl,
    meetingUrl: input.kind === "in_person" ? "" : input.meetingUrl,
    timeZone: input.timeZone,
    startsAt: input.startsAt,
    endsAt: input.endsAt,
    language: input.language,
    capacity: input.capacity,
    rsvpDeadline: input.rsvpDeadline,
  };
}

async function activeMemberIds(tx: Db, networkId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: networkMembers.userId })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")));
  return rows.map((r) => r.id);
}

/**
 * Creates an event (once per submission key); the network's members are told in the same
 * transaction (kind "event.created"; email per their choices).
 */
export async function createEvent(options: {
  decision: Decision<"create", NetworkSubject, Person>;
  input: EventInput;
  submissionKey?: string;
}): Promise<{ id: string }> {
  const { decision, input } = options;
  const networkId = decision.resource.id;
  const { id } = await createOnce({
    target: { table: events, id: events.id, owner: events.createdBy, key: events.submissionKey },
    ownerId: decision.actor.id,
    submissionKey: options.submissionKey,
    values: () => ({ ...columnsOf(input), networkId, createdBy: decision.actor.id }),
    alsoWrite: async (tx, eventId) => {
      await notify(tx, {
        kind: "event.created",
        recipientIds: await activeMemberIds(tx, networkId),
        actorId: decision.actor.id,
        networkId,
        groupKey: `network:${networkId}`,
        sourceKey: `event:${eventId}`,
        data: { eventId, networkId, title: short(input.title), ...whenOf(input) },
      });
    },
  });
  return { id };
}

/** The event, or null when the id is not one (or belongs to another network). */
export async function getEvent(networkId: string, eventId: string): Promise<EventRow | null> {
  if (!isUuid(eventId)) return null;
  const [row] = await getDb()
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.networkId, networkId)));
  return row ?? null;
}

/** The rules' view of an event row for one actor's access to its network. */
export function eventSubject(
  network: NetworkSubject,
  row: EventRow,
  now = new Date(),
): EventSubject {
  return {
    network,
    cancelled: row.cancelledAt !== null,
    startsAt: row.startsAt,
    rsvpDeadline: row.rsvpDeadline,
    now,
  };
}

/** The event row, locked for the rest of the transaction (404 unless it is in the network). */
export async function lockEvent(tx: Db, networkId: string, eventId: string): Promise<EventRow> {
  if (!isUuid(eventId)) throw notFound("events.notFound");
  const [row] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.networkId, networkId)))
    .for("update");
  if (!row) throw notFound("events.notFound");
  return row;
}

async function peopleAnswered(tx: Db, eventId: string, statuses: RsvpStatus[]) {
  const rows = await tx
    .select({ id: eventRsvps.userId, status: eventRsvps.status })
    .from(eventRsvps)
    .where(
      and(
        eq(eventRsvps.eventId, eventId),
        sql`${eventRsvps.status} in (${sql.join(
          statuses.map((s) => sql`${s}`),
          sql`, `,
        )})`,
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * Moves people from the waiting list to "going" while seats are free, first come first served,
 * under the event's lock (the caller holds it). Each promoted person is told ("event.promoted",
 * by email at once unless they chose otherwise).
 */
async function promoteWaiting(tx: Db, event: EventRow, goingCount: number, now: Date) {
  const free = event.capacity === null ? Number.MAX_SAFE_INTEGER : event.capacity - goingCount;
  if (free <= 0) return goingCount;
  const waiting = await tx
    .select({ userId: eventRsvps.userId })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.status, "waiting")))
    .orderBy(asc(eventRsvps.answeredAt), asc(eventRsvps.userId))
    .limit(Math.min(free, 10_000));
  if (waiting.length === 0) return goingCount;
  const ids = waiting.map((w) => w.userId);
  await tx
    .update(eventRsvps)
    .set({ status: "going", answeredAt: now })
    .where(
      and(
        eq(eventRsvps.eventId, event.id),
        sql`${eventRsvps.userId} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`,
      ),
    );
  await planReminders(tx, event, ids, now);
  await notify(tx, {
    kind: "event.promoted",
    recipientIds: ids,
    actorId: null,
    networkId: event.networkId,
    groupKey: `event:${event.id}`,
    sourceKey: `event-promoted:${event.id}:${now.toISOString()}`,
    data: {
      eventId: event.id,
      networkId: event.networkId,
      title: short(event.title),
      ...whenOf(event),
    },
  });
  return goingCount + ids.length;
}

/**
 * Answers an event for the actor, under the event's row lock: two people pressing "going" for
 * the last seat are served one after the other, so exactly one gets it and the other joins the
 * waiting list. Leaving "going" frees the seat for the first on the waiting list. Returns the
 * status the person now has ("waiting" when "going" found the event full).
 */
export async function answerEvent(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  answer: RsvpAnswer;
  now?: Date;
}): Promise<RsvpStatus> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const event = await lockEvent(tx, options.network.id, options.eventId);
    eventPolicy.authorize(options.actor, "rsvp", {
      ...eventSubject(options.network, event, now),
      answer: options.answer,
    });
    const [current] = await tx
      .select({ status: eventRsvps.status })
      .from(eventRsvps)
      .where(and(eq(eventRsvps.eventId, event.id), eq(eventRsvps.userId, options.actor.id)));
    const before = current?.status ?? null;
    // Asking again for what one has (or "going" while waiting) keeps one's place.
    if (before === options.answer || (options.answer === "going" && before === "waiting")) {
      return before;
    }
    let going = event.goingCount;
    let status: RsvpStatus = options.answer;
    if (options.answer === "going") {
      if (event.capacity !== null && going >= event.capacity) status = "waiting";
      else going += 1;
    }
    if (before === "going") going -= 1;
    await tx
      .insert(eventRsvps)
      .values({ eventId: event.id, userId: options.actor.id, status, answeredAt: now })
      .onConflictDoUpdate({
        target: [eventRsvps.eventId, eventRsvps.userId],
        set: { status, answeredAt: now },
      });
    if (status === "going") await planReminders(tx, event, [options.actor.id], now);
    if (before === "going") going = await promoteWaiting(tx, event, going, now);
    if (going !== event.goingCount) {
      await tx.update(events).set({ goingCount: going }).where(eq(events.id, event.id));
    }
    return status;
  });
}

/** Whether the time or place changed in a way people going must hear about. */
function changedForAttendees(before: EventRow, after: ReturnType<typeof columnsOf>): boolean {
  return (
    before.startsAt.getTime() !== after.startsAt.getTime() ||
    before.endsAt.getTime() !== after.endsAt.getTime() ||
    before.venue !== after.venue ||
    before.address !== after.address ||
    before.kind !== after.kind ||
    before.meetingUrl !== after.meetingUrl
  );
}

/**
 * Saves changes to an event (facilitators, before it starts). The SEQUENCE grows; a capacity
 * below the people already going is refused; a larger one moves the waiting list up. A change
 * of time or place is told to everyone going or waiting ("event.changed"). An occurrence of a
 * series changed on its own is marked detached: later changes to the series leave it alone.
 */
export async function updateEvent(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  input: EventInput;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  await getDb().transaction((tx) => updateEventIn(tx, { ...options, now, detach: true }));
}

/** updateEvent's work inside the caller's transaction (a series changes many occurrences in one). */
export async function updateEventIn(
  tx: Db,
  options: {
    actor: Person;
    network: NetworkSubject;
    eventId: string;
    input: EventInput;
    now: Date;
    /** Mark an occurrence of a series as changed on its own. */
    detach: boolean;
  },
): Promise<void> {
  const { now } = options;
  const event = await lockEvent(tx, options.network.id, options.eventId);
  eventPolicy.authorize(options.actor, "manage", eventSubject(options.network, event, now));
  const values = columnsOf(options.input);
  if (values.capacity !== null && values.capacity < event.goingCount) {
    throw conflict("events.capacityBelowGoing", "capacity");
  }
  const sequence = event.sequence + 1;
  const detached = event.detached || (options.detach && event.seriesId !== null);
  await tx
    .update(events)
    .set({ ...values, sequence, detached, updatedAt: now })
    .where(eq(events.id, event.id));
  const going = await promoteWaiting(tx, { ...event, ...values }, event.goingCount, now);
  if (going !== event.goingCount) {
    await tx.update(events).set({ goingCount: going }).where(eq(events.id, event.id));
  }
  if (event.startsAt.getTime() !== values.startsAt.getTime()) {
    // Reminders planned for the old start skip themselves; plan them for the new one.
    const goingNow = await peopleAnswered(tx, event.id, ["going"]);
    await planReminders(tx, { id: event.id, startsAt: values.startsAt }, goingNow, now);
  }
  // Needs answered with this event may gain or lose it (its language, kind or dates changed).
  await refreshNeeds(tx, { eventId: event.id });
  if (changedForAttendees(event, values)) {
    await notify(tx, {
      kind: "event.changed",
      recipientIds: await peopleAnswered(tx, event.id, ["going", "waiting"]),
      actorId: options.actor.id,
      networkId: event.networkId,
      groupKey: `event:${event.id}`,
      sourceKey: `event-changed:${event.id}:${sequence}`,
      data: {
        eventId: event.id,
        networkId: event.networkId,
        title: short(values.title),
        ...whenOf(values),
      },
    });
  }
}

/** Cancels an event (facilitators, before it starts); everyone going, waiting or maybe is told. */
export async function cancelEvent(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const event = await cancelEventIn(tx, { ...options, now });
    // A cancelled occurrence becomes an EXDATE of its series' master: the master changed.
    if (event.seriesId) await touchSeries(tx, event.seriesId, now);
  });
}

/** cancelEvent's work inside the caller's transaction; returns the row as it was. */
export async function cancelEventIn(
  tx: Db,
  options: { actor: Person; network: NetworkSubject; eventId: string; now: Date },
): Promise<EventRow> {
  const { now } = options;
  const event = await lockEvent(tx, options.network.id, options.eventId);
  eventPolicy.authorize(options.actor, "manage", eventSubject(options.network, event, now));
  const sequence = event.sequence + 1;
  await tx
    .update(events)
    .set({ cancelledAt: now, sequence, updatedAt: now })
    .where(eq(events.id, event.id));
  // A cancelled event no longer answers the needs it was offered for (decision 018).
  await refreshNeeds(tx, { eventId: event.id });
  await notify(tx, {
    kind: "event.cancelled",
    recipientIds: await peopleAnswered(tx, event.id, ["going", "waiting", "maybe"]),
    actorId: options.actor.id,
    networkId: event.networkId,
    groupKey: `event:${event.id}`,
    sourceKey: `event-cancelled:${event.id}`,
    data: {
      eventId: event.id,
      networkId: event.networkId,
      title: short(event.title),
      ...whenOf(event),
    },
  });
  return event;
}

/**
 * Bumps a series' SEQUENCE (and its rule, when given) and copies both into every occurrence's
 * master, so the calendar file written from any of its rows agrees. Under the series' row lock.
 */
export async function touchSeries(
  tx: Db,
  seriesId: string,
  now: Date,
  changes: { rule?: string; cancelled?: boolean } = {},
): Promise<void> {
  const [series] = await tx
    .update(eventSeries)
    .set({
      sequence: sql`${eventSeries.sequence} + 1`,
      updatedAt: now,
      ...(changes.rule ? { rule: changes.rule } : {}),
      ...(changes.cancelled ? { cancelledAt: now } : {}),
    })
    .where(eq(eventSeries.id, seriesId))
    .returning({ sequence: eventSeries.sequence, rule: eventSeries.rule });
  if (!series) return;
  await tx
    .update(events)
    .set({
      seriesMaster: sql`${events.seriesMaster} || ${JSON.stringify({
        sequence: series.sequence,
        rule: series.rule,
      })}::jsonb`,
    })
    .where(eq(events.seriesId, seriesId));
}

/** The viewer's own answer to an event (null: none). */
export async function myAnswer(eventId: string, userId: string | null): Promise<RsvpStatus | null> {
  if (!userId) return null;
  const [row] = await getDb()
    .select({ status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.eventId, eventId), eq(eventRsvps.userId, userId)));
  return row?.status ?? null;
}

const attendeeRow = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(["going", "waiting", "maybe"]),
  headline: z.string().nullable(),
});
export type Attendee = z.infer<typeof attendeeRow>;

/**
 * Who is going, waiting or maybe (for people who may read the network): names as the members
 * list shows them, the headline only where the person's profile lets this viewer see it.
 * The waiting list in its order; at most `limit` per status.
 */
export async function listAttendees(eventId: string, viewer: Viewer, limit = 200) {
  // Members only (decision 026): a visitor sees the counts, never who is coming.
  if (viewer.sight === "nothing") return [];
  const rows = await queryParsed(
    attendeeRow,
    sql`select * from (
          select u.id, u.display_name as name, r.status,
            case when ${fieldVisibleSql(viewer, "headline")} then u.headline end as headline,
            row_number() over (partition by r.status order by r.answered_at, u.id) as n
          from event_rsvps r join users u on u.id = r.user_id
          where r.event_id = ${eventId} and r.status in ('going', 'waiting', 'maybe')
        ) t where n <= ${limit}
        order by case status when 'going' then 0 when 'waiting' then 1 else 2 end, n`,
  );
  // Names only: no link to a profile either (`linked`).
  return rows.map((r) => ({ ...r, linked: authorAsSeen(viewer.sight, r).linked }));
}

const listedEvent = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["in_person", "online", "hybrid"]),
  venue: z.string(),
  time_zone: z.string(),
  starts_at: z.coerce.date(),
  ends_at: z.coerce.date(),
  capacity: z.number().nullable(),
  going_count: z.number(),
  cancelled: z.boolean(),
  in_series: z.boolean(),
});
export type ListedEvent = z.infer<typeof listedEvent>;

/**
 * A network's upcoming events (not yet ended, soonest first) or past ones (latest first), one
 * page of `limit`, read from the (network, starts_at) index. An event lasts at most
 * MAX_EVENT_DAYS (a CHECK says so), so the upcoming ones start after now minus that: the index
 * range begins there instead of at the network's first event (years of past events skipped
 * one by one otherwise); past ones started before now (their end is after their start), so the
 * backward scan starts at now rather than behind six months of upcoming events.
 */
export async function listNetworkEvents(
  networkId: string,
  when: "upcoming" | "past",
  now = new Date(),
  limit = 50,
) {
  const upcoming = when === "upcoming";
  return queryParsed(
    listedEvent,
    sql`select id, title, kind, venue, time_zone, starts_at, ends_at, capacity, going_count,
          cancelled_at is not null as cancelled, series_id is not null as in_series
        from events
        where network_id = ${networkId}
          and ${
            upcoming
              ? sql`ends_at > ${now} and starts_at > ${new Date(now.getTime() - MAX_EVENT_DAYS * 86_400_000)}`
              : sql`ends_at <= ${now} and starts_at < ${now}`
          }
        order by ${upcoming ? sql`starts_at asc, id asc` : sql`starts_at desc, id desc`}
        limit ${limit}`,
  );
}
