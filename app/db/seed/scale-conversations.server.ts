/**
 * The conversations part of the scale seed: `conversations` conversations (nine in ten direct,
 * one in ten a group of 3–8) between the seeded people, with about `messages` messages in all.
 * The first conversation has 5,000 messages (the benchmark's long conversation); the others
 * an exponentially distributed number around the remaining mean.
 *
 * Everything is generated inside PostgreSQL with generate_series: ids and choices come from
 * md5 of the row's number, so two runs over the same people produce the same conversations;
 * only the absolute times follow the moment of seeding. Inserted in batches of conversations,
 * one statement per table per batch.
 */
import type pg from "pg";

/** The long conversation every benchmark run reads (the first one seeded). */
export const LONG_CONVERSATION_MESSAGES = 5_000;
const BATCH = 50_000;

export type ConversationCounts = {
  conversations: number;
  conversationParticipants: number;
  messages: number;
};

/** Defaults for a people seed: 300,000 conversations and 2,000,000 messages at 100,000 members. */
export function defaultConversationCounts(members: number): {
  conversations: number;
  messages: number;
} {
  return { conversations: members * 3, messages: members * 20 };
}

/** A number in [0, 1) from md5 of the text (SQL). */
const unit = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

const sampleBodies = [
  "Hello! Do you have time for a short call this week?",
  "Thank you, that helps a lot.",
  "Could you send me the price list?",
  "I will try it with my next customers and tell you how it went.",
  "Here is the **template** we talked about.",
  "Great idea, let's do it.",
  "Can we move our meeting to Thursday?",
  "Which course would you recommend for bookkeeping?",
  "See you at the network meeting!",
  "I have a question about invoices to other EU countries.",
];

/**
 * Writes the conversations inside the caller's transaction. People are the verified,
 * onboarded users, numbered by id; a direct pair in round r is (a, a + 1 + 37r), which keeps
 * every pair distinct (one direct conversation per pair).
 */
export async function loadConversations(
  client: pg.PoolClient,
  options: {
    conversations: number;
    messages: number;
    progress: (message: string) => void;
    now: number;
  },
): Promise<ConversationCounts> {
  const { conversations: total, progress } = options;
  await client.query(`create temp table seed_people on commit drop as
    select (row_number() over (order by id)) - 1 as n, id from users
    where email_verified_at is not null and onboarded_at is not null`);
  await client.query("create unique index on seed_people (n)");
  const people = Number(
    (await client.query<{ n: string }>("select count(*) as n from seed_people")).rows[0].n,
  );
  if (people < 200) {
    throw new Error(`The conversations need at least 200 people who can sign in; found ${people}.`);
  }
  if (total < 1) return { conversations: 0, conversationParticipants: 0, messages: 0 };
  const rounds = Math.ceil(total / people);
  if (1 + 37 * rounds >= people / 2) {
    throw new Error(`Too many conversations (${total}) for ${people} people.`);
  }
  // Mean messages of the ordinary conversations, so the total comes out near the target.
  const mean = Math.max(
    1,
    (options.messages - LONG_CONVERSATION_MESSAGES) / Math.max(1, total - 1),
  );
  const now = new Date(options.now).toISOString();
  await client.query(
    `create temp table seed_conversations on commit drop as
     select i,
       md5('synergy-conversation-' || i)::uuid as id,
       case when i % 10 = 9 then 'group' else 'direct' end as kind,
       case when i = 0 then ${LONG_CONVERSATION_MESSAGES}
            else greatest(1, round(-ln(1 - ${unit("'n' || i")}) * ${mean})::int) end as n_messages,
       case when i % 10 = 9 then 3 + floor(${unit("'s' || i")} * 6)::int else 2 end as size,
       (i % $1) as a,
       -- Direct pairs (a, a + step) are distinct across rounds; a group's up to 8 members
       -- a + k·step stay distinct because 7·step < the number of people.
       case when i % 10 = 9 then 1 + (i % (($1 - 1) / 8)) else 1 + 37 * (i / $1) end as step,
       -- The long conversation is current; the others' last messages spread over a year.
       $2::timestamptz - case when i = 0 then interval '1 hour'
            else make_interval(secs => ${unit("'t' || i")} * 365 * 86400) end as last_at,
       make_interval(secs => 300 + floor(${unit("'g' || i")} * 7200)) as gap
     from generate_series(0, $3 - 1) i`,
    [people, now, total],
  );
  await client.query("create unique index on seed_conversations (i)");
  await client.query(
    `create temp table seed_participants on commit drop as
     select c.i, c.id as conversation_id, k, p.id as user_id
     from seed_conversations c
     cross join lateral generate_series(0, c.size - 1) k
     join seed_people p on p.n = (c.a + k * c.step) % $1`,
    [people],
  );
  await client.query("create index on seed_participants (i, k)");
  const counts: ConversationCounts = { conversations: 0, conversationParticipants: 0, messages: 0 };
  const bodies = `array[${sampleBodies.map((b) => `'${b.replaceAll("'", "''")}'`).join(", ")}]`;
  for (let from = 0; from < total; from += BATCH) {
    const to = Math.min(total, from + BATCH) - 1;
    const conversations = await client.query(
      `insert into conversations (id, kind, title, direct_key, created_by, created_at, last_message_at)
       select c.id, c.kind,
         case when c.kind = 'group' then 'Group ' || c.i else '' end,
         case when c.kind = 'direct' then
           (select string_agg(user_id::text, ':' order by user_id::text) from seed_participants p where p.i = c.i)
         end,
         (select user_id from seed_participants p where p.i = c.i and p.k = 0),
         c.last_at - c.gap * (c.n_messages - 1), c.last_at
       from seed_conversations c where c.i between $1 and $2`,
      [from, to],
    );
    counts.conversations += conversations.rowCount ?? 0;
    // Authors take turns; message k of n is written (n - 1 - k) gaps before the last one.
    const messages = await client.query(
      `insert into messages (id, conversation_id, author_id, body, body_html, created_at)
       select md5('synergy-message-' || c.i || '-' || m)::uuid, c.id, p.user_id, b.body,
         '<p>' || replace(b.body, '**template**', '<strong>template</strong>') || '</p>',
         c.last_at - c.gap * (c.n_messages - 1 - m)
       from seed_conversations c
       cross join lateral generate_series(0, c.n_messages - 1) m
       cross join lateral (select (${bodies})[1 + floor(${unit("'b' || c.i || '-' || m")} * ${sampleBodies.length})::int] as body) b
       join seed_participants p on p.i = c.i and p.k = m % c.size
       where c.i between $1 and $2`,
      [from, to],
    );
    counts.messages += messages.rowCount ?? 0;
    // Read state: the last author has read everything; one in five others has 1–3 unread.
    const participants = await client.query(
      `insert into conversation_participants
         (conversation_id, user_id, folder, last_message_at, last_read_message_id, unread_count, joined_at)
       select c.id, p.user_id,
         case when c.kind = 'direct' and p.k = 1 and ${unit("'r' || c.i")} < 0.02 then 'requests' else 'inbox' end,
         c.last_at,
         md5('synergy-message-' || c.i || '-' || (c.n_messages - 1 - u.unread))::uuid,
         u.unread,
         c.last_at - c.gap * (c.n_messages - 1)
       from seed_conversations c join seed_participants p on p.i = c.i
       cross join lateral (select case
           when p.k <> (c.n_messages - 1) % c.size and ${unit("'u' || c.i || '-' || p.k")} < 0.2
           then least(c.n_messages - 1, 1 + floor(${unit("'v' || c.i || '-' || p.k")} * 3)::int)
           else 0 end as unread) u
       where c.i between $1 and $2`,
      [from, to],
    );
    counts.conversationParticipants += participants.rowCount ?? 0;
    progress(
      `  conversations ${(to + 1).toLocaleString("en")} / ${total.toLocaleString("en")}, messages ${counts.messages.toLocaleString("en")}`,
    );
  }
  return counts;
}

/** Removes every conversation (for `--only conversations` on a database that already has them). */
export async function clearConversations(client: pg.PoolClient): Promise<void> {
  await client.query("truncate table conversations, user_blocks cascade");
}

export const CONVERSATION_TABLES =
  "conversations, conversation_participants, messages, message_attachments, user_blocks";
