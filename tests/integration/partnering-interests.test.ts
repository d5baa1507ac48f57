import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

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

let n = 0;
type Side = {
  client: TestClient;
  user: { id: string; email: string };
  name: string;
  orgId: string;
  website: string;
};

/** An owner with their organisation (active admin). */
async function owner(spec: {
  country: string;
  division: string;
  languages: string[];
  locale?: string;
}): Promise<Side> {
  n += 1;
  const name = `Person${n} Surname${n}x`;
  const { client, user } = await app.signedIn({
    country: spec.country,
    displayName: name,
    locale: spec.locale ?? "en",
    languages: spec.languages.map((code) => ({ code, level: "C1" })),
  });
  const website = `https://org${n}-site.example`;
  const org = await app.createOrganisation({
    name: `Organisation${n} Ltd`,
    country: spec.country,
    naceDivision: spec.division,
    website,
    description: `We are organisation ${n}.`,
    members: [{ userId: user.id, role: "admin" }],
  });
  return { client, user, name, orgId: org.id, website };
}

/** Cork cheese seeks a distributor in Finland; Tampere wholesale is interested. */
async function corkAndTampere(opportunity: Record<string, unknown> = {}, tampereLocale = "en") {
  const cork = await owner({ country: "IE", division: "10", languages: ["en"] });
  const tampere = await owner({
    country: "FI",
    division: "46",
    languages: ["fi", "en"],
    locale: tampereLocale,
  });
  const { id } = await app.server.buildOpportunity({
    organisationId: cork.orgId,
    createdBy: cork.user.id,
    title: `Looking for a distributor in Finland ${n}`,
    summary: "Irish farmhouse cheese for Finnish shops.",
    naceDivision: "10",
    partnerships: ["distribution"],
    targetCountries: ["FI"],
    languages: ["en"],
    ...opportunity,
  });
  return { cork, tampere, opportunityId: id };
}

function expectNoContactsOf(html: string, side: Side) {
  expect(html).not.toContain(side.user.email);
  expect(html).not.toContain(side.website);
  expect(html).not.toContain(side.name);
}

async function express(
  side: Side,
  opportunityId: string,
  extra: Record<string, string> = {},
): Promise<Response> {
  return side.client.post(`/partnering/${opportunityId}/interest`, {
    organisationId: side.orgId,
    message: "We distribute cheese across Pirkanmaa and would like to talk.",
    ...extra,
  });
}

async function interestOf(opportunityId: string, orgId: string) {
  const [row] = await rows<{ id: string; status: string; conversation_id: string | null }>(
    `select id, status, conversation_id from opportunity_interests
     where opportunity_id = ${q(opportunityId)} and organisation_id = ${q(orgId)}
     order by created_at desc limit 1`,
  );
  return row;
}

async function interestCount(opportunityId: string): Promise<number> {
  const [row] = await rows<{ interest_count: number }>(
    `select interest_count from opportunities where id = ${q(opportunityId)}`,
  );
  return Number(row.interest_count);
}

async function accept(side: Side, opportunityId: string, interestId: string) {
  return side.client.post(`/partnering/${opportunityId}/interests`, {
    interestId,
    decision: "accept",
  });
}

describe("expressions of interest", () => {
  it("Cork to Tampere: interest once per key, publisher sees the organisation only, accepting introduces both in a conversation", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere({}, "fi");

    const form = await tampere.client.get(`/partnering/${opportunityId}/interest`);
    expect(form.status).toBe(200);
    expectNoContactsOf(await form.text(), cork);

    const key = { submissionKey: "interest-key-0001" };
    const first = await express(tampere, opportunityId, key);
    const second = await express(tampere, opportunityId, key);
    expect(first.status).toBe(302);
    expect(second.status).toBe(302);
    expect(await interestCount(opportunityId)).toBe(1);
    const interest = await interestOf(opportunityId, tampere.orgId);
    expect(interest.status).toBe("pending");
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'interest.received'
       and data->>'opportunityId' = ${q(opportunityId)}`,
    );
    expect(told).toEqual([{ recipient_id: cork.user.id }]);
    // The notification and its email name the opportunity, not the interested person.
    const centre = await (await cork.client.get("/notifications")).text();
    expect(centre).toContain("Looking for a distributor in Finland");
    expectNoContactsOf(centre, tampere);
    await app.server.waitForJobs({ names: ["notifications.email"], timeoutMs: 15_000 });
    const mail = await app.lastMailTo(cork.user.email);
    expect(mail).toBeTruthy();
    expectNoContactsOf(JSON.stringify(mail), tampere);

    // The publisher sees the organisation and its message, nothing about its people.
    const list = await cork.client.get(`/partnering/${opportunityId}/interests`);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Organisation");
    expect(listHtml).toContain(escapeHtml("We distribute cheese across Pirkanmaa"));
    expectNoContactsOf(listHtml, tampere);
    // Before acceptance neither side sees the introduction.
    expect((await tampere.client.get(`/partnering/introductions/${interest.id}`)).status).toBe(404);
    expect((await tampere.client.get("/partnering/introductions")).status).toBe(200);
    expectNoContactsOf(await (await tampere.client.get("/partnering/introductions")).text(), cork);

    const accepted = await accept(cork, opportunityId, interest.id);
    expect(accepted.status).toBe(302);
    expect(accepted.headers.get("location")).toBe(`/partnering/introductions/${interest.id}`);
    const after = await interestOf(opportunityId, tampere.orgId);
    expect(after.status).toBe("accepted");
    expect(after.conversation_id).not.toBeNull();
    const [message] = await rows<{ body: string; author_id: string }>(
      `select body, author_id from messages where conversation_id = ${q(after.conversation_id ?? "")}`,
    );
    expect(message.author_id).toBe(cork.user.id);
    expect(message.body).toContain("Looking for a distributor in Finland");
    const [stage] = await rows<{ stage: string }>(
      `select stage from introduction_updates where interest_id = ${q(interest.id)}`,
    );
    expect(stage.stage).toBe("introduced");
    const acceptedTold = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'interest.accepted'
       and data->>'interestId' = ${q(interest.id)}`,
    );
    expect(acceptedTold).toEqual([{ recipient_id: tampere.user.id }]);

    // After acceptance each side sees the other's people and website (never an email).
    const corkView = await (
      await cork.client.get(`/partnering/introductions/${interest.id}`)
    ).text();
    expect(corkView).toContain(tampere.name);
    expect(corkView).toContain(tampere.website);
    expect(corkView).toContain(`/conversations/${after.conversation_id}`);
    expect(corkView).not.toContain(tampere.user.email);
    const tampereView = await (
      await tampere.client.get(`/partnering/introductions/${interest.id}`)
    ).text();
    expect(tampereView).toContain(cork.name);
    expect(tampereView).toContain(cork.website);
    expect(tampereView).not.toContain(cork.user.email);
    // In Finnish, for the Finnish owner.
    expect(tampereView).toContain("Esittelyt");
    const introList = await (await tampere.client.get("/partnering/introductions")).text();
    expect(introList).toContain(`/partnering/introductions/${interest.id}`);
  });

  it("refuses bad input with translated 400s and the wrong organisation with 403", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere();
    const cases: [Record<string, string>, string][] = [
      [{ message: "" }, "interests.messageRequired"],
      [{ message: "   " }, "interests.messageRequired"],
      [{ message: "x".repeat(1001) }, "interests.messageTooLong"],
      [{ organisationId: "not-a-uuid" }, "interests.organisationRequired"],
    ];
    for (const [fields, key] of cases) {
      const response = await express(tampere, opportunityId, fields);
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    // An organisation the person is not a member of; the publisher's own.
    const stranger = await owner({ country: "DE", division: "46", languages: ["de"] });
    const notMine = await express(tampere, opportunityId, { organisationId: stranger.orgId });
    expect(notMine.status).toBe(403);
    expectMessage(await notMine.text(), "interests.notYourOrganisation");
    const own = await express(cork, opportunityId);
    expect(own.status).toBe(403);
    expectMessage(await own.text(), "interests.ownOpportunity");
    // The same id in capitals is the same organisation (PostgreSQL reads uuids without case).
    const ownInCapitals = await express(cork, opportunityId, {
      organisationId: cork.orgId.toUpperCase(),
    });
    expect(ownInCapitals.status).toBe(403);
    expectMessage(await ownInCapitals.text(), "interests.ownOpportunity");
    // A pending member is not an active member.
    const pending = await owner({ country: "FI", division: "46", languages: ["fi"] });
    await rows(
      `insert into organisation_members (organisation_id, user_id, role, status)
       values (${q(tampere.orgId)}, ${q(pending.user.id)}, 'member', 'pending')`,
    );
    const notActive = await express({ ...pending, orgId: tampere.orgId }, opportunityId);
    expect(notActive.status).toBe(403);
    // Signed out: no interest.
    const anonymous = app.client();
    const signedOut = await anonymous.post(`/partnering/${opportunityId}/interest`, {
      organisationId: tampere.orgId,
      message: "Hello",
    });
    expect([302, 303, 401, 403]).toContain(signedOut.status);
    expect(await interestCount(opportunityId)).toBe(0);

    // A second interest of the same organisation (another form): 409, still one.
    expect((await express(tampere, opportunityId)).status).toBe(302);
    const again = await express(tampere, opportunityId, { submissionKey: "another-key-0002" });
    expect(again.status).toBe(409);
    expectMessage(await again.text(), "interests.alreadyInterested");
    expect(await interestCount(opportunityId)).toBe(1);
  });

  it("refuses a withdrawn, expired, draft or unknown opportunity (404) and a passed deadline (409)", async () => {
    const { tampere, cork } = await corkAndTampere();
    const past = new Date(Date.now() - 86_400_000);
    const hidden = [
      (await app.server.buildOpportunity({ organisationId: cork.orgId, status: "withdrawn" })).id,
      (await app.server.buildOpportunity({ organisationId: cork.orgId, status: "draft" })).id,
      (await app.server.buildOpportunity({ organisationId: cork.orgId, status: "submitted" })).id,
      (
        await app.server.buildOpportunity({
          organisationId: cork.orgId,
          publishedAt: new Date(Date.now() - 200 * 86_400_000),
          expiresAt: past,
        })
      ).id,
      "00000000-0000-4000-8000-000000000000",
      "nonsense",
    ];
    for (const id of hidden) {
      expect((await tampere.client.get(`/partnering/${id}/interest`)).status, id).toBe(404);
      expect((await express(tampere, id)).status, id).toBe(404);
    }
    const late = await app.server.buildOpportunity({
      organisationId: cork.orgId,
      deadline: past.toISOString().slice(0, 10),
    });
    const refused = await express(tampere, late.id);
    expect(refused.status).toBe(409);
    expectMessage(await refused.text(), "interests.deadlinePassed");
    const rowsMade = await rows<{ n: number }>(
      `select count(*)::int as n from opportunity_interests where organisation_id = ${q(tampere.orgId)}`,
    );
    expect(rowsMade[0].n).toBe(0);
  });

  it("a declined interest cannot come back within 30 days, and can after", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere();
    expect((await express(tampere, opportunityId)).status).toBe(302);
    const interest = await interestOf(opportunityId, tampere.orgId);
    const declined = await cork.client.post(`/partnering/${opportunityId}/interests`, {
      interestId: interest.id,
      decision: "decline",
    });
    expect(declined.status).toBe(302);
    expect(await interestCount(opportunityId)).toBe(0);
    const told = await rows<{ kind: string }>(
      `select kind from notifications where recipient_id = ${q(tampere.user.id)}
       and kind like 'interest.%'`,
    );
    expect(told).toEqual([{ kind: "interest.declined" }]);
    // Declined: the publisher's people stay unnamed.
    expectNoContactsOf(await (await tampere.client.get("/notifications")).text(), cork);
    // Deciding again: 409.
    const twice = await accept(cork, opportunityId, interest.id);
    expect(twice.status).toBe(409);
    expectMessage(await twice.text(), "interests.alreadyDecided");

    const soon = await express(tampere, opportunityId);
    expect(soon.status).toBe(409);
    const html = await soon.text();
    const [until] = await rows<{ day: string }>(
      `select to_char(decided_at + interval '30 days', 'YYYY-MM-DD') as day
       from opportunity_interests where id = ${q(interest.id)}`,
    );
    expect(html).toContain(until.day);

    await rows(
      `update opportunity_interests set decided_at = now() - interval '31 days' where id = ${q(interest.id)}`,
    );
    expect((await express(tampere, opportunityId)).status).toBe(302);
    expect(await interestCount(opportunityId)).toBe(1);
  });

  it("only authors list and decide; another organisation's member gets 404 everywhere", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere();
    expect((await express(tampere, opportunityId)).status).toBe(302);
    const interest = await interestOf(opportunityId, tampere.orgId);
    const stranger = await owner({ country: "IT", division: "46", languages: ["it"] });
    expect((await stranger.client.get(`/partnering/${opportunityId}/interests`)).status).toBe(404);
    expect((await tampere.client.get(`/partnering/${opportunityId}/interests`)).status).toBe(404);
    expect((await accept(stranger, opportunityId, interest.id)).status).toBe(404);
    // The interested side cannot accept its own interest either.
    expect((await accept(tampere, opportunityId, interest.id)).status).toBe(404);
    expect((await interestOf(opportunityId, tampere.orgId)).status).toBe("pending");
    // Bad decision input: 400.
    const bad = await cork.client.post(`/partnering/${opportunityId}/interests`, {
      interestId: interest.id,
      decision: "maybe",
    });
    expect(bad.status).toBe(400);

    expect((await accept(cork, opportunityId, interest.id)).status).toBe(302);
    for (const path of [`/partnering/introductions/${interest.id}`]) {
      expect((await stranger.client.get(path)).status).toBe(404);
      const move = await stranger.client.post(path, { intent: "stage", stage: "met" });
      expect(move.status).toBe(404);
    }
    const strangerList = await (await stranger.client.get("/partnering/introductions")).text();
    expect(strangerList).not.toContain(interest.id);
  });

  it("two concurrent accepts make one introduction and one conversation", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere();
    // A second author of the publishing organisation.
    const colleague = await owner({ country: "IE", division: "10", languages: ["en"] });
    await rows(
      `insert into organisation_members (organisation_id, user_id, role, status)
       values (${q(cork.orgId)}, ${q(colleague.user.id)}, 'member', 'active')`,
    );
    expect((await express(tampere, opportunityId)).status).toBe(302);
    const interest = await interestOf(opportunityId, tampere.orgId);
    const answers = await Promise.all([
      accept(cork, opportunityId, interest.id),
      accept(colleague, opportunityId, interest.id),
      accept(cork, opportunityId, interest.id),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409, 409]);
    const conversations = await rows<{ n: number }>(
      `select count(distinct p.conversation_id)::int as n from conversation_participants p
       where p.user_id = ${q(tampere.user.id)}`,
    );
    expect(conversations[0].n).toBe(1);
    const updates = await rows<{ n: number }>(
      `select count(*)::int as n from introduction_updates where interest_id = ${q(interest.id)}`,
    );
    expect(updates[0].n).toBe(1);
  });

  it("an acceptance stands when the conversation cannot open, and the page opens it later, once", async () => {
    const { cork, tampere, opportunityId } = await corkAndTampere();
    expect((await express(tampere, opportunityId)).status).toBe(302);
    const interest = await interestOf(opportunityId, tampere.orgId);
    // The interested person blocked the author: the conversation rule refuses to start it.
    await rows(
      `insert into user_blocks (blocker_id, blocked_id) values (${q(tampere.user.id)}, ${q(cork.user.id)})`,
    );
    expect((await accept(cork, opportunityId, interest.id)).status).toBe(302);
    const accepted = await interestOf(opportunityId, tampere.orgId);
    expect(accepted.status).toBe("accepted");
    expect(accepted.conversation_id).toBeNull();
    const path = `/partnering/introductions/${interest.id}`;
    expectMessage(await (await cork.client.get(path)).text(), "introductions.openConversation");
    // Unblocked, either person opens it from the page; again finds the same one.
    await rows(`delete from user_blocks where blocker_id = ${q(tampere.user.id)}`);
    // A colleague on the interested side sees the introduction but is not one of the two people
    // introduced: asking to open it opens nothing (before, it opened a conversation between the
    // colleague and the interested person and kept it as the introduction's).
    const colleague = await app.signedIn({ country: "FI" });
    await rows(
      `insert into organisation_members (organisation_id, user_id, role, status)
       values (${q(tampere.orgId)}, ${q(colleague.user.id)}, 'member', 'active')`,
    );
    expect((await colleague.client.get(path)).status).toBe(200);
    expect((await colleague.client.post(path, { intent: "conversation" })).status).toBe(302);
    expect((await interestOf(opportunityId, tampere.orgId)).conversation_id).toBeNull();
    const opened = await tampere.client.post(path, { intent: "conversation" });
    expect(opened.status).toBe(302);
    const { conversation_id } = await interestOf(opportunityId, tampere.orgId);
    expect(opened.headers.get("location")).toBe(`/conversations/${conversation_id}`);
    const again = await cork.client.post(path, { intent: "conversation" });
    expect(again.headers.get("location")).toBe(`/conversations/${conversation_id}`);
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from messages where conversation_id = ${q(conversation_id ?? "")}`,
    );
    expect(count.n).toBe(1);
    // A stranger cannot open it.
    const stranger = await owner({ country: "DE", division: "10", languages: ["de"] });
    expect((await stranger.client.post(path, { intent: "conversation" })).status).toBe(404);
  });
});

describe("introductions and stories", () => {
  async function introduced() {
    const world = await corkAndTampere();
    expect((await express(world.tampere, world.opportunityId)).status).toBe(302);
    const interest = await interestOf(world.opportunityId, world.tampere.orgId);
    expect((await accept(world.cork, world.opportunityId, interest.id)).status).toBe(302);
    return { ...world, interestId: interest.id, path: `/partnering/introductions/${interest.id}` };
  }

  it("stages move forwards or to ended by either side, with outcomes; backwards is a 409", async () => {
    const { cork, tampere, interestId, path } = await introduced();
    expect(
      (
        await tampere.client.post(path, {
          intent: "stage",
          stage: "met",
          outcome: "Coffee in Tampere.",
        })
      ).status,
    ).toBe(302);
    const back = await cork.client.post(path, { intent: "stage", stage: "introduced" });
    expect(back.status).toBe(409);
    expectMessage(await back.text(), "introductions.stageInvalid");
    const tooLong = await cork.client.post(path, {
      intent: "stage",
      stage: "agreement",
      outcome: "x".repeat(1001),
    });
    expect(tooLong.status).toBe(400);
    expectMessage(await tooLong.text(), "introductions.outcomeTooLong");
    const badStage = await cork.client.post(path, { intent: "stage", stage: "married" });
    expect(badStage.status).toBe(400);
    expect((await cork.client.post(path, { intent: "stage", stage: "agreement" })).status).toBe(
      302,
    );
    const updates = await rows<{ stage: string; outcome: string; user_id: string }>(
      `select stage, outcome, user_id from introduction_updates where interest_id = ${q(interestId)}
       order by created_at`,
    );
    expect(updates.map((u) => u.stage)).toEqual(["introduced", "met", "agreement"]);
    expect(updates[1]).toMatchObject({ outcome: "Coffee in Tampere.", user_id: tampere.user.id });
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'introduction.updated'
       and data->>'interestId' = ${q(interestId)} order by created_at`,
    );
    expect(told.map((t) => t.recipient_id)).toEqual([cork.user.id, tampere.user.id]);
    const page = await (await cork.client.get(path)).text();
    expect(page).toContain("Coffee in Tampere.");
  });

  it("a story waits for the partnership to be active, is approved by the other side only, then is published", async () => {
    const { cork, tampere, interestId, path, opportunityId } = await introduced();
    const figuresBefore = await app.server.partneringFigures();
    const story = {
      intent: "story",
      title: "Irish cheese on Finnish shelves",
      body: "Since spring our cheese is sold in twelve shops around Tampere.",
      language: "en",
    };
    const early = await tampere.client.post(path, story);
    expect(early.status).toBe(409);
    expectMessage(await early.text(), "stories.notActive");
    expect((await tampere.client.post(path, { intent: "stage", stage: "active" })).status).toBe(
      302,
    );

    const bad = await tampere.client.post(path, { ...story, title: "x", language: "xx" });
    expect(bad.status).toBe(400);
    expect((await tampere.client.post(path, story)).status).toBe(302);
    // The writer's side cannot approve; a stranger cannot see it.
    const self = await tampere.client.post(path, { intent: "approve" });
    expect(self.status).toBe(403);
    expectMessage(await self.text(), "stories.otherSideApproves");
    const stranger = await owner({ country: "RO", division: "10", languages: ["ro"] });
    expect((await stranger.client.post(path, { intent: "approve" })).status).toBe(404);
    const [draft] = await rows<{ published_at: string | null }>(
      `select published_at from partnership_stories where interest_id = ${q(interestId)}`,
    );
    expect(draft.published_at).toBeNull();

    // A draft is listed nowhere.
    expect(await app.server.listPublishedStories({ opportunityId })).toEqual([]);
    // The other side can approve; once published nobody rewrites it.
    expect((await cork.client.post(path, { intent: "approve" })).status).toBe(302);
    const [published] = await rows<{ approved_by: string; published_at: string | null }>(
      `select approved_by, published_at from partnership_stories where interest_id = ${q(interestId)}`,
    );
    expect(published.approved_by).toBe(cork.user.id);
    expect(published.published_at).not.toBeNull();
    for (const where of [
      { opportunityId },
      { organisationId: cork.orgId },
      { organisationId: tampere.orgId },
    ]) {
      const listed = await app.server.listPublishedStories(where);
      expect(listed.map((s) => s.title)).toEqual([story.title]);
    }
    // While the opportunity is current the story names it; once it is withdrawn (or edited back
    // into review) the story stays on the organisations' pages without its title or link.
    expect((await app.server.listPublishedStories({ opportunityId }))[0].opportunityTitle).toMatch(
      /^Looking for a distributor in Finland /,
    );
    await rows(`update opportunities set status = 'withdrawn' where id = ${q(opportunityId)}`);
    const afterWithdrawal = await app.server.listPublishedStories({ organisationId: cork.orgId });
    expect(afterWithdrawal.map((s) => [s.title, s.opportunityTitle])).toEqual([
      [story.title, null],
    ]);
    const orgPage = await (await app.client().get(`/organisations/${cork.orgId}`)).text();
    expect(orgPage).toContain(escapeHtml(story.title));
    expect(orgPage).not.toContain(`/partnering/${opportunityId}`);
    const stranger2 = await owner({ country: "RO", division: "10", languages: ["ro"] });
    expect(await app.server.listPublishedStories({ organisationId: stranger2.orgId })).toEqual([]);
    const figures = await app.server.partneringFigures();
    expect(figures.stories - figuresBefore.stories).toBe(1);
    expect(figures.activePartnerships - figuresBefore.activePartnerships).toBe(1);
    expect(
      figures.introductionsByStage.introduced - figuresBefore.introductionsByStage.introduced,
    ).toBe(-1);
    const rewrite = await tampere.client.post(path, { ...story, title: "Changed afterwards" });
    expect(rewrite.status).toBe(409);
    // Ended after active: still the same story (published), the stage moves to ended.
    expect((await cork.client.post(path, { intent: "stage", stage: "ended" })).status).toBe(302);
    const ended = await cork.client.post(path, { intent: "stage", stage: "active" });
    expect(ended.status).toBe(409);
  });
});
