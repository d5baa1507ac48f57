import { z } from "zod";
import { learningFormats } from "~/db/enums";

export const MAX_OFFER_DESCRIPTION = 5000;
export const MAX_OFFER_TOPICS = 10;
export const MAX_ANSWER_MESSAGE = 2000;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A calendar date with a year from 1900 to 2200 (year 0 and the like: PostgreSQL refuses). */
function isRealDate(text: string): boolean {
  if (!DATE.test(text)) return false;
  const year = Number(text.slice(0, 4));
  if (year < 1900 || year > 2200) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === "string" && v !== "");
};

/**
 * The offer form as typed. Topic keys, languages, countries and the organisation are checked
 * against the database or the vocabularies by the caller (offers.server.ts); this checks shape.
 * Price is in euros ("12", "12.50"); empty means free. Either "on demand" or a first date.
 */
export const offerFormSchema = z
  .object({
    title: z.string().trim().min(3, "offers.titleRequired").max(140, "offers.titleTooLong"),
    description: z
      .string()
      .trim()
      .max(MAX_OFFER_DESCRIPTION, "offers.descriptionTooLong")
      .default(""),
    topics: z.preprocess(
      list,
      z
        .array(z.string().max(320))
        .min(1, "offers.topicsRequired")
        .max(MAX_OFFER_TOPICS, "offers.tooManyTopics"),
    ),
    formats: z.preprocess(
      list,
      z
        .array(z.enum(learningFormats, { error: "offers.formatsRequired" }))
        .min(1, "offers.formatsRequired"),
    ),
    languages: z.preprocess(
      list,
      z
        .array(z.string().regex(/^[a-z]{2,3}$/, "offers.languagesRequired"))
        .min(1, "offers.languagesRequired")
        .max(20, "offers.languagesRequired"),
    ),
    countries: z.preprocess(
      list,
      z
        .array(z.string().regex(/^[A-Z]{2}$/, "offers.countryInvalid"))
        .max(60, "offers.countryInvalid"),
    ),
    onDemand: z.preprocess((v) => v === "on" || v === "true" || v === "1", z.boolean()),
    startsOn: z.string().trim().default(""),
    endsOn: z.string().trim().default(""),
    price: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || /^\d{1,6}([.,]\d{1,2})?$/.test(v), "offers.priceInvalid"),
    organisationId: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || UUID.test(v), "offers.organisationInvalid"),
  })
  .superRefine((v, ctx) => {
    if (v.startsOn !== "" && !isRealDate(v.startsOn)) {
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "offers.dateInvalid" });
    }
    if (v.endsOn !== "" && !isRealDate(v.endsOn)) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "offers.dateInvalid" });
    }
    if (!v.onDemand && v.startsOn === "") {
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "offers.whenRequired" });
    }
    if (v.endsOn !== "" && v.startsOn === "") {
      ctx.addIssue({ code: "custom", path: ["startsOn"], message: "offers.whenRequired" });
    }
    if (isRealDate(v.startsOn) && isRealDate(v.endsOn) && v.endsOn < v.startsOn) {
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "offers.endBeforeStart" });
    }
  });

export type OfferForm = z.output<typeof offerFormSchema>;

/** The columns an offer form becomes (dates as "YYYY-MM-DD", price in cents or null). */
export function offerColumnsOf(form: OfferForm) {
  return {
    title: form.title,
    description: form.description,
    formats: [...new Set(form.formats)],
    languages: [...new Set(form.languages)],
    // Countries only limit face-to-face delivery; without it they mean nothing.
    countries: form.formats.includes("face_to_face") ? [...new Set(form.countries)] : [],
    onDemand: form.onDemand,
    startsOn: form.startsOn === "" ? null : form.startsOn,
    endsOn: form.endsOn === "" ? null : form.endsOn,
    priceCents: form.price === "" ? null : Math.round(Number(form.price.replace(",", ".")) * 100),
    organisationId: form.organisationId === "" ? null : form.organisationId,
  };
}

/** The answer form ("I can run this"): what it is answered with, a message, a language. */
export const answerFormSchema = z.object({
  target: z
    .string()
    .regex(
      /^(offer|event):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
      "offers.answerTargetRequired",
    ),
  message: z.string().trim().max(MAX_ANSWER_MESSAGE, "offers.messageTooLong").default(""),
  language: z.string().trim().default(""),
  submissionKey: z.string().optional(),
});

/** The values the offer form shows again (after an error, or to edit). */
export type OfferFormValues = {
  title: string;
  description: string;
  topics: string[];
  formats: string[];
  languages: string[];
  countries: string[];
  onDemand: boolean;
  startsOn: string;
  endsOn: string;
  price: string;
  organisationId: string;
};

export function offerFormValues(raw: Record<string, unknown>): OfferFormValues {
  const text = (key: string) => (typeof raw[key] === "string" ? String(raw[key]) : "");
  return {
    title: text("title"),
    description: text("description"),
    topics: list(raw.topics),
    formats: list(raw.formats),
    languages: list(raw.languages),
    countries: list(raw.countries),
    onDemand: raw.onDemand === "on" || raw.onDemand === "true" || raw.onDemand === "1",
    startsOn: text("startsOn"),
    endsOn: text("endsOn"),
    price: text("price"),
    organisationId: text("organisationId"),
  };
}
