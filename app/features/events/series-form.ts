import { instantFromWallClock, wallClockAt } from "~/lib/time-zones";
import {
  firstOccurrenceDate,
  formatRule,
  ORDINALS,
  occurrencesOf,
  ordinalOfDay,
  parseRule,
  type RecurrenceRule,
  WEEKDAYS,
  weekdayAt,
} from "./recurrence";
import type { EventInput } from "./schema";

/** The "Repeats" fieldset as typed (all strings; days may be several). */
export type RepeatFormValues = {
  repeat: string;
  repeatInterval: string;
  repeatDays: string[];
  repeatOrdinal: string;
  repeatEnd: string;
  repeatCount: string;
  repeatUntil: string;
};

export const blankRepeatForm: RepeatFormValues = {
  repeat: "none",
  repeatInterval: "1",
  repeatDays: [],
  repeatOrdinal: "",
  repeatEnd: "count",
  repeatCount: "",
  repeatUntil: "",
};

/** A series to create: its rule, and the first occurrence's event with each occurrence's start. */
export type SeriesPlan = { rule: RecurrenceRule; first: EventInput; starts: Date[] };

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Reads the "Repeats" fieldset for an event whose first typed times are `input`: null when it
 * does not repeat, else the plan (the series starts on the first day of the rule on or after
 * the typed date, at the typed time), or the message key for what is wrong. The fields are
 * turned into an RRULE and read back with our own parser, so the form and stored rules obey
 * the same checks.
 */
export function readRepeatForm(
  values: RepeatFormValues,
  input: EventInput,
): { plan: SeriesPlan | null; error: null } | { plan: null; error: string } {
  if (values.repeat === "none" || values.repeat === "") return { plan: null, error: null };
  if (values.repeat !== "weekly" && values.repeat !== "monthly") {
    return { plan: null, error: "events.series.unknownFreq" };
  }
  const zone = input.timeZone;
  const typed = wallClockAt(input.startsAt, zone);
  const interval = values.repeatInterval.trim() === "" ? "1" : values.repeatInterval.trim();
  if (!/^\d{1,3}$/.test(interval)) return { plan: null, error: "events.series.intervalInvalid" };
  const days = values.repeatDays.filter((d) => (WEEKDAYS as readonly string[]).includes(d));
  if (days.length !== values.repeatDays.length)
    return { plan: null, error: "events.series.invalid" };
  // No day ticked: the weekday of the typed start.
  if (days.length === 0) days.push(weekdayAt(input.startsAt, zone));
  let byDay = days.join(",");
  if (values.repeat === "monthly") {
    let ordinal = values.repeatOrdinal.trim();
    if (ordinal === "") {
      // Not chosen: the position of the typed date in its month (the 5th only as the last).
      const o = ordinalOfDay(typed.year, typed.month, typed.day);
      ordinal = o.ordinal === 5 ? "-1" : String(o.ordinal);
    }
    if (!(ORDINALS as readonly number[]).map(String).includes(ordinal)) {
      return { plan: null, error: "events.series.invalid" };
    }
    byDay = days.map((d) => `${ordinal}${d}`).join(",");
  }
  const parts = [
    `FREQ=${values.repeat.toUpperCase()}`,
    `INTERVAL=${Number(interval)}`,
    `BYDAY=${byDay}`,
  ];
  if (values.repeatEnd === "count") {
    if (!/^\d{1,3}$/.test(values.repeatCount.trim())) {
      return {
        plan: null,
        error:
          values.repeatCount.trim() === ""
            ? "events.series.endRequired"
            : "events.series.countInvalid",
      };
    }
    parts.push(`COUNT=${Number(values.repeatCount.trim())}`);
  } else if (values.repeatEnd === "until") {
    const m = DATE.exec(values.repeatUntil.trim());
    if (!m) return { plan: null, error: "events.series.endRequired" };
    const [year, month, day] = m.slice(1).map(Number);
    if (
      month < 1 ||
      month > 12 ||
      day < 1 ||
      day > new Date(Date.UTC(year, month, 0)).getUTCDate()
    ) {
      return { plan: null, error: "events.series.endRequired" };
    }
    // The whole of the last day, on the organiser's clock.
    const end = instantFromWallClock({ year, month, day, hour: 23, minute: 59, second: 59 }, zone);
    const stamp = end
      .toISOString()
      .replace(/[-:]/g, "")
      .replace(/\.\d{3}/, "");
    parts.push(`UNTIL=${stamp}`);
  } else {
    return { plan: null, error: "events.series.endRequired" };
  }
  const parsed = parseRule(parts.join(";"));
  if ("error" in parsed) return { plan: null, error: parsed.error };
  const rule = parsed.rule;
  const date = firstOccurrenceDate(rule, typed);
  if (!date) return { plan: null, error: "events.series.invalid" };
  const start = instantFromWallClock({ ...typed, ...date }, zone, "compatible");
  const shift = start.getTime() - input.startsAt.getTime();
  const first: EventInput = {
    ...input,
    startsAt: start,
    endsAt: new Date(input.endsAt.getTime() + shift),
    rsvpDeadline: input.rsvpDeadline ? new Date(input.rsvpDeadline.getTime() + shift) : null,
  };
  const expanded = occurrencesOf(rule, start, zone);
  if ("error" in expanded) return { plan: null, error: expanded.error };
  return { plan: { rule, first, starts: expanded.starts }, error: null };
}

/** The event of one occurrence: the first one's times moved to its start. */
export function occurrenceInput(first: EventInput, start: Date): EventInput {
  const shift = start.getTime() - first.startsAt.getTime();
  return {
    ...first,
    startsAt: start,
    endsAt: new Date(first.endsAt.getTime() + shift),
    rsvpDeadline: first.rsvpDeadline ? new Date(first.rsvpDeadline.getTime() + shift) : null,
  };
}

export { formatRule };
