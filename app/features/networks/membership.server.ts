import { and, eq, type SQL, sql } from "drizzle-orm";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { networkMembers, networkRemovals, networks } from "~/db/schema";
import { refreshNeeds } from "~/features/needs/weight.server";
import { fanOut } from "~/features/notifications/fanout.server";
import { notify } from "~/features/notifications/notify.server";
import { fieldVisibleSql, listedSql, type Viewer } from "~/features/profiles/policy.server";
import { authorAsSeen } from "~/features/profiles/visitors";
import type { Cursor } from "~/lib/cursor";
import { conflict, forbidden, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision, Person } from "~/lib/policy";
import { publish } from "~/lib/pubsub.server";
import { type MemberTarget, type NetworkSubject, networkPolicy } from "./rules";

/** Locks the network row so that concurrent joins cannot pass the member cap. */
async function lockNetwork(tx: Db, networkId: string) {
  const [network] = await tx
    .select({
      visibility: networks.visibility,
      memberCount: networks.memberCount,
      memberCap: networks.memberCap,
    })
    .from(networks)
    .where(eq(networks.id, networkId))
    .for("update");
  if (!network) throw notFound("networks.notFound");
  return network;
}

async function membershipStatus(tx: Db, networkId: string, userId: string) {
  const [existing] = await tx
    .select({ status: networkMembers.status })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  return existing?.status ?? null;
}

/** The person's own membership row as the rules see it (role and status), or null. */
export async function membershipView(tx: Db, networkId: string, userId: string) {
  const [row] = await tx
    .select({ role: networkMembers.role, status: networkMembers.status })
    .from(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  return row ?? null;
}

/**
 * Refuses anyone a facilitator removed from the network, whichever way they try to come in;
 * only lifting the removal (liftRemoval) opens the ways in again.
 */
async function assertNotRemoved(tx: Db, networkId: string, userId: string) {
  const [removal] = await tx
    .select({ id: networkRemovals.id })
    .from(networkRemovals)
    .where(and(eq(networkRemovals.networkId, networkId), eq(networkRemovals.userId, userId)));
  if (removal) throw forbidden("networks.removedBefore");
}

/**
 * Tells the network's facilitators that someone became a member (a job: read when it runs).
 * `joinedAt` tells this joining from an earlier one of the same person.
 */
async function announceMemberJoined(
  tx: Db,
  options: { networkId: string; userId: string; joinedAt: Date; approvedBy?: string },
) {
  const { networkId, userId } = options;
  await fanOut(tx, {
    kind: "member.joined",
    audience: { type: "facilitators", networkId },
    // The facilitator who approved the request knows already.
    exclude: options.approvedBy ? [options.approvedBy] : [],
    actorId: userId,
    networkId,
    groupKey: `members:${networkId}`,
    sourceKey: `member-joined:${networkId}:${userId}:${options.joinedAt.getTime()}`,
    data: { networkId },
  });
}

/** Makes someone an active member within the cap, unless a facilitator removed them. */
async function addActiveMember(
  tx: Db,
  options: { networkId: string; userId: string; approvedBy?: string },
) {
  const { networkId, userId } = options;
  const network = await lockNetwork(tx, networkId);
  await assertNotRemoved(tx, networkId, userId);
  const status = await membershipStatus(tx, networkId, userId);
  if (status === "active") return false;
  if (network.memberCount >= network.memberCap) throw conflict("networks.full");
  const joinedAt = new Date();
  if (status) {
    await tx
      .update(networkMembers)
      .set({ status: "active", role: "member", createdAt: joinedAt, lastReadAt: joinedAt })
      .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)));
  } else {
    await tx.insert(networkMembers).values({
      networkId,
      userId,
      role: "member",
      status: "active",
      createdAt: joinedAt,
    });
  }
  await tx
    .update(networks)
    .set({ memberCount: sql`${networks.memberCount} + 1` })
    .where(eq(networks.id, networkId));
  await announceMemberJoined(tx, { ...options, joinedAt });
  return true;
}

/**
 * Joins an open network at once, or asks to join one that needs a facilitator's approval.
 * Invite-only and secret networks need an invitation; a full network takes nobody.
 */
export async function joinNetwork(input: {
  actor: Person;
  networkId: string;
}): Promise<"joined" | "requested"> {
  const options = { networkId: input.networkId, userId: input.actor.id };
  return getDb().transaction(async (tx) => {
    const network = await lockNetwork(tx, options.networkId);
    // Authorized on the row just locked (visibility, the actor's membership).
    networkPolicy.authorize(input.actor, "join", {
      id: options.networkId,
      visibility: network.visibility,
      membership: await membershipView(tx, options.networkId, options.userId),
    });
    if (network.visibility === "request") {
      await assertNotRemoved(tx, options.networkId, options.userId);
      const status = await membershipStatus(tx, options.networkId, options.userId);
      if (status === "active") return "joined";
      if (network.memberCount >= network.memberCap) throw conflict("networks.full");
      const [requested] = await tx
        .insert(networkMembers)
        .values({ ...options, role: "member", status: "pending" })
        .onConflictDoNothing()
        .returning({ createdAt: networkMembers.createdAt });
      // A new request (not one already waiting): its facilitators are told, through a job.
      if (requested) {
        await fanOut(tx, {
          kind: "join.request",
          audience: { type: "facilitators", networkId: options.networkId },
          actorId: options.userId,
          networkId: options.networkId,
          groupKey: `join-requests:${options.networkId}`,
          sourceKey: `join-request:${options.networkId}:${options.userId}:${requested.createdAt.getTime()}`,
          data: { networkId: options.networkId },
        });
      }
      return "requested";
    }
    await addActiveMember(tx, options);
    return "joined";
  });
}

/**
 * Joins through an invitation (any visibility, email or link), still within the member cap and
 * never while a removal of this person stands.
 */
export async function joinByInvitation(tx: Db, options: { networkId: string; userId: string }) {
  return addActiveMember(tx, { networkId: options.networkId, userId: options.userId });
}

/** A facilitator's answer to a request to join. */
export async function decideJoinRequest(input: {
  decision: Decision<"manageMembers", NetworkSubject>;
  userId: string;
  approve: boolean;
}) {
  const options = { ...input, networkId: input.decision.resource.id };
  if (!isUuid(options.userId)) throw notFound("networks.noSuchRequest");
  const decidedBy = input.decision.actor?.id ?? null;
  await getDb().transaction(async (tx) => {
    await lockNetwork(tx, options.networkId);
    const [request] = await tx
      .select({ status: networkMembers.status, createdAt: networkMembers.createdAt })
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, options.networkId),
          eq(networkMembers.userId, options.userId),
        ),
      );
    if (request?.status !== "pending") {
      throw notFound("networks.noSuchRequest");
    }
    // One answer per request (the pending row is gone after it): keyed on when it was made.
    await notify(tx, {
      kind: "join.decided",
      recipientIds: [options.userId],
      actorId: decidedBy,
      networkId: options.networkId,
      groupKey: `join-decided:${options.networkId}`,
      sourceKey: `join-decided:${options.networkId}:${options.userId}:${request.createdAt.getTime()}`,
      data: { networkId: options.networkId, approved: options.approve },
    });
    if (options.approve) {
      await addActiveMember(tx, {
        networkId: options.networkId,
        userId: options.userId,
        approvedBy: decidedBy ?? undefined,
      });
    } else {
      await tx
        .delete(networkMembers)
        .where(
          and(
            eq(networkMembers.networkId, options.networkId),
            eq(networkMembers.userId, options.userId),
            eq(networkMembers.status, "pending"),
          ),
        );
    }
  });
}

async function removeMembership(tx: Db, networkId: string, userId: string) {
  const [removed] = await tx
    .delete(networkMembers)
    .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)))
    .returning({ status: networkMembers.status, role: networkMembers.role });
  if (removed?.status === "active") {
    await tx
      .update(networks)
      .set({ memberCount: sql`${networks.memberCount} - 1` })
      .where(eq(networks.id, networkId));
  }
  return removed;
}

async function countFacilitators(tx: Db, networkId: string) {
  const [row] = await queryRows<{ n: number }>(
    sql`select count(*)::int as n from network_members
        where network_id = ${networkId} and role = 'facilitator' and status = 'active'`,
    tx,
  );
  return Number(row.n);
}

/** Leaves a network. The last facilitator stays while other members remain. */
export async function leaveNetwork(input: { actor: Person; networkId: string }) {
  const options = { networkId: input.networkId, userId: input.actor.id };
  await getDb().transaction(async (tx) => {
    const network = await lockNetwork(tx, options.networkId);
    const [me] = await tx
      .select({ role: networkMembers.role, status: networkMembers.status })
      .from(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, options.networkId),
          eq(networkMembers.userId, options.userId),
        ),
      );
    // Not a member (404), or the last facilitator while others remain (409): counted under
    // the network's lock, so two facilitators cannot both leave at once.
    networkPolicy.authorize(input.actor, "leave", {
      network: { id: options.networkId, visibility: network.visibility, membership: me ?? null },
      memberCount: network.memberCount,
      facilitatorCount: me ? await countFacilitators(tx, options.networkId) : 0,
    });
    await removeMembership(tx, options.networkId, options.userId);
    // An event of this network no longer answers their needs (decision 018).
    await refreshNeeds(tx, { ownerId: options.userId });
  });
  await publish({
    topic: `network:${options.networkId}`,
    type: "member-removed",
    data: { userId: options.userId },
  });
}

/**
 * A facilitator removes someone (not themselves: they leave instead). Access ends at once, and
 * a removal record stands until a facilitator lifts it: leaving cannot erase it, and no way in
 * (joining, a request, a shared link, an email invitation, an approval) works while it stands.
 */
export async function removeMember(input: {
  /** The rule refuses removing oneself (409 `networks.useLeave`: leave instead). */
  decision: Decision<"removeMember", MemberTarget, Person>;
}) {
  const { network, userId } = input.decision.resource;
  const options = { networkId: network.id, userId, by: input.decision.actor.id };
  if (!isUuid(options.userId)) throw notFound("networks.notMember");
  await getDb().transaction(async (tx) => {
    await lockNetwork(tx, options.networkId);
    const [removed] = await tx
      .delete(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, options.networkId),
          eq(networkMembers.userId, options.userId),
          eq(networkMembers.status, "active"),
        ),
      )
      .returning({ userId: networkMembers.userId });
    if (!removed) throw notFound("networks.notMember");
    await tx
      .update(networks)
      .set({ memberCount: sql`${networks.memberCount} - 1` })
      .where(eq(networks.id, options.networkId));
    await tx
      .insert(networkRemovals)
      .values({ networkId: options.networkId, userId: options.userId, removedBy: options.by })
      .onConflictDoUpdate({
        target: [networkRemovals.networkId, networkRemovals.userId],
        // A fresh id: a lift form made for an earlier removal must not lift this one.
        set: { id: sql`gen_random_uuid()`, removedBy: options.by, removedAt: sql`now()` },
      });
    await refreshNeeds(tx, { ownerId: options.userId });
  });
  await publish({
    topic: `network:${options.networkId}`,
    type: "member-removed",
    data: { userId: options.userId },
  });
}

/**
 * The removals standing in a network, newest first (for its facilitators; checked by the
 * caller), with who was removed, when and by whom.
 */
export async function listRemovals(networkId: string, limit = 100) {
  const rows = await queryRows<{
    id: string;
    user_id: string;
    display_name: string;
    removed_at: string | Date;
    removed_by_name: string | null;
  }>(sql`
    select r.id, r.user_id, u.display_name, r.removed_at, b.display_name as removed_by_name
    from network_removals r
    join users u on u.id = r.user_id
    left join users b on b.id = r.removed_by
    where r.network_id = ${networkId}
    order by r.removed_at desc, r.id desc
    limit ${limit}`);
  return rows.map((r) => ({
    id: r.id,
    userId: r.user_id,
    displayName: r.display_name,
    removedAt: new Date(r.removed_at),
    removedByName: r.removed_by_name,
  }));
}

/**
 * A facilitator lifts one removal (by its id, within this network): the person may then come
 * back by the normal ways. A lift of a removal already lifted (a replayed form) finds nothing.
 */
export async function liftRemoval(input: {
  decision: Decision<"liftRemoval", NetworkSubject>;
  removalId: string;
}) {
  const options = { ...input, networkId: input.decision.resource.id };
  if (!isUuid(options.removalId)) throw notFound("networks.noSuchRemoval");
  await getDb().transaction(async (tx) => {
    const rows = await tx
      .delete(networkRemovals)
      .where(
        and(
          eq(networkRemovals.id, options.removalId),
          eq(networkRemovals.networkId, options.networkId),
        ),
      )
      .returning({ id: networkRemovals.id, userId: networkRemovals.userId });
    if (!rows.length) throw notFound("networks.noSuchRemoval");
    const [network] = await tx
      .select({ name: networks.name })
      .from(networks)
      .where(eq(networks.id, options.networkId));
    await notify(tx, {
      kind: "removal.lifted",
      recipientIds: [rows[0].userId],
      actorId: input.decision.actor?.id ?? null,
      networkId: options.networkId,
      groupKey: `removal-lifted:${options.networkId}`,
      // Each removal has its own id (a new one each time): one notice per lifted removal.
      sourceKey: `removal-lifted:${rows[0].id}`,
      // Named even when the network is secret: the facilitator chose to let them back.
      data: { networkId: options.networkId, network: network?.name ?? "" },
    });
  });
}

/** Makes a member a co-facilitator, or a facilitator a member again (never the last one). */
export async function setNetworkRole(input: {
  decision: Decision<"manageMembers", NetworkSubject>;
  userId: string;
  role: "facilitator" | "member";
}) {
  const options = { ...input, networkId: input.decision.resource.id };
  if (!isUuid(options.userId)) throw notFound("networks.notMember");
  await getDb().transaction(async (tx) => {
    await lockNetwork(tx, options.networkId);
    if (options.role === "member" && (await countFacilitators(tx, options.networkId)) <= 1) {
      throw conflict("networks.lastFacilitator");
    }
    const rows = await tx
      .update(networkMembers)
      .set({ role: options.role })
      .where(
        and(
          eq(networkMembers.networkId, options.networkId),
          eq(networkMembers.userId, options.userId),
          eq(networkMembers.status, "active"),
        ),
      )
      .returning({ userId: networkMembers.userId });
    if (!rows.length) throw notFound("networks.notMember");
  });
}

export type MemberFilters = {
  role?: "owner" | "educator";
  country?: string;
  facilitators?: boolean;
};

/**
 * A network's members (or pending requests), newest first, with the profile fields the viewer
 * may see; filters on hidden fields never match.
 */
export async function listNetworkMembers(options: {
  networkId: string;
  viewer: Viewer;
  status: "active" | "pending";
  filters?: MemberFilters;
  after?: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? 50;
  const filters = options.filters ?? {};
  // Members only (decision 026): a visitor is shown nobody.
  if (options.viewer.sight === "nothing") return { members: [], next: null };
  const where: SQL[] = [
    sql`m.network_id = ${options.networkId}`,
    sql`m.status = ${options.status}`,
    listedSql("u.id"),
  ];
  if (filters.role) where.push(sql`u.role = ${filters.role}`);
  if (filters.facilitators) where.push(sql`m.role = 'facilitator'`);
  if (filters.country)
    where.push(sql`u.country = ${filters.country}`, fieldVisibleSql(options.viewer, "location"));
  if (options.after) {
    where.push(afterCursorSql(options.after, "m.created_at", "u.id"));
  }
  const rows = await queryRows<{
    id: string;
    display_name: string;
    role: "owner" | "educator";
    member_role: "facilitator" | "member";
    country: string | null;
    headline: string | null;
    photo_key: string | null;
    cursor_at: string;
  }>(sql`
    select u.id, u.display_name, u.role, m.role as member_role,
      case when ${fieldVisibleSql(options.viewer, "location")} then u.country end as country,
      case when ${fieldVisibleSql(options.viewer, "headline")} then u.headline end as headline,
      case when ${fieldVisibleSql(options.viewer, "photo")} then u.photo_key end as photo_key,
      ${cursorAtSql("m.created_at")}
    from network_members m join users u on u.id = m.user_id
    where ${sql.join(where, sql` and `)}
    order by m.created_at desc, u.id desc
    limit ${limit + 1}`);
  const { page, next } = keysetPage(rows, limit);
  return {
    members: page.map((r) => {
      // Names only (decision 026): the name alone, without a link to the profile.
      const seen = authorAsSeen(options.viewer.sight, {
        id: r.id,
        name: r.display_name,
        photoKey: r.photo_key,
      });
      return {
        id: r.id,
        displayName: r.display_name,
        linked: seen.linked,
        role: r.role,
        isFacilitator: r.member_role === "facilitator",
        country: r.country,
        headline: r.headline ?? "",
        photoKey: seen.photoKey,
      };
    }),
    next,
  };
}
