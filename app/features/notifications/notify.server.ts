import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryParsed } from "~/db/client.server";
import { publishOnCommit } from "~/lib/pubsub.server";
import { afterNotified, type NotifiedRow } from "./delivery.server";
import type { NotificationData, NotificationKind } from "./kinds";
import { unreadCountsSql } from "./unread.server";

export type NotifyInput = {
  kind: NotificationKind;
  recipientIds: readonly string[];
  /** Who did it (never notified about their own act); null when nobody in particular. */
  actorId: string | null;
  networkId?: string | null;
  /** Rows of one kind with the same group key make one line ("post:<id>"). */
  groupKey: string;
  /** What made it ("comment:<id>"): one row per recipient and source key, whatever is replayed. */
  sourceKey: string;
  /** What the kind's message and link need: ids and short labels, never whole texts. */
  data: NotificationData;
};

/** Short labels only: a title longer than this is cut (the centre shows one line per group). */
export const TITLE_MAX = 80;

/**
 * Notifies people of something that happened, in the caller's transaction: one row per
 * recipient (the actor left out, people who no longer exist skipped), none where this source
 * already notified that person. After the rows, the email side's hook (`afterNotified`) runs
 * in the same transaction, and each recipient's new unread count is published on
 * `user:<id>` (`notifications.unread`), delivered only once the transaction commits.
 * Returns the rows that were new.
 */
export async function notify(tx: Db, input: NotifyInput): Promise<NotifiedRow[]> {
  const recipients = [...new Set(input.recipientIds)].filter(
    (id) => id !== input.actorId && z.uuid().safeParse(id).success,
  );
  if (recipients.length === 0) return [];
  const data = JSON.stringify(input.data);
  const inserted = await queryParsed(
    z.object({ id: z.string(), recipient_id: z.string() }),
    sql`insert into notifications
          (recipient_id, kind, group_key, actor_id, network_id, data, source_key)
        select u.id, ${input.kind}, ${input.groupKey}, ${input.actorId}::uuid,
          ${input.networkId ?? null}::uuid, ${data}::jsonb, ${input.sourceKey}
        from users u
        where u.id in (${sql.join(
          recipients.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
        on conflict (recipient_id, source_key) do nothing
        returning id, recipient_id`,
    tx,
  );
  if (inserted.length === 0) return [];
  const rows: NotifiedRow[] = inserted.map((row) => ({
    id: row.id,
    recipientId: row.recipient_id,
    kind: input.kind,
    networkId: input.networkId ?? null,
  }));
  await afterNotified(tx, rows);
  await announceUnread(
    tx,
    rows.map((row) => row.recipientId),
  );
  return rows;
}

/**
 * Publishes each person's unread count (groups, see unread.server.ts) on their topic, from
 * inside `tx`: read there, delivered when it commits.
 */
export async function announceUnread(tx: Db, recipientIds: readonly string[]): Promise<void> {
  const ids = [...new Set(recipientIds)];
  if (ids.length === 0) return;
  const counts = await queryParsed(
    z.object({ id: z.string(), count: z.coerce.number() }),
    unreadCountsSql(ids),
    tx,
  );
  await publishOnCommit(
    tx,
    counts.map((row) => ({
      topic: `user:${row.id}`,
      type: "notifications.unread",
      data: { count: row.count },
    })),
  );
}
