import { type SQL, sql } from "drizzle-orm";

/**
 * Who may see a need (issue 10): every signed-in person sees the needs shared with the whole
 * installation (`network_id` null); a need shared with one network is seen only by the
 * network's active members, and by its owner. Nobody signed out sees any need. A removed member
 * loses the membership row (decision 006), so they lose the network's needs with it.
 * A need without an owner (an anonymous audit's answer) is seen by nobody one by one: it only
 * counts in figures (the radar and the audit report, which do not use this rule).
 *
 * SQL true when `viewerId` may see the needs row aliased `alias` (default `n`). Reuse it in
 * every query that lists or counts needs for a person (radar, answers, home page), so a
 * network-only need never shows outside its network.
 */
export function visibleNeedsSql(viewerId: string | null, alias = "n"): SQL {
  if (!viewerId) return sql`false`;
  const n = sql.raw(safeAlias(alias));
  return sql`(${n}.owner_id is not null and (${n}.network_id is null
    or ${n}.owner_id = ${viewerId}::uuid
    or exists (
      select 1 from network_members nm_vis
      where nm_vis.network_id = ${n}.network_id
        and nm_vis.user_id = ${viewerId}::uuid
        and nm_vis.status = 'active'
    )))`;
}

/**
 * SQL true when the person `userId` (an SQL expression, e.g. a column of a fan-out query) may
 * see the needs row aliased `alias`: as visibleNeedsSql, for many people at once.
 */
export function needVisibleToSql(userId: SQL, alias = "n"): SQL {
  const n = sql.raw(safeAlias(alias));
  return sql`(${n}.owner_id is not null and (${n}.network_id is null
    or ${n}.owner_id = ${userId}
    or exists (
      select 1 from network_members nm_vis
      where nm_vis.network_id = ${n}.network_id
        and nm_vis.user_id = ${userId}
        and nm_vis.status = 'active'
    )))`;
}

function safeAlias(alias: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`Bad SQL alias: ${alias}`);
  return alias;
}
