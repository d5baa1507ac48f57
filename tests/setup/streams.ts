/**
 * Reads a Server-Sent Events stream in the background, as a browser's EventSource would, and
 * notices when the server ends it. One reader for every test that watches live events.
 */
import { expect } from "vitest";

export type OpenStream = Awaited<ReturnType<typeof openStream>>;

export async function openStream(url: string | URL, cookie?: string) {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: cookie ? { cookie } : {},
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  let received = "";
  let ended = false;
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const done = (async () => {
    try {
      for (;;) {
        const { value, done: finished } = await reader.read();
        if (finished) break;
        received += decoder.decode(value);
      }
      ended = true;
    } catch {
      // aborted by the test
    }
  })();
  const until = async (check: () => boolean, timeoutMs = 5000) => {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (check()) return true;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return check();
  };
  return {
    get received() {
      return received;
    },
    /** True once `text` has arrived (false after `timeoutMs`). */
    waitFor: (text: string, timeoutMs = 5000) => until(() => received.includes(text), timeoutMs),
    /** True once the server closed the stream (not the test). */
    waitForEnd: (timeoutMs = 5000) => until(() => ended, timeoutMs),
    close() {
      controller.abort();
      return done;
    },
  };
}
