/**
 * What conversations tell the notification centre (and through it, email):
 * - a first message from someone who shares no network lands in "requests": one
 *   `message.request` notification per conversation and recipient;
 * - a message in the inbox: one `message` notification per unread streak — the first unread
 *   message of a conversation notifies, later ones while it stays unread do not (so a lively
 *   chat never turns into a mail per message); reading the conversation ends the streak.
 * Muted groups, people who left, declined requests and people who blocked the author are
 * never notified.
 */
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { type Db, queryRows } from "~/db/client.server";
import { notifications } from "~/db/schema";
import { announceUnread, notify, TITLE_MAX } from "~/features/notifications/notify.server";

const groupOf = (conversationId: string) => `conversation:${conversationId}`;

/** In the transaction that wrote the message, after the participants' counters were updated. */
export async function notifyMessage(
  tx: Db,
  options: { conversationId: string; messageId: string; authorId: string },
): Promise<void> {
  const { conversationId, messageId, authorId } = options;
  const groupKey = groupOf(conversationId);
  const recipients = await queryRows<{ user_id: string; folder: string; title: string }>(
    sql`select p.user_id, p.folder, c.title
        from conversation_participants p join conversations c on c.id = p.conversation_id
        where p.conversation_id = ${conversationId} and p.user_id <> ${authorId}
          and p.status = 'active' and p.folder in ('inbox', 'requests') and not p.muted
          and not exists (select 1 from user_blocks b
                          where b.blocker_id = p.user_id and b.blocked_id = ${authorId})
          and (p.folder = 'requests' or not exists (
                select 1 from notifications n
                where n.recipient_id = p.user_id and n.kind = 'message'
                  and n.group_key = ${groupKey} and n.read_at is null))`,
    tx,
  );
  if (recipients.length === 0) return;
  const data = {
    path: `/conversations/${conversationId}`,
    title: (recipients[0].title ?? "").slice(0, TITLE_MAX),
  };
  const requests = recipients.filter((r) => r.folder === "requests").map((r) => r.user_id);
  const inbox = recipients.filter((r) => r.folder === "inbox").map((r) => r.user_id);
  if (requests.length) {
    await notify(tx, {
      kind: "message.request",
      recipientIds: requests,
      actorId: authorId,
      groupKey,
      // One request notification per conversation, however many messages the request holds.
      sourceKey: `request:${conversationId}`,
      data: { ...data, path: "/conversations?folder=requests" },
    });
  }
  if (inbox.length) {
    await notify(tx, {
      kind: "message",
      recipientIds: inbox,
      actorId: authorId,
      groupKey,
      sourceKey: `message:${messageId}`,
      data,
    });
  }
}

/**
 * The person read the conversation: its message notifications are read too (the centre's
 * badge follows), and the next message starts a new streak.
 */
export async function markConversationNotificationsRead(
  db: Db,
  options: { conversationId: string; userId: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    const changed = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.recipientId, options.userId),
          inArray(notifications.kind, ["message", "message.request"]),
          eq(notifications.groupKey, groupOf(options.conversationId)),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    if (changed.length) await announceUnread(tx, [options.userId]);
  });
}
