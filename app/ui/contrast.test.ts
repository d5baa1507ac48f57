import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The palette in app.css keeps WCAG AA contrast in light and dark: this reads the tokens from
 * the stylesheet itself (so a changed colour is checked) and computes the contrast ratios of
 * every pair the components use.
 */
const css = fs.readFileSync(path.resolve(__dirname, "../app.css"), "utf8");

function tokensIn(block: string): Record<string, string> {
  const tokens: Record<string, string> = {};
  for (const m of block.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)) {
    tokens[m[1]] = m[2].toLowerCase();
  }
  return tokens;
}

function blockAfter(marker: string): string {
  const start = css.indexOf(marker);
  if (start < 0) throw new Error(`No ${marker} in app.css`);
  const open = css.indexOf("{", start + marker.length);
  let depth = 0;
  for (let i = open; i < css.length; i++) {
    if (css[i] === "{") depth++;
    if (css[i] === "}" && --depth === 0) return css.slice(open + 1, i);
  }
  throw new Error("Unbalanced braces in app.css");
}

const light = tokensIn(blockAfter(":root"));
const dark = { ...light, ...tokensIn(blockAfter("@media (prefers-color-scheme: dark)")) };

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** [foreground, background, minimum]: 4.5 for text, 3 for control borders and focus rings. */
const pairs: [string, string, number][] = [
  ["text", "bg", 4.5],
  ["text", "surface", 4.5],
  ["text", "surface-2", 4.5],
  ["muted", "bg", 4.5],
  ["muted", "surface", 4.5],
  ["muted", "surface-2", 4.5],
  ["link", "bg", 4.5],
  ["link", "surface", 4.5],
  ["link", "accent-soft", 4.5],
  ["text", "accent-soft", 4.5],
  ["accent-contrast", "accent", 4.5],
  ["accent-contrast", "accent-strong", 4.5],
  ["warn-text", "warn-bg", 4.5],
  ["error", "surface", 4.5],
  ["error", "bg", 4.5],
  ["error", "error-bg", 4.5],
  ["text", "error-bg", 4.5],
  ["text", "success-bg", 4.5],
  ["danger-contrast", "error", 4.5],
  ["border-strong", "surface", 3],
  ["border-strong", "bg", 3],
  ["muted", "surface", 3],
  ["accent", "surface", 3],
  ["focus", "bg", 3],
  ["focus", "surface", 3],
];

describe("colour tokens", () => {
  it("computes contrast as WCAG does", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
  });

  for (const [scheme, tokens] of [
    ["light", light],
    ["dark", dark],
  ] as const) {
    it(`keeps AA contrast in ${scheme}`, () => {
      const failures = pairs
        .map(([fg, bg, min]) => {
          if (!tokens[fg] || !tokens[bg]) return `${fg} on ${bg}: token missing`;
          const ratio = contrastRatio(tokens[fg], tokens[bg]);
          return ratio >= min ? null : `${fg} on ${bg}: ${ratio.toFixed(2)} < ${min}`;
        })
        .filter(Boolean);
      expect(failures).toEqual([]);
    });
  }
});
