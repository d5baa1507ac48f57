import { describe, expect, it } from "vitest";
import type { ResourceContent } from "~/db/schema/learning";
import { renderMarkdown } from "~/features/content/markdown";
import { presentResource } from "./present.server";

const IMAGE = "11111111-2222-4333-8444-555555555555";
const OTHER = "99999999-2222-4333-8444-555555555555";
const SHEET = "aaaaaaaa-2222-4333-8444-555555555555";

const content: ResourceContent = {
  title: "Pricing",
  summary: "Set a price",
  language: "en",
  topics: ["topic:pricing", "esco:x"],
  eqf: 3,
  minutes: 15,
  licence: "CC-BY-SA-4.0",
  introduction: `### Why it matters\n\nCosts first.\n\n# Not a heading\n\n![a chart](file:${IMAGE})`,
  practice: `| a | b |\n|---|--:|\n| 1 | 2 |\n\n![elsewhere](https://evil.example/x.png) ![other](file:${OTHER})`,
  reflection: "<script>alert(1)</script> [x](javascript:alert(1))",
  questions: [
    {
      prompt: "Which?",
      options: [
        { text: "A", correct: true },
        { text: "B", correct: false },
      ],
      feedback: "A, because.",
      multiple: false,
    },
  ],
  videos: ["https://video.example/1", "http://insecure.example/2", "javascript:alert(1)"],
};

describe("presentResource", () => {
  const presented = presentResource(
    { id: "r1", ...content },
    [
      { id: IMAGE, kind: "image", filename: "chart.png", sizeBytes: 2000 },
      { id: SHEET, kind: "worksheet", filename: "sheet.pdf", sizeBytes: 4096 },
    ],
    new Map([["topic:pricing", "Pricing"]]),
  );

  it("renders h3 headings, but other heading levels stay text", () => {
    expect(presented.phases.introduction).toContain("<h3>Why it matters</h3>");
    expect(presented.phases.introduction).toContain("<p># Not a heading</p>");
  });

  it("shows the resource's own images and leaves any other image as text", () => {
    expect(presented.phases.introduction).toContain(
      `<img src="/learn/files/${IMAGE}" alt="a chart" loading="lazy">`,
    );
    expect(presented.phases.practice).not.toContain("<img");
    expect(presented.phases.practice).toContain("![elsewhere](https://evil.example/x.png)");
    expect(presented.phases.practice).toContain(`![other](file:${OTHER})`);
  });

  it("renders tables with alignment as a class", () => {
    expect(presented.phases.practice).toContain(
      '<div class="table-scroll" tabindex="0"><table><thead><tr><th>a</th>',
    );
    expect(presented.phases.practice).toContain('<td class="align-right">2</td>');
  });

  it("keeps raw HTML and unsafe links as text", () => {
    expect(presented.phases.reflection).not.toContain("<script");
    expect(presented.phases.reflection).toContain("&lt;script&gt;");
    expect(presented.phases.reflection).not.toContain("href");
  });

  it("sends no right answers, only https videos, worksheets with URLs and labelled topics", () => {
    expect(presented.questions).toEqual([
      { prompt: "Which?", options: ["A", "B"], multiple: false, feedback: "A, because." },
    ]);
    expect(JSON.stringify(presented)).not.toContain("correct");
    expect(presented.videos).toEqual(["https://video.example/1"]);
    expect(presented.worksheets).toEqual([
      { id: SHEET, filename: "sheet.pdf", url: `/learn/files/${SHEET}`, sizeBytes: 4096 },
    ]);
    expect(presented.topics).toEqual([
      { key: "topic:pricing", label: "Pricing" },
      { key: "esco:x", label: "esco:x" },
    ]);
  });

  it("leaves posts as they were: no headings, tables or images without the option", () => {
    const html = renderMarkdown(`### h\n\n| a |\n|---|\n| 1 |\n\n![x](file:${IMAGE})`);
    expect(html).not.toMatch(/<h3|<table|<img/);
  });
});
