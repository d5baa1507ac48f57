import { offsetAt, wallClockAt } from "~/lib/time-zones";

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
};

/** Escapes a TEXT value (backslash, semicolon, comma, newline). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** Folds a content line at 75 octets (UTF-8), never inside a character; lines end in CRLF. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = "";
  let bytes = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
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
    `DTSTART;TZID=${event.timeZone}:${localStamp(event.startsAt, event.timeZone)}`,
    `DTEND;TZID=${event.timeZone}:${localStamp(event.endsAt, event.timeZone)}`,
    `SUMMARY:${escapeText(event.title)}`,
    `STATUS:${event.cancelled ? "CANCELLED" : "CONFIRMED"}`,
    `URL:${event.url}`,
  ];
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  lines.push("END:VEVENT");
  return lines;
}

/** A whole calendar: the VTIMEZONEs its events need, then the events; CRLF line ends, folded. */
export function calendar(events: CalendarEvent[], options: { name: string; uidDomain: string }) {
  const zones = new Map<string, { from: number; to: number }>();
  for (const e of events) {
    const from = e.startsAt.getUTCFullYear() - 1;
    const to = e.endsAt.getUTCFullYear();
    const known = zones.get(e.timeZone);
    zones.set(e.timeZone, {
      from: Math.min(known?.from ?? from, from),
      to: Math.max(known?.to ?? to, to),
    });
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
  for (const e of events) lines.push(...vevent(e, options.uidDomain));
  lines.push("END:VCALENDAR");
  return `${lines.map(foldLine).join("\r\n")}\r\n`;
}
