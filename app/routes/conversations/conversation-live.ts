import { resolveLocale } from "~/features/accounts/locale.server";
import { requireConversationAccess } from "~/features/conversations/conversations.server";
import { mayKeepConversationStream } from "~/features/conversations/live.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { LIVE_RECHECK_MS, takeStreamSlot } from "~/features/networks/live-streams.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader, notFound } from "~/lib/errors";
import { getLogger } from "~/lib/logger.server";
import { actorOf } from "~/lib/policy";
import { onListenerReconnected, subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/conversation-live";

const HEARTBEAT_MS = 25_000;

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
    return new Response(t("live.tooManyStreams"), {
      status: 429,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "60" },
    });
  }
  const encoder = new TextEncoder();
  let cleanup = release;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const close = (lastEvent?: string) => {
        if (closed) return;
        if (lastEvent) send(`event: ${lastEvent}\ndata: {}\n\n`);
        closed = true;
        cleanup();
        controller.close();
      };
      let checking = false;
      let checkAgain = false;
      const recheck = async () => {
        if (closed) return;
        if (checking) {
          checkAgain = true;
          return;
        }
        checking = true;
        try {
          do {
            checkAgain = false;
            if (!(await mayKeepConversationStream({ conversationId, userId, sessionId }))) {
              close("access-ended");
            }
          } while (checkAgain && !closed);
        } catch (error) {
          getLogger().warn({ err: error }, "conversation stream access re-check failed");
          close();
        } finally {
          checking = false;
        }
      };
      const unsubscribeConversation = await subscribe(`conversation:${conversationId}`, (event) => {
        if (event.type === "access-changed") {
          void recheck();
          return;
        }
        send(`event: ${event.type}\ndata: ${JSON.stringify(event.data ?? {})}\n\n`);
      });
      const unsubscribeUser = await subscribe(`user:${userId}`, (event) => {
        if (event.type === "sessions-changed") void recheck();
      });
      const stopReconnectCheck = onListenerReconnected(() => void recheck());
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const periodic = setInterval(() => void recheck(), LIVE_RECHECK_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(periodic);
        unsubscribeConversation();
        unsubscribeUser();
        stopReconnectCheck();
        release();
      };
      if (request.signal.aborted) {
        close();
        return;
      }
      request.signal.addEventListener("abort", () => close());
      send("retry: 5000\n\n");
      await recheck();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}
