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
import { auditQuestionKinds, auditStatuses } from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";
import { needs } from "./needs";
import { networks } from "./networks";

/**
 * A needs audit (issue 10): a questionnaire for one network (its active members are invited) or
 * for one country (the owners whose users.country is that country). Built as a draft, its
 * questions are fixed once it opens. `invited_count` is written when it opens.
 */
export const audits = pgTable(
  "audits",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    country: text("country"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    title: text("title").notNull(),
    introduction: text("introduction").notNull().default(""),
    isAnonymous: boolean("is_anonymous").notNull().default(true),
    status: text("status", { enum: auditStatuses }).notNull().default("draft"),
    invitedCount: integer("invited_count").notNull().default(0),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("audits_status_check", t.status, auditStatuses),
    checkNotNegative("audits_invited_count_check", t.invitedCount),
    checkThat("audits_scope_check", sql`(${t.networkId} is null) <> (${t.country} is null)`),
    index("audits_network_idx").on(t.networkId, t.createdAt.desc()),
    index("audits_country_idx").on(t.country, t.createdAt.desc()),
    index("audits_creator_idx").on(t.createdBy, t.createdAt.desc()),
    uniqueIndex("audits_creator_submission_key").on(t.createdBy, t.submissionKey),
  ],
);

/** A question: the topics a respondent may tick (topic keys, decision 018), or free text. */
export const auditQuestions = pgTable(
  "audit_questions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    auditId: uuid("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: auditQuestionKinds }).notNull(),
    prompt: text("prompt").notNull(),
    topics: text("topics").array().notNull().default([]),
  },
  (t) => [
    checkOneOf("audit_questions_kind_check", t.kind, auditQuestionKinds),
    checkThat(
      "audit_questions_topics_check",
      sql`(${t.kind} = 'topics') = (cardinality(${t.topics}) > 0)`,
    ),
    uniqueIndex("audit_questions_position_key").on(t.auditId, t.position),
  ],
);

/**
 * Who is invited and whether they answered: only a boolean, no time, and nothing that points at
 * what they answered, so an anonymous answer cannot be joined back to the person.
 */
export const auditInvitations = pgTable(
  "audit_invitations",
  {
    auditId: uuid("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    answered: boolean("answered").notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.auditId, t.userId] }),
    index("audit_invitations_user_idx").on(t.userId),
  ],
);

/**
 * One answer to an audit, with the respondent's facts (country, region, sector, size band) so
 * the report counts respondents per group. `respondent_id` is set for a named audit only; an
 * anonymous answer keeps the day it came, never the instant.
 */
export const auditResponses = pgTable(
  "audit_responses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    auditId: uuid("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    respondentId: uuid("respondent_id").references(() => users.id, { onDelete: "set null" }),
    country: text("country"),
    region: text("region").notNull().default(""),
    naceSection: text("nace_section"),
    sizeBand: text("size_band"),
    languages: text("languages").array().notNull(),
    answeredOn: date("answered_on").notNull(),
  },
  (t) => [
    index("audit_responses_audit_idx").on(t.auditId),
    uniqueIndex("audit_responses_respondent_key").on(t.auditId, t.respondentId),
  ],
);

/** Which needs one answer made (for counting respondents, not needs, per group). */
export const auditResponseNeeds = pgTable(
  "audit_response_needs",
  {
    responseId: uuid("response_id")
      .notNull()
      .references(() => auditResponses.id, { onDelete: "cascade" }),
    needId: uuid("need_id")
      .notNull()
      .references(() => needs.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.responseId, t.needId] }), index().on(t.needId)],
);

/** What someone wrote to an open question: text only, shown in id order (random, not time). */
export const auditQuotes = pgTable(
  "audit_quotes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    auditId: uuid("audit_id")
      .notNull()
      .references(() => audits.id, { onDelete: "cascade" }),
    questionId: uuid("question_id")
      .notNull()
      .references(() => auditQuestions.id, { onDelete: "cascade" }),
    text: text("text").notNull(),
  },
  (t) => [index("audit_quotes_audit_idx").on(t.auditId, t.questionId, t.id)],
);
