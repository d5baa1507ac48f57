/**
 * removeOrphanedFiles (issue 6, defect 10): files are written before the row that points at
 * them, so a crash in between leaves files nothing references. The sweep removes those once
 * they are older than the grace period, and nothing that a row still references.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const HOUR = 3600_000;

function uploads(...parts: string[]) {
  return path.join(app.dataDir, "uploads", ...parts);
}

/** Writes a file as storage would, last modified `ageMs` ago. */
function writeAged(key: string, ageMs: number) {
  const file = uploads(key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, "bytes");
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(file, when, when);
  return key;
}

function age(key: string, ageMs: number) {
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(uploads(key), when, when);
}

async function storageKeys(sqlText: string) {
  const rows = await app.server.queryRows<{ key: string }>(app.server.rawSql(sqlText));
  return rows.map((r) => r.key);
}

describe("removeOrphanedFiles", () => {
  it("deletes old files no row references, and keeps referenced, young and unknown ones", async () => {
    const { user, client } = await app.signedIn();
    const other = await app.signedIn();
    const { id } = await app.server.createNetwork({ members: [user.id, other.user.id] });
    const pdf = new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"], "plan.pdf", {
      type: "application/pdf",
    });
    const posted = await client.post(`/networks/${id}`, {
      intent: "post",
      body: "With a plan",
      files: pdf,
    });
    expect(posted.status).toBe(302);
    const [attachment] = await storageKeys(
      `select a.storage_key as key from post_attachments a join posts p on p.id = a.post_id
       where p.network_id = '${id}'`,
    );
    expect(fs.existsSync(uploads(attachment))).toBe(true);
    age(attachment, 48 * HOUR);
    const shared = await client.post(`/networks/${id}/resources`, {
      intent: "add-file",
      title: "The plan again",
      description: "",
      language: "en",
      submissionKey: "orphan-test-resource-1",
      file: pdf,
    });
    expect(shared.status).toBeLessThan(400);
    const [resource] = await storageKeys(
      `select storage_key as key from network_resources where network_id = '${id}'`,
    );
    age(resource, 48 * HOUR);

    // A learning resource's picture, stored under learning/<resource id>/ as uploads are.
    const [learning] = await storageKeys(
      `insert into learning_resources (title, language, author_id)
       values ('With a picture', 'en', '${user.id}') returning id::text as key`,
    );
    const picture = writeAged(`learning/${learning}/chart.webp`, 48 * HOUR);
    await storageKeys(
      `insert into learning_resource_files
         (resource_id, kind, storage_key, filename, content_type, size_bytes)
       values ('${learning}', 'image', '${picture}', 'chart.webp', 'image/webp', 5)
       returning storage_key as key`,
    );

    // A message's attachment, stored under messages/<conversation id>/.
    const form = new FormData();
    form.append("to", other.user.id);
    form.append("body", "The plan, privately");
    form.append("submissionKey", "orphan-test-message-1");
    form.append("files", pdf);
    const started = await client.post("/conversations/new", form);
    expect(started.status).toBe(302);
    const [message] = await storageKeys(
      `select a.storage_key as key from message_attachments a
       join messages m on m.id = a.message_id where m.author_id = '${user.id}'`,
    );
    expect(message.startsWith("messages/")).toBe(true);
    age(message, 48 * HOUR);
    const conversation = message.split("/")[1];

    const orphans = [
      writeAged(`messages/${conversation}/left-by-a-crash.pdf`, 48 * HOUR),
      writeAged(`learning/${learning}/left-by-a-crash.webp`, 48 * HOUR),
      writeAged(`attachments/${id}/left-by-a-crash.pdf`, 48 * HOUR),
      writeAged(`resources/${id}/left-by-a-crash.pdf`, 48 * HOUR),
      writeAged(`covers/${id}/left-by-a-crash.webp`, 48 * HOUR),
      writeAged("photos/nobody-left-by-a-crash.webp", 48 * HOUR),
      // A write interrupted between the temporary file and its rename.
      writeAged(`attachments/${id}/half.pdf.4242.tmp`, 48 * HOUR),
    ];
    // Possibly still being committed: inside the grace period.
    const young = writeAged(`attachments/${id}/just-written.pdf`, 5 * 60_000);
    // A folder the sweep does not know: never touched.
    const unknown = writeAged("exports/someone.zip", 48 * HOUR);

    const { removed } = await app.server.removeOrphanedFiles({ olderThan: 24 * HOUR });
    expect([...removed].sort()).toEqual([...orphans].sort());
    for (const key of orphans) expect(fs.existsSync(uploads(key))).toBe(false);
    for (const key of [attachment, resource, picture, message, young, unknown]) {
      expect(fs.existsSync(uploads(key))).toBe(true);
    }
    // The referenced files still download.
    const html = await (await client.get(`/networks/${id}`)).text();
    const link = html.match(/href="(\/networks\/[^"]+\/attachments\/[^"]+\.pdf)"/)![1];
    expect((await client.get(link)).status).toBe(200);

    // A cut-off given as a date works the same; a second sweep finds nothing more.
    const later = await app.server.removeOrphanedFiles({ olderThan: new Date() });
    expect(later.removed).toEqual([young]);
    expect((await app.server.removeOrphanedFiles({ olderThan: new Date() })).removed).toEqual([]);
  });
});
