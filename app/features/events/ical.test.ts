import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { type CalendarEvent, calendar, foldLine } from "./ical";

function event(overrides: Partial<CalendarEvent> = {}): CalendarEvent {
  return {
    id: "6f1d3c9e-0000-4000-8000-000000000001",
    title: "Bakers' evening; pricing, suppliers",
    description: "Line one\nLine two, with a comma",
    location: "Adult-learning centre, Ermou 12, Athens",
    url: "https://synergy.example/networks/n/events/e",
    timeZone: "Europe/Athens",
    // 18:30 Athens summer time (UTC+3).
    startsAt: new Date("2027-06-15T15:30:00Z"),
    endsAt: new Date("2027-06-15T17:30:00Z"),
    sequence: 3,
    updatedAt: new Date("2026-11-30T10:00:00Z"),
    cancelled: false,
    ...overrides,
  };
}

/** Parses with ical.js (an independent implementation), registering the file's own zones. */
function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("iCalendar output read by ical.js", () => {
  it("keeps the organiser's zone and gives the right instants in summer and winter", () => {
    const winter = event({
      id: "6f1d3c9e-0000-4000-8000-000000000002",
      // 18:30 Athens standard time (UTC+2).
      startsAt: new Date("2027-01-20T16:30:00Z"),
      endsAt: new Date("2027-01-20T18:30:00Z"),
    });
    const text = calendar([event(), winter], { name: "Bakers", uidDomain: "synergy.example" });
    expect(text).toContain("DTSTART;TZID=Europe/Athens:20270615T183000");
    expect(text).toContain("DTSTART;TZID=Europe/Athens:20270120T183000");
    const [summer, january] = parse(text);
    expect(summer.startDate.zone?.tzid).toBe("Europe/Athens");
    expect(summer.startDate.toJSDate().toISOString()).toBe("2027-06-15T15:30:00.000Z");
    expect(summer.endDate.toJSDate().toISOString()).toBe("2027-06-15T17:30:00.000Z");
    expect(january.startDate.toJSDate().toISOString()).toBe("2027-01-20T16:30:00.000Z");
    expect(summer.uid).toBe("6f1d3c9e-0000-4000-8000-000000000001@synergy.example");
    expect(summer.sequence).toBe(3);
    expect(summer.summary).toBe("Bakers' evening; pricing, suppliers");
    expect(summer.description).toBe("Line one\nLine two, with a comma");
    expect(summer.location).toBe("Adult-learning centre, Ermou 12, Athens");
  });

  it("writes a zone without daylight saving, and a cancelled event as CANCELLED", () => {
    const text = calendar(
      [
        event({
          timeZone: "Asia/Tokyo",
          startsAt: new Date("2027-06-15T09:00:00Z"),
          endsAt: new Date("2027-06-15T10:00:00Z"),
          cancelled: true,
        }),
      ],
      { name: "x", uidDomain: "synergy.example" },
    );
    expect(text).toContain("TZOFFSETTO:+0900");
    const [tokyo] = parse(text);
    expect(tokyo.startDate.toJSDate().toISOString()).toBe("2027-06-15T09:00:00.000Z");
    expect(tokyo.component.getFirstPropertyValue("status")).toBe("CANCELLED");
  });

  it("folds long lines at 75 octets without splitting a character", () => {
    const line = `SUMMARY:${"Συνάντηση αρτοποιών ".repeat(8)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) {
      expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    // Four-octet characters (outside the BMP) and lines just over the short-line shortcut.
    for (const long of [
      `DESCRIPTION:${"🎉a".repeat(40)}`,
      `X:${"é".repeat(37)}`,
      "X:".padEnd(76, "a"),
    ]) {
      const parts = foldLine(long).split("\r\n");
      for (const part of parts)
        expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(parts.length).toBeGreaterThan(1);
      expect(foldLine(long).replace(/\r\n /g, "")).toBe(long);
    }
    const text = calendar([event({ title: "Συνάντηση αρτοποιών ".repeat(8).trim() })], {
      name: "x",
      uidDomain: "synergy.example",
    });
    expect(parse(text)[0].summary).toBe("Συνάντηση αρτοποιών ".repeat(8).trim());
  });
});

/** Every occurrence ical.js finds in a file: single events and expanded series, overrides applied. */
function expandAll(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const masters = events.filter((e) => !e.isRecurrenceException());
  for (const exception of events.filter((e) => e.isRecurrenceException())) {
    const master = masters.find((m) => m.uid === exception.uid);
    if (!master) throw new Error(`an override without its master: ${exception.uid}`);
    master.relateException(exception);
  }
  const out: { uid: string; start: string; end: string; title: string; status: unknown }[] = [];
  for (const master of masters) {
    if (!master.isRecurring()) {
      out.push({
        uid: master.uid,
        start: master.startDate.toJSDate().toISOString(),
        end: master.endDate.toJSDate().toISOString(),
        title: master.summary,
        status: master.component.getFirstPropertyValue("status"),
      });
      continue;
    }
    const iterator = master.iterator();
    for (let next = iterator.next(); next; next = iterator.next()) {
      const details = master.getOccurrenceDetails(next);
      out.push({
        uid: master.uid,
        start: details.startDate.toJSDate().toISOString(),
        end: details.endDate.toJSDate().toISOString(),
        title: details.item.summary,
        status: details.item.component.getFirstPropertyValue("status"),
      });
    }
  }
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

describe("a recurring series in the calendar file", () => {
  const seriesId = "0b9e4d1a-0000-4000-8000-00000000000a";
  // Every 2nd Wednesday 18:30 Athens, from 13 January 2027, four times.
  const master = {
    rule: "FREQ=MONTHLY;BYDAY=2WE;COUNT=4",
    start: "2027-01-13T16:30:00.000Z",
    timeZone: "Europe/Athens",
    durationMinutes: 120,
    sequence: 2,
  };
  const dates = [
    "2027-01-13T16:30:00.000Z",
    "2027-02-10T16:30:00.000Z",
    "2027-03-10T16:30:00.000Z",
    // After the change to summer time: 18:30 is 15:30 UTC.
    "2027-04-14T15:30:00.000Z",
  ];
  function occurrence(i: number, overrides: Partial<CalendarEvent> = {}): CalendarEvent {
    const start = new Date(dates[i]);
    return event({
      id: `6f1d3c9e-0000-4000-8000-00000000001${i}`,
      title: "Bakers' monthly",
      startsAt: start,
      endsAt: new Date(start.getTime() + 2 * 3_600_000),
      sequence: 0,
      series: { id: seriesId, recurrenceId: start, master },
      ...overrides,
    });
  }

  it("writes one master with RRULE, an EXDATE per cancelled date and an override per changed one", () => {
    const moved = new Date("2027-03-11T16:00:00Z"); // Thursday 18:00 instead of Wednesday 18:30
    const single = event({ id: "6f1d3c9e-0000-4000-8000-000000000099", title: "One-off" });
    const text = calendar(
      [
        occurrence(2, {
          startsAt: moved,
          endsAt: new Date(moved.getTime() + 3_600_000),
          title: "Bakers' monthly (moved)",
          sequence: 1,
        }),
        single,
        occurrence(0),
        occurrence(1, { cancelled: true, sequence: 1 }),
        occurrence(3),
      ],
      { name: "Bakers", uidDomain: "synergy.example" },
    );
    expect(text.match(/^BEGIN:VEVENT/gm)).toHaveLength(3);
    expect(text).toContain("RRULE:FREQ=MONTHLY;BYDAY=2WE;COUNT=4");
    expect(text).toContain("EXDATE;TZID=Europe/Athens:20270210T183000");
    expect(text).toContain("RECURRENCE-ID;TZID=Europe/Athens:20270310T183000");
    const expanded = expandAll(text);
    const ofSeries = expanded.filter((e) => e.uid === `${seriesId}@synergy.example`);
    expect(ofSeries.map((e) => [e.start, e.end, e.title])).toEqual([
      ["2027-01-13T16:30:00.000Z", "2027-01-13T18:30:00.000Z", "Bakers' monthly"],
      ["2027-03-11T16:00:00.000Z", "2027-03-11T17:00:00.000Z", "Bakers' monthly (moved)"],
      ["2027-04-14T15:30:00.000Z", "2027-04-14T17:30:00.000Z", "Bakers' monthly"],
    ]);
    expect(expanded.filter((e) => e.title === "One-off")).toHaveLength(1);
    const [masterEvent] = parse(text).filter((e) => e.uid === `${seriesId}@synergy.example`);
    expect(masterEvent.sequence).toBe(2);
  });

  it("leaves out the dates it was not given, and marks a wholly cancelled series", () => {
    const partial = calendar([occurrence(3), occurrence(2)], { name: "x", uidDomain: "s.example" });
    expect(expandAll(partial).map((e) => e.start)).toEqual([dates[2], dates[3]]);
    const cancelled = calendar(
      [0, 1, 2, 3].map((i) => occurrence(i, { cancelled: true })),
      { name: "x", uidDomain: "s.example" },
    );
    expect(cancelled).toContain("STATUS:CANCELLED");
    expect(cancelled.match(/^BEGIN:VEVENT/gm)).toHaveLength(1);
  });
});
