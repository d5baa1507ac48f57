import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, queryParsed } from "~/db/client.server";
import { listedSql } from "~/features/profiles/policy.server";

/**
 * The handle people type after @ to mention someone: their display name without accents,
 * lower-cased, words joined by dots ("Ștefan Popescu" → "stefan.popescu", "Ciarán O'Connell" →
 * "ciaran.oconnell"). Names in other
 * scripts have no handle yet.
 */
export function mentionHandle(displayName: string): string {
  return displayName
    .replace(/ß/g, "ss")
    .replace(/['’]/g, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .slice(0, 40)
    .replace(/^\.+|\.+$/g, "");
}

/** Someone a body may mention: the id links to their profile, the name is shown. */
export interface Mentionable {
  id: string;
  name: string;
}

/** Active members of a network who can be mentioned, keyed by handle. */
export async function mentionableMembers(
  db: Db,
  networkId: string,
): Promise<Map<string, Mentionable>> {
  const rows = await queryParsed(
    z.object({ id: z.string(), display_name: z.string() }),
    sql`select u.id, u.display_name from network_members m join users u on u.id = m.user_id
        where m.network_id = ${networkId} and m.status = 'active' and ${listedSql("u.id")}`,
    db,
  );
  const map = new Map<string, Mentionable>();
  for (const row of rows) {
    const handle = mentionHandle(row.display_name);
    if (handle.length >= 2 && !map.has(handle))
      map.set(handle, { id: row.id, name: row.display_name });
  }
  return map;
}
