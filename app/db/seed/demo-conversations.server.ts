/**
 * Demo conversations: people writing to each other in their own languages, a group
 * conversation across borders, and one pending message request, so that a newcomer who signs in
 * as a demo person finds a living inbox (unread messages included).
 */
import { sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { queryRows } from "~/db/client.server";
import { conversationParticipants, conversations, messages } from "~/db/schema";
import { renderMarkdown } from "~/features/content/markdown";

type DemoMessage = { from: string; body: string; hoursAgo: number };
type DemoConversation = { people: string[]; title?: string; messages: DemoMessage[] };

export const demoConversations: DemoConversation[] = [
  {
    people: ["sanna-laine", "mikko-heikkinen"],
    messages: [
      {
        from: "mikko-heikkinen",
        body: "Hei Sanna! Näin, että opetat hinnoittelua. Voisitko katsoa pyöräkorjaamoni huoltopaketteja?",
        hoursAgo: 50,
      },
      {
        from: "sanna-laine",
        body: "Hei Mikko, mielelläni. Lähetä hinnasto, niin katsotaan sitä torstaina.",
        hoursAgo: 47,
      },
      {
        from: "mikko-heikkinen",
        body: "Kiitos! Tässä **kolme pakettia**: perushuolto, kausihuolto ja talvisäilytys.",
        hoursAgo: 6,
      },
    ],
  },
  {
    people: ["katrin-hoffmann", "lena-schubert"],
    messages: [
      {
        from: "katrin-hoffmann",
        body: "Hallo Lena, hast du noch Plätze im Kurs zur digitalen Buchhaltung im Januar?",
        hoursAgo: 30,
      },
      {
        from: "lena-schubert",
        body: "Hallo Katrin, ja, zwei Plätze sind frei. Soll ich dir einen reservieren?",
        hoursAgo: 28,
      },
      { from: "katrin-hoffmann", body: "Sehr gern, danke!", hoursAgo: 3 },
    ],
  },
  {
    people: ["eleni-papadopoulou", "giorgos-nikolaidis"],
    messages: [
      {
        from: "giorgos-nikolaidis",
        body: "Καλησπέρα Ελένη, έχεις εμπειρία με τα προγράμματα ΕΣΠΑ για μικρές επιχειρήσεις;",
        hoursAgo: 20,
      },
      {
        from: "eleni-papadopoulou",
        body: "Γεια σου Γιώργο! Ναι, πέρυσι κάναμε αίτηση. Να τα πούμε την Τρίτη;",
        hoursAgo: 18,
      },
    ],
  },
  {
    people: ["francesca-lombardi", "alessandro-ferri"],
    messages: [
      {
        from: "alessandro-ferri",
        body: "Ciao Francesca, ti va di organizzare insieme un laboratorio sulle vendite online?",
        hoursAgo: 40,
      },
      {
        from: "francesca-lombardi",
        body: "Ottima idea! Io porto la parte sulle foto dei prodotti, tu quella sui pagamenti?",
        hoursAgo: 9,
      },
    ],
  },
  {
    people: ["cristina-ionescu", "radu-georgescu"],
    messages: [
      {
        from: "radu-georgescu",
        body: "Bună, Cristina! Poți să-mi recomanzi un curs scurt de marketing pe rețelele sociale?",
        hoursAgo: 26,
      },
      {
        from: "cristina-ionescu",
        body: "Bună, Radu. Asociația noastră începe unul în februarie, îți trimit detaliile.",
        hoursAgo: 2,
      },
    ],
  },
  {
    people: ["declan-murphy", "aoife-byrne"],
    messages: [
      {
        from: "aoife-byrne",
        body: "Hi Declan, thanks for the cash-flow template. Could we go through my quarter together?",
        hoursAgo: 12,
      },
    ],
  },
  {
    people: ["declan-murphy", "eleni-papadopoulou", "francesca-lombardi", "cristina-ionescu"],
    title: "Late payments across borders",
    messages: [
      {
        from: "declan-murphy",
        body: "Welcome all! Let's collect what works against **late payments** in our four countries.",
        hoursAgo: 72,
      },
      {
        from: "francesca-lombardi",
        body: "In Italy a friendly reminder on day 3 and a call on day 10 work best for me.",
        hoursAgo: 60,
      },
      {
        from: "cristina-ionescu",
        body: "In Romania we ask for 30% up front for new customers.",
        hoursAgo: 8,
      },
      {
        from: "eleni-papadopoulou",
        body: "Same in Greece for larger orders. I can share our reminder letter.",
        hoursAgo: 4,
      },
    ],
  },
];

/** Someone writing to Declan for the first time; lands in his requests if they share no network. */
const requestCandidates = ["vasile-pop", "florin-dumitrescu", "andreea-moldovan", "gennaro-deluca"];
const requestBody =
  "Hello Declan, I saw your talk on invoicing. Could you spare 20 minutes to look at my payment terms?";

async function sharesNetwork(db: Db, a: string, b: string): Promise<boolean> {
  const rows = await queryRows<{ one: number }>(
    sql`select 1 as one from network_members x join network_members y on y.network_id = x.network_id
        where x.user_id = ${a} and y.user_id = ${b} and x.status = 'active' and y.status = 'active'
        limit 1`,
    db,
  );
  return rows.length > 0;
}

/** Writes one conversation with its messages and participants; its id. */
export async function writeConversation(
  db: Db,
  now: number,
  ids: string[],
  spec: { title?: string; messages: { authorId: string; body: string; hoursAgo: number }[] },
): Promise<string> {
  const starter = spec.messages[0].authorId;
  const direct = ids.length === 2;
  const at = (hoursAgo: number) => new Date(now - hoursAgo * 3_600_000);
  const first = at(spec.messages[0].hoursAgo);
  const last = at(spec.messages[spec.messages.length - 1].hoursAgo);
  const [conversation] = await db
    .insert(conversations)
    .values({
      kind: direct ? "direct" : "group",
      title: spec.title ?? "",
      directKey: direct ? [...ids].sort().join(":") : null,
      createdBy: starter,
      createdAt: first,
      lastMessageAt: last,
    })
    .returning({ id: conversations.id });
  const written = await db
    .insert(messages)
    .values(
      spec.messages.map((m) => ({
        conversationId: conversation.id,
        authorId: m.authorId,
        body: m.body,
        bodyHtml: renderMarkdown(m.body),
        createdAt: at(m.hoursAgo),
      })),
    )
    .returning({ id: messages.id, authorId: messages.authorId });
  for (const userId of ids) {
    // Each person has read up to their own last message; what others wrote after it is unread.
    let lastOwn = -1;
    written.forEach((m, index) => {
      if (m.authorId === userId) lastOwn = index;
    });
    const answered = lastOwn >= 0;
    const folder =
      userId === starter || answered || (await sharesNetwork(db, starter, userId))
        ? ("inbox" as const)
        : ("requests" as const);
    await db.insert(conversationParticipants).values({
      conversationId: conversation.id,
      userId,
      folder,
      lastMessageAt: last,
      lastReadMessageId: answered ? written[lastOwn].id : null,
      unreadCount: written.length - 1 - lastOwn,
      joinedAt: first,
    });
  }
  return conversation.id;
}

/** Writes the demo conversations through `db` (the demo seed's transaction). */
export async function seedDemoConversations(
  personIds: Map<string, string>,
  db: Db,
): Promise<{ conversations: number }> {
  const now = Date.now();
  const id = (key: string) => {
    const found = personIds.get(key);
    if (!found) throw new Error(`Demo conversation refers to unknown person ${key}`);
    return found;
  };
  for (const demo of demoConversations) {
    await writeConversation(db, now, demo.people.map(id), {
      title: demo.title,
      messages: demo.messages.map((m) => ({
        authorId: id(m.from),
        body: m.body,
        hoursAgo: m.hoursAgo,
      })),
    });
  }
  const declan = id("declan-murphy");
  let written = demoConversations.length;
  for (const key of requestCandidates) {
    const sender = personIds.get(key);
    if (!sender || (await sharesNetwork(db, sender, declan))) continue;
    await writeConversation(db, now, [sender, declan], {
      messages: [{ authorId: sender, body: requestBody, hoursAgo: 5 }],
    });
    written += 1;
    break;
  }
  return { conversations: written };
}
