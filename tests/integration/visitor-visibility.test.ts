import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage, expectNoMessage } from "../setup/html";

// What signed-out visitors see of people, per the installation setting (decision 026).
let app: TestApp;
let admin: TestClient;
let person: { id: string };
let networkId: string;
let organisationId: string;
const name = "Zoë Visibletest";
const headline = "Bakery owner who loves sourdough";

beforeAll(async () => {
  app = await startTestApp();
  admin = (await app.signedIn({ isAdmin: true })).client;
  person = await app.createUser({ displayName: name, headline, country: "GR" });
  ({ id: organisationId } = await app.createOrganisation({
    name: "Sourdough Visibletest",
    members: [{ userId: person.id, role: "admin" }],
  }));
  ({ id: networkId } = await app.server.createNetwork({ members: [person.id] }));
});
afterAll(async () => {
  await app?.close();
});

async function choose(visitorPeople: string) {
  const saved = await admin.post("/admin/settings", { visitorPeople });
  expect(saved.status).toBe(200);
}

const pagesShowingPeople = () => [
  "/people",
  `/people/${person.id}`,
  `/networks/${networkId}/members`,
  `/organisations/${organisationId}`,
  "/",
];

describe("what signed-out visitors see of people", () => {
  it("members only by default: no names, no profile, a sign-in note", async () => {
    const visitor = app.client();
    for (const path of pagesShowingPeople()) {
      const response = await visitor.get(path);
      const html = await response.text();
      expect(html, path).not.toContain(name);
      expect(html, path).not.toContain(headline);
    }
    expectMessage(await (await visitor.get("/people")).text(), "people.membersOnly");
    // No empty "New members" heading on the home page either.
    expectNoMessage(await (await visitor.get("/")).text(), "home.newestHeading");
    const profile = await visitor.get(`/people/${person.id}`);
    expect(profile.status).toBe(302);
    expect(profile.headers.get("location")).toContain("/signin?next=");
    // An unknown id answers the same, so a visitor learns nothing about who exists.
    const unknown = await visitor.get("/people/00000000-0000-4000-8000-000000000000");
    expect(unknown.headers.get("location")).toContain("/signin?next=");
  });

  it("members see names and profiles whatever the setting", async () => {
    const { client } = await app.signedIn();
    expect(await (await client.get("/people")).text()).toContain(name);
    const profile = await (await client.get(`/people/${person.id}`)).text();
    expect(profile).toContain(headline);
    expect(await (await client.get(`/networks/${networkId}/members`)).text()).toContain(name);
  });

  it("names only: visitors see names, but no profile field", async () => {
    await choose("names");
    const visitor = app.client();
    const people = await (await visitor.get("/people")).text();
    expect(people).toContain(name);
    expect(people).not.toContain(headline);
    expectNoMessage(people, "people.membersOnly");
    const profile = await visitor.get(`/people/${person.id}`);
    expect(profile.status).toBe(200);
    const html = await profile.text();
    expect(html).toContain(name);
    expect(html).not.toContain(headline);
    const members = await (await visitor.get(`/networks/${networkId}/members`)).text();
    expect(members).toContain(name);
    expect(members).not.toContain(headline);
    // Which business someone belongs to is a profile field: not shown.
    expect(await (await visitor.get(`/organisations/${organisationId}`)).text()).not.toContain(
      name,
    );
  });

  it("public profiles: visitors see what each person shows everyone", async () => {
    await choose("profiles");
    const visitor = app.client();
    expect(await (await visitor.get("/people")).text()).toContain(headline);
    expect(await (await visitor.get(`/people/${person.id}`)).text()).toContain(headline);
    expect(await (await visitor.get(`/networks/${networkId}/members`)).text()).toContain(name);
    expect(await (await visitor.get(`/organisations/${organisationId}`)).text()).toContain(name);
    await choose("members");
    expect(await (await app.client().get("/people")).text()).not.toContain(name);
  });

  it("only admins change it, and only to a known choice", async () => {
    const { client } = await app.signedIn();
    expect((await client.post("/admin/settings", { visitorPeople: "profiles" })).status).toBe(403);
    expect((await admin.post("/admin/settings", { visitorPeople: "everything" })).status).toBe(400);
    expect(await (await app.client().get("/people")).text()).not.toContain(name);
  });
});

describe("a network's member list as signed-out visitors see it", () => {
  const membersPath = () => `/networks/${networkId}/members`;
  const profileLink = () => `href="/people/${person.id}"`;

  it("members only: no names, no links, no filters; the note to sign in", async () => {
    await choose("members");
    const html = await (await app.client().get(membersPath())).text();
    expect(html).not.toContain(name);
    expect(html).not.toContain(person.id);
    expectMessage(html, "people.membersOnly");
    // Nothing to filter: the form would only find nobody.
    expect(html).not.toContain('name="facilitators"');
  });

  it("names only: the name alone, no link to the profile, no country to filter by", async () => {
    await choose("names");
    const visitor = app.client();
    const html = await (await visitor.get(membersPath())).text();
    expect(html).toContain(name);
    expect(html).not.toContain(profileLink());
    expect(html).not.toContain(headline);
    expect(html).not.toContain('name="country"');
    expectNoMessage(html, "people.membersOnly");
    // The same on the directory and the home page's newest members.
    for (const path of ["/people", "/"]) {
      const page = await (await visitor.get(path)).text();
      expect(page, path).toContain(name);
      expect(page, path).not.toContain(profileLink());
    }
    // A member reading the same list under the same setting gets the links.
    const { client } = await app.signedIn();
    expect(await (await client.get(membersPath())).text()).toContain(profileLink());
    await choose("members");
  });

  it("public profiles: names linked to the profiles", async () => {
    await choose("profiles");
    const html = await (await app.client().get(membersPath())).text();
    expect(html).toContain(name);
    expect(html).toContain(profileLink());
    expect(await (await app.client().get("/people")).text()).toContain(profileLink());
    await choose("members");
  });
});
