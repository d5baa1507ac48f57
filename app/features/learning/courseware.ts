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
  /** Markdown of the first three phases, without their `## ` headings. */
  phases: { introduction: string; practice: string; reflection: string };
  questions: CoursewareQuestion[];
};

export const COURSEWARE_LICENCE = "CC-BY-SA-4.0";
export const COURSEWARE_LANGUAGES = ["en"] as const;
export const COURSEWARE_MINUTES = { min: 10, max: 20 } as const;
export const COURSEWARE_EQF = { min: 1, max: 8 } as const;
export const COURSEWARE_QUESTIONS = { min: 2, max: 5 } as const;

/** The four `## ` sections, in this order, with these exact headings. */
export const COURSEWARE_SECTIONS = [
  "Introduction and objectives",
  "Practical content",
  "Reflection and transfer",
  "Self-assessment",
] as const;

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
type Field = (typeof FIELDS)[number];

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
export function parseCourseware(text: string, file: string): Courseware {
  const fail = (message: string, line?: number): never => {
    throw new Error(`${file}${line === undefined ? "" : `:${line}`}: ${message}`);
  };
  const lines = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .split("\n");

  // Front matter.
  if (lines[0]?.trim() !== "---") fail("must start with a '---' front matter line", 1);
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close < 0) fail("front matter is not closed by a '---' line");
  const values = new Map<Field, string>();
  for (let index = 1; index < close; index++) {
    const line = lines[index]!;
    if (line.trim() === "" || line.trimStart().startsWith("#")) continue;
    const match = /^([A-Za-z_][\w-]*):(?:\s+(.*)|\s*)$/.exec(line);
    if (!match) fail(`front matter line is not 'key: value': ${JSON.stringify(line)}`, index + 1);
    const key = match![1]! as Field;
    if (!FIELDS.includes(key)) {
      fail(`unknown front matter key '${key}' (allowed: ${FIELDS.join(", ")})`, index + 1);
    }
    if (values.has(key)) fail(`front matter key '${key}' appears twice`, index + 1);
    values.set(key, (match![2] ?? "").trim());
  }
  const missing = FIELDS.filter((key) => !values.get(key));
  if (missing.length > 0) fail(`missing or empty front matter: ${missing.join(", ")}`);
  const field = (key: Field) => values.get(key)!;

  const slug = field("slug");
  if (!SLUG.test(slug)) fail(`slug '${slug}' must be lowercase words joined by '-'`);
  const language = field("language");
  if (!(COURSEWARE_LANGUAGES as readonly string[]).includes(language)) {
    fail(`language '${language}' is not one of: ${COURSEWARE_LANGUAGES.join(", ")}`);
  }
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
    headings.length !== COURSEWARE_SECTIONS.length ||
    headings.some((heading, index) => heading !== COURSEWARE_SECTIONS[index])
  ) {
    fail(
      `sections must be exactly '## ${COURSEWARE_SECTIONS.join("', '## ")}' in this order; ` +
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
  assessment.body.forEach((line, offset) => {
    const lineNumber = assessment.line + offset + 1;
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
      return;
    }
    if (trimmed === "") return;
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
      return;
    }
    if (trimmed === ">" || trimmed.startsWith("> ")) {
      if (current.options.length === 0) {
        fail(`feedback before the options in question '${current.prompt}'`, lineNumber);
      }
      current.feedbackLines.push(trimmed.slice(1).trim());
      return;
    }
    fail(
      `line in question '${current.prompt}' is neither an option ('- [ ] ', '- [x] ') nor feedback ('> '): ${JSON.stringify(line)}`,
      lineNumber,
    );
  });
  finish(draft);
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
    phases: { introduction: markdown(0), practice: markdown(1), reflection: markdown(2) },
    questions,
  };
}
