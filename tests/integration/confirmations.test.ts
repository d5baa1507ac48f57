/**
 * Destructive actions ask first, without JavaScript (issue 13): a form posted without
 * `confirmed=yes` gets the question back and changes nothing; the confirmed form does the deed
 * and says what happened; someone else's confirmed form is refused; a replay does no harm.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm } from "../setup/events";
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

// ——— The remaining destructive actions (decision 032) ———

const yes = { confirmed: "yes" };

describe("leaving an organisation", () => {
  it("asks first, leaves on confirmation and says so; a replay does no harm", async () => {
    const { user: admin } = await app.signedIn();
    const { user, client } = await app.signedIn();
    const { id } = await app.createOrganisation({
      members: [{ userId: admin.id, role: "admin" }, { userId: user.id }],
    });
    const membership = `select status from organisation_members where organisation_id = '${id}' and user_id = '${user.id}'`;
    const page = await (await client.get(`/organisations/${id}`)).text();
    expect(page).toContain('<details class="confirm">');
    expectMessage(page, "org.leaveQuestion");

    const asked = await client.post(`/organisations/${id}`, { intent: "leave" });
    expect(asked.status).toBe(200);
    const askedHtml = await asked.text();
    expectMessage(askedHtml, "org.leaveQuestion");
    expectNoMessage(askedHtml, "org.left");
    expect((await one(membership)).status).toBe("active");

    const done = await client.post(`/organisations/${id}`, { intent: "leave", ...yes });
    expect(done.status).toBe(200);
    expectMessage(await done.text(), "org.left");
    expect(await one(membership)).toBeUndefined();

    // The same confirmed form again: they are no longer in it, so nothing is left to undo.
    const replay = await client.post(`/organisations/${id}`, { intent: "leave", ...yes });
    expect(replay.status).not.toBe(500);
    expect(await one(membership)).toBeUndefined();
  });
});

describe("stopping an invitation link", () => {
  it("asks the facilitator first, refuses a member, and a replay changes nothing", async () => {
    const { fc, oc, id } = await setUp();
    expect(
      (await fc.post(`/networks/${id}/members`, { intent: "invite-link", days: "7" })).status,
    ).toBe(200);
    const invitation = `select id, revoked_at from network_invitations where network_id = '${id}' and kind = 'link'`;
    const { id: invitationId } = await one(invitation);
    const fields = { intent: "revoke-link", invitationId: String(invitationId) };

    const asked = await fc.post(`/networks/${id}/members`, fields);
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "invites.revokeQuestion");
    expect((await one(invitation)).revoked_at).toBeNull();

    expect((await oc.post(`/networks/${id}/members`, { ...fields, ...yes })).status).toBe(403);
    expect((await one(invitation)).revoked_at).toBeNull();

    const done = await fc.post(`/networks/${id}/members`, { ...fields, ...yes });
    expect(done.status).toBe(200);
    expectMessage(await done.text(), "invites.revoked");
    expect((await one(invitation)).revoked_at).not.toBeNull();
    // A replay stops nothing more: the link stays stopped as it was.
    const { revoked_at: stoppedAt } = await one(invitation);
    expect((await fc.post(`/networks/${id}/members`, { ...fields, ...yes })).status).toBe(200);
    expect((await one(invitation)).revoked_at).toEqual(stoppedAt);
  });
});

describe("deleting a shared resource", () => {
  it("asks first, refuses someone else, deletes on confirmation", async () => {
    const { ac, oc, id } = await setUp();
    const added = await ac.post(`/networks/${id}/resources`, {
      intent: "add-link",
      title: "Pricing calculator",
      description: "A calculator.",
      url: "https://example.org/pricing",
      language: "en",
      topics: ["bookkeeping-basics"],
      submissionKey: `res${Date.now().toString(36)}`,
    });
    expect(added.status).toBe(302);
    const resource = `select id, deleted_at from network_resources where network_id = '${id}'`;
    const { id: resourceId } = await one(resource);
    const fields = { intent: "delete", resourceId: String(resourceId) };

    const asked = await ac.post(`/networks/${id}/resources`, fields);
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "resources.deleteQuestion");
    expect((await one(resource)).deleted_at).toBeNull();

    expect((await oc.post(`/networks/${id}/resources`, { ...fields, ...yes })).status).toBe(403);
    const done = await ac.post(`/networks/${id}/resources`, { ...fields, ...yes });
    expect(done.status).toBe(200);
    expectMessage(await done.text(), "resources.deleted");
    expect((await one(resource)).deleted_at).not.toBeNull();
  });
});

describe("events", () => {
  async function limitedEvent(fc: TestClient, networkId: string, capacity: string) {
    const created = await fc.post(
      `/networks/${networkId}/events/new`,
      eventForm({ capacity, title: `Limited ${capacity}` }),
    );
    expect(created.status).toBe(302);
    return created.headers.get("location")!.split("/events/")[1].split("?")[0];
  }
  const rsvp = (eventId: string, userId: string) =>
    one(`select status from event_rsvps where event_id = '${eventId}' and user_id = '${userId}'`);

  it("asks before giving up a limited seat; the seat goes to the waiting list only on confirmation", async () => {
    const { fc, ac, author, oc, other, id } = await setUp();
    const eventId = await limitedEvent(fc, id, "1");
    const url = `/networks/${id}/events/${eventId}`;
    expect((await ac.post(url, { intent: "rsvp", answer: "going" })).status).toBe(302);
    expect((await oc.post(url, { intent: "rsvp", answer: "going" })).status).toBe(302);
    expect((await rsvp(eventId, other.id)).status).toBe("waiting");

    const asked = await ac.post(url, { intent: "rsvp", answer: "not_going" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "events.giveUpSeatQuestion");
    expect((await rsvp(eventId, author.id)).status).toBe("going");
    expect((await rsvp(eventId, other.id)).status).toBe("waiting");

    // The one waiting is asked too before leaving the list.
    const askedWaiting = await oc.post(url, { intent: "rsvp", answer: "maybe" });
    expectMessage(await askedWaiting.text(), "events.leaveWaitingQuestion");
    expect((await rsvp(eventId, other.id)).status).toBe("waiting");

    const done = await ac.post(url, { intent: "rsvp", answer: "not_going", ...yes });
    expect(done.status).toBe(302);
    expectMessage(
      await (await ac.get(done.headers.get("location")!)).text(),
      "events.yourAnswer.not_going",
    );
    expect((await rsvp(eventId, author.id)).status).toBe("not_going");
    expect((await rsvp(eventId, other.id)).status).toBe("going");

    // An event without a limit loses nobody a seat: no question.
    const open = await limitedEvent(fc, id, "");
    const openUrl = `/networks/${id}/events/${open}`;
    await ac.post(openUrl, { intent: "rsvp", answer: "going" });
    expect((await ac.post(openUrl, { intent: "rsvp", answer: "not_going" })).status).toBe(302);
  });

  it("asks the organiser before cancelling; a member is refused even with the confirmation", async () => {
    const { fc, ac, id } = await setUp();
    const eventId = await limitedEvent(fc, id, "5");
    const url = `/networks/${id}/events/${eventId}`;
    const cancelled = `select cancelled_at from events where id = '${eventId}'`;
    const asked = await fc.post(url, { intent: "cancel" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "events.cancelQuestion");
    expect((await one(cancelled)).cancelled_at).toBeNull();
    expect((await ac.post(url, { intent: "cancel" })).status).toBe(403);
    expect((await ac.post(url, { intent: "cancel", ...yes })).status).toBe(403);
    expect((await one(cancelled)).cancelled_at).toBeNull();
    const done = await fc.post(url, { intent: "cancel", ...yes });
    expect(done.status).toBe(302);
    expectMessage(await (await fc.get(url)).text(), "events.cancelledNotice");
    expect((await one(cancelled)).cancelled_at).not.toBeNull();
  });
});

describe("withdrawing a partnering opportunity", () => {
  it("asks the author first, refuses others, and says what happened", async () => {
    const { user: author, client } = await app.signedIn();
    const { client: otherClient } = await app.signedIn();
    const org = await app.createOrganisation({ members: [{ userId: author.id, role: "admin" }] });
    const { id } = await app.server.buildOpportunity({
      organisationId: org.id,
      createdBy: author.id,
    });
    const status = `select status from opportunities where id = '${id}'`;
    const asked = await client.post(`/partnering/${id}`, { intent: "withdraw" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "partnering.withdrawQuestion");
    expect((await one(status)).status).toBe("published");

    expect((await otherClient.post(`/partnering/${id}`, { intent: "withdraw" })).status).not.toBe(
      200,
    );
    expect(
      (await otherClient.post(`/partnering/${id}`, { intent: "withdraw", ...yes })).status,
    ).not.toBe(302);
    expect((await one(status)).status).toBe("published");

    const done = await client.post(`/partnering/${id}`, { intent: "withdraw", ...yes });
    expect(done.status).toBe(302);
    expectMessage(
      await (await client.get(done.headers.get("location")!)).text(),
      "partnering.withdrawnDone",
    );
    expect((await one(status)).status).toBe("withdrawn");
    // Again: already withdrawn, refused (409), nothing changes.
    expect((await client.post(`/partnering/${id}`, { intent: "withdraw", ...yes })).status).toBe(
      409,
    );
  });
});

describe("closing a training need", () => {
  it("asks its owner first, refuses others, and says what happened", async () => {
    const { client } = await app.signedIn({ role: "owner" });
    const { client: otherClient } = await app.signedIn({ role: "owner" });
    const created = await client.post("/needs/new", {
      topic: "topic:digital-basics",
      topicText: "",
      situation: "I run a small bakery and want to take orders online.",
      urgency: "month",
      formats: ["online_live"],
      times: ["evenings"],
      longestSitting: "hour",
      languages: ["en"],
      audience: "all",
      submissionKey: `need${Date.now().toString(36)}`,
    });
    expect(created.status).toBe(302);
    const url = created.headers.get("location")!;
    const id = url.split("/needs/")[1];
    const status = `select status from needs where id = '${id}'`;

    const asked = await client.post(url, { intent: "close" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "needs.closeQuestion");
    expect((await one(status)).status).toBe("open");
    expect((await otherClient.post(url, { intent: "close" })).status).toBe(403);
    expect((await otherClient.post(url, { intent: "close", ...yes })).status).toBe(403);

    const done = await client.post(url, { intent: "close", ...yes });
    expect(done.status).toBe(302);
    expectMessage(
      await (await client.get(done.headers.get("location")!)).text(),
      "needs.closedDone",
    );
    expect((await one(status)).status).toBe("closed");
  });
});

describe("leaving a group conversation", () => {
  it("asks first and leaves on confirmation", async () => {
    const { ac, author, other, facilitator } = await setUp();
    const started = await ac.post("/conversations/new", {
      to: [other.id, facilitator.id],
      title: "Three of us",
      body: "Hello both",
      submissionKey: `conv${Date.now().toString(36)}`,
    });
    expect(started.status).toBe(302);
    const url = started.headers.get("location")!.split("?")[0].split("#")[0];
    const id = url.split("/conversations/")[1];
    const participant = `select status from conversation_participants where conversation_id = '${id}' and user_id = '${author.id}'`;
    const asked = await ac.post(url, { intent: "leave" });
    expect(asked.status).toBe(200);
    expectMessage(await asked.text(), "conversations.leaveQuestion");
    expect((await one(participant)).status).toBe("active");
    const done = await ac.post(url, { intent: "leave", ...yes });
    expect(done.status).toBe(302);
    expectMessage(
      await (await ac.get(done.headers.get("location")!)).text(),
      "conversations.leftDone",
    );
    expect((await one(participant)).status).toBe("left");
  });
});
