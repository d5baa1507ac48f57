import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";

/**
 * The needs radar (issue 10): figures for a known set, suppression of groups under three,
 * visibility of network needs, owners refused, the CSV, the distance index and its drop when an
 * offer answers, the daily snapshots, and the figures after each kind of write. Needs and offers
 * are written straight into the tables (their forms belong to other parts of the issue), always
 * followed by refreshNeeds, as every writer must.
 */
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const db = () => app.server.getDatabase().db;
async function sqlRows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}
const refresh = (scope: Parameters<TestApp["server"]["refreshNeeds"]>[1]) =>
  app.server.refreshNeeds(db(), scope);

let topicCounter = 0;
/** A topic key no other test uses, so each test reads only its own needs. */
function freshTopic() {
  topicCounter += 1;
  return `topic:radar-test-${topicCounter}-${randomUUID().slice(0, 8)}`;
}

type NeedSpec = {
  ownerId: string;
  topic: string | null;
  country?: string;
  region?: string;
  urgency?: "month" | "quarter" | "year";
  networkId?: string | null;
  languages?: string[];
  formats?: string[];
  section?: string;
  division?: string;
  createdAt?: string;
};

async function addNeed(spec: NeedSpec): Promise<string> {
  const id = randomUUID();
  const q = (v: string | null | undefined) => (v == null ? "null" : `'${v.replaceAll("'", "''")}'`);
  const arr = (vs: string[]) => `array[${vs.map((v) => q(v)).join(",")}]::text[]`;
  await sqlRows(`insert into needs (id, owner_id, network_id, topic, topic_text, urgency, formats,
      languages, country, region, nace_section, nace_division, created_at)
    values ('${id}', '${spec.ownerId}', ${q(spec.networkId)}, ${q(spec.topic)},
      ${spec.topic ? "''" : "'free text need'"}, '${spec.urgency ?? "month"}',
      ${arr(spec.formats ?? ["online_live"])}, ${arr(spec.languages ?? ["en"])}, ${q(spec.country ?? "GR")},
      ${q(spec.region ?? "")}, ${q(spec.section)}, ${q(spec.division)},
      ${spec.createdAt ? q(spec.createdAt) : "now()"})`);
  await refresh({ needIds: [id] });
  return id;
}

async function addOffer(spec: {
  by: string;
  topics: string[];
  languages?: string[];
  formats?: string[];
}): Promise<string> {
  const id = randomUUID();
  const arr = (vs: string[]) => `array[${vs.map((v) => `'${v}'`).join(",")}]::text[]`;
  await sqlRows(`insert into offers (id, created_by, title, formats, languages, on_demand)
    values ('${id}', '${spec.by}', 'Offer', ${arr(spec.formats ?? ["online_live"])},
      ${arr(spec.languages ?? ["en"])}, true)`);
  for (const topic of spec.topics) {
    await sqlRows(`insert into offer_topics (offer_id, topic) values ('${id}', '${topic}')`);
  }
  await refresh({ offerId: id });
  return id;
}

async function owner(country = "GR") {
  return (await app.createUser({ role: "owner", country })).id;
}

/** The radar CSV as rows of cells (BOM and CRLF removed). */
async function csvOf(client: ReturnType<TestApp["client"]>, query: string) {
  const response = await client.get(`/radar.csv${query}`);
  expect(response.status).toBe(200);
  const text = (await response.text()).replace(/^\uFEFF/, "");
  return text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(","));
}

/** The CSV line of one grouping and key: [needs, weight, unreached, index]. */
function line(rows: string[][], dimension: string, key = "") {
  const row = rows.find((r) => r[0] === dimension && r[1] === key);
  return row ? row.slice(3).map((v) => (v === "" ? null : Number(v))) : undefined;
}

describe("who may read the radar", () => {
  it("refuses owners with a translated 403, lets educators, facilitators and admins in", async () => {
    const ownerSession = await app.signedIn({ role: "owner" });
    const refused = await ownerSession.client.get("/radar");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain(
      "The needs radar is for educators, facilitators and admins.",
    );
    expect((await ownerSession.client.get("/radar.csv")).status).toBe(403);
    for (const spec of [
      { role: "educator" },
      { isFacilitator: true },
      { isAdmin: true },
    ] as const) {
      const { client } = await app.signedIn(spec);
      const page = await client.get("/radar");
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("Needs radar");
    }
  });

  it("sends visitors to sign in and answers bad filters with 400", async () => {
    const visitor = app.client();
    const response = await visitor.get("/radar");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toMatch(/^\/signin/);
    const { client } = await app.signedIn({ role: "educator" });
    for (const query of ["period=7", "country=Greece", "network=x", "section=11"]) {
      const bad = await client.get(`/radar?${query}`);
      expect(bad.status).toBe(400);
      expect(await bad.text()).toContain("One of the filters is not valid");
      expect((await client.get(`/radar.csv?${query}`)).status).toBe(400);
    }
  });
});

describe("figures", () => {
  it("adds up a known set, hides groups under three and gives the distance index", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    // Three owners in Greece (month, month, year), four in Cyprus and two in Germany: Germany
    // is too small.
    await addNeed({ ownerId: await owner(), topic, country: "GR", region: "Attica" });
    await addNeed({ ownerId: await owner(), topic, country: "GR", region: "Attica" });
    await addNeed({ ownerId: await owner(), topic, country: "GR", urgency: "year" });
    for (let i = 0; i < 4; i++) await addNeed({ ownerId: await owner("CY"), topic, country: "CY" });
    await addNeed({ ownerId: await owner("DE"), topic, country: "DE" });
    await addNeed({ ownerId: await owner("DE"), topic, country: "DE" });
    const rows = await csvOf(client, `?topic=${encodeURIComponent(topic)}&period=all`);
    expect(rows[0]).toEqual([
      "Grouping",
      "Code",
      "Name",
      "Needs",
      "Weight",
      "Weight nothing answers",
      "Distance index",
    ]);
    expect(line(rows, "All needs")).toEqual([9, 25, 25, 1]);
    expect(line(rows, "Topic", topic)).toEqual([9, 25, 25, 1]);
    expect(line(rows, "Country", "CY")).toEqual([4, 12, 12, 1]);
    expect(line(rows, "Country", "DE")).toBeUndefined();
    // Greece is large enough, but the total minus Cyprus and Greece would be Germany's two
    // needs: the smallest shown country is hidden with it (complementary suppression).
    expect(line(rows, "Country", "GR")).toBeUndefined();
    // Attica has only two needs: not shown.
    expect(rows.some((r) => r[0] === "Region")).toBe(false);

    // A need of the same owner three times is one person: not enough to show.
    const topic2 = freshTopic();
    const lone = await owner();
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: lone, topic: topic2 });
    const loneRows = await csvOf(client, `?topic=${encodeURIComponent(topic2)}&period=all`);
    expect(loneRows).toHaveLength(1);
    const page = await (
      await client.get(`/radar?topic=${encodeURIComponent(topic2)}&period=all`)
    ).text();
    expect(page).toContain("Fewer than 3 needs or people match these filters");
  });

  it("shows the index, its reasons and its drop when an offer answers", async () => {
    const { user: educator, client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    const ids: string[] = [];
    for (const languages of [["en"], ["en"], ["el"], ["el"]]) {
      ids.push(await addNeed({ ownerId: await owner(), topic, languages }));
    }
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 12, 1]);
    let page = await (await client.get(`/radar${q}`)).text();
    expect(page).toContain("Distance index: 100%");
    expect(page).toContain("12 of 12 weight points have no offer");
    expect(page).toContain("12 points: nothing is on offer on the topic.");
    // An English offer answers the two English needs: the index halves.
    const offerId = await addOffer({ by: educator.id, topics: [topic], languages: ["en"] });
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 6, 0.5]);
    page = await (await client.get(`/radar${q}`)).text();
    expect(page).toContain("Distance index: 50%");
    expect(page).toContain("6 of 12 weight points have no offer");
    expect(page).toContain("6 points: offers exist on the topic, but none in a language");
    // The unanswered list links the Greek needs, not the English ones.
    expect(page).toContain(`/needs/${ids[2]}`);
    expect(page).not.toContain(`/needs/${ids[0]}`);
    // Withdrawn, it answers nothing again.
    await sqlRows(`update offers set status = 'withdrawn' where id = '${offerId}'`);
    await refresh({ offerId });
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 12, 1]);
  });

  it("counts network needs only for the network's active members", async () => {
    const member = await app.signedIn({ role: "educator" });
    const outsider = await app.signedIn({ role: "educator" });
    const network = await app.server.createNetwork({ members: [member.user.id] });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++) {
      await addNeed({ ownerId: await owner(), topic, networkId: network.id });
    }
    await addNeed({ ownerId: await owner(), topic });
    await addNeed({ ownerId: await owner(), topic });
    await addNeed({ ownerId: await owner(), topic });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(member.client, q), "All needs")?.[0]).toBe(6);
    expect(line(await csvOf(member.client, q), "Network", network.id)?.[0]).toBe(3);
    expect(line(await csvOf(member.client, q), "Network", "")?.[0]).toBe(3);
    expect(line(await csvOf(outsider.client, q), "All needs")?.[0]).toBe(3);
    expect(line(await csvOf(outsider.client, q), "Network", network.id)).toBeUndefined();
    // Filtering by a network one is not in is refused, on the page and in the CSV.
    for (const path of ["/radar", "/radar.csv"]) {
      const other = await outsider.client.get(`${path}${q}&network=${network.id}`);
      expect(other.status).toBe(403);
      expect(await other.text()).toContain("You are not an active member of that network.");
    }
    // Removed from the network, the member no longer counts its needs.
    await sqlRows(
      `update network_members set status = 'removed' where network_id = '${network.id}' and user_id = '${member.user.id}'`,
    );
    expect(line(await csvOf(member.client, q), "All needs")?.[0]).toBe(3);
    // One's own need in a network one is not in does not count: the radar is of the
    // installation's needs and the viewer's networks', the same for everyone in them.
    const author = await app.signedIn({ role: "educator" });
    const own = freshTopic();
    await addNeed({ ownerId: author.user.id, topic: own, networkId: network.id });
    for (let i = 0; i < 2; i++) await addNeed({ ownerId: await owner(), topic: own });
    const ownQuery = `?topic=${encodeURIComponent(own)}&period=all`;
    expect(line(await csvOf(author.client, ownQuery), "All needs")).toBeUndefined();
    expect(line(await csvOf(outsider.client, ownQuery), "All needs")).toBeUndefined();
  });

  it("lists no need by itself when the figures are too few to show", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    const a = await addNeed({ ownerId: await owner(), topic, country: "MT" });
    const b = await addNeed({ ownerId: await owner(), topic, country: "MT" });
    const page = await (
      await client.get(`/radar?topic=${encodeURIComponent(topic)}&period=all`)
    ).text();
    expect(page).toContain("Fewer than 3 needs or people match these filters");
    expect(page).not.toContain(`/needs/${a}`);
    expect(page).not.toContain(`/needs/${b}`);
    // A third owner makes the figures shown, and the list with them.
    const c = await addNeed({ ownerId: await owner(), topic, country: "MT" });
    const shown = await (
      await client.get(`/radar?topic=${encodeURIComponent(topic)}&period=all`)
    ).text();
    expect(shown).not.toContain("Fewer than 3 needs or people match these filters");
    for (const id of [a, b, c]) expect(shown).toContain(`/needs/${id}`);
  });

  it("keeps to the period", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: await owner(), topic });
    for (let i = 0; i < 3; i++) {
      await addNeed({ ownerId: await owner(), topic, createdAt: "2020-01-15T10:00:00Z" });
    }
    const t = encodeURIComponent(topic);
    expect(line(await csvOf(client, `?topic=${t}&period=3`), "All needs")?.[0]).toBe(3);
    expect(line(await csvOf(client, `?topic=${t}&period=all`), "All needs")?.[0]).toBe(6);
    const rows = await csvOf(client, `?topic=${t}&period=all`);
    expect(line(rows, "Month", "2020-01")?.[0]).toBe(3);
  });

  it("guards the CSV against formulas", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = "topic:=cmd|calc";
    for (let i = 0; i < 3; i++) {
      await addNeed({ ownerId: await owner(), topic, region: "=HYPERLINK(1)" });
    }
    const response = await client.get(`/radar.csv?topic=${encodeURIComponent(topic)}&period=all`);
    const text = await response.text();
    expect(response.headers.get("content-type")).toContain("text/csv");
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain("'=HYPERLINK(1)");
  });
});

describe("figures after every kind of write", () => {
  it("follow need edits, closing, me-toos, answers and deleted people", async () => {
    const { user: educator, client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    const owners = [await owner(), await owner(), await owner(), await owner()];
    const ids: string[] = [];
    for (const ownerId of owners) ids.push(await addNeed({ ownerId, topic, urgency: "year" }));
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 4, 4, 1]);
    // Edited: more urgent.
    await sqlRows(`update needs set urgency = 'month' where id = '${ids[0]}'`);
    await refresh({ needIds: [ids[0]] });
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 6, 6, 1]);
    // Me too added and removed.
    const meToo = await owner();
    await sqlRows(
      `insert into need_me_toos (need_id, user_id, urgency) values ('${ids[1]}', '${meToo}', 'quarter')`,
    );
    await refresh({ needIds: [ids[1]] });
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 8, 8, 1]);
    await sqlRows(`delete from need_me_toos where need_id = '${ids[1]}' and user_id = '${meToo}'`);
    await refresh({ needIds: [ids[1]] });
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 6, 6, 1]);
    // Answered with a fitting offer on another topic: reached.
    const offer = await addOffer({ by: educator.id, topics: [freshTopic()] });
    await sqlRows(`insert into need_answers (need_id, responder_id, kind, offer_id, language)
      values ('${ids[2]}', '${educator.id}', 'offer', '${offer}', 'en')`);
    await refresh({ needIds: [ids[2]] });
    expect(line(await csvOf(client, q), "All needs")).toEqual(
      [4, 6, 5, 5 / 6].map((v) => Math.round(v * 1000) / 1000),
    );
    // Satisfied and closed needs leave the figures.
    await sqlRows(`update needs set status = 'satisfied' where id = '${ids[3]}'`);
    await refresh({ needIds: [ids[3]] });
    expect(line(await csvOf(client, q), "All needs")).toEqual([3, 5, 4, 0.8]);
    // The owner of the heaviest need is deleted: their need goes with them, and the group of
    // two is no longer shown.
    await app.server.deletePerson({ userId: owners[0] });
    expect(line(await csvOf(client, q), "All needs")).toBeUndefined();
  });
});

describe("kept figures", () => {
  it("are dropped when a network goes and its needs go with it (a cascade, no refreshNeeds)", async () => {
    const member = await app.signedIn({ role: "educator" });
    const network = await app.server.createNetwork({ members: [member.user.id] });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++)
      await addNeed({ ownerId: await owner(), topic, networkId: network.id });
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: await owner(), topic });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(member.client, q), "All needs")?.[0]).toBe(6);
    const version = async () =>
      Number(
        (await sqlRows<{ version: number }>("select version from need_figures_version"))[0].version,
      );
    const before = await version();
    // Reading again writes nothing and keeps the version.
    expect(line(await csvOf(member.client, q), "All needs")?.[0]).toBe(6);
    expect(await version()).toBe(before);
    // The network is deleted, and with it the member's membership and the network's needs.
    await sqlRows(`delete from network_members where network_id = '${network.id}'`);
    await sqlRows(`delete from networks where id = '${network.id}'`);
    expect(await version()).toBe(before + 1);
    expect(line(await csvOf(member.client, q), "All needs")?.[0]).toBe(3);
  });

  it("are dropped when needs are deleted straight from the table", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    for (let i = 0; i < 4; i++) await addNeed({ ownerId: await owner(), topic });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(client, q), "All needs")?.[0]).toBe(4);
    await sqlRows(
      `delete from needs where id = (select id from needs where topic = '${topic}' limit 1)`,
    );
    expect(line(await csvOf(client, q), "All needs")?.[0]).toBe(3);
  });
});

describe("kept figures are shared", () => {
  it("by viewers with the same networks, and follow offer writes", async () => {
    const first = await app.signedIn({ role: "educator" });
    const second = await app.signedIn({ role: "educator" });
    const elsewhere = await app.signedIn({ role: "educator" });
    await app.server.createNetwork({ members: [first.user.id, second.user.id] });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: await owner(), topic });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(first.client, q), "All needs")?.[0]).toBe(3);
    // A need written behind the version's back: only a viewer with other networks computes
    // afresh; the second viewer is given the first one's kept figures.
    await sqlRows("alter table needs disable trigger needs_figures_version");
    try {
      await addNeed({ ownerId: await owner(), topic });
    } finally {
      await sqlRows("alter table needs enable trigger needs_figures_version");
    }
    expect(line(await csvOf(second.client, q), "All needs")?.[0]).toBe(3);
    expect(line(await csvOf(elsewhere.client, q), "All needs")?.[0]).toBe(4);
    await sqlRows("update need_figures_version set version = version + 1 where id = 1");
    expect(line(await csvOf(second.client, q), "All needs")?.[0]).toBe(4);
  });

  it("change the reasons when an offer is written on a topic no need is reached on", async () => {
    const { user: educator, client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: await owner(), topic, languages: ["el"] });
    const q = `/radar?topic=${encodeURIComponent(topic)}&period=all`;
    let page = await (await client.get(q)).text();
    expect(page).toContain("9 points: nothing is on offer on the topic.");
    // An English offer reaches none of the Greek needs (refreshNeeds changes no need), yet
    // the reason is now that no offer fits.
    const id = randomUUID();
    await sqlRows(`insert into offers (id, created_by, title, formats, languages, on_demand)
      values ('${id}', '${educator.id}', 'Offer', array['online_live'], array['en'], true)`);
    await sqlRows(`insert into offer_topics (offer_id, topic) values ('${id}', '${topic}')`);
    await refresh({ offerId: id });
    page = await (await client.get(q)).text();
    expect(page).not.toContain("nothing is on offer on the topic.");
    expect(page).toContain("9 points: offers exist on the topic, but none in a language");
  });
});

describe("kept figures after a write", () => {
  it("are served for at most RADAR_STALE_SECONDS while fresh ones are computed once", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    for (let i = 0; i < 3; i++) await addNeed({ ownerId: await owner(), topic });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    const strict = app.server.getEnv();
    app.server.setEnv({ ...strict, RADAR_STALE_SECONDS: 60 });
    try {
      expect(line(await csvOf(client, q), "All needs")?.[0]).toBe(3);
      await addNeed({ ownerId: await owner(), topic });
      // The first reader after the write is given the kept figures at once…
      expect(line(await csvOf(client, q), "All needs")?.[0]).toBe(3);
      // …while fresh ones are computed in the background, and then replace them.
      await expect
        .poll(async () => line(await csvOf(client, q), "All needs")?.[0], { timeout: 10_000 })
        .toBe(4);
      // With no staleness allowed, the reader after a write waits for fresh figures.
      app.server.setEnv({ ...strict, RADAR_STALE_SECONDS: 0 });
      await addNeed({ ownerId: await owner(), topic });
      expect(line(await csvOf(client, q), "All needs")?.[0]).toBe(5);
    } finally {
      app.server.setEnv(strict);
    }
  });
});

describe("the daily job", () => {
  it("brings reach up to date and writes the day's snapshot, drawn as the trend", async () => {
    const { user: educator, client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    for (let i = 0; i < 4; i++) await addNeed({ ownerId: await owner(), topic, country: "FI" });
    const offerId = await addOffer({ by: educator.id, topics: [topic] });
    const q = `?topic=${encodeURIComponent(topic)}&period=all`;
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 0, 0]);
    // The offer ended yesterday; only the daily run notices.
    await sqlRows(`update offers set on_demand = false, starts_on = current_date - 10,
      ends_on = current_date - 1 where id = '${offerId}'`);
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 0, 0]);
    const result = await app.server.runNeedsDaily();
    expect(result.reachChanged).toBeGreaterThanOrEqual(4);
    expect(line(await csvOf(client, q), "All needs")).toEqual([4, 12, 12, 1]);
    const [snapshot] = await sqlRows<{
      open_count: number;
      open_people: number;
      open_weight: number;
      unreached_weight: number;
    }>(
      `select open_count, open_people, open_weight, unreached_weight from need_distance_snapshots
       where day = current_date and dimension = 'topic' and key = '${topic}' and network_id is null`,
    );
    expect(snapshot).toEqual({
      open_count: 4,
      open_people: 4,
      open_weight: 12,
      unreached_weight: 12,
    });
    // Twice a day replaces, not doubles.
    await app.server.runNeedsDaily();
    const [again] = await sqlRows<{ n: number }>(
      `select count(*)::int as n from need_distance_snapshots
       where day = current_date and dimension = 'topic' and key = '${topic}'`,
    );
    expect(again.n).toBe(1);
    const page = await (await client.get(`/radar${q}`)).text();
    expect(page).toContain("Distance index over time");
    expect(page).not.toContain("No daily figures yet for these filters.");
  });
});

describe("the trend", () => {
  it("leaves out days whose needs come from fewer than three people", async () => {
    const { client } = await app.signedIn({ role: "educator" });
    const topic = freshTopic();
    const lone = await owner();
    for (let i = 0; i < 4; i++) await addNeed({ ownerId: lone, topic });
    await app.server.runNeedsDaily();
    const [snapshot] = await sqlRows<{ open_count: number; open_people: number }>(
      `select open_count, open_people from need_distance_snapshots
       where day = current_date and dimension = 'topic' and key = '${topic}' and network_id is null`,
    );
    expect(snapshot).toEqual({ open_count: 4, open_people: 1 });
    const page = await (
      await client.get(`/radar?topic=${encodeURIComponent(topic)}&period=all`)
    ).text();
    expect(page).toContain("No daily figures yet for these filters.");
    expect(page).not.toContain("Distance index over time");
  });
});
