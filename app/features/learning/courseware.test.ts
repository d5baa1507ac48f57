import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { topics } from "../taxonomy/data/topics";
import { parseCourseware, topicSlugs } from "./courseware";

const root = path.resolve(process.cwd(), "courseware");

function markdownFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) return markdownFiles(full);
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
        expect(courseware.language).toBe("en");
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
    const all = files.map((file) => parseCourseware(fs.readFileSync(file, "utf8"), file).slug);
    const repeated = all.filter((slug, index) => all.indexOf(slug) !== index);
    expect(repeated).toEqual([]);
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
