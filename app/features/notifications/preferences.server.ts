/**
 * A person's email choices: per kind immediately / in the digest / never, and when the digest
 * goes out (daily or weekly, local hour, weekday). No row means the registry's default
 * (kinds.ts), so a new kind needs no migration and a new person no rows.
 */
import { eq, type SQLWrapper, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb } from "~/db/client.server";
import { deliveryChoices, digestFrequencies } from "~/db/enums";
import { digestSchedules, notificationPreferences, users } from "~/db/schema";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { type DigestTiming, nextDigestAt } from "./digest-schedule";
import {
  type DeliveryChoice,
  DIGEST_DEFAULTS,
  isNotificationKind,
  type NotificationKind,
  notificationKindNames,
  notificationKinds,
} from "./kinds";

export type EmailChoices = Record<NotificationKind, DeliveryChoice>;

/** The registry's defaults, for a person who chose nothing. */
export function defaultChoices(): EmailChoices {
  return Object.fromEntries(
    notificationKindNames.map((kind) => [kind, notificationKinds[kind].defaultEmail]),
  ) as EmailChoices;
}

/**
 * The SQL expression of a kind's effective choice, for queries over many people: the person's
 * row when there is one, else the registry's default ('never' for a kind the code no longer has).
 */
export function effectiveChoiceSql(kindColumn: SQLWrapper, choiceColumn: SQLWrapper) {
  const cases = notificationKindNames.map(
    (kind) => sql`when ${kind} then ${notificationKinds[kind].defaultEmail}`,
  );
  return sql`coalesce(${choiceColumn}, case ${kindColumn} ${sql.join(cases, sql` `)} else 'never' end)`;
}

/** A person's choice for every kind (their rows over the defaults). */
export async function effectiveChoicesOf(userId: string, db: Db = getDb()): Promise<EmailChoices> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, email: notificationPreferences.email })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const choices = defaultChoices();
  for (const row of rows) if (isNotificationKind(row.kind)) choices[row.kind] = row.email;
  return choices;
}

/** The person's digest timing (their row, else DIGEST_DEFAULTS) and when the next one is due. */
export async function digestTimingOf(
  userId: string,
  db: Db = getDb(),
): Promise<DigestTiming & { nextDigestAt: Date | null; lastDigestAt: Date | null }> {
  const [row] = await db
    .select({
      frequency: digestSchedules.frequency,
      hour: digestSchedules.hour,
      weekday: digestSchedules.weekday,
      nextDigestAt: digestSchedules.nextDigestAt,
      lastDigestAt: digestSchedules.lastDigestAt,
    })
    .from(digestSchedules)
    .where(eq(digestSchedules.userId, userId));
  return row ?? { ...DIGEST_DEFAULTS, nextDigestAt: null, lastDigestAt: null };
}

/** The email settings form, as the route submits it: `kind:<name>` per kind, then the timing. */
export const emailSettingsSchema = z
  .object({
    frequency: z.enum(digestFrequencies),
    hour: z.coerce.number().int().min(0).max(23),
    weekday: z.coerce.number().int().min(1).max(7),
  })
  .extend(
    Object.fromEntries(
      notificationKindNames.map((kind) => [`kind:${kind}`, z.enum(deliveryChoices)]),
    ) as Record<`kind:${NotificationKind}`, z.ZodEnum<{ [K in DeliveryChoice]: K }>>,
  );

export type EmailSettings = { choices: EmailChoices; timing: DigestTiming };

/** Reads the parsed form into choices and timing. */
export function emailSettingsFrom(parsed: z.infer<typeof emailSettingsSchema>): EmailSettings {
  const record = parsed as unknown as Record<string, DeliveryChoice>;
  const choices = Object.fromEntries(
    notificationKindNames.map((kind) => [kind, record[`kind:${kind}`]]),
  ) as EmailChoices;
  return {
    choices,
    timing: { frequency: parsed.frequency, hour: parsed.hour, weekday: parsed.weekday },
  };
}

/**
 * Saves a person's choices and digest timing in one transaction. The next digest is computed
 * again from the new timing (in the person's zone); when nothing waits for it, the digest run
 * finds nothing, sends nothing and clears it.
 */
export async function saveEmailSettings(options: {
  userId: string;
  settings: EmailSettings;
  now?: Date;
}): Promise<void> {
  const { userId, settings } = options;
  await getDb().transaction(async (tx) => {
    const [person] = await tx
      .select({ timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, userId))
      .for("update");
    if (!person) return;
    await tx
      .insert(notificationPreferences)
      .values(
        notificationKindNames.map((kind) => ({ userId, kind, email: settings.choices[kind] })),
      )
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: sql`excluded.email`, updatedAt: sql`now()` },
      });
    const hasDigestKinds = notificationKindNames.some(
      (kind) => settings.choices[kind] === "digest",
    );
    const zone = canonicalTimeZone(person.timeZone) ?? DEFAULT_TIME_ZONE;
    const next = hasDigestKinds
      ? nextDigestAt(settings.timing, zone, options.now ?? new Date())
      : null;
    await tx
      .insert(digestSchedules)
      .values({ userId, ...settings.timing, nextDigestAt: next })
      .onConflictDoUpdate({
        target: digestSchedules.userId,
        set: { ...settings.timing, nextDigestAt: next },
      });
  });
}
