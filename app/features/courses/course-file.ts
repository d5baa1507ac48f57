import {
  coursewareLines,
  parseQuestionLines,
  readFrontMatter,
} from "~/features/learning/courseware";

/**
 * Course files (`courseware/<folder>/course.md`, translations in `<folder>/<lang>/course.md`):
 * a shipped course made of the unit files beside it and a final quiz. Pure: no server imports,
 * no file access; the caller reads the file and passes its text and name. Format in
 * courseware/README.md ("Courses").
 */

export type CourseFileQuestion = {
  prompt: string;
  options: { text: string; correct: boolean }[];
  feedback: string;
  multiple: boolean;
};

export type CourseFile = {
  slug: string;
  title: string;
  language: string;
  summary: string;
  eqf: number;
  passMark: number;
  /** The English course this one translates (optional). */
  translationOf: string | null;
  /** Sections in order, each with its unit file names (files in the same folder), in order. */
  sections: { title: string; units: string[] }[];
  finalQuiz: CourseFileQuestion[];
};

export const COURSE_FILE_LANGUAGES = ["en", "de", "el", "fi", "it", "ro"] as const;
export const COURSE_FILE_QUIZ = { min: 4, max: 8 } as const;
export const FINAL_QUIZ_HEADING = "Final quiz";

const REQUIRED = ["slug", "title", "language", "summary", "eqf", "pass_mark"] as const;
const OPTIONAL = ["translation_of"] as const;
type Field = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const FIELDS: readonly Field[] = [...REQUIRED, ...OPTIONAL];

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const UNIT = /^[-*] ([A-Za-z0-9][A-Za-z0-9._-]*\.md)$/;

/**
 * Parses one course file. Throws an Error whose message starts with `file` and says what is
 * wrong (with the line number where there is one).
 */
export function parseCourseFile(text: string, file: string): CourseFile {
  const { lines, fail } = coursewareLines(text, file);
  const { values, close } = readFrontMatter<Field>(lines, FIELDS, fail);
  const missing = REQUIRED.filter((key) => !values.get(key));
  if (missing.length > 0) fail(`missing or empty front matter: ${missing.join(", ")}`);
  const field = (key: Field) => values.get(key) ?? "";

  const slug = field("slug");
  if (!SLUG.test(slug)) fail(`slug '${slug}' must be lowercase words joined by '-'`);
  const language = field("language");
  if (!(COURSE_FILE_LANGUAGES as readonly string[]).includes(language)) {
    fail(`language '${language}' is not one of: ${COURSE_FILE_LANGUAGES.join(", ")}`);
  }
  const translationOf = field("translation_of") || null;
  if (translationOf !== null && !SLUG.test(translationOf)) {
    fail(`translation_of '${translationOf}' must be a slug`);
  }
  const integer = (key: Field, min: number, max: number) => {
    const raw = field(key);
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      fail(`${key} must be a whole number from ${min} to ${max}, not '${raw}'`);
    }
    return value;
  };
  const eqf = integer("eqf", 1, 8);
  const passMark = integer("pass_mark", 1, 100);

  // Body: `## ` sections; the last one is the final quiz.
  const blocks: { heading: string; line: number; body: { text: string; line: number }[] }[] = [];
  for (let index = close + 1; index < lines.length; index++) {
    const line = lines[index]!;
    const heading = /^## (?!#)(.*)$/.exec(line);
    if (heading) {
      blocks.push({ heading: heading[1]!.trim(), line: index + 1, body: [] });
    } else if (blocks.length > 0) {
      blocks.at(-1)!.body.push({ text: line, line: index + 1 });
    } else if (line.trim() !== "") {
      fail(`text before the first '## ' section: ${JSON.stringify(line)}`, index + 1);
    }
  }
  const quizBlock = blocks.at(-1);
  if (!quizBlock || quizBlock.heading !== FINAL_QUIZ_HEADING) {
    fail(`the last section must be '## ${FINAL_QUIZ_HEADING}'`);
  }
  const sectionBlocks = blocks.slice(0, -1);
  if (sectionBlocks.length === 0) fail("a course needs at least one section of units");

  const seenUnits = new Set<string>();
  const sections = sectionBlocks.map((block) => {
    if (block.heading === "") fail("section without a title", block.line);
    if (block.heading === FINAL_QUIZ_HEADING) fail("only the last section is the quiz", block.line);
    const units: string[] = [];
    for (const { text: raw, line } of block.body) {
      const trimmed = raw.trim();
      if (trimmed === "") continue;
      const unit = UNIT.exec(trimmed);
      if (!unit) fail(`line in section '${block.heading}' is not '- <unit>.md'`, line);
      const name = unit![1]!;
      if (name === "course.md" || name.toLowerCase() === "readme.md") {
        fail(`'${name}' is not a unit`, line);
      }
      if (seenUnits.has(name)) fail(`unit '${name}' is listed twice`, line);
      seenUnits.add(name);
      units.push(name);
    }
    if (units.length === 0) fail(`section '${block.heading}' lists no units`, block.line);
    return { title: block.heading, units };
  });

  const finalQuiz = parseQuestions(quizBlock!.body, fail);
  if (finalQuiz.length < COURSE_FILE_QUIZ.min || finalQuiz.length > COURSE_FILE_QUIZ.max) {
    fail(
      `the final quiz must have ${COURSE_FILE_QUIZ.min}–${COURSE_FILE_QUIZ.max} questions, not ${finalQuiz.length}`,
      quizBlock!.line,
    );
  }
  return {
    slug,
    title: field("title"),
    language,
    summary: field("summary"),
    eqf,
    passMark,
    translationOf,
    sections,
    finalQuiz,
  };
}

/**
 * A quiz written in the self-assessment format (what the course editor's quiz box takes).
 * Throws an Error saying what is wrong.
 */
export function parseQuizText(text: string): CourseFileQuestion[] {
  const fail = (message: string, line?: number): never => {
    throw new Error(line === undefined ? message : `line ${line}: ${message}`);
  };
  const body = text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line, index) => ({ text: line, line: index + 1 }));
  return parseQuestions(body, fail);
}

/** The final quiz's questions, in the self-assessment format; no question twice. */
function parseQuestions(
  body: { text: string; line: number }[],
  fail: (message: string, line?: number) => never,
): CourseFileQuestion[] {
  const questions = parseQuestionLines(body, fail);
  if (new Set(questions.map((q) => q.prompt)).size !== questions.length) {
    fail("the final quiz repeats a question");
  }
  return questions;
}
