import { describe, expect, it } from "vitest";
import type { Person } from "~/lib/policy";
import { radarPolicy } from "./rules";

const person = (over: Partial<Person> = {}): Person => ({
  id: "p",
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});

describe("radarPolicy.view", () => {
  const cases: Array<[string, Person | null, "owner" | "educator", boolean, true | 403]> = [
    ["nobody signed in", null, "owner", false, 403],
    ["an owner", person(), "owner", false, 403],
    ["an educator", person(), "educator", false, true],
    ["an owner facilitating a network", person(), "owner", true, true],
    ["an installation facilitator", person({ isFacilitator: true }), "owner", false, true],
    ["an admin", person({ isAdmin: true }), "owner", false, true],
  ];
  it.each(cases)("%s", (_name, actor, role, facilitatesANetwork, expected) => {
    const verdict = radarPolicy.verdict(actor, "view", { role, facilitatesANetwork });
    if (expected === true) expect(verdict).toBe(true);
    else expect(verdict).toEqual({ status: 403, messageKey: "radar.forbidden" });
  });
});
