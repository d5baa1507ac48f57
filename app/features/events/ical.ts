import { offsetAt, wallClockAt } from "~/lib/time-zones";
import { expandRule, parseRule } from "./recurrence";

/**
 * iCalendar (RFC 5545) text for events: VEVENTs with a stable UID and the SEQUENCE kept by the
 * event, times in the organiser's zone (DTSTART;TZID=…) with that zone's VTIMEZONE built from
 * the runtime's time-zone data (the actual offset changes in the years the events touch, so
 * calendar programs need no zone database that agrees with ours). No attendee addresses.
 */

export type CalendarEvent = {
  id: string;
  title: string;
  description: string;
  location: string;
  url: string;
  timeZone: string;
  startsAt: Date;
  endsAt: Date;
  sequence: number;
  updatedAt: Date;
  cancelled: boolean;
  /**
   * Write DTSTART/DTEND as UTC date-times (…Z) with no VTIMEZONE: for meetings between people in
   * two zones, where neither zone is "the" zone of the meeting.
   */
  utc?: boolean;
  /** Set for an occurrence of a recurring series (decision 017). */
  series?: {
    id: string;
    /** The occurrence's original start (RECURRENCE-ID). */
    recurrenceId: Date;
    master: {
      rule: string;
      start: string;
      timeZone: string;
      durationMinutes: number;
      sequence: number;
    };
  };
};

/** Escapes a TEXT value (backslash, semicolon, comma, newline). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** UTF-8 octets of one code point. */
const octets = (codePoint: number) =>
  codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;

/** Folds a content line at 75 octets (UTF-8), never inside a character; lines end in CRLF. */
export function foldLine(line: string): string {
  // Most lines are short: at most 25 UTF-16 units are at most 75 octets. (A feed of 400
  // events spent most of its time here when every character went through a TextEncoder.)
  if (line.length <= 25) return line;
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0) ?? 0);
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? 75 : 74;
    if (bytes + size > limit) {
      parts.push(current);
      current = "";
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

const two = (n: number) => String(n).padStart(2, "0");

/** An instant as UTC date-time ("20270615T153000Z"). */
export function utcStamp(instant: Date): string {
  return `${instant.getUTCFullYear()}${two(instant.getUTCMonth() + 1)}${two(instant.getUTCDate())}T${two(instant.getUTCHours())}${two(instant.getUTCMinutes())}${two(instant.getUTCSeconds())}Z`;
}

/** An instant as the local date-time in a zone ("20270615T183000"), for DTSTART;TZID=. */
export function localStamp(instant: Date | number, timeZone: string): string {
  const w = wallClockAt(instant, timeZone);
  return `${w.year}${two(w.month)}${two(w.day)}T${two(w.hour)}${two(w.minute)}${two(w.second)}`;
}

function offsetText(ms: number): string {
  const sign = ms < 0 ? "-" : "+";
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${sign}${two(Math.floor(minutes / 60))}${two(minutes % 60)}`;
}

type Transition = { at: number; from: number; to: number };

const HOUR = 3_600_000;

/** The instants in [from, to) at which the zone's UTC offset changes (to the minute). */
export function offsetTransitions(timeZone: string, from: number, to: number): Transition[] {
  const found: Transition[] = [];
  // Zones change offset at most a few times a year and never twice within a day: step by
  // 12 hours, then narrow each change down by halving.
  const step = 12 * HOUR;
  let previous = offsetAt(from, timeZone);
  for (let t = from + step; t < to + step; t += step) {
    const current = offsetAt(t, timeZone);
    if (current === previous) continue;
    let low = t - step;
    let high = t;
    while (high - low > 60_000) {
      const middle = low + Math.floor((high - low) / 2 / 60_000) * 60_000;
      if (offsetAt(middle, timeZone) === previous) low = middle;
      else high = middle;
    }
    found.push({ at: high, from: previous, to: current });
    previous = current;
  }
  return found;
}

/**
 * A VTIMEZONE for the zone covering the years from `fromYear` to `toYear`: every offset change
 * in them as its own STANDARD or DAYLIGHT part (DTSTART in the local time before the change,
 * as RFC 5545 asks), or one STANDARD part for a zone without changes.
 */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  // The same zone and years give the same lines (the runtime's zone data does not change while
  // it runs); finding the transitions costs tens of milliseconds, so keep them.
  const key = `${timeZone}|${fromYear}|${toYear}`;
  let lines = vtimezones.get(key);
  if (!lines) {
    lines = buildVtimezone(timeZone, fromYear, toYear);
    if (vtimezones.size >= 1000) vtimezones.clear();
    vtimezones.set(key, lines);
  }
  return [...lines];
}

const vtimezones = new Map<string, string[]>();

function buildVtimezone(timeZone: string, fromYear: number, toYear: number): string[] {
  const start = Date.UTC(fromYear, 0, 1);
  const end = Date.UTC(toYear + 1, 0, 1);
  const transitions = offsetTransitions(timeZone, start, end);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`];
  if (transitions.length === 0) {
    const offset = offsetText(offsetAt(start, timeZone));
    lines.push(
      "BEGIN:STANDARD",
      "DTSTART:19700101T000000",
      `TZOFFSETFROM:${offset}`,
      `TZOFFSETTO:${offset}`,
      "END:STANDARD",
    );
  } else {
    for (const t of transitions) {
      const part = t.to > t.from ? "DAYLIGHT" : "STANDARD";
      lines.push(
        `BEGIN:${part}`,
        `DTSTART:${localWithOffset(t.at, t.from)}`,
        `TZOFFSETFROM:${offsetText(t.from)}`,
        `TZOFFSETTO:${offsetText(t.to)}`,
        `END:${part}`,
      );
    }
  }
  lines.push("END:VTIMEZONE");
  return lines;
}

/** The wall-clock reading of an instant at a fixed offset ("20270328T030000"). */
function localWithOffset(instant: number, offset: number): string {
  return utcStamp(new Date(instant + offset)).slice(0, -1);
}

/** One VEVENT's lines. */
export function vevent(event: CalendarEvent, uidDomain: string): string[] {
  const lines = [
    "BEGIN:VEVENT",
    `UID:${event.id}@${uidDomain}`,
    `DTSTAMP:${utcStamp(event.updatedAt)}`,
    `SEQUENCE:${event.sequence}`,
    event.utc
      ? `DTSTART:${utcStamp(event.startsAt)}`
      : `DTSTART;TZID=${event.timeZone}:${localStamp(event.startsAt, event.timeZone)}`,
    event.utc
      ? `DTEND:${utcStamp(event.endsAt)}`
      : `DTEND;TZID=${event.timeZone}:${localStamp(event.endsAt, event.timeZone)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `URL:${event.url}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push("END:VEVENT");
  return lines;
}

type SeriesEvent = CalendarEvent & { series: NonNullable<CalendarEvent["series"]> };

/**
 * A series' VEVENTs from the occurrences given: one master (UID `<series id>@host`, DTSTART
 * and RRULE of the series, its SEQUENCE) with an EXDATE for every date of the rule that is
 * cancelled or not among the occurrences given (a file shows exactly the occurrences it was
 * given), and one override with RECURRENCE-ID for each occurrence that differs from what the
 * master yields (time, length, title, place, description). The master's text comes from the
 * latest occurrence not changed on its own; any choice would be right, since every occurrence
 * that differs from it gets its override.
 */
export function seriesVevents(occurrences: SeriesEvent[], uidDomain: string): string[] {
  const byRecurrence = [...occurrences].sort(
    (a, b) => a.series.recurrenceId.getTime() - b.series.recurrenceId.getTime(),
  );
  const master = byRecurrence.reduce(
    (best, e) => (e.series.master.sequence > best.series.master.sequence ? e : best),
    byRecurrence[0],
  ).series.master;
  const zone = master.timeZone;
  const live = byRecurrence.filter((e) => !e.cancelled);
  const template = live.at(-1) ?? byRecurrence[byRecurrence.length - 1];
  const start = new Date(master.start);
  const duration = master.durationMinutes * 60_000;
  const parsed = parseRule(master.rule);
  const instances =
    "rule" in parsed ? expandRule(parsed.rule, wallClockAt(start, zone), zone, 1000) : [start];
  const given = new Map(byRecurrence.map((e) => [e.series.recurrenceId.getTime(), e]));
  const uid = `${template.series.id}@${uidDomain}`;
  const allCancelled = live.length === 0;
  const lines = [
    "BEGIN:VEVENT",
    `UID:${uid}`,
    `DTSTAMP:${utcStamp(new Date(Math.max(...byRecurrence.map((e) => e.updatedAt.getTime()))))}`,
    `SEQUENCE:${master.sequence}`,
    `DTSTART;TZID=${zone}:${localStamp(start, zone)}`,
    `DTEND;TZID=${zone}:${localStamp(start.getTime() + duration, zone)}`,
    `RRULE:${master.rule}`,
  ];
  if (!allCancelled) {
    for (const instant of instances) {
      const occurrence = given.get(instant.getTime());
      if (!occurrence || occurrence.cancelled) {
        lines.push(`EXDATE;TZID=${zone}:${localStamp(instant, zone)}`);
      }
    }
  }
  lines.push(
    `SUMMARY:${escapeText(template.title)}`,
    `STATUS:${allCancelled ? "CANCELLED" : "CONFIRMED"}`,
    `URL:${template.url}`,
  );
  if (template.description) lines.push(`DESCRIPTION:${escapeText(template.description)}`);
  if (template.location) lines.push(`LOCATION:${escapeText(template.location)}`);
  lines.push("END:VEVENT");
  if (allCancelled) return lines;
  for (const e of live) {
    const recurrence = e.series.recurrenceId;
    const same =
      e.startsAt.getTime() === recurrence.getTime() &&
      e.endsAt.getTime() === recurrence.getTime() + duration &&
      e.timeZone === zone &&
      e.title === template.title &&
      e.description === template.description &&
      e.location === template.location;
    if (same) continue;
    const override = vevent({ ...e, id: template.series.id }, uidDomain);
    // RECURRENCE-ID names the date of the rule this occurrence replaces, in the master's zone.
    override.splice(4, 0, `RECURRENCE-ID;TZID=${zone}:${localStamp(recurrence, zone)}`);
    lines.push(...override);
  }
  return lines;
}

/**
 * A whole calendar: the VTIMEZONEs its events need, then the events; CRLF line ends, folded.
 * Any mix of single events and occurrences of series: each series becomes one master VEVENT
 * with its overrides (seriesVevents), whoever calls.
 */
export function calendar(events: CalendarEvent[], options: { name: string; uidDomain: string }) {
  const zones = new Map<string, { from: number; to: number }>();
  const addZone = (zone: string, from: number, to: number) => {
    const known = zones.get(zone);
    zones.set(zone, {
      from: Math.min(known?.from ?? from, from),
      to: Math.max(known?.to ?? to, to),
    });
  };
  const singles: CalendarEvent[] = [];
  const series = new Map<string, SeriesEvent[]>();
  for (const e of events) {
    if (!e.utc) addZone(e.timeZone, e.startsAt.getUTCFullYear() - 1, e.endsAt.getUTCFullYear());
    if (e.series) {
      const list = series.get(e.series.id) ?? [];
      list.push(e as SeriesEvent);
      series.set(e.series.id, list);
      const first = new Date(e.series.master.start).getUTCFullYear();
      // The rule reaches at most two years past its first date.
      addZone(e.series.master.timeZone, first - 1, first + 3);
    } else {
      singles.push(e);
    }
  }
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Synergy//Events//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(options.name)}`,
  ];
  for (const [zone, years] of zones) lines.push(...vtimezone(zone, years.from, years.to));
  for (const e of singles) lines.push(...vevent(e, options.uidDomain));
  for (const occurrences of series.values()) {
    lines.push(...seriesVevents(occurrences, options.uidDomain));
  }
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
