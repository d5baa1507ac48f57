/**
 * IANA time zones: which names we accept, sensible defaults, and the calendar arithmetic that
 * events and digests need (start of a day or week in a zone, a wall-clock time in a zone as an
 * instant, correct across daylight-saving changes). Client-safe: no server imports, so the
 * settings page and later the event form can use the same rules as the server.
 *
 * Everything is computed with Intl (the ICU time-zone data shipped with Node and the browser);
 * no time-zone database of our own to keep up to date.
 */

/** The zone of a person who has not told us theirs: the project's home, Central European Time. */
export const DEFAULT_TIME_ZONE = "Europe/Brussels";

/** The zone of an anonymous visitor whose browser has not told us theirs (always labelled). */
export const FALLBACK_TIME_ZONE = "UTC";

/** Name of the cookie in which the browser tells the server its zone (for anonymous visitors). */
export const TIME_ZONE_COOKIE = "tz";

let zoneList: readonly string[] | undefined;
let zoneSet: Set<string> | undefined;

/**
 * The zones a person may choose: the runtime's IANA list (`Intl.supportedValuesOf`) plus UTC,
 * which that list leaves out. Sorted as the runtime gives them (by name).
 */
export function listTimeZones(): readonly string[] {
  if (!zoneList) {
    const zones = Intl.supportedValuesOf("timeZone");
    zoneList = zones.includes("UTC") ? zones : [...zones, "UTC"];
    zoneSet = new Set(zoneList);
  }
  return zoneList;
}

const canonicalCache = new Map<string, string | null>();

/**
 * The canonical spelling of an IANA zone name (`europe/athens` → `Europe/Athens`, `Etc/UTC` →
 * `UTC`, `Asia/Kolkata` → whichever of the two names this runtime's list uses), or null when the
 * name is not a zone of the list. Browsers and Node may ship different ICU versions, so a name
 * the browser reports is accepted when it means a zone of our list.
 */
export function canonicalTimeZone(name: unknown): string | null {
  if (typeof name !== "string" || name.length === 0 || name.length > 64) return null;
  const cached = canonicalCache.get(name);
  if (cached !== undefined) return cached;
  let canonical: string | null = null;
  // Offsets such as "+02:00" are valid for Intl but are not places: refuse them.
  if (/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(name)) {
    try {
      const resolved = new Intl.DateTimeFormat("en", { timeZone: name }).resolvedOptions().timeZone;
      listTimeZones();
      if (zoneSet?.has(resolved)) canonical = resolved;
      else if (zoneSet?.has(name)) canonical = name;
    } catch {
      canonical = null;
    }
  }
  // Bounded: only names that parse as zones are worth remembering, and there are few hundred.
  if (canonical !== null || canonicalCache.size < 2000) canonicalCache.set(name, canonical);
  return canonical;
}

/** Whether the name is a zone a person may have (see canonicalTimeZone). */
export function isTimeZone(name: unknown): name is string {
  return canonicalTimeZone(name) !== null;
}

/**
 * The main zone of a country (ISO 3166-1 alpha-2), for defaults when nothing better is known:
 * the demo people, sign-up without JavaScript. Countries spanning several zones get the zone of
 * their capital; unknown countries get undefined.
 */
export function timeZoneForCountry(country: string | null | undefined): string | undefined {
  return country ? countryZones[country.toUpperCase()] : undefined;
}

const countryZones: Record<string, string> = {
  AD: "Europe/Andorra",
  AL: "Europe/Tirane",
  AM: "Asia/Yerevan",
  AT: "Europe/Vienna",
  AU: "Australia/Sydney",
  AZ: "Asia/Baku",
  BA: "Europe/Sarajevo",
  BE: "Europe/Brussels",
  BG: "Europe/Sofia",
  BR: "America/Sao_Paulo",
  BY: "Europe/Minsk",
  CA: "America/Toronto",
  CH: "Europe/Zurich",
  CN: "Asia/Shanghai",
  CY: "Asia/Nicosia",
  CZ: "Europe/Prague",
  DE: "Europe/Berlin",
  DK: "Europe/Copenhagen",
  DZ: "Africa/Algiers",
  EE: "Europe/Tallinn",
  EG: "Africa/Cairo",
  ES: "Europe/Madrid",
  FI: "Europe/Helsinki",
  FR: "Europe/Paris",
  GB: "Europe/London",
  GE: "Asia/Tbilisi",
  GR: "Europe/Athens",
  HR: "Europe/Zagreb",
  HU: "Europe/Budapest",
  IE: "Europe/Dublin",
  IL: "Asia/Jerusalem",
  IN: "Asia/Calcutta",
  IS: "Atlantic/Reykjavik",
  IT: "Europe/Rome",
  JP: "Asia/Tokyo",
  LB: "Asia/Beirut",
  LI: "Europe/Vaduz",
  LT: "Europe/Vilnius",
  LU: "Europe/Luxembourg",
  LV: "Europe/Riga",
  MA: "Africa/Casablanca",
  MC: "Europe/Monaco",
  MD: "Europe/Chisinau",
  ME: "Europe/Podgorica",
  MK: "Europe/Skopje",
  MT: "Europe/Malta",
  MX: "America/Mexico_City",
  NL: "Europe/Amsterdam",
  NO: "Europe/Oslo",
  NZ: "Pacific/Auckland",
  PL: "Europe/Warsaw",
  PT: "Europe/Lisbon",
  RO: "Europe/Bucharest",
  RS: "Europe/Belgrade",
  RU: "Europe/Moscow",
  SE: "Europe/Stockholm",
  SI: "Europe/Ljubljana",
  SK: "Europe/Bratislava",
  SM: "Europe/San_Marino",
  TN: "Africa/Tunis",
  TR: "Europe/Istanbul",
  UA: "Europe/Kiev",
  US: "America/New_York",
  VA: "Europe/Vatican",
  XK: "Europe/Belgrade",
  ZA: "Africa/Johannesburg",
};

/**
 * A guess from the interface language, for a sign-up without JavaScript and without the zone
 * cookie: the zone of the language's main country in this project, else the default.
 */
export function timeZoneForLocale(locale: string): string {
  const country = { de: "DE", el: "GR", fi: "FI", it: "IT", ro: "RO" }[locale];
  return canonicalTimeZone(timeZoneForCountry(country)) ?? DEFAULT_TIME_ZONE;
}

// ───────────────────────────── calendar arithmetic ─────────────────────────────

/** A date and time on a wall clock, without a zone. Months are 1–12. */
export type WallClock = {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second?: number;
};

/** What to do with a wall-clock time that a DST change skips (gap) or repeats (overlap). */
export type Disambiguation = "compatible" | "earlier" | "later" | "reject";

/** A wall-clock time that does not exist in the zone (only with disambiguation "reject"). */
export class NonexistentWallClock extends Error {}
/** A wall-clock time that happens twice in the zone (only with disambiguation "reject"). */
export class AmbiguousWallClock extends Error {}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function toMs(instant: Date | string | number): number {
  const ms = instant instanceof Date ? instant.getTime() : new Date(instant).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return ms;
}

/** The wall-clock date and time at an instant in a zone. */
export function wallClockAt(
  instant: Date | string | number,
  timeZone: string,
): Required<WallClock> {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(toMs(instant))) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  return {
    year: values.year,
    month: values.month,
    day: values.day,
    hour: values.hour,
    minute: values.minute,
    second: values.second,
  };
}

function wallAsUtcMs(wall: WallClock): number {
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const date = new Date(
    Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0),
  );
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

/**
 * The zone's offset from UTC at an instant, in milliseconds (Athens in summer: +3 h).
 * Seconds-precise offsets of old local mean times are rounded to the second.
 */
export function offsetAt(instant: Date | string | number, timeZone: string): number {
  const ms = toMs(instant);
  const whole = Math.floor(ms / 1000) * 1000;
  return wallAsUtcMs(wallClockAt(whole, timeZone)) - whole;
}

/**
 * The instant at which a wall clock in the zone shows the given date and time. Daylight-saving
 * changes make some wall-clock times skipped (spring forward) and some repeated (fall back):
 * - "compatible" (default, as RFC 5545 and Temporal): a skipped time moves forward by the length
 *   of the gap (02:30 in a 02:00→03:00 gap is 03:30); a repeated time takes the first occurrence.
 * - "earlier" / "later": the earlier or later of the two candidates in either case.
 * - "reject": throws NonexistentWallClock or AmbiguousWallClock.
 */
export function instantFromWallClock(
  wall: WallClock,
  timeZone: string,
  disambiguation: Disambiguation = "compatible",
): Date {
  const local = wallAsUtcMs(wall);
  // A zone changes its offset at most once in any two days, so the offsets a day either side
  // are the only ones the wall-clock time can have.
  const before = offsetAt(local - 86_400_000, timeZone);
  const after = offsetAt(local + 86_400_000, timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => local - offset)
    .filter((ms) => wallAsUtcMs(wallClockAt(ms, timeZone)) === local)
    .sort((a, b) => a - b);
  if (candidates.length === 1) return new Date(candidates[0]);
  if (candidates.length > 1) {
    if (disambiguation === "reject") throw new AmbiguousWallClock(JSON.stringify(wall));
    return new Date(disambiguation === "later" ? candidates.at(-1)! : candidates[0]);
  }
  // Skipped: read the wall time with the offset from before the change (lands after the gap,
  // pushed forward by its length) or from after it (lands before the gap).
  if (disambiguation === "reject") throw new NonexistentWallClock(JSON.stringify(wall));
  return new Date(disambiguation === "earlier" ? local - after : local - before);
}

/** The calendar date of an instant in a zone, plus `days` (negative to go back). */
function shiftedDate(wall: WallClock, days: number): WallClock {
  const date = new Date(wallAsUtcMs({ ...wall, hour: 12, minute: 0, second: 0 }));
  date.setUTCDate(date.getUTCDate() + days);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: 0,
    minute: 0,
    second: 0,
  };
}

/**
 * The first instant of the day (in the zone) that contains the instant, `days` days later.
 * Where a DST change skips midnight, the day starts at the first wall time that exists.
 */
export function startOfDay(
  instant: Date | string | number,
  timeZone: string,
  options: { addDays?: number } = {},
): Date {
  const day = shiftedDate(wallClockAt(instant, timeZone), options.addDays ?? 0);
  return instantFromWallClock(day, timeZone, "compatible");
}

/**
 * The first instant of the week (in the zone) that contains the instant. Weeks start on Monday
 * (ISO 8601, as in the project's countries) unless told otherwise (0 = Sunday … 6 = Saturday).
 */
export function startOfWeek(
  instant: Date | string | number,
  timeZone: string,
  options: { weekStartsOn?: number } = {},
): Date {
  const wall = wallClockAt(instant, timeZone);
  const weekday = new Date(wallAsUtcMs({ ...wall, hour: 12, minute: 0, second: 0 })).getUTCDay();
  const back = (weekday - (options.weekStartsOn ?? 1) + 7) % 7;
  return instantFromWallClock(shiftedDate(wall, -back), timeZone, "compatible");
}
