import type { AppLoadContext } from "react-router";
import { httpError } from "./errors";

/**
 * The submitted form as a plain object (repeated names become arrays), without the CSRF field.
 * The edge (server/app.ts) has already read and parsed the body once, files to disk, and hands
 * it over in the load context; a request whose body is not a form is a 400.
 */
export function readForm(context: Pick<AppLoadContext, "submittedForm">): Record<string, unknown> {
  if (!context.submittedForm) throw httpError(400);
  return formToObject(context.submittedForm);
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
