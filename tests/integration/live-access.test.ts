/**
 * Live streams last only as long as the viewer's access (issue 6, defect 8): they end when the
 * network stops being open to the viewer, when the session they were opened under is signed
 * out or revoked, or when the member is removed; and nobody may hold an unbounded number.
 */
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues } from "../setup/html";
import { openStream as openSseStream } from "../setup/streams";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

/** Reads the stream as this client, or as an anonymous visitor. */
function openStream(client: TestClient | null, path: string) {
  return openSseStream(new URL(path, app.url), client?.cookieHeaderForTests());
}

function networkSettings(visibility: string) {
  return {
    intent: "save",
    name: "Live Access Network",
    purpose: "Checking who may keep listening.",
    description: "",
    kind: "online",
    place: "",
    countries: ["IE"],
    languages: ["en"],
    topics: ["pricing"],
    visibility,
    memberCap: "40",
  };
}

describe("a live stream ends when access ends", () => {
  it("when an open network becomes members-only, for viewers who are not members", async () => {
    const { user: f, client: fc } = await app.signedIn({ password });
    const { user: member, client: mc } = await app.signedIn({ password });
    const { client: outsider } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({
      visibility: "open",
      facilitators: [f.id],
      members: [member.id],
    });
    const anonymous = await openStream(null, `/networks/${id}/live`);
    const signedInOutsider = await openStream(outsider, `/networks/${id}/live`);
    const memberStream = await openStream(mc, `/networks/${id}/live`);
    const saved = await fc.post(`/networks/${id}/settings`, networkSettings("request"));
    expect(saved.status).toBe(302);
    expect(await anonymous.waitForEnd()).toBe(true);
    expect(anonymous.received).toContain("event: access-ended");
    expect(await signedInOutsider.waitForEnd()).toBe(true);
    // Members keep their stream and still hear about new posts; the others no longer do.
    await fc.post(`/networks/${id}`, { intent: "post", body: "Members only from now on" });
    expect(await memberStream.waitFor("event: post")).toBe(true);
    expect(anonymous.received).not.toContain("event: post");
    expect((await fetch(new URL(`/networks/${id}/live`, app.url))).status).toBe(403);
    await memberStream.close();
  });

  it("when the session is signed out", async () => {
    const { user, client } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({ visibility: "request", members: [user.id] });
    const stream = await openStream(client, `/networks/${id}/live`);
    expect((await client.post("/signout", {})).status).toBe(302);
    expect(await stream.waitForEnd()).toBe(true);
    expect(stream.received).toContain("event: access-ended");
  });

  it("when the session is revoked from another device, or by a password change", async () => {
    const { user, client: laptop } = await app.signedIn({ password });
    const phone = app.client();
    await phone.signIn(user.email, password);
    const tablet = app.client();
    await tablet.signIn(user.email, password);
    const { id } = await app.server.createNetwork({ visibility: "invite", members: [user.id] });
    const onLaptop = await openStream(laptop, `/networks/${id}/live`);
    const onTablet = await openStream(tablet, `/networks/${id}/live`);
    const onPhone = await openStream(phone, `/networks/${id}/live`);
    // The phone signs the laptop out (the settings page names sessions by their id's start).
    const token = laptop.cookieHeaderForTests().match(/(?:^|; )sid=([^;]+)/)![1];
    const laptopSession = createHash("sha256")
      .update(decodeURIComponent(token))
      .digest("hex")
      .slice(0, 16);
    const revoked = await phone.post("/settings/account", {
      intent: "revoke",
      session: laptopSession,
    });
    expect(revoked.status).toBe(200);
    expect(await onLaptop.waitForEnd()).toBe(true);
    // A password change signs every other session out: the tablet's stream ends, the phone's not.
    const changed = await phone.post("/settings/account", {
      intent: "password",
      currentPassword: password,
      newPassword: "another long enough passphrase",
    });
    expect(changed.status).toBeLessThan(400);
    expect(await onTablet.waitForEnd()).toBe(true);
    await phone.post(`/networks/${id}`, { intent: "post", body: "Phone still hears this" });
    expect(await onPhone.waitFor("event: post")).toBe(true);
    await onPhone.close();
  });

  it("when the member is removed", async () => {
    const { user: f, client: fc } = await app.signedIn({ password });
    const { user: member, client: mc } = await app.signedIn({ password });
    const { id } = await app.server.createNetwork({
      visibility: "request",
      facilitators: [f.id],
      members: [member.id],
    });
    const stream = await openStream(mc, `/networks/${id}/live`);
    expect(
      (
        await fc.post(`/networks/${id}/members`, {
          intent: "remove",
          userId: member.id,
          confirmed: "yes",
        })
      ).status,
    ).toBe(200);
    expect(await stream.waitForEnd()).toBe(true);
    expect(stream.received).toContain("event: removed");
    expect(
      (
        await fetch(new URL(`/networks/${id}/live`, app.url), {
          headers: { cookie: mc.cookieHeaderForTests() },
        })
      ).status,
    ).toBe(403);
  });
});

describe("how many live streams one viewer may hold", () => {
  it("caps anonymous streams per address and signed-in streams per person, with a translated 429", async () => {
    const { id } = await app.server.createNetwork({ visibility: "open" });
    const anonymous = [];
    for (let i = 0; i < 20; i++) anonymous.push(await openStream(null, `/networks/${id}/live`));
    const refused = await fetch(new URL(`/networks/${id}/live`, app.url), {
      headers: { "Accept-Language": "de" },
    });
    expect(refused.status).toBe(429);
    expect(await refused.text()).toBe(catalogues.de["live.tooManyStreams"]);
    // A closed stream frees its place.
    await anonymous[0].close();
    let again = 0;
    for (let i = 0; i < 50 && again !== 200; i++) {
      const response = await fetch(new URL(`/networks/${id}/live`, app.url));
      again = response.status;
      await response.body?.cancel();
      if (again !== 200) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(again).toBe(200);
    for (const stream of anonymous.slice(1)) await stream.close();

    const { client } = await app.signedIn({ password });
    const mine = [];
    for (let i = 0; i < 10; i++) mine.push(await openStream(client, `/networks/${id}/live`));
    const eleventh = await fetch(new URL(`/networks/${id}/live`, app.url), {
      headers: { cookie: client.cookieHeaderForTests() },
    });
    expect(eleventh.status).toBe(429);
    expect(await eleventh.text()).toBe(catalogues.en["live.tooManyStreams"]);
    for (const stream of mine) await stream.close();
  });
});
