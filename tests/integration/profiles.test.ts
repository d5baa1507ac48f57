import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";
import { disguisedPng, makePng } from "../setup/images";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ UPLOAD_LIMIT_BYTES: "300000" });
  // These tests are about each person's own choices, which signed-out visitors see only when
  // the installation shows them public profiles; the default (members only) is tested in
  // visitor-visibility.test.ts.
  const { client: admin } = await app.signedIn({ isAdmin: true });
  expect((await admin.post("/admin/settings", { visitorPeople: "profiles" })).status).toBe(200);
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

function profileForm(overrides: Record<string, string | string[] | Blob> = {}) {
  return {
    displayName: "Eleni Test",
    headline: "Olive oil producer in Chania",
    bio: "Family business since 1987.",
    country: "GR",
    region: "Crete",
    lang_0: "el",
    level_0: "native",
    lang_1: "en",
    level_1: "B2",
    offered: ["small-scale-farming"],
    wanted: ["online-shop", "social-media-marketing"],
    vis_headline: "public",
    vis_bio: "members",
    vis_photo: "public",
    vis_location: "public",
    vis_languages: "public",
    vis_skills: "public",
    vis_organisations: "public",
    ...overrides,
  };
}

function signedInNewUser(spec: Parameters<TestApp["createUser"]>[0] = {}) {
  return app.signedIn({ password, onboarded: false, languages: [], ...spec });
}

describe("onboarding profile", () => {
  it("saves the whole profile with a photo, re-encoded as WebP", async () => {
    const { user, client } = await signedInNewUser();
    const response = await client.post(
      "/onboarding/profile",
      profileForm({ photo: await makePng() }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/onboarding/organisation");
    const page = await client.get(`/people/${user.id}`);
    const html = await page.text();
    expect(html).toContain("Olive oil producer in Chania");
    expect(html).toContain("Family business since 1987.");
    const photo = html.match(/src="(\/media\/photos\/[^"]+)"/)?.[1];
    expect(photo).toBeTruthy();
    const image = await client.get(photo!);
    expect(image.status).toBe(200);
    expect(image.headers.get("content-type")).toBe("image/webp");
    const bytes = Buffer.from(await image.arrayBuffer());
    expect(bytes.subarray(8, 12).toString("ascii")).toBe("WEBP");
  });

  it("refuses a disguised upload and saves nothing of the form", async () => {
    const { user, client } = await signedInNewUser();
    for (const fake of [
      disguisedPng("<html><script>alert(1)</script></html>"),
      disguisedPng('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ]) {
      const response = await client.post("/onboarding/profile", profileForm({ photo: fake }));
      expect(response.status).toBe(400);
      const html = await response.text();
      expectMessage(html, "photo.invalid");
      // What was typed is kept for the next try.
      expect(html).toContain("Olive oil producer in Chania");
    }
    const rows = await app.server.queryRows<{ headline: string; onboarded: boolean }>(
      app.server.rawSql(
        `select headline, onboarded_at is not null as onboarded from users where id = '${user.id}'`,
      ),
    );
    expect(rows[0]).toEqual({ headline: "", onboarded: false });
  });

  it("refuses an oversized upload with 413", async () => {
    const { client } = await signedInNewUser();
    const big = new Blob([new Uint8Array(400_000)], { type: "image/png" });
    const response = await client.post("/onboarding/profile", profileForm({ photo: big }));
    expect(response.status).toBe(413);
  });

  it("validates names, countries, languages and topics", async () => {
    const { client } = await signedInNewUser();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ displayName: "" }, "profile.nameTooShort"],
      [{ country: "XX" }, "profile.countryRequired"],
      [{ lang_0: "", lang_1: "" }, "profile.languagesRequired"],
      [{ lang_0: "zz" }, "profile.languageUnknown"],
      [{ lang_1: "el" }, "profile.languageTwice"],
      [{ offered: ["not-a-topic"] }, "form.invalid"],
      [{ bio: "x".repeat(2001) }, "profile.bioTooLong"],
    ];
    for (const [override, key] of cases) {
      const response = await client.post("/onboarding/profile", profileForm(override));
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
  });

  it("needs a signed-in person", async () => {
    const response = await app.client().post("/onboarding/profile", profileForm());
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin/);
  });
});

describe("field visibility", () => {
  it("shows each field only to those its owner allows, on the page and in the directory", async () => {
    const { user: owner, client: ownerClient } = await signedInNewUser({
      displayName: "Visibility Owner",
    });
    await ownerClient.post(
      "/onboarding/profile",
      profileForm({
        displayName: "Visibility Owner",
        headline: "Secret headline text",
        bio: "Members-only biography text",
        country: "FI",
        vis_headline: "private",
        vis_bio: "members",
        vis_location: "private",
        vis_photo: "private",
        photo: await makePng(),
      }),
    );
    const anonymous = await (await app.client().get(`/people/${owner.id}`)).text();
    expect(anonymous).toContain("Visibility Owner");
    expect(anonymous).not.toContain("Secret headline text");
    expect(anonymous).not.toContain("Members-only biography text");
    expect(anonymous).not.toContain("/media/photos/");

    const { client: member } = await signedInNewUser();
    const asMember = await (await member.get(`/people/${owner.id}`)).text();
    expect(asMember).toContain("Members-only biography text");
    expect(asMember).not.toContain("Secret headline text");

    const own = await (await ownerClient.get(`/people/${owner.id}`)).text();
    expect(own).toContain("Secret headline text");
    const photo = own.match(/src="(\/media\/photos\/[^"]+)"/)?.[1];
    expect(photo).toBeTruthy();
    expect((await ownerClient.get(photo!)).status).toBe(200);
    expect((await member.get(photo!)).status).toBe(404);
    expect((await app.client().get(photo!)).status).toBe(404);

    // A hidden country must not be findable by filtering on it.
    const filtered = await (await member.get("/people?country=FI")).text();
    expect(filtered).not.toContain("Visibility Owner");
    const ownFiltered = await (await ownerClient.get("/people?country=FI")).text();
    expect(ownFiltered).toContain("Visibility Owner");
  });

  it("hides people whose email is not verified", async () => {
    const user = await app.createUser({ displayName: "Unverified Person", verified: false });
    expect((await app.client().get(`/people/${user.id}`)).status).toBe(404);
    expect(await (await app.client().get("/people")).text()).not.toContain("Unverified Person");
  });

  it("answers 404 for unknown and malformed ids", async () => {
    expect((await app.client().get("/people/00000000-0000-0000-0000-000000000000")).status).toBe(
      404,
    );
    expect((await app.client().get("/people/not-an-id")).status).toBe(404);
    expect((await app.client().get("/media/photos/../../secret")).status).toBe(404);
  });
});

describe("people directory", () => {
  it("filters by role, country, language, skill and sector, and pages by keyset", async () => {
    const marker = `Dir${Date.now()}`;
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const user = await app.createUser({
        displayName: `${marker} Person ${String(i).padStart(2, "0")}`,
        role: i % 2 ? "educator" : "owner",
        country: "RO",
        languages: [
          { code: "ro", level: "native" },
          ...(i % 3 === 0 ? [{ code: "fi", level: "A2" }] : []),
        ],
        offered: i % 5 === 0 ? ["circular-economy"] : [],
        createdAt: new Date(Date.now() - i * 60_000),
      });
      ids.push(user.id);
    }
    await app.createOrganisation({
      naceDivision: "56",
      country: "RO",
      members: [{ userId: ids[4], role: "admin" }],
    });
    // Only the visible list counts: the same names also appear in the hydration data.
    const names = (html: string) =>
      [
        ...(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "").matchAll(
          new RegExp(`${marker} Person (\\d\\d)`, "g"),
        ),
      ].map((m) => m[1]);

    const owners = names(await (await app.client().get("/people?country=RO&role=owner")).text());
    expect(owners.length).toBe(15);
    expect(owners.every((n) => Number(n) % 2 === 0)).toBe(true);

    const finnish = names(await (await app.client().get("/people?language=fi&country=RO")).text());
    expect(finnish.sort()).toEqual(["00", "03", "06", "09", "12", "15", "18", "21", "24", "27"]);

    const circular = names(
      await (await app.client().get("/people?skill=circular-economy&country=RO")).text(),
    );
    expect(circular.sort()).toEqual(["00", "05", "10", "15", "20", "25"]);

    const sector = names(await (await app.client().get("/people?sector=I&country=RO")).text());
    expect(sector).toEqual(["04"]);

    // Keyset pages: 24 + 6, newest first, no person twice.
    const first = await (await app.client().get("/people?country=RO")).text();
    const page1 = names(first);
    expect(page1.length).toBe(24);
    const next = first.match(/href="\?([^"]*after=[^"]+)"/)?.[1]?.replaceAll("&amp;", "&");
    expect(next).toBeTruthy();
    const page2 = names(await (await app.client().get(`/people?${next}`)).text());
    expect(page2.length).toBe(6);
    expect(new Set([...page1, ...page2]).size).toBe(30);
    expect(page1[0]).toBe("00");
    expect(page2.at(-1)).toBe("29");
  });

  it("ignores malformed filters and cursors instead of failing", async () => {
    const response = await app.client().get("/people?country=<script>&role=king&after=%%%garbage");
    expect(response.status).toBe(200);
    expect(await response.text()).not.toContain("<script>&");
  });

  it("shows the card fields the viewer may see", async () => {
    const user = await app.createUser({
      displayName: "Card Person",
      headline: "Hidden card headline",
      visibility: { headline: "members" },
    });
    const anonymous = await (await app.client().get("/people")).text();
    expect(anonymous).toContain("Card Person");
    expect(anonymous).not.toContain("Hidden card headline");
    const { client } = await signedInNewUser();
    expect(await (await client.get("/people")).text()).toContain(
      escapeHtml("Hidden card headline"),
    );
    expect(user.id).toBeTruthy();
  });
});
