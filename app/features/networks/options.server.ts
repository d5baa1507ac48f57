import {
  countryOptions,
  languageOptions,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import type { Locale } from "~/i18n/i18n";

/** Picker options for the network form in the page language. */
export function networkFormOptions(locale: Locale) {
  return {
    countries: countryOptions(locale).slice(0, 60),
    languages: languageOptions(locale).slice(0, 30),
    topics: topicOptions(locale),
  };
}
