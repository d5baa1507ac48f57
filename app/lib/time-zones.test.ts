import { describe, expect, it } from "vitest";
import {
  AmbiguousWallClock,
  canonicalTimeZone,
  instantFromWallClock,
  isTimeZone,
  listTimeZones,
  NonexistentWallClock,
  offsetAt,
  startOfDay,
  startOfWeek,
  timeZoneForCountry,
  timeZoneForLocale,
  wallClockAt,
} from "./time-zones";

const HOUR = 3_600_000;
const iso = (date: Date) => date.toISOString();

describe("which zones a person may have", () => {
  it("accepts the IANA names of Intl's list, in any case, and gives their canonical spelling", () => {
    expect(canonicalTimeZone("Europe/Athens")).toBe("Europe/Athens");
    expect(canonicalTimeZone("europe/helsinki")).toBe("Europe/Helsinki");
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("Etc/UTC")).toBe("UTC");
    expect(listTimeZones()).toContain("UTC");
    expect(listTimeZones()).toContain("Europe/Dublin");
  });

  it("maps a newer name a browser may report to the spelling of this runtime's list", () => {
    const kyiv = canonicalTimeZone("Europe/Kyiv");
    expect(kyiv).not.toBeNull();
    expect(listTimeZones()).toContain(kyiv);
  });

  it("refuses what is not a zone of the list", () => {
    for (const name of [
      "",
      "Mars/Olympus",
      "+02:00",
      "GMT+2 ",
      "Europe/Athens\u0000",
      "x".repeat(65),
      42,
    ]) {
      expect(isTimeZone(name), String(name)).toBe(false);
    }
  });

  it("has a zone for the countries of the demo and guesses one from the interface language", () => {
    for (const [country, zone] of [
      ["IE", "Europe/Dublin"],
      ["GR", "Europe/Athens"],
      ["CY", "Asia/Nicosia"],
      ["FI", "Europe/Helsinki"],
      ["DE", "Europe/Berlin"],
      ["IT", "Europe/Rome"],
      ["RO", "Europe/Bucharest"],
    ]) {
      expect(timeZoneForCountry(country)).toBe(zone);
      expect(isTimeZone(zone)).toBe(true);
    }
    expect(timeZoneForCountry("ZZ")).toBeUndefined();
    expect(timeZoneForLocale("el")).toBe("Europe/Athens");
    expect(timeZoneForLocale("en")).toBe("Europe/Brussels");
  });
});

describe("wall-clock time in a zone → instant, across daylight-saving changes", () => {
  it("reads an ordinary time with the offset of its season (Athens, Helsinki, Dublin)", () => {
    const at = (zone: string, month: number) =>
      iso(instantFromWallClock({ year: 2026, month, day: 15, hour: 18, minute: 30 }, zone));
    expect(at("Europe/Athens", 1)).toBe("2026-01-15T16:30:00.000Z");
    expect(at("Europe/Athens", 7)).toBe("2026-07-15T15:30:00.000Z");
    expect(at("Europe/Helsinki", 1)).toBe("2026-01-15T16:30:00.000Z");
    expect(at("Europe/Helsinki", 7)).toBe("2026-07-15T15:30:00.000Z");
    expect(at("Europe/Dublin", 1)).toBe("2026-01-15T18:30:00.000Z");
    expect(at("Europe/Dublin", 7)).toBe("2026-07-15T17:30:00.000Z");
  });

  it("keeps a weekly meeting at 18:30 local across the spring change (Athens)", () => {
    const before = instantFromWallClock(
      { year: 2026, month: 3, day: 25, hour: 18, minute: 30 },
      "Europe/Athens",
    );
    const after = instantFromWallClock(
      { year: 2026, month: 4, day: 1, hour: 18, minute: 30 },
      "Europe/Athens",
    );
    expect(after.getTime() - before.getTime()).toBe(7 * 24 * HOUR - HOUR);
    expect(wallClockAt(after, "Europe/Athens")).toMatchObject({ hour: 18, minute: 30, day: 1 });
  });

  it("moves a time inside the spring gap forward by the gap (Athens 03:30 on 29 March 2026)", () => {
    // Athens jumps from 03:00 EET to 04:00 EEST: 03:30 never shows on the clocks.
    const wall = { year: 2026, month: 3, day: 29, hour: 3, minute: 30 };
    expect(iso(instantFromWallClock(wall, "Europe/Athens"))).toBe("2026-03-29T01:30:00.000Z");
    expect(wallClockAt(instantFromWallClock(wall, "Europe/Athens"), "Europe/Athens")).toMatchObject(
      { hour: 4, minute: 30 },
    );
    expect(iso(instantFromWallClock(wall, "Europe/Athens", "later"))).toBe(
      "2026-03-29T01:30:00.000Z",
    );
    expect(iso(instantFromWallClock(wall, "Europe/Athens", "earlier"))).toBe(
      "2026-03-29T00:30:00.000Z",
    );
    expect(() => instantFromWallClock(wall, "Europe/Athens", "reject")).toThrow(
      NonexistentWallClock,
    );
  });

  it("takes the first of a time repeated in the autumn overlap unless told otherwise (Dublin)", () => {
    // Dublin goes back from 02:00 IST to 01:00 GMT: 01:30 happens twice.
    const wall = { year: 2026, month: 10, day: 25, hour: 1, minute: 30 };
    expect(iso(instantFromWallClock(wall, "Europe/Dublin"))).toBe("2026-10-25T00:30:00.000Z");
    expect(iso(instantFromWallClock(wall, "Europe/Dublin", "earlier"))).toBe(
      "2026-10-25T00:30:00.000Z",
    );
    expect(iso(instantFromWallClock(wall, "Europe/Dublin", "later"))).toBe(
      "2026-10-25T01:30:00.000Z",
    );
    expect(() => instantFromWallClock(wall, "Europe/Dublin", "reject")).toThrow(AmbiguousWallClock);
  });

  it("handles the Helsinki overlap and the Dublin gap too", () => {
    expect(
      iso(
        instantFromWallClock(
          { year: 2026, month: 10, day: 25, hour: 3, minute: 15 },
          "Europe/Helsinki",
        ),
      ),
    ).toBe("2026-10-25T00:15:00.000Z");
    expect(
      iso(
        instantFromWallClock(
          { year: 2026, month: 10, day: 25, hour: 3, minute: 15 },
          "Europe/Helsinki",
          "later",
        ),
      ),
    ).toBe("2026-10-25T01:15:00.000Z");
    // Dublin springs from 01:00 GMT to 02:00 IST.
    expect(
      iso(
        instantFromWallClock(
          { year: 2026, month: 3, day: 29, hour: 1, minute: 15 },
          "Europe/Dublin",
        ),
      ),
    ).toBe("2026-03-29T01:15:00.000Z");
  });

  it("knows the offsets either side of a change", () => {
    expect(offsetAt("2026-03-29T00:59:00Z", "Europe/Athens")).toBe(2 * HOUR);
    expect(offsetAt("2026-03-29T01:00:00Z", "Europe/Athens")).toBe(3 * HOUR);
    expect(offsetAt("2026-10-25T00:59:00Z", "Europe/Dublin")).toBe(HOUR);
    expect(offsetAt("2026-10-25T01:00:00Z", "Europe/Dublin")).toBe(0);
  });
});

describe("start of a day and of a week in a zone", () => {
  it("starts the day at local midnight, whichever UTC date that is", () => {
    // 22:30 UTC on 1 July is already 2 July in Helsinki.
    expect(iso(startOfDay("2026-07-01T22:30:00Z", "Europe/Helsinki"))).toBe(
      "2026-07-01T21:00:00.000Z",
    );
    // …and 23:30 on 1 July in Dublin (IST), whose day began at 23:00 UTC the day before.
    expect(iso(startOfDay("2026-07-01T22:30:00Z", "Europe/Dublin"))).toBe(
      "2026-06-30T23:00:00.000Z",
    );
  });

  it("gives the short spring day 23 hours and the long autumn day 25 (Athens)", () => {
    const spring = startOfDay("2026-03-29T12:00:00Z", "Europe/Athens");
    expect(iso(spring)).toBe("2026-03-28T22:00:00.000Z");
    const next = startOfDay("2026-03-29T12:00:00Z", "Europe/Athens", { addDays: 1 });
    expect(next.getTime() - spring.getTime()).toBe(23 * HOUR);
    const autumn = startOfDay("2026-10-25T12:00:00Z", "Europe/Athens");
    const after = startOfDay("2026-10-25T12:00:00Z", "Europe/Athens", { addDays: 1 });
    expect(after.getTime() - autumn.getTime()).toBe(25 * HOUR);
  });

  it("starts the day at the first existing time where a change skips midnight (Havana)", () => {
    // Cuba springs forward at midnight: 8 March 2026 begins at 01:00 CDT.
    expect(iso(startOfDay("2026-03-08T12:00:00Z", "America/Havana"))).toBe(
      "2026-03-08T05:00:00.000Z",
    );
  });

  it("starts weeks on Monday by default, on another day when asked, across a change", () => {
    // Wednesday 1 April 2026 (summer time) → Monday 30 March 00:00 EEST.
    expect(iso(startOfWeek("2026-04-01T12:00:00Z", "Europe/Athens"))).toBe(
      "2026-03-29T21:00:00.000Z",
    );
    // Sunday 29 March, the day of the change → Monday 23 March 00:00 EET.
    expect(iso(startOfWeek("2026-03-29T12:00:00Z", "Europe/Athens"))).toBe(
      "2026-03-22T22:00:00.000Z",
    );
    // Sunday 29 March in Dublin begins before its 01:00 change, still on GMT.
    expect(iso(startOfWeek("2026-04-01T12:00:00Z", "Europe/Dublin", { weekStartsOn: 0 }))).toBe(
      "2026-03-29T00:00:00.000Z",
    );
    // A Monday is its own week's start.
    expect(iso(startOfWeek("2026-03-30T00:00:00+03:00", "Europe/Athens"))).toBe(
      "2026-03-29T21:00:00.000Z",
    );
  });
});
