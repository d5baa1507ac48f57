import { z } from "zod";
import { completionRules } from "~/db/enums";
import { languageCodes } from "~/features/taxonomy/languages";

export const COURSE_TITLE_MAX = 160;
export const COURSE_SUMMARY_MAX = 2000;
export const SECTION_TITLE_MAX = 160;
export const QUIZ_TEXT_MAX = 20_000;
export const QUIZ_QUESTIONS_MAX = 30;

/** The course's details, as the new-course and edit forms send them. */
export const courseDetailsSchema = z.object({
  title: z
    .string({ error: "courses.titleRequired" })
    .trim()
    .min(1, "courses.titleRequired")
    .max(COURSE_TITLE_MAX, "courses.titleTooLong"),
  summary: z.string().trim().max(COURSE_SUMMARY_MAX, "courses.summaryTooLong").default(""),
  language: z
    .string({ error: "courses.languageUnknown" })
    .refine(
      (code) => (languageCodes as readonly string[]).includes(code),
      "courses.languageUnknown",
    ),
  network: z.union([z.literal(""), z.uuid({ error: "courses.networkUnknown" })]).default(""),
  completionRule: z.enum(completionRules, { error: "courses.ruleUnknown" }),
  passMark: z.coerce
    .number({ error: "courses.passMarkRange" })
    .int("courses.passMarkRange")
    .min(1, "courses.passMarkRange")
    .max(100, "courses.passMarkRange"),
});
export type CourseDetails = z.infer<typeof courseDetailsSchema>;
export type CourseDetailsValues = {
  title: string;
  summary: string;
  language: string;
  network: string;
  completionRule: string;
  passMark: string;
};

const str = (value: unknown) => (typeof value === "string" ? value : "");

/** Reads the details form: the values to show again, and the input when valid. */
export function readCourseDetails(form: Record<string, unknown>) {
  const values: CourseDetailsValues = {
    title: str(form.title),
    summary: str(form.summary),
    language: str(form.language),
    network: str(form.network),
    completionRule: str(form.completionRule),
    passMark: str(form.passMark),
  };
  const parsed = courseDetailsSchema.safeParse(values);
  if (parsed.success) return { values, input: parsed.data, errors: {} };
  const errors: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? "form");
    errors[field] ??= issue.message;
  }
  return { values, input: null, errors };
}

export const sectionTitleSchema = z
  .string({ error: "courses.sectionTitleRequired" })
  .trim()
  .min(1, "courses.sectionTitleRequired")
  .max(SECTION_TITLE_MAX, "courses.sectionTitleTooLong");

export const idSchema = z.uuid();
export const directionSchema = z.enum(["up", "down"]);
