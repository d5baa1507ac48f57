import { z } from "zod";
import { introductionStages } from "~/db/enums";
import { locales } from "~/i18n/i18n";
import { idField } from "~/lib/ids";

export const MAX_INTEREST_MESSAGE = 1000;
export const MAX_OUTCOME = 1000;
export const MAX_STORY_TITLE = 120;
export const MAX_STORY_BODY = 3000;

/** "I am interested": for which of my organisations, and a short message (required). */
export const interestFormSchema = z.object({
  organisationId: idField("interests.organisationRequired"),
  message: z
    .string({ error: "interests.messageRequired" })
    .trim()
    .min(1, "interests.messageRequired")
    .max(MAX_INTEREST_MESSAGE, "interests.messageTooLong"),
});
export type InterestForm = z.output<typeof interestFormSchema>;

/** The publisher's answer to one interest. */
export const decisionFormSchema = z.object({
  interestId: idField("interests.notFound"),
  decision: z.enum(["accept", "decline"], { error: "errors.badRequest" }),
});

/** A stage move with its optional outcome. */
export const stageFormSchema = z.object({
  stage: z.enum(introductionStages, { error: "introductions.stageInvalid" }),
  outcome: z.string().trim().max(MAX_OUTCOME, "introductions.outcomeTooLong").default(""),
});

/** A partnership story. */
export const storyFormSchema = z.object({
  title: z
    .string({ error: "stories.titleRequired" })
    .trim()
    .min(3, "stories.titleRequired")
    .max(MAX_STORY_TITLE, "stories.titleTooLong"),
  body: z
    .string({ error: "stories.bodyRequired" })
    .trim()
    .min(20, "stories.bodyRequired")
    .max(MAX_STORY_BODY, "stories.bodyTooLong"),
  language: z.enum(locales, { error: "stories.languageRequired" }),
});
export type StoryForm = z.output<typeof storyFormSchema>;

/** Field → message key, the first issue of each field. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? "form")] ??= issue.message;
  return errors;
}
