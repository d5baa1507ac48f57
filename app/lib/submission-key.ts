import { z } from "zod";

/**
 * The key a create form carries so that sending it twice makes one thing (decision 007): a
 * missing or malformed key is no key (the form still works, once per send).
 */
export const submissionKeySchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{10,64}$/)
  .optional()
  .catch(undefined);

/** A submitted form field as a submission key, or undefined. */
export function readSubmissionKey(value: unknown): string | undefined {
  return submissionKeySchema.parse(value);
}
