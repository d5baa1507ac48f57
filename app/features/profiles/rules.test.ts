import { describe, expect, it } from "vitest";
import { visitorPeopleChoices } from "~/db/enums";
import { type FieldVisibility, profileFields, type Visibility } from "~/db/schema";
import { FORMER_MEMBER_ID } from "~/features/accounts/former-member";
import { renderMarkdown } from "~/features/content/markdown";
import type { Actor, Verdict } from "~/lib/policy";
import { canSeeField } from "./policy.server";
import { defaultVisibility, profilePolicy } from "./rules";
import {
  authorAsSeen,
  mentionsAsSeen,
  peopleSight,
  personAsSeen,
  type VisitorPeople,
} from "./visitors";

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
          visitors: "profiles",
          visibility: { bio: level },
          field: "bio",
        }),
      ),
    );
    expect(row).toEqual(expected[who]);
  });

  it("a profile whose owner asked for deletion exists only for its owner until then", () => {
    const leaving = {
      ownerId: "owner",
      ownerVerified: true,
      ownerLeaving: true,
      visitors: "profiles" as const,
    };
    expect(viewers.map(([, actor]) => show(profilePolicy.verdict(actor, "view", leaving)))).toEqual(
      [OK, OK, GONE, GONE, GONE, GONE],
    );
  });

  it("a profile whose owner has not confirmed their email exists only for its owner", () => {
    const unlisted = { ownerId: "owner", ownerVerified: false, visitors: "profiles" as const };
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
        visitors: "profiles",
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
            ? { userId: actor.id, verified: actor.emailVerified, sight: "fields" as const }
            : { userId: null, sight: "fields" as const };
          const subject = {
            ownerId: "owner",
            ownerVerified: true,
            visitors: "profiles" as const,
            visibility: stored,
            field,
          };
          expect(profilePolicy.can(actor, "seeField", subject), `${who} ${field} ${level}`).toBe(
            canSeeField(viewer, "owner", stored, field),
          );
        }
      }
    }
  });
});

describe("what signed-out visitors see, per the installation setting (decision 026)", () => {
  const subject = (visitors: VisitorPeople) => ({
    ownerId: "owner",
    ownerVerified: true,
    visitors,
    visibility: { headline: "public" as const },
    field: "headline" as const,
  });
  // Each row: the profile, then a public field, under "members", "names", "profiles".
  it.each([
    ["anonymous", null, ["403 errors.forbidden", OK, OK], ["403 errors.forbidden", HID, OK]],
    ["a verified member", person("m"), [OK, OK, OK], [OK, OK, OK]],
    ["an unverified person", person("u", { emailVerified: false }), [OK, OK, OK], [OK, OK, OK]],
  ] as Array<[string, Actor, string[], string[]]>)("%s", (_who, actor, profile, field) => {
    const settings = visitorPeopleChoices;
    expect(settings.map((v) => show(profilePolicy.verdict(actor, "view", subject(v))))).toEqual(
      profile,
    );
    expect(settings.map((v) => show(profilePolicy.verdict(actor, "seeField", subject(v))))).toEqual(
      field,
    );
  });

  it("one rule decides it: peopleSight, and the SQL viewer agrees with the pure rule", () => {
    expect(visitorPeopleChoices.map((v) => peopleSight(null, v))).toEqual([
      "nothing",
      "names",
      "fields",
    ]);
    expect(visitorPeopleChoices.map((v) => peopleSight(person("m"), v))).toEqual([
      "fields",
      "fields",
      "fields",
    ]);
    for (const v of visitorPeopleChoices) {
      const viewer = { userId: null, sight: peopleSight(null, v) };
      expect(canSeeField(viewer, "owner", { headline: "public" }, "headline")).toBe(
        profilePolicy.can(null, "seeField", subject(v)),
      );
    }
  });

  it("hides an author's name, link and photo from visitors when members only", () => {
    const author = { id: "a", name: "Aoife", photoKey: "k.webp", extra: 1 };
    expect(personAsSeen("nothing", author)).toEqual({
      id: null,
      name: null,
      photoKey: null,
      extra: 1,
      hidden: true,
    });
    expect(personAsSeen("names", author)).toEqual({ ...author, photoKey: null, hidden: false });
    expect(personAsSeen("fields", author)).toEqual({ ...author, hidden: false });
  });

  it("links an author's name only where the viewer sees profiles", () => {
    const author = { id: "a", name: "Aoife", photoKey: "k.webp" };
    expect(authorAsSeen("nothing", author)).toEqual({
      id: null,
      name: null,
      photoKey: null,
      linked: false,
      former: false,
    });
    expect(authorAsSeen("names", author)).toEqual({
      ...author,
      photoKey: null,
      linked: false,
      former: false,
    });
    expect(authorAsSeen("fields", author)).toEqual({ ...author, linked: true, former: false });
  });

  it("shows the former member as such to every reader, never by the stored name or a link", () => {
    const former = { id: FORMER_MEMBER_ID, name: "Former member", photoKey: null };
    for (const sight of ["fields", "names", "nothing"] as const) {
      expect(authorAsSeen(sight, former)).toEqual({
        id: null,
        name: null,
        photoKey: null,
        linked: false,
        former: true,
      });
    }
  });

  it("masks mentions in rendered HTML when serving it, as the sight allows", () => {
    const html = renderMarkdown("thanks @aoife.byrne & <b>", {
      mentions: new Map([["aoife.byrne", { id: "id-1", name: "Aoife Byrne" }]]),
    });
    expect(html).toContain('<a class="mention" href="/people/id-1">@Aoife Byrne</a>');
    expect(mentionsAsSeen(html, "fields")).toBe(html);
    const names = mentionsAsSeen(html, "names");
    expect(names).toContain('<span class="mention">@Aoife Byrne</span>');
    expect(names).not.toContain("/people/");
    const nothing = mentionsAsSeen(html, "nothing");
    expect(nothing).toContain('<span class="mention">@…</span>');
    expect(nothing).not.toContain("Aoife");
    expect(nothing).not.toContain("id-1");
    expect(nothing).toContain("&lt;b&gt;");
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
