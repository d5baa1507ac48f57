import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseCourseware } from "~/features/learning/courseware";
import { parseCourseFile } from "./course-file";

const root = path.resolve("courseware");

function courseFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...courseFiles(full));
    else if (entry.name === "course.md") out.push(full);
  }
  return out;
}

const valid = `---
slug: a-course
title: A course
language: en
summary: Short.
eqf: 3
pass_mark: 60
---

## First

- 01-a.md
- 02-b.md

## Final quiz

${[1, 2, 3, 4]
  .map((n) => `### Question ${n}?\n\n- [ ] No\n- [x] Yes\n- [x] Also yes\n> Because.\n`)
  .join("\n")}`;

describe("parseCourseFile", () => {
  it("reads every course.md in courseware/, and each unit it lists parses as courseware", () => {
    const files = courseFiles(root);
    expect(files.length).toBeGreaterThan(0);
    const slugs = new Set<string>();
    for (const file of files) {
      const course = parseCourseFile(fs.readFileSync(file, "utf8"), path.relative(root, file));
      expect(slugs.has(course.slug)).toBe(false);
      slugs.add(course.slug);
      expect(course.finalQuiz.length).toBeGreaterThanOrEqual(4);
      for (const section of course.sections) {
        for (const unit of section.units) {
          const unitPath = path.join(path.dirname(file), unit);
          expect(fs.existsSync(unitPath), unitPath).toBe(true);
          const parsed = parseCourseware(fs.readFileSync(unitPath, "utf8"), unit);
          expect(parsed.language).toBe(course.language);
        }
      }
    }
  });

  it("reads the owners' induction: ten units in order in four sections, six quiz questions", () => {
    const course = parseCourseFile(
      fs.readFileSync(path.join(root, "induction-owners/course.md"), "utf8"),
      "course.md",
    );
    expect(course.slug).toBe("induction-owners");
    expect(course.sections).toHaveLength(4);
    const units = course.sections.flatMap((s) => s.units);
    expect(units).toEqual([...units].sort());
    expect(units).toHaveLength(10);
    expect(course.finalQuiz).toHaveLength(6);
    expect(course.finalQuiz.some((q) => q.multiple)).toBe(true);
    expect(course.passMark).toBe(70);
  });

  it("reads a valid file", () => {
    const course = parseCourseFile(valid, "x.md");
    expect(course.sections).toEqual([{ title: "First", units: ["01-a.md", "02-b.md"] }]);
    expect(course.finalQuiz[0]).toMatchObject({ multiple: true, feedback: "Because." });
    expect(course.translationOf).toBeNull();
  });

  it.each([
    ["a missing key", valid.replace("pass_mark: 60\n", ""), /pass_mark/],
    ["an unknown key", valid.replace("eqf: 3", "eqf: 3\nowner: me"), /unknown front matter/],
    ["a bad pass mark", valid.replace("pass_mark: 60", "pass_mark: 120"), /pass_mark/],
    ["a language not spoken", valid.replace("language: en", "language: xx"), /language/],
    ["no final quiz last", valid.replace("## Final quiz", "## Quiz"), /Final quiz/],
    ["a unit that is not a file name", valid.replace("- 02-b.md", "- see 02-b"), /unit/],
    ["a unit twice", valid.replace("- 02-b.md", "- 01-a.md"), /twice/],
    ["course.md as a unit", valid.replace("- 02-b.md", "- course.md"), /not a unit/],
    ["too few questions", valid.split("### Question 4")[0]!, /4–8 questions/],
    [
      "a question without a right option",
      valid.replace(/- \[x\] Yes\n- \[x\] Also yes/, "- [ ] A\n- [ ] B"),
      /no correct option/,
    ],
    ["a question without feedback", valid.replace("> Because.\n", ""), /feedback/],
  ])("refuses %s", (_, text, message) => {
    expect(() => parseCourseFile(text, "x.md")).toThrow(message);
  });
});
