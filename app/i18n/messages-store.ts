import type { Locale, Messages } from "./i18n";

/**
 * The catalogues this JavaScript runtime has loaded. The server has all six from the start; a
 * browser loads only its page's language (a separate, cacheable file) before it hydrates, and
 * another one when the language changes. Keeping catalogues out of the page data saves ~40 KB on
 * every page.
 */
const loaded = new Map<Locale, Messages>();

const importers: Record<Locale, () => Promise<{ default: Messages }>> = {
  en: () => import("./locales/en.json"),
  de: () => import("./locales/de.json"),
  el: () => import("./locales/el.json"),
  fi: () => import("./locales/fi.json"),
  it: () => import("./locales/it.json"),
  ro: () => import("./locales/ro.json"),
};

export function registerMessages(locale: Locale, messages: Messages): void {
  loaded.set(locale, messages);
}

/** The loaded catalogue of a language (empty until ensureMessages has run for it). */
export function messagesFor(locale: Locale): Messages {
  return loaded.get(locale) ?? {};
}

/** Loads a language's catalogue once. */
export async function ensureMessages(locale: Locale): Promise<void> {
  if (!loaded.has(locale)) registerMessages(locale, (await importers[locale]()).default);
}
