import { httpError } from "./errors";
import { getStorage } from "./storage.server";

/**
 * A stored file as an HTTP response. Images are shown inline; every other type is a download,
 * so that nothing uploaded can run as a page on our origin.
 */
export async function serveStoredFile(options: {
  storageKey: string;
  contentType: string;
  filename: string;
}): Promise<Response> {
  const body = await getStorage().get(options.storageKey);
  if (!body) throw httpError(404);
  const inline = options.contentType.startsWith("image/");
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": options.contentType,
      "Content-Length": String(body.length),
      "Content-Disposition": `${inline ? "inline" : "attachment"}; filename="${options.filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, max-age=300",
      "Content-Security-Policy": "default-src 'none'; sandbox",
    },
  });
}
