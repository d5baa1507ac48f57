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
};

export type PdfBlock =
  | { type: "heading"; text: string; level?: 1 | 2 }
  | { type: "paragraph"; text: string; muted?: boolean }
  | { type: "list"; items: string[] }
  /** A table of text cells; the first row is the header. Columns after the first align right. */
  | { type: "table"; rows: string[][]; widths?: number[] };

export type PdfDocument = {
  title: string;
  /** BCP 47 language of the text (the reader's language). */
  language: string;
  author?: string;
  blocks: PdfBlock[];
};

const MARGIN = 56;

/** Renders the document to a PDF file's bytes (A4). */
export function renderPdf(document: PdfDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    lang: document.language,
    displayTitle: true,
    info: { Title: document.title, Author: document.author ?? "Synergy", Creator: "Synergy" },
  });
  doc.registerFont("regular", fonts.regular);
  doc.registerFont("bold", fonts.bold);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const width = doc.page.width - 2 * MARGIN;
  for (const block of document.blocks) {
    if (block.type === "heading") {
      doc.moveDown(block.level === 2 ? 0.8 : 0.3);
      doc
        .font("bold")
        .fontSize(block.level === 2 ? 13 : 18)
        .fillColor("#111111")
        .text(block.text, { width });
      doc.moveDown(0.3);
    } else if (block.type === "paragraph") {
      doc
        .font("regular")
        .fontSize(10.5)
        .fillColor(block.muted ? "#555555" : "#111111")
        .text(block.text, { width });
      doc.moveDown(0.4);
    } else if (block.type === "list") {
      doc
        .font("regular")
        .fontSize(10.5)
        .fillColor("#111111")
        .list(block.items, { width, bulletRadius: 2 });
      doc.moveDown(0.4);
    } else {
      drawTable(doc, block.rows, block.widths, width);
    }
  }
  doc.end();
  return done;
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
