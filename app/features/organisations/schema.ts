import { z } from "zod";
import { deliveryModes, providerTypes, sizeBands } from "~/features/taxonomy/types";
import { normaliseWebsite } from "./website";

const common = {
  name: z.string().trim().min(2, "org.nameTooShort").max(120, "org.nameTooLong"),
  country: z.string().trim().toUpperCase().length(2, "profile.countryRequired"),
  region: z.string().trim().max(80, "profile.regionTooLong").default(""),
  // "bakery.ie" is taken as "https://bakery.ie": people type addresses without a scheme.
  website: z
    .string()
    .max(200, "org.websiteInvalid")
    .default("")
    .transform((value, ctx) => {
      const website = normaliseWebsite(value);
      if (website === null) {
        ctx.addIssue({ code: "custom", message: "org.websiteInvalid" });
        return z.NEVER;
      }
      return website;
    }),
  description: z.string().trim().max(2000, "org.descriptionTooLong").default(""),
};

export const enterpriseSchema = z.object({
  kind: z.literal("enterprise"),
  ...common,
  naceDivision: z.string().regex(/^\d{2}$/, "org.sectorRequired"),
  sizeBand: z.enum(sizeBands, { error: "org.sizeRequired" }),
  yearFounded: z.coerce
    .number({ error: "org.yearInvalid" })
    .int("org.yearInvalid")
    .min(1800, "org.yearInvalid")
    .max(new Date().getUTCFullYear(), "org.yearInvalid"),
});

export const providerSchema = z.object({
  kind: z.literal("provider"),
  ...common,
  providerType: z.enum(providerTypes, { error: "org.typeRequired" }),
  topics: z.array(z.string()).min(1, "org.topicsRequired").max(20, "org.topicsTooMany"),
  deliveryModes: z.array(z.enum(deliveryModes)).min(1, "org.deliveryRequired"),
  eqfLevels: z.array(z.coerce.number().int().min(1).max(8)).min(1, "org.eqfRequired"),
});

export const organisationSchema = z.discriminatedUnion("kind", [enterpriseSchema, providerSchema], {
  error: "org.kindRequired",
});

export type OrganisationInput = z.infer<typeof organisationSchema>;
