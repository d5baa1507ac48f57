import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryParsed } from "~/db/client.server";
import { networkInvitations, networkMembers, notifications } from "~/db/schema";
import { titleFrom } from "~/features/notifications/grouping";
import type { NotificationData, NotificationKind } from "~/features/notifications/kinds";
import { randomToken, sha256 } from "~/lib/crypto.server";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
/** Demo notifications older than this are read (a living inbox: recent ones are new). */
const READ_AFTER_MS = 2 * DAY;

type Row = {
  recipientId: string;
  kind: NotificationKind;
  groupKey: string;
  actorId: string | null;
  networkId: string | null;
  data: NotificationData;
  sourceKey: string;
  createdAt: Date;
};

const postPath = (networkId: string, postId: string, anchor = "") =>
  `/networks/${networkId}/posts/${postId}${anchor ? `#${anchor}` : ""}`;

/**
 * Gives the demo people an inbox of every kind, derived from the demo's own content (the
 * comments, replies, mentions and reactions the networks hold, written as the app writes them)
 * plus a few membership events: requests waiting in the request-only network, an answered
 * request, an email invitation that works, a lifted removal, new members for facilitators.
 * What is older than two days is read. Runs inside the demo seed's transaction.
 */
export async function seedDemoNotifications(db: Db, now = Date.now()): Promise<number> {
  const rows: Row[] = [];
  const at = (date: Date | string) => new Date(Math.min(now - 60_000, new Date(date).getTime()));

  const postRows = await queryParsed(
    z.object({
      id: z.string(),
      network_id: z.string(),
      author_id: z.string(),
      body: z.string(),
      created_at: z.coerce.date(),
    }),
    sql`select id::text, network_id::text, author_id::text, body, created_at from posts`,
    db,
  );
  const postsById = new Map(postRows.map((p) => [p.id, p]));
  const postData = (post: (typeof postRows)[number], anchor = "") => ({
    networkId: post.network_id,
    title: titleFrom(post.body),
    path: postPath(post.network_id, post.id, anchor),
  });

  const commentRows = await queryParsed(
    z.object({
      id: z.string(),
      post_id: z.string(),
      parent_id: z.string().nullable(),
      parent_author_id: z.string().nullable(),
      author_id: z.string(),
      created_at: z.coerce.date(),
    }),
    sql`select c.id::text, c.post_id::text, c.parent_id::text, pc.author_id::text as parent_author_id,
          c.author_id::text, c.created_at
        from comments c left join comments pc on pc.id = c.parent_id`,
    db,
  );
  for (const c of commentRows) {
    const post = postsById.get(c.post_id);
    if (!post) continue;
    const data = postData(post, `comment-${c.id}`);
    const common = {
      actorId: c.author_id,
      networkId: post.network_id,
      data,
      createdAt: at(c.created_at),
    };
    if (post.author_id !== c.author_id) {
      rows.push({
        ...common,
        recipientId: post.author_id,
        kind: "comment",
        groupKey: `post:${post.id}`,
        sourceKey: `comment:${c.id}`,
      });
    }
    if (c.parent_author_id && ![c.author_id, post.author_id].includes(c.parent_author_id)) {
      rows.push({
        ...common,
        recipientId: c.parent_author_id,
        kind: "reply",
        groupKey: `comment:${c.parent_id}`,
        sourceKey: `comment:${c.id}:reply`,
      });
    }
  }

  const mentionRows = await queryParsed(
    z.object({ post_id: z.string(), user_id: z.string() }),
    sql`select post_id::text, user_id::text from post_mentions`,
    db,
  );
  for (const m of mentionRows) {
    const post = postsById.get(m.post_id);
    if (!post || post.author_id === m.user_id) continue;
    rows.push({
      recipientId: m.user_id,
      kind: "mention",
      groupKey: `post:${post.id}`,
      actorId: post.author_id,
      networkId: post.network_id,
      data: postData(post),
      sourceKey: `post:${post.id}:mention`,
      createdAt: at(post.created_at),
    });
  }

  const reactionRows = await queryParsed(
    z.object({ post_id: z.string(), user_id: z.string(), kind: z.string() }),
    sql`select post_id::text, user_id::text, kind from post_reactions order by post_id, user_id, kind`,
    db,
  );
  reactionRows.forEach((r, index) => {
    const post = postsById.get(r.post_id);
    if (!post || post.author_id === r.user_id) return;
    rows.push({
      recipientId: post.author_id,
      kind: "reactions",
      groupKey: `post:${post.id}`,
      actorId: r.user_id,
      networkId: post.network_id,
      data: postData(post),
      sourceKey: `reaction:${post.id}:${r.user_id}:${r.kind}`,
      // Reactions come in over the hours after the post.
      createdAt: at(new Date(post.created_at.getTime() + (1 + (index % 12)) * HOUR)),
    });
  });

  const forumRows = await queryParsed(
    z.object({
      id: z.string(),
      topic_id: z.string(),
      title: z.string(),
      network_id: z.string(),
      topic_author_id: z.string().nullable(),
      author_id: z.string(),
      created_at: z.coerce.date(),
    }),
    sql`select r.id::text, t.id::text as topic_id, t.title, t.network_id::text,
          t.author_id::text as topic_author_id, r.author_id::text, r.created_at
        from forum_replies r join forum_topics t on t.id = r.topic_id`,
    db,
  );
  for (const r of forumRows) {
    if (!r.topic_author_id || r.topic_author_id === r.author_id) continue;
    rows.push({
      recipientId: r.topic_author_id,
      kind: "reply",
      groupKey: `topic:${r.topic_id}`,
      actorId: r.author_id,
      networkId: r.network_id,
      data: {
        networkId: r.network_id,
        title: titleFrom(r.title),
        path: `/networks/${r.network_id}/topics/${r.topic_id}`,
      },
      sourceKey: `forum-reply:${r.id}`,
      createdAt: at(r.created_at),
    });
  }

  rows.push(...(await membershipEvents(db, now)));
  rows.push(...(await conversationEvents(db, now)));

  for (let start = 0; start < rows.length; start += 500) {
    await db
      .insert(notifications)
      .values(
        rows.slice(start, start + 500).map((row) => ({
          ...row,
          readAt:
            now - row.createdAt.getTime() > READ_AFTER_MS
              ? new Date(row.createdAt.getTime() + 3 * HOUR)
              : null,
        })),
      )
      .onConflictDoNothing();
  }
  return rows.length;
}

/**
 * What the demo conversations (seeded just before) would have notified, as
 * app/features/conversations/notifications.server.ts writes it: a request per conversation in
 * "requests", and a message per conversation with unread messages in the inbox (not muted).
 */
async function conversationEvents(db: Db, now: number): Promise<Row[]> {
  const waiting = await queryParsed(
    z.object({
      conversation_id: z.string(),
      user_id: z.string(),
      folder: z.string(),
      title: z.string(),
      author_id: z.string(),
      message_id: z.string(),
      created_at: z.coerce.date(),
    }),
    sql`select p.conversation_id::text, p.user_id::text, p.folder, c.title,
          m.author_id::text, m.id::text as message_id, m.created_at
        from conversation_participants p
        join conversations c on c.id = p.conversation_id
        join lateral (select id, author_id, created_at from messages
                      where conversation_id = p.conversation_id and author_id <> p.user_id
                      order by created_at desc, id desc limit 1) m on true
        where p.status = 'active' and not p.muted
          and (p.folder = 'requests' or (p.folder = 'inbox' and p.unread_count > 0))
        order by p.conversation_id, p.user_id`,
    db,
  );
  return waiting.map((w) => {
    const request = w.folder === "requests";
    return {
      recipientId: w.user_id,
      kind: request ? "message.request" : "message",
      groupKey: `conversation:${w.conversation_id}`,
      actorId: w.author_id,
      networkId: null,
      data: {
        path: request ? "/conversations?folder=requests" : `/conversations/${w.conversation_id}`,
        title: titleFrom(w.title),
      },
      sourceKey: request ? `request:${w.conversation_id}` : `message:${w.message_id}`,
      // Kept unread whatever its age: the conversation itself is still unread.
      createdAt: new Date(
        Math.max(now - READ_AFTER_MS + HOUR, Math.min(now - 60_000, w.created_at.getTime())),
      ),
    };
  });
}

/** Requests, answers, invitations, new members and a lifted removal, as they would have come. */
async function membershipEvents(db: Db, now: number): Promise<Row[]> {
  const rows: Row[] = [];
  const networkRows = await queryParsed(
    z.object({ id: z.string(), name: z.string(), visibility: z.string() }),
    sql`select id::text, name, visibility from networks order by created_at, id`,
    db,
  );
  const memberRows = await queryParsed(
    z.object({ network_id: z.string(), user_id: z.string(), role: z.string() }),
    sql`select network_id::text, user_id::text, role from network_members
        where status = 'active' order by network_id, user_id`,
    db,
  );
  const people = await queryParsed(
    z.object({ id: z.string(), email: z.string() }),
    sql`select id::text, email from users where not is_admin order by email`,
    db,
  );
  const membersOf = (networkId: string) => memberRows.filter((m) => m.network_id === networkId);
  const facilitatorsOf = (networkId: string) =>
    membersOf(networkId)
      .filter((m) => m.role === "facilitator")
      .map((m) => m.user_id);
  const outsidersOf = (networkId: string) => {
    const inside = new Set(membersOf(networkId).map((m) => m.user_id));
    return people.filter((p) => !inside.has(p.id));
  };

  networkRows.forEach((network, n) => {
    const facilitators = facilitatorsOf(network.id);
    // The two newest members of every network, as told to its facilitators.
    const plain = membersOf(network.id).filter((m) => m.role === "member");
    plain.slice(-2).forEach((m, i) => {
      const joinedAt = new Date(now - (1 + ((n + i) % 4)) * DAY - i * 5 * HOUR);
      for (const f of facilitators) {
        rows.push({
          recipientId: f,
          kind: "member.joined",
          groupKey: `members:${network.id}`,
          actorId: m.user_id,
          networkId: network.id,
          data: { networkId: network.id },
          sourceKey: `member-joined:${network.id}:${m.user_id}:${joinedAt.getTime()}`,
          createdAt: joinedAt,
        });
      }
    });
    // Someone who had been removed long ago may take part again (the first open network).
    if (n === 0 && plain[0]) {
      rows.push({
        recipientId: plain[0].user_id,
        kind: "removal.lifted",
        groupKey: `removal-lifted:${network.id}`,
        actorId: facilitators[0] ?? null,
        networkId: network.id,
        data: { networkId: network.id, network: network.name },
        sourceKey: `removal-lifted:demo:${network.id}:${plain[0].user_id}`,
        createdAt: new Date(now - 3 * DAY),
      });
    }
  });

  // Requests waiting in the request-only network, and an answered one.
  const requestNetwork = networkRows.find((n) => n.visibility === "request");
  if (requestNetwork) {
    const facilitators = facilitatorsOf(requestNetwork.id);
    const waiting = outsidersOf(requestNetwork.id).slice(0, 2);
    for (const [i, person] of waiting.entries()) {
      const requestedAt = new Date(now - (i + 1) * 5 * HOUR);
      await db
        .insert(networkMembers)
        .values({
          networkId: requestNetwork.id,
          userId: person.id,
          role: "member",
          status: "pending",
          createdAt: requestedAt,
          lastReadAt: requestedAt,
        })
        .onConflictDoNothing();
      for (const f of facilitators) {
        rows.push({
          recipientId: f,
          kind: "join.request",
          groupKey: `join-requests:${requestNetwork.id}`,
          actorId: person.id,
          networkId: requestNetwork.id,
          data: { networkId: requestNetwork.id },
          sourceKey: `join-request:${requestNetwork.id}:${person.id}:${requestedAt.getTime()}`,
          createdAt: requestedAt,
        });
      }
    }
    const approved = membersOf(requestNetwork.id).find((m) => m.role === "member");
    if (approved) {
      const decidedAt = new Date(now - 20 * HOUR);
      rows.push({
        recipientId: approved.user_id,
        kind: "join.decided",
        groupKey: `join-decided:${requestNetwork.id}`,
        actorId: facilitators[0] ?? null,
        networkId: requestNetwork.id,
        data: { networkId: requestNetwork.id, approved: true },
        sourceKey: `join-decided:demo:${requestNetwork.id}:${approved.user_id}`,
        createdAt: decidedAt,
      });
    }
  }

  // An invitation by email to a closed network, waiting for its answer (the link works).
  const closed = networkRows.find((n) => n.visibility === "invite") ?? networkRows.at(-1);
  const invitee = closed ? outsidersOf(closed.id)[0] : undefined;
  if (closed && invitee) {
    const inviter = facilitatorsOf(closed.id)[0] ?? null;
    const token = randomToken();
    const invitedAt = new Date(now - 6 * HOUR);
    const [invitation] = await db
      .insert(networkInvitations)
      .values({
        networkId: closed.id,
        kind: "email",
        email: invitee.email,
        tokenHash: sha256(token),
        createdBy: inviter,
        createdAt: invitedAt,
        expiresAt: new Date(now + 14 * DAY),
      })
      .returning({ id: networkInvitations.id });
    rows.push({
      recipientId: invitee.id,
      kind: "invitation",
      groupKey: `invitation:${invitation.id}`,
      actorId: inviter,
      networkId: closed.id,
      data: { networkId: closed.id, network: closed.name, path: `/invitations/${token}` },
      sourceKey: `invitation:${invitation.id}`,
      createdAt: invitedAt,
    });
  }
  return rows;
}
