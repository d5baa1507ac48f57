import { z } from "zod";
import { contentLanguages } from "~/db/enums";

/**
 * The language of what people write (posts, comments, discussion topics and replies), chosen by
 * its author in the composer's "Written in" field (decision 031). Plain module: forms, routes and
 * components import it.
 */
export type ContentLanguage = (typeof contentLanguages)[number];

/**
 * The "Written in" field: one of the six languages. Left out (an older form, an API client) it is
 * null, "not said"; anything else is refused with a translated 400 before anything is written.
 */
export const contentLanguageSchema = z.preprocess(
  (value) => (value === undefined || value === "" ? null : value),
  z.enum(contentLanguages, { error: "content.languageInvalid" }).nullable(),
);

/**
 * The `lang` attribute of a piece of writing on a page in `pageLocale`: its language when its
 * author said one and it differs from the page's, else nothing (the page's `lang` already
 * holds). A piece whose language was never said gets none: a guess read aloud in the wrong
 * voice is worse than the page's voice.
 */
export function contentLang(
  language: string | null | undefined,
  pageLocale: string,
): ContentLanguage | undefined {
  if (!language || language === pageLocale) return undefined;
  return (contentLanguages as readonly string[]).includes(language)
    ? (language as ContentLanguage)
    : undefined;
}
