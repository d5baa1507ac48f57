/**
 * Forms with files are read as they stream in (server/multipart.ts): files go to disk under
 * DATA_DIR/tmp/uploads while the body arrives, the limit is enforced while streaming (not only
 * from Content-Length), the CSRF token is still checked, and nothing is left behind on disk
 * whatever the outcome. These tests drive raw HTTP requests so that the body can be sent in
 * pieces, paused, or without a Content-Length.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { removeStaleUploadFolders } from "~/lib/uploads.server";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";

const UPLOAD_LIMIT = 2_000_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
});
afterAll(async () => {
  await app?.close();
});

function query<T = Record<string, unknown>>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

const tempRoot = () => path.join(app.dataDir, "tmp", "uploads");

/** Every file below the in-flight upload folder, with its size. */
function inFlightFiles(): { file: string; size: number }[] {
  const root = tempRoot();
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { file, size: fs.statSync(file).size };
    });
}

const BOUNDARY = "----synergy-test-boundary-7d1f";

function fieldPart(name: string, value: string): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
}
function fileHead(name: string, filename: string, type = "text/plain"): string {
  return `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
}
const closing = `\r\n--${BOUNDARY}--\r\n`;

type Raw = {
  /** Sends more of the body. */
  write(chunk: string | Buffer): Promise<void>;
  end(): void;
  response: Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>;
};

/** A POST whose body the test writes piece by piece, chunked (no Content-Length). */
function rawPost(client: TestClient, target: string, headers: Record<string, string> = {}): Raw {
  const url = new URL(target, app.url);
  const request = http.request(url, {
    method: "POST",
    headers: {
      cookie: client.cookieHeaderForTests(),
      "content-type": `multipart/form-data; boundary=${BOUNDARY}`,
      "accept-language": "de",
      ...headers,
    },
  });
  const response = new Promise<{
    status: number;
    body: string;
    headers: http.IncomingHttpHeaders;
  }>((resolve, reject) => {
    request.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    // The server may close the connection while the body is still being sent (413): the
    // response, when it came, is what counts.
    request.on("error", reject);
  });
  return {
    write: (chunk) =>
      new Promise((resolve) => {
        if (request.destroyed) return resolve();
        request.write(chunk, () => resolve());
      }),
    end: () => request.end(),
    response,
  };
}

async function memberOfNetwork() {
  const { user, client } = await app.signedIn();
  const { id } = await app.server.createNetwork({ members: [user.id] });
  const token = await client.ensureCsrf();
  return { client, networkId: id, token };
}

async function waitFor<T>(probe: () => T | undefined, what: string): Promise<T> {
  for (let i = 0; i < 400; i += 1) {
    const value = probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up waiting for ${what}`);
}

let keyCounter = 0;
function submissionKey(): string {
  keyCounter += 1;
  return `streamkey${keyCounter}abcdef`;
}

describe("streamed multipart uploads", () => {
  it("writes a file to disk while it arrives, hands it to the route, and removes it afterwards", async () => {
    const { client, networkId, token } = await memberOfNetwork();
    const upload = rawPost(client, `/networks/${networkId}/resources`);
    await upload.write(
      fieldPart("_csrf", token) +
        fieldPart("submissionKey", submissionKey()) +
        fieldPart("intent", "add-file") +
        fieldPart("title", "Preisliste Bäckerei") +
        fieldPart("description", "") +
        fieldPart("language", "de") +
        fileHead("file", "Preisliste-Größen.txt"),
    );
    const line = "Brot, Brötchen und Kuchen: Preise ab Montag.\n";
    const first = Buffer.from(line.repeat(10_000));
    await upload.write(first);
    // The body is not finished, yet the part already sent is on disk: the edge streams files to
    // disk rather than holding the body in memory until it is complete.
    const partial = await waitFor(
      () => inFlightFiles().find((f) => f.size >= first.length),
      "the first part of the file on disk",
    );
    expect(partial.size).toBeGreaterThanOrEqual(first.length);
    const second = Buffer.from(line.repeat(10_000));
    await upload.write(second);
    await upload.write(closing);
    upload.end();
    const response = await upload.response;
    expect(response.status).toBe(302);
    const rows = await query<{ size_bytes: number; filename: string; title: string }>(
      `select size_bytes, filename, title from network_resources where network_id = '${networkId}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].size_bytes).toBe(first.length + second.length);
    // The name arrives as UTF-8, as browsers send it, and is then made safe for downloads
    // (accents dropped, other letters replaced); read as latin1 it would have become "GrA-A-en".
    expect(rows[0].filename).toBe("Preisliste-Gro-en.txt");
    expect(rows[0].title).toBe("Preisliste Bäckerei");
    await waitFor(() => (inFlightFiles().length === 0 ? true : undefined), "temp files removed");
  });

  it("answers 413 as soon as a body without Content-Length passes the limit, and keeps nothing", async () => {
    const { client, networkId, token } = await memberOfNetwork();
    const upload = rawPost(client, `/networks/${networkId}/resources`);
    await upload.write(
      fieldPart("_csrf", token) +
        fieldPart("submissionKey", submissionKey()) +
        fieldPart("intent", "add-file") +
        fieldPart("title", "Too big") +
        fieldPart("language", "en") +
        fileHead("file", "big.txt"),
    );
    const chunk = Buffer.alloc(256 * 1024, "a");
    let status: number | undefined;
    upload.response.then(
      (r) => {
        status = r.status;
      },
      () => {},
    );
    // Keep sending well past the limit; the server answers before the body ends.
    for (let sent = 0; sent < UPLOAD_LIMIT * 3 && status === undefined; sent += chunk.length) {
      await upload.write(chunk);
    }
    const response = await upload.response.catch(() => undefined);
    expect(response?.status ?? status).toBe(413);
    expect(
      await query(`select id from network_resources where network_id = '${networkId}'`),
    ).toEqual([]);
    await waitFor(() => (inFlightFiles().length === 0 ? true : undefined), "temp files removed");
  });

  it("refuses a forged upload (no or wrong token) with 403 and leaves no file behind", async () => {
    const { client, networkId } = await memberOfNetwork();
    for (const token of ["", "not-the-token"]) {
      const upload = rawPost(client, `/networks/${networkId}/resources`);
      await upload.write(
        (token ? fieldPart("_csrf", token) : "") +
          fieldPart("submissionKey", submissionKey()) +
          fieldPart("intent", "add-file") +
          fieldPart("title", "Forged") +
          fieldPart("language", "en") +
          fileHead("file", "forged.txt") +
          "x".repeat(50_000) +
          closing,
      );
      upload.end();
      const response = await upload.response;
      expect(response.status, token || "no token").toBe(403);
    }
    expect(
      await query(`select id from network_resources where network_id = '${networkId}'`),
    ).toEqual([]);
    await waitFor(() => (inFlightFiles().length === 0 ? true : undefined), "temp files removed");
  });

  it("answers a broken multipart body with a translated 400, not 500", async () => {
    const { client, networkId, token } = await memberOfNetwork();
    // A body cut off in the middle of a part (no closing boundary).
    const cut = rawPost(client, `/networks/${networkId}/resources`);
    await cut.write(`${fieldPart("_csrf", token) + fileHead("file", "cut.txt")}half a file`);
    cut.end();
    const cutResponse = await cut.response;
    expect(cutResponse.status).toBe(400);
    expect(cutResponse.body).toContain('<html lang="de"');
    // A multipart Content-Type without a boundary.
    const noBoundary = rawPost(client, `/networks/${networkId}/resources`, {
      "content-type": "multipart/form-data",
    });
    noBoundary.end();
    expect((await noBoundary.response).status).toBe(400);
    await waitFor(() => (inFlightFiles().length === 0 ? true : undefined), "temp files removed");
  });

  it("reads a form once: a route sees every field and file, repeated names included", async () => {
    const { client, networkId } = await memberOfNetwork();
    const form = new FormData();
    form.append("submissionKey", submissionKey());
    form.append("intent", "post");
    form.append("body", "Two photos of the new shop window");
    form.append("files", new Blob(["first menu"], { type: "text/plain" }), "menu-1.txt");
    form.append("files", new Blob(["second menu"], { type: "text/plain" }), "menu-2.txt");
    const response = await client.post(`/networks/${networkId}`, form);
    expect(response.status).toBe(302);
    const files = await query<{ filename: string }>(
      `select a.filename from post_attachments a join posts p on p.id = a.post_id
       where p.network_id = '${networkId}' order by a.filename`,
    );
    expect(files.map((f) => f.filename)).toEqual(["menu-1.txt", "menu-2.txt"]);
  });

  it("clean-up removes the folders of uploads a killed process left, and only old ones", async () => {
    const root = tempRoot();
    const stale = path.join(root, "stale-request");
    const fresh = path.join(root, "fresh-request");
    fs.mkdirSync(stale, { recursive: true });
    fs.mkdirSync(fresh, { recursive: true });
    fs.writeFileSync(path.join(stale, "0"), "left by a killed process");
    fs.writeFileSync(path.join(fresh, "0"), "still arriving");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    fs.utimesSync(stale, twoHoursAgo, twoHoursAgo);
    expect(await removeStaleUploadFolders(app.dataDir)).toBe(1);
    expect(fs.existsSync(stale)).toBe(false);
    expect(fs.existsSync(fresh)).toBe(true);
    fs.rmSync(fresh, { recursive: true });
  });
});
