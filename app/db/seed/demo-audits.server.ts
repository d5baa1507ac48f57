import { eq } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { audits, networks, users } from "~/db/schema";
import {
  addQuestion,
  answerAudit,
  authorizeAudit,
  listQuestions,
  openAudit,
} from "~/features/audits/audits.server";
import type { TickedTopic } from "~/features/audits/schema";
import type { Person } from "~/lib/policy";

type DemoAnswer = {
  person: string;
  ticked: Array<[topic: string, urgency: TickedTopic["urgency"], formats: TickedTopic["formats"]]>;
  languages: string[];
  wish: string;
};

const topics = [
  "energy-saving",
  "sustainable-business",
  "circular-economy",
  "waste-management",
  "carbon-footprint",
];

/** Seven owners of the network, four in Germany and three in Finland, in their own words. */
const answers: DemoAnswer[] = [
  {
    person: "markus-huber",
    ticked: [
      ["energy-saving", "month", ["face_to_face", "peer_session"]],
      ["waste-management", "quarter", ["face_to_face"]],
    ],
    languages: ["de"],
    wish: "Abends nach 19 Uhr, und am liebsten in einer anderen Werkstatt statt im Seminarraum.",
  },
  {
    person: "sabine-huber",
    ticked: [
      ["energy-saving", "month", ["online_live", "face_to_face"]],
      ["sustainable-business", "year", ["self_paced"]],
    ],
    languages: ["de"],
    wish: "Kurze Einheiten, die ich zwischen zwei Kundenterminen schaffe.",
  },
  {
    person: "miriam-schaefer",
    ticked: [
      ["circular-economy", "quarter", ["peer_session", "face_to_face"]],
      ["waste-management", "month", ["face_to_face"]],
      ["sustainable-business", "quarter", ["online_live"]],
    ],
    languages: ["de", "en"],
    wish: "Beispiele aus kleinen Läden, nicht aus Konzernen.",
  },
  {
    person: "tobias-krueger",
    ticked: [
      ["energy-saving", "quarter", ["face_to_face"]],
      ["carbon-footprint", "year", ["online_live"]],
    ],
    languages: ["de", "en"],
    wish: "Im Winter habe ich Zeit, im Sommer gar nicht.",
  },
  {
    person: "jussi-makela",
    ticked: [
      ["energy-saving", "quarter", ["online_live", "face_to_face"]],
      ["circular-economy", "year", ["peer_session"]],
    ],
    languages: ["fi", "en"],
    wish: "Lyhyitä iltatilaisuuksia, joissa näkee muiden yrittäjien ratkaisuja.",
  },
  {
    person: "tiina-korhonen",
    ticked: [
      ["sustainable-business", "month", ["online_live"]],
      ["waste-management", "quarter", ["face_to_face", "online_live"]],
    ],
    languages: ["fi", "en"],
    wish: "Etänä, koska ajan sesonkina paljon.",
  },
  {
    person: "riikka-heikkila",
    ticked: [
      ["energy-saving", "year", ["self_paced"]],
      ["sustainable-business", "quarter", ["online_live", "self_paced"]],
    ],
    languages: ["fi"],
    wish: "Materiaali, jonka voi käydä läpi omaan tahtiin ja kysyä sitten ryhmässä.",
  },
];

async function personFor(key: string, people: Map<string, string>, db: Db): Promise<Person> {
  const id = people.get(key);
  if (!id) throw new Error(`demo audits: unknown person ${key}`);
  const [row] = await db
    .select({ isAdmin: users.isAdmin, isFacilitator: users.isFacilitator })
    .from(users)
    .where(eq(users.id, id));
  return { id, isAdmin: row.isAdmin, isFacilitator: row.isFacilitator, emailVerified: true };
}

/**
 * A needs audit of the Green Workshops network (Germany and Finland) with seven anonymous
 * answers, made through the audit feature's own functions so the rules, the anonymity and the
 * needs' weights hold as for a real audit. It stays open: the facilitator sees the response
 * rate and can close it.
 */
export async function seedDemoAudits(people: Map<string, string>, db: Db): Promise<void> {
  const [network] = await db
    .select({ id: networks.id })
    .from(networks)
    .where(eq(networks.name, "Green Workshops DACH–Nordic"));
  if (!network) throw new Error("demo audits: the Green Workshops network is missing");
  const facilitator = await personFor("mikko-heikkinen", people, db);
  const [audit] = await db
    .insert(audits)
    .values({
      networkId: network.id,
      createdBy: facilitator.id,
      title: "Green skills in our workshops",
      introduction:
        "Which of these would help your business this year? Tick what you need, say how soon and how you like to learn. Your answers are anonymous.",
      isAnonymous: true,
    })
    .returning({ id: audits.id });
  const edit = await authorizeAudit(audit.id, facilitator, "edit", db);
  await addQuestion(
    edit.decision,
    audit.id,
    {
      kind: "topics",
      prompt: "Which of these do you need to learn about?",
      topics: topics.map((t) => `topic:${t}`),
    },
    db,
  );
  await addQuestion(
    edit.decision,
    audit.id,
    { kind: "open", prompt: "What would make training easier to fit into your week?" },
    db,
  );
  const opening = await authorizeAudit(audit.id, facilitator, "open", db);
  await openAudit(opening.decision, audit.id, db);
  const open = (await listQuestions(audit.id, db)).find((q) => q.kind === "open");
  if (!open) throw new Error("demo audits: the open question is missing");
  for (const answer of answers) {
    const person = await personFor(answer.person, people, db);
    const { decision } = await authorizeAudit(audit.id, person, "answer", db);
    await answerAudit(
      decision,
      audit.id,
      {
        ticked: answer.ticked.map(([topic, urgency, formats]) => ({
          topic: `topic:${topic}`,
          urgency,
          formats,
        })),
        languages: answer.languages,
        open: [{ questionId: open.id, text: answer.wish }],
      },
      db,
    );
  }
}
