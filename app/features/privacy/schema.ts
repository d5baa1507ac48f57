import { z } from "zod";

/** "Delete my account": the current password is the confirmation. */
export const deleteAccountSchema = z.object({
  currentPassword: z
    .string({ error: "form.required" })
    .min(1, "form.required")
    .max(200, "auth.currentPasswordWrong"),
});
