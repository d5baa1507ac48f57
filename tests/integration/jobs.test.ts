/**
 * Durable jobs inside the app process: mail goes out through the queue exactly once per key,
 * invitation forms sent twice invite nobody twice, and admins (only) see the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

/** The hidden submission key the members page renders into its invitation form. */
async function inviteFormKey(client: TestClient, networkId: string): Promise<string> {
  const html = await (await client.get(`/networks/${networkId}/members`)).text();
  const key = html.match(/name="submissionKey" value="([^"]+)"/)?.[1];
  if (!key) throw new Error("no submission key in the invitation form");
  return key;
}

async function mailsTo(address: string) {
  return (await app.mailbox()).filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
}

describe("mail as a job", () => {
  it("delivers a mail queued twice with one key once", async () => {
    const to = `once-${Date.now()}@example.org`;
    const key = `test:${to}`;
    await app.server.sendMail({ to, subject: "Only once", text: "Hello" }, { key });
    await app.server.sendMail({ to, subject: "Only once", text: "Hello" }, { key });
    const mails = await mailsTo(to);
    expect(mails.map((m) => m.subject)).toEqual(["Only once"]);
  });

  it("delivers mails without a key one by one, in the order they were sent", async () => {
    const to = `order-${Date.now()}@example.org`;
    for (const n of [1, 2, 3]) {
      await app.server.sendMail({ to, subject: `Mail ${n}`, text: "Hello" });
    }
    expect((await mailsTo(to)).map((m) => m.subject)).toEqual(["Mail 1", "Mail 2", "Mail 3"]);
    expect((await app.lastMailTo(to))?.subject).toBe("Mail 3");
  });
});

describe("invitation forms sent again", () => {
  it("sends each invitation once when the same form is sent twice", async () => {
    const { user: f, client } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({ visibility: "invite", facilitators: [f.id] });
    const stamp = Date.now();
    const emails = [1, 2, 3].map((n) => `twice-${stamp}-${n}@example.org`);
    const submissionKey = await inviteFormKey(client, id);
    const form = { intent: "invite-emails", emails: emails.join(", "), submissionKey };
    const first = await client.post(`/networks/${id}/members`, form);
    expect(first.status).toBe(200);
    // As after an error page: the person sends the very same form again.
    const again = await client.post(`/networks/${id}/members`, form);
    expect(again.status).toBe(200);
    // It answers as the first time did, without inviting anyone again.
    expect(mainOf(await again.text())).toContain("3 invitations were sent.");
    for (const email of emails) expect(await mailsTo(email)).toHaveLength(1);
  });

  it("does not invite again an address whose invitation is still waiting, and says so", async () => {
    const { user: f, client } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({ visibility: "invite", facilitators: [f.id] });
    const stamp = Date.now();
    const waiting = `waiting-${stamp}@example.org`;
    const fresh = `fresh-${stamp}@example.org`;
    expect(
      (
        await client.post(`/networks/${id}/members`, {
          intent: "invite-emails",
          emails: waiting,
          submissionKey: await inviteFormKey(client, id),
        })
      ).status,
    ).toBe(200);
    // A new filling-in of the form (a new key), naming the waiting address in other letter case.
    const second = await client.post(`/networks/${id}/members`, {
      intent: "invite-emails",
      emails: `${waiting.toUpperCase()}, ${fresh}`,
      submissionKey: await inviteFormKey(client, id),
    });
    expect(second.status).toBe(200);
    const main = mainOf(await second.text());
    expect(main).toContain("One invitation was sent.");
    expect(main).toContain(
      escapeHtml("This address already has an invitation waiting, so it was not invited again:"),
    );
    expect(main).toContain(waiting);
    expect(await mailsTo(waiting)).toHaveLength(1);
    expect(await mailsTo(fresh)).toHaveLength(1);
  });
});

describe("the clean-up job", () => {
  it("removes expired sessions, old rate-limit windows and long-expired invitations", async () => {
    const { user, client } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({ facilitators: [user.id] });
    const mark = `cleanup-${Date.now()}`;
    const run = (text: string) => app.server.queryRows(app.server.rawSql(text));
    await run(`insert into sessions (id, user_id, expires_at)
      values ('${mark}-old', '${user.id}', now() - interval '1 hour')`);
    await run(`insert into rate_limits (key, window_start, hits)
      values ('${mark}-old', now() - interval '3 days', 1), ('${mark}-new', now(), 1)`);
    await run(`insert into network_invitations (network_id, kind, email, token_hash, expires_at)
      values ('${id}', 'email', 'old@example.org', '${mark}-old', now() - interval '31 days'),
             ('${id}', 'email', 'new@example.org', '${mark}-new', now() + interval '1 day')`);
    await app.server.enqueue("maintenance.cleanup", {});
    await app.server.waitForJobs({ names: ["maintenance.cleanup"], timeoutMs: 15_000 });
    const left =
      await run(`select 'session' as kind, id as key from sessions where id like '${mark}%'
      union all select 'limit', key from rate_limits where key like '${mark}%'
      union all select 'invitation', token_hash from network_invitations
        where token_hash like '${mark}%' order by 1, 2`);
    expect(left).toEqual([
      { kind: "invitation", key: `${mark}-new` },
      { kind: "limit", key: `${mark}-new` },
    ]);
    // The signed-in person's own (live) session is untouched.
    expect((await client.get("/settings/account")).status).toBe(200);
  });
});

describe("password reset form sent again", () => {
  it("mails one reset link when the same form is sent twice", async () => {
    const user = await app.createUser({ password });
    const client = app.client();
    const html = await (await client.get("/forgot-password")).text();
    const submissionKey = html.match(/name="submissionKey" value="([^"]+)"/)?.[1];
    expect(submissionKey).toBeTruthy();
    for (let i = 0; i < 2; i++) {
      const response = await client.post("/forgot-password", {
        email: user.email,
        submissionKey: submissionKey!,
      });
      expect(response.status).toBe(200);
    }
    expect(await mailsTo(user.email)).toHaveLength(1);
    // The link that went out works.
    const link = app.linkIn(await app.lastMailTo(user.email), "/reset-password");
    expect((await client.get(link)).status).toBe(200);
  });
});

describe("the admin's queue page", () => {
  it("is for admins only", async () => {
    expect((await app.client().get("/admin/jobs")).status).toBe(302);
    const { client: member } = await app.signedIn({ password });
    expect((await member.get("/admin/jobs")).status).toBe(403);
    const { client: admin } = await app.signedIn({ password, isAdmin: true });
    const page = await admin.get("/admin/jobs");
    expect(page.status).toBe(200);
    expectMessage(await page.text(), "adminJobs.title");
    // Reachable from the other admin pages.
    expect(await (await admin.get("/admin/users")).text()).toContain('href="/admin/jobs"');
  });

  it("counts jobs per name and shows failures with the address masked", async () => {
    const { client: admin } = await app.signedIn({ password, isAdmin: true });
    const to = `jane.doe-${Date.now()}@example.org`;
    // One mail delivered, one that failed for good (made so directly: eight real retries with
    // back-off would take minutes).
    await app.server.sendMail({ to, subject: "Secret subject", text: "Secret body" });
    await app.mailbox();
    const failedId = await app.server.enqueue(
      "mail.send",
      { to, subject: "Secret subject", text: "Secret body", queuedAt: "1-1" },
      { startAfterSeconds: 3600 },
    );
    await app.server.queryRows(
      app.server.rawSql(`update pgboss.job set state = 'failed', completed_on = now(),
        output = '{"message": "550 mailbox unavailable: ${to}"}'
        where id = '${failedId}'`),
    );
    const html = mainOf(await (await admin.get("/admin/jobs")).text());
    const mailRow = html.match(/<tr data-job="mail.send">([\s\S]*?)<\/tr>/)?.[1] ?? "";
    const cells = [...mailRow.matchAll(/<td>(\d+)<\/td>/g)].map((m) => Number(m[1]));
    // waiting, running, retrying, failed, completed
    expect(cells).toHaveLength(5);
    expect(cells[3]).toBeGreaterThanOrEqual(1);
    expect(cells[4]).toBeGreaterThanOrEqual(1);
    expect(html).toContain(`data-failed-job="${failedId}"`);
    expect(html).toContain("550 mailbox unavailable: j***@e***.org");
    expect(html).toContain("to j***@e***.org");
    expect(html).not.toContain(to);
    expect(html).not.toContain("Secret");
  });
});
