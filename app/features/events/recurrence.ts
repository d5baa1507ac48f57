import { instantFromWallClock, type WallClock, wallClockAt } from "~/lib/time-zones";

/**
 * Recurring event series (decision 017): the subset of RFC 5545 RRULE we accept, our own
 * parser and writer for it, and the expander that turns a rule and a first start into the
 * occurrences' start instants. Client-safe and pure (no database, no clock).
 *
 * The subset: FREQ=WEEKLY or MONTHLY; INTERVAL 1–52; BYDAY (weekly: plain days, "MO,WE";
 * monthly: days with an ordinal 1–5 or -1, "2WE", "-1FR"); exactly one of COUNT or UNTIL.
 * Weeks start on Monday (WKST=MO, the RFC default). Anything else is refused, so whatever we
 * store, ical.js and calendar programs expand the same way.
 *
 * Expansion happens on the organiser's wall clock: 18:30 in Athens stays 18:30 across the
 * daylight-saving change. The expander moves an occurrence whose wall-clock time the clocks skip
 * (spring forward) forward by the length of the gap (03:30 → 04:30), as RFC 5545 §3.3.5 says;
 * ical.js moves it back instead, so calendar programs disagree there: a series with such an
 * occurrence is refused (occurrencesOf). A repeated hour (fall back) takes the first of the two.
 */

export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** The ordinals a monthly rule may use: 1st to 5th, and -1 (the last). */
export const ORDINALS = [1, 2, 3, 4, 5, -1] as const;

/** At most this many occurrences in a series. */
export const MAX_OCCURRENCES = 52;
/** The last occurrence starts at most this many days after the first (two years). */
export const MAX_SPAN_DAYS = 731;
export const MAX_INTERVAL = 52;

export type ByDay = { day: Weekday; ordinal: number | null };

export type RecurrenceRule = {
  freq: "WEEKLY" | "MONTHLY";
  interval: number;
  byDay: ByDay[];
  count: number | null;
  /** The last instant an occurrence may start at (RFC 5545 UNTIL, in UTC). */
  until: Date | null;
};

/** Message keys for a rule we do not accept. */
export type RuleError =
  | "events.series.unknownFreq"
  | "events.series.intervalInvalid"
  | "events.series.daysRequired"
  | "events.series.endRequired"
  | "events.series.countInvalid"
  | "events.series.untilBeforeStart"
  | "events.series.tooMany"
  | "events.series.tooLong"
  | "events.series.timeSkipped"
  | "events.series.invalid";

const two = (n: number) => String(n).padStart(2, "0");

function utcText(instant: Date): string {
  return `${instant.getUTCFullYear()}${two(instant.getUTCMonth() + 1)}${two(instant.getUTCDate())}T${two(instant.getUTCHours())}${two(instant.getUTCMinutes())}${two(instant.getUTCSeconds())}Z`;
}

/** Reads an RRULE value ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=10") in our subset. */
export function parseRule(text: string): { rule: RecurrenceRule } | { error: RuleError } {
  const parts = new Map<string, string>();
  for (const part of text
    .trim()
    .replace(/^RRULE:/i, "")
    .split(";")) {
    const m = /^([A-Z]+)=([A-Z0-9,+-]+)$/i.exec(part.trim());
    if (!m || parts.has(m[1].toUpperCase())) return { error: "events.series.invalid" };
    parts.set(m[1].toUpperCase(), m[2].toUpperCase());
  }
  const known = new Set(["FREQ", "INTERVAL", "BYDAY", "COUNT", "UNTIL", "WKST"]);
  for (const key of parts.keys()) if (!known.has(key)) return { error: "events.series.invalid" };
  const freq = parts.get("FREQ");
  if (freq !== "WEEKLY" && freq !== "MONTHLY") return { error: "events.series.unknownFreq" };
  if (parts.has("WKST") && parts.get("WKST") !== "MO") return { error: "events.series.invalid" };
  const intervalText = parts.get("INTERVAL") ?? "1";
  const interval = /^\d{1,3}$/.test(intervalText) ? Number(intervalText) : 0;
  if (interval < 1 || interval > MAX_INTERVAL) return { error: "events.series.intervalInvalid" };
  const byDay: ByDay[] = [];
  for (const item of (parts.get("BYDAY") ?? "").split(",").filter(Boolean)) {
    const m = /^([+-]?\d)?(MO|TU|WE|TH|FR|SA|SU)$/.exec(item);
    if (!m) return { error: "events.series.invalid" };
    const ordinal = m[1] === undefined ? null : Number(m[1]);
    if (freq === "WEEKLY" && ordinal !== null) return { error: "events.series.invalid" };
    if (freq === "MONTHLY" && !(ORDINALS as readonly number[]).includes(ordinal ?? 0)) {
      return { error: "events.series.invalid" };
    }
    const day = m[2] as Weekday;
    if (byDay.some((b) => b.day === day && b.ordinal === ordinal)) continue;
    byDay.push({ day, ordinal });
  }
  if (byDay.length === 0) return { error: "events.series.daysRequired" };
  byDay.sort(
    (a, b) =>
      WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || (a.ordinal ?? 0) - (b.ordinal ?? 0),
  );
  const countText = parts.get("COUNT");
  const untilText = parts.get("UNTIL");
  if ((countText === undefined) === (untilText === undefined)) {
    return { error: "events.series.endRequired" };
  }
  let count: number | null = null;
  let until: Date | null = null;
  if (countText !== undefined) {
    count = /^\d{1,3}$/.test(countText) ? Number(countText) : 0;
    if (count < 1) return { error: "events.series.countInvalid" };
    if (count > MAX_OCCURRENCES) return { error: "events.series.tooMany" };
  } else {
    const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(untilText ?? "");
    if (!m) return { error: "events.series.invalid" };
    const [y, mo, d, h, mi, s] = m.slice(1).map(Number);
    until = new Date(Date.UTC(y, mo - 1, d, h, mi, s));
    if (utcText(until) !== untilText) return { error: "events.series.invalid" };
  }
  return { rule: { freq, interval, byDay, count, until } };
}

/** Writes a rule as an RRULE value, in one canonical spelling (what we store and publish). */
export function formatRule(rule: RecurrenceRule): string {
  const days = rule.byDay.map((b) => `${b.ordinal ?? ""}${b.day}`).join(",");
  const parts = [`FREQ=${rule.freq}`];
  if (rule.interval !== 1) parts.push(`INTERVAL=${rule.interval}`);
  parts.push(`BYDAY=${days}`);
  if (rule.count !== null) parts.push(`COUNT=${rule.count}`);
  if (rule.until !== null) parts.push(`UNTIL=${utcText(rule.until)}`);
  return parts.join(";");
}

type DateOnly = { year: number; month: number; day: number };

/** Monday 0 … Sunday 6 for a calendar date. */
function weekdayIndex(d: DateOnly): number {
  return (new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay() + 6) % 7;
}

function addDays(d: DateOnly, days: number): DateOnly {
  const date = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function compareDates(a: DateOnly, b: DateOnly): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** The day of the month that is the ordinal-th given weekday (-1: the last), or null. */
function nthWeekday(year: number, month: number, day: Weekday, ordinal: number): number | null {
  const target = WEEKDAYS.indexOf(day);
  const length = daysInMonth(year, month);
  if (ordinal > 0) {
    const first = weekdayIndex({ year, month, day: 1 });
    const date = 1 + ((target - first + 7) % 7) + (ordinal - 1) * 7;
    return date <= length ? date : null;
  }
  const last = weekdayIndex({ year, month, day: length });
  return length - ((last - target + 7) % 7);
}

/**
 * The calendar dates the rule yields from the start date on, in order, until `stop` says so
 * (at most `limit` dates; the caller stops earlier with COUNT or UNTIL).
 */
function* candidateDates(rule: RecurrenceRule, start: DateOnly): Generator<DateOnly> {
  if (rule.freq === "WEEKLY") {
    const monday = addDays(start, -weekdayIndex(start));
    for (let week = 0; week < 10_000; week += rule.interval) {
      const base = addDays(monday, week * 7);
      for (const b of rule.byDay) {
        const date = addDays(base, WEEKDAYS.indexOf(b.day));
        if (compareDates(date, start) >= 0) yield date;
      }
    }
    return;
  }
  for (let k = 0; k < 10_000; k += rule.interval) {
    const year = start.year + Math.floor((start.month - 1 + k) / 12);
    const month = ((start.month - 1 + k) % 12) + 1;
    const days = rule.byDay
      .map((b) => nthWeekday(year, month, b.day, b.ordinal ?? 1))
      .filter((d): d is number => d !== null)
      .sort((a, b) => a - b);
    for (const day of [...new Set(days)]) {
      const date = { year, month, day };
      if (compareDates(date, start) >= 0) yield date;
    }
  }
}

/**
 * The occurrences' start instants of a series whose first occurrence is at the wall-clock
 * time `start` in `timeZone` (RFC 5545: DTSTART counts as the first occurrence; our series
 * always start on a day the rule yields — see firstOccurrenceDate). Stops at COUNT, at UNTIL,
 * or after `limit` occurrences (one more than the cap lets the caller see a rule that is too long).
 */
export function expandRule(
  rule: RecurrenceRule,
  start: WallClock,
  timeZone: string,
  limit = MAX_OCCURRENCES + 1,
): Date[] {
  const out: Date[] = [];
  const stopAt = Math.min(limit, rule.count ?? Number.MAX_SAFE_INTEGER);
  const horizon = addDays(start, MAX_SPAN_DAYS + 62);
  for (const date of candidateDates(rule, start)) {
    if (out.length >= stopAt) break;
    if (compareDates(date, horizon) > 0) {
      // Past anything we accept: one more instant tells the caller the rule runs too long.
      out.push(instantOn(date, start, timeZone));
      break;
    }
    const instant = instantOn(date, start, timeZone);
    if (rule.until && instant.getTime() > rule.until.getTime()) break;
    out.push(instant);
  }
  return out;
}

function instantOn(date: DateOnly, time: WallClock, timeZone: string): Date {
  return instantFromWallClock(
    { ...date, hour: time.hour, minute: time.minute, second: time.second ?? 0 },
    timeZone,
    "compatible",
  );
}

/** The first date on or after `start` that the rule yields (where a series typed then starts). */
export function firstOccurrenceDate(rule: RecurrenceRule, start: DateOnly): DateOnly | null {
  for (const date of candidateDates(rule, start)) return date;
  return null;
}

/**
 * Checks a rule for a series starting at `start` (the first occurrence's instant) and returns
 * its occurrences' start instants, or the reason it is refused: none, more than the cap, or
 * reaching further than two years.
 */
export function occurrencesOf(
  rule: RecurrenceRule,
  start: Date,
  timeZone: string,
): { starts: Date[] } | { error: RuleError } {
  if (rule.until && rule.until.getTime() < start.getTime()) {
    return { error: "events.series.untilBeforeStart" };
  }
  const starts = expandRule(rule, wallClockAt(start, timeZone), timeZone);
  if (starts.length === 0) return { error: "events.series.untilBeforeStart" };
  if (starts.length > MAX_OCCURRENCES) return { error: "events.series.tooMany" };
  const span = starts[starts.length - 1].getTime() - starts[0].getTime();
  if (span > MAX_SPAN_DAYS * 86_400_000) return { error: "events.series.tooLong" };
  const time = wallClockAt(start, timeZone);
  for (const instant of starts) {
    const wall = wallClockAt(instant, timeZone);
    if (wall.hour !== time.hour || wall.minute !== time.minute) {
      return { error: "events.series.timeSkipped" };
    }
  }
  return { starts };
}

/** The weekday of an instant in a zone. */
export function weekdayAt(instant: Date, timeZone: string): Weekday {
  return WEEKDAYS[weekdayIndex(wallClockAt(instant, timeZone))];
}

/** Which ordinal the day of the month is for its weekday (1–5), and whether it is the last. */
export function ordinalOfDay(year: number, month: number, day: number) {
  return { ordinal: Math.ceil(day / 7), last: day + 7 > daysInMonth(year, month) };
}
