/**
 * When a person's next digest goes out: the first instant after a given one at which the wall
 * clock in their zone shows the chosen hour (on the chosen weekday for weekly digests). Pure,
 * no database, so the rules are tested on their own (digest-schedule.test.ts).
 */
import { instantFromWallClock, wallClockAt } from "~/lib/time-zones";
import type { DigestFrequency } from "./kinds";

export type DigestTiming = {
  frequency: DigestFrequency;
  /** Local hour 0–23. */
  hour: number;
  /** ISO weekday 1 (Monday) – 7 (Sunday), for weekly digests. */
  weekday: number;
};

/** The ISO weekday (1 = Monday … 7 = Sunday) of a calendar date. */
function isoWeekday(year: number, month: number, day: number): number {
  const sunday0 = new Date(Date.UTC(year, month - 1, day, 12)).getUTCDay();
  return ((sunday0 + 6) % 7) + 1;
}

/**
 * The first instant strictly after `after` at which the digest is due.
 *
 * Daylight-saving changes: an hour the clocks skip (02:00 in Berlin on the last Sunday of
 * March) is due at the first instant after the gap (03:00 summer time), once; an hour that
 * happens twice (02:00 on the last Sunday of October) is due at its first occurrence only,
 * because the next run asks for an instant after that one, and the day's candidate is that same
 * first occurrence, so it moves to the next day.
 */
export function nextDigestAt(timing: DigestTiming, timeZone: string, after: Date): Date {
  const today = wallClockAt(after, timeZone);
  const base = Date.UTC(today.year, today.month - 1, today.day, 12);
  // A weekly digest is at most 7 days away; one more covers an hour already passed today.
  for (let days = 0; days <= 8; days++) {
    const date = new Date(base + days * 86_400_000);
    const year = date.getUTCFullYear();
    const month = date.getUTCMonth() + 1;
    const day = date.getUTCDate();
    if (timing.frequency === "weekly" && isoWeekday(year, month, day) !== timing.weekday) continue;
    const candidate = instantFromWallClock(
      { year, month, day, hour: timing.hour, minute: 0, second: 0 },
      timeZone,
      "compatible",
    );
    if (candidate.getTime() > after.getTime()) return candidate;
  }
  // Unreachable for valid timings: every 8 days hold each weekday and each hour once.
  throw new RangeError(`No digest time after ${after.toISOString()} for ${JSON.stringify(timing)}`);
}
