import { opportunityAreas, opportunityKinds, partnershipTypes } from "~/db/enums";
import { consortiumCountries, type Locale } from "~/features/taxonomy/types";
import {
  countryName,
  languageName,
  languageOptions,
  naceDivisionOptions,
  sectorName,
} from "~/features/taxonomy/vocabulary.server";
import { localeNames, locales } from "~/i18n/i18n";
import {
  checkOpportunity,
  myOrganisations,
  type OpportunityCardRow,
  type OpportunityRow,
} from "./opportunities.server";
import {
  ANYWHERE,
  type OpportunityForm,
  type OpportunityFormValues,
  opportunityFormSchema,
  opportunityFormValues,
} from "./schema";

/** The first error of each field of a failed parse (field → message key). */
export function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]) {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return errors;
}

/** Reads and checks the opportunity form: the form ready to store, or errors and the values typed. */
export function readOpportunityForm(
  raw: Record<string, unknown>,
):
  | { input: OpportunityForm; errors: null; values: OpportunityFormValues }
  | { input: null; errors: Record<string, string>; values: OpportunityFormValues } {
  const values = opportunityFormValues(raw);
  const parsed = opportunityFormSchema.safeParse(raw);
  if (!parsed.success) return { input: null, errors: fieldErrors(parsed.error.issues), values };
  const errors = checkOpportunity(parsed.data);
  if (Object.keys(errors).length > 0) return { input: null, errors, values };
  return { input: parsed.data, errors: null, values };
}

export function blankOpportunityForm(
  locale: Locale,
  organisationId: string,
): OpportunityFormValues {
  return {
    organisationId,
    kind: "",
    area: "",
    partnerships: [],
    language: locale,
    title: "",
    summary: "",
    description: "",
    naceDivision: "",
    targetCountries: [],
    languages: [locale],
    brings: "",
    seeks: "",
    deadline: "",
  };
}

export function opportunityValuesOf(row: OpportunityRow): OpportunityFormValues {
  return {
    organisationId: row.organisationId,
    kind: row.kind,
    area: row.area,
    partnerships: row.partnerships,
    language: row.language,
    title: row.title,
    summary: row.summary,
    description: row.description,
    naceDivision: row.naceDivision,
    targetCountries: row.targetCountries.length === 0 ? [ANYWHERE] : row.targetCountries,
    languages: row.languages,
    brings: row.brings,
    seeks: row.seeks,
    deadline: row.deadline ?? "",
  };
}

/** A NACE division in plain words: the taxonomy's one function, for this feature's pages. */
export { sectorName };

/** The interface languages with their own names (what an opportunity may be written in). */
export function writtenLanguageOptions() {
  return locales.map((l) => ({ value: l, label: localeNames[l] }));
}

/**
 * What the form offers: the person's organisations, NACE divisions, the seven partner
 * countries and "anywhere" (plus any other already chosen), the common working languages.
 */
export async function opportunityFormOptions(
  locale: Locale,
  userId: string,
  values: OpportunityFormValues,
) {
  const languages = languageOptions(locale).slice(0, 12);
  for (const code of values.languages) {
    if (!languages.some((o) => o.value === code)) {
      languages.push({ value: code, label: languageName(code, locale) });
    }
  }
  const countries: { value: string; label: string }[] = consortiumCountries.map((c) => ({
    value: c,
    label: countryName(c, locale),
  }));
  for (const code of values.targetCountries) {
    if (code !== ANYWHERE && !countries.some((o) => o.value === code)) {
      countries.push({ value: code, label: countryName(code, locale) });
    }
  }
  return {
    organisations: (await myOrganisations(userId)).map((o) => ({ value: o.id, label: o.name })),
    divisions: naceDivisionOptions(locale),
    countries,
    languages,
    written: writtenLanguageOptions(),
  };
}

/** The search filters' choices, labels in the page language. */
export function searchFilterOptions(locale: Locale) {
  return {
    kinds: [...opportunityKinds],
    partnerships: [...partnershipTypes],
    areas: [...opportunityAreas],
    divisions: naceDivisionOptions(locale),
    countries: consortiumCountries.map((c) => ({ value: c, label: countryName(c, locale) })),
    languages: languageOptions(locale).slice(0, 12),
  };
}

/** A card as the UI shows it (no contact details: the organisation's name and country only). */
export function cardOf(row: OpportunityCardRow, locale: Locale) {
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    /** The language the title and summary are shown in (the original's or a translation's). */
    language: row.text_language,
    kind: row.kind,
    partnerships: row.partnerships,
    sector: sectorName(row.nace_division, locale),
    deadline: row.deadline,
    expiresAt: row.expires_at,
    status: row.status,
    current: row.current,
    organisationName: row.organisation_name,
    organisationCountry: countryName(row.organisation_country, locale),
  };
}
export type OpportunityCard = ReturnType<typeof cardOf>;
