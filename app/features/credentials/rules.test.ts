import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { type CredentialSubject, credentialPolicy } from "./rules";

const person = (overrides: Partial<Person> = {}): Person => ({
  id: "p",
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...overrides,
});

const credential = (overrides: Partial<CredentialSubject> = {}): CredentialSubject => ({
  isHolder: false,
  isCourseOwner: false,
  revoked: false,
  ...overrides,
});

const outcome = (v: true | { status: number }) => (v === true ? true : v.status);

describe("credentialPolicy", () => {
  it.each([
    ["holder", person(), credential({ isHolder: true }), true],
    ["someone else", person(), credential(), 403],
    ["an admin who is not the holder", person({ isAdmin: true }), credential(), 403],
    ["nobody signed in", null, credential({ isHolder: true }), 403],
  ] as const)("setVisibility: %s", (_name, actor, c, expected) => {
    expect(outcome(credentialPolicy.verdict(actor, "setVisibility", c))).toBe(expected);
  });

  it.each([
    ["admin", person({ isAdmin: true }), credential(), true],
    ["course owner", person(), credential({ isCourseOwner: true }), true],
    ["holder", person(), credential({ isHolder: true }), 403],
    ["facilitator elsewhere", person({ isFacilitator: true }), credential(), 403],
    ["nobody signed in", null, credential(), 403],
    ["admin, already revoked", person({ isAdmin: true }), credential({ revoked: true }), 409],
    ["stranger, already revoked", person(), credential({ revoked: true }), 403],
  ] as const)("revoke: %s", (_name, actor, c, expected) => {
    expect(outcome(credentialPolicy.verdict(actor, "revoke", c))).toBe(expected);
  });
});
