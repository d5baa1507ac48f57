/**
 * What happens by email after notifications are inserted. `notify()` calls `afterNotified(tx,
 * rows)` in the transaction that inserted the rows; per row, the recipient's choice for its kind
 * decides:
 * - "immediately": a `notifications.email` job (key per notification), written in `tx`, so it
 *   exists exactly when the rows commit;
 * - "digest": the recipient's digest schedule gets a `next_digest_at` (created with the defaults
 *   when they have none), so the digest run finds them;
 * - "never": nothing.
 */
import { inArray, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { digestSchedules, notificationPreferences, users } from "~/db/schema";
import { enqueueMany } from "~/lib/jobs.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { nextDigestAt } from "./digest-schedule";
import { DIGEST_DEFAULTS, isNotificationKind, notificationKinds } from "./kinds";
// Imported for its job definition, which must be registered before jobs of it are queued.
import "./email.server";

/** The columns of an inserted notification row that delivery reads. */
export type NotifiedRow = { id: string; recipientId: string; kind: string };

/** Routes freshly inserted notifications to email; call it in the inserting transaction. */
export async function afterNotified(
  tx: Db,
  rows: NotifiedRow[],
  now: Date = new Date(),
): Promise<void> {
  const known = rows.filter((row) => isNotificationKind(row.kind));
  if (known.length === 0) return;
  const recipients = [...new Set(known.map((row) => row.recipientId))];
  const chosen = await tx
    .select({
      userId: notificationPreferences.userId,
      kind: notificationPreferences.kind,
      email: notificationPreferences.email,
    })
    .from(notificationPreferences)
    .where(inArray(notificationPreferences.userId, recipients));
  const choiceOf = new Map(chosen.map((c) => [`${c.userId}\u0000${c.kind}`, c.email]));
  const immediate: NotifiedRow[] = [];
  const digest = new Set<string>();
  for (const row of known) {
    const choice =
      choiceOf.get(`${row.recipientId}\u0000${row.kind}`) ??
      notificationKinds[row.kind as keyof typeof notificationKinds].defaultEmail;
    if (choice === "immediately") immediate.push(row);
    else if (choice === "digest") digest.add(row.recipientId);
  }
  await enqueueMany(
    "notifications.email",
    immediate.map((row) => ({ data: { notificationId: row.id }, key: `notification:${row.id}` })),
    { tx },
  );
  if (digest.size > 0) await scheduleDigests(tx, [...digest].sort(), now);
}

/**
 * Makes sure each person has a digest due: a schedule with `next_digest_at` set. A set one is
 * kept (it is the next digest already); a cleared one (the last digest took everything) or a
 * missing one gets the next instant of the person's timing. The upsert takes the schedule row's lock, so it waits for
 * a digest run of the same person that is clearing it, and then sets it again: nothing is left
 * without a digest. People are taken in id order, so concurrent fan-outs lock in the same order.
 */
async function scheduleDigests(tx: Db, userIds: string[], now: Date): Promise<void> {
  const people = await tx
    .select({
      id: users.id,
      timeZone: users.timeZone,
      frequency: digestSchedules.frequency,
      hour: digestSchedules.hour,
      weekday: digestSchedules.weekday,
    })
    .from(users)
    .leftJoin(digestSchedules, sql`${digestSchedules.userId} = ${users.id}`)
    .where(inArray(users.id, userIds));
  // Every person is upserted, even one whose schedule looked set: a digest run may be clearing
  // it right now, and only the upsert's row lock orders us after it.
  const values = people
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((p) => {
      const timing = p.frequency
        ? { frequency: p.frequency, hour: p.hour ?? DIGEST_DEFAULTS.hour, weekday: p.weekday ?? 1 }
        : DIGEST_DEFAULTS;
      const zone = canonicalTimeZone(p.timeZone) ?? DEFAULT_TIME_ZONE;
      return { userId: p.id, ...timing, nextDigestAt: nextDigestAt(timing, zone, now) };
    });
  if (values.length === 0) return;
  await tx
    .insert(digestSchedules)
    .values(values)
    .onConflictDoUpdate({
      target: digestSchedules.userId,
      set: {
        nextDigestAt: sql`coalesce(${digestSchedules.nextDigestAt}, excluded.next_digest_at)`,
      },
    });
}
