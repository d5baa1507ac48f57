import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

describe("CSV export", () => {
  it("round-trips through an independent parser: quotes, commas, line breaks, Greek", () => {
    const rows = [
      ["name", "comment"],
      ['Maria "Mimi" Papadopoulou', "Good, but:\nmore time"],
      ["Γιώργος", "Καλή συνάντηση; ευχαριστώ"],
    ];
    const text = toCsv(rows);
    expect(text.startsWith("\uFEFF")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parse(text, { bom: true })).toEqual(rows);
  });

  it("keeps formulas as text with a leading apostrophe", () => {
    for (const danger of ["=1+1", "+49 30 1234", "-2", "@SUM(A1)", "\t=cmd"]) {
      expect(csvCell(danger).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    const [row] = parse(toCsv([['=HYPERLINK("http://evil","x")']]), { bom: true });
    expect(row[0]).toBe(`'=HYPERLINK("http://evil","x")`);
    // Our own numbers are not touched, and ordinary text is left alone.
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell("Anna")).toBe("Anna");
  });
});
