/**
 * CSV for spreadsheets (decision 017, exports): RFC 4180 quoting, CRLF line ends, a UTF-8 byte
 * order mark so that Excel reads accents and Greek right, and a guard against formula
 * injection: a text cell starting with = + - @ (or a tab or carriage return, which Excel skips
 * before looking) gets a leading apostrophe, so a name like "=HYPERLINK(…)" stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: numbers as they are, text guarded and quoted when it must be. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A whole file: the BOM, then one CRLF-ended line per row. */
export function toCsv(rows: ReadonlyArray<ReadonlyArray<string | number | null | undefined>>) {
  return `\uFEFF${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
