import { sql } from "drizzle-orm";
import { type Db, queryRows } from "~/db/client.server";
import type { learningFormats, learningSittings, learningTimes, needUrgencies } from "~/db/enums";
import { needAnswers, needMeToos, needs, notifications, offers, offerTopics } from "~/db/schema";
import { refreshNeeds } from "~/features/needs/weight.server";

type Urgency = (typeof needUrgencies)[number];
type Format = (typeof learningFormats)[number];
type Time = (typeof learningTimes)[number];
type Sitting = (typeof learningSittings)[number];

type DemoNeed = {
  owner: string;
  topic: string;
  situation: string;
  urgency: Urgency;
  formats: Format[];
  times: Time[];
  sitting: Sitting;
  languages: string[];
  meToo: { person: string; urgency: Urgency }[];
  satisfied?: string;
};

/** Needs written for the demo, each in its owner's language. */
const demoNeeds: DemoNeed[] = [
  {
    owner: "myrto-antoniou",
    topic: "social-media-marketing",
    situation:
      "Το κομμωτήριο έχει σελίδα στο Instagram, αλλά κάθε εβδομάδα δεν ξέρω τι να ανεβάσω. Θέλω ένα απλό πρόγραμμα που να χωράει σε μία ώρα την εβδομάδα.",
    urgency: "month",
    formats: ["face_to_face", "peer_session"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["el"],
    meToo: [
      { person: "panayiota-hadjigeorgiou", urgency: "quarter" },
      { person: "katerina-dimitriou", urgency: "month" },
    ],
  },
  {
    owner: "costas-kyriakou",
    topic: "succession-planning",
    situation:
      "Η κόρη μου θα αναλάβει το τυροκομείο σε δύο χρόνια. Θέλουμε να οργανώσουμε τη μετάβαση χωρίς να χαθούν πελάτες και συνταγές.",
    urgency: "quarter",
    formats: ["face_to_face"],
    times: ["daytime"],
    sitting: "half_day",
    languages: ["el"],
    meToo: [{ person: "pirjo-nieminen", urgency: "year" }],
  },
  {
    owner: "manolis-mavrakis",
    topic: "export-internationalisation",
    situation:
      "Πουλάμε ελαιόλαδο σε δύο πελάτες στη Γερμανία. Θέλουμε να βρούμε διανομέα και να μάθουμε ποια χαρτιά χρειάζονται.",
    urgency: "month",
    formats: ["face_to_face", "online_live"],
    times: ["evenings", "weekends"],
    sitting: "hour",
    languages: ["el"],
    meToo: [{ person: "tobias-krueger", urgency: "quarter" }],
  },
  {
    owner: "stavros-karagiannis",
    topic: "public-funding-grants",
    situation:
      "Θέλω να κάνω αίτηση για επιδότηση για νέο εξοπλισμό στο μελισσοκομείο, αλλά δεν ξέρω από πού να ξεκινήσω.",
    urgency: "year",
    formats: ["online_live", "self_paced"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["el"],
    meToo: [{ person: "eoin-kavanagh", urgency: "year" }],
  },
  {
    owner: "aoife-byrne",
    topic: "cash-flow-planning",
    situation:
      "The bakery's busy months pay for the quiet ones, but January and February catch me out every year. I want a simple 13-week cash-flow sheet I can keep up myself.",
    urgency: "quarter",
    formats: ["online_live", "peer_session"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["en"],
    meToo: [
      { person: "jussi-makela", urgency: "quarter" },
      { person: "federica-marchetti", urgency: "month" },
      { person: "miriam-schaefer", urgency: "year" },
    ],
  },
  {
    owner: "federica-marchetti",
    topic: "employment-law",
    situation:
      "Per l'estate assumo due ragazzi in gelateria. Voglio capire i contratti stagionali e gli obblighi senza chiamare il consulente ogni volta.",
    urgency: "month",
    formats: ["face_to_face", "online_live"],
    times: ["daytime"],
    sitting: "hour",
    languages: ["it"],
    meToo: [
      { person: "vasilis-katsaros", urgency: "quarter" },
      { person: "ciaran-oconnell", urgency: "month" },
    ],
  },
  {
    owner: "jussi-makela",
    topic: "hiring-first-employee",
    situation:
      "Pyöräkorjaamo kasvaa, ja haluaisin palkata ensimmäisen työntekijän keväällä. Mitä työnantajan pitää tietää ennen sopimusta?",
    urgency: "quarter",
    formats: ["face_to_face", "online_live"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["fi"],
    meToo: [{ person: "gennaro-de-luca", urgency: "year" }],
  },
  {
    owner: "markus-huber",
    topic: "social-media-marketing",
    situation:
      "Unsere Schreinerei zeigt kaum, was sie kann. Ich möchte lernen, mit dem Handy gute Beiträge über fertige Stücke zu machen.",
    urgency: "year",
    formats: ["peer_session", "face_to_face"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["de"],
    meToo: [],
  },
  {
    owner: "ioana-munteanu",
    topic: "vat-and-invoicing",
    situation:
      "Facturez clienți din Italia și Germania. Vreau să înțeleg când se aplică taxarea inversă și ce trebuie să scrie pe factură.",
    urgency: "month",
    formats: ["online_live", "self_paced"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["ro", "en"],
    meToo: [{ person: "elias-lehtonen", urgency: "quarter" }],
  },
  {
    owner: "andreea-moldovan",
    topic: "pricing",
    situation:
      "Prăjiturile mele se vând bine, dar nu știu dacă prețul acoperă tot: ingrediente, chirie, orele mele.",
    urgency: "quarter",
    formats: ["online_live", "face_to_face"],
    times: ["weekends"],
    sitting: "hour",
    languages: ["ro"],
    meToo: [
      { person: "marios-ioannou", urgency: "quarter" },
      { person: "katerina-dimitriou", urgency: "year" },
    ],
  },
  {
    owner: "grainne-hehir",
    topic: "customs-incoterms",
    situation:
      "Customers in Norway and Switzerland keep asking who pays the duties on my yarn. I want to quote prices with the right Incoterm and stop losing parcels at customs.",
    urgency: "month",
    formats: ["online_live"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["en"],
    meToo: [
      { person: "eirini-mavraki", urgency: "month" },
      { person: "lorenzo-conti", urgency: "quarter" },
      { person: "anna-kyriakou", urgency: "quarter" },
    ],
  },
  {
    owner: "sabine-huber",
    topic: "paperless-office",
    situation:
      "Belege liegen in drei Schuhkartons. Ich möchte sie scannen und ablegen, sodass die Steuerberaterin sie findet.",
    urgency: "quarter",
    formats: ["face_to_face"],
    times: ["evenings"],
    sitting: "hour",
    languages: ["de"],
    meToo: [],
    satisfied:
      "Zwei Abende in der Digitalwerkstatt: jetzt scannen wir jeden Freitag, und die Kartons sind leer.",
  },
];

type DemoOffer = {
  by: string;
  title: string;
  description: string;
  topics: string[];
  formats: Format[];
  languages: string[];
  countries: string[];
  /** Days from today to the first and last date; none: on demand. */
  dates?: [number, number];
  priceEuros?: number;
  answers?: { owner: string; message: string }[];
};

/** Offers written for the demo, in their educators' languages. */
const demoOffers: DemoOffer[] = [
  {
    by: "declan-murphy",
    title: "Cash flow in 13 weeks: four evenings for sole traders",
    description:
      "Bring your bank statements. We build a 13-week cash-flow sheet together, then practise chasing a late payment without losing the customer.",
    topics: ["cash-flow-planning", "late-payments"],
    formats: ["online_live", "face_to_face"],
    languages: ["en"],
    countries: ["IE"],
    dates: [21, 42],
    priceEuros: 60,
  },
  {
    by: "andri-constantinou",
    title: "Social media σε μία ώρα την εβδομάδα",
    description:
      "Τρεις συναντήσεις στη Λευκωσία ή online: τι ανεβάζουμε, πότε, και πώς απαντάμε στα σχόλια. Για μικρά καταστήματα και κομμωτήρια.",
    topics: ["social-media-marketing", "online-reputation"],
    formats: ["face_to_face", "online_live"],
    languages: ["el", "en"],
    countries: ["CY"],
    answers: [
      {
        owner: "myrto-antoniou",
        message:
          "Μπορούμε να ξεκινήσουμε με τη σελίδα του κομμωτηρίου σας ως παράδειγμα στην πρώτη συνάντηση.",
      },
    ],
  },
  {
    by: "giorgos-nikolaidis",
    title: "Εξαγωγές βήμα βήμα: από τον πρώτο πελάτη στον διανομέα",
    description:
      "Για παραγωγούς τροφίμων: έγγραφα, Incoterms, πώς βρίσκουμε και ελέγχουμε διανομέα στην ΕΕ.",
    topics: ["export-internationalisation", "customs-incoterms"],
    formats: ["online_live", "face_to_face"],
    languages: ["el"],
    countries: ["GR"],
    priceEuros: 120,
    answers: [
      {
        owner: "manolis-mavrakis",
        message: "Έχουμε ήδη δουλέψει με δύο ελαιοπαραγωγούς που βρήκαν διανομέα στη Βαυαρία.",
      },
    ],
  },
  {
    by: "maria-charalambous",
    title: "Χρηματοδοτήσεις για μικρές επιχειρήσεις: πού και πώς κάνω αίτηση",
    description:
      "Ποια προγράμματα ταιριάζουν σε επιχείρηση ενός ή δύο ατόμων, και πώς γράφουμε μια αίτηση που διαβάζεται.",
    topics: ["public-funding-grants"],
    formats: ["online_live", "self_paced"],
    languages: ["el", "en"],
    countries: [],
  },
  {
    by: "aino-virtanen",
    title: "Ensimmäinen työntekijä: työnantajan perusasiat",
    description:
      "Työsopimus, palkanmaksu, vakuutukset ja perehdytys – kahden illan kurssi Tampereella tai etänä.",
    topics: ["hiring-first-employee", "employment-law"],
    formats: ["face_to_face", "online_live"],
    languages: ["fi", "sv"],
    countries: ["FI"],
    dates: [14, 21],
  },
  {
    by: "lena-schubert",
    title: "Social Media mit dem Handy: Werkstatt-Abende",
    description:
      "Drei Abende in der Digitalwerkstatt: Fotos und kurze Videos von der eigenen Arbeit, die man gern anschaut.",
    topics: ["social-media-marketing", "product-photography", "marketing-video"],
    formats: ["face_to_face", "peer_session"],
    languages: ["de"],
    countries: ["DE"],
    dates: [28, 42],
    priceEuros: 45,
  },
  {
    by: "elena-vasilescu",
    title: "Prețuri corecte pentru produse și servicii",
    description:
      "Calculăm împreună costul real al unui produs și stabilim un preț pe care clientul îl înțelege.",
    topics: ["pricing", "marketing-basics"],
    formats: ["online_live", "face_to_face"],
    languages: ["ro"],
    countries: ["RO"],
    priceEuros: 30,
  },
  {
    by: "katrin-hoffmann",
    title: "Umsatzsteuer im EU-Handel: Reverse Charge und richtige Rechnungen",
    description: "Ein Online-Abend mit Beispielrechnungen aus Handwerk und Handel.",
    topics: ["vat-and-invoicing", "contracts"],
    formats: ["online_live"],
    languages: ["de"],
    countries: [],
    priceEuros: 50,
  },
  {
    by: "juergen-weiss",
    title: "Nachfolge planen im Handwerksbetrieb",
    description: "Ein Samstag für Inhaberinnen und Inhaber, die in den nächsten Jahren übergeben.",
    topics: ["succession-planning"],
    formats: ["face_to_face"],
    languages: ["de"],
    countries: ["DE"],
    dates: [35, 35],
  },
  {
    by: "dimitra-alexiou",
    title: "Ταμειακές ροές χωρίς άγχος",
    description: "Σύντομα μαθήματα για να βλέπετε από πριν τους δύσκολους μήνες.",
    topics: ["cash-flow-planning", "pricing", "tax-basics"],
    formats: ["online_live", "self_paced"],
    languages: ["el"],
    countries: [],
  },
];

type Person = {
  id: string;
  key: string;
  country: string | null;
  region: string;
  nace_division: string | null;
  nace_section: string | null;
  size_band: string | null;
  languages: string[];
  wanted: string | null;
  role: string;
};

const formatsCycle: Format[][] = [
  ["online_live", "face_to_face"],
  ["self_paced", "online_live"],
  ["face_to_face", "peer_session"],
];
const urgencyCycle: Urgency[] = ["quarter", "month", "year"];

function isoDay(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Training needs, "me too"s, offers and answers for the demo (issue 10): the needs written
 * above, one need from every other owner's first wanted topic, and offers that answer some of
 * them in the owners' languages and formats and leave others unanswered, so the radar and the
 * distance mean something on first start. `people` maps demo keys to user ids.
 */
export async function seedDemoNeeds(people: Map<string, string>, db: Db): Promise<number> {
  const now = Date.now();
  const rows = await queryRows<Person>(
    sql`select u.id, u.country, u.region, u.role,
          o.nace_division, o.nace_section, o.size_band,
          array(select language from user_languages l where l.user_id = u.id
            and l.level in ('native', 'C2', 'C1', 'B2') order by l.level = 'native' desc, language)::text[]
            as languages,
          (select topic from user_skills s where s.user_id = u.id and s.kind = 'wanted'
            order by topic limit 1) as wanted
        from users u
        left join lateral (
          select o.nace_division, o.nace_section, o.size_band from organisation_members m
          join organisations o on o.id = m.organisation_id
          where m.user_id = u.id and m.status = 'active' and o.kind = 'enterprise'
          order by m.created_at limit 1
        ) o on true`,
    db,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const person = (key: string): Person => {
    const found = byId.get(people.get(key) ?? "");
    if (!found) throw new Error(`demo needs: unknown person ${key}`);
    return { ...found, key };
  };
  const needIds = new Map<string, string>();
  const facts = (p: Person) => ({
    ownerId: p.id,
    country: p.country,
    region: p.region,
    naceDivision: p.nace_division,
    naceSection: p.nace_section,
    sizeBand: p.size_band,
  });
  let index = 0;
  for (const need of demoNeeds) {
    const owner = person(need.owner);
    index += 1;
    const [row] = await db
      .insert(needs)
      .values({
        ...facts(owner),
        topic: `topic:${need.topic}`,
        situation: need.situation,
        urgency: need.urgency,
        formats: need.formats,
        times: need.times,
        longestSitting: need.sitting,
        languages: need.languages,
        status: need.satisfied ? "satisfied" : "open",
        satisfiedNote: need.satisfied ?? "",
        closedAt: need.satisfied ? new Date(now - 5 * 86_400_000) : null,
        createdAt: new Date(now - (90 - index * 6) * 86_400_000),
      })
      .returning({ id: needs.id });
    needIds.set(`${need.owner}:${need.topic}`, row.id);
    for (const meToo of need.meToo) {
      const other = person(meToo.person);
      const createdAt = new Date(now - (80 - index * 6) * 86_400_000);
      await db
        .insert(needMeToos)
        .values({ needId: row.id, userId: other.id, urgency: meToo.urgency, createdAt });
      // What the app tells the owner (needs.server.ts addMeToo), written as it writes it.
      await db.insert(notifications).values({
        recipientId: owner.id,
        kind: "need.me_too",
        groupKey: `need:${row.id}:me_too`,
        actorId: other.id,
        data: { needId: row.id, title: `topic:${need.topic}` },
        sourceKey: `need:${row.id}:me_too:${other.id}`,
        createdAt,
        readAt: new Date(createdAt.getTime() + 3 * 3_600_000),
      });
    }
  }
  // Every other owner's first wanted topic, shared with the whole installation.
  const written = new Set(demoNeeds.map((need) => need.owner));
  let generated = 0;
  for (const [key, id] of people) {
    const owner = byId.get(id);
    if (owner?.role !== "owner" || written.has(key) || !owner.wanted) continue;
    generated += 1;
    await db.insert(needs).values({
      ...facts(owner),
      topic: `topic:${owner.wanted}`,
      urgency: urgencyCycle[generated % urgencyCycle.length],
      formats: formatsCycle[generated % formatsCycle.length],
      times: ["evenings"],
      longestSitting: "hour",
      languages: owner.languages.length > 0 ? owner.languages : ["en"],
      createdAt: new Date(now - (150 - generated * 9) * 86_400_000),
    });
  }
  for (const offer of demoOffers) {
    const educator = person(offer.by);
    const [row] = await db
      .insert(offers)
      .values({
        createdBy: educator.id,
        title: offer.title,
        description: offer.description,
        formats: offer.formats,
        languages: offer.languages,
        countries: offer.countries,
        onDemand: !offer.dates,
        startsOn: offer.dates ? isoDay(now, offer.dates[0]) : null,
        endsOn: offer.dates ? isoDay(now, offer.dates[1]) : null,
        priceCents: offer.priceEuros === undefined ? null : offer.priceEuros * 100,
        createdAt: new Date(now - 20 * 86_400_000),
      })
      .returning({ id: offers.id });
    await db
      .insert(offerTopics)
      .values(offer.topics.map((topic) => ({ offerId: row.id, topic: `topic:${topic}` })));
    for (const answer of offer.answers ?? []) {
      const needId = [...needIds].find(([key]) => key.startsWith(`${answer.owner}:`))?.[1];
      if (!needId) throw new Error(`demo needs: no need of ${answer.owner}`);
      const createdAt = new Date(now - 20 * 3_600_000);
      const [answered] = await db
        .insert(needAnswers)
        .values({
          needId,
          responderId: educator.id,
          kind: "offer",
          offerId: row.id,
          message: answer.message,
          language: offer.languages[0],
          createdAt,
        })
        .returning({ id: needAnswers.id });
      // The owner is told, unread (offers/answers.server.ts answerNeed writes the same).
      await db.insert(notifications).values({
        recipientId: person(answer.owner).id,
        kind: "need.answered",
        groupKey: `need:${needId}`,
        actorId: educator.id,
        data: { needId, answerId: answered.id, title: offer.title.slice(0, 80) },
        sourceKey: `need-answer:${answered.id}`,
        createdAt,
      });
    }
  }
  await refreshNeeds(db, { allOpen: true });
  // Satisfied needs still carry their weight for the owner's own page.
  await refreshNeeds(db, { needIds: [...needIds.values()] });
  return demoNeeds.length + generated;
}
