import { isSessionLive } from "~/features/accounts/sessions.server";
import { getEnv } from "~/lib/env.server";
import { getNetworkAccess } from "./policy.server";

/**
 * How often every stream re-checks its viewer even without an event: covers what announces
 * nothing (a session that simply expired) and events lost while the listener was down.
 */
export const LIVE_RECHECK_MS = 60_000;

const open = new Map<string, number>();

/**
 * Takes a place for one more live stream of this viewer, or null when they hold the most
 * allowed. Call the returned function exactly once when the stream ends.
 */
export function takeStreamSlot(
  viewer: { userId: string | null; ip: string },
  /** Streams of another kind (the person's own stream, open on every page) count apart. */
  pool: "network" | "person" = "network",
): (() => void) | null {
  const key = `${pool}:${viewer.userId ? `user:${viewer.userId}` : `ip:${viewer.ip}`}`;
  // Open live streams at once, per process: anonymous viewers per address (a classroom behind
  // one address still fits), signed-in people per person (several tabs and devices). Each stream
  // holds a connection and a subscription, so without a cap one address could hold thousands.
  const env = getEnv();
  const cap = viewer.userId ? env.LIVE_STREAMS_PER_PERSON : env.LIVE_STREAMS_PER_ADDRESS;
  const count = open.get(key) ?? 0;
  if (count >= cap) return null;
  open.set(key, count + 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const left = (open.get(key) ?? 1) - 1;
    if (left <= 0) open.delete(key);
    else open.set(key, left);
  };
}

/**
 * Whether a stream opened by this viewer may still go on: the session it was opened under is
 * still live (not signed out, revoked or expired), and the viewer may still read the network
 * (still a member, or the network still open).
 */
export async function mayKeepStreaming(viewer: {
  networkId: string;
  userId: string | null;
  sessionId: string | null;
}): Promise<boolean> {
  if (viewer.sessionId && !(await isSessionLive(viewer.sessionId))) return false;
  const access = await getNetworkAccess(viewer.networkId, viewer.userId);
  return access?.canRead ?? false;
}
