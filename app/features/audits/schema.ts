import { z } from "zod";
import { learningFormats, needUrgencies } from "~/db/enums";
import { asList } from "~/lib/form.server";

export const MAX_AUDIT_QUESTIONS = 30;
export const MAX_TOPICS_PER_QUESTION = 40;
export const MAX_OPEN_ANSWER = 2000;

/** The audit's title, introduction and whether answers are anonymous. */
export const auditFormSchema = z.object({
  title: z.string().trim().min(3, "audits.titleRequired").max(140, "audits.titleTooLong"),
  introduction: z.string().trim().max(3000, "audits.introTooLong").default(""),
  anonymous: z.boolean(),
});
export type AuditInput = z.infer<typeof auditFormSchema>;

/** A question added to a draft: topics to tick (topic keys, decision 018) or free text. */
export const questionFormSchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("topics"),
    prompt: z.string().trim().min(3, "audits.promptRequired").max(500, "audits.promptTooLong"),
    topics: z
      .array(z.string().trim().min(1).max(320))
      .min(1, "audits.topicsRequired")
      .max(MAX_TOPICS_PER_QUESTION, "audits.tooManyTopics"),
  }),
  z.object({
    kind: z.literal("open"),
    prompt: z.string().trim().min(3, "audits.promptRequired").max(500, "audits.promptTooLong"),
  }),
]);
export type QuestionInput = z.infer<typeof questionFormSchema>;

/** Topic keys typed one per line (ESCO, EntreComp, DigComp keys) plus the curated ones ticked. */
export function questionValues(form: Record<string, unknown>) {
  const typed = typeof form.otherTopics === "string" ? form.otherTopics.split(/\r?\n/) : [];
  const topics = [...asList(form.topics), ...typed.map((line) => line.trim())].filter(
    (key) => key !== "",
  );
  return {
    kind: typeof form.kind === "string" ? form.kind : "",
    prompt: typeof form.prompt === "string" ? form.prompt : "",
    topics: [...new Set(topics)],
  };
}

const urgency = z.enum(needUrgencies, { error: "audits.urgencyRequired" });
const format = z.enum(learningFormats, { error: "audits.formatsRequired" });

/** One ticked topic: how soon and in which ways the respondent would learn it. */
export type TickedTopic = {
  topic: string;
  urgency: (typeof needUrgencies)[number];
  formats: Array<(typeof learningFormats)[number]>;
};

export type AnswerInput = {
  ticked: TickedTopic[];
  languages: string[];
  open: Array<{ questionId: string; text: string }>;
};

/**
 * Reads the answer form against the audit's own topics and open questions: field `tick` lists
 * the indexes of ticked topics, `urgency_<i>` and `formats_<i>` belong to topic i, `languages`
 * once, `open_<questionId>` the free text. Returns field errors (catalogue keys) or the answer.
 */
export function parseAnswer(
  form: Record<string, unknown>,
  topics: readonly string[],
  openQuestionIds: readonly string[],
  isLanguage: (code: string) => boolean,
): { ok: true; answer: AnswerInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const ticked: TickedTopic[] = [];
  const indexes = new Set(asList(form.tick));
  for (const raw of indexes) {
    const i = Number(raw);
    if (!Number.isInteger(i) || i < 0 || i >= topics.length) {
      errors.tick = "audits.unknownTopic";
      continue;
    }
    const u = urgency.safeParse(form[`urgency_${i}`]);
    const f = z
      .array(format)
      .min(1, "audits.formatsRequired")
      .safeParse(asList(form[`formats_${i}`]));
    if (!u.success) errors[`urgency_${i}`] = "audits.urgencyRequired";
    if (!f.success) errors[`formats_${i}`] = "audits.formatsRequired";
    if (u.success && f.success)
      ticked.push({ topic: topics[i], urgency: u.data, formats: [...new Set(f.data)] });
  }
  const languages = [...new Set(asList(form.languages))];
  if (ticked.length > 0 && languages.length === 0) errors.languages = "audits.languagesRequired";
  if (languages.some((code) => !isLanguage(code)) || languages.length > 20)
    errors.languages = "audits.languagesRequired";
  const open: AnswerInput["open"] = [];
  for (const questionId of openQuestionIds) {
    const value = form[`open_${questionId}`];
    const text = typeof value === "string" ? value.trim() : "";
    if (text.length > MAX_OPEN_ANSWER) errors[`open_${questionId}`] = "audits.openTooLong";
    else if (text !== "") open.push({ questionId, text });
  }
  if (
    Object.keys(errors).length === 0 &&
    ticked.length === 0 &&
    open.length === 0 &&
    indexes.size === 0
  )
    errors.form = "audits.answerEmpty";
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, answer: { ticked, languages, open } };
}
