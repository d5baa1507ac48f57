import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues, escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
let admin: TestClient;
beforeAll(async () => {
  app = await startTestApp();
  admin = (await app.signedIn({ isAdmin: true })).client;
});
afterAll(async () => {
  await app?.close();
});

let counter = 0;
/** A marker unique to one test, so each test's search sees only its own people. */
const marker = () => `Zq${Date.now().toString(36)}x${counter++}`;

/** A confirmation as the page writes it, with the person's name. */
const said = (key: string, name: string) => escapeHtml(catalogues.en[key].replace("{name}", name));

/** Display names in the admin list for a query string, in page order. */
async function namesOn(query: string): Promise<string[]> {
  const response = await admin.get(`/admin/users?${query}`);
  expect(response.status).toBe(200);
  const html = await response.text();
  return [...html.matchAll(/data-person-name="([^"]*)"/g)].map((m) => m[1]);
}

describe("admin users page", () => {
  it("is for admins only: a member gets 403 on the page and on the actions", async () => {
    expect((await app.client().get("/admin/users")).status).toBe(302);
    const { client } = await app.signedIn();
    expect((await client.get("/admin/users?role=admin")).status).toBe(403);
    const target = await app.createUser();
    const post = await client.post("/admin/users", {
      userId: target.id,
      intent: "facilitator:grant",
    });
    expect(post.status).toBe(403);
    const rows = await app.server.queryRows<{ is_facilitator: boolean }>(
      app.server.rawSql(`select is_facilitator from users where id = '${target.id}'`),
    );
    expect(rows[0].is_facilitator).toBe(false);
  });

  it("finds people by name or by email fragment", async () => {
    const m = marker();
    await app.createUser({ displayName: `${m} Maria Rossi` });
    await app.createUser({ displayName: "Somebody Else", email: `${m}.inbox@example.org` });
    expect(await namesOn(`q=${encodeURIComponent(`${m} Maria`)}`)).toEqual([`${m} Maria Rossi`]);
    expect(await namesOn(`q=${encodeURIComponent(`${m}.inbox`)}`)).toEqual(["Somebody Else"]);
    expect(await namesOn(`q=${m}`)).toHaveLength(2);
  });

  it("filters by role: owner, trainer, facilitator, admin", async () => {
    const m = marker();
    await app.createUser({ displayName: `${m} Owner`, role: "owner" });
    await app.createUser({ displayName: `${m} Trainer`, role: "educator" });
    await app.createUser({
      displayName: `${m} Facilitator`,
      role: "educator",
      isFacilitator: true,
    });
    await app.createUser({ displayName: `${m} Admin`, role: "owner", isAdmin: true });
    const filtered = async (role: string) => (await namesOn(`q=${m}&role=${role}`)).sort();
    expect(await filtered("owner")).toEqual([`${m} Admin`, `${m} Owner`]);
    expect(await filtered("educator")).toEqual([`${m} Facilitator`, `${m} Trainer`]);
    expect(await filtered("facilitator")).toEqual([`${m} Facilitator`]);
    expect(await filtered("admin")).toEqual([`${m} Admin`]);
    expect(await filtered("")).toHaveLength(4);
    // An unknown role is a bad request, not an empty list.
    expect((await admin.get(`/admin/users?role=superuser`)).status).toBe(400);
  });

  it("pages with a cursor, newest first, keeping search and filter", async () => {
    const m = marker();
    const now = Date.now();
    for (let i = 0; i < 27; i++) {
      await app.createUser({
        displayName: `${m} Person ${String(i).padStart(2, "0")}`,
        role: "educator",
        passwordHash: "not-used-to-sign-in",
        createdAt: new Date(now - i * 60_000),
      });
    }
    const html = await (await admin.get(`/admin/users?q=${m}&role=educator`)).text();
    const first = [...html.matchAll(/data-person-name="([^"]*)"/g)].map((x) => x[1]);
    expect(first).toHaveLength(25);
    expect(first[0]).toBe(`${m} Person 00`);
    const next = html.match(/href="\?([^"]*after=[^"]*)" rel="next"/)?.[1];
    expect(next).toBeDefined();
    const params = new URLSearchParams(next?.replace(/&amp;/g, "&"));
    expect(params.get("q")).toBe(m);
    expect(params.get("role")).toBe("educator");
    expect(await namesOn(params.toString())).toEqual([`${m} Person 25`, `${m} Person 26`]);
  });

  it("offers each person's actions in a menu, and says what it did", async () => {
    const m = marker();
    const person = { displayName: `${m} Future Facilitator` };
    const { id } = await app.createUser(person);
    const html = await (await admin.get(`/admin/users?q=${m}`)).text();
    // One <details> menu per row, with the person's name in its accessible label.
    expect(html).toMatch(/<details class="menu/);
    expect(html).toContain(escapeHtml(`${m} Future Facilitator`));
    expectMessage(html, "admin.actions");
    const grant = await admin.post(`/admin/users?q=${m}`, {
      userId: id,
      intent: "facilitator:grant",
    });
    expect(grant.status).toBe(200);
    expect(await grant.text()).toContain(said("admin.facilitatorGranted", person.displayName));
    expect(await namesOn(`q=${m}&role=facilitator`)).toEqual([`${m} Future Facilitator`]);
    const remove = await admin.post(`/admin/users?q=${m}`, {
      userId: id,
      intent: "facilitator:remove",
    });
    expect(remove.status).toBe(200);
    expect(await remove.text()).toContain(said("admin.facilitatorRemoved", person.displayName));
    expect(await namesOn(`q=${m}&role=facilitator`)).toEqual([]);
  });
});
