/**
 * Digests: one mail per person and period with what they chose to get "in the digest", grouped
 * by network, sent at their local hour. Two jobs:
 * - `notifications.digest-scan` (every minute, and whenever queued): finds the schedules that
 *   are due (`next_digest_at <= now()`, one index scan) and queues one `notifications.digest`
 *   job per person, keyed by person and due instant, so a scan repeated before the digests ran
 *   queues nothing new.
 * - `notifications.digest`: for one person, in one transaction: locks their schedule, takes every
 *   notification not read, not emailed and not digested whose kind they get in the digest, marks
 *   them digested, queues the mail, clears `next_digest_at` (the next notification sets it to
 *   the next period again). A worker killed in the middle rolls all of it back and the job runs
 *   again: nothing is sent twice, nobody is forgotten.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { defineJob, enqueueMany } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { sendMail } from "~/lib/mail.server";
import type { DigestTiming } from "./digest-schedule";
import { type MailedNotification, type Recipient, renderDigestMail } from "./email-render.server";
import type { DigestFrequency } from "./kinds";
import { effectiveChoiceSql } from "./preferences.server";

/** Due schedules read per query of a scan. */
const SCAN_PAGE = 2000;

/** The idempotency key of one person's digest for one due instant. */
export function digestKey(userId: string, dueAt: Date): string {
  return `digest:${userId}:${dueAt.toISOString()}`;
}

/**
 * Queues a digest job for every schedule due at `now`; returns how many schedules were due.
 * Keyset pages by person, so a scan of 100,000 due people holds no long transaction.
 */
export async function scanDueDigests(now: Date = new Date()): Promise<number> {
  const db = getDb();
  let after: string | null = null;
  let due = 0;
  for (;;) {
    const cursor: string | null = after;
    // Milliseconds are what a job's payload keeps of the instant; the job compares the same.
    const result = (await db.execute(sql`
      select user_id, date_trunc('milliseconds', next_digest_at) as due_at
      from digest_schedules
      where next_digest_at is not null and next_digest_at <= ${now.toISOString()}
        ${cursor ? sql`and user_id > ${cursor}` : sql``}
      order by user_id
      limit ${SCAN_PAGE}`)) as unknown as {
      rows: Array<{ user_id: string; due_at: string | Date }>;
    };
    const rows = result.rows;
    if (rows.length === 0) break;
    due += rows.length;
    await enqueueMany(
      "notifications.digest",
      rows.map((row) => {
        const dueAt = new Date(row.due_at);
        return {
          data: { userId: row.user_id, dueAt: dueAt.toISOString() },
          key: digestKey(row.user_id, dueAt),
        };
      }),
    );
    after = rows.at(-1)!.user_id;
    if (rows.length < SCAN_PAGE) break;
  }
  return due;
}

type ScheduleRow = Recipient & {
  frequency: DigestFrequency;
  hour: number;
  weekday: number;
  next_digest_at: string | Date | null;
  is_this_digest: boolean | null;
};

type PendingRow = {
  id: string;
  kind: string;
  group_key: string;
  actor_id: string | null;
  network_id: string | null;
  data: MailedNotification["data"];
  created_at: string | Date;
  actor_name: string | null;
  network_name: string | null;
};

/**
 * Sends one person's digest due at `dueAt`, if it is still due; safe to run twice (the second
 * run finds the schedule moved on). Returns whether a mail was queued.
 */
export async function sendDigest(options: { userId: string; dueAt: Date }): Promise<boolean> {
  const { userId, dueAt } = options;
  return getDb().transaction(async (tx) => {
    // A digest run is thousands of small transactions, each waiting for its WAL flush. Without
    // that wait nothing is lost that matters: the job's completion is committed after this
    // transaction, and WAL is replayed in order, so if a server crash loses this commit it loses
    // the completion too and the job runs again. (set_config(…, true) is SET LOCAL, sent with
    // the lock's statement to save a round trip.)
    // The lock first: a fan-out setting next_digest_at for this person waits for us, or we for
    // it, and then the query below sees its rows (each statement reads what is committed).
    const schedules = (await tx.execute(sql`
      select set_config('synchronous_commit', 'off', true),
        u.id, u.email, u.display_name as "displayName", u.locale, u.time_zone as "timeZone",
        s.frequency, s.hour, s.weekday, s.next_digest_at,
        date_trunc('milliseconds', s.next_digest_at) = ${dueAt.toISOString()}::timestamptz
          as is_this_digest
      from digest_schedules s join users u on u.id = s.user_id
      where s.user_id = ${userId}
      for update of s`)) as unknown as { rows: ScheduleRow[] };
    const schedule = schedules.rows[0];
    // Moved on (sent already, or the person changed their timing): not this job's digest.
    if (!schedule?.next_digest_at || !schedule.is_this_digest) return false;

    // One statement: take what is pending (with the names the mail shows) and clear the
    // schedule; everything due is taken, so the next notification for the digest sets the next
    // instant. It reads what is committed after the lock above was granted.
    const pending = (await tx.execute(sql`
      with marked as (
        update notifications n set digested_at = now()
        where n.recipient_id = ${userId}
          and n.read_at is null and n.emailed_at is null and n.digested_at is null
          and ${effectiveChoiceSql(
            sql`n.kind`,
            sql`(select p.email from notification_preferences p
                 where p.user_id = n.recipient_id and p.kind = n.kind)`,
          )} = 'digest'
        returning n.id, n.kind, n.group_key, n.actor_id, n.network_id, n.data, n.created_at
      ), cleared as (
        update digest_schedules set next_digest_at = null,
          last_digest_at = case when exists (select 1 from marked) then now() else last_digest_at end
        where user_id = ${userId}
      )
      select m.*, a.display_name as actor_name, net.name as network_name
      from marked m
        left join users a on a.id = m.actor_id
        left join networks net on net.id = m.network_id`)) as unknown as {
      rows: PendingRow[];
    };
    const timing: DigestTiming = {
      frequency: schedule.frequency,
      hour: schedule.hour,
      weekday: schedule.weekday,
    };
    const mail =
      pending.rows.length > 0
        ? await renderDigestMail(
            schedule,
            pending.rows.map((row) => ({
              id: row.id,
              kind: row.kind,
              groupKey: row.group_key,
              actorId: row.actor_id,
              networkId: row.network_id,
              data: row.data,
              createdAt: new Date(row.created_at),
              actorName: row.actor_name,
              networkName: row.network_name,
            })),
            timing,
            tx,
          )
        : null;
    if (mail) {
      await sendMail(mail, { tx, key: digestKey(userId, dueAt) });
      getLogger().debug({ userId, notifications: pending.rows.length }, "digest queued");
    }
    return mail !== null;
  });
}

export const digestScanJob = defineJob({
  name: "notifications.digest-scan",
  payload: z.object({}).passthrough(),
  retryLimit: 2,
  retryDelaySeconds: 10,
  expireInSeconds: 300,
  // Every minute: a person's hour is on the hour, so their digest leaves within a minute of it.
  schedule: "* * * * *",
  async handle() {
    await scanDueDigests();
  },
});

export const digestJob = defineJob({
  name: "notifications.digest",
  payload: z.object({ userId: z.uuid(), dueAt: z.iso.datetime() }),
  retryLimit: 5,
  retryDelaySeconds: 10,
  expireInSeconds: 60,
  batchSize: 50,
  // Each digest mostly waits for the database: several loops overlap them on a server's pool
  // (of 10 connections; each loop holds at most one at a time).
  concurrency: 6,
  // A digest already sent is found in one locked read (the schedule moved on).
  completeTogether: true,
  pollingIntervalSeconds: 1,
  async handle({ userId, dueAt }) {
    await sendDigest({ userId, dueAt: new Date(dueAt) });
  },
});
