import { fieldErrors } from "~/features/accounts/schema";
import { sectorFromWords } from "~/features/taxonomy/vocabulary.server";
import { asList } from "~/lib/form.server";
import { checkOrganisationVocabulary } from "./organisations.server";
import { type OrganisationInput, organisationSchema } from "./schema";

/** Parses a submitted organisation form; returns the input or field errors (catalogue keys). */
export function parseOrganisationForm(
  form: Record<string, unknown>,
): { ok: true; input: OrganisationInput } | { ok: false; errors: Record<string, string> } {
  // The form's sector field holds plain words (or a code); older clients send the code itself.
  const sector = typeof form.sector === "string" ? form.sector : undefined;
  const parsed = organisationSchema.safeParse({
    ...form,
    ...(sector !== undefined ? { naceDivision: sectorFromWords(sector) ?? "" } : {}),
    topics: asList(form.topics),
    deliveryModes: asList(form.deliveryModes),
    eqfLevels: asList(form.eqfLevels),
  });
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error) };
  const errors = checkOrganisationVocabulary(parsed.data);
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, input: parsed.data };
}
