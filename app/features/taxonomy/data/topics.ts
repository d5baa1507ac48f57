/**
 * Built-in training topics common to micro-enterprises (1–9 people).
 *
 * `escoUri` links a topic to a concept of ESCO — European Skills, Competences, Qualifications and
 * Occupations, © European Union, European Commission, https://esco.ec.europa.eu (reuse permitted
 * with acknowledgement, Commission Decision 2011/833/EU). Every URI is copied verbatim from the
 * official ESCO CSV download (skill groups, skills hierarchy and the transversal, ICT and language
 * skills collections); topics without a fitting ESCO concept carry no URI.
 * The comment after each URI gives the ESCO preferred label (English).
 */
import type { Topic } from "../types";

export const topics: Topic[] = [
  {
    slug: "digital-basics",
    group: "digital",
    label: {
      en: "Basic digital skills",
      de: "Digitale Grundkompetenzen",
      el: "Βασικές ψηφιακές δεξιότητες",
      fi: "Digitaidon perusteet",
      it: "Competenze digitali di base",
      ro: "Competențe digitale de bază",
    },
    // ESCO: digital competencies
    escoUri: "http://data.europa.eu/esco/skill/aeecc330-0be9-419f-bddb-5218de926004",
  },
  {
    slug: "website-building",
    group: "digital",
    label: {
      en: "Website building",
      de: "Website-Erstellung",
      el: "Δημιουργία ιστοσελίδας",
      fi: "Verkkosivujen rakentaminen",
      it: "Creazione di siti web",
      ro: "Crearea unui site web",
    },
  },
  {
    slug: "online-shop",
    group: "digital",
    label: {
      en: "Online shop & e-commerce",
      de: "Onlineshop & E-Commerce",
      el: "Ηλεκτρονικό κατάστημα & ηλεκτρονικό εμπόριο",
      fi: "Verkkokauppa ja sähköinen kaupankäynti",
      it: "Negozio online ed e-commerce",
      ro: "Magazin online și comerț electronic",
    },
  },
  {
    slug: "cloud-tools",
    group: "digital",
    label: {
      en: "Cloud tools & online collaboration",
      de: "Cloud-Tools & Online-Zusammenarbeit",
      el: "Εργαλεία cloud & διαδικτυακή συνεργασία",
      fi: "Pilvipalvelut ja etäyhteistyö",
      it: "Strumenti cloud e collaborazione online",
      ro: "Instrumente cloud și colaborare online",
    },
    // ESCO: use online tools to collaborate
    escoUri: "http://data.europa.eu/esco/skill/580660a6-5d3a-421d-a54f-d85b706c2b2f",
  },
  {
    slug: "spreadsheets",
    group: "digital",
    label: {
      en: "Spreadsheets",
      de: "Tabellenkalkulation",
      el: "Υπολογιστικά φύλλα",
      fi: "Taulukkolaskenta",
      it: "Fogli di calcolo",
      ro: "Foi de calcul",
    },
    // ESCO: use spreadsheets software
    escoUri: "http://data.europa.eu/esco/skill/1973c966-f236-40c9-b2d4-5d71a89019be",
  },
  {
    slug: "word-processing",
    group: "digital",
    label: {
      en: "Word processing",
      de: "Textverarbeitung",
      el: "Επεξεργασία κειμένου",
      fi: "Tekstinkäsittely",
      it: "Videoscrittura",
      ro: "Procesarea textelor",
    },
    // ESCO: use word processing software
    escoUri: "http://data.europa.eu/esco/skill/81633a44-f1db-4a01-a940-804c6905e330",
  },
  {
    slug: "cybersecurity-basics",
    group: "digital",
    label: {
      en: "Cybersecurity basics",
      de: "Grundlagen der IT-Sicherheit",
      el: "Βασικές αρχές κυβερνοασφάλειας",
      fi: "Kyberturvallisuuden perusteet",
      it: "Fondamenti di sicurezza informatica",
      ro: "Noțiuni de securitate cibernetică",
    },
    // ESCO: ICT safety
    escoUri: "http://data.europa.eu/esco/skill/426ceaba-6867-481c-bb6b-aee3933da7d2",
  },
  {
    slug: "data-backup",
    group: "digital",
    label: {
      en: "Data backup & recovery",
      de: "Datensicherung & Wiederherstellung",
      el: "Αντίγραφα ασφαλείας & ανάκτηση δεδομένων",
      fi: "Varmuuskopiointi ja palautus",
      it: "Backup e ripristino dei dati",
      ro: "Copii de rezervă și recuperarea datelor",
    },
    // ESCO: use back-up and recovery tools
    escoUri: "http://data.europa.eu/esco/skill/82de2df7-0d6c-42b1-94ac-b3e9a029e917",
  },
  {
    slug: "ai-tools",
    group: "digital",
    label: {
      en: "AI tools for small business",
      de: "KI-Tools für Kleinunternehmen",
      el: "Εργαλεία τεχνητής νοημοσύνης για μικρές επιχειρήσεις",
      fi: "Tekoälytyökalut pienyrityksille",
      it: "Strumenti di IA per piccole imprese",
      ro: "Instrumente de IA pentru firme mici",
    },
  },
  {
    slug: "customer-database-crm",
    group: "digital",
    label: {
      en: "Customer database (CRM)",
      de: "Kundendatenbank (CRM)",
      el: "Βάση δεδομένων πελατών (CRM)",
      fi: "Asiakasrekisteri (CRM)",
      it: "Database clienti (CRM)",
      ro: "Baza de date a clienților (CRM)",
    },
    // ESCO: use databases
    escoUri: "http://data.europa.eu/esco/skill/4463a721-69f3-413d-8321-43e3af13a4f1",
  },
  {
    slug: "business-data-analysis",
    group: "digital",
    label: {
      en: "Business data analysis",
      de: "Datenanalyse im Betrieb",
      el: "Ανάλυση επιχειρηματικών δεδομένων",
      fi: "Liiketoimintadatan analysointi",
      it: "Analisi dei dati aziendali",
      ro: "Analiza datelor de afaceri",
    },
    // ESCO: managing and analysing digital data
    escoUri: "http://data.europa.eu/esco/skill/S5.5.2",
  },
  {
    slug: "paperless-office",
    group: "digital",
    label: {
      en: "Paperless office",
      de: "Papierloses Büro",
      el: "Γραφείο χωρίς χαρτί",
      fi: "Paperiton toimisto",
      it: "Ufficio senza carta",
      ro: "Birou fără hârtie",
    },
    // ESCO: manage digital documents
    escoUri: "http://data.europa.eu/esco/skill/b769f524-0f25-44d7-8538-5c46710a040e",
  },
  {
    slug: "e-government-services",
    group: "digital",
    label: {
      en: "E-government services",
      de: "Digitale Behördendienste",
      el: "Ηλεκτρονικές δημόσιες υπηρεσίες",
      fi: "Julkiset sähköiset palvelut",
      it: "Servizi pubblici digitali",
      ro: "Servicii publice electronice",
    },
    // ESCO: use e-services
    escoUri: "http://data.europa.eu/esco/skill/d908a818-70ef-419e-9d60-8f459114cb2f",
  },
  {
    slug: "online-meetings",
    group: "digital",
    label: {
      en: "Video calls & online meetings",
      de: "Videoanrufe & Online-Meetings",
      el: "Βιντεοκλήσεις & διαδικτυακές συναντήσεις",
      fi: "Videopuhelut ja etäkokoukset",
      it: "Videochiamate e riunioni online",
      ro: "Apeluri video și întâlniri online",
    },
    // ESCO: use online communication tools
    escoUri: "http://data.europa.eu/esco/skill/5f1dd9f6-dcb4-4384-88c9-f9f6a75305c9",
  },
  {
    slug: "it-troubleshooting",
    group: "digital",
    label: {
      en: "IT troubleshooting",
      de: "IT-Fehlerbehebung",
      el: "Επίλυση προβλημάτων υπολογιστών",
      fi: "IT-ongelmien ratkaiseminen",
      it: "Risoluzione di problemi informatici",
      ro: "Rezolvarea problemelor IT",
    },
    // ESCO: solve technical problems
    escoUri: "http://data.europa.eu/esco/skill/14832d87-2f2f-4895-b290-e4760ebae42a",
  },
  {
    slug: "online-reputation",
    group: "digital",
    label: {
      en: "Online reputation & digital identity",
      de: "Online-Reputation & digitale Identität",
      el: "Διαδικτυακή φήμη & ψηφιακή ταυτότητα",
      fi: "Verkkomaine ja digitaalinen identiteetti",
      it: "Reputazione online e identità digitale",
      ro: "Reputație online și identitate digitală",
    },
    // ESCO: manage digital identity
    escoUri: "http://data.europa.eu/esco/skill/bc0b0b5d-f6be-405a-b224-b6902a4dbe97",
  },
  {
    slug: "marketing-basics",
    group: "marketing",
    label: {
      en: "Marketing basics",
      de: "Marketing-Grundlagen",
      el: "Βασικές αρχές μάρκετινγκ",
      fi: "Markkinoinnin perusteet",
      it: "Basi di marketing",
      ro: "Noțiuni de marketing",
    },
    // ESCO: marketing and advertising
    escoUri: "http://data.europa.eu/esco/isced-f/0414",
  },
  {
    slug: "social-media-marketing",
    group: "marketing",
    label: {
      en: "Social media marketing",
      de: "Social-Media-Marketing",
      el: "Μάρκετινγκ στα μέσα κοινωνικής δικτύωσης",
      fi: "Sosiaalisen median markkinointi",
      it: "Marketing sui social media",
      ro: "Marketing pe rețelele sociale",
    },
  },
  {
    slug: "seo",
    group: "marketing",
    label: {
      en: "Search engine optimisation (SEO)",
      de: "Suchmaschinenoptimierung (SEO)",
      el: "Βελτιστοποίηση για μηχανές αναζήτησης (SEO)",
      fi: "Hakukoneoptimointi (SEO)",
      it: "Ottimizzazione per i motori di ricerca (SEO)",
      ro: "Optimizare pentru motoarele de căutare (SEO)",
    },
  },
  {
    slug: "online-advertising",
    group: "marketing",
    label: {
      en: "Online advertising",
      de: "Online-Werbung",
      el: "Διαδικτυακή διαφήμιση",
      fi: "Verkkomainonta",
      it: "Pubblicità online",
      ro: "Publicitate online",
    },
  },
  {
    slug: "email-marketing",
    group: "marketing",
    label: {
      en: "Email marketing",
      de: "E-Mail-Marketing",
      el: "Μάρκετινγκ μέσω ηλεκτρονικού ταχυδρομείου",
      fi: "Sähköpostimarkkinointi",
      it: "Marketing via email",
      ro: "Marketing prin e-mail",
    },
  },
  {
    slug: "digital-content-creation",
    group: "marketing",
    label: {
      en: "Digital content creation",
      de: "Erstellung digitaler Inhalte",
      el: "Δημιουργία ψηφιακού περιεχομένου",
      fi: "Digitaalisen sisällön tuottaminen",
      it: "Creazione di contenuti digitali",
      ro: "Crearea de conținut digital",
    },
    // ESCO: digital content creation
    escoUri: "http://data.europa.eu/esco/skill/f5369f2f-e52b-43d8-8d31-79a6c11188d8",
  },
  {
    slug: "product-photography",
    group: "marketing",
    label: {
      en: "Product photography",
      de: "Produktfotografie",
      el: "Φωτογράφιση προϊόντων",
      fi: "Tuotekuvaus",
      it: "Fotografia di prodotto",
      ro: "Fotografie de produs",
    },
    // ESCO: using digital tools for processing sound and images
    escoUri: "http://data.europa.eu/esco/skill/S5.6.4",
  },
  {
    slug: "marketing-video",
    group: "marketing",
    label: {
      en: "Video for marketing",
      de: "Videos für das Marketing",
      el: "Βίντεο για μάρκετινγκ",
      fi: "Video markkinoinnissa",
      it: "Video per il marketing",
      ro: "Clipuri video pentru marketing",
    },
    // ESCO: audio-visual techniques and media production
    escoUri: "http://data.europa.eu/esco/isced-f/0211",
  },
  {
    slug: "storytelling",
    group: "marketing",
    label: {
      en: "Brand storytelling",
      de: "Markengeschichten erzählen",
      el: "Αφήγηση της ιστορίας της επιχείρησης",
      fi: "Brändin tarinankerronta",
      it: "Narrazione del marchio",
      ro: "Povestea mărcii",
    },
  },
  {
    slug: "branding",
    group: "marketing",
    label: {
      en: "Branding & visual identity",
      de: "Markenaufbau & visuelle Identität",
      el: "Επωνυμία & οπτική ταυτότητα",
      fi: "Brändäys ja visuaalinen ilme",
      it: "Branding e identità visiva",
      ro: "Branding și identitate vizuală",
    },
  },
  {
    slug: "customer-service",
    group: "marketing",
    label: {
      en: "Customer service",
      de: "Kundenservice",
      el: "Εξυπηρέτηση πελατών",
      fi: "Asiakaspalvelu",
      it: "Servizio clienti",
      ro: "Servicii pentru clienți",
    },
    // ESCO: provide high quality client service
    escoUri: "http://data.europa.eu/esco/skill/A1.12.3",
  },
  {
    slug: "sales-techniques",
    group: "marketing",
    label: {
      en: "Sales techniques",
      de: "Verkaufstechniken",
      el: "Τεχνικές πωλήσεων",
      fi: "Myyntitekniikat",
      it: "Tecniche di vendita",
      ro: "Tehnici de vânzare",
    },
    // ESCO: selling products or services
    escoUri: "http://data.europa.eu/esco/skill/S1.6.1",
  },
  {
    slug: "sales-negotiation",
    group: "marketing",
    label: {
      en: "Sales negotiation",
      de: "Verkaufsverhandlungen",
      el: "Διαπραγμάτευση πωλήσεων",
      fi: "Myyntineuvottelut",
      it: "Negoziazione commerciale",
      ro: "Negocierea vânzărilor",
    },
    // ESCO: negotiating
    escoUri: "http://data.europa.eu/esco/skill/S1.1",
  },
  {
    slug: "complaint-handling",
    group: "marketing",
    label: {
      en: "Handling complaints",
      de: "Umgang mit Reklamationen",
      el: "Διαχείριση παραπόνων",
      fi: "Reklamaatioiden käsittely",
      it: "Gestione dei reclami",
      ro: "Gestionarea reclamațiilor",
    },
    // ESCO: responding to complaints
    escoUri: "http://data.europa.eu/esco/skill/S1.1.3",
  },
  {
    slug: "market-research",
    group: "marketing",
    label: {
      en: "Market research",
      de: "Marktforschung",
      el: "Έρευνα αγοράς",
      fi: "Markkinatutkimus",
      it: "Ricerca di mercato",
      ro: "Cercetare de piață",
    },
  },
  {
    slug: "bookkeeping-basics",
    group: "finance",
    label: {
      en: "Bookkeeping basics",
      de: "Grundlagen der Buchhaltung",
      el: "Βασικές αρχές τήρησης βιβλίων",
      fi: "Kirjanpidon perusteet",
      it: "Basi di contabilità",
      ro: "Noțiuni de contabilitate",
    },
    // ESCO: preparing financial documents, records, reports, or budgets
    escoUri: "http://data.europa.eu/esco/skill/S2.2.1",
  },
  {
    slug: "cash-flow-planning",
    group: "finance",
    label: {
      en: "Cash-flow planning",
      de: "Liquiditätsplanung",
      el: "Σχεδιασμός ταμειακών ροών",
      fi: "Kassavirran suunnittelu",
      it: "Pianificazione della liquidità",
      ro: "Planificarea fluxului de numerar",
    },
    // ESCO: managing budgets or finances
    escoUri: "http://data.europa.eu/esco/skill/S4.3.1",
  },
  {
    slug: "pricing",
    group: "finance",
    label: {
      en: "Pricing",
      de: "Preisgestaltung",
      el: "Καθορισμός τιμών",
      fi: "Hinnoittelu",
      it: "Definizione dei prezzi",
      ro: "Stabilirea prețurilor",
    },
    // ESCO: determining values of goods or services
    escoUri: "http://data.europa.eu/esco/skill/S2.6.2",
  },
  {
    slug: "vat-and-invoicing",
    group: "finance",
    label: {
      en: "VAT & invoicing",
      de: "Umsatzsteuer & Rechnungsstellung",
      el: "ΦΠΑ & τιμολόγηση",
      fi: "ALV ja laskutus",
      it: "IVA e fatturazione",
      ro: "TVA și facturare",
    },
  },
  {
    slug: "tax-basics",
    group: "finance",
    label: {
      en: "Tax basics for small business",
      de: "Steuergrundlagen für Kleinunternehmen",
      el: "Φορολογία μικρών επιχειρήσεων",
      fi: "Verotuksen perusteet pienyrityksille",
      it: "Nozioni fiscali per piccole imprese",
      ro: "Noțiuni fiscale pentru firme mici",
    },
    // ESCO: accounting and taxation
    escoUri: "http://data.europa.eu/esco/isced-f/0411",
  },
  {
    slug: "financial-statements",
    group: "finance",
    label: {
      en: "Reading financial statements",
      de: "Jahresabschlüsse verstehen",
      el: "Κατανόηση οικονομικών καταστάσεων",
      fi: "Tilinpäätöksen lukeminen",
      it: "Leggere il bilancio",
      ro: "Interpretarea situațiilor financiare",
    },
    // ESCO: analysing financial and economic data
    escoUri: "http://data.europa.eu/esco/skill/S2.7.3",
  },
  {
    slug: "cost-control",
    group: "finance",
    label: {
      en: "Cost control",
      de: "Kostenkontrolle",
      el: "Έλεγχος κόστους",
      fi: "Kustannusten hallinta",
      it: "Controllo dei costi",
      ro: "Controlul costurilor",
    },
    // ESCO: monitoring financial and economic resources and activity
    escoUri: "http://data.europa.eu/esco/skill/S2.8.3",
  },
  {
    slug: "digital-payments",
    group: "finance",
    label: {
      en: "Digital payments",
      de: "Digitale Zahlungen",
      el: "Ψηφιακές πληρωμές",
      fi: "Digitaaliset maksut",
      it: "Pagamenti digitali",
      ro: "Plăți digitale",
    },
    // ESCO: executing financial transactions
    escoUri: "http://data.europa.eu/esco/skill/S4.4.2",
  },
  {
    slug: "bank-loans-financing",
    group: "finance",
    label: {
      en: "Bank loans & financing",
      de: "Bankkredite & Finanzierung",
      el: "Τραπεζικά δάνεια & χρηματοδότηση",
      fi: "Pankkilainat ja rahoitus",
      it: "Prestiti bancari e finanziamenti",
      ro: "Credite bancare și finanțare",
    },
    // ESCO: finance, banking and insurance
    escoUri: "http://data.europa.eu/esco/isced-f/0412",
  },
  {
    slug: "public-funding-grants",
    group: "finance",
    label: {
      en: "Public funding & grants",
      de: "Fördermittel & Zuschüsse",
      el: "Δημόσια χρηματοδότηση & επιχορηγήσεις",
      fi: "Julkinen rahoitus ja avustukset",
      it: "Finanziamenti pubblici e contributi",
      ro: "Finanțări publice și granturi",
    },
  },
  {
    slug: "late-payments",
    group: "finance",
    label: {
      en: "Managing late payments",
      de: "Umgang mit Zahlungsverzug",
      el: "Διαχείριση καθυστερημένων πληρωμών",
      fi: "Myöhästyneiden maksujen hallinta",
      it: "Gestione dei pagamenti in ritardo",
      ro: "Gestionarea plăților întârziate",
    },
  },
  {
    slug: "starting-a-business",
    group: "management",
    label: {
      en: "Starting a business",
      de: "Unternehmensgründung",
      el: "Ίδρυση επιχείρησης",
      fi: "Yrityksen perustaminen",
      it: "Avviare un'impresa",
      ro: "Înființarea unei afaceri",
    },
  },
  {
    slug: "small-business-management",
    group: "management",
    label: {
      en: "Small business management",
      de: "Führung eines Kleinbetriebs",
      el: "Διοίκηση μικρής επιχείρησης",
      fi: "Pienyrityksen johtaminen",
      it: "Gestione della piccola impresa",
      ro: "Conducerea unei firme mici",
    },
    // ESCO: management and administration
    escoUri: "http://data.europa.eu/esco/isced-f/0413",
  },
  {
    slug: "business-planning",
    group: "management",
    label: {
      en: "Business planning",
      de: "Geschäftsplanung",
      el: "Επιχειρηματικός σχεδιασμός",
      fi: "Liiketoiminnan suunnittelu",
      it: "Pianificazione aziendale",
      ro: "Planificarea afacerii",
    },
    // ESCO: developing financial, business or marketing plans
    escoUri: "http://data.europa.eu/esco/skill/S4.1.2",
  },
  {
    slug: "business-strategy",
    group: "management",
    label: {
      en: "Business strategy",
      de: "Unternehmensstrategie",
      el: "Επιχειρηματική στρατηγική",
      fi: "Liiketoimintastrategia",
      it: "Strategia aziendale",
      ro: "Strategia de afaceri",
    },
    // ESCO: developing objectives and strategies
    escoUri: "http://data.europa.eu/esco/skill/S4.1",
  },
  {
    slug: "project-management",
    group: "management",
    label: {
      en: "Project management",
      de: "Projektmanagement",
      el: "Διαχείριση έργων",
      fi: "Projektinhallinta",
      it: "Gestione dei progetti",
      ro: "Managementul proiectelor",
    },
    // ESCO: organising, planning and scheduling work and activities
    escoUri: "http://data.europa.eu/esco/skill/S4.2",
  },
  {
    slug: "leadership",
    group: "management",
    label: {
      en: "Leadership skills",
      de: "Führungskompetenz",
      el: "Δεξιότητες ηγεσίας",
      fi: "Johtamistaidot",
      it: "Competenze di leadership",
      ro: "Abilități de conducere",
    },
    // ESCO: lead others
    escoUri: "http://data.europa.eu/esco/skill/75d8e5d9-bef3-418b-9011-01bff9f27207",
  },
  {
    slug: "quality-management",
    group: "management",
    label: {
      en: "Quality management",
      de: "Qualitätsmanagement",
      el: "Διαχείριση ποιότητας",
      fi: "Laadunhallinta",
      it: "Gestione della qualità",
      ro: "Managementul calității",
    },
    // ESCO: manage quality
    escoUri: "http://data.europa.eu/esco/skill/35ebe444-9ece-4fbc-a55d-e99ea37267ae",
  },
  {
    slug: "risk-management",
    group: "management",
    label: {
      en: "Risk management",
      de: "Risikomanagement",
      el: "Διαχείριση κινδύνων",
      fi: "Riskienhallinta",
      it: "Gestione dei rischi",
      ro: "Managementul riscurilor",
    },
    // ESCO: performing risk analysis and management
    escoUri: "http://data.europa.eu/esco/skill/S2.7.5",
  },
  {
    slug: "crisis-continuity-planning",
    group: "management",
    label: {
      en: "Crisis & continuity planning",
      de: "Krisen- & Notfallplanung",
      el: "Σχέδια κρίσης & επιχειρησιακής συνέχειας",
      fi: "Kriisi- ja jatkuvuussuunnittelu",
      it: "Gestione delle crisi e continuità operativa",
      ro: "Planificarea crizelor și a continuității",
    },
    // ESCO: developing contingency and emergency response plans
    escoUri: "http://data.europa.eu/esco/skill/S4.1.7",
  },
  {
    slug: "stock-management",
    group: "management",
    label: {
      en: "Stock management",
      de: "Lagerverwaltung",
      el: "Διαχείριση αποθεμάτων",
      fi: "Varastonhallinta",
      it: "Gestione delle scorte",
      ro: "Gestiunea stocurilor",
    },
    // ESCO: allocating and controlling physical resources
    escoUri: "http://data.europa.eu/esco/skill/S4.3.3",
  },
  {
    slug: "purchasing-suppliers",
    group: "management",
    label: {
      en: "Purchasing & suppliers",
      de: "Einkauf & Lieferanten",
      el: "Προμήθειες & προμηθευτές",
      fi: "Hankinnat ja toimittajat",
      it: "Acquisti e fornitori",
      ro: "Achiziții și furnizori",
    },
    // ESCO: purchasing goods or services
    escoUri: "http://data.europa.eu/esco/skill/S1.6.3",
  },
  {
    slug: "business-opportunities",
    group: "management",
    label: {
      en: "Spotting business opportunities",
      de: "Geschäftschancen erkennen",
      el: "Εντοπισμός επιχειρηματικών ευκαιριών",
      fi: "Liiketoimintamahdollisuuksien tunnistaminen",
      it: "Individuare opportunità commerciali",
      ro: "Identificarea oportunităților de afaceri",
    },
    // ESCO: identify opportunities
    escoUri: "http://data.europa.eu/esco/skill/943d07ec-fb75-4bb5-bc07-20451a2b66e4",
  },
  {
    slug: "succession-planning",
    group: "management",
    label: {
      en: "Business succession planning",
      de: "Planung der Unternehmensnachfolge",
      el: "Σχεδιασμός διαδοχής επιχείρησης",
      fi: "Omistajanvaihdoksen suunnittelu",
      it: "Pianificare il passaggio generazionale",
      ro: "Planificarea succesiunii afacerii",
    },
  },
  {
    slug: "gdpr-for-small-business",
    group: "legal",
    label: {
      en: "GDPR for small business",
      de: "DSGVO für Kleinunternehmen",
      el: "ΓΚΠΔ για μικρές επιχειρήσεις",
      fi: "Tietosuoja-asetus pienyrityksille",
      it: "GDPR per piccole imprese",
      ro: "GDPR pentru firme mici",
    },
    // ESCO: protect personal data and privacy
    escoUri: "http://data.europa.eu/esco/skill/33a82b83-c838-4889-ae62-fae1317481eb",
  },
  {
    slug: "business-law-basics",
    group: "legal",
    label: {
      en: "Business law basics",
      de: "Grundlagen des Wirtschaftsrechts",
      el: "Βασικές αρχές εμπορικού δικαίου",
      fi: "Yritysjuridiikan perusteet",
      it: "Nozioni di diritto commerciale",
      ro: "Noțiuni de drept comercial",
    },
    // ESCO: law
    escoUri: "http://data.europa.eu/esco/isced-f/0421",
  },
  {
    slug: "contracts",
    group: "legal",
    label: {
      en: "Contracts & agreements",
      de: "Verträge & Vereinbarungen",
      el: "Συμβάσεις & συμφωνίες",
      fi: "Sopimukset ja sopimusneuvottelut",
      it: "Contratti e accordi",
      ro: "Contracte și acorduri",
    },
    // ESCO: negotiating and managing contracts and agreements
    escoUri: "http://data.europa.eu/esco/skill/S1.1.1",
  },
  {
    slug: "consumer-protection",
    group: "legal",
    label: {
      en: "Consumer protection rules",
      de: "Verbraucherschutzregeln",
      el: "Κανόνες προστασίας καταναλωτή",
      fi: "Kuluttajansuojasäännöt",
      it: "Norme a tutela dei consumatori",
      ro: "Reguli de protecție a consumatorilor",
    },
  },
  {
    slug: "intellectual-property",
    group: "legal",
    label: {
      en: "Trademarks & intellectual property",
      de: "Marken & geistiges Eigentum",
      el: "Εμπορικά σήματα & πνευματική ιδιοκτησία",
      fi: "Tavaramerkit ja immateriaalioikeudet",
      it: "Marchi e proprietà intellettuale",
      ro: "Mărci și proprietate intelectuală",
    },
  },
  {
    slug: "copyright-online",
    group: "legal",
    label: {
      en: "Copyright & licences online",
      de: "Urheberrecht & Lizenzen online",
      el: "Πνευματικά δικαιώματα & άδειες στο διαδίκτυο",
      fi: "Tekijänoikeudet ja lisenssit verkossa",
      it: "Diritto d'autore e licenze online",
      ro: "Drepturi de autor și licențe online",
    },
    // ESCO: copyright and licenses related to digital content
    escoUri: "http://data.europa.eu/esco/skill/a91732ce-988e-4105-9570-f425c6ffdc82",
  },
  {
    slug: "regulatory-compliance",
    group: "legal",
    label: {
      en: "Regulatory compliance",
      de: "Einhaltung von Vorschriften",
      el: "Κανονιστική συμμόρφωση",
      fi: "Säännösten noudattaminen",
      it: "Conformità normativa",
      ro: "Conformitatea cu reglementările",
    },
    // ESCO: complying with legal and organisational guidelines
    escoUri: "http://data.europa.eu/esco/skill/S3.3.3",
  },
  {
    slug: "employment-law",
    group: "legal",
    label: {
      en: "Employment law basics",
      de: "Grundlagen des Arbeitsrechts",
      el: "Βασικές αρχές εργατικού δικαίου",
      fi: "Työoikeuden perusteet",
      it: "Nozioni di diritto del lavoro",
      ro: "Noțiuni de dreptul muncii",
    },
  },
  {
    slug: "health-and-safety",
    group: "legal",
    label: {
      en: "Health & safety at work",
      de: "Arbeitsschutz",
      el: "Υγεία & ασφάλεια στην εργασία",
      fi: "Työturvallisuus",
      it: "Salute e sicurezza sul lavoro",
      ro: "Sănătate și securitate în muncă",
    },
    // ESCO: occupational health and safety
    escoUri: "http://data.europa.eu/esco/isced-f/1022",
  },
  {
    slug: "hiring-first-employee",
    group: "people",
    label: {
      en: "Hiring your first employee",
      de: "Die ersten Beschäftigten einstellen",
      el: "Πρόσληψη του πρώτου εργαζομένου",
      fi: "Ensimmäisen työntekijän palkkaaminen",
      it: "Assumere il primo dipendente",
      ro: "Angajarea primului salariat",
    },
    // ESCO: recruiting and hiring
    escoUri: "http://data.europa.eu/esco/skill/S4.7",
  },
  {
    slug: "payroll-hr-admin",
    group: "people",
    label: {
      en: "Payroll & HR admin",
      de: "Lohnabrechnung & Personalverwaltung",
      el: "Μισθοδοσία & διοίκηση προσωπικού",
      fi: "Palkanlaskenta ja henkilöstöhallinto",
      it: "Buste paga e amministrazione del personale",
      ro: "Salarizare și administrarea personalului",
    },
    // ESCO: administering human resources
    escoUri: "http://data.europa.eu/esco/skill/S4.4.1",
  },
  {
    slug: "team-building",
    group: "people",
    label: {
      en: "Team building",
      de: "Teamentwicklung",
      el: "Ανάπτυξη ομάδας",
      fi: "Tiimin kehittäminen",
      it: "Sviluppo del team",
      ro: "Consolidarea echipei",
    },
    // ESCO: building and developing teams
    escoUri: "http://data.europa.eu/esco/skill/S4.6",
  },
  {
    slug: "staff-motivation",
    group: "people",
    label: {
      en: "Motivating staff",
      de: "Mitarbeitermotivation",
      el: "Παρακίνηση προσωπικού",
      fi: "Henkilöstön motivointi",
      it: "Motivare il personale",
      ro: "Motivarea personalului",
    },
    // ESCO: motivate others
    escoUri: "http://data.europa.eu/esco/skill/e2d44a9b-f28c-489e-9861-b654b5ded507",
  },
  {
    slug: "coaching-mentoring",
    group: "people",
    label: {
      en: "Coaching & mentoring",
      de: "Coaching und Mentoring",
      el: "Καθοδήγηση & μεντορισμός",
      fi: "Valmentaminen ja mentorointi",
      it: "Coaching e mentoring",
      ro: "Coaching și mentorat",
    },
    // ESCO: coaching and mentoring
    escoUri: "http://data.europa.eu/esco/skill/S1.3.5",
  },
  {
    slug: "conflict-resolution",
    group: "people",
    label: {
      en: "Conflict resolution",
      de: "Konfliktlösung",
      el: "Επίλυση συγκρούσεων",
      fi: "Ristiriitojen ratkaiseminen",
      it: "Gestione dei conflitti",
      ro: "Rezolvarea conflictelor",
    },
    // ESCO: mediating and resolving disputes
    escoUri: "http://data.europa.eu/esco/skill/S1.1.2",
  },
  {
    slug: "staff-training",
    group: "people",
    label: {
      en: "Training your staff",
      de: "Mitarbeitende schulen",
      el: "Εκπαίδευση προσωπικού",
      fi: "Henkilöstön kouluttaminen",
      it: "Formare il personale",
      ro: "Instruirea personalului",
    },
    // ESCO: instruct others
    escoUri: "http://data.europa.eu/esco/skill/699e7c26-6502-4e78-a823-3656ff5a5b8b",
  },
  {
    slug: "diversity-inclusion",
    group: "people",
    label: {
      en: "Diversity & inclusion",
      de: "Vielfalt & Inklusion",
      el: "Διαφορετικότητα & ένταξη",
      fi: "Monimuotoisuus ja yhdenvertaisuus",
      it: "Diversità e inclusione",
      ro: "Diversitate și incluziune",
    },
    // ESCO: support cultural diversity
    escoUri: "http://data.europa.eu/esco/skill/4e2ce047-1912-468f-8c04-ab7374c4a761",
  },
  {
    slug: "remote-work",
    group: "people",
    label: {
      en: "Managing remote work",
      de: "Führung auf Distanz",
      el: "Διαχείριση εξ αποστάσεως εργασίας",
      fi: "Etätyön johtaminen",
      it: "Gestire il lavoro da remoto",
      ro: "Gestionarea muncii la distanță",
    },
  },
  {
    slug: "sustainable-business",
    group: "sustainability",
    label: {
      en: "Sustainable business practices",
      de: "Nachhaltiges Wirtschaften",
      el: "Βιώσιμες επιχειρηματικές πρακτικές",
      fi: "Kestävät liiketoimintakäytännöt",
      it: "Pratiche aziendali sostenibili",
      ro: "Practici de afaceri sustenabile",
    },
    // ESCO: follow environmentally-sustainable work practices
    escoUri: "http://data.europa.eu/esco/skill/a992f345-7c06-4982-8fc9-5fab55e316af",
  },
  {
    slug: "energy-saving",
    group: "sustainability",
    label: {
      en: "Energy saving",
      de: "Energiesparen",
      el: "Εξοικονόμηση ενέργειας",
      fi: "Energiansäästö",
      it: "Risparmio energetico",
      ro: "Economisirea energiei",
    },
  },
  {
    slug: "circular-economy",
    group: "sustainability",
    label: {
      en: "Circular economy",
      de: "Kreislaufwirtschaft",
      el: "Κυκλική οικονομία",
      fi: "Kiertotalous",
      it: "Economia circolare",
      ro: "Economie circulară",
    },
  },
  {
    slug: "waste-management",
    group: "sustainability",
    label: {
      en: "Waste management & recycling",
      de: "Abfallmanagement & Recycling",
      el: "Διαχείριση αποβλήτων & ανακύκλωση",
      fi: "Jätehuolto ja kierrätys",
      it: "Gestione dei rifiuti e riciclo",
      ro: "Gestionarea deșeurilor și reciclare",
    },
    // ESCO: handling and disposing of waste and hazardous materials
    escoUri: "http://data.europa.eu/esco/skill/S6.13",
  },
  {
    slug: "environmental-regulations",
    group: "sustainability",
    label: {
      en: "Environmental regulations",
      de: "Umweltvorschriften",
      el: "Περιβαλλοντική νομοθεσία",
      fi: "Ympäristömääräykset",
      it: "Normativa ambientale",
      ro: "Reglementări de mediu",
    },
    // ESCO: complying with environmental protection laws and standards
    escoUri: "http://data.europa.eu/esco/skill/S3.3.2",
  },
  {
    slug: "eco-friendly-it",
    group: "sustainability",
    label: {
      en: "Eco-friendly IT",
      de: "Umweltfreundliche IT",
      el: "Φιλική προς το περιβάλλον πληροφορική",
      fi: "Ympäristöystävällinen tietotekniikka",
      it: "Informatica sostenibile",
      ro: "IT prietenos cu mediul",
    },
    // ESCO: protect the environment from the impact of the digital technologies
    escoUri: "http://data.europa.eu/esco/skill/c4ba12d1-4698-42fa-8abb-789462ea2586",
  },
  {
    slug: "carbon-footprint",
    group: "sustainability",
    label: {
      en: "Reducing your carbon footprint",
      de: "CO₂-Fußabdruck senken",
      el: "Μείωση του αποτυπώματος άνθρακα",
      fi: "Hiilijalanjäljen pienentäminen",
      it: "Ridurre l'impronta di carbonio",
      ro: "Reducerea amprentei de carbon",
    },
  },
  {
    slug: "export-internationalisation",
    group: "international",
    label: {
      en: "Export & internationalisation",
      de: "Export & Internationalisierung",
      el: "Εξαγωγές & διεθνοποίηση",
      fi: "Vienti ja kansainvälistyminen",
      it: "Export e internazionalizzazione",
      ro: "Export și internaționalizare",
    },
  },
  {
    slug: "business-english",
    group: "international",
    label: {
      en: "Business English",
      de: "Wirtschaftsenglisch",
      el: "Επιχειρηματικά αγγλικά",
      fi: "Liike-elämän englanti",
      it: "Inglese commerciale",
      ro: "Engleză pentru afaceri",
    },
    // ESCO: English
    escoUri: "http://data.europa.eu/esco/skill/6d3edede-8951-4621-a835-e04323300fa0",
  },
  {
    slug: "foreign-languages",
    group: "international",
    label: {
      en: "Foreign languages for work",
      de: "Fremdsprachen im Beruf",
      el: "Ξένες γλώσσες για την εργασία",
      fi: "Vieraat kielet työssä",
      it: "Lingue straniere per il lavoro",
      ro: "Limbi străine pentru muncă",
    },
    // ESCO: using foreign languages
    escoUri: "http://data.europa.eu/esco/skill/S1.15.1",
  },
  {
    slug: "intercultural-communication",
    group: "international",
    label: {
      en: "Intercultural communication",
      de: "Interkulturelle Kommunikation",
      el: "Διαπολιτισμική επικοινωνία",
      fi: "Kulttuurienvälinen viestintä",
      it: "Comunicazione interculturale",
      ro: "Comunicare interculturală",
    },
    // ESCO: demonstrate intercultural competence
    escoUri: "http://data.europa.eu/esco/skill/c10d5d87-36cf-42f5-8a12-e560fb5f4af8",
  },
  {
    slug: "eu-single-market",
    group: "international",
    label: {
      en: "EU single market rules",
      de: "Regeln des EU-Binnenmarkts",
      el: "Κανόνες της ενιαίας αγοράς της ΕΕ",
      fi: "EU:n sisämarkkinoiden säännöt",
      it: "Regole del mercato unico UE",
      ro: "Regulile pieței unice a UE",
    },
  },
  {
    slug: "cross-border-online-sales",
    group: "international",
    label: {
      en: "Cross-border online sales",
      de: "Grenzüberschreitender Onlinehandel",
      el: "Διασυνοριακές διαδικτυακές πωλήσεις",
      fi: "Rajat ylittävä verkkomyynti",
      it: "Vendite online transfrontaliere",
      ro: "Vânzări online transfrontaliere",
    },
  },
  {
    slug: "customs-incoterms",
    group: "international",
    label: {
      en: "Customs & Incoterms",
      de: "Zoll & Incoterms",
      el: "Τελωνεία & Incoterms",
      fi: "Tulli ja Incoterms",
      it: "Dogane e Incoterms",
      ro: "Vamă și Incoterms",
    },
  },
  {
    slug: "time-management",
    group: "personal",
    label: {
      en: "Time management",
      de: "Zeitmanagement",
      el: "Διαχείριση χρόνου",
      fi: "Ajanhallinta",
      it: "Gestione del tempo",
      ro: "Gestionarea timpului",
    },
    // ESCO: manage time
    escoUri: "http://data.europa.eu/esco/skill/d9013e0e-e937-43d5-ab71-0e917ee882b8",
  },
  {
    slug: "business-networking",
    group: "personal",
    label: {
      en: "Business networking",
      de: "Netzwerken im Beruf",
      el: "Επαγγελματική δικτύωση",
      fi: "Verkostoituminen",
      it: "Fare rete",
      ro: "Crearea de rețele profesionale",
    },
    // ESCO: developing professional relationships or networks
    escoUri: "http://data.europa.eu/esco/skill/S1.2.3",
  },
  {
    slug: "public-speaking",
    group: "personal",
    label: {
      en: "Public speaking",
      de: "Reden vor Publikum",
      el: "Δημόσια ομιλία",
      fi: "Esiintymistaito",
      it: "Parlare in pubblico",
      ro: "Vorbitul în public",
    },
    // ESCO: address an audience
    escoUri: "http://data.europa.eu/esco/skill/609a8ac1-9d29-4237-9886-596dbbe7ca8a",
  },
  {
    slug: "business-writing",
    group: "personal",
    label: {
      en: "Business writing",
      de: "Geschäftliches Schreiben",
      el: "Επαγγελματική γραφή",
      fi: "Asiatekstien kirjoittaminen",
      it: "Scrittura professionale",
      ro: "Redactare profesională",
    },
    // ESCO: writing and composing
    escoUri: "http://data.europa.eu/esco/skill/S1.13",
  },
  {
    slug: "stress-resilience",
    group: "personal",
    label: {
      en: "Stress management & resilience",
      de: "Stressbewältigung & Resilienz",
      el: "Διαχείριση άγχους & ανθεκτικότητα",
      fi: "Stressinhallinta ja resilienssi",
      it: "Gestione dello stress e resilienza",
      ro: "Gestionarea stresului și reziliență",
    },
    // ESCO: cope with pressure
    escoUri: "http://data.europa.eu/esco/skill/7a147904-22b3-498a-b4d9-7bceeb86b45d",
  },
  {
    slug: "creative-thinking",
    group: "personal",
    label: {
      en: "Creative thinking",
      de: "Kreatives Denken",
      el: "Δημιουργική σκέψη",
      fi: "Luova ajattelu",
      it: "Pensiero creativo",
      ro: "Gândire creativă",
    },
    // ESCO: think creatively
    escoUri: "http://data.europa.eu/esco/skill/c624c6a3-b0ba-4a31-a296-0d433fe47e41",
  },
  {
    slug: "problem-solving",
    group: "personal",
    label: {
      en: "Problem solving",
      de: "Problemlösung",
      el: "Επίλυση προβλημάτων",
      fi: "Ongelmanratkaisu",
      it: "Risoluzione dei problemi",
      ro: "Rezolvarea problemelor",
    },
    // ESCO: solving problems
    escoUri: "http://data.europa.eu/esco/skill/S1.9",
  },
  {
    slug: "decision-making",
    group: "personal",
    label: {
      en: "Decision making",
      de: "Entscheidungsfindung",
      el: "Λήψη αποφάσεων",
      fi: "Päätöksenteko",
      it: "Prendere decisioni",
      ro: "Luarea deciziilor",
    },
    // ESCO: make decisions
    escoUri: "http://data.europa.eu/esco/skill/d62d2b4c-a6f8-439e-8a1b-4f29ab5f2c47",
  },
  {
    slug: "entrepreneurial-mindset",
    group: "personal",
    label: {
      en: "Entrepreneurial mindset",
      de: "Unternehmerisches Denken",
      el: "Επιχειρηματική νοοτροπία",
      fi: "Yrittäjämäinen ajattelu",
      it: "Mentalità imprenditoriale",
      ro: "Mentalitate antreprenorială",
    },
  },
  {
    slug: "learning-to-learn",
    group: "personal",
    label: {
      en: "Learning to learn",
      de: "Lernen lernen",
      el: "Μαθαίνω πώς να μαθαίνω",
      fi: "Oppimaan oppiminen",
      it: "Imparare a imparare",
      ro: "A învăța să înveți",
    },
    // ESCO: use learning strategies
    escoUri: "http://data.europa.eu/esco/skill/a44c0ed6-68b1-457a-9c6d-ea8487bdfeb2",
  },
  {
    slug: "food-safety-haccp",
    group: "sector",
    label: {
      en: "Food safety (HACCP)",
      de: "Lebensmittelsicherheit (HACCP)",
      el: "Ασφάλεια τροφίμων (HACCP)",
      fi: "Elintarviketurvallisuus (HACCP)",
      it: "Sicurezza alimentare (HACCP)",
      ro: "Siguranța alimentelor (HACCP)",
    },
    // ESCO: follow hygienic work practices
    escoUri: "http://data.europa.eu/esco/skill/6816e28f-a48d-41c7-8492-309f50c049fc",
  },
  {
    slug: "hospitality-catering",
    group: "sector",
    label: {
      en: "Hospitality & catering",
      de: "Hotellerie & Gastronomie",
      el: "Φιλοξενία & εστίαση",
      fi: "Majoitus- ja ravitsemisala",
      it: "Ospitalità e ristorazione",
      ro: "Ospitalitate și alimentație publică",
    },
    // ESCO: hotel, restaurants and catering
    escoUri: "http://data.europa.eu/esco/isced-f/1013",
  },
  {
    slug: "tourism-services",
    group: "sector",
    label: {
      en: "Tourism services",
      de: "Tourismusdienstleistungen",
      el: "Τουριστικές υπηρεσίες",
      fi: "Matkailupalvelut",
      it: "Servizi turistici",
      ro: "Servicii turistice",
    },
    // ESCO: travel, tourism and leisure
    escoUri: "http://data.europa.eu/esco/isced-f/1015",
  },
  {
    slug: "crafts-business",
    group: "sector",
    label: {
      en: "Crafts & artisan business",
      de: "Handwerk & Kunsthandwerk",
      el: "Χειροτεχνία & βιοτεχνία",
      fi: "Käsityöyrittäjyys",
      it: "Artigianato",
      ro: "Meșteșuguri și afaceri artizanale",
    },
    // ESCO: handicrafts
    escoUri: "http://data.europa.eu/esco/isced-f/0214",
  },
  {
    slug: "small-scale-farming",
    group: "sector",
    label: {
      en: "Small-scale farming",
      de: "Kleinbäuerliche Landwirtschaft",
      el: "Γεωργία μικρής κλίμακας",
      fi: "Pienimuotoinen maatalous",
      it: "Piccola agricoltura",
      ro: "Agricultură la scară mică",
    },
    // ESCO: crop and livestock production
    escoUri: "http://data.europa.eu/esco/isced-f/0811",
  },
  {
    slug: "artisan-food-production",
    group: "sector",
    label: {
      en: "Artisan food production",
      de: "Handwerkliche Lebensmittelherstellung",
      el: "Βιοτεχνική παραγωγή τροφίμων",
      fi: "Pienimuotoinen elintarviketuotanto",
      it: "Produzione alimentare artigianale",
      ro: "Producție alimentară artizanală",
    },
    // ESCO: food processing
    escoUri: "http://data.europa.eu/esco/isced-f/0721",
  },
  {
    slug: "hair-and-beauty",
    group: "sector",
    label: {
      en: "Hair & beauty services",
      de: "Friseur- & Kosmetikdienstleistungen",
      el: "Υπηρεσίες κομμωτικής & αισθητικής",
      fi: "Hius- ja kauneudenhoitopalvelut",
      it: "Servizi di acconciatura ed estetica",
      ro: "Servicii de coafură și înfrumusețare",
    },
    // ESCO: hair and beauty services
    escoUri: "http://data.europa.eu/esco/isced-f/1012",
  },
  {
    slug: "retail-shop",
    group: "sector",
    label: {
      en: "Running a retail shop",
      de: "Führung eines Einzelhandelsgeschäfts",
      el: "Λειτουργία καταστήματος λιανικής",
      fi: "Myymälän pitäminen",
      it: "Gestire un negozio al dettaglio",
      ro: "Administrarea unui magazin",
    },
    // ESCO: wholesale and retail sales
    escoUri: "http://data.europa.eu/esco/isced-f/0416",
  },
];
