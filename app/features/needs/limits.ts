/** Limits of the need form, shared by the checks (schema.ts) and the form (ui/need-form.tsx). */
export const MAX_TOPIC_TEXT = 200;
export const MAX_SITUATION = 1000;
export const MAX_LANGUAGES = 10;
export const MAX_SATISFIED_NOTE = 500;

/** What the need form sends, as the form holds it (shown again after a refusal). */
export type NeedFormValues = {
  topic: string;
  topicText: string;
  situation: string;
  urgency: string;
  formats: string[];
  times: string[];
  longestSitting: string;
  languages: string[];
  audience: string;
};
