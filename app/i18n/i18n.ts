import { IntlMessageFormat } from "intl-messageformat";
import { type Locale, locales } from "~/features/taxonomy/types";

export { type Locale, locales };

import type english from "./locales/en.json";

/**
 * Every message key, from the English catalogue (the catalogue test keeps the other five in step).
 * A type-only import: the catalogue itself is loaded per locale at run time.
 */
export type MessageKey = keyof typeof english;
export type Messages = Record<string, string>;
export type TranslateValues = Record<string, string | number | Date>;
/**
 * What t() accepts for a key of type K: a catalogue key; a template such as `role.${string}` when
 * some key matches it (a typo in the fixed part is an error); or a plain `string` that came from
 * data (a form error, an error payload) and is looked up as it is.
 */
export type CheckedKey<K extends string> = string extends K
  ? K
  : [Extract<MessageKey, K>] extends [never]
    ? MessageKey
    : K;
// `const` makes a template such as `role.${kind}` typed as a template (`role.${string}`) rather than
// widened to string, so that it gets checked.
export type Translate = <const K extends string>(
  key: K & CheckedKey<K>,
  values?: TranslateValues,
) => string;

/** Names of the languages in themselves, for the language switcher. */
export const localeNames: Record<Locale, string> = {
  en: "English",
  de: "Deutsch",
  el: "Ελληνικά",
  fi: "Suomi",
  it: "Italiano",
  ro: "Română",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * Picks the best supported locale from an Accept-Language header
 * ("el-GR,el;q=0.9,en;q=0.8" → "el"); English when nothing matches.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return "en";
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag, ...params] = part.trim().split(";");
      const q = params.find((p) => p.trim().startsWith("q="));
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    const base = tag.split("-")[0];
    if (isLocale(base)) return base;
  }
  return "en";
}

const formatCache = new Map<string, IntlMessageFormat>();

/** Makes t(key, values) for one locale: ICU messages, plurals and dates per locale. */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  return (key: string, values?: TranslateValues) => {
    const message = messages[key];
    if (message === undefined) return key;
    if (!values && !message.includes("{")) return message;
    const cacheKey = `${locale}\u0000${key}`;
    let format = formatCache.get(cacheKey);
    if (!format || (format as unknown as { message?: string }).message !== message) {
      format = new IntlMessageFormat(message, locale);
      (format as unknown as { message?: string }).message = message;
      formatCache.set(cacheKey, format);
    }
    try {
      return String(format.format(values));
    } catch {
      // A value the message needs is missing: show the message rather than fail the page.
      return message;
    }
  };
}
