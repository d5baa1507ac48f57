import { describe, expect, it } from "vitest";
import en from "~/i18n/locales/en.json";
import { renderPdf } from "~/lib/pdf.server";
import {
  documentHtml,
  documentPdfBlocks,
  MAX_WRITING_LINES,
  parseDocument,
  readTttDocument,
  TTT_DOCUMENTS,
  TTT_PROGRAMME,
} from "./documents.server";

const MODULES = [
  "Micro-enterprises and how their owners learn",
  "Running a needs analysis with owners",
  "Facilitating a micro social network and peer learning",
  "Designing mini-format resources",
  "Face-to-face and blended delivery",
  "Evaluating impact",
];

/** The text of one `## ` section of a document's source, up to the next `## `. */
function section(slug: (typeof TTT_DOCUMENTS)[number], heading: string): string {
  const document = readTttDocument(slug);
  const start = document.blocks.findIndex((b) => b.type === "heading" && b.text === heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const rest = document.blocks.slice(start + 1);
  const end = rest.findIndex((b) => b.type === "heading" && b.level === 2);
  return documentHtml(end === -1 ? rest : rest.slice(0, end));
}

describe("the Train-the-Trainer documents", () => {
  it.each(TTT_DOCUMENTS)(
    "%s has the six modules, in order, with the curriculum's titles",
    (slug) => {
      const document = readTttDocument(slug);
      expect(document.title.startsWith(`${TTT_PROGRAMME}: `)).toBe(true);
      expect(document.modules.map((m) => [m.number, m.title])).toEqual(
        MODULES.map((title, index) => [index + 1, title]),
      );
    },
  );

  it.each(TTT_DOCUMENTS)("%s is substantial (3,000 to 5,500 words)", (slug) => {
    const { words } = readTttDocument(slug);
    expect(words).toBeGreaterThanOrEqual(3000);
    expect(words).toBeLessThanOrEqual(5500);
  });

  it("the programme page's module names are the documents' module titles", () => {
    const catalogue = en as Record<string, string>;
    expect(MODULES.map((_, index) => catalogue[`ttt.module${index + 1}`])).toEqual(MODULES);
  });

  it.each(MODULES.map((title, index) => [index + 1, title] as const))(
    "the curriculum's module %i has outcomes in the three EQF categories, hours, delivery, activities and assessment",
    (number, title) => {
      const html = section("curriculum", `Module ${number} — ${title}`);
      for (const part of ["Learning outcomes", "Activities", "Assessment"]) {
        expect(html).toContain(`>${part}</h3>`);
      }
      for (const part of [
        "Knowledge.",
        "Skills.",
        "Responsibility and autonomy.",
        "Hours:",
        "Delivery:",
      ]) {
        expect(html).toContain(`<strong>${part}</strong>`);
      }
    },
  );

  it("the curriculum states the EU definition with its source, the EQF level and Kirkpatrick's levels", () => {
    const html = readTttDocument("curriculum").html;
    expect(html).toContain("Commission Recommendation 2003/361/EC");
    expect(html).toContain("fewer than 10 persons");
    expect(html).toContain("€2 million");
    expect(html).toContain("level 5 of the European Qualifications Framework");
    expect(html).toContain("Kirkpatrick");
    for (const level of ["Reaction", "Learning", "Behaviour", "Results"]) {
      expect(html).toContain(`<strong>${level}</strong>`);
    }
  });

  it("the tutor manual has a session plan, step-by-step activities, notes, difficulties, materials and assessment per module", () => {
    MODULES.forEach((title, index) => {
      const html = section("tutor-manual", `Module ${index + 1} — ${title}`);
      expect(html).toMatch(/>Session plan: [^<]+<\/h3>/);
      for (const part of [
        "Activities step by step",
        "Facilitation notes",
        "Common difficulties",
        "Materials",
        "How to assess",
      ]) {
        expect(html, `module ${index + 1}: ${part}`).toContain(`>${part}</h3>`);
      }
      expect(html, `module ${index + 1} timings`).toMatch(/0:00–0:\d\d/);
    });
  });

  it("the workbook has space to write in every module, the three templates and the self-assessment", () => {
    const workbook = readTttDocument("workbook");
    MODULES.forEach((title, index) => {
      const html = section("workbook", `Module ${index + 1} — ${title}`);
      expect(html, `module ${index + 1}`).toContain("data-write-lines=");
      expect(html, `module ${index + 1}`).toContain(">Reflection</h3>");
    });
    const headings = workbook.blocks.flatMap((b) => (b.type === "heading" ? [b.text] : []));
    for (const part of [
      "Template A — Needs analysis",
      "Template B — Mini-resource planning",
      "Template C — Evaluation plan",
      "Self-assessment",
    ]) {
      expect(headings).toContain(part);
    }
  });

  it("every handout the tutor manual names is in the workbook", () => {
    const manual = readTttDocument("tutor-manual").html;
    const workbook = readTttDocument("workbook").blocks.flatMap((b) =>
      b.type === "heading" ? [b.text] : [],
    );
    const named = new Set(manual.match(/Handout \d\.[A-Z]/g));
    expect(named.size).toBeGreaterThanOrEqual(6);
    for (const handout of named) {
      expect(
        workbook.some((heading) => heading.startsWith(`${handout} — `)),
        handout,
      ).toBe(true);
    }
  });
});

describe("parseDocument", () => {
  const doc = (body: string) => parseDocument(`# ${TTT_PROGRAMME}: Test\n\n${body}`);

  it("reads headings, paragraphs with emphasis, lists, tables and writing space", () => {
    const parsed = doc(
      [
        "## Module 1 — First",
        "",
        "Some **bold** and *italic*",
        "text on two lines.",
        "",
        "1. one",
        "2. two",
        "",
        "| A | B |",
        "| --- | --- |",
        "| x | |",
        "",
        "```write 4",
        "```",
      ].join("\n"),
    );
    expect(parsed.name).toBe("Test");
    expect(parsed.modules).toEqual([{ number: 1, title: "First", id: "module-1-first" }]);
    expect(parsed.blocks).toEqual([
      { type: "heading", level: 2, text: "Module 1 — First", id: "module-1-first" },
      {
        type: "paragraph",
        text: {
          source: "Some **bold** and *italic* text on two lines.",
          runs: [
            { text: "Some " },
            { text: "bold", bold: true },
            { text: " and " },
            { text: "italic", italic: true },
            { text: " text on two lines." },
          ],
        },
      },
      {
        type: "list",
        ordered: true,
        items: [
          { source: "one", runs: [{ text: "one" }] },
          { source: "two", runs: [{ text: "two" }] },
        ],
      },
      {
        type: "table",
        header: [
          { source: "A", runs: [{ text: "A" }] },
          { source: "B", runs: [{ text: "B" }] },
        ],
        rows: [
          [
            { source: "x", runs: [{ text: "x" }] },
            { source: "", runs: [] },
          ],
        ],
      },
      { type: "write", lines: 4 },
    ]);
  });

  it.each([
    ["another fenced block", "```js\nlet x;\n```", /only fenced block/],
    ["no lines to write", "```write 0\n```", /1 to 25 lines/],
    ["too many lines", `\`\`\`write ${MAX_WRITING_LINES + 1}\n\`\`\``, /1 to 25 lines/],
    ["text in a write block", "```write 3\nhello\n```", /is empty/],
    ["a quote", "> quoted", /blockquote is not used/],
    ["a nested list", "- a\n  - b", /not nested/],
    ["a second title", "# Again", /one `# ` title/],
    ["an image", "![alt](x.png)", /images are not used/],
  ])("refuses %s", (_, body, message) => {
    expect(() => doc(body)).toThrow(message);
  });

  it("says on which line the problem is", () => {
    expect(() => doc("text\n\n```write 0\n```")).toThrow(/^line 5: /);
  });

  it("needs a title first", () => {
    expect(() => parseDocument("## Module 1 — X")).toThrow(/title comes first/);
    expect(() => parseDocument("Just text.")).toThrow(/no `# ` title/);
  });
});

describe("documentHtml", () => {
  it("escapes text, keeps emphasis, gives headings unique ids and describes writing space", () => {
    const parsed = parseDocument(
      [
        "# T",
        "",
        "## Notes",
        "",
        "## Notes",
        "",
        'A <script>alert("x")</script> & **bold** [link](javascript:alert(1))',
        "",
        "| <b>Head</b> | B |",
        "| --- | --- |",
        "| 1 < 2 | |",
        "",
        "```write 1",
        "```",
      ].join("\n"),
    );
    const html = documentHtml(parsed.blocks);
    expect(html).toContain('<h2 id="notes">Notes</h2>');
    expect(html).toContain('<h2 id="notes-2">Notes</h2>');
    expect(html).toContain(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; <strong>bold</strong>",
    );
    expect(html).not.toContain("<script");
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('<th scope="col">&lt;b&gt;Head&lt;/b&gt;</th>');
    expect(html).toContain("<td>1 &lt; 2</td><td></td>");
    expect(html).toContain(
      '<p class="muted" data-write-lines="1">[Space to write in the printed workbook: 1 line.]</p>',
    );
  });
});

describe("documentPdfBlocks", () => {
  const table = (rows: string[]) =>
    documentPdfBlocks(parseDocument(["# T", "", ...rows].join("\n")).blocks)[0];

  it("makes a table a form to write in when a whole body row or column is empty", () => {
    expect(table(["| Item | Notes |", "| --- | --- |", "| Owner | |", "| Date | |"])).toMatchObject(
      {
        type: "table",
        grid: true,
        writable: true,
      },
    );
    expect(table(["| Time | What |", "| --- | --- |", "| 0:00 | Start |", "| | |"])).toMatchObject({
      writable: true,
    });
    expect(
      table([
        "| Time | What | Materials |",
        "| --- | --- | --- |",
        "| 0:00 | Start | Cards |",
        "| 1:20 | Break | |",
      ]),
    ).toMatchObject({ writable: false });
  });

  it("starts every `## ` section on a new page and ties writing space to ruled lines", () => {
    const blocks = documentPdfBlocks(
      parseDocument("# T\n\n## A\n\n### B\n\n```write 3\n```").blocks,
    );
    expect(blocks).toEqual([
      { type: "heading", text: "A", level: 1, newPage: true },
      { type: "heading", text: "B", level: 2, newPage: false },
      { type: "lines", count: 3 },
    ]);
  });
});

describe("the PDF of a document", () => {
  /** The PDF's pages' text, through pdfjs (an independent reader). */
  async function pdfPages(bytes: Buffer): Promise<string[]> {
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const text = content.items.map((item) => ("str" in item ? item.str : "")).join(" ");
      pages.push(text.replace(/\s+/g, " ").trim());
    }
    await pdf.destroy();
    return pages;
  }

  it("has a cover, a page per `## ` section, numbered pages, emphasis and forms", async () => {
    const parsed = parseDocument(
      [
        `# ${TTT_PROGRAMME}: Doc`,
        "",
        "## Module 1 — One",
        "",
        "Some **bold** words and a list:",
        "",
        "- first item",
        "- second *item*",
        "",
        "```write 5",
        "```",
        "",
        "## Module 2 — Two",
        "",
        "| Question | Answer |",
        "| --- | --- |",
        "| Who? | |",
      ].join("\n"),
    );
    const bytes = await renderPdf({
      title: parsed.title,
      language: "en",
      cover: { title: "The programme", subtitle: parsed.name, lines: ["Licence: CC BY-SA 4.0"] },
      contents: "Contents",
      footer: "Footer text",
      blocks: documentPdfBlocks(parsed.blocks),
    });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const pages = await pdfPages(bytes);
    expect(pages).toHaveLength(4);
    expect(pages[0]).toBe("The programme Doc Licence: CC BY-SA 4.0");
    expect(pages[1]).toBe("Contents Module 1 — One 2 Module 2 — Two 3 Footer text 1 / 3");
    expect(pages[2]).toContain("Module 1 — One");
    expect(pages[2]).toContain("Some bold words and a list:");
    expect(pages[2]).toContain("second item");
    expect(pages[2]).toMatch(/Footer text 2 \/ 3$/);
    expect(pages[3]).toContain("Module 2 — Two");
    expect(pages[3]).toContain("Question Answer Who?");
    expect(pages[3]).toMatch(/Footer text 3 \/ 3$/);
  });

  it("links each line of the contents to its chapter's page", async () => {
    const parsed = parseDocument(`# ${TTT_PROGRAMME}: Doc\n\n## A\n\nText.\n\n## B\n\nMore.`);
    const bytes = await renderPdf({
      title: parsed.title,
      language: "en",
      contents: "Contents",
      blocks: documentPdfBlocks(parsed.blocks),
    });
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const pdf = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
    const links = (await (await pdf.getPage(1)).getAnnotations()).filter(
      (a: { subtype: string }) => a.subtype === "Link",
    );
    const targets: number[] = [];
    for (const link of links as { dest: string }[]) {
      const destination = await pdf.getDestination(link.dest);
      targets.push(await pdf.getPageIndex(destination?.[0]));
    }
    await pdf.destroy();
    // Two lines (title and page number each link): A on the second page, B on the third.
    expect(targets).toEqual([1, 1, 2, 2]);
  });
});
