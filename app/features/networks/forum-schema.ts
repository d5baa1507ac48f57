import { z } from "zod";
import { contentLanguageSchema } from "~/features/content/language";
import { topics as builtInTopics } from "~/features/taxonomy/data/topics";
import { languageCodes } from "~/features/taxonomy/languages";
import { submissionKeySchema } from "~/lib/submission-key";

export const MAX_TOPIC_TITLE_LENGTH = 150;
/** Topics and replies are for longer discussions than posts, but not for whole documents. */
export const MAX_FORUM_BODY_LENGTH = 10_000;
export const MAX_RESOURCE_TITLE_LENGTH = 150;
export const MAX_RESOURCE_DESCRIPTION_LENGTH = 2_000;
export const MAX_RESOURCE_URL_LENGTH = 500;
export const MAX_RESOURCE_TOPICS = 5;

// The plain data modules, not vocabulary.server: this file is imported by route modules.
const knownLanguages = new Set<string>(languageCodes);
const knownTopics = new Set(builtInTopics.map((t) => t.slug));

const submissionKey = submissionKeySchema;

const forumBody = (emptyKey: string) =>
  z
    .string({ error: emptyKey })
    .trim()
    .min(1, emptyKey)
    .max(MAX_FORUM_BODY_LENGTH, "forum.bodyTooLong");

/** The "start a topic" form. */
export const topicSchema = z.object({
  title: z
    .string({ error: "forum.titleTooShort" })
    .trim()
    .min(3, "forum.titleTooShort")
    .max(MAX_TOPIC_TITLE_LENGTH, "forum.titleTooLong"),
  body: forumBody("forum.bodyEmpty"),
  language: contentLanguageSchema,
  submissionKey,
});
export type TopicInput = z.infer<typeof topicSchema>;

/** A reply to a topic. */
export const replySchema = z.object({
  body: forumBody("forum.replyEmpty"),
  language: contentLanguageSchema,
  submissionKey,
});

/** A reply named in a form (mark as answer, delete). */
export const replyRefSchema = z.object({ replyId: z.uuid() });

/**
 * An http(s) address only (no javascript:, data:, file: …), stored as the URL parser normalises
 * it, which is also how a browser would read it: "java\tscript:" is caught, not stored as text.
 */
const webAddress = z
  .string({ error: "resources.urlInvalid" })
  .trim()
  .min(1, "resources.urlInvalid")
  .max(MAX_RESOURCE_URL_LENGTH, "resources.urlTooLong")
  .transform((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "resources.urlInvalid" });
      return z.NEVER;
    }
    if ((url.protocol !== "https:" && url.protocol !== "http:") || !url.hostname) {
      ctx.addIssue({ code: "custom", message: "resources.urlInvalid" });
      return z.NEVER;
    }
    if (url.username || url.password) {
      // "https://bank.example@evil.example" reads like one site and goes to another.
      ctx.addIssue({ code: "custom", message: "resources.urlInvalid" });
      return z.NEVER;
    }
    if (url.href.length > MAX_RESOURCE_URL_LENGTH) {
      ctx.addIssue({ code: "custom", message: "resources.urlTooLong" });
      return z.NEVER;
    }
    return url.href;
  });

const asArray = (value: unknown) =>
  value === undefined || value === "" ? [] : Array.isArray(value) ? value : [value];

const resourceFields = {
  title: z
    .string({ error: "resources.titleTooShort" })
    .trim()
    .min(3, "resources.titleTooShort")
    .max(MAX_RESOURCE_TITLE_LENGTH, "resources.titleTooLong"),
  description: z
    .string()
    .trim()
    .max(MAX_RESOURCE_DESCRIPTION_LENGTH, "resources.descriptionTooLong")
    .default(""),
  language: z
    .string({ error: "resources.languageRequired" })
    .refine((code) => knownLanguages.has(code), "resources.languageRequired"),
  topics: z.preprocess(
    asArray,
    z
      .array(z.string())
      .max(MAX_RESOURCE_TOPICS, "resources.tooManyTopics")
      .refine((list) => list.every((slug) => knownTopics.has(slug)), "resources.topicsInvalid")
      .transform((list) => [...new Set(list)]),
  ),
  submissionKey,
};

/** The "share a link" form. */
export const linkResourceSchema = z.object({ ...resourceFields, url: webAddress });
export type LinkResourceInput = z.infer<typeof linkResourceSchema>;

/** The "share a file" form (the file itself is checked by storeUpload). */
export const fileResourceSchema = z.object(resourceFields);
export type FileResourceInput = z.infer<typeof fileResourceSchema>;

const optionalCode = (known: Set<string>) =>
  z
    .string()
    .trim()
    .optional()
    .catch(undefined)
    .transform((v) => (v && known.has(v) ? v : undefined));

/** The resource list's filters from the query string; unknown values are ignored. */
export const resourceFilterSchema = z.object({
  language: optionalCode(knownLanguages),
  topic: optionalCode(knownTopics),
});
export type ResourceFilters = z.infer<typeof resourceFilterSchema>;
