import type pg from "pg";

/** What the scale seed writes by default: the 5,000,000 notifications. */
export const DEFAULT_SCALE_NOTIFICATIONS = 5_000_000;

/** Rows older than this are read, as in a real installation where most people keep up. */
const READ_AFTER = "2 days";

/** A title as the app writes it: Markdown marks and runs of spaces gone, cut to 80 characters. */
const titleSql = (column: string) =>
  `left(btrim(regexp_replace(${column}, '[#>*_\`~[:space:]]+', ' ', 'g')), 80)`;

const readAtSql = `case when created_at < now() - interval '${READ_AFTER}' then created_at + interval '3 hours' end`;

/**
 * Adds about `count` notifications to a scale-seeded installation, derived from what is in it, as
 * the app would have written them: comments and reactions tell the post's author, forum replies
 * the topic's author, new members the network's facilitators, and mentions (drawn from posts'
 * authors naming members of their network) fill the rest. Each part is one `insert … select`
 * in the caller's transaction, on an empty table. Returns how many rows the table holds
 * afterwards.
 */
export async function loadScaleNotifications(
  client: pg.PoolClient,
  options: { count: number; progress: (message: string) => void },
): Promise<number> {
  const { count, progress } = options;
  const started = performance.now();
  // Millions of rows go in faster without the indexes, which are then built once, sorted (the
  // same definitions, read back from the catalogue). Building the unique source-key index last
  // also proves no row was written twice: each part's source keys are distinct by construction
  // (one comment, one reaction, one membership…), and a duplicate would fail the whole seed.
  const { rows: indexes } = await client.query<{ name: string; definition: string }>(
    `select indexname as name, indexdef as definition from pg_indexes
     where schemaname = current_schema() and tablename = 'notifications'
       and indexname <> 'notifications_pkey'`,
  );
  for (const index of indexes) await client.query(`drop index "${index.name}"`);
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  let written = 0;
  const insert = async (label: string, share: number, select: string) => {
    const limit = Math.max(0, Math.min(count - written, Math.round(count * share)));
    if (limit === 0) return;
    const result = await client.query(
      `insert into notifications
         (recipient_id, kind, group_key, actor_id, network_id, data, source_key, created_at, read_at)
       select recipient_id, kind, group_key, actor_id, network_id, data, source_key, created_at,
         ${readAtSql}
       from (${select} limit ${limit}) s`,
    );
    written += result.rowCount ?? 0;
    progress(`  notifications: ${written.toLocaleString("en")} (${label}, ${elapsed()})`);
  };
  await insert(
    "comments",
    0.4,
    `select p.author_id as recipient_id, 'comment' as kind, 'post:' || p.id as group_key,
       c.author_id as actor_id, p.network_id,
       jsonb_build_object('networkId', p.network_id, 'title', ${titleSql("p.body")},
         'path', '/networks/' || p.network_id || '/posts/' || p.id || '#comment-' || c.id) as data,
       'comment:' || c.id as source_key, c.created_at
     from comments c join posts p on p.id = c.post_id
     where c.author_id <> p.author_id and c.deleted_at is null and p.deleted_at is null`,
  );
  await insert(
    "reactions",
    0.3,
    `select p.author_id as recipient_id, 'reactions' as kind, 'post:' || p.id as group_key,
       r.user_id as actor_id, p.network_id,
       jsonb_build_object('networkId', p.network_id, 'title', ${titleSql("p.body")},
         'path', '/networks/' || p.network_id || '/posts/' || p.id) as data,
       'reaction:' || p.id || ':' || r.user_id || ':' || r.kind as source_key, r.created_at
     from post_reactions r join posts p on p.id = r.post_id
     where r.user_id <> p.author_id and p.deleted_at is null`,
  );
  await insert(
    "forum replies",
    0.1,
    `select t.author_id as recipient_id, 'reply' as kind, 'topic:' || t.id as group_key,
       r.author_id as actor_id, t.network_id,
       jsonb_build_object('networkId', t.network_id, 'title', ${titleSql("t.title")},
         'path', '/networks/' || t.network_id || '/topics/' || t.id) as data,
       'forum-reply:' || r.id as source_key, r.created_at
     from forum_replies r join forum_topics t on t.id = r.topic_id
     where t.author_id is not null and r.author_id <> t.author_id and r.deleted_at is null`,
  );
  await insert(
    "new members",
    0.1,
    `select f.user_id as recipient_id, 'member.joined' as kind, 'members:' || m.network_id as group_key,
       m.user_id as actor_id, m.network_id,
       jsonb_build_object('networkId', m.network_id) as data,
       'member-joined:' || m.network_id || ':' || m.user_id || ':' ||
         (extract(epoch from m.created_at) * 1000)::bigint as source_key, m.created_at
     from network_members m
     join network_members f on f.network_id = m.network_id and f.role = 'facilitator'
       and f.status = 'active' and f.user_id <> m.user_id
     where m.status = 'active' and m.role = 'member'`,
  );
  // Mentions: each post names up to three members of its network (drawn by hash, so the same
  // post names the same people on every run).
  await insert(
    "mentions",
    1,
    `select m.user_id as recipient_id, 'mention' as kind, 'post:' || p.id as group_key,
       p.author_id as actor_id, p.network_id,
       jsonb_build_object('networkId', p.network_id, 'title', ${titleSql("p.body")},
         'path', '/networks/' || p.network_id || '/posts/' || p.id) as data,
       'post:' || p.id || ':mention' as source_key, p.created_at
     from posts p
     join network_members m on m.network_id = p.network_id and m.status = 'active'
       and m.user_id <> p.author_id
     where p.deleted_at is null
       and abs(hashtext(p.id::text || m.user_id::text)) % 12 = 0`,
  );
  progress(`  building ${indexes.length} indexes…`);
  for (const index of indexes) await client.query(index.definition);
  progress(`  indexes built (${elapsed()})`);
  const { rows } = await client.query<{ n: string }>("select count(*) as n from notifications");
  return Number(rows[0].n);
}
