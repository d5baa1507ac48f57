import { describe, expect, it } from "vitest";
import type { NetworkSubject } from "~/features/networks/rules";
import type { Person } from "~/lib/policy";
import { type EventSubject, eventPolicy } from "./rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };
const now = new Date("2027-06-01T12:00:00Z");

function network(role: "facilitator" | "member" | null): NetworkSubject {
  return {
    id: "n",
    visibility: "open",
    membership: role ? { role, status: "active" } : null,
  };
}

function event(overrides: Partial<EventSubject> = {}): EventSubject {
  return {
    network: network("member"),
    cancelled: false,
    startsAt: new Date("2027-06-15T15:30:00Z"),
    rsvpDeadline: null,
    now,
    ...overrides,
  };
}

describe("eventPolicy", () => {
  it("lets facilitators create and manage, nobody else", () => {
    expect(eventPolicy.can(person, "create", network("facilitator"))).toBe(true);
    expect(eventPolicy.verdict(person, "create", network("member"))).toMatchObject({
      status: 403,
    });
    expect(eventPolicy.can(null, "create", network(null))).toBe(false);
    expect(eventPolicy.can(person, "manage", event({ network: network("facilitator") }))).toBe(
      true,
    );
    expect(eventPolicy.can(person, "manage", event())).toBe(false);
  });

  it("takes no changes or answers once the event started or was cancelled", () => {
    const started = event({ network: network("facilitator"), startsAt: now });
    expect(eventPolicy.verdict(person, "manage", started)).toMatchObject({
      status: 409,
      messageKey: "events.alreadyStarted",
    });
    const cancelled = event({ cancelled: true });
    expect(
      eventPolicy.verdict(person, "rsvp", { ...cancelled, answer: "not_going" }),
    ).toMatchObject({ status: 409, messageKey: "events.isCancelled" });
  });

  it("after the RSVP deadline takes only 'not going'", () => {
    const closed = event({ rsvpDeadline: new Date(now.getTime() - 1) });
    expect(eventPolicy.verdict(person, "rsvp", { ...closed, answer: "going" })).toMatchObject({
      status: 409,
      messageKey: "events.rsvpClosed",
    });
    expect(eventPolicy.verdict(person, "rsvp", { ...closed, answer: "maybe" })).toMatchObject({
      status: 409,
    });
    expect(eventPolicy.can(person, "rsvp", { ...closed, answer: "not_going" })).toBe(true);
    const open = event({ rsvpDeadline: new Date(now.getTime() + 60_000) });
    expect(eventPolicy.can(person, "rsvp", { ...open, answer: "going" })).toBe(true);
  });

  it("lets only active members answer, with a confirmed email", () => {
    expect(
      eventPolicy.can(person, "rsvp", { ...event({ network: network(null) }), answer: "going" }),
    ).toBe(false);
    const unverified = { ...person, emailVerified: false };
    expect(eventPolicy.can(unverified, "rsvp", { ...event(), answer: "going" })).toBe(false);
    expect(eventPolicy.can(null, "rsvp", { ...event(), answer: "going" })).toBe(false);
  });
});
