/** The interface languages (ISO 639-1), in the order the language switcher shows them. */
export const locales = ["en", "de", "el", "fi", "it", "ro"] as const;
export type Locale = (typeof locales)[number];

/** A label in every interface language. */
export type Localized = Record<Locale, string>;

export type NaceSection = { code: string; label: Localized };
export type NaceDivision = { code: string; section: string; label: Localized };

export type EqfLevel = {
  level: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  knowledge: Localized;
  skills: Localized;
  responsibility: Localized;
};

export type CompetenceArea = { id: string; label: Localized };
export type Competence = { id: string; area: string; label: Localized; description: Localized };

export const topicGroups = [
  "digital",
  "marketing",
  "finance",
  "management",
  "legal",
  "people",
  "sustainability",
  "international",
  "personal",
  "sector",
] as const;
export type TopicGroup = (typeof topicGroups)[number];

/** A training topic common to micro-enterprises; escoUri only where an ESCO concept truly fits. */
export type Topic = { slug: string; group: TopicGroup; label: Localized; escoUri?: string };

export const sizeBands = ["1", "2-4", "5-9"] as const;
export type SizeBand = (typeof sizeBands)[number];

export const providerTypes = [
  "vet_school",
  "college",
  "training_centre",
  "university",
  "chamber",
  "independent_trainer",
  "ngo",
] as const;
export type ProviderType = (typeof providerTypes)[number];

export const deliveryModes = ["face_to_face", "online", "blended"] as const;
export type DeliveryMode = (typeof deliveryModes)[number];

/** CEFR levels plus "native" for languages spoken. */
export const languageLevels = ["native", "C2", "C1", "B2", "B1", "A2", "A1"] as const;
export type LanguageLevel = (typeof languageLevels)[number];

/** The seven consortium countries (ISO 3166-1 alpha-2). */
export const consortiumCountries = ["IE", "CY", "FI", "DE", "GR", "IT", "RO"] as const;

/** A value and its label in the page language, for pickers. */
export type Option = { value: string; label: string };
