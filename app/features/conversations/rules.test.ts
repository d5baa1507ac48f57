import { describe, expect, it } from "vitest";
import type { Actor, Verdict } from "~/lib/policy";
import {
  type ConversationSubject,
  conversationPolicy,
  firstMessagesPerDay,
  type ParticipantView,
} from "./rules";

/**
 * The conversation rules as a table: each kind of viewer × each action on a conversation. A cell
 * is "ok" or "<status> <message key>".
 */

const person = (id: string, over: Partial<NonNullable<Actor>> = {}): NonNullable<Actor> => ({
  id,
  isAdmin: false,
  isFacilitator: false,
  emailVerified: true,
  ...over,
});

const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;

function subject(
  me: ParticipantView | null,
  over: Partial<ConversationSubject> = {},
): ConversationSubject {
  return {
    id: "c",
    kind: "direct",
    me,
    otherDeclined: false,
    blockedByOther: false,
    iBlockedOther: false,
    ...over,
  };
}

const inbox: ParticipantView = { status: "active", folder: "inbox" };
const request: ParticipantView = { status: "active", folder: "requests" };
const left: ParticipantView = { status: "left", folder: "inbox" };

const cases: Array<[string, Actor, ConversationSubject, Record<string, string>]> = [
  [
    "participant",
    person("p"),
    subject(inbox),
    {
      read: "ok",
      send: "ok",
      leave: "409 conversations.groupsOnly",
      decide: "409 conversations.notARequest",
    },
  ],
  [
    "participant of a group",
    person("p"),
    subject(inbox, { kind: "group" }),
    { read: "ok", send: "ok", leave: "ok", mute: "ok" },
  ],
  [
    "recipient of a request",
    person("r"),
    subject(request),
    { read: "ok", send: "ok", decide: "ok" },
  ],
  [
    "participant who left",
    person("l"),
    subject(left, { kind: "group" }),
    {
      read: "404 conversations.notFound",
      send: "403 conversations.youLeft",
      leave: "404 conversations.notFound",
    },
  ],
  [
    "outsider",
    person("o"),
    subject(null),
    { read: "404 conversations.notFound", send: "404 conversations.notFound" },
  ],
  [
    "admin outside the conversation",
    person("a", { isAdmin: true }),
    subject(null),
    { read: "404 conversations.notFound", send: "404 conversations.notFound" },
  ],
  [
    "nobody signed in",
    null,
    subject(null),
    { read: "404 conversations.notFound", send: "403 errors.forbidden" },
  ],
  [
    "participant with an unconfirmed email",
    person("u", { emailVerified: false }),
    subject(inbox),
    { read: "ok", send: "403 auth.verifyFirst" },
  ],
  [
    "participant blocked by the other",
    person("b"),
    subject(inbox, { blockedByOther: true }),
    { read: "ok", send: "403 conversations.blocked" },
  ],
  [
    "participant who blocked the other",
    person("b"),
    subject(inbox, { iBlockedOther: true }),
    { read: "ok", send: "403 conversations.youBlocked" },
  ],
  [
    "sender whose request was declined",
    person("d"),
    subject(inbox, { otherDeclined: true }),
    { read: "ok", send: "403 conversations.declinedByOther" },
  ],
];

describe("conversation rules", () => {
  for (const [name, actor, resource, expected] of cases) {
    it(name, () => {
      for (const [action, answer] of Object.entries(expected)) {
        const verdict = conversationPolicy.verdict(
          actor,
          action as "read",
          resource as ConversationSubject,
        );
        expect(show(verdict), action).toBe(answer);
      }
    });
  }

  it("starting: 1 to 19 others, not myself, nobody blocked either way", () => {
    const me = person("me");
    const start = (over: Partial<Parameters<typeof conversationPolicy.rules.start>[1]> = {}) =>
      show(
        conversationPolicy.verdict(me, "start", {
          recipientCount: 1,
          includesSelf: false,
          blockedBySomeone: false,
          blocksSomeone: false,
          ...over,
        }),
      );
    expect(start()).toBe("ok");
    expect(start({ recipientCount: 19 })).toBe("ok");
    expect(start({ recipientCount: 20 })).toBe("409 conversations.tooManyPeople");
    expect(start({ recipientCount: 0 })).toBe("409 conversations.tooManyPeople");
    expect(start({ includesSelf: true })).toBe("409 conversations.notYourself");
    expect(start({ blockedBySomeone: true })).toBe("403 conversations.blocked");
    expect(start({ blocksSomeone: true })).toBe("403 conversations.youBlocked");
    expect(
      show(
        conversationPolicy.verdict(null, "start", {
          recipientCount: 1,
          includesSelf: false,
          blockedBySomeone: false,
          blocksSomeone: false,
        }),
      ),
    ).toBe("403 errors.forbidden");
  });

  it("new accounts start fewer conversations a day", () => {
    const now = new Date("2026-11-30T10:00:00Z");
    expect(firstMessagesPerDay(new Date("2026-11-29T10:00:00Z"), now)).toBe(5);
    expect(firstMessagesPerDay(new Date("2026-11-23T10:00:01Z"), now)).toBe(5);
    expect(firstMessagesPerDay(new Date("2026-11-23T10:00:00Z"), now)).toBe(20);
  });
});
