import { signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, refuse, type Verdict } from "~/lib/policy";

/** A notification as the rules see it: whose it is. */
export type NotificationSubject = { id: string; recipientId: string };

/** What the recipient may still see of the network a notification is about. */
export type NetworkView = {
  visibility: "open" | "request" | "invite" | "secret";
  /** An active member now. */
  isMember: boolean;
};

function isRecipient(actor: Actor, notification: NotificationSubject): Verdict {
  if (!actor) return signInFirst;
  // Someone else's notification does not exist for this person (404, not 403).
  return actor.id === notification.recipientId ? allow : refuse(404, "notifications.notFound");
}

/** The notification centre as named rules (pure). A notification is only ever its recipient's. */
export const notificationPolicy = definePolicy("notifications", {
  /** See the centre (one's own notifications). */
  list: (actor: Actor, _resource: undefined) => (actor ? allow : signInFirst),
  /** Open one (it and its group become read) or mark it read. */
  open: isRecipient,
  /** Listen to one's own live stream (badge counts). */
  listen: (actor: Actor, _resource: undefined) => (actor ? allow : signInFirst),
});

/**
 * Whether a line may show what was written in the network (the post's or topic's title): only
 * while the recipient may still read it (a member, or the network is open). A person removed,
 * or who left a closed network, sees the line without the title.
 */
export function mayShowTitle(network: NetworkView | null): boolean {
  if (!network) return true;
  return network.visibility === "open" || network.isMember;
}

/** Whether the network's name may be shown: secret networks are named to members only. */
export function mayShowNetworkName(network: NetworkView | null): boolean {
  if (!network) return true;
  return network.visibility !== "secret" || network.isMember;
}
