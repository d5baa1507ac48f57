import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { type NeedSubject, type OfferSubject, offerPolicy } from "./rules";

const person: Person = { id: "p", isAdmin: false, isFacilitator: false, emailVerified: true };

const need = (overrides: Partial<NeedSubject> = {}): NeedSubject => ({
  isEducator: true,
  facilitates: false,
  visible: true,
  open: true,
  isOwner: false,
  saidMeToo: false,
  ...overrides,
});

const offer = (overrides: Partial<OfferSubject> = {}): OfferSubject => ({
  isEducator: true,
  facilitates: false,
  isCreator: true,
  isAdmin: false,
  withdrawn: false,
  ...overrides,
});

describe("offerPolicy", () => {
  it.each([
    ["educator", { isEducator: true, facilitates: false }, true],
    ["facilitator", { isEducator: false, facilitates: true }, true],
    ["owner", { isEducator: false, facilitates: false }, 403],
  ] as const)("create: %s", (_name, actor, expected) => {
    const verdict = offerPolicy.verdict(person, "create", actor);
    expect(verdict === true ? true : verdict.status).toBe(expected);
  });

  it("create refuses nobody signed in", () => {
    expect(offerPolicy.can(null, "create", { isEducator: true, facilitates: true })).toBe(false);
  });

  it.each([
    ["creator", offer(), true],
    ["admin", offer({ isCreator: false, isAdmin: true }), true],
    ["someone else", offer({ isCreator: false }), 403],
    ["withdrawn", offer({ withdrawn: true }), 409],
  ] as const)("manage: %s", (_name, subject, expected) => {
    const verdict = offerPolicy.verdict(person, "manage", subject);
    expect(verdict === true ? true : verdict.status).toBe(expected);
  });

  it.each([
    ["educator on a visible open need", need(), true],
    ["facilitator", need({ isEducator: false, facilitates: true }), true],
    ["invisible need (404 before anything else)", need({ visible: false, isEducator: false }), 404],
    ["owner role", need({ isEducator: false }), 403],
    ["own need", need({ isOwner: true }), 403],
    ["closed need", need({ open: false }), 409],
  ] as const)("answer: %s", (_name, subject, expected) => {
    const verdict = offerPolicy.verdict(person, "answer", subject);
    expect(verdict === true ? true : verdict.status).toBe(expected);
  });

  it.each([
    ["owner", need({ isOwner: true, isEducator: false }), true],
    ["me too", need({ saidMeToo: true, isEducator: false }), true],
    ["anyone else", need(), 403],
    ["invisible", need({ visible: false, isOwner: true }), 404],
  ] as const)("ask: %s", (_name, subject, expected) => {
    const verdict = offerPolicy.verdict(person, "ask", subject);
    expect(verdict === true ? true : verdict.status).toBe(expected);
  });
});
