import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { catalogues, escapeHtml, expectMessage } from "../setup/html";

/**
 * The Train-the-Trainer courseware (issue 11 item 5): the programme page, the three documents as
 * web pages and as PDFs made on the server, for everyone, signed in or not; unknown documents
 * are a translated 404, whatever is put in the URL.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const DOCUMENTS = {
  curriculum: "Curriculum",
  "tutor-manual": "Tutor manual",
  workbook: "Learner workbook",
} as const;

const MODULES = [
  "Module 1 — Micro-enterprises and how their owners learn",
  "Module 2 — Running a needs analysis with owners",
  "Module 3 — Facilitating a micro social network and peer learning",
  "Module 4 — Designing mini-format resources",
  "Module 5 — Face-to-face and blended delivery",
  "Module 6 — Evaluating impact",
];

/** Pages and their text, read back with pdfjs (an independent reader, not the writer). */
async function readPdf(bytes: ArrayBuffer): Promise<{ pages: number; text: string }> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { pages, text: parts.join(" ").replace(/\s+/g, " ") };
}

describe("the programme page", () => {
  it("says what the programme is and links each document as a page and as a PDF, signed out", async () => {
    const response = await app.client().get("/learn/train-the-trainer");
    expect(response.status).toBe(200);
    const html = await response.text();
    expectMessage(html, "ttt.title");
    expectMessage(html, "ttt.intro");
    for (let n = 1; n <= 6; n++) expectMessage(html, `ttt.module${n}`);
    for (const slug of Object.keys(DOCUMENTS)) {
      expect(html).toContain(`href="/learn/train-the-trainer/${slug}"`);
      expect(html).toContain(`href="/learn/train-the-trainer/${slug}.pdf"`);
    }
    expect(html).toContain('href="https://creativecommons.org/licenses/by-sa/4.0/"');
  });

  it("is in the reader's language (Greek for a Greek reader)", async () => {
    const greek = await app.signedIn({ locale: "el" });
    const html = await (await greek.client.get("/learn/train-the-trainer")).text();
    expectMessage(html, "ttt.title", "el");
    expectMessage(html, "ttt.module4", "el");
    expectMessage(html, "ttt.inEnglish", "el");
  });
});

describe("a document as a web page", () => {
  it.each(Object.entries(DOCUMENTS))(
    "%s shows every module heading, with contents and its PDF link",
    async (slug, name) => {
      const response = await app.client().get(`/learn/train-the-trainer/${slug}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain(
        escapeHtml(`Train-the-Trainer — working with micro-enterprises: ${name}`),
      );
      expect(html).toContain('<article lang="en"');
      for (const module of MODULES) {
        const id = module
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/-+$/, "");
        expect(html, module).toContain(`<h2 id="${id}">${escapeHtml(module)}</h2>`);
        expect(html, module).toContain(`href="#${id}"`);
      }
      expect(html).toContain(`href="/learn/train-the-trainer/${slug}.pdf"`);
    },
  );

  it("the workbook says where the printed copy leaves space to write, and renders its forms as tables", async () => {
    const html = await (await app.client().get("/learn/train-the-trainer/workbook")).text();
    expect(html).toContain("Space to write in the printed workbook: 8 lines.");
    expect(html).toContain(">Template A — Needs analysis</h2>");
    expect(html).toContain("<td>Priorities agreed (one to three)</td><td></td>");
    expect(html).toContain('<th scope="col">Indicator</th>');
  });
});

describe("a document as a PDF", () => {
  it.each(Object.entries(DOCUMENTS))(
    "%s is a real PDF download with a cover, the licence and every module",
    async (slug, name) => {
      const response = await app.client().get(`/learn/train-the-trainer/${slug}.pdf`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      expect(response.headers.get("content-disposition")).toBe(
        `attachment; filename="train-the-trainer-${slug}.pdf"`,
      );
      const bytes = await response.arrayBuffer();
      expect(new TextDecoder("latin1").decode(bytes.slice(0, 5))).toBe("%PDF-");
      expect(Number(response.headers.get("content-length"))).toBe(bytes.byteLength);
      const { pages, text } = await readPdf(bytes);
      expect(pages).toBeGreaterThanOrEqual(15);
      expect(text.startsWith(`Train-the-Trainer — working with micro-enterprises ${name}`)).toBe(
        true,
      );
      expect(text).toContain(
        "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
      );
      for (const module of MODULES) expect(text, module).toContain(module);
      // Page numbers at the foot of every page after the cover.
      expect(text).toContain(`1 / ${pages - 1}`);
      expect(text).toContain(`${pages - 1} / ${pages - 1}`);
    },
  );

  // pdfkit stamps each file with its creation time (to the second) and making this one takes
  // longer than that, so equal bytes mean the file was made once.
  it("is made once: a second download is the same file", async () => {
    const first = await (
      await app.client().get("/learn/train-the-trainer/tutor-manual.pdf")
    ).arrayBuffer();
    const started = performance.now();
    const second = await (
      await app.client().get("/learn/train-the-trainer/tutor-manual.pdf")
    ).arrayBuffer();
    expect(performance.now() - started).toBeLessThan(500);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });
});

describe("unknown documents", () => {
  it.each([
    "/learn/train-the-trainer/handbook",
    "/learn/train-the-trainer/constructor",
    "/learn/train-the-trainer/__proto__",
    "/learn/train-the-trainer/CURRICULUM",
    "/learn/train-the-trainer/..%2F..%2Fpackage.json",
    "/learn/train-the-trainer/curriculum.md",
  ])("%s is a translated 404 page", async (path) => {
    const response = await app.client().get(path);
    expect(response.status).toBe(404);
    const html = await response.text();
    expectMessage(html, "ttt.notFound");
    expect(html).not.toContain("at readTttDocument");
  });

  it.each([
    "/learn/train-the-trainer/handbook.pdf",
    "/learn/train-the-trainer/toString.pdf",
    "/learn/train-the-trainer/..%2Fworkbook.pdf",
  ])("%s is a 404 in plain text, in the reader's language", async (path) => {
    const english = await app.client().get(path);
    expect(english.status).toBe(404);
    expect(english.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await english.text()).toBe(catalogues.en["ttt.notFound"]);
    const german = await app.client().get(path, { "Accept-Language": "de" });
    expect(german.status).toBe(404);
    expect(await german.text()).toBe(catalogues.de["ttt.notFound"]);
  });
});
