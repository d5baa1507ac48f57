import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
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
import {
  attachmentKinds,
  contentLanguages,
  invitationKinds,
  MAX_ALT_TEXT_LENGTH,
  networkKinds,
  networkMemberStatuses,
  networkRoles,
  networkVisibilities,
  reactionKinds,
  resourceKinds,
} from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf, checkThat } from "./checks";

export { networkKinds, networkVisibilities, reactionKinds } from "../enums";

/** Installation-wide settings an admin can change (key → JSON value). */
export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: jsonb("value").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const networks = pgTable(
  "networks",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    purpose: text("purpose").notNull().default(""),
    description: text("description").notNull().default(""),
    kind: text("kind", { enum: networkKinds }).notNull(),
    /** Where a local network meets face to face. */
    place: text("place").notNull().default(""),
    countries: text("countries").array().notNull().default([]),
    languages: text("languages").array().notNull().default([]),
    topics: text("topics").array().notNull().default([]),
    visibility: text("visibility", { enum: networkVisibilities }).notNull().default("open"),
    coverKey: text("cover_key"),
    memberCap: integer("member_cap").notNull().default(40),
    /** Active members, kept in step with network_members inside the same transactions. */
    memberCount: integer("member_count").notNull().default(0),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("networks_listed_idx")
      .on(t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`visibility <> 'secret'`),
    index("networks_countries_idx").using("gin", t.countries),
    index("networks_languages_idx").using("gin", t.languages),
    index("networks_topics_idx").using("gin", t.topics),
    checkOneOf("networks_kind_check", t.kind, networkKinds),
    checkOneOf("networks_visibility_check", t.visibility, networkVisibilities),
    checkNotNegative("networks_member_count_check", t.memberCount),
    checkThat("networks_member_cap_check", sql`${t.memberCap} > 0`),
  ],
);

export const networkMembers = pgTable(
  "network_members",
  {
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: networkRoles }).notNull().default("member"),
    /** "removed" is no longer written: removals live in network_removals (decision 006). */
    status: text("status", { enum: networkMemberStatuses }).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Posts newer than this are unread for the member. */
    lastReadAt: timestamp("last_read_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    index("network_members_user_idx").on(t.userId, t.status),
    index("network_members_network_idx").on(t.networkId, t.status, t.role),
    checkOneOf("network_members_role_check", t.role, networkRoles),
    checkOneOf("network_members_status_check", t.status, networkMemberStatuses),
  ],
);

/**
 * Removals by a facilitator: while a row stands the person cannot come back by any way in
 * (joining, a request, a shared link, an email invitation, a facilitator's approval). It is kept
 * apart from network_members so that leaving, which deletes the membership, cannot erase it; a
 * facilitator lifting the removal deletes the row. Each removal has its own id, so a replayed
 * "lift" form cannot lift a later removal of the same person.
 */
export const networkRemovals = pgTable(
  "network_removals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    removedBy: uuid("removed_by").references(() => users.id, { onDelete: "set null" }),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("network_removals_member_key").on(t.networkId, t.userId),
    index("network_removals_network_idx").on(t.networkId, t.removedAt.desc(), t.id.desc()),
  ],
);

/**
 * Invitations: by email (single use, for one address) or a shareable link (many uses, until it
 * expires or is revoked). Only the SHA-256 of the token is stored.
 */
export const networkInvitations = pgTable(
  "network_invitations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: invitationKinds }).notNull(),
    email: text("email"),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    usedCount: integer("used_count").notNull().default(0),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    /** The invitation form's submission key: the same form sent again sends nothing again. */
    submissionKey: text("submission_key"),
  },
  (t) => [
    uniqueIndex("network_invitations_token_key").on(t.tokenHash),
    index("network_invitations_network_idx").on(t.networkId, t.kind),
    index("network_invitations_pending_email_idx").on(t.networkId, t.email),
    checkOneOf("network_invitations_kind_check", t.kind, invitationKinds),
    checkNotNegative("network_invitations_used_count_check", t.usedCount),
  ],
);

export const posts = pgTable(
  "posts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    /** Restrict: a person is deleted through deletePerson(), which anonymises first (decision 010). */
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    /** The Markdown rendered and made safe when the post was written. */
    bodyHtml: text("body_html").notNull(),
    /**
     * The language its author says it is written in (one of the interface languages); null for
     * posts written before authors were asked, which are never guessed (decision 031).
     */
    language: text("language", { enum: contentLanguages }),
    /** The form's one-time key: a double-submitted form finds the post it already made. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    deletedBy: uuid("deleted_by").references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    index("posts_network_feed_idx")
      .on(t.networkId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    index("posts_network_pinned_idx")
      .on(t.networkId, t.pinnedAt)
      .where(sql`pinned_at is not null and deleted_at is null`),
    uniqueIndex("posts_submission_key").on(t.authorId, t.submissionKey),
    index("posts_deleted_by_idx").on(t.deletedBy).where(sql`deleted_by is not null`),
    checkOneOf("posts_language_check", t.language, contentLanguages),
  ],
);

export const postAttachments = pgTable(
  "post_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: attachmentKinds }).notNull(),
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
    /** The author's description of a photo, its text alternative (null: none given). */
    altText: text("alt_text"),
  },
  (t) => [
    index("post_attachments_post_idx").on(t.postId),
    checkOneOf("post_attachments_kind_check", t.kind, attachmentKinds),
    checkNotNegative("post_attachments_size_check", t.sizeBytes),
    checkThat(
      "post_attachments_alt_text_check",
      sql`char_length(${t.altText}) <= ${sql.raw(String(MAX_ALT_TEXT_LENGTH))}`,
    ),
  ],
);

export const postMentions = pgTable(
  "post_mentions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId] }),
    index("post_mentions_user_idx").on(t.userId),
  ],
);

export const postReactions = pgTable(
  "post_reactions",
  {
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: reactionKinds }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.postId, t.userId, t.kind] }),
    checkOneOf("post_reactions_kind_check", t.kind, reactionKinds),
  ],
);

export const comments = pgTable(
  "comments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    postId: uuid("post_id")
      .notNull()
      .references(() => posts.id, { onDelete: "cascade" }),
    /** A reply to a top-level comment (one level only). */
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id, {
      onDelete: "cascade",
    }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** As posts.language: what its author wrote it in, null when never said. */
    language: text("language", { enum: contentLanguages }),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("comments_post_idx").on(t.postId, t.createdAt),
    checkOneOf("comments_language_check", t.language, contentLanguages),
    // The foreign keys below are checked on every delete of the row they point to.
    index("comments_parent_idx").on(t.parentId).where(sql`parent_id is not null`),
    uniqueIndex("comments_submission_key").on(t.authorId, t.submissionKey),
  ],
);

export const forumTopics = pgTable(
  "forum_topics",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    title: text("title").notNull(),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** As posts.language, for the title and the opening text. */
    language: text("language", { enum: contentLanguages }),
    submissionKey: text("submission_key"),
    replyCount: integer("reply_count").notNull().default(0),
    answerReplyId: uuid("answer_reply_id").references((): AnyPgColumn => forumReplies.id, {
      onDelete: "set null",
    }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("forum_topics_network_idx")
      .on(t.networkId, t.lastActivityAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    uniqueIndex("forum_topics_submission_key").on(t.authorId, t.submissionKey),
    checkNotNegative("forum_topics_reply_count_check", t.replyCount),
    checkOneOf("forum_topics_language_check", t.language, contentLanguages),
    index("forum_topics_answer_idx").on(t.answerReplyId).where(sql`answer_reply_id is not null`),
  ],
);

export const forumReplies = pgTable(
  "forum_replies",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    topicId: uuid("topic_id")
      .notNull()
      .references(() => forumTopics.id, { onDelete: "cascade" }),
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    /** As posts.language. */
    language: text("language", { enum: contentLanguages }),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("forum_replies_topic_idx").on(t.topicId, t.createdAt),
    checkOneOf("forum_replies_language_check", t.language, contentLanguages),
    uniqueIndex("forum_replies_submission_key").on(t.authorId, t.submissionKey),
  ],
);

export const networkResources = pgTable(
  "network_resources",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    networkId: uuid("network_id")
      .notNull()
      .references(() => networks.id, { onDelete: "cascade" }),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    kind: text("kind", { enum: resourceKinds }).notNull(),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    url: text("url"),
    storageKey: text("storage_key"),
    filename: text("filename"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    language: text("language").notNull(),
    topics: text("topics").array().notNull().default([]),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("network_resources_network_idx")
      .on(t.networkId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(sql`deleted_at is null`),
    uniqueIndex("network_resources_submission_key").on(t.addedBy, t.submissionKey),
    checkOneOf("network_resources_kind_check", t.kind, resourceKinds),
    checkNotNegative("network_resources_size_check", t.sizeBytes),
  ],
);
