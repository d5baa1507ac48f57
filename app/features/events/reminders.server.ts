import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb } from "~/db/client.server";
import { eventRsvps, events } from "~/db/schema";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { defineJob, enqueue } from "~/lib/jobs.server";
import { getSecret } from "~/lib/secret.server";
import { checkInCode, checkInLink, formatCode } from "./check-in-codes.server";
import { planFeedbackRequest } from "./feedback.server";

/**
 * The start and the organiser's zone, carried in an event notification's data so that its mail
 * can give the time in the reader's own zone (and the organiser's).
 */
export function whenOf(event: { startsAt: Date; timeZone: string }) {
  return { startsAt: event.startsAt.toISOString(), timeZone: event.timeZone };
}

/** How long before the start each reminder goes out. */
export const REMINDER_OFFSETS = { "24h": 24 * 3_600_000, "1h": 3_600_000 } as const;
export type ReminderOffset = keyof typeof REMINDER_OFFSETS;

const payload = z.object({
  eventId: z.uuid(),
  userId: z.uuid(),
  offset: z.enum(["24h", "1h"]),
  /** The start the reminder was planned for: a moved event plans new ones, these then skip. */
  startsAt: z.iso.datetime(),
});

/**
 * Plans a person's reminders for an event, in the caller's transaction (they exist exactly
 * when the answer commits). The job key names event, person, offset and start time: planning
 * twice (a replayed answer, a restart) queues nothing new, and a moved event gets new keys.
 * A reminder whose moment has passed is not planned.
 */
export async function planReminders(
  tx: Db,
  event: { id: string; startsAt: Date },
  userIds: readonly string[],
  now: Date,
): Promise<void> {
  const startsAt = event.startsAt.toISOString();
  for (const userId of userIds) {
    for (const [offset, ms] of Object.entries(REMINDER_OFFSETS) as [ReminderOffset, number][]) {
      const due = event.startsAt.getTime() - ms;
      if (due <= now.getTime()) continue;
      await enqueue(
        "events.reminder",
        { eventId: event.id, userId, offset, startsAt },
        {
          key: `${event.id}:${userId}:${offset}:${startsAt}`,
          tx,
          startAfter: new Date(due),
        },
      );
    }
  }
  // Someone is going: the feedback request at the end is planned too (once per event and end).
  if (userIds.length > 0) await planFeedbackRequest(tx, { id: event.id }, now);
}

/**
 * Sends one reminder as a notification ("event.reminder"; email per the person's choice, at
 * once by default) if the person is still going, the event is not cancelled and still starts
 * when planned. The notification's source key makes a second run (a crash after the insert)
 * send nothing more.
 */
export async function sendReminder(data: z.infer<typeof payload>): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        networkId: events.networkId,
        title: events.title,
        kind: events.kind,
        startsAt: events.startsAt,
        timeZone: events.timeZone,
        cancelledAt: events.cancelledAt,
        status: eventRsvps.status,
      })
      .from(events)
      .innerJoin(
        eventRsvps,
        and(eq(eventRsvps.eventId, events.id), eq(eventRsvps.userId, data.userId)),
      )
      .where(eq(events.id, data.eventId));
    if (!row || row.cancelledAt || row.status !== "going") return false;
    if (row.startsAt.toISOString() !== data.startsAt) return false;
    const title =
      row.title.length > TITLE_MAX ? `${row.title.slice(0, TITLE_MAX - 1)}…` : row.title;
    const sent = await notify(tx, {
      kind: "event.reminder",
      recipientIds: [data.userId],
      actorId: null,
      networkId: row.networkId,
      groupKey: `event:${data.eventId}`,
      sourceKey: `event-reminder:${data.eventId}:${data.offset}:${data.startsAt}`,
      data: {
        eventId: data.eventId,
        networkId: row.networkId,
        title,
        ...whenOf(row),
        // The personal code for the door and the link its QR holds, which the mail shows.
        ...(row.kind === "online" ? {} : doorCode(row.networkId, data.eventId, data.userId)),
      },
    });
    return sent.length > 0;
  });
}

/** A person's check-in code for an event, typed form and the link its QR code holds. */
function doorCode(networkId: string, eventId: string, userId: string) {
  const code = checkInCode(getSecret(), eventId, userId);
  return { checkInCode: formatCode(code), checkInUrl: checkInLink(networkId, eventId, code) };
}

export const eventReminderJob = defineJob({
  name: "events.reminder",
  payload,
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 60,
  batchSize: 20,
  pollingIntervalSeconds: 5,
  async handle(data) {
    await sendReminder(data);
  },
});
