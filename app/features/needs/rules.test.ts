import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { type NeedSubject, needPolicy } from "./rules";

const owner: Person = { id: "owner", isAdmin: false, isFacilitator: false, emailVerified: true };
const other: Person = { id: "other", isAdmin: false, isFacilitator: false, emailVerified: true };
const unverified: Person = { ...other, id: "new", emailVerified: false };
const admin: Person = { id: "admin", isAdmin: true, isFacilitator: true, emailVerified: true };

function need(overrides: Partial<NeedSubject> = {}): NeedSubject {
  return { ownerId: "owner", status: "open", visible: true, meToo: false, ...overrides };
}

type Row = [
  string,
  Person | null,
  "view" | "manage" | "meToo" | "withdrawMeToo",
  NeedSubject,
  true | number,
];

const table: Row[] = [
  ["owner sees their need", owner, "view", need(), true],
  ["a member sees a visible need", other, "view", need(), true],
  ["an invisible need is a 404", other, "view", need({ visible: false }), 404],
  ["nobody signed in sees nothing", null, "view", need(), 404],
  ["owner manages an open need", owner, "manage", need(), true],
  ["someone else may not manage", other, "manage", need(), 403],
  ["an admin may not manage someone's need", admin, "manage", need(), 403],
  ["an invisible need is a 404 before 403", other, "manage", need({ visible: false }), 404],
  ["a closed need is read-only", owner, "manage", need({ status: "closed" }), 409],
  ["a satisfied need is read-only", owner, "manage", need({ status: "satisfied" }), 409],
  ["another person says me too", other, "meToo", need(), true],
  ["the owner cannot me-too", owner, "meToo", need(), 403],
  ["once only", other, "meToo", need({ meToo: true }), 409],
  ["not on a closed need", other, "meToo", need({ status: "closed" }), 409],
  ["not on an invisible need", other, "meToo", need({ visible: false }), 404],
  ["not with an unconfirmed email", unverified, "meToo", need(), 403],
  ["withdraw one's me too", other, "withdrawMeToo", need({ meToo: true }), true],
  ["nothing to withdraw", other, "withdrawMeToo", need(), 409],
  [
    "withdraw one's me too from a need no longer seen",
    other,
    "withdrawMeToo",
    need({ meToo: true, visible: false }),
    true,
  ],
  [
    "nothing to withdraw from an unseen need: 404",
    other,
    "withdrawMeToo",
    need({ visible: false }),
    404,
  ],
  [
    "not after the need closed",
    other,
    "withdrawMeToo",
    need({ meToo: true, status: "satisfied" }),
    409,
  ],
];

describe("needPolicy", () => {
  it.each(table)("%s", (_name, actor, action, subject, expected) => {
    const verdict = needPolicy.verdict(actor, action, subject);
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toMatchObject({ status: expected });
  });

  it("lets anyone signed in with a confirmed email record a need", () => {
    expect(needPolicy.can(owner, "record", null)).toBe(true);
    expect(needPolicy.verdict(unverified, "record", null)).toMatchObject({ status: 403 });
    expect(needPolicy.verdict(null, "record", null)).toMatchObject({ status: 403 });
  });
});
