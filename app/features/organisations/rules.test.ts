import { describe, expect, it } from "vitest";
import type { Actor, Verdict } from "~/lib/policy";
import { type OrganisationMembershipView, organisationPolicy } from "./rules";

const person = (id: string, over: Partial<NonNullable<Actor>> = {}): Actor => ({
  id,
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});
const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;

const OK = "ok";
const SI = "403 errors.forbidden";
const NO = "403 errors.forbidden";

/** Actors × actions on an organisation; each row: view, requestToJoin, edit, seeJoinRequests, decideJoinRequests. */
const table: Array<[string, Actor, OrganisationMembershipView | null, string[]]> = [
  ["its admin", person("a"), { role: "admin", status: "active" }, [OK, OK, OK, OK, OK]],
  [
    "an installation admin (no say over organisations)",
    person("ia", { isAdmin: true }),
    null,
    [OK, OK, NO, NO, NO],
  ],
  ["a member", person("m"), { role: "member", status: "active" }, [OK, OK, NO, NO, NO]],
  ["someone waiting", person("p"), { role: "member", status: "pending" }, [OK, OK, NO, NO, NO]],
  [
    "an admin row still pending",
    person("ap"),
    { role: "admin", status: "pending" },
    [OK, OK, NO, NO, NO],
  ],
  ["an outsider", person("x"), null, [OK, OK, NO, NO, NO]],
  ["an unverified outsider", person("u", { emailVerified: false }), null, [OK, OK, NO, NO, NO]],
  ["anonymous", null, null, [OK, SI, SI, SI, SI]],
];
const actions = ["view", "requestToJoin", "edit", "seeJoinRequests", "decideJoinRequests"] as const;

describe("organisation rules: actors × actions", () => {
  it.each(table)("%s", (_who, actor, membership, expected) => {
    const organisation = { id: "o1", membership };
    expect(actions.map((a) => show(organisationPolicy.verdict(actor, a, organisation)))).toEqual(
      expected,
    );
  });
});

describe("leaving an organisation", () => {
  const admin: OrganisationMembershipView = { role: "admin", status: "active" };
  const member: OrganisationMembershipView = { role: "member", status: "active" };
  it.each([
    ["a member", person("m"), member, 4, 1, OK],
    ["the last admin while others remain", person("a"), admin, 4, 1, "409 org.lastAdmin"],
    ["the last admin as the last member", person("a"), admin, 1, 1, OK],
    ["one of two admins", person("a"), admin, 4, 2, OK],
    ["someone waiting (withdraws)", person("p"), { role: "member", status: "pending" }, 4, 1, OK],
    ["an outsider (nothing changes)", person("x"), null, 4, 1, OK],
    ["anonymous", null, null, 4, 1, SI],
  ] as Array<[string, Actor, OrganisationMembershipView | null, number, number, string]>)(
    "%s",
    (_who, actor, membership, memberCount, adminCount, expected) => {
      const subject = { organisation: { id: "o1", membership }, memberCount, adminCount };
      expect(show(organisationPolicy.verdict(actor, "leave", subject))).toBe(expected);
    },
  );
});
