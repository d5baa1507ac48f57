import { isSessionLive } from "~/features/accounts/sessions.server";
import { getConversationAccess } from "./conversations.server";

/**
 * Whether a conversation stream opened by this viewer may go on: the session it was opened
 * under is still live, and the viewer is still an active participant (not left, not gone).
 * The same caps and re-check period as the network streams apply (networks/live-streams.server).
 */
export async function mayKeepConversationStream(viewer: {
  conversationId: string;
  userId: string;
  sessionId: string;
}): Promise<boolean> {
  if (!(await isSessionLive(viewer.sessionId))) return false;
  const access = await getConversationAccess(viewer.conversationId, viewer.userId);
  return access?.subject.me?.status === "active";
}
