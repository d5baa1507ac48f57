import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";
import { readZip } from "../setup/zip";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: "false" });
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

async function rows<T>(text: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

/** A stored file, as an upload would have written it. */
function storeFile(key: string, body: Buffer) {
  const file = path.join(app.dataDir, "uploads", key);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, body);
}

async function exportsOf(userId: string) {
  return rows<{ id: string; status: string; progress: number }>(
    `select id, status, progress from data_exports where user_id = '${userId}' order by created_at`,
  );
}

describe("download my data", () => {
  it("writes a ZIP of the person's own data and files, mails a link, and only they can download it", async () => {
    const { user, client } = await app.signedIn({ password, displayName: "Export Person" });
    const other = await app.signedIn({ password, displayName: "Someone Else" });
    const network = await app.server.createNetwork({
      facilitators: [user.id],
      members: [other.user.id],
    });
    const mine = await app.server.createPostAt({
      networkId: network.id,
      authorId: user.id,
      body: "My own post about sourdough",
      language: "el",
    });
    await app.server.createPostAt({
      networkId: network.id,
      authorId: other.user.id,
      body: "Somebody else's private musings",
    });
    await rows(`insert into comments (post_id, author_id, body, body_html)
      values ('${mine.id}', '${other.user.id}', 'Another person comments', '<p>x</p>')`);
    const picture = Buffer.from("a picture of bread, pretend it is a JPEG");
    storeFile(`attachments/${mine.id}.jpg`, picture);
    await rows(`insert into post_attachments (post_id, kind, storage_key, filename, content_type, size_bytes, alt_text)
      values ('${mine.id}', 'image', 'attachments/${mine.id}.jpg', 'bread.jpg', 'image/jpeg', ${picture.length}, 'A rye loaf, sliced')`);
    const photo = Buffer.from("my portrait");
    storeFile(`photos/${user.id}.webp`, photo);
    await rows(`update users set photo_key = 'photos/${user.id}.webp' where id = '${user.id}'`);

    const started = await client.post("/settings/account", { intent: "export" });
    expect(started.status).toBe(302);
    expect(started.headers.get("location")).toBe("/settings/account?saved=export#data-heading");
    await app.server.waitForJobs({ names: ["privacy.export"], timeoutMs: 30_000 });
    const [done] = await exportsOf(user.id);
    expect(done).toMatchObject({ status: "ready", progress: 100 });

    const page = await (await client.get("/settings/account")).text();
    expect(page).toContain(`/settings/account/export/${done.id}`);
    expectMessage(page, "privacy.export.download");
    expect(page).not.toContain('http-equiv="refresh"');

    const mail = await app.lastMailTo(user.email);
    expect(mail?.subject).toBe("Your Synergy data is ready to download");
    const link = app.linkIn(mail, `/settings/account/export/${done.id}`);

    const download = await client.get(link);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/zip");
    expect(download.headers.get("content-disposition")).toMatch(
      /^attachment; filename="synergy-data-/,
    );
    const files = readZip(new Uint8Array(await download.arrayBuffer()));
    const json = (name: string) => JSON.parse(files.get(name)?.toString("utf8") ?? "null");
    const account = json("account.json");
    expect(account).toHaveLength(1);
    expect(account[0]).toMatchObject({
      id: user.id,
      email: user.email,
      display_name: "Export Person",
    });
    expect(account[0]).not.toHaveProperty("password_hash");
    expect(json("posts.json").map((p: { body: string }) => p.body)).toEqual([
      "My own post about sourdough",
    ]);
    // What the author said about their writing goes with it (decision 031).
    expect(json("posts.json")[0]).toMatchObject({ language: "el" });
    expect(json("post-attachments.json")[0]).toMatchObject({ alt_text: "A rye loaf, sliced" });
    expect(json("network-memberships.json")).toHaveLength(1);
    expect(json("sessions.json")[0]).not.toHaveProperty("id");
    expect(files.get(`files/photo/${user.id}.webp`)).toEqual(photo);
    const attachment = [...files.keys()].find((name) => name.startsWith("files/posts/"));
    expect(attachment).toMatch(/-bread\.jpg$/);
    expect(files.get(attachment!)).toEqual(picture);
    // Nothing of the other person's: their post, their comment on mine, their address.
    const everything = [...files.values()].map((b) => b.toString("utf8")).join("\n");
    expect(everything).not.toContain("Somebody else's private musings");
    expect(everything).not.toContain("Another person comments");
    expect(everything).not.toContain(other.user.email);
    expect(everything).not.toContain("$argon2");

    // Another person, and nobody signed in, cannot have it.
    expect((await other.client.get(link)).status).toBe(404);
    const anonymous = await app.client().get(link);
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/signin\?next=/);

    const archive = path.join(app.dataDir, "uploads", "data-exports", user.id, `${done.id}.zip`);
    expect(fs.existsSync(archive)).toBe(true);
    // After its week the link answers 404, and the clean-up removes row and file.
    await rows(
      `update data_exports set expires_at = now() - interval '1 minute' where id = '${done.id}'`,
    );
    expect((await client.get(link)).status).toBe(404);
    expect(await app.server.removeExpiredExports()).toBe(1);
    expect(await exportsOf(user.id)).toEqual([]);
    expect(fs.existsSync(archive)).toBe(false);
  });

  it("shows progress while an archive is made, and refuses a second one meanwhile", async () => {
    const { user, client } = await app.signedIn({ password });
    await rows(`insert into data_exports (user_id, status) values ('${user.id}', 'queued')`);
    let page = await (await client.get("/settings/account")).text();
    expectMessage(page, "privacy.export.queued");
    expect(page).toContain('http-equiv="refresh"');
    expectMessage(page, "privacy.export.checkAgain");
    expect(page).not.toContain('value="export"');

    await rows(
      `update data_exports set status = 'running', progress = 40 where user_id = '${user.id}'`,
    );
    page = await (await client.get("/settings/account")).text();
    expect(page).toContain(escapeHtml("Preparing your download: 40 % done."));

    const again = await client.post("/settings/account", { intent: "export" });
    expect(again.status).toBe(409);
    expectMessage(await again.text(), "privacy.export.alreadyRunning");
    expect(await exportsOf(user.id)).toHaveLength(1);

    // One its job gave up on (an hour old) shows as failed and no longer blocks.
    await rows(
      `update data_exports set created_at = now() - interval '2 hours' where user_id = '${user.id}'`,
    );
    page = await (await client.get("/settings/account")).text();
    expectMessage(page, "privacy.export.failed");
    expect((await client.post("/settings/account", { intent: "export" })).status).toBe(302);
    await app.server.waitForJobs({ names: ["privacy.export"], timeoutMs: 30_000 });
    expect((await exportsOf(user.id)).map((e) => e.status)).toEqual(["failed", "ready"]);
  });
});

describe("delete my account", () => {
  it("refuses a wrong password with 400 and asks for nothing", async () => {
    const { user, client } = await app.signedIn({ password });
    const response = await client.post("/settings/account", {
      intent: "delete-account",
      currentPassword: "not the password at all",
    });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "auth.currentPasswordWrong");
    expect(await rows(`select 1 from account_deletions where user_id = '${user.id}'`)).toEqual([]);
  });

  it("waits out the grace period, ends other sessions, and can be cancelled", async () => {
    const { user, client } = await app.signedIn({ password });
    const elsewhere = app.client();
    await elsewhere.signIn(user.email, password);
    const asked = await client.post("/settings/account", {
      intent: "delete-account",
      currentPassword: password,
    });
    expect(asked.status).toBe(302);
    const [pending] = await rows<{ days: number }>(
      `select round(extract(epoch from due_at - now()) / 86400)::int as days
       from account_deletions where user_id = '${user.id}'`,
    );
    expect(pending.days).toBe(14);
    expect((await elsewhere.get("/settings/account")).status).toBe(302);
    const page = await (await client.get("/settings/account")).text();
    expect(page).toContain(escapeHtml("Your account will be deleted on"));
    expect((await app.lastMailTo(user.email))?.subject).toBe(
      "Your Synergy account will be deleted",
    );

    // Signing in again during the grace period works, and "Keep my account" undoes it.
    const again = app.client();
    await again.signIn(user.email, password);
    const kept = await again.post("/settings/account", { intent: "cancel-deletion" });
    expect(kept.status).toBe(302);
    expect(await rows(`select 1 from account_deletions where user_id = '${user.id}'`)).toEqual([]);
    expect((await app.lastMailTo(user.email))?.subject).toBe(
      "Your Synergy account will not be deleted",
    );
    expect(await app.server.runDueDeletions()).toBe(0);
    expect(await rows(`select 1 from users where id = '${user.id}'`)).toHaveLength(1);
  });

  it("refuses the only facilitator of a network with other members (409)", async () => {
    const { user, client } = await app.signedIn({ password });
    const other = await app.createUser();
    await app.server.createNetwork({
      name: "Bakers of Cork",
      facilitators: [user.id],
      members: [other.id],
    });
    const response = await client.post("/settings/account", {
      intent: "delete-account",
      currentPassword: password,
    });
    expect(response.status).toBe(409);
    expect(await response.text()).toContain(
      escapeHtml(
        "You are the only one who manages Bakers of Cork. Give someone else the role first.",
      ),
    );
  });

  it("after the grace period: no sign-in, name gone, answered posts kept as a former member's, roles handed over; a second run changes nothing", async () => {
    const { user, client } = await app.signedIn({ password, displayName: "Leaving Person" });
    const partner = await app.createUser({ displayName: "Staying Facilitator" });
    const member = await app.createUser({ displayName: "Staying Member" });
    const network = await app.server.createNetwork({
      facilitators: [user.id, partner.id],
      members: [member.id],
    });
    const answered = await app.server.createPostAt({
      networkId: network.id,
      authorId: user.id,
      body: "A question others answered",
    });
    await rows(`insert into comments (post_id, author_id, body, body_html)
      values ('${answered.id}', '${member.id}', 'An answer', '<p>An answer</p>')`);
    const lonely = await app.server.createPostAt({
      networkId: network.id,
      authorId: user.id,
      body: "Nobody answered this",
    });
    expect(
      (
        await client.post("/settings/account", {
          intent: "delete-account",
          currentPassword: password,
        })
      ).status,
    ).toBe(302);
    // During the grace period the other facilitator stepped down: the member takes over.
    await rows(`update network_members set role = 'member' where user_id = '${partner.id}'`);
    await rows(
      `update account_deletions set due_at = now() - interval '1 minute' where user_id = '${user.id}'`,
    );

    expect(await app.server.runDueDeletions()).toBe(1);
    expect(await rows(`select 1 from users where id = '${user.id}'`)).toEqual([]);
    expect(await rows(`select 1 from users where display_name = 'Leaving Person'`)).toEqual([]);
    const [kept] = await rows<{ author_id: string }>(
      `select author_id from posts where id = '${answered.id}'`,
    );
    expect(kept.author_id).toBe(app.server.FORMER_MEMBER_ID);
    expect(await rows(`select 1 from posts where id = '${lonely.id}'`)).toEqual([]);
    const facilitators = await rows<{ user_id: string }>(
      `select user_id from network_members where network_id = '${network.id}' and role = 'facilitator'`,
    );
    expect(facilitators).toHaveLength(1);
    expect([partner.id, member.id]).toContain(facilitators[0].user_id);
    expect((await app.lastMailTo(user.email))?.subject).toBe(
      "Your Synergy account has been deleted",
    );

    const signIn = await app.client().post("/signin", { email: user.email, password });
    expect(signIn.status).toBe(400);
    expect((await client.get("/settings/account")).status).toBe(302);

    // The job run again (a retry, the next day) finds nothing and changes nothing.
    expect(await app.server.runDueDeletions()).toBe(0);
    const [after] = await rows<{ author_id: string }>(
      `select author_id from posts where id = '${answered.id}'`,
    );
    expect(after.author_id).toBe(app.server.FORMER_MEMBER_ID);
  });
});
