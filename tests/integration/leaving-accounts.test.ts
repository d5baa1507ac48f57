/**
 * Decision 032: the former member is named in the reader's language and never linked; a person
 * waiting for their account's deletion leaves every list of people and their profile is 404 to
 * others, while their content stays and they can still sign in and cancel.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues, escapeHtml } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: "false" });
});
afterAll(async () => {
  await app?.close();
});

const password = "a long enough passphrase";

async function post(client: TestClient, networkId: string, body: string) {
  const response = await client.post(`/networks/${networkId}`, { intent: "post", body });
  expect(response.status).toBe(302);
  return response.headers.get("location")!.split("#post-")[1];
}

describe("the former member", () => {
  it("reads “Former member” in the reader's language, without a profile link", async () => {
    const { user: leaving, client: lc } = await app.signedIn({ displayName: "Gone Person" });
    const { user: german, client: dc } = await app.signedIn({ locale: "de" });
    const { user: greek, client: ec } = await app.signedIn({ locale: "el" });
    const { id } = await app.server.createNetwork({
      visibility: "open",
      members: [leaving.id, german.id, greek.id],
    });
    const postId = await post(lc, id, "A question someone answered");
    expect(
      (await dc.post(`/networks/${id}`, { intent: "comment", postId, body: "Eine Antwort" }))
        .status,
    ).toBe(302);
    await app.server.deletePerson({ userId: leaving.id });

    const former = app.server.FORMER_MEMBER_ID;
    for (const [client, locale] of [
      [dc, "de"],
      [ec, "el"],
    ] as const) {
      for (const path of [`/networks/${id}`, `/networks/${id}/posts/${postId}`]) {
        const html = await (await client.get(path)).text();
        expect(html).toContain(escapeHtml(catalogues[locale]["people.formerMember"]));
        expect(html).not.toContain("Former member");
        expect(html).not.toContain(`/people/${former}`);
        expect(html).not.toContain("Gone Person");
      }
    }
  });
});

describe("an account waiting for deletion", () => {
  it("leaves the directory, member list and mentions, is 404 to others, keeps its posts, and comes back when cancelled", async () => {
    const { user: leaving, client: lc } = await app.signedIn({
      displayName: "Wendy Waiting",
      password,
    });
    const { client: mc } = await app.signedIn({ displayName: "Mary Member" });
    const member = await app.server.queryRows<{ id: string }>(
      app.server.rawSql(`select id from users where display_name = 'Mary Member' limit 1`),
    );
    const { id } = await app.server.createNetwork({
      visibility: "open",
      members: [leaving.id, member[0].id],
    });
    await post(lc, id, "A post by Wendy stays");
    const name = "Wendy Waiting";
    const seen = async () => ({
      directory: (await (await mc.get("/people")).text()).includes(name),
      members: (await (await mc.get(`/networks/${id}/members`)).text()).includes(name),
      profile: (await mc.get(`/people/${leaving.id}`)).status,
    });
    expect(await seen()).toEqual({ directory: true, members: true, profile: 200 });

    const asked = await lc.post("/settings/account", {
      intent: "delete-account",
      currentPassword: password,
    });
    expect(asked.status).toBe(302);
    expect(await seen()).toEqual({ directory: false, members: false, profile: 404 });
    // Their content stays as it is until the deletion runs.
    expect(await (await mc.get(`/networks/${id}`)).text()).toContain("A post by Wendy stays");
    // Nobody can mention them meanwhile: the handle stays plain text.
    const mention = await post(mc, id, "Thanks @wendy.waiting");
    const [row] = await app.server.queryRows<{ body_html: string }>(
      app.server.rawSql(`select body_html from posts where id = '${mention}'`),
    );
    expect(row.body_html).not.toContain(`/people/${leaving.id}`);
    // They still see their own profile.
    expect((await lc.get(`/people/${leaving.id}`)).status).toBe(200);

    // They can sign in again and keep the account: back everywhere.
    const again = app.client();
    await again.signIn(leaving.email, password);
    expect((await again.post("/settings/account", { intent: "cancel-deletion" })).status).toBe(302);
    expect(await seen()).toEqual({ directory: true, members: true, profile: 200 });
  });
});
