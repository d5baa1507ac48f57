import { mayWriteInNetworks, signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what in conversations, as named pure rules (decision 015). The subject is built
 * by `loadConversationSubject` (conversations.server.ts) from ONE viewer's point of view.
 */

/** People in a group conversation, the starter included. */
export const MAX_GROUP_SIZE = 20;
/** Conversations a person may start per day; accounts younger than NEW_ACCOUNT_DAYS get fewer. */
export const FIRST_MESSAGES_PER_DAY = 20;
export const FIRST_MESSAGES_PER_DAY_NEW_ACCOUNT = 5;
export const NEW_ACCOUNT_DAYS = 7;
/** Messages a person may send in ten minutes, across conversations. */
export const MESSAGES_PER_TEN_MINUTES = 60;

/** How many conversations a person may start today, by the age of their account. */
export function firstMessagesPerDay(accountCreatedAt: Date, now: Date): number {
  const ageDays = (now.getTime() - accountCreatedAt.getTime()) / 86_400_000;
  return ageDays < NEW_ACCOUNT_DAYS ? FIRST_MESSAGES_PER_DAY_NEW_ACCOUNT : FIRST_MESSAGES_PER_DAY;
}

export type Folder = "inbox" | "requests" | "declined";

/** The viewer's own place in the conversation (null: never in it). */
export type ParticipantView = { status: "active" | "left"; folder: Folder };

export type ConversationSubject = {
  id: string;
  kind: "direct" | "group";
  me: ParticipantView | null;
  /** Direct conversations: the other person declined my request. */
  otherDeclined: boolean;
  /** Direct conversations: the other person blocked me. */
  blockedByOther: boolean;
  /** Direct conversations: I blocked the other person. */
  iBlockedOther: boolean;
};

/** Starting a conversation with these people (the starter not counted). */
export type StartSubject = {
  recipientCount: number;
  includesSelf: boolean;
  /** Someone among them blocked the starter. */
  blockedBySomeone: boolean;
  /** The starter blocked someone among them. */
  blocksSomeone: boolean;
};

const notFound = refuse(404, "conversations.notFound");

/** Reading: an active participant. Anyone else (left, never in it, admins) hears "not found". */
function mayRead(actor: Actor, c: ConversationSubject): Verdict {
  if (!actor) return notFound;
  return c.me?.status === "active" ? allow : notFound;
}

/** Sending: a participant who has not left, with a confirmed email, not blocked, not declined. */
function maySend(actor: Actor, c: ConversationSubject): Verdict {
  return every(
    () => (actor ? allow : signInFirst),
    () => (c.me ? allow : notFound),
    () => (c.me?.status === "active" ? allow : refuse(403, "conversations.youLeft")),
    () => mayWriteInNetworks(actor),
    () => (c.iBlockedOther ? refuse(403, "conversations.youBlocked") : allow),
    () => (c.blockedByOther ? refuse(403, "conversations.blocked") : allow),
    () => (c.otherDeclined ? refuse(403, "conversations.declinedByOther") : allow),
  );
}

function mayStart(actor: Actor, s: StartSubject): Verdict {
  return every(
    () => (actor ? allow : signInFirst),
    () => mayWriteInNetworks(actor),
    () => (s.includesSelf ? refuse(409, "conversations.notYourself") : allow),
    () =>
      s.recipientCount >= 1 && s.recipientCount <= MAX_GROUP_SIZE - 1
        ? allow
        : refuse(409, "conversations.tooManyPeople"),
    () => (s.blocksSomeone ? refuse(403, "conversations.youBlocked") : allow),
    () => (s.blockedBySomeone ? refuse(403, "conversations.blocked") : allow),
  );
}

/** Leaving and muting are for group conversations (a direct one is blocked, not left). */
function mayManageGroup(actor: Actor, c: ConversationSubject): Verdict {
  return every(
    () => mayRead(actor, c),
    () => (c.kind === "group" ? allow : refuse(409, "conversations.groupsOnly")),
  );
}

/** Accepting or declining: a request that waits for this participant. */
function mayDecide(actor: Actor, c: ConversationSubject): Verdict {
  return every(
    () => mayRead(actor, c),
    () => (c.me?.folder === "requests" ? allow : refuse(409, "conversations.notARequest")),
  );
}

export const conversationPolicy = definePolicy("conversations", {
  read: mayRead,
  send: maySend,
  start: mayStart,
  leave: mayManageGroup,
  mute: mayManageGroup,
  decide: mayDecide,
  /** Blocking a person: any signed-in person may block anyone but themselves. */
  block: (actor: Actor, target: { userId: string }): Verdict => {
    if (!actor) return signInFirst;
    return actor.id === target.userId ? refuse(409, "conversations.notYourself") : allow;
  },
});
