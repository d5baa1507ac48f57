import { z } from "zod";

/** Whom the admin users list shows: a person's role, or who holds a site role. */
export const adminUserFilters = ["owner", "educator", "facilitator", "admin"] as const;
export type AdminUserFilter = (typeof adminUserFilters)[number];

/** The admin users page's query string: a name or email fragment and a role filter. */
export const adminUsersQuerySchema = z.object({
  q: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().slice(0, 80)),
  role: z
    .union([z.literal(""), z.enum(adminUserFilters)])
    .optional()
    .transform((v) => v || undefined),
});

/** A role change posted from a row's menu: `facilitator:grant`, `admin:remove`… */
export const roleChangeSchema = z.object({
  intent: z
    .string()
    .transform((v) => v.split(":"))
    .pipe(
      z.tuple([z.enum(["facilitator", "admin"]), z.enum(["grant", "remove"])], {
        error: "errors.badRequest",
      }),
    ),
});
