import { z } from "zod";

const code = (re: RegExp) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v && re.test(v) ? v : undefined));

/** Discovery filters from the query string; malformed values are ignored. */
export const networkFilterSchema = z.object({
  kind: z.enum(["local", "online", "cross_border"]).optional().catch(undefined),
  country: code(/^[A-Z]{2}$/),
  language: code(/^[a-z]{2}$/),
  topic: code(/^[a-z0-9-]{2,60}$/),
  q: z
    .string()
    .trim()
    .max(80)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined),
});
