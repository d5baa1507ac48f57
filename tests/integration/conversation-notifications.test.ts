/**
 * Conversations tell the notification centre (and through it, email) what concerns a person:
 * a message request once per conversation, and a new message once per unread streak (a lively
 * conversation never becomes a notification, or a mail, per message). Muted groups, blocks and
 * declined requests stay silent.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Row = Record<string, unknown>;
const rows = (text: string) => app.server.queryRows<Row>(app.server.rawSql(text));

let keyCounter = 0;
function newKey(): string {
  keyCounter += 1;
  return `convnote${keyCounter}abcdef`;
}

async function start(client: TestClient, to: string[], body: string): Promise<string> {
  const form = new FormData();
  for (const id of to) form.append("to", id);
  form.append("body", body);
  form.append("submissionKey", newKey());
  const response = await client.post("/conversations/new", form);
  const id = (response.headers.get("location") ?? "").match(
    /\/conversations\/([0-9a-f-]{36})/,
  )?.[1];
  if (response.status !== 302 || !id) throw new Error(`not started: ${response.status}`);
  return id;
}

async function send(client: TestClient, id: string, body: string) {
  const response = await client.post(`/conversations/${id}`, {
    intent: "send",
    body,
    submissionKey: newKey(),
  });
  expect(response.status).toBeLessThan(400);
}

function notificationsOf(userId: string) {
  return rows(
    `select kind, group_key, read_at, data->>'path' as path from notifications
     where recipient_id = '${userId}' and kind like 'message%' order by created_at`,
  );
}

/** The badge figure on the notification link of a page's header. */
async function notificationBadge(client: TestClient): Promise<string> {
  const html = await (await client.get("/people")).text();
  return html.match(/data-testid="notifications-badge">([^<]*)</)?.[1] ?? "";
}

describe("conversation notifications", () => {
  it("a first message from a stranger is one request notification, with one immediate mail", async () => {
    const stranger = await app.signedIn({ displayName: "Stella Stranger" });
    const owner = await app.signedIn({ displayName: "Oskar Owner" });
    const id = await start(stranger.client, [owner.user.id], "Could you teach me bookkeeping?");
    await send(stranger.client, id, "I am in Tampere, by the way.");
    const mine = await notificationsOf(owner.user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      kind: "message.request",
      path: "/conversations?folder=requests",
    });
    expect(await notificationBadge(owner.client)).toBe("1");
    // message.request goes out at once by default: one mail, whatever the request holds.
    await app.server.waitForJobs();
    const mail = await app.lastMailTo(owner.user.email);
    expect(mail?.text ?? "").toContain("Stella Stranger");
    // The stranger is told nothing about their own messages.
    expect(await notificationsOf(stranger.user.id)).toHaveLength(0);
  });

  it("messages between neighbours notify once per unread streak; reading ends the streak", async () => {
    const a = await app.signedIn({ displayName: "Aada Author" });
    const b = await app.signedIn({ displayName: "Benno Reader" });
    await app.server.createNetwork({ members: [a.user.id, b.user.id] });
    const id = await start(a.client, [b.user.id], "Shall we share a stand at the fair?");
    await send(a.client, id, "It is on the 14th.");
    await send(a.client, id, "Let me know!");
    let mine = await notificationsOf(b.user.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ kind: "message", path: `/conversations/${id}`, read_at: null });
    // Reading the conversation reads its notification too.
    expect((await b.client.get(`/conversations/${id}`)).status).toBe(200);
    mine = await notificationsOf(b.user.id);
    expect(mine[0].read_at).not.toBeNull();
    expect(await notificationBadge(b.client)).toBe("");
    // The next message starts a new streak.
    await send(a.client, id, "One more thing: bring your price list.");
    mine = await notificationsOf(b.user.id);
    expect(mine).toHaveLength(2);
    expect(mine[1].read_at).toBeNull();
  });

  it("stays silent for a muted group, for someone who blocked the author, and for the author", async () => {
    const a = await app.signedIn({ displayName: "Alma Group" });
    const b = await app.signedIn({ displayName: "Bea Muted" });
    const c = await app.signedIn({ displayName: "Cai Blocker" });
    await app.server.createNetwork({ members: [a.user.id, b.user.id, c.user.id] });
    const id = await start(a.client, [b.user.id, c.user.id], "Group: who comes to the fair?");
    // Both read it, then Bea mutes the group and Cai blocks Alma.
    await b.client.get(`/conversations/${id}`);
    await c.client.get(`/conversations/${id}`);
    expect((await b.client.post(`/conversations/${id}`, { intent: "mute" })).status).toBe(302);
    const blocked = await c.client.post("/settings/blocked", {
      intent: "block",
      person: a.user.id,
    });
    expect(blocked.status).toBe(302);
    expect(
      await rows(
        `select 1 from user_blocks where blocker_id = '${c.user.id}' and blocked_id = '${a.user.id}'`,
      ),
    ).toHaveLength(1);
    await send(a.client, id, "Anyone?");
    const unreadFor = async (userId: string) =>
      (await notificationsOf(userId)).filter((n) => n.read_at === null);
    expect(await unreadFor(b.user.id)).toHaveLength(0);
    expect(await unreadFor(c.user.id)).toHaveLength(0);
    expect(await notificationsOf(a.user.id)).toHaveLength(0);
  });
});
