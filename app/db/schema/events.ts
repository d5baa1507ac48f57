import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
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
import { attendanceMethods, eventKinds, feedbackNextSteps, rsvpStatuses } from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";
import { networks } from "./networks";

/**
 * What the calendar file needs to write a series' master VEVENT (decision 017): the RRULE
 * (our subset, see recurrence.ts), the first occurrence's start and length, and the series'
 * SEQUENCE. Copied onto each occurrence row and kept in step by series.server.ts, so
 * `calendarEvent(row)` stays a function of the row and any list of rows makes a correct file.
 */
export type SeriesMaster = {
  rule: string;
  /** The first occurrence's start (ISO instant); DTSTART in the series' zone. */
  start: string;
  timeZone: string;
  durationMinutes: number;
  sequence: number;
};

/**
 * A recurring series of a network's events (decision 017). Every occurrence is a row of
 * `events` (series_id, recurrence_id = its original start), so answers, reminders and the rest
 * work per occurrence; this row keeps the rule as typed and the series' own state.
 */
export const eventSeries = pgTable(
  "event_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** RRULE value in our subset and canonical spelling (recurrence.ts formatRule). */
    rule: text("rule").notNull(),
    timeZone: text("time_zone").notNull(),
    /** The first occurrence's start: DTSTART. */
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    durationMinutes: integer("duration_minutes").notNull(),
    sequence: integer("sequence").notNull().default(0),
    /** Set when the series is cancelled as a whole (its future occurrences are cancelled). */
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** The key of the form that made it: a form sent twice makes one series. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("event_series_network_idx").on(t.networkId),
    uniqueIndex("event_series_submission_key").on(t.createdBy, t.submissionKey),
    checkThat("event_series_duration_check", sql`${t.durationMinutes} > 0`),
    checkNotNegative("event_series_sequence_check", t.sequence),
  ],
);

/**
 * A meeting of a network (decision 017). Start and end are stored as UTC instants together
 * with the organiser's IANA zone they were typed in, so the event page can say both "18:30
 * Athens time" and each viewer's own time. `sequence` grows on every change of substance (the
 * iCalendar SEQUENCE). `going_count` is kept in step with event_rsvps inside the same
 * transactions, under the event's row lock, so the capacity check is one read.
 */
export const events = pgTable(
  "events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: eventKinds }).notNull(),
    venue: text("venue").notNull().default(""),
    address: text("address").notNull().default(""),
    mapUrl: text("map_url").notNull().default(""),
    /** Shown only to people who are going (and to the network's facilitators). */
    meetingUrl: text("meeting_url").notNull().default(""),
    timeZone: text("time_zone").notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    language: text("language").notNull(),
    /** Seats for "going"; null: no limit. */
    capacity: integer("capacity"),
    rsvpDeadline: timestamp("rsvp_deadline", { withTimezone: true }),
    goingCount: integer("going_count").notNull().default(0),
    sequence: integer("sequence").notNull().default(0),
    cancelledAt: timestamp("cancelled_at", { withTimezone: true }),
    /** The key of the form that made it: a form sent twice makes one event. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    /** The series this occurrence belongs to (null: a single event). */
    seriesId: uuid("series_id").references((): AnyPgColumn => eventSeries.id, {
      onDelete: "cascade",
    }),
    /** The occurrence's original start (RFC 5545 RECURRENCE-ID); never changes. */
    recurrenceId: timestamp("recurrence_id", { withTimezone: true }),
    /** Changed on its own: changes to the whole series leave it alone. */
    detached: boolean("detached").notNull().default(false),
    /** The series' master as the calendar file writes it (copy of event_series, kept in step). */
    seriesMaster: jsonb("series_master").$type<SeriesMaster>(),
  },
  (t) => [
    uniqueIndex("events_series_recurrence").on(t.seriesId, t.recurrenceId),
    checkThat(
      "events_series_check",
      sql`(${t.seriesId} is null) = (${t.recurrenceId} is null) and (${t.seriesId} is null) = (${t.seriesMaster} is null)`,
    ),
    index("events_network_starts_idx").on(t.networkId, t.startsAt, t.id),
    uniqueIndex("events_submission_key").on(t.createdBy, t.submissionKey),
    index("events_starts_idx").on(t.startsAt, t.id).where(sql`${t.cancelledAt} is null`),
    // The open events list filtered by language (decision 017, calendars).
    index("events_language_starts_idx")
      .on(t.language, t.startsAt, t.id)
      .where(sql`${t.cancelledAt} is null`),
    checkOneOf("events_kind_check", t.kind, eventKinds),
    checkThat("events_time_check", sql`${t.endsAt} > ${t.startsAt}`),
    // MAX_EVENT_DAYS: the upcoming list relies on it to bound its index range.
    checkThat("events_length_check", sql`${t.endsAt} <= ${t.startsAt} + interval '14 days'`),
    checkThat("events_title_check", sql`length(${t.title}) between 1 and 140`),
    checkThat("events_capacity_check", sql`${t.capacity} is null or ${t.capacity} > 0`),
    checkThat(
      "events_going_capacity_check",
      sql`${t.capacity} is null or ${t.goingCount} <= ${t.capacity}`,
    ),
    checkNotNegative("events_going_count_check", t.goingCount),
    checkNotNegative("events_sequence_check", t.sequence),
  ],
);

/**
 * One person's answer to one event. `answered_at` is when the current status was given: the
 * waiting list is served in that order.
 */
export const eventRsvps = pgTable(
  "event_rsvps",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: rsvpStatuses }).notNull(),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    index("event_rsvps_status_idx").on(t.eventId, t.status, t.answeredAt),
    index("event_rsvps_user_idx").on(t.userId, t.status),
    checkOneOf("event_rsvps_status_check", t.status, rsvpStatuses),
  ],
);

/**
 * Who was there (decision 017, check-in): a member of the installation (`user_id`, once per
 * event) or a walk-in known only by the name (and optional email) the facilitator typed.
 * `method` says how: scanned QR, typed short code, picked by hand, walk-in, online tick.
 */
export const eventAttendance = pgTable(
  "event_attendance",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id").references(() => users.id, { onDelete: "cascade" }),
    walkInName: text("walk_in_name"),
    walkInEmail: text("walk_in_email"),
    method: text("method", { enum: attendanceMethods }).notNull(),
    checkedInAt: timestamp("checked_in_at", { withTimezone: true }).notNull().defaultNow(),
    checkedInBy: uuid("checked_in_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("event_attendance_person").on(t.eventId, t.userId),
    index("event_attendance_event_idx").on(t.eventId, t.checkedInAt),
    checkOneOf("event_attendance_method_check", t.method, attendanceMethods),
    checkThat(
      "event_attendance_who_check",
      sql`${t.userId} is not null or length(${t.walkInName}) between 1 and 140`,
    ),
  ],
);

/** One attendee's feedback on an event: once per person, editable for a while (decision 017). */
export const eventFeedback = pgTable(
  "event_feedback",
  {
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    relevance: integer("relevance").notNull(),
    nextStep: text("next_step", { enum: feedbackNextSteps }),
    nextText: text("next_text").notNull().default(""),
    comment: text("comment").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.userId] }),
    checkThat("event_feedback_relevance_check", sql`${t.relevance} between 1 and 5`),
    checkThat(
      "event_feedback_next_step_check",
      sql`${t.nextStep} is null or ${t.nextStep} in (${sql.raw(
        feedbackNextSteps.map((s) => `'${s}'`).join(", "),
      )})`,
    ),
  ],
);
