import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, getDb, queryRows, uuidArray } from "~/db/client.server";
import {
  comments,
  networks,
  postAttachments,
  postMentions,
  postReactions,
  posts,
  type reactionKinds,
} from "~/db/schema";
import type { ContentLanguage } from "~/features/content/language";
import { findMentions, renderMarkdown } from "~/features/content/markdown";
import { mentionableMembers } from "~/features/content/mentions.server";
import { fanOut } from "~/features/notifications/fanout.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify } from "~/features/notifications/notify.server";
import { sightOf } from "~/features/profiles/policy.server";
import { authorAsSeen, mentionsAsSeen } from "~/features/profiles/visitors";
import { createOnce } from "~/lib/create-once.server";
import type { Cursor } from "~/lib/cursor";
import { getEnv } from "~/lib/env.server";
import { invalid, notFound, tooMany } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import { pageHtml } from "~/lib/page-html";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { filesOf, removeUploads, type StoredFile, storeUpload } from "~/lib/uploads.server";
import { type NetworkSubject, networkPolicy } from "./rules";
import { MAX_FILES_PER_POST } from "./schema";

export type ReactionKind = (typeof reactionKinds)[number];

async function renderWithMentions(db: Db, networkId: string, body: string) {
  const members = await mentionableMembers(db, networkId);
  const mentioned = findMentions(body)
    .map((handle) => members.get(handle))
    .filter((m): m is { id: string; name: string } => Boolean(m));
  return { html: renderMarkdown(body, { mentions: members }), mentioned };
}

async function limitPosting(userId: string) {
  const limit = await hitRateLimit(`post:user:${userId}`, 30, 600);
  if (!limit.allowed) throw tooMany("posts.tooFast");
}

/** Posts, comments: a form sent twice (same submission key) finds the row it already made. */
const postSubmissions = {
  table: posts,
  id: posts.id,
  owner: posts.authorId,
  key: posts.submissionKey,
};
const commentSubmissions = {
  table: comments,
  id: comments.id,
  owner: comments.authorId,
  key: comments.submissionKey,
};

/**
 * Gives the stored photos their descriptions, in order: the first description goes to the first
 * photo among the files (documents have no text alternative; their name is their link text).
 * An empty description is none; descriptions beyond the photos are dropped.
 */
function describePhotos(stored: StoredFile[], altTexts: readonly string[]) {
  let photo = 0;
  return stored.map((file) => {
    if (file.kind !== "image") return { ...file, altText: null };
    const altText = altTexts[photo] || null;
    photo += 1;
    return { ...file, altText };
  });
}

/**
 * Writes a post with its attachments and mentions in one transaction. A form sent twice (same
 * submission key) returns the post the first one made instead of writing another. Files are
 * stored before the transaction and removed again if it fails. A post may be only text, only
 * attachments, or both; the route refuses one with neither.
 */
export async function createPost(options: {
  /** Proof that the author may post in the network. */
  decision: Decision<"post", NetworkSubject, Person>;
  body: string;
  files: unknown;
  /** What the author says the post is written in (null: not said). */
  language?: ContentLanguage | null;
  /** The photos' descriptions, in the order of the photos (validated by postSchema). */
  altTexts?: readonly string[];
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { body } = options;
  const networkId = options.decision.resource.id;
  const authorId = options.decision.actor.id;
  let mentioned: { id: string }[] = [];
  const result = await createOnce({
    target: postSubmissions,
    ownerId: authorId,
    submissionKey: options.submissionKey,
    prepare: async () => {
      await limitPosting(authorId);
      const files = filesOf(options.files);
      if (files.length > MAX_FILES_PER_POST) throw invalid("upload.tooMany", "files");
      const stored: StoredFile[] = [];
      try {
        for (const file of files) {
          stored.push(
            await storeUpload({
              file,
              prefix: `attachments/${networkId}`,
              maxBytes: getEnv().UPLOAD_LIMIT_BYTES,
            }),
          );
        }
      } catch (error) {
        await removeUploads(stored);
        throw error;
      }
      return stored;
    },
    values: async (tx) => {
      const rendered = await renderWithMentions(tx, networkId, body);
      mentioned = rendered.mentioned;
      return {
        networkId,
        authorId,
        body,
        bodyHtml: rendered.html,
        language: options.language ?? null,
      };
    },
    alsoWrite: async (tx, postId, stored) => {
      if (stored.length) {
        await tx
          .insert(postAttachments)
          .values(describePhotos(stored, options.altTexts ?? []).map((f) => ({ postId, ...f })));
      }
      if (mentioned.length) {
        await tx
          .insert(postMentions)
          .values(mentioned.map((m) => ({ postId, userId: m.id })))
          .onConflictDoNothing();
      }
      await tx
        .update(networks)
        .set({ lastActivityAt: new Date() })
        .where(eq(networks.id, networkId));
      await notifyPostMentions(tx, { networkId, postId, authorId, body, mentioned });
    },
    // Nothing new was written (a twin won, or the transaction failed): drop this copy's files.
    discard: (stored) => removeUploads(stored),
  });
  if (!result.duplicate) {
    // The author lets a feed tell someone else's new post (held behind "1 new post — show")
    // from the one its reader just wrote.
    await publish({
      topic: `network:${networkId}`,
      type: "post",
      data: { postId: result.id, authorId },
    });
  }
  return result;
}

/** Where a post is read, for notifications that lead to it. */
function postPath(networkId: string, postId: string, anchor?: string) {
  return `/networks/${networkId}/posts/${postId}${anchor ? `#${anchor}` : ""}`;
}

/**
 * Tells the people a post mentions (a job: a post may mention many). Run again after an edit,
 * it reaches only people newly mentioned: the source key is the post's.
 */
async function notifyPostMentions(
  tx: Db,
  options: {
    networkId: string;
    postId: string;
    authorId: string;
    body: string;
    mentioned: { id: string }[];
  },
) {
  await fanOut(tx, {
    kind: "mention",
    audience: { type: "people", ids: options.mentioned.map((m) => m.id) },
    actorId: options.authorId,
    networkId: options.networkId,
    groupKey: `post:${options.postId}`,
    sourceKey: `post:${options.postId}:mention`,
    data: {
      networkId: options.networkId,
      title: titleFrom(options.body),
      path: postPath(options.networkId, options.postId),
    },
  });
}

type PostRef = { networkId: string; postId: string };

async function findPost(ref: PostRef) {
  if (!isUuid(ref.postId)) throw notFound("posts.notFound");
  const [post] = await getDb()
    .select({
      id: posts.id,
      authorId: posts.authorId,
      body: posts.body,
      deletedAt: posts.deletedAt,
    })
    .from(posts)
    .where(and(eq(posts.id, ref.postId), eq(posts.networkId, ref.networkId)));
  if (!post || post.deletedAt) throw notFound("posts.notFound");
  return post;
}

/**
 * Changes a post's text, its language and its photos' descriptions (its author only); the post
 * is marked as edited. A description naming a photo that is not this post's is a 404 and
 * nothing changes.
 */
export async function editPost(options: {
  actor: Person;
  network: NetworkSubject;
  postId: string;
  body: string;
  /** Null: not said. Left out: kept as it is. */
  language?: ContentLanguage | null;
  /** New descriptions of this post's photos (empty: none). */
  descriptions?: readonly { attachmentId: string; altText: string }[];
}) {
  const ref = { networkId: options.network.id, postId: options.postId };
  const post = await findPost(ref);
  // Only its author rewrites a post (facilitators may delete it, not change its words).
  networkPolicy.authorize(options.actor, "editContent", {
    network: options.network,
    authorId: post.authorId,
  });
  await getDb().transaction(async (tx) => {
    const { html, mentioned } = await renderWithMentions(tx, ref.networkId, options.body);
    await tx
      .update(posts)
      .set({
        body: options.body,
        bodyHtml: html,
        editedAt: new Date(),
        ...(options.language !== undefined ? { language: options.language } : {}),
      })
      .where(eq(posts.id, post.id));
    await describeAttachments(tx, post.id, options.descriptions ?? []);
    await tx.delete(postMentions).where(eq(postMentions.postId, post.id));
    if (mentioned.length) {
      await tx
        .insert(postMentions)
        .values(mentioned.map((m) => ({ postId: post.id, userId: m.id })))
        .onConflictDoNothing();
    }
    await notifyPostMentions(tx, {
      networkId: ref.networkId,
      postId: post.id,
      authorId: post.authorId,
      body: options.body,
      mentioned,
    });
  });
  await publish({
    topic: `network:${ref.networkId}`,
    type: "post-edited",
    data: { postId: post.id },
  });
}

/**
 * Sets the descriptions of a post's photos. Every id must be a photo of this post: one that is
 * not (another post's, a document) is a 404, and the caller's transaction rolls back.
 */
async function describeAttachments(
  tx: Db,
  postId: string,
  descriptions: readonly { attachmentId: string; altText: string }[],
) {
  if (!descriptions.length) return;
  const ids = [...new Set(descriptions.map((d) => d.attachmentId))];
  const photos = await tx
    .select({ id: postAttachments.id })
    .from(postAttachments)
    .where(
      and(
        eq(postAttachments.postId, postId),
        eq(postAttachments.kind, "image"),
        inArray(postAttachments.id, ids),
      ),
    );
  if (photos.length !== ids.length) throw notFound("posts.photoNotFound");
  for (const d of descriptions) {
    await tx
      .update(postAttachments)
      .set({ altText: d.altText || null })
      .where(and(eq(postAttachments.id, d.attachmentId), eq(postAttachments.postId, postId)));
  }
}

/** Hides a post (soft delete) — by its author or a facilitator of the network. */
export async function deletePost(options: PostRef & { actor: Person; network: NetworkSubject }) {
  const post = await findPost(options);
  networkPolicy.authorize(options.actor, "deleteContent", {
    network: options.network,
    authorId: post.authorId,
  });
  await getDb()
    .update(posts)
    .set({ deletedAt: new Date(), deletedBy: options.actor.id, pinnedAt: null })
    .where(eq(posts.id, post.id));
  await publish({
    topic: `network:${options.networkId}`,
    type: "post-deleted",
    data: { postId: post.id },
  });
}

/** Pins or unpins a post at the top of the feed (facilitators: the decision proves it). */
export async function pinPost(
  options: PostRef & { decision: Decision<"moderate", NetworkSubject>; pinned: boolean },
) {
  const post = await findPost(options);
  await getDb()
    .update(posts)
    .set({ pinnedAt: options.pinned ? new Date() : null })
    .where(eq(posts.id, post.id));
  await publish({
    topic: `network:${options.networkId}`,
    type: "post-pinned",
    data: { postId: post.id },
  });
}

/** Adds the reaction, or takes it back when the person had already given it. */
export async function toggleReaction(options: {
  decision: Decision<"react", NetworkSubject, Person>;
  postId: string;
  kind: ReactionKind;
}) {
  const ref = { networkId: options.decision.resource.id, postId: options.postId };
  const userId = options.decision.actor.id;
  const post = await findPost(ref);
  const where = and(
    eq(postReactions.postId, post.id),
    eq(postReactions.userId, userId),
    eq(postReactions.kind, options.kind),
  );
  await getDb().transaction(async (tx) => {
    const removed = await tx
      .delete(postReactions)
      .where(where)
      .returning({ kind: postReactions.kind });
    if (removed.length) return;
    const added = await tx
      .insert(postReactions)
      .values({ postId: post.id, userId: userId, kind: options.kind })
      .onConflictDoNothing()
      .returning({ kind: postReactions.kind });
    // One row per person and reaction ever given: taking it back and giving it again, or a
    // replayed form, tells the author nothing new. The centre shows them as one line per post.
    if (added.length) {
      await notify(tx, {
        kind: "reactions",
        recipientIds: [post.authorId],
        actorId: userId,
        networkId: ref.networkId,
        groupKey: `post:${post.id}`,
        sourceKey: `reaction:${post.id}:${userId}:${options.kind}`,
        data: {
          networkId: ref.networkId,
          title: titleFrom(post.body),
          path: postPath(ref.networkId, post.id),
        },
      });
    }
  });
  await publish({
    topic: `network:${ref.networkId}`,
    type: "reaction",
    data: { postId: post.id },
  });
}

/**
 * Adds a comment, or a reply to a top-level comment (one level of replies only). A form sent
 * twice, or two copies racing, make one comment and both answers name it.
 */
export async function addComment(options: {
  decision: Decision<"comment", NetworkSubject, Person>;
  postId: string;
  body: string;
  parentId?: string;
  language?: ContentLanguage | null;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const ref = { networkId: options.decision.resource.id, postId: options.postId };
  const authorId = options.decision.actor.id;
  const post = await findPost(ref);
  let mentioned: { id: string }[] = [];
  const result = await createOnce({
    target: commentSubmissions,
    ownerId: authorId,
    submissionKey: options.submissionKey,
    prepare: async () => {
      await limitPosting(authorId);
      if (options.parentId) {
        const [parent] = await getDb()
          .select({ parentId: comments.parentId, authorId: comments.authorId })
          .from(comments)
          .where(
            and(
              eq(comments.id, options.parentId),
              eq(comments.postId, post.id),
              isNull(comments.deletedAt),
            ),
          );
        if (!parent) throw notFound("posts.commentNotFound");
        if (parent.parentId) throw invalid("posts.replyDepth");
        return { parentAuthorId: parent.authorId };
      }
      return { parentAuthorId: null };
    },
    values: async (tx) => {
      const { html, mentioned: people } = await renderWithMentions(tx, ref.networkId, options.body);
      mentioned = people;
      return {
        postId: post.id,
        parentId: options.parentId ?? null,
        authorId: authorId,
        body: options.body,
        bodyHtml: html,
        language: options.language ?? null,
      };
    },
    alsoWrite: async (tx, commentId, prepared) => {
      await tx
        .update(networks)
        .set({ lastActivityAt: new Date() })
        .where(eq(networks.id, ref.networkId));
      const data = {
        networkId: ref.networkId,
        title: titleFrom(post.body),
        path: postPath(ref.networkId, post.id, `comment-${commentId}`),
      };
      const common = { actorId: authorId, networkId: ref.networkId, data };
      // The post's author hears of every comment under it; the author of the comment answered
      // hears of the answer; people mentioned hear of the mention, unless told already.
      await notify(tx, {
        ...common,
        kind: "comment",
        recipientIds: [post.authorId],
        groupKey: `post:${post.id}`,
        sourceKey: `comment:${commentId}`,
      });
      const parentAuthorId = prepared?.parentAuthorId ?? null;
      if (parentAuthorId && parentAuthorId !== post.authorId) {
        await notify(tx, {
          ...common,
          kind: "reply",
          recipientIds: [parentAuthorId],
          groupKey: `comment:${options.parentId}`,
          sourceKey: `comment:${commentId}:reply`,
        });
      }
      await fanOut(tx, {
        ...common,
        kind: "mention",
        audience: { type: "people", ids: mentioned.map((m) => m.id) },
        exclude: [post.authorId, ...(parentAuthorId ? [parentAuthorId] : [])],
        groupKey: `post:${post.id}`,
        sourceKey: `comment:${commentId}:mention`,
      });
    },
  });
  if (!result.duplicate) {
    await publish({
      topic: `network:${ref.networkId}`,
      type: "comment",
      data: { postId: post.id },
    });
  }
  return result;
}

/** Hides a comment — by its author or a facilitator. */
export async function deleteComment(
  options: PostRef & { commentId: string; actor: Person; network: NetworkSubject },
) {
  if (!isUuid(options.commentId)) throw notFound("posts.commentNotFound");
  await findPost(options);
  const [comment] = await getDb()
    .select({ authorId: comments.authorId })
    .from(comments)
    .where(
      and(
        eq(comments.id, options.commentId),
        eq(comments.postId, options.postId),
        isNull(comments.deletedAt),
      ),
    );
  if (!comment) throw notFound("posts.commentNotFound");
  networkPolicy.authorize(options.actor, "deleteContent", {
    network: options.network,
    authorId: comment.authorId,
  });
  await getDb()
    .update(comments)
    .set({ deletedAt: new Date() })
    .where(eq(comments.id, options.commentId));
  await publish({
    topic: `network:${options.networkId}`,
    type: "comment",
    data: { postId: options.postId },
  });
}

export type FeedPost = Awaited<ReturnType<typeof hydratePosts>>[number];

type PostRow = {
  id: string;
  network_id: string;
  network_name: string;
  author_id: string;
  author_name: string;
  author_photo: string | null;
  body: string;
  body_html: string;
  language: ContentLanguage | null;
  created_at: string;
  edited_at: string | null;
  pinned_at: string | null;
  unread?: boolean;
};

/** Adds attachments, reaction counts, the viewer's reactions and recent comments to posts. */
async function hydratePosts(
  rows: PostRow[],
  options: {
    viewerId: string | null;
    commentsPerPost: number;
    /** The page is a whole document: bodies stay out of the hydration data (PageHtml). */
    inDocument: boolean;
    withSource?: boolean;
  },
) {
  const { viewerId, commentsPerPost, inDocument } = options;
  if (!rows.length) return [];
  // Signed-out visitors of open networks see authors as the installation allows (decision 026).
  const sight = await sightOf(viewerId);
  // One round trip for everything the posts carry (it was four queries in parallel, each a
  // round trip and a pooled connection): issue 7, decision 022.
  const extras = await queryRows<{
    id: string;
    attachments: {
      id: string;
      kind: (typeof postAttachments.$inferSelect)["kind"];
      filename: string;
      contentType: string;
      sizeBytes: number;
      width: number | null;
      height: number | null;
      altText: string | null;
    }[];
    reactions: Partial<Record<ReactionKind, number>>;
    mine: ReactionKind[];
    comments: {
      id: string;
      parent_id: string | null;
      author_id: string;
      author_name: string;
      body_html: string;
      language: ContentLanguage | null;
      created_at: string;
    }[];
    comment_count: number;
  }>(sql`
    select p.id,
      coalesce((
        select json_agg(json_build_object('id', a.id, 'kind', a.kind, 'filename', a.filename,
          'contentType', a.content_type, 'sizeBytes', a.size_bytes, 'width', a.width,
          'height', a.height, 'altText', a.alt_text))
        from post_attachments a where a.post_id = p.id), '[]') as attachments,
      coalesce((
        select json_object_agg(k.kind, k.n) from (
          select r.kind, count(*)::int as n from post_reactions r
          where r.post_id = p.id group by r.kind) k), '{}') as reactions,
      coalesce((
        select json_agg(r.kind) from post_reactions r
        where r.post_id = p.id and r.user_id = ${viewerId}), '[]') as mine,
      coalesce((
        select json_agg(c order by c.created_at) from (
          select c.id, c.parent_id, c.author_id, u.display_name as author_name, c.body_html,
            c.language, c.created_at
          from comments c join users u on u.id = c.author_id
          where c.post_id = p.id and c.deleted_at is null
          order by c.created_at desc
          limit ${commentsPerPost}) c), '[]') as comments,
      (select count(*)::int from comments c
        where c.post_id = p.id and c.deleted_at is null) as comment_count
    from unnest(${uuidArray(rows.map((r) => r.id))}) as p(id)`);
  const extrasById = new Map(extras.map((e) => [e.id, e]));
  return rows.map((r) => {
    const extra = extrasById.get(r.id);
    return {
      id: r.id,
      networkId: r.network_id,
      networkName: r.network_name,
      author: authorAsSeen(sight, {
        id: r.author_id,
        name: r.author_name,
        photoKey: r.author_photo,
      }),
      // The Markdown source is only needed where the author edits it (the post's own page, the
      // author reading); everyone else gets just the HTML.
      body: options.withSource && r.author_id === viewerId ? r.body : "",
      bodyHtml: pageHtml(mentionsAsSeen(r.body_html, sight), inDocument),
      language: r.language,
      createdAt: new Date(r.created_at).toISOString(),
      edited: r.edited_at !== null,
      pinned: r.pinned_at !== null,
      unread: Boolean(r.unread),
      attachments: extra?.attachments ?? [],
      reactions: extra?.reactions ?? {},
      myReactions: extra?.mine ?? [],
      commentCount: extra?.comment_count ?? 0,
      comments: (extra?.comments ?? []).map((c) => ({
        id: c.id,
        parentId: c.parent_id,
        author: authorAsSeen(sight, { id: c.author_id, name: c.author_name }),
        bodyHtml: pageHtml(mentionsAsSeen(c.body_html, sight), inDocument),
        language: c.language,
        createdAt: new Date(c.created_at).toISOString(),
      })),
    };
  });
}

// Feeds show an author's photo only when everyone may see it: a feed is read by members and,
// in open networks, by anyone, so one rule that is safe for every reader keeps the query shared.
const postColumns = sql`p.id, p.network_id, n.name as network_name, p.author_id,
  u.display_name as author_name,
  case when coalesce(u.visibility->>'photo', 'public') = 'public' then u.photo_key end as author_photo,
  p.body, p.body_html, p.language, p.created_at, p.edited_at, p.pinned_at,
  ${cursorAtSql("p.created_at")}`;

/**
 * Posts per feed page. Six keep a feed page, and the home page with its feed, under 40 KB of
 * HTML, forms and hydration data included (issue 7, decision 013: at ten, a member's network
 * feed on the scale seed was 49.6 KB and the signed-in home 55 KB); the "Next page" link (a
 * plain link) pages through the rest.
 */
export const FEED_PAGE_SIZE = 6;

/**
 * A network's feed, newest first, keyset-paginated; pinned posts come separately on the first
 * page. Each post carries attachments, reactions and its latest comments.
 */
export async function listNetworkFeed(options: {
  networkId: string;
  viewerId: string | null;
  after: Cursor | null;
  limit?: number;
  /** A whole document is being rendered: bodies stay out of the hydration data (PageHtml). */
  inDocument?: boolean;
}) {
  const limit = options.limit ?? FEED_PAGE_SIZE;
  const after = options.after
    ? sql`and ${afterCursorSql(options.after, "p.created_at", "p.id")}`
    : sql``;
  const [rows, pinnedRows] = await Promise.all([
    queryRows<PostRow & { cursor_at: string }>(sql`
      select ${postColumns}
      from posts p join users u on u.id = p.author_id join networks n on n.id = p.network_id
      where p.network_id = ${options.networkId} and p.deleted_at is null ${after}
      order by p.created_at desc, p.id desc
      limit ${limit + 1}`),
    options.after
      ? Promise.resolve([])
      : queryRows<PostRow & { cursor_at: string }>(sql`
          select ${postColumns}
          from posts p join users u on u.id = p.author_id join networks n on n.id = p.network_id
          where p.network_id = ${options.networkId} and p.pinned_at is not null and p.deleted_at is null
          order by p.pinned_at desc limit 3`),
  ]);
  const { page, next } = keysetPage(rows, limit);
  // One round of queries for the pinned posts and the page together (a pinned post can be on
  // the page too: it is hydrated once).
  const pageIds = new Set(page.map((r) => r.id));
  const hydrated = await hydratePosts([...page, ...pinnedRows.filter((r) => !pageIds.has(r.id))], {
    viewerId: options.viewerId,
    commentsPerPost: 3,
    inDocument: options.inDocument ?? false,
  });
  const byId = new Map(hydrated.map((p) => [p.id, p]));
  const pick = (list: PostRow[]) => list.map((r) => byId.get(r.id)).filter((p) => p !== undefined);
  return { pinned: pick(pinnedRows), posts: pick(page), next };
}

/** One post with all its comments (for its own page). */
export async function getPostThread(options: {
  networkId: string;
  postId: string;
  viewerId: string | null;
  inDocument?: boolean;
}) {
  if (!isUuid(options.postId)) return null;
  const rows = await queryRows<PostRow & { cursor_at: string }>(sql`
    select ${postColumns}
    from posts p join users u on u.id = p.author_id join networks n on n.id = p.network_id
    where p.id = ${options.postId} and p.network_id = ${options.networkId} and p.deleted_at is null`);
  if (!rows.length) return null;
  const [post] = await hydratePosts(rows, {
    viewerId: options.viewerId,
    commentsPerPost: 500,
    inDocument: options.inDocument ?? false,
    withSource: true,
  });
  return post;
}

/**
 * The signed-in person's feed across all their networks, newest first, with posts written since
 * they last opened each network marked unread.
 */
export async function listHomeFeed(options: {
  userId: string;
  after: Cursor | null;
  limit?: number;
  inDocument?: boolean;
}) {
  const limit = options.limit ?? FEED_PAGE_SIZE;
  const after = options.after
    ? sql`and ${afterCursorSql(options.after, "p.created_at", "p.id")}`
    : sql``;
  // Newest posts of each of the person's networks through that network's feed index, then the
  // newest of those: a few short index scans instead of sorting every post of every network.
  const rows = await queryRows<PostRow & { cursor_at: string }>(sql`
    select ${postColumns}, (p.created_at > m.last_read_at and p.author_id <> ${options.userId}) as unread
    from network_members m
    cross join lateral (
      select * from posts p
      where p.network_id = m.network_id and p.deleted_at is null ${after}
      order by p.created_at desc, p.id desc
      limit ${limit + 1}
    ) p
    join users u on u.id = p.author_id
    join networks n on n.id = p.network_id
    where m.user_id = ${options.userId} and m.status = 'active'
    order by p.created_at desc, p.id desc
    limit ${limit + 1}`);
  const { page, next } = keysetPage(rows, limit);
  const posts = await hydratePosts(page, {
    viewerId: options.userId,
    commentsPerPost: 2,
    inDocument: options.inDocument ?? false,
  });
  return { posts, next };
}

/** The attachment behind a URL, with the network it belongs to (for the access check). */
export async function findAttachment(attachmentId: string) {
  if (!isUuid(attachmentId)) return null;
  const [row] = await getDb()
    .select({
      storageKey: postAttachments.storageKey,
      filename: postAttachments.filename,
      contentType: postAttachments.contentType,
      kind: postAttachments.kind,
      networkId: posts.networkId,
      deletedAt: posts.deletedAt,
    })
    .from(postAttachments)
    .innerJoin(posts, eq(posts.id, postAttachments.postId))
    .where(eq(postAttachments.id, attachmentId));
  return row && !row.deletedAt ? row : null;
}
