import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";

let app: TestApp;
let reviewer: { client: TestClient; user: { id: string; email: string } };
let admin: { client: TestClient; user: { id: string; email: string } };

beforeAll(async () => {
  app = await startTestApp();
  reviewer = await app.signedIn({ isFacilitator: true, displayName: "Rita Reviewer" });
  admin = await app.signedIn({ isAdmin: true, displayName: "Adam Admin" });
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

const nextYear = new Date().getUTCFullYear() + 1;

/** An organisation with one active member, signed in. */
async function author(name = "Cretan Mill", country = "GR") {
  const { user, client } = await app.signedIn({ displayName: `${name} owner` });
  const org = await app.createOrganisation({
    name,
    country,
    website: "https://mill.example.org",
    members: [{ userId: user.id, role: "admin" }],
  });
  return { user, client, orgId: org.id };
}

function form(orgId: string, overrides: Record<string, string | string[]> = {}) {
  return {
    organisationId: orgId,
    kind: "offer",
    area: "business",
    partnerships: ["distribution"],
    language: "en",
    title: "Olive oil for delis in the north",
    summary: "A family mill looks for a distributor of cold-pressed olive oil.",
    description: "We press 40 tonnes a year and can ship by pallet.",
    naceDivision: "10",
    targetCountries: ["FI", "DE"],
    languages: ["en", "el"],
    brings: "Organic certification.",
    seeks: "A distributor with delis as customers.",
    deadline: "",
    ...overrides,
  };
}

async function create(
  client: TestClient,
  orgId: string,
  overrides: Record<string, string | string[]> = {},
  intent: "draft" | "submit" = "draft",
): Promise<string> {
  const response = await client.post("/partnering/new", { ...form(orgId, overrides), intent });
  if (response.status !== 302) {
    throw new Error(`opportunity not created (${response.status})`);
  }
  const id = response.headers.get("location")?.match(/\/partnering\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no id in ${response.headers.get("location")}`);
  return id;
}

async function approve(id: string) {
  const response = await reviewer.client.post(`/partnering/${id}`, { intent: "approve" });
  expect(response.status).toBe(302);
}

/** Created, sent for review and approved. */
async function published(
  client: TestClient,
  orgId: string,
  overrides: Record<string, string | string[]> = {},
) {
  const id = await create(client, orgId, overrides, "submit");
  await approve(id);
  return id;
}

async function statusOf(id: string) {
  const [row] = await rows<{ status: string; review_note: string }>(
    `select status, review_note from opportunities where id = ${q(id)}`,
  );
  return row;
}

async function notificationsFor(userId: string, kind: string) {
  return rows<{ data: { opportunityId: string } }>(
    `select data from notifications where recipient_id = ${q(userId)} and kind = ${q(kind)}`,
  );
}

describe("publishing an opportunity", () => {
  it("refuses bad input with translated 400s and writes nothing", async () => {
    const { client, orgId } = await author();
    const cases: [Record<string, string | string[]>, string][] = [
      [{ kind: "" }, "partnering.kindRequired"],
      [{ area: "fishing" }, "partnering.areaRequired"],
      [{ partnerships: [] }, "partnering.partnershipsRequired"],
      [{ language: "fr" }, "partnering.languageRequired"],
      [{ title: "x" }, "partnering.titleRequired"],
      [{ title: "x".repeat(121) }, "partnering.titleTooLong"],
      [{ summary: "x".repeat(301) }, "partnering.summaryTooLong"],
      [{ description: "x".repeat(5001) }, "partnering.descriptionTooLong"],
      [{ brings: "x".repeat(1001) }, "partnering.bringsTooLong"],
      [{ naceDivision: "04" }, "partnering.sectorRequired"],
      [{ targetCountries: ["XX"] }, "partnering.countryInvalid"],
      [{ languages: [] }, "partnering.languagesRequired"],
      [{ languages: ["zz"] }, "partnering.languagesRequired"],
      [{ deadline: "2020-01-01" }, "partnering.deadlinePast"],
      [{ deadline: `${nextYear}-02-30` }, "partnering.deadlineInvalid"],
    ];
    for (const [overrides, key] of cases) {
      const response = await client.post("/partnering/new", {
        ...form(orgId, overrides),
        intent: "submit",
      });
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    const made = await rows(`select 1 from opportunities where organisation_id = ${q(orgId)}`);
    expect(made).toHaveLength(0);
  });

  it("lets only active members publish for an organisation (403), once per submission key", async () => {
    const { client, orgId } = await author();
    const stranger = await app.signedIn();
    const refused = await stranger.client.post("/partnering/new", {
      ...form(orgId),
      intent: "draft",
    });
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "partnering.notMember");
    const pending = await app.signedIn();
    const other = await app.createOrganisation({
      members: [{ userId: pending.user.id, role: "member", status: "pending" }],
    });
    expect((await pending.client.post("/partnering/new", form(other.id))).status).toBe(403);
    expect(
      await rows(`select 1 from opportunities where organisation_id = ${q(orgId)}`),
    ).toHaveLength(0);

    const keyed = { ...form(orgId), intent: "draft", submissionKey: "opportunity-key-0001" };
    const first = await client.post("/partnering/new", keyed);
    const second = await client.post("/partnering/new", keyed);
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    expect(
      await rows(`select 1 from opportunities where organisation_id = ${q(orgId)}`),
    ).toHaveLength(1);
  });

  it("needs a confirmed email", async () => {
    const { user, client } = await app.signedIn({ verified: false });
    const org = await app.createOrganisation({ members: [{ userId: user.id, role: "admin" }] });
    const response = await client.post("/partnering/new", { ...form(org.id), intent: "draft" });
    expect(response.status).toBe(403);
    expect(
      await rows(`select 1 from opportunities where organisation_id = ${q(org.id)}`),
    ).toHaveLength(0);
  });
});

describe("review", () => {
  it("drafts, edits, submits, is sent back with a note, resubmits and is published", async () => {
    const { client, orgId, user } = await author("Review Mill");
    const id = await create(client, orgId);
    expect(await statusOf(id)).toMatchObject({ status: "draft" });
    // Edit the draft, stays a draft.
    const edited = await client.post(`/partnering/${id}/edit`, {
      ...form(orgId, { title: "Cold-pressed olive oil for delis" }),
      intent: "draft",
    });
    expect(edited.status).toBe(302);
    expect(await statusOf(id)).toMatchObject({ status: "draft" });
    // A reviewer cannot review a draft; the queue does not show it.
    expect((await reviewer.client.post(`/partnering/${id}`, { intent: "approve" })).status).toBe(
      409,
    );

    expect((await client.post(`/partnering/${id}`, { intent: "submit" })).status).toBe(302);
    expect(await statusOf(id)).toMatchObject({ status: "submitted" });
    // A replayed "send for review" changes nothing.
    expect((await client.post(`/partnering/${id}`, { intent: "submit" })).status).toBe(409);
    expect(await notificationsFor(reviewer.user.id, "opportunity.review_requested")).toContainEqual(
      {
        data: expect.objectContaining({ opportunityId: id }),
      },
    );
    expect(await notificationsFor(admin.user.id, "opportunity.review_requested")).toContainEqual({
      data: expect.objectContaining({ opportunityId: id }),
    });
    const queue = await (await reviewer.client.get("/partnering/review")).text();
    expect(queue).toContain("Cold-pressed olive oil for delis");

    // Sending back needs a note (400, nothing changes), then works.
    const bare = await reviewer.client.post(`/partnering/${id}`, { intent: "return", note: "" });
    expect(bare.status).toBe(400);
    expectMessage(await bare.text(), "partnering.noteRequired");
    expect(await statusOf(id)).toMatchObject({ status: "submitted" });
    const back = await reviewer.client.post(`/partnering/${id}`, {
      intent: "return",
      note: "Say how many tonnes a year.",
    });
    expect(back.status).toBe(302);
    expect(await statusOf(id)).toEqual({
      status: "draft",
      review_note: "Say how many tonnes a year.",
    });
    expect(await notificationsFor(user.id, "opportunity.returned")).toHaveLength(1);
    expect(await (await client.get(`/partnering/${id}`)).text()).toContain(
      "Say how many tonnes a year.",
    );

    expect((await client.post(`/partnering/${id}`, { intent: "submit" })).status).toBe(302);
    await approve(id);
    // A second approval (double click) is refused, one publication.
    expect((await reviewer.client.post(`/partnering/${id}`, { intent: "approve" })).status).toBe(
      409,
    );
    const [row] = await rows<{ status: string; six_months: boolean; reviewed_by: string }>(
      `select status, expires_at = published_at + interval '6 months' as six_months, reviewed_by
       from opportunities where id = ${q(id)}`,
    );
    expect(row).toEqual({ status: "published", six_months: true, reviewed_by: reviewer.user.id });
    expect(await notificationsFor(user.id, "opportunity.published")).toHaveLength(1);
  });

  it("publishes until the day after the deadline when that is sooner", async () => {
    const { client, orgId } = await author();
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const id = await published(client, orgId, { deadline: soon });
    const [row] = await rows<{ until_deadline: boolean }>(
      `select expires_at = (deadline + 1)::timestamp at time zone 'UTC' as until_deadline
       from opportunities where id = ${q(id)}`,
    );
    expect(row.until_deadline).toBe(true);
    // A deadline that passed while in review: approving is refused, the authors can fix it.
    const late = await create(client, orgId, { deadline: soon }, "submit");
    await rows(`update opportunities set deadline = current_date - 1 where id = ${q(late)}`);
    const refused = await reviewer.client.post(`/partnering/${late}`, { intent: "approve" });
    expect(refused.status).toBe(409);
    expectMessage(await refused.text(), "partnering.deadlinePast");
    expect(await statusOf(late)).toMatchObject({ status: "submitted" });
  });

  it("never lets authors review their own, and keeps the queue to facilitators and admins", async () => {
    const facilitatorAuthor = await app.signedIn({ isFacilitator: true });
    const org = await app.createOrganisation({
      name: "Facilitated Mill",
      members: [{ userId: facilitatorAuthor.user.id, role: "admin" }],
    });
    const id = await create(facilitatorAuthor.client, org.id, {}, "submit");
    const own = await facilitatorAuthor.client.post(`/partnering/${id}`, { intent: "approve" });
    expect(own.status).toBe(403);
    expectMessage(await own.text(), "partnering.ownOpportunity");
    expect(await statusOf(id)).toMatchObject({ status: "submitted" });
    // Their own organisation's submission is not in their queue, nor notified to them.
    const queue = await (await facilitatorAuthor.client.get("/partnering/review")).text();
    expect(queue).not.toContain(`/partnering/${id}"`);
    expect(
      await notificationsFor(facilitatorAuthor.user.id, "opportunity.review_requested"),
    ).toHaveLength(0);
    // A member is not a reviewer.
    const member = await app.signedIn();
    expect((await member.client.get("/partnering/review")).status).toBe(403);
    expect((await member.client.post(`/partnering/${id}`, { intent: "approve" })).status).toBe(404);
    await approve(id);
  });

  it("sends a published opportunity back to review when its text changes", async () => {
    const { client, orgId } = await author();
    const id = await published(client, orgId);
    const page = await (await client.get(`/partnering/${id}/edit`)).text();
    expectMessage(page, "partnering.editReturnsToReview");
    const edited = await client.post(`/partnering/${id}/edit`, {
      ...form(orgId, { title: "Changed after publishing" }),
      intent: "submit",
    });
    expect(edited.status).toBe(302);
    expect(await statusOf(id)).toMatchObject({ status: "submitted" });
    const other = await app.signedIn();
    expect((await other.client.get(`/partnering/${id}`)).status).toBe(404);
    await approve(id);
    expect((await other.client.get(`/partnering/${id}`)).status).toBe(200);
  });
});

describe("withdrawal, renewal and expiry", () => {
  it("withdraws for good (authors only)", async () => {
    const { client, orgId } = await author();
    const id = await published(client, orgId);
    const other = await app.signedIn();
    expect(
      (await other.client.post(`/partnering/${id}`, { intent: "withdraw", confirmed: "yes" }))
        .status,
    ).toBe(403);
    expect(
      (await client.post(`/partnering/${id}`, { intent: "withdraw", confirmed: "yes" })).status,
    ).toBe(302);
    expect(await statusOf(id)).toMatchObject({ status: "withdrawn" });
    expect(
      (await client.post(`/partnering/${id}`, { intent: "withdraw", confirmed: "yes" })).status,
    ).toBe(409);
    expect(
      (await client.post(`/partnering/${id}/edit`, { ...form(orgId), intent: "submit" })).status,
    ).toBe(409);
    expect((await other.client.get(`/partnering/${id}`)).status).toBe(404);
  });

  it("reminds the authors once before expiry, and a renewal brings an expired one back", async () => {
    const { client, orgId, user } = await author("Expiring Mill");
    const id = await published(client, orgId);
    await rows(
      `update opportunities set expires_at = now() + interval '10 days' where id = ${q(id)}`,
    );
    await app.server.sendRenewalReminders();
    await app.server.sendRenewalReminders();
    const reminders = await notificationsFor(user.id, "opportunity.expiring");
    expect(reminders.filter((r) => r.data.opportunityId === id)).toHaveLength(1);
    const [reminded] = await rows<{ reminded: boolean }>(
      `select renewal_reminded_at is not null as reminded from opportunities where id = ${q(id)}`,
    );
    expect(reminded.reminded).toBe(true);

    // Expired: gone for others and from search, still there for its authors.
    await rows(
      `update opportunities set expires_at = now() - interval '1 day' where id = ${q(id)}`,
    );
    const other = await app.signedIn();
    expect((await other.client.get(`/partnering/${id}`)).status).toBe(404);
    expect(await (await other.client.get("/partnering?q=Expiring")).text()).not.toContain(id);
    const own = await (await client.get(`/partnering/${id}`)).text();
    expectMessage(own, "partnering.status.expired");
    expect((await other.client.post(`/partnering/${id}`, { intent: "renew" })).status).toBe(404);

    expect((await client.post(`/partnering/${id}`, { intent: "renew" })).status).toBe(302);
    const [renewed] = await rows<{ reminded: boolean; months: boolean; status: string }>(
      `select renewal_reminded_at is not null as reminded, status,
         expires_at > now() + interval '5 months' as months from opportunities where id = ${q(id)}`,
    );
    expect(renewed).toEqual({ reminded: false, months: true, status: "published" });
    expect((await other.client.get(`/partnering/${id}`)).status).toBe(200);
    expect((await client.post(`/partnering/${id}`, { intent: "renew" })).status).toBe(302);
    // Drafts cannot be renewed.
    const draft = await create(client, orgId);
    expect((await client.post(`/partnering/${draft}`, { intent: "renew" })).status).toBe(409);
  });
});

describe("visibility", () => {
  it("shows each status only to whom it should", async () => {
    const { client, orgId } = await author("Matrix Mill");
    const ids = {
      draft: await create(client, orgId),
      submitted: await create(client, orgId, {}, "submit"),
      published: await published(client, orgId),
      expired: await published(client, orgId),
      withdrawn: await published(client, orgId),
    };
    await rows(
      `update opportunities set expires_at = now() - interval '1 hour' where id = ${q(ids.expired)}`,
    );
    await client.post(`/partnering/${ids.withdrawn}`, { intent: "withdraw", confirmed: "yes" });
    const other = (await author("Other Firm")).client;
    const anonymous = app.client();
    const viewers = {
      author: client,
      other,
      facilitator: reviewer.client,
      admin: admin.client,
      anonymous,
    };
    const expected: Record<keyof typeof ids, Record<keyof typeof viewers, number>> = {
      draft: { author: 200, other: 404, facilitator: 200, admin: 200, anonymous: 404 },
      submitted: { author: 200, other: 404, facilitator: 200, admin: 200, anonymous: 404 },
      published: { author: 200, other: 200, facilitator: 200, admin: 200, anonymous: 200 },
      expired: { author: 200, other: 404, facilitator: 200, admin: 200, anonymous: 404 },
      withdrawn: { author: 200, other: 404, facilitator: 200, admin: 200, anonymous: 404 },
    };
    for (const [state, id] of Object.entries(ids) as [keyof typeof ids, string][]) {
      for (const [who, viewer] of Object.entries(viewers) as [keyof typeof viewers, TestClient][]) {
        const response = await viewer.get(`/partnering/${id}`);
        expect(response.status, `${state} for ${who}`).toBe(expected[state][who]);
        await response.text();
      }
    }
    expect((await other.get("/partnering/not-a-uuid")).status).toBe(404);
    expect((await other.get(`/partnering/${ids.draft}/edit`)).status).toBe(404);
    expect((await other.get(`/partnering/${ids.published}/edit`)).status).toBe(403);
    expect((await other.get(`/partnering/${ids.published}/translations`)).status).toBe(403);
  });

  it("shows signed-out visitors the public part only, and nobody but authors any contact detail", async () => {
    const { client, orgId, user } = await author("Contact Mill");
    const id = await published(client, orgId, { description: "Secret pressing schedule." });
    const anonymousPage = await (await app.client().get(`/partnering/${id}`)).text();
    expect(anonymousPage).toContain("Olive oil for delis in the north");
    expect(anonymousPage).toContain("Contact Mill");
    expect(anonymousPage).not.toContain("Secret pressing schedule.");
    expectMessage(anonymousPage, "partnering.signInToRead");
    expect(anonymousPage).not.toContain(`/partnering/${id}/interest"`);

    const other = await app.signedIn();
    const otherPage = await (await other.client.get(`/partnering/${id}`)).text();
    expect(otherPage).toContain("Secret pressing schedule.");
    expect(otherPage).toContain(`/partnering/${id}/interest"`);
    expect(otherPage).not.toContain(`/partnering/${id}/interests"`);
    const search = await (await other.client.get("/partnering?q=olive")).text();
    for (const html of [anonymousPage, otherPage, search]) {
      expect(html).not.toContain(user.email);
      expect(html).not.toContain("mill.example.org");
      expect(html).not.toContain("Contact Mill owner");
    }
    const own = await (await client.get(`/partnering/${id}`)).text();
    expect(own).toContain(`/partnering/${id}/interests"`);
    expect(own).not.toContain(`/partnering/${id}/interest"`);
  });

  it("lists every status in 'mine' and current ones on the organisation page", async () => {
    const { client, orgId } = await author("Listing Mill");
    const draft = await create(client, orgId, { title: "Draft for the list" });
    const live = await published(client, orgId, { title: "Live for the list" });
    const mine = await (await client.get("/partnering/mine")).text();
    expect(mine).toContain(`/partnering/${draft}`);
    expect(mine).toContain(`/partnering/${live}`);
    expectMessage(mine, "partnering.status.draft");
    expectMessage(mine, "partnering.status.published");
    const organisation = await (await app.client().get(`/organisations/${orgId}`)).text();
    expect(organisation).toContain(`/partnering/${live}`);
    expect(organisation).not.toContain(`/partnering/${draft}`);
  });
});

describe("pages", () => {
  it("renders every page in each language, with the header entry and the notifications", async () => {
    const { client, orgId, user } = await author("Pages Mill");
    const id = await published(client, orgId);
    for (const path of [
      "/partnering",
      "/partnering/new",
      "/partnering/mine",
      `/partnering/${id}`,
      `/partnering/${id}/edit`,
      `/partnering/${id}/translations`,
    ]) {
      const response = await client.get(path);
      expect(response.status, path).toBe(200);
      const html = await response.text();
      expect(html, path).toContain('href="/partnering"');
    }
    const greek = await app.signedIn({ locale: "el" });
    const search = await (await greek.client.get("/partnering")).text();
    expectMessage(search, "partnering.title", "el");
    expectMessage(search, "partnering.openUntil", "el");
    const centre = await (await client.get("/notifications")).text();
    expect(centre).toContain("Olive oil for delis in the north");
    const [note] = await rows<{ id: string }>(
      `select id from notifications where recipient_id = ${q(user.id)} and kind = 'opportunity.published'`,
    );
    const open = await client.get(`/notifications/${note?.id}/open`);
    expect(open.headers.get("location")).toBe(`/partnering/${id}`);
    const [request] = await rows<{ id: string }>(
      `select id from notifications where recipient_id = ${q(reviewer.user.id)}
         and kind = 'opportunity.review_requested' order by created_at desc limit 1`,
    );
    const toQueue = await reviewer.client.get(`/notifications/${request?.id}/open`);
    expect(toQueue.headers.get("location")).toBe("/partnering/review");
  });
});

describe("translations", () => {
  it("shows the reader's language with a note and a link to the original", async () => {
    const { client, orgId } = await author("Translated Mill");
    const id = await create(client, orgId, { title: "Olive oil from Crete" });
    const same = await client.post(`/partnering/${id}/translations`, {
      language: "en",
      title: "Olive oil",
      summary: "Same language as the original",
    });
    expect(same.status).toBe(400);
    const half = await client.post(`/partnering/${id}/translations`, {
      language: "de",
      title: "Olivenöl",
    });
    expect(half.status).toBe(400);
    expectMessage(await half.text(), "partnering.summaryRequired");
    const saved = await client.post(`/partnering/${id}/translations`, {
      language: "de",
      title: "Olivenöl aus Kreta",
      summary: "Eine Familienmühle sucht einen Vertriebspartner.",
      description: "",
    });
    expect(saved.status).toBe(302);
    const stranger = await app.signedIn();
    expect(
      (
        await stranger.client.post(`/partnering/${id}/translations`, {
          language: "it",
          title: "Olio",
        })
      ).status,
    ).toBe(404);
    await client.post(`/partnering/${id}`, { intent: "submit" });
    await approve(id);

    const german = await app.signedIn({ locale: "de" });
    const page = await (await german.client.get(`/partnering/${id}`)).text();
    expect(page).toContain("Olivenöl aus Kreta");
    // The header's language menu names English too: look in the page's main part.
    const main = page.slice(page.indexOf("<main"));
    expectMessage(main.replace("English", "{language}"), "partnering.translatedNote", "de");
    expect(page).toContain('href="?original=1"');
    const original = await (await german.client.get(`/partnering/${id}?original=1`)).text();
    expect(original).toContain("Olive oil from Crete");
    const search = await (await german.client.get(`/partnering?q=Crete`)).text();
    expect(search).toContain("Olivenöl aus Kreta");
    // Removing it (all fields empty).
    await client.post(`/partnering/${id}/translations`, { language: "de", title: "", summary: "" });
    expect(
      await rows(`select 1 from opportunity_translations where opportunity_id = ${q(id)}`),
    ).toHaveLength(0);
  });
});

describe("search", () => {
  it("filters by words, kind, partnership, sector, country, language and deadline, alone and together", async () => {
    const { client, orgId } = await author("Search Mill", "CY");
    const word = "quokkafilter";
    const a = await published(client, orgId, {
      title: `Alpha ${word} distribution`,
      kind: "offer",
      partnerships: ["distribution"],
      naceDivision: "10",
      targetCountries: ["FI"],
      languages: ["en"],
      deadline: `${nextYear}-06-30`,
    });
    const b = await published(client, orgId, {
      title: `Beta ${word} licensing`,
      kind: "request",
      partnerships: ["licensing", "joint_venture"],
      naceDivision: "62",
      targetCountries: ["anywhere"],
      languages: ["de"],
      deadline: "",
    });
    const c = await published(client, orgId, {
      title: `Gamma ${word} supplier`,
      kind: "offer",
      partnerships: ["supplier"],
      naceDivision: "10",
      targetCountries: ["IT"],
      languages: ["it", "en"],
      deadline: `${nextYear}-01-15`,
    });
    const draft = await create(client, orgId, { title: `Delta ${word} draft` });
    const found = async (query: string) => {
      const response = await app.client().get(`/partnering?q=${word}&${query}`);
      expect(response.status, query).toBe(200);
      const html = await response.text();
      return [a, b, c, draft].filter((id) => html.includes(`/partnering/${id}"`));
    };
    expect(await found("")).toEqual([a, b, c]);
    expect(await found("kind=request")).toEqual([b]);
    expect(await found("partnership=licensing")).toEqual([b]);
    expect(await found("sector=10")).toEqual([a, c]);
    expect(await found("country=FI")).toEqual([a, b]);
    expect(await found("language=en")).toEqual([a, c]);
    expect(await found(`openUntil=${nextYear}-03-01`)).toEqual([a, b]);
    expect(await found("noDeadline=1")).toEqual([b]);
    expect(await found("sector=10&country=IT&language=it")).toEqual([c]);
    expect(await found("kind=offer&partnership=licensing")).toEqual([]);
    const empty = await (
      await app.client().get(`/partnering?q=${word}&kind=request&sector=10`)
    ).text();
    expectMessage(empty, "partnering.none");
    for (const bad of ["kind=gift", "sector=00", "country=XX", "language=zz", "openUntil=soon"]) {
      expect((await app.client().get(`/partnering?${bad}`)).status, bad).toBe(400);
    }
  });

  it("pages by 20 with no duplicates and none missing", async () => {
    const { client, orgId } = await author("Paging Mill");
    const word = "wombatpages";
    const ids: string[] = [];
    for (let i = 0; i < 23; i++) {
      ids.push(await create(client, orgId, { title: `Paging ${word} number ${i}` }, "submit"));
    }
    // Approved in one statement: several share a published_at, which the id breaks.
    await rows(
      `update opportunities set status = 'published', published_at = date_trunc('second', now()),
         expires_at = now() + interval '6 months' where id in (${ids.map(q).join(",")})`,
    );
    const seen: string[] = [];
    let url = `/partnering?q=${word}`;
    for (let page = 0; page < 5 && url; page++) {
      const html = await (await app.client().get(url)).text();
      const onPage = [...html.matchAll(/href="\/partnering\/([0-9a-f-]{36})"/g)].map(
        (m) => m[1] as string,
      );
      seen.push(...onPage);
      const next = html.match(/href="(\?[^"]*after=[^"]*)" rel="next"/)?.[1];
      url = next ? `/partnering${next.replace(/&amp;/g, "&")}` : "";
      if (page === 0) expect(onPage).toHaveLength(20);
    }
    expect(seen).toHaveLength(23);
    expect(new Set(seen)).toEqual(new Set(ids));
  });
});
