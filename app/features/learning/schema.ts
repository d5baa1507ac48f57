import { z } from "zod";
import { resourceLicences } from "~/db/enums";
import type { ResourceContent, StoredQuestion } from "~/db/schema/learning";
import { isLanguage } from "~/features/taxonomy/vocabulary.server";
import type { MessageKey } from "~/i18n/i18n";
import { asList } from "~/lib/form.server";

import {
  MAX_COAUTHORS,
  MAX_FEEDBACK,
  MAX_OPTIONS,
  MAX_PHASE,
  MAX_PROMPT,
  MAX_SUMMARY,
  MAX_TITLE,
  MAX_TOPICS,
  MAX_VIDEOS,
  QUESTION_SLOTS,
  type ResourceFormValues,
} from "./limits";

export * from "./limits";

export type ResourceInput = {
  title: string;
  summary: string;
  introduction: string;
  practice: string;
  reflection: string;
  questions: StoredQuestion[];
  topics: string[];
  eqf: number;
  language: string;
  minutes: number;
  licence: (typeof resourceLicences)[number];
  videos: string[];
  coauthorEmails: string[];
  needIds: string[];
  networkId: string | null;
};

const text = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n/g, "\n") : "");

/** Reads the editor's form: the values to show again and, when valid, the input. */
export function readResourceForm(form: Record<string, unknown>): {
  values: ResourceFormValues;
  input: ResourceInput | null;
  errors: Record<string, MessageKey>;
} {
  const values: ResourceFormValues = {
    title: text(form.title).trim(),
    summary: text(form.summary).trim(),
    introduction: text(form.introduction),
    practice: text(form.practice),
    reflection: text(form.reflection),
    questions: Array.from({ length: QUESTION_SLOTS }, (_, i) => ({
      prompt: text(form[`q${i}Prompt`]).trim(),
      options: text(form[`q${i}Options`]),
      feedback: text(form[`q${i}Feedback`]).trim(),
    })),
    topics: asList(form.topics).slice(0, 50),
    eqf: text(form.eqf),
    language: text(form.language),
    minutes: text(form.minutes),
    licence: text(form.licence) || "CC-BY-SA-4.0",
    videos: text(form.videos),
    coauthors: text(form.coauthors),
    needIds: asList(form.needIds).slice(0, 100),
    audience: text(form.audience) || "open",
  };
  const errors: Record<string, MessageKey> = {};
  if (values.title.length === 0) errors.title = "learning.titleRequired";
  else if (values.title.length > MAX_TITLE) errors.title = "learning.titleTooLong";
  if (values.summary.length > MAX_SUMMARY) errors.summary = "learning.summaryTooLong";
  for (const phase of ["introduction", "practice", "reflection"] as const) {
    if (values[phase].length > MAX_PHASE) errors[phase] = "learning.phaseTooLong";
  }
  const questions: StoredQuestion[] = [];
  values.questions.forEach((slot, i) => {
    if (!slot.prompt && !slot.options.trim() && !slot.feedback) return;
    const options = slot.options
      .split("\n")
      .map((line) => line.trim())
      .filter((line) => line.length > 0)
      .map((line) => {
        const correct = /^\*\s*/.test(line);
        return { text: line.replace(/^\*\s*/, "").slice(0, 500), correct };
      });
    const right = options.filter((option) => option.correct).length;
    if (
      !slot.prompt ||
      slot.prompt.length > MAX_PROMPT ||
      slot.feedback.length > MAX_FEEDBACK ||
      options.length < 2 ||
      options.length > MAX_OPTIONS ||
      right === 0 ||
      options.some((option) => option.text.length === 0)
    ) {
      errors[`q${i}`] = "learning.questionInvalid";
      return;
    }
    questions.push({ prompt: slot.prompt, options, feedback: slot.feedback, multiple: right > 1 });
  });
  const eqf = z.coerce.number().int().min(1).max(8).safeParse(values.eqf);
  if (!eqf.success) errors.eqf = "learning.eqfInvalid";
  const minutes = z.coerce.number().int().min(1).max(240).safeParse(values.minutes);
  if (!minutes.success) errors.minutes = "learning.minutesInvalid";
  if (!isLanguage(values.language)) errors.language = "learning.languageInvalid";
  const licence = z.enum(resourceLicences).safeParse(values.licence);
  if (!licence.success) errors.licence = "learning.licenceInvalid";
  const topics = [...new Set(values.topics)];
  if (topics.length > MAX_TOPICS) errors.topics = "learning.tooManyTopics";
  const videos = values.videos
    .split("\n")
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (
    videos.length > MAX_VIDEOS ||
    videos.some((url) => !z.url({ protocol: /^https$/ }).safeParse(url).success || url.length > 500)
  ) {
    errors.videos = "learning.videoInvalid";
  }
  const coauthorEmails = [
    ...new Set(
      values.coauthors
        .split(/[\s,;]+/)
        .map((email) => email.trim().toLowerCase())
        .filter((email) => email.length > 0),
    ),
  ];
  if (
    coauthorEmails.length > MAX_COAUTHORS ||
    coauthorEmails.some((email) => !z.email().safeParse(email).success)
  ) {
    errors.coauthors = "learning.coauthorUnknown";
  }
  const needIds = [...new Set(values.needIds)];
  if (needIds.some((id) => !z.uuid().safeParse(id).success))
    errors.needIds = "learning.needUnknown";
  let networkId: string | null = null;
  if (values.audience !== "open") {
    if (z.uuid().safeParse(values.audience).success) networkId = values.audience;
    else errors.audience = "learning.networkUnknown";
  }
  if (Object.keys(errors).length > 0 || !eqf.success || !minutes.success || !licence.success) {
    return { values, input: null, errors };
  }
  return {
    values,
    errors,
    input: {
      title: values.title,
      summary: values.summary,
      introduction: values.introduction,
      practice: values.practice,
      reflection: values.reflection,
      questions,
      topics,
      eqf: eqf.data,
      language: values.language,
      minutes: minutes.data,
      licence: licence.data,
      videos,
      coauthorEmails,
      needIds,
      networkId,
    },
  };
}

/** The editor's values of a stored resource. */
export function formValuesOf(
  row: ResourceContent & { needIds: string[] },
  coauthorEmails: string[],
  networkId: string | null,
): ResourceFormValues {
  return {
    title: row.title,
    summary: row.summary,
    introduction: row.introduction,
    practice: row.practice,
    reflection: row.reflection,
    questions: Array.from({ length: QUESTION_SLOTS }, (_, i) => {
      const q = row.questions[i];
      return q
        ? {
            prompt: q.prompt,
            options: q.options.map((o) => `${o.correct ? "* " : ""}${o.text}`).join("\n"),
            feedback: q.feedback,
          }
        : { prompt: "", options: "", feedback: "" };
    }),
    topics: row.topics,
    eqf: String(row.eqf),
    language: row.language,
    minutes: String(row.minutes),
    licence: row.licence,
    videos: row.videos.join("\n"),
    coauthors: coauthorEmails.join("\n"),
    needIds: row.needIds,
    audience: networkId ?? "open",
  };
}
