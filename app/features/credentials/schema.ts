import { z } from "zod";

/** A credential id in a URL: anything else is a 404, as a missing credential is. */
export const credentialIdSchema = z.uuid();

export const REVOKE_REASON_MAX = 500;

/** The revocation form: the reason, said in a sentence. */
export const revokeSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, "credentials.revoke.reasonRequired")
    .max(REVOKE_REASON_MAX, "credentials.revoke.reasonTooLong"),
});

/** The /badges form: show one credential on the profile, or hide it. */
export const visibilitySchema = z.object({
  credentialId: z.uuid(),
  intent: z.enum(["show", "hide"]),
});
