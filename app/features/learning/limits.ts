/** The editor's limits and field values, safe for the browser bundle. */
export const MAX_PHASE = 20_000;
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 1_000;
/** A self-assessment question's prompt, and the feedback shown after answering it. */
export const MAX_PROMPT = 1_000;
export const MAX_FEEDBACK = 2_000;
/** A reader's comment, a reviewer's words, the note sent with a version for review. */
export const MAX_COMMENT = 4_000;
export const MAX_REVIEW = 10_000;
export const MAX_SUBMIT_NOTE = 1_000;
export const QUESTION_SLOTS = 5;
export const MIN_QUESTIONS = 2;
export const MAX_OPTIONS = 8;
export const MAX_VIDEOS = 10;
export const MAX_COAUTHORS = 10;
export const MAX_TOPICS = 5;

/** The editor's fields as text, to fill the form again after an error. */
export type ResourceFormValues = {
  title: string;
  summary: string;
  introduction: string;
  practice: string;
  reflection: string;
  /** One slot per question: the prompt, options one per line ("* " marks a right one), feedback. */
  questions: { prompt: string; options: string; feedback: string }[];
  topics: string[];
  eqf: string;
  language: string;
  minutes: string;
  licence: string;
  videos: string;
  coauthors: string;
  needIds: string[];
  /** "open" (the open library) or a network id; chosen when the resource is started. */
  audience: string;
};
