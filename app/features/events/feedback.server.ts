import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { feedbackNextSteps } from "~/db/enums";

import { eventFeedback, events } from "~/db/schema";
import type { NetworkSubject } from "~/features/networks/rules";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { defineJob, enqueue } from "~/lib/jobs.server";
import type { Person } from "~/lib/policy";
import { attendancePolicy } from "./attendance-rules";

/**
 * Feedback after an event (decision 017): who is asked, the durable job that asks them at the
 * event's end, the form's answers and the results facilitators see.
 *
 * Who counts as an attendee: the people checked in (members; walk-ins known only by name have
 * no account to answer with). When nobody was checked in at all, attendance was not taken, and
 * the people going count instead.
 */

const short = (title: string) =>
  title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;

const payload = z.object({
  eventId: z.uuid(),
  /** The end the request was planned for: a moved event plans again, this one then steps aside. */
  endsAt: z.iso.datetime(),
});

/**
 * Plans the feedback request of an event at its end, in the caller's transaction. The job key
 * is event + end: planning again (every answer "going", every check-in) queues nothing more.
 */
export async function planFeedbackRequest(
  tx: Db,
  event: { id: string; endsAt?: Date },
  now: Date,
): Promise<void> {
  let endsAt = event.endsAt;
  if (!endsAt) {
    const [row] = await tx
      .select({ endsAt: events.endsAt })
      .from(events)
      .where(eq(events.id, event.id));
    if (!row) return;
    endsAt = row.endsAt;
  }
  const end = endsAt.toISOString();
  await enqueue(
    "events.feedback",
    { eventId: event.id, endsAt: end },
    {
      key: `${event.id}:${end}`,
      tx,
      startAfter: new Date(Math.max(endsAt.getTime(), now.getTime())),
    },
  );
}

/** The people asked for feedback: those checked in, or those going when nobody was. */
async function attendeeIds(tx: Db, eventId: string): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ id: z.string() }),
    sql`select a.user_id as id from event_attendance a
          where a.event_id = ${eventId} and a.user_id is not null
        union
        select r.user_id from event_rsvps r
          where r.event_id = ${eventId} and r.status = 'going'
            and not exists (select 1 from event_attendance x where x.event_id = ${eventId})`,
    tx,
  );
  return rows.map((r) => r.id);
}

/** Whether this person may answer the event's feedback form (see attendeeIds). */
export async function isAttendee(eventId: string, userId: string, db: Db = getDb()) {
  const rows = await queryParsed(
    z.object({ ok: z.boolean() }),
    sql`select exists (select 1 from event_attendance a
             where a.event_id = ${eventId} and a.user_id = ${userId})
           or (not exists (select 1 from event_attendance x where x.event_id = ${eventId})
             and exists (select 1 from event_rsvps r where r.event_id = ${eventId}
               and r.user_id = ${userId} and r.status = 'going')) as ok`,
    db,
  );
  return rows[0]?.ok === true;
}

async function notifyFeedback(
  tx: Db,
  event: { id: string; networkId: string; title: string },
  recipientIds: string[],
) {
  return notify(tx, {
    kind: "event.feedback",
    recipientIds,
    actorId: null,
    networkId: event.networkId,
    groupKey: `event:${event.id}`,
    // One request per person and event, whichever path (job, late check-in) gets there first.
    sourceKey: `event-feedback:${event.id}`,
    data: { eventId: event.id, networkId: event.networkId, title: short(event.title) },
  });
}

/** Someone checked in after the requests went out is asked too (same source key: once). */
export async function notifyLateAttendee(
  tx: Db,
  event: { id: string; networkId: string; title: string; cancelledAt: Date | null },
  userId: string,
) {
  if (event.cancelledAt) return;
  await notifyFeedback(tx, event, [userId]);
}

/**
 * Sends the feedback requests of an event whose end has come (kind "event.feedback"). An event
 * moved since the job was planned plans again for its new end and stops here; a cancelled one
 * sends nothing. Safe to run twice: the notification's source key.
 */
export async function sendFeedbackRequests(
  data: z.infer<typeof payload>,
  now = new Date(),
): Promise<number> {
  return getDb().transaction(async (tx) => {
    const [event] = await tx
      .select({
        id: events.id,
        networkId: events.networkId,
        title: events.title,
        endsAt: events.endsAt,
        cancelledAt: events.cancelledAt,
      })
      .from(events)
      .where(eq(events.id, data.eventId));
    if (!event || event.cancelledAt) return 0;
    if (event.endsAt.toISOString() !== data.endsAt) {
      await planFeedbackRequest(tx, event, now);
      return 0;
    }
    const sent = await notifyFeedback(tx, event, await attendeeIds(tx, event.id));
    return sent.length;
  });
}

export const eventFeedbackJob = defineJob({
  name: "events.feedback",
  payload,
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 120,
  batchSize: 5,
  pollingIntervalSeconds: 5,
  async handle(data) {
    await sendFeedbackRequests(data);
  },
});

/** The feedback form as typed: relevance 1–5, an optional "what next" choice and texts. */
export const feedbackFormSchema = z.object({
  relevance: z
    .string()
    .trim()
    .regex(/^[1-5]$/, "events.feedback.relevanceInvalid")
    .transform(Number),
  nextStep: z
    .string()
    .default("")
    .refine(
      (v) => v === "" || (feedbackNextSteps as readonly string[]).includes(v),
      "events.feedback.nextStepInvalid",
    )
    .transform((v) => (v === "" ? null : (v as (typeof feedbackNextSteps)[number]))),
  nextText: z.string().trim().max(500, "events.feedback.textTooLong").default(""),
  comment: z.string().trim().max(2000, "events.feedback.textTooLong").default(""),
});
export type FeedbackInput = z.output<typeof feedbackFormSchema>;

/**
 * Saves the actor's feedback (one row per person and event; sending again changes it), for an
 * attendee while the form is open.
 */
export async function saveFeedback(options: {
  actor: Person;
  network: NetworkSubject;
  eventId: string;
  input: FeedbackInput;
  now?: Date;
}): Promise<void> {
  const now = options.now ?? new Date();
  if (!isUuid(options.eventId)) throw notFound("events.notFound");
  await getDb().transaction(async (tx) => {
    const [event] = await tx
      .select()
      .from(events)
      .where(and(eq(events.id, options.eventId), eq(events.networkId, options.network.id)));
    if (!event) throw notFound("events.notFound");
    attendancePolicy.authorize(options.actor, "giveFeedback", {
      network: options.network,
      cancelled: event.cancelledAt !== null,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      now,
      attended: await isAttendee(event.id, options.actor.id, tx),
    });
    const values = {
      relevance: options.input.relevance,
      nextStep: options.input.nextStep,
      nextText: options.input.nextText,
      comment: options.input.comment,
      updatedAt: now,
    };
    await tx
      .insert(eventFeedback)
      .values({ eventId: event.id, userId: options.actor.id, ...values, createdAt: now })
      .onConflictDoUpdate({ target: [eventFeedback.eventId, eventFeedback.userId], set: values });
  });
}

/** The person's own feedback on the event (to show the form filled in), or null. */
export async function myFeedback(eventId: string, userId: string) {
  const [row] = await getDb()
    .select({
      relevance: eventFeedback.relevance,
      nextStep: eventFeedback.nextStep,
      nextText: eventFeedback.nextText,
      comment: eventFeedback.comment,
    })
    .from(eventFeedback)
    .where(and(eq(eventFeedback.eventId, eventId), eq(eventFeedback.userId, userId)));
  return row ?? null;
}

const answerRow = z.object({
  relevance: z.number(),
  next_step: z.enum(feedbackNextSteps).nullable(),
  next_text: z.string(),
  comment: z.string(),
  updated_at: z.coerce.date(),
});
export type FeedbackAnswer = z.infer<typeof answerRow>;

/**
 * The event's feedback for its facilitators: the answers without names (people are told so on
 * the form), the average relevance, how many gave each mark and chose each next step.
 */
export async function feedbackResults(eventId: string) {
  const answers = await queryParsed(
    answerRow,
    sql`select relevance, next_step, next_text, comment, updated_at
        from event_feedback where event_id = ${eventId}
        order by updated_at desc, user_id
        limit 5000`,
  );
  const distribution = [1, 2, 3, 4, 5].map((mark) => ({
    mark,
    count: answers.filter((a) => a.relevance === mark).length,
  }));
  const nextSteps = feedbackNextSteps.map((step) => ({
    step,
    count: answers.filter((a) => a.next_step === step).length,
  }));
  const average =
    answers.length === 0 ? null : answers.reduce((s, a) => s + a.relevance, 0) / answers.length;
  return { count: answers.length, average, distribution, nextSteps, answers };
}
