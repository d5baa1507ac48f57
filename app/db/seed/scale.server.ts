/**
 * The scale seed: a large, realistic installation on a PostgreSQL server for the benchmarks
 * (`npm run seed:scale`): people and organisations, then micro social networks with their
 * members, posts, comments, reactions, forum topics and resources. Everything is drawn from
 * seeded PRNGs against one time anchor (the moment of seeding), so two runs produce the same
 * ids, people, networks and posts; only the absolute timestamps move.
 *
 * Rows go in as `insert … select from unnest(array, array, …)` statements of thousands of rows:
 * one round trip and one parse per table per batch, without adding a COPY client package.
 */
import type pg from "pg";
import type { Database } from "~/db/client.server";
import type { FieldVisibility, reactionKinds } from "~/db/schema";
import { hashPassword } from "~/features/accounts/password.server";
import { renderMarkdown } from "~/features/content/markdown";
import { naceDivisions } from "~/features/taxonomy/data/nace";
import { topics } from "~/features/taxonomy/data/topics";
import {
  type DeliveryMode,
  type LanguageLevel,
  type Locale,
  type ProviderType,
  type SizeBand,
  type TopicGroup,
  topicGroups,
} from "~/features/taxonomy/types";
import { DEFAULT_TIME_ZONE, timeZoneForCountry } from "~/lib/time-zones";
import {
  CONVERSATION_TABLES,
  type ConversationCounts,
  clearConversations,
  defaultConversationCounts,
  loadConversations,
} from "./scale-conversations.server";
import {
  DEFAULT_SCALE_EVENTS,
  EVENT_TABLES,
  type EventCounts,
  loadScaleEvents,
} from "./scale-events.server";
import { DEFAULT_SCALE_NOTIFICATIONS, loadScaleNotifications } from "./scale-notifications.server";

/** Every scale account signs in with this password (printed by `npm run seed:scale`). */
export const SCALE_PASSWORD = "synergy-scale-2026";
/** Scale accounts are `firstname.lastname.N@` this domain (reserved `.test` TLD). */
export const SCALE_EMAIL_DOMAIN = "scale.synergy.test";

const PRNG_SEED = 20261126;
const USERS_PER_BATCH = 5000;
const SPAN_MS = 3 * 365 * 86400_000;

// ───────────────────────────── deterministic randomness ─────────────────────────────

/** sfc32: small, fast and good enough for data generation; seeded so runs are reproducible. */
class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number) {
    // splitmix32 spreads a small integer seed over the whole state.
    let s = seed >>> 0;
    const next = () => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = next();
    this.b = next();
    this.c = next();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.u32() / 4294967296;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` distinct items (fewer when the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number, exclude: ReadonlySet<T> = new Set()): T[] {
    const pool = items.filter((i) => !exclude.has(i));
    const out: T[] = [];
    for (let i = 0; i < count && pool.length; i++) {
      out.push(pool.splice(Math.floor(this.next() * pool.length), 1)[0]);
    }
    return out;
  }

  /** A version-4-shaped UUID from the PRNG, so ids are stable across runs. */
  uuid(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    const a = hex(this.u32());
    const b = hex(((this.u32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = hex(((this.u32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = hex(this.u32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

/** Precomputes cumulative weights once so picking stays O(log n) in the hot loop. */
function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Random) => T {
  const values = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) {
    total += w;
    cumulative.push(total);
  }
  return (rng) => {
    const x = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return values[lo];
  };
}

// ───────────────────────────── the shape of the installation ─────────────────────────────

type CountryProfile = {
  locale: Locale;
  native: string;
  regions: string[];
  female: string[];
  male: string[];
  last: string[];
  /** Greek surnames take a feminine form. */
  lastFemale?: string[];
};

const countries: Record<string, CountryProfile> = {
  IE: {
    locale: "en",
    native: "en",
    regions: ["Dublin", "Cork", "Galway", "Limerick", "Waterford", "Kilkenny", "Sligo", "Ennis"],
    female: ["Aoife", "Niamh", "Siobhán", "Ciara", "Sinéad", "Orla", "Róisín", "Emma", "Gráinne"],
    male: ["Declan", "Pádraig", "Seán", "Cian", "Eoin", "Conor", "Darragh", "Liam", "Ronan"],
    last: [
      "Murphy",
      "Kelly",
      "O'Brien",
      "Byrne",
      "Ryan",
      "Walsh",
      "Gallagher",
      "Doyle",
      "Kavanagh",
    ],
  },
  CY: {
    locale: "el",
    native: "el",
    regions: ["Nicosia", "Limassol", "Larnaca", "Paphos", "Famagusta", "Troodos"],
    female: ["Andri", "Myrto", "Eleni", "Maria", "Christina", "Despina", "Anthi", "Stella"],
    male: ["Andreas", "Christos", "Kyriakos", "Marios", "Loizos", "Panayiotis", "Savvas"],
    last: ["Georgiou", "Kyriakou", "Charalambous", "Ioannou", "Constantinou", "Christodoulou"],
  },
  FI: {
    locale: "fi",
    native: "fi",
    regions: ["Helsinki", "Tampere", "Turku", "Oulu", "Jyväskylä", "Kuopio", "Rovaniemi", "Vaasa"],
    female: ["Sanna", "Tiina", "Pirjo", "Riikka", "Aino", "Laura", "Hanna", "Johanna", "Minna"],
    male: ["Mikko", "Jussi", "Elias", "Juha", "Timo", "Antti", "Ville", "Matti", "Pekka"],
    last: [
      "Korhonen",
      "Virtanen",
      "Mäkelä",
      "Nieminen",
      "Laine",
      "Heikkinen",
      "Lehtonen",
      "Koskinen",
    ],
  },
  DE: {
    locale: "de",
    native: "de",
    regions: [
      "Berlin",
      "Hamburg",
      "München",
      "Leipzig",
      "Köln",
      "Regensburg",
      "Freiburg",
      "Dresden",
    ],
    female: ["Katrin", "Lena", "Sabine", "Miriam", "Anja", "Julia", "Claudia", "Petra", "Laura"],
    male: ["Jürgen", "Markus", "Tobias", "Stefan", "Thomas", "Andreas", "Florian", "Jan", "Lukas"],
    last: [
      "Müller",
      "Schmidt",
      "Schneider",
      "Hoffmann",
      "Huber",
      "Schäfer",
      "Krüger",
      "Wolf",
      "Weiß",
    ],
  },
  GR: {
    locale: "el",
    native: "el",
    regions: ["Athens", "Thessaloniki", "Patras", "Heraklion", "Chania", "Ioannina", "Nafplio"],
    female: ["Eleni", "Dimitra", "Eirini", "Katerina", "Sofia", "Maria", "Georgia", "Vasiliki"],
    male: ["Giorgos", "Manolis", "Vasilis", "Stavros", "Nikos", "Kostas", "Dimitris", "Yannis"],
    last: [
      "Papadopoulos",
      "Nikolaidis",
      "Alexiou",
      "Mavrakis",
      "Katsaros",
      "Dimitriou",
      "Karagiannis",
    ],
    lastFemale: [
      "Papadopoulou",
      "Nikolaidou",
      "Alexiou",
      "Mavraki",
      "Katsarou",
      "Dimitriou",
      "Karagianni",
    ],
  },
  IT: {
    locale: "it",
    native: "it",
    regions: [
      "Roma",
      "Milano",
      "Napoli",
      "Torino",
      "Bologna",
      "Firenze",
      "Perugia",
      "Bari",
      "Palermo",
    ],
    female: ["Francesca", "Chiara", "Lucia", "Federica", "Giulia", "Sara", "Elena", "Valentina"],
    male: ["Alessandro", "Matteo", "Lorenzo", "Gennaro", "Marco", "Luca", "Davide", "Giuseppe"],
    last: ["Rossi", "Conti", "Esposito", "Bartolini", "Marchetti", "De Luca", "Ferri", "Lombardi"],
  },
  RO: {
    locale: "ro",
    native: "ro",
    regions: ["București", "Cluj-Napoca", "Iași", "Timișoara", "Brașov", "Constanța", "Sibiu"],
    female: ["Cristina", "Elena", "Ioana", "Andreea", "Maria", "Alexandra", "Mihaela", "Raluca"],
    male: ["Radu", "Ștefan", "Vasile", "Florin", "Andrei", "Mihai", "Alexandru", "Bogdan"],
    last: [
      "Popescu",
      "Ionescu",
      "Georgescu",
      "Vasilescu",
      "Munteanu",
      "Moldovan",
      "Dumitrescu",
      "Pop",
    ],
  },
  ES: {
    locale: "en",
    native: "es",
    regions: ["Madrid", "Barcelona", "Valencia", "Sevilla", "Bilbao"],
    female: ["Lucía", "Carmen", "Marta", "Laura"],
    male: ["Javier", "Pablo", "Carlos", "Diego"],
    last: ["García", "Fernández", "López", "Martínez", "Sánchez"],
  },
  FR: {
    locale: "en",
    native: "fr",
    regions: ["Paris", "Lyon", "Toulouse", "Nantes", "Lille"],
    female: ["Camille", "Claire", "Léa", "Sophie"],
    male: ["Julien", "Antoine", "Nicolas", "Mathieu"],
    last: ["Martin", "Bernard", "Dubois", "Moreau", "Laurent"],
  },
  NL: {
    locale: "en",
    native: "nl",
    regions: ["Amsterdam", "Utrecht", "Rotterdam", "Groningen"],
    female: ["Sanne", "Anouk", "Eva", "Lotte"],
    male: ["Daan", "Bram", "Pieter", "Joost"],
    last: ["de Jong", "Jansen", "de Vries", "Bakker", "Visser"],
  },
  PL: {
    locale: "en",
    native: "pl",
    regions: ["Warszawa", "Kraków", "Gdańsk", "Wrocław"],
    female: ["Anna", "Katarzyna", "Magdalena", "Agnieszka"],
    male: ["Piotr", "Tomasz", "Paweł", "Michał"],
    last: ["Nowak", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński"],
  },
  PT: {
    locale: "en",
    native: "pt",
    regions: ["Lisboa", "Porto", "Braga", "Coimbra"],
    female: ["Inês", "Beatriz", "Mariana", "Joana"],
    male: ["João", "Tiago", "Rui", "Miguel"],
    last: ["Silva", "Santos", "Ferreira", "Pereira", "Costa"],
  },
};

// The seven consortium countries carry ~95% of members; a few neighbours join too.
const pickCountry = weighted([
  ["IE", 14],
  ["CY", 7],
  ["FI", 13],
  ["DE", 19],
  ["GR", 14],
  ["IT", 17],
  ["RO", 11],
  ["ES", 1.5],
  ["FR", 1.2],
  ["NL", 0.8],
  ["PL", 0.8],
  ["PT", 0.7],
] as const);

const foreignLanguages = ["en", "de", "fr", "it", "es", "ru", "sv", "pt", "nl", "tr"];
const pickForeignLevel = weighted<LanguageLevel>([
  ["C2", 1],
  ["C1", 3],
  ["B2", 4],
  ["B1", 3],
  ["A2", 2],
]);
const pickLanguageCount = weighted([
  [1, 15],
  [2, 55],
  [3, 30],
] as const);

const topicsByGroup = new Map<TopicGroup, string[]>(
  topicGroups.map((g) => [g, topics.filter((t) => t.group === g).map((t) => t.slug)]),
);
const allTopicSlugs = topics.map((t) => t.slug);
const topicLabels = new Map(topics.map((t) => [t.slug, t.label]));

const pickOwnerFocus = weighted<TopicGroup>([
  ["sector", 30],
  ["marketing", 15],
  ["management", 12],
  ["digital", 10],
  ["finance", 10],
  ["personal", 10],
  ["people", 5],
  ["sustainability", 5],
  ["international", 3],
  ["legal", 2],
]);
const pickEducatorFocus = weighted<TopicGroup>([
  ["digital", 22],
  ["marketing", 16],
  ["finance", 14],
  ["management", 12],
  ["legal", 8],
  ["people", 8],
  ["personal", 7],
  ["sustainability", 6],
  ["international", 5],
  ["sector", 2],
]);
// What micro-enterprise owners most often say they want to learn.
const pickWantedGroup = weighted<TopicGroup>([
  ["digital", 30],
  ["marketing", 20],
  ["finance", 15],
  ["legal", 10],
  ["sustainability", 8],
  ["international", 8],
  ["people", 5],
  ["management", 4],
]);

const pickOfferedCount = weighted([
  [1, 25],
  [2, 40],
  [3, 35],
] as const);
const pickWantedCount = weighted([
  [2, 35],
  [3, 40],
  [4, 25],
] as const);

// Most people keep the defaults; the rest hide a field or two, a few open their bio.
const pickVisibility = weighted<Partial<FieldVisibility>>([
  [{}, 80],
  [{ bio: "public" }, 8],
  [{ location: "members" }, 4],
  [{ skills: "members", languages: "members" }, 3],
  [{ organisations: "private" }, 2],
  [{ headline: "members", photo: "members", location: "members" }, 2],
  [{ location: "private", languages: "private", skills: "private", organisations: "private" }, 1],
]);

type Trade = { division: string; words: Record<Locale, string[]> };
const trades: [Trade, number][] = [
  [
    {
      division: "47",
      words: {
        en: ["Shop", "Store", "Boutique"],
        de: ["Laden", "Boutique"],
        el: ["Κατάστημα", "Μπουτίκ"],
        fi: ["Puoti", "Kauppa"],
        it: ["Bottega", "Negozio"],
        ro: ["Magazinul", "Boutique"],
      },
    },
    14,
  ],
  [
    {
      division: "56",
      words: {
        en: ["Café", "Kitchen", "Bistro"],
        de: ["Café", "Bistro", "Gasthaus"],
        el: ["Καφενείο", "Ταβέρνα", "Μεζεδοπωλείο"],
        fi: ["Kahvila", "Bistro", "Ravintola"],
        it: ["Trattoria", "Caffè", "Osteria"],
        ro: ["Cafeneaua", "Bistro", "Restaurantul"],
      },
    },
    12,
  ],
  [
    {
      division: "10",
      words: {
        en: ["Bakery", "Foods", "Dairy"],
        de: ["Bäckerei", "Metzgerei", "Feinkost"],
        el: ["Αρτοποιείο", "Γαλακτοκομείο", "Ζαχαροπλαστείο"],
        fi: ["Leipomo", "Juustola", "Herkku"],
        it: ["Panificio", "Caseificio", "Pastificio"],
        ro: ["Brutăria", "Cofetăria", "Lactate"],
      },
    },
    7,
  ],
  [
    {
      division: "55",
      words: {
        en: ["Guesthouse", "B&B", "Lodge"],
        de: ["Pension", "Gästehaus", "Ferienhof"],
        el: ["Ξενώνας", "Πανσιόν", "Ενοικιαζόμενα Δωμάτια"],
        fi: ["Majatalo", "Lomamökit", "Matkakoti"],
        it: ["Agriturismo", "B&B", "Locanda"],
        ro: ["Pensiunea", "Casa de oaspeți", "Cabana"],
      },
    },
    5,
  ],
  [
    {
      division: "43",
      words: {
        en: ["Plumbing & Heating", "Electrical", "Building Services"],
        de: ["Sanitär", "Elektro", "Malerbetrieb"],
        el: ["Υδραυλικές Εργασίες", "Ηλεκτρολογικές Εργασίες", "Οικοδομικές Εργασίες"],
        fi: ["Putkityö", "Sähkötyö", "Remontti"],
        it: ["Impianti", "Idraulica", "Edilizia"],
        ro: ["Instalații", "Construcții", "Electrice"],
      },
    },
    8,
  ],
  [
    {
      division: "96",
      words: {
        en: ["Hair Studio", "Beauty", "Barbers"],
        de: ["Friseursalon", "Kosmetikstudio", "Barbier"],
        el: ["Κομμωτήριο", "Ινστιτούτο Αισθητικής", "Κουρείο"],
        fi: ["Parturi-kampaamo", "Kauneushoitola", "Hiusstudio"],
        it: ["Parrucchieria", "Centro Estetico", "Barbiere"],
        ro: ["Salonul", "Frizeria", "Studio de înfrumusețare"],
      },
    },
    7,
  ],
  [
    {
      division: "62",
      words: {
        en: ["IT Services", "Digital", "Software"],
        de: ["IT-Service", "Digitalagentur", "Software"],
        el: ["Υπηρεσίες Πληροφορικής", "Ψηφιακές Λύσεις", "Software"],
        fi: ["IT-palvelut", "Digitoimisto", "Ohjelmisto"],
        it: ["Servizi Informatici", "Digitale", "Software"],
        ro: ["Servicii IT", "Digital", "Software"],
      },
    },
    6,
  ],
  [
    {
      division: "73",
      words: {
        en: ["Marketing", "Media", "Creative"],
        de: ["Werbeagentur", "Medien", "Kommunikation"],
        el: ["Διαφήμιση", "Επικοινωνία", "Media"],
        fi: ["Mainostoimisto", "Viestintä", "Media"],
        it: ["Comunicazione", "Pubblicità", "Media"],
        ro: ["Publicitate", "Media", "Comunicare"],
      },
    },
    4,
  ],
  [
    {
      division: "74",
      words: {
        en: ["Design", "Photography", "Studio"],
        de: ["Design", "Fotografie", "Atelier"],
        el: ["Σχεδιασμός", "Φωτογραφία", "Ατελιέ"],
        fi: ["Design", "Valokuvaamo", "Studio"],
        it: ["Design", "Fotografia", "Studio"],
        ro: ["Design", "Fotografie", "Atelier"],
      },
    },
    4,
  ],
  [
    {
      division: "69",
      words: {
        en: ["Accounting", "Bookkeeping"],
        de: ["Steuerbüro", "Buchhaltung"],
        el: ["Λογιστικό Γραφείο", "Λογιστικές Υπηρεσίες"],
        fi: ["Tilitoimisto", "Kirjanpito"],
        it: ["Studio Contabile", "Contabilità"],
        ro: ["Contabilitate", "Cabinet contabil"],
      },
    },
    4,
  ],
  [
    {
      division: "01",
      words: {
        en: ["Farm", "Orchards", "Growers"],
        de: ["Hof", "Gärtnerei", "Biohof"],
        el: ["Αγρόκτημα", "Ελαιώνας", "Μελισσοκομία"],
        fi: ["Tila", "Puutarha", "Marjatila"],
        it: ["Azienda Agricola", "Fattoria", "Orto"],
        ro: ["Ferma", "Livada", "Stupina"],
      },
    },
    5,
  ],
  [
    {
      division: "14",
      words: {
        en: ["Tailoring", "Knitwear"],
        de: ["Schneiderei", "Strickwaren"],
        el: ["Ραφείο", "Πλεκτά"],
        fi: ["Ompelimo", "Neulomo"],
        it: ["Sartoria", "Maglieria"],
        ro: ["Croitoria", "Tricotaje"],
      },
    },
    3,
  ],
  [
    {
      division: "31",
      words: {
        en: ["Furniture", "Joinery"],
        de: ["Schreinerei", "Möbelwerkstatt"],
        el: ["Ξυλουργείο", "Έπιπλα"],
        fi: ["Puusepänverstas", "Huonekalu"],
        it: ["Falegnameria", "Mobili"],
        ro: ["Tâmplăria", "Mobilă"],
      },
    },
    3,
  ],
  [
    {
      division: "45",
      words: {
        en: ["Motors", "Garage", "Auto Repairs"],
        de: ["Autowerkstatt", "Kfz-Service"],
        el: ["Συνεργείο Αυτοκινήτων", "Ανταλλακτικά"],
        fi: ["Autokorjaamo", "Rengaspalvelu"],
        it: ["Autofficina", "Carrozzeria"],
        ro: ["Service Auto", "Vulcanizare"],
      },
    },
    4,
  ],
  [
    {
      division: "49",
      words: {
        en: ["Transport", "Couriers", "Taxis"],
        de: ["Kurierdienst", "Transporte", "Taxi"],
        el: ["Μεταφορές", "Ταξί"],
        fi: ["Kuljetus", "Taksi"],
        it: ["Trasporti", "Taxi"],
        ro: ["Transport", "Curierat"],
      },
    },
    3,
  ],
  [
    {
      division: "86",
      words: {
        en: ["Physiotherapy", "Clinic"],
        de: ["Physiotherapie", "Praxis"],
        el: ["Φυσικοθεραπεία", "Ιατρείο"],
        fi: ["Fysioterapia", "Vastaanotto"],
        it: ["Fisioterapia", "Studio Medico"],
        ro: ["Kinetoterapie", "Cabinet"],
      },
    },
    3,
  ],
  [
    {
      division: "93",
      words: {
        en: ["Fitness", "Yoga"],
        de: ["Fitnessstudio", "Yoga"],
        el: ["Γυμναστήριο", "Yoga"],
        fi: ["Kuntosali", "Jooga"],
        it: ["Palestra", "Yoga"],
        ro: ["Sala de fitness", "Yoga"],
      },
    },
    2,
  ],
  [
    {
      division: "79",
      words: {
        en: ["Tours", "Travel"],
        de: ["Reisen", "Touren"],
        el: ["Ταξιδιωτικό Γραφείο", "Εκδρομές"],
        fi: ["Matkat", "Elämysmatkat"],
        it: ["Viaggi", "Tour"],
        ro: ["Turism", "Excursii"],
      },
    },
    2,
  ],
  [
    {
      division: "32",
      words: {
        en: ["Crafts", "Jewellery", "Ceramics"],
        de: ["Goldschmiede", "Keramik"],
        el: ["Κοσμήματα", "Κεραμική"],
        fi: ["Koru", "Keramiikka"],
        it: ["Gioielleria", "Ceramiche"],
        ro: ["Bijuterii", "Ceramică"],
      },
    },
    2,
  ],
  [
    {
      division: "81",
      words: {
        en: ["Cleaning", "Gardens"],
        de: ["Gebäudereinigung", "Gartenpflege"],
        el: ["Καθαρισμοί", "Κηπουρική"],
        fi: ["Siivouspalvelu", "Pihapalvelu"],
        it: ["Pulizie", "Giardinaggio"],
        ro: ["Curățenie", "Grădinărit"],
      },
    },
    2,
  ],
  [
    {
      division: "70",
      words: {
        en: ["Consulting", "Advisory"],
        de: ["Unternehmensberatung", "Beratung"],
        el: ["Σύμβουλοι Επιχειρήσεων", "Συμβουλευτική"],
        fi: ["Konsultointi", "Neuvonta"],
        it: ["Consulenza", "Consulenze"],
        ro: ["Consultanță", "Consultanță în afaceri"],
      },
    },
    3,
  ],
];
const pickTrade = weighted(trades);
const divisionInfo = new Map(naceDivisions.map((d) => [d.code, d]));
for (const [trade] of trades) {
  if (!divisionInfo.has(trade.division)) throw new Error(`Unknown NACE division ${trade.division}`);
}

const pickSizeBand = weighted<SizeBand>([
  ["1", 55],
  ["2-4", 35],
  ["5-9", 10],
]);
const pickProviderType = weighted<ProviderType>([
  ["training_centre", 30],
  ["independent_trainer", 25],
  ["ngo", 12],
  ["college", 10],
  ["vet_school", 10],
  ["chamber", 8],
  ["university", 5],
]);
const providerWords: Record<ProviderType, Record<Locale, string>> = {
  vet_school: {
    en: "Vocational School",
    de: "Berufsschule",
    el: "Επαγγελματική Σχολή",
    fi: "Ammattiopisto",
    it: "Istituto Professionale",
    ro: "Școala Profesională",
  },
  college: {
    en: "College of Further Education",
    de: "Volkshochschule",
    el: "Κολλέγιο",
    fi: "Kansanopisto",
    it: "Istituto di Formazione",
    ro: "Colegiul",
  },
  training_centre: {
    en: "Enterprise Training Centre",
    de: "Bildungszentrum",
    el: "Κέντρο Κατάρτισης",
    fi: "Koulutuskeskus",
    it: "Centro di Formazione",
    ro: "Centrul de Formare",
  },
  university: {
    en: "Institute of Technology",
    de: "Hochschule",
    el: "Κέντρο Δια Βίου Μάθησης",
    fi: "Ammattikorkeakoulu",
    it: "Scuola di Impresa",
    ro: "Centrul Universitar",
  },
  chamber: {
    en: "Chamber of Commerce",
    de: "Handwerkskammer",
    el: "Επιμελητήριο",
    fi: "Kauppakamari",
    it: "Camera di Commercio",
    ro: "Camera de Comerț",
  },
  ngo: {
    en: "Enterprise Network",
    de: "Gründernetzwerk",
    el: "Δίκτυο Επιχειρηματικότητας",
    fi: "Yrittäjäverkosto",
    it: "Rete d'Impresa",
    ro: "Asociația pentru Antreprenoriat",
  },
  independent_trainer: {
    en: "Training",
    de: "Coaching",
    el: "Εκπαίδευση",
    fi: "Valmennus",
    it: "Formazione",
    ro: "Training",
  },
};
// Greek and Finnish place names would need declension, so those names use a brand word instead.
const brandWords: Partial<Record<Locale, string[]>> = {
  el: ["Η Ελιά", "Το Λιμάνι", "Θάλασσα", "Ο Πλάτανος", "Αιγαίο", "Αμάραντος", "Το Στέκι", "Ήλιος"],
  fi: ["Kaamos", "Revontuli", "Saimaa", "Pohjola", "Aalto", "Kide", "Sisu", "Tähti", "Kanerva"],
};
const legalSuffix: Record<Locale, [string, number]> = {
  en: [" Ltd", 0.25],
  de: [" GmbH", 0.15],
  el: [" Ε.Π.Ε.", 0.1],
  fi: [" Oy", 0.35],
  it: [" S.r.l.", 0.15],
  ro: [" SRL", 0.4],
};
const deliveryModeSets: DeliveryMode[][] = [
  ["face_to_face"],
  ["online"],
  ["blended"],
  ["face_to_face", "online"],
  ["face_to_face", "blended"],
  ["face_to_face", "online", "blended"],
  ["online", "blended"],
];

type Gender = "f" | "m";
type Text = {
  ownerHeadline: ((p: { b?: string; r: string; g: Gender }) => string)[];
  educatorHeadline: ((p: { t1: string; t2: string; r: string; g: Gender }) => string)[];
  ownerBio: (p: { b?: string; r: string; wanted: string; offered: string }) => string;
  educatorBio: (p: { offered: string; wanted: string }) => string;
  enterpriseDescription: (p: { label: string; r: string; year: number }) => string;
  providerDescription: (p: { topics: string }) => string;
};
const fm = (g: Gender, f: string, m: string) => (g === "f" ? f : m);
const texts: Record<Locale, Text> = {
  en: {
    ownerHeadline: [
      ({ b, r }) => (b ? `Owner of ${b}` : `Small business owner in ${r}`),
      ({ b, r }) => (b ? `Running ${b} in ${r}` : `Self-employed in ${r}`),
      ({ b, r }) => (b ? `Founder, ${b}, ${r}` : `Sole trader, ${r}`),
    ],
    educatorHeadline: [
      ({ t1 }) => `Trainer in ${t1} for small businesses`,
      ({ t1, r }) => `${t1} tutor, ${r}`,
      ({ t1, t2 }) => `Adult educator: ${t1} and ${t2}`,
      ({ r }) => `Business mentor in ${r}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `I run ${b ?? "a small business"} in ${r}. I'd like to learn more about ${wanted}, and I'm happy to share what I know about ${offered}.`,
    educatorBio: ({ offered, wanted }) =>
      `I teach ${offered} to people who run small businesses. I'm looking to exchange ideas with trainers and business owners in other countries, especially about ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Family business in ${r}, since ${year}.`,
    providerDescription: ({ topics }) => `Courses for micro-enterprises: ${topics}.`,
  },
  de: {
    ownerHeadline: [
      ({ b, r, g }) => (b ? `${fm(g, "Inhaberin", "Inhaber")} von ${b}` : `Selbstständig in ${r}`),
      ({ b, r, g }) =>
        b ? `${fm(g, "Gründerin", "Gründer")} von ${b}, ${r}` : `Kleinunternehmen in ${r}`,
    ],
    educatorHeadline: [
      ({ t1, g }) => `${fm(g, "Trainerin", "Trainer")} für ${t1}`,
      ({ t1, t2, g }) => `${fm(g, "Dozentin", "Dozent")}: ${t1} und ${t2}`,
      ({ r, g }) => `${fm(g, "Beraterin", "Berater")} für Kleinunternehmen in ${r}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `Ich führe ${b ?? "ein kleines Unternehmen"} in ${r}. Ich möchte mehr über ${wanted} lernen und teile gern, was ich über ${offered} weiß.`,
    educatorBio: ({ offered, wanted }) =>
      `Ich unterrichte ${offered} für Menschen, die ein kleines Unternehmen führen. Ich suche den Austausch mit Lehrenden und Selbstständigen in anderen Ländern, besonders zu ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Familienbetrieb in ${r}, gegründet ${year}.`,
    providerDescription: ({ topics }) => `Kurse für Kleinstunternehmen: ${topics}.`,
  },
  el: {
    ownerHeadline: [
      ({ b, r, g }) =>
        b ? `${fm(g, "Ιδιοκτήτρια", "Ιδιοκτήτης")}: ${b}` : `Μικρή επιχείρηση, ${r}`,
      ({ b, r, g }) =>
        b ? `${fm(g, "Ιδρύτρια", "Ιδρυτής")}: ${b}, ${r}` : `Ελεύθερος επαγγελματίας, ${r}`,
    ],
    educatorHeadline: [
      ({ t1, g }) => `${fm(g, "Εκπαιδεύτρια", "Εκπαιδευτής")}: ${t1}`,
      ({ r }) => `Σύμβουλος μικρών επιχειρήσεων, ${r}`,
      ({ t1, t2, g }) => `${fm(g, "Εκπαιδεύτρια", "Εκπαιδευτής")} ενηλίκων: ${t1} και ${t2}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `${b ? `Έχω την επιχείρηση ${b}` : "Έχω μια μικρή επιχείρηση"} (${r}). Θέλω να μάθω περισσότερα για: ${wanted}. Μοιράζομαι ευχαρίστως ό,τι ξέρω για: ${offered}.`,
    educatorBio: ({ offered, wanted }) =>
      `Διδάσκω ${offered} σε ανθρώπους που έχουν μικρές επιχειρήσεις. Θέλω να ανταλλάξω ιδέες με εκπαιδευτές και επιχειρηματίες σε άλλες χώρες, ειδικά για: ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Οικογενειακή επιχείρηση, ${r}, από το ${year}.`,
    providerDescription: ({ topics }) => `Σεμινάρια για πολύ μικρές επιχειρήσεις: ${topics}.`,
  },
  fi: {
    ownerHeadline: [
      ({ b, r }) => (b ? `Yrittäjä, ${b}` : `Yrittäjä, ${r}`),
      ({ b, r }) => (b ? `Perustaja, ${b}, ${r}` : `Pienyrittäjä, ${r}`),
    ],
    educatorHeadline: [
      ({ t1 }) => `Kouluttaja: ${t1}`,
      ({ r }) => `Aikuiskouluttaja, ${r}`,
      ({ t1, t2 }) => `Yritysvalmentaja: ${t1} ja ${t2}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `Pyöritän ${b ? `yritystä ${b}` : "pientä yritystä"} (${r}). Haluan oppia lisää aiheista ${wanted}, ja jaan mielelläni osaamistani aiheesta ${offered}.`,
    educatorBio: ({ offered, wanted }) =>
      `Opetan pienyrittäjille aiheita ${offered}. Haluan vaihtaa ajatuksia kouluttajien ja yrittäjien kanssa muissa maissa, erityisesti aiheesta ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Perheyritys, ${r}, perustettu ${year}.`,
    providerDescription: ({ topics }) => `Koulutusta mikroyrityksille: ${topics}.`,
  },
  it: {
    ownerHeadline: [
      ({ b, r }) => (b ? `Titolare di ${b}` : `Piccola impresa a ${r}`),
      ({ b, r, g }) =>
        b ? `${fm(g, "Fondatrice", "Fondatore")} di ${b}, ${r}` : `Lavoro autonomo a ${r}`,
    ],
    educatorHeadline: [
      ({ t1, g }) => `${fm(g, "Formatrice", "Formatore")}: ${t1}`,
      ({ t1, t2 }) => `Docente: ${t1} e ${t2}`,
      ({ r }) => `Consulente per piccole imprese, ${r}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `Gestisco ${b ?? "una piccola impresa"} a ${r}. Vorrei saperne di più su: ${wanted}. Condivido volentieri ciò che so su: ${offered}.`,
    educatorBio: ({ offered, wanted }) =>
      `Insegno ${offered} a chi gestisce una piccola impresa. Cerco uno scambio con formatori e imprenditori di altri paesi, soprattutto su: ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Impresa familiare a ${r}, fondata nel ${year}.`,
    providerDescription: ({ topics }) => `Corsi per microimprese: ${topics}.`,
  },
  ro: {
    ownerHeadline: [
      ({ b, r, g }) => (b ? `${fm(g, "Proprietară", "Proprietar")}, ${b}` : `Afacere mică în ${r}`),
      ({ b, r, g }) =>
        b
          ? `${fm(g, "Fondatoare", "Fondator")}, ${b}, ${r}`
          : `${fm(g, "Antreprenoare", "Antreprenor")} în ${r}`,
    ],
    educatorHeadline: [
      ({ t1, g }) => `${fm(g, "Formatoare", "Formator")}: ${t1}`,
      ({ r }) => `Trainer pentru microîntreprinderi, ${r}`,
      ({ t1, t2, g }) => `${fm(g, "Profesoară", "Profesor")}: ${t1} și ${t2}`,
    ],
    ownerBio: ({ b, r, wanted, offered }) =>
      `Conduc ${b ?? "o afacere mică"} în ${r}. Aș vrea să învăț mai multe despre: ${wanted}. Împărtășesc cu plăcere ce știu despre: ${offered}.`,
    educatorBio: ({ offered, wanted }) =>
      `Predau ${offered} celor care conduc afaceri mici. Caut schimb de idei cu formatori și antreprenori din alte țări, mai ales despre: ${wanted}.`,
    enterpriseDescription: ({ label, r, year }) =>
      `${label}. Afacere de familie în ${r}, înființată în ${year}.`,
    providerDescription: ({ topics }) => `Cursuri pentru microîntreprinderi: ${topics}.`,
  },
};

const listFormats = new Map<Locale, Intl.ListFormat>();
function listOf(items: string[], locale: Locale): string {
  let format = listFormats.get(locale);
  if (!format) {
    format = new Intl.ListFormat(locale, { type: "conjunction" });
    listFormats.set(locale, format);
  }
  return format.format(items);
}

/** A topic label as it reads mid-sentence: lower-cased, except acronyms and German nouns. */
function inSentence(slug: string, locale: Locale): string {
  const label = topicLabels.get(slug)?.[locale] ?? slug;
  if (locale === "de") return label;
  const second = label.charAt(1);
  return second && second === second.toLowerCase()
    ? label.charAt(0).toLowerCase() + label.slice(1)
    : label;
}

function asciiSlug(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .toLowerCase()
    .replace(/[^a-z]+/g, "");
}

/** A reserved-TLD website; Greek-script names fall back to the founder's name and town. */
function websiteFor(name: string, last: string, region: string): string {
  return `https://${(asciiSlug(name) || asciiSlug(`${last}${region}`)).slice(0, 30)}.example`;
}

// ───────────────────────────── micro social networks: words ─────────────────────────────

/** What a post, comment or name template may draw on; filled per network and per post. */
type Fill = {
  /** A topic as it reads mid-sentence. */
  t: string;
  /** A second topic, mid-sentence. */
  t2: string;
  /** A topic label as written at the start of a title. */
  T: string;
  /** The place the network meets, or a town of its country. */
  pl: string;
  /** A weekday. */
  wd: string;
  /** An hour of the day. */
  h: number;
  /** A small count. */
  n: number;
  /** A link on the reserved .example TLD. */
  url: string;
  /** Country names of a cross-border network, e.g. "Ireland–Italy". */
  cs: string;
  /** The network's name (welcome posts). */
  name: string;
};
type Line = (f: Fill) => string;

type NetworkText = {
  localName: Line[];
  onlineName: Line[];
  crossName: Line[];
  purpose: Line[];
  description: Line[];
  weekdays: string[];
  welcome: Line;
  greetings: string[];
  closings: string[];
  /** The main part of a post, by kind. */
  question: Line[];
  tip: Line[];
  event: Line[];
  link: Line[];
  update: Line[];
  recapTitle: Line;
  recapItems: Line[];
  comments: Line[];
  replies: string[];
  topicTitles: Line[];
  resourceTitles: Line[];
  resourceDescriptions: Line[];
};

const networkTexts: Record<Locale, NetworkText> = {
  en: {
    localName: [
      ({ pl }) => `${pl} Small Business Circle`,
      ({ pl, T }) => `${T} Club ${pl}`,
      ({ pl, T }) => `${pl} Meetup: ${T}`,
      ({ pl }) => `${pl} Makers & Traders`,
      ({ pl }) => `${pl} Women in Business`,
      ({ pl }) => `${pl} Micro-Enterprise Network`,
      ({ pl }) => `${pl} Sole Traders' Breakfast`,
    ],
    onlineName: [
      ({ T }) => `${T} Online`,
      ({ T }) => `${T} Clinic`,
      ({ T }) => `Online Circle: ${T}`,
      ({ T }) => `${T} for Sole Traders`,
      ({ T }) => `${T} Study Group`,
    ],
    crossName: [
      ({ T }) => `${T} Across Borders`,
      ({ T, cs }) => `${T}: ${cs}`,
      ({ T }) => `European ${T} Exchange`,
      ({ cs }) => `Small Business Bridge ${cs}`,
    ],
    purpose: [
      ({ t }) => `Owners and trainers helping each other with ${t}.`,
      ({ t, t2 }) => `Questions, answers and real examples about ${t} and ${t2}.`,
      ({ t }) => `Learning ${t} together, one small step a month.`,
      ({ t, t2 }) => `Peer support for micro-enterprises: ${t}, ${t2} and whatever comes up.`,
    ],
    description: [
      ({ wd }) =>
        `We meet on the first ${wd} of the month and share notes here. New members: introduce yourself with what you do and what you'd like to learn.`,
      ({ t }) =>
        `Small businesses and the trainers who work with them. We keep it practical: bring a real question about ${t} from your own work.`,
      () => `Be kind, keep it practical, no selling. Facilitators pin the notes of every meeting.`,
    ],
    weekdays: ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"],
    welcome: ({ name, t }) =>
      `Welcome to **${name}**!\n\nThe idea is simple: we help each other with ${t}, with real examples from our own businesses.\n\n- Introduce yourself below: what you do and where.\n- Ask anything, there are no silly questions.\n- No sales pitches, please.`,
    greetings: ["Hi all,", "Hello everyone!", "Morning all.", "Hi everyone,"],
    closings: ["Thanks!", "Any advice welcome.", "See you there.", "Thanks in advance."],
    question: [
      ({ t }) =>
        `Question about ${t}: how do you handle it in a business our size? I'm doing everything myself at the moment and it's eating my evenings.`,
      ({ t, pl }) =>
        `Has anyone taken a course on ${t} that was actually worth the money? Online or in ${pl}, I don't mind.`,
      ({ t, n }) =>
        `How much time do you spend on ${t} each week? I counted last week and it was **${n} hours**. Is that normal?`,
      ({ t }) => `What's the one thing you wish you had known about ${t} when you started?`,
      ({ t, t2 }) =>
        `If you could only improve one thing this year, would it be ${t} or ${t2}? I keep going back and forth.`,
    ],
    tip: [
      ({ t, wd }) =>
        `Tip from this week: I blocked **one hour every ${wd}** for ${t}. Three weeks in and it's finally getting done.`,
      ({ t, n }) =>
        `Something that worked for us with ${t}: we asked our ${n} best customers what they actually need. Two of the answers surprised me.`,
      ({ t, n }) =>
        `Small win: after the workshop on ${t} we changed one thing, and it saves us about ${n} hours a month.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Reminder: our next meetup is on **${wd} at ${h}:00** in ${pl}. Topic: ${t}. Bring one question from your own business.`,
      ({ wd, h, t }) =>
        `Next online session: ${wd}, ${h}:00 CET, on ${t}. The link goes up here an hour before.`,
    ],
    link: [
      ({ t, url }) =>
        `Found a clear, practical guide on ${t}: ${url}\n\nShort and not too technical.`,
      ({ t, url }) => `Free webinar on ${t} next month, in case it's useful: ${url}`,
    ],
    update: [
      ({ t }) =>
        `Update: we tried what was suggested here about ${t}, and it works. Thanks everyone!`,
      () => `Welcome to our new members! Tell us what you do and what you'd like to learn.`,
      ({ n }) => `We're **${n} members** now. Thank you for making this such a helpful group.`,
    ],
    recapTitle: ({ wd }) => `**Notes from ${wd}'s meeting**`,
    recapItems: [
      ({ n }) => `${n} of us joined, owners and trainers.`,
      ({ t }) => `Main topic: ${t}.`,
      () => `Everyone picks one small step to try before we meet again.`,
      () => `Slides and links are in the resources.`,
      ({ t2 }) => `Next time: ${t2}.`,
    ],
    comments: [
      () => "Great question!",
      () => "Same here. Following.",
      () => "We had the same problem last year. Happy to talk it through on the phone.",
      () => "Thanks for sharing, this is really useful.",
      () => "I'll bring it up at the next meetup.",
      () => "Have a look at the guide in our resources, it helped me.",
      () => "Agree with the above: start small.",
      () => "Could you share the template?",
      ({ wd }) => `Count me in for ${wd}.`,
      () => "This worked for us too.",
      () => "Good point. I hadn't thought about that.",
      ({ t }) => `Our accountant told us the same about ${t}.`,
    ],
    replies: [
      "Thank you!",
      "Will do.",
      "Exactly.",
      "Good idea, I'll try that.",
      "Yes, please share it here.",
    ],
    topicTitles: [
      ({ T }) => `${T}: where do I start?`,
      ({ T }) => `${T}: tools you actually use`,
      ({ t }) => `Course recommendations for ${t}`,
      ({ t }) => `Your experience with ${t}?`,
    ],
    resourceTitles: [
      ({ T }) => `${T}: a practical guide`,
      ({ t }) => `Checklist for ${t}`,
      ({ t }) => `Webinar recording on ${t}`,
    ],
    resourceDescriptions: [
      ({ wd }) => `Recommended at our ${wd} meeting.`,
      () => `Short, practical and free.`,
      () => "",
    ],
  },
  de: {
    localName: [
      ({ pl }) => `Unternehmerkreis ${pl}`,
      ({ pl, T }) => `Stammtisch ${T} ${pl}`,
      ({ pl, T }) => `Netzwerk ${T} ${pl}`,
      ({ pl }) => `Handwerk & Handel ${pl}`,
      ({ pl }) => `Gründerinnen-Treff ${pl}`,
      ({ pl }) => `Kleinunternehmen ${pl}`,
    ],
    onlineName: [
      ({ T }) => `${T} online`,
      ({ T }) => `Sprechstunde ${T}`,
      ({ T }) => `Digitaler Stammtisch: ${T}`,
      ({ T }) => `Lerngruppe ${T}`,
    ],
    crossName: [
      ({ T }) => `${T} grenzenlos`,
      ({ T, cs }) => `${T}: ${cs}`,
      ({ T }) => `Europäischer Austausch ${T}`,
    ],
    purpose: [
      ({ t }) => `Inhaberinnen, Inhaber und Lehrende helfen sich gegenseitig zum Thema ${t}.`,
      ({ t, t2 }) => `Fragen, Antworten und echte Beispiele rund um ${t} und ${t2}.`,
      ({ t }) => `Gemeinsam lernen: ${t}, Schritt für Schritt.`,
    ],
    description: [
      ({ wd }) =>
        `Wir treffen uns am ersten ${wd} im Monat und teilen hier unsere Notizen. Neue Mitglieder: Stellt euch kurz vor – was macht ihr, was wollt ihr lernen?`,
      () =>
        `Praxis statt Theorie: Bringt eine echte Frage aus eurem Betrieb mit. Keine Werbung, bitte.`,
    ],
    weekdays: ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"],
    welcome: ({ name, t }) =>
      `Willkommen bei **${name}**!\n\nDie Idee ist einfach: Wir helfen uns gegenseitig beim Thema ${t}, mit echten Beispielen aus unseren Betrieben.\n\n- Stellt euch unten kurz vor.\n- Fragt ruhig alles.\n- Bitte keine Werbung.`,
    greetings: ["Hallo zusammen,", "Moin in die Runde!", "Guten Morgen!", "Hallo in die Runde,"],
    closings: ["Danke!", "Jeder Tipp hilft.", "Bis dann!", "Danke im Voraus."],
    question: [
      ({ t }) =>
        `Frage zum Thema ${t}: Wie macht ihr das in einem so kleinen Betrieb? Ich mache gerade alles selbst, meistens abends.`,
      ({ t, pl }) =>
        `Hat jemand einen Kurs zum Thema ${t} besucht, der sein Geld wert war? Online oder in ${pl}, egal.`,
      ({ t, n }) =>
        `Wie viel Zeit steckt ihr pro Woche in ${t}? Bei mir waren es letzte Woche **${n} Stunden**. Ist das normal?`,
      ({ t }) => `Was hättet ihr am Anfang gern über ${t} gewusst?`,
    ],
    tip: [
      ({ t, wd }) =>
        `Tipp der Woche: Ich habe mir **jeden ${wd} eine Stunde** für ${t} geblockt. Seit drei Wochen klappt es endlich.`,
      ({ t, n }) =>
        `Was bei uns zum Thema ${t} funktioniert hat: Wir haben unsere ${n} besten Kunden gefragt, was sie wirklich brauchen.`,
      ({ n }) =>
        `Kleiner Erfolg: Nach dem Workshop haben wir eine Sache geändert und sparen jetzt etwa ${n} Stunden im Monat.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Erinnerung: Unser nächstes Treffen ist am **${wd} um ${h}:00 Uhr** in ${pl}. Thema: ${t}. Bringt eine Frage aus eurem Betrieb mit.`,
      ({ wd, h, t }) =>
        `Nächste Online-Runde: ${wd}, ${h}:00 Uhr, Thema ${t}. Den Link poste ich eine Stunde vorher.`,
    ],
    link: [
      ({ t, url }) =>
        `Ein guter, praktischer Leitfaden zum Thema ${t}: ${url}\n\nKurz und nicht zu technisch.`,
      ({ t, url }) => `Kostenloses Webinar zu ${t} im nächsten Monat: ${url}`,
    ],
    update: [
      () =>
        `Kurzes Update: Wir haben euren Vorschlag ausprobiert, und es funktioniert. Danke euch allen!`,
      () => `Herzlich willkommen an unsere neuen Mitglieder! Erzählt kurz, was ihr macht.`,
    ],
    recapTitle: ({ wd }) => `**Notizen vom Treffen am ${wd}**`,
    recapItems: [
      ({ n }) => `${n} Leute waren dabei, Inhaber und Trainer.`,
      ({ t }) => `Hauptthema: ${t}.`,
      () => `Jede und jeder probiert bis zum nächsten Mal einen kleinen Schritt aus.`,
      () => `Folien und Links liegen bei den Ressourcen.`,
    ],
    comments: [
      () => "Gute Frage!",
      () => "Geht mir genauso.",
      () => "Hatten wir letztes Jahr auch. Ruf gern mal an.",
      () => "Danke fürs Teilen, sehr hilfreich.",
      () => "Das nehme ich mit zum nächsten Treffen.",
      () => "Schau mal in die Ressourcen, der Leitfaden dort hat mir geholfen.",
      () => "Klein anfangen, sage ich immer.",
      () => "Kannst du die Vorlage teilen?",
      ({ wd }) => `Am ${wd} bin ich dabei.`,
      () => "Bei uns hat das auch geklappt.",
    ],
    replies: [
      "Danke!",
      "Mache ich.",
      "Genau.",
      "Gute Idee, probiere ich aus.",
      "Ja, gern hier teilen.",
    ],
    topicTitles: [
      ({ T }) => `${T}: Wo fange ich an?`,
      ({ T }) => `${T}: Welche Werkzeuge nutzt ihr?`,
      ({ T }) => `Kursempfehlungen: ${T}`,
    ],
    resourceTitles: [
      ({ T }) => `${T}: ein Leitfaden für die Praxis`,
      ({ T }) => `Checkliste: ${T}`,
      ({ T }) => `Webinar-Aufzeichnung: ${T}`,
    ],
    resourceDescriptions: [
      ({ wd }) => `Empfohlen beim Treffen am ${wd}.`,
      () => `Kurz, praktisch und kostenlos.`,
      () => "",
    ],
  },
  el: {
    localName: [
      ({ pl }) => `Δίκτυο μικρών επιχειρήσεων – ${pl}`,
      ({ pl, T }) => `${T} – ${pl}`,
      ({ pl }) => `Κύκλος επιχειρηματιών, ${pl}`,
      ({ pl }) => `Γυναίκες επιχειρηματίες, ${pl}`,
    ],
    onlineName: [
      ({ T }) => `${T} online`,
      ({ T }) => `Διαδικτυακός κύκλος: ${T}`,
      ({ T }) => `Ομάδα μελέτης: ${T}`,
    ],
    crossName: [({ T }) => `${T} χωρίς σύνορα`, ({ T, cs }) => `${T}: ${cs}`],
    purpose: [
      ({ t }) => `Ιδιοκτήτες και εκπαιδευτές μοιράζονται εμπειρίες για: ${t}.`,
      ({ t, t2 }) => `Ερωτήσεις και πρακτικές λύσεις για: ${t} και ${t2}.`,
      ({ t }) => `Μαθαίνουμε μαζί, βήμα βήμα: ${t}.`,
    ],
    description: [
      () =>
        `Συναντιόμαστε μία φορά τον μήνα και κρατάμε εδώ τις σημειώσεις. Νέα μέλη: πείτε μας τι κάνετε και τι θέλετε να μάθετε.`,
      () =>
        `Πρακτικά πράγματα, χωρίς διαφημίσεις. Φέρτε μια πραγματική ερώτηση από τη δουλειά σας.`,
    ],
    weekdays: ["Δευτέρα", "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή"],
    welcome: ({ name, t }) =>
      `Καλώς ήρθατε στο **${name}**!\n\nΗ ιδέα είναι απλή: βοηθάμε ο ένας τον άλλον, με πραγματικά παραδείγματα, για: ${t}.\n\n- Συστηθείτε παρακάτω.\n- Ρωτήστε ό,τι θέλετε.\n- Όχι διαφημίσεις, παρακαλώ.`,
    greetings: ["Γεια σε όλους,", "Καλημέρα!", "Καλησπέρα σε όλους.", "Γεια σας,"],
    closings: [
      "Ευχαριστώ!",
      "Κάθε συμβουλή ευπρόσδεκτη.",
      "Τα λέμε εκεί.",
      "Ευχαριστώ προκαταβολικά.",
    ],
    question: [
      ({ t }) =>
        `Ερώτηση για: ${t}. Πώς το οργανώνετε σε μια τόσο μικρή επιχείρηση; Αυτή τη στιγμή τα κάνω όλα μόνος μου.`,
      ({ t }) => `Έχει κάνει κανείς σεμινάριο για: ${t}, που άξιζε τα χρήματα;`,
      ({ t, n }) =>
        `Πόσο χρόνο αφιερώνετε την εβδομάδα σε αυτό: ${t}; Εγώ μέτρησα **${n} ώρες** την προηγούμενη εβδομάδα.`,
      ({ t }) => `Τι θα θέλατε να ξέρατε από την αρχή για: ${t};`,
    ],
    tip: [
      ({ t, wd }) =>
        `Συμβουλή της εβδομάδας: κλείνω **μία ώρα κάθε ${wd}** για: ${t}. Επιτέλους γίνεται.`,
      ({ n }) =>
        `Κάτι που μας βοήθησε: ρωτήσαμε τους ${n} καλύτερους πελάτες μας τι χρειάζονται πραγματικά.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Υπενθύμιση: η επόμενη συνάντηση είναι την **${wd} στις ${h}:00**, ${pl}. Θέμα: ${t}.`,
      ({ wd, h }) =>
        `Επόμενη διαδικτυακή συνάντηση: ${wd}, ${h}:00. Θα ανεβάσω τον σύνδεσμο μία ώρα πριν.`,
    ],
    link: [
      ({ t, url }) => `Ένας χρήσιμος, πρακτικός οδηγός για: ${t}\n\n${url}`,
      ({ url }) => `Δωρεάν διαδικτυακό σεμινάριο τον επόμενο μήνα: ${url}`,
    ],
    update: [
      () => `Νέα: δοκιμάσαμε αυτό που προτείνατε και δουλεύει. Ευχαριστούμε όλους!`,
      () => `Καλώς ήρθατε στα νέα μέλη! Πείτε μας λίγα λόγια για τη δουλειά σας.`,
    ],
    recapTitle: ({ wd }) => `**Σημειώσεις από τη συνάντηση της ${wd}ς**`,
    recapItems: [
      ({ n }) => `Ήμασταν ${n} άτομα, ιδιοκτήτες και εκπαιδευτές.`,
      ({ t }) => `Κύριο θέμα: ${t}.`,
      () => `Ο καθένας δοκιμάζει ένα μικρό βήμα μέχρι την επόμενη φορά.`,
      () => `Οι διαφάνειες είναι στους πόρους.`,
    ],
    comments: [
      () => "Πολύ καλή ερώτηση!",
      () => "Κι εμείς το ίδιο.",
      () => "Είχαμε το ίδιο πρόβλημα πέρσι. Πάρε με ένα τηλέφωνο.",
      () => "Ευχαριστώ που το μοιράστηκες, πολύ χρήσιμο.",
      () => "Θα το φέρω στην επόμενη συνάντηση.",
      () => "Ρίξε μια ματιά στον οδηγό στους πόρους.",
      () => "Συμφωνώ: ξεκίνα από κάτι μικρό.",
      ({ wd }) => `Την ${wd} θα είμαι εκεί.`,
    ],
    replies: ["Ευχαριστώ!", "Θα το κάνω.", "Ακριβώς.", "Καλή ιδέα, θα το δοκιμάσω."],
    topicTitles: [
      ({ T }) => `${T}: από πού να ξεκινήσω;`,
      ({ T }) => `${T}: ποια εργαλεία χρησιμοποιείτε;`,
      ({ T }) => `Προτάσεις για σεμινάρια: ${T}`,
    ],
    resourceTitles: [({ T }) => `${T}: πρακτικός οδηγός`, ({ T }) => `Λίστα ελέγχου: ${T}`],
    resourceDescriptions: [() => `Σύντομο και πρακτικό.`, () => ""],
  },
  fi: {
    localName: [
      ({ pl }) => `Yrittäjäpiiri, ${pl}`,
      ({ pl, T }) => `${T} – ${pl}`,
      ({ pl }) => `Pienyrittäjien verkosto, ${pl}`,
      ({ pl }) => `Naisyrittäjät, ${pl}`,
    ],
    onlineName: [
      ({ T }) => `${T} verkossa`,
      ({ T }) => `Verkkopiiri: ${T}`,
      ({ T }) => `Opintopiiri: ${T}`,
    ],
    crossName: [({ T }) => `${T} ilman rajoja`, ({ T, cs }) => `${T}: ${cs}`],
    purpose: [
      ({ t }) => `Yrittäjät ja kouluttajat auttavat toisiaan aiheessa ${t}.`,
      ({ t, t2 }) => `Kysymyksiä ja kokemuksia aiheista ${t} ja ${t2}.`,
      ({ t }) => `Opitaan yhdessä, pieni askel kerrallaan: ${t}.`,
    ],
    description: [
      () =>
        `Tapaamme kerran kuussa ja jaamme muistiinpanot täällä. Uudet jäsenet: kertokaa, mitä teette ja mitä haluatte oppia.`,
      () => `Käytännönläheisesti, ei mainoksia. Tuo mukanasi oikea kysymys omasta yrityksestäsi.`,
    ],
    weekdays: ["maanantaina", "tiistaina", "keskiviikkona", "torstaina", "perjantaina"],
    welcome: ({ name, t }) =>
      `Tervetuloa, tämä on **${name}**!\n\nAjatus on yksinkertainen: autamme toisiamme aiheessa ${t} omien esimerkkien avulla.\n\n- Esittäydy alla.\n- Kysy rohkeasti.\n- Ei mainoksia, kiitos.`,
    greetings: ["Hei kaikki,", "Moi!", "Huomenta!", "Hei,"],
    closings: ["Kiitos!", "Kaikki vinkit tervetulleita.", "Nähdään!", "Kiitos etukäteen."],
    question: [
      ({ t }) =>
        `Kysymys aiheesta ${t}: miten hoidatte sen näin pienessä yrityksessä? Teen nyt kaiken itse, yleensä iltaisin.`,
      ({ t }) => `Onko joku käynyt kurssin aiheesta ${t}, joka oli rahan arvoinen?`,
      ({ t, n }) =>
        `Paljonko aikaa käytätte viikossa aiheeseen ${t}? Minulla meni viime viikolla **${n} tuntia**.`,
    ],
    tip: [
      ({ t, wd }) =>
        `Viikon vinkki: varaan **tunnin joka viikko ${wd}** aiheelle ${t}. Nyt se vihdoin hoituu.`,
      ({ n }) =>
        `Meillä toimi tämä: kysyimme ${n} parhaalta asiakkaalta, mitä he oikeasti tarvitsevat.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Muistutus: seuraava tapaaminen on **${wd} klo ${h}**, ${pl}. Aihe: ${t}.`,
      ({ wd, h }) => `Seuraava verkkotapaaminen ${wd} klo ${h}. Linkki tulee tänne tuntia ennen.`,
    ],
    link: [
      ({ t, url }) => `Hyvä ja käytännöllinen opas aiheesta ${t}: ${url}`,
      ({ url }) => `Maksuton webinaari ensi kuussa: ${url}`,
    ],
    update: [
      () => `Päivitys: kokeilimme ehdotustanne, ja se toimii. Kiitos kaikille!`,
      () => `Tervetuloa uudet jäsenet! Kertokaa lyhyesti, mitä teette.`,
    ],
    recapTitle: () => `**Muistiinpanot tapaamisesta**`,
    recapItems: [
      ({ n }) => `Paikalla oli ${n} yrittäjää ja kouluttajaa.`,
      ({ t }) => `Pääaihe: ${t}.`,
      () => `Jokainen kokeilee yhtä pientä askelta ennen seuraavaa kertaa.`,
      () => `Diat ja linkit löytyvät resursseista.`,
    ],
    comments: [
      () => "Hyvä kysymys!",
      () => "Sama täällä.",
      () => "Meillä oli sama ongelma viime vuonna. Soita, jos haluat jutella.",
      () => "Kiitos jakamisesta, tosi hyödyllistä.",
      () => "Otan tämän esille seuraavassa tapaamisessa.",
      () => "Katso resursseista löytyvä opas, se auttoi minua.",
      () => "Samaa mieltä: aloita pienestä.",
      ({ wd }) => `Olen mukana ${wd}.`,
    ],
    replies: ["Kiitos!", "Teen niin.", "Juuri näin.", "Hyvä idea, kokeilen."],
    topicTitles: [
      ({ T }) => `${T}: mistä aloittaa?`,
      ({ T }) => `${T}: mitä työkaluja käytätte?`,
      ({ T }) => `Kurssisuosituksia: ${T}`,
    ],
    resourceTitles: [({ T }) => `${T}: käytännön opas`, ({ T }) => `Muistilista: ${T}`],
    resourceDescriptions: [() => `Lyhyt ja käytännöllinen.`, () => ""],
  },
  it: {
    localName: [
      ({ pl }) => `Rete imprese ${pl}`,
      ({ pl, T }) => `Circolo ${T} – ${pl}`,
      ({ pl }) => `Imprenditrici di ${pl}`,
      ({ pl }) => `Botteghe di ${pl}`,
      ({ pl }) => `Piccole imprese ${pl}`,
    ],
    onlineName: [
      ({ T }) => `${T} online`,
      ({ T }) => `Sportello ${T}`,
      ({ T }) => `Gruppo di studio: ${T}`,
    ],
    crossName: [({ T }) => `${T} senza confini`, ({ T, cs }) => `${T}: ${cs}`],
    purpose: [
      ({ t }) => `Titolari e formatori si aiutano su: ${t}.`,
      ({ t, t2 }) => `Domande, risposte ed esempi concreti su ${t} e ${t2}.`,
      ({ t }) => `Impariamo insieme, un passo alla volta: ${t}.`,
    ],
    description: [
      () =>
        `Ci incontriamo una volta al mese e condividiamo qui gli appunti. Nuovi membri: presentatevi, diteci cosa fate e cosa volete imparare.`,
      () => `Concretezza e niente pubblicità. Portate una domanda vera dalla vostra attività.`,
    ],
    weekdays: ["lunedì", "martedì", "mercoledì", "giovedì", "venerdì"],
    welcome: ({ name, t }) =>
      `Benvenuti in **${name}**!\n\nL'idea è semplice: ci aiutiamo a vicenda su ${t}, con esempi veri dalle nostre imprese.\n\n- Presentatevi qui sotto.\n- Chiedete pure tutto.\n- Niente pubblicità, per favore.`,
    greetings: ["Ciao a tutti,", "Buongiorno!", "Buonasera a tutti.", "Ciao,"],
    closings: ["Grazie!", "Ogni consiglio è benvenuto.", "Ci vediamo lì.", "Grazie in anticipo."],
    question: [
      ({ t }) =>
        `Domanda su ${t}: come vi organizzate in un'impresa così piccola? Al momento faccio tutto da sola, di sera.`,
      ({ t, pl }) =>
        `Qualcuno ha seguito un corso su ${t} che valeva la spesa? Online o a ${pl}, va bene uguale.`,
      ({ t, n }) =>
        `Quanto tempo dedicate a settimana a ${t}? Io la settimana scorsa ho contato **${n} ore**.`,
      ({ t }) => `Cosa avreste voluto sapere all'inizio su ${t}?`,
    ],
    tip: [
      ({ t, wd }) =>
        `Consiglio della settimana: blocco **un'ora ogni ${wd}** per ${t}. Finalmente funziona.`,
      ({ n }) =>
        `Una cosa che ha funzionato: abbiamo chiesto ai nostri ${n} migliori clienti di cosa hanno davvero bisogno.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Promemoria: il prossimo incontro è **${wd} alle ${h}:00** a ${pl}. Tema: ${t}.`,
      ({ wd, h }) =>
        `Prossimo incontro online: ${wd}, ore ${h}:00. Il link arriva qui un'ora prima.`,
    ],
    link: [
      ({ t, url }) => `Una guida chiara e pratica su ${t}: ${url}\n\nBreve e non troppo tecnica.`,
      ({ url }) => `Webinar gratuito il mese prossimo: ${url}`,
    ],
    update: [
      () => `Aggiornamento: abbiamo provato il vostro suggerimento e funziona. Grazie a tutti!`,
      () => `Benvenuti ai nuovi membri! Raccontateci in due righe cosa fate.`,
    ],
    recapTitle: ({ wd }) => `**Appunti dell'incontro di ${wd}**`,
    recapItems: [
      ({ n }) => `Eravamo in ${n}, titolari e formatori.`,
      ({ t }) => `Tema principale: ${t}.`,
      () => `Ognuno prova un piccolo passo prima del prossimo incontro.`,
      () => `Slide e link sono nelle risorse.`,
    ],
    comments: [
      () => "Ottima domanda!",
      () => "Anche per noi è così.",
      () => "Abbiamo avuto lo stesso problema l'anno scorso. Sentiamoci al telefono.",
      () => "Grazie per la condivisione, utilissimo.",
      () => "Lo porto al prossimo incontro.",
      () => "Guarda la guida nelle risorse, a me è servita.",
      () => "D'accordo: meglio partire in piccolo.",
      ({ wd }) => `Per ${wd} ci sono.`,
    ],
    replies: ["Grazie!", "Lo farò.", "Esatto.", "Buona idea, ci provo."],
    topicTitles: [
      ({ T }) => `${T}: da dove comincio?`,
      ({ T }) => `${T}: quali strumenti usate?`,
      ({ T }) => `Corsi consigliati: ${T}`,
    ],
    resourceTitles: [({ T }) => `${T}: guida pratica`, ({ T }) => `Lista di controllo: ${T}`],
    resourceDescriptions: [() => `Breve, pratica e gratuita.`, () => ""],
  },
  ro: {
    localName: [
      ({ pl }) => `Cercul antreprenorilor din ${pl}`,
      ({ pl, T }) => `${T} – ${pl}`,
      ({ pl }) => `Rețeaua micilor afaceri ${pl}`,
      ({ pl }) => `Antreprenoare din ${pl}`,
    ],
    onlineName: [
      ({ T }) => `${T} online`,
      ({ T }) => `Cerc online: ${T}`,
      ({ T }) => `Grup de studiu: ${T}`,
    ],
    crossName: [({ T }) => `${T} fără frontiere`, ({ T, cs }) => `${T}: ${cs}`],
    purpose: [
      ({ t }) => `Antreprenori și formatori se ajută reciproc la: ${t}.`,
      ({ t, t2 }) => `Întrebări, răspunsuri și exemple reale despre: ${t} și ${t2}.`,
      ({ t }) => `Învățăm împreună, pas cu pas: ${t}.`,
    ],
    description: [
      () =>
        `Ne întâlnim o dată pe lună și păstrăm notițele aici. Membri noi: spuneți-ne ce faceți și ce vreți să învățați.`,
      () => `Lucruri practice, fără reclame. Veniți cu o întrebare reală din afacerea voastră.`,
    ],
    weekdays: ["luni", "marți", "miercuri", "joi", "vineri"],
    welcome: ({ name, t }) =>
      `Bine ați venit în **${name}**!\n\nIdeea e simplă: ne ajutăm unii pe alții, cu exemple reale, la: ${t}.\n\n- Prezentați-vă mai jos.\n- Întrebați orice.\n- Fără reclame, vă rog.`,
    greetings: ["Salut tuturor,", "Bună dimineața!", "Bună seara!", "Bună tuturor,"],
    closings: ["Mulțumesc!", "Orice sfat e binevenit.", "Ne vedem acolo.", "Mulțumesc anticipat."],
    question: [
      ({ t }) =>
        `Întrebare despre: ${t}. Cum vă organizați într-o firmă atât de mică? Acum fac totul singur, seara.`,
      ({ t }) => `A urmat cineva un curs despre ${t} care a meritat banii?`,
      ({ t, n }) =>
        `Cât timp pe săptămână vă ia: ${t}? Mie săptămâna trecută mi-a luat **${n} ore**.`,
    ],
    tip: [
      ({ t, wd }) =>
        `Sfatul săptămânii: îmi blochez **o oră în fiecare ${wd}** pentru: ${t}. În sfârșit merge.`,
      ({ n }) =>
        `Ce ne-a ajutat: i-am întrebat pe cei mai buni ${n} clienți ce le trebuie de fapt.`,
    ],
    event: [
      ({ wd, h, pl, t }) =>
        `Reamintire: următoarea întâlnire e **${wd} la ${h}:00**, în ${pl}. Tema: ${t}.`,
      ({ wd, h }) =>
        `Următoarea întâlnire online: ${wd}, ora ${h}:00. Pun linkul aici cu o oră înainte.`,
    ],
    link: [
      ({ t, url }) => `Un ghid clar și practic despre: ${t}\n\n${url}`,
      ({ url }) => `Webinar gratuit luna viitoare: ${url}`,
    ],
    update: [
      () => `Noutăți: am încercat ce ați propus și funcționează. Mulțumesc tuturor!`,
      () => `Bun venit membrilor noi! Spuneți-ne în două rânduri ce faceți.`,
    ],
    recapTitle: ({ wd }) => `**Notițe de la întâlnirea de ${wd}**`,
    recapItems: [
      ({ n }) => `Am fost ${n} persoane, antreprenori și formatori.`,
      ({ t }) => `Tema principală: ${t}.`,
      () => `Fiecare încearcă un pas mic până data viitoare.`,
      () => `Prezentarea și linkurile sunt la resurse.`,
    ],
    comments: [
      () => "Foarte bună întrebarea!",
      () => "Și la noi la fel.",
      () => "Am avut aceeași problemă anul trecut. Sună-mă dacă vrei.",
      () => "Mulțumesc că ai împărtășit, foarte util.",
      () => "O aduc în discuție la următoarea întâlnire.",
      () => "Uită-te la ghidul de la resurse, pe mine m-a ajutat.",
      () => "De acord: începe cu pași mici.",
      ({ wd }) => `Vin și eu ${wd}.`,
    ],
    replies: ["Mulțumesc!", "Așa fac.", "Exact.", "Bună idee, încerc."],
    topicTitles: [
      ({ T }) => `${T}: de unde încep?`,
      ({ T }) => `${T}: ce instrumente folosiți?`,
      ({ T }) => `Recomandări de cursuri: ${T}`,
    ],
    resourceTitles: [({ T }) => `${T}: ghid practic`, ({ T }) => `Listă de verificare: ${T}`],
    resourceDescriptions: [() => `Scurt și practic.`, () => ""],
  },
};

const minorWords = new Set(["a", "and", "for", "in", "of", "on", "or", "the", "to", "with"]);
function titleCase(label: string): string {
  return label.replace(/\b[a-z][\w']*/g, (word, at: number) =>
    at > 0 && minorWords.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1),
  );
}

const linkHosts = [
  "learn.example",
  "smallbiz-guides.example",
  "training-hub.example",
  "eu-micro.example",
];
const countryNameFormats = new Map<Locale, Intl.DisplayNames>();
function countryNameIn(code: string, locale: Locale): string {
  let names = countryNameFormats.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "region" });
    countryNameFormats.set(locale, names);
  }
  return names.of(code) ?? code;
}

const pickNetworkKind = weighted([
  ["local", 55],
  ["online", 25],
  ["cross_border", 20],
] as const);
const pickNetworkVisibility = weighted([
  ["open", 70],
  ["request", 15],
  ["invite", 10],
  ["secret", 5],
] as const);
const pickMemberCap = weighted([
  [40, 80],
  [30, 10],
  [60, 10],
] as const);
const pickPostKind = weighted([
  ["question", 35],
  ["tip", 20],
  ["event", 12],
  ["link", 10],
  ["update", 10],
  ["recap", 8],
  ["short", 5],
] as const);
const pickReactionKind = weighted<(typeof reactionKinds)[number]>([
  ["like", 50],
  ["thanks", 18],
  ["insightful", 14],
  ["support", 10],
  ["celebrate", 8],
]);

// ───────────────────────────── bulk loading ─────────────────────────────

type Column = { name: string; type: string; cast?: string };

/**
 * Rows for one table, held column by column and written as a single
 * `insert … select from unnest(…)` so a batch of thousands of rows is one statement with one
 * parameter per column (no 65,535-parameter ceiling, no per-row round trips).
 */
class BulkTable {
  private data: unknown[][];
  private readonly statement: string;
  rows = 0;
  total = 0;

  constructor(
    readonly table: string,
    private readonly columns: Column[],
  ) {
    this.data = columns.map(() => []);
    const aliases = columns.map((_, i) => `c${i}`);
    const selected = columns.map((c, i) => (c.cast ? `c${i}::${c.cast}` : `c${i}`));
    const arrays = columns.map((c, i) => `$${i + 1}::${c.type}[]`);
    this.statement = `insert into ${table} (${columns.map((c) => c.name).join(", ")})
      select ${selected.join(", ")} from unnest(${arrays.join(", ")}) as t(${aliases.join(", ")})`;
  }

  push(...values: unknown[]): void {
    for (let i = 0; i < values.length; i++) this.data[i].push(values[i]);
    this.rows += 1;
  }

  /** Hands over the rows gathered so far and starts a new batch. */
  take(): { statement: string; values: unknown[][]; rows: number } | null {
    if (!this.rows) return null;
    const batch = { statement: this.statement, values: this.data, rows: this.rows };
    this.total += this.rows;
    this.data = this.columns.map(() => []);
    this.rows = 0;
    return batch;
  }
}

// ───────────────────────────── the seed ─────────────────────────────

export type ScaleCounts = {
  users: number;
  notifications?: number;
  userLanguages: number;
  userSkills: number;
  organisations: number;
  organisationTopics: number;
  organisationMembers: number;
} & Partial<NetworkCounts> &
  Partial<ConversationCounts> &
  Partial<EventCounts>;

type RecentOrg = { id: string; createdAt: number; name: string };

/**
 * Fills a PostgreSQL server with `members` people, about a third as many organisations and
 * their memberships, then `networks` micro social networks with about `posts` posts and their
 * comments, reactions, forum topics and resources (defaults: `defaultNetworkCounts(members)`),
 * in one transaction (a failed run leaves nothing behind), then vacuums and analyzes the tables
 * so the planner and index-only scans see a settled installation.
 * Refuses a database that already has people unless `reset` is set (then everything in
 * users/organisations/networks and what depends on them is truncated first).
 */
export async function seedScale(options: {
  database: Database;
  members: number;
  networks?: number;
  posts?: number;
  /** Notifications derived from the content (default 5,000,000 when there are networks). */
  notifications?: number;
  reset: boolean;
  /** Conversations and messages (default: `defaultConversationCounts(members)`; 0 for none). */
  conversations?: number;
  messages?: number;
  /** Events with their answers over the networks (default 200,000; 0 for none). */
  events?: number;
  /** "conversations": keep the people and networks, replace only the conversations. */
  only?: "conversations";
  onProgress?: (message: string) => void;
}): Promise<ScaleCounts | ConversationCounts> {
  const { database, members, reset } = options;
  const conversationDefaults = defaultConversationCounts(members);
  const conversationCount = options.conversations ?? conversationDefaults.conversations;
  const messageCount =
    options.messages ??
    (options.conversations === undefined
      ? conversationDefaults.messages
      : Math.round((conversationCount * 20) / 3));
  if (options.only === "conversations") {
    return seedConversationsOnly({
      database,
      conversations: conversationCount,
      messages: messageCount,
      progress: options.onProgress ?? (() => {}),
    });
  }
  const defaults = defaultNetworkCounts(members);
  const networks = options.networks ?? defaults.networks;
  const posts = options.posts ?? (options.networks === undefined ? defaults.posts : networks * 200);
  const progress = options.onProgress ?? (() => {});
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    if (reset) {
      progress("Truncating people, organisations, networks and everything that depends on them…");
      await client.query(
        "truncate table users, organisations, networks, sessions, auth_tokens, rate_limits cascade",
      );
    } else {
      const existing = await client.query<{ n: string }>("select count(*) as n from users");
      if (Number(existing.rows[0].n) > 0) {
        throw new Error(
          `The database already has ${existing.rows[0].n} people. Run again with --reset to replace them.`,
        );
      }
    }
    // One time anchor for both parts: the networks are laid out against the people's sign-up
    // and onboarding times, so a second clock reading would shift them by however long the
    // people took to load, and the posts (drawn in time order) would come out differently.
    const now = Date.now();
    const counts: ScaleCounts = await load(client, { members, passwordHash, progress, now });
    if (networks > 0) {
      progress(
        `Seeding ${networks.toLocaleString("en")} networks and about ${posts.toLocaleString("en")} posts…`,
      );
      Object.assign(counts, await loadNetworks(client, { networks, posts, progress, now }));
      const notifications = options.notifications ?? DEFAULT_SCALE_NOTIFICATIONS;
      if (notifications > 0) {
        progress(`Seeding about ${notifications.toLocaleString("en")} notifications…`);
        counts.notifications = await loadScaleNotifications(client, {
          count: notifications,
          progress,
        });
      }
      const events = options.events ?? DEFAULT_SCALE_EVENTS;
      if (events > 0) {
        progress(`Seeding ${events.toLocaleString("en")} events with their answers…`);
        Object.assign(counts, await loadScaleEvents(client, { events, now, progress }));
      }
    }
    if (conversationCount > 0) {
      progress(
        `Seeding ${conversationCount.toLocaleString("en")} conversations and about ${messageCount.toLocaleString("en")} messages…`,
      );
      Object.assign(
        counts,
        await loadConversations(client, {
          conversations: conversationCount,
          messages: messageCount,
          progress,
          now,
        }),
      );
    }
    progress("Committing…");
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query(
      `vacuum (analyze) users, user_languages, user_skills, organisations, organisation_topics,
        organisation_members, networks, network_members, posts, comments, post_reactions,
        forum_topics, forum_replies, network_resources, notifications, ${CONVERSATION_TABLES},
        ${EVENT_TABLES}`,
    );
    return counts;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * `--only conversations`: an installation seeded before conversations existed (or whose
 * conversations should be drawn again) gets just them, over the people it has, in one
 * transaction; existing conversations and blocks are replaced.
 */
async function seedConversationsOnly(options: {
  database: Database;
  conversations: number;
  messages: number;
  progress: (message: string) => void;
}): Promise<ConversationCounts> {
  const { database, progress } = options;
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    progress("Replacing the conversations…");
    await clearConversations(client);
    const counts = await loadConversations(client, {
      conversations: options.conversations,
      messages: options.messages,
      progress,
      now: Date.now(),
    });
    progress("Committing…");
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query(`vacuum (analyze) ${CONVERSATION_TABLES}`);
    return counts;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/**
 * Replaces the notifications of an installation the scale seed already filled (people, networks
 * and their content stay): `npm run seed:scale -- --only notifications`. One transaction, then
 * the table is vacuumed and analyzed. Returns how many rows it holds.
 */
export async function seedScaleNotifications(options: {
  database: Database;
  notifications: number;
  onProgress?: (message: string) => void;
}): Promise<number> {
  const { database } = options;
  const progress = options.onProgress ?? (() => {});
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const client = await database.pool.connect();
  try {
    const { rows } = await client.query<{ n: string }>("select count(*) as n from posts");
    if (Number(rows[0].n) === 0) {
      throw new Error("No posts to derive notifications from: run npm run seed:scale first.");
    }
    await client.query("begin");
    progress("Removing the notifications there were…");
    await client.query("truncate table notifications");
    progress(`Seeding about ${options.notifications.toLocaleString("en")} notifications…`);
    const count = await loadScaleNotifications(client, {
      count: options.notifications,
      progress,
    });
    progress("Committing…");
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query("vacuum (analyze) notifications");
    return count;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function load(
  client: pg.PoolClient,
  options: {
    members: number;
    passwordHash: string;
    progress: (message: string) => void;
    now: number;
  },
): Promise<ScaleCounts> {
  const { members, passwordHash, progress, now } = options;
  const rng = new Random(PRNG_SEED);
  // Content and ids are reproducible; absolute times follow the moment of seeding, so that
  // "newest members" stays recent whenever the benchmark runs.
  const today = new Date(now);

  // Sign-ups grow over time: a third arrive evenly over the three years, the rest increasingly
  // recently. Sorting first lets people join organisations that already exist.
  const times = new Float64Array(members);
  for (let i = 0; i < members; i++) {
    const t = rng.chance(0.35) ? rng.next() : Math.sqrt(rng.next());
    times[i] = Math.floor(now - SPAN_MS * (1 - t)) - rng.int(2 * 3600_000, 3 * 3600_000);
  }
  times.sort();

  const users = new BulkTable("users", [
    { name: "id", type: "uuid" },
    { name: "email", type: "text" },
    { name: "email_verified_at", type: "timestamptz" },
    { name: "password_hash", type: "text" },
    { name: "role", type: "text" },
    { name: "is_facilitator", type: "boolean" },
    { name: "locale", type: "text" },
    { name: "display_name", type: "text" },
    { name: "headline", type: "text" },
    { name: "bio", type: "text" },
    { name: "country", type: "text" },
    { name: "time_zone", type: "text" },
    { name: "region", type: "text" },
    { name: "visibility", type: "text", cast: "jsonb" },
    { name: "onboarded_at", type: "timestamptz" },
    { name: "created_at", type: "timestamptz" },
    { name: "updated_at", type: "timestamptz" },
  ]);
  const userLanguages = new BulkTable("user_languages", [
    { name: "user_id", type: "uuid" },
    { name: "language", type: "text" },
    { name: "level", type: "text" },
  ]);
  const userSkills = new BulkTable("user_skills", [
    { name: "user_id", type: "uuid" },
    { name: "kind", type: "text" },
    { name: "topic", type: "text" },
  ]);
  const organisations = new BulkTable("organisations", [
    { name: "id", type: "uuid" },
    { name: "kind", type: "text" },
    { name: "name", type: "text" },
    { name: "country", type: "text" },
    { name: "region", type: "text" },
    { name: "website", type: "text" },
    { name: "description", type: "text" },
    { name: "nace_division", type: "text" },
    { name: "nace_section", type: "text" },
    { name: "size_band", type: "text" },
    { name: "year_founded", type: "int" },
    { name: "provider_type", type: "text" },
    { name: "delivery_modes", type: "text", cast: "text[]" },
    { name: "eqf_levels", type: "text", cast: "int[]" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
  ]);
  const organisationTopics = new BulkTable("organisation_topics", [
    { name: "organisation_id", type: "uuid" },
    { name: "topic", type: "text" },
  ]);
  const organisationMembers = new BulkTable("organisation_members", [
    { name: "organisation_id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "role", type: "text" },
    { name: "status", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ]);
  // Foreign keys decide the order: people, then organisations, then what links them.
  const tables = [
    users,
    organisations,
    organisationTopics,
    organisationMembers,
    userLanguages,
    userSkills,
  ];

  // People join organisations recently created in their own country.
  const recent = new Map<string, RecentOrg[]>();
  const remember = (key: string, org: RecentOrg) => {
    const list = recent.get(key) ?? [];
    list.push(org);
    if (list.length > 200) list.shift();
    recent.set(key, list);
  };

  const started = performance.now();
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batches = tables.map((t) => t.take());
    // Generating the next batch overlaps with PostgreSQL writing this one.
    await inFlight;
    inFlight = (async () => {
      for (const batch of batches) {
        if (batch) await client.query(batch.statement, batch.values);
      }
    })();
    // A failure surfaces at the next await of inFlight; until then it must not count as unhandled.
    inFlight.catch(() => {});
  };

  for (let i = 0; i < members; i++) {
    const createdAt = times[i];
    const id = rng.uuid();
    const code = pickCountry(rng);
    const country = countries[code];
    const role = rng.chance(0.6) ? ("owner" as const) : ("educator" as const);
    const gender: Gender = rng.chance(0.5) ? "f" : "m";
    const first = rng.pick(gender === "f" ? country.female : country.male);
    const lastIndex = rng.int(0, country.last.length - 1);
    const last = (gender === "f" && country.lastFemale ? country.lastFemale : country.last)[
      lastIndex
    ];
    const displayName = `${first} ${last}`;
    const email = `${asciiSlug(first)}.${asciiSlug(last)}.${i + 1}@${SCALE_EMAIL_DOMAIN}`;
    const state = rng.next();
    const isVerified = state < 0.985;
    const isOnboarded = state < 0.97;
    const locale: Locale = country.locale !== "en" && rng.chance(0.08) ? "en" : country.locale;
    // Follow-up moments (verification, onboarding, joining) never pass the anchor.
    const iso = (ms: number) => new Date(Math.min(ms, now)).toISOString();
    const verifiedAt = createdAt + rng.int(60_000, 3600_000);
    // Everyone lives in their country's main zone (also those who have not said their country).
    const zone = timeZoneForCountry(code) ?? DEFAULT_TIME_ZONE;

    if (!isOnboarded) {
      users.push(
        id,
        email,
        isVerified ? iso(verifiedAt) : null,
        passwordHash,
        role,
        false,
        locale,
        displayName,
        "",
        "",
        null,
        zone,
        "",
        "{}",
        null,
        iso(createdAt),
        iso(createdAt),
      );
    } else {
      const region = rng.pick(country.regions);
      // Most finish their profile right after verifying; some come back days later.
      const onboardedAt = verifiedAt + Math.floor(rng.next() ** 4 * 3 * 86400_000) + 60_000;

      const languageCount = pickLanguageCount(rng);
      const languages: { code: string; level: LanguageLevel }[] = [
        { code: country.native, level: "native" },
      ];
      if (languageCount >= 2) {
        const second =
          country.native === "en"
            ? rng.pick(["ga", "fr", "de", "es"])
            : rng.chance(0.85)
              ? "en"
              : rng.pick(foreignLanguages.filter((l) => l !== country.native));
        languages.push({ code: second, level: pickForeignLevel(rng) });
      }
      if (languageCount >= 3) {
        const taken = new Set(languages.map((l) => l.code));
        const [third] = rng.sample(foreignLanguages, 1, taken);
        if (third) languages.push({ code: third, level: pickForeignLevel(rng) });
      }
      for (const l of languages) userLanguages.push(id, l.code, l.level);

      const focus = (role === "owner" ? pickOwnerFocus : pickEducatorFocus)(rng);
      const focusTopics = topicsByGroup.get(focus) ?? allTopicSlugs;
      const offeredCount = pickOfferedCount(rng);
      const offered = rng.sample(focusTopics, Math.min(offeredCount, focusTopics.length));
      while (offered.length < offeredCount) {
        const [extra] = rng.sample(allTopicSlugs, 1, new Set(offered));
        offered.push(extra);
      }
      const taken = new Set(offered);
      const wanted: string[] = [];
      const wantedCount = pickWantedCount(rng);
      while (wanted.length < wantedCount) {
        const group = topicsByGroup.get(pickWantedGroup(rng)) ?? allTopicSlugs;
        const [slug] = rng.sample(group, 1, taken);
        if (!slug) continue;
        taken.add(slug);
        wanted.push(slug);
      }
      for (const slug of offered) userSkills.push(id, "offered", slug);
      for (const slug of wanted) userSkills.push(id, "wanted", slug);

      // Organisations: about half the owners register their business, a few join one; an
      // eighth of the educators register a provider and half of them join one.
      const joinedAt = onboardedAt + rng.int(60_000, 3600_000);
      let businessName: string | undefined;
      const kind = role === "owner" ? "enterprise" : "provider";
      const recentKey = `${code}:${kind}`;
      const action = rng.next();
      const createP = role === "owner" ? 0.487 : 0.129;
      const joinP = role === "owner" ? 0.15 : 0.5;
      const text = texts[locale];
      if (action < createP) {
        const orgId = rng.uuid();
        const orgLocale = country.locale;
        let name: string;
        if (kind === "enterprise") {
          const trade = pickTrade(rng);
          const word = rng.pick(trade.words[orgLocale]);
          const brands = brandWords[orgLocale];
          name =
            orgLocale === "en"
              ? `${last} ${word}`
              : brands
                ? `${word} ${rng.pick(brands)}`
                : `${word} ${last}`;
          const [suffix, p] = legalSuffix[orgLocale];
          if (rng.chance(p)) name += suffix;
          const division = divisionInfo.get(trade.division)!;
          const year = Math.min(
            new Date(createdAt).getUTCFullYear(),
            today.getUTCFullYear() - Math.floor(Math.abs(rng.next() + rng.next() - 1) * 40),
          );
          organisations.push(
            orgId,
            "enterprise",
            name,
            code,
            region,
            rng.chance(0.6) ? websiteFor(name, last, region) : "",
            rng.chance(0.75)
              ? texts[orgLocale].enterpriseDescription({
                  label: division.label[orgLocale],
                  r: region,
                  year,
                })
              : "",
            division.code,
            division.section,
            pickSizeBand(rng),
            year,
            null,
            "{}",
            "{}",
            id,
            iso(joinedAt),
          );
          businessName = name;
        } else {
          const type = pickProviderType(rng);
          const word = providerWords[type][orgLocale];
          const brands = brandWords[orgLocale];
          name =
            type === "independent_trainer"
              ? `${displayName} ${word}`
              : orgLocale === "en"
                ? `${region} ${word}`
                : `${word} ${brands ? rng.pick(brands) : region}`;
          const providerTopics = [
            ...offered,
            ...rng.sample(focusTopics, rng.int(1, 4), new Set(offered)),
          ];
          while (providerTopics.length < 3) {
            providerTopics.push(...rng.sample(allTopicSlugs, 1, new Set(providerTopics)));
          }
          for (const slug of providerTopics) organisationTopics.push(orgId, slug);
          const lowest = rng.int(2, 5);
          const levels = Array.from({ length: rng.int(1, 3) }, (_, k) => lowest + k);
          organisations.push(
            orgId,
            "provider",
            name,
            code,
            region,
            rng.chance(0.8) ? websiteFor(name, last, region) : "",
            rng.chance(0.8)
              ? texts[orgLocale].providerDescription({
                  topics: listOf(
                    providerTopics.slice(0, 3).map((s) => inSentence(s, orgLocale)),
                    orgLocale,
                  ),
                })
              : "",
            null,
            null,
            null,
            null,
            type,
            `{${rng.pick(deliveryModeSets).join(",")}}`,
            `{${levels.join(",")}}`,
            id,
            iso(joinedAt),
          );
        }
        organisationMembers.push(orgId, id, "admin", "active", iso(joinedAt));
        remember(recentKey, { id: orgId, createdAt: joinedAt, name });
      } else if (action < createP + joinP) {
        const candidates = recent.get(recentKey);
        if (candidates?.length) {
          const org = rng.pick(candidates);
          const memberSince = Math.max(joinedAt, org.createdAt + 60_000);
          organisationMembers.push(
            org.id,
            id,
            rng.chance(0.1) ? "admin" : "member",
            rng.chance(0.05) ? "pending" : "active",
            iso(memberSince),
          );
          if (kind === "enterprise") businessName = org.name;
        }
      }

      const headline = rng.chance(0.9)
        ? role === "owner"
          ? rng.pick(text.ownerHeadline)({ b: businessName, r: region, g: gender })
          : rng.pick(text.educatorHeadline)({
              t1: topicLabels.get(offered[0])?.[locale] ?? offered[0],
              t2: inSentence(offered[1] ?? wanted[0], locale),
              r: region,
              g: gender,
            })
        : "";
      const bio = rng.chance(0.7)
        ? role === "owner"
          ? text.ownerBio({
              b: businessName,
              r: region,
              wanted: listOf(
                wanted.slice(0, 2).map((s) => inSentence(s, locale)),
                locale,
              ),
              offered: inSentence(offered[0], locale),
            })
          : text.educatorBio({
              offered: listOf(
                offered.map((s) => inSentence(s, locale)),
                locale,
              ),
              wanted: inSentence(wanted[0], locale),
            })
        : "";
      const updatedAt = rng.chance(0.3) ? onboardedAt + rng.int(0, now - onboardedAt) : onboardedAt;
      users.push(
        id,
        email,
        iso(verifiedAt),
        passwordHash,
        role,
        role === "educator" && rng.chance(0.02),
        locale,
        displayName,
        headline,
        bio,
        code,
        zone,
        region,
        JSON.stringify(pickVisibility(rng)),
        iso(onboardedAt),
        iso(createdAt),
        iso(Math.max(updatedAt, onboardedAt)),
      );
    }

    if (users.rows >= USERS_PER_BATCH || i === members - 1) {
      await flush();
      const done = i + 1;
      if (done % 20000 < USERS_PER_BATCH || done === members) {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        progress(
          `  ${done.toLocaleString("en")} / ${members.toLocaleString("en")} people (${seconds} s)`,
        );
      }
    }
  }
  await inFlight;
  return {
    users: users.total,
    userLanguages: userLanguages.total,
    userSkills: userSkills.total,
    organisations: organisations.total,
    organisationTopics: organisationTopics.total,
    organisationMembers: organisationMembers.total,
  };
}

// ───────────────────────────── micro social networks: the seed ─────────────────────────────

const DAY_MS = 86400_000;
const NETWORK_SPAN_MS = 2 * 365 * DAY_MS;
const POSTS_PER_BATCH = 5000;

/** The default size of the network part for a people seed: 5,000 networks and 1,000,000 posts at 100,000 members. */
export function defaultNetworkCounts(members: number): { networks: number; posts: number } {
  const networks = Math.round(members / 20);
  return { networks, posts: networks * 200 };
}

export type NetworkCounts = {
  networks: number;
  networkMembers: number;
  posts: number;
  comments: number;
  postReactions: number;
  forumTopics: number;
  forumReplies: number;
  networkResources: number;
};

/** An onboarded, verified person who may join networks. */
type Person = {
  id: string;
  country: string;
  role: "owner" | "educator";
  isFacilitator: boolean;
  locale: Locale;
  onboardedAt: number;
  isPlain: boolean;
};

type SeedNetwork = {
  id: string;
  name: string;
  kind: "local" | "online" | "cross_border";
  visibility: "open" | "request" | "invite" | "secret";
  countries: string[];
  languages: Locale[];
  topics: string[];
  place: string;
  memberCap: number;
  createdAt: number;
  /** People (indexes into the person list), facilitators first. */
  members: number[];
  joinedAt: number[];
  facilitators: number;
  lastActivityAt: number;
};

/** Exponentially distributed, with the given mean. */
const exponential = (rng: Random, mean: number) => -Math.log(1 - rng.next()) * mean;
/** Standard normal (Box–Muller). */
const gaussian = (rng: Random) =>
  Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());

function shuffle<T>(rng: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

const pickCommentCount = weighted([
  [1, 28],
  [2, 24],
  [3, 18],
  [4, 12],
  [5, 8],
  [6, 5],
  [8, 5],
] as const);
const pickReactionCount = weighted([
  [0, 28],
  [1, 22],
  [2, 18],
  [3, 12],
  [4, 8],
  [5, 5],
  [7, 4],
  [10, 3],
] as const);
const pickTopicCount = weighted([
  [0, 25],
  [1, 30],
  [2, 25],
  [3, 12],
  [5, 8],
] as const);
const pickReplyCount = weighted([
  [0, 20],
  [1, 25],
  [2, 20],
  [3, 15],
  [5, 12],
  [8, 8],
] as const);
const pickResourceCount = weighted([
  [0, 25],
  [1, 25],
  [2, 25],
  [3, 15],
  [5, 10],
] as const);

/** Rendering is the costly part of a post; comment and reply texts repeat, so they are rendered once. */
const renderedOnce = new Map<string, string>();
function renderCached(body: string): string {
  let html = renderedOnce.get(body);
  if (html === undefined) {
    html = renderMarkdown(body);
    if (renderedOnce.size < 50_000) renderedOnce.set(body, html);
  }
  return html;
}

function fillFor(rng: Random, network: SeedNetwork, locale: Locale): Fill {
  const text = networkTexts[locale];
  const topic = rng.pick(network.topics);
  const other =
    network.topics.length > 1 ? rng.pick(network.topics.filter((t) => t !== topic)) : topic;
  const home = countries[network.countries[0]] ?? countries.IE;
  return {
    t: inSentence(topic, locale),
    t2: inSentence(other, locale),
    T: topicLabels.get(topic)?.[locale] ?? topic,
    pl: network.place || rng.pick(home.regions),
    wd: rng.pick(text.weekdays),
    h: rng.pick([9, 10, 11, 14, 17, 18, 19]),
    n: rng.int(3, 14),
    url: `https://${rng.pick(linkHosts)}/${topic}${rng.chance(0.5) ? `/${rng.int(2, 40)}` : ""}`,
    cs: network.countries.map((c) => countryNameIn(c, locale)).join("–"),
    name: network.name,
  };
}

/** A short post in the network's language, as someone would type it (Markdown subset, no mentions). */
function writePost(rng: Random, network: SeedNetwork, locale: Locale): string {
  const text = networkTexts[locale];
  const f = fillFor(rng, network, locale);
  const kind = pickPostKind(rng);
  let main: string;
  switch (kind) {
    case "question":
      main = rng.pick(text.question)(f);
      break;
    case "tip":
      main = rng.pick(text.tip)(f);
      break;
    case "event":
      main = rng.pick(text.event)(f);
      break;
    case "link":
      main = rng.pick(text.link)(f);
      break;
    case "update":
      main = rng.pick(text.update)(f);
      break;
    case "recap": {
      const items = rng.sample(text.recapItems, rng.int(3, text.recapItems.length));
      main = `${text.recapTitle(f)}\n\n${items.map((item) => `- ${item(f)}`).join("\n")}`;
      break;
    }
    default:
      return rng.pick(text.comments)(f);
  }
  const greeting = kind !== "recap" && rng.chance(0.35) ? `${rng.pick(text.greetings)}\n\n` : "";
  const closing = rng.chance(0.3)
    ? `${rng.chance(0.5) ? "\n\n" : " "}${rng.pick(text.closings)}`
    : "";
  return `${greeting}${main}${closing}`;
}

/** The language of one post: mostly the network's first, sometimes another it meets in. */
const postLocale = (rng: Random, network: SeedNetwork): Locale =>
  network.languages.length > 1 && rng.chance(0.25)
    ? rng.pick(network.languages.slice(1))
    : network.languages[0];

/**
 * Micro social networks on top of the people: `networks` networks (mostly 5–40 members, 1–2
 * facilitators each, a mix of owners and educators from the network's countries or languages),
 * about `posts` posts spread over two years with comments and reactions, a few forum topics and
 * resources per network. Posts go in in time order, as a live installation would have written
 * them, so a network's posts are spread over the table rather than packed together.
 */
async function loadNetworks(
  client: pg.PoolClient,
  options: {
    networks: number;
    posts: number;
    progress: (message: string) => void;
    /** The seed's time anchor (shared with the people). */
    now: number;
  },
): Promise<NetworkCounts> {
  const { progress, now } = options;
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const rng = new Random(PRNG_SEED + 1);

  const { rows } = await client.query<{
    id: string;
    country: string;
    role: "owner" | "educator";
    is_facilitator: boolean;
    locale: Locale;
    onboarded: number;
    plain: boolean;
  }>(`select id, country, role, is_facilitator, locale,
        (extract(epoch from onboarded_at) * 1000)::float8 as onboarded,
        visibility = '{}'::jsonb as plain
      from users
      where onboarded_at is not null and email_verified_at is not null and country is not null
      order by id`);
  const people: Person[] = rows.map((r) => ({
    id: r.id,
    country: r.country,
    role: r.role,
    isFacilitator: r.is_facilitator,
    locale: r.locale,
    onboardedAt: Number(r.onboarded),
    isPlain: r.plain,
  }));
  if (!people.length) throw new Error("No onboarded people to put into networks.");

  // Pools to draw members from, in a fixed random order; the first fifth are the "joiners" who
  // end up in several networks, as in any community.
  const byCountry = new Map<string, number[]>();
  const byLocale = new Map<string, number[]>();
  people.forEach((p, i) => {
    const c = byCountry.get(p.country) ?? [];
    c.push(i);
    byCountry.set(p.country, c);
    const l = byLocale.get(p.locale) ?? [];
    l.push(i);
    byLocale.set(p.locale, l);
  });
  for (const pool of [...byCountry.values(), ...byLocale.values()]) shuffle(rng, pool);
  const everyone = shuffle(
    rng,
    people.map((_, i) => i),
  );

  // A few members belong to exactly ten networks (the home-feed benchmark signs in as one);
  // they are kept out of the ordinary draw so that the count stays exactly ten.
  const reserved = new Uint8Array(people.length);
  const tenNetworkPeople: number[] = [];
  const wantedTen = options.networks >= 20 ? Math.max(2, Math.round(options.networks / 50)) : 0;
  for (const i of everyone) {
    if (tenNetworkPeople.length >= wantedTen) break;
    if (people[i].isPlain) {
      reserved[i] = 1;
      tenNetworkPeople.push(i);
    }
  }

  const draw = (pool: number[]) =>
    pool[Math.floor(rng.next() * (rng.chance(0.5) ? Math.max(1, pool.length * 0.2) : pool.length))];
  const joinAfter = (at: number) => Math.min(at + exponential(rng, 20 * DAY_MS), now - 600_000);

  const networks: SeedNetwork[] = [];
  const names = new Set<string>();
  const pendingRequests: { network: number; person: number; at: number }[] = [];
  const networkRows = {
    purpose: [] as string[],
    description: [] as string[],
  };
  for (let i = 0; i < options.networks; i++) {
    const kind = pickNetworkKind(rng);
    const home = pickCountry(rng);
    const locale = countries[home].locale;
    const networkCountries = [home];
    if (kind === "cross_border") {
      const more = rng.int(1, 3);
      for (let tries = 0; networkCountries.length < more + 1 && tries < 20; tries++) {
        const c = pickCountry(rng);
        if (!networkCountries.includes(c)) networkCountries.push(c);
      }
    } else if (kind === "online" && rng.chance(0.3)) {
      const c = pickCountry(rng);
      if (!networkCountries.includes(c)) networkCountries.push(c);
    }
    let languages: Locale[];
    if (kind === "cross_border")
      languages = locale === "en" || rng.chance(0.5) ? ["en"] : ["en", locale];
    else if (locale !== "en" && rng.chance(kind === "online" ? 0.4 : 0.15))
      languages = [locale, "en"];
    else languages = [locale];
    const focus = topicsByGroup.get(pickWantedGroup(rng)) ?? allTopicSlugs;
    const networkTopics = rng.sample(focus, rng.int(1, 3));
    networkTopics.push(...rng.sample(allTopicSlugs, rng.int(1, 2), new Set(networkTopics)));
    const network: SeedNetwork = {
      id: rng.uuid(),
      name: "",
      kind,
      visibility: pickNetworkVisibility(rng),
      countries: networkCountries,
      languages,
      topics: networkTopics,
      place: kind === "local" ? rng.pick(countries[home].regions) : "",
      memberCap: pickMemberCap(rng),
      createdAt: now - 3 * DAY_MS - rng.next() * (NETWORK_SPAN_MS - 3 * DAY_MS),
      members: [],
      joinedAt: [],
      facilitators: rng.chance(0.6) ? 1 : 2,
      lastActivityAt: 0,
    };
    const text = networkTexts[languages[0]];
    const nameTemplates =
      kind === "local" ? text.localName : kind === "online" ? text.onlineName : text.crossName;
    let name = "";
    for (let tries = 0; tries < 4 && (!name || names.has(name)); tries++) {
      const f = fillFor(rng, network, languages[0]);
      // English names are written in title case ("Digital Marketing Club Cork").
      if (languages[0] === "en") f.T = titleCase(f.T);
      name = rng.pick(nameTemplates)(f);
    }
    for (let k = 2; names.has(name); k++) {
      if (!names.has(`${name} ${k}`)) name = `${name} ${k}`;
    }
    names.add(name);
    network.name = name;
    const f = fillFor(rng, network, languages[0]);
    networkRows.purpose.push(rng.pick(text.purpose)(f));
    networkRows.description.push(rng.chance(0.6) ? rng.pick(text.description)(f) : "");

    // Members: people from the network's countries (local, cross-border) or languages (online).
    const poolFor = (): number[] => {
      if (kind === "online") {
        if (languages.includes("en") && rng.chance(0.3)) return everyone;
        return byLocale.get(rng.pick(languages)) ?? everyone;
      }
      return byCountry.get(rng.pick(networkCountries)) ?? everyone;
    };
    const size = Math.min(network.memberCap - 2, 5 + Math.floor(35 * rng.next() ** 1.6));
    const taken = new Set<number>();
    const add = (person: number) => {
      taken.add(person);
      network.members.push(person);
    };
    for (let k = 0; k < network.facilitators; k++) {
      let best = -1;
      for (let tries = 0; tries < 30; tries++) {
        const p = draw(poolFor());
        if (reserved[p] || taken.has(p)) continue;
        if (best < 0) best = p;
        if (people[p].isFacilitator || people[p].role === "educator") {
          best = p;
          break;
        }
      }
      if (best >= 0) add(best);
    }
    network.facilitators = network.members.length;
    for (let tries = 0; network.members.length < size && tries < size * 10; tries++) {
      const p = draw(poolFor());
      if (!reserved[p] && !taken.has(p)) add(p);
    }
    if (!network.members.length)
      throw new Error("Too few people for the networks: seed more members.");
    // The creator was on the platform before starting the network; the others join later.
    const creator = people[network.members[0]];
    network.createdAt = Math.min(
      Math.max(network.createdAt, creator.onboardedAt + 3600_000),
      now - 2 * 3600_000,
    );
    network.joinedAt = network.members.map((p, k) =>
      k === 0
        ? network.createdAt
        : k < network.facilitators
          ? network.createdAt + rng.int(60_000, DAY_MS)
          : joinAfter(Math.max(network.createdAt, people[p].onboardedAt)),
    );
    if (network.visibility === "request") {
      for (let k = rng.int(0, 3); k > 0; k--) {
        const p = draw(poolFor());
        if (reserved[p] || taken.has(p)) continue;
        taken.add(p);
        pendingRequests.push({ network: i, person: p, at: now - exponential(rng, 5 * DAY_MS) });
      }
    }
    networks.push(network);
  }

  // The ten-network members join networks of their country or language that have room.
  if (tenNetworkPeople.length) {
    const byCountryNetworks = new Map<string, number[]>();
    const byLanguageNetworks = new Map<string, number[]>();
    networks.forEach((n, i) => {
      for (const c of n.countries)
        byCountryNetworks.set(c, [...(byCountryNetworks.get(c) ?? []), i]);
      for (const l of n.languages)
        byLanguageNetworks.set(l, [...(byLanguageNetworks.get(l) ?? []), i]);
    });
    const hasRoom = (i: number) => networks[i].members.length < networks[i].memberCap;
    for (const p of tenNetworkPeople) {
      const person = people[p];
      const near = [
        ...new Set([
          ...(byCountryNetworks.get(person.country) ?? []),
          ...(byLanguageNetworks.get(person.locale) ?? []),
        ]),
      ].filter(hasRoom);
      const chosen = rng.sample(near, 10);
      if (chosen.length < 10) {
        const rest = networks.map((_, i) => i).filter((i) => hasRoom(i) && !chosen.includes(i));
        chosen.push(...rng.sample(rest, 10 - chosen.length));
      }
      for (const i of chosen) {
        const n = networks[i];
        n.members.push(p);
        n.joinedAt.push(joinAfter(Math.max(n.createdAt, person.onboardedAt)));
      }
    }
  }

  // How many posts each network gets: bigger and livelier networks write more (log-normal
  // activity), younger ones have had less time. At least the welcome post each.
  const weights = networks.map(
    (n) =>
      n.members.length *
      Math.exp(0.9 * gaussian(rng)) *
      Math.sqrt((now - n.createdAt) / NETWORK_SPAN_MS),
  );
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const postCounts = weights.map((w) =>
    options.posts >= networks.length
      ? Math.max(1, Math.floor((options.posts * w) / totalWeight))
      : 0,
  );
  for (
    let missing = options.posts - postCounts.reduce((a, b) => a + b, 0);
    missing > 0;
    missing--
  ) {
    postCounts[rng.int(0, postCounts.length - 1)] += 1;
  }
  const totalPosts = postCounts.reduce((a, b) => a + b, 0);

  // Post skeletons (network, author, time, pinned) first, so they can go in in time order.
  const postNetwork = new Int32Array(totalPosts);
  const postAuthor = new Int32Array(totalPosts);
  const postTime = new Float64Array(totalPosts);
  const postFlags = new Uint8Array(totalPosts); // 1 welcome, 2 pinned
  let cursor = 0;
  networks.forEach((n, i) => {
    const cumulative: number[] = [];
    let sum = 0;
    for (let k = 0; k < n.members.length; k++) {
      const r = rng.next();
      sum += k < n.facilitators ? 4 : r < 0.25 ? 3 : r < 0.7 ? 1 : 0.25;
      cumulative.push(sum);
    }
    const first = cursor;
    for (let j = 0; j < postCounts[i]; j++, cursor++) {
      postNetwork[cursor] = i;
      if (j === 0) {
        postAuthor[cursor] = 0;
        postTime[cursor] = n.createdAt + rng.int(300_000, 2 * 3600_000);
        postFlags[cursor] = rng.chance(0.35) ? 3 : 1;
      } else {
        const x = rng.next() * sum;
        let k = 0;
        while (cumulative[k] <= x) k++;
        postAuthor[cursor] = k;
        const from = Math.max(n.createdAt, n.joinedAt[k]) + 600_000;
        postTime[cursor] = Math.min(from + (now - from) * rng.next() ** 0.8, now - 60_000);
      }
      n.lastActivityAt = Math.max(n.lastActivityAt, postTime[cursor]);
    }
    // Some facilitators also pin a later post (an event, the rules, a recap).
    if (postCounts[i] > 10 && rng.chance(0.12)) postFlags[rng.int(first + 1, cursor - 1)] |= 2;
    if (!n.lastActivityAt) n.lastActivityAt = n.createdAt;
  });

  progress(`  ${networks.length.toLocaleString("en")} networks planned (${elapsed()})`);
  const networkTable = new BulkTable("networks", [
    { name: "id", type: "uuid" },
    { name: "name", type: "text" },
    { name: "purpose", type: "text" },
    { name: "description", type: "text" },
    { name: "kind", type: "text" },
    { name: "place", type: "text" },
    { name: "countries", type: "text", cast: "text[]" },
    { name: "languages", type: "text", cast: "text[]" },
    { name: "topics", type: "text", cast: "text[]" },
    { name: "visibility", type: "text" },
    { name: "member_cap", type: "int" },
    { name: "member_count", type: "int" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
    { name: "last_activity_at", type: "timestamptz" },
  ]);
  const memberTable = new BulkTable("network_members", [
    { name: "network_id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "role", type: "text" },
    { name: "status", type: "text" },
    { name: "created_at", type: "timestamptz" },
    { name: "last_read_at", type: "timestamptz" },
  ]);
  const iso = (ms: number) => new Date(Math.min(ms, now)).toISOString();
  const arrayLiteral = (values: string[]) => `{${values.join(",")}}`;
  networks.forEach((n, i) => {
    networkTable.push(
      n.id,
      n.name,
      networkRows.purpose[i],
      networkRows.description[i],
      n.kind,
      n.place,
      arrayLiteral(n.countries),
      arrayLiteral(n.languages),
      arrayLiteral(n.topics),
      n.visibility,
      n.memberCap,
      n.members.length,
      people[n.members[0]].id,
      iso(n.createdAt),
      iso(n.lastActivityAt),
    );
    n.members.forEach((p, k) => {
      // Most members look in every few days; some have not been back for a long while.
      const away = exponential(rng, (rng.chance(0.2) ? 40 : 3) * DAY_MS);
      memberTable.push(
        n.id,
        people[p].id,
        k < n.facilitators ? "facilitator" : "member",
        "active",
        iso(n.joinedAt[k]),
        iso(Math.max(n.joinedAt[k], now - away)),
      );
    });
  });
  for (const r of pendingRequests) {
    const at = iso(Math.max(r.at, networks[r.network].createdAt));
    memberTable.push(networks[r.network].id, people[r.person].id, "member", "pending", at, at);
  }
  for (const table of [networkTable, memberTable]) {
    for (let batch = table.take(); batch; batch = table.take()) {
      await client.query(batch.statement, batch.values);
    }
  }
  progress(
    `  ${networkTable.total.toLocaleString("en")} networks, ${memberTable.total.toLocaleString("en")} memberships (${elapsed()})`,
  );

  // Posts in time order, each with its comments and reactions.
  const order = new Uint32Array(totalPosts);
  for (let k = 0; k < totalPosts; k++) order[k] = k;
  order.sort((a, b) => postTime[a] - postTime[b] || a - b);

  const postTable = new BulkTable("posts", [
    { name: "id", type: "uuid" },
    { name: "network_id", type: "uuid" },
    { name: "author_id", type: "uuid" },
    { name: "body", type: "text" },
    { name: "body_html", type: "text" },
    { name: "created_at", type: "timestamptz" },
    { name: "edited_at", type: "timestamptz" },
    { name: "pinned_at", type: "timestamptz" },
    { name: "deleted_at", type: "timestamptz" },
    { name: "deleted_by", type: "uuid" },
  ]);
  const commentTable = new BulkTable("comments", [
    { name: "id", type: "uuid" },
    { name: "post_id", type: "uuid" },
    { name: "parent_id", type: "uuid" },
    { name: "author_id", type: "uuid" },
    { name: "body", type: "text" },
    { name: "body_html", type: "text" },
    { name: "created_at", type: "timestamptz" },
    { name: "deleted_at", type: "timestamptz" },
  ]);
  const reactionTable = new BulkTable("post_reactions", [
    { name: "post_id", type: "uuid" },
    { name: "user_id", type: "uuid" },
    { name: "kind", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ]);
  const tables = [postTable, commentTable, reactionTable];
  let inFlight: Promise<void> = Promise.resolve();
  const flush = async () => {
    const batches = tables.map((t) => t.take());
    // Generating the next batch overlaps with PostgreSQL writing this one.
    await inFlight;
    inFlight = (async () => {
      for (const batch of batches) {
        if (batch) await client.query(batch.statement, batch.values);
      }
    })();
    inFlight.catch(() => {});
  };

  /** A member who had joined by `at` (the author when nobody else had). */
  const memberAt = (n: SeedNetwork, at: number, fallback: number) => {
    for (let tries = 0; tries < 6; tries++) {
      const k = rng.int(0, n.members.length - 1);
      if (n.joinedAt[k] <= at) return k;
    }
    return fallback;
  };

  for (let done = 0; done < totalPosts; done++) {
    const k = order[done];
    const n = networks[postNetwork[k]];
    const authorIndex = postAuthor[k];
    const author = people[n.members[authorIndex]].id;
    const at = postTime[k];
    const locale = postLocale(rng, n);
    const postId = rng.uuid();
    const body =
      postFlags[k] & 1
        ? networkTexts[n.languages[0]].welcome(fillFor(rng, n, n.languages[0]))
        : writePost(rng, n, locale);
    const isPinned = (postFlags[k] & 2) !== 0;
    const isDeleted = !isPinned && !(postFlags[k] & 1) && rng.chance(0.003);
    postTable.push(
      postId,
      n.id,
      author,
      body,
      renderMarkdown(body),
      iso(at),
      rng.chance(0.04) ? iso(at + rng.int(60_000, 3 * 3600_000)) : null,
      isPinned ? iso(at + rng.int(60_000, DAY_MS)) : null,
      isDeleted ? iso(at + rng.int(600_000, 2 * DAY_MS)) : null,
      isDeleted ? author : null,
    );

    if (rng.chance(0.52)) {
      const text = networkTexts[locale];
      const topLevel: { id: string; at: number }[] = [];
      let last = at;
      for (let c = pickCommentCount(rng); c > 0; c--) {
        last = Math.min(last + 120_000 + exponential(rng, 6 * 3600_000), now - 30_000);
        const id = rng.uuid();
        const isReply = topLevel.length > 0 && rng.chance(0.25);
        const commentBody = isReply
          ? rng.pick(text.replies)
          : rng.pick(text.comments)(fillFor(rng, n, locale));
        commentTable.push(
          id,
          postId,
          isReply ? rng.pick(topLevel).id : null,
          people[n.members[memberAt(n, last, authorIndex)]].id,
          commentBody,
          renderCached(commentBody),
          iso(last),
          rng.chance(0.005) ? iso(last + rng.int(60_000, DAY_MS)) : null,
        );
        if (!isReply) topLevel.push({ id, at: last });
      }
    }

    const reactions = Math.min(pickReactionCount(rng), n.members.length - 1);
    if (reactions > 0) {
      const reactors = new Set<number>();
      for (let tries = 0; reactors.size < reactions && tries < reactions * 3; tries++) {
        const r = memberAt(n, at, authorIndex);
        if (r !== authorIndex) reactors.add(r);
      }
      for (const r of reactors) {
        reactionTable.push(
          postId,
          people[n.members[r]].id,
          pickReactionKind(rng),
          iso(Math.min(at + 60_000 + exponential(rng, 10 * 3600_000), now - 10_000)),
        );
      }
    }

    if (postTable.rows >= POSTS_PER_BATCH || done === totalPosts - 1) {
      await flush();
      if ((done + 1) % 100_000 < POSTS_PER_BATCH || done === totalPosts - 1) {
        progress(
          `  ${(done + 1).toLocaleString("en")} / ${totalPosts.toLocaleString("en")} posts (${elapsed()})`,
        );
      }
    }
  }
  await inFlight;

  // A few forum topics with replies, and a few shared links, per network.
  const topicTable = new BulkTable("forum_topics", [
    { name: "id", type: "uuid" },
    { name: "network_id", type: "uuid" },
    { name: "author_id", type: "uuid" },
    { name: "title", type: "text" },
    { name: "body", type: "text" },
    { name: "body_html", type: "text" },
    { name: "reply_count", type: "int" },
    { name: "answer_reply_id", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
    { name: "last_activity_at", type: "timestamptz" },
  ]);
  const replyTable = new BulkTable("forum_replies", [
    { name: "id", type: "uuid" },
    { name: "topic_id", type: "uuid" },
    { name: "author_id", type: "uuid" },
    { name: "body", type: "text" },
    { name: "body_html", type: "text" },
    { name: "created_at", type: "timestamptz" },
  ]);
  const resourceTable = new BulkTable("network_resources", [
    { name: "id", type: "uuid" },
    { name: "network_id", type: "uuid" },
    { name: "added_by", type: "uuid" },
    { name: "kind", type: "text" },
    { name: "title", type: "text" },
    { name: "description", type: "text" },
    { name: "url", type: "text" },
    { name: "language", type: "text" },
    { name: "topics", type: "text", cast: "text[]" },
    { name: "created_at", type: "timestamptz" },
  ]);
  const answers: [topicId: string, replyId: string][] = [];
  for (const n of networks) {
    const span = now - n.createdAt;
    for (let t = pickTopicCount(rng); t > 0; t--) {
      const locale = postLocale(rng, n);
      const text = networkTexts[locale];
      const f = fillFor(rng, n, locale);
      const createdAt = n.createdAt + rng.next() * span * 0.95;
      const authorIndex = memberAt(n, createdAt, 0);
      const topicId = rng.uuid();
      const replies: string[] = [];
      let last = createdAt;
      for (let r = pickReplyCount(rng); r > 0; r--) {
        last = Math.min(last + 300_000 + exponential(rng, DAY_MS), now - 60_000);
        const id = rng.uuid();
        const body = rng.chance(0.3)
          ? rng.pick(text.replies)
          : rng.pick(text.comments)(fillFor(rng, n, locale));
        replyTable.push(
          id,
          topicId,
          people[n.members[memberAt(n, last, authorIndex)]].id,
          body,
          renderCached(body),
          iso(last),
        );
        replies.push(id);
      }
      // Drawn in the same order as before, so a seed still makes the same data.
      const body = rng.pick(text.question)(f);
      const title = rng.pick(text.topicTitles)(f);
      const answer = replies.length && rng.chance(0.3) ? rng.pick(replies) : null;
      if (answer) answers.push([topicId, answer]);
      topicTable.push(
        topicId,
        n.id,
        people[n.members[authorIndex]].id,
        title,
        body,
        renderMarkdown(body),
        replies.length,
        // Set once the replies exist: the answer is a foreign key to forum_replies.
        null,
        iso(createdAt),
        iso(last),
      );
    }
    for (let r = pickResourceCount(rng); r > 0; r--) {
      const locale = postLocale(rng, n);
      const text = networkTexts[locale];
      const f = fillFor(rng, n, locale);
      const createdAt = n.createdAt + rng.next() * span * 0.95;
      resourceTable.push(
        rng.uuid(),
        n.id,
        people[n.members[memberAt(n, createdAt, 0)]].id,
        "link",
        rng.pick(text.resourceTitles)(f),
        rng.pick(text.resourceDescriptions)(f),
        f.url,
        locale,
        arrayLiteral(rng.sample(n.topics, rng.int(1, 2))),
        iso(createdAt),
      );
    }
  }
  for (const table of [topicTable, replyTable, resourceTable]) {
    for (let batch = table.take(); batch; batch = table.take()) {
      await client.query(batch.statement, batch.values);
    }
  }
  for (let start = 0; start < answers.length; start += 5000) {
    const slice = answers.slice(start, start + 5000);
    await client.query(
      `update forum_topics t set answer_reply_id = v.answer
       from (select unnest($1::uuid[]) as id, unnest($2::uuid[]) as answer) v where t.id = v.id`,
      [slice.map(([topicId]) => topicId), slice.map(([, replyId]) => replyId)],
    );
  }
  progress(
    `  ${topicTable.total.toLocaleString("en")} forum topics, ${replyTable.total.toLocaleString("en")} replies, ${resourceTable.total.toLocaleString("en")} resources (${elapsed()})`,
  );
  return {
    networks: networkTable.total,
    networkMembers: memberTable.total,
    posts: postTable.total,
    comments: commentTable.total,
    postReactions: reactionTable.total,
    forumTopics: topicTable.total,
    forumReplies: replyTable.total,
    networkResources: resourceTable.total,
  };
}
