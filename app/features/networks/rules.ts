import { mayWriteInNetworks, signInFirst } from "~/features/accounts/rules";
import { type Actor, allow, definePolicy, every, refuse, type Verdict } from "~/lib/policy";

/**
 * Who may do what in a network, as named rules (pure: no database). The DB-loading function
 * `getNetworkAccess` (policy.server.ts) feeds them through `networkSubject(access)`.
 */

export type NetworkVisibility = "open" | "request" | "invite" | "secret";

/** The actor's own membership row in the network (null: none, or nobody signed in). */
export type MembershipView = {
  role: "facilitator" | "member";
  status: "pending" | "active" | "removed";
};

/**
 * A network as the rules see it, from the point of view of ONE actor: `membership` must be
 * that actor's own row (build it with `networkSubject` from the same viewer's access).
 */
export type NetworkSubject = {
  id: string;
  visibility: NetworkVisibility;
  membership: MembershipView | null;
};

/** Something written in a network (post, comment, topic, reply, resource) and who wrote it. */
export type ContentSubject = {
  network: NetworkSubject;
  /** null when the author's account is gone. */
  authorId: string | null;
};

/** Another person's membership that a facilitator acts on. */
export type MemberTarget = { network: NetworkSubject; userId: string };

/**
 * Leaving, with the figures (read under the network's lock) that decide whether the last
 * facilitator may go.
 */
export type LeaveSubject = {
  network: NetworkSubject;
  /** Active members, the actor included. */
  memberCount: number;
  /** Active facilitators, the actor included if they are one. */
  facilitatorCount: number;
};

/** Accepting an invitation (personal email, or a shareable link) to a network of any kind. */
export type InvitationSubject = {
  kind: "email" | "link";
  membership: MembershipView | null;
};

/** The installation settings that decide who may start networks. */
export type InstallationSubject = { anyMemberCanCreateNetworks: boolean };

/** The subject for a network from the viewer's access (what `getNetworkAccess` returns). */
export function networkSubject(access: {
  network: { id: string; visibility: NetworkVisibility };
  membership: MembershipView | null;
}): NetworkSubject {
  return {
    id: access.network.id,
    visibility: access.network.visibility,
    membership: access.membership
      ? { role: access.membership.role, status: access.membership.status }
      : null,
  };
}

const isActive = (n: NetworkSubject) => n.membership?.status === "active";
const isNetworkFacilitator = (n: NetworkSubject) =>
  isActive(n) && n.membership?.role === "facilitator";

/** Secret networks do not exist for those outside them: same answer as an unknown id. */
function mayView(n: NetworkSubject): Verdict {
  return n.visibility === "secret" && !isActive(n) ? refuse(404, "networks.notFound") : allow;
}

function mayRead(n: NetworkSubject): Verdict {
  return every(
    () => mayView(n),
    () => (n.visibility === "open" || isActive(n) ? allow : refuse(403, "networks.membersOnly")),
  );
}

/**
 * Writing anything: the network visible (a secret one 404s first), signed in, a confirmed
 * email, an active member.
 */
function mayWrite(actor: Actor, n: NetworkSubject): Verdict {
  return every(
    () => mayView(n),
    () => (actor ? allow : signInFirst),
    () => mayWriteInNetworks(actor),
    () => (isActive(n) ? allow : refuse(403, "networks.notMember")),
  );
}

/**
 * Moderating and managing: an active facilitator of this network, with a confirmed email.
 * Anyone else hears "facilitators only", members or not (as the app has always answered).
 */
function mayModerate(actor: Actor, n: NetworkSubject): Verdict {
  return every(
    () => mayView(n),
    () => (actor ? allow : signInFirst),
    () => mayWriteInNetworks(actor),
    () => (isNetworkFacilitator(n) ? allow : refuse(403, "networks.facilitatorsOnly")),
  );
}

/** Looking at what facilitators manage (requests, invitations, removals): no email needed. */
function mayOverseeMembers(actor: Actor, n: NetworkSubject): Verdict {
  return every(
    () => mayView(n),
    () => (actor ? allow : signInFirst),
    () => (isNetworkFacilitator(n) ? allow : refuse(403, "networks.facilitatorsOnly")),
  );
}

function isAuthor(actor: Actor, content: ContentSubject) {
  return actor !== null && content.authorId === actor.id;
}

export const networkPolicy = definePolicy("networks", {
  /** See that the network exists (its header, cover, name in lists). */
  view: (_actor: Actor, n: NetworkSubject) => mayView(n),
  /** Read the feed, discussions, resources, attachments, members, the live stream. */
  read: (_actor: Actor, n: NetworkSubject) => mayRead(n),
  /** Write a post, start a discussion, reply in one, share a resource. */
  post: (actor: Actor, n: NetworkSubject) => mayWrite(actor, n),
  comment: (actor: Actor, n: NetworkSubject) => mayWrite(actor, n),
  react: (actor: Actor, n: NetworkSubject) => mayWrite(actor, n),
  /** Change one's own post: its author only (facilitators may delete, not rewrite). */
  editContent: (actor: Actor, c: ContentSubject) =>
    every(
      () => mayWrite(actor, c.network),
      () => (isAuthor(actor, c) ? allow : refuse(403, "posts.onlyAuthor")),
    ),
  /** Delete a post, comment, topic, reply or resource: its author or a facilitator. */
  deleteContent: (actor: Actor, c: ContentSubject) =>
    every(
      () => mayWrite(actor, c.network),
      () =>
        isAuthor(actor, c) || isNetworkFacilitator(c.network)
          ? allow
          : refuse(403, "posts.onlyAuthorOrFacilitator"),
    ),
  /** Mark or clear the answer of a discussion: whoever started it or a facilitator. */
  markAnswer: (actor: Actor, c: ContentSubject) =>
    every(
      () => mayWrite(actor, c.network),
      () =>
        isAuthor(actor, c) || isNetworkFacilitator(c.network)
          ? allow
          : refuse(403, "forum.answerNotAllowed"),
    ),
  /** Pin and unpin posts, delete what others wrote. */
  moderate: (actor: Actor, n: NetworkSubject) => mayModerate(actor, n),
  /** Change the network's name, purpose, visibility, cap, cover. */
  manageSettings: (actor: Actor, n: NetworkSubject) => mayModerate(actor, n),
  /** Approve or decline requests, promote and demote. */
  manageMembers: (actor: Actor, n: NetworkSubject) => mayModerate(actor, n),
  /** Remove someone: a facilitator, and never themselves (they leave instead). */
  removeMember: (actor: Actor, t: MemberTarget) =>
    every(
      () => mayModerate(actor, t.network),
      () => (actor?.id === t.userId ? refuse(409, "networks.useLeave") : allow),
    ),
  /** Invite by email, create and revoke shareable links. */
  invite: (actor: Actor, n: NetworkSubject) => mayModerate(actor, n),
  /** See pending requests and open invitations. */
  seePending: (actor: Actor, n: NetworkSubject) => mayOverseeMembers(actor, n),
  /** See who was removed. */
  seeRemovals: (actor: Actor, n: NetworkSubject) => mayOverseeMembers(actor, n),
  /** Lift a removal, so the person may come back. */
  liftRemoval: (actor: Actor, n: NetworkSubject) => mayModerate(actor, n),
  /**
   * Join an open network or ask to join a request network. Invite-only and secret ones need an
   * invitation (whoever asks); someone removed stays out until a facilitator lifts the removal.
   * Joining twice changes nothing; the member cap is checked under the network's lock.
   */
  join: (actor: Actor, n: NetworkSubject) =>
    every(
      () => mayView(n),
      () => (actor ? allow : signInFirst),
      () => mayWriteInNetworks(actor),
      () =>
        n.visibility === "open" || n.visibility === "request"
          ? allow
          : refuse(403, "networks.inviteOnly"),
      () => (n.membership?.status === "removed" ? refuse(403, "networks.removedBefore") : allow),
    ),
  /**
   * Accept an invitation. A personal email invitation may bring back someone removed (a
   * facilitator chose them); a shareable link may not. No confirmed email needed: the emailed
   * link itself shows the address works, and writing still needs one.
   */
  acceptInvitation: (actor: Actor, i: InvitationSubject) => {
    if (!actor) return signInFirst;
    if (i.membership?.status === "removed" && i.kind === "link") {
      return refuse(403, "networks.removedBefore");
    }
    return allow;
  },
  /**
   * Leave (or withdraw a request). A removed person cannot "leave": that would erase the
   * removal. The last facilitator stays while other members remain. No email needed.
   */
  leave: (actor: Actor, l: LeaveSubject): Verdict => {
    if (!actor) return signInFirst;
    const membership = l.network.membership;
    if (!membership) return refuse(404, "networks.notMember");
    if (membership.status === "removed") return refuse(403, "networks.removedBefore");
    const lastFacilitator =
      isNetworkFacilitator(l.network) && l.facilitatorCount <= 1 && l.memberCount > 1;
    return lastFacilitator ? refuse(409, "networks.lastFacilitator") : allow;
  },
  /**
   * Start a network: facilitators and admins, or anyone when the installation allows it; a
   * confirmed email either way.
   */
  start: (actor: Actor, installation: InstallationSubject) =>
    every(
      () => (actor ? allow : signInFirst),
      () =>
        actor?.isFacilitator || actor?.isAdmin || installation.anyMemberCanCreateNetworks
          ? allow
          : refuse(403, "networks.createForbidden"),
      () => mayWriteInNetworks(actor),
    ),
});

export type NetworkAction = keyof typeof networkPolicy.rules;
