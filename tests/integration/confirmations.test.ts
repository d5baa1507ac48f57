/**
 * Destructive actions ask first, without JavaScript (issue 13): a form posted without
 * `confirmed=yes` gets the question back and changes nothing; the confirmed form does the deed
 * and says what happened; someone else's confirmed form is refused; a replay does no harm.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage, expectNoMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

async function one(sqlText: string) {
  const [row] = await app.server.queryRows<Record<string, unknown>>(app.server.rawSql(sqlText));
  return row;
}

async function setUp() {
  const { user: facilitator, client: fc } = await app.signedIn({ displayName: "Fiona Facil" });
  const { user: author, client: ac } = await app.signedIn({ displayName: "Aoife Author" });
  const { user: other, client: oc } = await app.signedIn({ displayName: "Otto Other" });
  const { id } = await app.server.createNetwork({
    visibility: "open",
    languages: ["en"],
    facilitators: [facilitator.id],
    members: [author.id, other.id],
  });
  return { facilitator, fc, author, ac, other, oc, id };
}

async function writePost(client: TestClient, networkId: string, body: string) {
  const response = await client.post(`/networks/${networkId}`, { intent: "post", body });
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("#post-")[1];
}

describe("deleting a post", () => {
  it("asks first, deletes on confirmation, refuses others and ignores a replay", async () => {
    const { ac, oc, id } = await setUp();
    const postId = await writePost(ac, id, "A post that will go");

    const page = await (await ac.get(`/networks/${id}`)).text();
    // The feed's delete control is a fold with the question and a confirming form.
    expect(page).toContain('<details class="confirm">');
    expect(page).toContain('name="confirmed" value="yes"');
    expectMessage(page, "posts.deleteQuestion");

    const asked = await ac.post(`/networks/${id}`, { intent: "delete-post", postId });
    expect(asked.status).toBe(200);
    const askedHtml = await asked.text();
    expectMessage(askedHtml, "posts.deleteQuestion");
    expectNoMessage(askedHtml, "posts.deleted");
    expect(
      (await one(`select deleted_at from posts where id = '${postId}'`)).deleted_at,
    ).toBeNull();

    const refused = await oc.post(`/networks/${id}`, {
      intent: "delete-post",
      postId,
      confirmed: "yes",
    });
    expect(refused.status).toBe(403);
    expect(
      (await one(`select deleted_at from posts where id = '${postId}'`)).deleted_at,
    ).toBeNull();

    const done = await ac.post(`/networks/${id}`, {
      intent: "delete-post",
      postId,
      confirmed: "yes",
    });
    expect(done.status).toBe(200);
    const doneHtml = await done.text();
    expectMessage(doneHtml, "posts.deleted");
    // Said before the network's header (its cover, purpose and mix fill a phone's first screen).
    const main = doneHtml.slice(doneHtml.indexOf("<main"));
    expect(main.indexOf('class="form-message success"')).toBeGreaterThan(-1);
    expect(main.indexOf('class="form-message success"')).toBeLessThan(main.indexOf("<h1"));
    expect(
      (await one(`select deleted_at from posts where id = '${postId}'`)).deleted_at,
    ).not.toBeNull();

    const replay = await ac.post(`/networks/${id}`, {
      intent: "delete-post",
      postId,
      confirmed: "yes",
    });
    expect(replay.status).toBe(404);
  });
});

describe("deleting a comment", () => {
  it("asks first and deletes on confirmation", async () => {
    const { ac, oc, id } = await setUp();
    const postId = await writePost(ac, id, "A post with a comment");
    const commented = await oc.post(`/networks/${id}`, {
      intent: "comment",
      postId,
      body: "A comment that will go",
    });
    const commentId = commented.headers.get("location")!.split("#comment-")[1];
    const fields = { intent: "delete-comment", postId, commentId };

    const asked = await oc.post(`/networks/${id}`, fields);
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "posts.deleteCommentQuestion");
    const still = await one(`select deleted_at from comments where id = '${commentId}'`);
    expect(still.deleted_at).toBeNull();

    const done = await oc.post(`/networks/${id}`, { ...fields, confirmed: "yes" });
    expect(done.status).toBe(200);
    expectMessage(await done.text(), "posts.commentDeleted");
  });
});

describe("removing a member and leaving", () => {
  it("asks the facilitator first; only a facilitator can remove", async () => {
    const { fc, other, oc, author, id } = await setUp();
    const fields = { intent: "remove", userId: other.id };
    const asked = await fc.post(`/networks/${id}/members`, fields);
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "networks.removeQuestion");
    const member = `select status from network_members where network_id = '${id}' and user_id = '${other.id}'`;
    expect((await one(member)).status).toBe("active");

    const refused = await oc.post(`/networks/${id}/members`, {
      intent: "remove",
      userId: author.id,
      confirmed: "yes",
    });
    expect(refused.status).toBe(403);

    const done = await fc.post(`/networks/${id}/members`, { ...fields, confirmed: "yes" });
    expect(done.status).toBe(200);
    expectMessage(await done.text(), "networks.removed");
    expect((await one(member))?.status ?? "gone").not.toBe("active");
  });

  it("asks before leaving a network", async () => {
    const { ac, author, id } = await setUp();
    const asked = await ac.post(`/networks/${id}`, { intent: "leave" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "networks.leaveQuestion");
    const member = `select status from network_members where network_id = '${id}' and user_id = '${author.id}'`;
    expect((await one(member)).status).toBe("active");
    const left = await ac.post(`/networks/${id}`, { intent: "leave", confirmed: "yes" });
    expect(left.status).toBe(302);
    expect((await one(member))?.status ?? "gone").not.toBe("active");
  });
});

describe("deleting a discussion and a reply", () => {
  it("asks first, deletes on confirmation, refuses others", async () => {
    const { ac, oc, id } = await setUp();
    const created = await ac.post(`/networks/${id}/topics`, {
      intent: "create-topic",
      title: "A discussion that will go",
      body: "What do you think?",
      submissionKey: `confirm${Date.now().toString(36)}`,
    });
    const topicId = created.headers.get("location")!.split("/topics/")[1].split("?")[0];
    const url = `/networks/${id}/topics/${topicId}`;
    const replied = await oc.post(url, {
      intent: "reply",
      body: "I think so.",
      submissionKey: `reply${Date.now().toString(36)}`,
    });
    const replyId = replied.headers.get("location")!.split("#reply-")[1];

    const askedReply = await oc.post(url, { intent: "delete-reply", replyId });
    expect(askedReply.status).toBe(200);
    expectMessage(await askedReply.text(), "forum.deleteReplyQuestion");
    const doneReply = await oc.post(url, { intent: "delete-reply", replyId, confirmed: "yes" });
    expect(doneReply.status).toBe(200);
    expectMessage(await doneReply.text(), "forum.replyDeleted");

    const asked = await ac.post(url, { intent: "delete-topic" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "forum.deleteTopicQuestion");
    const topic = `select deleted_at from forum_topics where id = '${topicId}'`;
    expect((await one(topic)).deleted_at).toBeNull();

    expect((await oc.post(url, { intent: "delete-topic", confirmed: "yes" })).status).toBe(403);
    const done = await ac.post(url, { intent: "delete-topic", confirmed: "yes" });
    expect(done.status).toBe(302);
    const list = await (await ac.get(done.headers.get("location")!)).text();
    expectMessage(list, "forum.topicDeleted");
    expect((await one(topic)).deleted_at).not.toBeNull();
  });
});
