import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { topics } from "../taxonomy/data/topics";
import {
  COURSEWARE_LANGUAGES,
  COURSEWARE_ORIGINAL_LANGUAGE,
  type Courseware,
  checkTranslation,
  originalSlug,
  parseCourseware,
  topicSlugs,
} from "./courseware";

const root = path.resolve(process.cwd(), "courseware");

/** Mini-format files: not README.md, not course files (course.md), not the long documents. */
function markdownFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        return full === path.join(root, "train-the-trainer") ? [] : markdownFiles(full);
      }
      return entry.isFile() &&
        entry.name.endsWith(".md") &&
        entry.name !== "README.md" &&
        entry.name !== "course.md"
        ? [full]
        : [];
    })
    .sort();
}

const files = markdownFiles(root);
const knownTopics = new Set(topics.map((topic) => topic.slug));
const parsed = new Map<string, Courseware>(
  files.map((file) => [file, parseCourseware(fs.readFileSync(file, "utf8"), file)]),
);

/** A translation's language folder (`<folder>/<lang>/<file>`), or null for an original's place. */
function languageFolder(file: string): string | null {
  const folder = path.basename(path.dirname(file));
  return (COURSEWARE_LANGUAGES as readonly string[]).includes(folder) &&
    folder !== COURSEWARE_ORIGINAL_LANGUAGE
    ? folder
    : null;
}

describe("courseware files", () => {
  it("are there (at least the eight resources)", () => {
    expect(
      files.filter((file) => file.includes(`${path.sep}resources${path.sep}`)).length,
    ).toBeGreaterThanOrEqual(8);
  });

  describe.each(files.map((file) => [path.relative(process.cwd(), file), file]))(
    "%s",
    (name, file) => {
      it("parses and follows the format", () => {
        const courseware = parseCourseware(fs.readFileSync(file, "utf8"), name);

        for (const key of ["slug", "title", "language", "licence", "summary"] as const) {
          expect(courseware[key].trim(), key).not.toBe("");
        }
        expect(courseware.language).toBe(languageFolder(file) ?? COURSEWARE_ORIGINAL_LANGUAGE);
        expect(courseware.licence).toBe("CC-BY-SA-4.0");
        expect(courseware.minutes).toBeGreaterThanOrEqual(10);
        expect(courseware.minutes).toBeLessThanOrEqual(20);
        expect(courseware.eqf).toBeGreaterThanOrEqual(1);
        expect(courseware.eqf).toBeLessThanOrEqual(8);

        expect(courseware.topics.length).toBeGreaterThan(0);
        const unknown = topicSlugs(courseware).filter((slug) => !knownTopics.has(slug));
        expect(unknown, "topics not in app/features/taxonomy/data/topics.ts").toEqual([]);

        expect(courseware.phases.introduction).not.toBe("");
        expect(courseware.phases.practice).not.toBe("");
        expect(courseware.phases.reflection).not.toBe("");

        expect(courseware.questions.length).toBeGreaterThanOrEqual(2);
        expect(courseware.questions.length).toBeLessThanOrEqual(5);
        for (const question of courseware.questions) {
          expect(question.prompt).not.toBe("");
          expect(question.options.length).toBeGreaterThanOrEqual(2);
          expect(
            question.options.some((option) => option.correct),
            question.prompt,
          ).toBe(true);
          expect(question.feedback, question.prompt).not.toBe("");
          expect(question.multiple).toBe(question.options.filter((o) => o.correct).length > 1);
        }
      });
    },
  );

  it("have unique slugs", () => {
    const all = [...parsed.values()].map((courseware) => courseware.slug);
    const repeated = all.filter((slug, index) => all.indexOf(slug) !== index);
    expect(repeated).toEqual([]);
  });

  const translations = files.filter((file) => languageFolder(file) !== null);

  it("include the owners' induction in Greek and German, unit for unit", () => {
    const induction = path.join(root, "induction-owners");
    const units = files
      .filter((file) => path.dirname(file) === induction)
      .map((file) => path.basename(file));
    expect(units.length).toBeGreaterThanOrEqual(8);
    for (const language of ["el", "de"]) {
      const translated = files
        .filter((file) => path.dirname(file) === path.join(induction, language))
        .map((file) => path.basename(file));
      expect(translated, language).toEqual(units);
    }
  });

  describe.each(translations.map((file) => [path.relative(process.cwd(), file), file]))(
    "%s",
    (name, file) => {
      it("translates the original of the same name, with the same questions and answers", () => {
        const translation = parsed.get(file)!;
        const originalFile = path.join(path.dirname(path.dirname(file)), path.basename(file));
        const original = parsed.get(originalFile);
        expect(original, `no original ${path.relative(process.cwd(), originalFile)}`).toBeDefined();
        expect(translation.translationOf, "translation_of").toBe(original!.slug);
        expect(translation.slug).toBe(`${original!.slug}-${translation.language}`);
        expect(originalSlug(translation)).toBe(original!.slug);
        expect(() => checkTranslation(original!, translation, name)).not.toThrow();
      });
    },
  );

  it("name an existing English original in every translation_of", () => {
    const slugs = new Set([...parsed.values()].map((courseware) => courseware.slug));
    const orphans = [...parsed.entries()]
      .filter(([file, courseware]) => {
        if (courseware.translationOf === null) return false;
        return !slugs.has(courseware.translationOf) || languageFolder(file) === null;
      })
      .map(([file]) => path.relative(process.cwd(), file));
    expect(orphans).toEqual([]);
  });
});

const valid = `---
slug: test-unit
title: A test: with a colon
language: en
topics: [topic:cash-flow-planning, topic:late-payments]
eqf: 4
minutes: 15
licence: CC-BY-SA-4.0
summary: For testing.
---

## Introduction and objectives
Why.

- one
- two

## Practical content
### Steps
| a | b |
|---|---|
| 1 | 2 |

\`\`\`
## not a section inside a code fence
\`\`\`

## Reflection and transfer
Think.

## Self-assessment

### Which one?
- [ ] No
- [x] Yes
> Yes, because.

### Which ones?
- [x] A
- [ ] B
- [X] C
> A and C.
> Really.
`;

/** `valid` as a Greek translation: own slug, translation_of, Greek headings (same questions). */
function greek(text: string) {
  return text
    .replace("slug: test-unit", "slug: test-unit-el\ntranslation_of: test-unit")
    .replace("language: en", "language: el")
    .replace("## Introduction and objectives", "## Εισαγωγή και στόχοι")
    .replace("## Practical content", "## Πρακτικό μέρος")
    .replace("## Reflection and transfer", "## Αναστοχασμός και εφαρμογή")
    .replace("## Self-assessment", "## Αυτοαξιολόγηση");
}

function parseWith(change: (text: string) => string) {
  return () => parseCourseware(change(valid), "bad.md");
}

describe("parseCourseware", () => {
  it("parses a valid file", () => {
    const courseware = parseCourseware(valid, "ok.md");
    expect(courseware).toMatchObject({
      slug: "test-unit",
      title: "A test: with a colon",
      language: "en",
      topics: ["topic:cash-flow-planning", "topic:late-payments"],
      eqf: 4,
      minutes: 15,
      licence: "CC-BY-SA-4.0",
      summary: "For testing.",
    });
    expect(topicSlugs(courseware)).toEqual(["cash-flow-planning", "late-payments"]);
    expect(courseware.phases.introduction).toBe("Why.\n\n- one\n- two");
    expect(courseware.phases.practice).toContain("## not a section inside a code fence");
    expect(courseware.phases.reflection).toBe("Think.");
    expect(courseware.questions).toEqual([
      {
        prompt: "Which one?",
        options: [
          { text: "No", correct: false },
          { text: "Yes", correct: true },
        ],
        feedback: "Yes, because.",
        multiple: false,
      },
      {
        prompt: "Which ones?",
        options: [
          { text: "A", correct: true },
          { text: "B", correct: false },
          { text: "C", correct: true },
        ],
        feedback: "A and C. Really.",
        multiple: true,
      },
    ]);
  });

  it("accepts the blank lines Biome's Markdown formatter adds", () => {
    const [head, assessment] = valid.split("## Self-assessment");
    const formatted = `${head!.replace(/^---\n/, "---\n\n")}## Self-assessment${assessment!.replace(/^(### .*)$/gm, "$1\n")}`;
    expect(parseCourseware(formatted, "formatted.md")).toEqual(parseCourseware(valid, "ok.md"));
  });

  it("parses a translation with its language's headings and links it to its original", () => {
    const original = parseCourseware(valid, "ok.md");
    const translation = parseCourseware(greek(valid), "el/ok.md");
    expect(original.translationOf).toBeNull();
    expect(translation).toMatchObject({
      slug: "test-unit-el",
      language: "el",
      translationOf: "test-unit",
    });
    expect(translation.phases).toEqual(original.phases);
    expect(originalSlug(translation)).toBe("test-unit");
    expect(originalSlug(original)).toBe("test-unit");
    expect(() => checkTranslation(original, translation, "el/ok.md")).not.toThrow();
  });

  it.each([
    [
      "a question fewer",
      (t: string) => t.replace(/### Which ones\?[\s\S]*$/, "### Q?\n- [x] a\n- [ ] b\n> c\n"),
      null,
    ],
    [
      "another right answer",
      (t: string) => t.replace("- [ ] No\n- [x] Yes", "- [x] No\n- [ ] Yes"),
      /question 1 .* right options 1, the original 2/,
    ],
    [
      "an option fewer",
      (t: string) => t.replace("- [ ] B\n", ""),
      /question 2 .* has 2 options, the original 3/,
    ],
    [
      "other topics",
      (t: string) => t.replace("topic:late-payments", "topic:pricing"),
      /topics must be the original's/,
    ],
    [
      "another eqf",
      (t: string) => t.replace("eqf: 4", "eqf: 5"),
      /eqf must be the original's \(4\)/,
    ],
    [
      "another original",
      (t: string) =>
        t
          .replace("slug: test-unit-el", "slug: other-unit-el")
          .replace("translation_of: test-unit", "translation_of: other-unit"),
      /translation_of is 'other-unit', not the original's 'test-unit'/,
    ],
  ])("rejects a translation with %s", (_name, change, message) => {
    const original = parseCourseware(valid, "ok.md");
    const translation = parseCourseware(change(greek(valid)), "el/bad.md");
    if (message === null) {
      // Same count (2) but a different shape: the second question has 2 options, not 3.
      expect(() => checkTranslation(original, translation, "el/bad.md")).toThrow(
        /^el\/bad\.md: question 2/,
      );
      return;
    }
    expect(() => checkTranslation(original, translation, "el/bad.md")).toThrow(message);
    expect(() => checkTranslation(original, translation, "el/bad.md")).toThrow(/^el\/bad\.md: /);
  });

  it("rejects a translation with a question more, or an original that is itself a translation", () => {
    const original = parseCourseware(valid, "ok.md");
    const longer = parseCourseware(
      `${greek(valid)}\n### Q3?\n- [x] a\n- [ ] b\n> c\n`,
      "el/bad.md",
    );
    expect(() => checkTranslation(original, longer, "el/bad.md")).toThrow(
      /has 3 questions, the original 2/,
    );
    const translation = parseCourseware(greek(valid), "el/ok.md");
    expect(() => checkTranslation(translation, translation, "el/bad.md")).toThrow(
      /is itself a translation|not the original's/,
    );
  });

  it("accepts Windows line endings", () => {
    expect(parseCourseware(valid.replace(/\n/g, "\r\n"), "crlf.md").questions).toHaveLength(2);
  });

  it.each([
    ["no front matter", (t: string) => t.replace(/^---\n/, ""), /bad\.md:1: must start with/],
    [
      "unclosed front matter",
      (t: string) => t.replace("---\n\n## Intro", "\n## Intro"),
      /not closed/,
    ],
    [
      "a missing field",
      (t: string) => t.replace(/^summary: .*\n/m, ""),
      /missing or empty front matter: summary/,
    ],
    [
      "an empty field",
      (t: string) => t.replace("title: A test: with a colon", "title:"),
      /missing or empty front matter: title/,
    ],
    [
      "an unknown key",
      (t: string) => t.replace("eqf: 4", "eqf: 4\nauthor: me"),
      /unknown front matter key 'author'/,
    ],
    ["a repeated key", (t: string) => t.replace("eqf: 4", "eqf: 4\neqf: 5"), /'eqf' appears twice/],
    [
      "a line that is not key: value",
      (t: string) => t.replace("eqf: 4", "eqf 4"),
      /bad\.md:6: front matter line/,
    ],
    [
      "a bad slug",
      (t: string) => t.replace("slug: test-unit", "slug: Test Unit"),
      /slug 'Test Unit'/,
    ],
    ["another language", (t: string) => t.replace("language: en", "language: fr"), /language 'fr'/],
    [
      "translation_of on an English file",
      (t: string) => t.replace("eqf: 4", "eqf: 4\ntranslation_of: test"),
      /translation_of is only for translations/,
    ],
    [
      "an empty translation_of",
      (t: string) => greek(t).replace("translation_of: test-unit", "translation_of:"),
      /missing or empty front matter: translation_of/,
    ],
    [
      "a translation whose slug is not the original's plus the language",
      (t: string) => greek(t).replace("slug: test-unit-el", "slug: test-unit-gr"),
      /must be the original's slug plus '-el': 'test-unit-el', not 'test-unit-gr'/,
    ],
    [
      "a translation_of that is not a slug",
      (t: string) => greek(t).replace("translation_of: test-unit", "translation_of: Test Unit"),
      /translation_of 'Test Unit' must be a slug/,
    ],
    [
      "a Greek file with English headings",
      (t: string) => t.replace("language: en", "language: el"),
      /sections must be exactly '## Εισαγωγή και στόχοι'/,
    ],
    [
      "another licence",
      (t: string) => t.replace("CC-BY-SA-4.0", "CC-BY-4.0"),
      /licence must be CC-BY-SA-4.0/,
    ],
    [
      "topics not a list",
      (t: string) => t.replace(/topics: .*/, "topics: topic:pricing"),
      /topics must be a list/,
    ],
    [
      "an empty topics list",
      (t: string) => t.replace(/topics: .*/, "topics: []"),
      /topics list is empty/,
    ],
    [
      "a topic without prefix",
      (t: string) => t.replace(/topics: .*/, "topics: [pricing]"),
      /topic 'pricing' is not a key/,
    ],
    [
      "a repeated topic",
      (t: string) => t.replace(/topics: .*/, "topics: [topic:seo, topic:seo]"),
      /repeats a topic/,
    ],
    [
      "eqf 9",
      (t: string) => t.replace("eqf: 4", "eqf: 9"),
      /eqf must be a whole number from 1 to 8, not '9'/,
    ],
    ["eqf not a number", (t: string) => t.replace("eqf: 4", "eqf: four"), /eqf must be/],
    [
      "minutes 25",
      (t: string) => t.replace("minutes: 15", "minutes: 25"),
      /minutes must be a whole number from 10 to 20/,
    ],
    ["minutes 9", (t: string) => t.replace("minutes: 15", "minutes: 9"), /minutes must be/],
    ["minutes 12.5", (t: string) => t.replace("minutes: 15", "minutes: 12.5"), /minutes must be/],
    [
      "text before the first section",
      (t: string) => t.replace("\n## Introduction", "Hello\n## Introduction"),
      /text before the first '## ' section/,
    ],
    [
      "a missing section",
      (t: string) => t.replace(/## Reflection and transfer\nThink\.\n/, ""),
      /sections must be exactly/,
    ],
    [
      "sections out of order",
      (t: string) =>
        t
          .replace("## Introduction and objectives", "## Practical contentX")
          .replace("## Practical content\n", "## Introduction and objectives\n")
          .replace("## Practical contentX", "## Practical content"),
      /in this order/,
    ],
    [
      "a renamed section",
      (t: string) => t.replace("## Practical content", "## Practice"),
      /found '## Introduction and objectives', '## Practice'/,
    ],
    [
      "an empty section",
      (t: string) => t.replace("Think.", ""),
      /section 'Reflection and transfer' is empty/,
    ],
    [
      "one question only",
      (t: string) => t.replace(/### Which ones\?[\s\S]*$/, ""),
      /must have 2–5 questions, not 1/,
    ],
    [
      "six questions",
      (t: string) =>
        t + ["3", "4", "5", "6"].map((n) => `\n### Q${n}?\n- [x] a\n- [ ] b\n> c\n`).join(""),
      /not 6/,
    ],
    [
      "no correct option",
      (t: string) => t.replace("- [x] Yes", "- [ ] Yes"),
      /question 'Which one\?' has no correct option/,
    ],
    [
      "no feedback",
      (t: string) => t.replace("> Yes, because.\n", ""),
      /question 'Which one\?' has no feedback/,
    ],
    ["a single option", (t: string) => t.replace("- [ ] No\n", ""), /needs at least two options/],
    [
      "feedback before options",
      (t: string) =>
        t.replace("- [ ] No\n- [x] Yes\n> Yes, because.", "> Yes, because.\n- [ ] No\n- [x] Yes"),
      /feedback before the options/,
    ],
    [
      "an option after the feedback",
      (t: string) => t.replace("> Yes, because.", "> Yes, because.\n- [ ] Maybe"),
      /option after the feedback/,
    ],
    ["a stray line in a question", (t: string) => t.replace("- [ ] No", "No"), /neither an option/],
    [
      "text before the first question",
      (t: string) => t.replace("## Self-assessment\n", "## Self-assessment\nIntro\n"),
      /text before the first '### ' question/,
    ],
    [
      "a repeated question",
      (t: string) => t.replace("### Which ones?", "### Which one?"),
      /repeats a question/,
    ],
  ])("rejects %s, naming the file", (_name, change, message) => {
    expect(parseWith(change)).toThrow(message);
    expect(parseWith(change)).toThrow(/^bad\.md/);
  });
});
