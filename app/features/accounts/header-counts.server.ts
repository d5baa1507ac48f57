import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryParsed } from "~/db/client.server";
import { unreadMessagesSql } from "~/features/conversations/conversations.server";
import { unreadGroupsSql } from "~/features/notifications/unread.server";

/**
 * The header's two badges for a signed-in person: unread notification groups (capped) and
 * unread messages. Every signed-in page asks, so both are one query: one round trip to the
 * database instead of two in a row.
 */
export async function headerCounts(
  userId: string,
): Promise<{ notifications: number; messages: number }> {
  const id = sql`${userId}::uuid`;
  const [row] = await queryParsed(
    z.object({ notifications: z.coerce.number(), messages: z.coerce.number() }),
    sql`select ${unreadGroupsSql(id)} as notifications, ${unreadMessagesSql(id)} as messages`,
  );
  return { notifications: row?.notifications ?? 0, messages: row?.messages ?? 0 };
}
