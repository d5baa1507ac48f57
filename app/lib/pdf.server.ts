import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * Printable PDFs (the audit report; issue 11's certificates). Text is set in Noto Sans, embedded
 * from the @expo-google-fonts/noto-sans package (SIL Open Font License), whose glyphs cover the
 * Latin, Greek and Cyrillic scripts of every catalogue; pdfkit subsets it and writes a ToUnicode
 * map, so the text can be searched and copied. A document is a list of blocks laid out from the
 * top, page after page.
 */

const require = createRequire(import.meta.url);
const fonts = {
  regular: require.resolve("@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf"),
  bold: require.resolve("@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf"),
  italic: require.resolve(
    "@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf",
  ),
  boldItalic: require.resolve(
    "@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf",
  ),
};

/** A piece of text in one style, for paragraphs and list items with emphasis. */
export type PdfRun = { text: string; bold?: boolean; italic?: boolean };

export type PdfBlock =
  | {
      type: "heading";
      text: string;
      level?: 1 | 2 | 3;
      /** Start the heading on a new page (chapters of a long document). */
      newPage?: boolean;
    }
  | { type: "paragraph"; text: string | PdfRun[]; muted?: boolean }
  /** Items as plain strings, or as runs with emphasis; `ordered` numbers them 1, 2, 3. */
  | { type: "list"; items: (string | PdfRun[])[]; ordered?: boolean }
  /**
   * A table of text cells; the first row is the header. Columns after the first align right,
   * unless `grid`: then every cell is boxed and left-aligned. With `writable` (a form to fill in
   * by hand), a row with an empty cell is tall enough to write in.
   */
  | { type: "table"; rows: string[][]; widths?: number[]; grid?: boolean; writable?: boolean }
  /** Ruled lines to write on by hand. */
  | { type: "lines"; count: number };

export type PdfDocument = {
  title: string;
  /** BCP 47 language of the text (the reader's language). */
  language: string;
  author?: string;
  /** A first page of its own: the title, a subtitle, and lines such as the licence. */
  cover?: { title: string; subtitle?: string; lines?: string[] };
  /** Writes this text and "n / N" (the page number) at the foot of every page after the cover. */
  footer?: string;
  /**
   * A contents page after the cover, with this heading: every level-1 heading with its page
   * number, each line a link to its page.
   */
  contents?: string;
  blocks: PdfBlock[];
};

const MARGIN = 56;
/** Space between two writing lines, and the height of a table row left empty to write in. */
const WRITING_LINE = 22;
const WRITING_ROW = 44;

/** How many blocks are laid out before other work on the server gets a turn. */
const BLOCKS_PER_TURN = 20;

/**
 * Renders the document to a PDF file's bytes (A4). A long document (the 25-page workbook) takes
 * seconds to lay out on a small server, so the layout yields to other requests every few blocks
 * (measured: the longest stretch without a turn fell from the whole rendering to under 0.5 s).
 */
export async function renderPdf(document: PdfDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: document.language,
    displayTitle: true,
    info: { Title: document.title, Author: document.author ?? "Synergy", Creator: "Synergy" },
    // Page numbers ("page n of N") are written once the number of pages is known.
    bufferPages: document.footer !== undefined || document.contents !== undefined,
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  doc.registerFont("italic", fonts.italic);
  doc.registerFont("boldItalic", fonts.boldItalic);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  if (document.cover) drawCover(doc, document.cover, width);
  const firstNumbered = document.cover ? 1 : 0;
  const contentsPage = document.contents === undefined ? undefined : currentPage(doc);
  if (contentsPage !== undefined) doc.addPage();
  const chapters: { text: string; page: number; destination: string }[] = [];
  let chapter: PDFKit.PDFOutline | undefined;
  for (const [index, block] of document.blocks.entries()) {
    if (index > 0 && index % BLOCKS_PER_TURN === 0) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (block.type === "heading") {
      const level = block.level ?? 1;
      // A heading never sits alone at the foot of a page.
      if (block.newPage ? doc.y > MARGIN : doc.y > doc.page.height - MARGIN - 96) doc.addPage();
      doc.moveDown(level === 1 ? 0.3 : 0.8);
      if (level === 1 && contentsPage !== undefined) {
        const destination = `chapter-${chapters.length + 1}`;
        doc.addNamedDestination(destination, "XYZ", 0, doc.page.height - doc.y + 12, null);
        chapters.push({ text: block.text, page: currentPage(doc), destination });
      }
      doc
        .font("bold")
        .fontSize(level === 1 ? 18 : level === 2 ? 13 : 11.5)
        .fillColor("#111111")
        .text(block.text, MARGIN, doc.y, { width });
      doc.moveDown(0.3);
      if (level === 1) chapter = doc.outline.addItem(block.text);
      else if (level === 2) (chapter ?? doc.outline).addItem(block.text);
    } else if (block.type === "paragraph") {
      doc.fillColor(block.muted ? "#555555" : "#111111");
      writeRuns(doc, typeof block.text === "string" ? [{ text: block.text }] : block.text, width);
      doc.moveDown(0.4);
    } else if (block.type === "list") {
      if (!block.ordered && block.items.every((item) => typeof item === "string")) {
        doc
          .font("regular")
          .fontSize(10.5)
          .fillColor("#111111")
          .list(block.items as string[], { width, bulletRadius: 2 });
      } else {
        drawList(doc, block.items, block.ordered ?? false, width);
      }
      doc.moveDown(0.4);
    } else if (block.type === "lines") {
      drawLines(doc, block.count, width);
    } else if (block.grid) {
      drawGrid(doc, block.rows, block.widths, width, block.writable ?? false);
    } else {
      drawTable(doc, block.rows, block.widths, width);
    }
  }
  if (contentsPage !== undefined) {
    drawContents(doc, document.contents ?? "", contentsPage, firstNumbered, chapters, width);
  }
  if (document.footer !== undefined)
    drawFooters(doc, document.footer, document.cover !== undefined);
  doc.end();
  return done;
}

/** The index of the page being written (pages are buffered, so it is the last one). */
function currentPage(doc: PDFKit.PDFDocument): number {
  const range = doc.bufferedPageRange();
  return range.start + range.count - 1;
}

/** Fills the page kept for the contents: each chapter, a link to it, and its page number. */
function drawContents(
  doc: PDFKit.PDFDocument,
  heading: string,
  page: number,
  firstNumbered: number,
  chapters: { text: string; page: number; destination: string }[],
  width: number,
) {
  doc.switchToPage(page);
  doc.font("bold").fontSize(18).fillColor("#111111").text(heading, MARGIN, MARGIN, { width });
  doc.moveDown(0.8);
  doc.font("regular").fontSize(11);
  const numberWidth = 40;
  for (const chapter of chapters) {
    // One page of contents: what does not fit is left to the PDF's bookmarks.
    if (doc.y + 2 * doc.currentLineHeight(true) > doc.page.height - MARGIN) break;
    const top = doc.y;
    doc.text(chapter.text, MARGIN, top, { width: width - numberWidth, goTo: chapter.destination });
    const bottom = doc.y;
    doc.text(String(chapter.page - firstNumbered + 1), MARGIN + width - numberWidth, top, {
      width: numberWidth,
      align: "right",
      goTo: chapter.destination,
    });
    doc.y = bottom;
    doc.moveDown(0.35);
  }
}

function fontOf(run: PdfRun): string {
  if (run.bold) return run.italic ? "boldItalic" : "bold";
  return run.italic ? "italic" : "regular";
}

/** Writes runs as one paragraph from the left margin (pdfkit's `continued` joins them). */
function writeRuns(doc: PDFKit.PDFDocument, runs: PdfRun[], width: number, x = MARGIN) {
  const pieces = runs.filter((run) => run.text !== "");
  if (pieces.length === 0) return;
  doc.fontSize(10.5);
  pieces.forEach((run, index) => {
    doc.font(fontOf(run));
    const options = { width, continued: index < pieces.length - 1 };
    if (index === 0) doc.text(run.text, x, doc.y, options);
    else doc.text(run.text, options);
  });
  doc.x = MARGIN;
}

function drawCover(
  doc: PDFKit.PDFDocument,
  cover: NonNullable<PdfDocument["cover"]>,
  width: number,
) {
  doc.y = doc.page.height * 0.3;
  doc.font("bold").fontSize(26).fillColor("#111111").text(cover.title, MARGIN, doc.y, { width });
  if (cover.subtitle) {
    doc.moveDown(0.6);
    doc.font("regular").fontSize(18).fillColor("#333333").text(cover.subtitle, { width });
  }
  doc.moveDown(2);
  doc.font("regular").fontSize(10.5).fillColor("#555555");
  for (const line of cover.lines ?? []) {
    doc.text(line, { width });
    doc.moveDown(0.3);
  }
  doc.fillColor("#111111");
  doc.addPage();
}

function drawList(
  doc: PDFKit.PDFDocument,
  items: (string | PdfRun[])[],
  ordered: boolean,
  width: number,
) {
  const indent = ordered ? 20 : 14;
  doc.fillColor("#111111").fontSize(10.5);
  items.forEach((item, index) => {
    if (doc.y + doc.currentLineHeight(true) > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    doc.font("regular").text(ordered ? `${index + 1}.` : "•", MARGIN, top, {
      width: indent,
      lineBreak: false,
    });
    doc.y = top;
    writeRuns(
      doc,
      typeof item === "string" ? [{ text: item }] : item,
      width - indent,
      MARGIN + indent,
    );
    doc.moveDown(0.15);
  });
}

function drawLines(doc: PDFKit.PDFDocument, count: number, width: number) {
  if (doc.y + count * WRITING_LINE > doc.page.height - MARGIN) doc.addPage();
  doc.lineWidth(0.5).strokeColor("#9a9a9a");
  for (let line = 1; line <= count; line++) {
    const y = doc.y + line * WRITING_LINE;
    doc
      .moveTo(MARGIN, y)
      .lineTo(MARGIN + width, y)
      .stroke();
  }
  doc.x = MARGIN;
  doc.y += count * WRITING_LINE + 12;
}

/** Every cell boxed and left-aligned; in a form, a row with an empty cell has room to write. */
function drawGrid(
  doc: PDFKit.PDFDocument,
  rows: string[][],
  widths: number[] | undefined,
  total: number,
  writable: boolean,
) {
  const columns = rows[0]?.length ?? 0;
  if (columns === 0) return;
  const sizes = (widths ?? Array.from({ length: columns }, () => 1 / columns)).map(
    (f) => f * total,
  );
  doc.lineWidth(0.6).strokeColor("#777777");
  rows.forEach((row, index) => {
    const header = index === 0;
    doc
      .font(header ? "bold" : "regular")
      .fontSize(9.5)
      .fillColor("#111111");
    const heights = row.map((cell, i) => doc.heightOfString(cell, { width: sizes[i] - 8 }));
    const empty = writable && !header && row.some((cell) => cell.trim() === "");
    const height = Math.max(...heights, empty ? WRITING_ROW : 0) + 8;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      if (header) doc.rect(x, top, sizes[i], height).fillAndStroke("#eeeeee", "#777777");
      else doc.rect(x, top, sizes[i], height).stroke();
      doc.fillColor("#111111").text(cell, x + 4, top + 4, { width: sizes[i] - 8 });
      x += sizes[i];
    });
    doc.x = MARGIN;
    doc.y = top + height;
  });
  doc.moveDown(0.8);
}

function drawFooters(doc: PDFKit.PDFDocument, footer: string, hasCover: boolean) {
  const range = doc.bufferedPageRange();
  const first = hasCover ? 1 : 0;
  const count = range.count - first;
  for (let index = first; index < range.count; index++) {
    doc.switchToPage(range.start + index);
    // Writing below the bottom margin would start a new page; the footer sits in the margin.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - MARGIN / 2 - 6;
    const width = doc.page.width - 2 * MARGIN;
    doc.font("regular").fontSize(8.5).fillColor("#555555");
    doc.text(footer, MARGIN, y, { width: width * 0.85, lineBreak: false, height: 12 });
    doc.text(`${index - first + 1} / ${count}`, MARGIN + width * 0.85, y, {
      width: width * 0.15,
      align: "right",
      lineBreak: false,
    });
    doc.page.margins.bottom = bottom;
  }
}

function drawTable(
  doc: PDFKit.PDFDocument,
  rows: string[][],
  widths: number[] | undefined,
  total: number,
) {
  const columns = rows[0]?.length ?? 0;
  if (columns === 0) return;
  const fractions = widths ?? [
    0.6,
    ...Array.from({ length: columns - 1 }, () => 0.4 / (columns - 1)),
  ];
  const sizes = fractions.map((f) => f * total);
  rows.forEach((row, index) => {
    doc
      .font(index === 0 ? "bold" : "regular")
      .fontSize(10)
      .fillColor("#111111");
    const heights = row.map((cell, i) => doc.heightOfString(cell, { width: sizes[i] - 6 }));
    const height = Math.max(...heights) + 6;
    if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
    const top = doc.y;
    let x = MARGIN;
    row.forEach((cell, i) => {
      doc.text(cell, x, top + 3, { width: sizes[i] - 6, align: i === 0 ? "left" : "right" });
      x += sizes[i];
    });
    doc
      .moveTo(MARGIN, top + height)
      .lineTo(MARGIN + total, top + height)
      .lineWidth(index === 0 ? 1 : 0.4)
      .strokeColor("#999999")
      .stroke();
    doc.x = MARGIN;
    doc.y = top + height;
  });
  doc.moveDown(0.6);
}
