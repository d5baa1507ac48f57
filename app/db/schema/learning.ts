import { sql } from "drizzle-orm";
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import {
  completionRules,
  courseStatuses,
  enrolmentStatuses,
  lessonKinds,
  resourceFileKinds,
  resourceLicences,
  resourceReviewDecisions,
  resourceStatuses,
} from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";
import { networks } from "./networks";

/** One self-assessment or quiz question, as stored (correct answers never leave the server). */
export type StoredQuestion = {
  prompt: string;
  options: { text: string; correct: boolean }[];
  /** Shown after answering (self-assessment) or after a scored attempt (quiz). */
  feedback: string;
  /** More than one option is correct: the learner ticks every correct one. */
  multiple: boolean;
};

/** What a version of a resource holds: everything a reader sees. */
export type ResourceContent = {
  title: string;
  summary: string;
  language: string;
  topics: string[];
  eqf: number;
  minutes: number;
  licence: string;
  /** Markdown of the first three phases. */
  introduction: string;
  practice: string;
  reflection: string;
  /** The fourth phase: the informal self-assessment. */
  questions: StoredQuestion[];
  /** Video links shown with the practical content (https only). */
  videos: string[];
};

/**
 * A mini-format learning resource (issue 11): four fixed phases, written by an owner or an
 * educator, reviewed, published. The columns hold the current (working) version;
 * `learning_resource_versions` keeps every submitted version. The library lists and filters on
 * the `published_*` columns, the published version's facts (decision 021). Translations of
 * one resource share `translation_group` (one resource per language in a group). Courseware
 * shipped in courseware/ has its file's `slug`.
 */
export const learningResources = pgTable(
  "learning_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug"),
    translationGroup: uuid("translation_group").notNull().defaultRandom(),
    /** Null for shipped courseware; otherwise the person who started it. */
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    /** Null: in the open library; else seen only by the network's active members. */
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    status: text("status", { enum: resourceStatuses }).notNull().default("draft"),
    /** The current version's number; 1 for a new draft. */
    version: integer("version").notNull().default(1),
    /**
     * The version readers see (its content is in learning_resource_versions), null while none is
     * out: a published resource edited again goes back through review while readers keep this.
     */
    publishedVersion: integer("published_version"),
    /** The published version's topics, EQF level and minutes, written with published_version. */
    publishedTopics: text("published_topics").array(),
    publishedEqf: smallint("published_eqf"),
    publishedMinutes: smallint("published_minutes"),
    /** Open needs the authors say it answers; written as need_answers when it is published. */
    needIds: uuid("need_ids").array().notNull().default([]),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    language: text("language").notNull(),
    topics: text("topics").array().notNull().default([]),
    eqf: smallint("eqf").notNull().default(2),
    minutes: smallint("minutes").notNull().default(15),
    licence: text("licence", { enum: resourceLicences }).notNull().default("CC-BY-SA-4.0"),
    introduction: text("introduction").notNull().default(""),
    practice: text("practice").notNull().default(""),
    reflection: text("reflection").notNull().default(""),
    questions: jsonb("questions").$type<StoredQuestion[]>().notNull().default([]),
    videos: text("videos").array().notNull().default([]),
    /** Kept by the rating writer: Σ stars and how many rated. */
    ratingSum: integer("rating_sum").notNull().default(0),
    ratingCount: integer("rating_count").notNull().default(0),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("learning_resources_status_check", t.status, resourceStatuses),
    checkOneOf("learning_resources_licence_check", t.licence, resourceLicences),
    checkThat("learning_resources_eqf_check", sql`${t.eqf} between 1 and 8`),
    checkThat("learning_resources_minutes_check", sql`${t.minutes} between 1 and 240`),
    checkThat("learning_resources_version_check", sql`${t.version} >= 1`),
    checkNotNegative("learning_resources_rating_sum_check", t.ratingSum),
    checkNotNegative("learning_resources_rating_count_check", t.ratingCount),
    checkThat(
      "learning_resources_published_check",
      sql`${t.status} <> 'published' or ${t.publishedAt} is not null`,
    ),
    // What the library filters on comes with every published version.
    checkThat(
      "learning_resources_published_facts_check",
      sql`${t.publishedVersion} is null or (${t.publishedTopics} is not null
        and ${t.publishedEqf} is not null and ${t.publishedMinutes} is not null)`,
    ),
    uniqueIndex("learning_resources_slug_key").on(t.slug),
    uniqueIndex("learning_resources_translation_key").on(t.translationGroup, t.language),
    uniqueIndex("learning_resources_author_submission_key").on(t.authorId, t.submissionKey),
    index("learning_resources_author_idx").on(
      t.authorId,
      t.updatedAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // The library: what readers see (a published version), newest first, keyset on (published_at, id).
    index("learning_resources_library_idx")
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.publishedVersion} is not null`),
    index("learning_resources_library_language_idx")
      .on(t.language, t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.publishedVersion} is not null`),
    index("learning_resources_published_topics_idx")
      .using("gin", t.publishedTopics)
      .where(sql`${t.publishedVersion} is not null`),
    // The reviewers' queue.
    index("learning_resources_submitted_idx")
      .on(t.submittedAt, t.id)
      .where(sql`${t.status} = 'submitted'`),
    index("learning_resources_network_idx").on(t.networkId),
  ],
);

/** Every submitted (and the first) version of a resource, as the reader saw or would see it. */
export const learningResourceVersions = pgTable(
  "learning_resource_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    content: jsonb("content").$type<ResourceContent>().notNull(),
    editedBy: uuid("edited_by").references(() => users.id, { onDelete: "set null" }),
    note: text("note").notNull().default(""),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("learning_resource_versions_key").on(t.resourceId, t.version)],
);

/** Co-authors (owners and educators) besides the author; they may edit the draft. */
export const learningResourceCoauthors = pgTable(
  "learning_resource_coauthors",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId] }),
    index("learning_resource_coauthors_user_idx").on(t.userId),
  ],
);

/** A reviewer's word on one version: a comment, changes requested, or approval. */
export const learningResourceReviews = pgTable(
  "learning_resource_reviews",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    reviewerId: uuid("reviewer_id").references(() => users.id, { onDelete: "set null" }),
    decision: text("decision", { enum: resourceReviewDecisions }).notNull(),
    body: text("body").notNull().default(""),
    /** The review form's key (decision 007): the same form sent twice is one review. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("learning_resource_reviews_decision_check", t.decision, resourceReviewDecisions),
    index("learning_resource_reviews_resource_idx").on(t.resourceId, t.createdAt),
    uniqueIndex("learning_resource_reviews_submission_key").on(t.reviewerId, t.submissionKey),
  ],
);

/** Usefulness, 1–5, once per person (a second rating replaces the first). */
export const learningResourceRatings = pgTable(
  "learning_resource_ratings",
  {
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    stars: smallint("stars").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.resourceId, t.userId] }),
    checkThat("learning_resource_ratings_stars_check", sql`${t.stars} between 1 and 5`),
  ],
);

/** Readers' comments on a published resource. */
export const learningResourceComments = pgTable(
  "learning_resource_comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "cascade" }),
    body: text("body").notNull(),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("learning_resource_comments_resource_idx").on(
      t.resourceId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    uniqueIndex("learning_resource_comments_submission_key").on(t.authorId, t.submissionKey),
  ],
);

/** Pictures (shown in the text by `![](file:<id>)`) and worksheets to download. */
export const learningResourceFiles = pgTable(
  "learning_resource_files",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    resourceId: uuid("resource_id")
      .notNull()
      .references(() => learningResources.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: resourceFileKinds }).notNull(),
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    uploadedBy: uuid("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("learning_resource_files_kind_check", t.kind, resourceFileKinds),
    checkNotNegative("learning_resource_files_size_check", t.sizeBytes),
    index("learning_resource_files_resource_idx").on(t.resourceId, t.createdAt),
  ],
);

/**
 * A course: lessons in sections, in order. Null `network_id`: anyone signed in may enrol; else
 * only the network's active members. Shipped courses (the two inductions) have a `slug`.
 */
export const courses = pgTable(
  "courses",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    networkId: uuid("network_id").references(() => networks.id, { onDelete: "cascade" }),
    status: text("status", { enum: courseStatuses }).notNull().default("draft"),
    title: text("title").notNull(),
    summary: text("summary").notNull().default(""),
    language: text("language").notNull(),
    topics: text("topics").array().notNull().default([]),
    eqf: smallint("eqf").notNull().default(2),
    completionRule: text("completion_rule", { enum: completionRules })
      .notNull()
      .default("all_lessons_and_quizzes"),
    /** Per cent of a quiz's points needed to pass it. */
    passMark: smallint("pass_mark").notNull().default(70),
    /** Completing it issues a certificate and an Open Badges 3.0 credential. */
    issuesBadge: boolean("issues_badge").notNull().default(true),
    /** Kept by the writers: lessons in the course, people enrolled. */
    lessonCount: integer("lesson_count").notNull().default(0),
    enrolmentCount: integer("enrolment_count").notNull().default(0),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("courses_status_check", t.status, courseStatuses),
    checkOneOf("courses_completion_rule_check", t.completionRule, completionRules),
    checkThat("courses_pass_mark_check", sql`${t.passMark} between 1 and 100`),
    checkThat("courses_eqf_check", sql`${t.eqf} between 1 and 8`),
    checkNotNegative("courses_lesson_count_check", t.lessonCount),
    checkNotNegative("courses_enrolment_count_check", t.enrolmentCount),
    uniqueIndex("courses_slug_key").on(t.slug),
    uniqueIndex("courses_owner_submission_key").on(t.ownerId, t.submissionKey),
    index("courses_published_idx")
      .on(t.publishedAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`${t.status} = 'published'`),
    index("courses_network_idx").on(t.networkId),
    index("courses_owner_idx").on(t.ownerId),
  ],
);

export const courseSections = pgTable(
  "course_sections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    title: text("title").notNull(),
  },
  (t) => [
    uniqueIndex("course_sections_position_key").on(t.courseId, t.position),
    checkNotNegative("course_sections_position_check", t.position),
  ],
);

/**
 * One lesson: a learning resource, or a quiz whose questions (with the correct options) stay on
 * the server. `position` orders lessons across the whole course.
 */
export const courseLessons = pgTable(
  "course_lessons",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    sectionId: uuid("section_id")
      .notNull()
      .references(() => courseSections.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    kind: text("kind", { enum: lessonKinds }).notNull(),
    resourceId: uuid("resource_id").references(() => learningResources.id, {
      onDelete: "restrict",
    }),
    /** A quiz's title; a resource lesson shows the resource's. */
    title: text("title").notNull().default(""),
    quiz: jsonb("quiz").$type<StoredQuestion[]>(),
  },
  (t) => [
    checkOneOf("course_lessons_kind_check", t.kind, lessonKinds),
    checkThat(
      "course_lessons_target_check",
      sql`(${t.kind} = 'resource' and ${t.resourceId} is not null) or (${t.kind} = 'quiz' and ${t.quiz} is not null)`,
    ),
    uniqueIndex("course_lessons_position_key").on(t.courseId, t.position),
    index("course_lessons_section_idx").on(t.sectionId, t.position),
    index("course_lessons_resource_idx").on(t.resourceId),
  ],
);

/** A learner in a course; resumed at `last_lesson_id`. */
export const enrolments = pgTable(
  "enrolments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    courseId: uuid("course_id")
      .notNull()
      .references(() => courses.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    status: text("status", { enum: enrolmentStatuses }).notNull().default("active"),
    lastLessonId: uuid("last_lesson_id").references(() => courseLessons.id, {
      onDelete: "set null",
    }),
    /** Lessons completed (kept with lesson_progress). */
    completedLessons: integer("completed_lessons").notNull().default(0),
    enrolledAt: timestamp("enrolled_at", { withTimezone: true }).notNull().defaultNow(),
    lastActiveAt: timestamp("last_active_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("enrolments_status_check", t.status, enrolmentStatuses),
    checkNotNegative("enrolments_completed_lessons_check", t.completedLessons),
    uniqueIndex("enrolments_course_user_key").on(t.courseId, t.userId),
    index("enrolments_user_idx").on(t.userId, t.lastActiveAt.desc().nullsFirst()),
    // A facilitator's view of a course's learners, most recently active first.
    index("enrolments_course_active_idx").on(
      t.courseId,
      t.lastActiveAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    // Removing a lesson clears the enrolments resumed at it (ON DELETE SET NULL).
    index("enrolments_last_lesson_idx").on(t.lastLessonId),
  ],
);

/** A lesson the learner finished (a quiz: passed, or attempted when the rule allows). */
export const lessonProgress = pgTable(
  "lesson_progress",
  {
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    completedAt: timestamp("completed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.enrolmentId, t.lessonId] }),
    // Removing a lesson finds its progress rows (ON DELETE CASCADE) through this.
    index("lesson_progress_lesson_idx").on(t.lessonId),
  ],
);

/** Every quiz attempt, scored on the server. */
export const quizAttempts = pgTable(
  "quiz_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id")
      .notNull()
      .references(() => enrolments.id, { onDelete: "cascade" }),
    lessonId: uuid("lesson_id")
      .notNull()
      .references(() => courseLessons.id, { onDelete: "cascade" }),
    /** The option indexes ticked, per question. */
    answers: jsonb("answers").$type<number[][]>().notNull(),
    score: integer("score").notNull(),
    maxScore: integer("max_score").notNull(),
    passed: boolean("passed").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkNotNegative("quiz_attempts_score_check", t.score),
    checkThat("quiz_attempts_max_check", sql`${t.score} <= ${t.maxScore}`),
    index("quiz_attempts_enrolment_idx").on(
      t.enrolmentId,
      t.lessonId,
      t.createdAt.desc().nullsFirst(),
    ),
    index("quiz_attempts_lesson_idx").on(t.lessonId),
  ],
);

/**
 * The installation's signing keys for credentials (Ed25519). The newest unretired key signs;
 * older keys stay published so credentials they signed still verify.
 */
export const signingKeys = pgTable("signing_keys", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Multibase (base58btc) Ed25519 public key with its multicodec header, "z6Mk…". */
  publicKeyMultibase: text("public_key_multibase").notNull(),
  /** The secret key in the same encoding; never leaves the server. */
  secretKeyMultibase: text("secret_key_multibase").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  retiredAt: timestamp("retired_at", { withTimezone: true }),
});

/**
 * A certificate earned by completing a course: the signed Open Badges 3.0 credential as issued,
 * its place in the installation's Bitstring Status List, and revocation.
 */
export const credentials = pgTable(
  "credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    enrolmentId: uuid("enrolment_id").references(() => enrolments.id, { onDelete: "set null" }),
    /**
     * The holder; null once their account is deleted. The row stays as a revoked tombstone (no
     * name) so its status-list bit stays set and its index is never given to another credential.
     */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    courseId: uuid("course_id").references(() => courses.id, { onDelete: "set null" }),
    /** Index of this credential's bit in the revocation status list. */
    statusIndex: integer("status_index").notNull(),
    document: jsonb("document").$type<Record<string, unknown>>().notNull(),
    recipientName: text("recipient_name").notNull(),
    achievementName: text("achievement_name").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    validUntil: timestamp("valid_until", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    revokedReason: text("revoked_reason").notNull().default(""),
    /** Shown on the person's profile. */
    isPublic: boolean("is_public").notNull().default(true),
  },
  (t) => [
    checkNotNegative("credentials_status_index_check", t.statusIndex),
    uniqueIndex("credentials_status_index_key").on(t.statusIndex),
    uniqueIndex("credentials_enrolment_key").on(t.enrolmentId),
    index("credentials_user_idx").on(t.userId, t.issuedAt.desc().nullsFirst()),
    index("credentials_revoked_idx").on(t.statusIndex).where(sql`${t.revokedAt} is not null`),
  ],
);
