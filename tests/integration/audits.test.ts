import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";
import { openStream } from "../setup/streams";

/**
 * Needs audits (issue 10 item 2): build, open, invite and rate, answer once into needs and
 * quotes, the report with groups under 3 folded away, its PDF in Greek, who may see what, and
 * that an anonymous answer cannot be traced to its person in anything the app shows or stores.
 */

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({
    names: ["notifications.fanout", "notifications.email", "mail.send"],
    timeoutMs: 20_000,
  });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

const SPREADSHEETS = "topic:spreadsheets";
const ONLINE_SHOP = "topic:online-shop";

type Person = Awaited<ReturnType<TestApp["signedIn"]>>;

/** Reads a PDF's text back (pdfjs, through the ToUnicode map pdfkit writes). */
async function pdfText(bytes: ArrayBuffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const content = await page.getTextContent();
    for (const item of content.items) if ("str" in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(" ");
}

/**
 * A network: facilitator (English), a second facilitator reading Greek, three owners in retail
 * (NACE G, 2–4 people, Cyprus) and one in manufacturing (NACE C), and nobody else.
 */
async function setUp() {
  const facilitator = await app.signedIn({ country: "CY", displayName: "Fiona Facilitator" });
  const greek = await app.signedIn({
    country: "GR",
    locale: "el",
    displayName: "Γιώργος Συντονιστής",
  });
  const retail: Person[] = [];
  for (const name of ["Anna Alpha", "Basil Beta", "Chloe Gamma"]) {
    const person = await app.signedIn({ country: "CY", region: "Limassol", displayName: name });
    await app.createOrganisation({
      naceDivision: "47",
      sizeBand: "2-4",
      country: "CY",
      members: [{ userId: person.user.id, role: "admin" }],
    });
    retail.push(person);
  }
  const maker = await app.signedIn({ country: "GR", displayName: "Dimitra Delta" });
  await app.createOrganisation({
    naceDivision: "10",
    sizeBand: "5-9",
    country: "GR",
    members: [{ userId: maker.user.id, role: "admin" }],
  });
  const network = await app.server.createNetwork({
    facilitators: [facilitator.user.id, greek.user.id],
    members: [...retail.map((p) => p.user.id), maker.user.id],
    languages: ["en", "el"],
  });
  return { facilitator, greek, retail, maker, network };
}

async function createAudit(
  client: TestClient,
  networkId: string,
  fields: Record<string, string> = {},
): Promise<string> {
  const response = await client.post("/audits/new", {
    network: networkId,
    title: "What should we learn in 2027?",
    introduction: "Five minutes, and it shapes next year's training.",
    anonymous: "on",
    submissionKey: `key-${Math.random().toString(36).slice(2, 14)}`,
    ...fields,
  });
  expect(response.status).toBe(302);
  const id = response.headers.get("location")?.match(/\/audits\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no audit id in ${response.headers.get("location")}`);
  return id;
}

async function buildAndOpen(client: TestClient, auditId: string) {
  const topics = await client.post(`/audits/${auditId}`, {
    intent: "addQuestion",
    kind: "topics",
    prompt: "Which of these would help your business?",
    topics: [SPREADSHEETS],
    otherTopics: `${ONLINE_SHOP}\nentrecomp:1.1`,
  });
  expect(topics.status).toBe(302);
  const open = await client.post(`/audits/${auditId}`, {
    intent: "addQuestion",
    kind: "open",
    prompt: "What else holds you back?",
  });
  expect(open.status).toBe(302);
  const opened = await client.post(`/audits/${auditId}`, { intent: "open" });
  expect(opened.status).toBe(302);
}

/** The indexes the answer form gives the topics: in question order. */
const TICK = { [SPREADSHEETS]: "0", [ONLINE_SHOP]: "1", "entrecomp:1.1": "2" } as const;

async function openQuestionId(auditId: string) {
  const [q] = await rows<{ id: string }>(
    `select id from audit_questions where audit_id = '${auditId}' and kind = 'open'`,
  );
  return q.id;
}

async function answer(
  client: TestClient,
  auditId: string,
  ticks: Array<{ topic: keyof typeof TICK; urgency: string; formats: string[] }>,
  openText = "",
) {
  const fields: Record<string, string | string[]> = {
    intent: "answer",
    tick: ticks.map((t) => TICK[t.topic]),
    languages: ["el", "en"],
  };
  for (const t of ticks) {
    fields[`urgency_${TICK[t.topic]}`] = t.urgency;
    fields[`formats_${TICK[t.topic]}`] = t.formats;
  }
  if (openText) fields[`open_${await openQuestionId(auditId)}`] = openText;
  return client.post(`/audits/${auditId}`, fields);
}

describe("building, opening and closing an audit", () => {
  it("lets a network's facilitators build a draft, fixes the questions once open, invites the members and shows the rate", async () => {
    const { facilitator, retail, network } = await setUp();
    expect((await facilitator.client.get(`/audits/new?network=${network.id}`)).status).toBe(200);
    expect((await retail[0].client.get(`/audits/new?network=${network.id}`)).status).toBe(403);
    expect((await retail[0].client.get("/audits/new")).status).toBe(403);
    const auditId = await createAudit(facilitator.client, network.id);

    // A topic key that names nothing is refused, in words.
    const bad = await facilitator.client.post(`/audits/${auditId}`, {
      intent: "addQuestion",
      kind: "topics",
      prompt: "Which?",
      otherTopics: "topic:no-such-topic",
    });
    expect(bad.status).toBe(400);
    expectMessage(await bad.text(), "audits.unknownTopic");

    // A draft is not there for members.
    expect((await retail[0].client.get(`/audits/${auditId}`)).status).toBe(404);
    await buildAndOpen(facilitator.client, auditId);

    const [audit] = await rows<{ status: string; invited_count: number }>(
      `select status, invited_count from audits where id = '${auditId}'`,
    );
    expect(audit).toEqual({ status: "open", invited_count: 6 });
    const late = await facilitator.client.post(`/audits/${auditId}`, {
      intent: "addQuestion",
      kind: "open",
      prompt: "One more?",
    });
    expect(late.status).toBe(409);
    expectMessage(await late.text(), "audits.questionsFixed");

    // Every member is told (fan-out job), the facilitator who opened it is not.
    await app.server.waitForJobs({ names: ["notifications.fanout"], timeoutMs: 20_000 });
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id::text from notifications where kind = 'audit.invited'
       and data->>'auditId' = '${auditId}'`,
    );
    expect(told.map((r) => r.recipient_id).sort()).toHaveLength(5);
    expect(told.map((r) => r.recipient_id)).not.toContain(facilitator.user.id);
    // …and mailed at once (the kind's default), with the link to answer.
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 20_000,
    });
    const mail = await app.lastMailTo(retail[2].user.email);
    expect(mail?.text ?? "").toContain("What should we learn in 2027?");
    expect(mail?.text ?? "").toContain(`/audits/${auditId}`);

    const page = await facilitator.client.get(`/audits/${auditId}`);
    expect(await page.text()).toContain("0 of 6 invited have answered (0%)");
    // The facilitator's page hears of each answer live, and of nothing more; members and
    // outsiders get no stream.
    expect((await retail[0].client.get(`/audits/${auditId}/live`)).status).toBe(403);
    const outsider = await app.signedIn({ country: "CY" });
    expect((await outsider.client.get(`/audits/${auditId}/live`)).status).toBe(404);
    const stream = await openStream(
      new URL(`/audits/${auditId}/live`, app.url),
      facilitator.client.cookieHeaderForTests(),
    );
    try {
      await answer(retail[0].client, auditId, [
        { topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] },
      ]);
      expect(await stream.waitFor("event: answered")).toBe(true);
      expect(stream.received).not.toContain(retail[0].user.id);
    } finally {
      await stream.close();
    }
    expect(await (await facilitator.client.get(`/audits/${auditId}`)).text()).toContain(
      "1 of 6 invited have answered (17%)",
    );

    // Both sides find it in their list of audits.
    const mine = await (await facilitator.client.get("/audits")).text();
    expect(mine).toContain("What should we learn in 2027?");
    expect(mine).toContain(`/audits/new?network=${network.id}`);
    expect(await (await retail[1].client.get("/audits")).text()).toContain(`/audits/${auditId}`);

    const closed = await facilitator.client.post(`/audits/${auditId}`, { intent: "close" });
    expect(closed.status).toBe(302);
    const after = await answer(retail[1].client, auditId, [
      { topic: SPREADSHEETS, urgency: "year", formats: ["self_paced"] },
    ]);
    expect(after.status).toBe(409);
    expectMessage(await after.text(), "audits.closed");
    expect((await facilitator.client.post(`/audits/${auditId}`, { intent: "close" })).status).toBe(
      409,
    );
  });

  it("lets installation facilitators run a country audit for that country's owners", async () => {
    const runner = await app.signedIn({ country: "FI", isFacilitator: true });
    const owner = await app.signedIn({ country: "FI", role: "owner" });
    const educator = await app.signedIn({ country: "FI", role: "educator" });
    const elsewhere = await app.signedIn({ country: "IT", role: "owner" });
    const response = await runner.client.post("/audits/new", {
      title: "Finland 2027",
      country: "FI",
      anonymous: "on",
    });
    expect(response.status).toBe(302);
    const auditId = response.headers.get("location")?.split("/").pop() ?? "";
    await buildAndOpen(runner.client, auditId);
    const invited = await rows<{ user_id: string }>(
      `select user_id::text from audit_invitations where audit_id = '${auditId}'`,
    );
    const ids = invited.map((r) => r.user_id);
    expect(ids).toContain(owner.user.id);
    expect(ids).not.toContain(educator.user.id);
    expect(ids).not.toContain(elsewhere.user.id);
    expect((await elsewhere.client.get(`/audits/${auditId}`)).status).toBe(404);
    expect((await owner.client.get(`/audits/${auditId}`)).status).toBe(200);
    // A country audit is country-wide: its needs belong to no network.
    expect(
      (
        await answer(owner.client, auditId, [
          { topic: SPREADSHEETS, urgency: "quarter", formats: ["face_to_face"] },
        ])
      ).status,
    ).toBe(302);
    const [need] = await rows<{ network_id: string | null; country: string }>(
      `select network_id, country from needs where audit_id = '${auditId}'`,
    );
    expect(need).toEqual({ network_id: null, country: "FI" });
  });
});

describe("answering", () => {
  it("takes one answer per invited person, turns ticked topics into needs with the person's facts, and refuses others", async () => {
    const { facilitator, retail, maker, network } = await setUp();
    const outsider = await app.signedIn({ country: "CY" });
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);

    expect((await outsider.client.get(`/audits/${auditId}`)).status).toBe(404);
    const stranger = await answer(outsider.client, auditId, [
      { topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] },
    ]);
    expect(stranger.status).toBe(404);

    const first = await answer(
      retail[0].client,
      auditId,
      [
        { topic: SPREADSHEETS, urgency: "month", formats: ["online_live", "self_paced"] },
        { topic: "entrecomp:1.1", urgency: "year", formats: ["peer_session"] },
      ],
      "Time.",
    );
    expect(first.status).toBe(302);
    const twice = await answer(retail[0].client, auditId, [
      { topic: SPREADSHEETS, urgency: "year", formats: ["self_paced"] },
    ]);
    expect(twice.status).toBe(409);
    expectMessage(await twice.text(), "audits.alreadyAnswered");

    // A ticked topic without urgency or format is sent back, nothing written.
    const incomplete = await retail[1].client.post(`/audits/${auditId}`, {
      intent: "answer",
      tick: TICK[SPREADSHEETS],
      languages: "en",
    });
    expect(incomplete.status).toBe(400);
    expectMessage(await incomplete.text(), "audits.urgencyRequired");
    const [{ answered }] = await rows<{ answered: boolean }>(
      `select answered from audit_invitations where audit_id = '${auditId}' and user_id = '${retail[1].user.id}'`,
    );
    expect(answered).toBe(false);

    expect(
      (
        await answer(maker.client, auditId, [
          { topic: ONLINE_SHOP, urgency: "quarter", formats: ["face_to_face"] },
        ])
      ).status,
    ).toBe(302);

    const made = await rows<Record<string, unknown>>(
      `select owner_id, audit_id::text, network_id::text, topic, urgency, formats, languages, country, region,
              nace_division, nace_section, size_band, weight, status, created_at
       from needs where audit_id = '${auditId}' order by topic`,
    );
    expect(made).toHaveLength(3);
    const spreadsheets = made.find((n) => n.topic === SPREADSHEETS);
    expect(spreadsheets).toMatchObject({
      owner_id: null,
      audit_id: auditId,
      network_id: network.id,
      urgency: "month",
      formats: ["online_live", "self_paced"],
      languages: ["el", "en"],
      country: "CY",
      region: "Limassol",
      nace_division: "47",
      nace_section: "G",
      size_band: "2-4",
      weight: 3,
      status: "open",
    });
    expect(made.find((n) => n.topic === "entrecomp:1.1")).toMatchObject({ weight: 1 });
    expect(made.find((n) => n.topic === ONLINE_SHOP)).toMatchObject({
      country: "GR",
      nace_section: "C",
      size_band: "5-9",
      weight: 2,
    });
    const quotes = await rows<{ text: string }>(
      `select text from audit_quotes where audit_id = '${auditId}'`,
    );
    expect(quotes).toEqual([{ text: "Time." }]);
  });

  it("makes a named audit's needs the person's own", async () => {
    const { facilitator, retail, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id, { anonymous: "" });
    await buildAndOpen(facilitator.client, auditId);
    await answer(retail[2].client, auditId, [
      { topic: SPREADSHEETS, urgency: "quarter", formats: ["online_live"] },
    ]);
    const [need] = await rows<{ owner_id: string; weight: number }>(
      `select owner_id::text, weight from needs where audit_id = '${auditId}'`,
    );
    expect(need).toEqual({ owner_id: retail[2].user.id, weight: 2 });
  });
});

describe("after the answers", () => {
  it("keeps an anonymous audit's needs out of every list and page: they only count in figures", async () => {
    const { facilitator, retail, network } = await setUp();
    const trainer = await app.signedIn({
      role: "educator",
      country: "CY",
      offered: ["spreadsheets"],
      languages: [{ code: "el", level: "C2" }],
    });
    await rows(
      `insert into network_members (network_id, user_id) values ('${network.id}', '${trainer.user.id}')`,
    );
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    expect(
      (
        await answer(retail[0].client, auditId, [
          { topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] },
        ])
      ).status,
    ).toBe(302);
    const [need] = await rows<{ id: string; owner_id: string | null }>(
      `select id::text, owner_id::text from needs where audit_id = '${auditId}'`,
    );
    expect(need.owner_id).toBeNull();

    for (const person of [retail[1], trainer, facilitator]) {
      const list = await (await person.client.get(`/needs?topic=${SPREADSHEETS}`)).text();
      expect(list).not.toContain(`/needs/${need.id}`);
      expect((await person.client.get(`/needs/${need.id}`)).status).toBe(404);
      expect(
        (await person.client.post(`/needs/${need.id}`, { intent: "meToo", urgency: "month" }))
          .status,
      ).toBe(404);
    }
    expect((await trainer.client.get(`/needs/${need.id}/answer`)).status).toBe(404);
    expect(
      (
        await trainer.client.post(`/needs/${need.id}/answer`, {
          target: "offer:00000000-0000-4000-8000-000000000000",
          language: "el",
          message: "",
        })
      ).status,
    ).toBe(404);
    expect((await trainer.client.post(`/needs/${need.id}/answers/${need.id}/ask`, {})).status).toBe(
      404,
    );
    // Not in the educator's "needs near you" either.
    const home = await (await trainer.client.get("/")).text();
    expect(home).not.toContain(`/needs/${need.id}`);
  });

  it("refuses an answer from an invited member removed from the network (404)", async () => {
    const { facilitator, retail, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    const removed = await facilitator.client.post(`/networks/${network.id}/members`, {
      intent: "remove",
      userId: retail[1].user.id,
      confirmed: "yes",
    });
    expect(removed.status).toBeLessThan(400);
    expect((await retail[1].client.get(`/audits/${auditId}`)).status).toBe(404);
    const refused = await answer(retail[1].client, auditId, [
      { topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] },
    ]);
    expect(refused.status).toBe(404);
    const made = await rows<{ n: number }>(
      `select count(*)::int as n from needs where audit_id = '${auditId}'`,
    );
    expect(made[0].n).toBe(0);
  });
});

describe("the report", () => {
  it("counts respondents per group, folds groups under 3 into 'fewer than 3' on the page and in the Greek PDF, and is for the audit's facilitators only", async () => {
    const { facilitator, greek, retail, maker, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    for (const person of retail) {
      await answer(
        person.client,
        auditId,
        [{ topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] }],
        `Words of ${person.user.id.slice(0, 4)}`,
      );
    }
    await answer(maker.client, auditId, [
      { topic: SPREADSHEETS, urgency: "quarter", formats: ["face_to_face"] },
      { topic: ONLINE_SHOP, urgency: "quarter", formats: ["face_to_face"] },
    ]);

    const page = await facilitator.client.get(`/audits/${auditId}/report`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("4 of 6 invited have answered (67%)");
    const main = html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
    // Spreadsheets: 4 respondents; retail (G): 3. The one manufacturer, the one online shop,
    // the 5–9 band and face to face (1 person) are folded away.
    expect(main).toMatch(/Spreadsheets<\/th><td>4<\/td>/);
    expect(main).toMatch(/G · [^<]*<\/th><td>3<\/td>/);
    expect(main).not.toContain("Manufacturing");
    expect(main).not.toContain("Online shop");
    expect(main).not.toContain("5 to 9 people");
    expect(main).not.toContain("Face to face");
    expect(main).toContain("fewer than 3 each");
    expect(main).toContain("<svg");
    expect(main).toContain('role="img"');

    const pdf = await greek.client.get(`/audits/${auditId}/report.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(await pdf.arrayBuffer());
    expect(text).toContain("Αναφορά έρευνας αναγκών");
    expect(text).toContain("Ανά θέμα");
    expect(text).toContain("Υπολογιστικά φύλλα");
    expect(text).toContain("Απάντησαν 4 από 6 προσκεκλημένους");
    expect(text).toContain("λιγότεροι από 3 η καθεμία");
    expect(text).not.toContain("Μεταποίηση");
    expect(text).not.toContain("Ηλεκτρονικό κατάστημα");
    expect(text).not.toContain("5 έως 9");

    // Members see 403, people of other networks (even facilitators there) 404.
    expect((await retail[0].client.get(`/audits/${auditId}/report`)).status).toBe(403);
    expect((await retail[0].client.get(`/audits/${auditId}/report.pdf`)).status).toBe(403);
    const other = await app.signedIn({ country: "CY", isFacilitator: true });
    await app.server.createNetwork({ facilitators: [other.user.id] });
    expect((await other.client.get(`/audits/${auditId}/report`)).status).toBe(404);
    expect((await other.client.get(`/audits/${auditId}/report.pdf`)).status).toBe(404);
    expect((await other.client.get(`/audits/${auditId}`)).status).toBe(404);
  });
});

describe("anonymity", () => {
  it("leaves nothing that leads from an anonymous answer back to its person", async () => {
    const { facilitator, retail, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    const texts = ["Cash is tight.", "No time in the season.", "Courses are in English only."];
    for (const [i, person] of retail.entries()) {
      expect(
        (
          await answer(
            person.client,
            auditId,
            [{ topic: SPREADSHEETS, urgency: "month", formats: ["online_live"] }],
            texts[i],
          )
        ).status,
      ).toBe(302);
    }
    const identities = await rows<{ id: string; email: string; display_name: string }>(
      `select id::text, email, display_name from users where id in (${retail.map((p) => `'${p.user.id}'`).join(",")})`,
    );
    const secrets = identities.flatMap((p) => [p.id, p.email, p.display_name]);

    // What is stored about the answers: no person, no instant.
    const stored = [
      ...(await rows<Record<string, unknown>>(`select * from needs where audit_id = '${auditId}'`)),
      ...(await rows<Record<string, unknown>>(
        `select * from audit_responses where audit_id = '${auditId}'`,
      )),
      ...(await rows<Record<string, unknown>>(
        `select * from audit_quotes where audit_id = '${auditId}'`,
      )),
      ...(await rows<Record<string, unknown>>(
        `select rn.* from audit_response_needs rn join audit_responses r on r.id = rn.response_id where r.audit_id = '${auditId}'`,
      )),
    ];
    expect(stored.length).toBeGreaterThan(6);
    for (const row of stored) {
      for (const value of Object.values(row)) {
        const shown = value instanceof Date ? value.toISOString() : JSON.stringify(value);
        for (const secret of secrets) expect(shown).not.toContain(secret);
        // Every time kept is a whole day, the same for everyone who answered that day.
        if (value instanceof Date) expect(value.toISOString()).toMatch(/T00:00:00\.000Z$/);
      }
    }
    const needTimes = new Set(
      (
        await rows<{ t: string }>(
          `select created_at::text as t from needs where audit_id = '${auditId}'`,
        )
      ).map((r) => r.t),
    );
    expect(needTimes.size).toBe(1);
    for (const t of needTimes) expect(t).toMatch(/ 00:00:00[+-]\d\d(:\d\d)?$/);
    // The invitation keeps only whether the person answered.
    const columns = await rows<{ column_name: string }>(
      `select column_name from information_schema.columns where table_name = 'audit_invitations' order by column_name`,
    );
    expect(columns.map((c) => c.column_name)).toEqual(["answered", "audit_id", "user_id"]);

    // What pages and the PDF show: no names, no emails, no ids; quotes in a fixed order that
    // is not the order they came in (by their random ids).
    const report = await (await facilitator.client.get(`/audits/${auditId}/report`)).text();
    const auditPage = await (await facilitator.client.get(`/audits/${auditId}`)).text();
    const pdf = await pdfText(
      await (await facilitator.client.get(`/audits/${auditId}/report.pdf`)).arrayBuffer(),
    );
    for (const shown of [report, auditPage, pdf]) {
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
    const byId = await rows<{ text: string }>(
      `select text from audit_quotes where audit_id = '${auditId}' order by id`,
    );
    const positions = byId.map((q) => report.indexOf(q.text.replace("'", "&#x27;")));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const pdfPositions = byId.map((q) => pdf.indexOf(q.text));
    expect([...pdfPositions].sort((a, b) => a - b)).toEqual(pdfPositions);
  });

  it("groups one answer's needs under one random key, counted as one person on the radar", async () => {
    const { facilitator, retail, maker, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    const all = ([SPREADSHEETS, ONLINE_SHOP, "entrecomp:1.1"] as const).map((topic) => ({
      topic,
      urgency: "month",
      formats: ["online_live"],
    }));
    expect((await answer(retail[0].client, auditId, all)).status).toBe(302);
    const keys = await rows<{ respondent_key: string | null }>(
      `select respondent_key::text from needs where audit_id = '${auditId}'`,
    );
    expect(keys).toHaveLength(3);
    expect(keys[0].respondent_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(keys.map((k) => k.respondent_key)).size).toBe(1);
    // The key is nobody's id.
    const ids = await rows<{ id: string }>(
      `select id::text from users union all select id::text from audit_responses
       union all select id::text from audits`,
    );
    expect(ids.map((r) => r.id)).not.toContain(keys[0].respondent_key);
    // Three needs of one person: the radar shows nothing of them, not even as a list.
    const radar = `?network=${network.id}&period=all`;
    const one = await (await facilitator.client.get(`/radar${radar}`)).text();
    expect(one).toContain("Fewer than 3 needs or people match these filters");
    // Two more people answer: five needs of three people, shown; owner-less needs are never
    // listed one by one.
    await answer(retail[1].client, auditId, [all[0]]);
    await answer(maker.client, auditId, [all[1]]);
    const keyCount = await rows<{ n: number }>(
      `select count(distinct respondent_key)::int as n from needs where audit_id = '${auditId}'`,
    );
    expect(keyCount).toEqual([{ n: 3 }]);
    const three = await (await facilitator.client.get(`/radar${radar}`)).text();
    expect(three).not.toContain("Fewer than 3 needs or people match these filters");
    const needIds = await rows<{ id: string }>(
      `select id::text from needs where audit_id = '${auditId}'`,
    );
    for (const need of needIds) expect(three).not.toContain(need.id);
  });

  it("holds the open answers back while fewer than 3 people have answered an anonymous audit", async () => {
    const { facilitator, retail, network } = await setUp();
    const auditId = await createAudit(facilitator.client, network.id);
    await buildAndOpen(facilitator.client, auditId);
    await answer(retail[0].client, auditId, [], "Only I would say this.");
    const report = await (await facilitator.client.get(`/audits/${auditId}/report`)).text();
    expect(report).not.toContain("Only I would say this.");
    expect(report).toContain("The open answers are shown once at least 3 people have answered.");
  });
});
