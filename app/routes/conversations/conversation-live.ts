import { resolveLocale } from "~/features/accounts/locale.server";
import { requireConversationAccess } from "~/features/conversations/conversations.server";
import { mayKeepConversationStream } from "~/features/conversations/live.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { LIVE_RECHECK_MS, takeStreamSlot } from "~/features/networks/live-streams.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader, notFound } from "~/lib/errors";
import { liveStreamResponse, plainStreamAnswer } from "~/lib/live-stream.server";
import { actorOf } from "~/lib/policy";
import { subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/conversation-live";

/**
 * A conversation's live stream (Server-Sent Events), for its active participants only: a
 * "message" event per new message, from any app process. Like the network streams it holds a
 * capped slot, and it ends ("access-ended") when the viewer leaves or is no longer allowed, or
 * the session it was opened under ends; access is re-checked on those events, after the
 * listener reconnects, and every LIVE_RECHECK_MS.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await handleLoader(async () => {
    // Signed out: the same 404 as everyone else who is not in the conversation.
    if (!auth) throw notFound("conversations.notFound");
    return requireConversationAccess(params.id, auth.user.id);
  });
  await handleLoader(async () =>
    conversationPolicy.authorize(actorOf(auth), "read", access.subject),
  );
  if (!auth) throw new Error("unreachable");
  const userId = auth.user.id;
  const sessionId = auth.sessionId;
  const conversationId = access.conversation.id;
  const release = takeStreamSlot({ userId, ip: context.ip });
  if (!release) {
    const t = translatorFor(resolveLocale(auth, context.requestLocale));
    return plainStreamAnswer(429, t("live.tooManyStreams"), { "Retry-After": "60" });
  }
  return liveStreamResponse({
    request,
    release,
    recheckMs: LIVE_RECHECK_MS,
    label: "conversation",
    mayContinue: () => mayKeepConversationStream({ conversationId, userId, sessionId }),
    subscribe: async (stream) => [
      await subscribe(`conversation:${conversationId}`, (event) => {
        if (event.type === "access-changed") {
          stream.recheck();
          return;
        }
        stream.sendEvent(event.type, event.data);
      }),
      await subscribe(`user:${userId}`, (event) => {
        if (event.type === "sessions-changed") stream.recheck();
      }),
    ],
  });
}
