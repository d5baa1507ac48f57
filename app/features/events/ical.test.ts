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
    const text = calendar([event({ title: "Συνάντηση αρτοποιών ".repeat(8).trim() })], {
      name: "x",
      uidDomain: "synergy.example",
    });
    expect(parse(text)[0].summary).toBe("Συνάντηση αρτοποιών ".repeat(8).trim());
  });
});
