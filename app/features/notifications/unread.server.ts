import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryParsed } from "~/db/client.server";

/**
 * The badge counts unread *groups* (the lines the centre shows: "Maria and 4 others commented
 * on your post" is one), not rows: the number then matches what the person will find, and a
 * busy post does not inflate it. Counted up to this many; the badge shows "99+" above 99.
 */
export const UNREAD_COUNT_CAP = 100;

/** The unread groups of the person whose id is `userId` (a SQL value), up to the cap: a scalar subquery. */
export function unreadGroupsSql(userId: SQL): SQL {
  return sql`(
      select count(*) from (
        select 1 from notifications n
        where n.recipient_id = ${userId} and n.read_at is null
        group by n.kind, n.group_key
        limit ${UNREAD_COUNT_CAP}
      ) g
    )::int`;
}

/** `(id, count)` per person: their unread groups, counted up to the cap on the unread index. */
export function unreadCountsSql(userIds: readonly string[]): SQL {
  return sql`select r.id::text as id, ${unreadGroupsSql(sql`r.id`)} as count
    from (values ${sql.join(
      userIds.map((id) => sql`(${id}::uuid)`),
      sql`, `,
    )}) as r(id)`;
}

/** A person's unread groups (up to UNREAD_COUNT_CAP), for the header badge. */
export async function countUnread(userId: string): Promise<number> {
  const [row] = await queryParsed(
    z.object({ id: z.string(), count: z.coerce.number() }),
    unreadCountsSql([userId]),
  );
  return row?.count ?? 0;
}
