import { describe, expect, it } from "vitest";
import type { Actor, Verdict } from "~/lib/policy";
import { accountPolicy } from "./rules";

const person = (over: Partial<NonNullable<Actor>> = {}): Actor => ({
  id: "me",
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});
const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;

describe("account rules: actors × actions", () => {
  // writeInNetworks, manageOwnAccount (own), manageOwnAccount (someone else's)
  it.each([
    ["a verified person", person(), ["ok", "ok", "404 errors.notFound"]],
    [
      "an unverified person",
      person({ emailVerified: false }),
      ["403 auth.verifyFirst", "ok", "404 errors.notFound"],
    ],
    [
      "an admin (no reach into others' accounts)",
      person({ isAdmin: true }),
      ["ok", "ok", "404 errors.notFound"],
    ],
    ["anonymous", null, ["403 errors.forbidden", "403 errors.forbidden", "403 errors.forbidden"]],
  ] as Array<[string, Actor, string[]]>)("%s", (_who, actor, expected) => {
    expect([
      show(accountPolicy.verdict(actor, "writeInNetworks", undefined)),
      show(accountPolicy.verdict(actor, "manageOwnAccount", { ownerId: "me" })),
      show(accountPolicy.verdict(actor, "manageOwnAccount", { ownerId: "someone-else" })),
    ]).toEqual(expected);
  });
});
