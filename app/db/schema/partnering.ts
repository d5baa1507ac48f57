import { type SQL, sql } from "drizzle-orm";
import {
  boolean,
  customType,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  bookingStatuses,
  interestStatuses,
  introductionStages,
  meetingStatuses,
  opportunityAreas,
  opportunityKinds,
  opportunityStatuses,
  partnershipTypes,
} from "../enums";
import { users } from "./accounts";
import { checkOneOf, checkThat } from "./checks";
import { conversations } from "./conversations";
import { events } from "./events";
import { organisations } from "./organisations";

const tsvector = customType<{ data: string }>({
  dataType() {
    return "tsvector";
  },
});

/**
 * A partnering opportunity (issue 12): an organisation offers or requests a business, technology
 * or service partnership. Written as a draft, sent for a facilitator's review, then published
 * installation-wide until `expires_at`; `status` never says "expired": a published opportunity
 * past `expires_at` is expired (decision 023). Only its organisation's active members (the
 * authors) and facilitators see it outside "published and not expired".
 * `search` is the words of the title, summary, description, brings and seeks in the `simple`
 * configuration (every language the same: no stemming that favours one of six languages).
 */
export const opportunities = pgTable(
  "opportunities",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: opportunityKinds }).notNull(),
    area: text("area", { enum: opportunityAreas }).notNull(),
    /** The partnerships sought (partnershipTypes), at least one. */
    partnerships: text("partnerships").array().notNull(),
    /** The language the text is written in (one of the six interface languages). */
    language: text("language").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull().default(""),
    /** NACE Rev. 2 division ("10") the opportunity is about. */
    naceDivision: text("nace_division").notNull(),
    /** ISO 3166-1 alpha-2 codes of the countries sought; empty: anywhere. */
    targetCountries: text("target_countries").array().notNull().default([]),
    /** Languages the organisation can work in (ISO 639-1), at least one. */
    languages: text("languages").array().notNull(),
    brings: text("brings").notNull().default(""),
    seeks: text("seeks").notNull().default(""),
    /** The last day interest is taken; null: none. */
    deadline: date("deadline"),
    status: text("status", { enum: opportunityStatuses }).notNull().default("draft"),
    /** The reviewer's words when they sent it back. */
    reviewNote: text("review_note").notNull().default(""),
    reviewedBy: uuid("reviewed_by").references(() => users.id, { onDelete: "set null" }),
    reviewedAt: timestamp("reviewed_at", { withTimezone: true }),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** When the authors were told it expires soon (once per expiry date). */
    renewalRemindedAt: timestamp("renewal_reminded_at", { withTimezone: true }),
    interestCount: integer("interest_count").notNull().default(0),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    search: tsvector("search").generatedAlwaysAs(
      (): SQL =>
        sql`to_tsvector('simple'::regconfig, coalesce(title, '') || ' ' || coalesce(summary, '') || ' ' || coalesce(description, '') || ' ' || coalesce(brings, '') || ' ' || coalesce(seeks, ''))`,
    ),
  },
  (t) => [
    checkOneOf("opportunities_kind_check", t.kind, opportunityKinds),
    checkOneOf("opportunities_area_check", t.area, opportunityAreas),
    checkOneOf("opportunities_status_check", t.status, opportunityStatuses),
    checkThat(
      "opportunities_partnerships_check",
      sql`cardinality(${t.partnerships}) > 0 and ${t.partnerships} <@ array[${sql.raw(
        partnershipTypes.map((p) => `'${p}'`).join(", "),
      )}]::text[]`,
    ),
    checkThat("opportunities_languages_check", sql`cardinality(${t.languages}) > 0`),
    checkThat(
      "opportunities_published_check",
      sql`${t.status} <> 'published' or (${t.publishedAt} is not null and ${t.expiresAt} is not null)`,
    ),
    index("opportunities_published_idx")
      .on(t.publishedAt.desc().nullsLast(), t.id.desc().nullsLast())
      .where(sql`${t.status} = 'published'`),
    index("opportunities_expiry_idx").on(t.expiresAt).where(sql`${t.status} = 'published'`),
    index("opportunities_organisation_idx").on(t.organisationId, t.createdAt.desc().nullsLast()),
    index("opportunities_review_idx").on(t.submittedAt).where(sql`${t.status} = 'submitted'`),
    index("opportunities_division_idx")
      .on(t.naceDivision, t.publishedAt.desc().nullsLast())
      .where(sql`${t.status} = 'published'`),
    index("opportunities_countries_idx").using("gin", t.targetCountries),
    index("opportunities_languages_idx").using("gin", t.languages),
    index("opportunities_partnerships_idx").using("gin", t.partnerships),
    index("opportunities_search_idx").using("gin", t.search),
    uniqueIndex("opportunities_submission_key").on(t.createdBy, t.submissionKey),
  ],
);

/** An opportunity's text in another language, written by its authors. */
export const opportunityTranslations = pgTable(
  "opportunity_translations",
  {
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    title: text("title").notNull(),
    summary: text("summary").notNull(),
    description: text("description").notNull().default(""),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.opportunityId, t.language] })],
);

/**
 * An expression of interest: one organisation (through one of its members) tells the
 * publisher it is interested. Accepting it is the introduction: `conversation_id` is the
 * conversation opened between the two people, and `stage` moves from introduced to ended,
 * set by either side. One pending or accepted interest per organisation and opportunity; a
 * declined one cannot be repeated for 30 days (checked in the write, decision 023).
 */
export const opportunityInterests = pgTable(
  "opportunity_interests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    opportunityId: uuid("opportunity_id")
      .notNull()
      .references(() => opportunities.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    /** The person who expressed it. */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    message: text("message").notNull(),
    status: text("status", { enum: interestStatuses }).notNull().default("pending"),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    /** The publisher's side of the introduction: who accepted. */
    conversationId: uuid("conversation_id").references(() => conversations.id, {
      onDelete: "set null",
    }),
    stage: text("stage", { enum: introductionStages }),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("opportunity_interests_status_check", t.status, interestStatuses),
    checkOneOf("opportunity_interests_stage_check", t.stage, introductionStages),
    checkThat(
      "opportunity_interests_stage_accepted_check",
      sql`(${t.status} = 'accepted') = (${t.stage} is not null)`,
    ),
    uniqueIndex("opportunity_interests_open_key")
      .on(t.opportunityId, t.organisationId)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index("opportunity_interests_opportunity_idx").on(
      t.opportunityId,
      t.createdAt.desc().nullsLast(),
    ),
    index("opportunity_interests_organisation_idx").on(
      t.organisationId,
      t.createdAt.desc().nullsLast(),
    ),
    index("opportunity_interests_declined_idx")
      .on(t.opportunityId, t.organisationId, t.decidedAt)
      .where(sql`${t.status} = 'declined'`),
    uniqueIndex("opportunity_interests_submission_key").on(t.userId, t.submissionKey),
  ],
);

/** Each move of an introduction's stage, with the outcome either side recorded. */
export const introductionUpdates = pgTable(
  "introduction_updates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interestId: uuid("interest_id")
      .notNull()
      .references(() => opportunityInterests.id, { onDelete: "cascade" }),
    stage: text("stage", { enum: introductionStages }).notNull(),
    outcome: text("outcome").notNull().default(""),
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("introduction_updates_stage_check", t.stage, introductionStages),
    index("introduction_updates_interest_idx").on(t.interestId, t.createdAt),
  ],
);

/**
 * A partnership's story: written by one side once the introduction is an active partnership,
 * published when the other side approves it (`approved_by`), then shown on the opportunity and
 * both organisations' pages. One per introduction.
 */
export const partnershipStories = pgTable(
  "partnership_stories",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interestId: uuid("interest_id")
      .notNull()
      .references(() => opportunityInterests.id, { onDelete: "cascade" }),
    language: text("language").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull(),
    writtenBy: uuid("written_by").references(() => users.id, { onDelete: "set null" }),
    approvedBy: uuid("approved_by").references(() => users.id, { onDelete: "set null" }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partnership_stories_interest_key").on(t.interestId),
    index("partnership_stories_published_idx")
      .on(t.publishedAt.desc().nullsLast())
      .where(sql`${t.publishedAt} is not null`),
  ],
);

/**
 * A one-to-one meeting one person proposes to another (about an introduction, or not), with up
 * to three times to choose from (`meeting_times`); accepting picks one (`starts_at`).
 */
export const meetings = pgTable(
  "meetings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    interestId: uuid("interest_id").references(() => opportunityInterests.id, {
      onDelete: "set null",
    }),
    proposedBy: uuid("proposed_by")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitee: uuid("invitee")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    subject: text("subject").notNull(),
    note: text("note").notNull().default(""),
    durationMinutes: integer("duration_minutes").notNull(),
    /** A video link or a place; one of them is set. */
    videoUrl: text("video_url").notNull().default(""),
    place: text("place").notNull().default(""),
    status: text("status", { enum: meetingStatuses }).notNull().default("proposed"),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("meetings_status_check", t.status, meetingStatuses),
    checkThat("meetings_duration_check", sql`${t.durationMinutes} between 10 and 480`),
    checkThat("meetings_people_check", sql`${t.proposedBy} <> ${t.invitee}`),
    checkThat(
      "meetings_accepted_check",
      sql`${t.status} <> 'accepted' or ${t.startsAt} is not null`,
    ),
    index("meetings_proposer_idx").on(t.proposedBy, t.createdAt.desc().nullsLast()),
    index("meetings_invitee_idx").on(t.invitee, t.createdAt.desc().nullsLast()),
    uniqueIndex("meetings_submission_key").on(t.proposedBy, t.submissionKey),
  ],
);

export const meetingTimes = pgTable(
  "meeting_times",
  {
    meetingId: uuid("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.startsAt] })],
);

/**
 * A partnering day attached to an event: 20-minute (by default) one-to-one meetings between its
 * participants from `starts_at` to `ends_at`, at `tables` numbered tables (in person) or by
 * call link (online).
 */
export const partneringDays = pgTable(
  "partnering_days",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    slotMinutes: integer("slot_minutes").notNull().default(20),
    /** Tables in the room; 0: meetings are calls. */
    tables: integer("tables").notNull().default(0),
    /** Bookings are taken while true. */
    isOpen: boolean("is_open").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("partnering_days_event_key").on(t.eventId),
    checkThat("partnering_days_times_check", sql`${t.endsAt} > ${t.startsAt}`),
    checkThat("partnering_days_slot_check", sql`${t.slotMinutes} between 10 and 120`),
    checkThat("partnering_days_tables_check", sql`${t.tables} between 0 and 500`),
  ],
);

/** A person taking part in a partnering day: what they seek and offer, and when they are free. */
export const partneringParticipants = pgTable(
  "partnering_participants",
  {
    dayId: uuid("day_id")
      .notNull()
      .references(() => partneringDays.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    seeks: text("seeks").notNull().default(""),
    offers: text("offers").notNull().default(""),
    /** The slots (as their start times) the person is free for. */
    availability: timestamp("availability", { withTimezone: true }).array().notNull().default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.dayId, t.userId] }),
    index("partnering_participants_day_idx").on(t.dayId, t.createdAt),
  ],
);

/**
 * A booked partnering-day meeting between two participants in one slot. `partnering_holds`
 * holds the slot for each of the two people: its primary key is what makes one of two
 * concurrent bookings of the same person's slot fail (decision 023).
 */
export const partneringBookings = pgTable(
  "partnering_bookings",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dayId: uuid("day_id")
      .notNull()
      .references(() => partneringDays.id, { onDelete: "cascade" }),
    slotStart: timestamp("slot_start", { withTimezone: true }).notNull(),
    requester: uuid("requester")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    invitee: uuid("invitee")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The table number (in person), null for a call. */
    tableNumber: integer("table_number"),
    callUrl: text("call_url").notNull().default(""),
    status: text("status", { enum: bookingStatuses }).notNull().default("booked"),
    /** After the day: whether each side wants to follow up (null: not said yet). */
    requesterFollowUp: boolean("requester_follow_up"),
    inviteeFollowUp: boolean("invitee_follow_up"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("partnering_bookings_status_check", t.status, bookingStatuses),
    checkThat("partnering_bookings_people_check", sql`${t.requester} <> ${t.invitee}`),
    uniqueIndex("partnering_bookings_table_key")
      .on(t.dayId, t.slotStart, t.tableNumber)
      .where(sql`${t.status} = 'booked' and ${t.tableNumber} is not null`),
    index("partnering_bookings_day_idx").on(t.dayId, t.slotStart),
  ],
);

export const partneringHolds = pgTable(
  "partnering_holds",
  {
    dayId: uuid("day_id")
      .notNull()
      .references(() => partneringDays.id, { onDelete: "cascade" }),
    slotStart: timestamp("slot_start", { withTimezone: true }).notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    bookingId: uuid("booking_id")
      .notNull()
      .references(() => partneringBookings.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.dayId, t.slotStart, t.userId] }),
    index("partnering_holds_user_idx").on(t.userId, t.slotStart),
    index("partnering_holds_booking_idx").on(t.bookingId),
  ],
);
