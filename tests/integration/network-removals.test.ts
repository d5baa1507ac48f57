/**
 * A removal by a facilitator holds (issue 6, defect 1): leaving cannot erase it, and no way in
 * works while it stands (joining an open network, requesting, a shared link, an email
 * invitation, a new invitation by a facilitator) until a facilitator of that network lifts it.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage, expectNoMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

type Visibility = "open" | "request" | "invite";

async function setUp(visibility: Visibility) {
  const { user: facilitator, client: fc } = await app.signedIn({ displayName: "Fiona Facil" });
  const { user: removed, client: rc } = await app.signedIn({ displayName: "Rory Removed" });
  const { id } = await app.server.createNetwork({
    visibility,
    facilitators: [facilitator.id],
    members: [removed.id],
  });
  return { facilitator, fc, removed, rc, id };
}

async function remove(fc: TestClient, networkId: string, userId: string) {
  const response = await fc.post(`/networks/${networkId}/members`, {
    intent: "remove",
    userId,
    confirmed: "yes",
  });
  expect(response.status).toBe(200);
  expectMessage(await response.text(), "networks.removed");
}

async function rows(sqlText: string) {
  return app.server.queryRows<Record<string, unknown>>(app.server.rawSql(sqlText));
}

async function membership(networkId: string, userId: string) {
  const [row] = await rows(
    `select status from network_members where network_id = '${networkId}' and user_id = '${userId}'`,
  );
  return (row?.status as string | undefined) ?? null;
}

async function memberCount(networkId: string) {
  const [row] = await rows(`select member_count from networks where id = '${networkId}'`);
  return Number(row.member_count);
}

/** Leaving is what used to erase the removal: it must change nothing now. */
async function leave(rc: TestClient, networkId: string) {
  const left = await rc.post(`/networks/${networkId}`, { intent: "leave", confirmed: "yes" });
  expect(left.status).toBe(404);
  expectMessage(await left.text(), "networks.notMember");
}

async function expectRefused(response: Response) {
  expect(response.status).toBe(403);
  expectMessage(await response.text(), "networks.removedBefore");
}

async function shareableLink(fc: TestClient, networkId: string) {
  const created = await fc.post(`/networks/${networkId}/members`, {
    intent: "invite-link",
    days: "7",
  });
  return (await created.text()).match(/https?:\/\/[^<"\s]+\/invitations\/[A-Za-z0-9_-]+/)![0];
}

async function removalIdOnPage(fc: TestClient, networkId: string) {
  const html = await (await fc.get(`/networks/${networkId}/members`)).text();
  return html.match(/name="removalId" value="([0-9a-f-]{36})"/)?.[1];
}

describe("a removed member stays out", () => {
  it("of an open network, after leaving and joining again", async () => {
    const { fc, removed, rc, id } = await setUp("open");
    await remove(fc, id, removed.id);
    await leave(rc, id);
    await expectRefused(await rc.post(`/networks/${id}`, { intent: "join" }));
    expect(await membership(id, removed.id)).toBeNull();
    expect(await memberCount(id)).toBe(1);
    expect((await rc.post(`/networks/${id}`, { intent: "post", body: "Back?" })).status).toBe(403);
  });

  it("of a request network, after leaving and requesting again", async () => {
    const { fc, removed, rc, id } = await setUp("request");
    await remove(fc, id, removed.id);
    await leave(rc, id);
    await expectRefused(await rc.post(`/networks/${id}`, { intent: "join" }));
    // No request waits for a facilitator to approve by mistake.
    expect(await membership(id, removed.id)).toBeNull();
    const page = await (await fc.get(`/networks/${id}/members`)).text();
    expect(page).not.toMatch(/name="intent" value="approve"/);
  });

  it("of an invite-only network, with a shared link or an email invitation", async () => {
    const { fc, removed, rc, id } = await setUp("invite");
    const link = await shareableLink(fc, id);
    // An email invitation sent while they were still a member.
    expect(
      (await fc.post(`/networks/${id}/members`, { intent: "invite-emails", emails: removed.email }))
        .status,
    ).toBe(200);
    const mailed = app.linkIn(await app.lastMailTo(removed.email), "/invitations/");
    await remove(fc, id, removed.id);
    await leave(rc, id);
    await expectRefused(await rc.post(link, {}));
    await expectRefused(await rc.post(mailed, {}));
    expect(await membership(id, removed.id)).toBeNull();
    expect(await memberCount(id)).toBe(1);
    // A facilitator cannot invite them by mail while the removal stands (lift it first).
    const again = await fc.post(`/networks/${id}/members`, {
      intent: "invite-emails",
      emails: removed.email.toUpperCase(),
    });
    expect(again.status).toBe(409);
    expectMessage(await again.text(), "invites.removedAddress");
  });
});

describe("lifting a removal", () => {
  it("is shown to this network's facilitators, who can lift it; then the person may join", async () => {
    const { fc, removed, rc, id } = await setUp("open");
    await remove(fc, id, removed.id);
    const page = await (await fc.get(`/networks/${id}/members`)).text();
    expectMessage(page, "networks.removalsHeading");
    expect(page).toContain(escapeHtml("Rory Removed"));
    expect(page).toContain(escapeHtml("removed on"));
    expect(page).toContain(escapeHtml("Fiona Facil"));
    const removalId = await removalIdOnPage(fc, id);
    expect(removalId).toBeTruthy();

    const lifted = await fc.post(`/networks/${id}/members`, {
      intent: "lift-removal",
      removalId: removalId!,
    });
    expect(lifted.status).toBe(200);
    expectMessage(await lifted.text(), "networks.removalLifted");
    expectNoMessage(
      await (await fc.get(`/networks/${id}/members`)).text(),
      "networks.removalsHeading",
    );
    const joined = await rc.post(`/networks/${id}`, { intent: "join" });
    expect(joined.status).toBe(200);
    expectMessage(await joined.text(), "networks.joined");
    expect(await membership(id, removed.id)).toBe("active");
  });

  it("is refused to plain members and to other networks' facilitators, and a replay is harmless", async () => {
    const { fc, removed, rc, id } = await setUp("request");
    const { user: member, client: mc } = await app.signedIn();
    const { user: otherFacilitator, client: oc } = await app.signedIn();
    const { id: otherId } = await app.server.createNetwork({ facilitators: [otherFacilitator.id] });
    await app.server.queryRows(
      app.server.rawSql(
        `insert into network_members (network_id, user_id) values ('${id}', '${member.id}')`,
      ),
    );
    await remove(fc, id, removed.id);
    const removalId = (await removalIdOnPage(fc, id))!;

    // A plain member sees no removals and cannot lift one.
    const memberPage = await (await mc.get(`/networks/${id}/members`)).text();
    expectNoMessage(memberPage, "networks.removalsHeading");
    expect(memberPage).not.toContain(removalId);
    const byMember = await mc.post(`/networks/${id}/members`, {
      intent: "lift-removal",
      removalId,
    });
    expect(byMember.status).toBe(403);
    // Another network's facilitator: not on this network, and not through their own.
    const byOtherHere = await oc.post(`/networks/${id}/members`, {
      intent: "lift-removal",
      removalId,
    });
    expect(byOtherHere.status).toBe(403);
    const byOtherThere = await oc.post(`/networks/${otherId}/members`, {
      intent: "lift-removal",
      removalId,
    });
    expect(byOtherThere.status).toBe(404);
    expectMessage(await byOtherThere.text(), "networks.noSuchRemoval");
    await expectRefused(await rc.post(`/networks/${id}`, { intent: "join" }));

    // Lifted, the person asks again and is approved; then removed a second time.
    expect(
      (await fc.post(`/networks/${id}/members`, { intent: "lift-removal", removalId })).status,
    ).toBe(200);
    expect((await rc.post(`/networks/${id}`, { intent: "join" })).status).toBe(200);
    expect(
      (await fc.post(`/networks/${id}/members`, { intent: "approve", userId: removed.id })).status,
    ).toBe(200);
    await remove(fc, id, removed.id);
    // The old lift form, sent again, does not lift the new removal.
    const replay = await fc.post(`/networks/${id}/members`, { intent: "lift-removal", removalId });
    expect(replay.status).toBe(404);
    expectMessage(await replay.text(), "networks.noSuchRemoval");
    await expectRefused(await rc.post(`/networks/${id}`, { intent: "join" }));
    const malformed = await fc.post(`/networks/${id}/members`, {
      intent: "lift-removal",
      removalId: "not-an-id",
    });
    expect(malformed.status).toBe(404);
  });
});
