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
import { liveStreamResponse, plainStreamAnswer } from "~/lib/live-stream.server";
import { actorOf } from "~/lib/policy";
import { subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/network-live";

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
    const t = translatorFor(resolveLocale(auth, context.requestLocale));
    return plainStreamAnswer(429, t("live.tooManyStreams"), { "Retry-After": "60" });
  }
  return liveStreamResponse({
    request,
    release,
    recheckMs: LIVE_RECHECK_MS,
    label: "network",
    mayContinue: () => mayKeepStreaming({ networkId, userId, sessionId }),
    subscribe: async (stream) => [
      await subscribe(`network:${networkId}`, (event) => {
        if (event.type === "member-removed") {
          if (event.data?.userId === userId) stream.close("removed");
          // A non-open network's stream is for members only; others learn nothing here.
          return;
        }
        if (event.type === "access-changed") {
          stream.recheck();
          return;
        }
        // Visitors are nobody's author: which person wrote a post is not theirs to know
        // (decision 026); the page only needs it to tell the viewer's own posts.
        const { authorId: _author, ...rest } = event.data ?? {};
        stream.sendEvent(event.type, userId ? event.data : rest);
      }),
      userId
        ? await subscribe(`user:${userId}`, (event) => {
            if (event.type === "sessions-changed") stream.recheck();
          })
        : () => {},
    ],
  });
}
