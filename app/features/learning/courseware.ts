/**
 * Courseware files (courseware/**\/*.md): mini-format learning resources in four phases, with
 * front matter and a self-assessment. Pure: no server imports, no file access; the caller reads
 * the file and passes its text and name. See courseware/README.md for the format.
 */

export type CoursewareOption = { text: string; correct: boolean };

export type CoursewareQuestion = {
  prompt: string;
  options: CoursewareOption[];
  feedback: string;
  /** More than one option is correct (the learner ticks every correct one). */
  multiple: boolean;
};

export type Courseware = {
  slug: string;
  title: string;
  language: string;
  /** Topic keys, `topic:<slug>` of app/features/taxonomy/data/topics.ts. */
  topics: string[];
  eqf: number;
  minutes: number;
  licence: string;
  summary: string;
  /**
   * Slug of the English original this file translates (front matter `translation_of`), or null
   * for an original. A translation's own slug is the original's slug plus `-<language>`.
   */
  translationOf: string | null;
  /** Markdown of the first three phases, without their `## ` headings. */
  phases: { introduction: string; practice: string; reflection: string };
  questions: CoursewareQuestion[];
};

export const COURSEWARE_LICENCE = "CC-BY-SA-4.0";
export const COURSEWARE_LANGUAGES = ["en", "de", "el"] as const;
export type CoursewareLanguage = (typeof COURSEWARE_LANGUAGES)[number];
/** The language of originals; translations (`translation_of`) are of an English file. */
export const COURSEWARE_ORIGINAL_LANGUAGE = "en" satisfies CoursewareLanguage;
export const COURSEWARE_MINUTES = { min: 10, max: 20 } as const;
export const COURSEWARE_EQF = { min: 1, max: 8 } as const;
export const COURSEWARE_QUESTIONS = { min: 2, max: 5 } as const;

/** The four `## ` sections of an English file, in this order, with these exact headings. */
export const COURSEWARE_SECTIONS = [
  "Introduction and objectives",
  "Practical content",
  "Reflection and transfer",
  "Self-assessment",
] as const;

/** The four `## ` headings in each language: a file uses the headings of its own language. */
export const COURSEWARE_SECTIONS_BY_LANGUAGE: Record<CoursewareLanguage, readonly string[]> = {
  en: COURSEWARE_SECTIONS,
  de: ["Einführung und Ziele", "Praktischer Teil", "Reflexion und Transfer", "Selbsttest"],
  el: ["Εισαγωγή και στόχοι", "Πρακτικό μέρος", "Αναστοχασμός και εφαρμογή", "Αυτοαξιολόγηση"],
};

const FIELDS = [
  "slug",
  "title",
  "language",
  "topics",
  "eqf",
  "minutes",
  "licence",
  "summary",
] as const;
/** Front matter keys a file may leave out. */
const OPTIONAL_FIELDS = ["translation_of"] as const;
type Field = (typeof FIELDS)[number] | (typeof OPTIONAL_FIELDS)[number];
const ALL_FIELDS: readonly Field[] = [...FIELDS, ...OPTIONAL_FIELDS];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOPIC_KEY = /^topic:([a-z0-9]+(?:-[a-z0-9]+)*)$/;
const OPTION = /^[-*] \[( |x|X)\] (.*)$/;

/** The topic slugs of a courseware file (`topic:cash-flow-planning` → `cash-flow-planning`). */
export function topicSlugs(courseware: Pick<Courseware, "topics">): string[] {
  return courseware.topics.map((key) => key.slice("topic:".length));
}

/**
 * Parses one courseware file. Throws an Error whose message starts with `file` and says what is
 * wrong (with the line number where there is one).
 */
/** Throws an Error naming the file (and the line, when there is one). */
export type CoursewareFail = (message: string, line?: number) => never;

/** A courseware or course file's lines (byte-order mark and CRs removed) and its `fail`. */
export function coursewareLines(text: string, file: string) {
  const fail: CoursewareFail = (message, line) => {
    throw new Error(`${file}${line === undefined ? "" : `:${line}`}: ${message}`);
  };
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");
  return { lines, fail };
}

/**
 * Reads the front matter between the first two `---` lines: `key: value` lines of the `allowed`
 * keys, each at most once (blank lines and `#` comments skipped). Returns the values and the
 * index of the closing `---` line.
 */
export function readFrontMatter<F extends string>(
  lines: readonly string[],
  allowed: readonly F[],
  fail: CoursewareFail,
): { values: Map<F, string>; close: number } {
  if (lines[0]?.trim() !== "---") fail("must start with a '---' front matter line", 1);
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close < 0) fail("front matter is not closed by a '---' line");
  const values = new Map<F, string>();
  for (let index = 1; index < close; index++) {
    const line = lines[index]!;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z_][\w-]*):(?:\s+(.*)|\s*)$/.exec(line);
    if (!match) fail(`front matter line is not 'key: value': ${JSON.stringify(line)}`, index + 1);
    const key = match![1]! as F;
    if (!allowed.includes(key)) {
      fail(`unknown front matter key '${key}' (allowed: ${allowed.join(", ")})`, index + 1);
    }
    if (values.has(key)) fail(`front matter key '${key}' appears twice`, index + 1);
    values.set(key, (match![2] ?? "").trim());
  }
  return { values, close };
}

/**
 * Reads questions in the self-assessment format (`### ` prompt, `- [ ]`/`- [x]` options, `> `
 * feedback), for courseware files and course files' final quizzes alike; `body` holds each
 * line with its number in the file.
 */
export function parseQuestionLines(
  body: readonly { text: string; line: number }[],
  fail: CoursewareFail,
): CoursewareQuestion[] {
  const questions: CoursewareQuestion[] = [];
  type Draft = CoursewareQuestion & { line: number; feedbackLines: string[] };
  let draft: Draft | null = null;
  const finish = (question: Draft | null) => {
    if (!question) return;
    const where = `question '${question.prompt}'`;
    if (question.options.length < 2) fail(`${where} needs at least two options`, question.line);
    const correct = question.options.filter((option) => option.correct).length;
    if (correct === 0) fail(`${where} has no correct option ('- [x] ')`, question.line);
    if (question.feedbackLines.length === 0) {
      fail(`${where} has no feedback line ('> ')`, question.line);
    }
    questions.push({
      prompt: question.prompt,
      options: question.options,
      feedback: question.feedbackLines.join(" ").trim(),
      multiple: correct > 1,
    });
  };
  for (const { text: line, line: lineNumber } of body) {
    const trimmed = line.trim();
    const heading = /^### (?!#)(.*)$/.exec(line);
    if (heading) {
      finish(draft);
      const prompt = heading[1]!.trim();
      if (prompt === "") fail("question without a prompt", lineNumber);
      draft = {
        prompt,
        options: [],
        feedback: "",
        multiple: false,
        line: lineNumber,
        feedbackLines: [],
      };
      continue;
    }
    if (trimmed === "") continue;
    if (!draft) fail(`text before the first '### ' question: ${JSON.stringify(line)}`, lineNumber);
    const current = draft!;
    const option = OPTION.exec(trimmed);
    if (option) {
      if (current.feedbackLines.length > 0) {
        fail(`option after the feedback in question '${current.prompt}'`, lineNumber);
      }
      const optionText = option[2]!.trim();
      if (optionText === "") fail("option without text", lineNumber);
      current.options.push({ text: optionText, correct: option[1] !== " " });
      continue;
    }
    if (trimmed === ">" || trimmed.startsWith("> ")) {
      if (current.options.length === 0) {
        fail(`feedback before the options in question '${current.prompt}'`, lineNumber);
      }
      current.feedbackLines.push(trimmed.slice(1).trim());
      continue;
    }
    fail(
      `line in question '${current.prompt}' is neither an option ('- [ ] ', '- [x] ') nor feedback ('> '): ${JSON.stringify(line)}`,
      lineNumber,
    );
  }
  finish(draft);
  return questions;
}

export function parseCourseware(text: string, file: string): Courseware {
  const { lines, fail } = coursewareLines(text, file);
  const { values, close } = readFrontMatter<Field>(lines, ALL_FIELDS, fail);
  const missing = FIELDS.filter((key) => !values.get(key));
  if (missing.length > 0) fail(`missing or empty front matter: ${missing.join(", ")}`);
  if (values.has("translation_of") && !values.get("translation_of")) {
    fail("missing or empty front matter: translation_of");
  }
  const field = (key: Field) => values.get(key)!;

  const slug = field("slug");
  if (!SLUG.test(slug)) fail(`slug '${slug}' must be lowercase words joined by '-'`);
  const language = field("language");
  if (!(COURSEWARE_LANGUAGES as readonly string[]).includes(language)) {
    fail(`language '${language}' is not one of: ${COURSEWARE_LANGUAGES.join(", ")}`);
  }
  const translationOf = values.get("translation_of") ?? null;
  if (translationOf !== null) {
    if (language === COURSEWARE_ORIGINAL_LANGUAGE) {
      fail(`translation_of is only for translations, not for a '${language}' file`);
    }
    if (!SLUG.test(translationOf)) {
      fail(`translation_of '${translationOf}' must be a slug (lowercase words joined by '-')`);
    }
    if (slug !== `${translationOf}-${language}`) {
      fail(
        `slug of a translation must be the original's slug plus '-${language}': '${translationOf}-${language}', not '${slug}'`,
      );
    }
  }
  const expectedSections = COURSEWARE_SECTIONS_BY_LANGUAGE[language as CoursewareLanguage];
  const licence = field("licence");
  if (licence !== COURSEWARE_LICENCE)
    fail(`licence must be ${COURSEWARE_LICENCE}, not '${licence}'`);

  const rawTopics = field("topics");
  if (!rawTopics.startsWith("[") || !rawTopics.endsWith("]")) {
    fail(`topics must be a list like [topic:pricing, topic:seo], not '${rawTopics}'`);
  }
  const topics = rawTopics
    .slice(1, -1)
    .split(",")
    .map((topic) => topic.trim())
    .filter((topic) => topic !== "");
  if (topics.length === 0) fail("topics list is empty");
  for (const topic of topics) {
    if (!TOPIC_KEY.test(topic)) fail(`topic '${topic}' is not a key like topic:cash-flow-planning`);
  }
  if (new Set(topics).size !== topics.length) fail("topics list repeats a topic");

  const integer = (key: Field, range: { min: number; max: number }) => {
    const raw = field(key);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < range.min || value > range.max) {
      fail(`${key} must be a whole number from ${range.min} to ${range.max}, not '${raw}'`);
    }
    return value;
  };
  const eqf = integer("eqf", COURSEWARE_EQF);
  const minutes = integer("minutes", COURSEWARE_MINUTES);

  // Body: `## ` sections (headings inside code fences do not count).
  const sections: { heading: string; line: number; body: string[] }[] = [];
  let fenced = false;
  for (let index = close + 1; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = fenced ? null : /^## (?!#)(.*)$/.exec(line);
    if (heading) {
      sections.push({ heading: heading[1]!.trim(), line: index + 1, body: [] });
    } else if (sections.length > 0) {
      sections.at(-1)!.body.push(line);
    } else if (line.trim() !== "") {
      fail(`text before the first '## ' section: ${JSON.stringify(line)}`, index + 1);
    }
  }
  const headings = sections.map((section) => section.heading);
  if (
    headings.length !== expectedSections.length ||
    headings.some((heading, index) => heading !== expectedSections[index])
  ) {
    fail(
      `sections must be exactly '## ${expectedSections.join("', '## ")}' in this order; ` +
        `found ${headings.length === 0 ? "none" : `'## ${headings.join("', '## ")}'`}`,
    );
  }
  for (const section of sections.slice(0, 3)) {
    if (section.body.join("\n").trim() === "") {
      fail(`section '${section.heading}' is empty`, section.line);
    }
  }
  const markdown = (index: number) => sections[index]!.body.join("\n").trim();

  // Self-assessment: `### ` questions, `- [ ]`/`- [x]` options, one `> ` feedback.
  const assessment = sections[3]!;
  const questions = parseQuestionLines(
    assessment.body.map((text, offset) => ({ text, line: assessment.line + offset + 1 })),
    fail,
  );
  if (questions.length < COURSEWARE_QUESTIONS.min || questions.length > COURSEWARE_QUESTIONS.max) {
    fail(
      `self-assessment must have ${COURSEWARE_QUESTIONS.min}–${COURSEWARE_QUESTIONS.max} questions, not ${questions.length}`,
      assessment.line,
    );
  }
  if (new Set(questions.map((question) => question.prompt)).size !== questions.length) {
    fail("self-assessment repeats a question", assessment.line);
  }

  return {
    slug,
    title: field("title"),
    language,
    topics,
    eqf,
    minutes,
    licence,
    summary: field("summary"),
    translationOf,
    phases: { introduction: markdown(0), practice: markdown(1), reflection: markdown(2) },
    questions,
  };
}

/** The slug that ties a resource to its translations: the original's slug. */
export function originalSlug(courseware: Pick<Courseware, "slug" | "translationOf">): string {
  return courseware.translationOf ?? courseware.slug;
}

/**
 * Checks that `translation` (parsed from `file`) translates `original`: it names the original's
 * slug, is in another language, and has the same self-assessment shape — as many questions, each
 * with as many options and the same right answers, in the same order — and the same topics, EQF
 * level and licence. Throws an Error whose message starts with `file`.
 */
export function checkTranslation(original: Courseware, translation: Courseware, file: string) {
  const fail = (message: string): never => {
    throw new Error(`${file}: ${message}`);
  };
  if (translation.translationOf !== original.slug) {
    fail(`translation_of is '${translation.translationOf}', not the original's '${original.slug}'`);
  }
  if (original.translationOf !== null) fail(`'${original.slug}' is itself a translation`);
  if (translation.language === original.language) {
    fail(`a translation must be in another language than its original (${original.language})`);
  }
  if (translation.topics.join(",") !== original.topics.join(",")) {
    fail(`topics must be the original's: [${original.topics.join(", ")}]`);
  }
  if (translation.eqf !== original.eqf) fail(`eqf must be the original's (${original.eqf})`);
  if (translation.licence !== original.licence) {
    fail(`licence must be the original's (${original.licence})`);
  }
  if (translation.questions.length !== original.questions.length) {
    fail(
      `self-assessment has ${translation.questions.length} questions, the original ${original.questions.length}`,
    );
  }
  original.questions.forEach((question, index) => {
    const translated = translation.questions[index]!;
    const where = `question ${index + 1} ('${translated.prompt}')`;
    if (translated.options.length !== question.options.length) {
      fail(
        `${where} has ${translated.options.length} options, the original ${question.options.length}`,
      );
    }
    const right = (q: CoursewareQuestion) =>
      q.options.flatMap((option, at) => (option.correct ? [at + 1] : [])).join(", ");
    if (right(translated) !== right(question)) {
      fail(`${where} has right options ${right(translated)}, the original ${right(question)}`);
    }
  });
}
