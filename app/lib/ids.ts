import { z } from "zod";

/** Whether a value is a UUID as the database stores ids (anything else cannot name a row). */
export function isUuid(value: unknown): value is string {
  return (
    typeof value === "string" &&
    /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}

/**
 * A form field naming a row by id: trimmed, a UUID (else `message`), and lower case as ids are
 * written everywhere, so a string comparison with a stored id ("not your own", "not yourself")
 * agrees with PostgreSQL, which reads uuids without regard to case.
 */
export function idField(message: string) {
  return z
    .string()
    .trim()
    .refine((value) => isUuid(value), message)
    .transform((id) => id.toLowerCase());
}
