import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import {
  accountCreatedAt,
  startConversation,
  startSubject,
} from "~/features/conversations/conversations.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { needVisibleToSql, visibleNeedsSql } from "~/features/needs/policy.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { titleFrom } from "~/features/notifications/grouping";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import type { Locale } from "~/features/taxonomy/types";
import { translatorFor } from "~/i18n/catalogue.server";
import { invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { offerActorOf } from "./offers.server";
import { type NeedSubject, offerPolicy } from "./rules";

const needRow = z.object({
  id: z.string(),
  owner_id: z.string().nullable(),
  network_id: z.string().nullable(),
  status: z.string(),
  topic: z.string().nullable(),
  topic_text: z.string(),
  languages: z.array(z.string()),
  visible: z.boolean(),
  said_me_too: z.boolean(),
});
export type NeedForViewer = z.output<typeof needRow>;

/** The need as one person sees it (null when the id names no need; `visible` says if they may). */
export async function needForViewer(
  needId: string,
  viewerId: string,
  db: Db = getDb(),
  lock = false,
): Promise<NeedForViewer | null> {
  if (!isUuid(needId)) return null;
  const [row] = await queryParsed(
    needRow,
    sql`select n.id, n.owner_id, n.network_id, n.status, n.topic, n.topic_text, n.languages,
          ${visibleNeedsSql(viewerId)} as visible,
          exists (select 1 from need_me_toos m where m.need_id = n.id
                  and m.user_id = ${viewerId}::uuid) as said_me_too
        from needs n where n.id = ${needId}::uuid ${lock ? sql`for update of n` : sql``}`,
    db,
  );
  return row ?? null;
}

/** The rules' view of a need for one person. */
export async function needSubjectOf(
  need: NeedForViewer | null,
  viewerId: string,
  db: Db = getDb(),
): Promise<NeedSubject> {
  const actor = await offerActorOf(viewerId, db);
  return {
    ...actor,
    visible: need?.visible ?? false,
    open: need?.status === "open",
    isOwner: need !== null && need.owner_id === viewerId,
    saidMeToo: need?.said_me_too ?? false,
  };
}

const eventChoice = z.object({
  id: z.string(),
  title: z.string(),
  language: z.string(),
  network_id: z.string(),
  network_name: z.string(),
});

/** Which of `userIds` may read the network `networkId` (it is open, or they are active members). */
async function readersOf(networkId: string, userIds: string[], db: Db): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await queryParsed(
    z.object({ id: z.string() }),
    sql`select u.id::text as id from users u, networks nw
        where nw.id = ${networkId}::uuid and u.id in (${sql.join(
          userIds.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})
          and (nw.visibility = 'open' or exists (select 1 from network_members m
            where m.network_id = nw.id and m.user_id = u.id and m.status = 'active'))`,
    db,
  );
  return rows.map((row) => row.id);
}

/**
 * What a person may answer a need with: their open offers that are not over, and the events
 * not cancelled and not yet started of the networks they facilitate, where the need's owner can
 * go: a network the owner is an active member of (a need without an owner: its own network).
 */
export async function answerChoices(
  userId: string,
  need: { owner_id: string | null; network_id: string | null },
  db: Db = getDb(),
) {
  const ownerCanGo = need.owner_id
    ? sql`exists (select 1 from network_members om where om.network_id = e.network_id
          and om.user_id = ${need.owner_id}::uuid and om.status = 'active')`
    : sql`e.network_id = ${need.network_id}::uuid`;
  const [offerRows, eventRows] = await Promise.all([
    queryParsed(
      z.object({ id: z.string(), title: z.string(), languages: z.array(z.string()) }),
      sql`select o.id, o.title, o.languages from offers o
          where o.created_by = ${userId}::uuid and o.status = 'open'
            and (o.on_demand or coalesce(o.ends_on, o.starts_on) >= current_date)
          order by o.created_at desc limit 100`,
      db,
    ),
    queryParsed(
      eventChoice,
      sql`select e.id, e.title, e.language, e.network_id, nw.name as network_name from events e
          join networks nw on nw.id = e.network_id
          join network_members m on m.network_id = e.network_id
            and m.user_id = ${userId}::uuid and m.status = 'active' and m.role = 'facilitator'
          where e.cancelled_at is null and e.starts_at > now() and ${ownerCanGo}
          order by e.starts_at limit 100`,
      db,
    ),
  ]);
  return { offers: offerRows, events: eventRows };
}

/**
 * "I can run this": answers a need with one of the person's open offers (in one of the offer's
 * languages) or an event of a network they facilitate (in the event's language). One answer
 * per need and thing: answering again with the same thing returns the first answer. The need
 * is locked, its reach recomputed, and its owner and "me too" people told, in one transaction.
 */
export async function answerNeed(options: {
  actor: Person;
  needId: string;
  target: string;
  language: string;
  message: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { actor } = options;
  const [kind, targetId] = options.target.split(":") as ["offer" | "event", string];
  return getDb().transaction(async (tx) => {
    const need = await needForViewer(options.needId, actor.id, tx, true);
    offerPolicy.authorize(actor, "answer", await needSubjectOf(need, actor.id, tx));
    if (!need) throw notFound("offers.needNotFound");
    const choices = await answerChoices(actor.id, need, tx);
    let title: string;
    let language: string;
    let eventNetworkId: string | null = null;
    if (kind === "offer") {
      const offer = choices.offers.find((o) => o.id === targetId);
      if (!offer) throw invalid("offers.answerTargetInvalid", "target");
      if (!offer.languages.includes(options.language)) {
        throw invalid("offers.answerLanguageInvalid", "language");
      }
      title = offer.title;
      language = options.language;
    } else {
      const event = choices.events.find((e) => e.id === targetId);
      if (!event) throw invalid("offers.answerTargetInvalid", "target");
      title = event.title;
      language = event.language;
      eventNetworkId = event.network_id;
    }
    const inserted = await queryParsed(
      z.object({ id: z.string() }),
      sql`insert into need_answers (need_id, responder_id, kind, offer_id, event_id, message, language)
          values (${need.id}::uuid, ${actor.id}::uuid, ${kind},
            ${kind === "offer" ? targetId : null}::uuid, ${kind === "event" ? targetId : null}::uuid,
            ${options.message}, ${language})
          on conflict do nothing returning id`,
      tx,
    );
    if (inserted.length === 0) {
      const [existing] = await queryParsed(
        z.object({ id: z.string() }),
        sql`select id from need_answers where need_id = ${need.id}::uuid
              and ${kind === "offer" ? sql`offer_id` : sql`event_id`} = ${targetId}::uuid`,
        tx,
      );
      if (!existing) throw invalid("offers.answerTargetInvalid", "target");
      return { id: existing.id, duplicate: true };
    }
    const answerId = inserted[0].id;
    await refreshNeeds(tx, { needIds: [need.id] });
    const meToos = await queryParsed(
      z.object({ user_id: z.string() }),
      // Only those who can still see the need (a member who left its network is not told).
      sql`select m.user_id from need_me_toos m join needs n on n.id = m.need_id
          where m.need_id = ${need.id}::uuid and ${needVisibleToSql(sql`m.user_id`)}`,
      tx,
    );
    const recipientIds = [
      ...(need.owner_id ? [need.owner_id] : []),
      ...meToos.map((m) => m.user_id),
    ];
    // An event's title is told only to those who may read its network (open, or members);
    // the others read the need's own words.
    const seeing = eventNetworkId
      ? new Set(await readersOf(eventNetworkId, recipientIds, tx))
      : new Set(recipientIds);
    const needTitle = need.topic_text.trim() || need.topic || "";
    for (const [ids, shown] of [
      [recipientIds.filter((id) => seeing.has(id)), title],
      [recipientIds.filter((id) => !seeing.has(id)), needTitle],
    ] as const) {
      if (ids.length === 0) continue;
      await notify(tx, {
        kind: "need.answered",
        recipientIds: ids,
        actorId: actor.id,
        networkId: need.network_id,
        groupKey: `need:${need.id}`,
        sourceKey: `need-answer:${answerId}`,
        data: { needId: need.id, answerId, title: titleFrom(shown, TITLE_MAX) },
      });
    }
    return { id: answerId, duplicate: false };
  });
}

const answerRow = z.object({
  id: z.string(),
  need_id: z.string(),
  responder_id: z.string().nullable(),
  kind: z.string(),
  offer_title: z.string().nullable(),
  event_title: z.string().nullable(),
});

/**
 * "Ask about this": the need's owner or a "me too" person opens (or reuses) a direct
 * conversation with the educator who answered, with a first message naming the need's topic
 * and what was offered. Blocks are respected (the conversation rule refuses). Sending it again
 * makes no second message (the submission key is the answer's).
 */
export async function askAboutAnswer(options: {
  actor: Person;
  needId: string;
  answerId: string;
  locale: Locale;
}): Promise<{ conversationId: string }> {
  const { actor } = options;
  const need = await needForViewer(options.needId, actor.id);
  offerPolicy.authorize(actor, "ask", await needSubjectOf(need, actor.id));
  if (!need || !isUuid(options.answerId)) throw notFound("offers.answerNotFound");
  const [answer] = await queryParsed(
    answerRow,
    // An event of a network the asker may not read is not named to them.
    sql`select a.id, a.need_id, a.responder_id, a.kind, o.title as offer_title,
          case when nw.visibility = 'open' or exists (select 1 from network_members m
            where m.network_id = e.network_id and m.user_id = ${actor.id}::uuid
              and m.status = 'active') then e.title end as event_title
        from need_answers a left join offers o on o.id = a.offer_id
        left join events e on e.id = a.event_id left join networks nw on nw.id = e.network_id
        where a.id = ${options.answerId}::uuid and a.need_id = ${need.id}::uuid`,
  );
  if (!answer?.responder_id) throw notFound("offers.answerNotFound");
  if (answer.responder_id === actor.id) throw invalid("offers.askYourself");
  const t = translatorFor(options.locale);
  const topic = need.topic
    ? ((await topicKeyLabels([need.topic], options.locale)).get(need.topic) ?? need.topic)
    : need.topic_text;
  const body = t("offers.askBody", {
    topic,
    offer: answer.offer_title ?? answer.event_title ?? "",
  });
  const subject = await startSubject(actor.id, [answer.responder_id]);
  const decision = conversationPolicy.authorize(actor, "start", subject);
  const started = await startConversation({
    decision,
    recipientIds: [answer.responder_id],
    title: "",
    body,
    files: undefined,
    submissionKey: `ask-${answer.id}`,
    accountCreatedAt: await accountCreatedAt(actor.id),
  });
  return { conversationId: started.id };
}
