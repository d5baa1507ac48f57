import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { forumReplies, forumTopics, networks } from "~/db/schema";
import type { ContentLanguage } from "~/features/content/language";
import { findMentions, renderMarkdown } from "~/features/content/markdown";
import { mentionableMembers } from "~/features/content/mentions.server";
import { fanOut } from "~/features/notifications/fanout.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify } from "~/features/notifications/notify.server";
import { sightOf } from "~/features/profiles/policy.server";
import { authorAsSeen, mentionsAsSeen, type PeopleSight } from "~/features/profiles/visitors";
import { createOnce } from "~/lib/create-once.server";
import { type Cursor, encodeCursor } from "~/lib/cursor";
import { notFound, tooMany } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { type NetworkSubject, networkPolicy } from "./rules";

export const TOPIC_PAGE_SIZE = 20;
export const REPLY_PAGE_SIZE = 50;

/**
 * The Markdown subset with @mentions of the network's active members turned into links, and
 * the members it mentions.
 */
async function renderBody(db: Db, networkId: string, body: string) {
  const members = await mentionableMembers(db, networkId);
  const mentioned = findMentions(body)
    .map((handle) => members.get(handle)?.id)
    .filter((id): id is string => Boolean(id));
  return { html: renderMarkdown(body, { mentions: members }), mentioned };
}

function topicPath(networkId: string, topicId: string) {
  return `/networks/${networkId}/topics/${topicId}`;
}

/** Topics and replies share the posting budget's size, in their own counter. */
async function limitForumWriting(userId: string) {
  const limit = await hitRateLimit(`forum:user:${userId}`, 30, 600);
  if (!limit.allowed) throw tooMany("posts.tooFast");
}

function publishTopicEvent(networkId: string, topicId: string, change: string) {
  return publish({ topic: `network:${networkId}`, type: "topic", data: { topicId, change } });
}

type TopicRef = { networkId: string; topicId: string };

/** A live topic of this network (deleted ones and other networks' look the same: not found). */
async function findTopic(ref: TopicRef, db: Db = getDb()) {
  if (!isUuid(ref.topicId)) throw notFound("forum.notFound");
  const [topic] = await db
    .select({
      id: forumTopics.id,
      authorId: forumTopics.authorId,
      title: forumTopics.title,
      answerReplyId: forumTopics.answerReplyId,
      deletedAt: forumTopics.deletedAt,
    })
    .from(forumTopics)
    .where(and(eq(forumTopics.id, ref.topicId), eq(forumTopics.networkId, ref.networkId)));
  if (!topic || topic.deletedAt) throw notFound("forum.notFound");
  return topic;
}

async function findReply(topicId: string, replyId: string, db: Db = getDb()) {
  if (!isUuid(replyId)) throw notFound("forum.replyNotFound");
  const [reply] = await db
    .select({ id: forumReplies.id, authorId: forumReplies.authorId })
    .from(forumReplies)
    .where(
      and(
        eq(forumReplies.id, replyId),
        eq(forumReplies.topicId, topicId),
        isNull(forumReplies.deletedAt),
      ),
    );
  if (!reply) throw notFound("forum.replyNotFound");
  return reply;
}

const topicSubmissions = {
  table: forumTopics,
  id: forumTopics.id,
  owner: forumTopics.authorId,
  key: forumTopics.submissionKey,
};
const replySubmissions = {
  table: forumReplies,
  id: forumReplies.id,
  owner: forumReplies.authorId,
  key: forumReplies.submissionKey,
};

/**
 * Starts a topic (members only; checked by the caller). A form sent twice with the same
 * submission key returns the topic the first one made.
 */
export async function createTopic(input: {
  /** Proof that the author may write in the network. */
  decision: Decision<"post", NetworkSubject, Person>;
  title: string;
  body: string;
  /** What the author says the title and text are written in (null: not said). */
  language?: ContentLanguage | null;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { decision, ...fields } = input;
  const networkId = decision.resource.id;
  const authorId = decision.actor.id;
  const options = { ...fields, networkId, authorId };
  let mentioned: string[] = [];
  const result = await createOnce({
    target: topicSubmissions,
    ownerId: authorId,
    submissionKey: options.submissionKey,
    prepare: () => limitForumWriting(authorId),
    values: async (tx) => {
      const rendered = await renderBody(tx, networkId, options.body);
      mentioned = rendered.mentioned;
      return {
        networkId,
        authorId,
        title: options.title,
        body: options.body,
        bodyHtml: rendered.html,
        language: options.language ?? null,
      };
    },
    alsoWrite: async (tx, topicId) => {
      await tx
        .update(networks)
        .set({ lastActivityAt: sql`now()` })
        .where(eq(networks.id, networkId));
      await fanOut(tx, {
        kind: "mention",
        audience: { type: "people", ids: mentioned },
        actorId: authorId,
        networkId,
        groupKey: `topic:${topicId}`,
        sourceKey: `topic:${topicId}:mention`,
        data: { networkId, title: titleFrom(options.title), path: topicPath(networkId, topicId) },
      });
    },
  });
  if (!result.duplicate) await publishTopicEvent(networkId, result.id, "created");
  return result;
}

/**
 * Adds a reply. The topic's reply count and last activity, and the network's last activity,
 * change in the same transaction, so the topic list never disagrees with the replies.
 */
export async function addReply(input: {
  decision: Decision<"post", NetworkSubject, Person>;
  topicId: string;
  body: string;
  language?: ContentLanguage | null;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { decision, ...fields } = input;
  const options = { ...fields, networkId: decision.resource.id, authorId: decision.actor.id };
  const topic = await findTopic(options);
  const { authorId } = options;
  let mentioned: string[] = [];
  const result = await createOnce({
    target: replySubmissions,
    ownerId: authorId,
    submissionKey: options.submissionKey,
    prepare: () => limitForumWriting(authorId),
    values: async (tx) => {
      const rendered = await renderBody(tx, options.networkId, options.body);
      mentioned = rendered.mentioned;
      return {
        topicId: topic.id,
        authorId,
        body: options.body,
        bodyHtml: rendered.html,
        language: options.language ?? null,
      };
    },
    alsoWrite: async (tx, replyId) => {
      const [bumped] = await tx
        .update(forumTopics)
        .set({ replyCount: sql`${forumTopics.replyCount} + 1`, lastActivityAt: sql`now()` })
        .where(and(eq(forumTopics.id, topic.id), isNull(forumTopics.deletedAt)))
        .returning({ id: forumTopics.id });
      // Deleted while this reply was being written: roll the reply back.
      if (!bumped) throw notFound("forum.notFound");
      await tx
        .update(networks)
        .set({ lastActivityAt: sql`now()` })
        .where(eq(networks.id, options.networkId));
      const common = {
        actorId: authorId,
        networkId: options.networkId,
        groupKey: `topic:${topic.id}`,
        data: {
          networkId: options.networkId,
          title: titleFrom(topic.title),
          path: topicPath(options.networkId, topic.id),
        },
      };
      // The topic's author hears of each reply; people mentioned, of the mention.
      await notify(tx, {
        ...common,
        kind: "reply",
        recipientIds: [topic.authorId],
        sourceKey: `forum-reply:${replyId}`,
      });
      await fanOut(tx, {
        ...common,
        kind: "mention",
        audience: { type: "people", ids: mentioned },
        exclude: [topic.authorId],
        sourceKey: `forum-reply:${replyId}:mention`,
      });
    },
  });
  if (!result.duplicate) await publishTopicEvent(options.networkId, topic.id, "reply");
  return result;
}

/**
 * Marks one reply as the answer to the topic, or clears the mark (replyId null). Only the
 * person who started the topic or a facilitator of the network may.
 */
export async function setAnswer(
  options: TopicRef & { actor: Person; network: NetworkSubject; replyId: string | null },
) {
  const topic = await findTopic(options);
  networkPolicy.authorize(options.actor, "markAnswer", {
    network: options.network,
    authorId: topic.authorId,
  });
  if (options.replyId) await findReply(topic.id, options.replyId);
  await getDb()
    .update(forumTopics)
    .set({ answerReplyId: options.replyId })
    .where(eq(forumTopics.id, topic.id));
  await publishTopicEvent(options.networkId, topic.id, "answer");
}

/** Marks a reply as the answer (topic author or facilitator). */
export function markAnswered(
  options: TopicRef & { actor: Person; network: NetworkSubject; replyId: string },
) {
  return setAnswer(options);
}

/** Clears the answer mark (topic author or facilitator). */
export function unmarkAnswered(options: TopicRef & { actor: Person; network: NetworkSubject }) {
  return setAnswer({ ...options, replyId: null });
}

/** Hides a topic and its replies (soft delete) — by its author or a facilitator of the network. */
export async function deleteTopic(options: TopicRef & { actor: Person; network: NetworkSubject }) {
  const topic = await findTopic(options);
  networkPolicy.authorize(options.actor, "deleteContent", {
    network: options.network,
    authorId: topic.authorId,
  });
  await getDb()
    .update(forumTopics)
    .set({ deletedAt: sql`now()` })
    .where(eq(forumTopics.id, topic.id));
  await publishTopicEvent(options.networkId, topic.id, "deleted");
}

/**
 * Hides a reply — by its author or a facilitator. The topic's reply count drops, and a reply
 * that was the answer stops being it, in the same transaction.
 */
export async function deleteReply(
  options: TopicRef & { replyId: string; actor: Person; network: NetworkSubject },
) {
  const topic = await findTopic(options);
  const reply = await findReply(topic.id, options.replyId);
  networkPolicy.authorize(options.actor, "deleteContent", {
    network: options.network,
    authorId: reply.authorId,
  });
  await getDb().transaction(async (tx) => {
    const [hidden] = await tx
      .update(forumReplies)
      .set({ deletedAt: sql`now()` })
      .where(and(eq(forumReplies.id, reply.id), isNull(forumReplies.deletedAt)))
      .returning({ id: forumReplies.id });
    // Already hidden by a concurrent request: nothing more to count.
    if (!hidden) return;
    await tx
      .update(forumTopics)
      .set({
        replyCount: sql`greatest(${forumTopics.replyCount} - 1, 0)`,
        answerReplyId: sql`case when ${forumTopics.answerReplyId} = ${reply.id}::uuid then null else ${forumTopics.answerReplyId} end`,
      })
      .where(eq(forumTopics.id, topic.id));
  });
  await publishTopicEvent(options.networkId, topic.id, "reply-deleted");
}

// Feeds show an author's photo only when everyone may see it: a feed is read by members and,
// in open networks, by anyone, so one rule that is safe for every reader keeps the query shared.
const authorPhoto = sql`case when coalesce(u.visibility->>'photo', 'public') = 'public' then u.photo_key end`;

type TopicRow = {
  id: string;
  title: string;
  language: ContentLanguage | null;
  author_id: string;
  author_name: string;
  reply_count: number;
  answered: boolean;
  created_at: string;
  last_activity_at: string;
  cursor_at: string;
};

/** A network's topics, most recently active first (keyset on last activity, then id). */
export async function listTopics(options: {
  networkId: string;
  /** Who reads (null: a signed-out visitor, who sees authors as the installation allows). */
  viewerId: string | null;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? TOPIC_PAGE_SIZE;
  const after = options.after
    ? sql`and ${afterCursorSql(options.after, "t.last_activity_at", "t.id")}`
    : sql``;
  const rows = await queryRows<TopicRow>(sql`
    select t.id, t.title, t.language, t.author_id, u.display_name as author_name, t.reply_count,
      t.answer_reply_id is not null as answered, t.created_at, t.last_activity_at,
      ${cursorAtSql("t.last_activity_at")}
    from forum_topics t join users u on u.id = t.author_id
    where t.network_id = ${options.networkId} and t.deleted_at is null ${after}
    order by t.last_activity_at desc, t.id desc
    limit ${limit + 1}`);
  const { page, next } = keysetPage(rows, limit);
  const sight = await sightOf(options.viewerId);
  return {
    topics: page.map((r) => ({
      id: r.id,
      title: r.title,
      language: r.language,
      author: authorAsSeen(sight, { id: r.author_id, name: r.author_name }),
      replyCount: Number(r.reply_count),
      answered: Boolean(r.answered),
      createdAt: new Date(r.created_at).toISOString(),
      lastActivityAt: new Date(r.last_activity_at).toISOString(),
    })),
    next,
  };
}

type ReplyRow = {
  id: string;
  author_id: string;
  author_name: string;
  author_photo: string | null;
  body_html: string;
  language: ContentLanguage | null;
  created_at: string;
  cursor_at: string;
};

const replyColumns = sql`r.id, r.author_id, u.display_name as author_name,
  ${authorPhoto} as author_photo, r.body_html, r.language, r.created_at,
  ${cursorAtSql("r.created_at")}`;

function toReply(r: ReplyRow, sight: PeopleSight) {
  return {
    id: r.id,
    author: authorAsSeen(sight, { id: r.author_id, name: r.author_name, photoKey: r.author_photo }),
    bodyHtml: mentionsAsSeen(r.body_html, sight),
    language: r.language,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

export type ForumReply = ReturnType<typeof toReply>;

/**
 * One topic with a page of its replies, oldest first (keyset on created_at, then id), and the
 * reply marked as the answer. Null when the topic is not a live topic of this network.
 */
export async function getTopic(
  options: TopicRef & {
    /** Who reads (null: a signed-out visitor, who sees authors as the installation allows). */
    viewerId: string | null;
    after: Cursor | null;
    limit?: number;
  },
) {
  if (!isUuid(options.topicId)) return null;
  const limit = options.limit ?? REPLY_PAGE_SIZE;
  const [topic] = await queryRows<{
    id: string;
    title: string;
    author_id: string;
    author_name: string;
    author_photo: string | null;
    body_html: string;
    language: ContentLanguage | null;
    reply_count: number;
    answer_reply_id: string | null;
    created_at: string;
    last_activity_at: string;
  }>(sql`
    select t.id, t.title, t.author_id, u.display_name as author_name, ${authorPhoto} as author_photo,
      t.body_html, t.language, t.reply_count, t.answer_reply_id, t.created_at, t.last_activity_at
    from forum_topics t join users u on u.id = t.author_id
    where t.id = ${options.topicId} and t.network_id = ${options.networkId} and t.deleted_at is null`);
  if (!topic) return null;
  const after = options.after
    ? sql`and (r.created_at, r.id) > (${options.after.at}::timestamptz, ${options.after.id}::uuid)`
    : sql``;
  const [rows, answerRows] = await Promise.all([
    queryRows<ReplyRow>(sql`
      select ${replyColumns}
      from forum_replies r join users u on u.id = r.author_id
      where r.topic_id = ${topic.id} and r.deleted_at is null ${after}
      order by r.created_at, r.id
      limit ${limit + 1}`),
    topic.answer_reply_id
      ? queryRows<ReplyRow>(sql`
          select ${replyColumns}
          from forum_replies r join users u on u.id = r.author_id
          where r.id = ${topic.answer_reply_id} and r.topic_id = ${topic.id} and r.deleted_at is null`)
      : Promise.resolve([]),
  ]);
  const { page, next } = keysetPage(rows, limit);
  const sight = await sightOf(options.viewerId);
  const reply = (r: ReplyRow) => toReply(r, sight);
  return {
    id: topic.id,
    title: topic.title,
    author: authorAsSeen(sight, {
      id: topic.author_id,
      name: topic.author_name,
      photoKey: topic.author_photo,
    }),
    bodyHtml: mentionsAsSeen(topic.body_html, sight),
    language: topic.language,
    replyCount: Number(topic.reply_count),
    answerReplyId: answerRows.length ? topic.answer_reply_id : null,
    answer: answerRows[0] ? reply(answerRows[0]) : null,
    createdAt: new Date(topic.created_at).toISOString(),
    lastActivityAt: new Date(topic.last_activity_at).toISOString(),
    replies: page.map(reply),
    next,
  };
}

/**
 * The `after` cursor of the reply page that shows this reply (null: the first page), so that
 * after replying to a long topic the writer lands where their reply is. Pages start at
 * multiples of the page size, as they do when one follows the "next page" links.
 */
export async function replyPageCursor(
  options: TopicRef & { replyId: string; limit?: number },
): Promise<string | null> {
  const limit = options.limit ?? REPLY_PAGE_SIZE;
  if (!isUuid(options.replyId)) return null;
  const [position] = await queryRows<{ before: number }>(sql`
    select count(*)::int as before from forum_replies r, forum_replies me
    where me.id = ${options.replyId} and me.topic_id = ${options.topicId}
      and r.topic_id = me.topic_id and r.deleted_at is null
      and (r.created_at, r.id) < (me.created_at, me.id)`);
  const before = Number(position?.before ?? 0);
  const skip = Math.floor(before / limit) * limit;
  if (skip === 0) return null;
  const [boundary] = await queryRows<{ id: string; cursor_at: string }>(sql`
    select r.id, ${cursorAtSql("r.created_at")}
    from forum_replies r
    where r.topic_id = ${options.topicId} and r.deleted_at is null
    order by r.created_at, r.id
    offset ${skip - 1} limit 1`);
  return boundary ? encodeCursor({ at: boundary.cursor_at, id: boundary.id }) : null;
}
