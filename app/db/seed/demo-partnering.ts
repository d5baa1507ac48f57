/**
 * The demo's partnering (issue 12): opportunities from demo organisations in all seven partner
 * countries, each in its organisation's language, written here; the expressions of interest
 * and introductions between them; the story of the one partnership that is active.
 * `author` and the interested side are the organisation's admin in the demo data.
 */
import type {
  interestStatuses,
  introductionStages,
  opportunityAreas,
  opportunityKinds,
  partnershipTypes,
} from "../enums";

export type DemoOpportunity = {
  key: string;
  organisation: string;
  kind: (typeof opportunityKinds)[number];
  area: (typeof opportunityAreas)[number];
  partnerships: (typeof partnershipTypes)[number][];
  language: string;
  title: string;
  summary: string;
  description: string;
  naceDivision: string;
  targetCountries: string[];
  languages: string[];
  brings: string;
  seeks: string;
  /** Days from now to the deadline; null: none. */
  deadlineInDays: number | null;
  /** "expired": published, then past its date (only its authors and facilitators see it). */
  state: "published" | "submitted" | "draft" | "expired";
  publishedDaysAgo: number;
  translations?: { language: string; title: string; summary: string; description?: string }[];
};

export const demoOpportunities: DemoOpportunity[] = [
  {
    key: "cork-cheese-finland",
    organisation: "ie-rebel-crumb",
    kind: "request",
    area: "business",
    partnerships: ["distribution"],
    language: "en",
    title: "Looking for a distributor in Finland for Irish farmhouse cheese and baking mixes",
    summary:
      "A four-person Cork bakery with a small range of West Cork farmhouse cheeses and soda-bread mixes seeks a food distributor serving cafés and delis in Finland.",
    description:
      "We bake for our own shop and three cafés in Cork, and for two years we have packed soda-bread mixes and hampers with cheese from two farms near Skibbereen. Visitors from Finland keep asking where they can buy them at home. We can ship chilled pallets monthly and label in Finnish and Swedish, but we do not know the Finnish market, its importers or its paperwork. We are looking for a distributor who already sells speciality food to cafés and delicatessens, ideally around Tampere or Helsinki, and who would start with a trial pallet.",
    naceDivision: "10",
    targetCountries: ["FI"],
    languages: ["en"],
    brings:
      "Award-winning farmhouse cheese (two farms, raw and pasteurised milk), soda-bread mixes with a nine-month shelf life, labels in Finnish and Swedish, a monthly chilled pallet.",
    seeks:
      "A distributor selling speciality food to cafés and delis in Finland, who knows the import rules and would begin with one trial pallet.",
    deadlineInDays: 60,
    state: "published",
    publishedDaysAgo: 9,
    translations: [
      {
        language: "fi",
        title:
          "Etsimme jakelijaa Suomeen irlantilaisille maatilajuustoille ja leivontasekoituksille",
        summary:
          "Neljän hengen leipomo Corkista etsii elintarviketukkua, joka myy kahviloihin ja herkkukauppoihin Suomessa: Länsi-Corkin maatilajuustoja ja soodaleipäsekoituksia.",
      },
    ],
  },
  {
    key: "tampere-distribution",
    organisation: "fi-pirkan-herkkutukku",
    kind: "offer",
    area: "business",
    partnerships: ["distribution", "knowledge_exchange"],
    language: "fi",
    title: "Jakelukumppani Suomeen: erikoiselintarvikkeet kahviloihin ja herkkukauppoihin",
    summary:
      "Tamperelainen tukku tarjoaa pienille eurooppalaisille elintarviketuottajille jakelua Pirkanmaan ja Helsingin kahviloihin ja herkkukauppoihin.",
    description:
      "Jaamme viikoittain noin 60 kahvilaan ja herkkukauppaan. Valikoimassa on jo italialaisia säilykkeitä ja virolaisia leivonnaisia, ja haemme lisää tuottajia, joiden tuotteet kestävät kuljetuksen ja joilla on tarina. Hoidamme maahantuonnin, suomenkieliset pakkausmerkinnät ja myynnin; tuottajalta odotamme tasaista laatua ja kylmäkuljetusta.",
    naceDivision: "46",
    targetCountries: [],
    languages: ["fi", "en", "sv"],
    brings:
      "Viikoittainen jakelu noin 60 kahvilaan ja herkkukauppaan, maahantuonti ja suomenkieliset merkinnät.",
    seeks: "Pieniä elintarviketuottajia Euroopasta, joiden tuotteilla on tarina.",
    deadlineInDays: null,
    state: "published",
    publishedDaysAgo: 30,
    translations: [
      {
        language: "en",
        title: "A distribution partner in Finland: speciality food for cafés and delis",
        summary:
          "A Tampere wholesaler offers small European food producers distribution to cafés and delicatessens around Tampere and Helsinki.",
      },
    ],
  },
  {
    key: "halloumi-distribution",
    organisation: "cy-kyriakou-dairy",
    kind: "request",
    area: "business",
    partnerships: ["distribution"],
    language: "el",
    title: "Ζητάμε διανομέα για χαλλούμι ΠΟΠ σε Γερμανία και Ιρλανδία",
    summary:
      "Οικογενειακό γαλακτοκομείο στη Λάρνακα με χαλλούμι ΠΟΠ από κατσικίσιο και πρόβειο γάλα αναζητά διανομέα για delicatessen και εστιατόρια.",
    description:
      "Παράγουμε χαλλούμι ΠΟΠ και αναρή σε μικρές ποσότητες από γάλα τριών γειτονικών φαρμών. Στέλνουμε ήδη σε δύο καταστήματα στην Αθήνα. Θέλουμε έναν διανομέα που δουλεύει με ψυγείο και γνωρίζει την αγορά delicatessen.",
    naceDivision: "10",
    targetCountries: ["DE", "IE"],
    languages: ["el", "en", "de"],
    brings: "Χαλλούμι ΠΟΠ, αναρή, πιστοποιήσεις και ετικέτες στα αγγλικά και τα γερμανικά.",
    seeks: "Διανομέα ψυχόμενων τροφίμων για delicatessen και εστιατόρια.",
    deadlineInDays: 45,
    state: "published",
    publishedDaysAgo: 20,
    translations: [
      {
        language: "en",
        title: "Distributor sought for PDO halloumi in Germany and Ireland",
        summary:
          "A family dairy in Larnaca making PDO halloumi from goat's and sheep's milk seeks a distributor for delis and restaurants.",
      },
    ],
  },
  {
    key: "olive-oil-supply",
    organisation: "gr-mavrakis-olive-oil",
    kind: "offer",
    area: "business",
    partnerships: ["supplier"],
    language: "el",
    title: "Εξαιρετικό παρθένο ελαιόλαδο Χανίων για καταστήματα χύμα και καφέ",
    summary:
      "Οικογενειακός ελαιώνας στα Χανιά προμηθεύει ελαιόλαδο σε δοχεία 5 και 20 λίτρων σε καταστήματα χύμα, καφέ και μικρά εστιατόρια.",
    description:
      "Κάθε χρόνο εμφιαλώνουμε περίπου 18 τόνους από δικούς μας και γειτονικούς ελαιώνες. Στέλνουμε κοινή παλέτα με άλλους μικρούς παραγωγούς για να μένει χαμηλό το κόστος μεταφοράς.",
    naceDivision: "10",
    targetCountries: ["DE", "FI", "IE"],
    languages: ["el", "en"],
    brings: "Ελαιόλαδο σε δοχεία 5 και 20 λίτρων, ανάλυση κάθε παρτίδας, κοινή παλέτα.",
    seeks: "Καταστήματα χύμα και καφέ που θέλουν σταθερό προμηθευτή.",
    deadlineInDays: null,
    state: "published",
    publishedDaysAgo: 120,
    translations: [
      {
        language: "de",
        title: "Natives Olivenöl extra aus Chania für Unverpackt-Läden und Cafés",
        summary:
          "Ein Familienbetrieb auf Kreta liefert Olivenöl in 5- und 20-Liter-Kanistern an Unverpackt-Läden, Cafés und kleine Restaurants.",
      },
      {
        language: "en",
        title: "Extra virgin olive oil from Chania for refill shops and cafés",
        summary:
          "A family grove in Chania supplies olive oil in 5- and 20-litre containers to refill shops, cafés and small restaurants.",
      },
    ],
  },
  {
    key: "brewery-exchange",
    organisation: "de-brauhaus-plagwitz",
    kind: "request",
    area: "technology",
    partnerships: ["knowledge_exchange", "learn_together"],
    language: "de",
    title: "Kleine Brauereien gesucht: Energie sparen beim Maischen und Kühlen",
    summary:
      "Eine Leipziger Kleinbrauerei möchte sich mit anderen kleinen Brauereien über Wärmerückgewinnung und Kühlung austauschen, gern mit gegenseitigen Besuchen.",
    description:
      "Wir brauen 400 Hektoliter im Jahr. Seit die Energiepreise gestiegen sind, messen wir jeden Sud. Wir zeigen gern unsere Zahlen und möchten sehen, wie andere das lösen.",
    naceDivision: "11",
    targetCountries: [],
    languages: ["de", "en"],
    brings: "Messwerte von zwei Jahren, Erfahrungen mit einem gebrauchten Wärmetauscher.",
    seeks: "Andere kleine Brauereien, die ihre Zahlen ebenso offen teilen.",
    deadlineInDays: null,
    state: "published",
    publishedDaysAgo: 40,
  },
  {
    key: "leather-resellers",
    organisation: "it-pelletteria-conti",
    kind: "request",
    area: "business",
    partnerships: ["distribution", "franchise"],
    language: "it",
    title: "Cerchiamo rivenditori per borse in cuoio fatte a mano in Germania e Finlandia",
    summary:
      "Una pelletteria fiorentina di tre persone cerca negozi indipendenti che vendano le sue borse e cinture, anche in conto vendita per la prima stagione.",
    description:
      "Lavoriamo pelle conciata al vegetale in Toscana e cuciamo a mano ogni pezzo. Offriamo un espositore e foto per il negozio online del rivenditore.",
    naceDivision: "15",
    targetCountries: ["DE", "FI"],
    languages: ["it", "en"],
    brings: "Borse e cinture cucite a mano, espositore, foto dei prodotti.",
    seeks: "Negozi indipendenti di moda o artigianato.",
    deadlineInDays: 90,
    state: "published",
    publishedDaysAgo: 15,
  },
  {
    key: "web-subcontracting",
    organisation: "ro-studio-copou",
    kind: "offer",
    area: "technology",
    partnerships: ["subcontracting", "public_tender"],
    language: "ro",
    title: "Oferim dezvoltare web ca subcontractant pentru agenții mici din UE",
    summary:
      "Un studio din Iași cu cinci programatori preia proiecte de site-uri și magazine online ca subcontractant și poate intra în consorții pentru licitații publice.",
    description:
      "Lucrăm de șase ani pentru agenții din Germania și Irlanda. Respectăm standardele de accesibilitate și predăm codul documentat.",
    naceDivision: "62",
    targetCountries: [],
    languages: ["ro", "en", "de"],
    brings: "Cinci programatori, experiență cu magazine online și accesibilitate.",
    seeks:
      "Agenții mici care au nevoie de capacitate suplimentară sau de parteneri pentru licitații.",
    deadlineInDays: null,
    state: "published",
    publishedDaysAgo: 60,
  },
  {
    key: "tender-digital-hotels",
    organisation: "cy-ledra-it",
    kind: "request",
    area: "service",
    partnerships: ["public_tender"],
    language: "en",
    title: "Partners for a joint tender: digital skills for small hotels in Cyprus and Greece",
    summary:
      "A Nicosia IT firm is forming a consortium for a public tender on digital skills training for small hotels and guesthouses; we need a web developer and a training provider.",
    description:
      "The call opens next quarter. We bring the hotel contacts and the IT support; we seek a partner who builds booking websites and one who can teach owners in Greek.",
    naceDivision: "62",
    targetCountries: ["CY", "GR", "RO"],
    languages: ["en", "el"],
    brings: "Contacts with 40 small hotels, IT support, experience of two funded projects.",
    seeks: "A web developer and a training provider teaching in Greek.",
    deadlineInDays: 25,
    state: "published",
    publishedDaysAgo: 12,
  },
  {
    key: "agriturismo-summer",
    organisation: "it-poggio-dei-lecci",
    kind: "offer",
    area: "service",
    partnerships: ["learn_together", "knowledge_exchange"],
    language: "it",
    title: "Impariamo gli uni dagli altri: turismo lento d'estate e d'inverno",
    summary:
      "Un agriturismo umbro vuole scambiare idee con piccole imprese turistiche del Nord Europa: noi siamo pieni d'estate, loro d'inverno.",
    description:
      "Ci piacerebbe confrontare prezzi, prenotazioni dirette e collaborazioni con i produttori locali, con una videochiamata al mese.",
    naceDivision: "55",
    targetCountries: ["FI", "DE", "IE"],
    languages: ["it", "en"],
    brings: "Quindici anni di ospitalità rurale e di vendita diretta.",
    seeks: "Piccole imprese turistiche con la stagione opposta alla nostra.",
    deadlineInDays: null,
    state: "published",
    publishedDaysAgo: 50,
    translations: [
      {
        language: "en",
        title: "Let us learn from each other: slow tourism in summer and in winter",
        summary:
          "An agriturismo in Umbria wants to swap ideas with small tourism firms in northern Europe: we are full in summer, they are full in winter.",
      },
    ],
  },
  {
    key: "honey-distribution",
    organisation: "gr-karagiannis-honey",
    kind: "request",
    area: "business",
    partnerships: ["distribution"],
    language: "el",
    title: "Διανομέας για θυμαρίσιο μέλι Χαλκιδικής στην Ιταλία",
    summary:
      "Μελισσοκόμος στη Χαλκιδική με 300 κυψέλες αναζητά διανομέα για μέλι και κηρήθρα σε καταστήματα βιολογικών προϊόντων.",
    description: "",
    naceDivision: "01",
    targetCountries: ["IT"],
    languages: ["el", "en"],
    brings: "Θυμαρίσιο και πευκόμελο, κηρήθρα, αναλύσεις.",
    seeks: "Διανομέα για καταστήματα βιολογικών προϊόντων.",
    deadlineInDays: 30,
    state: "published",
    publishedDaysAgo: 25,
  },
  {
    key: "oak-supplier",
    organisation: "de-schreinerei-huber",
    kind: "request",
    area: "business",
    partnerships: ["supplier"],
    language: "de",
    title: "Zulieferer für zertifiziertes Eichenholz gesucht",
    summary:
      "Eine Schreinerei in Rosenheim sucht einen Zulieferer für FSC-zertifiziertes Eichenholz in kleinen Mengen.",
    description: "",
    naceDivision: "31",
    targetCountries: ["DE", "RO"],
    languages: ["de"],
    brings: "Regelmäßige Abnahme von etwa zwei Kubikmetern im Monat.",
    seeks: "Ein Sägewerk oder einen Händler mit FSC-Zertifikat.",
    deadlineInDays: null,
    state: "submitted",
    publishedDaysAgo: 1,
  },
  {
    key: "cinnamon-supplier",
    organisation: "fi-kanelisydan",
    kind: "request",
    area: "business",
    partnerships: ["supplier"],
    language: "fi",
    title: "Etsimme luomuvoin ja erikoisjauhojen toimittajaa",
    summary:
      "Turkulainen leipomo-kahvila etsii luomuvoin ja kivijauhettujen jauhojen toimittajaa, joka toimittaa pieniä eriä kuukausittain.",
    description: "",
    naceDivision: "10",
    targetCountries: ["IE", "DE"],
    languages: ["fi", "en"],
    brings: "Säännöllinen kuukausitilaus.",
    seeks: "Toimittaja, joka toimittaa pieniä eriä.",
    deadlineInDays: null,
    state: "draft",
    publishedDaysAgo: 0,
  },
  {
    key: "cake-moulds",
    organisation: "ro-zahar-ars",
    kind: "request",
    area: "business",
    partnerships: ["supplier"],
    language: "ro",
    title: "Căutăm furnizor de forme de tort din silicon",
    summary: "O cofetărie din Cluj caută un furnizor de forme de silicon pentru torturi mici.",
    description: "",
    naceDivision: "10",
    targetCountries: [],
    languages: ["ro", "en"],
    brings: "Comenzi trimestriale.",
    seeks: "Un producător sau distribuitor de forme de silicon.",
    deadlineInDays: null,
    state: "expired",
    publishedDaysAgo: 200,
  },
];

export type DemoInterest = {
  opportunity: string;
  organisation: string;
  message: string;
  status: (typeof interestStatuses)[number];
  /** Stages reached, in order, each with what was recorded (accepted interests). */
  stages?: { stage: (typeof introductionStages)[number]; outcome: string; daysAgo: number }[];
  daysAgo: number;
};

export const demoInterests: DemoInterest[] = [
  {
    opportunity: "olive-oil-supply",
    organisation: "de-fuellhorn",
    message:
      "Wir füllen in unserem Unverpackt-Laden in Freiburg Öl aus Kanistern ab und suchen einen Hof, den wir unseren Kundinnen vorstellen können. Können wir mit zwei 20-Liter-Kanistern anfangen?",
    status: "accepted",
    stages: [
      { stage: "introduced", outcome: "", daysAgo: 100 },
      {
        stage: "met",
        outcome: "Video call with Dimitra: prices and the shared pallet.",
        daysAgo: 92,
      },
      {
        stage: "agreement",
        outcome: "Trial order: two 20-litre containers with the March pallet.",
        daysAgo: 80,
      },
      {
        stage: "active",
        outcome: "Standing order of six containers a month since the trial sold out.",
        daysAgo: 40,
      },
    ],
    daysAgo: 105,
  },
  {
    opportunity: "agriturismo-summer",
    organisation: "fi-kaamos-adventures",
    message:
      "We are the opposite of you: full from December to March, quiet in summer. I would love to compare how you sell directly and what you do with local producers.",
    status: "accepted",
    stages: [
      { stage: "introduced", outcome: "", daysAgo: 30 },
      { stage: "met", outcome: "First call: we swapped our direct-booking numbers.", daysAgo: 21 },
    ],
    daysAgo: 35,
  },
  {
    opportunity: "tender-digital-hotels",
    organisation: "ro-studio-copou",
    message:
      "We build booking websites for guesthouses and have worked on an accessibility project funded by the EU. We would like to join the consortium as the web partner.",
    status: "accepted",
    stages: [{ stage: "introduced", outcome: "", daysAgo: 6 }],
    daysAgo: 9,
  },
  {
    opportunity: "olive-oil-supply",
    organisation: "ie-claddagh-cup",
    message:
      "We use a lot of olive oil in our kitchen in Galway and would rather buy it from one grove. Could you send a sample?",
    status: "pending",
    daysAgo: 4,
  },
  {
    opportunity: "halloumi-distribution",
    organisation: "ro-zahar-ars",
    message: "Suntem o cofetărie și am dori să cumpărăm anari pentru prăjituri.",
    status: "declined",
    daysAgo: 15,
  },
  {
    opportunity: "leather-resellers",
    organisation: "fi-studio-lehtonen",
    message:
      "I run a design studio with a small shop corner in Helsinki. Your belts could fit our autumn collection.",
    status: "pending",
    daysAgo: 3,
  },
];

/** The story of the active partnership (written by the interested side, approved by the other). */
export const demoStory = {
  opportunity: "olive-oil-supply",
  organisation: "de-fuellhorn",
  language: "de",
  title: "Öl vom Hof: wie ein Laden in Freiburg und ein Olivenhain auf Kreta zusammenfanden",
  body: "Wir wollten unseren Kundinnen erzählen können, woher das Öl in unseren Kanistern kommt. Über Synergy fanden wir Dimitras Hof bei Chania. Nach einem Videoanruf und einer Probelieferung mit der gemeinsamen Palette kleiner Erzeuger bestellen wir jetzt jeden Monat sechs Kanister. Das Öl ist unser meistverkauftes Produkt, und im Mai besuchen wir die Ernte im Film, den Dimitra für unseren Laden gedreht hat.",
  daysAgo: 30,
};

/** The demo's partnering day: an online morning of 20-minute calls (times in Brussels). */
export const demoPartneringDay = {
  network: "Cash-Flow Clinic Online",
  facilitator: "declan-murphy",
  title: "Cross-border partnering morning",
  description:
    "Twenty-minute video calls with owners from other countries: say what you seek and what you offer, book the people you want to meet, and decide afterwards whom to follow up with.",
  meetingUrl: "https://meet.example.org/synergy-partnering",
  timeZone: "Europe/Brussels",
  inDays: 11,
  participants: [
    {
      person: "aoife-byrne",
      seeks: "A food distributor in Finland or Germany for farmhouse cheese and baking mixes.",
      offers: "Irish baking mixes and cheese hampers; a shared chilled pallet once a month.",
    },
    {
      person: "eveliina-koskinen",
      seeks: "Small food producers with a story for cafés and delis in Finland.",
      offers: "Weekly distribution to about 60 cafés and delis around Tampere and Helsinki.",
    },
    {
      person: "tiina-korhonen",
      seeks: "Ideas for summer products from tourism firms with the opposite season.",
      offers: "Winter tourism know-how; guests from all over Europe.",
    },
    {
      person: "federica-marchetti",
      seeks: "Suppliers of organic milk and nuts; ideas for winter months.",
      offers: "Gelato recipes without additives; a summer-heavy business to compare with.",
    },
    {
      person: "miriam-schaefer",
      seeks: "Producers who deliver in refillable containers.",
      offers: "A zero-waste shop in Freiburg that tells its producers' stories.",
    },
    {
      person: "dimitra-alexiou",
      seeks: "Refill shops and cafés for olive oil in 5- and 20-litre containers.",
      offers: "Olive oil from Chania; a shared pallet with other small producers.",
    },
    {
      person: "tobias-krueger",
      seeks: "Other small breweries to compare energy figures with.",
      offers: "Two years of measurements from every brew.",
    },
    {
      person: "marios-ioannou",
      seeks: "Partners for a joint tender on digital skills for small hotels.",
      offers: "IT support and contacts with 40 small hotels in Cyprus.",
    },
    {
      person: "sabine-huber",
      seeks: "Ways to bill small repair jobs faster.",
      offers: "Bookkeeping for a joinery; happy to share our templates.",
    },
    {
      person: "jussi-makela",
      seeks: "Seasonal staff ideas and online booking tools.",
      offers: "Bicycle repair know-how and a winter-tyre service.",
    },
  ],
  bookings: [
    { requester: "sabine-huber", invitee: "jussi-makela", slot: 0 },
    { requester: "tiina-korhonen", invitee: "federica-marchetti", slot: 1 },
    { requester: "miriam-schaefer", invitee: "dimitra-alexiou", slot: 2 },
    { requester: "tobias-krueger", invitee: "marios-ioannou", slot: 3 },
  ],
};
