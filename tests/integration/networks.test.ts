import { afterAll, beforeAll, describe, expect, it } from "vitest";
import en from "../../app/i18n/locales/en.json";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";
import { makePng } from "../setup/images";
import { openStream as openSseStream } from "../setup/streams";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

function person(spec: Parameters<TestApp["createUser"]>[0] = {}) {
  return app.signedIn({ password, ...spec });
}

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

async function network(spec: Parameters<TestApp["server"]["createNetwork"]>[0]) {
  return app.server.createNetwork(spec);
}

async function post(
  client: TestClient,
  networkId: string,
  body: string,
  extra: Record<string, string | Blob> = {},
) {
  return client.post(`/networks/${networkId}`, { intent: "post", body, ...extra });
}

async function count(sqlText: string) {
  const [row] = await app.server.queryRows<{ n: number }>(app.server.rawSql(sqlText));
  return Number(row.n);
}

const validNetwork = {
  intent: "save",
  name: "Cork Bakers",
  purpose: "Bakers in Cork learning from each other.",
  description: "",
  kind: "local",
  place: "Cork city centre",
  countries: ["IE"],
  languages: ["en"],
  topics: ["pricing"],
  visibility: "open",
  memberCap: "40",
};

describe("starting a network", () => {
  it("is for facilitators, or anyone when the admin allows it", async () => {
    const { client: member } = await person();
    expect((await member.get("/networks/new")).status).toBe(403);
    expect((await member.post("/networks/new", validNetwork)).status).toBe(403);

    const { client: facilitator } = await person({ isFacilitator: true });
    const created = await facilitator.post("/networks/new", validNetwork);
    expect(created.status).toBe(302);
    const id = created.headers.get("location")!.match(/\/networks\/([0-9a-f-]{36})\//)![1];
    const page = mainOf(await (await facilitator.get(`/networks/${id}`)).text());
    expect(page).toContain("Cork Bakers");
    expect(await count(`select member_count as n from networks where id = '${id}'`)).toBe(1);

    const { client: admin } = await person({ isAdmin: true });
    await admin.post("/admin/settings", { anyMemberCanCreateNetworks: "on" });
    expect(
      (await member.post("/networks/new", { ...validNetwork, name: "Member Network" })).status,
    ).toBe(302);
    await admin.post("/admin/settings", {});
    expect((await member.post("/networks/new", { ...validNetwork, name: "Refused" })).status).toBe(
      403,
    );
  });

  it("checks the kind's rules and the vocabularies", async () => {
    const { client } = await person({ isFacilitator: true });
    const cases: [Record<string, string | string[]>, string][] = [
      [{ place: "" }, "networks.placeRequired"],
      [{ countries: ["IE", "DE"] }, "networks.localOneCountry"],
      [{ kind: "cross_border", countries: ["IE"] }, "networks.crossBorderCountries"],
      [{ languages: [] }, "networks.languagesRequired"],
      [{ memberCap: "1000" }, "networks.capInvalid"],
      [{ name: "x" }, "networks.nameTooShort"],
      [{ countries: ["ZZ"] }, "form.invalid"],
    ];
    for (const [override, key] of cases) {
      const response = await client.post("/networks/new", {
        ...validNetwork,
        name: `Invalid ${key}`,
        ...override,
      });
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    expect(await count("select count(*)::int as n from networks where name like 'Invalid %'")).toBe(
      0,
    );
  });
});

describe("who sees what", () => {
  it("hides a secret network from non-members everywhere", async () => {
    const { user: member, client: memberClient } = await person();
    const { client: outsider } = await person();
    const { id } = await network({
      name: "Secret Circle Zeta",
      visibility: "secret",
      members: [member.id],
    });
    const withFile = await memberClient.post(`/networks/${id}`, {
      intent: "post",
      body: "picture",
      files: new File([await (await makePng()).arrayBuffer()], "p.png", { type: "image/png" }),
    });
    expect(withFile.status).toBe(302);
    const html = await (await memberClient.get(`/networks/${id}`)).text();
    const attachment = html.match(/src="(\/networks\/[^"]+\/attachments\/[^"]+)"/)?.[1];
    expect(attachment).toBeTruthy();
    expect((await memberClient.get(attachment!)).status).toBe(200);
    for (const path of [
      `/networks/${id}`,
      `/networks/${id}/members`,
      `/networks/${id}/live`,
      `/networks/${id}/cover`,
      attachment!,
    ]) {
      expect((await outsider.get(path)).status, path).toBe(404);
      expect((await app.client().get(path)).status, path).toBe(404);
    }
    expect((await outsider.post(`/networks/${id}`, { intent: "join" })).status).toBe(404);
    expect(await (await outsider.get("/networks?q=Secret+Circle")).text()).not.toContain(
      "Secret Circle Zeta",
    );
  });

  it("shows a request-only network's face but not its posts to non-members", async () => {
    const { user: facilitator, client: facilitatorClient } = await person();
    const { user: joiner, client: joinerClient } = await person();
    const { user: elsewhere, client: otherFacilitator } = await person();
    const { id } = await network({
      name: "Ask First",
      visibility: "request",
      facilitators: [facilitator.id],
    });
    await network({ facilitators: [elsewhere.id] });
    const postResponse = await post(facilitatorClient, id, "Members-only words");
    expect(postResponse.status).toBe(302);
    const outside = mainOf(await (await joinerClient.get(`/networks/${id}`)).text());
    expect(outside).toContain("Ask First");
    expect(outside).not.toContain("Members-only words");

    expect((await joinerClient.post(`/networks/${id}`, { intent: "join" })).status).toBe(200);
    expect(mainOf(await (await joinerClient.get(`/networks/${id}`)).text())).not.toContain(
      "Members-only words",
    );
    expect((await post(joinerClient, id, "Sneaky")).status).toBe(403);

    expect(
      (await joinerClient.post(`/networks/${id}/members`, { intent: "approve", userId: joiner.id }))
        .status,
    ).toBe(403);
    expect(
      (
        await otherFacilitator.post(`/networks/${id}/members`, {
          intent: "approve",
          userId: joiner.id,
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await facilitatorClient.post(`/networks/${id}/members`, {
          intent: "approve",
          userId: joiner.id,
        })
      ).status,
    ).toBe(200);
    expect(mainOf(await (await joinerClient.get(`/networks/${id}`)).text())).toContain(
      "Members-only words",
    );
  });

  it("lets anyone read and join an open network, until it is full", async () => {
    const { user: facilitator } = await person();
    const { id } = await network({
      name: "Small Open",
      visibility: "open",
      memberCap: 2,
      facilitators: [facilitator.id],
    });
    const { client: first } = await person();
    const { client: second } = await person();
    expect((await app.client().get(`/networks/${id}`)).status).toBe(200);
    expect((await first.post(`/networks/${id}`, { intent: "join" })).status).toBe(200);
    const full = await second.post(`/networks/${id}`, { intent: "join" });
    expect(full.status).toBe(409);
    expectMessage(await full.text(), "networks.full");
    expect(await count(`select member_count as n from networks where id = '${id}'`)).toBe(2);
  });

  it("refuses joining an invite-only network without an invitation", async () => {
    const { user: f } = await person();
    const { id } = await network({ visibility: "invite", facilitators: [f.id] });
    const { client } = await person();
    const response = await client.post(`/networks/${id}`, { intent: "join" });
    expect(response.status).toBe(403);
    expectMessage(await response.text(), "networks.inviteOnly");
  });

  it("answers guessed and malformed ids with 404", async () => {
    const { client } = await person();
    for (const path of [
      "/networks/00000000-0000-0000-0000-000000000000",
      "/networks/not-an-id",
      "/networks/00000000-0000-0000-0000-000000000000/live",
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
    }
  });
});

describe("the feed", () => {
  it("refuses empty and oversized posts and keeps the text", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    const empty = await post(client, id, "   ");
    expect(empty.status).toBe(400);
    const emptyHtml = await empty.text();
    // The field says what is missing, not the empty feed's "No posts yet.".
    expect(emptyHtml).toMatch(
      new RegExp(`id="f-body-error" class="error">${escapeHtml(en["posts.emptyPost"])}<`),
    );
    const long = await post(client, id, "x".repeat(20_000));
    expect(long.status).toBe(400);
    expectMessage(await long.text(), "posts.tooLong");
    expect(await count(`select count(*)::int as n from posts where network_id = '${id}'`)).toBe(0);
  });

  it("takes a post that is only a photo, and lands on it with an empty form", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    const photo = new File([await (await makePng()).arrayBuffer()], "market.png", {
      type: "image/png",
    });
    const response = await post(client, id, "", { files: photo, submissionKey: "photo-only-1" });
    expect(response.status).toBe(302);
    const [row] = await app.server.queryRows<{ id: string; body: string; files: number }>(
      app.server.rawSql(`select p.id, p.body,
        (select count(*)::int from post_attachments a where a.post_id = p.id) as files
        from posts p where p.network_id = '${id}'`),
    );
    expect(row).toMatchObject({ body: "", files: 1 });
    const location = response.headers.get("location")!;
    expect(location).toBe(`/networks/${id}?posted=${row.id}#post-${row.id}`);
    const landed = await (await client.get(location)).text();
    expect(landed).toContain(`id="post-${row.id}" tabindex="-1"`);
    expectMessage(landed, "composer.posted");
    // The form is empty again, with a new submission key.
    expect(landed).toMatch(/<textarea id="f-body"[^>]*><\/textarea>/);
    expect(landed).not.toContain('value="photo-only-1"');
  });

  it("renders scripts and javascript: links inert", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    await post(
      client,
      id,
      "<script>alert(1)</script> [click](javascript:alert(1)) <img src=x onerror=alert(1)> **bold**",
    );
    const html = mainOf(await (await client.get(`/networks/${id}`)).text());
    expect(html).not.toContain("<script>alert");
    expect(html).not.toMatch(/href="javascript/i);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain("<strong>bold</strong>");
  });

  it("makes one post from a double-submitted form", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    const key = "double-submit-key-123";
    const [a, b] = await Promise.all([
      post(client, id, "Only once please", { submissionKey: key }),
      post(client, id, "Only once please", { submissionKey: key }),
    ]);
    expect([a.status, b.status]).toEqual([302, 302]);
    expect((await post(client, id, "Only once please", { submissionKey: key })).status).toBe(302);
    expect(await count(`select count(*)::int as n from posts where network_id = '${id}'`)).toBe(1);
  });

  it("takes photos and documents, and refuses disguised files", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    const pdf = new File(["%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"], "plan.pdf", {
      type: "application/pdf",
    });
    const ok = await client.post(`/networks/${id}`, {
      intent: "post",
      body: "Our plan",
      files: pdf,
    });
    expect(ok.status).toBe(302);
    const html = await (await client.get(`/networks/${id}`)).text();
    const link = html.match(/href="(\/networks\/[^"]+\/attachments\/[^"]+\.pdf)"/)?.[1];
    expect(link).toBeTruthy();
    const download = await client.get(link!);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(download.headers.get("content-type")).toBe("application/pdf");

    const fake = new File(["<html><script>alert(1)</script></html>"], "cat.png", {
      type: "image/png",
    });
    const refused = await client.post(`/networks/${id}`, {
      intent: "post",
      body: "Look at my cat",
      files: fake,
    });
    expect(refused.status).toBe(400);
    const refusedHtml = await refused.text();
    expectMessage(refusedHtml, "upload.disguised");
    expect(refusedHtml).toContain("Look at my cat");
    const exe = new File([new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00])], "tool.pdf");
    expect(
      (await client.post(`/networks/${id}`, { intent: "post", body: "x", files: exe })).status,
    ).toBe(400);
    expect(await count(`select count(*)::int as n from posts where network_id = '${id}'`)).toBe(1);
  });

  it("lets only authors edit, and authors or this network's facilitators delete", async () => {
    const { user: author, client: authorClient } = await person();
    const { user: other, client: otherClient } = await person();
    const { user: facilitator, client: facilitatorClient } = await person();
    const { user: foreignFacilitator, client: foreignClient } = await person();
    const { id } = await network({
      facilitators: [facilitator.id],
      members: [author.id, other.id, foreignFacilitator.id],
    });
    await network({ facilitators: [foreignFacilitator.id] });
    await post(authorClient, id, "Original text");
    const [{ id: postId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from posts where network_id = '${id}'`),
    );
    expect(
      (
        await otherClient.post(`/networks/${id}/posts/${postId}`, {
          intent: "edit",
          body: "Hacked",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await authorClient.post(`/networks/${id}/posts/${postId}`, {
          intent: "edit",
          body: "Better text",
        })
      ).status,
    ).toBe(302);
    const edited = mainOf(await (await authorClient.get(`/networks/${id}`)).text());
    expect(edited).toContain("Better text");
    expect(edited).toContain("edited");
    expect(
      (
        await otherClient.post(`/networks/${id}`, {
          intent: "delete-post",
          postId,
          confirmed: "yes",
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await foreignClient.post(`/networks/${id}`, {
          intent: "delete-post",
          postId,
          confirmed: "yes",
        })
      ).status,
    ).toBe(403);
    expect((await foreignClient.post(`/networks/${id}`, { intent: "pin", postId })).status).toBe(
      403,
    );
    expect(
      (await facilitatorClient.post(`/networks/${id}`, { intent: "pin", postId })).status,
    ).toBe(200);
    expect(
      (
        await facilitatorClient.post(`/networks/${id}`, {
          intent: "delete-post",
          postId,
          confirmed: "yes",
        })
      ).status,
    ).toBe(200);
    expect(mainOf(await (await authorClient.get(`/networks/${id}`)).text())).not.toContain(
      "Better text",
    );
    expect(
      await count(
        `select count(*)::int as n from posts where id = '${postId}' and deleted_at is not null`,
      ),
    ).toBe(1);
  });

  it("has comments with one level of replies, reactions and mentions", async () => {
    const { user: a, client: ca } = await person({ displayName: "Aoife Byrne" });
    const { user: b, client: cb } = await person({ displayName: "Ștefan Popescu" });
    const { id } = await network({ members: [a.id, b.id] });
    await post(ca, id, "Hello @stefan.popescu, welcome!");
    const [{ id: postId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from posts where network_id = '${id}'`),
    );
    const html = await (await cb.get(`/networks/${id}`)).text();
    expect(html).toContain(`href="/people/${b.id}"`);
    // In the feed the comment box is a link to the post's page, where the form is (no JavaScript
    // needed); the feed itself carries no comment form.
    const commentLink = `/networks/${id}/posts/${postId}#new-comment-${postId}`;
    expect(html).toContain(`href="${commentLink}"`);
    expect(html).not.toContain('id="new-comment-');
    const postPage = await (await cb.get(commentLink.split("#")[0])).text();
    expect(postPage).toContain(`id="new-comment-${postId}"`);
    expect(
      await count(
        `select count(*)::int as n from post_mentions where post_id = '${postId}' and user_id = '${b.id}'`,
      ),
    ).toBe(1);
    const commented = await cb.post(`/networks/${id}`, {
      intent: "comment",
      postId,
      body: "Thanks!",
    });
    expect(commented.status).toBe(302);
    const [{ id: commentId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from comments where post_id = '${postId}'`),
    );
    // Back to the feed it was written in, at the new comment.
    expect(commented.headers.get("location")).toBe(
      `/networks/${id}?posted=${commentId}#comment-${commentId}`,
    );
    const replied = await ca.post(`/networks/${id}`, {
      intent: "comment",
      postId,
      parentId: commentId,
      body: "You're welcome",
      returnTo: "post",
    });
    expect(replied.status).toBe(302);
    const [{ id: replyId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from comments where parent_id = '${commentId}'`),
    );
    // A reply is written on the post's own page, and lands back there.
    expect(replied.headers.get("location")).toBe(
      `/networks/${id}/posts/${postId}?posted=${replyId}#comment-${replyId}`,
    );
    const tooDeep = await cb.post(`/networks/${id}`, {
      intent: "comment",
      postId,
      parentId: replyId,
      body: "Deeper",
    });
    expect(tooDeep.status).toBe(400);
    expect((await cb.post(`/networks/${id}`, { intent: "comment", postId, body: "" })).status).toBe(
      400,
    );
    await cb.post(`/networks/${id}`, { intent: "react", postId, kind: "celebrate" });
    expect(
      await count(`select count(*)::int as n from post_reactions where post_id = '${postId}'`),
    ).toBe(1);
    await cb.post(`/networks/${id}`, { intent: "react", postId, kind: "celebrate" });
    expect(
      await count(`select count(*)::int as n from post_reactions where post_id = '${postId}'`),
    ).toBe(0);
    expect(
      (await cb.post(`/networks/${id}`, { intent: "react", postId, kind: "angry" })).status,
    ).toBe(400);
  });

  it("refuses posting after leaving, and cuts a removed member off at once", async () => {
    const { user: f, client: fc } = await person();
    const { user: leaver, client: lc } = await person();
    const { user: removed, client: rc } = await person();
    const { id } = await network({
      visibility: "request",
      facilitators: [f.id],
      members: [leaver.id, removed.id],
    });
    await lc.post(`/networks/${id}`, { intent: "leave", confirmed: "yes" });
    const late = await post(lc, id, "Am I still here?");
    expect(late.status).toBe(403);
    expectMessage(await late.text(), "networks.notMember");

    const stream = await openStream(rc, `/networks/${id}/live`);
    expect(
      (
        await fc.post(`/networks/${id}/members`, {
          intent: "remove",
          userId: removed.id,
          confirmed: "yes",
        })
      ).status,
    ).toBe(200);
    expect(await stream.waitFor("event: removed")).toBe(true);
    expect(mainOf(await (await rc.get(`/networks/${id}`)).text())).toContain(
      escapeHtml("Join this network"),
    );
    expect((await post(rc, id, "Still here?")).status).toBe(403);
    expect((await rc.get(`/networks/${id}/live`)).status).toBe(403);
  });
});

describe("live updates", () => {
  it("streams new posts, comments and reactions to viewers", async () => {
    const { user: a, client: ca } = await person();
    const { user: b, client: cb } = await person();
    const { id } = await network({ members: [a.id, b.id] });
    const stream = await openStream(cb, `/networks/${id}/live`);
    await post(ca, id, "Live hello");
    const [{ id: postId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from posts where network_id = '${id}'`),
    );
    // A member learns who wrote it, so that the page holds someone else's post behind "1 new post".
    const postEvent = `event: post\ndata: ${JSON.stringify({ postId, authorId: a.id })}`;
    expect(await stream.waitFor(postEvent)).toBe(true);
    const commented = await ca.post(`/networks/${id}`, {
      intent: "comment",
      postId,
      body: "A live comment",
    });
    // A comment lands on itself (decision 007).
    expect(commented.status).toBe(302);
    expect(commented.headers.get("location")).toMatch(/#comment-[0-9a-f-]{36}$/);
    expect(await stream.waitFor(`event: comment\ndata: ${JSON.stringify({ postId })}`)).toBe(true);
    const reacted = await ca.post(`/networks/${id}`, { intent: "react", postId, kind: "thanks" });
    expect(reacted.status).toBe(200);
    expect(await stream.waitFor(`event: reaction\ndata: ${JSON.stringify({ postId })}`)).toBe(true);
    stream.close();
  });
});

describe("invitations", () => {
  it("brings someone without an account into the network through an email", async () => {
    const { user: f, client: fc } = await person({ displayName: "Inviting Facilitator" });
    const { id } = await network({
      name: "Invite Only Club",
      visibility: "invite",
      facilitators: [f.id],
    });
    const email = `newcomer${Date.now()}@example.org`;
    const sent = await fc.post(`/networks/${id}/members`, {
      intent: "invite-emails",
      emails: `${email}, not-an-email`,
    });
    expect(sent.status).toBe(400);
    expect(
      (await fc.post(`/networks/${id}/members`, { intent: "invite-emails", emails: email })).status,
    ).toBe(200);
    const mail = await app.lastMailTo(email);
    expect(mail?.subject).toContain("Invite Only Club");
    const link = app.linkIn(mail, "/invitations/");
    const token = new URL(link).pathname.split("/").pop()!;
    const newcomer = app.client();
    const page = await newcomer.get(link);
    expect(page.status).toBe(200);
    const signup = await newcomer.post(`/signup?invite=${token}`, {
      role: "owner",
      displayName: "New Comer",
      email,
      password,
      invite: token,
    });
    expect(signup.status).toBe(302);
    expect(signup.headers.get("location")).toBe("/signup?sent=1");
    // Confirming the address leads to sign-in, then back to the invitation.
    const invitation = `/invitations/${token}`;
    const verified = await newcomer.get(app.linkIn(await app.lastMailTo(email), "/verify-email"));
    expect(verified.headers.get("location")).toBe(
      `/signin?verified=1&next=${encodeURIComponent(invitation)}`,
    );
    const signedIn = await newcomer.post("/signin", { email, password, next: invitation });
    expect(signedIn.headers.get("location")).toBe(invitation);
    const accepted = await newcomer.post(invitation, {});
    expect(accepted.headers.get("location")).toBe(`/networks/${id}?welcome=1`);
    expect(mainOf(await (await newcomer.get(`/networks/${id}`)).text())).toContain(
      escapeHtml("Leave this network"),
    );
    // An email invitation works once.
    const { client: someoneElse } = await person();
    expect((await someoneElse.post(link, {})).status).toBe(404);
  });

  it("has shareable links that expire or can be stopped", async () => {
    const { user: f, client: fc } = await person();
    const { id } = await network({ visibility: "secret", facilitators: [f.id] });
    const created = await fc.post(`/networks/${id}/members`, { intent: "invite-link", days: "7" });
    const link = (await created.text()).match(
      /https?:\/\/[^<"\s]+\/invitations\/[A-Za-z0-9_-]+/,
    )?.[0];
    expect(link).toBeTruthy();
    const { client: one } = await person();
    const { client: two } = await person();
    expect((await one.post(link!, {})).headers.get("location")).toBe(`/networks/${id}?welcome=1`);
    expect((await two.post(link!, {})).status).toBe(302);
    const [{ id: invitationId }] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(
        `select id from network_invitations where network_id = '${id}' and kind = 'link'`,
      ),
    );
    await fc.post(`/networks/${id}/members`, {
      intent: "revoke-link",
      invitationId,
      confirmed: "yes",
    });
    const { client: three } = await person();
    expect((await three.post(link!, {})).status).toBe(404);
    expect((await three.get(link!)).status).toBe(404);
    expect((await app.client().get("/invitations/made-up-token-that-is-long-enough")).status).toBe(
      404,
    );
  });
});

describe("discovery and home", () => {
  it("filters networks and explains suggestions", async () => {
    const marker = `Disc${Date.now()}`;
    const { user: f } = await person();
    await network({
      name: `${marker} Greek Bakers`,
      kind: "local",
      countries: ["GR"],
      languages: ["el"],
      topics: ["pricing"],
      facilitators: [f.id],
    });
    await network({
      name: `${marker} Online Finance`,
      kind: "online",
      countries: ["DE"],
      languages: ["de"],
      topics: ["cash-flow-planning"],
      facilitators: [f.id],
    });
    const names = async (query: string) =>
      [
        ...mainOf(await (await app.client().get(`/networks?${query}`)).text()).matchAll(
          new RegExp(`${marker} ([A-Za-z ]+?)<`, "g"),
        ),
      ].map((m) => m[1]);
    expect(await names(`q=${marker}&country=GR`)).toEqual(["Greek Bakers"]);
    expect(await names(`q=${marker}&language=de`)).toEqual(["Online Finance"]);
    expect(await names(`q=${marker}&topic=cash-flow-planning`)).toEqual(["Online Finance"]);
    expect(await names(`q=${marker}&kind=local`)).toEqual(["Greek Bakers"]);

    const { client } = await person({
      country: "GR",
      languages: [{ code: "el", level: "native" }],
      wanted: ["pricing"],
    });
    const suggestions = mainOf(await (await client.get("/networks")).text());
    const suggested = suggestions.split('id="all"')[0];
    expect(suggested).toContain(`${marker} Greek Bakers`);
    expect(suggested).toContain("meets in Greece");
    expect(suggested).toContain("uses Greek");
    expect(suggested).toContain("talks about Pricing, which you want to learn");
  });

  it("shows the person's feed across networks with unread posts marked", async () => {
    const { user: reader, client: readerClient } = await person();
    const { user: writer, client: writerClient } = await person();
    const one = await network({ name: "Home One", members: [reader.id, writer.id] });
    const two = await network({ name: "Home Two", members: [reader.id, writer.id] });
    await post(writerClient, one.id, "News from one");
    await post(writerClient, two.id, "News from two");
    const home = mainOf(await (await readerClient.get("/")).text());
    expect(home).toContain("News from one");
    expect(home).toContain("News from two");
    expect(home.match(/class="post unread"/g)?.length).toBe(2);
    await readerClient.get(`/networks/${one.id}`);
    const after = mainOf(await (await readerClient.get("/")).text());
    expect(after.match(/class="post unread"/g)?.length).toBe(1);
  });
});

/** Reads the stream as this client (its cookies). */
function openStream(client: TestClient, path: string) {
  return openSseStream(new URL(path, client.baseUrl), client.cookieHeaderForTests());
}

describe("review fixes", () => {
  it("needs a confirmed email address to join or post, and hides members-only fields until then", async () => {
    const { user: f } = await person();
    const { id } = await network({ facilitators: [f.id] });
    const { client: unconfirmed } = await person({ verified: false });
    const join = await unconfirmed.post(`/networks/${id}`, { intent: "join" });
    expect(join.status).toBe(403);
    expectMessage(await join.text(), "auth.verifyFirst");
    const secretive = await app.createUser({
      displayName: "Members Only Bio",
      bio: "Seen by members only",
      visibility: { bio: "members" },
    });
    expect(mainOf(await (await unconfirmed.get(`/people/${secretive.id}`)).text())).not.toContain(
      "Seen by members only",
    );
    const { client: confirmed } = await person();
    expect(mainOf(await (await confirmed.get(`/people/${secretive.id}`)).text())).toContain(
      "Seen by members only",
    );
  });

  it("keeps a removed member out, even with a shared link", async () => {
    const { user: f, client: fc } = await person();
    const { user: removed, client: rc } = await person();
    const { id } = await network({
      visibility: "invite",
      facilitators: [f.id],
      members: [removed.id],
    });
    const created = await fc.post(`/networks/${id}/members`, { intent: "invite-link", days: "7" });
    const link = (await created.text()).match(
      /https?:\/\/[^<"\s]+\/invitations\/[A-Za-z0-9_-]+/,
    )![0];
    expect(
      (
        await fc.post(`/networks/${id}/members`, {
          intent: "remove",
          userId: removed.id,
          confirmed: "yes",
        })
      ).status,
    ).toBe(200);
    const back = await rc.post(link, {});
    expect(back.status).toBe(403);
    expectMessage(await back.text(), "networks.removedBefore");
    expect(await count(`select member_count as n from networks where id = '${id}'`)).toBe(1);
  });

  it("answers ids that are not ids with 404, not an error", async () => {
    const { user, client } = await person();
    const { id } = await network({ members: [user.id] });
    expect((await client.get(`/networks/${id}/posts/abc`)).status).toBe(404);
    expect(
      (await client.post(`/networks/${id}`, { intent: "react", postId: "abc", kind: "like" }))
        .status,
    ).toBe(404);
    expect(
      (
        await client.post(`/networks/${id}`, {
          intent: "delete-comment",
          confirmed: "yes",
          postId: "x",
          commentId: "y",
        })
      ).status,
    ).toBe(404);
    expect((await client.get(`/people/${"-".repeat(36)}`)).status).toBe(404);
  });

  it("does not show hidden countries in a network's mix to outsiders", async () => {
    const { user: f } = await person();
    const hidden = await app.createUser({ country: "MT", visibility: { location: "members" } });
    const { id } = await network({
      visibility: "request",
      facilitators: [f.id],
      members: [hidden.id],
    });
    const html = mainOf(await (await app.client().get(`/networks/${id}`)).text());
    expect(html).not.toContain("Malta");
    const { client: member } = await person();
    expect(mainOf(await (await member.get(`/networks/${id}`)).text())).toContain("Malta");
  });
});

describe("a long feed", () => {
  it("pages six posts at a time through a plain Next link, the pinned post on top of the first page only", async () => {
    const { user: author } = await person();
    const { id } = await network({ name: "Long Feed", visibility: "open", members: [author.id] });
    const start = Date.now() - 3_600_000;
    // Post 1 is the oldest and pinned: it is on page 2 of the feed and in the pinned section.
    const ids: string[] = [];
    for (let i = 1; i <= 9; i++) {
      const created = await app.server.createPostAt({
        networkId: id,
        authorId: author.id,
        body: `Feed post number ${i}.`,
        createdAt: new Date(start + i * 60_000),
        pinned: i === 1,
      });
      ids.push(created.id);
    }
    const visitor = app.client();
    // The document is rendered whole and sent with its length, not streamed in chunks.
    const first = await visitor.get(`/networks/${id}`, { "accept-encoding": "identity" });
    expect(first.status).toBe(200);
    const firstHtml = await first.text();
    expect(first.headers.get("transfer-encoding")).toBeNull();
    expect(first.headers.get("content-length")).toBe(String(Buffer.byteLength(firstHtml)));
    expect(firstHtml.trimEnd()).toMatch(/<\/html>$/);
    const firstPage = mainOf(firstHtml);
    const shown = (html: string) =>
      [...html.matchAll(/Feed post number (\d+)\./g)].map((m) => Number(m[1]));
    // Pinned section first (post 1), then posts 9 down to 4.
    expect(shown(firstPage)).toEqual([1, 9, 8, 7, 6, 5, 4]);
    const next = firstPage.match(/<a href="(\?after=[^"]+)" rel="next"/)?.[1];
    expect(next).toBeTruthy();
    const secondPage = mainOf(
      await (await visitor.get(`/networks/${id}${next?.replaceAll("&amp;", "&")}`)).text(),
    );
    // No pinned section on later pages; the pinned post is in its place by date.
    expect(shown(secondPage)).toEqual([3, 2, 1]);
    expect(secondPage).not.toMatch(/rel="next"/);
    expect(secondPage).toContain(`id="post-${ids[0]}"`);
  });
});

describe("page weight (issue 7)", () => {
  it("sends a post's and a comment's HTML once in a document, and in the data of client navigation", async () => {
    const { user: reader, client: readerClient } = await person();
    const { user: writer, client: writerClient } = await person();
    const net = await network({ name: "Weighed Network", members: [reader.id, writer.id] });
    await post(writerClient, net.id, "A post body seen **once** per page");
    const [row] = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from posts where network_id = '${net.id}'`),
    );
    const commented = await writerClient.post(`/networks/${net.id}`, {
      intent: "comment",
      postId: row.id,
      body: "A comment body seen once too",
    });
    expect(commented.status).toBe(302);
    const times = (text: string, part: string) => text.split(part).length - 1;
    for (const path of [`/networks/${net.id}`, "/", `/networks/${net.id}/posts/${row.id}`]) {
      const page = await (await readerClient.get(path)).text();
      expect(times(page, "seen <strong>once</strong> per page"), path).toBe(1);
      expect(times(page, "A post body seen"), path).toBe(1);
      expect(times(page, "A comment body seen once too"), path).toBe(1);
      // What a client navigation fetches instead of the document carries the HTML itself.
      const data = await (await readerClient.get(`${path === "/" ? "/_root" : path}.data`)).text();
      expect(times(data, "seen <strong>once</strong> per page"), path).toBe(1);
      expect(times(data, "A comment body seen once too"), path).toBe(1);
    }
  });

  it("prints no route manifest into the page: the browser imports the one cacheable file", async () => {
    const page = await (await app.client().get("/networks")).text();
    expect(page).not.toContain("__reactRouterManifest =");
    expect(page).toMatch(/import "\/assets\/manifest-[0-9a-f]+\.js"/);
  });
});
