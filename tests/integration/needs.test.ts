import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({
    names: ["notifications.fanout", "notifications.email", "mail.send"],
    timeoutMs: 15_000,
  });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

let keyCounter = 0;
function needForm(overrides: Record<string, string | string[]> = {}) {
  keyCounter += 1;
  return {
    topic: "topic:digital-basics",
    topicText: "",
    situation: "I run a small bakery and want to take orders online.",
    urgency: "month",
    formats: ["online_live", "self_paced"],
    times: ["evenings"],
    longestSitting: "hour",
    languages: ["en"],
    audience: "all",
    submissionKey: `needkey-${Date.now()}-${keyCounter}`,
    ...overrides,
  };
}

async function createNeed(client: TestClient, overrides: Record<string, string | string[]> = {}) {
  const response = await client.post("/needs/new", needForm(overrides));
  expect(response.status, await response.clone().text()).toBe(302);
  const id = response.headers.get("location")?.match(/\/needs\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no need id in ${response.headers.get("location")}`);
  return id;
}

async function needRow(id: string) {
  const [row] = await rows<{
    weight: number;
    me_too_count: number;
    status: string;
    country: string | null;
    nace_division: string | null;
    size_band: string | null;
    network_id: string | null;
    satisfied_note: string;
    satisfied_answer_id: string | null;
  }>(`select * from needs where id = '${id}'`);
  return row;
}

describe("recording a need", () => {
  it("copies the owner's country and their enterprise's sector and size, and weighs the urgency", async () => {
    const { user, client } = await app.signedIn({ country: "CY", region: "Larnaca" });
    await app.createOrganisation({
      kind: "enterprise",
      naceDivision: "56",
      sizeBand: "2-9",
      members: [{ userId: user.id, role: "admin" }],
    });
    const page = await client.get("/needs/new");
    expect(page.status).toBe(200);
    const id = await createNeed(client);
    const row = await needRow(id);
    expect(row.country).toBe("CY");
    expect(row.nace_division).toBe("56");
    expect(row.size_band).toBe("2-9");
    expect(Number(row.weight)).toBe(3);
    const shown = await (await client.get(`/needs/${id}`)).text();
    expect(shown).toContain("I run a small bakery");
  });

  it("makes one need from a form sent twice", async () => {
    const { user, client } = await app.signedIn();
    const form = needForm();
    const first = await client.post("/needs/new", form);
    const second = await client.post("/needs/new", form);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from needs where owner_id = '${user.id}'`,
    );
    expect(Number(count.n)).toBe(1);
  });

  it("refuses bad input field by field, with translated messages and nothing written", async () => {
    const { user, client } = await app.signedIn();
    const cases: [Record<string, string | string[]>, string, number][] = [
      [{ topic: "topic:no-such-topic" }, "needs.topicUnknown", 400],
      [{ topic: "esco:http://data.europa.eu/esco/skill/nope" }, "needs.topicUnknown", 400],
      [{ topic: "entrecomp:9.9" }, "needs.topicUnknown", 400],
      [{ topic: "nonsense" }, "needs.topicUnknown", 400],
      [{ topic: "", topicText: "" }, "needs.topicOrText", 400],
      [{ formats: [] }, "needs.formatRequired", 400],
      [{ formats: ["carrier_pigeon"] }, "needs.formatUnknown", 400],
      [{ urgency: "someday" }, "needs.urgencyRequired", 400],
      [{ languages: ["xx"] }, "needs.languageUnknown", 400],
      [{ languages: [] }, "needs.languageRequired", 400],
      [{ situation: "x".repeat(1001) }, "needs.situationTooLong", 400],
      [{ audience: "00000000-0000-4000-8000-000000000000" }, "needs.networkUnknown", 400],
      [{ audience: "not-a-network" }, "needs.networkUnknown", 400],
    ];
    for (const [overrides, key, status] of cases) {
      const response = await client.post("/needs/new", needForm(overrides));
      const html = await response.text();
      expect(response.status, key).toBe(status);
      expectMessage(html, key);
    }
    // A network the person is not in: 403.
    const network = await app.server.createNetwork({});
    const response = await client.post("/needs/new", needForm({ audience: network.id }));
    expect(response.status).toBe(403);
    expectMessage(await response.text(), "needs.notInNetwork");
    // Free text only is fine.
    await createNeed(client, { topic: "", topicText: "Bookkeeping for a food truck" });
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from needs where owner_id = '${user.id}'`,
    );
    expect(Number(count.n)).toBe(1);
  });

  it("accepts a competence and answers a NUL byte with 400", async () => {
    const { client } = await app.signedIn();
    await createNeed(client, { topic: "entrecomp:1.1" });
    await createNeed(client, { topic: "digcomp:2.1" });
    const response = await client.post("/needs/new", needForm({ topicText: "a\u0000b" }));
    expect(response.status).toBe(400);
  });
});

describe("me too", () => {
  it("adds each person's urgency to the weight, once each, and can be withdrawn", async () => {
    const owner = await app.signedIn();
    const two = await app.signedIn();
    const three = await app.signedIn();
    const id = await createNeed(owner.client, { urgency: "quarter" });
    expect(Number((await needRow(id)).weight)).toBe(2);

    expect(
      (await two.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(200);
    expect(
      (await three.client.post(`/needs/${id}`, { intent: "meToo", urgency: "year" })).status,
    ).toBe(200);
    let row = await needRow(id);
    expect(Number(row.weight)).toBe(2 + 3 + 1);
    expect(Number(row.me_too_count)).toBe(2);

    // Once each; never the owner.
    expect(
      (await two.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(409);
    const own = await owner.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" });
    expect(own.status).toBe(403);
    expectMessage(await own.text(), "needs.ownNeed");

    // The owner is told, on one grouped line.
    const notes = await rows<{ kind: string; actor_id: string; group_key: string }>(
      `select kind, actor_id, group_key from notifications
       where recipient_id = '${owner.user.id}' and kind = 'need.me_too'`,
    );
    expect(notes.map((n) => n.actor_id).sort()).toEqual([two.user.id, three.user.id].sort());
    expect(new Set(notes.map((n) => n.group_key)).size).toBe(1);

    expect((await two.client.post(`/needs/${id}`, { intent: "withdrawMeToo" })).status).toBe(200);
    row = await needRow(id);
    expect(Number(row.weight)).toBe(3);
    expect(Number(row.me_too_count)).toBe(1);
    expect((await two.client.post(`/needs/${id}`, { intent: "withdrawMeToo" })).status).toBe(409);

    const page = await (await owner.client.get("/needs")).text();
    expect(page).toContain(`/needs/${id}`);
    const threePage = await (await three.client.get("/needs")).text();
    expectMessage(threePage, "needs.meTooHeading");
  });
});

describe("a need shared with one network", () => {
  it("is invisible to non-members and to a removed member: 404 and absent from lists", async () => {
    const owner = await app.signedIn();
    const facilitator = await app.signedIn();
    const member = await app.signedIn();
    const outsider = await app.signedIn();
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [owner.user.id, member.user.id],
    });
    const marker = `Network secret need ${Date.now()}`;
    const id = await createNeed(owner.client, {
      topic: "",
      topicText: marker,
      audience: network.id,
    });
    expect((await needRow(id)).network_id).toBe(network.id);

    expect((await member.client.get(`/needs/${id}`)).status).toBe(200);
    expect(await (await member.client.get("/needs")).text()).toContain(escapeHtml(marker));

    const missing = await outsider.client.get("/needs/00000000-0000-4000-8000-000000000000");
    const hidden = await outsider.client.get(`/needs/${id}`);
    expect(missing.status).toBe(404);
    expect(hidden.status).toBe(404);
    expect(await (await outsider.client.get("/needs")).text()).not.toContain(escapeHtml(marker));
    expect(
      (await outsider.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(404);

    // The member says me too, then is removed: the need disappears for them.
    expect(
      (await member.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(200);
    const removed = await facilitator.client.post(`/networks/${network.id}/members`, {
      intent: "remove",
      userId: member.user.id,
      confirmed: "yes",
    });
    expect(removed.status).toBeLessThan(400);
    expect((await member.client.get(`/needs/${id}`)).status).toBe(404);
    const list = await (await member.client.get("/needs")).text();
    expect(list).not.toContain(escapeHtml(marker));
    // Their "me too" would weigh on: they may still take it back (by a POST to the need's
    // address), and are sent to the list, since the need itself stays hidden from them.
    expect(Number((await needRow(id)).me_too_count)).toBe(1);
    const withdrawn = await member.client.post(`/needs/${id}`, { intent: "withdrawMeToo" });
    expect(withdrawn.status).toBe(302);
    expect(withdrawn.headers.get("location")).toBe("/needs");
    const row = await needRow(id);
    expect(Number(row.me_too_count)).toBe(0);
    expect(Number(row.weight)).toBe(3);
    expect((await member.client.get(`/needs/${id}`)).status).toBe(404);
    // With nothing to take back, the hidden need stays a 404.
    expect((await member.client.post(`/needs/${id}`, { intent: "withdrawMeToo" })).status).toBe(
      404,
    );
    expect((await outsider.client.post(`/needs/${id}`, { intent: "withdrawMeToo" })).status).toBe(
      404,
    );
  });
});

describe("deleting a person", () => {
  it("takes their 'me too' out of the weight at once", async () => {
    const owner = await app.signedIn();
    const other = await app.signedIn();
    const id = await createNeed(owner.client, { urgency: "quarter" });
    expect(
      (await other.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(200);
    expect(Number((await needRow(id)).weight)).toBe(2 + 3);
    await app.server.deletePerson({ userId: other.user.id });
    const row = await needRow(id);
    expect(Number(row.weight)).toBe(2);
    expect(Number(row.me_too_count)).toBe(0);
  });
});

describe("editing, closing and confirming a need", () => {
  it("is for the owner only; closed and satisfied needs stay visible but read-only", async () => {
    const owner = await app.signedIn();
    const other = await app.signedIn();
    const id = await createNeed(owner.client);

    expect((await other.client.get(`/needs/${id}/edit`)).status).toBe(403);
    const edit = await other.client.post(`/needs/${id}/edit`, needForm({ urgency: "year" }));
    expect(edit.status).toBe(403);
    expect(
      (await other.client.post(`/needs/${id}`, { intent: "close", confirmed: "yes" })).status,
    ).toBe(403);
    expect(
      (await other.client.post(`/needs/${id}`, { intent: "satisfy", note: "done" })).status,
    ).toBe(403);
    expect((await needRow(id)).status).toBe("open");

    expect((await owner.client.get(`/needs/${id}/edit`)).status).toBe(200);
    const changed = await owner.client.post(`/needs/${id}/edit`, needForm({ urgency: "year" }));
    expect(changed.status).toBe(302);
    expect(Number((await needRow(id)).weight)).toBe(1);

    const bad = await owner.client.post(`/needs/${id}/edit`, needForm({ formats: [] }));
    expect(bad.status).toBe(400);

    const nothing = await owner.client.post(`/needs/${id}`, { intent: "satisfy", note: "" });
    expect(nothing.status).toBe(400);
    expectMessage(await nothing.text(), "needs.satisfiedWhat");
    const wrongAnswer = await owner.client.post(`/needs/${id}`, {
      intent: "satisfy",
      note: "",
      answerId: "00000000-0000-4000-8000-000000000000",
    });
    expect(wrongAnswer.status).toBe(400);

    const met = await owner.client.post(`/needs/${id}`, {
      intent: "satisfy",
      note: "A course in Nicosia",
    });
    expect(met.status).toBe(302);
    const row = await needRow(id);
    expect(row.status).toBe("satisfied");
    expect(row.satisfied_note).toBe("A course in Nicosia");

    // Read-only now, still visible.
    const page = await other.client.get(`/needs/${id}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("A course in Nicosia");
    expect(
      (await owner.client.post(`/needs/${id}`, { intent: "close", confirmed: "yes" })).status,
    ).toBe(409);
    expect((await owner.client.get(`/needs/${id}/edit`)).status).toBe(409);
    expect(
      (await other.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" })).status,
    ).toBe(409);

    const second = await createNeed(owner.client);
    expect(
      (await owner.client.post(`/needs/${second}`, { intent: "close", confirmed: "yes" })).status,
    ).toBe(302);
    expect((await needRow(second)).status).toBe("closed");
  });
});

describe("need.new_nearby", () => {
  it("tells educators who teach the topic, read a language, and can see the need", async () => {
    const owner = await app.signedIn();
    const near = await app.createUser({ role: "educator", offered: ["online-shop"] });
    const otherLanguage = await app.createUser({
      role: "educator",
      offered: ["online-shop"],
      languages: [{ code: "fi", level: "C2" }],
    });
    const otherTopic = await app.createUser({ role: "educator", offered: ["digital-basics"] });
    const outsideNetwork = await app.createUser({ role: "educator", offered: ["online-shop"] });
    const network = await app.server.createNetwork({
      members: [owner.user.id, near.id, otherLanguage.id, otherTopic.id],
    });
    const id = await createNeed(owner.client, { topic: "topic:online-shop", audience: network.id });
    await app.server.waitForJobs({ names: ["notifications.fanout"], timeoutMs: 15_000 });
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'need.new_nearby'
       and source_key = 'need:${id}:nearby'`,
    );
    expect(told.map((r) => r.recipient_id)).toEqual([near.id]);
    expect(told.map((r) => r.recipient_id)).not.toContain(outsideNetwork.id);
  });
});

describe("ESCO topics", () => {
  it("finds imported ESCO skills by label in the reader's language and accepts them as topics", async () => {
    const uri = `http://data.europa.eu/esco/skill/test-${Date.now()}`;
    await rows(
      `insert into esco_concepts (uri, concept_type) values ('${uri}', 'KnowledgeSkillCompetence')`,
    );
    await rows(
      `insert into esco_labels (uri, language, preferred_label) values
        ('${uri}', 'en', 'sell bread through social media'),
        ('${uri}', 'el', 'πώληση άρτου μέσω κοινωνικών δικτύων')`,
    );
    const { client } = await app.signedIn({ locale: "el" });
    const page = await (await client.get(`/needs/new?esco=${encodeURIComponent("άρτου")}`)).text();
    expect(page).toContain(`value="esco:${uri}"`);
    expect(page).toContain("πώληση άρτου μέσω κοινωνικών δικτύων");
    const id = await createNeed(client, { topic: `esco:${uri}` });
    const shown = await (await client.get(`/needs/${id}`)).text();
    expect(shown).toContain("πώληση άρτου μέσω κοινωνικών δικτύων");
  });
});

describe("notifications of needs", () => {
  it("show in the centre with a link to the need", async () => {
    const owner = await app.signedIn();
    const other = await app.signedIn({ displayName: "Kaisa Virtanen" });
    const id = await createNeed(owner.client, { topic: "", topicText: "Pricing for a café" });
    await other.client.post(`/needs/${id}`, { intent: "meToo", urgency: "month" });
    const centre = await (await owner.client.get("/notifications")).text();
    expect(centre).toContain("Kaisa Virtanen");
    const open = centre.match(/\/notifications\/[0-9a-f-]{36}\/open/)?.[0];
    expect(open).toBeTruthy();
    const followed = await owner.client.get(open ?? "");
    expect(followed.headers.get("location")).toBe(`/needs/${id}`);
    expect(centre).toContain(escapeHtml("Pricing for a café"));
  });
});

describe("answers on the need page", () => {
  it("lists what answers point at, offers the owner 'Ask about this', and a satisfied need names its answer", async () => {
    const owner = await app.signedIn();
    const educator = await app.signedIn({ role: "educator", displayName: "Nikos Georgiou" });
    const id = await createNeed(owner.client);
    const [offer] = await rows<{ id: string }>(
      `insert into offers (created_by, title, formats, languages, on_demand)
       values ('${educator.user.id}', 'Selling online in a weekend', '{online_live}', '{en}', true)
       returning id`,
    );
    const [answer] = await rows<{ id: string }>(
      `insert into need_answers (need_id, responder_id, kind, offer_id, language, message)
       values ('${id}', '${educator.user.id}', 'offer', '${offer.id}', 'en', 'Happy to help')
       returning id`,
    );
    const ownerPage = await (await owner.client.get(`/needs/${id}`)).text();
    expect(ownerPage).toContain(`/offers/${offer.id}`);
    expect(ownerPage).toContain("Selling online in a weekend");
    expect(ownerPage).toContain(`/needs/${id}/answers/${answer.id}/ask`);
    expect(ownerPage).not.toContain(`/needs/${id}/answer"`);

    const educatorPage = await (await educator.client.get(`/needs/${id}`)).text();
    expect(educatorPage).not.toContain(`/answers/${answer.id}/ask`);
    expect(educatorPage).toContain(`href="/needs/${id}/answer"`);

    const met = await owner.client.post(`/needs/${id}`, {
      intent: "satisfy",
      note: "",
      answerId: answer.id,
    });
    expect(met.status).toBe(302);
    const row = await needRow(id);
    expect(row.status).toBe("satisfied");
    expect(row.satisfied_answer_id).toBe(answer.id);
    expectMessage(await (await owner.client.get(`/needs/${id}`)).text(), "needs.metByThis");
  });
});

describe("who may come in", () => {
  it("sends visitors to sign in and refuses an unconfirmed email", async () => {
    const visitor = app.client();
    const page = await visitor.get("/needs/new");
    expect(page.status).toBe(302);
    expect(page.headers.get("location")).toMatch(/^\/signin/);
    const { client } = await app.signedIn({ verified: false });
    expect((await client.get("/needs/new")).status).toBe(403);
    expect((await client.post("/needs/new", needForm())).status).toBe(403);
  });
});

describe("browsing needs", () => {
  it("filters by topic, country, language and format; an unknown filter value is a 400", async () => {
    const cy = await app.signedIn({ country: "CY", languages: [{ code: "el", level: "native" }] });
    const viewer = await app.signedIn();
    const marker = `Filter marker ${Date.now()}`;
    await createNeed(cy.client, {
      topic: "topic:online-shop",
      topicText: marker,
      languages: ["el"],
      formats: ["peer_session"],
    });
    const list = async (query: string) => (await viewer.client.get(`/needs?${query}`)).text();
    const has = escapeHtml(marker);
    expect(
      await list("country=CY&language=el&format=peer_session&topic=topic%3Aonline-shop"),
    ).toContain(has);
    expect(await list("country=FI")).not.toContain(has);
    expect(await list("language=fi")).not.toContain(has);
    expect(await list("format=face_to_face")).not.toContain(has);
    expect(await list("topic=topic%3Adigital-basics")).not.toContain(has);
    for (const bad of ["country=ZZ", "language=xx", "format=telepathy", "topic=nonsense"]) {
      expect((await viewer.client.get(`/needs?${bad}`)).status, bad).toBe(400);
    }
  });
});
