import { sql } from "drizzle-orm";
import {
  boolean,
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
  attachmentKinds,
  conversationFolders,
  conversationKinds,
  participantStatuses,
} from "../enums";
import { users } from "./accounts";
import { checkNotNegative, checkOneOf } from "./checks";

/**
 * A conversation: direct (two people, one per pair: `direct_key` is the two ids in order) or a
 * group of up to 20 people. `last_message_at` orders every inbox (decision 015).
 */
export const conversations = pgTable(
  "conversations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: conversationKinds }).notNull(),
    title: text("title").notNull().default(""),
    /** "<smaller id>:<larger id>" for a direct conversation; null for groups. */
    directKey: text("direct_key"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The form's one-time key: a double-submitted "start" finds the conversation it made. */
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("conversations_direct_key").on(t.directKey),
    uniqueIndex("conversations_submission_key").on(t.createdBy, t.submissionKey),
    checkOneOf("conversations_kind_check", t.kind, conversationKinds),
  ],
);

/**
 * A person's place in a conversation: their folder (inbox, requests, declined), whether they
 * left or muted it, what they last read, and the unread counter kept in step by the writes.
 */
export const conversationParticipants = pgTable(
  "conversation_participants",
  {
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    folder: text("folder", { enum: conversationFolders }).notNull().default("inbox"),
    status: text("status", { enum: participantStatuses }).notNull().default("active"),
    muted: boolean("muted").notNull().default(false),
    /** Copied from the conversation so an inbox page is read from this table's index alone. */
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    lastReadMessageId: uuid("last_read_message_id"),
    unreadCount: integer("unread_count").notNull().default(0),
    joinedAt: timestamp("joined_at", { withTimezone: true }).notNull().defaultNow(),
    leftAt: timestamp("left_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.conversationId, t.userId] }),
    index("conversation_participants_inbox_idx").on(
      t.userId,
      t.folder,
      t.lastMessageAt.desc().nullsFirst(),
      t.conversationId.desc().nullsFirst(),
    ),
    index("conversation_participants_unread_idx")
      .on(t.userId)
      .where(sql`unread_count > 0 and status = 'active' and folder = 'inbox' and not muted`),
    checkOneOf("conversation_participants_folder_check", t.folder, conversationFolders),
    checkOneOf("conversation_participants_status_check", t.status, participantStatuses),
    checkNotNegative("conversation_participants_unread_check", t.unreadCount),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    conversationId: uuid("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    /** Restrict: a person is deleted through deletePerson(), which anonymises first. */
    authorId: uuid("author_id")
      .notNull()
      .references(() => users.id, { onDelete: "restrict" }),
    body: text("body").notNull(),
    bodyHtml: text("body_html").notNull(),
    submissionKey: text("submission_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("messages_conversation_idx").on(
      t.conversationId,
      t.createdAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    uniqueIndex("messages_submission_key").on(t.authorId, t.submissionKey),
    index("messages_author_idx").on(t.authorId),
  ],
);

export const messageAttachments = pgTable(
  "message_attachments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    messageId: uuid("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: attachmentKinds }).notNull(),
    storageKey: text("storage_key").notNull(),
    filename: text("filename").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    width: integer("width"),
    height: integer("height"),
  },
  (t) => [
    index("message_attachments_message_idx").on(t.messageId),
    checkOneOf("message_attachments_kind_check", t.kind, attachmentKinds),
    checkNotNegative("message_attachments_size_check", t.sizeBytes),
  ],
);

/** A person's block of another: no messages from them, conversations with them hidden. */
export const userBlocks = pgTable(
  "user_blocks",
  {
    blockerId: uuid("blocker_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    blockedId: uuid("blocked_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.blockerId, t.blockedId] }),
    index("user_blocks_blocked_idx").on(t.blockedId),
  ],
);
