import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { wallClockAt } from "~/lib/time-zones";
import { localStamp, vtimezone } from "./ical";
import {
  expandRule,
  firstOccurrenceDate,
  formatRule,
  occurrencesOf,
  parseRule,
  type RecurrenceRule,
} from "./recurrence";

function rule(text: string): RecurrenceRule {
  const parsed = parseRule(text);
  if ("error" in parsed) throw new Error(parsed.error);
  return parsed.rule;
}

const iso = (dates: Date[]) => dates.map((d) => d.toISOString());

/** The same rule expanded by ical.js (an independent implementation), with our VTIMEZONE. */
function icalExpand(text: string, start: Date, timeZone: string, max = 60): string[] {
  const year = start.getUTCFullYear();
  const calendar = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    ...vtimezone(timeZone, year - 1, year + 3),
    "BEGIN:VEVENT",
    "UID:x@test",
    "DTSTAMP:20260101T000000Z",
    `DTSTART;TZID=${timeZone}:${localStamp(start, timeZone)}`,
    `RRULE:${text}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ].join("\r\n");
  const root = new ICAL.Component(ICAL.parse(calendar));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const event = new ICAL.Event(root.getFirstSubcomponent("vevent") ?? undefined);
  const iterator = event.iterator();
  const out: string[] = [];
  for (let next = iterator.next(); next && out.length < max; next = iterator.next()) {
    out.push(next.toJSDate().toISOString());
  }
  return out;
}

describe("parsing and writing rules", () => {
  it("reads our subset and writes it back in one spelling", () => {
    expect(formatRule(rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE,MO;COUNT=10"))).toBe(
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE;COUNT=10",
    );
    expect(formatRule(rule("RRULE:freq=monthly;byday=-1FR;until=20281231T220000Z"))).toBe(
      "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20281231T220000Z",
    );
  });

  it("refuses what is outside it, each with its own message", () => {
    const error = (text: string) => {
      const parsed = parseRule(text);
      return "error" in parsed ? parsed.error : null;
    };
    expect(error("FREQ=DAILY;COUNT=3;BYDAY=MO")).toBe("events.series.unknownFreq");
    expect(error("FREQ=YEARLY;COUNT=3")).toBe("events.series.unknownFreq");
    expect(error("FREQ=WEEKLY;INTERVAL=0;BYDAY=MO;COUNT=3")).toBe("events.series.intervalInvalid");
    expect(error("FREQ=WEEKLY;INTERVAL=53;BYDAY=MO;COUNT=3")).toBe("events.series.intervalInvalid");
    expect(error("FREQ=WEEKLY;BYDAY=MO")).toBe("events.series.endRequired");
    expect(error("FREQ=WEEKLY;BYDAY=MO;COUNT=3;UNTIL=20280101T000000Z")).toBe(
      "events.series.endRequired",
    );
    expect(error("FREQ=WEEKLY;BYDAY=MO;COUNT=53")).toBe("events.series.tooMany");
    expect(error("FREQ=WEEKLY;BYDAY=MO;COUNT=0")).toBe("events.series.countInvalid");
    expect(error("FREQ=WEEKLY;COUNT=3")).toBe("events.series.daysRequired");
    expect(error("FREQ=WEEKLY;BYDAY=2MO;COUNT=3")).toBe("events.series.invalid");
    expect(error("FREQ=MONTHLY;BYDAY=MO;COUNT=3")).toBe("events.series.invalid");
    expect(error("FREQ=MONTHLY;BYDAY=6MO;COUNT=3")).toBe("events.series.invalid");
    expect(error("FREQ=WEEKLY;BYDAY=MO;COUNT=3;BYHOUR=9")).toBe("events.series.invalid");
    expect(error("FREQ=WEEKLY;BYDAY=MO;UNTIL=20281301T000000Z")).toBe("events.series.invalid");
  });
});

describe("expanding a series on the organiser's wall clock", () => {
  const athens = "Europe/Athens";

  it("keeps 18:30 Athens across the change to summer and back, every two weeks", () => {
    // Wednesday 2027-03-17 18:30 Athens is 16:30 UTC (winter, UTC+2).
    const start = new Date("2027-03-17T16:30:00Z");
    const text = "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=18";
    const ours = expandRule(rule(text), wallClockAt(start, athens), athens);
    expect(ours).toHaveLength(18);
    for (const instant of ours) {
      const wall = wallClockAt(instant, athens);
      expect([wall.hour, wall.minute]).toEqual([18, 30]);
    }
    // 2027-03-31 is after the change (28 March): 15:30 UTC; November is winter again.
    expect(iso(ours)).toContain("2027-03-31T15:30:00.000Z");
    expect(iso(ours)).toContain("2027-11-10T16:30:00.000Z");
    expect(iso(ours)).toEqual(icalExpand(text, start, athens));
  });

  it("yields several weekdays a week and stops at UNTIL, as ical.js does", () => {
    const start = new Date("2027-10-25T06:00:00Z"); // Monday 09:00 Athens (summer)
    const text = "FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20271125T235959Z";
    const ours = iso(expandRule(rule(text), wallClockAt(start, athens), athens));
    expect(ours[0]).toBe("2027-10-25T06:00:00.000Z");
    // After 31 October Athens is UTC+2: 09:00 is 07:00 UTC.
    expect(ours[1]).toBe("2027-10-28T06:00:00.000Z");
    expect(ours[2]).toBe("2027-11-01T07:00:00.000Z");
    expect(ours.at(-1)).toBe("2027-11-25T07:00:00.000Z");
    expect(ours).toEqual(icalExpand(text, start, athens));
  });

  it("finds the last Friday of each month", () => {
    const start = new Date("2027-01-29T17:00:00Z"); // last Friday of January 2027, 19:00
    const text = "FREQ=MONTHLY;BYDAY=-1FR;COUNT=12";
    const ours = iso(expandRule(rule(text), wallClockAt(start, athens), athens));
    expect(ours.slice(0, 4)).toEqual([
      "2027-01-29T17:00:00.000Z",
      "2027-02-26T17:00:00.000Z",
      // Summer time from 28 March: 19:00 is 16:00 UTC.
      "2027-03-26T17:00:00.000Z",
      "2027-04-30T16:00:00.000Z",
    ]);
    expect(ours).toEqual(icalExpand(text, start, athens));
  });

  it("skips months without a fifth Wednesday, and keeps the 2nd Wednesday every other month", () => {
    const start = new Date("2027-03-31T15:30:00Z"); // 5th Wednesday of March 2027
    const fifth = "FREQ=MONTHLY;BYDAY=5WE;COUNT=4";
    const ours = iso(expandRule(rule(fifth), wallClockAt(start, athens), athens));
    expect(ours.map((d) => d.slice(0, 10))).toEqual([
      "2027-03-31",
      "2027-06-30",
      "2027-09-29",
      "2027-12-29",
    ]);
    expect(ours).toEqual(icalExpand(fifth, start, athens));

    const second = "FREQ=MONTHLY;INTERVAL=2;BYDAY=2WE;UNTIL=20280101T000000Z";
    const from = new Date("2027-01-13T16:30:00Z");
    const every = iso(expandRule(rule(second), wallClockAt(from, athens), athens));
    expect(every.map((d) => d.slice(0, 10))).toEqual([
      "2027-01-13",
      "2027-03-10",
      "2027-05-12",
      "2027-07-14",
      "2027-09-08",
      "2027-11-10",
    ]);
    expect(every).toEqual(icalExpand(second, from, athens));
  });

  it("moves an occurrence in the skipped hour forward by the gap; ical.js disagrees, so such series are refused", () => {
    // Sundays 03:30 Athens; on 28 March 2027 the clocks go from 03:00 to 04:00.
    const start = new Date("2027-03-21T01:30:00Z");
    const text = "FREQ=WEEKLY;BYDAY=SU;COUNT=3";
    const ours = iso(expandRule(rule(text), wallClockAt(start, athens), athens));
    expect(ours).toEqual([
      "2027-03-21T01:30:00.000Z",
      // 03:30 does not exist: 04:30 summer time, which is 01:30 UTC.
      "2027-03-28T01:30:00.000Z",
      "2027-04-04T00:30:00.000Z",
    ]);
    // ical.js reads the missing 03:30 with the summer offset (00:30 UTC, an hour earlier):
    // implementations differ, so a series with such an occurrence is not accepted at all.
    expect(icalExpand(text, start, athens)[1]).toBe("2027-03-28T00:30:00.000Z");
    expect(occurrencesOf(rule(text), start, athens)).toEqual({
      error: "events.series.timeSkipped",
    });
  });

  it("refuses too many occurrences, a rule beyond two years, and an end before the start", () => {
    const start = new Date("2027-01-04T07:00:00Z");
    const weekly = rule("FREQ=WEEKLY;BYDAY=MO,TU;UNTIL=20271231T220000Z");
    expect(occurrencesOf(weekly, start, athens)).toEqual({ error: "events.series.tooMany" });
    const far = rule("FREQ=MONTHLY;INTERVAL=12;BYDAY=1MO;COUNT=4");
    expect(occurrencesOf(far, start, athens)).toEqual({ error: "events.series.tooLong" });
    const before = rule("FREQ=WEEKLY;BYDAY=MO;UNTIL=20261231T000000Z");
    expect(occurrencesOf(before, start, athens)).toEqual({
      error: "events.series.untilBeforeStart",
    });
    const fine = occurrencesOf(rule("FREQ=WEEKLY;BYDAY=MO;COUNT=52"), start, athens);
    expect("starts" in fine && fine.starts).toHaveLength(52);
  });

  it("finds the first day of a rule on or after a typed date", () => {
    // Typed Thursday 2027-01-07; monthly 2nd Wednesday → 2027-01-13.
    expect(
      firstOccurrenceDate(rule("FREQ=MONTHLY;BYDAY=2WE;COUNT=3"), {
        year: 2027,
        month: 1,
        day: 7,
      }),
    ).toEqual({ year: 2027, month: 1, day: 13 });
    expect(
      firstOccurrenceDate(rule("FREQ=WEEKLY;BYDAY=MO;COUNT=3"), { year: 2027, month: 1, day: 7 }),
    ).toEqual({ year: 2027, month: 1, day: 11 });
  });
});
