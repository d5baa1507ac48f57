import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";
const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

function query<T = Record<string, unknown>>(text: string) {
  return app.server.queryRows<T>(app.server.rawSql(text));
}

function signedIn(displayName?: string) {
  return app.signedIn({ password, displayName });
}

type Visibility = "open" | "request" | "invite" | "secret";

/** A network with its members, through the same builder the demo seed uses. */
async function createNetwork(
  visibility: Visibility,
  members: { userId: string; role?: "facilitator" | "member" }[],
) {
  const { id } = await app.server.createNetwork({
    name: `Forum test ${visibility}`,
    visibility,
    languages: ["en"],
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
  return `testkey${Date.now().toString(36)}${keyCounter}`;
}

async function startTopic(
  client: TestClient,
  networkId: string,
  fields: { title?: string; body?: string; submissionKey?: string } = {},
) {
  const response = await client.post(`/networks/${networkId}/topics`, {
    intent: "create-topic",
    title: fields.title ?? "How do you price custom cakes?",
    body: fields.body ?? "I never know what to charge for the hours of decoration.",
    submissionKey: fields.submissionKey ?? newKey(),
  });
  return response;
}

async function topicId(client: TestClient, networkId: string, title?: string) {
  const response = await startTopic(client, networkId, { title });
  expect(response.status).toBe(302);
  const match = response.headers
    .get("location")
    ?.match(new RegExp(`^/networks/${networkId}/topics/(${uuidPattern})\\?posted=\\1$`));
  expect(match).toBeTruthy();
  return match![1];
}

async function reply(
  client: TestClient,
  networkId: string,
  topic: string,
  body = "I charge by the hour.",
  submissionKey = newKey(),
) {
  return client.post(`/networks/${networkId}/topics/${topic}`, {
    intent: "reply",
    body,
    submissionKey,
  });
}

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

/** The topic ids linked from a topic list page, in page order. */
async function listedTopics(client: TestClient, networkId: string, query = "") {
  const html = mainOf(await (await client.get(`/networks/${networkId}/topics${query}`)).text());
  return [
    ...html.matchAll(new RegExp(`href="/networks/${networkId}/topics/(${uuidPattern})"`, "g")),
  ].map((m) => m[1]);
}

async function topicRow(id: string) {
  const [row] = await query<{
    reply_count: number;
    answer_reply_id: string | null;
    deleted_at: string | null;
    last_activity_at: string;
  }>(
    `select reply_count, answer_reply_id, deleted_at, last_activity_at from forum_topics where id = '${id}'`,
  );
  return row;
}

describe("forum topics", () => {
  it("lets members start topics and reply, sorted by last activity", async () => {
    const { user: ana, client: anaClient } = await signedIn("Ana Forum");
    const { user: bo, client: boClient } = await signedIn("Bo Forum");
    const networkId = await createNetwork("open", [{ userId: ana.id }, { userId: bo.id }]);
    const first = await topicId(anaClient, networkId, "First topic");
    const second = await topicId(boClient, networkId, "Second topic");
    expect(await listedTopics(anaClient, networkId)).toEqual([second, first]);

    const [before] = await query<{ last_activity_at: string }>(
      `select last_activity_at from networks where id = '${networkId}'`,
    );
    const response = await reply(boClient, networkId, first, "**Hourly**, and @ana.forum agrees");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(
      new RegExp(`^/networks/${networkId}/topics/${first}\\?posted=(${uuidPattern})#reply-\\1$`),
    );
    const row = await topicRow(first);
    expect(row.reply_count).toBe(1);
    expect(new Date(row.last_activity_at).getTime()).toBeGreaterThan(
      new Date((await topicRow(second)).last_activity_at).getTime(),
    );
    const [after] = await query<{ last_activity_at: string }>(
      `select last_activity_at from networks where id = '${networkId}'`,
    );
    expect(new Date(after.last_activity_at).getTime()).toBeGreaterThan(
      new Date(before.last_activity_at).getTime(),
    );
    // The reply moved the older topic to the top.
    expect(await listedTopics(anaClient, networkId)).toEqual([first, second]);

    const page = mainOf(
      await (await anaClient.get(`/networks/${networkId}/topics/${first}`)).text(),
    );
    expect(page).toContain("First topic");
    expect(page).toContain("<strong>Hourly</strong>");
    expect(page).toContain(`<a class="mention" href="/people/${ana.id}">@Ana Forum</a>`);
  });

  it("renders bodies as safe Markdown", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const response = await startTopic(client, networkId, {
      title: "<img src=x onerror=alert(1)>",
      body: '<script>alert(1)</script> [x](javascript:alert(1)) <a href="javascript:alert(2)">y</a>',
    });
    expect(response.status).toBe(302);
    const html = mainOf(await (await client.get(response.headers.get("location")!)).text());
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain("<img src=x");
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses bad input with 400 and saves nothing", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const cases: [Record<string, string>, string][] = [
      [{ body: "" }, "body"],
      [{ body: "   \n  " }, "body"],
      [{ body: "x".repeat(20_000) }, "body"],
      [{ title: "" }, "title"],
      [{ title: "ab" }, "title"],
      [{ title: "t".repeat(151) }, "title"],
    ];
    for (const [override, field] of cases) {
      const response = await startTopic(client, networkId, override);
      expect(response.status, JSON.stringify(override).slice(0, 40)).toBe(400);
      const html = await response.text();
      expect(html).toContain(`id="f-${field}-error"`);
      expect(html).toMatch(
        new RegExp(
          `name="${field}"[^>]*aria-invalid="true"|aria-invalid="true"[^>]*name="${field}"`,
        ),
      );
    }
    // What was typed stays in the form.
    const kept = await startTopic(client, networkId, { title: "Kept title", body: "" });
    expect(await kept.text()).toContain('value="Kept title"');
    const [{ n }] = await query<{ n: number }>(
      `select count(*)::int as n from forum_topics where network_id = '${networkId}'`,
    );
    expect(n).toBe(0);

    const topic = await topicId(client, networkId);
    for (const body of ["", "  ", "y".repeat(20_000)]) {
      const response = await reply(client, networkId, topic, body);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('id="f-body-error"');
    }
    const [{ replies }] = await query<{ replies: number }>(
      `select count(*)::int as replies from forum_replies where topic_id = '${topic}'`,
    );
    expect(replies).toBe(0);
    expect((await topicRow(topic)).reply_count).toBe(0);
    // An unknown intent is a plain bad request.
    const odd = await client.post(`/networks/${networkId}/topics`, { intent: "explode" });
    expect(odd.status).toBe(400);
  });

  it("creates nothing twice when a form is sent twice", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const submissionKey = newKey();
    const first = await startTopic(client, networkId, { submissionKey });
    const second = await startTopic(client, networkId, { submissionKey });
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    // Both at once, as a double click without JavaScript can do.
    const raceKey = newKey();
    const raced = await Promise.all([
      startTopic(client, networkId, { submissionKey: raceKey }),
      startTopic(client, networkId, { submissionKey: raceKey }),
    ]);
    expect(raced.map((r) => r.status)).toEqual([302, 302]);
    expect(raced[0].headers.get("location")).toBe(raced[1].headers.get("location"));
    const [{ n }] = await query<{ n: number }>(
      `select count(*)::int as n from forum_topics where network_id = '${networkId}'`,
    );
    expect(n).toBe(2);

    const topic = first.headers.get("location")!.split("/").pop()!.split("?")[0];
    const replyKey = newKey();
    const replies = await Promise.all([
      reply(client, networkId, topic, "Once", replyKey),
      reply(client, networkId, topic, "Once", replyKey),
    ]);
    expect(replies.map((r) => r.status)).toEqual([302, 302]);
    expect((await reply(client, networkId, topic, "Once", replyKey)).status).toBe(302);
    const [{ count }] = await query<{ count: number }>(
      `select count(*)::int as count from forum_replies where topic_id = '${topic}'`,
    );
    expect(count).toBe(1);
    expect((await topicRow(topic)).reply_count).toBe(1);
  });

  it("pages topics by last activity, 20 at a time, without gaps or repeats", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    // 25 topics; five share one timestamp so the id decides their order.
    await query(`
      insert into forum_topics (network_id, author_id, title, body, body_html, last_activity_at)
      select '${networkId}', '${user.id}', 'Paged topic ' || g, 'Body', '<p>Body</p>',
        timestamptz '2026-01-01 12:00:00+00' + make_interval(secs => case when g <= 5 then 0 else g end)
      from generate_series(1, 25) g`);
    const expected = (
      await query<{ id: string }>(`select id from forum_topics where network_id = '${networkId}'
        order by last_activity_at desc, id desc`)
    ).map((r) => r.id);
    const html = await (await client.get(`/networks/${networkId}/topics`)).text();
    const firstPage = await listedTopics(client, networkId);
    expect(firstPage).toEqual(expected.slice(0, 20));
    const next = html.match(/href="\?after=([^"]+)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    const secondPage = await listedTopics(client, networkId, `?after=${next}`);
    expect(secondPage).toEqual(expected.slice(20));
    // A malformed cursor is the first page, never an error.
    expect((await client.get(`/networks/${networkId}/topics?after=%27;drop`)).status).toBe(200);
  });

  it("pages long topics' replies oldest first and lands a new reply on its page", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const topic = await topicId(client, networkId);
    await query(`
      insert into forum_replies (topic_id, author_id, body, body_html, created_at)
      select '${topic}', '${user.id}', 'Reply ' || g, '<p>Reply number ' || g || '.</p>',
        timestamptz '2026-01-01 12:00:00+00' + make_interval(secs => g)
      from generate_series(1, 55) g`);
    await query(`update forum_topics set reply_count = 55 where id = '${topic}'`);
    const firstHtml = mainOf(
      await (await client.get(`/networks/${networkId}/topics/${topic}`)).text(),
    );
    expect(firstHtml).toContain("Reply number 1.");
    expect(firstHtml).toContain("Reply number 50.");
    expect(firstHtml).not.toContain("Reply number 51.");
    const next = firstHtml.match(/href="\?after=([^"]+)" rel="next"/)?.[1];
    const secondHtml = mainOf(
      await (await client.get(`/networks/${networkId}/topics/${topic}?after=${next}`)).text(),
    );
    expect(secondHtml).toContain("Reply number 51.");
    expect(secondHtml).toContain("Reply number 55.");
    expect(secondHtml).not.toContain("Reply number 50.");

    const response = await reply(client, networkId, topic, "The newest reply");
    const location = response.headers.get("location")!;
    expect(location).toMatch(/\?after=[^&#]+&posted=[^#]+#reply-/);
    const landed = mainOf(await (await client.get(location)).text());
    expect(landed).toContain("The newest reply");
    expect((await topicRow(topic)).reply_count).toBe(56);
  });
});

describe("the answered mark", () => {
  it("is set and cleared by the topic's author or a facilitator, nobody else", async () => {
    const { user: asker, client: askerClient } = await signedIn();
    const { user: helper, client: helperClient } = await signedIn();
    const { user: facilitator, client: facilitatorClient } = await signedIn();
    const networkId = await createNetwork("request", [
      { userId: asker.id },
      { userId: helper.id },
      { userId: facilitator.id, role: "facilitator" },
    ]);
    const topic = await topicId(askerClient, networkId);
    const location = (await reply(helperClient, networkId, topic, "Try a price list")).headers.get(
      "location",
    )!;
    const replyId = location.split("#reply-")[1];
    const url = `/networks/${networkId}/topics/${topic}`;

    const byHelper = await helperClient.post(url, { intent: "answer", replyId });
    expect(byHelper.status).toBe(403);
    expect((await topicRow(topic)).answer_reply_id).toBeNull();

    expect((await askerClient.post(url, { intent: "answer", replyId })).status).toBe(200);
    expect((await topicRow(topic)).answer_reply_id).toBe(replyId);
    const list = mainOf(await (await askerClient.get(`/networks/${networkId}/topics`)).text());
    expect(list).toMatch(/<span class="badge">[^<]+<\/span>/);

    expect((await helperClient.post(url, { intent: "unanswer" })).status).toBe(403);
    expect((await topicRow(topic)).answer_reply_id).toBe(replyId);
    expect((await facilitatorClient.post(url, { intent: "unanswer" })).status).toBe(200);
    expect((await topicRow(topic)).answer_reply_id).toBeNull();
    expect((await facilitatorClient.post(url, { intent: "answer", replyId })).status).toBe(200);
    expect((await topicRow(topic)).answer_reply_id).toBe(replyId);

    // Only replies of this topic can be its answer.
    const other = await topicId(askerClient, networkId, "Another question");
    const otherReply = (await reply(helperClient, networkId, other)).headers
      .get("location")!
      .split("#reply-")[1];
    expect((await askerClient.post(url, { intent: "answer", replyId: otherReply })).status).toBe(
      404,
    );
    expect((await askerClient.post(url, { intent: "answer", replyId: "not-an-id" })).status).toBe(
      404,
    );
    expect((await topicRow(topic)).answer_reply_id).toBe(replyId);

    // Deleting the answer clears the mark and the count in the same step.
    expect(
      (await helperClient.post(url, { intent: "delete-reply", replyId, confirmed: "yes" })).status,
    ).toBe(200);
    const row = await topicRow(topic);
    expect(row.answer_reply_id).toBeNull();
    expect(row.reply_count).toBe(0);
  });
});

describe("who may read and write", () => {
  it("shows open networks' topics to everyone but lets only members write", async () => {
    const { user: member, client: memberClient } = await signedIn();
    const { client: outsider } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: member.id }]);
    const topic = await topicId(memberClient, networkId, "Open discussion");
    const anonymous = app.client();
    expect((await anonymous.get(`/networks/${networkId}/topics`)).status).toBe(200);
    expect((await anonymous.get(`/networks/${networkId}/topics/${topic}`)).status).toBe(200);
    expect((await outsider.get(`/networks/${networkId}/topics/${topic}`)).status).toBe(200);

    const anonymousPost = await startTopic(anonymous, networkId);
    expect(anonymousPost.status).toBe(302);
    expect(anonymousPost.headers.get("location")).toMatch(/^\/signin\?next=/);
    expect((await startTopic(outsider, networkId)).status).toBe(403);
    expect((await reply(outsider, networkId, topic)).status).toBe(403);
    const [{ n }] = await query<{ n: number }>(
      `select count(*)::int as n from forum_topics where network_id = '${networkId}'`,
    );
    expect(n).toBe(1);
    expect((await topicRow(topic)).reply_count).toBe(0);
  });

  it("answers 403 to non-members of request and invite networks, even with the right ids", async () => {
    for (const visibility of ["request", "invite"] as const) {
      const { user: member, client: memberClient } = await signedIn();
      const { client: outsider } = await signedIn();
      const networkId = await createNetwork(visibility, [{ userId: member.id }]);
      const topic = await topicId(memberClient, networkId, `Private ${visibility} topic`);
      await reply(memberClient, networkId, topic, "A private reply");
      for (const client of [outsider, app.client()]) {
        const list = await client.get(`/networks/${networkId}/topics`);
        expect(list.status).toBe(403);
        const listHtml = await list.text();
        expect(listHtml).not.toContain(`Private ${visibility} topic`);
        const page = await client.get(`/networks/${networkId}/topics/${topic}`);
        expect(page.status).toBe(403);
        const pageHtml = await page.text();
        expect(pageHtml).not.toContain(`Private ${visibility} topic`);
        expect(pageHtml).not.toContain("A private reply");
      }
      expect((await reply(outsider, networkId, topic)).status).toBe(403);
      expect((await startTopic(outsider, networkId)).status).toBe(403);
    }
  });

  it("answers 404 to non-members of secret networks", async () => {
    const { user: member, client: memberClient } = await signedIn();
    const { client: outsider } = await signedIn();
    const networkId = await createNetwork("secret", [{ userId: member.id }]);
    const topic = await topicId(memberClient, networkId, "Secret topic");
    for (const client of [outsider, app.client()]) {
      expect((await client.get(`/networks/${networkId}/topics`)).status).toBe(404);
      const page = await client.get(`/networks/${networkId}/topics/${topic}`);
      expect(page.status).toBe(404);
      expect(await page.text()).not.toContain("Secret topic");
    }
    expect((await reply(outsider, networkId, topic)).status).toBe(404);
    expect((await startTopic(outsider, networkId)).status).toBe(404);
    expect(
      (
        await outsider.post(`/networks/${networkId}/topics/${topic}`, {
          intent: "delete-topic",
          confirmed: "yes",
        })
      ).status,
    ).toBe(404);
    expect((await topicRow(topic)).deleted_at).toBeNull();
  });

  it("finds nothing under another network's id, an unknown id or a malformed one", async () => {
    const { user, client } = await signedIn();
    const { user: other, client: otherClient } = await signedIn();
    const privateNetwork = await createNetwork("request", [{ userId: user.id }]);
    const ownNetwork = await createNetwork("open", [{ userId: other.id, role: "facilitator" }]);
    const topic = await topicId(client, privateNetwork, "Not yours");
    // The outsider is a facilitator elsewhere and tries the topic id under their own network.
    const guessed = await otherClient.get(`/networks/${ownNetwork}/topics/${topic}`);
    expect(guessed.status).toBe(404);
    expect(await guessed.text()).not.toContain("Not yours");
    for (const intent of ["delete-topic", "reply", "unanswer"]) {
      const response = await otherClient.post(`/networks/${ownNetwork}/topics/${topic}`, {
        intent,
        body: "Sneaky",
        confirmed: "yes",
      });
      expect(response.status, intent).toBe(404);
    }
    expect((await topicRow(topic)).deleted_at).toBeNull();
    expect((await topicRow(topic)).reply_count).toBe(0);
    expect(
      (await client.get(`/networks/${privateNetwork}/topics/00000000-0000-4000-8000-000000000000`))
        .status,
    ).toBe(404);
    expect((await client.get(`/networks/${privateNetwork}/topics/not-a-uuid`)).status).toBe(404);
    expect((await client.get("/networks/not-a-uuid/topics")).status).toBe(404);
  });

  it("takes a removed member's access away at once", async () => {
    const { user: stays, client: facilitator } = await signedIn();
    const { user: leaves, client } = await signedIn();
    const networkId = await createNetwork("invite", [
      { userId: stays.id, role: "facilitator" },
      { userId: leaves.id },
    ]);
    const topic = await topicId(client, networkId, "Written before removal");
    expect((await client.get(`/networks/${networkId}/topics/${topic}`)).status).toBe(200);
    await removeMember(facilitator, networkId, leaves.id);
    expect((await client.get(`/networks/${networkId}/topics`)).status).toBe(403);
    expect((await client.get(`/networks/${networkId}/topics/${topic}`)).status).toBe(403);
    expect((await reply(client, networkId, topic)).status).toBe(403);
    // Not even their own topic can they still change.
    const deleted = await client.post(`/networks/${networkId}/topics/${topic}`, {
      intent: "delete-topic",
      confirmed: "yes",
    });
    expect(deleted.status).toBe(403);
    expect((await topicRow(topic)).deleted_at).toBeNull();
  });
});

describe("deleting", () => {
  it("lets authors delete their own, and this network's facilitators moderate", async () => {
    const { user: author, client: authorClient } = await signedIn();
    const { user: member, client: memberClient } = await signedIn();
    const { user: facilitator, client: facilitatorClient } = await signedIn();
    const { user: elsewhere, client: elsewhereClient } = await signedIn();
    const networkId = await createNetwork("open", [
      { userId: author.id },
      { userId: member.id },
      { userId: facilitator.id, role: "facilitator" },
      // A facilitator of another network, and only a member here.
      { userId: elsewhere.id },
    ]);
    await createNetwork("open", [{ userId: elsewhere.id, role: "facilitator" }]);

    const topic = await topicId(authorClient, networkId, "To be moderated");
    const url = `/networks/${networkId}/topics/${topic}`;
    const replyId = (await reply(authorClient, networkId, topic, "Author reply")).headers
      .get("location")!
      .split("#reply-")[1];

    for (const client of [memberClient, elsewhereClient]) {
      expect(
        (await client.post(url, { intent: "delete-reply", replyId, confirmed: "yes" })).status,
      ).toBe(403);
      expect((await client.post(url, { intent: "delete-topic", confirmed: "yes" })).status).toBe(
        403,
      );
    }
    expect((await topicRow(topic)).deleted_at).toBeNull();
    expect((await topicRow(topic)).reply_count).toBe(1);

    expect(
      (await facilitatorClient.post(url, { intent: "delete-reply", replyId, confirmed: "yes" }))
        .status,
    ).toBe(200);
    expect((await topicRow(topic)).reply_count).toBe(0);
    expect(mainOf(await (await authorClient.get(url)).text())).not.toContain("Author reply");
    // Deleting twice finds nothing the second time.
    expect(
      (await facilitatorClient.post(url, { intent: "delete-reply", replyId, confirmed: "yes" }))
        .status,
    ).toBe(404);

    const own = await topicId(memberClient, networkId, "Own topic");
    const ownDelete = await memberClient.post(`/networks/${networkId}/topics/${own}`, {
      intent: "delete-topic",
      confirmed: "yes",
    });
    expect(ownDelete.status).toBe(302);
    expect(ownDelete.headers.get("location")).toBe(`/networks/${networkId}/topics?deleted=1`);
    expect((await topicRow(own)).deleted_at).not.toBeNull();
    expect(await listedTopics(memberClient, networkId)).not.toContain(own);
    expect((await memberClient.get(`/networks/${networkId}/topics/${own}`)).status).toBe(404);
    expect((await reply(memberClient, networkId, own)).status).toBe(404);

    expect(
      (await facilitatorClient.post(url, { intent: "delete-topic", confirmed: "yes" })).status,
    ).toBe(302);
    expect((await topicRow(topic)).deleted_at).not.toBeNull();
  });
});

describe("limits and live updates", () => {
  it("slows down someone who writes too fast", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const topic = await topicId(client, networkId);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      statuses.push((await reply(client, networkId, topic, `Reply ${i}`)).status);
    }
    // One topic and 29 replies fit in the window; the 31st write does not.
    expect(statuses.filter((s) => s === 302)).toHaveLength(29);
    expect(statuses.slice(29)).toEqual([429, 429]);
  });

  it("tells the network's live stream about new topics", async () => {
    const { user, client } = await signedIn();
    const networkId = await createNetwork("open", [{ userId: user.id }]);
    const controller = new AbortController();
    const stream = await fetch(`${app.url}/networks/${networkId}/live`, {
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    // The stream subscribes while its first bytes go out; give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    const created = await topicId(client, networkId, "Live topic");
    let received = "";
    const deadline = Date.now() + 5000;
    while (!received.includes("event: topic") && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<{ value: undefined }>((resolve) =>
          setTimeout(() => resolve({ value: undefined }), 500),
        ),
      ]);
      if (chunk.value) received += decoder.decode(chunk.value);
    }
    controller.abort();
    expect(received).toContain("event: topic");
    expect(received).toContain(created);
  });
});
