import { describe, expect, it } from "vitest";
import { translatorFor } from "~/i18n/catalogue.server";
import { type GroupHead, linkOf, othersCount, titleFrom, toLine } from "./grouping";
import { messageValuesOf, notificationKindNames, notificationKinds } from "./kinds";
import { mayShowNetworkName, mayShowTitle, notificationPolicy } from "./rules";

const head = (over: Partial<GroupHead> = {}): GroupHead => ({
  id: "n1",
  kind: "comment",
  groupKey: "post:p1",
  actorId: "a1",
  actorName: "Maria Rossi",
  networkId: "net1",
  data: { networkId: "net1", title: "Cash flow", path: "/networks/net1/posts/p1" },
  createdAt: new Date("2026-11-30T08:00:00Z"),
  ...over,
});

describe("othersCount", () => {
  it.each([
    ["one unread comment", { unread: 1, actors: 1, unreadActors: 1 }, 0],
    ["five people, all unread", { unread: 7, actors: 5, unreadActors: 5 }, 4],
    ["two new among five, unread ones count", { unread: 2, actors: 5, unreadActors: 2 }, 1],
    ["all read: everyone who acted", { unread: 0, actors: 5, unreadActors: 0 }, 4],
    ["actor gone (no one counted)", { unread: 1, actors: 0, unreadActors: 0 }, 0],
  ])("%s", (_name, stats, expected) => {
    expect(othersCount(stats)).toBe(expected);
  });
});

describe("toLine", () => {
  const member = { name: "Bakers", visibility: "request" as const, isMember: true };
  it("names the newest actor, counts the others, keeps title and network for a member", () => {
    const line = toLine(head(), { unread: 3, actors: 3, unreadActors: 3 }, member);
    expect(line).toMatchObject({
      actor: "Maria Rossi",
      others: 2,
      title: "Cash flow",
      network: "Bakers",
      unread: true,
      href: "/notifications/n1/open",
    });
  });

  it("drops the title once the recipient can no longer read the network", () => {
    const line = toLine(
      head(),
      { unread: 0, actors: 1, unreadActors: 0 },
      {
        ...member,
        isMember: false,
      },
    );
    expect(line?.title).toBeNull();
    // A request network's name is public.
    expect(line?.network).toBe("Bakers");
    expect(line?.unread).toBe(false);
  });

  it("keeps the title of an open network for a former member", () => {
    const line = toLine(
      head(),
      { unread: 1, actors: 1, unreadActors: 1 },
      {
        name: "Open Bakers",
        visibility: "open",
        isMember: false,
      },
    );
    expect(line?.title).toBe("Cash flow");
  });

  it("hides a secret network's name from a non-member, unless the row carries the name it was sent with", () => {
    const secret = { name: "Hidden", visibility: "secret" as const, isMember: false };
    const stats = { unread: 1, actors: 1, unreadActors: 1 };
    expect(toLine(head({ kind: "member.joined" }), stats, secret)?.network).toBeNull();
    const invitation = head({
      kind: "invitation",
      data: { networkId: "net1", network: "Hidden", path: "/invitations/abc" },
    });
    expect(toLine(invitation, stats, secret)?.network).toBe("Hidden");
  });

  it("gives no line for a kind this version does not know", () => {
    expect(
      toLine(
        head({ kind: "from.a.newer.version" }),
        { unread: 1, actors: 1, unreadActors: 1 },
        null,
      ),
    ).toBeNull();
  });
});

describe("linkOf", () => {
  it("leads where the kind says, and only to paths on this site", () => {
    expect(linkOf("join.request", { networkId: "n" })).toBe("/networks/n/members");
    expect(linkOf("comment", { path: "/networks/n/posts/p#comment-c" })).toBe(
      "/networks/n/posts/p#comment-c",
    );
    expect(linkOf("comment", { path: "https://evil.example" })).toBe("/notifications");
    expect(linkOf("unknown.kind", { path: "/x" })).toBe("/notifications");
  });
});

describe("titleFrom", () => {
  it("drops Markdown marks and cuts long text", () => {
    expect(titleFrom("**Cash flow** in _winter_\n\nsecond line")).toBe(
      "Cash flow in winter second line",
    );
    expect(titleFrom("See [the guide](https://x.example) ![img](a.png)")).toBe("See the guide");
    const long = titleFrom("word ".repeat(40), 20);
    expect(long.length).toBeLessThanOrEqual(20);
    expect(long.endsWith("…")).toBe(true);
  });
});

describe("notification rules", () => {
  const me = { id: "me", isAdmin: false, isFacilitator: false, emailVerified: true };
  const admin = { ...me, id: "admin", isAdmin: true };
  it("a notification is its recipient's alone: others (admins too) get 404", () => {
    const mine = { id: "n", recipientId: "me" };
    expect(notificationPolicy.verdict(me, "open", mine)).toBe(true);
    expect(notificationPolicy.verdict(admin, "open", mine)).toEqual({
      status: 404,
      messageKey: "notifications.notFound",
    });
    expect(notificationPolicy.verdict(null, "open", mine)).not.toBe(true);
    expect(notificationPolicy.can(null, "list", undefined)).toBe(false);
    expect(notificationPolicy.can(null, "listen", undefined)).toBe(false);
  });

  it.each([
    ["open, not a member", "open", false, true, true],
    ["request, not a member", "request", false, false, true],
    ["invite, not a member", "invite", false, false, true],
    ["secret, not a member", "secret", false, false, false],
    ["secret, a member", "secret", true, true, true],
  ] as const)("%s: title %s, name %s", (_n, visibility, isMember, title, name) => {
    expect(mayShowTitle({ visibility, isMember })).toBe(title);
    expect(mayShowNetworkName({ visibility, isMember })).toBe(name);
  });
});

describe("the kinds registry", () => {
  it("every kind has a message in the registry and a link that is a path", () => {
    for (const kind of notificationKindNames) {
      const link = notificationKinds[kind].link({ networkId: "n", path: "/p" });
      expect(link.startsWith("/")).toBe(true);
    }
  });
});

describe("message values from a row's data", () => {
  it("gives a kind the data fields it names, numbers as numbers, and other kinds none", () => {
    const line = toLine(
      head({
        kind: "partnering.new_matches",
        networkId: null,
        actorId: null,
        actorName: null,
        data: { organisationId: "o1", organisation: "Rebel Crumb Bakery", count: 3, path: "/x" },
      }),
      { unread: 1, actors: 0, unreadActors: 0 },
      null,
    );
    expect(line?.values).toEqual({ count: 3, organisation: "Rebel Crumb Bakery" });
    expect(messageValuesOf("partnering.new_matches", {})).toEqual({ count: "", organisation: "" });
    // A kind that names none gets none, whatever its data holds (no field leaks into a message).
    expect(
      toLine(
        head({ data: { count: 9, title: "T" } }),
        { unread: 1, actors: 1, unreadActors: 1 },
        null,
      )?.values,
    ).toEqual({});
    expect(linkOf("partnering.new_matches", { organisationId: "o1" })).toBe(
      "/partnering/matches?organisation=o1",
    );
  });

  it("the line reads in the reader's language with ICU plurals", () => {
    const values = messageValuesOf("partnering.new_matches", {
      organisation: "Rebel Crumb Bakery",
      count: 3,
    });
    const message = notificationKinds["partnering.new_matches"].message;
    expect(translatorFor("en")(message, values)).toBe(
      "3 new partnering matches for Rebel Crumb Bakery",
    );
    expect(translatorFor("en")(message, { ...values, count: 1 })).toBe(
      "1 new partnering match for Rebel Crumb Bakery",
    );
    expect(translatorFor("ro")(message, { ...values, count: 3 })).toBe(
      "3 potriviri noi de parteneriat pentru Rebel Crumb Bakery",
    );
    expect(translatorFor("ro")(message, { ...values, count: 21 })).toBe(
      "21 de potriviri noi de parteneriat pentru Rebel Crumb Bakery",
    );
  });
});
