import { sql } from "drizzle-orm";
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { deliveryChoices, digestFrequencies } from "../enums";
import { users } from "./accounts";
import { checkOneOf, checkThat } from "./checks";
import { networks } from "./networks";

/**
 * One row per thing that happened to one person (a comment on their post, a mention, a join
 * request…). Rows are grouped when shown ("Maria and 4 others commented on your post") by
 * (kind, group_key); they are never merged in storage, so reading one marks exactly that one.
 * `kind` names an entry of the registry in app/features/notifications/kinds.ts; `data` holds what
 * its message and link need (ids and short labels), never whole texts.
 * Email state: `emailed_at` is set when it went out on its own ("immediately"), `digested_at`
 * when a digest carried it; a digest takes only rows with neither set and not read in the app.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    recipientId: uuid("recipient_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    /** Rows of one kind with the same group key are shown as one line, e.g. "post:<id>". */
    groupKey: text("group_key").notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    data: jsonb("data")
      .$type<Record<string, string | number | boolean | null>>()
      .notNull()
      .default({}),
    /**
     * What made it (e.g. "comment:<id>"): unique per recipient, so a retried fan-out job or a
     * replayed form never notifies twice.
     */
    sourceKey: text("source_key").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp("read_at", { withTimezone: true }),
    emailedAt: timestamp("emailed_at", { withTimezone: true }),
    digestedAt: timestamp("digested_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("notifications_source_key").on(t.recipientId, t.sourceKey),
    index("notifications_recipient_idx").on(t.recipientId, t.createdAt.desc(), t.id.desc()),
    // The centre shows the newest row of each group: "is there a newer row in my group?" is one
    // probe here, and a group's counts are one range.
    index("notifications_group_idx").on(
      t.recipientId,
      t.kind,
      t.groupKey,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index("notifications_unread_idx")
      .on(t.recipientId, t.kind, t.groupKey)
      .where(sql`${t.readAt} is null`),
    index("notifications_pending_mail_idx")
      .on(t.recipientId, t.createdAt)
      .where(sql`${t.readAt} is null and ${t.emailedAt} is null and ${t.digestedAt} is null`),
    checkThat("notifications_kind_check", sql`length(${t.kind}) between 1 and 64`),
  ],
);

/**
 * A person's choice per kind: "immediately", "digest" or "never" by email. No row means the
 * kind's default from the registry (app/features/notifications/kinds.ts).
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    email: text("email", { enum: deliveryChoices }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind] }),
    checkOneOf("notification_preferences_email_check", t.email, deliveryChoices),
  ],
);

/**
 * When a person's digest goes out: daily or weekly at a local hour in their own time zone
 * (users.time_zone). `next_digest_at` is the next such instant, kept up to date by the app, so
 * that the digest run finds who is due with one index scan. No row means the defaults
 * (app/features/notifications/kinds.ts, DIGEST_DEFAULTS).
 */
export const digestSchedules = pgTable(
  "digest_schedules",
  {
    userId: uuid("user_id")
      .primaryKey()
      .references(() => users.id, { onDelete: "cascade" }),
    frequency: text("frequency", { enum: digestFrequencies }).notNull(),
    /** Local hour 0–23 in the person's time zone. */
    hour: integer("hour").notNull(),
    /** ISO weekday 1 (Monday) – 7 (Sunday), used when weekly. */
    weekday: integer("weekday").notNull().default(1),
    nextDigestAt: timestamp("next_digest_at", { withTimezone: true }),
    lastDigestAt: timestamp("last_digest_at", { withTimezone: true }),
  },
  (t) => [
    index("digest_schedules_due_idx").on(t.nextDigestAt).where(sql`${t.nextDigestAt} is not null`),
    checkOneOf("digest_schedules_frequency_check", t.frequency, digestFrequencies),
    checkThat("digest_schedules_hour_check", sql`${t.hour} between 0 and 23`),
    checkThat("digest_schedules_weekday_check", sql`${t.weekday} between 1 and 7`),
  ],
);
