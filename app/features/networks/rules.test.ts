import { describe, expect, it } from "vitest";
import { DomainError } from "~/lib/errors";
import type { Actor, Verdict } from "~/lib/policy";
import {
  type MembershipView,
  type NetworkAction,
  type NetworkSubject,
  type NetworkVisibility,
  networkPolicy,
  networkSubject,
} from "./rules";

/**
 * The network rules as a table: every kind of actor × every kind of network × every action.
 * A cell is "ok" or "<status> <message key>"; one line per actor reads left to right as
 * open, request, invite, secret.
 */

type Cast = { actor: Actor; membership: MembershipView | null };

const person = (id: string, over: Partial<NonNullable<Actor>> = {}): NonNullable<Actor> => ({
  id,
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});
const active = (role: MembershipView["role"] = "member"): MembershipView => ({
  role,
  status: "active",
});

const cast = {
  admin: { actor: person("admin", { isAdmin: true }), membership: null },
  facilitator: { actor: person("fac", { isFacilitator: true }), membership: active("facilitator") },
  facilitatorElsewhere: { actor: person("fac2", { isFacilitator: true }), membership: null },
  member: { actor: person("member"), membership: active() },
  pending: { actor: person("pending"), membership: { role: "member", status: "pending" } },
  removed: { actor: person("removed"), membership: { role: "member", status: "removed" } },
  nonMember: { actor: person("outsider"), membership: null },
  anonymous: { actor: null, membership: null },
  unverifiedMember: { actor: person("u1", { emailVerified: false }), membership: active() },
  unverified: { actor: person("u2", { emailVerified: false }), membership: null },
} satisfies Record<string, Cast>;
type Who = keyof typeof cast;

const visibilities: NetworkVisibility[] = ["open", "request", "invite", "secret"];
const network = (visibility: NetworkVisibility, membership: MembershipView | null) => ({
  id: "n1",
  visibility,
  membership,
});

const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;

const OK = "ok";
const NF = "404 networks.notFound";
const MO = "403 networks.membersOnly";
const NM = "403 networks.notMember";
const FO = "403 networks.facilitatorsOnly";
const VF = "403 auth.verifyFirst";
const SI = "403 errors.forbidden";
const IO = "403 networks.inviteOnly";
const RB = "403 networks.removedBefore";

type Row = [string, string, string, string];
const all = (cell: string): Row => [cell, cell, cell, cell];
const hidden = (cell: string): Row => [cell, cell, cell, NF];

/** Actions whose resource is the network itself, with the expected row per actor. */
const networkTable: Partial<Record<NetworkAction, Record<Who, Row>>> = {
  view: {
    admin: hidden(OK),
    facilitator: all(OK),
    facilitatorElsewhere: hidden(OK),
    member: all(OK),
    pending: hidden(OK),
    removed: hidden(OK),
    nonMember: hidden(OK),
    anonymous: hidden(OK),
    unverifiedMember: all(OK),
    unverified: hidden(OK),
  },
  read: {
    admin: [OK, MO, MO, NF],
    facilitator: all(OK),
    facilitatorElsewhere: [OK, MO, MO, NF],
    member: all(OK),
    pending: [OK, MO, MO, NF],
    removed: [OK, MO, MO, NF],
    nonMember: [OK, MO, MO, NF],
    anonymous: [OK, MO, MO, NF],
    unverifiedMember: all(OK),
    unverified: [OK, MO, MO, NF],
  },
  post: {
    admin: hidden(NM),
    facilitator: all(OK),
    facilitatorElsewhere: hidden(NM),
    member: all(OK),
    pending: hidden(NM),
    removed: hidden(NM),
    nonMember: hidden(NM),
    anonymous: hidden(SI),
    unverifiedMember: all(VF),
    unverified: hidden(VF),
  },
  moderate: {
    admin: hidden(FO),
    facilitator: all(OK),
    facilitatorElsewhere: hidden(FO),
    member: all(FO),
    pending: hidden(FO),
    removed: hidden(FO),
    nonMember: hidden(FO),
    anonymous: hidden(SI),
    unverifiedMember: all(VF),
    unverified: hidden(VF),
  },
  seeRemovals: {
    admin: hidden(FO),
    facilitator: all(OK),
    facilitatorElsewhere: hidden(FO),
    member: all(FO),
    pending: hidden(FO),
    removed: hidden(FO),
    nonMember: hidden(FO),
    anonymous: hidden(SI),
    unverifiedMember: all(FO),
    unverified: hidden(FO),
  },
  join: {
    admin: [OK, OK, IO, NF],
    facilitator: [OK, OK, IO, IO],
    facilitatorElsewhere: [OK, OK, IO, NF],
    member: [OK, OK, IO, IO],
    pending: [OK, OK, IO, NF],
    removed: [RB, RB, IO, NF],
    nonMember: [OK, OK, IO, NF],
    anonymous: hidden(SI),
    unverifiedMember: all(VF),
    unverified: hidden(VF),
  },
};
// Actions that share a rule with one above must answer exactly like it.
const sameAs: Partial<Record<NetworkAction, NetworkAction>> = {
  comment: "post",
  react: "post",
  manageSettings: "moderate",
  manageMembers: "moderate",
  invite: "moderate",
  liftRemoval: "moderate",
  seePending: "seeRemovals",
};

describe("network rules: actors × networks × actions", () => {
  const rows = Object.entries({
    ...networkTable,
    ...Object.fromEntries(
      Object.entries(sameAs).map(([action, like]) => [action, networkTable[like]]),
    ),
  }) as Array<[NetworkAction, Record<Who, Row>]>;

  for (const [action, expected] of rows) {
    it(`${action}`, () => {
      const actual = Object.fromEntries(
        (Object.keys(cast) as Who[]).map((who) => {
          const { actor, membership } = cast[who];
          const row = visibilities.map((v) =>
            show(
              networkPolicy.verdict(
                actor,
                action as "view",
                network(v, membership) satisfies NetworkSubject,
              ),
            ),
          );
          return [who, row];
        }),
      );
      expect(actual).toEqual(expected);
    });
  }

  it("every action that takes a network is in the table", () => {
    const covered = new Set([...Object.keys(networkTable), ...Object.keys(sameAs)]);
    const takesOtherResource = ["editContent", "deleteContent", "markAnswer", "removeMember"];
    const others = ["acceptInvitation", "leave", "start", ...takesOtherResource];
    for (const action of Object.keys(networkPolicy.rules)) {
      if (!others.includes(action)) expect(covered, action).toContain(action);
    }
  });
});

describe("content rules (posts, comments, topics, replies, resources)", () => {
  const open = (membership: MembershipView | null) => network("open", membership);
  const cases: Array<
    [string, Actor, MembershipView | null, string | null, [string, string, string]]
  > = [
    // who, actor, their membership, the content's author → edit, delete, mark answer
    ["the author", person("a"), active(), "a", [OK, OK, OK]],
    [
      "another member",
      person("b"),
      active(),
      "a",
      ["403 posts.onlyAuthor", "403 posts.onlyAuthorOrFacilitator", "403 forum.answerNotAllowed"],
    ],
    ["a facilitator", person("f"), active("facilitator"), "a", ["403 posts.onlyAuthor", OK, OK]],
    [
      "the author, since removed",
      person("a"),
      { role: "member", status: "removed" },
      "a",
      [NM, NM, NM],
    ],
    ["the author, unverified", person("a", { emailVerified: false }), active(), "a", [VF, VF, VF]],
    ["anonymous", null, null, null, [SI, SI, SI]],
    [
      "a member, author gone",
      person("b"),
      active(),
      null,
      ["403 posts.onlyAuthor", "403 posts.onlyAuthorOrFacilitator", "403 forum.answerNotAllowed"],
    ],
  ];
  for (const [who, actor, membership, authorId, expected] of cases) {
    it(`${who}`, () => {
      const content = { network: open(membership), authorId };
      expect([
        show(networkPolicy.verdict(actor, "editContent", content)),
        show(networkPolicy.verdict(actor, "deleteContent", content)),
        show(networkPolicy.verdict(actor, "markAnswer", content)),
      ]).toEqual(expected);
    });
  }

  it("content in a secret network is not found for those outside it", () => {
    const content = { network: network("secret", null), authorId: "a" };
    expect(show(networkPolicy.verdict(person("a"), "deleteContent", content))).toBe(NF);
  });
});

describe("member management", () => {
  const n = network("request", active("facilitator"));
  it("a facilitator removes others, never themselves (they leave instead)", () => {
    expect(
      show(networkPolicy.verdict(person("f"), "removeMember", { network: n, userId: "x" })),
    ).toBe(OK);
    expect(
      show(networkPolicy.verdict(person("f"), "removeMember", { network: n, userId: "f" })),
    ).toBe("409 networks.useLeave");
  });
  it("a member removes nobody", () => {
    const asMember = network("request", active());
    expect(
      show(networkPolicy.verdict(person("m"), "removeMember", { network: asMember, userId: "x" })),
    ).toBe(FO);
  });
});

describe("leaving", () => {
  const leave = (
    actor: Actor,
    membership: MembershipView | null,
    memberCount = 5,
    facilitatorCount = 1,
  ) =>
    show(
      networkPolicy.verdict(actor, "leave", {
        network: network("invite", membership),
        memberCount,
        facilitatorCount,
      }),
    );
  it.each([
    ["a member", person("m"), active(), 5, 1, OK],
    [
      "someone waiting for approval (withdraws the request)",
      person("p"),
      { role: "member", status: "pending" },
      5,
      1,
      OK,
    ],
    [
      "an unverified member (no email needed to leave)",
      person("u", { emailVerified: false }),
      active(),
      5,
      1,
      OK,
    ],
    [
      "someone removed (would erase the removal)",
      person("r"),
      { role: "member", status: "removed" },
      5,
      1,
      RB,
    ],
    ["someone who is not in it", person("x"), null, 5, 1, "404 networks.notMember"],
    ["anonymous", null, null, 5, 1, SI],
    [
      "the only facilitator while others remain",
      person("f"),
      active("facilitator"),
      5,
      1,
      "409 networks.lastFacilitator",
    ],
    ["the only facilitator as the last member", person("f"), active("facilitator"), 1, 1, OK],
    ["one of two facilitators", person("f"), active("facilitator"), 5, 2, OK],
  ] as Array<[string, Actor, MembershipView | null, number, number, string]>)(
    "%s",
    (_who, actor, membership, members, facilitators, expected) => {
      expect(leave(actor, membership, members, facilitators)).toBe(expected);
    },
  );
});

describe("accepting an invitation", () => {
  it.each([
    ["anonymous", null, "link", null, SI],
    ["a newcomer by link", person("n"), "link", null, OK],
    [
      "a newcomer by email, email not yet confirmed",
      person("n", { emailVerified: false }),
      "email",
      null,
      OK,
    ],
    ["someone removed, by link", person("r"), "link", { role: "member", status: "removed" }, RB],
    [
      "someone removed, invited again by email",
      person("r"),
      "email",
      { role: "member", status: "removed" },
      OK,
    ],
    ["a member already", person("m"), "link", active(), OK],
  ] as Array<[string, Actor, "email" | "link", MembershipView | null, string]>)(
    "%s",
    (_who, actor, kind, membership, expected) => {
      expect(show(networkPolicy.verdict(actor, "acceptInvitation", { kind, membership }))).toBe(
        expected,
      );
    },
  );
});

describe("starting a network depends on the installation setting", () => {
  const CF = "403 networks.createForbidden";
  it.each([
    ["anonymous", null, [SI, SI]],
    ["an admin", person("a", { isAdmin: true }), [OK, OK]],
    ["a facilitator", person("f", { isFacilitator: true }), [OK, OK]],
    ["a member", person("m"), [CF, OK]],
    [
      "an unverified facilitator",
      person("f", { isFacilitator: true, emailVerified: false }),
      [VF, VF],
    ],
    ["an unverified member", person("u", { emailVerified: false }), [CF, VF]],
  ] as Array<[string, Actor, [string, string]]>)(
    "%s (setting off, on)",
    (_who, actor, expected) => {
      expect([
        show(networkPolicy.verdict(actor, "start", { anyMemberCanCreateNetworks: false })),
        show(networkPolicy.verdict(actor, "start", { anyMemberCanCreateNetworks: true })),
      ]).toEqual(expected);
    },
  );
});

describe("deciding", () => {
  const access = {
    network: { id: "n1", visibility: "request" as const, name: "ignored" },
    membership: { role: "facilitator" as const, status: "active" as const, lastReadAt: new Date() },
  };

  it("builds the subject from getNetworkAccess's answer", () => {
    expect(networkSubject(access)).toEqual({
      id: "n1",
      visibility: "request",
      membership: { role: "facilitator", status: "active" },
    });
    expect(networkSubject({ network: access.network, membership: null }).membership).toBeNull();
  });

  it("authorize returns the decision with what was decided", () => {
    const subject = networkSubject(access);
    const decision = networkPolicy.authorize(person("f"), "moderate", subject);
    expect(decision).toMatchObject({ action: "moderate", resource: subject, actor: { id: "f" } });
    expect(networkPolicy.can(person("f"), "moderate", subject)).toBe(true);
  });

  it("authorize throws the rule's refusal as a DomainError", () => {
    const subject = networkSubject({ ...access, membership: null });
    expect(networkPolicy.can(person("x"), "moderate", subject)).toBe(false);
    let thrown: unknown;
    try {
      networkPolicy.authorize(person("x"), "moderate", subject);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ status: 403, messageKey: "networks.facilitatorsOnly" });
  });
});
