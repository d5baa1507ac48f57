/**
 * The notification centre (issue 8, item 2): every kind written where it happens, grouped lines,
 * open and mark read, keyset pages, the person's live stream, and the rules that keep a
 * notification its recipient's alone. Fan-out (item 4) through the durable job: replayed and
 * stopped midway, it notifies nobody twice and forgets no one.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";
import { openStream } from "../setup/streams";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: "false" });
  // The demo first: seeding takes long enough for idle keep-alive connections of earlier tests
  // to be closed under the client (ECONNRESET). Its people and networks touch no other test.
  await app.server.seedDemo();
}, 180_000);
afterAll(async () => {
  await app?.close();
});

let counter = 0;
function key() {
  counter += 1;
  return `notifykey${Date.now().toString(36)}${counter}`;
}

async function rows(sqlText: string) {
  return app.server.queryRows<Record<string, unknown>>(app.server.rawSql(sqlText));
}

async function notificationsOf(userId: string, kind?: string) {
  return rows(
    `select id::text, kind, group_key, source_key, actor_id::text, read_at, data
     from notifications where recipient_id = '${userId}'
     ${kind ? `and kind = '${kind}'` : ""} order by created_at, id`,
  );
}

async function settle() {
  await app.server.waitForJobs({ names: ["notifications.fanout"], timeoutMs: 15_000 });
}

type Line = { id: string; kind: string; unread: boolean; text: string };

/** The lines of a centre page, as text. */
async function centre(client: TestClient, query = ""): Promise<{ lines: Line[]; html: string }> {
  const response = await client.get(`/notifications${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  const lines: Line[] = [];
  for (const match of html.matchAll(
    /<li class="notification( unread)?" data-kind="([^"]+)"><a href="\/notifications\/([0-9a-f-]{36})\/open">([\s\S]*?)<\/a>/g,
  )) {
    const text = match[4]
      .replace(/<span class="sr-only">[\s\S]*?<\/span>/, "")
      .replace(/<!-- -->/g, "")
      .replace(/<[^>]+>/g, "")
      .replace(/&amp;/g, "&")
      .trim();
    lines.push({ id: match[3], kind: match[2], unread: Boolean(match[1]), text });
  }
  return { lines, html };
}

function badge(html: string): string | null {
  return html.match(/data-testid="notifications-badge">([^<]*)</)?.[1] ?? null;
}

async function post(client: TestClient, networkId: string, body: string, submissionKey = key()) {
  const response = await client.post(`/networks/${networkId}`, {
    intent: "post",
    body,
    submissionKey,
  });
  expect(response.status).toBe(302);
  return response.headers.get("location")!.match(/posted=([0-9a-f-]{36})/)![1];
}

async function comment(
  client: TestClient,
  networkId: string,
  postId: string,
  body: string,
  extra: Record<string, string> = {},
) {
  const response = await client.post(`/networks/${networkId}`, {
    intent: "comment",
    postId,
    body,
    submissionKey: key(),
    ...extra,
  });
  expect([200, 302, 303]).toContain(response.status);
  return response;
}

async function people(...names: string[]) {
  return Promise.all(names.map((displayName) => app.signedIn({ displayName })));
}

describe("mentions", () => {
  it("reach the people a post mentions through the fan-out job, once, never the author", async () => {
    const [anna, bert, carla] = await people("Anna Author", "Bert Brown", "Carla Conti");
    const { id } = await app.server.createNetwork({
      facilitators: [anna.user.id],
      members: [bert.user.id, carla.user.id],
    });
    const submissionKey = key();
    const postId = await post(
      anna.client,
      id,
      "Ask @bert.brown and @carla.conti about invoices, says @anna.author",
      submissionKey,
    );
    // The same form sent again makes no second post and no second notification.
    await post(anna.client, id, "Ask @bert.brown and @carla.conti about invoices", submissionKey);
    await settle();
    for (const person of [bert, carla]) {
      const mine = await notificationsOf(person.user.id, "mention");
      expect(mine).toHaveLength(1);
      expect(mine[0].group_key).toBe(`post:${postId}`);
      expect(mine[0].actor_id).toBe(anna.user.id);
    }
    expect(await notificationsOf(anna.user.id)).toHaveLength(0);
    const { lines, html } = await centre(bert.client);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ kind: "mention", unread: true });
    expect(lines[0].text).toBe(
      "Anna Author mentioned you in “Ask @bert.brown and @carla.conti about invoices, says @anna.author”",
    );
    expect(badge(html)).toBe("1");
  });

  it("after an edit reach only the people newly mentioned", async () => {
    const [anna, bert, dora] = await people("Anna Editor", "Bert Again", "Dora Later");
    const { id } = await app.server.createNetwork({
      facilitators: [anna.user.id],
      members: [bert.user.id, dora.user.id],
    });
    const postId = await post(anna.client, id, "Hello @bert.again");
    await settle();
    const edited = await anna.client.post(`/networks/${id}/posts/${postId}`, {
      intent: "edit",
      body: "Hello @bert.again and @dora.later",
    });
    expect(edited.status).toBe(302);
    await settle();
    expect(await notificationsOf(bert.user.id, "mention")).toHaveLength(1);
    expect(await notificationsOf(dora.user.id, "mention")).toHaveLength(1);
  });

  it("in forum topics and replies reach the mentioned; a reply reaches the topic's author", async () => {
    const [tina, rob, mia] = await people("Tina Topic", "Rob Replier", "Mia Mentioned");
    const { id } = await app.server.createNetwork({
      facilitators: [tina.user.id],
      members: [rob.user.id, mia.user.id],
    });
    const started = await tina.client.post(`/networks/${id}/topics`, {
      intent: "create-topic",
      title: "Pricing cakes",
      body: "What do you think, @mia.mentioned?",
      submissionKey: key(),
    });
    expect(started.status).toBe(302);
    const topicId = started.headers.get("location")!.match(/topics\/([0-9a-f-]{36})/)![1];
    const replied = await rob.client.post(`/networks/${id}/topics/${topicId}`, {
      intent: "reply",
      body: "By the hour. @mia.mentioned agrees, @tina.topic?",
      submissionKey: key(),
    });
    expect(replied.status).toBe(302);
    await settle();
    const toTina = await notificationsOf(tina.user.id);
    // Tina hears of the reply once (as its topic's author), not a second time as mentioned.
    expect(toTina.map((r) => r.kind)).toEqual(["reply"]);
    expect(toTina[0].group_key).toBe(`topic:${topicId}`);
    const toMia = await notificationsOf(mia.user.id, "mention");
    expect(toMia).toHaveLength(2);
    const { lines } = await centre(mia.client);
    // Both mentions are in one topic: one line, the newest actor named.
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe("Rob Replier and 1 other mentioned you in “Pricing cakes”");
    const { lines: tinaLines } = await centre(tina.client);
    expect(tinaLines[0].text).toBe("Rob Replier replied to “Pricing cakes”");
  });
});

describe("comments, replies and reactions", () => {
  it("group per post on the author's page, newest first, and count who is new", async () => {
    const [paula, maria, jon, kim] = await people(
      "Paula Poster",
      "Maria Rossi",
      "Jon Smith",
      "Kim Lee",
    );
    const { id } = await app.server.createNetwork({
      facilitators: [paula.user.id],
      members: [maria.user.id, jon.user.id, kim.user.id],
    });
    const postId = await post(paula.client, id, "**Cash flow** in winter: how do you plan?");
    await comment(jon.client, id, postId, "Month by month.");
    await comment(kim.client, id, postId, "With a buffer.");
    await comment(jon.client, id, postId, "And a second thought.");
    await comment(maria.client, id, postId, "I keep three months aside.");
    const { lines, html } = await centre(paula.client);
    expect(lines).toHaveLength(1);
    expect(lines[0].text).toBe(
      "Maria Rossi and 2 others commented on your post “Cash flow in winter: how do you plan?”",
    );
    expect(badge(html)).toBe("1");
    // Reactions are one more line for the same post; taking one back and giving it again, or
    // a second kind of reaction, tells nothing twice.
    for (const kind of ["like", "like", "like", "thanks"]) {
      await maria.client.post(`/networks/${id}`, { intent: "react", postId, kind });
    }
    await jon.client.post(`/networks/${id}`, { intent: "react", postId, kind: "celebrate" });
    const reactions = await notificationsOf(paula.user.id, "reactions");
    expect(reactions.map((r) => r.source_key).sort()).toEqual(
      [
        `reaction:${postId}:${jon.user.id}:celebrate`,
        `reaction:${postId}:${maria.user.id}:like`,
        `reaction:${postId}:${maria.user.id}:thanks`,
      ].sort(),
    );
    const after = await centre(paula.client);
    expect(after.lines.map((l) => l.kind)).toEqual(["reactions", "comment"]);
    expect(after.lines[0].text).toBe(
      "Jon Smith and 1 other reacted to your post “Cash flow in winter: how do you plan?”",
    );
    expect(badge(after.html)).toBe("2");
  });

  it("a reply to a comment reaches the comment's author as a reply and the post's as a comment", async () => {
    const [paula, carl, rita] = await people("Paula Second", "Carl Commenter", "Rita Replier");
    const { id } = await app.server.createNetwork({
      facilitators: [paula.user.id],
      members: [carl.user.id, rita.user.id],
    });
    const postId = await post(paula.client, id, "Suppliers abroad?");
    await comment(carl.client, id, postId, "I buy from Italy.");
    const [parent] = await rows(
      `select id::text from comments where post_id = '${postId}' and parent_id is null`,
    );
    await comment(rita.client, id, postId, "Which region, @carl.commenter?", {
      parentId: String(parent.id),
    });
    await settle();
    // Carl: a reply (not also a mention: one thing, told once).
    expect((await notificationsOf(carl.user.id)).map((r) => r.kind)).toEqual(["reply"]);
    expect((await notificationsOf(paula.user.id)).map((r) => r.kind)).toEqual([
      "comment",
      "comment",
    ]);
  });
});

describe("membership", () => {
  it("join requests reach the facilitators, the answer reaches the person, joining the other facilitators", async () => {
    const [fay, gus, ria] = await people("Fay Facilitator", "Gus Cofacilitator", "Ria Requester");
    const { id } = await app.server.createNetwork({
      name: "Bakers of Cork",
      visibility: "request",
      facilitators: [fay.user.id, gus.user.id],
    });
    expect((await ria.client.post(`/networks/${id}`, { intent: "join" })).status).toBe(200);
    // Asking again while the request waits tells nobody again.
    await ria.client.post(`/networks/${id}`, { intent: "join" });
    await settle();
    for (const f of [fay, gus]) {
      const mine = await notificationsOf(f.user.id, "join.request");
      expect(mine).toHaveLength(1);
    }
    const { lines } = await centre(fay.client);
    expect(lines[0].text).toBe("Ria Requester asked to join Bakers of Cork");
    const approved = await fay.client.post(`/networks/${id}/members`, {
      intent: "approve",
      userId: ria.user.id,
    });
    expect(approved.status).toBe(200);
    await settle();
    const decided = await notificationsOf(ria.user.id, "join.decided");
    expect(decided).toHaveLength(1);
    expect((decided[0].data as Record<string, unknown>).approved).toBe(true);
    // Gus hears Ria joined; Fay approved her and is not told what she did.
    expect(await notificationsOf(gus.user.id, "member.joined")).toHaveLength(1);
    expect(await notificationsOf(fay.user.id, "member.joined")).toHaveLength(0);
    const { lines: riaLines } = await centre(ria.client);
    expect(riaLines[0].text).toBe("Your request to join Bakers of Cork was answered");
  });

  it("lifting a removal tells the person once; a replayed lift tells nothing", async () => {
    const [fay, rory] = await people("Fay Lifter", "Rory Returning");
    const { id } = await app.server.createNetwork({
      name: "Second Chances",
      facilitators: [fay.user.id],
      members: [rory.user.id],
    });
    await fay.client.post(`/networks/${id}/members`, {
      intent: "remove",
      userId: rory.user.id,
      confirmed: "yes",
    });
    const [removal] = await rows(
      `select id::text from network_removals where network_id = '${id}'`,
    );
    const lift = { intent: "lift-removal", removalId: String(removal.id) };
    expect((await fay.client.post(`/networks/${id}/members`, lift)).status).toBe(200);
    expect((await fay.client.post(`/networks/${id}/members`, lift)).status).toBe(404);
    const lifted = await notificationsOf(rory.user.id, "removal.lifted");
    expect(lifted).toHaveLength(1);
    const { lines } = await centre(rory.client);
    expect(lines[0].text).toBe("You may take part in Second Chances again");
  });

  it("an invitation by email to an existing account shows in the centre and leads to the invitation", async () => {
    const [fay, ivan] = await people("Fay Inviter", "Ivan Invited");
    const { id } = await app.server.createNetwork({
      name: "Quiet Circle",
      visibility: "secret",
      facilitators: [fay.user.id],
    });
    const sent = await fay.client.post(`/networks/${id}/members`, {
      intent: "invite-emails",
      emails: ivan.user.email.toUpperCase(),
      submissionKey: key(),
    });
    expect(sent.status).toBe(200);
    const { lines } = await centre(ivan.client);
    expect(lines).toHaveLength(1);
    // The network is secret and Ivan not yet a member: the invitation still names it.
    expect(lines[0].text).toBe("Fay Inviter invited you to join Quiet Circle");
    const opened = await ivan.client.get(`/notifications/${lines[0].id}/open`);
    expect(opened.status).toBe(302);
    const target = opened.headers.get("location")!;
    expect(target).toMatch(/^\/invitations\/[A-Za-z0-9_-]{20,}$/);
    const page = await ivan.client.get(target);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Quiet Circle");
  });
});

describe("reading", () => {
  it("opening a line marks its whole group read and leads to its subject; mark all read clears the badge", async () => {
    const [olga, a, b] = await people("Olga Opener", "Abe Commenter", "Bea Commenter");
    const { id } = await app.server.createNetwork({
      facilitators: [olga.user.id],
      members: [a.user.id, b.user.id],
    });
    const first = await post(olga.client, id, "First post");
    const second = await post(olga.client, id, "Second post");
    await comment(a.client, id, first, "one");
    await comment(b.client, id, first, "two");
    await comment(a.client, id, second, "three");
    let page = await centre(olga.client);
    expect(page.lines).toHaveLength(2);
    expect(badge(page.html)).toBe("2");
    const firstLine = page.lines.find((l) => l.text.includes("First post"))!;
    const opened = await olga.client.get(`/notifications/${firstLine.id}/open`);
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toMatch(
      new RegExp(`^/networks/${id}/posts/${first}#comment-[0-9a-f-]{36}$`),
    );
    const unreadOfFirst = await rows(
      `select count(*)::int as n from notifications
       where recipient_id = '${olga.user.id}' and group_key = 'post:${first}' and read_at is null`,
    );
    expect(Number(unreadOfFirst[0].n)).toBe(0);
    page = await centre(olga.client);
    expect(page.lines.map((l) => l.unread)).toEqual([true, false]);
    expect(badge(page.html)).toBe("1");
    const all = await olga.client.post("/notifications", { intent: "readAll" });
    expect(all.status).toBe(302);
    page = await centre(olga.client, "?done=1");
    expect(page.lines.every((l) => !l.unread)).toBe(true);
    expect(badge(page.html)).toBeNull();
    expectMessage(page.html, "notifications.allMarkedRead");
  });

  it("keyset pages show each group once, newest first", async () => {
    const [pia, q] = await people("Pia Pages", "Quentin Busy");
    const { id } = await app.server.createNetwork({
      facilitators: [pia.user.id],
      members: [q.user.id],
    });
    const postIds: string[] = [];
    for (let i = 0; i < 23; i++) postIds.push(await post(pia.client, id, `Post number ${i}`));
    // Two comments on each: still one line per post.
    for (const postId of postIds) await comment(q.client, id, postId, "Nice");
    for (const postId of postIds.slice(0, 3)) await comment(q.client, id, postId, "Again");
    const first = await centre(pia.client);
    expect(first.lines).toHaveLength(20);
    const next = first.html.match(/href="\?after=([^"]+)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    const second = await centre(pia.client, `?after=${next}`);
    const all = [...first.lines, ...second.lines];
    expect(all).toHaveLength(23);
    expect(new Set(all.map((l) => l.text)).size).toBe(23);
    // The three posts commented on last come first.
    expect(all.slice(0, 3).map((l) => l.text.match(/Post number (\d+)/)![1])).toEqual([
      "2",
      "1",
      "0",
    ]);
    expect(second.html).not.toContain('rel="next"');
  });
});

describe("privacy", () => {
  it("another person's notification is a 404 to open and to mark read; signed out goes to sign-in", async () => {
    const [owner, other, commenter] = await people("Nora Owner", "Evan Other", "Cody Commenter");
    const { id } = await app.server.createNetwork({
      facilitators: [owner.user.id],
      members: [other.user.id, commenter.user.id],
    });
    const postId = await post(owner.client, id, "Private to my inbox");
    await comment(commenter.client, id, postId, "Hello");
    const [row] = await notificationsOf(owner.user.id);
    const opened = await other.client.get(`/notifications/${row.id}/open`);
    expect(opened.status).toBe(404);
    expectMessage(await opened.text(), "notifications.notFound");
    const marked = await other.client.post("/notifications", {
      intent: "read",
      id: String(row.id),
    });
    expect(marked.status).toBe(404);
    expect((await other.client.get("/notifications/not-an-id/open")).status).toBe(404);
    const [still] = await notificationsOf(owner.user.id);
    expect(still.read_at).toBeNull();
    const anonymous = app.client();
    const signedOut = await anonymous.get(`/notifications/${row.id}/open`);
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/signin\?next=/);
    expect((await anonymous.get("/live")).status).toBe(401);
    // Evan's page lists nothing of Nora's.
    const { lines } = await centre(other.client);
    expect(lines).toHaveLength(0);
  });

  it("a notification about a network the person can no longer read shows without its title", async () => {
    const [fay, mo] = await people("Fay Closed", "Mo Mentioned");
    const { id } = await app.server.createNetwork({
      name: "Closed Room",
      visibility: "invite",
      facilitators: [fay.user.id],
      members: [mo.user.id],
    });
    await post(fay.client, id, "Secret plans for @mo.mentioned");
    await settle();
    let { lines } = await centre(mo.client);
    expect(lines[0].text).toContain("Secret plans");
    await fay.client.post(`/networks/${id}/members`, {
      intent: "remove",
      userId: mo.user.id,
      confirmed: "yes",
    });
    ({ lines } = await centre(mo.client));
    expect(lines[0].text).toBe("Fay Closed mentioned you in “something you can no longer see”");
    expect(lines[0].text).not.toContain("Secret plans");
  });

  it("a secret network's name is not shown to someone who is no longer in it", async () => {
    const [fay, gus, mo] = await people("Fay Secret", "Gus Leaving", "Mo Joiner");
    const { id } = await app.server.createNetwork({
      name: "Hidden Guild",
      visibility: "secret",
      facilitators: [fay.user.id, gus.user.id],
    });
    await fay.client.post(`/networks/${id}/members`, {
      intent: "invite-emails",
      emails: mo.user.email,
      submissionKey: key(),
    });
    const { lines: invitation } = await centre(mo.client);
    const target = (await mo.client.get(`/notifications/${invitation[0].id}/open`)).headers.get(
      "location",
    )!;
    const accepted = await mo.client.post(target, {});
    expect([200, 302, 303]).toContain(accepted.status);
    await settle();
    let { lines } = await centre(gus.client);
    expect(lines[0].text).toBe("Mo Joiner joined Hidden Guild");
    expect(
      (await gus.client.post(`/networks/${id}`, { intent: "leave", confirmed: "yes" })).status,
    ).toBe(302);
    ({ lines } = await centre(gus.client));
    expect(lines[0].text).toBe("Mo Joiner joined a network");
  });
});

describe("live badge", () => {
  it("the person's stream sends their unread count as it changes, and nothing of others", async () => {
    const [lena, max, other] = await people("Lena Live", "Max Mentioner", "Otto Other");
    const { id } = await app.server.createNetwork({
      facilitators: [lena.user.id],
      members: [max.user.id, other.user.id],
    });
    const stream = await openStream(`${app.url}/live`, lena.client.cookieHeaderForTests());
    try {
      expect(await stream.waitFor('"type":"notifications.unread","data":{"count":0}')).toBe(true);
      await post(max.client, id, "Hi @lena.live");
      await settle();
      expect(await stream.waitFor('"type":"notifications.unread","data":{"count":1}')).toBe(true);
      // Someone else's notification sends nothing on Lena's stream.
      const before = stream.received;
      await post(lena.client, id, "Hello @otto.other");
      await settle();
      expect(await notificationsOf(other.user.id, "mention")).toHaveLength(1);
      expect(stream.received).toBe(before);
      // Marking all read on another device: the badge follows.
      await lena.client.post("/notifications", { intent: "readAll" });
      expect(await stream.waitFor('"data":{"count":0}}', 5000)).toBe(true);
      // Signing out ends the stream opened under that session.
      await lena.client.post("/signout", {});
      expect(await stream.waitForEnd()).toBe(true);
      expect(stream.received).toContain("event: access-ended");
    } finally {
      await stream.close();
    }
  });
});

describe("fan-out job", () => {
  it("run twice, or stopped midway and run again, notifies each person exactly once", async () => {
    const author = await app.createUser({ displayName: "Fanout Author" });
    const recipients = await Promise.all(
      Array.from({ length: 25 }, (_, i) => app.createUser({ displayName: `Fan ${i}` })),
    );
    const ids = recipients.map((r) => r.id);
    const payload = {
      kind: "mention" as const,
      audience: { type: "people" as const, ids },
      actorId: author.id,
      networkId: null,
      groupKey: "post:fanout-test",
      sourceKey: "post:fanout-test:mention",
      data: { title: "Fan-out", path: "/networks" },
    };
    // A run that dies after its second batch of 10 (as a killed worker would): 20 written.
    await expect(
      app.server.runFanout(payload, {
        batchSize: 10,
        afterBatch: (index) => {
          if (index === 1) throw new Error("worker killed");
        },
      }),
    ).rejects.toThrow("worker killed");
    const count = async () =>
      Number(
        (
          await rows(
            `select count(*)::int as n from notifications where source_key = 'post:fanout-test:mention'`,
          )
        )[0].n,
      );
    expect(await count()).toBe(20);
    // The retry writes only the 5 left; a second full run writes nothing.
    expect(await app.server.runFanout(payload, { batchSize: 10 })).toBe(5);
    expect(await app.server.runFanout(payload)).toBe(0);
    expect(await count()).toBe(25);
    const perPerson = await rows(
      `select recipient_id, count(*)::int as n from notifications
       where source_key = 'post:fanout-test:mention' group by recipient_id having count(*) > 1`,
    );
    expect(perPerson).toHaveLength(0);
    // The actor is never among the recipients, even when named.
    expect(
      await app.server.runFanout({ ...payload, audience: { type: "people", ids: [author.id] } }),
    ).toBe(0);
  });

  it("a queued fan-out replayed through the queue (same key) is queued once", async () => {
    const [fay, ria] = await people("Fay Queue", "Ria Queue");
    const { id } = await app.server.createNetwork({
      visibility: "request",
      facilitators: [fay.user.id],
    });
    await ria.client.post(`/networks/${id}`, { intent: "join" });
    const jobs = await rows(
      `select count(*)::int as n from pgboss.job where name = 'notifications.fanout'
       and data->>'sourceKey' like 'join-request:${id}:%'`,
    );
    expect(Number(jobs[0].n)).toBe(1);
    await settle();
    expect(await notificationsOf(fay.user.id, "join.request")).toHaveLength(1);
  });
});

describe("demo seed", () => {
  it("gives demo people a living inbox with every kind the centre has so far", {
    timeout: 120_000,
  }, async () => {
    const kinds = await rows(
      `select n.kind, count(*)::int as n, count(*) filter (where n.read_at is null)::int as unread
       from notifications n join users u on u.id = n.recipient_id
       where u.email like '%@demo.synergy.test' group by n.kind order by n.kind`,
    );
    expect(kinds.map((k) => String(k.kind)).sort()).toEqual([
      "audit.invited",
      "badge.issued",
      "comment",
      "invitation",
      "join.decided",
      "join.request",
      "member.joined",
      "mention",
      "message",
      "message.request",
      "need.answered",
      "need.me_too",
      "reactions",
      "removal.lifted",
      "reply",
    ]);
    expect(kinds.some((k) => Number(k.unread) > 0)).toBe(true);
    // A demo facilitator signs in and finds grouped lines, some unread, each one opening.
    const declan = app.client();
    await declan.signIn("declan.murphy@demo.synergy.test", "synergy-demo-2026");
    const { lines, html } = await centre(declan);
    expect(lines.length).toBeGreaterThan(3);
    expect(badge(html)).toMatch(/^\d+\+?$/);
    for (const line of lines.slice(0, 5)) {
      const opened = await declan.get(`/notifications/${line.id}/open`);
      expect(opened.status).toBe(302);
      const target = await declan.get(opened.headers.get("location")!);
      expect(target.status).toBe(200);
    }
    // The invited demo person's invitation leads to a working invitation page.
    const [invited] = await rows(
      `select u.email from notifications n join users u on u.id = n.recipient_id
       where n.kind = 'invitation' and u.email like '%@demo.synergy.test'`,
    );
    const invitee = app.client();
    await invitee.signIn(String(invited.email), "synergy-demo-2026");
    const invitation = (await centre(invitee)).lines.find((l) => l.kind === "invitation")!;
    const target = (await invitee.get(`/notifications/${invitation.id}/open`)).headers.get(
      "location",
    )!;
    expect(target).toMatch(/^\/invitations\//);
    expect((await invitee.get(target)).status).toBe(200);
  });
});
