/**
 * The five-minute onboarding (issue 13): the role chosen on the home page, an error summary on
 * sign-up, the page a visitor came from carried through sign-up and onboarding, the short
 * profile step, sector in plain words, and the welcome page that proposes networks.
 */
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

let counter = 0;
const uniqueEmail = () => `onboard${Date.now()}${counter++}@example.org`;
const password = "a long enough passphrase";

function checkedRole(html: string): string | undefined {
  const inputs = html.match(/<input[^>]*name="role"[^>]*>/g) ?? [];
  return inputs.find((tag) => / checked=""/.test(tag))?.match(/value="(\w+)"/)?.[1];
}

/** The page's own content, without the router's data for the browser (which echoes the URL). */
function mainOf(html: string): string {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

describe("sign-up", () => {
  it("opens with the role the home page's button chose, and lets it be changed", async () => {
    const client = app.client();
    const home = await (await client.get("/")).text();
    expect(home).toContain('href="/signup?as=owner"');
    expect(home).toContain('href="/signup?as=educator"');
    expect(checkedRole(await (await client.get("/signup?as=owner")).text())).toBe("owner");
    expect(checkedRole(await (await client.get("/signup?as=educator")).text())).toBe("educator");
    expect(checkedRole(await (await client.get("/signup?as=admin")).text())).toBeUndefined();
    // Both roles stay on offer.
    const page = await (await client.get("/signup?as=owner")).text();
    expect(page).toContain('value="educator"');
  });

  it("answers errors with a summary that takes focus and links to each field", async () => {
    const response = await app.client().post("/signup", {
      role: "owner",
      displayName: "A",
      email: "not-an-address",
      password: "short",
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    const summary = html.match(/<div[^>]*class="[^"]*error-summary[^"]*"[\s\S]*?<\/div>/)?.[0];
    expect(summary).toBeTruthy();
    expect(summary).toMatch(/autofocus=""/);
    expect(summary).toMatch(/tabindex="-1"/);
    expect(summary).toContain('href="#f-displayName"');
    expect(summary).toContain('href="#f-email"');
    expect(summary).toContain('href="#f-password"');
    expect(summary).not.toContain('href="#f-role"');
    expectMessage(summary!, "form.errorSummaryTitle");
    // The fields the links point at exist.
    expect(html).toContain('id="f-email"');
    const noRole = await (await app.client().post("/signup", { displayName: "Ann Other" })).text();
    expect(noRole).toContain('href="#f-role"');
    expect(noRole).toContain('id="f-role"');
  });

  it("carries a same-site return path to onboarding through the confirmation mail", async () => {
    const { id } = await app.server.createNetwork({ name: "Bakers of Cork" });
    const email = uniqueEmail();
    const client = app.client();
    const form = await (
      await client.get(`/signup?next=${encodeURIComponent(`/networks/${id}`)}`)
    ).text();
    expect(form).toContain(`name="next" value="/networks/${id}"`);
    await client.post("/signup", {
      role: "owner",
      displayName: "Nora Newcomer",
      email,
      password,
      next: `/networks/${id}`,
    });
    const link = app.linkIn(await app.lastMailTo(email), "/verify-email");
    const verified = await client.get(link);
    const onboarding = `/onboarding/profile?next=${encodeURIComponent(`/networks/${id}`)}`;
    expect(verified.headers.get("location")).toBe(
      `/signin?verified=1&next=${encodeURIComponent(onboarding)}`,
    );
    const signedIn = await client.post("/signin", { email, password, next: onboarding });
    expect(signedIn.headers.get("location")).toBe(onboarding);
    // Each step hands the path on, and the welcome page offers the way back.
    const profile = await client.post(onboarding, {
      step: "essentials",
      displayName: "Nora Newcomer",
      country: "IE",
      lang_0: "en",
      level_0: "native",
      wanted: ["online-shop"],
      visibility: "members",
      next: `/networks/${id}`,
    });
    expect(profile.status).toBe(302);
    const organisation = `/onboarding/organisation?next=${encodeURIComponent(`/networks/${id}`)}`;
    expect(profile.headers.get("location")).toBe(organisation);
    const step2 = await (await client.get(organisation)).text();
    const welcome = `/onboarding/welcome?next=${encodeURIComponent(`/networks/${id}`)}`;
    expect(step2).toContain(`href="${escapeHtml(welcome)}"`);
    const end = await (await client.get(welcome)).text();
    expect(end).toContain(`href="/networks/${id}"`);
    expectMessage(end, "onboarding.backToWhereYouWere");
  });

  it("drops a return path that leaves the site", async () => {
    for (const evil of ["https://evil.example/", "//evil.example", "/\\evil.example"]) {
      const email = uniqueEmail();
      const client = app.client();
      const form = mainOf(
        await (await client.get(`/signup?next=${encodeURIComponent(evil)}`)).text(),
      );
      expect(form).toContain('name="password"');
      expect(form).not.toContain("evil.example");
      await client.post("/signup", {
        role: "owner",
        displayName: "Eve Outside",
        email,
        password,
        next: evil,
      });
      const link = app.linkIn(await app.lastMailTo(email), "/verify-email");
      const verified = await client.get(link);
      expect(verified.headers.get("location")).toBe(
        `/signin?verified=1&next=${encodeURIComponent("/onboarding/profile")}`,
      );
    }
    const { client } = await app.signedIn({ onboarded: false, languages: [] });
    const welcome = mainOf(
      await (await client.get("/onboarding/welcome?next=https%3A%2F%2Fevil.example")).text(),
    );
    expect(welcome).toContain("<h1");
    expect(welcome).not.toContain("evil.example");
  });
});

describe("the short profile step", () => {
  it("asks an owner what they want to learn first, with no language preset to a level", async () => {
    const { client } = await app.signedIn({ onboarded: false, languages: [], role: "owner" });
    const html = await (await client.get("/onboarding/profile")).text();
    const form = html.match(/<form[\s\S]*<\/form>/)?.[0] ?? "";
    // Essentials only: no headline, biography, photo, or seven visibility selects.
    expect(form).not.toContain('name="headline"');
    expect(form).not.toContain('name="bio"');
    expect(form).not.toContain('name="photo"');
    expect(form).not.toContain('name="vis_headline"');
    expect(form).toContain('name="visibility"');
    expect(form).toContain('name="wanted"');
    expect(form).not.toContain('name="offered"');
    // No level is chosen for a row without a language.
    expect(form).not.toMatch(/<option value="B1" selected/);
  });

  it("asks a trainer what they can help with", async () => {
    const { client } = await app.signedIn({ onboarded: false, languages: [], role: "educator" });
    const form = (await (await client.get("/onboarding/profile")).text()).match(
      /<form[\s\S]*<\/form>/,
    )?.[0];
    expect(form).toContain('name="offered"');
    expect(form).not.toContain('name="wanted"');
  });

  it("saves the essentials and keeps what the full editor holds", async () => {
    const { user, client } = await app.signedIn({
      onboarded: false,
      languages: [],
      headline: "Kept headline",
      offered: ["customer-service"],
    });
    const response = await client.post("/onboarding/profile", {
      step: "essentials",
      displayName: "Eleni Short",
      country: "GR",
      region: "Crete",
      lang_0: "el",
      level_0: "native",
      lang_1: "",
      level_1: "",
      wanted: ["online-shop"],
      visibility: "public",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/onboarding/organisation");
    const [row] = await app.server.queryRows<{
      headline: string;
      visibility: unknown;
      onboarded: boolean;
    }>(
      app.server.rawSql(
        `select headline, visibility, onboarded_at is not null as onboarded from users where id = '${user.id}'`,
      ),
    );
    expect(row.headline).toBe("Kept headline");
    expect(row.onboarded).toBe(true);
    expect(
      Object.values(row.visibility as Record<string, string>).every((v) => v === "public"),
    ).toBe(true);
    const skills = await app.server.queryRows<{ kind: string; topic: string }>(
      app.server.rawSql(
        `select kind, topic from user_skills where user_id = '${user.id}' order by kind`,
      ),
    );
    expect(skills).toEqual([
      { kind: "offered", topic: "customer-service" },
      { kind: "wanted", topic: "online-shop" },
    ]);
  });

  it("asks for a level when a language is chosen without one", async () => {
    const { client } = await app.signedIn({ onboarded: false, languages: [] });
    const response = await client.post("/onboarding/profile", {
      step: "essentials",
      displayName: "Level Less",
      country: "FI",
      lang_0: "fi",
      level_0: "",
      visibility: "members",
    });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "profile.levelRequired");
  });
});

describe("the organisation step", () => {
  it("takes the sector in plain words and a web address without https://", async () => {
    const { client } = await app.signedIn({ role: "owner", country: "IE" });
    const page = await (await client.get("/onboarding/organisation")).text();
    // Plain words to search in, no statistical codes.
    expect(page).toContain("<datalist");
    expect(page).not.toMatch(/10 · /);
    const response = await client.post("/onboarding/organisation", {
      intent: "create",
      kind: "enterprise",
      name: "Cork Bakery Plain",
      country: "IE",
      sector: "Manufacture of food products",
      sizeBand: "2-4",
      yearFounded: "2015",
      website: "corkbakery.example",
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/onboarding\/welcome\?organisation=/);
    const [row] = await app.server.queryRows<{ nace_division: string; website: string }>(
      app.server.rawSql(
        `select nace_division, website from organisations where name = 'Cork Bakery Plain'`,
      ),
    );
    expect(row).toEqual({ nace_division: "10", website: "https://corkbakery.example" });
  });

  it("says so when the sector is not one of the list", async () => {
    const { client } = await app.signedIn({ role: "owner", country: "IE" });
    const response = await client.post("/onboarding/organisation", {
      intent: "create",
      kind: "enterprise",
      name: "Nowhere Ltd",
      country: "IE",
      sector: "Underwater basket weaving",
      sizeBand: "2-4",
      yearFounded: "2015",
    });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "org.sectorRequired");
  });
});

describe("the welcome page", () => {
  it("proposes networks that fit and, for an owner, the needs capture", async () => {
    const facilitator = await app.createUser({ isFacilitator: true });
    await app.server.createNetwork({
      name: "Helsinki makers circle",
      countries: ["FI"],
      languages: ["fi"],
      facilitators: [facilitator.id],
    });
    const { client } = await app.signedIn({
      role: "owner",
      country: "FI",
      languages: [{ code: "fi", level: "native" }],
    });
    const html = await (await client.get("/onboarding/welcome")).text();
    expect(html).toContain("Helsinki makers circle");
    expect(html).toContain('href="/needs/new"');
    expectMessage(html, "onboarding.tellNeeds");
  });

  it("offers a trainer networks, without the owner's needs prompt", async () => {
    const { client } = await app.signedIn({ role: "educator", country: "IE" });
    const html = await (await client.get("/onboarding/welcome")).text();
    expect(html).not.toContain('href="/needs/new"');
    expect(html).toContain('href="/networks"');
  });
});
