import { resolveLocale } from "~/features/accounts/locale.server";
import { isSessionLive } from "~/features/accounts/sessions.server";
import { LIVE_RECHECK_MS, takeStreamSlot } from "~/features/networks/live-streams.server";
import { isPersonEventType } from "~/features/notifications/person-events";
import { notificationPolicy } from "~/features/notifications/rules";
import { countUnread } from "~/features/notifications/unread.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { getLogger } from "~/lib/logger.server";
import { actorOf } from "~/lib/policy";
import { onListenerReconnected, subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/person-live";

const HEARTBEAT_MS = 25_000;

function plain(status: number, text: string, headers: Record<string, string> = {}) {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}

/**
 * The signed-in person's own live stream (Server-Sent Events): what concerns them wherever they
 * are in the app, such as their unread counts. Only events whose type is meant for the page
 * (`notifications.*`, `conversations.*`) go out, as plain `message` events whose data is
 * `{ type, data }`, so the client switches on the type. The stream lasts only as long as the
 * session it was opened under: signed out, revoked or expired, it ends with "access-ended".
 * Checked on the person's sessions-changed events, after the listener reconnects and every
 * LIVE_RECHECK_MS. Opened, it first sends the current unread count (events may have come
 * between the page and the stream).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const t = translatorFor(resolveLocale(auth, context.requestLocale));
  // Plain text: this answer goes to EventSource or a script, not a page.
  if (!auth || !notificationPolicy.can(actorOf(auth), "listen", undefined)) {
    return plain(401, t("errors.forbidden"));
  }
  const userId = auth.user.id;
  const sessionId = auth.sessionId;
  const release = takeStreamSlot({ userId, ip: context.ip }, "person");
  if (!release) return plain(429, t("live.tooManyStreams"), { "Retry-After": "60" });
  const encoder = new TextEncoder();
  let cleanup = release;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const sendEvent = (type: string, data: unknown) =>
        send(`data: ${JSON.stringify({ type, data })}\n\n`);
      const close = (lastEvent?: string) => {
        if (closed) return;
        if (lastEvent) send(`event: ${lastEvent}\ndata: {}\n\n`);
        closed = true;
        cleanup();
        controller.close();
      };
      let checking = false;
      const recheck = async () => {
        if (closed || checking) return;
        checking = true;
        try {
          if (!(await isSessionLive(sessionId))) close("access-ended");
        } catch (error) {
          // Unsure is not allowed: the browser reconnects and is checked from scratch.
          getLogger().warn({ err: error }, "person stream session re-check failed");
          close();
        } finally {
          checking = false;
        }
      };
      const unsubscribe = await subscribe(`user:${userId}`, (event) => {
        if (event.type === "sessions-changed") {
          void recheck();
          return;
        }
        if (isPersonEventType(event.type)) sendEvent(event.type, event.data ?? {});
      });
      const stopReconnectCheck = onListenerReconnected(() => {
        void recheck();
        // Counts may have changed while events were not arriving.
        void countUnread(userId)
          .then((count) => sendEvent("notifications.unread", { count }))
          .catch(() => {});
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const periodic = setInterval(() => void recheck(), LIVE_RECHECK_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(periodic);
        unsubscribe();
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
      if (!closed) sendEvent("notifications.unread", { count: await countUnread(userId) });
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
