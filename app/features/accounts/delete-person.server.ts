import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { tombstoneCredentialsOf } from "~/features/credentials/credentials.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { randomToken } from "~/lib/crypto.server";
import { FORMER_MEMBER_ID, FORMER_MEMBER_STORED_NAME } from "./former-member";
import { hashPassword } from "./password.server";

/**
 * The one account that anonymised content points to once its author is deleted. It is never
 * verified or onboarded, so directories, counts and profile pages leave it out, and nobody knows
 * its password. Pages show it as "Former member" in the reader's language (`former-member.ts`).
 */
export { FORMER_MEMBER_ID };

const FORMER_MEMBER_EMAIL = "former-member@invalid";
const FORMER_MEMBER_NAME = FORMER_MEMBER_STORED_NAME;

export interface DeletePersonResult {
  /** Posts, comments and discussion topics of theirs that nobody else had answered. */
  deleted: { posts: number; comments: number; topics: number };
  /** Posts, comments, topics, replies and resources kept, now shown as the former member's. */
  anonymised: number;
}

/**
 * Deletes a person as decision 010 describes, in one transaction: their content that nobody else
 * answered goes; what others answered (and every discussion reply and shared resource) stays,
 * attributed to the former member; other people's replies are never touched; memberships,
 * sessions, tokens, reactions and mentions go with the account, keeping member counts right.
 * The database refuses to delete an account that still authors content, so this is the only way.
 * Files of deleted posts are left for the orphaned-file cleanup.
 */
export async function deletePerson(options: {
  userId: string;
  db?: Db;
}): Promise<DeletePersonResult> {
  const db = options.db ?? getDb();
  if (options.userId === FORMER_MEMBER_ID) throw new Error("The former member cannot be deleted.");
  const passwordHash = await hashPassword(randomToken());
  return db.transaction(async (tx) => {
    const count = async (query: ReturnType<typeof sql>) =>
      ((await tx.execute(query)) as unknown as { rows: unknown[] }).rows.length;
    const person = options.userId;

    await tx.execute(sql`
      insert into users (id, email, password_hash, role, display_name)
      values (${FORMER_MEMBER_ID}, ${FORMER_MEMBER_EMAIL}, ${passwordHash}, 'owner', ${FORMER_MEMBER_NAME})
      on conflict do nothing`);

    // Their comments nobody else replied to (their own replies to them go along by cascade).
    const comments = await count(sql`
      delete from comments c where c.author_id = ${person}
        and not exists (select 1 from comments r where r.parent_id = c.id and r.author_id <> ${person})
      returning c.id`);
    const posts = await count(sql`
      delete from posts p where p.author_id = ${person}
        and not exists (select 1 from comments c where c.post_id = p.id and c.author_id <> ${person})
      returning p.id`);
    const topics = await count(sql`
      delete from forum_topics t where t.author_id = ${person}
        and not exists (select 1 from forum_replies r where r.topic_id = t.id and r.author_id <> ${person})
      returning t.id`);

    let anonymised = 0;
    for (const [table, column] of [
      ["posts", "author_id"],
      ["comments", "author_id"],
      ["forum_topics", "author_id"],
      ["forum_replies", "author_id"],
      ["network_resources", "added_by"],
      // Messages stay in the others' conversations, from the former member.
      ["messages", "author_id"],
    ] as const) {
      anonymised += await count(sql`
        update ${sql.identifier(table)} set ${sql.identifier(column)} = ${FORMER_MEMBER_ID}
        where ${sql.identifier(column)} = ${person} returning 1`);
    }

    // Counters are kept by the code, not by triggers, so the memberships about to cascade away
    // are counted out here.
    await tx.execute(sql`
      update networks n set member_count = n.member_count - 1
      from network_members m
      where m.network_id = n.id and m.user_id = ${person} and m.status = 'active'`);
    // Their "me too"s, offers (with their topics) and answers to needs cascade away with the
    // account; the needs they weighed on or reached are recomputed after (decision 018).
    const touched = await queryParsed(
      z.object({ need_id: z.string().nullable(), topic: z.string().nullable() }),
      sql`select m.need_id::text, null::text as topic from need_me_toos m where m.user_id = ${person}
          union
          select a.need_id::text, null::text from need_answers a
            left join offers o on o.id = a.offer_id
            where a.responder_id = ${person} or o.created_by = ${person}
          union
          select null::text, ot.topic from offers o join offer_topics ot on ot.offer_id = o.id
            where o.created_by = ${person}`,
      tx,
    );
    // Their credentials stay as revoked tombstones, so verifiers elsewhere see them revoked.
    await tombstoneCredentialsOf(person, tx);
    await tx.execute(sql`delete from users where id = ${person}`);
    const needIds = touched.flatMap((row) => (row.need_id ? [row.need_id] : []));
    const offerTopics = touched.flatMap((row) => (row.topic ? [row.topic] : []));
    await refreshNeeds(tx, { needIds });
    await refreshNeeds(tx, { topics: offerTopics });
    return { deleted: { posts, comments, topics }, anonymised };
  });
}
