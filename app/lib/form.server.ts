import { httpError } from "./errors";

/**
 * Reads a submitted form into a plain object (repeated names become arrays), dropping the CSRF
 * field. A body that is not a form is a 400.
 */
export async function readForm(request: Request): Promise<Record<string, unknown>> {
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw httpError(400);
  }
  return formToObject(form);
}

export function formToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key === "_csrf") continue;
    if (key in out) {
      const existing = out[key];
      out[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** Values of a multi-value field as an array of strings (absent → []). */
export function asList(value: unknown): string[] {
  if (value === undefined || value === null || value === "") return [];
  const list = Array.isArray(value) ? value : [value];
  return list.filter((v): v is string => typeof v === "string" && v !== "");
}
