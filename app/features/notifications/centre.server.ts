import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, queryParsed } from "~/db/client.server";
import { notifications } from "~/db/schema";
import type { Cursor } from "~/lib/cursor";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { type GroupStats, linkOf, type NotificationLine, toLine } from "./grouping";
import type { NotificationData } from "./kinds";
import { announceUnread } from "./notify.server";
import type { NetworkView, NotificationSubject } from "./rules";

export const CENTRE_PAGE_SIZE = 20;

const headRow = z.object({
  id: z.string(),
  kind: z.string(),
  group_key: z.string(),
  actor_id: z.string().nullable(),
  actor_name: z.string().nullable(),
  network_id: z.string().nullable(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  created_at: z.coerce.date(),
  cursor_at: z.string(),
});

/** A group's line counts the people among its newest rows only (a post with 5,000 reactions
 * costs what one with 200 does). */
export const GROUP_COUNT_ROWS = 200;

/**
 * One page of a person's notification centre: one line per group (kind, group key), placed at
 * its newest row, newest first, keyset-paged on that row, so a group's older rows never show
 * again further down. The newest row of every group comes from an index-only scan of
 * notifications_group_idx (the person's entries, no table rows), then only the page's rows are
 * read; each group's counts look at its newest GROUP_COUNT_ROWS rows.
 */
export async function listNotifications(options: {
  recipientId: string;
  after: Cursor | null;
  limit?: number;
}): Promise<{ lines: NotificationLine[]; next: string | null }> {
  const limit = options.limit ?? CENTRE_PAGE_SIZE;
  const me = options.recipientId;
  const heads = await queryParsed(
    headRow,
    sql`with heads as (
          select h.id, h.created_at from (
            select distinct on (kind, group_key) id, created_at
            from notifications where recipient_id = ${me}
            -- nulls last as notifications_group_idx orders (decision 022): else a sort
            order by kind, group_key, created_at desc nulls last, id desc nulls last
          ) h
          ${options.after ? sql`where ${afterCursorSql(options.after, "h.created_at", "h.id")}` : sql``}
          order by h.created_at desc, h.id desc
          limit ${limit + 1}
        )
        select n.id::text, n.kind, n.group_key, n.actor_id::text, u.display_name as actor_name,
          n.network_id::text, n.data, n.created_at, ${cursorAtSql("n.created_at")}
        from heads join notifications n on n.id = heads.id
        left join users u on u.id = n.actor_id
        order by n.created_at desc, n.id desc`,
  );
  const { page, next } = keysetPage(heads, limit);
  if (page.length === 0) return { lines: [], next: null };
  const groups = sql.join(
    page.map((h) => sql`(${h.kind}, ${h.group_key})`),
    sql`, `,
  );
  const stats = await queryParsed(
    z.object({
      kind: z.string(),
      group_key: z.string(),
      unread: z.coerce.number(),
      actors: z.coerce.number(),
      unread_actors: z.coerce.number(),
    }),
    sql`select g.kind, g.group_key,
          count(*) filter (where r.read_at is null) as unread,
          count(distinct r.actor_id) as actors,
          count(distinct r.actor_id) filter (where r.read_at is null) as unread_actors
        from (values ${groups}) as g(kind, group_key)
        cross join lateral (
          select actor_id, read_at from notifications
          where recipient_id = ${me} and kind = g.kind and group_key = g.group_key
          order by created_at desc nulls last, id desc nulls last
          limit ${GROUP_COUNT_ROWS}
        ) r
        group by g.kind, g.group_key`,
  );
  const statsOf = new Map<string, GroupStats>(
    stats.map((s) => [
      `${s.kind}\u0000${s.group_key}`,
      { unread: s.unread, actors: s.actors, unreadActors: s.unread_actors },
    ]),
  );
  const networkIds = [...new Set(page.map((h) => h.network_id).filter((id) => id !== null))];
  const networks = networkIds.length
    ? await queryParsed(
        z.object({
          id: z.string(),
          name: z.string(),
          visibility: z.enum(["open", "request", "invite", "secret"]),
          is_member: z.boolean(),
        }),
        sql`select n.id::text, n.name, n.visibility,
              exists (select 1 from network_members m where m.network_id = n.id
                and m.user_id = ${me} and m.status = 'active') as is_member
            from networks n
            where n.id in (${sql.join(
              networkIds.map((id) => sql`${id}::uuid`),
              sql`, `,
            )})`,
      )
    : [];
  const networkOf = new Map<string, NetworkView & { name: string }>(
    networks.map((n) => [n.id, { name: n.name, visibility: n.visibility, isMember: n.is_member }]),
  );
  const lines: NotificationLine[] = [];
  for (const head of page) {
    const line = toLine(
      {
        id: head.id,
        kind: head.kind,
        groupKey: head.group_key,
        actorId: head.actor_id,
        actorName: head.actor_name,
        networkId: head.network_id,
        data: head.data,
        createdAt: head.created_at,
      },
      statsOf.get(`${head.kind}\u0000${head.group_key}`) ?? {
        unread: 0,
        actors: 0,
        unreadActors: 0,
      },
      head.network_id ? (networkOf.get(head.network_id) ?? null) : null,
    );
    if (line) lines.push(line);
  }
  return { lines, next };
}

/** A notification by id as the rules see it (whose it is), or null for an unknown id. */
export async function findNotification(id: string): Promise<NotificationSubject | null> {
  if (!isUuid(id)) return null;
  const [row] = await getDb()
    .select({ id: notifications.id, recipientId: notifications.recipientId })
    .from(notifications)
    .where(eq(notifications.id, id));
  return row ?? null;
}

/**
 * Marks a notification's whole group read (the line it is shown in) and returns where it leads.
 * The new unread count goes to the person's other tabs when the change commits.
 */
export async function markGroupRead(options: {
  decision: Decision<"open", NotificationSubject>;
}): Promise<{ link: string }> {
  const { resource } = options.decision;
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .select({
        kind: notifications.kind,
        groupKey: notifications.groupKey,
        data: notifications.data,
      })
      .from(notifications)
      .where(
        and(eq(notifications.id, resource.id), eq(notifications.recipientId, resource.recipientId)),
      );
    if (!row) return { link: "/notifications" };
    const changed = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.recipientId, resource.recipientId),
          eq(notifications.kind, row.kind),
          eq(notifications.groupKey, row.groupKey),
          isNull(notifications.readAt),
        ),
      )
      .returning({ id: notifications.id });
    if (changed.length) await announceUnread(tx, [resource.recipientId]);
    return { link: linkOf(row.kind, row.data as NotificationData) };
  });
}

/** Marks every notification of the person read. */
export async function markAllRead(options: { decision: Decision<"list", undefined, Person> }) {
  const recipientId = options.decision.actor.id;
  await getDb().transaction(async (tx) => {
    await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(and(eq(notifications.recipientId, recipientId), isNull(notifications.readAt)));
    await announceUnread(tx, [recipientId]);
  });
}
