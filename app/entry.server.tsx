import { Writable } from "node:stream";
import { renderToPipeableStream } from "react-dom/server";
import type { AppLoadContext, EntryContext } from "react-router";
import { ServerRouter } from "react-router";
import { catalogues } from "./i18n/catalogue.server";
import { locales } from "./i18n/i18n";
import { registerMessages } from "./i18n/messages-store";
import { NonceProvider } from "./ui/nonce";

for (const locale of locales) registerMessages(locale, catalogues[locale]);

export const streamTimeout = 5000;

/**
 * Renders the whole document into one buffer and answers it with a Content-Length (decision
 * 013): pages are small and their data is loaded before rendering starts, so streaming bought
 * nothing but 9–15 chunked writes per page. Streams that must stay streams (the live SSE route,
 * file downloads) are resource routes and never come through here.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const nonce = loadContext.nonce;
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let shellRendered = false;
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk);
        size += chunk.length;
        callback();
      },
      final(callback) {
        clearTimeout(timer);
        const body = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size);
        responseHeaders.set("Content-Type", "text/html; charset=utf-8");
        responseHeaders.set("Content-Length", String(body.length));
        resolve(
          new Response(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.length), {
            headers: responseHeaders,
            status: responseStatusCode,
          }),
        );
        callback();
      },
    });
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        onShellReady() {
          shellRendered = true;
        },
        onAllReady() {
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timer);
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) loadContext.log.error({ err: error }, "render failed");
        },
      },
    );
    const timer = setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Errors thrown by loaders and actions go to the request's logger (its serializer drops bound
 * query values, passwords and hashes) instead of React Router's default console.error, which
 * printed database errors with every parameter. Aborted requests are not errors.
 */
export function handleError(error: unknown, { request, context }: HandleErrorArgs) {
  if (request.signal.aborted) return;
  context.log.error({ err: error }, "request failed");
}

type HandleErrorArgs = { request: Request; context: AppLoadContext };
