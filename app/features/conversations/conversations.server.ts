import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed, queryRows } from "~/db/client.server";
import {
  conversationParticipants,
  conversations,
  messageAttachments,
  messages,
  userBlocks,
} from "~/db/schema";
import { renderMarkdown, toPlainText } from "~/features/content/markdown";
import { type Mentionable, mentionHandle } from "~/features/content/mentions.server";
import {
  markConversationNotificationsRead,
  notifyMessage,
} from "~/features/conversations/notifications.server";
import { type AuthorAsSeen, authorAsSeen } from "~/features/profiles/visitors";
import { createOnce, findSubmitted } from "~/lib/create-once.server";
import type { Cursor } from "~/lib/cursor";
import { getEnv } from "~/lib/env.server";
import { conflict, invalid, notFound, tooMany } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { filesOf, removeUploads, type StoredFile, storeUpload } from "~/lib/uploads.server";
import {
  type ConversationSubject,
  conversationPolicy,
  type Folder,
  firstMessagesPerDay,
  MESSAGES_PER_TEN_MINUTES,
  type StartSubject,
} from "./rules";

/** Files one message may carry. */
export const MAX_FILES_PER_MESSAGE = 4;
/** Messages on one page of a conversation, and conversations on one page of the inbox. */
export const MESSAGES_PER_PAGE = 30;
export const CONVERSATIONS_PER_PAGE = 20;

const conversationSubmissions = {
  table: conversations,
  id: conversations.id,
  owner: conversations.createdBy,
  key: conversations.submissionKey,
};
const messageSubmissions = {
  table: messages,
  id: messages.id,
  owner: messages.authorId,
  key: messages.submissionKey,
};

/** The key that makes a direct conversation one per pair. */
export function directKeyOf(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}

// ───────────────────────────── who the viewer is in a conversation ─────────────────────────────

export type ConversationAccess = {
  conversation: { id: string; kind: "direct" | "group"; title: string };
  subject: ConversationSubject;
  /** The other participants (active or left), with their folder. */
  others: { userId: string; displayName: string; status: "active" | "left"; folder: Folder }[];
  muted: boolean;
  unreadCount: number;
  lastReadMessageId: string | null;
};

const accessRow = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  title: z.string(),
  user_id: z.string(),
  display_name: z.string(),
  folder: z.enum(["inbox", "requests", "declined"]),
  status: z.enum(["active", "left"]),
  muted: z.boolean(),
  unread_count: z.coerce.number(),
  last_read_message_id: z.string().nullable(),
  i_block: z.boolean(),
  blocks_me: z.boolean(),
});

/**
 * The conversation as ONE viewer sees it: their own place, the others, and the blocks between
 * them. Null when there is no such conversation (an id that is not one, too).
 */
export async function getConversationAccess(
  conversationId: string,
  viewerId: string | null,
  db: Db = getDb(),
): Promise<ConversationAccess | null> {
  if (!isUuid(conversationId)) return null;
  const rows = await queryParsed(
    accessRow,
    sql`select c.id, c.kind, c.title, p.user_id, u.display_name, p.folder, p.status, p.muted,
          p.unread_count, p.last_read_message_id,
          exists (select 1 from user_blocks b where b.blocker_id = ${viewerId}::uuid and b.blocked_id = p.user_id) as i_block,
          exists (select 1 from user_blocks b where b.blocker_id = p.user_id and b.blocked_id = ${viewerId}::uuid) as blocks_me
        from conversations c
        join conversation_participants p on p.conversation_id = c.id
        join users u on u.id = p.user_id
        where c.id = ${conversationId}
        order by u.display_name`,
    db,
  );
  if (!rows.length) return null;
  const first = rows[0];
  const mine = rows.find((r) => r.user_id === viewerId) ?? null;
  const others = rows.filter((r) => r.user_id !== viewerId);
  const direct = first.kind === "direct";
  const other = direct ? others[0] : undefined;
  return {
    conversation: { id: first.id, kind: first.kind, title: first.title },
    subject: {
      id: first.id,
      kind: first.kind,
      me: mine ? { status: mine.status, folder: mine.folder } : null,
      otherDeclined: other?.folder === "declined",
      blockedByOther: other?.blocks_me ?? false,
      iBlockedOther: other?.i_block ?? false,
    },
    others: others.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      status: r.status,
      folder: r.folder,
    })),
    muted: mine?.muted ?? false,
    unreadCount: mine?.unread_count ?? 0,
    lastReadMessageId: mine?.last_read_message_id ?? null,
  };
}

/** The access of a viewer, or 404 for a conversation that does not exist. */
export async function requireConversationAccess(
  conversationId: string,
  viewerId: string | null,
): Promise<ConversationAccess> {
  const access = await getConversationAccess(conversationId, viewerId);
  if (!access) throw notFound("conversations.notFound");
  return access;
}

// ───────────────────────────── unread counts ─────────────────────────────

/**
 * Unread messages in the inbox of the person whose id is `userId` (a SQL value; muted and left
 * conversations and requests not counted): a scalar subquery.
 */
export function unreadMessagesSql(userId: SQL): SQL {
  return sql`(select coalesce(sum(unread_count), 0) from conversation_participants
      where user_id = ${userId} and unread_count > 0 and status = 'active'
        and folder = 'inbox' and not muted)::int`;
}

/** Unread messages in each person's inbox, in one query. */
async function unreadTotals(userIds: readonly string[], db: Db = getDb()) {
  if (userIds.length === 0) return [];
  return queryParsed(
    z.object({ id: z.string(), total: z.coerce.number() }),
    sql`select r.id::text as id, ${unreadMessagesSql(sql`r.id`)} as total
        from (values ${sql.join(
          userIds.map((id) => sql`(${id}::uuid)`),
          sql`, `,
        )}) as r(id)`,
    db,
  );
}

/** Unread messages in the person's inbox. */
export async function unreadTotal(userId: string, db: Db = getDb()): Promise<number> {
  const [row] = await unreadTotals([userId], db);
  return row?.total ?? 0;
}

/** Requests waiting for the person's decision. */
export async function requestCount(userId: string): Promise<number> {
  const [row] = await queryRows<{ n: string | number }>(
    sql`select count(*) as n from conversation_participants
        where user_id = ${userId} and folder = 'requests' and status = 'active'`,
  );
  return Number(row?.n ?? 0);
}

/** Tells each person's open pages their new unread total (after commit; best effort). */
async function publishUnread(userIds: Iterable<string>): Promise<void> {
  const totals = await unreadTotals([...new Set(userIds)]);
  await Promise.all(
    totals.map(({ id, total }) =>
      publish({ topic: `user:${id}`, type: "conversations.unread", data: { count: total } }),
    ),
  );
}

// ───────────────────────────── writing ─────────────────────────────

/** The participants of a conversation keyed by mention handle (mentions reach only them). */
async function participantMentionables(
  db: Db,
  conversationId: string,
): Promise<Map<string, Mentionable>> {
  const rows = await queryRows<{ id: string; display_name: string }>(
    sql`select u.id, u.display_name from conversation_participants p join users u on u.id = p.user_id
        where p.conversation_id = ${conversationId} and p.status = 'active'`,
    db,
  );
  const map = new Map<string, Mentionable>();
  for (const row of rows) {
    const handle = mentionHandle(row.display_name);
    if (handle.length >= 2 && !map.has(handle))
      map.set(handle, { id: row.id, name: row.display_name });
  }
  return map;
}

async function storeMessageFiles(conversationId: string, files: unknown): Promise<StoredFile[]> {
  const list = filesOf(files);
  if (list.length > MAX_FILES_PER_MESSAGE) throw invalid("upload.tooMany", "files");
  const stored: StoredFile[] = [];
  try {
    for (const file of list) {
      stored.push(
        await storeUpload({
          file,
          prefix: `messages/${conversationId}`,
          maxBytes: getEnv().UPLOAD_LIMIT_BYTES,
          field: "files",
        }),
      );
    }
  } catch (error) {
    await removeUploads(stored);
    throw error;
  }
  return stored;
}

async function limitMessages(userId: string) {
  const limit = await hitRateLimit(`message:user:${userId}`, MESSAGES_PER_TEN_MINUTES, 600);
  if (!limit.allowed) {
    throw tooMany("conversations.tooFast", { retryAfterSeconds: limit.retryAfterSeconds });
  }
}

/**
 * Writes the message's rows that follow its insert, in the same transaction: attachments, the
 * conversation's order, the others' unread counters (not for those who blocked the author, nor
 * for those who left), and the author's own read state (their own message is read; writing in
 * a request or a declined conversation moves it to their inbox).
 */
async function afterMessageInsert(
  tx: Db,
  options: { conversationId: string; messageId: string; authorId: string; files: StoredFile[] },
) {
  const { conversationId, messageId, authorId, files } = options;
  if (files.length) {
    await tx.insert(messageAttachments).values(files.map((f) => ({ messageId, ...f })));
  }
  const now = sql`now()`;
  await tx
    .update(conversations)
    .set({ lastMessageAt: now })
    .where(eq(conversations.id, conversationId));
  await tx.execute(sql`
    update conversation_participants p set last_message_at = now(),
      unread_count = p.unread_count + 1
    where p.conversation_id = ${conversationId} and p.user_id <> ${authorId}
      and p.status = 'active'
      and not exists (select 1 from user_blocks b where b.blocker_id = p.user_id and b.blocked_id = ${authorId})`);
  await tx.execute(sql`
    update conversation_participants p set last_message_at = now(), unread_count = 0,
      last_read_message_id = ${messageId}, folder = 'inbox'
    where p.conversation_id = ${conversationId} and p.user_id = ${authorId}`);
  await notifyMessage(tx, { conversationId, messageId, authorId });
}

/** After a committed message: the conversation's streams and the recipients' unread badges. */
async function announceMessage(conversationId: string, messageId: string, authorId: string) {
  await publish({
    topic: `conversation:${conversationId}`,
    type: "message",
    data: { messageId, authorId },
  });
  const recipients = await queryRows<{ user_id: string }>(
    sql`select user_id from conversation_participants
        where conversation_id = ${conversationId} and user_id <> ${authorId} and status = 'active'`,
  );
  await publishUnread(recipients.map((r) => r.user_id));
}

/**
 * Sends a message in a conversation the author may write in (the decision proves it). A form
 * sent twice (same submission key) finds the message the first one made.
 */
export async function sendMessage(options: {
  decision: Decision<"send", ConversationSubject, Person>;
  body: string;
  files: unknown;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const conversationId = options.decision.resource.id;
  const authorId = options.decision.actor.id;
  const result = await createOnce({
    target: messageSubmissions,
    ownerId: authorId,
    submissionKey: options.submissionKey,
    prepare: async () => {
      await limitMessages(authorId);
      return storeMessageFiles(conversationId, options.files);
    },
    values: async (tx) => {
      // Re-checked on the row, locked: leaving or a block committed since the page was read wins.
      const [me] = await tx
        .select({ status: conversationParticipants.status })
        .from(conversationParticipants)
        .where(
          and(
            eq(conversationParticipants.conversationId, conversationId),
            eq(conversationParticipants.userId, authorId),
          ),
        )
        .for("update");
      if (!me) throw notFound("conversations.notFound");
      const access = await getConversationAccess(conversationId, authorId, tx);
      if (!access) throw notFound("conversations.notFound");
      conversationPolicy.authorize(options.decision.actor, "send", access.subject);
      const mentions = await participantMentionables(tx, conversationId);
      return {
        conversationId,
        authorId,
        body: options.body,
        bodyHtml: renderMarkdown(options.body, { mentions }),
      };
    },
    alsoWrite: (tx, messageId, files) =>
      afterMessageInsert(tx, { conversationId, messageId, authorId, files }),
    discard: (files) => removeUploads(files),
  });
  if (!result.duplicate) await announceMessage(conversationId, result.id, authorId);
  return result;
}

/** The people a conversation may be started with: they exist and confirmed their address. */
export async function findRecipients(ids: string[]) {
  const unique = [...new Set(ids.filter(isUuid))];
  if (!unique.length) return [];
  return queryParsed(
    z.object({ id: z.string(), display_name: z.string() }),
    sql`select id, display_name from users
        where id in (${sql.join(
          unique.map((id) => sql`${id}::uuid`),
          sql`, `,
        )}) and email_verified_at is not null and onboarded_at is not null
        order by display_name`,
  );
}

/** What the start rule needs about the starter and these recipients. */
export async function startSubject(
  starterId: string,
  recipientIds: string[],
): Promise<StartSubject> {
  const others = recipientIds.filter((id) => id !== starterId);
  const [row] = await queryRows<{ blocked_by: boolean; blocks: boolean }>(sql`
    select
      exists (select 1 from user_blocks where blocked_id = ${starterId}
              and blocker_id = any(${toUuidArray(others)})) as blocked_by,
      exists (select 1 from user_blocks where blocker_id = ${starterId}
              and blocked_id = any(${toUuidArray(others)})) as blocks`);
  return {
    recipientCount: others.length,
    includesSelf: recipientIds.includes(starterId),
    blockedBySomeone: row?.blocked_by ?? false,
    blocksSomeone: row?.blocks ?? false,
  };
}

function toUuidArray(ids: string[]) {
  return sql`array[${sql.join(
    ids.map((id) => sql`${id}::uuid`),
    sql`, `,
  )}]::uuid[]`;
}

/** The direct conversation between two people, if they have one. */
export async function findDirectConversation(a: string, b: string): Promise<string | null> {
  const [row] = await getDb()
    .select({ id: conversations.id })
    .from(conversations)
    .where(eq(conversations.directKey, directKeyOf(a, b)));
  return row?.id ?? null;
}

/**
 * Starts a conversation with its first message. Direct: one per pair, so starting again with
 * the same person sends the message in the conversation they already have. Each recipient who
 * shares an active network with the starter finds it in their inbox; the others in their
 * requests. New conversations count against the starter's daily limit (lower for new accounts).
 */
export async function startConversation(options: {
  decision: Decision<"start", StartSubject, Person>;
  recipientIds: string[];
  title: string;
  body: string;
  files: unknown;
  submissionKey?: string;
  accountCreatedAt: Date;
}): Promise<{ id: string; duplicate: boolean }> {
  const starter = options.decision.actor;
  const recipients = [...new Set(options.recipientIds)].filter((id) => id !== starter.id);
  const direct = recipients.length === 1;
  // A resent form finds what the first one made, before any limit is counted.
  const already = await findSubmitted(conversationSubmissions, starter.id, options.submissionKey);
  if (already) return { id: already, duplicate: true };
  if (direct) {
    const existing = await findDirectConversation(starter.id, recipients[0]);
    if (existing) return sendInExisting(existing, starter, options);
  }
  let firstMessageId = "";
  let result: { id: string; duplicate: boolean };
  try {
    result = await createOnce({
      target: conversationSubmissions,
      ownerId: starter.id,
      submissionKey: options.submissionKey,
      prepare: async () => {
        const limit = await hitRateLimit(
          `conversation-start:user:${starter.id}`,
          firstMessagesPerDay(options.accountCreatedAt, new Date()),
          86_400,
        );
        if (!limit.allowed) {
          throw tooMany("conversations.tooManyNew", {
            retryAfterSeconds: limit.retryAfterSeconds,
          });
        }
        await limitMessages(starter.id);
        // Files are stored under a fresh folder; the conversation id is not known yet.
        return storeMessageFiles(`new-${starter.id}`, options.files);
      },
      values: () => ({
        kind: direct ? ("direct" as const) : ("group" as const),
        title: direct ? "" : options.title,
        directKey: direct ? directKeyOf(starter.id, recipients[0]) : null,
        createdBy: starter.id,
      }),
      alsoWrite: async (tx, conversationId, files) => {
        const shared = await queryRows<{ user_id: string }>(
          sql`select distinct b.user_id from network_members a
              join network_members b on b.network_id = a.network_id
              where a.user_id = ${starter.id} and a.status = 'active' and b.status = 'active'
                and b.user_id = any(${toUuidArray(recipients)})`,
          tx,
        );
        const sharing = new Set(shared.map((r) => r.user_id));
        await tx.insert(conversationParticipants).values([
          { conversationId, userId: starter.id, folder: "inbox" as const },
          ...recipients.map((userId) => ({
            conversationId,
            userId,
            folder: sharing.has(userId) ? ("inbox" as const) : ("requests" as const),
          })),
        ]);
        const mentions = await participantMentionables(tx, conversationId);
        const [message] = await tx
          .insert(messages)
          .values({
            conversationId,
            authorId: starter.id,
            body: options.body,
            bodyHtml: renderMarkdown(options.body, { mentions }),
            submissionKey: options.submissionKey ?? null,
          })
          .returning({ id: messages.id });
        firstMessageId = message.id;
        await afterMessageInsert(tx, {
          conversationId,
          messageId: message.id,
          authorId: starter.id,
          files,
        });
      },
      discard: (files) => removeUploads(files),
    });
  } catch (error) {
    // Two first messages to the same person raced: the other made the conversation.
    if (direct && isUniqueViolation(error, "conversations_direct_key")) {
      const existing = await findDirectConversation(starter.id, recipients[0]);
      if (existing) return sendInExisting(existing, starter, options);
    }
    throw error;
  }
  if (!result.duplicate) await announceMessage(result.id, firstMessageId, starter.id);
  return result;
}

function isUniqueViolation(error: unknown, constraint: string): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { code?: string; constraint?: string; message?: string; cause?: unknown };
    if (e.code === "23505" && (e.constraint === constraint || e.message?.includes(constraint))) {
      return true;
    }
    current = e.cause;
  }
  return false;
}

async function sendInExisting(
  conversationId: string,
  starter: Person,
  options: { body: string; files: unknown; submissionKey?: string },
) {
  const access = await requireConversationAccess(conversationId, starter.id);
  const decision = conversationPolicy.authorize(starter, "send", access.subject);
  await sendMessage({
    decision,
    body: options.body,
    files: options.files,
    submissionKey: options.submissionKey,
  });
  return { id: conversationId, duplicate: false };
}

// ───────────────────────────── reading ─────────────────────────────

export type MessageView = {
  id: string;
  /** As pages show authors: the former member in the reader's words, without a link. */
  author: AuthorAsSeen;
  bodyHtml: string;
  createdAt: string;
  attachments: { id: string; kind: "image" | "file"; filename: string }[];
};

const messageRow = z.object({
  id: z.string(),
  author_id: z.string(),
  display_name: z.string(),
  photo_key: z.string().nullable(),
  body_html: z.string(),
  created_at: z.coerce.date(),
  cursor_at: z.string(),
});

/**
 * One page of a conversation's messages, newest first from `before` (the latest page without
 * it), as keyset pages over (created_at, id); messages of people the viewer blocked are left out.
 * The page is returned oldest first, as it is read; `older` is the cursor of the page before.
 */
export async function listMessages(options: {
  decision: Decision<"read", ConversationSubject>;
  viewerId: string;
  before: Cursor | null;
  limit?: number;
}): Promise<{ messages: MessageView[]; older: string | null }> {
  const limit = options.limit ?? MESSAGES_PER_PAGE;
  const conversationId = options.decision.resource.id;
  const rows = await queryParsed(
    messageRow,
    sql`select m.id, m.author_id, u.display_name, u.photo_key, m.body_html, m.created_at,
          ${cursorAtSql("m.created_at")}
        from messages m join users u on u.id = m.author_id
        where m.conversation_id = ${conversationId}
          ${options.before ? sql`and ${afterCursorSql(options.before, "m.created_at", "m.id")}` : sql``}
          and not exists (select 1 from user_blocks b
                          where b.blocker_id = ${options.viewerId} and b.blocked_id = m.author_id)
        order by m.created_at desc, m.id desc
        limit ${limit + 1}`,
  );
  const { page, next } = keysetPage(rows, limit);
  const ids = page.map((r) => r.id);
  const files = ids.length
    ? await queryParsed(
        z.object({
          id: z.string(),
          message_id: z.string(),
          kind: z.enum(["image", "file"]),
          filename: z.string(),
        }),
        sql`select id, message_id, kind, filename from message_attachments
            where message_id = any(${toUuidArray(ids)}) order by id`,
      )
    : [];
  return {
    older: next,
    messages: page.reverse().map((r) => ({
      id: r.id,
      // Only people in the conversation read it: they see names ("fields").
      author: authorAsSeen("fields", {
        id: r.author_id,
        name: r.display_name,
        photoKey: r.photo_key,
      }),
      bodyHtml: r.body_html,
      createdAt: r.created_at.toISOString(),
      attachments: files
        .filter((f) => f.message_id === r.id)
        .map((f) => ({ id: f.id, kind: f.kind, filename: f.filename })),
    })),
  };
}

/**
 * Marks the conversation read up to its newest message for the viewer, and tells their other
 * pages the new total. Writes only when there was something unread.
 */
export async function markRead(options: {
  decision: Decision<"read", ConversationSubject, Person>;
  newestMessageId: string;
}): Promise<void> {
  const userId = options.decision.actor.id;
  const updated = await getDb()
    .update(conversationParticipants)
    .set({ unreadCount: 0, lastReadMessageId: options.newestMessageId })
    .where(
      and(
        eq(conversationParticipants.conversationId, options.decision.resource.id),
        eq(conversationParticipants.userId, userId),
        sql`(unread_count > 0 or last_read_message_id is distinct from ${options.newestMessageId}::uuid)`,
      ),
    )
    .returning({ userId: conversationParticipants.userId });
  await markConversationNotificationsRead(getDb(), {
    conversationId: options.decision.resource.id,
    userId,
  });
  if (updated.length) await publishUnread([userId]);
}

export type ConversationSummary = {
  id: string;
  kind: "direct" | "group";
  title: string;
  people: string[];
  unread: number;
  muted: boolean;
  lastMessageAt: string;
  preview: string;
};

const summaryRow = z.object({
  id: z.string(),
  kind: z.enum(["direct", "group"]),
  title: z.string(),
  unread_count: z.coerce.number(),
  muted: z.boolean(),
  last_message_at: z.coerce.date(),
  cursor_at: z.string(),
  people: z.array(z.string()).nullable(),
  preview: z.string().nullable(),
});

/**
 * The viewer's conversations in one folder, most recent first, as keyset pages. Direct
 * conversations with someone the viewer blocked are hidden; left groups are gone.
 */
export async function listConversations(options: {
  userId: string;
  folder: "inbox" | "requests";
  after: Cursor | null;
  limit?: number;
}): Promise<{ conversations: ConversationSummary[]; next: string | null }> {
  const limit = options.limit ?? CONVERSATIONS_PER_PAGE;
  const me = options.userId;
  const rows = await queryParsed(
    summaryRow,
    sql`select c.id, c.kind, c.title, p.unread_count, p.muted, p.last_message_at,
          ${cursorAtSql("p.last_message_at")},
          (select array_agg(u.display_name order by u.display_name) from (
             select o.user_id from conversation_participants o
             where o.conversation_id = p.conversation_id and o.user_id <> ${me} and o.status = 'active'
             limit 4) o2 join users u on u.id = o2.user_id) as people,
          (select left(m.body, 200) from messages m where m.conversation_id = p.conversation_id
             and not exists (select 1 from user_blocks b where b.blocker_id = ${me} and b.blocked_id = m.author_id)
             order by m.created_at desc, m.id desc limit 1) as preview
        from conversation_participants p
        join conversations c on c.id = p.conversation_id
        where p.user_id = ${me} and p.folder = ${options.folder} and p.status = 'active'
          ${options.after ? sql`and ${afterCursorSql(options.after, "p.last_message_at", "p.conversation_id")}` : sql``}
          and not (c.kind = 'direct' and exists (
            select 1 from conversation_participants o
            join user_blocks b on b.blocker_id = ${me} and b.blocked_id = o.user_id
            where o.conversation_id = p.conversation_id and o.user_id <> ${me}))
        order by p.last_message_at desc, p.conversation_id desc
        limit ${limit + 1}`,
  );
  const { page, next } = keysetPage(rows, limit);
  return {
    next,
    conversations: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      title: r.title,
      people: r.people ?? [],
      unread: r.unread_count,
      muted: r.muted,
      lastMessageAt: r.last_message_at.toISOString(),
      preview: toPlainText(r.preview ?? "", 140),
    })),
  };
}

/** A message's attachment, if it belongs to this conversation. */
export async function findMessageAttachment(conversationId: string, attachmentId: string) {
  if (!isUuid(attachmentId)) return null;
  const [row] = await getDb()
    .select({
      storageKey: messageAttachments.storageKey,
      filename: messageAttachments.filename,
      contentType: messageAttachments.contentType,
      conversationId: messages.conversationId,
    })
    .from(messageAttachments)
    .innerJoin(messages, eq(messages.id, messageAttachments.messageId))
    .where(eq(messageAttachments.id, attachmentId));
  return row && row.conversationId === conversationId ? row : null;
}

// ───────────────────────────── the viewer's place: decide, mute, leave ─────────────────────────────

async function setMine(
  conversationId: string,
  userId: string,
  values: Partial<typeof conversationParticipants.$inferInsert>,
) {
  await getDb()
    .update(conversationParticipants)
    .set(values)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
}

/** Accepts a request (it moves to the inbox) or declines it (hidden; the sender cannot write). */
export async function decideRequest(options: {
  decision: Decision<"decide", ConversationSubject, Person>;
  accept: boolean;
}) {
  const { id, kind } = options.decision.resource;
  const userId = options.decision.actor.id;
  if (options.accept) {
    await setMine(id, userId, { folder: "inbox" });
  } else if (kind === "group") {
    // Declining a group is leaving it: nobody can bring the person back into it.
    await setMine(id, userId, {
      folder: "declined",
      status: "left",
      leftAt: new Date(),
      unreadCount: 0,
    });
    await publish({ topic: `conversation:${id}`, type: "access-changed" });
  } else {
    await setMine(id, userId, { folder: "declined", unreadCount: 0 });
  }
  await publishUnread([userId]);
}

export async function setMuted(options: {
  decision: Decision<"mute", ConversationSubject, Person>;
  muted: boolean;
}) {
  await setMine(options.decision.resource.id, options.decision.actor.id, {
    muted: options.muted,
  });
  await publishUnread([options.decision.actor.id]);
}

/** Leaves a group: no more messages to read or send; streams of the person end. */
export async function leaveConversation(options: {
  decision: Decision<"leave", ConversationSubject, Person>;
}) {
  const { id } = options.decision.resource;
  await setMine(id, options.decision.actor.id, {
    status: "left",
    leftAt: new Date(),
    unreadCount: 0,
  });
  await publish({ topic: `conversation:${id}`, type: "access-changed" });
  await publishUnread([options.decision.actor.id]);
}

// ───────────────────────────── blocks ─────────────────────────────

/**
 * Blocks a person: their messages stop reaching the blocker (sending answers 403), direct
 * conversations with them leave the blocker's lists and count nothing unread.
 */
export async function blockPerson(options: {
  decision: Decision<"block", { userId: string }, Person>;
}) {
  const blockerId = options.decision.actor.id;
  const blockedId = options.decision.resource.userId;
  if (!isUuid(blockedId)) throw notFound("conversations.personNotFound");
  const direct = await getDb().transaction(async (tx) => {
    const inserted = await tx
      .insert(userBlocks)
      .values({ blockerId, blockedId })
      .onConflictDoNothing()
      .returning({ blockedId: userBlocks.blockedId })
      .catch((error: unknown) => {
        // The person does not exist (foreign key).
        if (
          (error as { code?: string }).code === "23503" ||
          String(error).includes("foreign key")
        ) {
          throw notFound("conversations.personNotFound");
        }
        throw error;
      });
    const [conversation] = await tx
      .select({ id: conversations.id })
      .from(conversations)
      .where(eq(conversations.directKey, directKeyOf(blockerId, blockedId)));
    if (conversation) await setMineTx(tx, conversation.id, blockerId, { unreadCount: 0 });
    return inserted.length ? (conversation?.id ?? null) : null;
  });
  if (direct) await publish({ topic: `conversation:${direct}`, type: "access-changed" });
  await publishUnread([blockerId]);
}

async function setMineTx(
  tx: Db,
  conversationId: string,
  userId: string,
  values: Partial<typeof conversationParticipants.$inferInsert>,
) {
  await tx
    .update(conversationParticipants)
    .set(values)
    .where(
      and(
        eq(conversationParticipants.conversationId, conversationId),
        eq(conversationParticipants.userId, userId),
      ),
    );
}

export async function unblockPerson(blockerId: string, blockedId: string) {
  if (!isUuid(blockedId)) return;
  await getDb()
    .delete(userBlocks)
    .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
}

export async function isBlocked(blockerId: string, blockedId: string): Promise<boolean> {
  if (!isUuid(blockedId)) return false;
  const [row] = await getDb()
    .select({ id: userBlocks.blockedId })
    .from(userBlocks)
    .where(and(eq(userBlocks.blockerId, blockerId), eq(userBlocks.blockedId, blockedId)));
  return Boolean(row);
}

export async function listBlocked(blockerId: string) {
  return queryParsed(
    z.object({ id: z.string(), display_name: z.string() }),
    sql`select u.id, u.display_name from user_blocks b join users u on u.id = b.blocked_id
        where b.blocker_id = ${blockerId} order by u.display_name`,
  );
}

/** The account's creation time (new accounts start fewer conversations a day). */
export async function accountCreatedAt(userId: string): Promise<Date> {
  const [row] = await queryRows<{ created_at: string | Date }>(
    sql`select created_at from users where id = ${userId}`,
  );
  if (!row) throw conflict();
  return new Date(row.created_at);
}
