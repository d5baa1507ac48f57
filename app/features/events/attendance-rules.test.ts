import { describe, expect, it } from "vitest";
import type { NetworkSubject } from "~/features/networks/rules";
import type { Person } from "~/lib/policy";
import { type AttendanceSubject, attendancePolicy } from "./attendance-rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };
const startsAt = new Date("2027-06-15T15:30:00Z");
const endsAt = new Date("2027-06-15T17:30:00Z");
const hours = (n: number) => new Date(startsAt.getTime() + n * 3_600_000);

function network(role: "facilitator" | "member" | null): NetworkSubject {
  return { id: "n", visibility: "open", membership: role ? { role, status: "active" } : null };
}

function subject(now: Date, overrides: Partial<AttendanceSubject> = {}): AttendanceSubject {
  return { network: network("facilitator"), cancelled: false, startsAt, endsAt, now, ...overrides };
}

describe("attendance rules", () => {
  it("open the desk to facilitators from 2 hours before the start to 24 hours after the end", () => {
    const verdict = (now: Date, o: Partial<AttendanceSubject> = {}) =>
      attendancePolicy.verdict(person, "checkIn", subject(now, o));
    expect(verdict(hours(-2.01))).toMatchObject({
      status: 409,
      messageKey: "events.checkIn.notYet",
    });
    expect(verdict(hours(-2))).toBe(true);
    expect(verdict(hours(2 + 24))).toBe(true);
    expect(verdict(hours(2 + 24.01))).toMatchObject({ messageKey: "events.checkIn.closed" });
    expect(verdict(hours(0), { cancelled: true })).toMatchObject({
      messageKey: "events.isCancelled",
    });
    expect(verdict(hours(0), { network: network("member") })).toMatchObject({ status: 403 });
    expect(verdict(hours(0), { network: network(null) })).toMatchObject({ status: 403 });
    expect(attendancePolicy.verdict(null, "checkIn", subject(hours(0)))).not.toBe(true);
  });

  it("take feedback from attendees between the end and 14 days after it", () => {
    const verdict = (now: Date, attended = true) =>
      attendancePolicy.verdict(person, "giveFeedback", {
        ...subject(now, { network: network("member") }),
        attended,
      });
    expect(verdict(hours(1.99))).toMatchObject({ messageKey: "events.feedback.notYet" });
    expect(verdict(hours(2))).toBe(true);
    expect(verdict(hours(2 + 14 * 24))).toBe(true);
    expect(verdict(hours(2 + 14 * 24 + 0.01))).toMatchObject({
      messageKey: "events.feedback.closed",
    });
    expect(verdict(hours(3), false)).toMatchObject({
      status: 403,
      messageKey: "events.feedback.notAttendee",
    });
  });
});
