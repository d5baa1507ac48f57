import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

function signedIn(spec: Parameters<TestApp["createUser"]>[0] = {}) {
  return app.signedIn({ password, ...spec });
}

const enterprise = {
  intent: "create",
  kind: "enterprise",
  name: "Bakery Test Ltd",
  country: "IE",
  region: "Cork",
  naceDivision: "10",
  sizeBand: "2-4",
  yearFounded: "2012",
  website: "https://bakery.example",
  description: "Sourdough and cakes.",
};

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

describe("creating organisations", () => {
  it("creates an enterprise with its creator as admin", async () => {
    const { user, client } = await signedIn({ displayName: "Bakery Founder" });
    const response = await client.post("/onboarding/organisation", enterprise);
    expect(response.status).toBe(302);
    // Onboarding ends on the welcome page, which links to the new organisation.
    const location = response.headers.get("location")!;
    const id = location.match(/^\/onboarding\/welcome\?organisation=([0-9a-f-]{36})$/)?.[1];
    expect(id).toBeTruthy();
    const welcome = mainOf(await (await client.get(location)).text());
    expect(welcome).toContain(`href="/organisations/${id}"`);
    const html = mainOf(await (await client.get(`/organisations/${id}`)).text());
    expect(html).toContain("Bakery Test Ltd");
    expect(html).toContain("Bakery Founder");
    // Owners read the sector in words, without the statistical code.
    expect(html).toContain("Manufacture of food products");
    expect(html).not.toContain("10 · ");
    const profile = mainOf(await (await client.get(`/people/${user.id}`)).text());
    expect(profile).toContain("Bakery Test Ltd");
  });

  it("creates a training provider with topics, modes and levels", async () => {
    const { client } = await signedIn({ role: "educator" });
    const response = await client.post("/onboarding/organisation", {
      intent: "create",
      kind: "provider",
      name: "Cork Skills Centre",
      country: "IE",
      providerType: "training_centre",
      topics: ["bookkeeping-basics", "social-media-marketing"],
      deliveryModes: ["online", "blended"],
      eqfLevels: ["3", "4"],
    });
    expect(response.status).toBe(302);
    const id = response.headers.get("location")!.match(/organisation=([0-9a-f-]{36})/)?.[1];
    const html = mainOf(await (await client.get(`/organisations/${id}`)).text());
    expect(html).toContain("Cork Skills Centre");
    expect(html).toContain("Bookkeeping basics");
    expect(html).toContain("3, 4");
  });

  it("validates and writes nothing on bad input", async () => {
    const { client } = await signedIn();
    const cases: [Record<string, string>, string][] = [
      [{ naceDivision: "04" }, "org.sectorRequired"],
      [{ yearFounded: "3000" }, "org.yearInvalid"],
      [{ name: "" }, "org.nameTooShort"],
      [{ website: "javascript:alert(1)" }, "org.websiteInvalid"],
      [{ sizeBand: "50-99" }, "org.sizeRequired"],
      [{ country: "QQ" }, "profile.countryRequired"],
    ];
    for (const [override, key] of cases) {
      const response = await client.post("/onboarding/organisation", {
        ...enterprise,
        name: `Invalid ${key}`,
        ...override,
      });
      expect(response.status, key).toBe(400);
      const html = await response.text();
      expectMessage(html, key);
    }
    const rows = await app.server.queryRows<{ n: number }>(
      app.server.rawSql(`select count(*)::int as n from organisations where name like 'Invalid %'`),
    );
    expect(rows[0].n).toBe(0);
  });
});

describe("joining organisations", () => {
  it("needs the admin's approval, and only an admin can give it", async () => {
    const { user: admin, client: adminClient } = await signedIn({ displayName: "Org Admin" });
    const { id } = await app.createOrganisation({
      name: "Join Me Ltd",
      members: [{ userId: admin.id, role: "admin" }],
    });
    const { user: joiner, client: joinerClient } = await signedIn({
      displayName: "Would Be Member",
    });
    const { client: stranger } = await signedIn();

    expect((await joinerClient.post(`/organisations/${id}`, { intent: "join" })).status).toBe(200);
    const before = mainOf(await (await app.client().get(`/organisations/${id}`)).text());
    expect(before).not.toContain("Would Be Member");
    expect(mainOf(await (await adminClient.get(`/organisations/${id}`)).text())).toContain(
      "Would Be Member",
    );

    const forbidden = await stranger.post(`/organisations/${id}`, {
      intent: "approve",
      userId: joiner.id,
    });
    expect(forbidden.status).toBe(403);
    const selfApproval = await joinerClient.post(`/organisations/${id}`, {
      intent: "approve",
      userId: joiner.id,
    });
    expect(selfApproval.status).toBe(403);

    const approved = await adminClient.post(`/organisations/${id}`, {
      intent: "approve",
      userId: joiner.id,
    });
    expect(approved.status).toBe(200);
    // Signed in: signed-out visitors see no people by default (decision 026).
    const { client: reader } = await app.signedIn();
    expect(mainOf(await (await reader.get(`/organisations/${id}`)).text())).toContain(
      "Would Be Member",
    );
  });

  it("keeps the last admin from leaving while others remain", async () => {
    const { user: admin, client } = await signedIn();
    const other = await app.createUser();
    const { id } = await app.createOrganisation({
      members: [
        { userId: admin.id, role: "admin" },
        { userId: other.id, role: "member" },
      ],
    });
    const response = await client.post(`/organisations/${id}`, {
      intent: "leave",
      confirmed: "yes",
    });
    expect(response.status).toBe(409);
    expectMessage(await response.text(), "org.lastAdmin");
  });

  it("answers unknown organisations with 404", async () => {
    const { client } = await signedIn();
    expect(
      (await app.client().get("/organisations/00000000-0000-0000-0000-000000000000")).status,
    ).toBe(404);
    const join = await client.post("/organisations/00000000-0000-0000-0000-000000000000", {
      intent: "join",
    });
    expect(join.status).toBe(404);
  });
});

describe("organisations directory", () => {
  it("filters by kind, country, sector and topic", async () => {
    const marker = `Org${Date.now()}`;
    await app.createOrganisation({ name: `${marker} Taverna`, country: "CY", naceDivision: "56" });
    await app.createOrganisation({
      name: `${marker} Web Studio`,
      country: "CY",
      naceDivision: "62",
    });
    await app.createOrganisation({
      name: `${marker} Academy`,
      kind: "provider",
      country: "CY",
      topics: ["seo"],
    });
    const list = async (query: string) =>
      [
        ...mainOf(await (await app.client().get(`/organisations?${query}`)).text()).matchAll(
          new RegExp(`${marker} ([A-Za-z ]+?)<`, "g"),
        ),
      ].map((m) => m[1]);
    expect((await list("country=CY")).sort()).toEqual(["Academy", "Taverna", "Web Studio"]);
    expect(await list("country=CY&kind=provider")).toEqual(["Academy"]);
    expect(await list("country=CY&sector=J")).toEqual(["Web Studio"]);
    expect(await list("country=CY&topic=seo")).toEqual(["Academy"]);
    expect(await list(`q=${encodeURIComponent(`${marker} Tav`)}`)).toEqual(["Taverna"]);
  });
});

describe("admin", () => {
  it("is only for admins", async () => {
    const anonymous = await app.client().get("/admin/users");
    expect(anonymous.status).toBe(302);
    const { client } = await signedIn();
    expect((await client.get("/admin/users")).status).toBe(403);
  });

  it("grants and removes roles, but never the last admin's", async () => {
    await app.server.queryRows(app.server.rawSql("update users set is_admin = false"));
    const { user: admin, client } = await signedIn({ isAdmin: true });
    const member = await app.createUser({ displayName: "Future Facilitator" });
    const page = await (
      await client.get(`/admin/users?q=${encodeURIComponent("Future Facilitator")}`)
    ).text();
    expect(page).toContain(escapeHtml(member.email));
    const grant = await client.post("/admin/users", {
      userId: member.id,
      intent: "facilitator:grant",
    });
    expect(grant.status).toBe(200);
    const rows = await app.server.queryRows<{ is_facilitator: boolean }>(
      app.server.rawSql(`select is_facilitator from users where id = '${member.id}'`),
    );
    expect(rows[0].is_facilitator).toBe(true);
    const last = await client.post("/admin/users", { userId: admin.id, intent: "admin:remove" });
    expect(last.status).toBe(409);
    expectMessage(await last.text(), "admin.lastAdmin");
    const bad = await client.post("/admin/users", { userId: member.id, intent: "owner:grant" });
    expect(bad.status).toBe(400);
  });
});

describe("editing organisations", () => {
  it("lets the organisation's admins edit it, and nobody else", async () => {
    const { user: admin, client } = await signedIn();
    const { client: stranger } = await signedIn();
    const { id } = await app.createOrganisation({
      name: "Before Edit Ltd",
      members: [{ userId: admin.id, role: "admin" }],
    });
    expect((await stranger.get(`/organisations/${id}/edit`)).status).toBe(403);
    const forbidden = await stranger.post(`/organisations/${id}/edit`, {
      ...enterprise,
      intent: "update",
      name: "Hijacked",
    });
    expect(forbidden.status).toBe(403);
    expect((await client.get(`/organisations/${id}/edit`)).status).toBe(200);
    const invalid = await client.post(`/organisations/${id}/edit`, {
      ...enterprise,
      intent: "update",
      naceDivision: "99x",
    });
    expect(invalid.status).toBe(400);
    const saved = await client.post(`/organisations/${id}/edit`, {
      ...enterprise,
      intent: "update",
      name: "After Edit Ltd",
      naceDivision: "47",
    });
    expect(saved.status).toBe(302);
    const html = mainOf(await (await app.client().get(`/organisations/${id}`)).text());
    expect(html).toContain("After Edit Ltd");
    expect(html).toContain("Retail trade, except of motor vehicles and motorcycles");
    expect(html).not.toContain("Hijacked");
  });
});

describe("shared vocabularies page", () => {
  it("lists every NACE section, the EQF levels and both competence frameworks, translated", async () => {
    const html = mainOf(
      await (await app.client().get("/vocabularies", { "accept-language": "it" })).text(),
    );
    const sections = html.match(/<summary>[A-U] · /g) ?? [];
    expect(sections.length).toBe(21);
    expect(html).toContain('<th scope="row">8</th>');
    expect(html).toContain("EntreComp");
    expect(html).toContain("5.4");
    expect(html).toContain("Industrie alimentari");
    expect(html).toContain("esco.ec.europa.eu");
  });
});
