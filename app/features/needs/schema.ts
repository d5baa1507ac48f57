import { z } from "zod";
import { learningFormats, learningSittings, learningTimes, needUrgencies } from "~/db/enums";
import { isLanguage } from "~/features/taxonomy/vocabulary.server";
import { asList } from "~/lib/form.server";

import {
  MAX_LANGUAGES,
  MAX_SATISFIED_NOTE,
  MAX_SITUATION,
  MAX_TOPIC_TEXT,
  type NeedFormValues,
} from "./limits";

export type { NeedFormValues } from "./limits";

/** The need as checked (the topic still has to be known to the taxonomy: needs.server.ts). */
export const needInputSchema = z
  .object({
    topic: z
      .string()
      .trim()
      .max(320, "needs.topicUnknown")
      .transform((v) => (v === "" ? null : v)),
    topicText: z.string().trim().max(MAX_TOPIC_TEXT, "needs.topicTextTooLong"),
    situation: z.string().trim().max(MAX_SITUATION, "needs.situationTooLong"),
    urgency: z.enum(needUrgencies, { error: "needs.urgencyRequired" }),
    formats: z
      .array(z.enum(learningFormats, { error: "needs.formatUnknown" }))
      .min(1, "needs.formatRequired")
      .max(learningFormats.length),
    times: z.array(z.enum(learningTimes, { error: "needs.timeUnknown" })).max(learningTimes.length),
    longestSitting: z
      .union([z.enum(learningSittings), z.literal("")], { error: "needs.sittingUnknown" })
      .transform((v) => (v === "" ? null : v)),
    languages: z
      .array(z.string().refine(isLanguage, "needs.languageUnknown"))
      .min(1, "needs.languageRequired")
      .max(MAX_LANGUAGES, "needs.tooManyLanguages"),
    /** "all" (every signed-in person) or the id of one network. */
    audience: z.union([z.literal("all"), z.uuid({ error: "needs.networkUnknown" })], {
      error: "needs.networkUnknown",
    }),
  })
  .refine((v) => v.topic !== null || v.topicText.length > 0, {
    message: "needs.topicOrText",
    path: ["topic"],
  });

export type NeedInput = z.infer<typeof needInputSchema>;

const text = (value: unknown) => (typeof value === "string" ? value : "");

/** The form's values as typed (nothing checked yet). */
export function needFormValues(form: Record<string, unknown>): NeedFormValues {
  return {
    topic: text(form.topic),
    topicText: text(form.topicText),
    situation: text(form.situation),
    urgency: text(form.urgency),
    formats: asList(form.formats),
    times: asList(form.times),
    longestSitting: text(form.longestSitting),
    languages: [...new Set(asList(form.languages))],
    audience: text(form.audience) || "all",
  };
}

/** Reads and checks the need form: the input, or one translated message per field. */
export function readNeedForm(form: Record<string, unknown>): {
  values: NeedFormValues;
  input: NeedInput | null;
  errors: Record<string, string>;
} {
  const values = needFormValues(form);
  const parsed = needInputSchema.safeParse(values);
  if (parsed.success) return { values, input: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!errors[field]) errors[field] = issue.message;
  }
  return { values, input: null, errors };
}

/** The satisfied form: what met the need, in words and/or one of its answers. */
export const satisfiedSchema = z
  .object({
    note: z.string().trim().max(MAX_SATISFIED_NOTE, "needs.noteTooLong"),
    answerId: z
      .union([z.uuid({ error: "needs.answerUnknown" }), z.literal("")])
      .transform((v) => (v === "" ? null : v)),
  })
  .refine((v) => v.note.length > 0 || v.answerId !== null, {
    message: "needs.satisfiedWhat",
    path: ["note"],
  });

/** Me too: the person's own urgency. */
export const meTooSchema = z.object({
  urgency: z.enum(needUrgencies, { error: "needs.urgencyRequired" }),
});

/** The browse list's filters from the query string; an unknown value is a 400. */
export const browseFilterSchema = z.object({
  topic: z
    .string()
    .max(320)
    .regex(/^(topic|esco|entrecomp|digcomp):.+$/)
    .nullable(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  language: z.string().refine(isLanguage).nullable(),
  format: z.enum(learningFormats).nullable(),
});
