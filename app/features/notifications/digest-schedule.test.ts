import { describe, expect, it } from "vitest";
import { nextDigestAt } from "./digest-schedule";

const at = (iso: string) => new Date(iso);
const daily = (hour: number) => ({ frequency: "daily" as const, hour, weekday: 1 });
const weekly = (hour: number, weekday: number) => ({ frequency: "weekly" as const, hour, weekday });

/** Runs the schedule forward `count` times from `start`, as the digest job does after each run. */
function runs(
  timing: Parameters<typeof nextDigestAt>[0],
  zone: string,
  start: string,
  count: number,
) {
  const out: string[] = [];
  let after = at(start);
  for (let n = 0; n < count; n++) {
    after = nextDigestAt(timing, zone, after);
    out.push(after.toISOString());
  }
  return out;
}

describe("the next digest instant", () => {
  it("is the chosen local hour today when it is still ahead, else tomorrow", () => {
    // 06:00 UTC is 08:00 in Athens (summer, UTC+3 → 09:00): Athens in June is UTC+3.
    expect(nextDigestAt(daily(8), "Europe/Athens", at("2026-06-10T04:00:00Z")).toISOString()).toBe(
      "2026-06-10T05:00:00.000Z",
    );
    expect(nextDigestAt(daily(8), "Europe/Athens", at("2026-06-10T05:00:00Z")).toISOString()).toBe(
      "2026-06-11T05:00:00.000Z",
    );
    expect(nextDigestAt(daily(8), "UTC", at("2026-06-10T07:59:59Z")).toISOString()).toBe(
      "2026-06-10T08:00:00.000Z",
    );
  });

  it("reads the hour in the person's own zone, not the server's", () => {
    const after = at("2026-01-15T12:00:00Z");
    expect(nextDigestAt(daily(20), "Europe/Helsinki", after).toISOString()).toBe(
      "2026-01-15T18:00:00.000Z",
    );
    expect(nextDigestAt(daily(20), "Europe/Lisbon", after).toISOString()).toBe(
      "2026-01-15T20:00:00.000Z",
    );
    expect(nextDigestAt(daily(20), "America/New_York", after).toISOString()).toBe(
      "2026-01-16T01:00:00.000Z",
    );
  });

  it("goes out weekly on the chosen ISO weekday", () => {
    // 2026-06-10 is a Wednesday; weekday 1 = Monday, 7 = Sunday.
    const after = at("2026-06-10T12:00:00Z");
    expect(nextDigestAt(weekly(9, 1), "UTC", after).toISOString()).toBe("2026-06-15T09:00:00.000Z");
    expect(nextDigestAt(weekly(9, 7), "UTC", after).toISOString()).toBe("2026-06-14T09:00:00.000Z");
    // The same weekday, hour still ahead: today; passed: a week later.
    expect(nextDigestAt(weekly(13, 3), "UTC", after).toISOString()).toBe(
      "2026-06-10T13:00:00.000Z",
    );
    expect(nextDigestAt(weekly(11, 3), "UTC", after).toISOString()).toBe(
      "2026-06-17T11:00:00.000Z",
    );
  });

  it("moves an hour the clocks skip to the first instant after the gap, once", () => {
    // Berlin, 29 March 2026: 02:00 CET becomes 03:00 CEST (01:00 UTC); 02:00 does not exist.
    expect(runs(daily(2), "Europe/Berlin", "2026-03-27T12:00:00Z", 4)).toEqual([
      "2026-03-28T01:00:00.000Z", // Saturday 02:00 CET
      "2026-03-29T01:00:00.000Z", // Sunday: the gap, so 03:00 CEST, the next valid instant
      "2026-03-30T00:00:00.000Z", // Monday 02:00 CEST
      "2026-03-31T00:00:00.000Z",
    ]);
    // The hour after the gap is not doubled by the moved one.
    expect(runs(daily(3), "Europe/Berlin", "2026-03-28T12:00:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-03-30T01:00:00.000Z",
    ]);
  });

  it("sends an hour that happens twice only at its first occurrence", () => {
    // Berlin, 25 October 2026: 03:00 CEST becomes 02:00 CET; 02:00 happens at 00:00 and 01:00 UTC.
    expect(runs(daily(2), "Europe/Berlin", "2026-10-24T12:00:00Z", 3)).toEqual([
      "2026-10-25T00:00:00.000Z",
      "2026-10-26T01:00:00.000Z",
      "2026-10-27T01:00:00.000Z",
    ]);
    // A run that happens late (between the two occurrences) still does not send again that day.
    expect(nextDigestAt(daily(2), "Europe/Berlin", at("2026-10-25T00:30:00Z")).toISOString()).toBe(
      "2026-10-26T01:00:00.000Z",
    );
  });

  it("handles a weekly digest on the day of a change", () => {
    // 29 March 2026 is a Sunday (7).
    expect(runs(weekly(2, 7), "Europe/Berlin", "2026-03-23T12:00:00Z", 2)).toEqual([
      "2026-03-29T01:00:00.000Z",
      "2026-04-05T00:00:00.000Z",
    ]);
  });
});
