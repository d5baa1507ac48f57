import { z } from "zod";
import { MAX_ALT_TEXT_LENGTH, networkKinds, networkVisibilities, reactionKinds } from "~/db/enums";
import { contentLanguageSchema } from "~/features/content/language";
import { submissionKeySchema } from "~/lib/submission-key";

export const MAX_POST_LENGTH = 10_000;
export const MAX_COMMENT_LENGTH = 4_000;
/** Files one post may carry. */
export const MAX_FILES_PER_POST = 4;
export { MAX_ALT_TEXT_LENGTH };

const list = z.array(z.string());

/** The form to start or change a network; vocabulary membership is checked by the caller. */
export const networkSchema = z
  .object({
    name: z.string().trim().min(3, "networks.nameTooShort").max(80, "networks.nameTooLong"),
    purpose: z
      .string()
      .trim()
      .min(10, "networks.purposeRequired")
      .max(200, "networks.purposeTooLong"),
    description: z.string().trim().max(3000, "networks.descriptionTooLong").default(""),
    kind: z.enum(networkKinds, { error: "networks.kindRequired" }),
    place: z.string().trim().max(120, "networks.placeTooLong").default(""),
    countries: list.max(10, "networks.tooManyCountries"),
    languages: list.min(1, "networks.languagesRequired").max(6, "networks.tooManyLanguages"),
    topics: list.max(8, "networks.tooManyTopics"),
    visibility: z.enum(networkVisibilities, { error: "networks.visibilityRequired" }),
    memberCap: z.coerce
      .number({ error: "networks.capInvalid" })
      .int("networks.capInvalid")
      .min(2, "networks.capInvalid")
      .max(200, "networks.capInvalid"),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "local" && value.place === "") {
      ctx.addIssue({ code: "custom", path: ["place"], message: "networks.placeRequired" });
    }
    if (value.kind === "local" && value.countries.length !== 1) {
      ctx.addIssue({ code: "custom", path: ["countries"], message: "networks.localOneCountry" });
    }
    if (value.kind === "cross_border" && value.countries.length < 2) {
      ctx.addIssue({
        code: "custom",
        path: ["countries"],
        message: "networks.crossBorderCountries",
      });
    }
  });
export type NetworkInput = z.infer<typeof networkSchema>;

const submissionKey = submissionKeySchema;

const postBody = z.string().trim().max(MAX_POST_LENGTH, "posts.tooLong");

/** Whether a form field holds at least one chosen file (an empty file input sends a 0-byte one). */
function hasFiles(value: unknown): boolean {
  return (Array.isArray(value) ? value : [value]).some((f) => f instanceof File && f.size > 0);
}

/** A field that may come once, several times (an array) or not at all, as a list. */
const asArray = (value: unknown) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** A photo's description, its text alternative; empty means "none given". */
const altText = z
  .string({ error: "form.invalid" })
  .trim()
  .max(MAX_ALT_TEXT_LENGTH, "posts.altTextTooLong");

/**
 * The photos' descriptions of a new post, in the order of the photos among the chosen files
 * (the first describes the first photo). Without JavaScript the composer has one field, for
 * the first photo; with it, one per chosen photo.
 */
const altTexts = z.preprocess(asArray, z.array(altText).max(MAX_FILES_PER_POST, "upload.tooMany"));

/**
 * Which photo's description a failed parse refused (0 for the first), so that the form shows
 * the error beside that field; 0 when the error is not about one description.
 */
export function refusedAltTextIndex(error: z.ZodError): number {
  const issue = error.issues.find((i) => i.path[0] === "altText");
  return typeof issue?.path[1] === "number" ? issue.path[1] : 0;
}

/** A new post: text, attachments (a photo alone is a post), or both; never neither. */
export const postSchema = z
  .object({
    body: postBody,
    files: z.unknown().optional(),
    language: contentLanguageSchema,
    altText: altTexts,
    submissionKey,
  })
  .superRefine((value, ctx) => {
    if (value.body === "" && !hasFiles(value.files)) {
      ctx.addIssue({ code: "custom", path: ["body"], message: "posts.emptyPost" });
    }
  });

/**
 * A post's text and language when its author edits it, and its photos' descriptions: the edit
 * form sends each photo's id (`photoId`) followed by its description (`altText`), in pairs.
 */
export const postEditSchema = z
  .object({
    body: postBody.min(1, "posts.commentEmpty"),
    language: contentLanguageSchema,
    photoId: z.preprocess(
      asArray,
      z.array(z.uuid({ error: "form.invalid" })).max(MAX_FILES_PER_POST),
    ),
    altText: altTexts,
  })
  .superRefine((value, ctx) => {
    if (value.photoId.length !== value.altText.length) {
      ctx.addIssue({ code: "custom", path: ["altText"], message: "form.invalid" });
    }
  })
  .transform(({ photoId, altText, ...rest }) => ({
    ...rest,
    descriptions: photoId.map((id, i) => ({ attachmentId: id, altText: altText[i] })),
  }));

export const commentSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "posts.commentEmpty")
    .max(MAX_COMMENT_LENGTH, "posts.commentTooLong"),
  parentId: z.uuid().optional().catch(undefined),
  language: contentLanguageSchema,
  submissionKey,
});

/** Where a comment form was: the answer goes back there, at the new comment. */
export const commentReturnSchema = z.enum(["feed", "post", "home"]).catch("feed");

export const reactionSchema = z.object({ kind: z.enum(reactionKinds) });

export const inviteEmailsSchema = z.object({
  emails: z
    .string()
    .trim()
    .min(3, "invites.emailsRequired")
    .max(3000, "invites.tooMany")
    .transform((raw) => [
      ...new Set(
        raw
          .split(/[\s,;]+/)
          .map((e) => e.trim().toLowerCase())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.email({ error: "invites.emailInvalid" }))
        .min(1, "invites.emailsRequired")
        .max(20, "invites.tooMany"),
    ),
  submissionKey,
});

export const inviteLinkSchema = z.object({
  days: z.coerce
    .number()
    .int()
    .refine((d) => [1, 7, 30].includes(d), "form.invalid"),
});
