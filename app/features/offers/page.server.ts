import { topicKeyLabels } from "~/features/needs/topics.server";
import type { Locale } from "~/features/taxonomy/types";
import {
  countryName,
  countryOptions,
  languageName,
  languageOptions,
  topicGroupsFor,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { checkOffer, myOrganisations, type Offer } from "./offers.server";
import { type OfferForm, type OfferFormValues, offerFormSchema, offerFormValues } from "./schema";

/** Reads and checks the offer form: the form ready to store, or field errors and the values typed. */
export async function readOfferForm(
  raw: Record<string, unknown>,
  userId: string,
): Promise<
  | { input: OfferForm; errors: null; values: OfferFormValues }
  | { input: null; errors: Record<string, string>; values: OfferFormValues }
> {
  const values = offerFormValues(raw);
  const parsed = offerFormSchema.safeParse(raw);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      errors[field] ??= issue.message;
    }
    return { input: null, errors, values };
  }
  const errors = await checkOffer(parsed.data, userId);
  if (Object.keys(errors).length > 0) return { input: null, errors, values };
  return { input: parsed.data, errors: null, values };
}

export const blankOfferForm = (languages: string[]): OfferFormValues => ({
  title: "",
  description: "",
  topics: [],
  formats: [],
  languages,
  countries: [],
  onDemand: false,
  startsOn: "",
  endsOn: "",
  price: "",
  organisationId: "",
});

export function offerValuesOf(offer: Offer): OfferFormValues {
  return {
    title: offer.title,
    description: offer.description,
    topics: offer.topics,
    formats: offer.formats,
    languages: offer.languages,
    countries: offer.countries,
    onDemand: offer.onDemand,
    startsOn: offer.startsOn ?? "",
    endsOn: offer.endsOn ?? "",
    price: offer.priceCents === null ? "" : (offer.priceCents / 100).toFixed(2),
    organisationId: offer.organisationId ?? "",
  };
}

/**
 * What the form offers to pick: curated topics (plus any key the offer already has, labelled),
 * the common languages and the consortium countries first (plus any already chosen), the
 * person's organisations.
 */
export async function offerFormOptions(locale: Locale, userId: string, values: OfferFormValues) {
  const curated = new Set(topicOptions(locale).map((o) => `topic:${o.value}`));
  const extraTopics = values.topics.filter((k) => !curated.has(k));
  const labels = await topicKeyLabels(extraTopics, locale);
  const languages = languageOptions(locale).slice(0, 12);
  for (const code of values.languages) {
    if (!languages.some((o) => o.value === code)) {
      languages.push({ value: code, label: languageName(code, locale) });
    }
  }
  const countries = countryOptions(locale).slice(0, 12);
  for (const code of values.countries) {
    if (!countries.some((o) => o.value === code)) {
      countries.push({ value: code, label: countryName(code, locale) });
    }
  }
  return {
    /** Keys outside our curated topics (a competence, an ESCO skill) the offer already has. */
    otherTopics: extraTopics.map((k) => ({ value: k, label: labels.get(k) ?? k })),
    topicGroups: topicGroupsFor(locale).map((g) => ({
      group: g.group,
      topics: g.topics.map((o) => ({ value: `topic:${o.value}`, label: o.label })),
    })),
    languages,
    countries,
    organisations: (await myOrganisations(userId)).map((o) => ({ value: o.id, label: o.name })),
  };
}

/** A price in cents as the reader expects it ("Free" is the caller's). */
export function formatPrice(cents: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency: "EUR" }).format(cents / 100);
}
