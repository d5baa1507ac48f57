import { assertCanRead, requireNetworkAccess } from "~/features/networks/policy.server";
import { subscribe } from "~/lib/pubsub.server";
import type { Route } from "./+types/network-live";

const HEARTBEAT_MS = 25_000;

/**
 * The network's live stream (Server-Sent Events): one event per change in the feed, from any
 * app process. A member who is removed gets a last "removed" event and the stream ends.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const userId = auth?.user.id ?? null;
  const access = await requireNetworkAccess(params.id, userId);
  assertCanRead(access);
  const networkId = access.network.id;
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const unsubscribe = await subscribe(`network:${networkId}`, (event) => {
        if (event.type === "member-removed") {
          if (event.data?.userId === userId) {
            send("event: removed\ndata: {}\n\n");
            close();
          }
          // A non-open network's stream is for members only; others learn nothing here.
          return;
        }
        send(`event: ${event.type}\ndata: ${JSON.stringify(event.data ?? {})}\n\n`);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", close);
      send("retry: 5000\n\n");
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
