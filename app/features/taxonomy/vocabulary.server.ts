import countries from "i18n-iso-countries";
import de from "i18n-iso-countries/langs/de.json";
import el from "i18n-iso-countries/langs/el.json";
import en from "i18n-iso-countries/langs/en.json";
import fi from "i18n-iso-countries/langs/fi.json";
import it from "i18n-iso-countries/langs/it.json";
import ro from "i18n-iso-countries/langs/ro.json";
import type { Locale } from "~/i18n/i18n";
import { naceDivisions, naceSections } from "./data/nace";
import { naceSectionPlainNames } from "./data/nace-plain";
import { topics } from "./data/topics";
import { commonLanguageCodes, languageCodes } from "./languages";
import { consortiumCountries, type Topic, topicGroups } from "./types";

for (const data of [en, de, el, fi, it, ro]) countries.registerLocale(data);

import type { Option } from "./types";

export type { Option };

const topicBySlug = new Map<string, Topic>(topics.map((t) => [t.slug, t]));
const countryCodes = Object.keys(countries.getAlpha2Codes());

export function isTopic(slug: string): boolean {
  return topicBySlug.has(slug);
}
export function isCountry(code: string): boolean {
  return countries.isValid(code) && code.length === 2 && code === code.toUpperCase();
}
export function isLanguage(code: string): boolean {
  return (languageCodes as readonly string[]).includes(code);
}
export function isNaceDivision(code: string): boolean {
  return naceDivisions.some((d) => d.code === code);
}
export function isNaceSection(code: string): boolean {
  return naceSections.some((s) => s.code === code);
}
/** The NACE section a division belongs to ("47" → "G"). */
export function naceSectionOf(division: string): string | undefined {
  return naceDivisions.find((d) => d.code === division)?.section;
}

/** A country's name in the page language (ISO 3166-1 alpha-2 → "Ελλάδα"). */
export function countryName(code: string | null | undefined, locale: Locale): string {
  if (!code) return "";
  return (
    countries.getName(code, locale, { select: "alias" }) ?? countries.getName(code, "en") ?? code
  );
}

const languageNamesCache = new Map<Locale, Intl.DisplayNames>();
/** A language's name in the page language (ISO 639-1 → "Finnisch"). */
export function languageName(code: string, locale: Locale): string {
  let names = languageNamesCache.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: "language" });
    languageNamesCache.set(locale, names);
  }
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

export function topicLabel(slug: string, locale: Locale): string {
  return topicBySlug.get(slug)?.label[locale] ?? slug;
}
export function topicEscoUri(slug: string): string | undefined {
  return topicBySlug.get(slug)?.escoUri;
}

const collators = new Map<Locale, Intl.Collator>();
function collator(locale: Locale): Intl.Collator {
  let found = collators.get(locale);
  if (!found) {
    found = new Intl.Collator(locale);
    collators.set(locale, found);
  }
  return found;
}

/**
 * Option lists are the same for every request in a language and cost thousands of
 * comparisons to sort, so each is built once per language and shared (read-only).
 */
function memoPerLocale<T>(build: (locale: Locale) => T): (locale: Locale) => T {
  const cache = new Map<Locale, T>();
  return (locale) => {
    let value = cache.get(locale);
    if (value === undefined) {
      value = build(locale);
      cache.set(locale, value);
    }
    return value;
  };
}

/** Countries for pickers: the seven consortium countries first, then all others A–Z. */
export const countryOptions = memoPerLocale((locale: Locale): Option[] => {
  const first = consortiumCountries.map((c) => ({ value: c, label: countryName(c, locale) }));
  const rest = countryCodes
    .filter((c) => !(consortiumCountries as readonly string[]).includes(c))
    .map((c) => ({ value: c, label: countryName(c, locale) }))
    .sort((a, b) => collator(locale).compare(a.label, b.label));
  return [...first, ...rest];
});

/** Languages for pickers: the common ones first, then the rest of ISO 639-1 A–Z. */
export const languageOptions = memoPerLocale((locale: Locale): Option[] => {
  const first = commonLanguageCodes.map((c) => ({ value: c, label: languageName(c, locale) }));
  const rest = languageCodes
    .filter((c) => !commonLanguageCodes.includes(c))
    .map((c) => ({ value: c, label: languageName(c, locale) }))
    .sort((a, b) => collator(locale).compare(a.label, b.label));
  return [...first, ...rest];
});

/** Topics grouped for checkbox pickers, labels in the page language. */
export const topicGroupsFor = memoPerLocale((locale: Locale) => {
  return topicGroups.map((group) => ({
    group,
    topics: topics
      .filter((t) => t.group === group)
      .map((t) => ({ value: t.slug, label: t.label[locale] }))
      .sort((a, b) => collator(locale).compare(a.label, b.label)),
  }));
});

export const topicOptions = memoPerLocale((locale: Locale): Option[] => {
  return topics
    .map((t) => ({ value: t.slug, label: t.label[locale] }))
    .sort((a, b) => collator(locale).compare(a.label, b.label));
});

export const naceSectionOptions = memoPerLocale((locale: Locale): Option[] => {
  return naceSections.map((s) => ({ value: s.code, label: `${s.code} · ${s.label[locale]}` }));
});

export const naceDivisionOptions = memoPerLocale((locale: Locale): Option[] => {
  return naceDivisions.map((d) => ({ value: d.code, label: `${d.code} · ${d.label[locale]}` }));
});

export function naceLabel(division: string | null, locale: Locale): string {
  if (!division) return "";
  const d = naceDivisions.find((x) => x.code === division);
  return d ? `${d.code} · ${d.label[locale]}` : division;
}

/**
 * A NACE division as people read it ("Retail trade, except of motor vehicles"): its title
 * without the code. Codes stay for pickers and the filters trainers use (naceLabel).
 */
export function sectorName(division: string | null, locale: Locale): string {
  if (!division) return "";
  return naceDivisions.find((x) => x.code === division)?.label[locale] ?? division;
}

/** A NACE section in everyday words ("G" → "Shops, trade and car repair"). */
export function sectorSectionName(section: string, locale: Locale): string {
  return (
    naceSectionPlainNames[section]?.[locale] ??
    naceSections.find((s) => s.code === section)?.label[locale] ??
    section
  );
}

/** Sectors for a search-as-you-type field: plain words A–Z, the division code as the value. */
export const sectorOptions = memoPerLocale((locale: Locale): Option[] => {
  return naceDivisions
    .map((d) => ({ value: d.code, label: d.label[locale] }))
    .sort((a, b) => collator(locale).compare(a.label, b.label));
});

/**
 * The division a sector field names: its plain words in any interface language (case and
 * spacing aside), its two-digit code, or "code · words" as the old pickers showed it.
 */
export function sectorFromWords(typed: string): string | undefined {
  const words = typed.trim().replace(/\s+/g, " ").toLowerCase();
  if (!words) return undefined;
  const code = words.match(/^(\d{2})(\s*·.*)?$/)?.[1];
  if (code) return isNaceDivision(code) ? code : undefined;
  return naceDivisions.find((d) =>
    Object.values(d.label).some((label) => label.toLowerCase() === words),
  )?.code;
}
