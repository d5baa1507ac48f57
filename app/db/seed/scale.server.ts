/**
 * The scale seed: a large, realistic installation on a PostgreSQL server for the benchmarks
 * (`npm run seed:scale`). Everything is drawn from a seeded PRNG, so two runs on the same day
 * produce the same people, ids and organisations; only the time anchor (today, UTC) moves.
 *
 * Rows go in as `insert … select from unnest(array, array, …)` statements of thousands of rows:
 * one round trip and one parse per table per batch, without adding a COPY client package.
 */
import type pg from "pg";
import type { Database } from "~/db/client.server";
import type { FieldVisibility } from "~/db/schema";
import { hashPassword } from "~/features/accounts/password.server";
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
  userLanguages: number;
  userSkills: number;
  organisations: number;
  organisationTopics: number;
  organisationMembers: number;
};

type RecentOrg = { id: string; createdAt: number; name: string };

/**
 * Fills a PostgreSQL server with `members` people, about a third as many organisations and
 * their memberships, in one transaction (a failed run leaves nothing behind), then vacuums and
 * analyzes the tables so the planner and index-only scans see a settled installation.
 * Refuses a database that already has people unless `reset` is set (then everything in
 * users/organisations and what depends on them is truncated first).
 */
export async function seedScale(options: {
  database: Database;
  members: number;
  reset: boolean;
  onProgress?: (message: string) => void;
}): Promise<ScaleCounts> {
  const { database, members, reset } = options;
  const progress = options.onProgress ?? (() => {});
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const passwordHash = await hashPassword(SCALE_PASSWORD);
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    if (reset) {
      progress("Truncating people, organisations and everything that depends on them…");
      await client.query(
        "truncate table users, organisations, sessions, auth_tokens, rate_limits cascade",
      );
    } else {
      const existing = await client.query<{ n: string }>("select count(*) as n from users");
      if (Number(existing.rows[0].n) > 0) {
        throw new Error(
          `The database already has ${existing.rows[0].n} people. Run again with --reset to replace them.`,
        );
      }
    }
    const counts = await load(client, { members, passwordHash, progress });
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query(
      "vacuum (analyze) users, user_languages, user_skills, organisations, organisation_topics, organisation_members",
    );
    return counts;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function load(
  client: pg.PoolClient,
  options: { members: number; passwordHash: string; progress: (message: string) => void },
): Promise<ScaleCounts> {
  const { members, passwordHash, progress } = options;
  const rng = new Random(PRNG_SEED);
  // Content and ids are reproducible; absolute times follow the moment of seeding, so that
  // "newest members" stays recent whenever the benchmark runs.
  const now = Date.now();
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
