import { contentLanguages } from "~/db/enums";
import type { ContentLanguage } from "~/features/content/language";

const germanWords =
  /(?<![\p{L}])(?:und|der|die|das|ich|nicht|mit|wir|ist|für|auf|ein|eine|sie|es|zu|den|dem)(?![\p{L}])|[äöüß]/giu;
const englishWords =
  /(?<![\p{L}])(?:the|and|is|for|to|of|we|it|you|in|with|on|that|this)(?![\p{L}])/giu;

const count = (text: string, pattern: RegExp) => (text.match(pattern) ?? []).length;

/**
 * The language a demo text is written in, among the languages its network meets in, so that
 * the demo shows `lang` on what is written in another language than the page (decision 031).
 * This reads only our own demo texts, whose languages are known: a network with one language
 * writes in it; Greek beside English is told by its script; German beside English by its
 * common words (`demo-language.test.ts` checks every demo text). A bilingual text gets the
 * language most of it is in. Real posts are never guessed: their authors say.
 */
export function demoLanguageOf(text: string, languages: readonly string[]): ContentLanguage {
  const known = languages.filter((l): l is ContentLanguage =>
    (contentLanguages as readonly string[]).includes(l),
  );
  if (known.length === 0) throw new Error(`No interface language among ${languages.join(", ")}`);
  if (known.length === 1) return known[0];
  if (known.includes("el")) {
    const greek = count(text, /[\u0370-\u03ff\u1f00-\u1fff]/g);
    const latin = count(text, /[a-z]/gi);
    const other = known.find((l) => l !== "el") ?? "el";
    return greek > latin ? "el" : other;
  }
  if (known.includes("de") && known.includes("en")) {
    const german = count(text, germanWords);
    return german > 0 && german >= count(text, englishWords) ? "de" : "en";
  }
  throw new Error(`The demo seed cannot tell ${known.join(" from ")}: give texts a language`);
}
