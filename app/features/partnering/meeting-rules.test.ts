import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import {
  instantFromLocalInput,
  type MeetingSubject,
  meetingPolicy,
  type PartneringDaySubject,
  partneringDayPolicy,
} from "./meeting-rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };

describe("meeting rules", () => {
  it("lets people propose only to someone else they are connected with", () => {
    const cases: [Person | null, { isSelf: boolean; connected: boolean }, true | string][] = [
      [person, { isSelf: false, connected: true }, true],
      [person, { isSelf: false, connected: false }, "meetings.notConnected"],
      [person, { isSelf: true, connected: true }, "meetings.notWithYourself"],
      [null, { isSelf: false, connected: true }, "meetings.notConnected"],
    ];
    for (const [actor, subject, expected] of cases) {
      const verdict = meetingPolicy.verdict(actor, "propose", subject);
      expect(verdict === true ? true : verdict.messageKey).toBe(expected);
    }
  });

  it("lets the invitee answer an open proposal, either person cancel, nobody else see it", () => {
    const m = (over: Partial<MeetingSubject>): MeetingSubject => ({
      isProposer: false,
      isInvitee: false,
      status: "proposed",
      ...over,
    });
    const cases: ["view" | "respond" | "cancel", MeetingSubject, true | [number, string]][] = [
      ["view", m({ isInvitee: true }), true],
      ["view", m({}), [404, "meetings.notFound"]],
      ["respond", m({ isInvitee: true }), true],
      ["respond", m({ isProposer: true }), [403, "meetings.inviteeOnly"]],
      ["respond", m({ isInvitee: true, status: "accepted" }), [409, "meetings.notOpen"]],
      ["respond", m({}), [404, "meetings.notFound"]],
      ["cancel", m({ isProposer: true, status: "accepted" }), true],
      ["cancel", m({ isInvitee: true }), true],
      ["cancel", m({ isInvitee: true, status: "declined" }), [409, "meetings.notOpen"]],
      ["cancel", m({ status: "accepted" }), [404, "meetings.notFound"]],
    ];
    for (const [action, subject, expected] of cases) {
      const verdict = meetingPolicy.verdict(person, action, subject);
      expect(verdict === true ? true : [verdict.status, verdict.messageKey], action).toEqual(
        expected,
      );
    }
  });

  it("lets organisers set a day up, people going join, participants book while open", () => {
    const d = (over: Partial<PartneringDaySubject>): PartneringDaySubject => ({
      organises: false,
      isGoing: false,
      isParticipant: false,
      exists: true,
      isOpen: true,
      ...over,
    });
    const cases: ["setup" | "join" | "book", PartneringDaySubject, true | [number, string]][] = [
      ["setup", d({ organises: true }), true],
      ["setup", d({ isGoing: true }), [403, "partneringDay.organisersOnly"]],
      ["join", d({ isGoing: true }), true],
      ["join", d({}), [403, "partneringDay.goingOnly"]],
      ["join", d({ isGoing: true, exists: false }), [404, "partneringDay.notFound"]],
      ["book", d({ isParticipant: true }), true],
      ["book", d({ isGoing: true }), [403, "partneringDay.participantsOnly"]],
      ["book", d({ isParticipant: true, isOpen: false }), [409, "partneringDay.closed"]],
    ];
    for (const [action, subject, expected] of cases) {
      const verdict = partneringDayPolicy.verdict(person, action, subject);
      expect(verdict === true ? true : [verdict.status, verdict.messageKey], action).toEqual(
        expected,
      );
    }
    expect(partneringDayPolicy.verdict(null, "setup", d({ organises: true }))).not.toBe(true);
  });

  it("reads a typed time in the person's zone, across the EU's spring change", () => {
    // Dublin: IST (UTC+1) from 2027-03-28 01:00 UTC; Helsinki: EET (UTC+2) → EEST (UTC+3).
    const cases: [string, string, string | null][] = [
      ["2027-03-27T10:00", "Europe/Dublin", "2027-03-27T10:00:00.000Z"],
      ["2027-03-29T10:00", "Europe/Dublin", "2027-03-29T09:00:00.000Z"],
      ["2027-03-27T12:00", "Europe/Helsinki", "2027-03-27T10:00:00.000Z"],
      ["2027-03-29T12:00", "Europe/Helsinki", "2027-03-29T09:00:00.000Z"],
      // Repeated in the autumn: the first of the two.
      ["2027-10-31T01:30", "Europe/Dublin", "2027-10-31T00:30:00.000Z"],
      ["2027-02-30T10:00", "Europe/Dublin", null],
      ["2027-03-29 10:00", "Europe/Dublin", null],
      ["2027-03-29T25:00", "Europe/Dublin", null],
    ];
    for (const [text, zone, expected] of cases) {
      const instant = instantFromLocalInput(text, zone);
      expect(instant instanceof Date ? instant.toISOString() : instant, text).toBe(expected);
    }
    // 01:30 on 2027-03-28 never happens in Dublin.
    expect(instantFromLocalInput("2027-03-28T01:30", "Europe/Dublin")).toBe("nonexistent");
  });
});
