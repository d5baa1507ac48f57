/**
 * Words an owner reads (issue 13): a newcomer is welcomed, not welcomed back; someone in no
 * network is offered one instead of "Write the first post"; error pages have a plain title and
 * say what to do; sectors are words without codes; the site role that starts networks is named
 * apart from the network's facilitators, and the refusal says whom to ask.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { catalogues, escapeHtml, expectMessage, expectNoMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

const en = catalogues.en;

describe("the home page of a newcomer", () => {
  it("says Welcome, not Welcome back, and offers a network rather than a first post", async () => {
    const { client } = await app.signedIn({ displayName: "Nora Newcomer" });
    const html = mainOf(await (await client.get("/")).text());
    expect(html).toContain(escapeHtml(en["home.welcome"].replace("{name}", "Nora Newcomer")));
    expect(html).not.toContain(escapeHtml(en["home.welcomeBack"].replace("{name}", "")));
    expectMessage(html, "home.feedEmptyNoNetwork");
    expectMessage(html, "home.findNetworkToJoin");
    expectNoMessage(html, "home.feedEmpty");
  });

  it("keeps 'Write the first post' for a member of a quiet network", async () => {
    const { user, client } = await app.signedIn({ displayName: "Mia Member" });
    await app.server.createNetwork({ members: [user.id] });
    const html = mainOf(await (await client.get("/")).text());
    expectMessage(html, "home.feedEmpty");
    expectNoMessage(html, "home.feedEmptyNoNetwork");
  });
});

describe("error pages", () => {
  it("give a plain title and what to do, never 'Error 404'", async () => {
    const response = await app.client().get("/networks/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
    const html = await response.text();
    expectMessage(html, "errors.pageTitle.404");
    expectMessage(html, "errors.next.404");
    expect(html).not.toMatch(/Error 40\d/);
  });

  it("tell someone refused what they can do", async () => {
    const { client } = await app.signedIn({ displayName: "Otto Owner" });
    const response = await client.get("/admin/users");
    expect(response.status).toBe(403);
    const html = await response.text();
    expectMessage(html, "errors.pageTitle.403");
    expectMessage(html, "errors.next.403");
    expect(html).not.toMatch(/Error 403/);
  });
});

describe("sectors in words", () => {
  it("shows an organisation's sector without its code, and the size plainly", async () => {
    const { id } = await app.createOrganisation({ name: "Stitch Studio", naceDivision: "14" });
    const html = mainOf(await (await app.client().get(`/organisations/${id}`)).text());
    expect(html).toContain("Manufacture of wearing apparel");
    expect(html).not.toContain("14 · ");
    expectMessage(html, "org.sizeBand.1");
  });

  it("names the sectors of a network's people in everyday words", async () => {
    const { user } = await app.signedIn({ displayName: "Gina Grocer" });
    await app.createOrganisation({
      naceDivision: "47",
      members: [{ userId: user.id, role: "admin" }],
    });
    const { id } = await app.server.createNetwork({ visibility: "open", members: [user.id] });
    // A signed-in reader: signed-out visitors see no mix of people by default (decision 026).
    const { client: reader } = await app.signedIn();
    const html = mainOf(await (await reader.get(`/networks/${id}`)).text());
    expect(html).toContain("Shops, trade and car repair (1)");
    expect(html).not.toContain("motorcycles");
  });
});

describe("who may start a network", () => {
  it("names the site role apart from a network's facilitators and says whom to ask", async () => {
    const { client } = await app.signedIn({ displayName: "Fred Facilitator" });
    const response = await client.get("/networks/new");
    expect(response.status).toBe(403);
    expectMessage(await response.text(), "networks.createForbidden");
    expect(en["networks.createForbidden"]).toContain("coordinator");
    expect(en["role.coordinator"]).not.toBe(en["role.facilitator"]);
  });
});
