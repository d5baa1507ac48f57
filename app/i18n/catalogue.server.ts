import { createTranslator, type Locale, type Messages, type Translate } from "./i18n";
import de from "./locales/de.json";
import el from "./locales/el.json";
import en from "./locales/en.json";
import fi from "./locales/fi.json";
import it from "./locales/it.json";
import ro from "./locales/ro.json";

/** Every catalogue, keyed by locale. English is the source the others translate. */
export const catalogues: Record<Locale, Messages> = { en, de, el, fi, it, ro };

/** The translator for a locale, on the server (loaders, actions, emails, error pages). */
export function translatorFor(locale: Locale): Translate {
  return createTranslator(locale, catalogues[locale]);
}
