import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatTime, formatTimeZoneOption } from "./format";

const summerNoon = "2026-07-01T12:00:00Z";

describe("formatting an instant for a viewer (instant, locale, time zone)", () => {
  it("shows the same instant at each viewer's wall time, the zone named", () => {
    expect(formatDateTime(summerNoon, "en-GB", "Europe/Athens")).toBe("1 Jul 2026, 15:00 EEST");
    expect(formatDateTime(summerNoon, "en-GB", "Europe/Dublin")).toMatch(/^1 Jul 2026, 13:00 \S+/);
    expect(formatDateTime(summerNoon, "en-GB", "UTC")).toBe("1 Jul 2026, 12:00 UTC");
    expect(formatDateTime(summerNoon, "de", "Europe/Berlin")).toBe("1. Juli 2026, 14:00 MESZ");
    expect(formatDateTime(summerNoon, "fi", "Europe/Helsinki")).toMatch(/^1\.7\.2026 klo 15\.00 /);
  });

  it("follows daylight saving: the same wall time has another zone name in winter", () => {
    expect(formatDateTime("2026-01-15T12:00:00Z", "en-GB", "Europe/Athens")).toBe(
      "15 Jan 2026, 14:00 EET",
    );
  });

  it("names the IANA zone for emails", () => {
    expect(formatDateTime(summerNoon, "en-GB", "Europe/Dublin", "id")).toBe(
      "1 Jul 2026, 13:00 (Europe/Dublin)",
    );
    expect(formatDateTime(summerNoon, "en-GB", "Europe/Dublin", "none")).toBe("1 Jul 2026, 13:00");
  });

  it("formats a time of day alone", () => {
    expect(formatTime(summerNoon, "en-GB", "Europe/Athens")).toBe("15:00 EEST");
    expect(formatTime(summerNoon, "it", "Europe/Rome", "id")).toBe("14:00 (Europe/Rome)");
  });

  it("gives the calendar date in the viewer's zone, which may differ from the UTC date", () => {
    const lateEvening = "2026-07-01T22:30:00Z";
    expect(formatDate(lateEvening, "en-GB", "UTC")).toBe("1 July 2026");
    expect(formatDate(lateEvening, "en-GB", "Europe/Helsinki")).toBe("2 July 2026");
    expect(formatDate(lateEvening, "en-GB", "America/New_York")).toBe("1 July 2026");
  });

  it("accepts ISO strings, Dates and epoch milliseconds alike", () => {
    const ms = Date.parse(summerNoon);
    const expected = formatDateTime(summerNoon, "el", "Europe/Athens");
    expect(formatDateTime(new Date(ms), "el", "Europe/Athens")).toBe(expected);
    expect(formatDateTime(ms, "el", "Europe/Athens")).toBe(expected);
  });

  it("labels zones for the settings list with their offset at a given moment", () => {
    expect(formatTimeZoneOption("Europe/Athens", summerNoon)).toBe("Athens (UTC+03:00)");
    expect(formatTimeZoneOption("Europe/Athens", "2026-01-15T12:00:00Z")).toBe(
      "Athens (UTC+02:00)",
    );
    expect(formatTimeZoneOption("America/Indiana/Knox", summerNoon)).toBe(
      "Indiana/Knox (UTC-05:00)",
    );
    expect(formatTimeZoneOption("Atlantic/Reykjavik", summerNoon)).toBe("Reykjavik (UTC+00:00)");
    expect(formatTimeZoneOption("UTC", summerNoon)).toBe("UTC");
  });
});
