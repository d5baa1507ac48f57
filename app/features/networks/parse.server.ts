import { fieldErrors } from "~/features/accounts/schema";
import { asList } from "~/lib/form.server";
import { checkNetworkVocabulary } from "./networks.server";
import { type NetworkInput, networkSchema } from "./schema";

/** Reads a network form: the input, or field errors and the values to show again. */
export function parseNetworkForm(form: Record<string, unknown>) {
  const values = {
    name: String(form.name ?? ""),
    purpose: String(form.purpose ?? ""),
    description: String(form.description ?? ""),
    kind: String(form.kind ?? ""),
    place: String(form.place ?? ""),
    countries: asList(form.countries),
    languages: asList(form.languages),
    topics: asList(form.topics),
    visibility: String(form.visibility ?? ""),
    memberCap: String(form.memberCap ?? "40"),
  };
  const parsed = networkSchema.safeParse(values);
  if (!parsed.success) return { ok: false as const, errors: fieldErrors(parsed.error), values };
  const errors = checkNetworkVocabulary(parsed.data);
  if (Object.keys(errors).length) return { ok: false as const, errors, values };
  return { ok: true as const, input: parsed.data as NetworkInput, values };
}
