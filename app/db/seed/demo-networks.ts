/**
 * Demo micro social networks: small groups (5–40 people) of micro-enterprise owners and trainers,
 * each with a feed of posts, a few forum topics and shared link resources.
 *
 * Plain data only — the seed script writes it to the database. People are referenced by their `key`
 * in `demo-data.ts`; @mentions use the local part of a member's demo email (firstname.lastname).
 * Topic slugs come from `features/taxonomy/data/topics.ts`, links use the reserved `.example` TLD,
 * and every text is written in the language(s) the network meets in. Times are relative to the
 * moment of seeding: `daysAgo` for posts, topics and resources, `hoursAfter` (counted from the post
 * or topic) for comments, replies and forum answers.
 */

export type DemoNetwork = {
  /** kebab-case, unique */
  key: string;
  name: string;
  /** one sentence */
  purpose: string;
  /** 2–4 sentences */
  description: string;
  kind: "local" | "online" | "cross_border";
  /** local networks: a real town or area */
  place?: string;
  /** ISO 3166-1 alpha-2; local: the one country; cross_border: 2–4 */
  countries: string[];
  /** ISO 639-1 codes of the languages the network meets in */
  languages: string[];
  visibility: "open" | "request" | "invite" | "secret";
  /** topic slugs, 2–5 */
  topics: string[];
  /** default 40 */
  memberCap?: number;
  createdDaysAgo: number;
  /** person keys (facilitators or educators) */
  facilitators: string[];
  /** person keys, not repeating the facilitators */
  members: string[];
  posts: DemoPost[];
  forumTopics: DemoForumTopic[];
  resources: DemoResource[];
};

export type DemoReactionKind = "like" | "celebrate" | "support" | "insightful" | "thanks";

export type DemoPost = {
  /** person key of a facilitator or member of the network */
  author: string;
  /** 0.1 .. createdDaysAgo */
  daysAgo: number;
  /** Markdown subset: paragraphs, **bold**, *italic*, "- " lists, links, @firstname.lastname mentions */
  body: string;
  pinned?: boolean;
  reactions?: { person: string; kind: DemoReactionKind }[];
  comments?: {
    author: string;
    hoursAfter: number;
    body: string;
    replies?: { author: string; hoursAfter: number; body: string }[];
  }[];
};

export type DemoForumTopic = {
  author: string;
  daysAgo: number;
  title: string;
  body: string;
  replies: { author: string; hoursAfter: number; body: string; isAnswer?: boolean }[];
};

export type DemoResource = {
  addedBy: string;
  daysAgo: number;
  kind: "link";
  title: string;
  description: string;
  /** https://<something>.example only */
  url: string;
  /** ISO 639-1 */
  language: string;
  /** topic slugs */
  topics: string[];
};

export const demoNetworks: DemoNetwork[] = [
  // ───────────────────────────── Cork Food Makers (IE, local, open) ─────────────────────────────
  {
    key: "cork-food-makers",
    name: "Cork Food Makers",
    purpose:
      "Helping small food producers in and around Cork sell more, waste less and stay on the right side of the EHO.",
    description:
      "Bakers, cafés and market traders meeting once a month in Cork city centre, with tutors from Lee Valley College and the Liffey centre dropping in. We swap supplier tips, costings and HACCP paperwork, and nobody judges a daft question. A couple of the Claddagh Cup crew come down from Galway for the meet-ups too.",
    kind: "local",
    place: "Cork city centre",
    countries: ["IE"],
    languages: ["en"],
    visibility: "open",
    topics: ["artisan-food-production", "food-safety-haccp", "cost-control", "waste-management"],
    memberCap: 25,
    createdDaysAgo: 140,
    facilitators: ["padraig-o-suilleabhain"],
    members: [
      "aoife-byrne",
      "siobhan-ni-bhriain",
      "sinead-walsh",
      "ciaran-oconnell",
      "declan-murphy",
      "niamh-gallagher",
    ],
    posts: [
      {
        author: "padraig-o-suilleabhain",
        daysAgo: 139,
        pinned: true,
        body: "Welcome to **Cork Food Makers**!\n\nThis is a small, practical group for people who make and sell food: bakers, cafés, market traders, anyone getting ready for their first EHO visit. We meet on the **first Tuesday of the month at 7pm** in the training kitchen at Lee Valley College, and in between we use this space.\n\nA few ground rules:\n\n- Ask anything. If you're wondering about it, someone else is too.\n- Share numbers if you're comfortable, but no supplier price lists without their permission.\n- Be kind about each other's food. Honest, but kind.\n\nStart by introducing yourself in the comments: what you make, where you sell it, and the one thing that's keeping you up at night.",
        reactions: [
          { person: "aoife-byrne", kind: "like" },
          { person: "siobhan-ni-bhriain", kind: "celebrate" },
          { person: "niamh-gallagher", kind: "thanks" },
          { person: "declan-murphy", kind: "like" },
        ],
        comments: [
          {
            author: "aoife-byrne",
            hoursAfter: 3,
            body: "Aoife from Rebel Crumb: sourdough and pastries, five cafés and two markets a week. What keeps me up is wholesale invoices. I'm owed more money than I'd like to admit.",
            replies: [
              {
                author: "padraig-o-suilleabhain",
                hoursAfter: 5,
                body: "You're in good company, Aoife. Declan's joining us and that's exactly his thing.",
              },
            ],
          },
          {
            author: "sinead-walsh",
            hoursAfter: 20,
            body: "Sinéad, head chef at the Claddagh Cup in Galway. Not exactly Cork, I know, but Ciarán and I come down for the markets anyway. My night-time worry is how much food we bin on a quiet Tuesday.",
            replies: [
              {
                author: "padraig-o-suilleabhain",
                hoursAfter: 22,
                body: "Galway's more than welcome. Food waste is on the list for the spring meet-ups.",
              },
            ],
          },
          {
            author: "ciaran-oconnell",
            hoursAfter: 26,
            body: "Ciarán, the other half of the Claddagh Cup. Rosters, payroll and suppliers. Staff turnover is my monster under the bed.",
          },
        ],
      },
      {
        author: "aoife-byrne",
        daysAgo: 121,
        body: "Question for the group, and for @declan.murphy in particular.\n\nTwo of the cafés I supply are regularly **60+ days** behind on invoices. They're lovely people and good customers, and I don't want to lose them, but I'm basically giving them an interest-free loan while I pay my flour supplier in 14 days.\n\nHow do you chase without making it awkward? Do you stop deliveries? Add interest? I've never done either.",
        reactions: [
          { person: "sinead-walsh", kind: "support" },
          { person: "ciaran-oconnell", kind: "support" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 4,
            body: "Three things that work for most of my bakers:\n\n- Put your terms in writing **now**, even in a short email: \"invoices due in 30 days from delivery\". Without agreed terms you can't really chase.\n- Send a **statement of account** on the 1st of every month. It's a neutral reminder, not a complaint.\n- Ring, don't email, when something goes past 45 days. Ask *when* they'll pay, not *if*.\n\nYou're also entitled to statutory interest and a fixed compensation charge on late business invoices. You don't have to use it, but mentioning that you *could* tends to concentrate minds.",
            replies: [
              {
                author: "aoife-byrne",
                hoursAfter: 6,
                body: "The statement of account is such a simple idea. Setting it up tonight.",
              },
            ],
          },
          {
            author: "ciaran-oconnell",
            hoursAfter: 9,
            body: "Speaking as a café that has been on the wrong end of this (sorry to all our suppliers in 2022): a friendly phone call to the owner, not the manager, works. Half the time the invoice is sitting in a pile nobody owns.",
          },
          {
            author: "niamh-gallagher",
            hoursAfter: 30,
            body: "Declan's evening course on this at the Liffey centre is online now too, if anyone wants the full version. I'll add it to resources.",
          },
        ],
      },
      {
        author: "siobhan-ni-bhriain",
        daysAgo: 112,
        body: "Quick tip for anyone posting market-stall photos on Instagram, because I keep seeing gorgeous food in terrible pictures:\n\n- **Shoot near a window or outside**, never under the fluorescent lights in the kitchen.\n- **Show the inside**: crumb, layers, the gooey middle. The outside of a loaf all looks the same online.\n- **Post on Friday evening or before 8am on Saturday**, when people are deciding which market to go to.\n- Put your stall location in the first line, not the last.\n\nHappy to look at anyone's account at the next meet-up.",
        reactions: [
          { person: "sinead-walsh", kind: "insightful" },
          { person: "aoife-byrne", kind: "thanks" },
          { person: "padraig-o-suilleabhain", kind: "like" },
        ],
        comments: [
          {
            author: "sinead-walsh",
            hoursAfter: 2,
            body: "Guilty of the fluorescent lights. Our pass is the worst-lit place in Galway.",
          },
        ],
      },
      {
        author: "padraig-o-suilleabhain",
        daysAgo: 98,
        body: "**Recap: HACCP refresher evening**\n\nEleven of us in the college kitchen last Tuesday, thanks all. What we covered:\n\n- **Cooling**: stocks and soups from 60°C to under 10°C within two hours. Shallow trays and an ice bath beat a big pot in the walk-in every time.\n- **Probe checks**: ice water should read 0°C (±1), boiling water 100°C. Write it down monthly, and bin the probe if it's off.\n- **Allergen matrix**: one sheet per product, updated every time a supplier changes an ingredient. That last part is where most of us slip.\n\nThe slides and the blank cooling log are in resources. Next month: costing recipes properly.",
        reactions: [
          { person: "aoife-byrne", kind: "thanks" },
          { person: "sinead-walsh", kind: "thanks" },
          { person: "siobhan-ni-bhriain", kind: "like" },
        ],
        comments: [
          {
            author: "sinead-walsh",
            hoursAfter: 12,
            body: "The cooling log template has already been printed and stuck on our walk-in door. The EHO will think we've been replaced by robots.",
            replies: [
              {
                author: "padraig-o-suilleabhain",
                hoursAfter: 14,
                body: "Ha! Filled-in logs are the best first impression you can give an inspector.",
              },
            ],
          },
          {
            author: "aoife-byrne",
            hoursAfter: 20,
            body: "The supplier-change thing got me. Our seeded rye changed to a mix with sesame last month and I only noticed on the sack.",
          },
        ],
      },
      {
        author: "sinead-walsh",
        daysAgo: 84,
        body: "Food waste update and a question.\n\nI weighed everything we threw out for two weeks: **about 6 kg of bread and pastry a week**, plus soup on quiet days. What we've started doing:\n\n- Day-old bread goes into bread-and-butter pudding and croutons for the soup.\n- Unsold pastries after 4pm go into surprise bags on a food-waste app.\n- Soup gets made in two smaller batches instead of one big one.\n\nWhat are other people doing with leftovers, especially anything you can *sell* rather than just give away?",
        reactions: [
          { person: "padraig-o-suilleabhain", kind: "insightful" },
          { person: "niamh-gallagher", kind: "like" },
          { person: "ciaran-oconnell", kind: "support" },
        ],
        comments: [
          {
            author: "aoife-byrne",
            hoursAfter: 5,
            body: "Our loaf ends get dried and blitzed into breadcrumbs. A restaurant on Oliver Plunkett Street buys them by the kilo for their fish.",
          },
          {
            author: "padraig-o-suilleabhain",
            hoursAfter: 8,
            body: "Love this. One word of caution: once you sell crumbs or croutons they're a *product*. They need their own allergen info, and a label if pre-packed. Easy to forget.",
            replies: [
              {
                author: "aoife-byrne",
                hoursAfter: 11,
                body: 'Good point. The bags currently say "crumbs" in marker. Will fix.',
              },
            ],
          },
          {
            author: "niamh-gallagher",
            hoursAfter: 28,
            body: "Sinéad, would you be up for sharing this at a cross-border call? The Green Workshops DACH–Nordic network collects exactly this kind of numbers.",
          },
        ],
      },
      {
        author: "declan-murphy",
        daysAgo: 70,
        body: "Christmas cash-flow tip, because it's closer than it looks.\n\nIf you take big seasonal orders (hampers, Christmas cakes, office parties):\n\n- Ask for a **30–50% deposit** when the order is placed. It pays for the ingredients you're about to buy.\n- Put the balance due **on collection**, not \"on account\".\n- Write down now what January looks like: quieter markets, same rent, and maybe a VAT or tax bill. Set aside a bit from every December week.\n\nNobody has ever complained to me that they had too much money in February.",
        reactions: [
          { person: "aoife-byrne", kind: "insightful" },
          { person: "ciaran-oconnell", kind: "thanks" },
        ],
      },
      {
        author: "ciaran-oconnell",
        daysAgo: 55,
        body: "Request for help: we need **two weekend staff** (a barista and a kitchen porter) and the usual job sites are giving us people who never show up for the trial shift.\n\nWhere have you found good people? And how do you keep students once college exams start? @sinead.walsh and I are out of ideas.",
        reactions: [{ person: "sinead-walsh", kind: "support" }],
        comments: [
          {
            author: "aoife-byrne",
            hoursAfter: 6,
            body: "Our best counter person came from a sign in the window, honestly. People who already like the place are half-trained.",
          },
          {
            author: "niamh-gallagher",
            hoursAfter: 10,
            body: "Two ideas: ask the college catering courses, since their students need work placements. And agree exam-time hours *at the interview*, so it's a plan and not a crisis in May.",
            replies: [
              {
                author: "ciaran-oconnell",
                hoursAfter: 15,
                body: "Agreeing exam hours up front is clever. We always find out the week before.",
              },
            ],
          },
          {
            author: "padraig-o-suilleabhain",
            hoursAfter: 18,
            body: "Send me the job description. I'll pass it to our Level 5 hospitality class.",
          },
        ],
      },
      {
        author: "aoife-byrne",
        daysAgo: 40,
        body: "**Small win to share**\n\nWe landed our first hotel account: a boutique hotel in Kinsale, bread for breakfast six days a week.\n\nThis time I did everything this group told me: 30-day terms in writing before the first delivery, a statement on the 1st, and a proper costing per loaf (thanks Pádraig, my old prices were *embarrassing*). The first invoice was paid on day 21.\n\nThank you @declan.murphy, and Pádraig for the costing sheet.",
        reactions: [
          { person: "declan-murphy", kind: "celebrate" },
          { person: "padraig-o-suilleabhain", kind: "celebrate" },
          { person: "siobhan-ni-bhriain", kind: "celebrate" },
          { person: "sinead-walsh", kind: "like" },
          { person: "niamh-gallagher", kind: "celebrate" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 2,
            body: "Day 21! Frame that bank statement.",
          },
          {
            author: "siobhan-ni-bhriain",
            hoursAfter: 7,
            body: "Brilliant. Please post a photo of the bread on their breakfast table, with their permission. That's marketing gold.",
          },
        ],
      },
      {
        author: "niamh-gallagher",
        daysAgo: 29,
        body: "A heads-up for anyone who hasn't found it yet: the **Cash-Flow Clinic Online** is a Synergy network where owners from Ireland, Germany, Finland and a few other countries bring their real numbers to a monthly call. Declan co-runs it, and @aoife.byrne has been bringing her bakery numbers for a few months now.\n\n@sinead.walsh, with the quiet winter weeks coming, it might be worth a look for the Claddagh Cup. It's open, so you can just join from the networks page.",
        reactions: [
          { person: "aoife-byrne", kind: "like" },
          { person: "sinead-walsh", kind: "thanks" },
        ],
      },
      {
        author: "padraig-o-suilleabhain",
        daysAgo: 13,
        body: "**Next meet-up: Tuesday, 7pm, college kitchen**\n\nTopic: *costing your recipes properly*. Bring:\n\n- one recipe you sell a lot of\n- your last invoices for its ingredients\n- a rough idea of how long it takes to make\n\nWe'll put it all into the costing sheet together and work out your real margin. Tea and (costed) biscuits provided.",
        reactions: [
          { person: "aoife-byrne", kind: "like" },
          { person: "declan-murphy", kind: "like" },
        ],
        comments: [
          {
            author: "aoife-byrne",
            hoursAfter: 3,
            body: "Bringing my croissant. Brace yourselves, the butter alone is a horror story.",
          },
          {
            author: "sinead-walsh",
            hoursAfter: 26,
            body: "Can't make this one, we're short in the kitchen. Will the sheet be online afterwards?",
            replies: [
              {
                author: "padraig-o-suilleabhain",
                hoursAfter: 28,
                body: "It will. I'll post it here on Wednesday.",
              },
            ],
          },
        ],
      },
      {
        author: "siobhan-ni-bhriain",
        daysAgo: 3,
        body: "For anyone thinking about online orders: the Local Enterprise Office is running an info session on the **Trading Online Voucher** next month. It part-funds things like a pre-order page or an online shop.\n\n@aoife.byrne, this could finally be your pre-order system. Happy to look over your plan before you apply.",
        reactions: [
          { person: "aoife-byrne", kind: "celebrate" },
          { person: "declan-murphy", kind: "insightful" },
        ],
        comments: [
          {
            author: "aoife-byrne",
            hoursAfter: 1.5,
            body: "Yes please! Coffee on me after the meet-up?",
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "sinead-walsh",
        daysAgo: 110,
        title: "Which probe thermometer do you trust?",
        body: "Ours died mid-service on Saturday. I'd like something that survives a busy kitchen, is easy to calibrate and doesn't cost a fortune. What are you all using?",
        replies: [
          {
            author: "padraig-o-suilleabhain",
            hoursAfter: 3,
            body: 'Any waterproof digital probe with a thin tip and a replaceable battery will do. Rather than the brand, look for: reads to 0.1°C, a calibration or reset button, and a wipeable case. Buy **two** and label one "raw only". Check both weekly in ice water.',
            isAnswer: true,
          },
          {
            author: "aoife-byrne",
            hoursAfter: 7,
            body: "We keep a spare in the office drawer since ours fell into the proofing bucket. Best €20 we ever spent.",
          },
          {
            author: "ciaran-oconnell",
            hoursAfter: 30,
            body: 'Ordered two. Sinéad has already written "RAW" on one in permanent marker.',
          },
        ],
      },
      {
        author: "ciaran-oconnell",
        daysAgo: 62,
        title: "Card terminal fees: what are ye actually paying?",
        body: "Our bank terminal costs a monthly fee plus a percentage, and the statement is impossible to read. The pay-as-you-go readers look cheaper but I'm not sure they are once you do the sums at our volume. Anyone compared properly?",
        replies: [
          {
            author: "aoife-byrne",
            hoursAfter: 4,
            body: "For the markets we use a pay-as-you-go reader. No monthly fee made sense when we only took cards two days a week.",
          },
          {
            author: "declan-murphy",
            hoursAfter: 9,
            body: "Work out your **effective rate**: total fees in a month (monthly charge + percentage + per-transaction fees + terminal rental) divided by total card takings. Do it for three months. Below a certain volume the pay-as-you-go reader wins; above it, the bank deal usually does. And always ask the bank to match a competitor's quote. They often will.",
            isAnswer: true,
          },
          {
            author: "siobhan-ni-bhriain",
            hoursAfter: 26,
            body: "Also check which one links to your till or booking system. Saving an hour of reconciling a week is worth a few cents per transaction.",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "padraig-o-suilleabhain",
        daysAgo: 97,
        kind: "link",
        title: "HACCP refresher: slides and cooling log template",
        description:
          "Slides from the refresher evening, with a printable cooling log and a probe calibration record.",
        url: "https://leevalleycollege.example/haccp-refresher",
        language: "en",
        topics: ["food-safety-haccp"],
      },
      {
        addedBy: "niamh-gallagher",
        daysAgo: 119,
        kind: "link",
        title: "Chasing late payments without losing the customer",
        description:
          "Declan Murphy's evening course from the Liffey centre, now online: payment terms, statements, phone scripts and letter templates.",
        url: "https://liffeyskills.example/courses/late-payments",
        language: "en",
        topics: ["late-payments", "cash-flow-planning"],
      },
      {
        addedBy: "padraig-o-suilleabhain",
        daysAgo: 11,
        kind: "link",
        title: "Recipe costing sheet",
        description:
          "The spreadsheet from the costing meet-up: ingredients, yield, labour and packaging per unit, with a margin check.",
        url: "https://leevalleycollege.example/recipe-costing-sheet",
        language: "en",
        topics: ["cost-control", "pricing", "spreadsheets"],
      },
    ],
  },
  // ──────────────────── Thessaloniki Digital Shopfronts (GR, local, open) ────────────────────
  {
    key: "thessaloniki-digital-shopfronts",
    name: "Thessaloniki Digital Shopfronts",
    purpose:
      "Βοηθάμε μικρά μαγαζιά και παραγωγούς να φαίνονται και να πουλάνε στο διαδίκτυο, βήμα βήμα και χωρίς ακριβά εργαλεία.",
    description:
      "Συναντιόμαστε κάθε δεύτερη Τετάρτη στο ΚΔΒΜ Θερμαϊκός, κοντά στα Λαδάδικα, και όσοι μένουν εκτός Θεσσαλονίκης συνδέονται online. Μιλάμε για Google, Instagram, eshop, φωτογραφίες προϊόντων και κριτικές. Κάθε μέλος φέρνει ένα πραγματικό πρόβλημα του μαγαζιού του και το λύνουμε μαζί.",
    kind: "local",
    place: "Θεσσαλονίκη, Λαδάδικα",
    countries: ["GR"],
    languages: ["el"],
    visibility: "open",
    topics: [
      "social-media-marketing",
      "online-shop",
      "product-photography",
      "online-reputation",
      "seo",
    ],
    memberCap: 30,
    createdDaysAgo: 200,
    facilitators: ["eleni-papadopoulou"],
    members: [
      "giorgos-nikolaidis",
      "dimitra-alexiou",
      "eirini-mavraki",
      "vasilis-katsaros",
      "katerina-dimitriou",
      "sofia-theodorou",
      "stavros-karagiannis",
    ],
    posts: [
      {
        author: "eleni-papadopoulou",
        daysAgo: 199,
        pinned: true,
        body: "Καλώς ήρθατε στο **Thessaloniki Digital Shopfronts**!\n\nΕίμαστε μια μικρή ομάδα ιδιοκτητών και εκπαιδευτών που θέλουν να κάνουν τη «βιτρίνα» τους στο διαδίκτυο να δουλεύει πραγματικά. Βρισκόμαστε **κάθε δεύτερη Τετάρτη στις 18:30** στο ΚΔΒΜ Θερμαϊκός, και όποιος δεν είναι στη Θεσσαλονίκη συνδέεται online.\n\nΠώς δουλεύουμε:\n\n- Κάθε φορά ένα μέλος δείχνει το προφίλ ή το eshop του και παίρνει ειλικρινή σχόλια.\n- Μοιραζόμαστε ό,τι δούλεψε *και* ό,τι δεν δούλεψε.\n- Καμία ερώτηση δεν είναι χαζή. Όλοι κάπου ξεκινήσαμε.\n\nΓράψτε στα σχόλια ποιοι είστε και ποιο είναι το πρώτο πράγμα που θέλετε να φτιάξετε.",
        reactions: [
          { person: "giorgos-nikolaidis", kind: "like" },
          { person: "eirini-mavraki", kind: "celebrate" },
          { person: "dimitra-alexiou", kind: "like" },
        ],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 5,
            body: "Ειρήνη από το ελαιοτριβείο Μαυράκη στα Χανιά. Θα συνδέομαι online. Πρώτος στόχος: να μην εγκαταλείπουν οι πελάτες το καλάθι στο eshop μας!",
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 30,
            body: "Δήμητρα, λογίστρια, από Αθήνα. Θα βοηθήσω όπου χρειάζονται νούμερα, κοστολόγηση και myDATA.",
          },
        ],
      },
      {
        author: "eirini-mavraki",
        daysAgo: 181,
        body: "Ερώτηση που μας απασχολεί στο σπίτι εδώ και μήνες: **δικό μας eshop ή marketplace;**\n\nΤο eshop μας έχει 20–30 επισκέψεις τη μέρα και λίγες παραγγελίες. Σκεφτόμαστε να ανεβάσουμε το λάδι και σε μεγάλη πλατφόρμα, αλλά φοβάμαι ότι με τις προμήθειες και τα μεταφορικά για υγρά δεν θα μείνει τίποτα. Έχει κανείς εμπειρία;",
        reactions: [
          { person: "giorgos-nikolaidis", kind: "support" },
          { person: "dimitra-alexiou", kind: "like" },
        ],
        comments: [
          {
            author: "giorgos-nikolaidis",
            hoursAfter: 6,
            body: "Για λάδι το σημαντικό δεν είναι η προμήθεια αλλά η αποστολή: υγρό, εύθραυστο, βαρύ. Δες πρώτα αν η πλατφόρμα δέχεται υγρά προς τις χώρες που θέλεις και πόσο κοστίζει ένα δέμα 3 λίτρων στη Γερμανία. Αν το κόστος αποστολής είναι πάνω από 25% της τιμής, δεν βγαίνει.",
          },
          {
            author: "eleni-papadopoulou",
            hoursAfter: 9,
            body: "Πρόταση: μην το δεις ως «ή το ένα ή το άλλο». Το marketplace φέρνει νέους πελάτες, το eshop κρατάει τους επαναλαμβανόμενους. Βάλε ένα κουπόνι για το eshop μέσα σε κάθε δέμα από την πλατφόρμα.",
            replies: [
              {
                author: "eirini-mavraki",
                hoursAfter: 12,
                body: "Το κουπόνι στο κουτί είναι πολύ καλή ιδέα. Θα το δοκιμάσουμε.",
              },
            ],
          },
        ],
      },
      {
        author: "eleni-papadopoulou",
        daysAgo: 158,
        body: "**Google Business Profile σε 5 βήματα**, όπως τα είπαμε την Τετάρτη:\n\n- **Σωστή κύρια κατηγορία.** «Ταβέρνα» και όχι «Εστιατόριο», «Κεραμικό εργαστήριο» και όχι «Κατάστημα».\n- **Τουλάχιστον 10 φωτογραφίες**: πρόσοψη, εσωτερικό, προϊόντα, άνθρωποι.\n- **Ωράριο αργιών.** Το Πάσχα και τον Δεκαπενταύγουστο όλοι ψάχνουν αν είστε ανοιχτά.\n- **Απάντηση σε κάθε κριτική**, και στις καλές.\n- **Μία ανάρτηση τον μήνα** για νέο προϊόν, εκδήλωση ή προσφορά.\n\nΟ οδηγός βήμα-βήμα είναι στους πόρους.",
        reactions: [
          { person: "vasilis-katsaros", kind: "insightful" },
          { person: "dimitra-alexiou", kind: "thanks" },
          { person: "giorgos-nikolaidis", kind: "like" },
        ],
      },
      {
        author: "vasilis-katsaros",
        daysAgo: 152,
        body: "Χρειάζομαι βοήθεια. Μας έγραψαν κριτική με ένα αστέρι στη Google ότι «έπαθαν τροφική δηλητηρίαση» από τον μουσακά μας. Ελέγξαμε: εκείνη τη μέρα σερβίραμε 40 μερίδες και κανείς άλλος δεν παραπονέθηκε. Είμαι έξαλλος και φοβάμαι ότι αν απαντήσω τώρα θα το κάνω χειρότερο.\n\nΠώς απαντάτε σε κάτι τέτοιο;",
        reactions: [
          { person: "eleni-papadopoulou", kind: "support" },
          { person: "dimitra-alexiou", kind: "support" },
          { person: "giorgos-nikolaidis", kind: "support" },
        ],
        comments: [
          {
            author: "eleni-papadopoulou",
            hoursAfter: 2,
            body: "Σωστά κάνεις και περιμένεις. Η απάντηση απευθύνεται στους **επόμενους** πελάτες που θα τη διαβάσουν, όχι σε αυτόν. Σχέδιο:\n\n- Ευχαριστώ που μας γράψατε και λυπούμαστε που δεν νιώσατε καλά.\n- Ήρεμα γεγονότα: «Τηρούμε αυστηρά τις διαδικασίες υγιεινής και ελέγξαμε την παρτίδα εκείνης της ημέρας».\n- Πρόσκληση εκτός δημοσίου: «Επικοινωνήστε μαζί μας στο τηλέφωνο… για να το δούμε μαζί».\n\nΧωρίς ειρωνεία και χωρίς κατηγορίες.",
            replies: [
              {
                author: "vasilis-katsaros",
                hoursAfter: 20,
                body: "Το έγραψα έτσι, χωρίς να προσθέσω τίποτα από αυτά που ήθελα να γράψω. Ευχαριστώ, Ελένη.",
              },
            ],
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 5,
            body: "Κράτα και στο αρχείο τα δελτία θερμοκρασιών εκείνης της μέρας. Δεν τα δημοσιεύεις, αλλά αν ποτέ χρειαστεί, τα έχεις.",
          },
        ],
      },
      {
        author: "dimitra-alexiou",
        daysAgo: 131,
        body: "Μια υπενθύμιση για όσους βάζουν τιμές στο eshop. Η τιμή πρέπει να καλύπτει και όσα δεν βλέπετε στο ταμείο:\n\n- **προμήθεια πληρωμής**, συνήθως 1,5–3% ανά συναλλαγή\n- **συσκευασία**: κουτί, χαρτί, ταινία, κάρτα ευχαριστώ\n- **δωρεάν μεταφορικά** πάνω από ένα ποσό; Κάποιος τα πληρώνει, και είστε εσείς\n- **επιστροφές και σπασμένα**, υπολογίστε ένα μικρό ποσοστό\n\nΑν θέλετε, φέρτε την Τετάρτη ένα προϊόν και κάνουμε μαζί την κοστολόγηση.",
        reactions: [
          { person: "eirini-mavraki", kind: "insightful" },
          { person: "eleni-papadopoulou", kind: "like" },
        ],
      },
      {
        author: "eleni-papadopoulou",
        daysAgo: 101,
        body: "**Απολογισμός: εργαστήριο φωτογράφισης προϊόντων με κινητό**\n\nΉμασταν 14 άτομα, οι 5 online. Τα τρία πράγματα που άλλαξαν αμέσως τις φωτογραφίες όλων:\n\n- **Φως από το πλάι**, από παράθυρο, και ένα λευκό χαρτόνι απέναντι για να «γεμίσει» τη σκιά.\n- **Καθαρός φακός.** Ναι, σοβαρά. Οι μισές θολές φωτογραφίες ήταν δαχτυλιές.\n- **Μία φωτογραφία «σε χρήση»** για κάθε προϊόν: το λάδι πάνω στη σαλάτα, όχι μόνο το μπουκάλι.\n\nΕυχαριστώ την Ειρήνη για τα μπουκάλια λαδιού που έστειλε από τα Χανιά για εξάσκηση. Το checklist είναι στους πόρους.",
        reactions: [
          { person: "giorgos-nikolaidis", kind: "like" },
          { person: "eirini-mavraki", kind: "thanks" },
          { person: "vasilis-katsaros", kind: "like" },
        ],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 18,
            body: "Ξαναφωτογράφισα όλη τη σειρά με το λευκό χαρτόνι. Η διαφορά είναι απίστευτη.",
          },
        ],
      },
      {
        author: "katerina-dimitriou",
        daysAgo: 58,
        body: "Καλά νέα και μια ερώτηση!\n\nΤο eshop μου είναι ανοιχτό έναν μήνα και ήρθαν **οι πρώτες 3 παραγγελίες από τη Γερμανία**. Η μία όμως έφτασε με ένα πιάτο σπασμένο στη μέση.\n\n@giorgos.nikolaidis, πώς συσκευάζουν οι επαγγελματίες κεραμικά για το εξωτερικό; Και πρέπει να ασφαλίζω κάθε δέμα;",
        reactions: [
          { person: "eleni-papadopoulou", kind: "celebrate" },
          { person: "eirini-mavraki", kind: "celebrate" },
          { person: "giorgos-nikolaidis", kind: "like" },
        ],
        comments: [
          {
            author: "giorgos-nikolaidis",
            hoursAfter: 4,
            body: "Συγχαρητήρια! Για κεραμικά: **διπλό κουτί**. Το κομμάτι τυλιγμένο σε φυσαλίδες μέσα σε ένα κουτί, και αυτό μέσα σε ένα μεγαλύτερο με 5 εκ. γέμισμα γύρω-γύρω. Ασφάλιση μόνο πάνω από κάποια αξία, αλλιώς βγαίνει φθηνότερο να ξαναστείλεις.\n\nΚαι κάτι ακόμα: όταν οι πωλήσεις σου σε ιδιώτες σε άλλες χώρες της ΕΕ ξεπεράσουν συνολικά τις 10.000 € τον χρόνο, αλλάζει ο ΦΠΑ. Κοίτα το OSS, έχω βάλει οδηγό στους πόρους.",
            replies: [
              {
                author: "katerina-dimitriou",
                hoursAfter: 7,
                body: "Δεν είχα ιδέα για το όριο. Ευχαριστώ πολύ!",
              },
            ],
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 9,
            body: "Και μην ξεχάσεις να βάλεις το κόστος του διπλού κουτιού στην τιμή. Το λέω από εμπειρία πελατών μου.",
          },
        ],
      },
      {
        author: "vasilis-katsaros",
        daysAgo: 44,
        body: "Μια μικρή επιτυχία. Εδώ και δύο μήνες απαντάμε σε **κάθε** κριτική, καλή ή κακή, μέσα σε δύο μέρες. Η βαθμολογία μας στη Google ανέβηκε από 4,1 σε 4,5 και δύο πελάτες μάς είπαν ότι ήρθαν επειδή «φαίνεται πως σας νοιάζει».\n\nΕυχαριστώ @eleni.papadopoulou. Η γυναίκα μου λέει ότι είμαι πιο ήρεμος και στο σπίτι!",
        reactions: [
          { person: "eleni-papadopoulou", kind: "celebrate" },
          { person: "katerina-dimitriou", kind: "celebrate" },
          { person: "giorgos-nikolaidis", kind: "like" },
          { person: "dimitra-alexiou", kind: "celebrate" },
        ],
        comments: [
          {
            author: "eleni-papadopoulou",
            hoursAfter: 3,
            body: "Αυτό είναι! Θα το χρησιμοποιήσω ως παράδειγμα στο επόμενο τμήμα, αν μου επιτρέπεις.",
            replies: [
              {
                author: "vasilis-katsaros",
                hoursAfter: 5,
                body: "Φυσικά. Και να τους πεις να έρθουν για μουσακά!",
              },
            ],
          },
        ],
      },
      {
        author: "sofia-theodorou",
        daysAgo: 24,
        body: "Γεια σας από τα Γιάννενα! Έχω βιβλιοκαφέ δίπλα στη λίμνη και κάθε εβδομάδα κάνουμε παρουσιάσεις βιβλίων και εργαστήρια για παιδιά.\n\nΘέλω να ξεκινήσω **newsletter** για τις εκδηλώσεις. Ποιο εργαλείο χρησιμοποιείτε, και κάθε πότε στέλνετε χωρίς να κουράζετε τον κόσμο;",
        reactions: [
          { person: "eleni-papadopoulou", kind: "like" },
          { person: "katerina-dimitriou", kind: "like" },
        ],
        comments: [
          {
            author: "eleni-papadopoulou",
            hoursAfter: 3,
            body: "Καλώς ήρθες, Σοφία! Για ξεκίνημα αρκεί ένα δωρεάν πακέτο οποιουδήποτε γνωστού εργαλείου newsletter. Σημασία έχει η συνέπεια: **μία φορά τον μήνα** με το πρόγραμμα και μία σύντομη υπενθύμιση πριν από κάθε μεγάλη εκδήλωση.",
          },
          {
            author: "katerina-dimitriou",
            hoursAfter: 8,
            body: "Εγώ μαζεύω email με ένα τετράδιο στον πάγκο όταν κάνω μαθήματα τροχού, με ένα κουτάκι «συμφωνώ να λαμβάνω ενημερώσεις». Απλό και δουλεύει.",
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 22,
            body: "Να κρατάς τη συγκατάθεση γραπτή, όπως λέει η Κατερίνα. Αν ποτέ σε ρωτήσουν, πρέπει να μπορείς να δείξεις πότε και πώς σου είπαν «ναι».",
          },
        ],
      },
      {
        author: "eleni-papadopoulou",
        daysAgo: 11,
        body: "**Επόμενη συνάντηση: Τετάρτη 18:30 – σύντομα βίντεο (Reels) με το κινητό**\n\nΘα γυρίσουμε ζωντανά ένα βίντεο 15 δευτερολέπτων για το προϊόν καθενός. Φέρτε:\n\n- το κινητό σας, φορτισμένο\n- ένα προϊόν ή μια ιδέα για το μαγαζί\n- μια ιδέα για το πρώτο δευτερόλεπτο: τι θα κάνει κάποιον να σταματήσει να σκρολάρει;\n\nΟι online συμμετέχοντες θα πάρουν το link την Τρίτη.",
        reactions: [
          { person: "sofia-theodorou", kind: "like" },
          { person: "katerina-dimitriou", kind: "like" },
        ],
      },
      {
        author: "stavros-karagiannis",
        daysAgo: 3,
        body: "Καλησπέρα σε όλους. Είμαι ο Σταύρος, μελισσοκόμος στη Χαλκιδική με 180 κυψέλες, πευκόμελο και ανθόμελο. Μέχρι τώρα πουλάω σε τοπικά μαγαζιά και σε τουρίστες το καλοκαίρι.\n\nΘέλω να στήσω ένα **απλό eshop** πριν από το Πάσχα. Από πού να ξεκινήσω χωρίς να ξοδέψω πολλά;",
        reactions: [
          { person: "eleni-papadopoulou", kind: "like" },
          { person: "eirini-mavraki", kind: "support" },
        ],
        comments: [
          {
            author: "eleni-papadopoulou",
            hoursAfter: 2,
            body: "Καλώς ήρθες, Σταύρο! Πριν από το eshop: φτιάξε το προφίλ σου στη Google και βγάλε καλές φωτογραφίες, είναι όλα στους πόρους. Η @eirini.mavraki έστησε πέρσι eshop για τρόφιμο σε βάζο και μπουκάλι, ρώτα την για τα μεταφορικά.",
          },
          {
            author: "eirini-mavraki",
            hoursAfter: 26,
            body: "Ευχαρίστως, Σταύρο! Το πιο χρήσιμο που έμαθα: ξεκίνα με **3–4 προϊόντα** και όχι με όλη τη γκάμα. Στείλε μου μήνυμα να σου πω ποια πλατφόρμα και ποιον courier χρησιμοποιούμε.",
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "eirini-mavraki",
        daysAgo: 176,
        title: "myDATA και eshop: πώς περνάτε τις παραγγελίες;",
        body: "Κάθε παραγγελία του eshop τη γράφουμε ξανά με το χέρι στο πρόγραμμα τιμολόγησης για να σταλεί στο myDATA. Με 5 παραγγελίες τη μέρα βγαίνει, με 30 δεν θα βγαίνει. Πώς το έχετε λύσει;",
        replies: [
          {
            author: "dimitra-alexiou",
            hoursAfter: 5,
            body: "Οι περισσότερες πλατφόρμες eshop συνδέονται με πάροχο ηλεκτρονικής τιμολόγησης ή με εμπορικό πρόγραμμα, ώστε η απόδειξη να εκδίδεται αυτόματα με την ολοκλήρωση της παραγγελίας και να διαβιβάζεται στο myDATA. Ρώτα τον λογιστή σας ποιο πρόγραμμα χρησιμοποιεί και αν έχει έτοιμη σύνδεση με την πλατφόρμα σας. Συνήθως είναι θέμα ρύθμισης, όχι προγραμματισμού.",
            isAnswer: true,
          },
          {
            author: "giorgos-nikolaidis",
            hoursAfter: 9,
            body: "Προσοχή στις παραγγελίες προς το εξωτερικό: ο ΦΠΑ και ο τύπος παραστατικού μπορεί να διαφέρουν. Δοκιμάστε πρώτα με μια δοκιμαστική παραγγελία.",
          },
          {
            author: "eirini-mavraki",
            hoursAfter: 72,
            body: "Ο λογιστής μας το ενεργοποίησε μέσα σε μια μέρα. Μετάνιωσα για τους τρεις μήνες που τα περνούσα με το χέρι!",
          },
        ],
      },
      {
        author: "katerina-dimitriou",
        daysAgo: 55,
        title: "Συσκευασία για κεραμικά: από πού αγοράζετε;",
        body: "Μετά το σπασμένο πιάτο ψάχνω προμηθευτή για κουτιά διπλού τοιχώματος και γέμισμα που να μην είναι πλαστικό. Ιδανικά κάπου στην Αθήνα ή με αποστολή.",
        replies: [
          {
            author: "eirini-mavraki",
            hoursAfter: 6,
            body: "Εμείς παίρνουμε χαρτοκιβώτια με ένθετα για μπουκάλια από χαρτοποιία στη Σούδα. Για γέμισμα χρησιμοποιούμε τσαλακωμένο χαρτί κραφτ και δουλεύει μια χαρά.",
          },
          {
            author: "eleni-papadopoulou",
            hoursAfter: 10,
            body: "Κάνε και μια φωτογραφία της συσκευασίας για το Instagram: «έτσι ταξιδεύει το πιάτο σου». Ο κόσμος το εκτιμά πολύ.",
          },
          {
            author: "vasilis-katsaros",
            hoursAfter: 30,
            body: "Ο κουνιάδος μου έχει χαρτοποιία στο Άργος, κάνει και αποστολές. Σου στέλνω το τηλέφωνο σε μήνυμα.",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "eleni-papadopoulou",
        daysAgo: 157,
        kind: "link",
        title: "Google Business Profile: οδηγός βήμα-βήμα",
        description:
          "Πώς να στήσετε και να συντηρείτε το προφίλ της επιχείρησής σας: κατηγορίες, φωτογραφίες, ωράρια, απαντήσεις σε κριτικές.",
        url: "https://thermaikos-kdvm.example/odigos-google-business-profile",
        language: "el",
        topics: ["online-reputation", "seo"],
      },
      {
        addedBy: "eleni-papadopoulou",
        daysAgo: 100,
        kind: "link",
        title: "Checklist φωτογράφισης προϊόντων με κινητό",
        description:
          "Μία σελίδα για να την έχετε δίπλα σας: φως, φόντο, γωνίες, φωτογραφίες σε χρήση και επεξεργασία χωρίς υπερβολές.",
        url: "https://thermaikos-kdvm.example/checklist-fotografisis",
        language: "el",
        topics: ["product-photography", "digital-content-creation"],
      },
      {
        addedBy: "giorgos-nikolaidis",
        daysAgo: 57,
        kind: "link",
        title: "OSS: ΦΠΑ στις πωλήσεις εξ αποστάσεως προς άλλες χώρες της ΕΕ",
        description:
          "Τι αλλάζει όταν οι πωλήσεις σε ιδιώτες άλλων κρατών μελών ξεπεράσουν το όριο των 10.000 €, και πώς λειτουργεί η ενιαία θυρίδα (OSS).",
        url: "https://thermaikos-kdvm.example/oss-fpa-eshop",
        language: "el",
        topics: ["cross-border-online-sales", "vat-and-invoicing"],
      },
    ],
  },
  // ───────────────────── Tampere Craft & Repair (FI, local, on request) ─────────────────────
  {
    key: "tampere-craft-repair",
    name: "Tampere Craft & Repair",
    purpose:
      "Korjaajien, käsityöläisten ja muiden pienyrittäjien vertaisverkosto, jossa ratkotaan arjen yrittäjäkysymyksiä yhdessä.",
    description:
      "Tapaamme kuun viimeisenä torstaina Pirkanmaan Yrittäjäopistolla Tampereella, ja muualla asuvat osallistuvat etänä. Puhumme hinnoittelusta, ajanvarauksesta, työnantajaksi ryhtymisestä ja siitä, miten korjaaminen saadaan näkyväksi. Verkostoon liitytään pyynnöstä: kerro lyhyesti yrityksestäsi, niin fasilitaattori hyväksyy sinut.",
    kind: "local",
    place: "Tampere, Kaleva",
    countries: ["FI"],
    languages: ["fi"],
    visibility: "request",
    topics: ["circular-economy", "crafts-business", "pricing", "hiring-first-employee"],
    memberCap: 20,
    createdDaysAgo: 56,
    facilitators: ["aino-virtanen"],
    members: [
      "mikko-heikkinen",
      "jussi-makela",
      "sanna-laine",
      "riikka-heikkila",
      "elias-lehtonen",
    ],
    posts: [
      {
        author: "aino-virtanen",
        daysAgo: 55,
        pinned: true,
        body: "Tervetuloa **Tampere Craft & Repair** -verkostoon!\n\nTämä on pieni ja käytännönläheinen porukka korjaajille, käsityöläisille ja muille pienyrittäjille. Tapaamme **kuun viimeisenä torstaina klo 17.30** Yrittäjäopistolla, ja etäyhteys on aina auki.\n\nNäin täällä toimitaan:\n\n- Kysy rohkeasti. Joku on melkein varmasti miettinyt samaa.\n- Jaa myös epäonnistumiset, niistä oppii eniten.\n- Asiakkaiden nimiä ja tietoja ei jaeta.\n\nKirjoita kommentteihin lyhyt esittely: mitä teet, missä ja mikä on juuri nyt yrityksesi isoin kysymys.",
        reactions: [
          { person: "mikko-heikkinen", kind: "like" },
          { person: "jussi-makela", kind: "like" },
          { person: "sanna-laine", kind: "celebrate" },
        ],
        comments: [
          {
            author: "jussi-makela",
            hoursAfter: 4,
            body: "Jussi, Pyöräpaja Mäkelä Kalevasta. Korjaan ja huollan pyöriä yksin. Isoin kysymys: kesällä jonoa kolme viikkoa, talvella hiljaista. Palkkaanko kausityöntekijän vai nostanko hintoja?",
          },
          {
            author: "riikka-heikkila",
            hoursAfter: 9,
            body: "Riikka, Siivouspalvelu Kirkas Oulusta. En ole korjaaja, mutta Aino houkutteli mukaan. Meillä on kahdeksan työntekijää ja neljä kieltä, joten kysymykseni liittyvät enemmän esihenkilötyöhön.",
            replies: [
              {
                author: "aino-virtanen",
                hoursAfter: 11,
                body: "Juuri siksi pyysin sinut! Täällä on monta, jotka miettivät ensimmäistä työntekijää. Sinulla on jo kahdeksan.",
              },
            ],
          },
        ],
      },
      {
        author: "jussi-makela",
        daysAgo: 52,
        body: 'Hinnoittelukysymys muille korjaajille.\n\nVeloitan nyt huollosta **tuntihinnan + osat**. Asiakkaat kysyvät aina etukäteen "paljonko tämä maksaa", enkä osaa vastata ennen kuin pyörä on auki. Kilpailijat ovat siirtyneet kiinteisiin huoltopaketteihin (perushuolto, iso huolto).\n\nOletteko kokeilleet pakettihintoja? Tuleeko niistä tappiota, kun joku tuo täysin romuksi ajetun pyörän?',
        reactions: [
          { person: "mikko-heikkinen", kind: "like" },
          { person: "sanna-laine", kind: "insightful" },
        ],
        comments: [
          {
            author: "sanna-laine",
            hoursAfter: 3,
            body: 'Asiakkaan näkökulmasta paketti on selvä voitto: hän tietää hinnan ennen kuin tulee. Rajaa paketti tarkasti ("sisältää säädöt ja tarkastuksen, osat erikseen") ja lisää sääntö: jos työ paisuu, soitat ennen kuin jatkat.',
            replies: [
              {
                author: "jussi-makela",
                hoursAfter: 6,
                body: "Soittosääntö on hyvä. Se on tärkeä myös siksi, ettei asiakas säikähdä laskua.",
              },
            ],
          },
          {
            author: "mikko-heikkinen",
            hoursAfter: 8,
            body: "Laske ensin viime kesän huolloista keskimääräinen työaika. Jos paketin hinta kattaa keskiarvon, yksittäiset romut tasoittuvat. @jussi.makela, voin auttaa laskelmassa seuraavassa tapaamisessa.",
          },
          {
            author: "aino-virtanen",
            hoursAfter: 24,
            body: "Kahvilassani aikoinaan kiinteähintaiset lounaat pelastivat kassavirran: ihmiset tulivat, kun tiesivät hinnan. Sama logiikka.",
          },
        ],
      },
      {
        author: "mikko-heikkinen",
        daysAgo: 47,
        body: "Vinkki ja ehdotus.\n\nEU:n korjausoikeusdirektiivi tuo korjaamisen entistä enemmän esiin, ja moni kuluttaja etsii nyt korjaajaa ensimmäistä kertaa. Hyvä hetki tehdä itsensä näkyväksi.\n\nEhdotan, että järjestämme yhdessä **korjauskahvilan** Metson kirjastolla:\n\n- Jussi korjaa pyöriä\n- minä hoidan pienet tekstiili- ja elektroniikkakorjaukset vapaaehtoisten kanssa\n- jokainen yritys saa pöydän esitteille\n\nKuka lähtee mukaan?",
        reactions: [
          { person: "jussi-makela", kind: "celebrate" },
          { person: "aino-virtanen", kind: "like" },
          { person: "sanna-laine", kind: "like" },
        ],
        comments: [
          {
            author: "jussi-makela",
            hoursAfter: 2,
            body: "Mukana! Otan työpukin ja pumpun.",
          },
          {
            author: "aino-virtanen",
            hoursAfter: 5,
            body: "Varaan tilan kirjastolta. Lauantai klo 11–15 sopisi varmaan useimmille?",
          },
        ],
      },
      {
        author: "riikka-heikkila",
        daysAgo: 43,
        body: "Pyytäisin apua reklamaatioasiassa.\n\nAsiakas väittää, että työntekijämme naarmutti parkettia loppusiivouksessa, ja vaatii korvausta. Työntekijä kiistää. Kuvia ennen siivousta ei ole.\n\nMiten te toimitte, kun asiakas väittää vahinkoa ja sana on sanaa vastaan? Ja miten tuen työntekijää, joka kokee tulleensa syytetyksi?",
        reactions: [
          { person: "aino-virtanen", kind: "support" },
          { person: "jussi-makela", kind: "support" },
        ],
        comments: [
          {
            author: "jussi-makela",
            hoursAfter: 3,
            body: "Minä kuvaan jokaisen pyörän vastaanotossa, kolme kuvaa puhelimella. Kerran se säästi minut 400 euron riidalta. Ehkä sama toimisi siivouksessa ennen töiden aloittamista?",
          },
          {
            author: "aino-virtanen",
            hoursAfter: 6,
            body: "Ota ensin yhteyttä vakuutusyhtiöön. Vastuuvakuutus on juuri tällaisia tilanteita varten, ja korvausasian käsittelee silloin ulkopuolinen. Työntekijälle kannattaa sanoa ääneen, ettei kyse ole syyllisen etsimisestä vaan menettelystä. Ja ensi kerralla: kuvat ennen ja jälkeen.",
            replies: [
              {
                author: "riikka-heikkila",
                hoursAfter: 20,
                body: "Soitin vakuutusyhtiöön, ja asia etenee heidän kauttaan. Kuvauskäytäntö otetaan käyttöön kaikissa loppusiivouksissa ensi viikosta.",
              },
            ],
          },
        ],
      },
      {
        author: "sanna-laine",
        daysAgo: 37,
        body: 'Muutama vinkki **verkkoajanvaraukseen**, kun sitä on kyselty:\n\n- Aloita yksinkertaisesti: 3–5 palvelua, kesto ja hinta näkyviin.\n- Laita **automaattinen muistutus** tekstiviestillä edellisenä päivänä. Se vähentää poisjääntejä enemmän kuin mikään muu.\n- Jätä kalenteriin tyhjää tilaa kiireellisille. Kaikkea ei kannata avata varattavaksi.\n- Kysy varauksen yhteydessä yksi tarkentava kysymys, esim. "Mikä pyörässä on vialla?"\n\nVertailin muutamaa palvelua pienyrittäjän näkökulmasta, linkki resursseissa.',
        reactions: [
          { person: "jussi-makela", kind: "thanks" },
          { person: "aino-virtanen", kind: "insightful" },
        ],
      },
      {
        author: "aino-virtanen",
        daysAgo: 31,
        body: "**Korjauskahvilan satoa**\n\nLauantaina Metsossa kävi noin **40 ihmistä**, ja korjasimme yhteensä **27 esinettä**: pyöriä, housuja, lamppuja ja yhden leivänpaahtimen, jota kukaan ei uskonut pelastettavaksi.\n\nIso kiitos @jussi.makela (11 pyörää neljässä tunnissa!) ja @mikko.heikkinen järjestelyistä. Jussi sai samalla kuusi huoltovarausta kevääksi.\n\nSeuraava korjauskahvila keväällä?",
        reactions: [
          { person: "jussi-makela", kind: "celebrate" },
          { person: "mikko-heikkinen", kind: "celebrate" },
          { person: "sanna-laine", kind: "celebrate" },
          { person: "riikka-heikkila", kind: "like" },
        ],
        comments: [
          {
            author: "mikko-heikkinen",
            hoursAfter: 5,
            body: "Keväällä ehdottomasti. Kirjasto kysyi jo, voisimmeko tulla kerran kuussa.",
          },
          {
            author: "jussi-makela",
            hoursAfter: 7,
            body: "Kerran kuussa on ehkä liikaa yhdelle pyöränkorjaajalle. Joka toinen kuukausi?",
          },
        ],
      },
      {
        author: "jussi-makela",
        daysAgo: 24,
        body: "Pieni voitto: otin Sannan vinkkien pohjalta **verkkoajanvarauksen** käyttöön kolme viikkoa sitten. Puhelin soi puolet vähemmän, ja tekstiviestimuistutuksen ansiosta vain yksi asiakas on jättänyt tulematta.\n\nSeuraava askel on se pelottava: **ensimmäinen työntekijä** ensi kesäksi. @aino.virtanen, mistä aloitan?",
        reactions: [
          { person: "sanna-laine", kind: "celebrate" },
          { person: "aino-virtanen", kind: "celebrate" },
          { person: "riikka-heikkila", kind: "like" },
        ],
        comments: [
          {
            author: "aino-virtanen",
            hoursAfter: 3,
            body: "Hyvä Jussi! Ensimmäisen työntekijän muistilista lyhyesti:\n\n- kirjallinen työsopimus ja alan työehtosopimuksen tarkistus\n- työeläkevakuutus (TyEL) ja lakisääteinen tapaturmavakuutus ennen ensimmäistä työpäivää\n- palkkatiedot tulorekisteriin\n- työterveyshuolto on työnantajan velvollisuus\n\nKoko lista on resursseissa. Puhutaan tästä seuraavassa tapaamisessa.",
          },
          {
            author: "riikka-heikkila",
            hoursAfter: 9,
            body: "Yksi neuvo kahdeksan työntekijän jälkeen: kirjoita heti alussa ylös, miten haluat työt tehtävän. Perehdytys on helpompaa, kun se ei ole vain päässäsi.",
            replies: [
              {
                author: "jussi-makela",
                hoursAfter: 12,
                body: "Totta. Nyt kaikki on päässäni ja huoltokirjan marginaaleissa.",
              },
            ],
          },
        ],
      },
      {
        author: "elias-lehtonen",
        daysAgo: 9,
        body: "Moi kaikki! Olen Elias, teen logoja, pakkauksia ja verkkosivuja ruoka- ja käsityöbrändeille Helsingistä käsin.\n\nTarjoan tämän verkoston jäsenille **ilmaisen 30 minuutin brändikatselmoinnin** etänä: katsotaan yhdessä logo, nettisivut ja somekanavat, ja saat kolme konkreettista parannusehdotusta. Vastineeksi haluaisin kuulla, miten te hoidatte laskutuksen ja maksumuistutukset. Se on minun heikko kohtani.\n\n@jussi.makela, Pyöräpajan kyltti näytti kuvissa hienolta!",
        reactions: [
          { person: "jussi-makela", kind: "thanks" },
          { person: "aino-virtanen", kind: "like" },
          { person: "sanna-laine", kind: "like" },
        ],
        comments: [
          {
            author: "jussi-makela",
            hoursAfter: 6,
            body: "Kiitos! Kyltti on isoisän tekemä, logoa minulla ei oikeastaan ole. Otan katselmoinnin mielelläni.",
          },
          {
            author: "sanna-laine",
            hoursAfter: 10,
            body: "Laskutuksesta voin kertoa, miten itse automatisoin muistutukset. Sovitaan vaihtokauppa!",
          },
        ],
      },
      {
        author: "mikko-heikkinen",
        daysAgo: 5,
        body: "Ajatus keväälle: järjestettäisiinkö yhteinen **Korjausviikko**? Jokainen yritys tarjoaa viikon ajan jotain pientä (ilmainen tarkastus, alennus korjauksesta tai avoimet ovet), ja markkinoidaan yhdessä Tampereen paikallismedioissa.\n\nYksin kukaan meistä ei saa juttua lehteen, mutta kuusi yritystä ja korjauskahvilan tarina voi saadakin. Kiinnostaako?",
        reactions: [
          { person: "jussi-makela", kind: "like" },
          { person: "elias-lehtonen", kind: "insightful" },
        ],
        comments: [
          {
            author: "elias-lehtonen",
            hoursAfter: 4,
            body: "Teen mielelläni yhteisen ilmeen ja julisteen, jos sovitaan nimi.",
          },
        ],
      },
      {
        author: "aino-virtanen",
        daysAgo: 2,
        body: "Muistutus: **tapaaminen torstaina klo 17.30** Yrittäjäopistolla (luokka 204) ja etänä.\n\nAiheena **työnantajaksi ryhtyminen**: käydään läpi Jussin kesäsuunnitelma, ja Riikka kertoo, mitä olisi halunnut tietää ennen ensimmäistä rekrytointia. Kahvia ja pullaa tarjolla.",
        reactions: [
          { person: "riikka-heikkila", kind: "like" },
          { person: "jussi-makela", kind: "like" },
        ],
      },
    ],
    forumTopics: [
      {
        author: "jussi-makela",
        daysAgo: 50,
        title: "Hinnasto näkyviin verkkosivuille vai ei?",
        body: "Pelkään, että jos laitan hinnat nettiin, asiakkaat vertailevat pelkkää hintaa eivätkä ymmärrä, mitä huoltoon kuuluu. Toisaalta moni soittaa vain kysyäkseen hintaa. Miten olette ratkaisseet tämän?",
        replies: [
          {
            author: "sanna-laine",
            hoursAfter: 4,
            body: 'Laita hinnat näkyviin, mutta kerro samalla, mitä hintaan sisältyy. "Perushuolto 69 €: vaihteiden ja jarrujen säätö, ketjujen puhdistus, turvatarkastus." Kun sisältö on auki, vertailu muuttuu reiluksi. Ja puhelut vähenevät.',
            isAnswer: true,
          },
          {
            author: "riikka-heikkila",
            hoursAfter: 9,
            body: 'Meillä on "alkaen"-hinnat kotisiivouksille. Se toimii, kunhan tarjous tarkentuu nopeasti.',
          },
          {
            author: "aino-virtanen",
            hoursAfter: 26,
            body: "Muista, että kuluttajille ilmoitettujen hintojen pitää sisältää arvonlisävero.",
          },
        ],
      },
      {
        author: "riikka-heikkila",
        daysAgo: 21,
        title: "Sähköinen allekirjoitus työsopimuksissa?",
        body: "Osa työntekijöistämme on keikalla eri puolilla Oulua, ja paperisopimusten allekirjoittaminen venyy viikoilla. Onko joku käyttänyt sähköistä allekirjoitusta työsopimuksissa, ja onko se pätevä?",
        replies: [
          {
            author: "aino-virtanen",
            hoursAfter: 5,
            body: "Työsopimuksen voi tehdä myös sähköisesti, ja sähköinen allekirjoitus on siihen ihan hyvä tapa. Olennaista on, että molemmat osapuolet tunnistetaan luotettavasti ja sopimus tallentuu niin, että sen saa myöhemmin esiin. Kannattaa valita palvelu, jossa tunnistautuminen tehdään pankkitunnuksilla tai mobiilivarmenteella.",
            isAnswer: true,
          },
          {
            author: "sanna-laine",
            hoursAfter: 8,
            body: "Itse käytän yhtä tunnettua allekirjoituspalvelua asiakassopimuksissa. Maksaa pari euroa kappaleelta ja säästää tuntikausia.",
          },
          {
            author: "elias-lehtonen",
            hoursAfter: 220,
            body: "Myöhäinen vastaus, mutta sama palvelu toimii hyvin myös freelancesopimuksissa. Asiakkaat Virossa ja Ruotsissa ovat allekirjoittaneet ongelmitta.",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "aino-virtanen",
        daysAgo: 24,
        kind: "link",
        title: "Ensimmäisen työntekijän muistilista",
        description:
          "Yrittäjäopiston tarkistuslista työnantajaksi ryhtyvälle: työsopimus, vakuutukset, tulorekisteri, työterveyshuolto ja perehdytys.",
        url: "https://yrittajaopisto.example/ensimmainen-tyontekija",
        language: "fi",
        topics: ["hiring-first-employee", "payroll-hr-admin"],
      },
      {
        addedBy: "mikko-heikkinen",
        daysAgo: 46,
        kind: "link",
        title: "Korjauskahvilan järjestäjän opas",
        description:
          "Näin järjestät korjaustapahtuman kirjastossa tai kauppakeskuksessa: tilat, vapaaehtoiset, turvallisuus ja viestintä.",
        url: "https://kiertotalouskoulu.example/korjauskahvila-opas",
        language: "fi",
        topics: ["circular-economy", "business-networking"],
      },
      {
        addedBy: "sanna-laine",
        daysAgo: 37,
        kind: "link",
        title: "Ajanvarausjärjestelmät pienyrittäjälle – vertailu",
        description:
          "Viiden verkkoajanvarauspalvelun hinnat, tekstiviestimuistutukset, maksutavat ja käytettävyys yksinyrittäjän näkökulmasta.",
        url: "https://sannalaine.example/ajanvaraus-vertailu",
        language: "fi",
        topics: ["customer-service", "cloud-tools"],
      },
    ],
  },
  // ─────────────────────── Iași Small Business Circle (RO, local, open) ───────────────────────
  {
    key: "iasi-small-business-circle",
    name: "Iași Small Business Circle",
    purpose:
      "Un cerc de sprijin reciproc pentru antreprenori și formatori din Iași și din restul țării, pe teme concrete: acte, bani, clienți și prezență online.",
    description:
      "Ne întâlnim în a doua joi din lună la sediul Asociației Punte din Copou, iar membrii din Cluj, Timișoara și Maramureș se conectează online. Discutăm despre SPV și e-Factura, finanțări, prețuri și site-uri, cu formatori care răspund pe limba antreprenorilor. Fiecare întâlnire pornește de la o problemă reală adusă de un membru.",
    kind: "local",
    place: "Iași, Copou",
    countries: ["RO"],
    languages: ["ro"],
    visibility: "open",
    topics: [
      "e-government-services",
      "vat-and-invoicing",
      "public-funding-grants",
      "pricing",
      "website-building",
    ],
    memberCap: 40,
    createdDaysAgo: 240,
    facilitators: ["cristina-ionescu"],
    members: [
      "radu-georgescu",
      "elena-vasilescu",
      "stefan-popescu",
      "ioana-munteanu",
      "andreea-moldovan",
      "vasile-pop",
      "florin-dumitrescu",
    ],
    posts: [
      {
        author: "cristina-ionescu",
        daysAgo: 239,
        pinned: true,
        body: "Bun venit în **Iași Small Business Circle**!\n\nAcesta e un cerc mic de antreprenori și formatori care vor să învețe unii de la alții, fără prezentări sterile și fără jargon. Ne vedem **în a doua joi din lună, la ora 18:00**, la sediul Asociației Punte din Copou. Cine nu e din Iași intră online, linkul îl punem aici cu o zi înainte.\n\nCâteva reguli simple:\n\n- Întrebați orice, de la SPV la prețul unui tort.\n- Spuneți și ce nu a mers, de acolo învățăm cel mai mult.\n- Fără reclame nesolicitate. Recomandările cerute sunt binevenite.\n\nVă rog să vă prezentați în comentarii: ce faceți și ce problemă ați vrea să rezolvați anul acesta.",
        reactions: [
          { person: "radu-georgescu", kind: "like" },
          { person: "stefan-popescu", kind: "celebrate" },
          { person: "ioana-munteanu", kind: "like" },
        ],
        comments: [
          {
            author: "stefan-popescu",
            hoursAfter: 3,
            body: "Ștefan, Studio Copou. Facem magazine online pentru producători locali. Problema anului: contracte care să ne protejeze când clientul schimbă cerințele în fiecare săptămână.",
          },
          {
            author: "radu-georgescu",
            hoursAfter: 6,
            body: "Radu, formator la Punte. Dacă vă sperie SPV-ul sau e-Factura, eu sunt omul vostru. Promit explicații fără limbaj de funcționar.",
            replies: [
              {
                author: "cristina-ionescu",
                hoursAfter: 8,
                body: "Confirm, Radu a lucrat șapte ani la primărie și tot vorbește omenește.",
              },
            ],
          },
        ],
      },
      {
        author: "stefan-popescu",
        daysAgo: 221,
        body: "Întrebare practică despre **e-Factura**.\n\nLa noi facturile pleacă din programul de facturare, dar o parte apar în SPV cu erori de validare, iar clienții ne sună că „nu au primit factura”. Voi cum verificați că o factură a ajuns efectiv? Vă uitați zilnic în SPV sau aveți ceva automat?",
        reactions: [
          { person: "ioana-munteanu", kind: "support" },
          { person: "cristina-ionescu", kind: "like" },
        ],
        comments: [
          {
            author: "radu-georgescu",
            hoursAfter: 4,
            body: "Majoritatea programelor de facturare pot descărca automat răspunsurile din SPV, dar opțiunea e de obicei dezactivată implicit. Căutați în setări ceva de genul „sincronizare mesaje ANAF”. Până atunci, o verificare zilnică de 5 minute în SPV vă scutește de multe telefoane.",
            replies: [
              {
                author: "stefan-popescu",
                hoursAfter: 7,
                body: "Am găsit opțiunea. Era dezactivată, exact cum ai zis.",
              },
            ],
          },
          {
            author: "ioana-munteanu",
            hoursAfter: 9,
            body: "Am pus și un memento în calendar: în fiecare dimineață, la 9:15, verificăm mesajele ANAF. Ne-a salvat de două ori luna asta.",
          },
        ],
      },
      {
        author: "radu-georgescu",
        daysAgo: 203,
        body: "Pentru cine începe acum cu **SPV și e-Factura**, pașii pe scurt:\n\n- Obțineți un **certificat digital calificat** pentru reprezentantul legal. Fără el nu merge.\n- Înregistrați firma în **SPV** ca persoană juridică, cu certificatul.\n- Verificați că firma apare în **Registrul RO e-Factura**, dacă e cazul.\n- În programul de facturare, conectați contul SPV și activați transmiterea automată.\n- Verificați zilnic mesajele: o factură respinsă nu e o factură emisă.\n\nGhidul complet, cu capturi de ecran, e la resurse.",
        reactions: [
          { person: "cristina-ionescu", kind: "thanks" },
          { person: "stefan-popescu", kind: "thanks" },
          { person: "ioana-munteanu", kind: "insightful" },
        ],
      },
      {
        author: "cristina-ionescu",
        daysAgo: 182,
        body: "**Sesiune de informare despre finanțări**\n\nJoi, după întâlnirea obișnuită, vorbim despre apelurile pentru microîntreprinderi din **Programul Regional Nord-Est**. Ce aduceți:\n\n- ideea de investiție în 3–4 rânduri\n- cifra de afaceri și numărul de angajați din ultimul an\n- întrebările care vă sperie cel mai tare\n\nSpoiler: partea cea mai grea nu e cererea de finanțare, ci cofinanțarea și cash-flow-ul până vin rambursările. Vorbim și despre asta.",
        reactions: [
          { person: "stefan-popescu", kind: "like" },
          { person: "andreea-moldovan", kind: "insightful" },
        ],
        comments: [
          {
            author: "andreea-moldovan",
            hoursAfter: 10,
            body: "Sunt din Cluj, deci altă regiune, dar mă conectez oricum. Presupun că logica e aceeași.",
            replies: [
              {
                author: "cristina-ionescu",
                hoursAfter: 12,
                body: "Exact, doar apelurile diferă. Îți trimit după sesiune și linkurile pentru Nord-Vest.",
              },
            ],
          },
        ],
      },
      {
        author: "andreea-moldovan",
        daysAgo: 168,
        body: "Am nevoie de păreri sincere.\n\nUntul s-a scumpit cu aproape 40% în doi ani, zahărul și energia la fel, iar eu tot la prețurile din 2022 vând torturile. Mi-e frică să nu plece clientele de nunți la concurență dacă scumpesc.\n\nCum ați comunicat voi o creștere de preț? Ați anunțat-o sau ați schimbat pur și simplu lista?",
        reactions: [
          { person: "cristina-ionescu", kind: "support" },
          { person: "ioana-munteanu", kind: "support" },
        ],
        comments: [
          {
            author: "stefan-popescu",
            hoursAfter: 5,
            body: "Noi am anunțat cu o lună înainte și am păstrat prețul vechi pentru comenzile confirmate până la o dată. Nimeni nu s-a supărat, câțiva chiar au comandat mai repede.",
          },
          {
            author: "ioana-munteanu",
            hoursAfter: 8,
            body: "Pentru nunți poți face pachete (tort + candy bar + degustare) în loc de preț pe kilogram. E mai greu de comparat cu concurența.",
          },
          {
            author: "cristina-ionescu",
            hoursAfter: 30,
            body: "Începe cu calculul. Câți lei te costă de fapt un kilogram de tort acum? Dacă vrei, îl facem împreună joi.",
          },
        ],
      },
      {
        author: "ioana-munteanu",
        daysAgo: 118,
        body: "Cinci lucruri pe care le caut primele când un client nou îmi arată site-ul firmei:\n\n- **Ce faceți și pentru cine**, într-o propoziție, sus pe prima pagină.\n- **Telefon și adresă** vizibile fără să caut prin meniu.\n- **Poze reale**, nu imagini de stoc cu oameni zâmbind la laptop.\n- **Prețuri sau măcar „de la”.** Oamenii pleacă dacă nu au nicio idee.\n- **Funcționează bine pe telefon.** Peste jumătate din vizite vin de acolo.\n\nDacă vreți, la întâlnirea următoare ne uităm pe site-urile voastre, cinci minute fiecare.",
        reactions: [
          { person: "stefan-popescu", kind: "insightful" },
          { person: "radu-georgescu", kind: "like" },
          { person: "elena-vasilescu", kind: "like" },
        ],
      },
      {
        author: "elena-vasilescu",
        daysAgo: 112,
        body: "Bună tuturor, sunt Elena, mentor în programele Asociației Punte pentru femei care își pornesc prima afacere.\n\nDin luna aceasta pornim un **grup de mentorat** cu 6 antreprenoare: câte o întâlnire la două săptămâni, pe prețuri, primul plan de marketing și primii clienți. @andreea.moldovan, m-am gândit la tine pentru partea de prețuri. Ai trece pe la o sesiune să povestești ce ai învățat?",
        reactions: [
          { person: "cristina-ionescu", kind: "like" },
          { person: "andreea-moldovan", kind: "celebrate" },
        ],
        comments: [
          {
            author: "andreea-moldovan",
            hoursAfter: 6,
            body: "Cu mare drag! Aduc și un tort, ca să avem ce calcula.",
          },
        ],
      },
      {
        author: "vasile-pop",
        daysAgo: 89,
        body: "Aș avea nevoie de un sfat.\n\nAvem pensiunea cu șapte camere lângă Bârsana și aproape toate rezervările vin de pe o platformă mare, care ne ia cam **15–18% comision**. Vreau ca oaspeții să poată rezerva direct la noi, dar nu am site, doar o pagină de Facebook.\n\n@stefan.popescu, ce ar însemna un site simplu cu rezervări, cam cât costă și cât durează?",
        reactions: [
          { person: "elena-vasilescu", kind: "support" },
          { person: "ioana-munteanu", kind: "like" },
        ],
        comments: [
          {
            author: "stefan-popescu",
            hoursAfter: 5,
            body: "Pentru șapte camere nu ai nevoie de ceva complicat: un site de 4–5 pagini, un calendar de disponibilitate sincronizat cu platforma (ca să nu ai suprarezervări) și plată cu cardul sau avans prin transfer. Îți trimit în privat o estimare.",
            replies: [
              {
                author: "vasile-pop",
                hoursAfter: 20,
                body: "Mulțumesc! Sincronizarea cu platforma era exact ce mă speria.",
              },
            ],
          },
          {
            author: "elena-vasilescu",
            hoursAfter: 9,
            body: "Și până atunci: roagă fiecare oaspete mulțumit să revină direct data viitoare. O carte de vizită cu un mic discount pentru rezervări directe, lăsată în cameră, face minuni.",
          },
          {
            author: "ioana-munteanu",
            hoursAfter: 26,
            body: "Poze! Dacă faci site nou, fă mai întâi o zi de poze bune: camerele, grădina, masa, stâna. Ele vând, nu textul.",
          },
        ],
      },
      {
        author: "florin-dumitrescu",
        daysAgo: 58,
        body: "Salut din Timișoara. Am un service auto cu trei mecanici și îmi e rușine să recunosc că ținem datele clienților (nume, telefon, număr de înmatriculare, istoricul reparațiilor) într-un caiet și într-un Excel pe calculatorul din atelier.\n\n@radu.georgescu, ce trebuie să fac ca să fim în regulă cu **GDPR**? Și avem și camere de supraveghere în atelier.",
        reactions: [
          { person: "radu-georgescu", kind: "like" },
          { person: "cristina-ionescu", kind: "support" },
        ],
        comments: [
          {
            author: "radu-georgescu",
            hoursAfter: 4,
            body: "Nu e nimic de rușine, Florin, jumătate din cursanții mei au pornit de aici. Pe scurt:\n\n- Păstrați doar datele de care aveți nevoie, și doar cât timp aveți nevoie.\n- Calculatorul cu Excel-ul trebuie să aibă parolă, iar fișierul o copie de rezervă.\n- Pentru camere: **afiș vizibil** la intrare că zona e supravegheată video, și înregistrările păstrate un timp limitat.\n- O notă scurtă de informare pentru clienți, pe perete sau pe deviz.\n\nVă pot trimite un model de notă de informare.",
            replies: [
              {
                author: "florin-dumitrescu",
                hoursAfter: 9,
                body: "Da, vă rog! Afișul pentru camere îl punem mâine.",
              },
            ],
          },
        ],
      },
      {
        author: "stefan-popescu",
        daysAgo: 46,
        body: "O veste bună: am semnat primul contract mare cu un client din Germania, un magazin online pentru o manufactură de ceramică din Leipzig.\n\nContractul l-am scris după discuțiile de aici: etape clare, **număr limitat de runde de modificări**, iar orice schimbare în plus se facturează separat. Clientul l-a semnat fără comentarii. Mulțumesc @cristina.ionescu pentru modelul de contract și @ioana.munteanu pentru răbdare cu varianta în engleză.",
        reactions: [
          { person: "cristina-ionescu", kind: "celebrate" },
          { person: "ioana-munteanu", kind: "celebrate" },
          { person: "radu-georgescu", kind: "celebrate" },
          { person: "vasile-pop", kind: "like" },
        ],
        comments: [
          {
            author: "ioana-munteanu",
            hoursAfter: 2,
            body: "Acum urmează partea grea: factura cu TVA intracomunitar. Mă uit la voi, cei care ați mai trecut prin asta.",
            replies: [
              {
                author: "radu-georgescu",
                hoursAfter: 5,
                body: "Verificați mai întâi codul de TVA al clientului în VIES și păstrați o captură de ecran. Restul îl vorbim joi.",
              },
            ],
          },
        ],
      },
      {
        author: "cristina-ionescu",
        daysAgo: 19,
        body: "**Ce am lucrat joi**\n\nAm fost 12 persoane, 4 online. Tema a fost **planul de afaceri pe o singură pagină**: cine sunt clienții, ce cumpără, cât costă să le vindem și cum ajung banii în cont.\n\nCe mi-a rămas în minte:\n\n- Vasile a descoperit că oaspeții din Germania stau în medie cu două nopți mai mult decât ceilalți.\n- Florin a calculat că o programare online i-ar economisi o oră de telefon pe zi.\n- Andreea a înțeles de ce tortul de nuntă îi aduce bani, iar prăjiturile la bucată aproape deloc.\n\nȘablonul e la resurse. Data viitoare: cum vorbim cu banca.",
        reactions: [
          { person: "elena-vasilescu", kind: "like" },
          { person: "vasile-pop", kind: "thanks" },
          { person: "florin-dumitrescu", kind: "thanks" },
        ],
      },
      {
        author: "andreea-moldovan",
        daysAgo: 7,
        body: "Vă povesteam acum câteva luni că mi-e frică să scumpesc. Am făcut calculul cu Elena și Cristina, am **crescut prețurile cu 12%**, am anunțat cu o lună înainte și am introdus pachete pentru nunți.\n\nRezultatul după două luni: am pierdut **o singură clientă**, iar marja pe tortul de nuntă a crescut mult. Mulțumesc @elena.vasilescu, fără tine nu aveam curaj.",
        reactions: [
          { person: "elena-vasilescu", kind: "celebrate" },
          { person: "cristina-ionescu", kind: "celebrate" },
          { person: "stefan-popescu", kind: "celebrate" },
          { person: "ioana-munteanu", kind: "like" },
          { person: "vasile-pop", kind: "like" },
        ],
        comments: [
          {
            author: "elena-vasilescu",
            hoursAfter: 1,
            body: "Curajul a fost al tău! Vii să povestești asta și grupului de mentorat?",
            replies: [
              {
                author: "andreea-moldovan",
                hoursAfter: 3,
                body: "Sigur, cu tortul aferent.",
              },
            ],
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "stefan-popescu",
        daysAgo: 216,
        title: "e-Factura respinsă: „eroare de validare” fără explicații",
        body: "Am trei facturi respinse cu un mesaj de eroare în care nu înțeleg nimic. Toate au un client persoană fizică. A mai pățit cineva?",
        replies: [
          {
            author: "radu-georgescu",
            hoursAfter: 3,
            body: "Cel mai des e vorba de câmpuri lipsă pentru cumpărător: adresa incompletă sau codul de identificare. Descărcați fișierul cu erori din SPV, nu vă uitați doar la mesajul scurt: acolo scrie exact care câmp e problema. Corectați în program și retransmiteți.",
            isAnswer: true,
          },
          {
            author: "ioana-munteanu",
            hoursAfter: 6,
            body: "La noi era județul scris cu diacritice greșite, dintr-un import vechi de clienți. Incredibil, dar adevărat.",
          },
          {
            author: "cristina-ionescu",
            hoursAfter: 28,
            body: "Radu, putem face din asta o mini-sesiune la următoarea întâlnire? Sigur nu sunt singurii.",
          },
        ],
      },
      {
        author: "vasile-pop",
        daysAgo: 84,
        title: "Recenziile de pe platformă sau cele de pe Google, care contează mai mult?",
        body: "Avem recenzii foarte bune pe platforma de rezervări, dar pe Google doar câteva. Merită să le cerem oaspeților și acolo sau e prea mult?",
        replies: [
          {
            author: "elena-vasilescu",
            hoursAfter: 5,
            body: "Merită. Cine vă caută direct pe nume ajunge pe Google, nu pe platformă.",
          },
          {
            author: "ioana-munteanu",
            hoursAfter: 7,
            body: "Cele de pe Google vă aduc rezervări **directe**, fără comision, deci pentru voi contează mai mult. Faceți un cod QR care duce direct la pagina de recenzie și puneți-l pe masă la micul dejun din ultima zi. Cereți personal, nu prin e-mail automat.",
            isAnswer: true,
          },
          {
            author: "stefan-popescu",
            hoursAfter: 22,
            body: "Și răspundeți la fiecare recenzie, chiar și cu două rânduri. Se vede că există un om în spate.",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "radu-georgescu",
        daysAgo: 203,
        kind: "link",
        title: "Ghid pas cu pas: SPV și e-Factura pentru firme mici",
        description:
          "De la certificatul digital la verificarea zilnică a mesajelor, cu capturi de ecran și cele mai frecvente erori de validare.",
        url: "https://asociatiapunte.example/ghid-spv-efactura",
        language: "ro",
        topics: ["e-government-services", "vat-and-invoicing"],
      },
      {
        addedBy: "cristina-ionescu",
        daysAgo: 18,
        kind: "link",
        title: "Planul de afaceri pe o singură pagină – șablon",
        description:
          "Șablonul folosit la întâlnire: clienți, ofertă, costuri, canale și flux de numerar, totul pe o pagină A4.",
        url: "https://asociatiapunte.example/plan-de-afaceri-o-pagina",
        language: "ro",
        topics: ["business-planning"],
      },
      {
        addedBy: "elena-vasilescu",
        daysAgo: 100,
        kind: "link",
        title: "Calculator de preț pentru produse artizanale",
        description:
          "Foaie de calcul simplă: materii prime, manoperă, ambalaj, cheltuieli fixe pe bucată și marja dorită.",
        url: "https://asociatiapunte.example/calculator-pret",
        language: "ro",
        topics: ["pricing", "spreadsheets"],
      },
    ],
  },
  // ─────────────────────── Umbria Agriturismo Network (IT, local, invite) ───────────────────────
  {
    key: "umbria-agriturismo-network",
    name: "Umbria Agriturismo Network",
    purpose:
      "Una rete su invito di agriturismi, artigiani e formatori umbri per allungare la stagione e fare rete sul territorio.",
    description:
      "Ci incontriamo ogni due mesi a turno in uno degli agriturismi della rete, tra Todi e la Media Valle del Tevere, con i formatori della Camera dell'Artigianato Umbro. Parliamo di prenotazioni dirette, adempimenti, energia e di come vendere i prodotti dell'azienda agli ospiti anche dopo la partenza. La rete è su invito per restare piccola e concreta.",
    kind: "local",
    place: "Todi e Media Valle del Tevere",
    countries: ["IT"],
    languages: ["it"],
    visibility: "invite",
    topics: [
      "tourism-services",
      "hospitality-catering",
      "small-scale-farming",
      "regulatory-compliance",
    ],
    memberCap: 15,
    createdDaysAgo: 190,
    facilitators: ["francesca-lombardi"],
    members: [
      "alessandro-ferri",
      "chiara-esposito",
      "lucia-bartolini",
      "matteo-bartolini",
      "lorenzo-conti",
    ],
    posts: [
      {
        author: "francesca-lombardi",
        daysAgo: 189,
        pinned: true,
        body: "Benvenuti nella **Umbria Agriturismo Network**!\n\nSiamo una rete piccola, su invito, di chi fa accoglienza e produzione in campagna e di chi li forma. L'idea è semplice: ogni due mesi ci vediamo **in un agriturismo diverso**, giriamo l'azienda e lavoriamo su un problema concreto di chi ci ospita. Il primo incontro sarà al Poggio dei Lecci, grazie a Lucia e Matteo.\n\nQui in bacheca:\n\n- domande e dubbi, anche piccoli\n- contatti utili (fornitori, tecnici, commercialisti bravi)\n- risultati, perché anche i successi vanno condivisi\n\nSe conoscete qualcuno che dovrebbe far parte della rete, scrivetemi: gli inviti li mando io.",
        reactions: [
          { person: "lucia-bartolini", kind: "celebrate" },
          { person: "alessandro-ferri", kind: "like" },
          { person: "matteo-bartolini", kind: "like" },
        ],
        comments: [
          {
            author: "lucia-bartolini",
            hoursAfter: 4,
            body: "Vi aspettiamo! Matteo prepara la torta al testo, io il caffè.",
          },
        ],
      },
      {
        author: "lucia-bartolini",
        daysAgo: 178,
        body: "Domanda che mi tormenta: quest'anno l'**80% delle prenotazioni** è arrivato dai grandi portali, con commissioni intorno al 15–18%. Gli ospiti tedeschi e olandesi tornano spesso, ma prenotano di nuovo dal portale per abitudine.\n\n@chiara.esposito, da dove si comincia per spostare le prenotazioni sul nostro sito senza perdere visibilità?",
        reactions: [
          { person: "francesca-lombardi", kind: "support" },
          { person: "matteo-bartolini", kind: "like" },
        ],
        comments: [
          {
            author: "chiara-esposito",
            hoursAfter: 3,
            body: "Il portale tienilo per i **nuovi** ospiti: è la tua vetrina. Lavora sui **ritorni**:\n\n- raccogli l'email al check-in (con il consenso!)\n- a fine soggiorno lascia un biglietto con un codice per il 10% sul sito\n- newsletter due volte l'anno: raccolta delle olive e primavera\n\nE sul sito serve un motore di prenotazione vero, non un modulo di contatto.",
            replies: [
              {
                author: "lucia-bartolini",
                hoursAfter: 6,
                body: "Il modulo di contatto è esattamente quello che abbiamo adesso. Ok, capito.",
              },
            ],
          },
          {
            author: "francesca-lombardi",
            hoursAfter: 24,
            body: "Ne facciamo il tema del primo incontro? Lucia porta i numeri, Chiara la parte digitale.",
          },
        ],
      },
      {
        author: "alessandro-ferri",
        daysAgo: 164,
        body: "Promemoria di metà stagione, perché ad agosto arrivano i controlli e gli stagionali nuovi:\n\n- **DVR** aggiornato se avete cambiato attrezzature o personale\n- **estintori** revisionati e cartellonistica al suo posto\n- **manutenzione caldaia** e registro compilato\n- **registro temperature** di frigo e celle, e sonda tarata\n- **formazione** di sicurezza e HACCP per gli stagionali, *prima* del primo giorno di lavoro\n\nNiente di nuovo, lo so. Ma in piena stagione è l'ultima cosa a cui si pensa e la prima che chiede l'ispettore. La checklist completa è nelle risorse.",
        reactions: [
          { person: "matteo-bartolini", kind: "thanks" },
          { person: "lucia-bartolini", kind: "thanks" },
          { person: "francesca-lombardi", kind: "like" },
        ],
      },
      {
        author: "matteo-bartolini",
        daysAgo: 149,
        body: "Chiedo consiglio a chi ci è già passato: sto valutando un **impianto fotovoltaico** sul tetto del fienile. La bolletta d'estate, con cucina, piscina e lavanderia, è diventata insostenibile.\n\n@alessandro.ferri, ci sono vincoli particolari in zona agricola collinare? E qualcuno ha esperienza con le comunità energetiche?",
        reactions: [
          { person: "lucia-bartolini", kind: "support" },
          { person: "francesca-lombardi", kind: "insightful" },
        ],
        comments: [
          {
            author: "alessandro-ferri",
            hoursAfter: 5,
            body: "Dipende molto da dove siete: se l'area è sotto **vincolo paesaggistico** serve l'autorizzazione, e i pannelli devono essere integrati o complanari al tetto. Prima di chiedere preventivi fai verificare dal tecnico comunale o da un geometra. E dal punto di vista della sicurezza, il fienile va controllato anche per la portata del tetto.",
          },
          {
            author: "francesca-lombardi",
            hoursAfter: 8,
            body: "Sulle **comunità energetiche rinnovabili** ho fatto una guida per le imprese, la metto nelle risorse. Per un agriturismo può avere senso, soprattutto se ci sono vicini interessati.",
            replies: [
              {
                author: "matteo-bartolini",
                hoursAfter: 30,
                body: "Il vicino con il caseificio è già interessato. Grazie!",
              },
            ],
          },
        ],
      },
      {
        author: "chiara-esposito",
        daysAgo: 128,
        body: "Per chi mi ha chiesto un **piano editoriale Instagram** per l'agriturismo: non serve pubblicare ogni giorno. Serve seguire le stagioni.\n\n- **Gennaio–febbraio**: potatura, camino, ricette invernali. Chi prenota la primavera decide adesso.\n- **Marzo–maggio**: fioriture, orto, il Cammino di San Francesco che passa vicino.\n- **Giugno–agosto**: piscina sì, ma soprattutto le persone: chi cucina, chi raccoglie.\n- **Ottobre–novembre**: raccolta delle olive e frantoio. È il vostro momento più forte, usatelo.\n\nIl modello da scaricare è nelle risorse.",
        reactions: [
          { person: "lucia-bartolini", kind: "insightful" },
          { person: "lorenzo-conti", kind: "like" },
        ],
      },
      {
        author: "francesca-lombardi",
        daysAgo: 109,
        body: "**Com'è andata al Poggio dei Lecci**\n\nEravamo in nove, compresi due titolari di agriturismi vicini che spero si uniscano presto alla rete. Giro dell'oliveto con Matteo, poi tre ore di lavoro vero sulle prenotazioni dirette.\n\nTre decisioni concrete:\n\n- Lucia attiva il motore di prenotazione entro fine mese.\n- Proviamo un **pacchetto comune** per chi percorre il Cammino di San Francesco: una notte per agriturismo, trasporto bagagli incluso.\n- Ci rivediamo in autunno, durante la raccolta.\n\nGrazie a Lucia e Matteo per l'ospitalità e per la torta al testo più buona dell'Umbria.",
        reactions: [
          { person: "lucia-bartolini", kind: "thanks" },
          { person: "matteo-bartolini", kind: "thanks" },
          { person: "chiara-esposito", kind: "celebrate" },
          { person: "alessandro-ferri", kind: "like" },
        ],
        comments: [
          {
            author: "chiara-esposito",
            hoursAfter: 6,
            body: "Il pacchetto del Cammino mi piace tantissimo. Per la comunicazione ci sono io.",
          },
        ],
      },
      {
        author: "lorenzo-conti",
        daysAgo: 98,
        body: "Grazie a Francesca per l'invito! Sono Lorenzo, faccio pelletteria a mano in Oltrarno, a Firenze.\n\nUna proposta: molti dei vostri ospiti stranieri sono gli stessi che entrano nel mio laboratorio. Sareste interessati a tenere una piccola selezione di **portafogli e cinture in conto vendita**, magari con le iniziali dell'agriturismo impresse? Nessun costo per voi, una percentuale su quello che vendete.",
        reactions: [
          { person: "francesca-lombardi", kind: "like" },
          { person: "lucia-bartolini", kind: "insightful" },
        ],
        comments: [
          {
            author: "lucia-bartolini",
            hoursAfter: 5,
            body: "Mi interessa! Abbiamo già un angolo con olio e marmellate alla reception. Le iniziali impresse sarebbero un bel ricordo.",
            replies: [
              {
                author: "lorenzo-conti",
                hoursAfter: 8,
                body: "Perfetto, ti porto qualche campione al prossimo incontro.",
              },
            ],
          },
          {
            author: "matteo-bartolini",
            hoursAfter: 26,
            body: "Mettiamo per iscritto percentuale e gestione dei resi, così non ci sono equivoci tra un anno.",
          },
        ],
      },
      {
        author: "lucia-bartolini",
        daysAgo: 68,
        body: "Un risultato da condividere!\n\nDa quando abbiamo il motore di prenotazione sul sito e la newsletter (due invii finora), le **prenotazioni dirette sono passate dal 18% al 31%**. Solo di commissioni risparmiate ci paghiamo la newsletter per i prossimi dieci anni.\n\nGrazie @chiara.esposito e @francesca.lombardi. Prossimo obiettivo: il pacchetto invernale per ospiti tedeschi.",
        reactions: [
          { person: "chiara-esposito", kind: "celebrate" },
          { person: "francesca-lombardi", kind: "celebrate" },
          { person: "matteo-bartolini", kind: "celebrate" },
          { person: "alessandro-ferri", kind: "like" },
          { person: "lorenzo-conti", kind: "celebrate" },
        ],
        comments: [
          {
            author: "chiara-esposito",
            hoursAfter: 2,
            body: "Che bella notizia! Qual è stata l'email con più prenotazioni?",
            replies: [
              {
                author: "lucia-bartolini",
                hoursAfter: 4,
                body: "Quella con la foto di Matteo al frantoio e l'oggetto «L'olio nuovo vi aspetta». Ovviamente.",
              },
            ],
          },
        ],
      },
      {
        author: "matteo-bartolini",
        daysAgo: 38,
        body: "Raccolta finita, resa più bassa dell'anno scorso ma olio splendido.\n\nMolti ospiti tedeschi mi chiedono di **spedire l'olio a casa**. Finora ho detto di no. Sul corriere ho già qualche dritta da altri produttori, ma per un'azienda agricola italiana che vende a privati in Germania cosa cambia tra IVA, fatture ed etichetta in tedesco? @francesca.lombardi, da dove parto?",
        reactions: [
          { person: "lucia-bartolini", kind: "support" },
          { person: "lorenzo-conti", kind: "like" },
        ],
        comments: [
          {
            author: "francesca-lombardi",
            hoursAfter: 4,
            body: "Prima di tutto parlane con il commercialista, perché il regime agricolo ha le sue regole. Poi attenzione all'IVA nelle vendite a distanza: sopra i 10.000 € l'anno di vendite a privati in altri paesi UE si applica l'IVA del paese dell'acquirente, e conviene aderire all'OSS. L'etichetta deve essere comprensibile per il consumatore tedesco, quindi almeno le indicazioni obbligatorie vanno tradotte.",
          },
          {
            author: "lorenzo-conti",
            hoursAfter: 10,
            body: "Per l'imballaggio io uso scatole con separatori in cartone riciclato, niente polistirolo. Ti passo il fornitore.",
          },
        ],
      },
      {
        author: "francesca-lombardi",
        daysAgo: 9,
        body: "**Prossimo incontro: martedì alle 15 a Collazzone**, ospiti di uno dei due agriturismi che stanno per entrare nella rete.\n\nTemi:\n\n- **Imposta di soggiorno** e comunicazioni al Comune: cosa è cambiato quest'anno\n- il **codice CIN**: chi l'ha già esposto e dove\n- bilancio della prima stagione del pacchetto del Cammino\n\nAlessandro porta le novità normative, Lucia i numeri del pacchetto. Confermate qui sotto chi viene.",
        reactions: [
          { person: "alessandro-ferri", kind: "like" },
          { person: "lucia-bartolini", kind: "like" },
        ],
        comments: [
          {
            author: "alessandro-ferri",
            hoursAfter: 2,
            body: "Ci sono. Porto anche un riepilogo delle scadenze di inizio anno.",
          },
          {
            author: "lucia-bartolini",
            hoursAfter: 5,
            body: "Presenti in due. Matteo porta l'olio nuovo per l'assaggio.",
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "lucia-bartolini",
        daysAgo: 175,
        title: "Channel manager: ne vale la pena con otto camere?",
        body: "Aggiorniamo a mano disponibilità e prezzi su tre portali e ogni tanto ci scappa una doppia prenotazione. Un channel manager costa, ma forse meno di un ospite arrabbiato. Voi cosa usate?",
        replies: [
          {
            author: "chiara-esposito",
            hoursAfter: 4,
            body: "Con tre canali più il sito, sì: un channel manager ripaga il costo con il primo overbooking evitato. Sceglietene uno che includa anche il **motore di prenotazione** per il vostro sito, così avete un solo calendario. Chiedete una prova gratuita di un mese in alta stagione, non in gennaio.",
            isAnswer: true,
          },
          {
            author: "francesca-lombardi",
            hoursAfter: 9,
            body: "Se vi serve, alcuni bandi regionali per la digitalizzazione coprono anche questi abbonamenti. Ne riparliamo quando escono.",
          },
          {
            author: "matteo-bartolini",
            hoursAfter: 50,
            body: "Aggiornamento: attivato. Lucia dorme meglio.",
          },
        ],
      },
      {
        author: "matteo-bartolini",
        daysAgo: 144,
        title: "Conserve da vendere agli ospiti: da dove si parte?",
        body: "Vorrei trasformare parte dell'orto in sughi, confetture e sottoli da vendere agli ospiti e, più avanti, online. Tra HACCP, etichette e regime fiscale agricolo non so da dove cominciare. Qualcuno ha fatto questo percorso?",
        replies: [
          {
            author: "alessandro-ferri",
            hoursAfter: 6,
            body: "Ordine consigliato:\n\n- verifica con il commercialista se la trasformazione rientra nell'attività agricola connessa\n- locale idoneo e **notifica sanitaria** alla ASL (SCIA)\n- piano HACCP con particolare attenzione ai sottoli, che sono i più delicati\n- etichetta completa: denominazione, ingredienti, allergeni, lotto, scadenza o TMC, sede\n\nIniziate con due o tre prodotti, non con venti.",
            isAnswer: true,
          },
          {
            author: "lucia-bartolini",
            hoursAfter: 10,
            body: "Per le etichette possiamo chiedere aiuto alla grafica che ci ha fatto il logo.",
          },
          {
            author: "francesca-lombardi",
            hoursAfter: 30,
            body: "La Camera organizza un corso breve sull'etichettatura in primavera. Vi segno entrambi?",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "alessandro-ferri",
        daysAgo: 164,
        kind: "link",
        title: "Checklist adempimenti prima dell'apertura stagionale",
        description:
          "Sicurezza, antincendio, HACCP, manutenzioni e formazione degli stagionali: tutto quello da controllare prima di aprire.",
        url: "https://artigianatoumbro.example/checklist-apertura-stagionale",
        language: "it",
        topics: ["regulatory-compliance", "health-and-safety", "food-safety-haccp"],
      },
      {
        addedBy: "chiara-esposito",
        daysAgo: 128,
        kind: "link",
        title: "Piano editoriale Instagram per agriturismi (modello)",
        description:
          "Un calendario di contenuti per tutto l'anno, costruito sulle stagioni dell'azienda agricola, con esempi di post e storie.",
        url: "https://chiaraesposito.example/piano-editoriale-agriturismi",
        language: "it",
        topics: ["social-media-marketing", "tourism-services"],
      },
      {
        addedBy: "francesca-lombardi",
        daysAgo: 148,
        kind: "link",
        title: "Comunità energetiche rinnovabili: guida per piccole imprese",
        description:
          "Cosa sono le CER, chi può partecipare, come si ripartiscono i benefici e quali passi servono per avviarne una con i vicini.",
        url: "https://artigianatoumbro.example/guida-comunita-energetiche",
        language: "it",
        topics: ["energy-saving", "sustainable-business"],
      },
    ],
  },
  // ─────────────────────── Cash-Flow Clinic Online (online, en + de, open) ───────────────────────
  {
    key: "cash-flow-clinic-online",
    name: "Cash-Flow Clinic Online",
    purpose:
      "A monthly online clinic where micro-business owners bring their real numbers and leave with a cash-flow plan they actually use.",
    description:
      "Run in English and German by a bookkeeping tutor from Dublin and a Betriebswirt from Regensburg. Once a month we meet on a video call: one or two members share an anonymised forecast and the group works through it together. In between, the feed is for quick questions about late payments, deposits, pricing and invoicing. Fragen auf Deutsch sind genauso willkommen wie auf Englisch.",
    kind: "online",
    countries: ["IE", "DE", "FI", "CY", "GR", "IT"],
    languages: ["en", "de"],
    visibility: "open",
    topics: [
      "cash-flow-planning",
      "late-payments",
      "pricing",
      "vat-and-invoicing",
      "bookkeeping-basics",
    ],
    memberCap: 40,
    createdDaysAgo: 160,
    facilitators: ["declan-murphy", "juergen-weiss"],
    members: [
      "aoife-byrne",
      "eoin-kavanagh",
      "sabine-huber",
      "miriam-schaefer",
      "tobias-krueger",
      "anja-wolf",
      "katrin-hoffmann",
      "elias-lehtonen",
      "tiina-korhonen",
      "marios-ioannou",
      "dimitra-alexiou",
      "jussi-makela",
      "federica-marchetti",
      "eveliina-koskinen",
    ],
    posts: [
      {
        author: "declan-murphy",
        daysAgo: 159,
        pinned: true,
        body: "Welcome to the **Cash-Flow Clinic**! / Willkommen in der **Liquiditäts-Sprechstunde**!\n\nHow it works:\n\n- **Monthly call, first Wednesday**, 18:00 Irish time / 19:00 German time / 20:00 in Finland, Greece and Cyprus. Link posted here the day before.\n- Each month one or two volunteers share a **13-week forecast** (anonymised if you like) and we work through it together.\n- In between, post your questions here, in English or German. Jürgen and I will translate where needed.\n\nOne rule: nobody is judged for their numbers. Everyone here has had a scary month.\n\n*Jürgen ergänzt unten auf Deutsch.*",
        reactions: [
          { person: "juergen-weiss", kind: "like" },
          { person: "aoife-byrne", kind: "celebrate" },
          { person: "sabine-huber", kind: "like" },
          { person: "dimitra-alexiou", kind: "like" },
        ],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 2,
            body: "Kurz auf Deutsch: Einmal im Monat treffen wir uns online, schauen uns gemeinsam eine echte Liquiditätsplanung an und beantworten Fragen. Sie können hier jederzeit auf Deutsch schreiben. Wir übersetzen, wenn nötig.",
            replies: [
              {
                author: "sabine-huber",
                hoursAfter: 5,
                body: "Sehr gut, mein Englisch reicht fürs Lesen, beim Schreiben bin ich langsamer.",
              },
            ],
          },
        ],
      },
      {
        author: "declan-murphy",
        daysAgo: 150,
        body: "**The 13-week cash-flow forecast in five steps**, as promised on the first call:\n\n- **Start with today's bank balance.** The real one, not the accounting one.\n- **List money coming in, week by week**, based on when customers actually pay, not when you invoice.\n- **List money going out**: rent, wages, suppliers, loan repayments, and the tax and VAT bills people always forget.\n- **Closing balance = opening + in − out.** Carry it to the next week.\n- **Colour any week below your safety line red.** That's where you act *now*, weeks before it happens.\n\nThe template is in resources. Update it every Monday morning: ten minutes, one coffee.",
        reactions: [
          { person: "aoife-byrne", kind: "insightful" },
          { person: "marios-ioannou", kind: "thanks" },
          { person: "tiina-korhonen", kind: "thanks" },
          { person: "juergen-weiss", kind: "like" },
        ],
        comments: [
          {
            author: "dimitra-alexiou",
            hoursAfter: 6,
            body: "I'd add: put the VAT payment in the week it is *due*, not the month it relates to. In my seminars in Greece this is mistake number one.",
            replies: [
              {
                author: "declan-murphy",
                hoursAfter: 8,
                body: "Same in Ireland. Good addition, thanks Dimitra.",
              },
            ],
          },
        ],
      },
      {
        author: "sabine-huber",
        daysAgo: 143,
        body: "Eine Frage aus der Schreinerei: Unsere Küchenaufträge haben 3–4 Monate Vorlauf. Holz und Beschläge zahlen wir sofort, die Schlussrechnung kommt erst nach der Montage, und manche Kunden lassen sich dann noch 6 Wochen Zeit.\n\nArbeitet ihr mit **Abschlagsrechnungen**? Wie viel und wann? Und bietet jemand **Skonto** an, damit schneller gezahlt wird?",
        reactions: [
          { person: "juergen-weiss", kind: "like" },
          { person: "katrin-hoffmann", kind: "like" },
        ],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 3,
            body: "Bei Küchen hat sich bei meinen Teilnehmern **30 / 40 / 30** bewährt: 30 % bei Auftragserteilung, 40 % bei Materiallieferung, 30 % nach Abnahme. Wichtig ist, dass das im Vertrag steht und nicht erst auf der Rechnung auftaucht. Skonto (z. B. 2 % bei Zahlung innerhalb von 10 Tagen) lohnt sich nur, wenn Ihre Kalkulation das hergibt.",
            replies: [
              {
                author: "sabine-huber",
                hoursAfter: 6,
                body: "30/40/30 klingt machbar. Bisher verlangen wir gar keine Anzahlung, Markus findet das „unhöflich“.",
              },
            ],
          },
          {
            author: "katrin-hoffmann",
            hoursAfter: 7,
            body: "Ergänzend: Regeln Sie die Abschläge im Vertrag bzw. in den AGB ausdrücklich, dann gibt es am Ende keine Diskussion. Ich kann ein Muster für eine Zahlungsklausel hochladen.",
          },
          {
            author: "declan-murphy",
            hoursAfter: 10,
            body: "In English: we call them *stage payments* in Ireland, and builders who don't use them are usually the ones financing their customers' kitchens. Not rude at all, Markus!",
          },
        ],
      },
      {
        author: "tiina-korhonen",
        daysAgo: 127,
        body: "Question about seasonality. About **80% of our revenue** comes between December and March (aurora and snowshoe tours), and the rest of the year we barely cover costs. Each spring I'm nervous until the first winter deposits come in around September.\n\nHow do other seasonal businesses plan for the quiet months? Separate account? Overdraft? Both?",
        reactions: [
          { person: "sabine-huber", kind: "support" },
          { person: "declan-murphy", kind: "like" },
        ],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 4,
            body: "I advise a **separate reserve account**. From every winter payment, move a fixed percentage straight across, for example 20%. Then calculate your *monthly minimum costs* for April to November and check that the reserve covers them. An overdraft is a safety net, not a plan.",
          },
          {
            author: "marios-ioannou",
            hoursAfter: 7,
            body: "Could you sell something in winter that is *delivered* in summer? Gift vouchers for summer trips, bought by winter guests before they leave.",
            replies: [
              {
                author: "tiina-korhonen",
                hoursAfter: 9,
                body: "Marios, that's such a simple idea and we have never tried it. Adding it to the booking confirmation email.",
              },
            ],
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 26,
            body: "Greek tavernas and hotels live exactly the same cycle. The ones that survive are the ones who decide in October what they will spend in February.",
          },
        ],
      },
      {
        author: "marios-ioannou",
        daysAgo: 111,
        body: "Pricing question from the IT side. We look after about 40 small offices, mostly **billed by the hour**. Income jumps around every month, clients argue about hours, and they pay late because every invoice is a surprise.\n\nHas anyone moved to a **fixed monthly fee** (per user or per device)? How did you set the price without losing money on the difficult clients?",
        reactions: [
          { person: "tiina-korhonen", kind: "like" },
          { person: "declan-murphy", kind: "like" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 5,
            body: "Take the last 12 months for each client: hours × your rate, divided by 12, and compare to a per-user fee. You'll find most clients are close to average and a few are real outliers. Price for the average, give the outliers a different tier. The big win for cash flow: a monthly **direct debit** on the 1st.",
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 8,
            body: "And define what is *not* included (new installations, projects). Otherwise a fixed fee quietly becomes unlimited work.",
          },
          {
            author: "katrin-hoffmann",
            hoursAfter: 20,
            body: 'Put that list in the contract as an annex. Then "not included" is a matter of reading, not of arguing.',
          },
        ],
      },
      {
        author: "juergen-weiss",
        daysAgo: 96,
        body: "**Rückblick: Sprechstunde zum Mahnwesen**\n\n14 Teilnehmende aus fünf Ländern. Vielen Dank! Die wichtigsten Punkte für Deutschland:\n\n- **Zahlungserinnerung** freundlich, kurz nach Fälligkeit, mit Rechnung im Anhang.\n- **Verzug** tritt bei Geschäftskunden spätestens 30 Tage nach Fälligkeit und Zugang der Rechnung ein.\n- Dann dürfen Sie **Verzugszinsen** (bei Geschäftskunden 9 Prozentpunkte über dem Basiszinssatz) und eine **Pauschale von 40 €** verlangen.\n- Danach: gerichtliches **Mahnverfahren**, online und ohne Anwalt möglich.\n\n*Short English summary: polite reminder first, statutory interest and a €40 flat fee for late B2B payments, then the court dunning procedure.*",
        reactions: [
          { person: "sabine-huber", kind: "thanks" },
          { person: "miriam-schaefer", kind: "insightful" },
          { person: "declan-murphy", kind: "like" },
          { person: "katrin-hoffmann", kind: "like" },
        ],
      },
      {
        author: "miriam-schaefer",
        daysAgo: 81,
        body: "Frage zum Lager: In meinem Unverpackt-Laden steckt gefühlt die Hälfte meines Geldes in 25-kg-Säcken. Linsen, Haferflocken und Nüsse laufen gut, aber manche Sachen stehen seit Monaten. Die Großhändler haben Mindestbestellmengen, die für meine Ladengröße eigentlich zu hoch sind.\n\nWie plant ihr den Einkauf, damit nicht so viel Geld im Regal steht?",
        reactions: [
          { person: "sabine-huber", kind: "support" },
          { person: "juergen-weiss", kind: "like" },
        ],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 4,
            body: "Machen Sie eine einfache **ABC-Analyse**: Welche 20 % der Produkte bringen 80 % des Umsatzes? Die A-Produkte nie ausgehen lassen, die C-Produkte nur noch auf Bestellung oder gar nicht mehr.",
          },
          {
            author: "tobias-krueger",
            hoursAfter: 9,
            body: "Fragen Sie andere Läden, ob sie sich mit Ihnen eine Bestellung teilen. Wir machen das mit zwei Brauereien beim Malz. Die Mindestmenge ist plötzlich kein Problem mehr.",
            replies: [
              {
                author: "miriam-schaefer",
                hoursAfter: 14,
                body: "Gute Idee, in Freiburg gibt es noch zwei Unverpackt-Läden. Ich frage mal.",
              },
            ],
          },
        ],
      },
      {
        author: "aoife-byrne",
        daysAgo: 64,
        body: "A quick win from Cork.\n\nTwo months of updating the 13-week forecast every Monday, and it showed me **six weeks early** that January was going to go red: quiet markets, a VAT bill and the new oven repayment all in the same week. So I called my flour supplier and moved to 30-day terms for December and January, and I'm taking deposits on every Christmas order.\n\nThe forecast now stays above my safety line all winter. First time in four years I'm not dreading January. Thanks @declan.murphy!",
        reactions: [
          { person: "declan-murphy", kind: "celebrate" },
          { person: "juergen-weiss", kind: "celebrate" },
          { person: "tiina-korhonen", kind: "celebrate" },
          { person: "dimitra-alexiou", kind: "like" },
          { person: "sabine-huber", kind: "like" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 1,
            body: "This is exactly what the forecast is for. Would you walk through it on the next call?",
            replies: [
              {
                author: "aoife-byrne",
                hoursAfter: 3,
                body: "Go on so, as long as nobody looks too closely at my croissant margins.",
              },
            ],
          },
        ],
      },
      {
        author: "tobias-krueger",
        daysAgo: 49,
        body: "Bitte um Rat: Ein Getränkegroßhändler will unser Bier in 30 Märkte bringen. Großartig, aber er zahlt erst **nach 60 Tagen**, und ich muss Malz, Hopfen und Flaschen vorher bezahlen. Für eine Brauerei mit 400 Hektolitern im Jahr ist das viel Geld.\n\nHat jemand Erfahrung mit **Factoring**? Oder wie würdet ihr das verhandeln?",
        reactions: [
          { person: "juergen-weiss", kind: "like" },
          { person: "miriam-schaefer", kind: "support" },
        ],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 3,
            body: "Erst verhandeln, dann finanzieren. Fragen Sie nach 30 Tagen mit 2 % Skonto, oder einer Staffel: die erste Lieferung 30 Tage, danach 45. Factoring funktioniert, kostet aber je nach Anbieter einige Prozent vom Rechnungsbetrag. Rechnen Sie das gegen Ihre Marge.",
          },
          {
            author: "katrin-hoffmann",
            hoursAfter: 6,
            body: "Und lassen Sie sich den Rahmenvertrag vorher zeigen. Großhändler haben oft Klauseln zu Rücknahmen und Werbekostenzuschüssen, die die Marge zusätzlich drücken.",
          },
          {
            author: "declan-murphy",
            hoursAfter: 9,
            body: "In English for the others: negotiate the payment terms first, then look at invoice finance. In Ireland many small producers use it for exactly this kind of big first order.",
          },
        ],
      },
      {
        author: "eoin-kavanagh",
        daysAgo: 31,
        body: "Plumber here, new to the group. Heat pump jobs are killing my cash flow. The unit costs me a fortune up front, the job takes a week, and the customer's grant is only paid after the install is signed off. Some customers then wait for the grant before paying *me* the balance.\n\nHow would you structure this? I can't keep financing three jobs at once.",
        reactions: [
          { person: "aoife-byrne", kind: "support" },
          { person: "declan-murphy", kind: "like" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 4,
            body: "Welcome Eoin. Three moves:\n\n- **Deposit on acceptance** that covers the unit. Nobody orders a heat pump without one.\n- The balance is due **on completion**, and your quote states it doesn't depend on when the grant arrives.\n- Ask your wholesaler for **30-day terms** on the units. If you're a regular customer, they'll often say yes.\n\nAnd get these terms on the quote itself, not just in conversation.",
            replies: [
              {
                author: "eoin-kavanagh",
                hoursAfter: 8,
                body: 'The "doesn\'t depend on the grant" line is exactly what I was missing. Quotes are getting rewritten tonight.',
              },
            ],
          },
          {
            author: "aoife-byrne",
            hoursAfter: 7,
            body: "Speaking as a customer who just got a heat pump: I fully expected to pay a deposit. Don't be shy about it.",
          },
        ],
      },
      {
        author: "federica-marchetti",
        daysAgo: 22,
        body: "Hello from Bologna! My English is not perfect, sorry. I have a gelateria and in winter the takings fall by 70%, but rent and staff stay the same. I want to try the 13-week forecast. Is there a version for a shop with daily cash takings, not invoices?",
        reactions: [
          { person: "declan-murphy", kind: "like" },
          { person: "tiina-korhonen", kind: "support" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 3,
            body: 'Your English is perfect for this! Yes, use the same template, but for "money in" enter your **average takings per week from last year** for the same weeks. Your till reports will have it. Then you\'ll see February clearly.',
          },
          {
            author: "tiina-korhonen",
            hoursAfter: 8,
            body: "Federica, we have the same problem, just in the opposite season! Happy to compare notes.",
            replies: [
              {
                author: "federica-marchetti",
                hoursAfter: 12,
                body: "Yes! Your summer is my winter. Thank you both.",
              },
            ],
          },
        ],
      },
      {
        author: "anja-wolf",
        daysAgo: 15,
        body: "Hallo zusammen, Anja aus Hamburg, Physiotherapiepraxis mit sechs Therapeut:innen. Bei uns kommt das Geld von gesetzlichen Kassen, privat Versicherten und Selbstzahlern, und jede Gruppe zahlt in einem anderen Rhythmus. Ich habe ehrlich gesagt keinen Überblick, wann wie viel kommt.\n\nLohnt sich die 13-Wochen-Planung auch für eine Praxis? Und wie trenne ich die Zahlungsströme sinnvoll?",
        reactions: [{ person: "juergen-weiss", kind: "like" }],
        comments: [
          {
            author: "juergen-weiss",
            hoursAfter: 5,
            body: "Gerade für eine Praxis! Legen Sie für jede Gruppe eine eigene Zeile an (Kassen, Privat, Selbstzahler) und tragen Sie die **typische Zahlungsdauer** aus den letzten drei Monaten ein. Dann sehen Sie, wo das Geld hängt. Meist sind es die privaten Rechnungen ohne Erinnerung.",
          },
          {
            author: "sabine-huber",
            hoursAfter: 20,
            body: "Bei uns hat es geholfen, die Erinnerungen automatisch aus dem Abrechnungsprogramm zu verschicken. Seitdem muss niemand mehr daran denken.",
          },
        ],
      },
      {
        author: "elias-lehtonen",
        daysAgo: 6,
        body: "Freelance designer in Helsinki here. A new client in Sweden wants **90-day payment terms** for a packaging project. It's a good project, but I'm a one-person studio and 90 days is a long time to wait for three weeks of work.\n\n@declan.murphy, is it normal to push back? And what do I offer instead?",
        reactions: [
          { person: "jussi-makela", kind: "support" },
          { person: "marios-ioannou", kind: "like" },
        ],
        comments: [
          {
            author: "declan-murphy",
            hoursAfter: 2,
            body: "Completely normal. Offer **50% upfront, 50% on delivery**, or 30-day terms with stage payments. Big clients often have 90-day defaults for suppliers but make exceptions for small ones. You just have to ask. Check whether they have a small-supplier policy.",
          },
          {
            author: "jussi-makela",
            hoursAfter: 9,
            body: "I'm not a designer, but I take a deposit on every custom bike build. Nobody has ever said no.",
          },
          {
            author: "tiina-korhonen",
            hoursAfter: 14,
            body: 'Swedish companies in my experience respect a clear "these are my standard terms". Put them on the quote, not in a later email.',
            replies: [
              {
                author: "elias-lehtonen",
                hoursAfter: 20,
                body: "Sent 50/50 in the quote. They accepted within an hour. I should have done this years ago.",
              },
            ],
          },
        ],
      },
      {
        author: "declan-murphy",
        daysAgo: 1,
        body: "**Next clinic: Wednesday**, 18:00 Irish / 19:00 German / 20:00 Finnish, Greek and Cypriot time.\n\nTheme: *planning for tax bills*, so the VAT, income tax and preliminary tax payments don't ambush you in your best month. @aoife.byrne walks us through her winter forecast, and Jürgen covers the German side.\n\nLink tomorrow. Bring your forecast, or your questions.",
        reactions: [
          { person: "aoife-byrne", kind: "like" },
          { person: "juergen-weiss", kind: "like" },
          { person: "federica-marchetti", kind: "like" },
        ],
      },
    ],
    forumTopics: [
      {
        author: "dimitra-alexiou",
        daysAgo: 148,
        title: "Spreadsheet or app for the forecast?",
        body: "Some participants in my seminars want an app, others love spreadsheets. What do you actually use week to week, and what made you stick with it?",
        replies: [
          {
            author: "declan-murphy",
            hoursAfter: 3,
            body: "Start with the spreadsheet, always. You need to understand where each number comes from before any app hides it from you. After three months of weekly updates, if it becomes a chore, look at an app that connects to your bank. By then you'll know what you need from it.",
            isAnswer: true,
          },
          {
            author: "sabine-huber",
            hoursAfter: 8,
            body: "Wir nutzen eine Tabelle, die Jürgen vor Jahren im Meisterkurs ausgeteilt hat. Ehrlich gesagt reicht sie völlig.",
          },
          {
            author: "marios-ioannou",
            hoursAfter: 28,
            body: "Spreadsheet in the cloud, shared with my accountant. She comments directly in it, which saves a meeting a month.",
          },
        ],
      },
      {
        author: "sabine-huber",
        daysAgo: 120,
        title: "E-Rechnung: Ab wann müssen wir was?",
        body: "Unser Steuerbüro sagt „E-Rechnung kommt“, aber ich bin mir nicht sicher, was genau wann gilt. Reicht ein PDF per E-Mail noch? Wir schreiben fast nur Rechnungen an Privatkunden und ein paar Geschäftskunden.",
        replies: [
          {
            author: "katrin-hoffmann",
            hoursAfter: 4,
            body: "Kurz zusammengefasst, nur für Rechnungen zwischen Unternehmen in Deutschland (B2B):\n\n- Seit dem **1. Januar 2025** müssen alle Unternehmen E-Rechnungen **empfangen** können. Ein E-Mail-Postfach genügt dafür.\n- Beim **Versand** gibt es Übergangsfristen: Papier und PDF sind bis Ende 2026 noch erlaubt, für kleinere Unternehmen (bis 800.000 € Vorjahresumsatz) bis Ende 2027.\n- Rechnungen an **Privatkunden** sind nicht betroffen.\n\nEin PDF ist übrigens keine E-Rechnung im Sinne des Gesetzes. Gemeint sind strukturierte Formate wie XRechnung oder ZUGFeRD.",
            isAnswer: true,
          },
          {
            author: "juergen-weiss",
            hoursAfter: 9,
            body: "Mein Rat: Jetzt schon testen, ob Ihr Rechnungsprogramm ZUGFeRD kann. Die meisten können es längst, es ist nur nicht eingeschaltet.",
          },
          {
            author: "miriam-schaefer",
            hoursAfter: 30,
            body: "Danke, endlich verstehe ich es. Mein Kassensystem kann es, habe ich gerade nachgeschaut.",
          },
        ],
      },
      {
        author: "tiina-korhonen",
        daysAgo: 101,
        title: "Booking deposits: refundable or not?",
        body: "We take a 30% deposit on tour bookings. Some competitors make it non-refundable, others refund up to 30 days before. What works for your cash flow without scaring customers away?",
        replies: [
          {
            author: "declan-murphy",
            hoursAfter: 5,
            body: 'Cash-flow-wise, the deposit only helps if you can *spend* it, which means it must be non-refundable after a clear date. Something like "fully refundable until 45 days before, non-refundable after" works for most tour operators I know.',
          },
          {
            author: "katrin-hoffmann",
            hoursAfter: 9,
            body: "One caution: if you sell to consumers in other EU countries, make sure your cancellation terms are shown clearly *before* booking and are reasonable. Otherwise they may not hold if a customer challenges them. For package travel there are also special rules.",
            isAnswer: true,
          },
          {
            author: "dimitra-alexiou",
            hoursAfter: 30,
            body: "Greek hotels often offer two prices: a cheaper non-refundable rate and a flexible one. Customers choose, and nobody feels trapped.",
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "declan-murphy",
        daysAgo: 150,
        kind: "link",
        title: "13-week cash-flow forecast template",
        description:
          "The spreadsheet used in the clinic: weekly money in and out, safety line, red-week warnings and a tab for seasonal businesses.",
        url: "https://liffeyskills.example/templates/13-week-cash-flow",
        language: "en",
        topics: ["cash-flow-planning", "spreadsheets"],
      },
      {
        addedBy: "juergen-weiss",
        daysAgo: 140,
        kind: "link",
        title: "Liquiditätsplanung im Handwerksbetrieb – Leitfaden",
        description:
          "Leitfaden des Bildungszentrums Donau-Isar mit Beispielrechnung für eine Schreinerei: Abschläge, Materialvorfinanzierung, Steuerzahlungen.",
        url: "https://bz-donau-isar.example/leitfaden-liquiditaetsplanung",
        language: "de",
        topics: ["cash-flow-planning", "crafts-business"],
      },
      {
        addedBy: "katrin-hoffmann",
        daysAgo: 119,
        kind: "link",
        title: "E-Rechnung: Was Kleinbetriebe jetzt wissen müssen",
        description:
          "Fristen, Formate (XRechnung, ZUGFeRD) und ein Fahrplan für die Umstellung, verständlich erklärt für Betriebe mit bis zu zehn Beschäftigten.",
        url: "https://bz-donau-isar.example/e-rechnung-kleinbetriebe",
        language: "de",
        topics: ["vat-and-invoicing", "paperless-office"],
      },
      {
        addedBy: "declan-murphy",
        daysAgo: 95,
        kind: "link",
        title: "Late-payment scripts: emails and phone calls",
        description:
          "Five short templates, from the friendly reminder to the final notice before legal action, plus a phone script for the awkward call.",
        url: "https://liffeyskills.example/templates/late-payment-scripts",
        language: "en",
        topics: ["late-payments", "business-writing"],
      },
    ],
  },
  // ───────────────── Olive & Vine Exporters (GR/CY/IT, cross-border, secret) ─────────────────
  {
    key: "olive-vine-exporters",
    name: "Olive & Vine Exporters",
    purpose:
      "A closed circle of Mediterranean family producers who share buyers, shipping and export know-how in confidence.",
    description:
      "Olive oil, cheese and farm producers from Crete, Cyprus and Umbria exporting to Germany and northern Europe, mostly for the first time. Members share real prices, importer contacts and shipping quotes, which is why the group is hidden and membership is by personal introduction only. We write in English so everyone can follow, and Greek speakers sometimes switch to Greek among themselves.",
    kind: "cross_border",
    countries: ["GR", "CY", "IT"],
    languages: ["en", "el"],
    visibility: "secret",
    topics: [
      "export-internationalisation",
      "customs-incoterms",
      "cross-border-online-sales",
      "branding",
    ],
    memberCap: 15,
    createdDaysAgo: 130,
    facilitators: ["maria-charalambous"],
    members: [
      "manolis-mavrakis",
      "eirini-mavraki",
      "costas-kyriakou",
      "anna-kyriakou",
      "lucia-bartolini",
      "matteo-bartolini",
    ],
    posts: [
      {
        author: "maria-charalambous",
        daysAgo: 129,
        pinned: true,
        body: "Welcome to **Olive & Vine Exporters**.\n\nThis is a **secret** group: it doesn't appear in search, and new members join only by invitation. That's deliberate, because here we share things we wouldn't post in public: importer names, real prices, shipping quotes, mistakes that cost money.\n\nSo please:\n\n- Don't copy contacts or prices outside the group without asking.\n- Write in English when everyone should follow. Greek is fine for side conversations.\n- Ask before you introduce a new member.\n\nΚαλώς ήρθατε σε όλους, benvenuti a Lucia e Matteo!",
        reactions: [
          { person: "anna-kyriakou", kind: "like" },
          { person: "eirini-mavraki", kind: "like" },
          { person: "lucia-bartolini", kind: "thanks" },
        ],
        comments: [
          {
            author: "lucia-bartolini",
            hoursAfter: 6,
            body: "Thank you Maria! Grazie. We're the Italian corner: olive oil, conserves and a lot of German guests who want to take both home.",
          },
          {
            author: "manolis-mavrakis",
            hoursAfter: 20,
            body: "Καλώς σας βρήκα. Θα γράφω περισσότερο στα ελληνικά, η Ειρήνη θα μεταφράζει όταν χρειάζεται!",
            replies: [
              {
                author: "eirini-mavraki",
                hoursAfter: 22,
                body: "Translation: Dad says hello, and that I'm doing the English. As usual.",
              },
            ],
          },
        ],
      },
      {
        author: "eirini-mavraki",
        daysAgo: 124,
        body: "First question from Crete: a **German importer** (organic shops, about 60 stores) has asked for samples and a price list. We've never sent samples abroad before.\n\n- How many bottles do you send?\n- Do you charge for samples or shipping?\n- Which price do you put on the list: from our door, or delivered?",
        reactions: [
          { person: "anna-kyriakou", kind: "insightful" },
          { person: "maria-charalambous", kind: "like" },
        ],
        comments: [
          {
            author: "anna-kyriakou",
            hoursAfter: 3,
            body: "We send **two units per product** (one to taste, one to keep on their shelf for a week) and pay the shipping ourselves for serious buyers. For price lists we give two columns: **ex works** and **delivered to Germany per pallet**. Importers compare delivered prices, so if you only give ex works they'll guess the freight, usually too high.",
            replies: [
              {
                author: "eirini-mavraki",
                hoursAfter: 5,
                body: "Two columns, of course. Thank you Anna!",
              },
            ],
          },
          {
            author: "matteo-bartolini",
            hoursAfter: 9,
            body: "Add the harvest date and the analysis (acidity, peroxides) to the samples. Our German guests always ask about them. Importers will too.",
          },
          {
            author: "maria-charalambous",
            hoursAfter: 26,
            body: "Honest note: none of us is a customs or export trainer, and for Incoterms and documents we really need one. I'm looking for someone to invite. Ideas welcome.",
          },
        ],
      },
      {
        author: "anna-kyriakou",
        daysAgo: 114,
        body: "Since a few of you are going to trade fairs this year, here's my **fair checklist**, learned the hard way in Cologne:\n\n- **Price list in EUR**, two columns (ex works and delivered), valid for 6 months\n- **MOQ** (minimum order) per product and per pallet\n- **Shelf life and storage** in writing. For cheese, buyers ask this first\n- **Certificates** in English: PDO/PGI, organic, lab analysis\n- **Business cards with WhatsApp**: half the follow-ups happen there\n- A small notebook to write down what each visitor *actually* asked\n\nAnd book meetings **before** the fair. Walk-ins rarely turn into orders.",
        reactions: [
          { person: "eirini-mavraki", kind: "thanks" },
          { person: "lucia-bartolini", kind: "insightful" },
          { person: "costas-kyriakou", kind: "like" },
        ],
      },
      {
        author: "manolis-mavrakis",
        daysAgo: 104,
        body: "Ερώτηση για τις ετικέτες. Ο Γερμανός εισαγωγέας λέει ότι η ετικέτα μας «δεν είναι εντάξει για τη Γερμανία». Τι ακριβώς πρέπει να έχει στα γερμανικά; Δεν θέλω να τυπώσουμε 5.000 ετικέτες και να είναι λάθος.",
        reactions: [{ person: "costas-kyriakou", kind: "support" }],
        comments: [
          {
            author: "anna-kyriakou",
            hoursAfter: 4,
            body: "Κύριε Μανώλη, οι υποχρεωτικές ενδείξεις πρέπει να είναι στα γερμανικά: ονομασία, κατηγορία λαδιού, καθαρή ποσότητα, ημερομηνία ελάχιστης διατήρησης, συνθήκες φύλαξης, προέλευση και ο υπεύθυνος κυκλοφορίας στην ΕΕ. Εμείς βάζουμε αυτοκόλλητο πάνω στην ελληνική ετικέτα για τις πρώτες παρτίδες, πριν τυπώσουμε νέα.",
            replies: [
              {
                author: "manolis-mavrakis",
                hoursAfter: 10,
                body: "Το αυτοκόλλητο είναι καλή λύση για αρχή. Ευχαριστώ, Άννα.",
              },
            ],
          },
          {
            author: "eirini-mavraki",
            hoursAfter: 6,
            body: "For the others: Dad asked what the German label must contain. Anna's answer: mandatory information in German, and a sticker over the Greek label until you're sure. Maria put a checklist in resources.",
          },
          {
            author: "costas-kyriakou",
            hoursAfter: 30,
            body: "Ζητήστε από τον εισαγωγέα να εγκρίνει γραπτώς το σχέδιο της ετικέτας πριν την τύπωση. Εμάς μας γλίτωσε από λάθος στο χαλλούμι.",
          },
        ],
      },
      {
        author: "lucia-bartolini",
        daysAgo: 93,
        body: "A small win from Umbria, and a question.\n\nLast Christmas, **40 former guests in Germany** ordered our oil by email after our newsletter. We sent it with a normal courier, and it worked, but shipping cost almost as much as the oil for single bottles.\n\nDoes anyone bundle orders for private customers in another country? Ship a pallet to one point and distribute from there?",
        reactions: [
          { person: "maria-charalambous", kind: "celebrate" },
          { person: "eirini-mavraki", kind: "celebrate" },
          { person: "anna-kyriakou", kind: "like" },
        ],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 4,
            body: "We've been thinking about exactly this! Our importer near Munich offered to receive a **shared pallet** and send it on as parcels from inside Germany. Domestic German parcels are much cheaper. Want to try it together?",
            replies: [
              {
                author: "lucia-bartolini",
                hoursAfter: 7,
                body: "Yes! Matteo is already counting boxes.",
              },
            ],
          },
          {
            author: "maria-charalambous",
            hoursAfter: 10,
            body: "Let's make it a proper pilot: one pallet, three producers, shared costs. I'll set up a call.",
          },
        ],
      },
      {
        author: "costas-kyriakou",
        daysAgo: 79,
        body: "Χρειάζομαι βοήθεια με τα χαρτιά. Ένας αγοραστής στο Ηνωμένο Βασίλειο ζητάει για το χαλλούμι ΠΟΠ πιστοποιητικά και έγγραφα που δεν έχουμε ξαναδεί μετά το Brexit. Η Άννα τα ψάχνει, αλλά με τη δουλειά στο τυροκομείο δεν προλαβαίνουμε. Έχει κάποιος εμπειρία με εξαγωγή γαλακτοκομικών εκτός ΕΕ;",
        reactions: [
          { person: "anna-kyriakou", kind: "support" },
          { person: "manolis-mavrakis", kind: "support" },
        ],
        comments: [
          {
            author: "anna-kyriakou",
            hoursAfter: 3,
            body: "For the non-Greek speakers: Dad is asking about export documents for halloumi to the UK after Brexit, like health certificates and customs. Honestly, this is beyond what I know. Dairy outside the EU needs veterinary certificates, and I'm not sure who issues them.",
          },
          {
            author: "maria-charalambous",
            hoursAfter: 8,
            body: "Κώστα, αυτό θέλει ειδικό. Οι κτηνιατρικές υπηρεσίες εκδίδουν τα υγειονομικά πιστοποιητικά, αλλά για τη διαδικασία συνολικά χρειαζόμαστε εκπαιδευτή εξαγωγών. Δεν έχουμε κανέναν στην ομάδα, και αυτό φαίνεται. Ψάχνω και θα σας πω σύντομα.",
          },
        ],
      },
      {
        author: "maria-charalambous",
        daysAgo: 61,
        body: "**Recap: our first shared-pallet call**\n\nEirini, Lucia, Matteo and Anna joined. We agreed:\n\n- **One pallet to Munich** in the first week of December: oil from Crete and Umbria, halloumi gift boxes from Cyprus (chilled, so a separate cold-chain quote).\n- Costs split **by weight**, Eirini's spreadsheet in resources.\n- The importer repacks and sends parcels inside Germany for a fixed fee per parcel.\n- Each producer invoices its own customers.\n\nStill open: who handles the paperwork if something gets stuck. We'll learn as we go.",
        reactions: [
          { person: "eirini-mavraki", kind: "like" },
          { person: "lucia-bartolini", kind: "like" },
          { person: "anna-kyriakou", kind: "thanks" },
        ],
        comments: [
          {
            author: "anna-kyriakou",
            hoursAfter: 5,
            body: "The cold-chain quote came back: too expensive for one pallet. We'll join in spring with a bigger order. Next time!",
          },
        ],
      },
      {
        author: "matteo-bartolini",
        daysAgo: 46,
        body: "Harvest report from Umbria: **yield about 30% lower** than last year (dry summer), but very good quality. Prices for bulk oil here are up a lot.\n\nHow are you handling prices for export customers this year? @manolis.mavrakis, is Crete seeing the same?",
        reactions: [
          { person: "lucia-bartolini", kind: "like" },
          { person: "eirini-mavraki", kind: "insightful" },
        ],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 6,
            body: "Answering for Dad: yes, lower yield in Kissamos too, and bulk prices went up. We're raising export prices about 12%, and we're explaining *why* in a short note with photos of the harvest. Importers took it better than we expected.",
            replies: [
              {
                author: "matteo-bartolini",
                hoursAfter: 9,
                body: "Photos and a short note, great idea. We'll do the same.",
              },
            ],
          },
          {
            author: "manolis-mavrakis",
            hoursAfter: 14,
            body: "Τα ίδια κι εδώ, Ματτέο. Λιγότερο λάδι, αλλά καλό. Μην το πουλήσετε φτηνά!",
          },
        ],
      },
      {
        author: "eirini-mavraki",
        daysAgo: 29,
        body: "**The shared pallet arrived in Munich!**\n\nAll 64 boxes arrived intact. The importer has already sent out the first parcels to our customers and Lucia's. Shipping cost per bottle dropped from about **€2.10 with a courier from Crete to €0.85** with the shared pallet and domestic parcels.\n\nThank you @maria.charalambous for pushing us to actually do it, and @lucia.bartolini and @matteo.bartolini for trusting a Cretan spreadsheet.",
        reactions: [
          { person: "maria-charalambous", kind: "celebrate" },
          { person: "lucia-bartolini", kind: "celebrate" },
          { person: "matteo-bartolini", kind: "celebrate" },
          { person: "anna-kyriakou", kind: "celebrate" },
          { person: "costas-kyriakou", kind: "like" },
        ],
        comments: [
          {
            author: "lucia-bartolini",
            hoursAfter: 3,
            body: "Our customers are already sending photos, and two of them ordered a second box as Christmas presents. Let's do it again in spring!",
          },
          {
            author: "costas-kyriakou",
            hoursAfter: 12,
            body: "Μπράβο σας! Την άνοιξη θα είμαστε κι εμείς μέσα.",
          },
        ],
      },
      {
        author: "anna-kyriakou",
        daysAgo: 11,
        body: "Has anyone tried selling food on the big **EU online marketplaces**? Our halloumi gift boxes are shelf-stable for a while if vacuum-packed, and a German distributor suggested we try. I'm worried about fees, returns of a food product, and reviews about delivery times we can't control.",
        reactions: [{ person: "eirini-mavraki", kind: "like" }],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 5,
            body: "We tested one for oil last year. Sales were fine, but once we added fees, packaging and returns, the margin was thinner than with our importer. I'd use it as a shop window for the brand, not as the main channel.",
          },
          {
            author: "lucia-bartolini",
            hoursAfter: 20,
            body: "For food, I'd also check which products they allow and how they handle cold or fragile items before you invest time.",
          },
        ],
      },
      {
        author: "maria-charalambous",
        daysAgo: 4,
        body: "An honest look at our group: **we are seven people, six owners and me, and not one export or customs trainer.** It showed with the UK dairy certificates, with Incoterms and with labels. We got by, but we were guessing too often.\n\nI'd like to invite **Giorgos Nikolaidis**, an export trainer in Thessaloniki who spent fifteen years in a food export company. He'd see our prices and contacts, so I'm asking first: any objections? If not, I'll send the invitation on Monday.",
        reactions: [
          { person: "eirini-mavraki", kind: "like" },
          { person: "anna-kyriakou", kind: "like" },
          { person: "costas-kyriakou", kind: "thanks" },
        ],
        comments: [
          {
            author: "eirini-mavraki",
            hoursAfter: 2,
            body: "Yes please! I met him at a workshop in Thessaloniki and he's great, and very discreet.",
          },
          {
            author: "costas-kyriakou",
            hoursAfter: 6,
            body: "Καμία αντίρρηση. Μακάρι να ξέρει και για το Ηνωμένο Βασίλειο.",
          },
          {
            author: "matteo-bartolini",
            hoursAfter: 20,
            body: "Fine for us too. Maybe one day an Italian export trainer as well?",
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "eirini-mavraki",
        daysAgo: 119,
        title: "EXW, FCA or DAP for small pallet orders?",
        body: "The German importer wants a quote and I'm not sure which Incoterm to offer. We don't have our own export department and I'm afraid of taking on risks we don't understand. What do you use for one or two pallets?",
        replies: [
          {
            author: "anna-kyriakou",
            hoursAfter: 4,
            body: "We use **FCA** (our premises or the forwarder's warehouse in Larnaca). We hand the goods over cleared for export, and from there the buyer's forwarder takes over. EXW looks simpler, but it makes the buyer responsible for *your* export clearance, which gets messy. DAP means you carry the risk all the way to Germany. Fine later, too much at the start.",
            isAnswer: true,
          },
          {
            author: "matteo-bartolini",
            hoursAfter: 10,
            body: "We only ship parcels to private customers so far, so no Incoterms for us yet. Following this closely!",
          },
          {
            author: "maria-charalambous",
            hoursAfter: 30,
            body: 'Good answer, Anna. Eirini, whatever you choose, write the **Incoterm and the place** on every quote (e.g. "FCA Chania, Incoterms 2020"). The place matters as much as the three letters.',
          },
        ],
      },
      {
        author: "manolis-mavrakis",
        daysAgo: 98,
        title: "Αναλύσεις λαδιού: κάθε πόσο;",
        body: "Οι εισαγωγείς ζητάνε ανάλυση για κάθε παρτίδα. Εμείς κάνουμε μία ανάλυση τον χρόνο, μετά τη σοδειά. Φτάνει αυτό ή πρέπει να κάνουμε περισσότερες; Κοστίζουν.",
        replies: [
          {
            author: "eirini-mavraki",
            hoursAfter: 5,
            body: "Μπαμπά, ο Γερμανός μάς είπε ότι θέλει ανάλυση ανά **παρτίδα εμφιάλωσης**, όχι ανά σοδειά.",
          },
          {
            author: "costas-kyriakou",
            hoursAfter: 12,
            body: "Κι εμείς κάνουμε ανά παρτίδα για το εξωτερικό. Ζητήστε από το εργαστήριο τιμή για πακέτο, βγαίνει φθηνότερα.",
          },
          {
            author: "anna-kyriakou",
            hoursAfter: 20,
            body: "Συνοψίζοντας: μία πλήρης ανάλυση μετά τη σοδειά, και για κάθε παρτίδα που φεύγει για εξαγωγή οι βασικές παράμετροι (οξύτητα, υπεροξείδια, K232/K270). Γράψτε τον αριθμό παρτίδας στην ετικέτα και στο πιστοποιητικό, για να ταιριάζουν. Έτσι κάνουν οι περισσότεροι εξαγωγείς που ξέρω.",
            isAnswer: true,
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "anna-kyriakou",
        daysAgo: 118,
        kind: "link",
        title: "Incoterms 2020 in plain English for small food exporters",
        description:
          "A two-page explainer with pictures: who pays, who carries the risk and who clears customs under EXW, FCA, DAP and DDP.",
        url: "https://export-basics.example/incoterms-2020-food",
        language: "en",
        topics: ["customs-incoterms", "export-internationalisation"],
      },
      {
        addedBy: "maria-charalambous",
        daysAgo: 103,
        kind: "link",
        title: "Checklist: food labels for the German market",
        description:
          "Mandatory label information for pre-packed food sold in Germany, with a German glossary for olive oil and cheese.",
        url: "https://microforum-cy.example/checklist-labels-germany",
        language: "en",
        topics: ["regulatory-compliance", "export-internationalisation"],
      },
      {
        addedBy: "eirini-mavraki",
        daysAgo: 60,
        kind: "link",
        title: "Shared pallet cost calculator",
        description:
          "The spreadsheet we use to split freight, repacking and parcel costs by weight between producers on one pallet.",
        url: "https://mavrakis-oliveoil.example/shared-pallet-calculator",
        language: "en",
        topics: ["cross-border-online-sales", "spreadsheets"],
      },
    ],
  },
  // ─────────────── Green Workshops DACH–Nordic (DE/FI, cross-border, open) ───────────────
  {
    key: "green-workshops-dach-nordic",
    name: "Green Workshops DACH–Nordic",
    purpose:
      "Small workshops, shops and service firms from Germany and Finland swapping practical ways to use less energy, waste less and say so honestly.",
    description:
      "Every month one member opens their workshop on a video call (a joinery, a brewery, a bike shop, a zero-waste store) and the rest of us look for savings together. A sustainability trainer from Tampere and a content trainer from Leipzig facilitate. We write in English and German, and nobody minds a mix.",
    kind: "cross_border",
    countries: ["DE", "FI"],
    languages: ["en", "de"],
    visibility: "open",
    topics: ["energy-saving", "circular-economy", "waste-management", "carbon-footprint"],
    memberCap: 30,
    createdDaysAgo: 100,
    facilitators: ["mikko-heikkinen", "lena-schubert"],
    members: [
      "markus-huber",
      "sabine-huber",
      "miriam-schaefer",
      "tobias-krueger",
      "jussi-makela",
      "tiina-korhonen",
      "riikka-heikkila",
    ],
    posts: [
      {
        author: "mikko-heikkinen",
        daysAgo: 99,
        pinned: true,
        body: "Welcome to **Green Workshops DACH–Nordic**!\n\nThe idea is simple: sustainability advice is everywhere, but it's rarely about a *seven-person joinery* or a *one-man bike shop*. So we learn from each other's real workshops.\n\n- **Workshop Swap**: once a month, one member gives a 20-minute video tour, and we look for energy, material and waste savings together.\n- **Numbers over slogans**: kWh, kilos, euros. If you measured it, share it.\n- **English or German**, whatever is easier. Lena and I help with translation.\n\nIntroduce yourself below: what do you make or do, and what's your biggest energy or waste headache?",
        reactions: [
          { person: "lena-schubert", kind: "like" },
          { person: "markus-huber", kind: "like" },
          { person: "riikka-heikkila", kind: "like" },
          { person: "tiina-korhonen", kind: "celebrate" },
        ],
        comments: [
          {
            author: "markus-huber",
            hoursAfter: 5,
            body: "Markus, Schreinerei Huber in Rosenheim. Biggest headache: our compressor and the extraction system run all day. Energy bills went up a lot.",
          },
          {
            author: "tiina-korhonen",
            hoursAfter: 9,
            body: "Tiina from Rovaniemi, winter tours. Our guests increasingly ask about our carbon footprint, and I don't have a good answer yet.",
          },
          {
            author: "lena-schubert",
            hoursAfter: 12,
            body: "Hallo! Lena aus Leipzig. Ich helfe dabei, das, was ihr hier umsetzt, ehrlich und ohne Greenwashing zu zeigen. Auf Deutsch oder Englisch.",
          },
        ],
      },
      {
        author: "lena-schubert",
        daysAgo: 94,
        body: 'Kurzer Hinweis, bevor wir anfangen, unsere Erfolge zu posten: **Vorsicht mit pauschalen Umweltaussagen.** Begriffe wie „klimaneutral“, „umweltfreundlich“ oder „grün“ ohne Beleg geraten in der EU zunehmend unter Druck.\n\nBesser:\n\n- **konkret**: „Wir haben unseren Stromverbrauch im letzten Jahr um 18 % gesenkt“\n- **belegbar**: Zahlen, Rechnungen, Zertifikate\n- **ehrlich**: sagen, was noch nicht gut ist\n\n*In short: specific, provable, honest. No vague "eco" claims.*',
        reactions: [
          { person: "miriam-schaefer", kind: "insightful" },
          { person: "mikko-heikkinen", kind: "like" },
          { person: "tiina-korhonen", kind: "thanks" },
        ],
        comments: [
          {
            author: "miriam-schaefer",
            hoursAfter: 6,
            body: "Danke! Auf meiner Ladentür steht seit 2018 „100 % nachhaltig“. Das überdenke ich jetzt.",
          },
        ],
      },
      {
        author: "markus-huber",
        daysAgo: 88,
        body: "Frage in die Runde, auch an die Finnen: Was macht ihr mit **Holzresten**?\n\nWir heizen die Werkstatt im Winter mit unseren Resten (Hackschnitzel), aber gerade Massivholzabschnitte sind eigentlich zu schade zum Verbrennen. Manche verkaufen wir günstig an Hobbybastler, der Rest landet trotzdem im Ofen.\n\n*In English: what do you do with wood offcuts? We burn most of ours for heating, but the solid-wood pieces feel too good to burn.*",
        reactions: [
          { person: "mikko-heikkinen", kind: "insightful" },
          { person: "tobias-krueger", kind: "like" },
        ],
        comments: [
          {
            author: "mikko-heikkinen",
            hoursAfter: 4,
            body: 'In Finland some joineries sell "offcut boxes" to schools and kindergartens for craft classes, and a few makers turn them into small products: cutting boards, coasters. Burning is still better than landfill, but anything you can sell *as material* is worth more.',
          },
          {
            author: "miriam-schaefer",
            hoursAfter: 8,
            body: "Ich würde Ihnen sofort Holzkisten für Nachfüllware abkaufen. Meine Kundinnen fragen ständig nach schönen Aufbewahrungsboxen.",
            replies: [
              {
                author: "markus-huber",
                hoursAfter: 26,
                body: "Das machen wir. Unser Azubi braucht eh ein Gesellenstück-Übungsprojekt. Ich schicke Ihnen nächste Woche einen Entwurf.",
              },
            ],
          },
        ],
      },
      {
        author: "tiina-korhonen",
        daysAgo: 79,
        body: "Question on carbon footprints. Guests ask: *what is the footprint of a snowmobile tour vs. a snowshoe tour?* I'd like to show a number per tour on our website, but I don't know how to calculate it honestly.\n\nHas anyone calculated a per-product or per-service footprint? Simple method, please. I'm a guide, not an engineer.",
        reactions: [
          { person: "riikka-heikkila", kind: "like" },
          { person: "lena-schubert", kind: "like" },
        ],
        comments: [
          {
            author: "mikko-heikkinen",
            hoursAfter: 3,
            body: "Start small: for each tour, list the **fuel** (litres of petrol for snowmobiles, diesel for the van), the **electricity** (sauna, lodge), and the **food**. Multiply by standard emission factors and divide by the number of guests. It won't be perfect, but it will be honest, and you'll see immediately which tour is heaviest. Happy to do it with you on a call.",
            replies: [
              {
                author: "tiina-korhonen",
                hoursAfter: 5,
                body: "Yes please! I suspect the van transfer is bigger than people think.",
              },
            ],
          },
          {
            author: "lena-schubert",
            hoursAfter: 10,
            body: "When you publish it, include the method in one sentence. That is what makes the number trustworthy.",
          },
        ],
      },
      {
        author: "mikko-heikkinen",
        daysAgo: 70,
        body: "**Workshop Swap #1 recap: Schreinerei Huber**\n\nMarkus walked us through the joinery with his phone. What we found together:\n\n- The **compressor** ran all weekend because of leaks. With everything quiet, you could hear them. Fixed with new couplings for about €60.\n- The **extraction system** ran at full power even when one machine was on. A simple gate-valve routine helps.\n- Old fluorescent tubes in the spray booth: **LED** swap already planned.\n\nMarkus estimates **10–15% less electricity** from the first two alone. Thank you for being our first guinea pig!",
        reactions: [
          { person: "markus-huber", kind: "thanks" },
          { person: "sabine-huber", kind: "celebrate" },
          { person: "tiina-korhonen", kind: "insightful" },
          { person: "lena-schubert", kind: "like" },
        ],
        comments: [
          {
            author: "sabine-huber",
            hoursAfter: 20,
            body: "Ich bestätige offiziell als Buchhalterin: Die Druckluft lief tatsächlich übers Wochenende. Seit drei Wochen nicht mehr. Die nächste Stromrechnung wird spannend.",
          },
          {
            author: "jussi-makela",
            hoursAfter: 260,
            body: "New here and reading back through the group: I checked my small compressor after this post. Also leaking! Tiny shop, same problem.",
          },
        ],
      },
      {
        author: "miriam-schaefer",
        daysAgo: 59,
        body: "Ein Erfolg, den ich teilen möchte: Seit drei Monaten haben wir ein **Pfandsystem für Gläser** mit drei Produzenten aus der Region (Honig, Aufstriche, Joghurt). Die Kundschaft bringt die Gläser zurück, wir spülen, die Produzenten holen sie wieder ab.\n\nInzwischen sind es rund **1.200 Gläser im Monat**, die nicht im Altglas landen. Und die Kundinnen kommen öfter, weil sie Gläser zurückbringen.",
        reactions: [
          { person: "lena-schubert", kind: "celebrate" },
          { person: "mikko-heikkinen", kind: "celebrate" },
          { person: "tobias-krueger", kind: "like" },
          { person: "riikka-heikkila", kind: "like" },
        ],
        comments: [
          {
            author: "tobias-krueger",
            hoursAfter: 3,
            body: "Genau so machen wir das mit Mehrwegflaschen. Der Rücklauf ist auch ein Kundenbindungsprogramm, das man nicht bezahlen muss.",
          },
          {
            author: "lena-schubert",
            hoursAfter: 7,
            body: "Das ist perfekter Content, Miriam: konkret, belegbar, lokal. Wollen wir zusammen ein kurzes Video darüber machen?",
            replies: [
              {
                author: "miriam-schaefer",
                hoursAfter: 12,
                body: "Gern! Am besten an einem Dienstag, da kommen die Produzenten zum Abholen.",
              },
            ],
          },
        ],
      },
      {
        author: "riikka-heikkila",
        daysAgo: 51,
        body: 'A question from Oulu. We switched to **Nordic Swan ecolabelled** cleaning products last year, and Finnish office customers know and like the label. Now a German company with an office here wants us as their cleaner, and asks about "Blauer Engel".\n\nDo German customers recognise the Nordic Swan? Or should I look for products with both labels?',
        reactions: [
          { person: "lena-schubert", kind: "like" },
          { person: "sabine-huber", kind: "like" },
        ],
        comments: [
          {
            author: "sabine-huber",
            hoursAfter: 5,
            body: "Ehrlich gesagt kennt in Deutschland fast jeder den Blauen Engel, den Nordic Swan eher nicht. Auf Englisch: most Germans know the Blue Angel. The Nordic Swan is less known here.",
          },
          {
            author: "mikko-heikkinen",
            hoursAfter: 9,
            body: 'You don\'t need to switch products. Explain the Nordic Swan in one line in your offer ("the official ecolabel of the Nordic countries"). Some products carry both labels, but the criteria are comparable.',
            replies: [
              {
                author: "riikka-heikkila",
                hoursAfter: 14,
                body: "A one-line explanation is easy. Thank you both!",
              },
            ],
          },
        ],
      },
      {
        author: "tobias-krueger",
        daysAgo: 40,
        body: "Hilfe gesucht: Wir haben pro Woche rund **zwei Tonnen Treber** (Brauereirückstände). Bisher hat ein Landwirt ihn als Futter abgeholt, aber er hört im Frühjahr auf.\n\nHat jemand Ideen oder Erfahrungen? Bäckereien? Biogas? *English: we produce about two tonnes of spent grain a week and our farmer is stopping. Ideas?*",
        reactions: [
          { person: "miriam-schaefer", kind: "support" },
          { person: "mikko-heikkinen", kind: "like" },
        ],
        comments: [
          {
            author: "mikko-heikkinen",
            hoursAfter: 3,
            body: "In Finland a few bakeries use spent grain in crispbread and rye bread, and there are small firms making flour from dried grain. Animal feed is still the easiest outlet, though, so ask the local farmers' association for a new farmer before anything fancier.",
          },
          {
            author: "miriam-schaefer",
            hoursAfter: 7,
            body: "Eine Bäckerei in Freiburg macht „Treberbrot“, und es ist bei uns im Laden immer ausverkauft. Ich frage, woher sie ihren Treber bekommt und ob sie in Leipzig jemanden kennt.",
          },
          {
            author: "jussi-makela",
            hoursAfter: 20,
            body: "Not my field at all, but a café near my shop in Tampere makes granola with spent grain from a local brewery. Small amounts, but good marketing for both.",
          },
        ],
      },
      {
        author: "jussi-makela",
        daysAgo: 27,
        body: "A small win from Tampere. Since the summer I've had a **used-parts shelf**: wheels, chains, brakes and derailleurs from bikes that were beyond repair, cleaned and tested. Now **about 30% of repairs** use at least one second-hand part, customers pay less, and I throw away far less metal.\n\nThanks @mikko.heikkinen for the push, and for helping me write the sign explaining it honestly.",
        reactions: [
          { person: "mikko-heikkinen", kind: "celebrate" },
          { person: "markus-huber", kind: "like" },
          { person: "tiina-korhonen", kind: "celebrate" },
          { person: "lena-schubert", kind: "like" },
        ],
        comments: [
          {
            author: "markus-huber",
            hoursAfter: 6,
            body: "Gute Idee. Wir sollten ein Regal für Beschläge aus Küchenrückbauten machen. Die sind oft noch top.",
          },
        ],
      },
      {
        author: "sabine-huber",
        daysAgo: 14,
        body: "Frage an die Deutschen: Hat jemand eine **geförderte Energieberatung** für den Betrieb gemacht? Wir überlegen, nach den Druckluft-Erfolgen das ganze Gebäude anzuschauen: Dach, Fenster, Heizung. Ist der Aufwand mit Antrag und Bericht für einen Kleinbetrieb überschaubar?",
        reactions: [{ person: "markus-huber", kind: "like" }],
        comments: [
          {
            author: "tobias-krueger",
            hoursAfter: 5,
            body: "Wir haben das letztes Jahr gemacht. Den Antrag stellt meist der Energieberater selbst, wir mussten vor allem Verbrauchsdaten und Rechnungen liefern. Der Bericht war lang, aber die Maßnahmenliste mit Prioritäten war Gold wert.",
          },
          {
            author: "mikko-heikkinen",
            hoursAfter: 9,
            body: "From the outside: do the cheap measures first (leaks, controls, lighting). Then the audit's numbers start from a better baseline, and the big investments are easier to justify.",
            replies: [
              {
                author: "sabine-huber",
                hoursAfter: 13,
                body: "Klingt vernünftig. Ich suche einen Berater aus der Energieeffizienz-Expertenliste.",
              },
            ],
          },
        ],
      },
      {
        author: "lena-schubert",
        daysAgo: 4,
        body: "**Nächster Workshop Swap / next Workshop Swap: Brauhaus Plagwitz**\n\n**Tobias** zeigt uns die Brauerei in Leipzig: Sudhaus, Kühlung, Flaschenwäsche und natürlich den Treber. Wir suchen gemeinsam nach Einsparungen bei Wärme und Wasser.\n\n*Tobias shows us his brewery next Thursday, 18:00 CET / 19:00 Finnish time. Link the day before.*",
        reactions: [
          { person: "tobias-krueger", kind: "like" },
          { person: "mikko-heikkinen", kind: "like" },
          { person: "jussi-makela", kind: "like" },
        ],
      },
    ],
    forumTopics: [
      {
        author: "markus-huber",
        daysAgo: 84,
        title: "Druckluft-Lecks finden / finding compressed-air leaks",
        body: "Wie findet ihr Lecks in der Druckluftleitung, ohne teures Ultraschallgerät? *How do you find compressed-air leaks without expensive equipment?*",
        replies: [
          {
            author: "mikko-heikkinen",
            hoursAfter: 4,
            body: "Cheapest method: on a quiet evening or weekend, with all tools off, **listen** along the line, then brush soapy water on couplings and hoses. Bubbles = leak. Also watch the compressor: if it switches on while nothing is running, you're losing air. Time how long the pressure takes to drop. That gives you a rough leak rate.",
            isAnswer: true,
          },
          {
            author: "tobias-krueger",
            hoursAfter: 26,
            body: "Wir haben zusätzlich einen Zeitschalter eingebaut: Der Kompressor geht nachts und am Wochenende automatisch aus.",
          },
          {
            author: "jussi-makela",
            hoursAfter: 600,
            body: "Late reply, I only just joined: soapy water works. Same trick as finding a puncture in an inner tube!",
          },
        ],
      },
      {
        author: "miriam-schaefer",
        daysAgo: 55,
        title: "Which ecolabels do customers actually recognise?",
        body: "My shelves are full of labels. Which ones do your customers really know and trust, in Germany and in Finland? I'd like to explain the three most important ones on a board in the shop.",
        replies: [
          {
            author: "lena-schubert",
            hoursAfter: 5,
            body: "In Deutschland: Blauer Engel, EU-Bio-Logo, und je nach Produkt Fairtrade. Mehr als drei überfordern die Kundschaft eh.",
          },
          {
            author: "riikka-heikkila",
            hoursAfter: 8,
            body: "In Finland: the Nordic Swan, the EU organic leaf, and for food the Finnish flag labels for domestic origin. Customers here look for origin a lot.",
          },
          {
            author: "mikko-heikkinen",
            hoursAfter: 20,
            body: "Summing up for a shop board: pick **one label per category**: product safety and environment (Blauer Engel / Nordic Swan), organic (the EU leaf, same everywhere), social (Fairtrade). Explain each in one sentence, and say what it does *not* guarantee.",
            isAnswer: true,
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "mikko-heikkinen",
        daysAgo: 69,
        kind: "link",
        title: "Energy walk-through checklist for small workshops",
        description:
          "A one-hour self-check: compressed air, extraction, heating, lighting, standby loads. With a simple table to note kWh and euros.",
        url: "https://kiertotalouskoulu.example/energy-walkthrough-workshops",
        language: "en",
        topics: ["energy-saving", "cost-control"],
      },
      {
        addedBy: "lena-schubert",
        daysAgo: 93,
        kind: "link",
        title: "Nachhaltigkeit kommunizieren ohne Greenwashing",
        description:
          "Leitfaden der Digitalwerkstatt: welche Umweltaussagen problematisch sind, wie man Zahlen belegt und Beispiele für ehrliche Posts.",
        url: "https://digitalwerkstatt-schubert.example/ohne-greenwashing",
        language: "de",
        topics: ["sustainable-business", "social-media-marketing"],
      },
      {
        addedBy: "mikko-heikkinen",
        daysAgo: 78,
        kind: "link",
        title: "Simple carbon footprint per service: worked example",
        description:
          "Step-by-step calculation for a small service business: fuel, electricity and purchases per customer, with standard emission factors.",
        url: "https://kiertotalouskoulu.example/footprint-per-service",
        language: "en",
        topics: ["carbon-footprint", "sustainable-business"],
      },
    ],
  },
  // ─────────────────────── Nicosia Cyber-Safe Circle (CY, local, open) ───────────────────────
  {
    key: "nicosia-cyber-safe-circle",
    name: "Nicosia Cyber-Safe Circle",
    purpose:
      "Μικρές επιχειρήσεις στην Κύπρο μαθαίνουν μαζί να προστατεύουν δεδομένα πελατών, κωδικούς και αντίγραφα ασφαλείας, χωρίς πανικό και χωρίς τεχνικούς όρους.",
    description:
      "A bilingual circle (Greek and English) that meets once a month at the Cyprus Microenterprise Forum in Nicosia, with members from Limassol, Larnaca and Troodos joining online. Συζητάμε GDPR, phishing, κωδικούς και backups με παραδείγματα από κομμωτήρια, ξενώνες, τυροκομεία και γραφεία. Every meeting ends with one thing each member changes that same week.",
    kind: "local",
    place: "Λευκωσία, κέντρο",
    countries: ["CY"],
    languages: ["el", "en"],
    visibility: "open",
    topics: ["gdpr-for-small-business", "cybersecurity-basics", "data-backup", "online-reputation"],
    memberCap: 30,
    createdDaysAgo: 110,
    facilitators: ["christos-neophytou"],
    members: [
      "andri-constantinou",
      "maria-charalambous",
      "myrto-antoniou",
      "marios-ioannou",
      "anna-kyriakou",
      "costas-kyriakou",
      "panayiota-hadjigeorgiou",
    ],
    posts: [
      {
        author: "christos-neophytou",
        daysAgo: 109,
        pinned: true,
        body: 'Welcome to the **Nicosia Cyber-Safe Circle** / Καλώς ήρθατε!\n\nWe meet on the **last Thursday of each month at 18:30** at the Microenterprise Forum in Nicosia, and online for those in Limassol, Larnaca or up in Troodos. Write in Greek or English, whichever you prefer. I\'ll answer in the same language.\n\nHow we work:\n\n- **No shame.** Everyone here has reused a password or clicked a bad link.\n- **One change per meeting.** Each of us leaves with one concrete thing to do that week.\n- **Never post passwords, client data or screenshots with personal data** here, not even "just as an example".\n\nΣυστηθείτε στα σχόλια: τι επιχείρηση έχετε και τι σας ανησυχεί περισσότερο;',
        reactions: [
          { person: "maria-charalambous", kind: "like" },
          { person: "marios-ioannou", kind: "like" },
          { person: "andri-constantinou", kind: "celebrate" },
        ],
        comments: [
          {
            author: "myrto-antoniou",
            hoursAfter: 4,
            body: "Μυρτώ, κομμωτήριο στη Λεμεσό. Με ανησυχεί ότι όλες οι πελάτισσες και τα ραντεβού είναι στο Viber του προσωπικού μου κινητού!",
          },
          {
            author: "marios-ioannou",
            hoursAfter: 7,
            body: "Marios, Ledra IT. We look after about 40 small offices, so I'll be answering as much as asking. My worry: clients who think \"we're too small to be a target\".",
            replies: [
              {
                author: "christos-neophytou",
                hoursAfter: 9,
                body: "That sentence is the most dangerous one in this field. Glad to have you here, Marios.",
              },
            ],
          },
        ],
      },
      {
        author: "myrto-antoniou",
        daysAgo: 104,
        body: "Ερώτηση: βγάζουμε φωτογραφίες «πριν και μετά» στις πελάτισσες και τις ανεβάζουμε στο Instagram. Συνήθως ρωτάω προφορικά αν τους πειράζει. Φτάνει αυτό; Και τι γίνεται με τις φωτογραφίες που μένουν στο κινητό μου για χρόνια;",
        reactions: [
          { person: "andri-constantinou", kind: "like" },
          { person: "maria-charalambous", kind: "insightful" },
        ],
        comments: [
          {
            author: "christos-neophytou",
            hoursAfter: 3,
            body: "Καλή ερώτηση, Μυρτώ. Η φωτογραφία προσώπου είναι προσωπικό δεδομένο, οπότε για δημοσίευση χρειάζεστε **συγκατάθεση που να μπορείτε να αποδείξετε**. Ένα απλό έντυπο ή ένα μήνυμα όπου η πελάτισσα γράφει «ναι, μπορείτε να τη δημοσιεύσετε» αρκεί. Και αν κάποια ζητήσει να κατέβει, την κατεβάζετε. Τις υπόλοιπες φωτογραφίες στο κινητό σβήστε τες όταν δεν τις χρειάζεστε πια.",
            replies: [
              {
                author: "myrto-antoniou",
                hoursAfter: 6,
                body: "Θα φτιάξω ένα μικρό έντυπο για τον πάγκο. Ευχαριστώ!",
              },
            ],
          },
          {
            author: "andri-constantinou",
            hoursAfter: 8,
            body: "Από πλευράς μάρκετινγκ: οι πελάτισσες που λένε «ναι» με χαρά συνήθως κάνουν και share. Η συγκατάθεση κάνει καλό και στο Instagram!",
          },
        ],
      },
      {
        author: "marios-ioannou",
        daysAgo: 96,
        body: "The one backup rule I ask every client to remember: **3-2-1**.\n\n- **3** copies of your important data (the original plus two backups)\n- on **2** different types of storage (e.g. the laptop and an external disk, or a NAS)\n- **1** copy **off-site**: in the cloud, or a disk you take home\n\nAnd the part everyone skips: **test a restore** once a quarter. A backup you have never restored is a hope, not a backup.",
        reactions: [
          { person: "christos-neophytou", kind: "like" },
          { person: "anna-kyriakou", kind: "insightful" },
          { person: "maria-charalambous", kind: "thanks" },
        ],
        comments: [
          {
            author: "anna-kyriakou",
            hoursAfter: 5,
            body: "Confession: our dairy's accounts live on one PC in the office. I'm fixing this before the next meeting.",
            replies: [
              {
                author: "marios-ioannou",
                hoursAfter: 7,
                body: "Message me if you want a second pair of eyes. No sales pitch, promise.",
              },
            ],
          },
        ],
      },
      {
        author: "costas-kyriakou",
        daysAgo: 84,
        body: "Χρειάζομαι μια γνώμη γρήγορα. Ήρθε email «από την τράπεζα» ότι ο λογαριασμός της επιχείρησης θα κλειδώσει αν δεν επιβεβαιώσω τα στοιχεία μου σήμερα, με ένα link. Το λογότυπο φαίνεται σωστό. Δεν πάτησα τίποτα ακόμα. Είναι απάτη;",
        reactions: [
          { person: "christos-neophytou", kind: "support" },
          { person: "anna-kyriakou", kind: "support" },
        ],
        comments: [
          {
            author: "marios-ioannou",
            hoursAfter: 0.5,
            body: "Κύριε Κώστα, σχεδόν σίγουρα είναι phishing. Οι τράπεζες δεν ζητούν επιβεβαίωση στοιχείων με link και προθεσμία «σήμερα». Μην το πατήσετε. Αν θέλετε να είστε σίγουρος, πάρτε τηλέφωνο την τράπεζα στον αριθμό που έχει η κάρτα σας, όχι σε αυτόν του email.",
          },
          {
            author: "anna-kyriakou",
            hoursAfter: 1,
            body: "Μπαμπά, σου το είχα πει! Μην πατάς τίποτα, έρχομαι στο γραφείο.",
            replies: [
              {
                author: "costas-kyriakou",
                hoursAfter: 2,
                body: "Δεν πάτησα τίποτα! Πήρα την τράπεζα, είπαν ότι είναι απάτη. Το διέγραψα.",
              },
            ],
          },
          {
            author: "christos-neophytou",
            hoursAfter: 4,
            body: "Μπράβο, Κώστα, αυτό ακριβώς έπρεπε να κάνετε: σταματάτε, ρωτάτε, επιβεβαιώνετε από άλλο κανάλι. Αν μπορείτε, προωθήστε το email στην τράπεζα πριν το σβήσετε. Συνήθως έχουν διεύθυνση για αναφορές phishing.",
          },
        ],
      },
      {
        author: "christos-neophytou",
        daysAgo: 75,
        body: "**Recap: passwords & two-factor workshop**\n\n16 people in the room and online. By the end of the evening, **11 of you had turned on two-factor authentication** for your business email, live, on your phones. That is the single biggest security improvement a small business can make, and it took twenty minutes.\n\nΣτο επόμενο βήμα, που θα το δούμε τον άλλο μήνα: password manager για την ομάδα, ώστε να μη μοιράζεστε κωδικούς στο Viber.",
        reactions: [
          { person: "maria-charalambous", kind: "celebrate" },
          { person: "myrto-antoniou", kind: "like" },
          { person: "marios-ioannou", kind: "like" },
          { person: "panayiota-hadjigeorgiou", kind: "thanks" },
        ],
        comments: [
          {
            author: "panayiota-hadjigeorgiou",
            hoursAfter: 10,
            body: "Ήμουν από τους 11! Ο άντρας μου ακόμα δεν πιστεύει ότι το έκανα μόνη μου.",
          },
        ],
      },
      {
        author: "panayiota-hadjigeorgiou",
        daysAgo: 58,
        body: "Ερώτηση για τον ξενώνα: κρατάμε φωτοτυπίες από τα διαβατήρια και τις ταυτότητες των επισκεπτών σε έναν φάκελο στη ρεσεψιόν, από το 2010. Πρέπει να τα κρατάμε όλα αυτά; Και πού;",
        reactions: [{ person: "christos-neophytou", kind: "insightful" }],
        comments: [
          {
            author: "christos-neophytou",
            hoursAfter: 5,
            body: "Κυρία Παναγιώτα, ο κανόνας είναι: κρατάμε **μόνο ό,τι απαιτεί ο νόμος, και μόνο για όσο το απαιτεί**. Για τα στοιχεία των επισκεπτών, ρωτήστε το Υφυπουργείο Τουρισμού ποια ακριβώς στοιχεία πρέπει να καταγράφετε και για πόσο καιρό. Συχνά αρκεί η καταγραφή των στοιχείων, χωρίς φωτοτυπία. Ό,τι περισσεύει, ειδικά τα παλιά, καταστρέφεται με ασφάλεια (καταστροφέας εγγράφων, όχι σκουπίδια). Και ο φάκελος να κλειδώνει.",
            replies: [
              {
                author: "panayiota-hadjigeorgiou",
                hoursAfter: 28,
                body: "Πήρα τηλέφωνο. Δεν χρειάζονται φωτοτυπίες. Όλων αυτών των χρόνων οι φωτοτυπίες πάνε για καταστροφή αύριο!",
              },
            ],
          },
          {
            author: "andri-constantinou",
            hoursAfter: 9,
            body: "Και πολλοί επισκέπτες ανησυχούν όταν τους ζητάς να φωτοτυπήσεις το διαβατήριο. Το «δεν κρατάμε αντίγραφα» μπορεί να γραφτεί και στο site σας ως πλεονέκτημα.",
          },
        ],
      },
      {
        author: "andri-constantinou",
        daysAgo: 44,
        body: "Μια συμβουλή που συνδέει τη φήμη με τα προσωπικά δεδομένα: **όταν απαντάτε σε κριτικές, μην αποκαλύπτετε ποτέ στοιχεία κράτησης.**\n\nΌχι «Κύριε Π., μείνατε στο δωμάτιο 4 από 12 έως 15 Ιουλίου και δεν ζητήσατε ποτέ καθαριότητα». Αυτό που γράφετε το βλέπουν όλοι, και ένα θυμωμένο μήνυμα μπορεί να γίνει παραβίαση δεδομένων.\n\nΚαλύτερα: ευγενική απάντηση χωρίς λεπτομέρειες και πρόσκληση για επικοινωνία σε προσωπικό μήνυμα.",
        reactions: [
          { person: "christos-neophytou", kind: "insightful" },
          { person: "panayiota-hadjigeorgiou", kind: "thanks" },
          { person: "myrto-antoniou", kind: "like" },
        ],
      },
      {
        author: "myrto-antoniou",
        daysAgo: 29,
        body: "Νέα από τη Λεμεσό! Εδώ και ένα μήνα τα ραντεβού κλείνονται σε **σύστημα online κρατήσεων**, με υπενθύμιση SMS και ένα κουτάκι συγκατάθεσης για τις φωτογραφίες. Αποτελέσματα:\n\n- οι πελάτισσες που ξεχνούν το ραντεβού έπεσαν από 4–5 τη βδομάδα σε **μία**\n- το προσωπικό μου Viber ησύχασε\n- και ξέρω ποια έχει πει «ναι» στις φωτογραφίες χωρίς να θυμάμαι\n\nΕυχαριστώ @christos.neophytou και @andri.constantinou!",
        reactions: [
          { person: "christos-neophytou", kind: "celebrate" },
          { person: "andri-constantinou", kind: "celebrate" },
          { person: "maria-charalambous", kind: "celebrate" },
          { person: "marios-ioannou", kind: "like" },
        ],
        comments: [
          {
            author: "christos-neophytou",
            hoursAfter: 2,
            body: "Excellent, Myrto! One check: make sure the booking system account itself has two-factor on. It now holds all your clients' data.",
            replies: [
              {
                author: "myrto-antoniou",
                hoursAfter: 4,
                body: "Το ενεργοποίησα μόλις τώρα. Done!",
              },
            ],
          },
        ],
      },
      {
        author: "marios-ioannou",
        daysAgo: 9,
        body: '**Warning: fake "change of bank details" emails** are going around offices in Nicosia. Two of our clients received them this month. The pattern:\n\n- An email that looks like it comes from a **real supplier** (sometimes from their actual hacked mailbox)\n- It says *"our bank account has changed, please pay the attached invoice to the new IBAN"*\n- The invoice looks perfect\n\nRule for everyone: **any change of bank details is confirmed by phone**, using a number you already have, never one from the email. One of our clients almost sent €8,400.',
        reactions: [
          { person: "christos-neophytou", kind: "insightful" },
          { person: "anna-kyriakou", kind: "thanks" },
          { person: "maria-charalambous", kind: "thanks" },
          { person: "costas-kyriakou", kind: "support" },
          { person: "panayiota-hadjigeorgiou", kind: "thanks" },
        ],
        comments: [
          {
            author: "christos-neophytou",
            hoursAfter: 3,
            body: "Πολύ σημαντικό. Στα ελληνικά για όλους: **κάθε αλλαγή IBAN επιβεβαιώνεται τηλεφωνικά**, σε αριθμό που ήδη ξέρετε. Χωρίς εξαιρέσεις, ακόμα κι αν «βιάζεται» ο προμηθευτής.",
          },
          {
            author: "anna-kyriakou",
            hoursAfter: 6,
            body: "Printed and stuck above the office PC. Dad has read it twice.",
          },
        ],
      },
    ],
    forumTopics: [
      {
        author: "myrto-antoniou",
        daysAgo: 101,
        title: "Χρειάζομαι Υπεύθυνο Προστασίας Δεδομένων (DPO);",
        body: "Μου είπε ένας σύμβουλος ότι κάθε επιχείρηση πρέπει να έχει DPO και μου πρότεινε να αναλάβει αυτός, με μηνιαία χρέωση. Ισχύει για ένα κομμωτήριο με τέσσερα άτομα;",
        replies: [
          {
            author: "christos-neophytou",
            hoursAfter: 4,
            body: "Όχι, δεν ισχύει για κάθε επιχείρηση. DPO χρειάζεται κυρίως όταν η βασική σας δραστηριότητα περιλαμβάνει **μεγάλης κλίμακας** επεξεργασία ειδικών κατηγοριών δεδομένων (π.χ. υγείας) ή συστηματική παρακολούθηση ανθρώπων, ή αν είστε δημόσια αρχή. Ένα κομμωτήριο με τέσσερα άτομα κατά κανόνα δεν χρειάζεται. Χρειάζεται όμως να ξέρετε τι δεδομένα κρατάτε, γιατί και για πόσο.",
            isAnswer: true,
          },
          {
            author: "maria-charalambous",
            hoursAfter: 8,
            body: "Το βλέπουμε συχνά στο Φόρουμ: «σύμβουλοι» που πουλάνε υπηρεσίες που δεν χρειάζεστε. Καλά έκανες και ρώτησες.",
          },
          {
            author: "marios-ioannou",
            hoursAfter: 24,
            body: "Same with some clinics we support. They *may* need one because of health data, and that's worth checking properly.",
          },
        ],
      },
      {
        author: "anna-kyriakou",
        daysAgo: 70,
        title: "Which password manager for a small team?",
        body: "After the workshop, we want to stop sharing passwords on Viber. We're a handful of people in the office plus my dad, who will need something very simple. What do you recommend, and what should we look for?",
        replies: [
          {
            author: "marios-ioannou",
            hoursAfter: 3,
            body: "Any well-known password manager with a **business/team plan** is fine. What matters:\n\n- **shared vaults** (one for the office, one for the bank, separate access)\n- two-factor on the password manager itself\n- a simple phone app (your dad will use it there, not on the PC)\n- the possibility to **remove someone's access** when they leave\n\nStart with the shared logins only, then move everyone's personal work passwords in.",
            isAnswer: true,
          },
          {
            author: "christos-neophytou",
            hoursAfter: 6,
            body: "And set up an emergency access/recovery option. If the only admin loses their phone, you don't want the whole company locked out.",
          },
          {
            author: "andri-constantinou",
            hoursAfter: 30,
            body: 'We use one at the Forum for the social media accounts too. No more "who changed the Instagram password?" messages.',
          },
        ],
      },
    ],
    resources: [
      {
        addedBy: "christos-neophytou",
        daysAgo: 108,
        kind: "link",
        title: "GDPR σε μία σελίδα για μικρές επιχειρήσεις",
        description:
          "Λίστα ελέγχου στα ελληνικά και αγγλικά: τι δεδομένα κρατάτε, γιατί, για πόσο, ποιος έχει πρόσβαση και τι κάνετε αν κάτι πάει στραβά.",
        url: "https://microforum-cy.example/gdpr-mia-selida",
        language: "el",
        topics: ["gdpr-for-small-business"],
      },
      {
        addedBy: "marios-ioannou",
        daysAgo: 95,
        kind: "link",
        title: "The 3-2-1 backup guide for small offices",
        description:
          "How to set up and test backups for a small office, with examples for a single PC, a laptop team and a shop with a till system.",
        url: "https://ledra-it.example/guides/backup-3-2-1",
        language: "en",
        topics: ["data-backup", "cybersecurity-basics"],
      },
      {
        addedBy: "christos-neophytou",
        daysAgo: 8,
        kind: "link",
        title: "Phishing & fake IBAN emails: printable poster",
        description:
          'An A4 poster for the office wall: five signs of a phishing email and the "call before you pay" rule, in Greek and English.',
        url: "https://microforum-cy.example/poster-phishing-iban",
        language: "en",
        topics: ["cybersecurity-basics", "online-reputation"],
      },
    ],
  },
];
