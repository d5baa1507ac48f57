import { describe, expect, it } from "vitest";
import { type FieldVisibility, profileFields, type Visibility } from "~/db/schema";
import type { Actor, Verdict } from "~/lib/policy";
import { canSeeField } from "./policy.server";
import { defaultVisibility, profilePolicy } from "./rules";

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
const HID = "404 errors.notFound";
const GONE = "404 people.notFound";

const viewers: Array<[string, Actor]> = [
  ["the owner", person("owner")],
  ["the owner, unverified", person("owner", { emailVerified: false })],
  ["a verified member", person("m")],
  ["an admin", person("a", { isAdmin: true })],
  ["an unverified person", person("u", { emailVerified: false })],
  ["anonymous", null],
];

describe("profile fields: viewers × visibility", () => {
  // Each row: a field set to public, members, private.
  const expected: Record<string, string[]> = {
    "the owner": [OK, OK, OK],
    "the owner, unverified": [OK, OK, OK],
    "a verified member": [OK, OK, HID],
    "an admin": [OK, OK, HID],
    "an unverified person": [OK, HID, HID],
    anonymous: [OK, HID, HID],
  };
  it.each(viewers)("%s", (who, actor) => {
    const row = (["public", "members", "private"] as Visibility[]).map((level) =>
      show(
        profilePolicy.verdict(actor, "seeField", {
          ownerId: "owner",
          ownerVerified: true,
          visibility: { bio: level },
          field: "bio",
        }),
      ),
    );
    expect(row).toEqual(expected[who]);
  });

  it("a profile whose owner has not confirmed their email exists only for its owner", () => {
    const unlisted = { ownerId: "owner", ownerVerified: false };
    expect(
      viewers.map(([, actor]) => [
        show(profilePolicy.verdict(actor, "view", unlisted)),
        show(
          profilePolicy.verdict(actor, "seeField", { ...unlisted, visibility: {}, field: "photo" }),
        ),
      ]),
    ).toEqual([
      [OK, OK],
      [OK, OK],
      [GONE, GONE],
      [GONE, GONE],
      [GONE, GONE],
      [GONE, GONE],
    ]);
  });

  it("fields left unset follow the defaults (bio for members, the rest public)", () => {
    const seen = profileFields.map((field) =>
      profilePolicy.can(null, "seeField", {
        ownerId: "owner",
        ownerVerified: true,
        visibility: null,
        field,
      }),
    );
    expect(seen).toEqual(profileFields.map((f) => defaultVisibility[f] === "public"));
  });

  it("agrees with canSeeField (policy.server.ts) on every field, level and viewer", () => {
    for (const [who, actor] of viewers) {
      for (const field of profileFields) {
        for (const level of ["public", "members", "private", undefined] as const) {
          const stored: Partial<FieldVisibility> = level ? { [field]: level } : {};
          const viewer = actor
            ? { userId: actor.id, verified: actor.emailVerified }
            : { userId: null };
          const subject = { ownerId: "owner", ownerVerified: true, visibility: stored, field };
          expect(profilePolicy.can(actor, "seeField", subject), `${who} ${field} ${level}`).toBe(
            canSeeField(viewer, "owner", stored, field),
          );
        }
      }
    }
  });
});

describe("editing a profile", () => {
  it.each([
    ["the owner", person("owner"), OK],
    ["the owner, unverified", person("owner", { emailVerified: false }), OK],
    ["an admin", person("a", { isAdmin: true }), "403 errors.forbidden"],
    ["someone else", person("m"), "403 errors.forbidden"],
    ["anonymous", null, "403 errors.forbidden"],
  ] as Array<[string, Actor, string]>)("%s", (_who, actor, expected) => {
    expect(
      show(profilePolicy.verdict(actor, "edit", { ownerId: "owner", ownerVerified: true })),
    ).toBe(expected);
  });
});
