import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm, nextYear } from "../setup/events";
import { expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

const q = (text: string) => `'${text.replace(/'/g, "''")}'`;
const arr = (items: string[]) => `array[${items.map(q).join(",")}]::text[]`;

/** A need as helper A's form would store it (the derived columns start as the defaults). */
async function insertNeed(spec: {
  ownerId: string;
  topic: string | null;
  formats?: string[];
  languages?: string[];
  country?: string | null;
  networkId?: string | null;
  weight?: number;
  topicText?: string;
}): Promise<string> {
  const [row] = await rows<{ id: string }>(
    `insert into needs (owner_id, network_id, topic, topic_text, urgency, formats, languages, country, weight)
     values (${q(spec.ownerId)}, ${spec.networkId ? q(spec.networkId) : "null"},
       ${spec.topic ? q(spec.topic) : "null"}, ${q(spec.topicText ?? "")}, 'month',
       ${arr(spec.formats ?? ["online_live"])}, ${arr(spec.languages ?? ["el"])},
       ${spec.country === null ? "null" : q(spec.country ?? "CY")}, ${spec.weight ?? 3})
     returning id`,
  );
  return row.id;
}

async function reached(needId: string): Promise<boolean> {
  const [row] = await rows<{ is_reached: boolean }>(
    `select is_reached from needs where id = ${q(needId)}`,
  );
  return row.is_reached;
}

function offerForm(overrides: Record<string, string | string[]> = {}) {
  return {
    title: "Cash flow for small shops",
    description: "Two evenings with a spreadsheet.",
    topics: ["topic:spreadsheets"],
    formats: ["online_live"],
    languages: ["el"],
    countries: [] as string[],
    onDemand: "on",
    startsOn: "",
    endsOn: "",
    price: "",
    organisationId: "",
    ...overrides,
  };
}

async function createOffer(client: TestClient, overrides: Record<string, string | string[]> = {}) {
  const response = await client.post("/offers/new", offerForm(overrides));
  if (response.status !== 302) {
    throw new Error(
      `offer not created (${response.status}): ${(await response.text()).slice(0, 0)}`,
    );
  }
  const id = response.headers.get("location")?.match(/\/offers\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no offer id in ${response.headers.get("location")}`);
  return id;
}

const educator = () => app.signedIn({ role: "educator", country: "CY" });
const owner = () => app.signedIn({ role: "owner", country: "CY" });

describe("offers", () => {
  it("refuses bad offers with translated 400s, and owners with 403", async () => {
    const { client } = await educator();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ title: "x" }, "offers.titleRequired"],
      [{ topics: [] }, "offers.topicsRequired"],
      [{ topics: ["topic:no-such-topic"] }, "offers.topicUnknown"],
      [{ topics: ["nonsense"] }, "offers.topicUnknown"],
      [{ formats: [] }, "offers.formatsRequired"],
      [{ formats: ["carrier_pigeon"] }, "offers.formatsRequired"],
      [{ languages: [] }, "offers.languagesRequired"],
      [{ languages: ["zz"] }, "offers.languagesRequired"],
      [{ onDemand: "" }, "offers.whenRequired"],
      [
        { onDemand: "", startsOn: `${nextYear}-05-10`, endsOn: `${nextYear}-05-01` },
        "offers.endBeforeStart",
      ],
      [{ onDemand: "", startsOn: "2020-01-01" }, "offers.datesPast"],
      [{ onDemand: "", startsOn: `${nextYear}-02-30` }, "offers.dateInvalid"],
      // Year 0 on demand went to PostgreSQL, which refuses it (a 500): 1900–2200 only.
      [{ startsOn: "0000-01-01" }, "offers.dateInvalid"],
      [{ startsOn: `${nextYear}-01-01`, endsOn: "9999-12-31" }, "offers.dateInvalid"],
      [{ price: "ten" }, "offers.priceInvalid"],
      [{ organisationId: "00000000-0000-4000-8000-000000000000" }, "offers.organisationInvalid"],
    ];
    for (const [overrides, key] of cases) {
      const response = await client.post("/offers/new", offerForm(overrides));
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }

    const ownerClient = (await owner()).client;
    expect((await ownerClient.get("/offers/new")).status).toBe(403);
    expect((await ownerClient.post("/offers/new", offerForm())).status).toBe(403);
    // The list is for everyone signed in; a bad filter is a 400.
    expect((await ownerClient.get("/offers")).status).toBe(200);
    expect((await ownerClient.get("/offers?format=pigeon")).status).toBe(400);
    expect((await ownerClient.get("/offers?topic=topic%3Anope")).status).toBe(400);
    expect((await ownerClient.get("/offers?country=XX")).status).toBe(400);
  });

  it("makes one offer per submission key, takes an organisation the educator is active in, 404s unknown ids", async () => {
    const { client, user } = await app.signedIn({ role: "educator", displayName: "Eleni Offers" });
    const org = await app.createOrganisation({
      kind: "provider",
      name: "Nicosia Learning Lab",
      members: [{ userId: user.id, role: "admin" }],
    });
    const form = offerForm({ submissionKey: "offer-key-123456", organisationId: org.id });
    const first = await client.post("/offers/new", form);
    const second = await client.post("/offers/new", form);
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const made = await rows<{ organisation_id: string }>(
      `select organisation_id from offers where created_by = ${q(user.id)}`,
    );
    expect(made).toEqual([{ organisation_id: org.id }]);
    const page = await (await client.get(first.headers.get("location") ?? "")).text();
    expect(page).toContain("Eleni Offers");
    expect(page).toContain("Nicosia Learning Lab");
    expect((await client.get("/offers/not-an-id")).status).toBe(404);
    expect((await client.get("/offers/00000000-0000-4000-8000-000000000000")).status).toBe(404);
    expect(
      (
        await client.post("/offers/00000000-0000-4000-8000-000000000000", {
          intent: "withdraw",
          confirmed: "yes",
        })
      ).status,
    ).toBe(404);
    expect(
      (await client.post("/offers/00000000-0000-4000-8000-000000000000/edit", offerForm())).status,
    ).toBe(404);
    expect((await client.get("/needs/not-an-id/answer")).status).toBe(404);
  });

  it("stores a valid offer with its topics and price, and lists it by filter", async () => {
    const { client, user } = await educator();
    const id = await createOffer(client, {
      title: "Spreadsheets for bakers",
      topics: ["topic:spreadsheets", "entrecomp:2.2"],
      formats: ["face_to_face", "online_live"],
      countries: ["CY", "GR"],
      onDemand: "",
      startsOn: `${nextYear}-03-01`,
      endsOn: `${nextYear}-03-02`,
      price: "12,50",
    });
    const [row] = await rows<{
      price_cents: number;
      countries: string[];
      created_by: string;
      topics: string[];
    }>(
      `select price_cents, countries, created_by,
        array(select topic from offer_topics where offer_id = o.id order by topic) as topics
       from offers o where id = ${q(id)}`,
    );
    expect(row).toMatchObject({
      price_cents: 1250,
      countries: ["CY", "GR"],
      created_by: user.id,
      topics: ["entrecomp:2.2", "topic:spreadsheets"],
    });
    const page = await (await client.get(`/offers/${id}`)).text();
    expect(page).toContain("Spreadsheets for bakers");
    // The edit form shows the competence among "other topics", ticked, and the group it is in open.
    const edit = await (await client.get(`/offers/${id}/edit`)).text();
    expect(edit).toContain('checked="" value="entrecomp:2.2"');
    expect(edit).toContain('checked="" value="topic:spreadsheets"');
    expect(edit).not.toContain('checked="" value="topic:seo"');
    const listed = await (await client.get("/offers?topic=entrecomp%3A2.2&country=CY")).text();
    expect(listed).toContain("Spreadsheets for bakers");
    const elsewhere = await (await client.get("/offers?topic=entrecomp%3A2.2&country=FI")).text();
    expect(elsewhere).not.toContain("Spreadsheets for bakers");
  });

  it("pages the list by keyset, 20 at a time, withdrawn offers only under 'my offers'", async () => {
    const { client } = await educator();
    const ids: string[] = [];
    for (let i = 0; i < 21; i++) {
      ids.push(await createOffer(client, { title: `Paged offer ${String(i).padStart(2, "0")}` }));
    }
    await client.post(`/offers/${ids[0]}`, { intent: "withdraw", confirmed: "yes" });
    const first = await (await client.get("/offers?mine=1")).text();
    // Only the page's own text counts (the hydration data repeats it after <main>).
    const shown = (html: string) =>
      [...(html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "").matchAll(/Paged offer (\d\d)/g)].map(
        (m) => m[1],
      );
    expect(shown(first)).toHaveLength(20);
    expect(shown(first)[0]).toBe("20");
    const next = first.match(/href="\?([^"]*after=[^"]*)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    const second = await (
      await client.get(`/offers?${(next ?? "").replace(/&amp;/g, "&")}`)
    ).text();
    expect(shown(second)).toEqual(["00"]);
    expectMessage(second, "offers.withdrawnShort");
    // The open list leaves the withdrawn one out.
    const open = await (await client.get("/offers?topic=topic%3Aspreadsheets")).text();
    expect(open).not.toContain("Paged offer 00");
  });

  it("reaches a matching need only in a shared language, an accepted format and the right country", async () => {
    const needOwner = await owner();
    const topic = "topic:online-shop";
    const need = await insertNeed({
      ownerId: needOwner.user.id,
      topic,
      formats: ["face_to_face"],
      languages: ["el"],
      country: "CY",
    });
    const { client } = await educator();
    // Wrong language, then wrong format, then face to face in another country: still unreached.
    await createOffer(client, { topics: [topic], formats: ["face_to_face"], languages: ["en"] });
    expect(await reached(need)).toBe(false);
    await createOffer(client, { topics: [topic], formats: ["online_live"], languages: ["el"] });
    expect(await reached(need)).toBe(false);
    await createOffer(client, {
      topics: [topic],
      formats: ["face_to_face"],
      languages: ["el"],
      countries: ["GR"],
    });
    expect(await reached(need)).toBe(false);
    // Face to face in Cyprus, dated next year: reached.
    const fits = await createOffer(client, {
      topics: [topic],
      formats: ["face_to_face"],
      languages: ["el"],
      countries: ["CY"],
      onDemand: "",
      startsOn: `${nextYear}-04-01`,
    });
    expect(await reached(need)).toBe(true);

    // Withdrawing it makes the need unreached again.
    const withdrawn = await client.post(`/offers/${fits}`, {
      intent: "withdraw",
      confirmed: "yes",
    });
    expect(withdrawn.status).toBe(302);
    expect(await reached(need)).toBe(false);
    // A withdrawn offer can no longer be changed.
    expect((await client.get(`/offers/${fits}/edit`)).status).toBe(409);

    // Another fitting offer (on demand) reaches it; editing its topics away unreaches it.
    const other = await createOffer(client, {
      topics: [topic],
      formats: ["face_to_face"],
      languages: ["el"],
    });
    expect(await reached(need)).toBe(true);
    const edited = await client.post(
      `/offers/${other}/edit`,
      offerForm({ topics: ["topic:seo"], formats: ["face_to_face"], languages: ["el"] }),
    );
    expect(edited.status).toBe(302);
    expect(await reached(need)).toBe(false);

    // Only the creator may change or withdraw an offer.
    const stranger = await educator();
    expect((await stranger.client.get(`/offers/${other}/edit`)).status).toBe(403);
    expect(
      (await stranger.client.post(`/offers/${other}`, { intent: "withdraw", confirmed: "yes" }))
        .status,
    ).toBe(403);
  });
});

describe("answering a need", () => {
  it("answers with an offer: reached, one row however often, the owner and me-too people told", async () => {
    const needOwner = await owner();
    const meToo = await owner();
    const need = await insertNeed({
      ownerId: needOwner.user.id,
      topic: null,
      topicText: "Selling olive oil abroad",
      formats: ["online_live"],
      languages: ["el"],
    });
    await rows(
      `insert into need_me_toos (need_id, user_id, urgency) values (${q(need)}, ${q(meToo.user.id)}, 'year')`,
    );
    const trainer = await educator();
    const offer = await createOffer(trainer.client, {
      title: "Export basics",
      topics: ["topic:sales-techniques"],
    });
    expect(await reached(need)).toBe(false);

    const form = (await trainer.client.get(`/needs/${need}/answer`)).status;
    expect(form).toBe(200);
    // A language the offer is not given in is refused.
    const wrong = await trainer.client.post(`/needs/${need}/answer`, {
      target: `offer:${offer}`,
      language: "fi",
      message: "",
    });
    expect(wrong.status).toBe(400);
    expectMessage(await wrong.text(), "offers.answerLanguageInvalid");

    for (let i = 0; i < 2; i++) {
      const answered = await trainer.client.post(`/needs/${need}/answer`, {
        target: `offer:${offer}`,
        language: "el",
        message: "I run this in Nicosia.",
      });
      expect(answered.status).toBe(302);
    }
    const answers = await rows<{ id: string; language: string }>(
      `select id, language from need_answers where need_id = ${q(need)}`,
    );
    expect(answers).toHaveLength(1);
    expect(answers[0].language).toBe("el");
    expect(await reached(need)).toBe(true);
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'need.answered'
        and data->>'needId' = ${q(need)} order by recipient_id`,
    );
    expect(told.map((r) => r.recipient_id).sort()).toEqual(
      [needOwner.user.id, meToo.user.id].sort(),
    );
    // The owner gets an email at once (the kind's default).
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    const mail = await app.lastMailTo(needOwner.user.email);
    expect(mail?.subject ?? "").toContain("Export basics");
  });

  it("answers with an event of a network the facilitator runs", async () => {
    const facilitator = await app.signedIn({ role: "owner", country: "GR" });
    const needOwner = await owner();
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [needOwner.user.id],
      languages: ["en", "el"],
    });
    const create = await facilitator.client.post(
      `/networks/${network.id}/events/new`,
      eventForm({ language: "el" }),
    );
    expect(create.status).toBe(302);
    const eventId = create.headers.get("location")?.match(/events\/([0-9a-f-]{36})$/)?.[1];
    const need = await insertNeed({
      ownerId: needOwner.user.id,
      topic: "topic:branding",
      formats: ["face_to_face"],
      languages: ["el"],
      networkId: network.id,
    });
    // A "me too" from someone no longer in the network: they are not told.
    const leftNetwork = await owner();
    await rows(
      `insert into need_me_toos (need_id, user_id, urgency) values (${q(need)}, ${q(leftNetwork.user.id)}, 'year')`,
    );
    const answered = await facilitator.client.post(`/needs/${need}/answer`, {
      target: `event:${eventId}`,
      language: "",
      message: "",
    });
    expect(answered.status).toBe(302);
    const [row] = await rows<{ kind: string; language: string }>(
      `select kind, language from need_answers where need_id = ${q(need)}`,
    );
    expect(row).toEqual({ kind: "event", language: "el" });
    const told = await rows<{ recipient_id: string; network_id: string }>(
      `select recipient_id, network_id from notifications where kind = 'need.answered'
        and data->>'needId' = ${q(need)}`,
    );
    expect(told).toEqual([{ recipient_id: needOwner.user.id, network_id: network.id }]);
    expect(await reached(need)).toBe(true);
    // Cancelling the event takes the answer's reach away in the same transaction.
    const cancelled = await facilitator.client.post(`/networks/${network.id}/events/${eventId}`, {
      intent: "cancel",
      confirmed: "yes",
    });
    expect(cancelled.status).toBe(302);
    expect(await reached(need)).toBe(false);
  });

  it("answers only with an event the owner can go to, and names a private network's event only to its members", async () => {
    const facilitator = await app.signedIn({ role: "owner", country: "GR" });
    const needOwner = await owner();
    const meToo = await owner();
    const outsiderOwner = await owner();
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [needOwner.user.id],
      languages: ["en", "el"],
      visibility: "invite",
    });
    const title = `Private evening ${Date.now()}`;
    const create = await facilitator.client.post(
      `/networks/${network.id}/events/new`,
      eventForm({ language: "el", title }),
    );
    expect(create.status).toBe(302);
    const eventId = create.headers.get("location")?.match(/events\/([0-9a-f-]{36})$/)?.[1];

    // A need (shared with everyone) of someone outside the network: the event is no answer.
    const notMember = await insertNeed({
      ownerId: outsiderOwner.user.id,
      topic: "topic:branding",
      formats: ["face_to_face"],
      languages: ["el"],
    });
    // The facilitator (not an educator) is offered "I can run this", as the answer rule says.
    const page = await (await facilitator.client.get(`/needs/${notMember}`)).text();
    expect(page).toContain(`/needs/${notMember}/answer`);
    const form = await (await facilitator.client.get(`/needs/${notMember}/answer`)).text();
    expect(form).not.toContain(`event:${eventId}`);
    const refused = await facilitator.client.post(`/needs/${notMember}/answer`, {
      target: `event:${eventId}`,
      language: "",
      message: "",
    });
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "offers.answerTargetInvalid");
    // An answer row made before this rule does not count as reaching the need.
    await rows(
      `insert into need_answers (need_id, responder_id, kind, event_id, language)
       values (${q(notMember)}, ${q(facilitator.user.id)}, 'event', ${q(eventId ?? "")}, 'el')`,
    );
    await app.server.refreshNeeds(app.server.getDatabase().db, { needIds: [notMember] });
    expect(await reached(notMember)).toBe(false);

    // The member's need (shared with everyone): answered and reached; a "me too" outside the
    // private network is told the need's words, and the answer list does not name the event.
    const need = await insertNeed({
      ownerId: needOwner.user.id,
      topic: null,
      topicText: "Branding for a taverna",
      formats: ["face_to_face"],
      languages: ["el"],
    });
    await rows(
      `insert into need_me_toos (need_id, user_id, urgency) values (${q(need)}, ${q(meToo.user.id)}, 'year')`,
    );
    const answered = await facilitator.client.post(`/needs/${need}/answer`, {
      target: `event:${eventId}`,
      language: "",
      message: "",
    });
    expect(answered.status).toBe(302);
    expect(await reached(need)).toBe(true);
    const told = await rows<{ recipient_id: string; title: string }>(
      `select recipient_id, data->>'title' as title from notifications
        where kind = 'need.answered' and data->>'needId' = ${q(need)}`,
    );
    expect(told.find((n) => n.recipient_id === needOwner.user.id)?.title).toBe(title);
    expect(told.find((n) => n.recipient_id === meToo.user.id)?.title).toBe(
      "Branding for a taverna",
    );
    expect(await (await needOwner.client.get(`/needs/${need}`)).text()).toContain(title);
    const hidden = await (await meToo.client.get(`/needs/${need}`)).text();
    expect(hidden).not.toContain(title);
    expect(hidden).not.toContain(`/events/${eventId}`);

    // The owner leaves the network: its event no longer answers their need, at once.
    const left = await needOwner.client.post(`/networks/${network.id}`, {
      intent: "leave",
      confirmed: "yes",
    });
    expect(left.status).toBeLessThan(400);
    expect(await reached(need)).toBe(false);
  });

  it("forgets a deleted educator's offers and answers in the needs at once", async () => {
    const needOwner = await owner();
    const byTopic = await insertNeed({ ownerId: needOwner.user.id, topic: "topic:ai-tools" });
    const byAnswer = await insertNeed({
      ownerId: needOwner.user.id,
      topic: null,
      topicText: "Recording a radio spot",
    });
    const trainer = await educator();
    const offer = await createOffer(trainer.client, {
      title: "Podcasts in a week",
      topics: ["topic:ai-tools"],
    });
    const answered = await trainer.client.post(`/needs/${byAnswer}/answer`, {
      target: `offer:${offer}`,
      language: "el",
      message: "",
    });
    expect(answered.status).toBe(302);
    expect(await reached(byTopic)).toBe(true);
    expect(await reached(byAnswer)).toBe(true);
    await app.server.deletePerson({ userId: trainer.user.id });
    expect(await reached(byTopic)).toBe(false);
    expect(await reached(byAnswer)).toBe(false);
  });

  it("refuses owners (403), one's own need (403), a need in another network (404)", async () => {
    const needOwner = await app.signedIn({ role: "educator", country: "CY" });
    const need = await insertNeed({ ownerId: needOwner.user.id, topic: "topic:seo" });
    const ownOffer = await createOffer(needOwner.client, { topics: ["topic:seo"] });
    const own = await needOwner.client.post(`/needs/${need}/answer`, {
      target: `offer:${ownOffer}`,
      language: "el",
    });
    expect(own.status).toBe(403);

    const plainOwner = await owner();
    expect((await plainOwner.client.get(`/needs/${need}/answer`)).status).toBe(403);

    const network = await app.server.createNetwork({ members: [needOwner.user.id] });
    const hidden = await insertNeed({
      ownerId: needOwner.user.id,
      topic: "topic:seo",
      networkId: network.id,
    });
    const outsider = await educator();
    const offer = await createOffer(outsider.client, { topics: ["topic:seo"] });
    expect((await outsider.client.get(`/needs/${hidden}/answer`)).status).toBe(404);
    expect(
      (
        await outsider.client.post(`/needs/${hidden}/answer`, {
          target: `offer:${offer}`,
          language: "el",
        })
      ).status,
    ).toBe(404);
    expect(await rows(`select 1 from need_answers where need_id = ${q(hidden)}`)).toEqual([]);
    // Someone else's offer is not the outsider's to answer with.
    const visible = await insertNeed({ ownerId: needOwner.user.id, topic: "topic:seo" });
    const theirs = await outsider.client.post(`/needs/${visible}/answer`, {
      target: `offer:${ownOffer}`,
      language: "el",
    });
    expect(theirs.status).toBe(400);
  });

  it("'ask about this' opens one conversation for the owner and me-too people only", async () => {
    const needOwner = await owner();
    const meToo = await owner();
    const need = await insertNeed({ ownerId: needOwner.user.id, topic: "topic:storytelling" });
    await rows(
      `insert into need_me_toos (need_id, user_id, urgency) values (${q(need)}, ${q(meToo.user.id)}, 'month')`,
    );
    const trainer = await educator();
    const offer = await createOffer(trainer.client, {
      title: "Stories that sell",
      topics: ["topic:branding"],
    });
    await trainer.client.post(`/needs/${need}/answer`, {
      target: `offer:${offer}`,
      language: "el",
    });
    const [answer] = await rows<{ id: string }>(
      `select id from need_answers where need_id = ${q(need)}`,
    );
    const path = `/needs/${need}/answers/${answer.id}/ask`;

    const first = await needOwner.client.post(path, {});
    expect(first.status).toBe(302);
    const conversation = first.headers
      .get("location")
      ?.match(/conversations\/([0-9a-f-]{36})/)?.[1];
    expect(conversation).toBeTruthy();
    const again = await needOwner.client.post(path, {});
    expect(again.headers.get("location")).toContain(conversation);
    const messages = await rows<{ body: string }>(
      `select body from messages where conversation_id = ${q(conversation ?? "")}`,
    );
    expect(messages).toHaveLength(1);
    expect(messages[0].body).toContain("Stories that sell");
    expect(messages[0].body).toContain("Brand storytelling");

    expect((await meToo.client.post(path, {})).status).toBe(302);
    // Blocks are respected: someone the educator blocked cannot open a conversation this way.
    const blockedMeToo = await owner();
    await rows(
      `insert into need_me_toos (need_id, user_id, urgency) values (${q(need)}, ${q(blockedMeToo.user.id)}, 'year')`,
    );
    await rows(
      `insert into user_blocks (blocker_id, blocked_id) values (${q(trainer.user.id)}, ${q(blockedMeToo.user.id)})`,
    );
    expect((await blockedMeToo.client.post(path, {})).status).toBe(403);
    // An unknown answer is a 404, not a 500.
    expect(
      (
        await needOwner.client.post(
          `/needs/${need}/answers/00000000-0000-4000-8000-000000000000/ask`,
          {},
        )
      ).status,
    ).toBe(404);
    const stranger = await owner();
    expect((await stranger.client.post(path, {})).status).toBe(403);
    const otherNetwork = await app.server.createNetwork({ members: [needOwner.user.id] });
    const hidden = await insertNeed({
      ownerId: needOwner.user.id,
      topic: "topic:seo",
      networkId: otherNetwork.id,
    });
    expect(
      (await stranger.client.post(`/needs/${hidden}/answers/${answer.id}/ask`, {})).status,
    ).toBe(404);
  });
});

describe("directory and home page", () => {
  it("filters people by what they want to learn", async () => {
    const learner = await app.signedIn({
      role: "owner",
      displayName: "Wanda Wants",
      wanted: ["product-photography"],
    });
    await app.signedIn({
      role: "owner",
      displayName: "Otto Offers",
      offered: ["product-photography"],
    });
    const html = await (await learner.client.get("/people?wanted=product-photography")).text();
    expect(html).toContain("Wanda Wants");
    expect(html).not.toContain("Otto Offers");
  });

  it("shows an educator the needs near them first, and an owner no such block", async () => {
    const trainer = await app.signedIn({
      role: "educator",
      country: "CY",
      offered: ["marketing-video"],
      languages: [{ code: "el", level: "C2" }],
    });
    const someone = await owner();
    const elsewhere = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      topicText: "",
      country: "GR",
      weight: 9,
    });
    const near = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      country: "CY",
      weight: 2,
    });
    const heavierNear = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      country: "CY",
      weight: 6,
    });
    const reachedNear = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      country: "CY",
      weight: 12,
    });
    await rows(`update needs set is_reached = true where id = ${q(reachedNear)}`);
    const otherLanguage = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      languages: ["fi"],
    });
    const otherTopic = await insertNeed({ ownerId: someone.user.id, topic: "topic:seo" });
    const network = await app.server.createNetwork({ members: [someone.user.id] });
    const elsewhereNetwork = await insertNeed({
      ownerId: someone.user.id,
      topic: "topic:marketing-video",
      networkId: network.id,
    });
    const home = await (await trainer.client.get("/")).text();
    expectMessage(home, "offers.homeNeedsHeading");
    expect(home).toContain(`/needs/${near}`);
    expect(home).toContain(`/needs/${elsewhere}`);
    // Their country first; there, unreached before reached, heaviest first.
    const at = (id: string) => home.indexOf(`/needs/${id}`);
    expect(at(heavierNear)).toBeGreaterThan(-1);
    expect(at(heavierNear)).toBeLessThan(at(near));
    expect(at(near)).toBeLessThan(at(reachedNear));
    expect(at(reachedNear)).toBeLessThan(at(elsewhere));
    expect(home).not.toContain(`/needs/${otherLanguage}`);
    expect(home).not.toContain(`/needs/${otherTopic}`);
    // A need shared with a network the trainer is not in stays out of sight.
    expect(home).not.toContain(`/needs/${elsewhereNetwork}`);

    const ownerHome = await (await someone.client.get("/")).text();
    expect(ownerHome).not.toContain("needs-near-me");
  });
});
