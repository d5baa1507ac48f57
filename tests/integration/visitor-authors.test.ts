import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm } from "../setup/events";
import { act, publishResource } from "../setup/learning";

// Authors in open networks as signed-out visitors see them, per the installation setting
// (decision 026): posts, comments, @mentions inside post text and forum topics and replies.
let app: TestApp;
let admin: TestClient;
let writer: { id: string };
let mentioned: { id: string };
let networkId: string;
let postId: string;
let topicId: string;
const writerName = "Quirin Authortest";
const mentionedName = "Ottilie Mentiontest";

beforeAll(async () => {
  app = await startTestApp();
  admin = (await app.signedIn({ isAdmin: true })).client;
  const signedIn = await app.signedIn({ displayName: writerName });
  writer = signedIn.user;
  const client = signedIn.client;
  mentioned = await app.createUser({ displayName: mentionedName });
  ({ id: networkId } = await app.server.createNetwork({
    visibility: "open",
    members: [writer.id, mentioned.id],
  }));
  const posted = await client.post(`/networks/${networkId}`, {
    intent: "post",
    body: "Fresh bread today, thanks @ottilie.mentiontest for the flour",
  });
  expect(posted.status).toBe(302);
  [{ id: postId }] = await app.server.queryRows<{ id: string }>(
    app.server.rawSql(`select id from posts where network_id = '${networkId}'`),
  );
  const commented = await client.post(`/networks/${networkId}`, {
    intent: "comment",
    postId,
    body: "And rye tomorrow",
  });
  expect(commented.status).toBe(302);
  const topic = await client.post(`/networks/${networkId}/topics`, {
    intent: "create-topic",
    title: "Which flour for rye?",
    body: "Asking @ottilie.mentiontest too",
  });
  expect(topic.status).toBe(302);
  topicId = topic.headers.get("location")!.split("/topics/")[1].split("?")[0];
  const replied = await client.post(`/networks/${networkId}/topics/${topicId}`, {
    intent: "reply",
    body: "Dark rye, always",
  });
  expect(replied.status).toBe(302);
  const linked = await client.post(`/networks/${networkId}/resources`, {
    intent: "add-link",
    title: "Rye flour guide",
    description: "",
    url: "https://example.org/rye",
    language: "en",
    submissionKey: "visitor-authors-link",
  });
  expect(linked.status).toBe(302);
});
afterAll(async () => {
  await app?.close();
});

async function choose(visitorPeople: string) {
  const saved = await admin.post("/admin/settings", { visitorPeople });
  expect(saved.status).toBe(200);
}

const pagesWithAuthors = () => [
  `/networks/${networkId}`,
  `/networks/${networkId}/posts/${postId}`,
  `/networks/${networkId}/topics`,
  `/networks/${networkId}/topics/${topicId}`,
  `/networks/${networkId}/resources`,
];

async function pages(client: TestClient) {
  const out: [string, string][] = [];
  for (const path of pagesWithAuthors()) {
    const response = await client.get(path);
    expect(response.status, path).toBe(200);
    out.push([path, await response.text()]);
  }
  return out;
}

describe("authors as signed-out visitors see them", () => {
  it("members only by default: no names, no profile links, no edit controls", async () => {
    for (const [path, html] of await pages(app.client())) {
      expect(html, path).not.toContain(writerName);
      expect(html, path).not.toContain(mentionedName);
      expect(html, path).not.toContain("/people/");
      expect(html, path).not.toContain(writer.id);
      expect(html, path).not.toContain(mentioned.id);
    }
    const feed = await (await app.client().get(`/networks/${networkId}`)).text();
    expect(feed).toContain("Fresh bread today");
    expect(feed).toContain("A member");
    const resources = await (await app.client().get(`/networks/${networkId}/resources`)).text();
    expect(resources).toContain("Rye flour guide");
    // A visitor is nobody's author: no edit or delete forms.
    expect(feed).not.toContain('value="edit"');
    expect(feed).not.toContain('value="delete-post"');
  });

  it("members see names and profile links whatever the setting", async () => {
    const { client } = await app.signedIn();
    for (const [path, html] of await pages(client)) {
      expect(html, path).toContain(writerName);
      // The topic list names who started a topic without a link.
      if (!/\/(topics|resources)$/.test(path)) expect(html, path).toContain(`/people/${writer.id}`);
    }
    const feed = await (await client.get(`/networks/${networkId}`)).text();
    expect(feed).toContain(
      `<a class="mention" href="/people/${mentioned.id}">@${mentionedName}</a>`,
    );
  });

  it("names only: names without links to profiles", async () => {
    await choose("names");
    for (const [path, html] of await pages(app.client())) {
      expect(html, path).toContain(writerName);
      expect(html, path).not.toContain("/people/");
    }
    const feed = await (await app.client().get(`/networks/${networkId}`)).text();
    expect(feed).toContain(`@${mentionedName}`);
  });

  it("public profiles: names and links as members see them", async () => {
    await choose("profiles");
    for (const [path, html] of await pages(app.client())) {
      expect(html, path).toContain(writerName);
      if (!/\/(topics|resources)$/.test(path)) expect(html, path).toContain(`/people/${writer.id}`);
    }
    const feed = await (await app.client().get(`/networks/${networkId}`)).text();
    expect(feed).toContain(`href="/people/${mentioned.id}">@${mentionedName}</a>`);
    await choose("members");
    expect(await (await app.client().get(`/networks/${networkId}`)).text()).not.toContain(
      writerName,
    );
  });
});

describe("learning resource authors as signed-out visitors see them", () => {
  it("hides authors, commenters and editors under members only; names under names only", async () => {
    const author = await app.signedIn({ role: "educator", displayName: "Rosalind Resourcetest" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner", displayName: "Cornelius Commenttest" });
    const id = await publishResource(author.client, reviewer.client);
    const commented = await act(reader.client, id, {
      intent: "comment",
      body: "This helped me.",
      submissionKey: "visitor-authors-comment",
    });
    expect(commented.status).toBe(302);
    const names = ["Rosalind Resourcetest", "Cornelius Commenttest"];
    const paths = [`/learn/${id}`, `/learn/${id}/versions`];
    const { client: member } = await app.signedIn();
    const seen = async (client: TestClient) => {
      let all = "";
      for (const path of paths) {
        const response = await client.get(path);
        expect(response.status, path).toBe(200);
        all += await response.text();
      }
      return all;
    };
    const visitorHtml = await seen(app.client());
    expect(visitorHtml).toContain("This helped me.");
    for (const name of names) expect(visitorHtml).not.toContain(name);
    const memberHtml = await seen(member);
    for (const name of names) expect(memberHtml).toContain(name);
    await choose("names");
    const namesHtml = await seen(app.client());
    for (const name of names) expect(namesHtml).toContain(name);
    await choose("members");
  });
});

describe("event attendees as signed-out visitors see them", () => {
  it("names only: attendees' names without profile links", async () => {
    const organiser = await app.signedIn({ displayName: "Ignatius Eventtest" });
    const { id } = await app.server.createNetwork({ facilitators: [organiser.user.id] });
    const created = await organiser.client.post(`/networks/${id}/events/new`, eventForm());
    expect(created.status).toBe(302);
    const path = created.headers.get("location")!;
    const going = await organiser.client.post(path, { intent: "rsvp", answer: "going" });
    expect(going.status).toBeLessThan(400);
    const member = await (await organiser.client.get(path)).text();
    expect(member).toContain(`/people/${organiser.user.id}`);
    expect(await (await app.client().get(path)).text()).not.toContain("Ignatius Eventtest");
    await choose("names");
    const visitor = await (await app.client().get(path)).text();
    expect(visitor).toContain("Ignatius Eventtest");
    expect(visitor).not.toContain(`/people/${organiser.user.id}`);
    await choose("members");
  });
});
