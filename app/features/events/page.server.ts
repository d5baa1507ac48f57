import { fieldErrors } from "~/features/accounts/schema";
import { languageName } from "~/features/taxonomy/vocabulary.server";
import type { Locale } from "~/i18n/i18n";
import { asList } from "~/lib/form.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE, listTimeZones, wallClockAt } from "~/lib/time-zones";
import { formatTimeZoneOption } from "~/ui/format";
import type { EventRow } from "./events.server";
import { type EventInput, eventFormSchema, resolveTimes } from "./schema";
import type { RepeatFormValues } from "./series-form";
import type { EventFormValues } from "./ui/event-form";

/** A form field as a string (absent or a file → ""). */
export function formValue(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** The zones to choose from, labelled with their offset now. */
export function zoneOptions(now = new Date()) {
  return listTimeZones().map((zone) => ({ value: zone, label: formatTimeZoneOption(zone, now) }));
}

/** The network's languages (else English) as options in the page language. */
export function languageOptions(codes: readonly string[], locale: Locale) {
  const list = codes.length > 0 ? codes : ["en"];
  return list.map((code) => ({ value: code, label: languageName(code, locale) }));
}

/** An instant as the value of a datetime-local field, in the zone. */
export function inputValue(instant: Date | null, timeZone: string): string {
  if (!instant) return "";
  const w = wallClockAt(instant, timeZone);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${w.year}-${two(w.month)}-${two(w.day)}T${two(w.hour)}:${two(w.minute)}`;
}

/** The empty form for a new event: the organiser's zone, the network's first language. */
export function blankEventForm(timeZone: string, language: string): EventFormValues {
  return {
    title: "",
    description: "",
    kind: "in_person",
    venue: "",
    address: "",
    mapUrl: "",
    meetingUrl: "",
    timeZone: canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE,
    startsAt: "",
    endsAt: "",
    language,
    capacity: "",
    rsvpDeadline: "",
  };
}

/** An event's stored values as the form shows them, times in its own zone. */
export function eventFormValues(row: EventRow): EventFormValues {
  return {
    title: row.title,
    description: row.description,
    kind: row.kind,
    venue: row.venue,
    address: row.address,
    mapUrl: row.mapUrl,
    meetingUrl: row.meetingUrl,
    timeZone: row.timeZone,
    startsAt: inputValue(row.startsAt, row.timeZone),
    endsAt: inputValue(row.endsAt, row.timeZone),
    language: row.language,
    capacity: row.capacity === null ? "" : String(row.capacity),
    rsvpDeadline: inputValue(row.rsvpDeadline, row.timeZone),
  };
}

/**
 * Reads the submitted event form: the input to store, or the field errors with the values to
 * show again. `languages` are the codes the network allows.
 */
export function readEventForm(
  form: Record<string, unknown>,
  languages: readonly string[],
  now = new Date(),
):
  | { input: EventInput; errors: null; values: EventFormValues }
  | {
      input: null;
      errors: Record<string, string>;
      values: EventFormValues;
    } {
  const values = Object.fromEntries(
    [
      "title",
      "description",
      "kind",
      "venue",
      "address",
      "mapUrl",
      "meetingUrl",
      "timeZone",
      "startsAt",
      "endsAt",
      "language",
      "capacity",
      "rsvpDeadline",
    ].map((k) => [k, formValue(form[k])]),
  ) as EventFormValues;
  const parsed = eventFormSchema.safeParse(values);
  if (!parsed.success) return { input: null, errors: fieldErrors(parsed.error), values };
  const allowed = languages.length > 0 ? languages : ["en"];
  if (!allowed.includes(parsed.data.language)) {
    return { input: null, errors: { language: "events.languageRequired" }, values };
  }
  const resolved = resolveTimes(parsed.data, now);
  if (resolved.errors) return { input: null, errors: resolved.errors, values };
  return { input: resolved.input, errors: null, values };
}

/** The "Repeats" fieldset as submitted (weekdays may come several times). */
export function readRepeatValues(form: Record<string, unknown>): RepeatFormValues {
  return {
    repeat: formValue(form.repeat) || "none",
    repeatInterval: formValue(form.repeatInterval),
    repeatDays: asList(form.repeatDays),
    repeatOrdinal: formValue(form.repeatOrdinal),
    repeatEnd: formValue(form.repeatEnd) || "count",
    repeatCount: formValue(form.repeatCount),
    repeatUntil: formValue(form.repeatUntil),
  };
}
