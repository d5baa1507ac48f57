import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import { readMonth, shiftMonth } from "./agenda.server";

describe("the agenda's month", () => {
  it("reads YYYY-MM between 2000 and 2100, else refuses with a 400", () => {
    expect(readMonth("2027-06", "UTC")).toEqual({ year: 2027, month: 6 });
    for (const bad of ["2027-13", "2027-00", "1999-12", "2101-01", "2027-6", "June", "2027-06x"]) {
      expect(() => readMonth(bad, "UTC"), bad).toThrow(DomainError);
    }
  });

  it("is this month in the person's zone when none is asked for", () => {
    // 31 December, 23:30 UTC is already January in Helsinki.
    const now = new Date(Date.UTC(2026, 11, 31, 23, 30));
    expect(readMonth(null, "Europe/Helsinki", now)).toEqual({ year: 2027, month: 1 });
    expect(readMonth("", "UTC", now)).toEqual({ year: 2026, month: 12 });
  });

  it("steps over year ends and stops at the range's edges", () => {
    expect(shiftMonth({ year: 2026, month: 12 }, 1)).toBe("2027-01");
    expect(shiftMonth({ year: 2027, month: 1 }, -1)).toBe("2026-12");
    expect(shiftMonth({ year: 2000, month: 1 }, -1)).toBeNull();
    expect(shiftMonth({ year: 2100, month: 12 }, 1)).toBeNull();
  });
});
