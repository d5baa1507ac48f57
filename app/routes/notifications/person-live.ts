import { resolveLocale } from "~/features/accounts/locale.server";
import { isSessionLive } from "~/features/accounts/sessions.server";
import { LIVE_RECHECK_MS, takeStreamSlot } from "~/features/networks/live-streams.server";
import { isPersonEventType } from "~/features/notifications/person-events";
import { notificationPolicy } from "~/features/notifications/rules";
import { countUnread } from "~/features/notifications/unread.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { type LiveStream, liveStreamResponse, plainStreamAnswer } from "~/lib/live-stream.server";
import { actorOf } from "~/lib/policy";
import { subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/person-live";

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
    return plainStreamAnswer(401, t("errors.forbidden"));
  }
  const userId = auth.user.id;
  const sessionId = auth.sessionId;
  const release = takeStreamSlot({ userId, ip: context.ip }, "person");
  if (!release) return plainStreamAnswer(429, t("live.tooManyStreams"), { "Retry-After": "60" });
  const sendCount = async (stream: LiveStream) =>
    stream.sendEvent(null, {
      type: "notifications.unread",
      data: { count: await countUnread(userId) },
    });
  return liveStreamResponse({
    request,
    release,
    recheckMs: LIVE_RECHECK_MS,
    label: "person",
    mayContinue: () => isSessionLive(sessionId),
    subscribe: async (stream) => [
      await subscribe(`user:${userId}`, (event) => {
        if (event.type === "sessions-changed") {
          stream.recheck();
          return;
        }
        if (isPersonEventType(event.type)) {
          stream.sendEvent(null, { type: event.type, data: event.data ?? {} });
        }
      }),
    ],
    // Counts may have changed while events were not arriving.
    onReconnected: (stream) => void sendCount(stream).catch(() => {}),
    // Events may have come between the page and the stream.
    opened: sendCount,
  });
}
