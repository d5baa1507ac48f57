import { z } from "zod";
import { legalPageKinds } from "~/db/enums";
import { locales } from "~/features/taxonomy/types";

export type LegalPageKind = (typeof legalPageKinds)[number];

/** Longest legal text an admin may save (characters); the table's CHECK says the same. */
export const MAX_LEGAL_TEXT_LENGTH = 50_000;

/** Which page and language the admin editor shows (query string); unknown values fall back. */
export const legalEditorQuerySchema = z.object({
  page: z.enum(legalPageKinds).catch("privacy"),
  lang: z.enum(locales).catch("en"),
});

/** A saved legal text. Empty means "use the shipped text / English again". */
export const legalPageFormSchema = z.object({
  page: z.enum(legalPageKinds, { error: "legal.pageInvalid" }),
  lang: z.enum(locales, { error: "legal.languageInvalid" }),
  body: z
    .string({ error: "legal.bodyTooLong" })
    .trim()
    .max(MAX_LEGAL_TEXT_LENGTH, "legal.bodyTooLong"),
});
export type LegalPageForm = z.infer<typeof legalPageFormSchema>;
