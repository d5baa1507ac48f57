/**
 * The network rules (app/features/networks/rules.ts) must say what the running app does: for
 * every kind of actor and network, the status and message of reading, posting, pinning, deleting
 * and joining over HTTP equal the rule's verdict; the same for editing an organisation and for
 * the admin pages. This pins today's behaviour while routes still
 * use their own assertions, and keeps it when they switch to `networkPolicy.authorize()`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminPolicy } from "~/features/admin/rules";
import {
  type MembershipView,
  type NetworkAction,
  type NetworkVisibility,
  networkPolicy,
} from "~/features/networks/rules";
import {
  type OrganisationMembershipView,
  organisationPolicy,
} from "~/features/organisations/rules";
import type { Actor, Verdict } from "~/lib/policy";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues, escapeHtml } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

const visibilities: NetworkVisibility[] = ["open", "request", "invite", "secret"];

type Spec = {
  verified?: boolean;
  isAdmin?: boolean;
  isFacilitator?: boolean;
  /** Their place in each network under test. */
  place: "facilitator" | "member" | "pending" | "removed" | null;
};
const specs = {
  admin: { isAdmin: true, place: null },
  facilitator: { place: "facilitator" },
  facilitatorElsewhere: { isFacilitator: true, place: null },
  member: { place: "member" },
  pending: { place: "pending" },
  removed: { place: "removed" },
  nonMember: { place: null },
  unverifiedMember: { verified: false, place: "member" },
  unverified: { verified: false, place: null },
  anonymous: { place: null },
} satisfies Record<string, Spec>;
type Who = keyof typeof specs;

type Cast = Record<Who, { actor: Actor; client: TestClient; membership: MembershipView | null }>;
const networksByVisibility = new Map<NetworkVisibility, { id: string; postId: string }>();
let cast: Cast;

function membershipFor(place: Spec["place"]): MembershipView | null {
  if (place === "facilitator") return { role: "facilitator", status: "active" };
  if (place === "member") return { role: "member", status: "active" };
  if (place === "pending") return { role: "member", status: "pending" };
  if (place === "removed") return { role: "member", status: "removed" };
  return null;
}

// Ten people, five networks and their removals and posts: generous on a busy machine.
const SETUP_TIMEOUT_MS = 180_000;

beforeAll(async () => {
  // One password hash for everyone: hashing is the slow part of making people.
  const password = "agreement passphrase 1";
  const first = await app.createUser({ password });
  const [{ hash }] = await app.server.queryRows<{ hash: string }>(
    app.server.rawSql(`select password_hash as hash from users where id = '${first.id}'`),
  );
  const entries = await Promise.all(
    (Object.entries(specs) as Array<[Who, Spec]>).map(async ([who, spec]) => {
      if (who === "anonymous") {
        return [who, { actor: null, client: app.client(), membership: null }] as const;
      }
      const { user, client } = await app.signedIn({
        password,
        passwordHash: hash,
        verified: spec.verified ?? true,
        isAdmin: spec.isAdmin ?? false,
        isFacilitator: spec.isFacilitator ?? false,
      });
      const actor: Actor = {
        id: user.id,
        isAdmin: spec.isAdmin ?? false,
        isFacilitator: spec.isFacilitator ?? false,
        emailVerified: spec.verified ?? true,
      };
      return [who, { actor, client, membership: membershipFor(spec.place), user }] as const;
    }),
  );
  cast = Object.fromEntries(entries) as unknown as Cast;
  const idOf = (who: Who) => cast[who].actor?.id as string;
  // The facilitator elsewhere runs a network of their own.
  await app.server.createNetwork({ facilitators: [idOf("facilitatorElsewhere")] });
  for (const visibility of visibilities) {
    networksByVisibility.set(visibility, await networkWithEveryone(visibility));
  }
}, SETUP_TIMEOUT_MS);

/** A network where everyone in the cast has their place, with one post by the member. */
async function networkWithEveryone(visibility: NetworkVisibility) {
  const idOf = (who: Who) => cast[who].actor?.id as string;
  const { id } = await app.server.createNetwork({
    visibility,
    facilitators: [idOf("facilitator")],
    members: [idOf("member"), idOf("removed"), idOf("unverifiedMember")],
    pending: [idOf("pending")],
  });
  // Removed the way a facilitator removes, not by writing the row.
  const removal = await cast.facilitator.client.post(`/networks/${id}/members`, {
    intent: "remove",
    userId: idOf("removed"),
    confirmed: "yes",
  });
  expect(removal.status).toBe(200);
  const posted = await cast.member.client.post(`/networks/${id}`, {
    intent: "post",
    body: `Hello from a ${visibility} network.`,
  });
  expect(posted.status).toBe(302);
  const [row] = await app.server.queryRows<{ id: string }>(
    app.server.rawSql(`select id from posts where network_id = '${id}' limit 1`),
  );
  return { id, postId: row.id };
}

const show = (verdict: Verdict) =>
  verdict === true ? "ok" : `${verdict.status} ${verdict.messageKey}`;

/** What the rule says for this actor on this network. */
function ruleSays(who: Who, action: NetworkAction, visibility: NetworkVisibility) {
  const { actor, membership } = cast[who];
  const { id } = networksByVisibility.get(visibility)!;
  return networkPolicy.verdict(actor, action as "read", { id, visibility, membership });
}

/**
 * The app's answer in the rules' terms: "ok" for success, "<status> <key>" for a refusal (the
 * page shows that message), "sign-in" for the redirect anonymous writers get first.
 */
async function appSays(response: Response, success: (r: Response) => boolean, key?: string) {
  if (response.status === 302 && response.headers.get("location")?.startsWith("/signin")) {
    return "sign-in";
  }
  if (success(response)) return "ok";
  const html = await response.text();
  const shown = key !== undefined && html.includes(escapeHtml(catalogues.en[key] ?? key));
  return `${response.status} ${shown ? key : "(another message)"}`;
}

async function compare(
  action: NetworkAction,
  request: (client: TestClient, network: { id: string; postId: string }) => Promise<Response>,
  success: (r: Response) => boolean,
) {
  const mismatches: string[] = [];
  for (const who of Object.keys(specs) as Who[]) {
    for (const visibility of visibilities) {
      const verdict = ruleSays(who, action, visibility);
      const network = networksByVisibility.get(visibility)!;
      const response = await request(cast[who].client, network);
      const actual = await appSays(
        response,
        success,
        verdict === true ? undefined : verdict.messageKey,
      );
      // Routes send nobody-signed-in to sign-in before any rule runs.
      const expected = who === "anonymous" && action !== "read" ? "sign-in" : show(verdict);
      if (actual !== expected) {
        mismatches.push(`${who} on ${visibility}: rule ${expected}, app ${actual}`);
      }
    }
  }
  expect(mismatches).toEqual([]);
}

describe("the network rules agree with the app", () => {
  it("read: the members page", async () => {
    await compare(
      "read",
      (client, { id }) => client.get(`/networks/${id}/members`),
      (r) => r.status === 200,
    );
  });

  it("post: writing in the feed", async () => {
    await compare(
      "post",
      (client, { id }) => client.post(`/networks/${id}`, { intent: "post", body: "Agreement." }),
      (r) =>
        r.status === 302 &&
        /^\/networks\/[0-9a-f-]{36}\?posted=[0-9a-f-]{36}#post-[0-9a-f-]{36}$/.test(
          r.headers.get("location")!,
        ),
    );
  });

  it("moderate: pinning a post", async () => {
    await compare(
      "moderate",
      (client, { id, postId }) => client.post(`/networks/${id}`, { intent: "pin", postId }),
      (r) => r.status === 200,
    );
  });

  // Last: joining changes memberships.
  it("join: joining or asking to join", async () => {
    await compare(
      "join",
      (client, { id }) => client.post(`/networks/${id}`, { intent: "join" }),
      (r) => r.status === 200,
    );
  });
});

describe("the content rules agree with the app", () => {
  it("deleteContent: deleting a post someone else wrote, or one's own", async () => {
    // A network of its own: the join test above let outsiders into the first ones.
    const { id } = await networkWithEveryone("open");
    const author = cast.member;
    const mismatches: string[] = [];
    for (const who of Object.keys(specs) as Who[]) {
      // A fresh post by the member for every try, since a success deletes it.
      const body = `To delete, tried by ${who}.`;
      expect((await author.client.post(`/networks/${id}`, { intent: "post", body })).status).toBe(
        302,
      );
      const [row] = await app.server.queryRows<{ id: string }>(
        app.server.rawSql(`select id from posts where body = '${body}'`),
      );
      const { actor, membership } = cast[who];
      const verdict = networkPolicy.verdict(actor, "deleteContent", {
        network: { id, visibility: "open", membership },
        authorId: author.actor!.id,
      });
      const response = await cast[who].client.post(`/networks/${id}`, {
        intent: "delete-post",
        postId: row.id,
        confirmed: "yes",
      });
      const actual = await appSays(
        response,
        (r) => r.status === 200,
        verdict === true ? undefined : verdict.messageKey,
      );
      const expected = who === "anonymous" ? "sign-in" : show(verdict);
      if (actual !== expected) mismatches.push(`${who}: rule ${expected}, app ${actual}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("the organisation and admin rules agree with the app", () => {
  const places: Record<Who, OrganisationMembershipView | null> = {
    admin: null,
    facilitator: { role: "admin", status: "active" },
    facilitatorElsewhere: null,
    member: { role: "member", status: "active" },
    pending: { role: "member", status: "pending" },
    removed: { role: "admin", status: "pending" },
    nonMember: null,
    unverifiedMember: { role: "admin", status: "active" },
    unverified: null,
    anonymous: null,
  };

  it("edit: the organisation's edit page", async () => {
    const members = (Object.keys(places) as Who[]).flatMap((who) => {
      const place = places[who];
      const actor = cast[who].actor;
      return place && actor ? [{ userId: actor.id, ...place }] : [];
    });
    const { id } = await app.server.createOrganisation({ members });
    const mismatches: string[] = [];
    for (const who of Object.keys(specs) as Who[]) {
      const verdict = organisationPolicy.verdict(cast[who].actor, "edit", {
        id,
        membership: places[who],
      });
      const response = await cast[who].client.get(`/organisations/${id}/edit`);
      const actual = await appSays(
        response,
        (r) => r.status === 200,
        verdict === true ? undefined : verdict.messageKey,
      );
      const expected = who === "anonymous" ? "sign-in" : show(verdict);
      if (actual !== expected) mismatches.push(`${who}: rule ${expected}, app ${actual}`);
    }
    expect(mismatches).toEqual([]);
  });

  it("seePeople and manageInstallationSettings: the admin pages", async () => {
    const mismatches: string[] = [];
    for (const [action, path] of [
      ["seePeople", "/admin/users"],
      ["manageInstallationSettings", "/admin/settings"],
    ] as const) {
      for (const who of Object.keys(specs) as Who[]) {
        const verdict = adminPolicy.verdict(cast[who].actor, action, undefined);
        const response = await cast[who].client.get(path);
        const actual = await appSays(
          response,
          (r) => r.status === 200,
          verdict === true ? undefined : verdict.messageKey,
        );
        const expected = who === "anonymous" ? "sign-in" : show(verdict);
        if (actual !== expected)
          mismatches.push(`${action} ${who}: rule ${expected}, app ${actual}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});
