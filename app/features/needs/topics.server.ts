import { and, inArray } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { escoConcepts, escoLabels } from "~/db/schema";
import { digCompCompetences } from "~/features/taxonomy/data/digcomp";
import { entreCompCompetences } from "~/features/taxonomy/data/entrecomp";
import type { Locale } from "~/features/taxonomy/types";
import { isTopic, topicLabel } from "~/features/taxonomy/vocabulary.server";

/**
 * A need's or an offer's topic is one key naming its vocabulary (decision 018):
 * "topic:<slug>" (our curated topics), "esco:<uri>" (an imported ESCO skill or skill group),
 * "entrecomp:<id>" and "digcomp:<id>" (the competences). One text column, so figures group by
 * it and offers match it with equality.
 */
export type TopicVocabulary = "topic" | "esco" | "entrecomp" | "digcomp";

const entreComp = new Map(entreCompCompetences.map((c) => [c.id, c]));
const digComp = new Map(digCompCompetences.map((c) => [c.id, c]));
const escoTypes = ["KnowledgeSkillCompetence", "SkillGroup"];

export function splitTopicKey(key: string): { vocabulary: TopicVocabulary; id: string } | null {
  const at = key.indexOf(":");
  if (at <= 0) return null;
  const vocabulary = key.slice(0, at);
  const id = key.slice(at + 1);
  if (id.length === 0 || id.length > 300) return null;
  if (vocabulary === "topic" || vocabulary === "esco") return { vocabulary, id };
  if (vocabulary === "entrecomp" || vocabulary === "digcomp") return { vocabulary, id };
  return null;
}

/** Built-in keys are checked here; ESCO keys need the database (isKnownTopicKey). */
function isBuiltInKey(vocabulary: TopicVocabulary, id: string): boolean {
  if (vocabulary === "topic") return isTopic(id);
  if (vocabulary === "entrecomp") return entreComp.has(id);
  if (vocabulary === "digcomp") return digComp.has(id);
  return false;
}

/**
 * Which of `keys` name a real topic: a curated topic, a competence, or an ESCO skill or skill
 * group that has been imported. Unknown keys are left out of the answer.
 */
export async function knownTopicKeys(
  keys: readonly string[],
  db: Db = getDb(),
): Promise<Set<string>> {
  const known = new Set<string>();
  const escoUris: string[] = [];
  for (const key of keys) {
    const parts = splitTopicKey(key);
    if (!parts) continue;
    if (parts.vocabulary === "esco") escoUris.push(parts.id);
    else if (isBuiltInKey(parts.vocabulary, parts.id)) known.add(key);
  }
  if (escoUris.length > 0) {
    const rows = await db
      .select({ uri: escoConcepts.uri })
      .from(escoConcepts)
      .where(
        and(inArray(escoConcepts.uri, escoUris), inArray(escoConcepts.conceptType, escoTypes)),
      );
    for (const row of rows) known.add(`esco:${row.uri}`);
  }
  return known;
}

/**
 * Labels for topic keys in the reader's language. ESCO labels come from the import (English
 * when the reader's language was not imported); an unknown key is shown as it is.
 */
export async function topicKeyLabels(
  keys: readonly string[],
  locale: Locale,
  db: Db = getDb(),
): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  const escoUris: string[] = [];
  for (const key of new Set(keys)) {
    const parts = splitTopicKey(key);
    if (!parts) labels.set(key, key);
    else if (parts.vocabulary === "topic") labels.set(key, topicLabel(parts.id, locale));
    else if (parts.vocabulary === "entrecomp")
      labels.set(key, entreComp.get(parts.id)?.label[locale] ?? key);
    else if (parts.vocabulary === "digcomp")
      labels.set(key, digComp.get(parts.id)?.label[locale] ?? key);
    else escoUris.push(parts.id);
  }
  if (escoUris.length > 0) {
    const rows = await db
      .select({
        uri: escoLabels.uri,
        language: escoLabels.language,
        label: escoLabels.preferredLabel,
      })
      .from(escoLabels)
      .where(and(inArray(escoLabels.uri, escoUris), inArray(escoLabels.language, [locale, "en"])));
    for (const row of rows) {
      const key = `esco:${row.uri}`;
      if (row.language === locale || !labels.has(key)) labels.set(key, row.label);
    }
    for (const uri of escoUris) if (!labels.has(`esco:${uri}`)) labels.set(`esco:${uri}`, uri);
  }
  return labels;
}

/** A curated topic's key. */
export function topicKey(slug: string): string {
  return `topic:${slug}`;
}
