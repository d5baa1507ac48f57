/** The editor's limits and field values, safe for the browser bundle. */
export const MAX_PHASE = 20_000;
export const MAX_TITLE = 200;
export const MAX_SUMMARY = 1_000;
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
