import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { renderMarkdown } from "./markdown";
import { type Mentionable, mentionableMembers, mentionHandle } from "./mentions.server";

/**
 * Every table that keeps Markdown next to the HTML rendered from it, with the network whose
 * members a body may mention. Any new table that stores rendered Markdown belongs here.
 */
const STORED_MARKDOWN = [
  { table: "posts", network: sql`t.network_id` },
  {
    table: "comments",
    network: sql`(select p.network_id from posts p where p.id = t.post_id)`,
  },
  { table: "forum_topics", network: sql`t.network_id` },
  {
    table: "forum_replies",
    network: sql`(select f.network_id from forum_topics f where f.id = t.topic_id)`,
  },
] as const;

export type StoredMarkdownTable = (typeof STORED_MARKDOWN)[number]["table"];

export interface RerenderResult {
  /** Rows read, per table. */
  checked: Record<StoredMarkdownTable, number>;
  /** Rows whose HTML changed and was written, per table. */
  updated: Record<StoredMarkdownTable, number>;
}

const storedRow = z.object({
  id: z.string(),
  body: z.string(),
  body_html: z.string(),
  network_id: z.string().nullable(),
});
type StoredRow = z.infer<typeof storedRow>;
const person = z.object({ id: z.string(), display_name: z.string() });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MENTION_LINK = /<a class="mention" href="\/people\/([^"]+)">@([^<]*)<\/a>/g;

/**
 * Renders every stored Markdown body again with the current renderer and writes the HTML where
 * it changed (after the renderer changes, or to repair rows). Reads in keyset batches by id and
 * writes each batch in one transaction, so it can run on a live installation and be resumed.
 *
 * The people a body links to stay linked: its mentions are the network's current members plus
 * whoever the stored HTML already linked (still an account), so a member who left since is not
 * silently unlinked from old posts.
 */
export async function rerenderStoredHtml(
  options: { db?: Db; batchSize?: number } = {},
): Promise<RerenderResult> {
  const db = options.db ?? getDb();
  const batchSize = options.batchSize ?? 500;
  const checked = { posts: 0, comments: 0, forum_topics: 0, forum_replies: 0 };
  const updated = { posts: 0, comments: 0, forum_topics: 0, forum_replies: 0 };
  const membersByNetwork = new Map<string, Map<string, Mentionable>>();

  for (const { table, network } of STORED_MARKDOWN) {
    let after: string | null = null;
    for (;;) {
      const afterId: SQL = after === null ? sql`true` : sql`t.id > ${after}`;
      const rows: StoredRow[] = await queryParsed(
        storedRow,
        sql`select t.id, t.body, t.body_html, ${network} as network_id
            from ${sql.identifier(table)} t where ${afterId} order by t.id limit ${batchSize}`,
        db,
      );
      if (rows.length === 0) break;
      after = rows[rows.length - 1].id;
      checked[table] += rows.length;

      const changes: { id: string; html: string }[] = [];
      for (const row of rows) {
        const mentions = await mentionsFor(db, row, membersByNetwork);
        const html = renderMarkdown(row.body, { mentions });
        if (html !== row.body_html) changes.push({ id: row.id, html });
      }
      if (changes.length > 0) {
        await db.transaction(async (tx) => {
          for (const change of changes) {
            await tx.execute(
              sql`update ${sql.identifier(table)} set body_html = ${change.html} where id = ${change.id}`,
            );
          }
        });
        updated[table] += changes.length;
      }
      if (rows.length < batchSize) break;
    }
  }
  return { checked, updated };
}

async function mentionsFor(
  db: Db,
  row: StoredRow,
  membersByNetwork: Map<string, Map<string, Mentionable>>,
): Promise<Map<string, Mentionable>> {
  let members = row.network_id ? membersByNetwork.get(row.network_id) : new Map();
  if (!members && row.network_id) {
    members = await mentionableMembers(db, row.network_id);
    membersByNetwork.set(row.network_id, members);
  }
  const linked = [...row.body_html.matchAll(MENTION_LINK)];
  if (linked.length === 0) return members ?? new Map();

  // Handles are made from names; the stored link shows the name the author's text matched.
  const ids = [...new Set(linked.map((match) => decodeURIComponent(match[1])))].filter((id) =>
    UUID.test(id),
  );
  const people =
    ids.length === 0
      ? []
      : await queryParsed(
          person,
          sql`select id, display_name from users where id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
          db,
        );
  const names = new Map(people.map((person) => [person.id, person.display_name]));
  const mentions = new Map(members);
  for (const [, encodedId, linkedName] of linked) {
    const id = decodeURIComponent(encodedId);
    const name = names.get(id);
    if (name === undefined) continue;
    for (const handle of [mentionHandle(unescapeHtml(linkedName)), mentionHandle(name)]) {
      if (handle.length >= 2 && !mentions.has(handle)) mentions.set(handle, { id, name });
    }
  }
  return mentions;
}

function unescapeHtml(text: string): string {
  return text
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");
}
