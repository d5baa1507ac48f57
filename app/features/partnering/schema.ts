import { z } from "zod";
import { opportunityAreas, opportunityKinds, partnershipTypes } from "~/db/enums";
import { locales } from "~/features/taxonomy/types";
import {
  MAX_BRINGS,
  MAX_DESCRIPTION,
  MAX_QUERY,
  MAX_REVIEW_NOTE,
  MAX_SEEKS,
  MAX_SUMMARY,
  MAX_TITLE,
  MAX_WORKING_LANGUAGES,
} from "./limits";

/** The target-country choice meaning "anywhere" (stored as an empty list). */
export const ANYWHERE = "anywhere";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar date with a year from 1900 to 2200 (PostgreSQL refuses year 0 and the like). */
export function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < 1900 || year > 2200) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === "string" && v !== "");
};

const text = (max: number, tooLong: string) => z.string().trim().max(max, tooLong).default("");

/**
 * The opportunity form as typed. The NACE division, languages, countries and the organisation
 * are checked against the vocabularies and the database by the caller; this checks shape. The
 * deadline "not in the past" is checked against `today` by `checkDeadline`.
 */
export const opportunityFormSchema = z.object({
  organisationId: z.uuid({ error: "partnering.organisationRequired" }),
  kind: z.enum(opportunityKinds, { error: "partnering.kindRequired" }),
  area: z.enum(opportunityAreas, { error: "partnering.areaRequired" }),
  partnerships: z.preprocess(
    list,
    z
      .array(z.enum(partnershipTypes, { error: "partnering.partnershipsRequired" }))
      .min(1, "partnering.partnershipsRequired")
      .max(partnershipTypes.length, "partnering.partnershipsRequired"),
  ),
  language: z.enum(locales, { error: "partnering.languageRequired" }),
  title: z
    .string({ error: "partnering.titleRequired" })
    .trim()
    .min(3, "partnering.titleRequired")
    .max(MAX_TITLE, "partnering.titleTooLong"),
  summary: z
    .string({ error: "partnering.summaryRequired" })
    .trim()
    .min(10, "partnering.summaryRequired")
    .max(MAX_SUMMARY, "partnering.summaryTooLong"),
  description: text(MAX_DESCRIPTION, "partnering.descriptionTooLong"),
  naceDivision: z
    .string({ error: "partnering.sectorRequired" })
    .regex(/^\d{2}$/, "partnering.sectorRequired"),
  targetCountries: z.preprocess(
    list,
    z
      .array(z.string().regex(/^([A-Z]{2}|anywhere)$/, "partnering.countryInvalid"))
      .max(10, "partnering.countryInvalid"),
  ),
  languages: z.preprocess(
    list,
    z
      .array(z.string().regex(/^[a-z]{2,3}$/, "partnering.languagesRequired"))
      .min(1, "partnering.languagesRequired")
      .max(MAX_WORKING_LANGUAGES, "partnering.languagesRequired"),
  ),
  brings: text(MAX_BRINGS, "partnering.bringsTooLong"),
  seeks: text(MAX_SEEKS, "partnering.seeksTooLong"),
  deadline: z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isRealDate(v), "partnering.deadlineInvalid"),
});

export type OpportunityForm = z.output<typeof opportunityFormSchema>;

/** "Not in the past": a deadline before today is refused (field → message key, or null). */
export function checkDeadline(deadline: string, today: string): string | null {
  return deadline !== "" && deadline < today ? "partnering.deadlinePast" : null;
}

/** The columns a checked form becomes ("anywhere", or no country, is the empty list). */
export function opportunityColumnsOf(form: OpportunityForm) {
  const countries = [...new Set(form.targetCountries)];
  return {
    organisationId: form.organisationId,
    kind: form.kind,
    area: form.area,
    partnerships: [...new Set(form.partnerships)],
    language: form.language,
    title: form.title,
    summary: form.summary,
    description: form.description,
    naceDivision: form.naceDivision,
    targetCountries: countries.includes(ANYWHERE) ? [] : countries,
    languages: [...new Set(form.languages)],
    brings: form.brings,
    seeks: form.seeks,
    deadline: form.deadline === "" ? null : form.deadline,
  };
}

/** The values the form shows again (after an error, or to edit). */
export type OpportunityFormValues = {
  organisationId: string;
  kind: string;
  area: string;
  partnerships: string[];
  language: string;
  title: string;
  summary: string;
  description: string;
  naceDivision: string;
  targetCountries: string[];
  languages: string[];
  brings: string;
  seeks: string;
  deadline: string;
};

export function opportunityFormValues(raw: Record<string, unknown>): OpportunityFormValues {
  const str = (key: string) => (typeof raw[key] === "string" ? String(raw[key]) : "");
  return {
    organisationId: str("organisationId"),
    kind: str("kind"),
    area: str("area"),
    partnerships: list(raw.partnerships),
    language: str("language"),
    title: str("title"),
    summary: str("summary"),
    description: str("description"),
    naceDivision: str("naceDivision"),
    targetCountries: list(raw.targetCountries),
    languages: list(raw.languages),
    brings: str("brings"),
    seeks: str("seeks"),
    deadline: str("deadline"),
  };
}

/** One translation (title, summary, description in one other language); all empty removes it. */
export const translationFormSchema = z
  .object({
    language: z.enum(locales, { error: "partnering.languageRequired" }),
    title: z.string().trim().max(MAX_TITLE, "partnering.titleTooLong").default(""),
    summary: z.string().trim().max(MAX_SUMMARY, "partnering.summaryTooLong").default(""),
    description: text(MAX_DESCRIPTION, "partnering.descriptionTooLong"),
  })
  .superRefine((v, ctx) => {
    const empty = v.title === "" && v.summary === "" && v.description === "";
    if (empty) return;
    if (v.title.length < 3) {
      ctx.addIssue({ code: "custom", path: ["title"], message: "partnering.titleRequired" });
    }
    if (v.summary.length < 10) {
      ctx.addIssue({ code: "custom", path: ["summary"], message: "partnering.summaryRequired" });
    }
  });
export type TranslationForm = z.output<typeof translationFormSchema>;

/** The reviewer's answer: approve, or send back with a note (the note is then required). */
export const reviewFormSchema = z
  .object({
    intent: z.enum(["approve", "return"]),
    note: z.string().trim().max(MAX_REVIEW_NOTE, "partnering.noteTooLong").default(""),
  })
  .superRefine((v, ctx) => {
    if (v.intent === "return" && v.note === "") {
      ctx.addIssue({ code: "custom", path: ["note"], message: "partnering.noteRequired" });
    }
  });

/** The search page's filters, from the query string. */
export const searchFilterSchema = z.object({
  q: z.string().trim().max(MAX_QUERY).optional(),
  kind: z.enum(opportunityKinds).optional(),
  partnership: z.enum(partnershipTypes).optional(),
  sector: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  /** "Open until at least": no deadline, or a deadline on or after this day. */
  openUntil: z
    .string()
    .refine((v) => isRealDate(v))
    .optional(),
  /** Only opportunities without a deadline. */
  noDeadline: z.literal("1").optional(),
});
export type SearchFilters = z.output<typeof searchFilterSchema>;
export const searchFilterKeys = [
  "q",
  "kind",
  "partnership",
  "sector",
  "country",
  "language",
  "openUntil",
  "noDeadline",
] as const;
