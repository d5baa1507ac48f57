import { getLogger } from "./logger.server";
import { onListenerReconnected } from "./pubsub.server";

const HEARTBEAT_MS = 25_000;

/** What a live stream's owner can do with it once it is open. */
export type LiveStream = {
  /** Sends an SSE event: named (`event: name`) or, with `null`, a plain `message` event. */
  sendEvent(name: string | null, data: unknown): void;
  /** Ends the stream, with a last named event when given ("access-ended", "removed"). */
  close(lastEvent?: string): void;
  /** Asks `mayContinue` again (coalesced: a check asked while one runs runs once more after it). */
  recheck(): void;
  readonly closed: boolean;
};

/**
 * A Server-Sent Events answer that lasts only as long as the viewer may keep it. Every live
 * stream in the app (a network's feed, a conversation, a person's own counts, an event's
 * check-in list) shares this skeleton: a stream slot released exactly once, a heartbeat,
 * `mayContinue` asked on open, on `recheck()` (the owner calls it on access and session
 * events), after the pub/sub listener reconnects and every `recheckMs`; unsure (the check
 * threw) is not allowed: the stream closes and the browser reconnects to be checked afresh.
 */
export function liveStreamResponse(options: {
  request: Request;
  /** Frees the stream slot taken for this stream; called once, whatever ends it. */
  release: () => void;
  recheckMs: number;
  mayContinue: () => Promise<boolean>;
  /** Subscribes to what the stream carries; returns the unsubscribers. */
  subscribe: (stream: LiveStream) => Promise<Array<() => void>>;
  /** After the listener reconnected (events may have been missed), besides the re-check. */
  onReconnected?: (stream: LiveStream) => void;
  /** Once the stream is open and its first check passed (e.g. send the current counts). */
  opened?: (stream: LiveStream) => Promise<void>;
  /** Names the stream in the log line of a failed check. */
  label: string;
}): Response {
  const encoder = new TextEncoder();
  let cleanup = options.release;
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (chunk: string) => {
        if (!closed) controller.enqueue(encoder.encode(chunk));
      };
      let checking = false;
      let checkAgain = false;
      const stream: LiveStream = {
        get closed() {
          return closed;
        },
        sendEvent(name, data) {
          const head = name === null ? "" : `event: ${name}\n`;
          send(`${head}data: ${JSON.stringify(data ?? {})}\n\n`);
        },
        close(lastEvent) {
          if (closed) return;
          if (lastEvent) send(`event: ${lastEvent}\ndata: {}\n\n`);
          closed = true;
          cleanup();
          controller.close();
        },
        recheck() {
          void check();
        },
      };
      const check = async () => {
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
            if (!(await options.mayContinue())) stream.close("access-ended");
          } while (checkAgain && !closed);
        } catch (error) {
          getLogger().warn({ err: error }, `${options.label} stream re-check failed`);
          stream.close();
        } finally {
          checking = false;
        }
      };
      const unsubscribers = await options.subscribe(stream);
      const stopReconnectCheck = onListenerReconnected(() => {
        void check();
        options.onReconnected?.(stream);
      });
      const heartbeat = setInterval(() => send(": keep-alive\n\n"), HEARTBEAT_MS);
      const periodic = setInterval(() => void check(), options.recheckMs);
      cleanup = () => {
        clearInterval(heartbeat);
        clearInterval(periodic);
        for (const unsubscribe of unsubscribers) unsubscribe();
        stopReconnectCheck();
        options.release();
      };
      if (options.request.signal.aborted) {
        stream.close();
        return;
      }
      options.request.signal.addEventListener("abort", () => stream.close());
      send("retry: 5000\n\n");
      // Access may have changed while subscribing (before any event could reach this stream).
      await check();
      if (!closed) await options.opened?.(stream);
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Accel-Buffering": "no",
    },
  });
}

/** The plain-text refusal a stream request gets (EventSource or a script reads it, not a page). */
export function plainStreamAnswer(
  status: number,
  text: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(text, {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", ...headers },
  });
}
