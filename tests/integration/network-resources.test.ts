import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";
import { makePng } from "../setup/images";
import { makeDocx, makeZip } from "../setup/zip";

const UPLOAD_LIMIT = 300_000;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT) });
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";
const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

function query<T = Record<string, unknown>>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

function signedIn() {
  return app.signedIn({ password });
}

type Visibility = "open" | "request" | "invite" | "secret";

/** A network with its members, through the same builder the demo seed uses. */
async function createNetwork(
  visibility: Visibility,
  members: { userId: string; role?: "facilitator" | "member" }[],
) {
  const { id } = await app.server.createNetwork({
    name: `Resources test ${visibility}`,
    visibility,
    languages: ["en", "de"],
    facilitators: members.filter((m) => m.role === "facilitator").map((m) => m.userId),
    members: members.filter((m) => m.role !== "facilitator").map((m) => m.userId),
  });
  return id;
}

/** Removes a member the way a facilitator does, through the members page's form. */
async function removeMember(facilitator: TestClient, networkId: string, userId: string) {
  const response = await facilitator.post(`/networks/${networkId}/members`, {
    intent: "remove",
    userId,
    confirmed: "yes",
  });
  expect(response.status).toBe(200);
}

let keyCounter = 0;
function newKey() {
  keyCounter += 1;
  return `reskey${Date.now().toString(36)}${keyCounter}`;
}

function addLink(
  client: TestClient,
  networkId: string,
  fields: Record<string, string | string[]> = {},
) {
  return client.post(`/networks/${networkId}/resources`, {
    intent: "add-link",
    title: "Pricing calculator",
    description: "A spreadsheet-like calculator.\n\nFree to use.",
    url: "https://example.org/pricing",
    language: "en",
    topics: ["bookkeeping-basics"],
    submissionKey: newKey(),
    ...fields,
  });
}

function addFile(
  client: TestClient,
  networkId: string,
  file: Blob | null,
  filename: string,
  fields: Record<string, string> = {},
) {
  const form = new FormData();
  const values: Record<string, string> = {
    intent: "add-file",
    title: "Shared file",
    description: "",
    language: "en",
    submissionKey: newKey(),
    ...fields,
  };
  for (const [key, value] of Object.entries(values)) form.append(key, value);
  form.append("file", file ?? new Blob([]), file ? filename : "");
  return client.post(`/networks/${networkId}/resources`, form);
}

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

async function resourceRows(networkId: string) {
  return query<{
    id: string;
    kind: string;
    title: string;
    url: string | null;
    storage_key: string | null;
    filename: string | null;
    content_type: string | null;
    language: string;
    topics: string[];
    deleted_at: string | null;
  }>(`select id, kind, title, url, storage_key, filename, content_type, language, topics, deleted_at
      from network_resources where network_id = '${networkId}' order by created_at, id`);
}

/** The resource ids on a list page, in page order. */
async function listed(client: TestClient, networkId: string, search = "") {
  const html = mainOf(await (await client.get(`/networks/${networkId}/resources${search}`)).text());
  return [...html.matchAll(new RegExp(`id="resource-(${uuidPattern})"`, "g"))].map((m) => m[1]);
}

function filesUnder(networkId: string): string[] {
  const dir = path.join(app.dataDir, "uploads", "resources", networkId);
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => !f.endsWith(".tmp")) : [];
}

const pdf = () =>
  new Blob(
    [
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    ],
    { type: "application/pdf" },
  );

describe("sharing links", () => {
  it("lets members share a link with language and topics", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const response = await addLink(client, networkId, {
      topics: ["bookkeeping-basics", "social-media-marketing"],
      language: "de",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(
      new RegExp(
        `^/networks/${networkId}/resources\\?added=1&posted=(${uuidPattern})#resource-\\1$`,
      ),
    );
    const [row] = await resourceRows(networkId);
    expect(row).toMatchObject({
      kind: "link",
      title: "Pricing calculator",
      url: "https://example.org/pricing",
      language: "de",
      topics: ["bookkeeping-basics", "social-media-marketing"],
    });
    const html = mainOf(await (await client.get(`/networks/${networkId}/resources`)).text());
    expect(html).toContain(
      `<a href="https://example.org/pricing" rel="nofollow noopener noreferrer ugc">Pricing calculator</a>`,
    );
    expect(html).toContain("Bookkeeping basics");
    expect(html).toContain("Free to use.");
  });

  it("refuses anything but http(s) addresses, and other bad input, saving nothing", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const cases: [Record<string, string | string[]>, string][] = [
      [{ url: "javascript:alert(1)" }, "url"],
      [{ url: "JaVaScRiPt:alert(document.cookie)" }, "url"],
      [{ url: "  javascript:alert(1)" }, "url"],
      [{ url: "java\tscript:alert(1)" }, "url"],
      [{ url: "data:text/html,<script>alert(1)</script>" }, "url"],
      [{ url: "vbscript:msgbox(1)" }, "url"],
      [{ url: "file:///etc/passwd" }, "url"],
      [{ url: "ftp://example.org/file" }, "url"],
      [{ url: "//example.org/no-scheme" }, "url"],
      [{ url: "https://bank.example@evil.example/" }, "url"],
      [{ url: "" }, "url"],
      [{ url: `https://example.org/${"a".repeat(490)}` }, "url"],
      [{ title: "" }, "title"],
      [{ title: "x".repeat(151) }, "title"],
      [{ description: "d".repeat(2001) }, "description"],
      [{ language: "" }, "language"],
      [{ language: "xx" }, "language"],
      [{ topics: ["not-a-topic"] }, "topics"],
      [
        {
          topics: [
            "bookkeeping-basics",
            "social-media-marketing",
            "seo",
            "digital-basics",
            "branding",
            "pricing",
          ],
        },
        "topics",
      ],
    ];
    for (const [override, field] of cases) {
      const response = await addLink(client, networkId, override);
      const label = JSON.stringify(override).slice(0, 60);
      expect(response.status, label).toBe(400);
      const html = await response.text();
      if (field === "topics") expect(html, label).toContain('class="field choices has-error"');
      else expect(html, label).toContain(`id="link-${field}-error"`);
    }
    expect(await resourceRows(networkId)).toEqual([]);
  });

  it("creates nothing twice when a form is sent twice", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const submissionKey = newKey();
    const results = await Promise.all([
      addLink(client, networkId, { submissionKey }),
      addLink(client, networkId, { submissionKey }),
    ]);
    expect(results.map((r) => r.status)).toEqual([302, 302]);
    expect((await addLink(client, networkId, { submissionKey })).status).toBe(302);
    expect(await resourceRows(networkId)).toHaveLength(1);

    const fileKey = newKey();
    const files = await Promise.all([
      addFile(client, networkId, pdf(), "guide.pdf", { submissionKey: fileKey }),
      addFile(client, networkId, pdf(), "guide.pdf", { submissionKey: fileKey }),
    ]);
    expect(files.map((r) => r.status)).toEqual([302, 302]);
    expect((await resourceRows(networkId)).filter((r) => r.kind === "file")).toHaveLength(1);
    // The losing twin's stored file is removed again.
    expect(filesUnder(networkId)).toHaveLength(1);
  });
});

describe("sharing files", () => {
  it("stores documents and serves them as downloads to readers", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("request", [{ userId: user.id }]);
    const response = await addFile(client, networkId, pdf(), "Price guide 2026.pdf", {
      title: "Price guide",
    });
    expect(response.status).toBe(302);
    const [row] = await resourceRows(networkId);
    expect(row).toMatchObject({
      kind: "file",
      filename: "Price-guide-2026.pdf",
      content_type: "application/pdf",
    });
    expect(row.storage_key).toMatch(new RegExp(`^resources/${networkId}/`));
    const html = mainOf(await (await client.get(`/networks/${networkId}/resources`)).text());
    const href = `/networks/${networkId}/resources/${row.id}/Price-guide-2026.pdf`;
    expect(html).toContain(`href="${href}"`);
    const file = await client.get(href);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
    expect(file.headers.get("content-security-policy")).toContain("sandbox");
    expect((await file.text()).startsWith("%PDF-")).toBe(true);

    const notes = await addFile(
      client,
      networkId,
      new Blob(["Opening hours: 8 to 18\n"], { type: "text/plain" }),
      "notes.txt",
    );
    expect(notes.status).toBe(302);
    expect((await resourceRows(networkId))[1]).toMatchObject({
      filename: "notes.txt",
      content_type: "text/plain; charset=utf-8",
    });
  });

  it("re-encodes photos and shows them inline", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    expect((await addFile(client, networkId, await makePng(), "poster.png")).status).toBe(302);
    const [row] = await resourceRows(networkId);
    expect(row.content_type).toBe("image/webp");
    const file = await app
      .client()
      .get(`/networks/${networkId}/resources/${row.id}/${row.filename}`);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("image/webp");
  });

  it("never serves an uploaded page or script as something a browser would run", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const html = "<!doctype html><html><body><script>alert(document.cookie)</script></body></html>";
    // An HTML page under its own name is kept, but only as plain text that downloads…
    const page = await addFile(
      client,
      networkId,
      new Blob([html], { type: "text/html" }),
      "page.html",
    );
    expect(page.status).toBe(302);
    // …and the same page claiming to be a photo is refused as disguised.
    const photo = await addFile(
      client,
      networkId,
      new Blob([html], { type: "image/png" }),
      "photo.png",
    );
    expect(photo.status).toBe(400);
    const refusal = await photo.text();
    expect(refusal).toContain('id="file-file-error"');
    expectMessage(refusal, "upload.disguised");
    const rows = await resourceRows(networkId);
    expect(filesUnder(networkId)).toHaveLength(rows.length);
    for (const row of rows) {
      expect(row.content_type).toBe("text/plain; charset=utf-8");
      expect(row.filename).toMatch(/\.txt$/);
      const file = await client.get(`/networks/${networkId}/resources/${row.id}/${row.filename}`);
      expect(file.headers.get("content-type")).toBe("text/plain; charset=utf-8");
      expect(file.headers.get("content-disposition")).toMatch(/^attachment;/);
      expect(file.headers.get("x-content-type-options")).toBe("nosniff");
      expect(file.headers.get("content-security-policy")).toContain("sandbox");
    }
    // …and an SVG (which can carry script) or a binary is refused outright.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>`;
    const refused: [Blob, string][] = [
      [new Blob([svg], { type: "image/svg+xml" }), "logo.svg"],
      [new Blob([svg], { type: "image/png" }), "logo.png"],
      [
        new Blob([new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0xff, 0xfe])]),
        "tool.pdf",
      ],
      [new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0])]), "archive.docx"],
    ];
    for (const [blob, name] of refused) {
      const response = await addFile(client, networkId, blob, name);
      expect(response.status, name).toBe(400);
      expect(await response.text(), name).toContain('id="file-file-error"');
    }
    expect(await resourceRows(networkId)).toHaveLength(rows.length);
    expect(filesUnder(networkId)).toHaveLength(rows.length);
  });

  it("tells a Word document from any ZIP that merely holds a word/ folder", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const docx = await addFile(client, networkId, new Blob([makeDocx("Prices")]), "prices.docx");
    expect(docx.status).toBe(302);
    const [row] = await resourceRows(networkId);
    expect(row.content_type).toBe(
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    );
    // A plain archive with a word/ entry (here an HTML page) is not a Word document.
    const fake = makeZip({
      "word/index.html": "<script>alert(1)</script>",
      "payload/run.sh": "echo hi",
    });
    for (const name of ["report.docx", "report.zip", "report"]) {
      const response = await addFile(client, networkId, new Blob([fake]), name);
      expect(response.status, name).toBe(400);
      expect(await response.text(), name).toContain('id="file-file-error"');
    }
    expect(await resourceRows(networkId)).toHaveLength(1);
    expect(filesUnder(networkId)).toHaveLength(1);
  });

  it("refuses a missing file, and a file over the upload limit, with nothing half-saved", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const missing = await addFile(client, networkId, null, "");
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('id="file-file-error"');
    const big = await addFile(
      client,
      networkId,
      new Blob(["a".repeat(UPLOAD_LIMIT + 10)], { type: "text/plain" }),
      "big.txt",
    );
    expect(big.status).toBe(413);
    const two = new FormData();
    for (const [key, value] of Object.entries({
      intent: "add-file",
      title: "Two files",
      language: "en",
      submissionKey: newKey(),
    }))
      two.append(key, value);
    two.append("file", pdf(), "one.pdf");
    two.append("file", pdf(), "two.pdf");
    const twoFiles = await client.post(`/networks/${networkId}/resources`, two);
    expect(twoFiles.status).toBe(400);
    expect(await twoFiles.text()).toContain('id="file-file-error"');
    // Valid file, invalid fields: the file is not stored.
    const badFields = await addFile(client, networkId, pdf(), "ok.pdf", { title: "" });
    expect(badFields.status).toBe(400);
    expect(await resourceRows(networkId)).toEqual([]);
    expect(filesUnder(networkId)).toEqual([]);
  });
});

describe("listing", () => {
  it("filters by language and topic", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const add = async (title: string, language: string, topics: string[]) => {
      expect((await addLink(client, networkId, { title, language, topics })).status).toBe(302);
      return (await resourceRows(networkId)).find((r) => r.title === title)!.id;
    };
    const enSeo = await add("English SEO", "en", ["seo"]);
    const deSeo = await add("German SEO", "de", ["seo", "social-media-marketing"]);
    const deBooks = await add("German books", "de", ["bookkeeping-basics"]);
    expect(await listed(client, networkId)).toEqual([deBooks, deSeo, enSeo]);
    expect(await listed(client, networkId, "?language=de")).toEqual([deBooks, deSeo]);
    expect(await listed(client, networkId, "?topic=seo")).toEqual([deSeo, enSeo]);
    expect(await listed(client, networkId, "?language=de&topic=seo")).toEqual([deSeo]);
    expect(await listed(client, networkId, "?language=fi")).toEqual([]);
    // The filters offer the languages and topics that are in use (and the one chosen).
    const optionsOf = (html: string, id: string) =>
      [
        ...(html.match(new RegExp(`<select id="${id}"[\\s\\S]*?</select>`))?.[0] ?? "").matchAll(
          /<option value="([^"]*)"/g,
        ),
      ]
        .map((m) => m[1])
        .sort();
    const page = await (await client.get(`/networks/${networkId}/resources?language=fi`)).text();
    expect(optionsOf(page, "filter-language")).toEqual(["", "de", "en", "fi"]);
    expect(optionsOf(page, "filter-topic")).toEqual([
      "",
      "bookkeeping-basics",
      "seo",
      "social-media-marketing",
    ]);
    // Unknown filter values are ignored rather than failing.
    expect(await listed(client, networkId, "?language=%27x&topic=nope")).toEqual([
      deBooks,
      deSeo,
      enSeo,
    ]);
  });

  it("pages newest first, 20 at a time", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    await query(`
      insert into network_resources (network_id, added_by, kind, title, url, language, topics, created_at)
      select '${networkId}', '${user.id}', 'link', 'Paged ' || g, 'https://example.org/' || g,
        case when g % 2 = 0 then 'de' else 'en' end, '{seo}',
        timestamptz '2026-01-01 12:00:00+00' + make_interval(secs => case when g <= 4 then 0 else g end)
      from generate_series(1, 25) g`);
    const expected = (
      await query<{
        id: string;
      }>(`select id from network_resources where network_id = '${networkId}'
        order by created_at desc, id desc`)
    ).map((r) => r.id);
    const html = await (await client.get(`/networks/${networkId}/resources`)).text();
    expect(await listed(client, networkId)).toEqual(expected.slice(0, 20));
    const next = html.match(/href="\?after=([^"]+)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    expect(await listed(client, networkId, `?after=${next}`)).toEqual(expected.slice(20));

    // A filter narrows the same order: the 13 English ones fit on one page.
    const english = (
      await query<{ id: string }>(`select id from network_resources
        where network_id = '${networkId}' and language = 'en' order by created_at desc, id desc`)
    ).map((r) => r.id);
    expect(english).toHaveLength(13);
    const filtered = await (
      await client.get(`/networks/${networkId}/resources?language=en`)
    ).text();
    expect(filtered).not.toContain('rel="next"');
    expect(await listed(client, networkId, "?language=en")).toEqual(english);
  });
});

describe("who may read, write and delete", () => {
  it("shows open networks' resources to everyone but lets only members add", async () => {
    const { user: member, client: memberClient } = await signedIn();
    const { client: outsider } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: member.id }]);
    expect((await addFile(memberClient, networkId, pdf(), "open.pdf")).status).toBe(302);
    const [row] = await resourceRows(networkId);
    const anonymous = app.client();
    expect((await anonymous.get(`/networks/${networkId}/resources`)).status).toBe(200);
    expect(
      (await anonymous.get(`/networks/${networkId}/resources/${row.id}/${row.filename}`)).status,
    ).toBe(200);
    expect((await addLink(outsider, networkId)).status).toBe(403);
    expect((await addFile(outsider, networkId, pdf(), "x.pdf")).status).toBe(403);
    const anonymousPost = await addLink(anonymous, networkId);
    expect(anonymousPost.status).toBe(302);
    expect(anonymousPost.headers.get("location")).toMatch(/^\/signin\?next=/);
    expect(await resourceRows(networkId)).toHaveLength(1);
  });

  it("answers 403 to non-members of request and invite networks, files included", async () => {
    for (const visibility of ["request", "invite"] as const) {
      const { user: member, client: memberClient } = await signedIn();
      const { client: outsider } = await signedIn();
      const networkId = await createNetwork(visibility, [{ userId: member.id }]);
      await addLink(memberClient, networkId, { title: `Private ${visibility} link` });
      await addFile(memberClient, networkId, pdf(), "private.pdf");
      const file = (await resourceRows(networkId)).find((r) => r.kind === "file")!;
      for (const client of [outsider, app.client()]) {
        const list = await client.get(`/networks/${networkId}/resources`);
        expect(list.status).toBe(403);
        expect(await list.text()).not.toContain(`Private ${visibility} link`);
        const download = await client.get(
          `/networks/${networkId}/resources/${file.id}/${file.filename}`,
        );
        expect(download.status).toBe(403);
        expect(await download.text()).not.toContain("%PDF");
      }
      expect((await addLink(outsider, networkId)).status).toBe(403);
    }
  });

  it("answers 404 to non-members of secret networks, files included", async () => {
    const { user: member, client: memberClient } = await signedIn();
    const { client: outsider } = await signedIn();
    const networkId = await createNetwork("secret", [{ userId: member.id }]);
    await addFile(memberClient, networkId, pdf(), "secret.pdf", { title: "Secret file" });
    const [file] = await resourceRows(networkId);
    const fileUrl = `/networks/${networkId}/resources/${file.id}/${file.filename}`;
    expect((await memberClient.get(fileUrl)).status).toBe(200);
    for (const client of [outsider, app.client()]) {
      const list = await client.get(`/networks/${networkId}/resources`);
      expect(list.status).toBe(404);
      expect(await list.text()).not.toContain("Secret file");
      expect((await client.get(fileUrl)).status).toBe(404);
    }
    expect((await addLink(outsider, networkId)).status).toBe(404);
    expect(
      (
        await outsider.post(`/networks/${networkId}/resources`, {
          intent: "delete",
          confirmed: "yes",
          resourceId: file.id,
        })
      ).status,
    ).toBe(404);
    expect((await resourceRows(networkId))[0].deleted_at).toBeNull();
  });

  it("finds no file under another network's id, an unknown id or a malformed one", async () => {
    const { user, client } = await signedIn();
    const { user: other, client: otherClient } = await signedIn();
    const privateNetwork = await createNetwork("invite", [{ userId: user.id }]);
    const ownNetwork = await createNetwork("open", [{ userId: other.id, role: "facilitator" }]);
    await addFile(client, privateNetwork, pdf(), "mine.pdf");
    const [file] = await resourceRows(privateNetwork);
    const guessed = await otherClient.get(
      `/networks/${ownNetwork}/resources/${file.id}/${file.filename}`,
    );
    expect(guessed.status).toBe(404);
    const deleteElsewhere = await otherClient.post(`/networks/${ownNetwork}/resources`, {
      intent: "delete",
      confirmed: "yes",
      resourceId: file.id,
    });
    expect(deleteElsewhere.status).toBe(404);
    expect((await resourceRows(privateNetwork))[0].deleted_at).toBeNull();
    for (const id of ["00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      expect((await client.get(`/networks/${privateNetwork}/resources/${id}/x.pdf`)).status).toBe(
        404,
      );
    }
    // A link has no file to download.
    await addLink(client, privateNetwork);
    const link = (await resourceRows(privateNetwork)).find((r) => r.kind === "link")!;
    expect((await client.get(`/networks/${privateNetwork}/resources/${link.id}/x`)).status).toBe(
      404,
    );
  });

  it("takes a removed member's access away at once", async () => {
    const { user: stays, client: facilitator } = await signedIn();
    const { user: leaves, client } = await signedIn();
    const networkId = await createNetwork("request", [
      { userId: stays.id, role: "facilitator" },
      { userId: leaves.id },
    ]);
    await addFile(client, networkId, pdf(), "before.pdf");
    const [file] = await resourceRows(networkId);
    const fileUrl = `/networks/${networkId}/resources/${file.id}/${file.filename}`;
    expect((await client.get(fileUrl)).status).toBe(200);
    await removeMember(facilitator, networkId, leaves.id);
    expect((await client.get(fileUrl)).status).toBe(403);
    expect((await client.get(`/networks/${networkId}/resources`)).status).toBe(403);
    expect((await addLink(client, networkId)).status).toBe(403);
    const ownDelete = await client.post(`/networks/${networkId}/resources`, {
      intent: "delete",
      confirmed: "yes",
      resourceId: file.id,
    });
    expect(ownDelete.status).toBe(403);
    expect((await resourceRows(networkId))[0].deleted_at).toBeNull();
  });

  it("lets the one who added it, or this network's facilitators, delete; files then 404", async () => {
    const { user: author, client: authorClient } = await signedIn();
    const { user: member, client: memberClient } = await signedIn();
    const { user: facilitator, client: facilitatorClient } = await signedIn();
    const { user: elsewhere, client: elsewhereClient } = await signedIn();
    const networkId = await createNetwork("request", [
      { userId: author.id },
      { userId: member.id },
      { userId: facilitator.id, role: "facilitator" },
      { userId: elsewhere.id },
    ]);
    await createNetwork("open", [{ userId: elsewhere.id, role: "facilitator" }]);
    await addFile(authorClient, networkId, pdf(), "first.pdf", { title: "First" });
    await addLink(authorClient, networkId, { title: "Second" });
    const [first, second] = await resourceRows(networkId);
    const url = `/networks/${networkId}/resources`;

    for (const client of [memberClient, elsewhereClient]) {
      expect(
        (await client.post(url, { intent: "delete", resourceId: first.id, confirmed: "yes" }))
          .status,
      ).toBe(403);
    }
    expect((await resourceRows(networkId)).every((r) => r.deleted_at === null)).toBe(true);

    expect(
      (await authorClient.post(url, { intent: "delete", resourceId: first.id, confirmed: "yes" }))
        .status,
    ).toBe(200);
    expect(
      (
        await facilitatorClient.post(url, {
          intent: "delete",
          resourceId: second.id,
          confirmed: "yes",
        })
      ).status,
    ).toBe(200);
    const rows = await resourceRows(networkId);
    expect(rows.every((r) => r.deleted_at !== null)).toBe(true);
    expect(await listed(memberClient, networkId)).toEqual([]);
    // Deleted files are gone for everyone, the facilitator included.
    for (const client of [authorClient, facilitatorClient]) {
      expect((await client.get(`${url}/${first.id}/${first.filename}`)).status).toBe(404);
    }
    expect(
      (await authorClient.post(url, { intent: "delete", resourceId: first.id, confirmed: "yes" }))
        .status,
    ).toBe(404);
    expect(
      (
        await authorClient.post(url, {
          intent: "delete",
          resourceId: "not-a-uuid",
          confirmed: "yes",
        })
      ).status,
    ).toBe(404);
  });
});
