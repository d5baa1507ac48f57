import { z } from "zod";
import { profileFields } from "~/db/enums";

/** The profile fields that carry their own visibility (for forms). */
export { profileFields };

import { languageLevels } from "~/features/taxonomy/types";

export const LANGUAGE_ROWS = 6;

const visibility = z.enum(["public", "members", "private"]).catch("members");

/**
 * The profile form. Languages arrive as rows lang_N/level_N; skills as repeated
 * offered/wanted values. Vocabulary membership (countries, topics, languages) is checked
 * by the caller against the built-in lists.
 */
export const profileSchema = z.object({
  displayName: z.string().trim().min(2, "profile.nameTooShort").max(80, "profile.nameTooLong"),
  headline: z.string().trim().max(120, "profile.headlineTooLong").default(""),
  bio: z.string().trim().max(2000, "profile.bioTooLong").default(""),
  country: z.string().trim().toUpperCase().length(2, "profile.countryRequired"),
  region: z.string().trim().max(80, "profile.regionTooLong").default(""),
  languages: z
    .array(z.object({ code: z.string(), level: z.enum(languageLevels) }))
    .min(1, "profile.languagesRequired")
    .max(LANGUAGE_ROWS),
  offered: z.array(z.string()).max(15, "profile.tooManySkills"),
  wanted: z.array(z.string()).max(15, "profile.tooManySkills"),
  visibility: z.object(Object.fromEntries(profileFields.map((f) => [f, visibility]))),
  removePhoto: z.boolean(),
});

export type ProfileInput = z.infer<typeof profileSchema>;
