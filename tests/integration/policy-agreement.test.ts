/**
 * The network rules (app/features/networks/rules.ts) must say what the running app does: for
 * every kind of actor and network, the status and message of reading, posting, pinning and
 * joining over HTTP equal the rule's verdict. This pins today's behaviour while routes still
 * use their own assertions, and keeps it when they switch to `networkPolicy.authorize()`.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type MembershipView,
  type NetworkAction,
  type NetworkVisibility,
  networkPolicy,
} from "~/features/networks/rules";
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

beforeAll(async () => {
  const entries = await Promise.all(
    (Object.entries(specs) as Array<[Who, Spec]>).map(async ([who, spec]) => {
      if (who === "anonymous") {
        return [who, { actor: null, client: app.client(), membership: null }] as const;
      }
      const { user, client } = await app.signedIn({
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
    networksByVisibility.set(visibility, { id, postId: row.id });
  }
});

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
      (r) => r.status === 302 && /^\/networks\/[0-9a-f-]{36}$/.test(r.headers.get("location")!),
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
