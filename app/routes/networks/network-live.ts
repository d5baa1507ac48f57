import { resolveLocale } from "~/features/accounts/locale.server";
import {
  LIVE_RECHECK_MS,
  mayKeepStreaming,
  takeStreamSlot,
} from "~/features/networks/live-streams.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader } from "~/lib/errors";
import { getLogger } from "~/lib/logger.server";
import { actorOf } from "~/lib/policy";
import { onListenerReconnected, subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/network-live";

const HEARTBEAT_MS = 25_000;

/**
 * The network's live stream (Server-Sent Events): one event per change in the feed, from any
 * app process. The stream lasts only as long as the viewer's access: a member who is removed
 * gets a last "removed" event; when the network stops being readable for the viewer, or the
 * session it was opened under is signed out or revoked, a last "access-ended" event. Access is
 * re-checked on those events, after the listener reconnects, and every LIVE_RECHECK_MS.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const userId = auth?.user.id ?? null;
  const sessionId = auth?.sessionId ?? null;
  const access = await requireNetworkAccess(params.id, userId);
  await handleLoader(async () =>
    networkPolicy.authorize(actorOf(auth), "read", networkSubject(access)),
  );
  const networkId = access.network.id;
  const release = takeStreamSlot({ userId, ip: context.ip });
  if (!release) {
    // Plain text in the viewer's language: this answer goes to EventSource or a script, not a page.
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
        // A change announced while a check runs may have committed after it read: check again.
        if (checking) {
          checkAgain = true;
          return;
        }
        checking = true;
        try {
          do {
            checkAgain = false;
            if (!(await mayKeepStreaming({ networkId, userId, sessionId }))) {
              close("access-ended");
            }
          } while (checkAgain && !closed);
        } catch (error) {
          // Unsure is not allowed: the browser reconnects and is checked from scratch.
          getLogger().warn({ err: error }, "live stream access re-check failed");
          close();
        } finally {
          checking = false;
        }
      };
      const unsubscribeNetwork = await subscribe(`network:${networkId}`, (event) => {
        if (event.type === "member-removed") {
          if (event.data?.userId === userId) close("removed");
          // A non-open network's stream is for members only; others learn nothing here.
          return;
        }
        if (event.type === "access-changed") {
          void recheck();
          return;
        }
        send(`event: ${event.type}\ndata: ${JSON.stringify(event.data ?? {})}\n\n`);
      });
      const unsubscribeUser = userId
        ? await subscribe(`user:${userId}`, (event) => {
            if (event.type === "sessions-changed") void recheck();
          })
        : () => {};
      const stopReconnectCheck = onListenerReconnected(() => void recheck());
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const periodic = setInterval(() => void recheck(), LIVE_RECHECK_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(periodic);
        unsubscribeNetwork();
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
      // Access may have changed while subscribing (before any event could reach this stream).
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
