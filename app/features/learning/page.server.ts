import { sql } from "drizzle-orm";
import { z } from "zod";
import { queryParsed } from "~/db/client.server";
import { blankNeedForm, needFormOptions } from "~/features/needs/page.server";
import { visibleNeedsSql } from "~/features/needs/policy.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import type { Locale } from "~/features/taxonomy/types";
import { QUESTION_SLOTS, type ResourceFormValues } from "./schema";
import type { ResourceFormOptions } from "./ui/resource-form";

/** A blank editor: the person's first language, the open library, 15 minutes, CC BY-SA. */
export async function blankResourceForm(userId: string): Promise<ResourceFormValues> {
  const need = await blankNeedForm(userId);
  return {
    title: "",
    summary: "",
    introduction: "",
    practice: "",
    reflection: "",
    questions: Array.from({ length: QUESTION_SLOTS }, () => ({
      prompt: "",
      options: "",
      feedback: "",
    })),
    topics: [],
    eqf: "2",
    language: need.languages[0] ?? "en",
    minutes: "15",
    licence: "CC-BY-SA-4.0",
    videos: "",
    coauthors: "",
    needIds: [],
    audience: "open",
  };
}

/**
 * What the editor offers: the needs' topic picker and languages, the person's networks, and the
 * open needs the person may see on the resource's topics (the needs it can answer).
 */
export async function resourceFormOptions(options: {
  userId: string;
  locale: Locale;
  values: ResourceFormValues;
}): Promise<ResourceFormOptions> {
  const blank = await blankNeedForm(options.userId);
  const base = await needFormOptions({
    userId: options.userId,
    locale: options.locale,
    values: { ...blank, languages: [options.values.language].filter(Boolean) },
  });
  const topics = options.values.topics.filter((t) => t.length <= 320).slice(0, 20);
  const escoChosen = topics.filter((t) => t.startsWith("esco:"));
  if (escoChosen.length > 0) {
    const labels = await topicKeyLabels(escoChosen, options.locale);
    base.topics.push({
      groupKey: "needs.esco",
      options: escoChosen.map((k) => ({ value: k, label: labels.get(k) ?? k })),
    });
  }
  const ids = options.values.needIds.filter((id) => z.uuid().safeParse(id).success).slice(0, 50);
  const matches = [
    ...(topics.length > 0
      ? [
          sql`n.topic in (${sql.join(
            topics.map((t) => sql`${t}`),
            sql`, `,
          )})`,
        ]
      : []),
    ...(ids.length > 0
      ? [
          sql`n.id in (${sql.join(
            ids.map((id) => sql`${id}::uuid`),
            sql`, `,
          )})`,
        ]
      : []),
  ];
  const needs =
    matches.length === 0
      ? []
      : await queryParsed(
          z.object({ id: z.string(), topic: z.string().nullable(), topic_text: z.string() }),
          sql`select n.id::text, n.topic, n.topic_text from needs n
              where n.status = 'open' and ${visibleNeedsSql(options.userId)}
                and (${sql.join(matches, sql` or `)})
              order by n.weight desc, n.created_at desc limit 50`,
        );
  const needLabels = await topicKeyLabels(
    needs.flatMap((n) => (n.topic ? [n.topic] : [])),
    options.locale,
  );
  return {
    topics: base.topics,
    languages: base.languages,
    networks: base.networks,
    needs: needs.map((n) => ({
      value: n.id,
      label: [n.topic ? (needLabels.get(n.topic) ?? n.topic) : "", n.topic_text]
        .filter(Boolean)
        .join(" — "),
    })),
  };
}
