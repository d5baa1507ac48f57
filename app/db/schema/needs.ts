import { sql } from "drizzle-orm";
import {
  boolean,
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
  learningSittings,
  needAnswerKinds,
  needStatuses,
  needUrgencies,
  offerStatuses,
} from "../enums";
import { users } from "./accounts";
import { audits } from "./audits";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";
import { events } from "./events";
import { learningResources } from "./learning";
import { networks } from "./networks";
import { organisations } from "./organisations";

/**
 * A training need (issue 10, decision 018). `topic` is one taxonomy key with its vocabulary as a
 * prefix ("topic:cash-flow", "esco:<uri>", "entrecomp:1.1", "digcomp:2.1"; needs/topics.ts), or
 * null when the need is free text only. Who the need is for (country, region, sector, size band)
 * is copied from the owner and their enterprise when it is written, so figures group without
 * joins and an anonymous audit answer (owner_id null) keeps its facts and nothing else.
 * `weight`, `me_too_count` and `is_reached` are kept by needs/weight.server.ts after every write
 * that changes them; nothing else writes them.
 */
export const needs = pgTable(
  "needs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null only for an anonymous audit answer. */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "cascade" }),
    /** Null: seen by everyone signed in; else only by the network's active members. */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    /** Set when the need came from a needs audit's answer. */
    auditId: uuid("audit_id").references(() => audits.id, { onDelete: "cascade" }),
    /**
     * A random key shared by the needs of one audit answer (set by answerAudit), so that the
     * radar counts an anonymous respondent once; linked to no person, invitation or response
     * (decision 018 "Anonymous audits").
     */
    respondentKey: uuid("respondent_key"),
    topic: text("topic"),
    /** What the owner wrote about the topic (or instead of one). */
    topicText: text("topic_text").notNull().default(""),
    situation: text("situation").notNull().default(""),
    urgency: text("urgency", { enum: needUrgencies }).notNull(),
    formats: text("formats").array().notNull(),
    times: text("times").array().notNull().default([]),
    longestSitting: text("longest_sitting", { enum: learningSittings }),
    languages: text("languages").array().notNull(),
    country: text("country"),
    region: text("region").notNull().default(""),
    naceDivision: text("nace_division"),
    naceSection: text("nace_section"),
    sizeBand: text("size_band"),
    status: text("status", { enum: needStatuses }).notNull().default("open"),
    /** What met it, in the owner's words, when confirmed as satisfied. */
    satisfiedNote: text("satisfied_note").notNull().default(""),
    satisfiedAnswerId: uuid("satisfied_answer_id"),
    /** urgencyWeight(owner) + Σ urgencyWeight(me too) (decision 018). */
    weight: integer("weight").notNull().default(0),
    meTooCount: integer("me_too_count").notNull().default(0),
    /** Something open answers it in a language the owner reads and a format they accept. */
    isReached: boolean("is_reached").notNull().default(false),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("needs_urgency_check", t.urgency, needUrgencies),
    checkOneOf("needs_status_check", t.status, needStatuses),
    checkOneOf("needs_sitting_check", t.longestSitting, learningSittings),
    checkNotNegative("needs_weight_check", t.weight),
    checkNotNegative("needs_me_too_count_check", t.meTooCount),
    checkThat(
      "needs_topic_or_text_check",
      sql`${t.topic} is not null or length(${t.topicText}) > 0`,
    ),
    checkThat(
      "needs_owner_or_audit_check",
      sql`${t.ownerId} is not null or ${t.auditId} is not null`,
    ),
    checkThat("needs_formats_check", sql`cardinality(${t.formats}) > 0`),
    checkThat("needs_languages_check", sql`cardinality(${t.languages}) > 0`),
    index("needs_owner_idx").on(t.ownerId, t.createdAt.desc(), t.id.desc()),
    index("needs_network_idx").on(t.networkId, t.createdAt.desc(), t.id.desc()),
    index("needs_audit_idx").on(t.auditId),
    index("needs_open_topic_idx").on(t.topic, t.country).where(sql`${t.status} = 'open'`),
    index("needs_open_created_idx")
      .on(t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'open'`),
    uniqueIndex("needs_owner_submission_key").on(t.ownerId, t.submissionKey),
    // An educator's "Needs near you": per topic, unreached and heaviest first (home.server.ts).
    index("needs_open_topic_reach_idx")
      .on(t.topic, t.isReached, t.weight.desc(), t.createdAt.desc())
      .where(sql`${t.status} = 'open'`),
    // The radar's "Needs nobody answers": open, unreached, heaviest first.
    index("needs_unreached_weight_idx")
      .on(t.weight.desc(), t.createdAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'open' and not ${t.isReached}`),
  ],
);

/** "Me too": another person has the same need, with their own urgency. */
export const needMeToos = pgTable(
  "need_me_toos",
  {
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    urgency: text("urgency", { enum: needUrgencies }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("need_me_toos_urgency_check", t.urgency, needUrgencies),
    primaryKey({ columns: [t.needId, t.userId] }),
    index("need_me_toos_user_idx").on(t.userId, t.createdAt.desc()),
  ],
);

/**
 * Training an educator offers. Topics, formats and languages are what the distance matches a
 * need against (decision 018); `countries` limits face-to-face delivery (empty: anywhere).
 * No dates and `on_demand` false is not allowed; price null is free.
 */
export const offers = pgTable(
  "offers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "cascade" }),
    /** The providing organisation, when the educator offers for one. */
    organisationId: uuid("organisation_id").references(() => organisations.id, {
      onDelete: "set null",
    }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    formats: text("formats").array().notNull(),
    languages: text("languages").array().notNull(),
    countries: text("countries").array().notNull().default([]),
    onDemand: boolean("on_demand").notNull().default(false),
    startsOn: date("starts_on"),
    endsOn: date("ends_on"),
    /** Euro cents; null means free. */
    priceCents: integer("price_cents"),
    status: text("status", { enum: offerStatuses }).notNull().default("open"),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("offers_status_check", t.status, offerStatuses),
    checkNotNegative("offers_price_check", t.priceCents),
    checkThat("offers_formats_check", sql`cardinality(${t.formats}) > 0`),
    checkThat("offers_languages_check", sql`cardinality(${t.languages}) > 0`),
    checkThat("offers_when_check", sql`${t.onDemand} or ${t.startsOn} is not null`),
    checkThat("offers_dates_check", sql`${t.endsOn} is null or ${t.endsOn} >= ${t.startsOn}`),
    index("offers_created_idx").on(t.createdAt.desc(), t.id.desc()),
    index("offers_creator_idx").on(t.createdBy, t.createdAt.desc()),
    uniqueIndex("offers_creator_submission_key").on(t.createdBy, t.submissionKey),
  ],
);

export const offerTopics = pgTable(
  "offer_topics",
  {
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offers.id, { onDelete: "cascade" }),
    topic: text("topic").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.offerId, t.topic] }),
    index("offer_topics_topic_idx").on(t.topic, t.offerId),
  ],
);

/**
 * "I can run this": an educator answers a need with an offer, an event or (issue 11) a learning
 * resource, in a language. One answer per need and thing answered with.
 */
export const needAnswers = pgTable(
  "need_answers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
    responderId: uuid("responder_id").references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: needAnswerKinds }).notNull(),
    offerId: uuid("offer_id").references(() => offers.id, { onDelete: "cascade" }),
    eventId: uuid("event_id").references(() => events.id, { onDelete: "cascade" }),
    resourceId: uuid("resource_id").references(() => learningResources.id, {
      onDelete: "cascade",
    }),
    message: text("message").notNull().default(""),
    /** The language the answer is delivered in (for an event, the event's language). */
    language: text("language").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("need_answers_kind_check", t.kind, needAnswerKinds),
    checkThat(
      "need_answers_target_check",
      sql`(${t.kind} = 'offer' and ${t.offerId} is not null) or (${t.kind} = 'event' and ${t.eventId} is not null) or (${t.kind} = 'resource' and ${t.resourceId} is not null)`,
    ),
    index("need_answers_need_idx").on(t.needId, t.createdAt.desc()),
    index("need_answers_offer_idx").on(t.offerId),
    index("need_answers_event_idx").on(t.eventId),
    index("need_answers_resource_idx").on(t.resourceId),
    uniqueIndex("need_answers_offer_key").on(t.needId, t.offerId),
    uniqueIndex("need_answers_event_key").on(t.needId, t.eventId),
    uniqueIndex("need_answers_resource_key").on(t.needId, t.resourceId),
  ],
);
