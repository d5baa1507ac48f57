import { z } from "zod";

const optionalCode = (re: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && re.test(v) ? v : undefined));

/** Directory filters from the query string; unknown or malformed values are ignored. */
export const peopleFilterSchema = z.object({
  role: z.enum(["owner", "educator"]).optional().catch(undefined),
  country: optionalCode(/^[A-Z]{2}$/),
  language: optionalCode(/^[a-z]{2}$/),
  sector: optionalCode(/^[A-U]$/),
  skill: optionalCode(/^[a-z0-9-]{2,60}$/),
  /** What people want to learn (user_skills kind 'wanted'), next to what they offer. */
  wanted: optionalCode(/^[a-z0-9-]{2,60}$/),
});

export const organisationFilterSchema = z.object({
  kind: z.enum(["enterprise", "provider"]).optional().catch(undefined),
  country: optionalCode(/^[A-Z]{2}$/),
  sector: optionalCode(/^[A-U]$/),
  topic: optionalCode(/^[a-z0-9-]{2,60}$/),
  q: z
    .string()
    .trim()
    .max(80)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});

/** Reads a query string into a filter object with the given schema. */
export function parseFilters<T extends z.ZodType>(schema: T, url: URL): z.infer<T> {
  return schema.parse(Object.fromEntries(url.searchParams));
}
