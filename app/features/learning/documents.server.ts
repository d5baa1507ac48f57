/**
 * The Train-the-Trainer courseware (courseware/train-the-trainer/): three long Markdown documents
 * — curriculum, tutor manual, learner workbook — read as web pages and as PDFs made here with
 * pdfkit (app/lib/pdf.server.ts).
 *
 * A document is parsed once into blocks (headings, paragraphs, lists, tables and writing space);
 * the page and the PDF are both written from those blocks, so they always hold the same text.
 * Inline text (emphasis, links) on the page goes through the one Markdown renderer of
 * app/features/content/markdown.ts; in the PDF it becomes runs of regular, bold and italic text.
 *
 * Writing space, for the workbook's exercises, is one convention on top of CommonMark: a fenced
 * block whose info string is `write` and a number of lines, with nothing inside:
 *
 *     ```write 6
 *     ```
 *
 * The PDF draws that many ruled lines; the page says how much space the printed copy leaves. A
 * table with empty cells is a form: in the PDF its cells are boxed and tall enough to write in.
 *
 * The files are bundled with the server (Vite `?raw` imports), so they change only with a
 * deploy: each document is parsed once and its PDF made once per process, then kept in memory.
 */
import MarkdownItParser, { type Token } from "markdown-it";
import { renderMarkdown } from "~/features/content/markdown";
import { notFound } from "~/lib/errors";
import { type PdfBlock, type PdfRun, renderPdf } from "~/lib/pdf.server";
import curriculumSource from "../../../courseware/train-the-trainer/curriculum.md?raw";
import tutorManualSource from "../../../courseware/train-the-trainer/tutor-manual.md?raw";
import workbookSource from "../../../courseware/train-the-trainer/workbook.md?raw";

/** The documents, in the order the programme page lists them; the slug is the URL's name. */
export const TTT_DOCUMENTS = ["curriculum", "tutor-manual", "workbook"] as const;
export type TttDocumentSlug = (typeof TTT_DOCUMENTS)[number];

const SOURCES: Record<TttDocumentSlug, string> = {
  curriculum: curriculumSource,
  "tutor-manual": tutorManualSource,
  workbook: workbookSource,
};

export const TTT_LICENCE = {
  name: "Creative Commons Attribution-ShareAlike 4.0 International (CC BY-SA 4.0)",
  url: "https://creativecommons.org/licenses/by-sa/4.0/",
} as const;

/** The programme's name, the part of every document's `# ` title before ": ". */
export const TTT_PROGRAMME = "Train-the-Trainer — working with micro-enterprises";

/** The most writing lines one `write` block may ask for (they must fit on one page). */
export const MAX_WRITING_LINES = 25;

export type DocumentRun = PdfRun;
/** Inline Markdown source (for the page) and its runs of text (for the PDF). */
export type DocumentText = { source: string; runs: DocumentRun[] };

export type DocumentBlock =
  | { type: "heading"; level: 2 | 3 | 4; text: string; id: string }
  | { type: "paragraph"; text: DocumentText }
  | { type: "list"; ordered: boolean; items: DocumentText[] }
  | { type: "table"; header: DocumentText[]; rows: DocumentText[][] }
  | { type: "write"; lines: number };

export type CoursewareModule = { number: number; title: string; id: string };

export type ParsedDocument = {
  /** The whole `# ` title, e.g. "Train-the-Trainer — working with micro-enterprises: Curriculum". */
  title: string;
  /** The part after the programme's name: "Curriculum", "Tutor manual", "Learner workbook". */
  name: string;
  blocks: DocumentBlock[];
  /** The `## Module N — Title` sections, in order. */
  modules: CoursewareModule[];
};

export type TttDocument = ParsedDocument & {
  slug: TttDocumentSlug;
  /** Safe HTML of the blocks, for `dangerouslySetInnerHTML`. */
  html: string;
  /** Word count of the text, for "about N minutes of reading". */
  words: number;
};

const MODULE_HEADING = /^Module (\d+) — (.+)$/;
const WRITE_INFO = /^write (\d+)$/;

const parser = new MarkdownItParser("commonmark", { html: false, linkify: false }).enable("table");

/** Whether `slug` names one of the documents. */
export function isTttDocument(slug: string): slug is TttDocumentSlug {
  return (TTT_DOCUMENTS as readonly string[]).includes(slug);
}

/**
 * Parses a courseware document. Throws an Error that says what is wrong when the file uses
 * Markdown the documents do not (quotes, nested lists, code, images, a second `# `). Raw HTML
 * is not markup here: it stays text.
 */
export function parseDocument(source: string): ParsedDocument {
  const tokens = parser.parse(source.replace(/\r\n?/g, "\n"), {});
  const blocks: DocumentBlock[] = [];
  const ids = new Set<string>();
  let title: string | undefined;
  const fail = (token: Token, message: string): never => {
    const line = token.map ? `line ${token.map[0] + 1}: ` : "";
    throw new Error(`${line}${message}`);
  };

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case "heading_open": {
        const level = Number(token.tag.slice(1));
        const text = plainText(tokens[i + 1]);
        i += 2;
        if (level === 1) {
          if (title !== undefined) fail(token, "a document has one `# ` title");
          title = text;
          break;
        }
        if (title === undefined) fail(token, "the `# ` title comes first");
        if (level > 4) fail(token, "headings go down to `#### `");
        blocks.push({ type: "heading", level: level as 2 | 3 | 4, text, id: uniqueId(text, ids) });
        break;
      }
      case "paragraph_open":
        blocks.push({ type: "paragraph", text: documentText(tokens[i + 1]) });
        i += 2;
        break;
      case "bullet_list_open":
      case "ordered_list_open": {
        const items: DocumentText[] = [];
        const close = token.type.replace("_open", "_close");
        i++;
        for (; tokens[i].type !== close; i++) {
          const inner = tokens[i];
          if (inner.type === "bullet_list_open" || inner.type === "ordered_list_open") {
            fail(inner, "lists are not nested in the documents");
          }
          if (inner.type === "list_item_open") items.push({ source: "", runs: [] });
          if (inner.type === "inline") {
            const item = items[items.length - 1];
            const text = documentText(inner);
            // Paragraphs of one item run on as one text.
            item.source = item.source ? `${item.source} ${text.source}` : text.source;
            item.runs = item.runs.length ? [...item.runs, { text: " " }, ...text.runs] : text.runs;
          }
        }
        const start = Number(token.attrGet("start") ?? "1");
        if (token.type === "ordered_list_open" && start !== 1) {
          fail(token, "numbered lists start at 1");
        }
        blocks.push({ type: "list", ordered: token.type === "ordered_list_open", items });
        break;
      }
      case "table_open": {
        const rows: DocumentText[][] = [];
        for (i++; tokens[i].type !== "table_close"; i++) {
          if (tokens[i].type === "tr_open") rows.push([]);
          if (tokens[i].type === "inline") rows[rows.length - 1].push(documentText(tokens[i]));
        }
        const [header, ...body] = rows;
        blocks.push({ type: "table", header, rows: body });
        break;
      }
      case "fence": {
        const match = WRITE_INFO.exec(token.info.trim());
        if (!match) fail(token, "the only fenced block is ```write N (space to write)");
        const lines = Number(match?.[1]);
        if (lines < 1 || lines > MAX_WRITING_LINES) {
          fail(token, `a write block has 1 to ${MAX_WRITING_LINES} lines`);
        }
        if (token.content.trim() !== "") fail(token, "a write block is empty");
        blocks.push({ type: "write", lines });
        break;
      }
      default:
        fail(token, `${token.type.replace("_open", "")} is not used in the documents`);
    }
  }
  if (title === undefined) throw new Error("the document has no `# ` title");
  const name = title.startsWith(`${TTT_PROGRAMME}: `)
    ? title.slice(TTT_PROGRAMME.length + 2)
    : title;
  const modules: CoursewareModule[] = [];
  for (const block of blocks) {
    if (block.type !== "heading" || block.level !== 2) continue;
    const match = MODULE_HEADING.exec(block.text);
    if (match) modules.push({ number: Number(match[1]), title: match[2], id: block.id });
  }
  return { title, name, blocks, modules };
}

/** Safe HTML of a parsed document's blocks. */
export function documentHtml(blocks: DocumentBlock[]): string {
  return blocks.map(blockHtml).join("\n");
}

function blockHtml(block: DocumentBlock): string {
  switch (block.type) {
    case "heading":
      return `<h${block.level} id="${block.id}">${escapeHtml(block.text)}</h${block.level}>`;
    case "paragraph":
      return `<p>${inlineHtml(block.text)}</p>`;
    case "list": {
      const tag = block.ordered ? "ol" : "ul";
      const items = block.items.map((item) => `<li>${inlineHtml(item)}</li>`).join("");
      return `<${tag}>${items}</${tag}>`;
    }
    case "table": {
      const head = block.header.map((cell) => `<th scope="col">${inlineHtml(cell)}</th>`);
      const body = block.rows.map(
        (row) => `<tr>${row.map((cell) => `<td>${inlineHtml(cell)}</td>`).join("")}</tr>`,
      );
      return `<div class="table-wrap"><table><thead><tr>${head.join("")}</tr></thead><tbody>${body.join("")}</tbody></table></div>`;
    }
    case "write":
      return `<p class="muted" data-write-lines="${block.lines}">${escapeHtml(writingSpaceNote(block.lines))}</p>`;
  }
}

/** What the page shows where the printed workbook leaves space to write. */
export function writingSpaceNote(lines: number): string {
  return `[Space to write in the printed workbook: ${lines} ${lines === 1 ? "line" : "lines"}.]`;
}

/** The PDF's blocks: `## ` sections start a page; forms are boxed; writing space is ruled. */
export function documentPdfBlocks(blocks: DocumentBlock[]): PdfBlock[] {
  return blocks.map(pdfBlock);
}

function pdfBlock(block: DocumentBlock): PdfBlock {
  switch (block.type) {
    case "heading":
      return {
        type: "heading",
        text: block.text,
        level: (block.level - 1) as 1 | 2 | 3,
        newPage: block.level === 2,
      };
    case "paragraph":
      return { type: "paragraph", text: block.text.runs };
    case "list":
      return { type: "list", ordered: block.ordered, items: block.items.map((i) => i.runs) };
    case "table": {
      const rows = [block.header, ...block.rows].map((row) => row.map(runsText));
      return {
        type: "table",
        grid: true,
        writable: isForm(rows.slice(1)),
        rows,
        widths: columnWidths(rows),
      };
    }
    case "write":
      return { type: "lines", count: block.lines };
  }
}

const documents = new Map<TttDocumentSlug, TttDocument>();
const pdfs = new Map<TttDocumentSlug, Promise<Buffer>>();

/** A document, parsed and rendered once per process. Unknown slug → 404. */
export function readTttDocument(slug: string): TttDocument {
  if (!isTttDocument(slug)) throw notFound("ttt.notFound");
  let document = documents.get(slug);
  if (!document) {
    const parsed = parseDocument(SOURCES[slug]);
    document = {
      ...parsed,
      slug,
      html: documentHtml(parsed.blocks),
      words: countWords(SOURCES[slug]),
    };
    documents.set(slug, document);
  }
  return document;
}

/**
 * The document as a PDF (A4: cover, contents with links, page numbers), made once per process.
 * Unknown slug → 404.
 */
export function tttDocumentPdf(slug: string): Promise<Buffer> {
  const document = readTttDocument(slug);
  let pdf = pdfs.get(document.slug);
  if (!pdf) {
    pdf = renderPdf({
      title: document.title,
      language: "en",
      author: "Synergy",
      cover: {
        title: TTT_PROGRAMME,
        subtitle: document.name,
        lines: [
          "Synergy — micro social networks of small business owners and training providers",
          `Licence: ${TTT_LICENCE.name}, ${TTT_LICENCE.url}`,
          "You may copy, adapt and share this document, also commercially, if you name the source and share your changes under the same licence.",
        ],
      },
      contents: "Contents",
      footer: `${TTT_PROGRAMME} · ${document.name} · CC BY-SA 4.0`,
      blocks: documentPdfBlocks(document.blocks),
    });
    // A failed rendering is not kept: the next request tries again.
    pdf.catch(() => pdfs.delete(document.slug));
    pdfs.set(document.slug, pdf);
  }
  return pdf;
}

/** The download's file name: `train-the-trainer-<slug>.pdf`. */
export function tttPdfFilename(slug: TttDocumentSlug): string {
  return `train-the-trainer-${slug}.pdf`;
}

// ---------------------------------------------------------------------------------------------

function documentText(inline: Token): DocumentText {
  // Lines of a paragraph are wrapped in the file; on the page and in the PDF they run on.
  return { source: inline.content.replace(/\s*\n\s*/g, " "), runs: runsOf(inline) };
}

function runsOf(inline: Token): DocumentRun[] {
  const runs: DocumentRun[] = [];
  let bold = 0;
  let italic = 0;
  const push = (text: string) => {
    const last = runs[runs.length - 1];
    const style = { bold: bold > 0, italic: italic > 0 };
    if (last && Boolean(last.bold) === style.bold && Boolean(last.italic) === style.italic) {
      last.text += text;
    } else {
      runs.push({
        text,
        ...(style.bold ? { bold: true } : {}),
        ...(style.italic ? { italic: true } : {}),
      });
    }
  };
  for (const child of inline.children ?? []) {
    if (child.type === "strong_open") bold++;
    else if (child.type === "strong_close") bold--;
    else if (child.type === "em_open") italic++;
    else if (child.type === "em_close") italic--;
    else if (child.type === "softbreak" || child.type === "hardbreak") push(" ");
    else if (child.type === "image") throw new Error("images are not used in the documents");
    else if (child.content) push(child.content);
  }
  return runs;
}

function plainText(inline: Token): string {
  return runsText(runsOf(inline));
}

function runsText(text: DocumentText | DocumentRun[]): string {
  const runs = Array.isArray(text) ? text : text.runs;
  return runs.map((run) => run.text).join("");
}

/**
 * Inline HTML through the one Markdown renderer. It writes a paragraph; the text here is one
 * line of inline Markdown, so the paragraph's tags are taken off. Text that the renderer would
 * read as a block of its own (a line starting "1. " or "> ") is written as plain text instead.
 */
function inlineHtml(text: DocumentText): string {
  if (text.source === "") return "";
  const html = renderMarkdown(text.source);
  const inner = html.startsWith("<p>") && html.endsWith("</p>") ? html.slice(3, -4) : null;
  return inner !== null && !inner.includes("<p>") ? inner : escapeHtml(runsText(text));
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (char) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char,
  );
}

function uniqueId(text: string, ids: Set<string>): string {
  const base =
    text
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "section";
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  ids.add(id);
  return id;
}

/** A table is a form to fill in when a whole row or a whole column of its body is empty. */
function isForm(body: string[][]): boolean {
  const blank = (cell: string | undefined) => (cell ?? "").trim() === "";
  if (body.some((row) => row.every(blank))) return true;
  const columns = body[0]?.length ?? 0;
  return Array.from({ length: columns }, (_, c) => c).some(
    (column) => body.length > 0 && body.every((row) => blank(row[column])),
  );
}

/**
 * Column widths (fractions) from how much text each column holds; a column that is empty below
 * its header is for writing and gets a fair share of the page.
 */
function columnWidths(rows: string[][]): number[] {
  const columns = rows[0]?.length ?? 0;
  const weights = Array.from({ length: columns }, (_, column) => {
    const cells = rows.map((row) => row[column] ?? "");
    const body = cells.slice(1);
    if (body.length > 0 && body.every((cell) => cell.trim() === "")) {
      // A heading of a few characters ("1", "2", "3") is a column of boxes to tick.
      return cells[0].length <= 3 ? 5 : Math.max(35, Math.min(cells[0].length, 60));
    }
    const longest = Math.max(...cells.map((cell) => cell.length));
    // Wide enough for its longest word ("0:00–0:20") on one line.
    const word = Math.max(...cells.flatMap((cell) => cell.split(/\s+/).map((w) => w.length)));
    return Math.max(6, word * 1.4, Math.min(longest, 70));
  });
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

function countWords(source: string): number {
  return source.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}
