/**
 * The learning part of the scale seed (issue 11, "Scale"): `resources` learning resources
 * (default 20,000), courses made of them (one per 40 resources: 500), and `enrolments`
 * enrolments (default 200,000) with their progress and quiz attempts, over the seeded people:
 *
 * - resources written by educators (most) and a few owners, in the six languages (English most,
 *   then German and Italian), 15 % of them in pairs of translations sharing a
 *   `translation_group`; 1–3 curated topics on a long tail (the first topics most); EQF 1–6;
 *   5–40 minutes (half of them 10–20); 90 % published, the rest submitted, drafts, approved or
 *   withdrawn; 8 % seen only in one of their author's networks; one to three versions, each
 *   with its `learning_resource_versions` row, approved by a reviewer who is not the author;
 * - usefulness ratings (about 10 per published resource, skewed, `rating_sum`/`rating_count`
 *   set from them as the rating writer keeps them) and comments on about 15 % of them;
 * - courses of 4–12 lessons in 2–4 sections, lessons being published open-library resources
 *   in the course's language, most courses ending with a quiz and a few with one halfway; 10 %
 *   network courses; 95 % published;
 * - enrolments: the members of a network course's network (about 60 % of them), the rest in the
 *   open courses, skewed so that the biggest course has about 6 % of them (≈ 12,000); 18 %
 *   completed, 3 % left, the others part-way, with one `lesson_progress` row per lesson done
 *   (in order), `last_lesson_id` at the next lesson and quiz attempts for the quizzes passed (a
 *   third after a failed try) and some failed tries at the quiz they are on.
 *
 * Shipped courseware (resources and courses with a `slug`) is never touched: `--only learning`
 * removes every other learning row and writes them anew. Everything is drawn inside
 * PostgreSQL from md5 of the row's number (with the version 4 and variant bits set, so the
 * app's UUID checks accept them in URLs), so two runs give the same rows; only the absolute
 * times follow the moment of seeding.
 */
import type pg from "pg";
import type { Database } from "~/db/client.server";
import type { StoredQuestion } from "~/db/schema/learning";
import { topics } from "~/features/taxonomy/data/topics";
import { replaceScalePart } from "./scale-part.server";

export const DEFAULT_SCALE_RESOURCES = 20_000;
export const DEFAULT_SCALE_ENROLMENTS = 200_000;
/** One course per this many resources (500 at the default 20,000). */
const RESOURCES_PER_COURSE = 40;
/** The share of resources written in pairs of translations. */
const TRANSLATED_SHARE = 0.15;

export type LearningCounts = {
  resources: number;
  versions: number;
  reviews: number;
  ratings: number;
  comments: number;
  courses: number;
  lessons: number;
  enrolments: number;
  progress: number;
  quizAttempts: number;
};

/** A number in [0, 1) from md5 of the text (SQL). */
const unit = (text: string) =>
  `(('x' || substr(md5(${text}), 1, 8))::bit(32)::bigint / 4294967296.0)`;

const LANGUAGES = ["en", "de", "el", "fi", "it", "ro"] as const;
type Language = (typeof LANGUAGES)[number];

/** What the seeded resources and courses say, per language; `{t}` is the topic's label. */
type Texts = {
  titles: string[];
  summary: string;
  introduction: string;
  practice: string;
  reflection: string;
  questions: StoredQuestion[];
  comments: string[];
  courseTitle: string;
  courseSummary: string;
  sections: string[];
  quizTitle: string;
  quiz: StoredQuestion[];
};

const q = (prompt: string, options: string[], correct: number[], feedback: string) => ({
  prompt,
  options: options.map((text, i) => ({ text, correct: correct.includes(i) })),
  feedback,
  multiple: correct.length > 1,
});

const texts: Record<Language, Texts> = {
  en: {
    titles: [
      "{t}: a first look",
      "{t} in five steps",
      "{t} for a small team",
      "Quick guide: {t}",
      "{t}: common mistakes to avoid",
    ],
    summary: "A short, practical unit on {t} for people who run a small business.",
    introduction:
      "## Why it matters\n\nMost small firms deal with **{t}** sooner or later. This unit shows what it means for a team of one to nine people and where to start.\n\n- what you already do well\n- what takes too much time\n- what one small change could bring",
    practice:
      "## Try it\n\n1. Write down one task from last week that touches on {t}.\n2. Note how long it took and who did it.\n3. Pick one step from this unit and try it this week.\n\n> Keep it small: one change you can finish in a day.",
    reflection:
      "## Look back\n\nWhat worked? What would you change next time? Talk it over with a colleague or in your network.",
    questions: [
      q(
        "What is a good first step?",
        ["Change everything at once", "Pick one small task", "Wait for a better time"],
        [1],
        "Small steps are easier to finish and to learn from.",
      ),
      q(
        "Who can help you?",
        ["A colleague", "Your network", "Nobody"],
        [0, 1],
        "Other people often had the same question.",
      ),
      q(
        "How long should the first try take?",
        ["About a day", "Three months", "A year"],
        [0],
        "A short try shows quickly whether it helps.",
      ),
    ],
    comments: [
      "Thank you, this was clear and useful.",
      "We tried step 2 in our shop and it worked well.",
      "Could you add an example for a team of two?",
      "Short and to the point. I shared it with my network.",
    ],
    courseTitle: "{t}: a short course",
    courseSummary: "A short course on {t}: practical units, each about 15 minutes.",
    sections: ["Getting started", "In practice", "Going further", "Putting it together"],
    quizTitle: "Final quiz",
    quiz: [
      q("What should you start with?", ["One small task", "Everything"], [0], "Start small."),
      q(
        "Which of these help you learn?",
        ["Trying it out", "Talking to peers", "Skipping the practice"],
        [0, 1],
        "Doing and talking both help.",
      ),
      q("When do you look back?", ["After trying", "Never"], [0], "Reflection comes after."),
      q(
        "How big should a first change be?",
        ["Small", "Huge", "It does not matter"],
        [0],
        "Small changes are easier to finish.",
      ),
    ],
  },
  de: {
    titles: [
      "{t}: ein erster Blick",
      "{t} in fünf Schritten",
      "{t} für ein kleines Team",
      "Kurzanleitung: {t}",
      "{t}: häufige Fehler vermeiden",
    ],
    summary: "Eine kurze, praktische Einheit zu {t} für alle, die ein kleines Unternehmen führen.",
    introduction:
      "## Warum es wichtig ist\n\nDie meisten kleinen Betriebe haben früher oder später mit **{t}** zu tun. Diese Einheit zeigt, was das für ein Team von einer bis neun Personen bedeutet und wo man anfängt.\n\n- was Sie schon gut machen\n- was zu viel Zeit kostet\n- was eine kleine Änderung bringen kann",
    practice:
      "## Probieren Sie es aus\n\n1. Schreiben Sie eine Aufgabe der letzten Woche auf, die mit {t} zu tun hat.\n2. Notieren Sie, wie lange sie gedauert hat und wer sie gemacht hat.\n3. Wählen Sie einen Schritt aus dieser Einheit und probieren Sie ihn diese Woche aus.\n\n> Bleiben Sie klein: eine Änderung, die Sie an einem Tag schaffen.",
    reflection:
      "## Rückblick\n\nWas hat geklappt? Was würden Sie nächstes Mal anders machen? Sprechen Sie mit einer Kollegin oder in Ihrem Netzwerk darüber.",
    questions: [
      q(
        "Was ist ein guter erster Schritt?",
        ["Alles auf einmal ändern", "Eine kleine Aufgabe wählen", "Auf später warten"],
        [1],
        "Kleine Schritte lassen sich leichter abschließen.",
      ),
      q(
        "Wer kann Ihnen helfen?",
        ["Eine Kollegin", "Ihr Netzwerk", "Niemand"],
        [0, 1],
        "Andere hatten oft dieselbe Frage.",
      ),
      q(
        "Wie lange sollte der erste Versuch dauern?",
        ["Etwa einen Tag", "Drei Monate", "Ein Jahr"],
        [0],
        "Ein kurzer Versuch zeigt schnell, ob es hilft.",
      ),
    ],
    comments: [
      "Danke, das war klar und nützlich.",
      "Wir haben Schritt 2 im Laden ausprobiert, es hat gut funktioniert.",
      "Gibt es auch ein Beispiel für ein Team von zwei Personen?",
      "Kurz und klar. Ich habe es in meinem Netzwerk geteilt.",
    ],
    courseTitle: "{t}: ein kurzer Kurs",
    courseSummary: "Ein kurzer Kurs zu {t}: praktische Einheiten von je etwa 15 Minuten.",
    sections: ["Einstieg", "In der Praxis", "Weiter gehen", "Alles zusammen"],
    quizTitle: "Abschlussquiz",
    quiz: [
      q("Womit fangen Sie an?", ["Mit einer kleinen Aufgabe", "Mit allem"], [0], "Klein anfangen."),
      q(
        "Was hilft beim Lernen?",
        ["Ausprobieren", "Mit anderen sprechen", "Die Übung auslassen"],
        [0, 1],
        "Tun und Reden helfen beide.",
      ),
      q(
        "Wann schauen Sie zurück?",
        ["Nach dem Ausprobieren", "Nie"],
        [0],
        "Der Rückblick kommt danach.",
      ),
      q(
        "Wie groß sollte die erste Änderung sein?",
        ["Klein", "Riesig", "Egal"],
        [0],
        "Kleine Änderungen schafft man leichter.",
      ),
    ],
  },
  el: {
    titles: [
      "{t}: μια πρώτη ματιά",
      "{t} σε πέντε βήματα",
      "{t} για μια μικρή ομάδα",
      "Σύντομος οδηγός: {t}",
      "{t}: συχνά λάθη που αποφεύγουμε",
    ],
    summary:
      "Μια σύντομη, πρακτική ενότητα για το θέμα «{t}», για όσους έχουν μια μικρή επιχείρηση.",
    introduction:
      "## Γιατί έχει σημασία\n\nΟι περισσότερες μικρές επιχειρήσεις συναντούν κάποια στιγμή το θέμα **{t}**. Η ενότητα δείχνει τι σημαίνει για μια ομάδα από ένα έως εννέα άτομα και από πού να ξεκινήσετε.\n\n- τι κάνετε ήδη καλά\n- τι σας παίρνει πολύ χρόνο\n- τι μπορεί να φέρει μια μικρή αλλαγή",
    practice:
      "## Δοκιμάστε το\n\n1. Γράψτε μια δουλειά της περασμένης εβδομάδας που αφορά το θέμα «{t}».\n2. Σημειώστε πόσο κράτησε και ποιος την έκανε.\n3. Διαλέξτε ένα βήμα από αυτή την ενότητα και δοκιμάστε το αυτή την εβδομάδα.\n\n> Κρατήστε το μικρό: μια αλλαγή που τελειώνει σε μια μέρα.",
    reflection:
      "## Κοιτάζοντας πίσω\n\nΤι πήγε καλά; Τι θα αλλάζατε την επόμενη φορά; Συζητήστε το με έναν συνάδελφο ή στο δίκτυό σας.",
    questions: [
      q(
        "Ποιο είναι ένα καλό πρώτο βήμα;",
        ["Να αλλάξετε τα πάντα μαζί", "Να διαλέξετε μια μικρή δουλειά", "Να περιμένετε"],
        [1],
        "Τα μικρά βήματα τελειώνουν πιο εύκολα.",
      ),
      q(
        "Ποιος μπορεί να σας βοηθήσει;",
        ["Ένας συνάδελφος", "Το δίκτυό σας", "Κανείς"],
        [0, 1],
        "Άλλοι είχαν συχνά την ίδια ερώτηση.",
      ),
      q(
        "Πόσο πρέπει να κρατήσει η πρώτη δοκιμή;",
        ["Περίπου μια μέρα", "Τρεις μήνες", "Έναν χρόνο"],
        [0],
        "Μια σύντομη δοκιμή δείχνει γρήγορα αν βοηθά.",
      ),
    ],
    comments: [
      "Ευχαριστώ, ήταν σαφές και χρήσιμο.",
      "Δοκιμάσαμε το βήμα 2 στο μαγαζί και πέτυχε.",
      "Μπορείτε να προσθέσετε ένα παράδειγμα για ομάδα δύο ατόμων;",
      "Σύντομο και σαφές. Το μοιράστηκα στο δίκτυό μου.",
    ],
    courseTitle: "{t}: ένα σύντομο μάθημα",
    courseSummary:
      "Ένα σύντομο μάθημα για το θέμα «{t}»: πρακτικές ενότητες περίπου 15 λεπτών η καθεμία.",
    sections: ["Ξεκινώντας", "Στην πράξη", "Πιο πέρα", "Όλα μαζί"],
    quizTitle: "Τελικό κουίζ",
    quiz: [
      q("Με τι ξεκινάτε;", ["Με μια μικρή δουλειά", "Με όλα μαζί"], [0], "Ξεκινήστε από τα μικρά."),
      q(
        "Τι βοηθά στη μάθηση;",
        ["Η δοκιμή", "Η συζήτηση με άλλους", "Να παραλείψετε την άσκηση"],
        [0, 1],
        "Βοηθούν και τα δύο.",
      ),
      q("Πότε κοιτάτε πίσω;", ["Μετά τη δοκιμή", "Ποτέ"], [0], "Ο απολογισμός έρχεται μετά."),
      q(
        "Πόσο μεγάλη να είναι η πρώτη αλλαγή;",
        ["Μικρή", "Τεράστια", "Δεν έχει σημασία"],
        [0],
        "Οι μικρές αλλαγές τελειώνουν πιο εύκολα.",
      ),
    ],
  },
  fi: {
    titles: [
      "{t}: ensimmäinen katsaus",
      "{t} viidessä vaiheessa",
      "{t} pienelle tiimille",
      "Pikaopas: {t}",
      "{t}: tavalliset virheet",
    ],
    summary: "Lyhyt ja käytännöllinen jakso aiheesta {t} pienen yrityksen pyörittäjille.",
    introduction:
      "## Miksi tämä on tärkeää\n\nUseimmat pienet yritykset kohtaavat aiheen **{t}** ennemmin tai myöhemmin. Tämä jakso näyttää, mitä se tarkoittaa 1–9 hengen tiimille ja mistä aloittaa.\n\n- mitä teet jo hyvin\n- mihin menee liikaa aikaa\n- mitä yksi pieni muutos voisi tuoda",
    practice:
      "## Kokeile\n\n1. Kirjoita ylös yksi viime viikon tehtävä, joka liittyy aiheeseen {t}.\n2. Merkitse, kauanko siihen meni ja kuka sen teki.\n3. Valitse yksi vaihe tästä jaksosta ja kokeile sitä tällä viikolla.\n\n> Pidä se pienenä: yksi muutos, jonka saat valmiiksi päivässä.",
    reflection:
      "## Katso taaksepäin\n\nMikä toimi? Mitä tekisit ensi kerralla toisin? Keskustele siitä kollegan kanssa tai verkostossasi.",
    questions: [
      q(
        "Mikä on hyvä ensimmäinen askel?",
        ["Muuttaa kaikki kerralla", "Valita yksi pieni tehtävä", "Odottaa parempaa hetkeä"],
        [1],
        "Pienet askeleet on helpompi saada valmiiksi.",
      ),
      q(
        "Kuka voi auttaa sinua?",
        ["Kollega", "Verkostosi", "Ei kukaan"],
        [0, 1],
        "Muilla on usein ollut sama kysymys.",
      ),
      q(
        "Kuinka kauan ensimmäinen kokeilu saa kestää?",
        ["Noin päivän", "Kolme kuukautta", "Vuoden"],
        [0],
        "Lyhyt kokeilu näyttää nopeasti, auttaako se.",
      ),
    ],
    comments: [
      "Kiitos, tämä oli selkeä ja hyödyllinen.",
      "Kokeilimme vaihetta 2 kaupassa ja se toimi hyvin.",
      "Voisitko lisätä esimerkin kahden hengen tiimille?",
      "Lyhyt ja selkeä. Jaoin sen verkostooni.",
    ],
    courseTitle: "{t}: lyhyt kurssi",
    courseSummary: "Lyhyt kurssi aiheesta {t}: käytännön jaksoja, kukin noin 15 minuuttia.",
    sections: ["Alkuun", "Käytännössä", "Pidemmälle", "Kaikki yhdessä"],
    quizTitle: "Loppukysely",
    quiz: [
      q("Mistä aloitat?", ["Yhdestä pienestä tehtävästä", "Kaikesta"], [0], "Aloita pienestä."),
      q(
        "Mikä auttaa oppimaan?",
        ["Kokeileminen", "Puhuminen muiden kanssa", "Harjoituksen ohittaminen"],
        [0, 1],
        "Tekeminen ja puhuminen auttavat molemmat.",
      ),
      q(
        "Milloin katsot taaksepäin?",
        ["Kokeilun jälkeen", "En koskaan"],
        [0],
        "Pohdinta tulee kokeilun jälkeen.",
      ),
      q(
        "Kuinka suuri ensimmäisen muutoksen pitäisi olla?",
        ["Pieni", "Valtava", "Sillä ei ole väliä"],
        [0],
        "Pienet muutokset on helpompi tehdä.",
      ),
    ],
  },
  it: {
    titles: [
      "{t}: un primo sguardo",
      "{t} in cinque passi",
      "{t} per un piccolo team",
      "Guida rapida: {t}",
      "{t}: errori comuni da evitare",
    ],
    summary: "Un'unità breve e pratica su {t} per chi gestisce una piccola impresa.",
    introduction:
      "## Perché è importante\n\nPrima o poi quasi tutte le piccole imprese hanno a che fare con **{t}**. Questa unità mostra cosa significa per un team da una a nove persone e da dove cominciare.\n\n- cosa fate già bene\n- cosa richiede troppo tempo\n- cosa potrebbe portare un piccolo cambiamento",
    practice:
      "## Provate\n\n1. Scrivete un compito della settimana scorsa che riguarda {t}.\n2. Annotate quanto tempo ha richiesto e chi l'ha svolto.\n3. Scegliete un passo di questa unità e provatelo questa settimana.\n\n> Restate sul piccolo: un cambiamento che si finisce in un giorno.",
    reflection:
      "## Guardare indietro\n\nCosa ha funzionato? Cosa cambiereste la prossima volta? Parlatene con un collega o nella vostra rete.",
    questions: [
      q(
        "Qual è un buon primo passo?",
        ["Cambiare tutto insieme", "Scegliere un piccolo compito", "Aspettare"],
        [1],
        "I piccoli passi si portano a termine più facilmente.",
      ),
      q(
        "Chi vi può aiutare?",
        ["Un collega", "La vostra rete", "Nessuno"],
        [0, 1],
        "Spesso altri hanno avuto la stessa domanda.",
      ),
      q(
        "Quanto dovrebbe durare la prima prova?",
        ["Circa un giorno", "Tre mesi", "Un anno"],
        [0],
        "Una prova breve mostra presto se aiuta.",
      ),
    ],
    comments: [
      "Grazie, chiaro e utile.",
      "Abbiamo provato il passo 2 in negozio e ha funzionato.",
      "Potete aggiungere un esempio per un team di due persone?",
      "Breve e chiaro. L'ho condiviso nella mia rete.",
    ],
    courseTitle: "{t}: un breve corso",
    courseSummary: "Un breve corso su {t}: unità pratiche di circa 15 minuti ciascuna.",
    sections: ["Per cominciare", "In pratica", "Andare oltre", "Mettere insieme"],
    quizTitle: "Quiz finale",
    quiz: [
      q(
        "Da cosa cominciate?",
        ["Da un piccolo compito", "Da tutto"],
        [0],
        "Cominciate dal piccolo.",
      ),
      q(
        "Cosa aiuta a imparare?",
        ["Provare", "Parlare con altri", "Saltare l'esercizio"],
        [0, 1],
        "Fare e parlare aiutano entrambi.",
      ),
      q(
        "Quando guardate indietro?",
        ["Dopo aver provato", "Mai"],
        [0],
        "La riflessione viene dopo.",
      ),
      q(
        "Quanto grande deve essere il primo cambiamento?",
        ["Piccolo", "Enorme", "Non importa"],
        [0],
        "I piccoli cambiamenti si finiscono più facilmente.",
      ),
    ],
  },
  ro: {
    titles: [
      "{t}: o primă privire",
      "{t} în cinci pași",
      "{t} pentru o echipă mică",
      "Ghid rapid: {t}",
      "{t}: greșeli frecvente de evitat",
    ],
    summary: "O unitate scurtă și practică despre {t}, pentru cei care conduc o afacere mică.",
    introduction:
      "## De ce contează\n\nMai devreme sau mai târziu, cele mai multe firme mici au de-a face cu **{t}**. Unitatea arată ce înseamnă asta pentru o echipă de una până la nouă persoane și de unde să începeți.\n\n- ce faceți deja bine\n- ce vă ia prea mult timp\n- ce ar putea aduce o schimbare mică",
    practice:
      "## Încercați\n\n1. Notați o sarcină de săptămâna trecută legată de {t}.\n2. Scrieți cât a durat și cine a făcut-o.\n3. Alegeți un pas din această unitate și încercați-l săptămâna aceasta.\n\n> Păstrați-o mică: o schimbare pe care o terminați într-o zi.",
    reflection:
      "## Privind înapoi\n\nCe a mers? Ce ați schimba data viitoare? Vorbiți despre asta cu un coleg sau în rețeaua dumneavoastră.",
    questions: [
      q(
        "Care este un prim pas bun?",
        ["Să schimbați totul deodată", "Să alegeți o sarcină mică", "Să așteptați"],
        [1],
        "Pașii mici se termină mai ușor.",
      ),
      q(
        "Cine vă poate ajuta?",
        ["Un coleg", "Rețeaua dumneavoastră", "Nimeni"],
        [0, 1],
        "Alții au avut adesea aceeași întrebare.",
      ),
      q(
        "Cât ar trebui să dureze prima încercare?",
        ["Cam o zi", "Trei luni", "Un an"],
        [0],
        "O încercare scurtă arată repede dacă ajută.",
      ),
    ],
    comments: [
      "Mulțumesc, a fost clar și util.",
      "Am încercat pasul 2 în magazin și a mers bine.",
      "Puteți adăuga un exemplu pentru o echipă de două persoane?",
      "Scurt și clar. L-am trimis în rețeaua mea.",
    ],
    courseTitle: "{t}: un curs scurt",
    courseSummary: "Un curs scurt despre {t}: unități practice de aproximativ 15 minute fiecare.",
    sections: ["Începutul", "În practică", "Mai departe", "Totul împreună"],
    quizTitle: "Test final",
    quiz: [
      q("Cu ce începeți?", ["Cu o sarcină mică", "Cu tot"], [0], "Începeți cu ceva mic."),
      q(
        "Ce ajută la învățare?",
        ["Încercarea", "Discuția cu alții", "Sărirea exercițiului"],
        [0, 1],
        "Și faptele, și discuțiile ajută.",
      ),
      q("Când priviți înapoi?", ["După încercare", "Niciodată"], [0], "Reflecția vine după."),
      q(
        "Cât de mare să fie prima schimbare?",
        ["Mică", "Uriașă", "Nu contează"],
        [0],
        "Schimbările mici se termină mai ușor.",
      ),
    ],
  },
};

/** Per language, the topics' labels in the order of `topics` (for titles and texts). */
function topicLabels(): Record<Language, string[]> {
  return Object.fromEntries(
    LANGUAGES.map((language) => [language, topics.map((t) => t.label[language] ?? t.label.en)]),
  ) as Record<Language, string[]>;
}

/** The learning tables the seed fills, leaves first (the order rows are removed in). */
export const LEARNING_TABLES = [
  "quiz_attempts",
  "lesson_progress",
  "credentials",
  "enrolments",
  "course_lessons",
  "course_sections",
  "courses",
  "learning_resource_comments",
  "learning_resource_ratings",
  "learning_resource_reviews",
  "learning_resource_files",
  "learning_resource_coauthors",
  "learning_resource_versions",
  "learning_resources",
] as const;

/**
 * Removes every learning row except shipped courseware (resources and courses with a slug) and
 * what hangs off it, leaves first so that no cascade has to search a large table.
 */
async function clearLearning(client: pg.PoolClient): Promise<void> {
  // Removing a course clears the credentials issued for it (ON DELETE SET NULL): without this
  // (dropped again below) each of the 500 courses would read every credential.
  const helperIndexes = [["seed_credentials_course", "credentials (course_id)"]];
  for (const [name, on] of helperIndexes) {
    await client.query(`create index if not exists ${name} on ${on}`);
  }
  await client.query(`create temp table seed_gone_courses on commit drop as
    select id from courses where slug is null`);
  await client.query(`create temp table seed_gone_enrolments on commit drop as
    select e.id from enrolments e join seed_gone_courses c on c.id = e.course_id`);
  await client.query(`create temp table seed_gone_resources on commit drop as
    select id from learning_resources where slug is null`);
  for (const table of ["quiz_attempts", "lesson_progress", "credentials"]) {
    await client.query(
      `delete from ${table} where enrolment_id in (select id from seed_gone_enrolments)`,
    );
  }
  await client.query("delete from enrolments where id in (select id from seed_gone_enrolments)");
  for (const table of ["course_lessons", "course_sections"]) {
    await client.query(
      `delete from ${table} where course_id in (select id from seed_gone_courses)`,
    );
  }
  await client.query("delete from courses where id in (select id from seed_gone_courses)");
  await client.query(
    "delete from need_answers where resource_id in (select id from seed_gone_resources)",
  );
  for (const table of [
    "learning_resource_comments",
    "learning_resource_ratings",
    "learning_resource_reviews",
    "learning_resource_files",
    "learning_resource_coauthors",
    "learning_resource_versions",
  ]) {
    await client.query(
      `delete from ${table} where resource_id in (select id from seed_gone_resources)`,
    );
  }
  await client.query(
    "delete from learning_resources where id in (select id from seed_gone_resources)",
  );
  for (const [name] of helperIndexes) await client.query(`drop index ${name}`);
}

/** Writes the learning data in the caller's transaction (learning tables cleared of it). */
export async function loadScaleLearning(
  client: pg.PoolClient,
  options: { resources: number; enrolments: number; progress: (message: string) => void },
): Promise<LearningCounts> {
  const { progress } = options;
  const started = performance.now();
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const count = async (sql: string) => Number((await client.query(sql)).rows[0].n);
  const topicKeys = topics.map((t) => `topic:${t.slug}`);
  // The words per language as rows, joined by language: reading them out of one large jsonb
  // parameter cost about a millisecond per resource.
  await client.query(
    `create temp table seed_texts on commit drop as
     select key as lang,
       array(select jsonb_array_elements_text(value -> 'titles')) as titles,
       value ->> 'summary' as summary, value ->> 'introduction' as introduction,
       value ->> 'practice' as practice, value ->> 'reflection' as reflection,
       value -> 'questions' as questions,
       jsonb_build_array(value -> 'questions' -> 0, value -> 'questions' -> 1) as two_questions,
       array(select jsonb_array_elements_text(value -> 'comments')) as comments,
       value ->> 'courseTitle' as course_title, value ->> 'courseSummary' as course_summary,
       array(select jsonb_array_elements_text(value -> 'sections')) as sections,
       value ->> 'quizTitle' as quiz_title, value -> 'quiz' as quiz
     from jsonb_each($1::jsonb)`,
    [JSON.stringify(texts)],
  );
  await client.query(
    `create temp table seed_labels on commit drop as
     select l.key as lang, (e.n - 1)::int as k, e.label
     from jsonb_each($1::jsonb) l
     cross join jsonb_array_elements_text(l.value) with ordinality e(label, n)`,
    [JSON.stringify(topicLabels())],
  );
  await client.query("create index on seed_labels (lang, k); analyze seed_texts, seed_labels");

  // People who write (educators, and one owner in twenty), with a network of theirs.
  await client.query(`create temp table seed_authors on commit drop as
    select row_number() over (order by u.role, u.id) - 1 as i, u.id, u.role,
      (select nm.network_id from network_members nm
        where nm.user_id = u.id and nm.status = 'active' order by nm.network_id limit 1) as network_id
    from users u
    where u.onboarded_at is not null
      and (u.role = 'educator' or ${unit("'lown' || u.id::text")} < 0.05)`);
  // Autovacuum never analyzes temporary tables: the seed does, so joins on them plan well.
  await client.query("create index on seed_authors (i); analyze seed_authors");
  const educators = await count(
    "select count(*)::int as n from seed_authors where role = 'educator'",
  );
  const authors = await count("select count(*)::int as n from seed_authors");
  if (educators === 0)
    throw new Error("No educators to write resources: run the scale seed first.");
  // People who learn: everyone who can sign in.
  await client.query(`create temp table seed_learners on commit drop as
    select row_number() over (order by id) - 1 as i, id from users
    where onboarded_at is not null and email_verified_at is not null`);
  await client.query("create index on seed_learners (i); analyze seed_learners");
  const learners = await count("select count(*)::int as n from seed_learners");
  progress(
    `  ${authors.toLocaleString("en")} authors (${educators.toLocaleString("en")} educators), ${learners.toLocaleString("en")} learners (${elapsed()})`,
  );

  // ── Resources: the translated share in pairs (group g, k = 0 or 1), the others alone.
  const paired = 2 * Math.floor((options.resources * TRANSLATED_SHARE) / 2);
  const resources = await client.query(
    `with r as (
       select g.i,
         case when g.i < $2 then g.i / 2 else g.i - $2 / 2 end as grp,
         case when g.i < $2 then g.i % 2 else 0 end as k
       from generate_series(0, $1::int - 1) g(i)),
     b as (
       select r.*,
         case when ${unit("'llang' || r.grp")} < 0.35 then 0 when ${unit("'llang' || r.grp")} < 0.55 then 1
              when ${unit("'llang' || r.grp")} < 0.63 then 2 when ${unit("'llang' || r.grp")} < 0.71 then 3
              when ${unit("'llang' || r.grp")} < 0.88 then 4 else 5 end as base,
         floor(power(${unit("'lt1' || r.grp")}, 1.8) * cardinality($3::text[]))::int as t1,
         floor(power(${unit("'lt2' || r.grp")}, 1.4) * cardinality($3::text[]))::int as t2,
         floor(${unit("'lt3' || r.grp")} * cardinality($3::text[]))::int as t3,
         ${unit("'lst' || r.i")} as st,
         now() - interval '730 days' * power(${unit("'lat' || r.i")}, 1.3) as created
       from r),
     c as (
       select b.*, (array['en','de','el','fi','it','ro'])[1 + (b.base + b.k) % 6] as lang,
         a.id as author_id, a.network_id as author_network
       from b join seed_authors a on a.i = case when ${unit("'lauth' || b.grp")} < 0.8
         then floor(${unit("'lauthe' || b.grp")} * $4)::int
         else $4 + floor(${unit("'lautho' || b.grp")} * ($5 - $4))::int end)
     insert into learning_resources (id, translation_group, author_id, network_id, status, version,
       title, summary, language, topics, eqf, minutes, licence, introduction, practice, reflection,
       questions, videos, created_at, updated_at, submitted_at, published_at)
     select overlay(overlay(md5('lres' || c.i) placing '4' from 13) placing '8' from 17)::uuid, overlay(overlay(md5('lrg' || c.grp) placing '4' from 13) placing '8' from 17)::uuid, c.author_id,
       case when ${unit("'lnet' || c.grp")} < 0.08 then c.author_network end,
       case when c.st < 0.90 then 'published' when c.st < 0.93 then 'submitted'
            when c.st < 0.96 then 'draft' when c.st < 0.97 then 'approved' else 'withdrawn' end,
       case when ${unit("'lver' || c.i")} < 0.75 then 1 when ${unit("'lver' || c.i")} < 0.93 then 2 else 3 end,
       replace(t.titles[1 + floor(${unit("'ltitle' || c.grp")} * cardinality(t.titles))::int],
         '{t}', lb.label),
       replace(t.summary, '{t}', lb.label),
       c.lang,
       array(select distinct x from unnest(array[
         ($3::text[])[1 + c.t1],
         case when ${unit("'ltn' || c.grp")} < 0.5 then ($3::text[])[1 + c.t2] end,
         case when ${unit("'ltn' || c.grp")} < 0.2 then ($3::text[])[1 + c.t3] end]) x
         where x is not null order by x),
       (array[1,2,2,3,3,3,4,4,5,6])[1 + floor(${unit("'leqf' || c.grp")} * 10)::int],
       case when ${unit("'lmin' || c.grp")} < 0.2 then 5 + floor(${unit("'lmn' || c.grp")} * 5)::int
            when ${unit("'lmin' || c.grp")} < 0.7 then 10 + floor(${unit("'lmn' || c.grp")} * 11)::int
            else 21 + floor(${unit("'lmn' || c.grp")} * 20)::int end,
       case when ${unit("'llic' || c.grp")} < 0.75 then 'CC-BY-SA-4.0'
            when ${unit("'llic' || c.grp")} < 0.85 then 'CC-BY-4.0'
            when ${unit("'llic' || c.grp")} < 0.93 then 'CC0-1.0'
            when ${unit("'llic' || c.grp")} < 0.97 then 'CC-BY-NC-SA-4.0'
            when ${unit("'llic' || c.grp")} < 0.99 then 'CC-BY-ND-4.0' else 'all-rights-reserved' end,
       replace(t.introduction, '{t}', lb.label),
       replace(t.practice, '{t}', lb.label),
       t.reflection,
       case when ${unit("'lq' || c.i")} < 0.5 then t.questions else t.two_questions end,
       case when ${unit("'lvid' || c.i")} < 0.2 then array['https://video.example/learn/' || c.i]
            else array[]::text[] end,
       c.created,
       c.created + interval '1 day' * (2 + floor(${unit("'lupd' || c.i")} * 20)),
       case when c.st < 0.93 or c.st >= 0.96 then least(now(), c.created + interval '1 day') end,
       case when c.st < 0.90 or c.st >= 0.97
            then least(now(), c.created + interval '1 day' * (1 + floor(${unit("'lpub' || c.i")} * 14))) end
     from c join seed_texts t on t.lang = c.lang
     join seed_labels lb on lb.lang = c.lang and lb.k = c.t1`,
    [options.resources, paired, topicKeys, educators, authors],
  );
  // The newest resources' "updated" cannot be in the future.
  await client.query("update learning_resources set updated_at = now() where updated_at > now()");
  // Readers see the published version (`published_version`, added with the resource workflow)
  // and the library filters on its facts (`published_topics`, `_eqf`, `_minutes`, decision 021).
  // A seeded published resource's current version is its published one, so both copy the
  // columns; each is set when its columns are there, so the seed runs on older schemas too.
  const { rows: publishedColumns } = await client.query<{ column_name: string }>(
    `select column_name from information_schema.columns
     where table_name = 'learning_resources' and table_schema = current_schema()
       and column_name in ('published_version', 'published_topics')`,
  );
  const has = new Set(publishedColumns.map((c) => c.column_name));
  if (has.has("published_version")) {
    await client.query(`update learning_resources set published_version = version
      ${has.has("published_topics") ? ", published_topics = topics, published_eqf = eqf, published_minutes = minutes" : ""}
      where slug is null and status = 'published'`);
  }
  progress(`  resources ${(resources.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`);

  // Every version as it was submitted (the current one is what the columns hold).
  const versions = await client.query(
    `insert into learning_resource_versions (id, resource_id, version, content, edited_by, note, created_at)
     select overlay(overlay(md5('lver' || r.id::text || v) placing '4' from 13) placing '8' from 17)::uuid, r.id, v,
       jsonb_build_object('title', r.title, 'summary', r.summary, 'language', r.language,
         'topics', to_jsonb(r.topics), 'eqf', r.eqf, 'minutes', r.minutes, 'licence', r.licence,
         'introduction', r.introduction, 'practice', r.practice, 'reflection', r.reflection,
         'questions', r.questions, 'videos', to_jsonb(r.videos)),
       r.author_id, case when v = 1 then '' else 'Clearer steps after the review' end,
       least(now(), r.created_at + interval '1 day' * (v - 1) * 3)
     from learning_resources r cross join generate_series(1, r.version) v
     where r.slug is null`,
  );
  // Approved versions had a reviewer who is not the author; a third were sent back once first.
  await client.query(`create temp table seed_reviewers on commit drop as
    select i, id from seed_authors where role = 'educator'`);
  await client.query("create index on seed_reviewers (i); analyze seed_reviewers");
  const reviews = await client.query(
    `insert into learning_resource_reviews (id, resource_id, version, reviewer_id, decision, body, created_at)
     select overlay(overlay(md5('lrev' || r.id::text || d.n) placing '4' from 13) placing '8' from 17)::uuid, r.id, r.version, e.id, d.decision, d.body,
       least(now(), coalesce(r.published_at, r.created_at) - interval '1 hour' * (3 - d.n))
     from learning_resources r
     cross join (values (1, 'changes_requested', 'Please add an example from a small shop.'),
                        (2, 'approved', 'Clear and practical. Thank you.')) d(n, decision, body)
     join seed_reviewers e on e.i = floor(${unit("'lrvw' || r.id::text")} * $1)::int
     where r.slug is null and r.status in ('published', 'approved', 'withdrawn')
       and e.id is distinct from r.author_id
       and (d.n = 2 or ${unit("'lrvb' || r.id::text")} < 0.33)`,
    [educators],
  );
  progress(
    `  versions ${(versions.rowCount ?? 0).toLocaleString("en")}, reviews ${(reviews.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`,
  );

  // Ratings: skewed (a few resources get many), stars leaning to 4; then the kept sums.
  const ratings = await client.query(
    `insert into learning_resource_ratings (resource_id, user_id, stars, created_at, updated_at)
     select r.id, l.id,
       (array[1,2,3,3,4,4,4,4,5,5,5])[1 + floor(${unit("'lrs' || r.id::text || n")} * 11)::int],
       least(now(), r.published_at + interval '1 day' * floor(${unit("'lrt' || r.id::text || n")} * 60)),
       least(now(), r.published_at + interval '1 day' * floor(${unit("'lrt' || r.id::text || n")} * 60))
     from learning_resources r
     cross join generate_series(1, floor(power(${unit("'lrn' || r.id::text")}, 3) * 40)::int) n
     join seed_learners l on l.i = floor(${unit("'lrl' || r.id::text || n")} * $1)::int
     where r.slug is null and r.status = 'published'
     on conflict do nothing`,
    [learners],
  );
  await client.query(`update learning_resources r set rating_sum = s.sum, rating_count = s.n
    from (select resource_id, sum(stars)::int as sum, count(*)::int as n
          from learning_resource_ratings group by resource_id) s
    where s.resource_id = r.id and r.slug is null`);
  const comments = await client.query(
    `insert into learning_resource_comments (id, resource_id, author_id, body, created_at, deleted_at)
     select overlay(overlay(md5('lcom' || r.id::text || n) placing '4' from 13) placing '8' from 17)::uuid, r.id, l.id,
       t.comments[1 + floor(${unit("'lcb' || r.id::text || n")} * cardinality(t.comments))::int],
       least(now(), r.published_at + interval '1 hour' * floor(${unit("'lct' || r.id::text || n")} * 2000)),
       case when ${unit("'lcd' || r.id::text || n")} < 0.03 then now() end
     from learning_resources r
     cross join generate_series(1, 1 + floor(${unit("'lcn' || r.id::text")} * 6)::int) n
     join seed_learners l on l.i = floor(${unit("'lcl' || r.id::text || n")} * $1)::int
     join seed_texts t on t.lang = r.language
     where r.slug is null and r.status = 'published' and ${unit("'lcm' || r.id::text")} < 0.15`,
    [learners],
  );
  progress(
    `  ratings ${(ratings.rowCount ?? 0).toLocaleString("en")}, comments ${(comments.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`,
  );

  // ── Courses: lessons are published open-library resources in the course's language.
  await client.query(`create temp table seed_open_resources on commit drop as
    select language, row_number() over (partition by language order by id) - 1 as i, id
    from learning_resources
    where slug is null and status = 'published' and network_id is null`);
  await client.query(
    "create index on seed_open_resources (language, i); analyze seed_open_resources",
  );
  await client.query(`create temp table seed_open_counts on commit drop as
    select language, count(*)::int as n from seed_open_resources group by language`);
  const courseTotal = Math.max(1, Math.round(options.resources / RESOURCES_PER_COURSE));
  // The five first courses are the big ones (12 lessons, most learners).
  const courses = await client.query(
    `with c as (
       select g.c,
         case when g.c < 5 then 0 else
           case when ${unit("'clang' || g.c")} < 0.35 then 0 when ${unit("'clang' || g.c")} < 0.55 then 1
                when ${unit("'clang' || g.c")} < 0.63 then 2 when ${unit("'clang' || g.c")} < 0.71 then 3
                when ${unit("'clang' || g.c")} < 0.88 then 4 else 5 end end as base,
         floor(power(${unit("'ct1' || g.c")}, 1.8) * cardinality($2::text[]))::int as t1,
         ${unit("'cst' || g.c")} as st,
         now() - interval '600 days' * power(${unit("'cat' || g.c")}, 1.2) - interval '30 days' as created
       from generate_series(0, $1::int - 1) g(c))
     insert into courses (id, owner_id, network_id, status, title, summary, language, topics, eqf,
       completion_rule, pass_mark, issues_badge, created_at, updated_at, published_at)
     select overlay(overlay(md5('lcourse' || c.c) placing '4' from 13) placing '8' from 17)::uuid, a.id,
       case when c.c >= 5 and ${unit("'cnet' || c.c")} < 0.10 then a.network_id end,
       case when c.c < 5 or c.st < 0.95 then 'published' when c.st < 0.98 then 'draft' else 'archived' end,
       replace(t.course_title, '{t}', lb.label),
       replace(t.course_summary, '{t}', lb.label),
       (array['en','de','el','fi','it','ro'])[1 + c.base],
       array[($2::text[])[1 + c.t1]],
       (array[1,2,2,3,3,4,4,5])[1 + floor(${unit("'ceqf' || c.c")} * 8)::int],
       case when ${unit("'crule' || c.c")} < 0.7 then 'all_lessons_and_quizzes' else 'all_lessons' end,
       (array[60,70,70,80])[1 + floor(${unit("'cpass' || c.c")} * 4)::int],
       ${unit("'cbadge' || c.c")} < 0.9,
       c.created, c.created + interval '7 days',
       case when c.c < 5 or c.st < 0.95 or c.st >= 0.98 then c.created + interval '7 days' end
     from c join seed_authors a on a.i = floor(${unit("'cown' || c.c")} * $3)::int
     join seed_texts t on t.lang = (array['en','de','el','fi','it','ro'])[1 + c.base]
     join seed_labels lb on lb.lang = t.lang and lb.k = c.t1`,
    [courseTotal, topicKeys, educators],
  );
  await client.query(`create temp table seed_courses on commit drop as
    select row_number() over (order by id) - 1 as ci, id, language, network_id, status, published_at
    from courses where slug is null`);
  // Lessons and sections per course: the big five 12 lessons in 4 sections, others 4–12.
  await client.query(`create temp table seed_course_shape on commit drop as
    select c.id, c.language,
      case when c.id = any(array(select overlay(overlay(md5('lcourse' || g) placing '4' from 13) placing '8' from 17)::uuid from generate_series(0, 4) g))
           then 12 else 4 + floor(${unit("'cles' || c.id::text")} * 9)::int end as lessons,
      ${unit("'cquiz' || c.id::text")} < 0.7
        or c.id = any(array(select overlay(overlay(md5('lcourse' || g) placing '4' from 13) placing '8' from 17)::uuid from generate_series(0, 4) g)) as final_quiz,
      ${unit("'cmid' || c.id::text")} < 0.2 as mid_quiz
    from seed_courses c`);
  await client.query(`alter table seed_course_shape add column sections int;
    update seed_course_shape set sections = case when lessons < 6 then 2 when lessons < 9 then 3 else 4 end`);
  await client.query(
    `insert into course_sections (id, course_id, position, title)
     select overlay(overlay(md5('lsec' || s.id::text || p) placing '4' from 13) placing '8' from 17)::uuid, s.id, p,
       t.sections[1 + p]
     from seed_course_shape s cross join generate_series(0, s.sections - 1) p
     join seed_texts t on t.lang = s.language`,
  );
  const lessons = await client.query(
    `with l as (
       select s.*, p,
         (p = s.lessons - 1 and s.final_quiz) or (p = s.lessons / 2 and s.mid_quiz and s.lessons >= 8) as is_quiz
       from seed_course_shape s cross join generate_series(0, s.lessons - 1) p)
     insert into course_lessons (id, course_id, section_id, position, kind, resource_id, title, quiz)
     select overlay(overlay(md5('lles' || l.id::text || l.p) placing '4' from 13) placing '8' from 17)::uuid, l.id,
       overlay(overlay(md5('lsec' || l.id::text || (l.p * l.sections / l.lessons)) placing '4' from 13) placing '8' from 17)::uuid, l.p,
       case when l.is_quiz then 'quiz' else 'resource' end,
       case when not l.is_quiz then o.id end,
       case when l.is_quiz then t.quiz_title else '' end,
       case when l.is_quiz then t.quiz end
     from l
     join seed_texts t on t.lang = l.language
     join seed_open_counts n on n.language = l.language
     left join seed_open_resources o on o.language = l.language
       and o.i = (floor(${unit("'lr' || l.id::text")} * n.n)::int + l.p * 37) % n.n`,
  );
  await client.query(`update courses c set lesson_count = s.lessons
    from seed_course_shape s where s.id = c.id`);
  progress(
    `  courses ${(courses.rowCount ?? 0).toLocaleString("en")}, lessons ${(lessons.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`,
  );

  // ── Enrolments. A quiz's right and wrong answers (every last option ticked) and their
  // scores, once per quiz lesson: one point per question answered exactly right.
  await client.query(`create temp table seed_lessons on commit drop as
    select l.id, l.course_id, l.position, l.kind,
      case when l.kind = 'quiz' then (select jsonb_agg(coalesce((
          select jsonb_agg(o.n - 1 order by o.n) from jsonb_array_elements(q.value -> 'options')
            with ordinality o(value, n) where (o.value ->> 'correct')::boolean), '[]'::jsonb) order by q.n)
        from jsonb_array_elements(l.quiz) with ordinality q(value, n)) end as right_answers,
      case when l.kind = 'quiz' then (select jsonb_agg(jsonb_build_array(
          jsonb_array_length(q.value -> 'options') - 1) order by q.n)
        from jsonb_array_elements(l.quiz) with ordinality q(value, n)) end as wrong_answers,
      case when l.kind = 'quiz' then jsonb_array_length(l.quiz) end as max_score,
      case when l.kind = 'quiz' then (select count(*) from jsonb_array_elements(l.quiz) q
        where (select jsonb_agg(o.n - 1 order by o.n) from jsonb_array_elements(q.value -> 'options')
          with ordinality o(value, n) where (o.value ->> 'correct')::boolean)
          = jsonb_build_array(jsonb_array_length(q.value -> 'options') - 1))::int end
        as wrong_score
    from course_lessons l join seed_courses c on c.id = l.course_id`);
  await client.query("create index on seed_lessons (course_id, position); analyze seed_lessons");

  // Network courses: about 60 % of their network's active members.
  await client.query(`create temp table seed_enrolments (
      id uuid, course_id uuid, user_id uuid, seed text, lessons int, published_at timestamptz)
    on commit drop`);
  await client.query(`insert into seed_enrolments
    select overlay(overlay(md5('lenrn' || c.id::text || m.user_id::text) placing '4' from 13) placing '8' from 17)::uuid, c.id, m.user_id,
      c.id::text || m.user_id::text, s.lessons, c.published_at
    from seed_courses c
    join seed_course_shape s on s.id = c.id
    join network_members m on m.network_id = c.network_id and m.status = 'active'
    join users u on u.id = m.user_id and u.onboarded_at is not null
    where c.status = 'published' and c.network_id is not null
      and ${unit("'lnm' || c.id::text || m.user_id::text")} < 0.6`);
  const networkEnrolments = await count("select count(*)::int as n from seed_enrolments");
  await client.query(`create temp table seed_open_courses on commit drop as
    select row_number() over (order by
        case when c.id = any(array(select overlay(overlay(md5('lcourse' || g) placing '4' from 13) placing '8' from 17)::uuid from generate_series(0, 4) g))
             then 0 else 1 end, c.ci) - 1 as i, c.id, s.lessons, c.published_at
    from seed_courses c join seed_course_shape s on s.id = c.id
    where c.status = 'published' and c.network_id is null`);
  await client.query("create index on seed_open_courses (i); analyze seed_open_courses");
  const openCourses = await count("select count(*)::int as n from seed_open_courses");
  const wanted = Math.max(0, options.enrolments - networkEnrolments);
  await client.query("create unique index on seed_enrolments (course_id, user_id)");
  // Draws in rounds, a person's second draw of one course dropped, until the count is exact (or
  // no new pair turns up: a tiny installation has fewer people than the big courses want).
  // The draws are numbered, so the rows are the same on every run.
  let drawn = 0;
  for (let have = 0; have < wanted; ) {
    const draws = Math.ceil((wanted - have) * 1.1) + 100;
    const added = await client.query(
      `insert into seed_enrolments
       select overlay(overlay(md5('lenr' || d.j) placing '4' from 13) placing '8' from 17)::uuid, d.course_id, d.user_id, 'o' || d.j, d.lessons, d.published_at
       from (select distinct on (oc.id, l.id) g.j, oc.id as course_id, l.id as user_id, oc.lessons,
               oc.published_at
             from generate_series($4::int, $4::int + $1::int - 1) g(j)
             join seed_open_courses oc on oc.i = floor(power(${unit("'lec' || g.j")}, 2.2) * $2)::int
             join seed_learners l on l.i = floor(${unit("'leu' || g.j")} * $3)::int
             order by oc.id, l.id, g.j) d
       where not exists (select 1 from seed_enrolments s
                         where s.course_id = d.course_id and s.user_id = d.user_id)
       order by d.j limit $5`,
      [draws, openCourses, learners, drawn, wanted - have],
    );
    drawn += draws;
    if (!added.rowCount) break;
    have += added.rowCount;
  }
  // Progress: 18 % completed, 3 % left part-way, the others somewhere before the end.
  const enrolled = await client.query(
    `insert into enrolments (id, course_id, user_id, status, last_lesson_id, completed_lessons,
       enrolled_at, last_active_at, completed_at)
     select e.id, e.course_id, e.user_id,
       case when p.u < 0.18 then 'completed' when p.u < 0.21 then 'left' else 'active' end,
       case when p.done > 0 then overlay(overlay(md5('lles' || e.course_id::text || least(p.done, e.lessons - 1)) placing '4' from 13) placing '8' from 17)::uuid end,
       p.done, p.enrolled, p.active,
       case when p.u < 0.18 then p.active end
     from seed_enrolments e
     cross join lateral (select ${unit("'lep' || e.seed")} as u) u0
     cross join lateral (select u0.u,
         case when u0.u < 0.18 then e.lessons
              else floor(${unit("'led' || e.seed")} * e.lessons)::int end as done,
         e.published_at + (now() - e.published_at) * ${unit("'lee' || e.seed")} as enrolled) p0
     cross join lateral (select p0.u, p0.done, p0.enrolled,
         p0.enrolled + (now() - p0.enrolled) * ${unit("'lea' || e.seed")} as active) p`,
  );
  const progressRows = await client.query(
    `insert into lesson_progress (enrolment_id, lesson_id, completed_at)
     select e.id, l.id,
       e.enrolled_at + (e.last_active_at - e.enrolled_at) * (l.position + 1) / e.completed_lessons
     from enrolments e
     join seed_lessons l on l.course_id = e.course_id and l.position < e.completed_lessons
     where e.completed_lessons > 0`,
  );
  // Quizzes done were passed (a third after a failed try); a quarter of those at a quiz failed once.
  const attempts = await client.query(
    `insert into quiz_attempts (id, enrolment_id, lesson_id, answers, score, max_score, passed, created_at)
     select overlay(overlay(md5('lqa' || e.id::text || l.id::text || t.n) placing '4' from 13) placing '8' from 17)::uuid, e.id, l.id,
       case when t.passed then l.right_answers else l.wrong_answers end,
       case when t.passed then l.max_score else l.wrong_score end,
       l.max_score, t.passed,
       e.enrolled_at + (e.last_active_at - e.enrolled_at) * (l.position + 1) / greatest(e.completed_lessons, l.position + 1)
         - interval '1 hour' * (2 - t.n)
     from enrolments e
     join seed_lessons l on l.course_id = e.course_id and l.kind = 'quiz' and l.position <= e.completed_lessons
     cross join lateral (values (1, false), (2, true)) t(n, passed)
     where e.course_id in (select id from seed_courses)
       and case when l.position < e.completed_lessons
             then t.passed or ${unit("'lqf' || e.id::text || l.id::text")} < 0.33
             else not t.passed and ${unit("'lqn' || e.id::text")} < 0.25 end`,
  );
  await client.query(`update courses c set enrolment_count = s.n
    from (select course_id, count(*)::int as n from enrolments where status <> 'left' group by course_id) s
    where s.course_id = c.id and c.slug is null`);
  progress(
    `  enrolments ${(enrolled.rowCount ?? 0).toLocaleString("en")} (${networkEnrolments.toLocaleString("en")} in network courses), progress ${(progressRows.rowCount ?? 0).toLocaleString("en")}, quiz attempts ${(attempts.rowCount ?? 0).toLocaleString("en")} (${elapsed()})`,
  );
  return {
    resources: resources.rowCount ?? 0,
    versions: versions.rowCount ?? 0,
    reviews: reviews.rowCount ?? 0,
    ratings: ratings.rowCount ?? 0,
    comments: comments.rowCount ?? 0,
    courses: courses.rowCount ?? 0,
    lessons: lessons.rowCount ?? 0,
    enrolments: enrolled.rowCount ?? 0,
    progress: progressRows.rowCount ?? 0,
    quizAttempts: attempts.rowCount ?? 0,
  };
}

/**
 * `--only learning`, and the last step of a full scale seed: replaces every learning row but
 * shipped courseware in an installation the scale seed filled. One transaction, then vacuum
 * and analyze.
 */
export async function seedScaleLearning(options: {
  database: Database;
  resources: number;
  enrolments: number;
  onProgress?: (message: string) => void;
}): Promise<LearningCounts> {
  const progress = options.onProgress ?? (() => {});
  return replaceScalePart({
    database: options.database,
    name: "the learning data there was (shipped courseware stays)",
    tables: LEARNING_TABLES,
    clear: clearLearning,
    load: (client) =>
      loadScaleLearning(client, {
        resources: options.resources,
        enrolments: options.enrolments,
        progress,
      }),
    progress,
  });
}
