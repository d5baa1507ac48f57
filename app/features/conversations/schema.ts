import { z } from "zod";
import { submissionKeySchema } from "~/lib/submission-key";

export const MAX_MESSAGE_LENGTH = 5_000;
export const MAX_TITLE_LENGTH = 80;

const submissionKey = submissionKeySchema;

/** Whether a form field holds at least one chosen file (an empty file input sends a 0-byte one). */
function hasFiles(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((f) => f instanceof File && f.size > 0);
}

const body = z.string().trim().max(MAX_MESSAGE_LENGTH, "conversations.tooLong");

/** A message: text, attachments, or both; never neither. */
export const messageSchema = z
  .object({ body, files: z.unknown().optional(), submissionKey })
  .superRefine((value, ctx) => {
    if (value.body === "" && !hasFiles(value.files)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "conversations.empty" });
    }
  });

/** Starting a conversation: the people (ids), a title for groups, the first message. */
export const startSchema = z
  .object({
    to: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string()).max(50, "conversations.tooManyPeople"),
    ),
    title: z.string().trim().max(MAX_TITLE_LENGTH, "conversations.titleTooLong").default(""),
    body,
    files: z.unknown().optional(),
    submissionKey,
  })
  .superRefine((value, ctx) => {
    if (value.body === "" && !hasFiles(value.files)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "conversations.empty" });
    }
  });
