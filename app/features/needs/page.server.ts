import { learningFormats, learningSittings, learningTimes, needUrgencies } from "~/db/enums";
import { digCompCompetences } from "~/features/taxonomy/data/digcomp";
import { entreCompCompetences } from "~/features/taxonomy/data/entrecomp";
import { commonLanguageCodes } from "~/features/taxonomy/languages";
import type { Locale } from "~/features/taxonomy/types";
import {
  countryName,
  isCountry,
  languageName,
  topicGroupsFor,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { invalid } from "~/lib/errors";
import { languagesOf, memberNetworks, searchEsco } from "./needs.server";
import { browseFilterSchema, type NeedFormValues } from "./schema";
import { topicKeyLabels } from "./topics.server";

/** A group of topic choices; `groupKey` is a catalogue key, `label` a label from data. */
export type TopicChoiceGroup = {
  groupKey?: string;
  label?: string;
  options: { value: string; label: string }[];
};

export type NeedFormOptions = {
  topics: TopicChoiceGroup[];
  languages: { value: string; label: string }[];
  networks: { value: string; label: string }[];
  escoQuery: string;
  escoSearched: boolean;
};

export const needEnums = {
  urgencies: needUrgencies,
  formats: learningFormats,
  times: learningTimes,
  sittings: learningSittings,
};

/**
 * What the need form offers: curated topics by group, EntreComp and DigComp competences, the
 * ESCO skills found by the person's search (and the one chosen already), the languages (the
 * person's own and the common ones), and the networks they are an active member of.
 */
export async function needFormOptions(options: {
  userId: string;
  locale: Locale;
  values: NeedFormValues;
  escoQuery?: string;
}): Promise<NeedFormOptions> {
  const { locale, values } = options;
  const groups: TopicChoiceGroup[] = topicGroupsFor(locale).map((g) => ({
    groupKey: `topicGroup.${g.group}`,
    options: g.topics.map((topic) => ({ value: `topic:${topic.value}`, label: topic.label })),
  }));
  groups.push({
    groupKey: "needs.entreComp",
    options: entreCompCompetences.map((c) => ({
      value: `entrecomp:${c.id}`,
      label: `${c.id} ${c.label[locale]}`,
    })),
  });
  groups.push({
    groupKey: "needs.digComp",
    options: digCompCompetences.map((c) => ({
      value: `digcomp:${c.id}`,
      label: `${c.id} ${c.label[locale]}`,
    })),
  });
  const escoQuery = (options.escoQuery ?? "").trim().slice(0, 100);
  const esco = escoQuery ? await searchEsco(escoQuery, locale) : [];
  if (values.topic.startsWith("esco:") && !esco.some((o) => o.value === values.topic)) {
    const labels = await topicKeyLabels([values.topic], locale);
    esco.unshift({ value: values.topic, label: labels.get(values.topic) ?? values.topic });
  }
  if (esco.length > 0) groups.push({ groupKey: "needs.esco", options: esco });
  const own = await languagesOf(options.userId);
  // The person's languages, those already chosen, and the six the platform speaks: a short list
  // on a phone. Other languages come from the person's profile.
  const codes = [...new Set([...own, ...values.languages, ...commonLanguageCodes.slice(0, 6)])];
  const networks = await memberNetworks(options.userId);
  return {
    topics: groups,
    languages: codes.map((code) => ({ value: code, label: languageName(code, locale) })),
    networks: networks.map((n) => ({ value: n.id, label: n.name })),
    escoQuery,
    escoSearched: escoQuery.length > 0,
  };
}

/** A blank form: the person's languages, shared with everyone, this quarter. */
export async function blankNeedForm(userId: string): Promise<NeedFormValues> {
  const own = await languagesOf(userId);
  return {
    topic: "",
    topicText: "",
    situation: "",
    urgency: "quarter",
    formats: [],
    times: [],
    longestSitting: "",
    languages: own.length > 0 ? own : ["en"],
    audience: "all",
  };
}

/** Labels a list of needs needs: topic labels and country names in the reader's language. */
export async function needLabels(
  rows: { topic: string | null; country: string | null }[],
  locale: Locale,
) {
  const topics = await topicKeyLabels(
    rows.flatMap((row) => (row.topic ? [row.topic] : [])),
    locale,
  );
  const countries: Record<string, string> = {};
  for (const row of rows)
    if (row.country) countries[row.country] = countryName(row.country, locale);
  return { topics: Object.fromEntries(topics), countries };
}

/** Reads the browse filters (topic, country, language, format); unknown values are a 400. */
export function readBrowseFilters(params: URLSearchParams) {
  const raw = {
    topic: params.get("topic") || null,
    country: params.get("country") || null,
    language: params.get("language") || null,
    format: params.get("format") || null,
  };
  const parsed = browseFilterSchema.safeParse(raw);
  if (!parsed.success || (raw.country && !isCountry(raw.country))) {
    throw invalid("needs.filterInvalid");
  }
  return parsed.data;
}

/** Topic filter choices: curated topics, then the competences (ESCO needs link from a need). */
export function topicFilterOptions(locale: Locale) {
  return [
    ...topicOptions(locale).map((o) => ({ value: `topic:${o.value}`, label: o.label })),
    ...entreCompCompetences.map((c) => ({
      value: `entrecomp:${c.id}`,
      label: `EntreComp ${c.id} ${c.label[locale]}`,
    })),
    ...digCompCompetences.map((c) => ({
      value: `digcomp:${c.id}`,
      label: `DigComp ${c.id} ${c.label[locale]}`,
    })),
  ];
}
