import { and, count, eq, ne, type SQL, sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { users } from "~/db/schema";
import type { Cursor } from "~/lib/cursor";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Actor } from "~/lib/policy";
import { adminPolicy } from "./rules";
import type { AdminUserFilter } from "./schema";

/** People per page of the admin list: short enough to scan on a phone. */
export const ADMIN_USERS_PAGE = 25;

/**
 * Users for the admin list, newest first, optionally matching a name or email fragment and a
 * role (a person's role, or holding the facilitator or admin role), a keyset page at a time.
 */
export async function listUsersForAdmin(options: {
  q?: string;
  role?: AdminUserFilter;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? ADMIN_USERS_PAGE;
  const where: SQL[] = [sql`true`];
  if (options.q) {
    const like = `%${options.q.replace(/[\\%_]/g, "\\$&")}%`;
    where.push(sql`(u.email ilike ${like} or u.display_name ilike ${like})`);
  }
  if (options.role === "owner" || options.role === "educator") {
    where.push(sql`u.role = ${options.role}`);
  } else if (options.role === "facilitator") {
    where.push(sql`u.is_facilitator`);
  } else if (options.role === "admin") {
    where.push(sql`u.is_admin`);
  }
  if (options.after) {
    where.push(afterCursorSql(options.after, "u.created_at", "u.id"));
  }
  const result = await queryRows<{
    id: string;
    email: string;
    display_name: string;
    role: string;
    is_facilitator: boolean;
    is_admin: boolean;
    verified: boolean;
    cursor_at: string;
  }>(sql`
    select u.id, u.email, u.display_name, u.role, u.is_facilitator, u.is_admin,
      u.email_verified_at is not null as verified,
      ${cursorAtSql("u.created_at")}
    from users u where ${sql.join(where, sql` and `)}
    order by u.created_at desc, u.id desc limit ${limit + 1}`);
  const { page: rows, next } = keysetPage(result, limit);
  return {
    users: rows.map((r) => ({
      id: r.id,
      email: r.email,
      displayName: r.display_name,
      role: r.role,
      isFacilitator: r.is_facilitator,
      isAdmin: r.is_admin,
      verified: r.verified,
    })),
    next,
  };
}

/**
 * Grants or removes the facilitator or admin role, authorizing `changeRole` inside the
 * transaction on the admin count it locked: the last admin cannot lose the role (409
 * `admin.lastAdmin`), so an installation always has someone who can manage it. Returns the
 * person's name for the confirmation, or null when there is no such person.
 */
export async function setUserRole(options: {
  actor: Actor;
  userId: string;
  role: "facilitator" | "admin";
  granted: boolean;
}): Promise<{ displayName: string } | null> {
  return getDb().transaction(async (tx) => {
    let otherAdminCount = 1;
    if (options.role === "admin" && !options.granted) {
      // Serialise concurrent demotions so two admins cannot remove each other at once.
      await tx.execute(sql`select id from users where is_admin for update`);
      const [{ value }] = await tx
        .select({ value: count() })
        .from(users)
        .where(and(eq(users.isAdmin, true), ne(users.id, options.userId)));
      otherAdminCount = value;
    }
    adminPolicy.authorize(options.actor, "changeRole", {
      userId: options.userId,
      role: options.role,
      granted: options.granted,
      otherAdminCount,
    });
    const set =
      options.role === "admin" ? { isAdmin: options.granted } : { isFacilitator: options.granted };
    const rows = await tx
      .update(users)
      .set({ ...set, updatedAt: new Date() })
      .where(eq(users.id, options.userId))
      .returning({ displayName: users.displayName });
    return rows[0] ?? null;
  });
}
