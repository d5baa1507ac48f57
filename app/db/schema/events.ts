import { sql } from "drizzle-orm";
import {
  index,
  integer,
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
  },
  (t) => [
    index("events_network_starts_idx").on(t.networkId, t.startsAt, t.id),
    uniqueIndex("events_submission_key").on(t.createdBy, t.submissionKey),
    index("events_starts_idx").on(t.startsAt, t.id).where(sql`${t.cancelledAt} is null`),
    checkOneOf("events_kind_check", t.kind, eventKinds),
    checkThat("events_time_check", sql`${t.endsAt} > ${t.startsAt}`),
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
