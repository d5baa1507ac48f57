import { and, eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { networkMembers, networks } from "~/db/schema";
import { httpError } from "~/lib/errors";
import { isUuid } from "~/lib/ids";

const networkColumns = {
  id: networks.id,
  name: networks.name,
  purpose: networks.purpose,
  description: networks.description,
  kind: networks.kind,
  place: networks.place,
  countries: networks.countries,
  languages: networks.languages,
  topics: networks.topics,
  visibility: networks.visibility,
  coverKey: networks.coverKey,
  memberCap: networks.memberCap,
  memberCount: networks.memberCount,
  createdAt: networks.createdAt,
};

export type NetworkAccess = {
  network: {
    id: string;
    name: string;
    purpose: string;
    description: string;
    kind: "local" | "online" | "cross_border";
    place: string;
    countries: string[];
    languages: string[];
    topics: string[];
    visibility: "open" | "request" | "invite" | "secret";
    coverKey: string | null;
    memberCap: number;
    memberCount: number;
    createdAt: Date;
  };
  membership: {
    role: "facilitator" | "member";
    status: "pending" | "active" | "removed";
    lastReadAt: Date;
  } | null;
  /** An active member. */
  isMember: boolean;
  /** An active facilitator of this network (moderates it). */
  isFacilitator: boolean;
  /** May read the feed, topics, resources and attachments. */
  canRead: boolean;
};

/**
 * What the viewer may do in a network. Returns null when the network does not exist *for this
 * viewer*: unknown ids, and secret networks the viewer is not a member of, look the same.
 */
export async function getNetworkAccess(
  networkId: string,
  userId: string | null,
): Promise<NetworkAccess | null> {
  if (!isUuid(networkId)) return null;
  const db = getDb();
  const [network] = await db
    .select(networkColumns)
    .from(networks)
    .where(eq(networks.id, networkId));
  if (!network) return null;
  const [membership] = userId
    ? await db
        .select({
          role: networkMembers.role,
          status: networkMembers.status,
          lastReadAt: networkMembers.lastReadAt,
        })
        .from(networkMembers)
        .where(and(eq(networkMembers.networkId, networkId), eq(networkMembers.userId, userId)))
    : [];
  const isMember = membership?.status === "active";
  if (network.visibility === "secret" && !isMember) return null;
  return {
    network,
    membership: membership ?? null,
    isMember,
    isFacilitator: isMember && membership.role === "facilitator",
    canRead: network.visibility === "open" || isMember,
  };
}

/** The access of the viewer, or a 404 that does not reveal whether the network exists. */
export async function requireNetworkAccess(networkId: string, userId: string | null) {
  const access = await getNetworkAccess(networkId, userId);
  if (!access) throw httpError(404, "networks.notFound");
  return access;
}
