import { describe, expect, it } from "vitest";
import type { Actor, Verdict } from "~/lib/policy";
import { adminPolicy, type RoleChangeSubject } from "./rules";

const person = (over: Partial<NonNullable<Actor>> = {}): Actor => ({
  id: "p",
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});
const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;
const OK = "ok";
const NO = "403 errors.forbidden";

const grant: RoleChangeSubject = {
  userId: "x",
  role: "facilitator",
  granted: true,
  otherAdminCount: 1,
};

describe("admin rules: actors × actions", () => {
  // seePeople, changeRole, seeJobQueue, manageInstallationSettings, editLegalPages
  it.each([
    ["an admin", person({ isAdmin: true }), [OK, OK, OK, OK, OK]],
    ["a facilitator", person({ isFacilitator: true }), [NO, NO, NO, NO, NO]],
    ["a member", person(), [NO, NO, NO, NO, NO]],
    ["an unverified person", person({ emailVerified: false }), [NO, NO, NO, NO, NO]],
    ["anonymous", null, [NO, NO, NO, NO, NO]],
  ] as Array<[string, Actor, string[]]>)("%s", (_who, actor, expected) => {
    expect([
      show(adminPolicy.verdict(actor, "seePeople", undefined)),
      show(adminPolicy.verdict(actor, "changeRole", grant)),
      show(adminPolicy.verdict(actor, "seeJobQueue", undefined)),
      show(adminPolicy.verdict(actor, "manageInstallationSettings", undefined)),
      show(adminPolicy.verdict(actor, "editLegalPages", undefined)),
    ]).toEqual(expected);
  });
});

describe("the last admin keeps the role", () => {
  const admin = person({ id: "a", isAdmin: true });
  it.each([
    [
      "taking admin from the last admin (even oneself)",
      { role: "admin", granted: false, otherAdminCount: 0 },
      "409 admin.lastAdmin",
    ],
    [
      "taking admin while another admin remains",
      { role: "admin", granted: false, otherAdminCount: 1 },
      OK,
    ],
    ["granting admin", { role: "admin", granted: true, otherAdminCount: 0 }, OK],
    [
      "taking the facilitator role",
      { role: "facilitator", granted: false, otherAdminCount: 0 },
      OK,
    ],
  ] as Array<[string, Omit<RoleChangeSubject, "userId">, string]>)(
    "%s",
    (_case, change, expected) => {
      expect(show(adminPolicy.verdict(admin, "changeRole", { userId: "a", ...change }))).toBe(
        expected,
      );
    },
  );
});
