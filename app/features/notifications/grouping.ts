import {
  isNotificationKind,
  messageValuesOf,
  type NotificationData,
  type NotificationKind,
  notificationKinds,
} from "./kinds";
import { mayShowNetworkName, mayShowTitle, type NetworkView } from "./rules";

/** The newest row of a group (what the centre pages over), with its actor's name. */
export type GroupHead = {
  id: string;
  kind: string;
  groupKey: string;
  actorId: string | null;
  /** Null when the actor's account is gone. */
  actorName: string | null;
  networkId: string | null;
  data: NotificationData;
  createdAt: Date;
};

/** Counts over every row of a group. */
export type GroupStats = {
  /** Rows not read yet. */
  unread: number;
  /** Distinct people who acted, over all rows and over the unread ones. */
  actors: number;
  unreadActors: number;
};

/** One line of the centre; null values are shown as a neutral word ("someone", "hidden"). */
export type NotificationLine = {
  id: string;
  kind: NotificationKind;
  unread: boolean;
  createdAt: Date;
  actor: string | null;
  /** People besides `actor` in the group ("and 4 others"). */
  others: number;
  title: string | null;
  network: string | null;
  /** Further values of the kind's message from the newest row's data (kinds.ts `values`). */
  values: Record<string, string | number>;
  /** Opening the line goes here first (it marks the group read, then leads to the subject). */
  href: string;
};

/**
 * How many more people a line names besides its newest actor: while a group has unread rows,
 * those are what is new ("Maria and 2 others commented" counts the unread comments' authors);
 * once all are read, everyone who ever acted in the group.
 */
export function othersCount(stats: GroupStats): number {
  const people = stats.unread > 0 ? stats.unreadActors : stats.actors;
  return Math.max(0, people - 1);
}

/**
 * Makes the line of a group from its newest row, its counts and what the recipient may now see
 * of its network: the title only while they may read the network, the network's name only while
 * they may see it (a snapshot the notification carried, an invitation's, stands in otherwise).
 * Rows of a kind this version does not know (written by a newer version) give no line.
 */
export function toLine(
  head: GroupHead,
  stats: GroupStats,
  network: (NetworkView & { name: string }) | null,
): NotificationLine | null {
  if (!isNotificationKind(head.kind)) return null;
  const title = typeof head.data.title === "string" ? head.data.title : "";
  const snapshot = typeof head.data.network === "string" ? head.data.network : null;
  return {
    id: head.id,
    kind: head.kind,
    unread: stats.unread > 0,
    createdAt: head.createdAt,
    actor: head.actorName,
    others: othersCount(stats),
    title: mayShowTitle(network) ? title : null,
    network: network && mayShowNetworkName(network) ? network.name : snapshot,
    values: messageValuesOf(head.kind, head.data),
    href: `/notifications/${head.id}/open`,
  };
}

/** Where a notification leads once opened (a path in this app, from its kind's registry entry). */
export function linkOf(kind: string, data: NotificationData): string {
  if (!isNotificationKind(kind)) return "/notifications";
  const path = notificationKinds[kind].link(data);
  return path.startsWith("/") ? path : "/notifications";
}

/** A short label from a text someone wrote: first line-ish, Markdown marks dropped, cut. */
export function titleFrom(text: string, max = 80): string {
  const plain = text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, "")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[#>*_`~]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > max ? `${plain.slice(0, max - 1).trimEnd()}…` : plain;
}
