import { describe, expect, it } from "vitest";
import { catalogues } from "./catalogue.server";
import type { Locale } from "./i18n";

// The style guides in docs/translation/<locale>.md, as far as a machine can check them.
// catalogue.test.ts keeps every key in six languages with the same placeholders and valid ICU;
// this file adds what a native reader would trip over. Each rule says why, so that whoever
// meets a failure can fix the string (or, when the form is right there, add an allow entry).

const en = catalogues.en;

/** A whole-word pattern that works for every script (JS \b only knows ASCII letters). */
function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{M}])(?:${alternatives.join("|")})(?![\\p{L}\\p{M}])`, "u");
}

type Rule = { id: string; pattern: RegExp; reason: string };

const forbidden: Partial<Record<Locale, Rule[]>> = {
  en: [
    {
      id: "en-double-pronoun",
      pattern: /\b(he\/she|she\/he|his\/her|him\/her|s\/he)\b/i,
      reason: "use singular 'they' or a name, never a slash pair",
    },
    {
      id: "en-error-code",
      pattern: /^Error \d{3}$/,
      reason: "say what happened, not the HTTP status",
    },
  ],
  de: [
    {
      id: "de-du",
      pattern: words(
        "du",
        "dich",
        "dir",
        "dein",
        "deine",
        "deinen",
        "deinem",
        "deiner",
        "deines",
        "deins",
      ),
      reason: "we address people with „Sie“, never „du“",
    },
    {
      id: "de-du-imperative",
      pattern: words(
        "Wähle",
        "Gib",
        "Schreib",
        "Sag",
        "Erzähl",
        "Zeig",
        "Frag",
        "Tritt",
        "Versuche es",
        "Nutze",
        "Füge",
        "Stell",
        "Schau",
        "Bestätige",
        "Kopiere",
        "Behalte",
        "Abonniere",
        "Beginne",
        "Setze",
        "Melde dich",
      ),
      reason: "imperatives take the „Sie“ form (Wählen Sie …) or the infinitive on buttons",
    },
    {
      id: "de-gender-slash",
      pattern: /\p{L}(\/|:|\*)(in|innen|r)(?!\p{L})/u,
      reason:
        "no Trainer/in, Unternehmer:innen or Selbstständige/r: use a neutral word (Lehrende, Unternehmen, Moderation) or both forms written out where there is room",
    },
    { id: "de-calque", pattern: /Klein ist gut/, reason: "calque of an English slogan" },
  ],
  el: [
    {
      id: "el-gender-slash",
      pattern: /\p{Script=Greek}\/\p{Script=Greek}/u,
      reason:
        "no ο/η, του/της, εκπαιδευτής/εκπαιδεύτρια: rephrase (the name alone, a neutral noun, a plural) so it fits 360 px",
    },
    {
      id: "el-informal",
      pattern: words("σου", "εσύ", "σένα"),
      reason: "we address people in the polite plural (σας, εσείς)",
    },
    {
      // Found in error messages written in a hurry: "Αφαίρεσέ τους και δοκίμασε ξανά",
      // "Κλείσε … φόρτωσε", "Άρε … προσκάλεσέ το", "να άρεις".
      id: "el-informal-verb",
      pattern: words(
        "δοκίμασε",
        "Δοκίμασε",
        "Κλείσε",
        "κλείσε",
        "φόρτωσε",
        "Άρε",
        "άρεις",
        "μπορείς",
        "θέλεις",
        "έχεις",
        "είσαι",
        "\\p{L}+[σξψ]έ (?:το|τα|τον|την|τους|τις)",
      ),
      reason:
        "singular imperative or verb: we write the polite plural (Δοκιμάστε, Κλείστε, μπορείτε)",
    },
    {
      // "{actor}{others, plural, =0 {} …} σχολίασαν": with nobody else, one name took a plural verb.
      id: "el-actor-verb-outside-plural",
      pattern: /\{others, plural, =0 \{\}/,
      reason:
        "put the verb inside the plural so that it agrees: =0 { σχολίασε} one { και # ακόμη σχολίασαν}",
    },
    {
      id: "el-owner",
      pattern: words("ιδιοκτήτ\\p{L}*"),
      reason:
        "a business owner is «επιχειρηματίας» (glossary), not «ιδιοκτήτης», which is also gendered",
    },
  ],
  fi: [
    {
      id: "fi-slang",
      pattern: words(
        "Tsemppi\\p{L}*",
        "moro",
        "moi",
        "kiva\\p{L}*",
        "siisti\\p{L}*",
        "jee",
        "huippu\\p{L}*",
      ),
      reason: "colloquial or slang: Finnish UIs use neutral standard language",
    },
    { id: "fi-calque", pattern: /Pieni on hyvä/i, reason: "calque of an English slogan" },
    {
      // Found in notification settings: "Oppimateriaalienne julkaiseminen", "Suorittamanne kurssit".
      id: "fi-te-politeness",
      pattern: words("Suorittama\\p{L}*nne", "\\p{L}*materiaali\\p{L}*nne", "Tarkistustanne"),
      reason:
        "one person is addressed in the singular (oppimateriaaliesi); the plural only for an organisation or both sides",
    },
    {
      id: "fi-resource-term",
      pattern: words("aineisto\\p{L}*"),
      reason: "a learning resource is «oppimateriaali» (glossary), not «aineisto»",
    },
    {
      // "{actor}{others, plural, =0 {} one { ja # muu} …} kommentoi": two or more people took a singular verb.
      id: "fi-actor-verb-outside-plural",
      pattern: /\{others, plural, =0 \{\}/,
      reason:
        "put the verb inside the plural so that it agrees: =0 { kommentoi} one { ja # muu kommentoivat}",
    },
  ],
  it: [
    {
      id: "it-tu",
      pattern: words(
        "tuo",
        "tua",
        "tuoi",
        "tue",
        "ti",
        "te stesso",
        "te stessa",
        "hai",
        "puoi",
        "vuoi",
        "devi",
        "sai",
        "fai",
        "stai",
        "ricevi",
        "tu",
        "non sei",
        "sei (?:già|stato|stata|in|invitato|invitata|iscritto|iscritta|un|una)",
      ),
      reason: "we address people with „Lei“ (suo, può, vuole), never „tu“",
    },
    {
      id: "it-gender-slash",
      pattern: /\p{L}\/(a|e|i|\p{L}*trice|\p{L}*essa)(?!\p{L})/u,
      reason:
        "no stato/a or formatore/formatrice: an epicene word (docente, titolare, referente) or a rephrasing",
    },
    {
      id: "it-capital-courtesy",
      pattern: /[\p{L}»},;)] (Suo|Sua|Suoi|Sue|Lei|Le|La)(?!\p{L})/u,
      reason:
        "the courtesy form is written in lower case inside a sentence (il suo profilo, le scriviamo)",
    },
    {
      id: "it-tu-imperative",
      // Short buttons may keep the neutral software verb (Salva, Cerca, Rispondi); a sentence
      // (ending in a full stop) that tells the reader what to do takes the „Lei“ form.
      pattern: new RegExp(
        `${words("Iscriviti", "Unisciti", "Registrati", "Abbonati", "unirti", "iscriverti", "copialo", "Tienilo", "Sbloccala", "anche tu").source}|(?<![«\\p{L}])(?:Riprova|Aspetta|Scegli|Scrivi|Indica|Lascia|Incolla|Rispondi|Accetta|Cambia|Copia|Usa|Controlla|Inserisci|Aggiungi|Dai|Apri)(?!\\p{L})[^.«»]*\\.(?=\\s|$)`,
        "u",
      ),
      reason:
        "informal imperative: buttons use the infinitive or a neutral UI verb without „ti“, sentences the „Lei“ form (Scelga, Scriva, Riprovi)",
    },
  ],
  ro: [
    {
      id: "ro-tu",
      pattern: words(
        "tu",
        "tău",
        "tale",
        "tăi",
        "ta",
        "îți",
        "ești",
        "poți",
        "vrei",
        "\\p{L}+-te",
        "\\p{L}+az-o",
        "Alege",
        "Încearcă",
        "Spune",
        // Found in error messages and hints: "Elimină-le și încearcă din nou", "invit-o",
        // "până când nu anulezi", "Nu ai încă", "cum afli … cum scrii".
        "încearcă",
        "Elimină-\\p{L}+",
        "anulezi",
        "invit-o",
        "[Nn]u ai",
        "afli",
        "scrii",
      ),
      reason: "we address people with „dumneavoastră“ (forms in -ți: alegeți, puteți)",
    },
    {
      // "{actor}{others, plural, =0 {} …} au comentat": with nobody else, one name took a plural verb.
      id: "ro-actor-verb-outside-plural",
      pattern: /\{others, plural, =0 \{\}/,
      reason:
        "put the verb inside the plural so that it agrees: =0 { a comentat} one { și încă # persoană au comentat}",
    },
    {
      id: "ro-dvs-long",
      pattern: /^(?=[\s\S]{91})[\s\S]*(?<!\p{L})dvs\./u,
      reason:
        "a long sentence has room for „dumneavoastră“; „dvs.“ only where space is short (labels, buttons)",
    },
    {
      id: "ro-email-spelling",
      pattern: /(?<![\p{L}{-])[Ee]mail/u,
      reason: "the catalogue writes „e-mail“ (e-mailul, e-mailuri) everywhere",
    },
    {
      id: "ro-gender-slash",
      pattern: /\p{L}\/(ă|a|o|oare)(?!\p{L})/u,
      reason: "no liber/ă: rephrase (disponibil → „aveți timp“) or use a neutral form",
    },
    { id: "ro-calque", pattern: /Mic înseamnă bine/i, reason: "calque of an English slogan" },
  ],
};

/** Strings whose words must agree with a noun that the key does not show. */
const agreement: { locale: Locale; key: string; expected: RegExp; reason: string }[] = [
  {
    locale: "it",
    key: "form.none",
    expected: /^Nessuna$/,
    reason: "the empty choice of a language (lingua, f.)",
  },
  {
    locale: "el",
    key: "form.none",
    expected: /^Καμία$/,
    reason: "the empty choice of a language (γλώσσα, f.)",
  },
  {
    locale: "ro",
    key: "forum.answered",
    expected: /^Rezolvată$/,
    reason: "badge of a discussion (discuție, f.)",
  },
  {
    locale: "el",
    key: "nav.signUp",
    expected: /(ετε|είτε|ήστε|άτε)$/,
    reason: "a button is a verb, not a noun",
  },
  {
    locale: "el",
    key: "networks.join",
    expected: /(ετε|είτε|ήστε|άτε)$/,
    reason: "a button is a verb, not a noun",
  },
  {
    locale: "el",
    key: "partneringDay.join",
    expected: /(ετε|είτε|ήστε|άτε)$/,
    reason: "a button is a verb, not a noun",
  },
];

/**
 * Justified exceptions: [locale, key, rule id, why]. Keep this short; a string that can be
 * rephrased should be.
 */
const allowed: [Locale, string, string, string][] = [];

/** Values that are the same word in English and this language (names, loanwords, codes). */
const sharedWithEnglish: Partial<Record<Locale, string[]>> = {
  de: [
    "Name",
    "Online, live",
    "Online",
    "online",
    "Organisation",
    "Organisation (optional)",
    "Status",
    "Check-in",
    "Forum",
    "Website:",
    "Train-the-Trainer",
    "Version {version}: {title}",
    "Videos",
    "Radar",
    "Format",
    "Franchise",
    "Code",
    "Region",
    "Link",
    "Admin",
    "Text",
  ],
  el: ["Email"],
  fi: ["{count} min", "franchising"],
  it: [
    "Online",
    "online",
    "File",
    "Password",
    "Email",
    "Privacy",
    "Agenda",
    "quiz",
    "Forum",
    "{count} min",
    "franchising",
    "Radar",
    "Joint venture",
    "No",
    "Link",
    "Menu",
  ],
  ro: [
    "Online",
    "online",
    "Sector",
    "Forum",
    "{count} min",
    "Radar",
    "Format",
    "Link",
    "Facilitator",
    "Text",
  ],
};
const sharedEverywhere = /^(CC(0| BY)[\w -]*\d\.\d|\{count\} KB|—)$/;

function isAllowed(locale: Locale, key: string, rule: string): boolean {
  return allowed.some(([l, k, r]) => l === locale && k === key && r === rule);
}

describe("translation style", () => {
  for (const [locale, rules] of Object.entries(forbidden) as [Locale, Rule[]][]) {
    it(`${locale} has none of its forbidden forms`, () => {
      const found: string[] = [];
      for (const [key, value] of Object.entries(catalogues[locale])) {
        for (const rule of rules) {
          if (rule.pattern.test(value) && !isAllowed(locale, key, rule.id)) {
            found.push(`${key} (${rule.id}: ${rule.reason}): ${value}`);
          }
        }
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }

  it("agrees with the nouns the keys stand for", () => {
    const wrong = agreement
      .filter(({ locale, key, expected }) => !expected.test(catalogues[locale][key] ?? ""))
      .map(
        ({ locale, key, reason }) => `${locale} ${key} = ${catalogues[locale][key]} (${reason})`,
      );
    expect(wrong).toEqual([]);
  });

  for (const locale of ["de", "el", "fi", "it", "ro"] as Locale[]) {
    it(`${locale} keeps English words only where they are ${locale} words too`, () => {
      // Stricter than the 5 % ceiling in catalogue.test.ts: any new English copy fails here.
      const shared = new Set(sharedWithEnglish[locale] ?? []);
      const copies = Object.entries(catalogues[locale])
        .filter(
          ([key, value]) =>
            value === en[key] && !shared.has(value) && !sharedEverywhere.test(value),
        )
        .map(([key, value]) => `${key}: ${value}`);
      expect(copies).toEqual([]);
    });
  }

  it("allows only exceptions that still match something", () => {
    const rules = Object.values(forbidden).flat();
    const stale = allowed.filter(([locale, key, id]) => {
      const rule = rules.find((r) => r.id === id);
      return !rule?.pattern.test(catalogues[locale][key] ?? "");
    });
    expect(stale).toEqual([]);
  });
});
