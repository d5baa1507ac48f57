import { describe, expect, it } from "vitest";
import type { Actor, Person } from "~/lib/policy";
import { type OpportunityStatus, type OpportunitySubject, opportunityPolicy } from "./rules";

const member: Person = { id: "m", isAdmin: false, isFacilitator: false, emailVerified: true };
const unconfirmed: Person = { ...member, emailVerified: false };
const facilitator: Person = { ...member, id: "f", isFacilitator: true };
const admin: Person = { ...member, id: "a", isAdmin: true };

type Who =
  | "author"
  | "unconfirmedAuthor"
  | "other"
  | "facilitator"
  | "admin"
  | "authorFacilitator"
  | "signedOut";
const people: Record<Who, { actor: Actor; isAuthor: boolean }> = {
  author: { actor: member, isAuthor: true },
  unconfirmedAuthor: { actor: unconfirmed, isAuthor: true },
  other: { actor: member, isAuthor: false },
  facilitator: { actor: facilitator, isAuthor: false },
  admin: { actor: admin, isAuthor: false },
  authorFacilitator: { actor: facilitator, isAuthor: true },
  signedOut: { actor: null, isAuthor: false },
};

type State = OpportunityStatus | "expired";
const subject = (state: State, isAuthor: boolean): OpportunitySubject => ({
  isAuthor,
  status: state === "expired" ? "published" : state,
  current: state === "published",
});

const answer = (
  action: Parameters<typeof opportunityPolicy.verdict>[1],
  who: Who,
  state: State,
) => {
  const { actor, isAuthor } = people[who];
  // biome-ignore lint/suspicious/noExplicitAny: each action's subject is the same shape here
  const verdict = opportunityPolicy.verdict(actor, action, subject(state, isAuthor) as any);
  return verdict === true ? true : verdict.status;
};

describe("opportunityPolicy", () => {
  // view: published and current for everyone; otherwise authors and reviewers only (404).
  it.each([
    ["author", "draft", true],
    ["other", "draft", 404],
    ["signedOut", "draft", 404],
    ["facilitator", "draft", true],
    ["admin", "submitted", true],
    ["other", "submitted", 404],
    ["author", "submitted", true],
    ["other", "published", true],
    ["signedOut", "published", true],
    ["other", "expired", 404],
    ["signedOut", "expired", 404],
    ["author", "expired", true],
    ["facilitator", "expired", true],
    ["other", "withdrawn", 404],
    ["admin", "withdrawn", true],
    ["author", "withdrawn", true],
  ] as const)("view: %s, %s → %s", (who, state, expected) => {
    expect(answer("view", who, state)).toBe(expected);
  });

  it.each([
    ["author", "draft", true],
    ["author", "submitted", true],
    ["author", "published", true],
    ["author", "expired", true],
    ["author", "withdrawn", 409],
    ["unconfirmedAuthor", "draft", 403],
    ["other", "draft", 404],
    ["other", "published", 403],
    ["facilitator", "submitted", 403],
    ["signedOut", "published", 403],
  ] as const)("edit: %s, %s → %s", (who, state, expected) => {
    expect(answer("edit", who, state)).toBe(expected);
  });

  it.each([
    ["author", "draft", true],
    ["author", "submitted", 409],
    ["author", "published", 409],
    ["other", "draft", 404],
    ["facilitator", "draft", 403],
  ] as const)("submit: %s, %s → %s", (who, state, expected) => {
    expect(answer("submit", who, state)).toBe(expected);
  });

  it.each([
    ["facilitator", "submitted", true],
    ["admin", "submitted", true],
    ["authorFacilitator", "submitted", 403],
    ["author", "submitted", 403],
    ["other", "submitted", 404],
    ["signedOut", "submitted", 404],
    ["facilitator", "draft", 409],
    ["admin", "published", 409],
  ] as const)("review: %s, %s → %s", (who, state, expected) => {
    expect(answer("review", who, state)).toBe(expected);
  });

  it.each([
    ["author", "draft", true],
    ["author", "published", true],
    ["author", "withdrawn", 409],
    ["admin", "published", 403],
    ["other", "published", 403],
  ] as const)("withdraw: %s, %s → %s", (who, state, expected) => {
    expect(answer("withdraw", who, state)).toBe(expected);
  });

  it.each([
    ["author", "published", true],
    ["author", "expired", true],
    ["author", "draft", 409],
    ["author", "withdrawn", 409],
    ["other", "published", 403],
    ["other", "expired", 404],
    ["facilitator", "expired", 403],
  ] as const)("renew: %s, %s → %s", (who, state, expected) => {
    expect(answer("renew", who, state)).toBe(expected);
  });

  it.each([
    ["other", "published", true],
    ["facilitator", "published", true],
    ["author", "published", 403],
    ["signedOut", "published", 403],
    ["other", "expired", 404],
    ["facilitator", "submitted", 409],
  ] as const)("expressInterest: %s, %s → %s", (who, state, expected) => {
    expect(answer("expressInterest", who, state)).toBe(expected);
  });

  it.each([
    [member, true, true],
    [member, false, 403],
    [unconfirmed, true, 403],
    [null, true, 403],
  ] as const)("create: member %#", (actor, isMember, expected) => {
    const verdict = opportunityPolicy.verdict(actor, "create", { isMember });
    expect(verdict === true ? true : verdict.status).toBe(expected);
  });
});
