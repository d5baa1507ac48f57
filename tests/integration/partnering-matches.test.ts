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

let n = 0;
async function owner(spec: {
  country: string;
  division: string;
  languages: string[];
  locale?: string;
}) {
  n += 1;
  const name = `Matcher${n} Family${n}z`;
  const { client, user } = await app.signedIn({
    country: spec.country,
    displayName: name,
    locale: spec.locale ?? "en",
    languages: spec.languages.map((code) => ({ code, level: "C1" })),
  });
  const website = `https://matcher${n}.example`;
  const org = await app.createOrganisation({
    name: `Matcher Org ${n}`,
    country: spec.country,
    naceDivision: spec.division,
    website,
    members: [{ userId: user.id, role: "admin" }],
  });
  return { client, user, name, website, orgId: org.id };
}

describe("matches for you", () => {
  it("ranks Cork's request for a Tampere wholesaler with reasons in Finnish, hides own, hidden and already-interested opportunities", async () => {
    const cork = await owner({ country: "IE", division: "10", languages: ["en"] });
    const tampere = await owner({
      country: "FI",
      division: "46",
      languages: ["fi", "en"],
      locale: "fi",
    });
    const network = await app.server.createNetwork({
      name: "Nordic Food Owners 77",
      members: [cork.user.id, tampere.user.id],
    });
    expect(network.id).toBeTruthy();
    const good = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      createdBy: cork.user.id,
      title: "Distributor wanted in Finland",
      naceDivision: "10",
      partnerships: ["distribution"],
      targetCountries: ["FI"],
      languages: ["en"],
    });
    // Worse: elsewhere, in Romanian only, deadline in 3 days.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const weak = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      title: "Romanian knowledge exchange",
      naceDivision: "85",
      partnerships: ["knowledge_exchange"],
      targetCountries: [],
      languages: ["ro"],
      deadline: day,
    });
    const own = await app.server.buildOpportunity({
      organisationId: tampere.orgId,
      title: "Our own offer of distribution",
      kind: "offer",
      naceDivision: "46",
      targetCountries: [],
    });
    const withdrawn = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      title: "Withdrawn distribution request",
      status: "withdrawn",
      targetCountries: ["FI"],
    });
    const expired = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      title: "Expired distribution request",
      targetCountries: ["FI"],
      publishedAt: new Date(Date.now() - 300 * 86_400_000),
      expiresAt: new Date(Date.now() - 86_400_000),
    });
    const interested = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      title: "Already interested in this one",
      targetCountries: ["FI"],
    });
    await app.server.buildInterest({
      opportunityId: interested.id,
      organisationId: tampere.orgId,
      userId: tampere.user.id,
    });
    // Not their country and no language in common: not a candidate at all.
    const unreachable = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      title: "Only for Sweden in Swedish",
      targetCountries: ["SE"],
      languages: ["sv"],
      naceDivision: "62",
    });

    const response = await tampere.client.get("/partnering/matches");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(good.id);
    expect(html).toContain(weak.id);
    for (const hidden of [own, withdrawn, expired, interested, unreachable]) {
      expect(html).not.toContain(hidden.id);
    }
    // Best first.
    expect(html.indexOf(good.id)).toBeLessThan(html.indexOf(weak.id));
    // Reasons in Finnish, facts named.
    expect(html).toContain(escapeHtml("He etsivät kumppaneita maasta Suomi, jossa te toimitte"));
    expect(html).toContain("Toimialanne ovat naapureita: 10 · ");
    expect(html).toContain("Yhteinen kieli: englanti");
    expect(html).toContain("Nordic Food Owners 77");
    expect(html).toContain("Ei yhteistä kieltä");
    expect(html).toContain("Määräaikaa 3 päivää");
    // The same explanation for the opportunity page (explainMatch), none for one's own.
    const explained = await app.server.explainMatch(tampere.orgId, good.id);
    expect(explained?.reasons.map((r) => r.key)).toContain("matches.reason.neighbourSectors");
    expect(explained?.reasons.map((r) => r.key)).toContain("matches.reason.sharedNetwork");
    expect(await app.server.explainMatch(tampere.orgId, own.id)).toBeNull();
    expect(await app.server.explainMatch(tampere.orgId, "nonsense")).toBeNull();
    // The digest figure: good matches published in the last week (the weak one scores low).
    expect(
      await app.server.newMatchesSince(tampere.orgId, new Date(Date.now() - 7 * 86_400_000)),
    ).toBe(1);
    expect(await app.server.newMatchesSince(tampere.orgId, new Date(Date.now() + 60_000))).toBe(0);
    // The opportunity's page says the same to the Tampere owner, in Finnish.
    const page = await (await tampere.client.get(`/partnering/${good.id}`)).text();
    expect(page).toContain("Toimialanne ovat naapureita: 10 · ");
    expect(page).toContain("Nordic Food Owners 77");
    // A title the authors translated into Finnish is shown in Finnish among the matches.
    await app.server.queryRows(
      app.server.rawSql(`insert into opportunity_translations (opportunity_id, language, title, summary)
        values ('${good.id}', 'fi', 'Jakelija haussa Suomeen', 'Etsimme jakelijaa.')`),
    );
    const translated = await (await tampere.client.get("/partnering/matches")).text();
    expect(translated).toContain("Jakelija haussa Suomeen");
    expect(translated).not.toContain("Distributor wanted in Finland");
    // No contact details of the publisher before an introduction.
    expect(html).not.toContain(cork.name);
    expect(html).not.toContain(cork.website);
    expect(html).not.toContain(cork.user.email);
  });

  it("tells a person without an organisation where to go, and 404s an organisation they are not in", async () => {
    const { client } = await app.signedIn({ country: "IT" });
    const page = await client.get("/partnering/matches");
    expect(page.status).toBe(200);
    expectMessage(await page.text(), "matches.noOrganisation");
    const other = await owner({ country: "DE", division: "46", languages: ["de"] });
    const mine = await owner({ country: "IT", division: "46", languages: ["it"] });
    expect((await mine.client.get(`/partnering/matches?organisation=${other.orgId}`)).status).toBe(
      404,
    );
    expect((await mine.client.get("/partnering/matches?organisation=nonsense")).status).toBe(400);
    expect((await mine.client.get(`/partnering/matches?organisation=${mine.orgId}`)).status).toBe(
      200,
    );
    // Signed out: sent to sign in.
    const anonymous = await app.client().get("/partnering/matches");
    expect([302, 303]).toContain(anonymous.status);
  });

  it("lets a member of several organisations choose which one the matches are for", async () => {
    const person = await owner({ country: "GR", division: "56", languages: ["el"] });
    const second = await app.createOrganisation({
      name: "Second Org For Matches",
      country: "CY",
      naceDivision: "10",
      members: [{ userId: person.user.id }],
    });
    const publisher = await owner({ country: "RO", division: "47", languages: ["ro"] });
    const forCyprus = await app.server.buildOpportunity({
      organisationId: publisher.orgId,
      title: "Supplier wanted in Cyprus",
      partnerships: ["supplier"],
      targetCountries: ["CY"],
      languages: ["ro"],
      naceDivision: "47",
    });
    const first = await (
      await person.client.get(`/partnering/matches?organisation=${person.orgId}`)
    ).text();
    expect(first).not.toContain(forCyprus.id);
    const chosen = await (
      await person.client.get(`/partnering/matches?organisation=${second.id}`)
    ).text();
    expect(chosen).toContain(forCyprus.id);
    expect(chosen).toContain('name="organisation"');
  });
});
