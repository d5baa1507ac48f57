/**
 * The larger body limit for uploads applies to the routes that take files, whichever URL the
 * form posts to: the page itself (no JavaScript) or React Router's data URL (`.data`, with
 * JavaScript). Every other route keeps the small limit.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";

const BODY_LIMIT = 100_000;
const UPLOAD_LIMIT = 3_500_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({
    BODY_LIMIT_BYTES: String(BODY_LIMIT),
    UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT),
  });
});
afterAll(async () => {
  await app?.close();
});

function query<T = Record<string, unknown>>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

/** A plain-text document of about `bytes` bytes (text files are accepted as resources). */
function textFile(bytes: number) {
  return new Blob(["Opening hours and prices.\n".repeat(Math.ceil(bytes / 26))], {
    type: "text/plain",
  });
}

let keyCounter = 0;
function fileForm(fields: Record<string, string>, file: Blob, filename: string) {
  keyCounter += 1;
  const form = new FormData();
  for (const [k, v] of Object.entries({ submissionKey: `uploadkey${keyCounter}xyz`, ...fields }))
    form.append(k, v);
  form.append(fields.intent === "post" ? "files" : "file", file, filename);
  return form;
}

async function memberOfNetwork() {
  const { user, client } = await app.signedIn();
  const { id } = await app.server.createNetwork({ members: [user.id] });
  return { client, networkId: id };
}

describe("upload body limit", () => {
  it("takes a 3 MB resource file posted to the data URL that forms use with JavaScript", async () => {
    const { client, networkId } = await memberOfNetwork();
    const form = fileForm(
      { intent: "add-file", title: "Price list", description: "", language: "en" },
      textFile(3_000_000),
      "prices.txt",
    );
    const response = await client.post(`/networks/${networkId}/resources.data`, form);
    // React Router answers a data request's redirect with 202 and the target in the body.
    expect(response.status).toBe(202);
    const rows = await query<{ size_bytes: number }>(
      `select size_bytes from network_resources where network_id = '${networkId}'`,
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].size_bytes).toBeGreaterThan(2_900_000);
  });

  it("takes a 2 MB attachment posted to a network's data URL and to the page itself", async () => {
    const { client, networkId } = await memberOfNetwork();
    for (const [url, status] of [
      [`/networks/${networkId}.data`, 202],
      [`/networks/${networkId}`, 302],
    ] as const) {
      const response = await client.post(
        url,
        fileForm({ intent: "post", body: `Menu via ${url}` }, textFile(2_000_000), "menu.txt"),
      );
      expect(response.status, url).toBe(status);
    }
    const rows = await query(`select id from posts where network_id = '${networkId}'`);
    expect(rows).toHaveLength(2);
  });

  it("lets a 2 MB form through to every route that takes files, in its data URL form", async () => {
    const { user, client } = await app.signedIn({ isFacilitator: true });
    const { id } = await app.server.createNetwork({ facilitators: [user.id] });
    const urls = [
      "/settings/profile.data",
      "/onboarding/profile.data",
      "/networks/new.data",
      `/networks/${id}/settings.data`,
    ];
    const statuses: Record<string, number> = {};
    for (const url of urls) {
      // A form with nothing but a large file: the route's own validation answers, not the limit.
      const form = new FormData();
      form.append("photo", textFile(2_000_000), "big.txt");
      statuses[url] = (await client.post(url, form)).status;
    }
    expect(statuses).toEqual(Object.fromEntries(urls.map((url) => [url, 400])));
  });

  it("keeps the small limit on routes that take no files, in every URL form", async () => {
    const { client } = await memberOfNetwork();
    const big = { body: "x".repeat(BODY_LIMIT + 10) };
    for (const url of ["/people", "/people.data", "/_root.data", "/_root.data?index", "/?index"]) {
      expect((await client.post(url, big)).status, url).toBe(413);
    }
  });
});
