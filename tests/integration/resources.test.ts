import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";
import { disguisedPng, makePng } from "../setup/images";
import { act, createResource, publishResource, resourceForm } from "../setup/learning";

/**
 * Learning resources (issue 11, items 1–3): who may author, the editor's limits, the review
 * workflow (no publishing without approval, no self-review), versions, network resources kept
 * inside their network, the needs a published resource answers (and un-answers when withdrawn),
 * the library's filters, ratings, comments and "this answers my need". Driven over HTTP.
 */
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

async function resourceRow(id: string) {
  const [row] = await rows<{
    status: string;
    version: number;
    published_version: number | null;
    rating_sum: number;
    rating_count: number;
    title: string;
    translation_group: string;
    language: string;
  }>(`select * from learning_resources where id = '${id}'`);
  return row;
}

/** An educator's resource taken through review and publication by another educator. */
async function publishedBy(
  author: TestClient,
  reviewer: TestClient,
  overrides: Record<string, string | string[]> = {},
) {
  const id = await publishResource(author, reviewer, overrides);
  expect((await resourceRow(id)).status).toBe("published");
  return id;
}

async function completeInduction(userId: string) {
  const [course] = await rows<{ id: string }>(
    `insert into courses (slug, title, language, status) values
      ('induction-owners-${randomUUID().slice(0, 8)}', 'Induction', 'en', 'published')
     returning id::text`,
  );
  await rows(
    `insert into enrolments (course_id, user_id, status) values ('${course.id}', '${userId}', 'completed')`,
  );
}

async function openNeed(ownerId: string, formats = ["self_paced"], languages = ["en"]) {
  const id = randomUUID();
  const arr = (vs: string[]) => `array[${vs.map((v) => `'${v}'`).join(",")}]::text[]`;
  await rows(`insert into needs (id, owner_id, topic, topic_text, urgency, formats, languages, country)
    values ('${id}', '${ownerId}', 'topic:digital-basics', '', 'month', ${arr(formats)},
      ${arr(languages)}, 'GR')`);
  await app.server.refreshNeeds(app.server.getDatabase().db, { needIds: [id] });
  return id;
}

describe("who may write resources", () => {
  it("lets educators and facilitators in, and owners only after the owners' induction", async () => {
    const owner = await app.signedIn({ role: "owner" });
    const page = await owner.client.get("/learn/new");
    expect(page.status).toBe(403);
    const html = await page.text();
    expectMessage(html, "learning.inductionFirst");
    expect(html).toContain('href="/courses"');
    const refused = await owner.client.post("/learn/new", resourceForm());
    expect(refused.status).toBe(403);
    expect(
      (await rows(`select 1 from learning_resources where author_id = '${owner.user.id}'`)).length,
    ).toBe(0);
    // An active enrolment does not count; a completed induction does.
    await completeInduction(owner.user.id);
    expect((await owner.client.get("/learn/new")).status).toBe(200);
    await createResource(owner.client);

    const educator = await app.signedIn({ role: "educator" });
    expect((await educator.client.get("/learn/new")).status).toBe(200);
    const siteFacilitator = await app.signedIn({ role: "owner", isFacilitator: true });
    expect((await siteFacilitator.client.get("/learn/new")).status).toBe(200);
    const networkFacilitator = await app.signedIn({ role: "owner" });
    await app.server.createNetwork({ facilitators: [networkFacilitator.user.id] });
    expect((await networkFacilitator.client.get("/learn/new")).status).toBe(200);
  });

  it("refuses oversized and malformed input with translated messages and saves nothing", async () => {
    const { user, client } = await app.signedIn({ role: "educator" });
    const cases: [Record<string, string | string[]>, string][] = [
      [{ practice: "x".repeat(20_001) }, "learning.phaseTooLong"],
      [{ title: "" }, "learning.titleRequired"],
      [{ q1Options: "Only one option" }, "learning.questionInvalid"],
      [{ q1Options: "No right one\nNor this" }, "learning.questionInvalid"],
      [{ videos: "http://insecure.example.org/v" }, "learning.videoInvalid"],
      [{ minutes: "241" }, "learning.minutesInvalid"],
      [{ eqf: "9" }, "learning.eqfInvalid"],
      [{ licence: "WTFPL" }, "learning.licenceInvalid"],
      [{ topics: ["topic:no-such-topic"] }, "learning.topicUnknown"],
      [{ coauthors: "stranger@example.org" }, "learning.coauthorUnknown"],
      [{ needIds: [randomUUID()] }, "learning.needUnknown"],
    ];
    for (const [overrides, key] of cases) {
      const response = await client.post("/learn/new", resourceForm(overrides));
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    // A network the author is not in: 403.
    const network = await app.server.createNetwork({});
    const outside = await client.post("/learn/new", resourceForm({ audience: network.id }));
    expect(outside.status).toBe(403);
    // A 5 MB paste is refused before anything is read.
    const huge = await client.post("/learn/new", resourceForm({ practice: "y".repeat(5_000_000) }));
    expect([400, 413]).toContain(huge.status);
    expect(await huge.text()).not.toMatch(/at .*\.(ts|js):\d+/);
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from learning_resources where author_id = '${user.id}'`,
    );
    expect(Number(count.n)).toBe(0);
  });

  it("makes one resource from a form sent twice", async () => {
    const { user, client } = await app.signedIn({ role: "educator" });
    const form = resourceForm();
    const first = await client.post("/learn/new", form);
    const second = await client.post("/learn/new", form);
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from learning_resources where author_id = '${user.id}'`,
    );
    expect(Number(count.n)).toBe(1);
  });
});

describe("review and publication", () => {
  it("stores a version per submission, refuses self-review and publishing without approval", async () => {
    const author = await app.signedIn({ role: "educator" });
    const coauthor = await app.signedIn({ role: "educator" });
    await app.server.createNetwork({ members: [author.user.id, coauthor.user.id] });
    const reviewer = await app.signedIn({ role: "educator" });
    const owner = await app.signedIn({ role: "owner" });
    const id = await createResource(author.client, { coauthors: coauthor.user.email });

    // A draft is its authors' only.
    expect((await reviewer.client.get(`/learn/${id}`)).status).toBe(404);
    expect((await app.client().get(`/learn/${id}`)).status).toBe(404);
    expect((await coauthor.client.get(`/learn/${id}`)).status).toBe(200);

    // Publishing a draft straight away: refused.
    const early = await act(author.client, id, { intent: "publish" });
    expect(early.status).toBe(409);
    expectMessage(await early.text(), "learning.notApproved");

    expect((await act(author.client, id, { intent: "submit", note: "First go" })).status).toBe(200);
    let row = await resourceRow(id);
    expect(row.status).toBe("submitted");
    expect(row.version).toBe(1);
    expect(
      await rows(`select version from learning_resource_versions where resource_id = '${id}'`),
    ).toHaveLength(1);
    // No editing while it waits.
    const editing = await author.client.post(`/learn/${id}/edit`, resourceForm());
    expect(editing.status).toBe(409);

    // Authors and co-authors never review their own; owners do not review at all.
    for (const [client, status] of [
      [author.client, 403],
      [coauthor.client, 403],
      [owner.client, 404],
    ] as const) {
      const attempt = await act(client, id, {
        intent: "review",
        decision: "approved",
        publish: "yes",
      });
      expect(attempt.status).toBe(status);
    }
    const self = await act(author.client, id, { intent: "review", decision: "approved" });
    expectMessage(await self.text(), "learning.noSelfReview");
    // Still waiting: publishing now is refused too.
    expect((await act(author.client, id, { intent: "publish" })).status).toBe(409);
    expect((await resourceRow(id)).published_version).toBeNull();

    // Changes requested: back to draft; edited and submitted again: version 2.
    const changes = await act(reviewer.client, id, {
      intent: "review",
      decision: "changes_requested",
      body: "Add a second example.",
    });
    expect(changes.status).toBe(302);
    expect((await resourceRow(id)).status).toBe("draft");
    const edit = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ title: "Replies after hours, second take", coauthors: coauthor.user.email }),
    );
    expect(edit.status).toBe(302);
    expect((await act(coauthor.client, id, { intent: "submit" })).status).toBe(200);
    row = await resourceRow(id);
    expect(row.version).toBe(2);

    // Approved without publishing; then the author publishes.
    const approve = await act(reviewer.client, id, { intent: "review", decision: "approved" });
    expect(approve.status).toBe(200);
    expect((await resourceRow(id)).status).toBe("approved");
    expect((await app.client().get(`/learn/${id}`)).status).toBe(404);
    // A stranger cannot publish it.
    expect((await act(reviewer.client, id, { intent: "publish" })).status).toBe(403);
    expect((await act(author.client, id, { intent: "publish" })).status).toBe(200);
    row = await resourceRow(id);
    expect(row.status).toBe("published");
    expect(row.published_version).toBe(2);

    // Signed out, it shows in the library and on its page.
    const visitor = app.client();
    const page = await visitor.get(`/learn/${id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Replies after hours, second take");
    expect(html).toContain("<h3>Why</h3>");
    expect(html).toContain("<details>");
    expect(html).toContain(escapeHtml("CC BY-SA 4.0"));
    expect(html).not.toContain("correct");
    expect(await (await visitor.get("/learn")).text()).toContain(`/learn/${id}`);

    // Notifications: reviewers were asked, authors told of the review and the publication.
    await app.server.waitForJobs({ names: ["notifications.fanout"], timeoutMs: 15_000 });
    const kinds = await rows<{ recipient_id: string; kind: string }>(
      `select recipient_id::text, kind from notifications where data->>'resourceId' = '${id}'`,
    );
    expect(kinds).toContainEqual({
      recipient_id: reviewer.user.id,
      kind: "resource.review_requested",
    });
    expect(kinds).not.toContainEqual({
      recipient_id: author.user.id,
      kind: "resource.review_requested",
    });
    expect(kinds).toContainEqual({ recipient_id: author.user.id, kind: "resource.reviewed" });
    expect(kinds).toContainEqual({ recipient_id: coauthor.user.id, kind: "resource.published" });
  });

  it("keeps showing the published version while a new one is reviewed, and lists versions", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const stranger = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const id = await publishedBy(author.client, reviewer.client, { title: "First title" });

    // Someone else cannot edit it.
    expect((await stranger.client.get(`/learn/${id}/edit`)).status).toBe(403);
    const attempt = await stranger.client.post(
      `/learn/${id}/edit`,
      resourceForm({ title: "Hijack" }),
    );
    expect(attempt.status).toBe(403);
    expectMessage(await attempt.text(), "learning.authorsOnly");

    const edit = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ title: "Second title" }),
    );
    expect(edit.status).toBe(302);
    expect((await resourceRow(id)).status).toBe("draft");
    let shown = await (await app.client().get(`/learn/${id}`)).text();
    expect(shown).toContain("First title");
    expect(shown).not.toContain("Second title");
    expect(await (await app.client().get("/learn")).text()).toContain("First title");

    expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);
    // Readers still see the published version; reviewers see the one to review.
    shown = await (await reader.client.get(`/learn/${id}`)).text();
    expect(shown).toContain("First title");
    shown = await (await stranger.client.get(`/learn/${id}`)).text();
    expect(shown).toContain("Second title");
    expect(
      (await act(reviewer.client, id, { intent: "review", decision: "approved", publish: "yes" }))
        .status,
    ).toBe(200);
    shown = await (await app.client().get(`/learn/${id}`)).text();
    expect(shown).toContain("Second title");

    const versions = await (await app.client().get(`/learn/${id}/versions`)).text();
    expect(versions).toContain("First title");
    expect(versions).toContain("Second title");
    const first = await (await app.client().get(`/learn/${id}/versions?v=1`)).text();
    expect(first).toContain("<h3>Why</h3>");
    expect((await app.client().get(`/learn/${id}/versions?v=9`)).status).toBe(404);
  });

  it("translates into a new draft in the same group, listed once published", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await publishedBy(author.client, reviewer.client);
    const form = await (await author.client.get(`/learn/new?translate=${id}`)).text();
    expect(form).toContain("Answering messages after hours");
    const response = await author.client.post(
      `/learn/new?translate=${id}`,
      resourceForm({ language: "de", title: "Nachrichten nach Feierabend" }),
    );
    expect(response.status).toBe(302);
    const translated = response.headers.get("location")?.split("/").at(-1) ?? "";
    const [original, copy] = [await resourceRow(id), await resourceRow(translated)];
    expect(copy.translation_group).toBe(original.translation_group);
    expect(copy.language).toBe("de");
    expect(copy.status).toBe("draft");
    // The same language twice in one group: 409.
    const again = await author.client.post(
      `/learn/new?translate=${id}`,
      resourceForm({ language: "de" }),
    );
    expect(again.status).toBe(409);
    await act(author.client, translated, { intent: "submit" });
    await act(reviewer.client, translated, {
      intent: "review",
      decision: "approved",
      publish: "yes",
    });
    const page = await (await app.client().get(`/learn/${id}`)).text();
    expect(page).toContain(`href="/learn/${translated}"`);
  });
});

describe("pictures and worksheets", () => {
  it("shows the resource's own pictures, offers worksheets, refuses a picture that is not one", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const stranger = await app.signedIn({ role: "educator" });
    const id = await createResource(author.client);
    const notAnImage = await author.client.post(`/learn/${id}/files`, {
      intent: "upload",
      kind: "image",
      file: new File(["just words"], "notes.txt", { type: "text/plain" }),
    });
    expect(notAnImage.status).toBe(400);
    expectMessage(await notAnImage.text(), "learning.notAnImage");
    const disguised = await author.client.post(`/learn/${id}/files`, {
      intent: "upload",
      kind: "image",
      file: new File([disguisedPng("<html>")], "photo.png", { type: "image/png" }),
    });
    expect(disguised.status).toBe(400);
    expectMessage(await disguised.text(), "upload.disguised");
    // Someone else may not add files.
    const foreign = await stranger.client.post(`/learn/${id}/files`, {
      intent: "upload",
      kind: "image",
      file: new File([await makePng()], "photo.png", { type: "image/png" }),
    });
    expect(foreign.status).toBe(404);
    expect(
      await rows(`select 1 from learning_resource_files where resource_id = '${id}'`),
    ).toHaveLength(0);

    const picture = await author.client.post(`/learn/${id}/files`, {
      intent: "upload",
      kind: "image",
      file: new File([await makePng()], "chart.png", { type: "image/png" }),
    });
    expect(picture.status).toBe(200);
    const sheet = await author.client.post(`/learn/${id}/files`, {
      intent: "upload",
      kind: "worksheet",
      file: new File(["Plan\nStep 1"], "plan.txt", { type: "text/plain" }),
    });
    expect(sheet.status).toBe(200);
    const files = await rows<{ id: string; kind: string }>(
      `select id::text, kind from learning_resource_files where resource_id = '${id}' order by kind`,
    );
    expect(files.map((f) => f.kind)).toEqual(["image", "worksheet"]);
    const [image, worksheet] = files;
    const other = randomUUID();
    const edit = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ practice: `![A chart](file:${image.id})\n\n![Elsewhere](file:${other})` }),
    );
    expect(edit.status).toBe(302);
    // Unpublished: its files are private too.
    expect((await app.client().get(`/learn/files/${image.id}`)).status).toBe(404);
    await act(author.client, id, { intent: "submit" });
    await act(reviewer.client, id, { intent: "review", decision: "approved", publish: "yes" });
    const html = await (await app.client().get(`/learn/${id}`)).text();
    expect(html).toContain(`<img src="/learn/files/${image.id}" alt="A chart"`);
    expect(html).toContain(`![Elsewhere](file:${other})`);
    expect(html).toContain(`href="/learn/files/${worksheet.id}"`);
    const served = await app.client().get(`/learn/files/${worksheet.id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toMatch(/^attachment/);
  });
});

describe("network resources", () => {
  it("are seen and reviewed only inside their network", async () => {
    const author = await app.signedIn({ role: "educator" });
    const member = await app.signedIn({ role: "owner" });
    const facilitator = await app.signedIn({ role: "owner" });
    const outsiderEducator = await app.signedIn({ role: "educator" });
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [author.user.id, member.user.id],
    });
    const id = await createResource(author.client, {
      audience: network.id,
      title: "Members only lesson",
    });
    await act(author.client, id, { intent: "submit" });
    // An educator outside the network may not review it (nor see it).
    const outside = await act(outsiderEducator.client, id, {
      intent: "review",
      decision: "approved",
    });
    expect(outside.status).toBe(404);
    // The network's facilitator may.
    const review = await act(facilitator.client, id, {
      intent: "review",
      decision: "approved",
      publish: "yes",
    });
    expect(review.status).toBe(200);
    expect((await member.client.get(`/learn/${id}`)).status).toBe(200);
    expect(await (await member.client.get("/learn")).text()).toContain("Members only lesson");
    expect((await outsiderEducator.client.get(`/learn/${id}`)).status).toBe(404);
    expect((await app.client().get(`/learn/${id}`)).status).toBe(404);
    expect(await (await outsiderEducator.client.get("/learn")).text()).not.toContain(
      "Members only lesson",
    );
    // Rating from outside: 404 too.
    expect((await act(outsiderEducator.client, id, { intent: "rate", stars: "5" })).status).toBe(
      404,
    );
  });
});

describe("needs a resource answers", () => {
  it("reaches the linked needs when published and un-reaches them when withdrawn", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const needOwner = await app.signedIn({ role: "owner" });
    const needId = await openNeed(needOwner.user.id);
    const reached = async () =>
      (
        await rows<{ is_reached: boolean }>(`select is_reached from needs where id = '${needId}'`)
      )[0].is_reached;
    // Another offer could reach the topic; make sure nothing else does first.
    expect(await reached()).toBe(false);
    const id = await createResource(author.client, { needIds: [needId] });
    await act(author.client, id, { intent: "submit" });
    expect(await reached()).toBe(false);
    await act(reviewer.client, id, { intent: "review", decision: "approved", publish: "yes" });
    expect(await reached()).toBe(true);
    const answers = await rows<{ kind: string; language: string }>(
      `select kind, language from need_answers where need_id = '${needId}' and resource_id = '${id}'`,
    );
    expect(answers).toEqual([{ kind: "resource", language: "en" }]);
    const told = await rows(
      `select 1 from notifications where recipient_id = '${needOwner.user.id}' and kind = 'resource.published'`,
    );
    expect(told).toHaveLength(1);
    // Radar: the unreached weight drops by the need's weight.
    expect((await act(author.client, id, { intent: "withdraw" })).status).toBe(302);
    expect(await reached()).toBe(false);
    expect((await app.client().get(`/learn/${id}`)).status).toBe(404);
    expect(await (await app.client().get("/learn")).text()).not.toContain(`/learn/${id}"`);
  });

  it("moves the radar's unreached weight with publication and withdrawal", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const radarReader = await app.signedIn({ role: "educator" });
    const topic = `topic:resources-radar-${randomUUID().slice(0, 8)}`;
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const ownerId = (await app.createUser({ role: "owner", country: "GR" })).id;
      const id = randomUUID();
      await rows(`insert into needs (id, owner_id, topic, topic_text, urgency, formats, languages, country)
        values ('${id}', '${ownerId}', '${topic}', '', 'month', array['self_paced']::text[],
          array['en']::text[], 'GR')`);
      await app.server.refreshNeeds(app.server.getDatabase().db, { needIds: [id] });
      ids.push(id);
    }
    const unreached = async () => {
      const response = await radarReader.client.get(
        `/radar.csv?topic=${encodeURIComponent(topic)}&period=all`,
      );
      expect(response.status).toBe(200);
      const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
      const all = lines.map((l) => l.split(",")).find((cells) => cells[0] === "All needs");
      return all ? Number(all[5]) : null;
    };
    expect(await unreached()).toBe(9);
    const id = await createResource(author.client, { needIds: [ids[0]] });
    await act(author.client, id, { intent: "submit" });
    await act(reviewer.client, id, { intent: "review", decision: "approved", publish: "yes" });
    expect(await unreached()).toBe(6);
    await act(author.client, id, { intent: "withdraw" });
    expect(await unreached()).toBe(9);
  });

  it("lets a need's owner say a resource answers it, once, and only for their own open need", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const other = await app.signedIn({ role: "owner" });
    const id = await publishedBy(author.client, reviewer.client);
    const mine = await openNeed(reader.user.id);
    const theirs = await openNeed(other.user.id);
    const page = await (await reader.client.get(`/learn/${id}`)).text();
    expect(page).toContain(`value="${mine}"`);
    expect((await act(reader.client, id, { intent: "answerNeed", needId: theirs })).status).toBe(
      403,
    );
    expect((await act(reader.client, id, { intent: "answerNeed", needId: mine })).status).toBe(200);
    const replay = await act(reader.client, id, { intent: "answerNeed", needId: mine });
    expect(replay.status).toBe(409);
    expect(
      await rows(`select 1 from need_answers where need_id = '${mine}' and resource_id = '${id}'`),
    ).toHaveLength(1);
    expect(
      (await rows<{ is_reached: boolean }>(`select is_reached from needs where id = '${mine}'`))[0]
        .is_reached,
    ).toBe(true);
  });
});

describe("readers", () => {
  it("rate 1 to 5 once each, changeable, with the sums kept", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const id = await publishedBy(author.client, reviewer.client);
    for (const stars of ["0", "6", "2.5", "lots"]) {
      const bad = await act(reader.client, id, { intent: "rate", stars });
      expect(bad.status, stars).toBe(400);
      expectMessage(await bad.text(), "learning.ratingInvalid");
    }
    expect((await act(reader.client, id, { intent: "rate", stars: "2" })).status).toBe(200);
    expect((await act(reader.client, id, { intent: "rate", stars: "5" })).status).toBe(200);
    expect((await act(reviewer.client, id, { intent: "rate", stars: "3" })).status).toBe(200);
    const row = await resourceRow(id);
    expect([row.rating_sum, row.rating_count]).toEqual([8, 2]);
    expect(
      await rows(`select 1 from learning_resource_ratings where resource_id = '${id}'`),
    ).toHaveLength(2);
    // Signed out: no rating.
    expect((await act(app.client(), id, { intent: "rate", stars: "5" })).status).toBe(403);
  });

  it("comment once per key and delete only their own comments", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const other = await app.signedIn({ role: "owner" });
    const id = await publishedBy(author.client, reviewer.client);
    const key = `comment-${randomUUID().slice(0, 8)}`;
    const fields = { intent: "comment", body: "This <b>helped</b> me.", submissionKey: key };
    const sent = await act(reader.client, id, fields);
    const resent = await act(reader.client, id, fields);
    expect([sent.status, resent.status]).toEqual([302, 302]);
    expect(resent.headers.get("location")).toBe(sent.headers.get("location"));
    const comments = await rows<{ id: string }>(
      `select id::text from learning_resource_comments where resource_id = '${id}'`,
    );
    expect(comments).toHaveLength(1);
    const page = await (await other.client.get(`/learn/${id}`)).text();
    expect(page).toContain("This &lt;b&gt;helped&lt;/b&gt; me.");
    const steal = await act(other.client, id, {
      intent: "deleteComment",
      commentId: comments[0].id,
    });
    expect(steal.status).toBe(403);
    expect(
      (await act(reader.client, id, { intent: "deleteComment", commentId: comments[0].id })).status,
    ).toBe(200);
    expect(await (await other.client.get(`/learn/${id}`)).text()).not.toContain("helped");
    expect((await act(reader.client, id, { intent: "comment", body: "  " })).status).toBe(400);
    expect((await act(reader.client, id, { intent: "nonsense" })).status).toBe(400);
  });

  it("filter the library by language, level and duration, and page through it", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const tag = randomUUID().slice(0, 6);
    const short = await publishedBy(author.client, reviewer.client, {
      title: `Short ${tag}`,
      minutes: "8",
      eqf: "3",
    });
    const long = await publishedBy(author.client, reviewer.client, {
      title: `Long ${tag}`,
      minutes: "45",
      language: "el",
      eqf: "3",
    });
    const list = async (query: string) => (await app.client().get(`/learn?${query}`)).text();
    let html = await list("duration=short&eqf=3");
    expect(html).toContain(`/learn/${short}`);
    expect(html).not.toContain(`/learn/${long}`);
    html = await list("language=el&duration=long");
    expect(html).toContain(`/learn/${long}`);
    expect(html).not.toContain(`/learn/${short}`);
    expect((await app.client().get("/learn?duration=forever")).status).toBe(400);
    expect((await app.client().get("/learn?eqf=12")).status).toBe(400);
    expect((await app.client().get("/learn?after=garbage")).status).toBe(200);
  });
});

describe("defects found in review (issue 11, R1)", () => {
  it("takes co-authors of a network resource only from that network, on create and update", async () => {
    const author = await app.signedIn({ role: "educator" });
    const elsewhere = await app.signedIn({ role: "educator" });
    const inside = await app.signedIn({ role: "educator" });
    const network = await app.server.createNetwork({ members: [author.user.id, inside.user.id] });
    // The author shares another network with `elsewhere`, but not this one.
    await app.server.createNetwork({ members: [author.user.id, elsewhere.user.id] });
    const refused = await author.client.post(
      "/learn/new",
      resourceForm({ audience: network.id, coauthors: elsewhere.user.email }),
    );
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "learning.coauthorUnknown");
    const id = await createResource(author.client, {
      audience: network.id,
      coauthors: inside.user.email,
    });
    const update = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ audience: network.id, coauthors: elsewhere.user.email }),
    );
    expect(update.status).toBe(400);
    expectMessage(await update.text(), "learning.coauthorUnknown");
    const co = await rows<{ user_id: string }>(
      `select user_id::text from learning_resource_coauthors where resource_id = '${id}'`,
    );
    expect(co.map((c) => c.user_id)).toEqual([inside.user.id]);
    // An open-library resource may still take a co-author from any shared network.
    await createResource(author.client, { coauthors: elsewhere.user.email });
  });

  it("sends a live resource back to review when its files change, and readers see the published files only", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await createResource(author.client);
    const upload = (name: string) =>
      author.client.post(`/learn/${id}/files`, {
        intent: "upload",
        kind: "worksheet",
        file: new File(["Plan\nStep 1"], name, { type: "text/plain" }),
      });
    expect((await upload("first.txt")).status).toBe(200);
    await act(author.client, id, { intent: "submit" });
    await act(reviewer.client, id, { intent: "review", decision: "approved", publish: "yes" });
    expect((await resourceRow(id)).status).toBe("published");
    const [first] = await rows<{ id: string }>(
      `select id::text from learning_resource_files where resource_id = '${id}'`,
    );
    // A new worksheet on a live resource: the working copy needs review again.
    expect((await upload("second.txt")).status).toBe(200);
    expect((await resourceRow(id)).status).toBe("draft");
    const [second] = await rows<{ id: string }>(
      `select id::text from learning_resource_files where resource_id = '${id}' and filename = 'second.txt'`,
    );
    const html = await (await app.client().get(`/learn/${id}`)).text();
    expect(html).toContain(`href="/learn/files/${first.id}"`);
    expect(html).not.toContain(`/learn/files/${second.id}`);
    // Nor can a reader fetch it by its address; its author can.
    expect((await app.client().get(`/learn/files/${second.id}`)).status).toBe(404);
    expect((await app.client().get(`/learn/files/${first.id}`)).status).toBe(200);
    expect((await author.client.get(`/learn/files/${second.id}`)).status).toBe(200);
    // A file the published version may use cannot be removed while it is live.
    const removing = await author.client.post(`/learn/${id}/files`, {
      intent: "remove",
      fileId: first.id,
    });
    expect(removing.status).toBe(409);
    expectMessage(await removing.text(), "learning.fileInPublished");
    expect(
      await rows(`select 1 from learning_resource_files where id = '${first.id}'`),
    ).toHaveLength(1);
    // The new one, not yet in a published version, may go.
    const removeNew = await author.client.post(`/learn/${id}/files`, {
      intent: "remove",
      fileId: second.id,
    });
    expect(removeNew.status).toBe(200);
    // An approved working copy changed by a file goes back to draft too.
    await act(author.client, id, { intent: "submit" });
    await act(reviewer.client, id, { intent: "review", decision: "approved" });
    expect((await resourceRow(id)).status).toBe("approved");
    expect((await upload("third.txt")).status).toBe(200);
    expect((await resourceRow(id)).status).toBe("draft");
    expect((await act(author.client, id, { intent: "publish" })).status).toBe(409);
  });

  it("takes author access away from a member removed from the resource's network", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "owner" });
    const network = await app.server.createNetwork({
      facilitators: [reviewer.user.id],
      members: [author.user.id],
    });
    const id = await createResource(author.client, { audience: network.id });
    expect((await author.client.get(`/learn/${id}`)).status).toBe(200);
    expect(await (await author.client.get("/learn/mine")).text()).toContain(`/learn/${id}`);
    await rows(
      `delete from network_members where network_id = '${network.id}' and user_id = '${author.user.id}'`,
    );
    expect((await author.client.get(`/learn/${id}`)).status).toBe(404);
    expect((await author.client.post(`/learn/${id}/edit`, resourceForm())).status).toBe(404);
    expect((await act(author.client, id, { intent: "submit" })).status).toBe(404);
    expect(await (await author.client.get("/learn/mine")).text()).not.toContain(`/learn/${id}`);
  });

  it("refuses to withdraw while a new version waits for review", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await publishedBy(author.client, reviewer.client);
    const edit = await author.client.post(`/learn/${id}/edit`, resourceForm());
    expect(edit.status).toBe(302);
    expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);
    const withdraw = await act(author.client, id, { intent: "withdraw" });
    expect(withdraw.status).toBe(409);
    expectMessage(await withdraw.text(), "learning.withdrawInReview");
    const row = await resourceRow(id);
    expect(row.status).toBe("submitted");
    expect(row.published_version).toBe(1);
  });

  it("does not let authors or co-authors rate their own resource", async () => {
    const author = await app.signedIn({ role: "educator" });
    const coauthor = await app.signedIn({ role: "educator" });
    await app.server.createNetwork({ members: [author.user.id, coauthor.user.id] });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await publishedBy(author.client, reviewer.client, {
      coauthors: coauthor.user.email,
    });
    for (const client of [author.client, coauthor.client]) {
      const rated = await act(client, id, { intent: "rate", stars: "5" });
      expect(rated.status).toBe(403);
      expectMessage(await rated.text(), "learning.noSelfRating");
    }
    expect((await resourceRow(id)).rating_count).toBe(0);
    expect((await act(reviewer.client, id, { intent: "rate", stars: "4" })).status).toBe(200);
  });
});

describe("defects found in review (issue 11, R2)", () => {
  it("filters and shows the library by the published version, not a draft edit under review", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const tag = randomUUID().slice(0, 6);
    const id = await publishedBy(author.client, reviewer.client, {
      title: `Published facts ${tag}`,
      topics: ["topic:spreadsheets"],
      eqf: "3",
      minutes: "8",
    });
    const list = async (query: string) => (await app.client().get(`/learn?${query}`)).text();
    const card = (html: string) =>
      html
        .split("<li")
        .find((item) => item.includes(`/learn/${id}"`))
        ?.split("</li>")[0] ?? "";
    const published = "topic=topic%3Aspreadsheets&eqf=3&duration=short";
    const drafted = "topic=topic%3Aseo&eqf=5&duration=long";
    expect(await list(published)).toContain(`/learn/${id}"`);
    expect(await list(drafted)).not.toContain(`/learn/${id}"`);

    // The authors rework topic, level and length; the draft goes to review.
    const edit = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ title: `Draft facts ${tag}`, topics: ["topic:seo"], eqf: "5", minutes: "30" }),
    );
    expect(edit.status).toBe(302);
    for (const step of ["draft", "submitted"]) {
      if (step === "submitted") {
        expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);
      }
      expect((await resourceRow(id)).status).toBe(step);
      // Readers still find it by what was published, and not by the draft.
      const found = await list(published);
      expect(found).toContain(`/learn/${id}"`);
      for (const query of ["topic=topic%3Aseo", "eqf=5", "duration=long", drafted]) {
        expect(await list(query)).not.toContain(`/learn/${id}"`);
      }
      // The card shows the published title, topic, level and length.
      const shown = card(found);
      expect(shown).toContain(`Published facts ${tag}`);
      expect(shown).toContain("Spreadsheets");
      expect(shown).toContain("Level 3");
      expect(shown).toContain("8 min");
      expect(shown).not.toContain("Draft facts");
      expect(shown).not.toContain("Search engine optimisation");
      expect(shown).not.toContain("Level 5");
      expect(shown).not.toContain("30 min");
    }

    // Once the new version is published, the library moves to it.
    const approve = await act(reviewer.client, id, {
      intent: "review",
      decision: "approved",
      publish: "yes",
    });
    expect(approve.status).toBe(200);
    expect(await list(published)).not.toContain(`/learn/${id}"`);
    const moved = await list(drafted);
    expect(moved).toContain(`/learn/${id}"`);
    const shown = card(moved);
    expect(shown).toContain(`Draft facts ${tag}`);
    expect(shown).toContain("Search engine optimisation");
    expect(shown).toContain("Level 5");
    expect(shown).toContain("30 min");
  });
});

describe("defects found in review (mend H1)", () => {
  it("serves a reviewer the pictures of an approved, not yet published version, and readers only the published ones", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const upload = async (name: string) => {
      const response = await author.client.post(`/learn/${id}/files`, {
        intent: "upload",
        kind: "image",
        file: new File([await makePng()], name, { type: "image/png" }),
      });
      expect(response.status).toBe(200);
      const [file] = await rows<{ id: string }>(
        `select id::text from learning_resource_files where resource_id = '${id}'
          order by created_at desc limit 1`,
      );
      return file.id;
    };
    const id = await createResource(author.client);
    const first = await upload("first.png");
    await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ practice: `![First](file:${first})` }),
    );
    await act(author.client, id, { intent: "submit" });
    await act(reviewer.client, id, { intent: "review", decision: "approved" });
    expect((await resourceRow(id)).status).toBe("approved");
    // Approved, not yet published: the reviewer sees the text and its picture loads.
    const approved = await (await reviewer.client.get(`/learn/${id}`)).text();
    expect(approved).toContain(`<img src="/learn/files/${first}"`);
    expect((await reviewer.client.get(`/learn/files/${first}`)).status).toBe(200);
    expect((await reader.client.get(`/learn/files/${first}`)).status).toBe(404);
    expect((await act(author.client, id, { intent: "publish" })).status).toBe(200);
    expect((await resourceRow(id)).published_version).toBe(1);

    // A second picture, reviewed and approved but not yet published.
    const second = await upload("second.png");
    const edit = await author.client.post(
      `/learn/${id}/edit`,
      resourceForm({ practice: `![First](file:${first})\n\n![Second](file:${second})` }),
    );
    expect(edit.status).toBe(302);
    expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);
    const approve = await act(reviewer.client, id, { intent: "review", decision: "approved" });
    expect(approve.status).toBe(200);
    const row = await resourceRow(id);
    expect([row.status, row.published_version]).toEqual(["approved", 1]);

    // The reviewer sees the approved text, and its pictures load.
    const page = await (await reviewer.client.get(`/learn/${id}`)).text();
    expect(page).toContain(`<img src="/learn/files/${second}"`);
    expect((await reviewer.client.get(`/learn/files/${second}`)).status).toBe(200);
    expect((await reviewer.client.get(`/learn/files/${first}`)).status).toBe(200);
    const versions = await (await reviewer.client.get(`/learn/${id}/versions?v=2`)).text();
    expect(versions).toContain(`<img src="/learn/files/${second}"`);
    // A reader sees the published version: the new picture is neither shown nor served.
    const readerPage = await (await reader.client.get(`/learn/${id}`)).text();
    expect(readerPage).toContain(`<img src="/learn/files/${first}"`);
    expect(readerPage).not.toContain(`/learn/files/${second}`);
    expect((await reader.client.get(`/learn/files/${second}`)).status).toBe(404);
    expect((await reader.client.get(`/learn/files/${first}`)).status).toBe(200);
    expect((await reader.client.get(`/learn/${id}/versions?v=2`)).status).toBe(404);
  });
});

describe("defects found in review (mend H1): published titles", () => {
  it("names a resource by its published title to readers on its versions page and in other languages' links", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const tag = randomUUID().slice(0, 6);
    const id = await publishedBy(author.client, reviewer.client, { title: `Out ${tag}` });
    const translated = await author.client.post(
      `/learn/new?translate=${id}`,
      resourceForm({ language: "de", title: `Draussen ${tag}` }),
    );
    expect(translated.status).toBe(302);
    const de = translated.headers.get("location")?.split("/").at(-1) ?? "";
    await act(author.client, de, { intent: "submit" });
    await act(reviewer.client, de, { intent: "review", decision: "approved", publish: "yes" });
    // Both are reworked; the new titles are drafts, not what readers see.
    for (const [resource, title, language] of [
      [id, `Reworked ${tag}`, "en"],
      [de, `Entwurf ${tag}`, "de"],
    ]) {
      const edit = await author.client.post(
        `/learn/${resource}/edit`,
        resourceForm({ title, language }),
      );
      expect(edit.status).toBe(302);
    }
    expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);

    const versions = await (await reader.client.get(`/learn/${id}/versions`)).text();
    expect(versions).toContain(`<h1>${escapeHtml(`Versions of “Out ${tag}”`)}</h1>`);
    expect(versions).not.toContain(`Reworked ${tag}`);
    const page = await (await reader.client.get(`/learn/${id}`)).text();
    expect(page).toContain(`href="/learn/${de}"`);
    expect(page).not.toContain(`Entwurf ${tag}`);
    expect(page).not.toContain(`Reworked ${tag}`);
    // Its authors see the working copy's title.
    const own = await (await author.client.get(`/learn/${id}/versions`)).text();
    expect(own).toContain(`<h1>${escapeHtml(`Versions of “Reworked ${tag}”`)}</h1>`);
  });
});

describe("defects found in review (mend H1): comments and reviews sent again", () => {
  it("makes one comment per submission key and answers with the new comment's place", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const reader = await app.signedIn({ role: "owner" });
    const id = await publishedBy(author.client, reviewer.client);
    const page = await (await reader.client.get(`/learn/${id}`)).text();
    const key = page.match(/name="submissionKey" value="([A-Za-z0-9_-]{10,64})"/)?.[1];
    expect(key).toBeDefined();
    const fields = { intent: "comment", body: "First thought.", submissionKey: key ?? "" };
    const first = await act(reader.client, id, fields);
    expect(first.status).toBe(302);
    const location = first.headers.get("location") ?? "";
    const [comment] = await rows<{ id: string }>(
      `select id::text from learning_resource_comments where resource_id = '${id}'`,
    );
    expect(location).toBe(`/learn/${id}?posted=${comment.id}#comment-${comment.id}`);
    // The same form sent again (a replay, a double click): the same comment, not a second.
    const again = await act(reader.client, id, fields);
    expect(again.status).toBe(302);
    expect(again.headers.get("location")).toBe(location);
    // A second comment from the same page carries a new key and is a second comment.
    const second = await act(reader.client, id, {
      intent: "comment",
      body: "Second thought.",
      submissionKey: `${key}-2`,
    });
    expect(second.status).toBe(302);
    const all = await rows<{ body: string }>(
      `select body from learning_resource_comments where resource_id = '${id}' order by created_at`,
    );
    expect(all.map((c) => c.body)).toEqual(["First thought.", "Second thought."]);
    const shown = await (await reader.client.get(location)).text();
    expect(shown).toContain(`id="comment-${comment.id}"`);
    expectMessage(shown, "composer.posted");
    // A refused comment keeps its words in the box, to be fixed.
    const tooLong = `Long ${"words ".repeat(700)}`;
    const refused = await act(reader.client, id, {
      intent: "comment",
      body: tooLong,
      submissionKey: `${key}-3`,
    });
    expect(refused.status).toBe(400);
    const refusedPage = await refused.text();
    expectMessage(refusedPage, "learning.commentTooLong");
    expect(refusedPage).toContain(`>${tooLong}</textarea>`);
  });

  it("makes one review per submission key, so a resent review form adds no second review", async () => {
    const author = await app.signedIn({ role: "educator" });
    const reviewer = await app.signedIn({ role: "educator" });
    const id = await createResource(author.client);
    expect((await act(author.client, id, { intent: "submit" })).status).toBe(200);
    const page = await (await reviewer.client.get(`/learn/${id}`)).text();
    const form = page.slice(page.indexOf('name="intent" value="review"'));
    const key = form.match(/name="submissionKey" value="([A-Za-z0-9_-]{10,64})"/)?.[1];
    expect(key).toBeDefined();
    const fields = {
      intent: "review",
      decision: "comment",
      body: "Shorten the introduction.",
      submissionKey: key ?? "",
    };
    expect((await act(reviewer.client, id, fields)).status).toBe(200);
    expect((await act(reviewer.client, id, fields)).status).toBe(200);
    const reviews = async () =>
      rows<{ body: string; decision: string }>(
        `select body, decision from learning_resource_reviews where resource_id = '${id}' order by created_at`,
      );
    expect(await reviews()).toEqual([{ body: "Shorten the introduction.", decision: "comment" }]);
    // A second review from a fresh form is a second review; resending it writes nothing.
    const approve = {
      intent: "review",
      decision: "approved",
      body: "Good now.",
      submissionKey: `${key}-2`,
    };
    expect((await act(reviewer.client, id, approve)).status).toBe(200);
    // Resent after it approved: no longer waiting for review, and nothing more is written.
    expect((await act(reviewer.client, id, approve)).status).toBe(409);
    expect((await reviews()).map((r) => r.decision)).toEqual(["comment", "approved"]);
    expect((await resourceRow(id)).status).toBe("approved");
  });

  it("tells who may not write resources why, from the policy's verdict, on the page and the form", async () => {
    const unverified = await app.signedIn({ role: "educator", verified: false });
    const page = await unverified.client.get("/learn/new");
    expect(page.status).toBe(403);
    expectMessage(await page.text(), "auth.verifyFirst");
    const sent = await unverified.client.post("/learn/new", resourceForm());
    expect(sent.status).toBe(403);
    expectMessage(await sent.text(), "auth.verifyFirst");
    const owner = await app.signedIn({ role: "owner" });
    const refused = await owner.client.get("/learn/new");
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "learning.inductionFirst");
  });
});
