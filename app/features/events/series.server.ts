import { and, asc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { eventRsvps, eventSeries, events, networkMembers, type SeriesMaster } from "~/db/schema";
import type { NetworkSubject } from "~/features/networks/rules";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { createOnce } from "~/lib/create-once.server";
import { conflict, invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Decision, Person } from "~/lib/policy";
import { instantFromWallClock, NonexistentWallClock, wallClockAt } from "~/lib/time-zones";
import {
  cancelEventIn,
  columnsOf,
  type EventRow,
  type RsvpStatus,
  touchSeries,
  updateEventIn,
} from "./events.server";
import { formatRule, parseRule, type RecurrenceRule } from "./recurrence";
import { whenOf } from "./reminders.server";
import { eventPolicy } from "./rules";
import type { EventInput } from "./schema";
import { occurrenceInput, type SeriesPlan } from "./series-form";
import type { SeriesView } from "./ui/series-block";

/**
 * Recurring series (decision 017): one event_series row and one events row per occurrence,
 * made, changed and ended in single transactions. Changing the series goes through
 * updateEventIn / cancelEventIn for each occurrence, so notifications, the waiting list and
 * reminders behave exactly as for a single event.
 */

export type SeriesRow = typeof eventSeries.$inferSelect;

const short = (title: string) =>
  title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;

function masterOf(rule: RecurrenceRule, first: EventInput, sequence: number): SeriesMaster {
  return {
    rule: formatRule(rule),
    start: first.startsAt.toISOString(),
    timeZone: first.timeZone,
    durationMinutes: Math.round((first.endsAt.getTime() - first.startsAt.getTime()) / 60_000),
    sequence,
  };
}

/**
 * Creates a series and all its occurrences (once per submission key: a form sent twice makes
 * one series). Members are told once, of the series, with a link to its first occurrence.
 * Returns the first occurrence's id.
 */
export async function createSeries(options: {
  decision: Decision<"create", NetworkSubject, Person>;
  plan: SeriesPlan;
  submissionKey?: string;
}): Promise<{ seriesId: string; firstEventId: string }> {
  const { decision, plan } = options;
  const networkId = decision.resource.id;
  const master = masterOf(plan.rule, plan.first, 0);
  const { id } = await createOnce({
    target: {
      table: eventSeries,
      id: eventSeries.id,
      owner: eventSeries.createdBy,
      key: eventSeries.submissionKey,
    },
    ownerId: decision.actor.id,
    submissionKey: options.submissionKey,
    values: () => ({
      networkId,
      createdBy: decision.actor.id,
      rule: master.rule,
      timeZone: master.timeZone,
      startsAt: plan.first.startsAt,
      durationMinutes: master.durationMinutes,
    }),
    alsoWrite: async (tx, seriesId) => {
      const rows = await tx
        .insert(events)
        .values(
          plan.starts.map((start) => ({
            ...columnsOf(occurrenceInput(plan.first, start)),
            networkId,
            createdBy: decision.actor.id,
            seriesId,
            recurrenceId: start,
            seriesMaster: master,
          })),
        )
        .returning({ id: events.id, startsAt: events.startsAt });
      const first = rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())[0];
      const members = await tx
        .select({ id: networkMembers.userId })
        .from(networkMembers)
        .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.status, "active")));
      await notify(tx, {
        kind: "event.created",
        recipientIds: members.map((m) => m.id),
        actorId: decision.actor.id,
        networkId,
        groupKey: `network:${networkId}`,
        sourceKey: `event-series:${seriesId}`,
        data: {
          eventId: first.id,
          networkId,
          title: short(plan.first.title),
          ...whenOf({ startsAt: first.startsAt, timeZone: plan.first.timeZone }),
        },
      });
    },
  });
  const [first] = await getDb()
    .select({ id: events.id })
    .from(events)
    .where(eq(events.seriesId, id))
    .orderBy(asc(events.recurrenceId))
    .limit(1);
  return { seriesId: id, firstEventId: first.id };
}

/** A series and its occurrences (in order), for an occurrence's page. */
export async function getSeries(
  networkId: string,
  seriesId: string,
): Promise<{ series: SeriesRow; occurrences: EventRow[] } | null> {
  if (!isUuid(seriesId)) return null;
  const [series] = await getDb()
    .select()
    .from(eventSeries)
    .where(and(eq(eventSeries.id, seriesId), eq(eventSeries.networkId, networkId)));
  if (!series) return null;
  const occurrences = await getDb()
    .select()
    .from(events)
    .where(eq(events.seriesId, seriesId))
    .orderBy(asc(events.recurrenceId));
  return { series, occurrences };
}

/** Locks the series an occurrence belongs to (404 when the event is not an occurrence here). */
async function lockSeriesOf(tx: Db, networkId: string, eventId: string) {
  if (!isUuid(eventId)) throw notFound("events.notFound");
  const [event] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.networkId, networkId)));
  if (!event?.seriesId) throw notFound("events.notFound");
  const [series] = await tx
    .select()
    .from(eventSeries)
    .where(eq(eventSeries.id, event.seriesId))
    .for("update");
  if (!series) throw notFound("events.notFound");
  return { event, series };
}

/**
 * Changes the whole series from now on (facilitators): title, description, place, language,
 * capacity, time of day and length (from the typed start and end; each occurrence keeps its
 * date). Applies to every occurrence that has not started, is not cancelled and was not
 * changed on its own, one after the other through updateEventIn in one transaction: people
 * going to a moved occurrence are told and their reminders planned again. Returns how many
 * occurrences changed.
 */
export async function updateSeries(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  input: EventInput;
  now?: Date;
}): Promise<number> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const { series } = await lockSeriesOf(tx, options.network.id, options.eventId);
    eventPolicy.authorize(options.actor, "create", options.network);
    if (series.cancelledAt) throw conflict("events.isCancelled");
    const zone = series.timeZone;
    const typed = wallClockAt(options.input.startsAt, options.input.timeZone);
    const length = options.input.endsAt.getTime() - options.input.startsAt.getTime();
    const deadlineBefore = options.input.rsvpDeadline
      ? options.input.startsAt.getTime() - options.input.rsvpDeadline.getTime()
      : null;
    const ahead = await tx
      .select()
      .from(events)
      .where(
        and(
          eq(events.seriesId, series.id),
          eq(events.detached, false),
          isNull(events.cancelledAt),
          gt(events.startsAt, now),
        ),
      )
      .orderBy(asc(events.recurrenceId));
    if (ahead.length === 0) throw conflict("events.series.nothingAhead");
    for (const row of ahead) {
      const day = wallClockAt(row.recurrenceId ?? row.startsAt, zone);
      let startsAt: Date;
      try {
        startsAt = instantFromWallClock(
          { ...day, hour: typed.hour, minute: typed.minute, second: 0 },
          zone,
          "reject",
        );
      } catch (error) {
        if (error instanceof NonexistentWallClock) {
          throw invalid("events.series.timeSkipped", "startsAt");
        }
        startsAt = instantFromWallClock(
          { ...day, hour: typed.hour, minute: typed.minute, second: 0 },
          zone,
          "earlier",
        );
      }
      if (startsAt.getTime() <= now.getTime()) throw invalid("events.startInPast", "startsAt");
      await updateEventIn(tx, {
        actor: options.actor,
        network: options.network,
        eventId: row.id,
        now,
        detach: false,
        input: {
          ...options.input,
          timeZone: zone,
          startsAt,
          endsAt: new Date(startsAt.getTime() + length),
          rsvpDeadline:
            deadlineBefore === null ? null : new Date(startsAt.getTime() - deadlineBefore),
        },
      });
    }
    await touchSeries(tx, series.id, now);
    return ahead.length;
  });
}

/**
 * Ends a series (facilitators): "after" this occurrence (later ones are cancelled and the
 * rule gets this occurrence's start as its UNTIL), or "all" (the whole series is cancelled:
 * every occurrence that has not started). Everyone answering a cancelled occurrence is told.
 * Returns how many occurrences were cancelled.
 */
export async function endSeries(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  mode: "after" | "all";
  now?: Date;
}): Promise<number> {
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const { event, series } = await lockSeriesOf(tx, options.network.id, options.eventId);
    eventPolicy.authorize(options.actor, "create", options.network);
    if (series.cancelledAt) throw conflict("events.isCancelled");
    const from = options.mode === "after" ? (event.recurrenceId ?? event.startsAt) : null;
    const doomed = await tx
      .select({ id: events.id })
      .from(events)
      .where(
        and(
          eq(events.seriesId, series.id),
          isNull(events.cancelledAt),
          gt(events.startsAt, now),
          from ? gt(events.recurrenceId, from) : sql`true`,
        ),
      )
      .orderBy(asc(events.recurrenceId));
    if (doomed.length === 0 && options.mode === "after") {
      throw conflict("events.series.nothingAhead");
    }
    for (const row of doomed) {
      await cancelEventIn(tx, {
        actor: options.actor,
        network: options.network,
        eventId: row.id,
        now,
      });
    }
    if (options.mode === "after" && from) {
      const parsed = series.rule.replace(/;(COUNT|UNTIL)=[^;]*/g, "");
      const until = from
        .toISOString()
        .replace(/[-:]/g, "")
        .replace(/\.\d{3}/, "");
      await touchSeries(tx, series.id, now, { rule: `${parsed};UNTIL=${until}` });
    } else {
      await touchSeries(tx, series.id, now, { cancelled: true });
    }
    return doomed.length;
  });
}

/** The series block of an occurrence's page (null for a single event). */
export async function seriesView(
  event: EventRow,
  canManage: boolean,
  now = new Date(),
): Promise<SeriesView | null> {
  if (!event.seriesId) return null;
  const found = await getSeries(event.networkId, event.seriesId);
  if (!found) return null;
  const parsed = parseRule(found.series.rule);
  if ("error" in parsed) return null;
  return {
    rule: { freq: parsed.rule.freq, interval: parsed.rule.interval, byDay: parsed.rule.byDay },
    occurrences: found.occurrences.map((o) => ({
      id: o.id,
      startsAt: o.startsAt.toISOString(),
      cancelled: o.cancelledAt !== null,
      detached: o.detached,
      current: o.id === event.id,
      upcoming: o.endsAt.getTime() > now.getTime(),
    })),
    detached: event.detached,
    canManage: canManage && found.series.cancelledAt === null,
  };
}

/** The viewer's answers to several events at once (event id → status; none for anonymous). */
export async function answersTo(
  eventIds: readonly string[],
  userId: string | null,
): Promise<Map<string, RsvpStatus>> {
  if (!userId || eventIds.length === 0) return new Map();
  const found = await getDb()
    .select({ eventId: eventRsvps.eventId, status: eventRsvps.status })
    .from(eventRsvps)
    .where(and(eq(eventRsvps.userId, userId), inArray(eventRsvps.eventId, [...eventIds])));
  return new Map(found.map((r) => [r.eventId, r.status]));
}
