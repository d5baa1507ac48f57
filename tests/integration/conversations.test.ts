/**
 * Conversations (issue 8, item 1): direct and group conversations, messages with Markdown,
 * mentions and attachments, read state and unread counts, live delivery, requests, blocks,
 * muting and leaving, rate limits, and privacy: messages are for the participants only, in
 * every page, stream and attachment URL.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";
import { makePng } from "../setup/images";
import { openStream } from "../setup/streams";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ UPLOAD_LIMIT_BYTES: "300000" });
});
afterAll(async () => {
  await app?.close();
});

const DAY = 86_400_000;
const longAgo = () => new Date(Date.now() - 60 * DAY);

async function rows(sqlText: string) {
  return app.server.queryRows<Record<string, unknown>>(app.server.rawSql(sqlText));
}

async function count(sqlText: string): Promise<number> {
  const [row] = await rows(sqlText);
  return Number(Object.values(row)[0]);
}

let keyCounter = 0;
const newKey = () => `key${Date.now().toString(36)}x${++keyCounter}`;

/** Two (or more) people who share a network, so conversations go straight to the inbox. */
async function neighbours(names: string[] = ["Aino Alpha", "Bruno Beta"]) {
  const people = [];
  for (const displayName of names) people.push(await app.signedIn({ displayName }));
  await app.server.createNetwork({ members: people.map((p) => p.user.id) });
  return people;
}

async function start(
  client: TestClient,
  to: string[],
  body: string,
  extra: Record<string, string | Blob> = {},
): Promise<Response> {
  const form = new FormData();
  for (const id of to) form.append("to", id);
  form.append("body", body);
  form.append("submissionKey", extra.submissionKey ?? newKey());
  for (const [k, v] of Object.entries(extra)) if (k !== "submissionKey") form.append(k, v);
  return client.post("/conversations/new", form);
}

function conversationIdOf(response: Response): string {
  const location = response.headers.get("location") ?? "";
  const id = location.match(/^\/conversations\/([0-9a-f-]{36})/)?.[1];
  if (!id) throw new Error(`no conversation in ${response.status} ${location}`);
  return id;
}

async function startOk(client: TestClient, to: string[], body: string, extra = {}) {
  const response = await start(client, to, body, extra);
  expect(response.status).toBe(302);
  return conversationIdOf(response);
}

async function send(client: TestClient, id: string, body: string, key = newKey()) {
  return client.post(`/conversations/${id}`, { intent: "send", body, submissionKey: key });
}

async function unreadInHeader(client: TestClient): Promise<number> {
  const html = await (await client.get("/people")).text();
  return Number(html.match(/data-unread-messages="(\d+)"/)?.[1] ?? 0);
}

describe("direct conversations", () => {
  it("are one per pair: starting again writes in the one they already have", async () => {
    const [a, b] = await neighbours();
    const first = await startOk(a.client, [b.user.id], "Hello Bruno");
    const again = await startOk(a.client, [b.user.id], "Me again");
    expect(again).toBe(first);
    // From the other side too.
    expect(await startOk(b.client, [a.user.id], "Hi Aino")).toBe(first);
    expect(
      await count(`select count(*) from conversations where direct_key like '%${a.user.id}%'`),
    ).toBe(1);
    expect(await count(`select count(*) from messages where conversation_id = '${first}'`)).toBe(3);
    // The composer for someone I already talk with opens that conversation.
    const composer = await a.client.get(`/conversations/new?to=${b.user.id}`);
    expect(composer.status).toBe(302);
    expect(composer.headers.get("location")).toBe(`/conversations/${first}`);
  });

  it("start from a profile and a member list; the home match drafts a first message that is not sent", async () => {
    const learner = await app.signedIn({ displayName: "Lea Learner", wanted: ["pricing"] });
    const teacher = await app.signedIn({ displayName: "Sanna Laine", offered: ["pricing"] });
    const { id: networkId } = await app.server.createNetwork({
      members: [learner.user.id, teacher.user.id],
    });
    const profile = await (await learner.client.get(`/people/${teacher.user.id}`)).text();
    expect(profile).toContain(`href="/conversations/new?to=${teacher.user.id}"`);
    const members = await (await learner.client.get(`/networks/${networkId}/members`)).text();
    expect(members).toContain(`href="/conversations/new?to=${teacher.user.id}"`);
    const home = await (await learner.client.get("/")).text();
    const ask = home.match(/href="(\/conversations\/new\?to=[^"]+)"/)?.[1];
    expect(ask).toBeDefined();
    expect(home).toContain("Ask Sanna for help");
    const composer = await learner.client.get(ask!.replaceAll("&amp;", "&"));
    expect(composer.status).toBe(200);
    const html = await composer.text();
    expect(html).toContain("Hello Sanna, I would like to learn about");
    expect(html).toContain("Pricing");
    // Drafted, not sent: nothing exists until the learner sends it.
    expect(
      await count(
        `select count(*) from conversation_participants where user_id = '${teacher.user.id}'`,
      ),
    ).toBe(0);
  });

  it("refuses yourself, unknown people and unconfirmed senders", async () => {
    const [a] = await neighbours();
    const self = await start(a.client, [a.user.id], "Note to self");
    expect(self.status).toBe(409);
    expectMessage(await self.text(), "conversations.notYourself");
    const nobody = await start(a.client, ["00000000-0000-4000-8000-00000000abcd"], "Anyone?");
    expect(nobody.status).toBe(404);
    const unverified = await app.signedIn({ verified: false });
    const refused = await start(unverified.client, [a.user.id], "Hi");
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "auth.verifyFirst");
  });
});

describe("messages", () => {
  it("render Markdown and mention participants only; empty and oversized are refused, translated", async () => {
    const [a, b] = await neighbours(["Aino Alpha", "Sanna Laine"]);
    const outsider = await app.signedIn({ displayName: "Otto Outsider" });
    const id = await startOk(
      a.client,
      [b.user.id],
      "**Welcome** @sanna.laine, ask @otto.outsider too",
    );
    const page = await (await b.client.get(`/conversations/${id}`)).text();
    expect(page).toContain("<strong>Welcome</strong>");
    expect(page).toContain(`href="/people/${b.user.id}">@Sanna Laine</a>`);
    expect(page).not.toContain(`href="/people/${outsider.user.id}"`);
    const empty = await send(a.client, id, "   ");
    expect(empty.status).toBe(400);
    expectMessage(await empty.text(), "conversations.empty");
    const long = await send(a.client, id, "x".repeat(5001));
    expect(long.status).toBe(400);
    expectMessage(await long.text(), "conversations.tooLong");
    // In German for a German reader.
    const de = await app.signedIn({ locale: "de" });
    await app.server.createNetwork({ members: [de.user.id, a.user.id] });
    const deId = await startOk(de.client, [a.user.id], "Hallo");
    const deEmpty = await send(de.client, deId, "");
    expect(deEmpty.status).toBe(400);
    expectMessage(await deEmpty.text(), "conversations.empty", "de");
    expect(await count(`select count(*) from messages where conversation_id = '${id}'`)).toBe(1);
  });

  it("are created once per submission key (a resent form adds nothing)", async () => {
    const [a, b] = await neighbours();
    const key = newKey();
    const id = await startOk(a.client, [b.user.id], "First", { submissionKey: key });
    expect(await startOk(a.client, [b.user.id], "First", { submissionKey: key })).toBe(id);
    const replyKey = newKey();
    const [one, two] = await Promise.all([
      send(b.client, id, "Reply", replyKey),
      send(b.client, id, "Reply", replyKey),
    ]);
    expect(one.status).toBe(302);
    expect(two.status).toBe(302);
    expect(await count(`select count(*) from messages where conversation_id = '${id}'`)).toBe(2);
    // The resend did not count as unread twice either.
    expect(await unreadInHeader(a.client)).toBe(1);
  });

  it("carry attachments that only active participants can fetch; an oversized file is a translated 413", async () => {
    const [a, b, c] = await neighbours(["Aino Alpha", "Bruno Beta", "Carla Gamma"]);
    const png = new File([await (await makePng()).arrayBuffer()], "plan.png", {
      type: "image/png",
    });
    const id = await startOk(a.client, [b.user.id, c.user.id], "The plan", { files: png });
    const page = await (await b.client.get(`/conversations/${id}`)).text();
    const href = page.match(/href="(\/conversations\/[^"]+\/attachments\/[^"]+)"/)?.[1];
    expect(href).toBeDefined();
    expect((await b.client.get(href!)).status).toBe(200);
    const admin = await app.signedIn({ isAdmin: true });
    const other = await app.signedIn();
    // A facilitator of a network all three are in is no participant either.
    const facilitator = await app.signedIn();
    await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [a.user.id, b.user.id, c.user.id],
    });
    for (const client of [app.client(), admin.client, other.client, facilitator.client]) {
      expect((await client.get(href!)).status).toBe(404);
      expect((await client.get(`/conversations/${id}/live`)).status).toBe(404);
    }
    // A participant who left no longer gets the files either.
    expect(
      (await c.client.post(`/conversations/${id}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(302);
    expect((await c.client.get(href!)).status).toBe(404);
    const big = new File([new Uint8Array(300_001)], "big.txt", { type: "text/plain" });
    const tooBig = await a.client.post(
      `/conversations/${id}`,
      (() => {
        const f = new FormData();
        f.append("intent", "send");
        f.append("body", "Too big");
        f.append("files", big);
        return f;
      })(),
    );
    // Over the upload limit the whole request is refused at the door, translated.
    expect(tooBig.status).toBe(413);
    expectMessage(await tooBig.text(), "errors.tooLarge");
  });

  it("page latest first with an 'older messages' link that works without JavaScript", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Message 0");
    // 64 more, one second apart, written straight into the table.
    await rows(`insert into messages (conversation_id, author_id, body, body_html, created_at)
      select '${id}', '${a.user.id}', 'Message ' || n, '<p>Message ' || n || '</p>',
             now() + make_interval(secs => n)
      from generate_series(1, 64) n`);
    const latest = await (await b.client.get(`/conversations/${id}`)).text();
    expect(latest).toContain("<p>Message 64</p>");
    expect(latest).toContain("<p>Message 35</p>");
    expect(latest).not.toContain("<p>Message 34</p>");
    // Oldest first on the page: 35 comes before 64.
    expect(latest.indexOf("Message 35")).toBeLessThan(latest.indexOf("Message 64"));
    const older = latest.match(/<a href="(\?before=[^"]+)" rel="prev"/)?.[1];
    expect(older).toBeDefined();
    const second = await (await b.client.get(`/conversations/${id}${older}`)).text();
    expect(second).toContain("<p>Message 34</p>");
    expect(second).toContain("<p>Message 5</p>");
    expect(second).not.toContain("<p>Message 35</p>");
    const oldest = second.match(/<a href="(\?before=[^"]+)" rel="prev"/)?.[1];
    const third = await (await b.client.get(`/conversations/${id}${oldest}`)).text();
    expect(third).toContain("<p>Message 0</p>");
    expect(third).not.toMatch(/rel="prev"/);
  });
});

describe("read state and unread counts", () => {
  it("count per conversation and in the header; reading clears them; a muted group counts nothing", async () => {
    const [a, b, c] = await neighbours(["Aino Alpha", "Bruno Beta", "Carla Gamma"]);
    const direct = await startOk(a.client, [b.user.id], "One");
    await send(a.client, direct, "Two");
    const group = await startOk(c.client, [a.user.id, b.user.id], "Group hello", {
      title: "Market stall",
    });
    expect(await unreadInHeader(b.client)).toBe(3);
    expect(await unreadInHeader(a.client)).toBe(1);
    const list = await (await b.client.get("/conversations")).text();
    expect(list).toContain("2 unread");
    expect(list).toContain("Market stall");
    // The sender's own messages are read.
    expect(await unreadInHeader(c.client)).toBe(0);
    await b.client.get(`/conversations/${direct}`);
    expect(await unreadInHeader(b.client)).toBe(1);
    expect((await b.client.post(`/conversations/${group}`, { intent: "mute" })).status).toBe(302);
    expect(await unreadInHeader(b.client)).toBe(0);
    await send(c.client, group, "More");
    expect(await unreadInHeader(b.client)).toBe(0);
    expect(await unreadInHeader(a.client)).toBe(2);
    // Reading an older page does not mark the conversation read.
    const [row] = await rows(
      `select last_read_message_id from conversation_participants where conversation_id = '${group}' and user_id = '${a.user.id}'`,
    );
    expect(row.last_read_message_id).toBeNull();
    await a.client.get(`/conversations/${group}`);
    expect(await unreadInHeader(a.client)).toBe(0);
    // Muting a direct conversation is not a thing: block instead.
    const mute = await a.client.post(`/conversations/${direct}`, { intent: "mute" });
    expect(mute.status).toBe(409);
  });
});

describe("live delivery", () => {
  it("tells each recipient's person stream their new unread total, after commit", async () => {
    const [a, b] = await neighbours();
    const events: Array<{ type: string; data?: Record<string, unknown> }> = [];
    const stop = await app.server.subscribe(`user:${b.user.id}`, (event) => events.push(event));
    const unreadEvents = () => events.filter((e) => e.type === "conversations.unread");
    const until = async (check: () => boolean) => {
      for (let i = 0; i < 250 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
      return check();
    };
    try {
      const id = await startOk(a.client, [b.user.id], "One");
      expect(await until(() => unreadEvents().length === 1)).toBe(true);
      expect(unreadEvents()[0].data).toEqual({ count: 1 });
      await send(a.client, id, "Two");
      expect(await until(() => unreadEvents().length === 2)).toBe(true);
      expect(unreadEvents()[1].data).toEqual({ count: 2 });
      await b.client.get(`/conversations/${id}`);
      expect(await until(() => unreadEvents().length === 3)).toBe(true);
      expect(unreadEvents()[2].data).toEqual({ count: 0 });
    } finally {
      stop();
    }
  });

  it("new messages reach the other participants' streams; outsiders get 404", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Are you there?");
    const stream = await openStream(
      new URL(`/conversations/${id}/live`, app.url),
      b.client.cookieHeaderForTests(),
    );
    const sent = await send(a.client, id, "Live now");
    const messageId = sent.headers.get("location")?.match(/posted=([0-9a-f-]{36})/)?.[1];
    expect(messageId).toBeDefined();
    expect(await stream.waitFor(`"messageId":"${messageId}"`)).toBe(true);
    await stream.close();
    const outsider = await app.signedIn();
    expect(
      (
        await fetch(new URL(`/conversations/${id}/live`, app.url), {
          headers: { cookie: outsider.client.cookieHeaderForTests() },
        })
      ).status,
    ).toBe(404);
    expect((await fetch(new URL(`/conversations/${id}/live`, app.url))).status).toBe(404);
  });

  it("a participant's stream ends when they leave the group", async () => {
    const [a, b, c] = await neighbours(["Aino Alpha", "Bruno Beta", "Carla Gamma"]);
    const id = await startOk(a.client, [b.user.id, c.user.id], "Group");
    const stream = await openStream(
      new URL(`/conversations/${id}/live`, app.url),
      c.client.cookieHeaderForTests(),
    );
    expect(
      (await c.client.post(`/conversations/${id}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(302);
    expect(await stream.waitForEnd()).toBe(true);
    expect(stream.received).toContain("event: access-ended");
  });
});

describe("requests", () => {
  it("a first message from someone who shares no network waits in Requests; accept moves it to the inbox", async () => {
    const sender = await app.signedIn({ displayName: "Stella Stranger" });
    const me = await app.signedIn({ displayName: "Mia Me" });
    const id = await startOk(sender.client, [me.user.id], "Can we talk?");
    const inbox = await (await me.client.get("/conversations")).text();
    expect(inbox).not.toContain(`/conversations/${id}`);
    const requests = await (await me.client.get("/conversations?folder=requests")).text();
    expect(requests).toContain(`/conversations/${id}`);
    expect(await unreadInHeader(me.client)).toBe(0);
    const page = await (await me.client.get(`/conversations/${id}`)).text();
    expectMessage(page, "conversations.requestExplained");
    expect((await me.client.post(`/conversations/${id}`, { intent: "accept" })).status).toBe(302);
    expect(await (await me.client.get("/conversations")).text()).toContain(`/conversations/${id}`);
    // Accepting twice is not a request any more.
    expect((await me.client.post(`/conversations/${id}`, { intent: "accept" })).status).toBe(409);
  });

  it("declined: hidden, and the sender cannot send more (translated 403), not even by starting again", async () => {
    const sender = await app.signedIn();
    const me = await app.signedIn();
    const id = await startOk(sender.client, [me.user.id], "Buy my course");
    // The sender cannot decide for the recipient.
    expect((await sender.client.post(`/conversations/${id}`, { intent: "decline" })).status).toBe(
      409,
    );
    expect((await me.client.post(`/conversations/${id}`, { intent: "decline" })).status).toBe(302);
    expect(await (await me.client.get("/conversations?folder=requests")).text()).not.toContain(
      `/conversations/${id}`,
    );
    const more = await send(sender.client, id, "Still there?");
    expect(more.status).toBe(403);
    expectMessage(await more.text(), "conversations.declinedByOther");
    const again = await start(sender.client, [me.user.id], "New try");
    expect(again.status).toBe(403);
    expect(await count(`select count(*) from messages where conversation_id = '${id}'`)).toBe(1);
  });

  it("people who share a network go straight to the inbox", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Hello neighbour");
    expect(await (await b.client.get("/conversations")).text()).toContain(`/conversations/${id}`);
    expect(await unreadInHeader(b.client)).toBe(1);
  });
});

describe("blocking", () => {
  it("stops their messages (translated 403), hides the conversation, and is undone in settings", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Hello");
    const blocked = await b.client.post("/settings/blocked", {
      intent: "block",
      person: a.user.id,
    });
    expect(blocked.status).toBe(302);
    expect(await unreadInHeader(b.client)).toBe(0);
    expect(await (await b.client.get("/conversations")).text()).not.toContain(
      `/conversations/${id}`,
    );
    const refused = await send(a.client, id, "Why?");
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "conversations.blocked");
    const restart = await start(a.client, [b.user.id], "Hello again");
    expect(restart.status).toBe(403);
    // Nor into a new group with them.
    const c = await app.signedIn();
    const group = await start(a.client, [b.user.id, c.user.id], "Group with you");
    expect(group.status).toBe(403);
    // B cannot write to A either while blocking (told to unblock first).
    const own = await send(b.client, id, "Hmm");
    expect(own.status).toBe(403);
    expectMessage(await own.text(), "conversations.youBlocked");
    const settings = await (await b.client.get("/settings/blocked")).text();
    expect(settings).toContain(`/people/${a.user.id}`);
    expect(
      (await b.client.post("/settings/blocked", { intent: "unblock", person: a.user.id })).status,
    ).toBe(302);
    expect((await send(a.client, id, "Friends again?")).status).toBe(302);
    expect(await (await b.client.get("/conversations")).text()).toContain(`/conversations/${id}`);
  });

  it("from the conversation, and a blocked person's group messages do not reach the blocker", async () => {
    const [a, b, c] = await neighbours(["Aino Alpha", "Bruno Beta", "Carla Gamma"]);
    const direct = await startOk(a.client, [b.user.id], "Hi");
    expect((await b.client.post(`/conversations/${direct}`, { intent: "block" })).status).toBe(302);
    const group = await startOk(c.client, [a.user.id, b.user.id], "Group");
    await b.client.get(`/conversations/${group}`);
    await send(a.client, group, "Secret words from A");
    expect(await unreadInHeader(b.client)).toBe(0);
    const page = await (await b.client.get(`/conversations/${group}`)).text();
    expect(page).not.toContain("Secret words from A");
    expect(await (await c.client.get(`/conversations/${group}`)).text()).toContain(
      "Secret words from A",
    );
  });
});

describe("groups", () => {
  it("take up to 20 people including me; the title is optional", async () => {
    const me = await app.signedIn({ createdAt: longAgo() });
    const others = [];
    for (let i = 0; i < 20; i++) others.push(await app.server.createUser());
    const tooMany = await start(
      me.client,
      others.map((o) => o.id),
      "Everyone",
    );
    expect(tooMany.status).toBe(409);
    expectMessage(await tooMany.text(), "conversations.tooManyPeople");
    const id = await startOk(
      me.client,
      others.slice(0, 19).map((o) => o.id),
      "Nineteen of you",
    );
    expect(
      await count(`select count(*) from conversation_participants where conversation_id = '${id}'`),
    ).toBe(20);
    const [row] = await rows(`select kind, title from conversations where id = '${id}'`);
    expect(row).toEqual({ kind: "group", title: "" });
  });

  it("leaving: no reading (404), no sending (translated 403), and a replayed form does not bring me back", async () => {
    const [a, b, c] = await neighbours(["Aino Alpha", "Bruno Beta", "Carla Gamma"]);
    const key = newKey();
    const id = await startOk(c.client, [a.user.id, b.user.id], "Group", { submissionKey: key });
    expect(
      (await c.client.post(`/conversations/${id}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(302);
    expect((await c.client.get(`/conversations/${id}`)).status).toBe(404);
    const refused = await send(c.client, id, "Back?");
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "conversations.youLeft");
    // The creator's start form sent again finds the conversation; nobody is re-added.
    expect(await startOk(c.client, [a.user.id, b.user.id], "Group", { submissionKey: key })).toBe(
      id,
    );
    const [row] = await rows(
      `select status from conversation_participants where conversation_id = '${id}' and user_id = '${c.user.id}'`,
    );
    expect(row.status).toBe("left");
    // New messages are not for the one who left.
    await send(a.client, id, "After you left");
    expect(await unreadInHeader(c.client)).toBe(0);
    expect(await (await c.client.get("/conversations")).text()).not.toContain(
      `/conversations/${id}`,
    );
    // Leaving a direct conversation is not possible (block instead).
    const direct = await startOk(a.client, [b.user.id], "Hi");
    expect(
      (await a.client.post(`/conversations/${direct}`, { intent: "leave", confirmed: "yes" }))
        .status,
    ).toBe(409);
  });
});

describe("rate limits", () => {
  it("new accounts start fewer conversations a day than established ones (translated 429)", async () => {
    const fresh = await app.signedIn();
    const established = await app.signedIn({ createdAt: longAgo() });
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await app.server.createUser());
    for (let i = 0; i < 5; i++) await startOk(fresh.client, [people[i].id], `Hello ${i}`);
    const sixth = await start(fresh.client, [people[5].id], "Hello 5");
    expect(sixth.status).toBe(429);
    expect(sixth.headers.get("retry-after")).toBeTruthy();
    expectMessage(await sixth.text(), "conversations.tooManyNew");
    // Writing in a conversation that exists is not a first message.
    const existing = await start(fresh.client, [people[0].id], "Follow-up");
    expect(existing.status).toBe(302);
    for (let i = 0; i < 7; i++) await startOk(established.client, [people[i].id], `Hi ${i}`);
  });
});

describe("privacy", () => {
  it("a conversation is 404 for everyone but its active participants, and a signed-out visitor learns nothing", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Private words");
    const admin = await app.signedIn({ isAdmin: true });
    const other = await app.signedIn();
    for (const client of [admin.client, other.client]) {
      const page = await client.get(`/conversations/${id}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain("Private words");
      const post = await send(client, id, "Let me in");
      expect(post.status).toBe(404);
      expect((await client.get(`/conversations/${id}/live`)).status).toBe(404);
    }
    // Signed out: the same answer for a real conversation and a made-up one (sign in first).
    const anonymous = app.client();
    const real = await anonymous.get(`/conversations/${id}`);
    const madeUp = await anonymous.get("/conversations/00000000-0000-4000-8000-000000000001");
    expect(real.status).toBe(302);
    expect(real.headers.get("location")).toMatch(/^\/signin\?next=/);
    expect(madeUp.status).toBe(real.status);
    expect((await anonymous.get(`/conversations/${id}/live`)).status).toBe(404);
    expect(await count(`select count(*) from messages where conversation_id = '${id}'`)).toBe(1);
  });

  it("deleting a person keeps their messages in the others' conversations, from the former member", async () => {
    const [a, b] = await neighbours();
    const id = await startOk(a.client, [b.user.id], "Before I go");
    await app.server.deletePerson({ userId: a.user.id });
    const page = await (await b.client.get(`/conversations/${id}`)).text();
    expect(page).toContain("Before I go");
    expect(page).toContain("Former member");
  });
});

describe("demo seed", () => {
  it("gives demo people a living inbox: their languages, unread messages, a group and a request", async () => {
    await app.server.seedDemo();
    const declan = app.client();
    await declan.signIn("declan.murphy@demo.synergy.test", "synergy-demo-2026");
    expect(await unreadInHeader(declan)).toBeGreaterThan(0);
    const inbox = await (await declan.get("/conversations")).text();
    expect(inbox).toContain("Late payments across borders");
    expect(inbox).toContain("Aoife Byrne");
    const requests = await (await declan.get("/conversations?folder=requests")).text();
    expect(requests).toContain("Requests (1)");
    expect(requests).toContain("I saw your talk on invoicing");
    const sanna = app.client();
    await sanna.signIn("sanna.laine@demo.synergy.test", "synergy-demo-2026");
    const list = await (await sanna.get("/conversations")).text();
    const id = list.match(/href="\/conversations\/([0-9a-f-]{36})"/)?.[1];
    const page = await (await sanna.get(`/conversations/${id}`)).text();
    expect(page).toContain("Voisitko katsoa");
    expect(await unreadInHeader(sanna)).toBe(0);
  });
});
