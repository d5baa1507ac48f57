import type { Locale } from "~/i18n/i18n";
import { digCompAreas, digCompCompetences } from "./data/digcomp";
import { entreCompAreas, entreCompCompetences } from "./data/entrecomp";
import { eqfLevels } from "./data/eqf";
import { naceDivisions, naceSections } from "./data/nace";
import { topics } from "./data/topics";
import type { Competence, CompetenceArea } from "./types";
import { languageOptions, topicGroupsFor } from "./vocabulary.server";

function frameworkFor(areas: CompetenceArea[], competences: Competence[], locale: Locale) {
  return areas.map((area) => ({
    id: area.id,
    label: area.label[locale],
    competences: competences
      .filter((c) => c.area === area.id)
      .map((c) => ({ id: c.id, label: c.label[locale], description: c.description[locale] })),
  }));
}

/** Every built-in vocabulary in the page language, for the reference page. */
export function getReferenceVocabularies(locale: Locale) {
  const escoBySlug = new Map(topics.map((t) => [t.slug, t.escoUri]));
  return {
    topicGroups: topicGroupsFor(locale).map((g) => ({
      group: g.group,
      topics: g.topics.map((t) => ({ ...t, escoUri: escoBySlug.get(t.value) ?? null })),
    })),
    nace: naceSections.map((s) => ({
      code: s.code,
      label: s.label[locale],
      divisions: naceDivisions
        .filter((d) => d.section === s.code)
        .map((d) => ({ code: d.code, label: d.label[locale] })),
    })),
    eqf: eqfLevels.map((l) => ({
      level: l.level,
      knowledge: l.knowledge[locale],
      skills: l.skills[locale],
      responsibility: l.responsibility[locale],
    })),
    entreComp: frameworkFor(entreCompAreas, entreCompCompetences, locale),
    digComp: frameworkFor(digCompAreas, digCompCompetences, locale),
    languageCount: languageOptions(locale).length,
  };
}
