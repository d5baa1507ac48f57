import { z } from "zod";
import { canonicalTimeZone } from "~/lib/time-zones";
import { isCommonPassword } from "./common-passwords";

/** Emails are compared and stored trimmed and lower-cased. */
export const emailSchema = z
  .string({ error: "form.required" })
  .trim()
  .toLowerCase()
  .min(1, "form.required")
  .max(254, "auth.emailInvalid")
  .pipe(z.email({ error: "auth.emailInvalid" }));

export const newPasswordSchema = z
  .string({ error: "form.required" })
  .min(10, "auth.passwordTooShort")
  .max(200, "auth.passwordTooLong")
  .refine((p) => !isCommonPassword(p), "auth.passwordCommon");

export const signUpSchema = z.object({
  displayName: z
    .string({ error: "form.required" })
    .trim()
    .min(2, "profile.nameTooShort")
    .max(80, "profile.nameTooLong"),
  email: emailSchema,
  password: newPasswordSchema,
  role: z.enum(["owner", "educator"], { error: "auth.roleRequired" }),
});

/** An IANA zone of Intl's list (any spelling that names one), given back in canonical spelling. */
export const timeZoneSchema = z.string({ error: "timeZone.invalid" }).transform((value, ctx) => {
  const zone = canonicalTimeZone(value.trim());
  if (!zone) {
    ctx.addIssue({ code: "custom", message: "timeZone.invalid" });
    return z.NEVER;
  }
  return zone;
});

export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "form.required" }).min(1, "form.required").max(200),
});

export const forgotPasswordSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = z.object({
  token: z.string().min(10).max(100),
  password: newPasswordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string({ error: "form.required" }).min(1, "form.required").max(200),
  newPassword: newPasswordSchema,
});

export const changeEmailSchema = z.object({
  email: emailSchema,
  currentPassword: z.string({ error: "form.required" }).min(1, "form.required").max(200),
});

/**
 * Turns a Zod error into { field: catalogueKey } for the form (first problem per field).
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!out[field]) out[field] = issue.message.includes(".") ? issue.message : "form.invalid";
  }
  return out;
}
