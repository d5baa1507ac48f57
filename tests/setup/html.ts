import { expect } from "vitest";
import de from "../../app/i18n/locales/de.json";
import el from "../../app/i18n/locales/el.json";
import en from "../../app/i18n/locales/en.json";

export const catalogues = { en, el, de } as Record<string, Record<string, string>>;

/** Text as React writes it into HTML. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#x27;");
}

/** Asserts that the page shows the catalogue message `key` (without ICU arguments). */
export function expectMessage(html: string, key: string, locale = "en") {
  const message = catalogues[locale][key];
  if (!message) throw new Error(`No catalogue key ${key} in ${locale}`);
  expect(html).toContain(escapeHtml(message));
}

export function expectNoMessage(html: string, key: string, locale = "en") {
  expect(html).not.toContain(escapeHtml(catalogues[locale][key]));
}
