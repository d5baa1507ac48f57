/**
 * Reads a multipart form as it arrives: text fields into memory (each bounded), files straight
 * to disk under DATA_DIR/tmp/uploads/<request>/, the whole body counted against the route's
 * limit while it streams. The route gets the form through the load context with each file as a
 * disk-backed `File` (`fs.openAsBlob`), so a 5 MB photo is never held whole in memory by the
 * edge, and the form is parsed once (docs/decisions/012).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import fsp from "node:fs/promises";
import type http from "node:http";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";

export { uploadTempRoot } from "~/lib/uploads.server";

export class BodyTooLarge extends Error {}
export class MalformedBody extends Error {}

export type StreamedForm = {
  form: FormData;
  /** Removes the request's files on disk; call once the response is sent. */
  cleanup(): Promise<void>;
};

export type MultipartLimits = {
  /** The whole body, in bytes (the route's upload or form limit). */
  totalBytes: number;
  /** One text field, in bytes. */
  fieldBytes: number;
  files?: number;
  fields?: number;
};

/**
 * Parses a multipart/form-data request body. Rejects with BodyTooLarge as soon as the body
 * passes `totalBytes` (or a field `fieldBytes`, or too many parts), with MalformedBody when the
 * body is not valid multipart; in both cases the files written so far are already removed.
 */
export function parseMultipart(
  req: http.IncomingMessage,
  options: { tempRoot: string; limits: MultipartLimits },
): Promise<StreamedForm> {
  const { tempRoot, limits } = options;
  const dir = path.join(tempRoot, randomUUID());
  let dirMade = false;
  const cleanup = async () => {
    if (dirMade) await fsp.rm(dir, { recursive: true, force: true });
  };

  return new Promise<StreamedForm>((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        // File names in UTF-8, as browsers send them (busboy's default is latin1).
        defParamCharset: "utf8",
        limits: {
          fieldSize: limits.fieldBytes,
          fieldNameSize: 200,
          files: limits.files ?? 50,
          fields: limits.fields ?? 1000,
          parts: (limits.files ?? 50) + (limits.fields ?? 1000),
        },
      });
    } catch {
      // No or broken boundary in the Content-Type.
      reject(new MalformedBody());
      return;
    }

    const fields: [string, string][] = [];
    const files: { name: string; file: Promise<File> }[] = [];
    let failed = false;
    let received = 0;

    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      req.unpipe(parser);
      req.off("data", count);
      // Stop reading: the answer (413/400) goes out and the connection closes.
      req.pause();
      parser.removeAllListeners("file");
      cleanup().then(
        () => reject(error),
        () => reject(error),
      );
    };
    const tooLarge = () => fail(new BodyTooLarge());

    function count(chunk: Buffer) {
      received += chunk.length;
      if (received > limits.totalBytes) tooLarge();
    }

    parser.on("field", (name, value, info) => {
      if (info.valueTruncated || info.nameTruncated) return tooLarge();
      fields.push([name, value]);
    });
    parser.on("file", (name, stream, info) => {
      if (failed) {
        stream.resume();
        return;
      }
      const target = path.join(dir, String(files.length));
      if (!dirMade) {
        // Synchronously, so that the file's stream is piped at once: an error on it (a body cut
        // off mid-file) then always has a listener.
        fs.mkdirSync(dir, { recursive: true });
        dirMade = true;
      }
      const written = pipeline(stream, fs.createWriteStream(target, { flags: "wx" })).then(
        async () => {
          const blob = await fs.openAsBlob(target, { type: info.mimeType });
          return new File([blob], info.filename ?? "", { type: info.mimeType });
        },
      );
      // A failure here surfaces when the form is finished (or the whole parse already failed).
      written.catch(() => {});
      files.push({ name, file: written });
    });
    parser.on("filesLimit", tooLarge);
    parser.on("fieldsLimit", tooLarge);
    parser.on("partsLimit", tooLarge);
    parser.on("error", () => fail(new MalformedBody()));
    parser.on("close", async () => {
      if (failed) return;
      try {
        const form = new FormData();
        for (const [name, value] of fields) form.append(name, value);
        for (const { name, file } of files) form.append(name, await file);
        resolve({ form, cleanup });
      } catch {
        fail(new MalformedBody());
      }
    });
    req.on("data", count);
    req.on("aborted", () => fail(new MalformedBody()));
    req.pipe(parser);
  });
}
