/**
 * The benchmark scenarios: each resolves, against a running server and the scale-seeded
 * database, the requests that autocannon replays (connections rotate over the list).
 */
import http from "node:http";
import type pg from "pg";
import { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } from "../app/db/seed/scale.server";
import { mentionHandle } from "../app/features/content/mentions.server";

export type BenchRequest = { path: string; headers?: Record<string, string> };

/** A signed-in session: the cookies to send, and the CSRF token forms must repeat. */
export type Session = { cookie: string; csrfToken: string; email: string };

/** What a scenario may use to find its requests. */
export type BenchContext = {
  baseUrl: string;
  db: pg.Client;
  /** A session cookie of one scale member (signed in once and shared by scenarios). */
  signedInCookie(): Promise<string>;
  /** Signs in as this scale member through the real form (once per address per run). */
  signInAs(email: string): Promise<Session>;
};

/** When a scenario meets its target at the loaded connection count. */
export type Target = { medianMs?: number; p95Ms: number };

/** The people and directory pages: median < 30 ms and p95 < 80 ms. */
export const CORE_TARGET: Target = { medianMs: 30, p95Ms: 80 };
/** The micro social network pages (issue: p95 under 50 ms at 20 clients). */
export const NETWORK_TARGET: Target = { p95Ms: 50 };

export type Figures = Record<string, number | string>;

/** Work that runs beside the measured requests (open streams, posting), with figures of its own. */
export type SideLoad = {
  /** Before the warm-up; resolves when everything is in place. */
  start(): Promise<Figures>;
  /**
   * Runs beside a measurement (`seconds` long): the one-connection probe and the loaded run,
   * so its figures can be compared with and without load.
   */
  duringLoad(seconds: number): Promise<Figures>;
  /** Always called at the end, also after a failure: closes connections, removes what it wrote. */
  stop(): Promise<void>;
};

export type Prepared = { requests: BenchRequest[]; note?: string; sideLoad?: SideLoad };

export type Scenario = {
  name: string;
  /** "core": people and directory pages; "networks": feeds, discovery and the live stream. */
  group: "core" | "networks";
  description: string;
  /** Defaults to CORE_TARGET. */
  target?: Target;
  prepare(context: BenchContext): Promise<Prepared>;
  /** A sanity check on one response body, so a blank or error page is never measured. */
  expect?: (html: string) => string | null;
};

const personLinks = /href="\/people\/[0-9a-f-]{36}"/g;
const postCards = /<article [^>]*class="post[ "]/g;
const networkLinks = /href="\/networks\/[0-9a-f-]{36}"/g;

function expectPeople(minimum: number) {
  return (html: string) => {
    const found = html.match(personLinks)?.length ?? 0;
    return found >= minimum ? null : `expected at least ${minimum} people, found ${found}`;
  };
}

function expectPosts(minimum: number) {
  return (html: string) => {
    const found = html.match(postCards)?.length ?? 0;
    return found >= minimum ? null : `expected at least ${minimum} posts, found ${found}`;
  };
}

/** The "Next page" link of a paginated page, as a path with its query string. */
export function nextPageHref(html: string, basePath = "/people"): string | null {
  const match = html.match(/<a href="(\?[^"]*)" rel="next"/);
  return match ? `${basePath}${match[1].replaceAll("&amp;", "&")}` : null;
}

/** Follows "Next page" links like a reader would, so the cursor is one the app itself issued. */
async function pageOf(options: {
  baseUrl: string;
  firstPath: string;
  page: number;
  headers?: Record<string, string>;
}): Promise<string> {
  let path = options.firstPath;
  const basePath = options.firstPath.split("?")[0];
  for (let page = 1; page < options.page; page++) {
    const response = await fetch(options.baseUrl + path, { headers: options.headers });
    if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
    const next = nextPageHref(await response.text(), basePath);
    if (!next) throw new Error(`page ${page} of ${options.firstPath} has no "Next page" link`);
    path = next;
  }
  return path;
}

// ───────────────────────────── the networks used by several scenarios ─────────────────────────────

/** An open network with a long feed, and some of its members who can sign in. */
type FeedNetwork = { id: string; name: string; posts: number; memberEmails: string[] };

const feedNetworks = new WeakMap<pg.Client, Promise<FeedNetwork>>();
/** Posts the deep-page scenario pages through (page 16 = posts 301–320). */
const DEEP_PAGE = 16;
const MIN_FEED_POSTS = 400;

/**
 * The open network the feed and live scenarios use: the first (by id) with 400–1,000 visible
 * posts (the seed's median network has about 100, the 90th percentile about 470) and at least
 * five members who can sign in. Resolved once per run.
 */
function feedNetwork(db: pg.Client): Promise<FeedNetwork> {
  let found = feedNetworks.get(db);
  if (!found) {
    found = (async () => {
      const { rows } = await db.query<{ id: string; name: string; posts: number }>(
        `select n.id, n.name, c.posts from networks n
         cross join lateral (select count(*)::int as posts from posts p
                             where p.network_id = n.id and p.deleted_at is null) c
         where n.visibility = 'open' and c.posts between $1 and 1000
           and (select count(*) from network_members m join users u on u.id = m.user_id
                where m.network_id = n.id and m.status = 'active' and m.role = 'member'
                  and u.email_verified_at is not null and u.onboarded_at is not null) >= 5
         order by n.id limit 1`,
        [MIN_FEED_POSTS],
      );
      const network = rows[0];
      if (!network) {
        throw new Error(
          `no open network with ${MIN_FEED_POSTS}+ posts: seed networks with npm run seed:scale`,
        );
      }
      const members = await db.query<{ email: string }>(
        `select u.email from network_members m join users u on u.id = m.user_id
         where m.network_id = $1 and m.status = 'active' and m.role = 'member'
           and u.email_verified_at is not null and u.onboarded_at is not null
         order by u.id limit 5`,
        [network.id],
      );
      return { ...network, memberEmails: members.rows.map((r) => r.email) };
    })();
    feedNetworks.set(db, found);
  }
  return found;
}

/** Signs in as several members of the network, so loaded requests rotate over real readers. */
async function memberRequests(context: BenchContext, network: FeedNetwork, path: string) {
  const sessions = await Promise.all(network.memberEmails.map((e) => context.signInAs(e)));
  return sessions.map((s) => ({ path, headers: { cookie: s.cookie } }));
}

// ───────────────────────────── live stream: 500 open connections ─────────────────────────────

const LIVE_STREAMS = 500;
const LIVE_OPEN_BATCH = 50;
/** How long a post may take to reach every stream before it counts as missed. */
const LIVE_DELIVERY_TIMEOUT_MS = 5000;
/** Pause between two measured posts, so deliveries do not overlap. */
const LIVE_POST_GAP_MS = 200;
/** Marks the posts the live scenario writes, so it can remove them again. */
const LIVE_SUBMISSION_PREFIX = "benchlive";

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)];
}
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type Stream = { close(): void };

/**
 * Opens one Server-Sent Events stream with node:http and reports every "post" event with the
 * moment it arrived. Resolves once the server has subscribed it (its first "retry:" line).
 */
function openStream(options: {
  url: string;
  cookie: string;
  agent: http.Agent;
  onPost: (postId: string, at: number) => void;
}): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      options.url,
      {
        agent: options.agent,
        headers: { accept: "text/event-stream", cookie: options.cookie, "accept-language": "en" },
      },
      (response) => {
        if (response.statusCode !== 200) {
          response.resume();
          reject(new Error(`GET ${options.url} answered ${response.statusCode}`));
          return;
        }
        response.setEncoding("utf8");
        let buffer = "";
        let ready = false;
        response.on("data", (chunk: string) => {
          const at = performance.now();
          buffer += chunk;
          for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n")) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (!ready && block.startsWith("retry:")) {
              ready = true;
              resolve({ close: () => request.destroy() });
              continue;
            }
            const lines = block.split("\n");
            const type = lines.find((l) => l.startsWith("event: "))?.slice(7);
            const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
            if (type === "post" && data) {
              const postId = (JSON.parse(data) as { postId?: string }).postId;
              if (postId) options.onPost(postId, at);
            }
          }
        });
        response.on("error", () => {});
      },
    );
    request.on("error", (error) => reject(error));
    request.setTimeout(15_000, () => request.destroy(new Error("stream did not open in 15 s")));
  });
}

/**
 * 500 readers keep the network's live stream open while the feed page is measured; a member
 * posts every few hundred milliseconds and the time until each stream has the event is kept.
 */
function liveSideLoad(options: {
  context: BenchContext;
  network: FeedNetwork;
  poster: Session;
  readers: Session[];
}): SideLoad {
  const { context, network, poster, readers } = options;
  const agent = new http.Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const streams: Stream[] = [];
  const received = new Map<string, number[]>();
  const onPost = (postId: string, at: number) => {
    const list = received.get(postId) ?? [];
    list.push(at);
    received.set(postId, list);
  };
  const run = Date.now().toString(36);

  async function post(round: number): Promise<{ id: string; sentAt: number; responseMs: number }> {
    const submissionKey = `${LIVE_SUBMISSION_PREFIX}-${run}-${round}`;
    const sentAt = performance.now();
    const response = await fetch(`${context.baseUrl}/networks/${network.id}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: poster.cookie,
        "accept-language": "en",
      },
      body: new URLSearchParams({
        intent: "post",
        body: `Benchmark post ${round}: is the live stream keeping up?`,
        submissionKey,
        _csrf: poster.csrfToken,
      }),
    });
    const responseMs = performance.now() - sentAt;
    await response.arrayBuffer();
    if (response.status !== 302 && response.status !== 303) {
      throw new Error(`posting in the live scenario answered ${response.status}`);
    }
    const { rows } = await context.db.query<{ id: string }>(
      "select id from posts where network_id = $1 and submission_key = $2",
      [network.id, submissionKey],
    );
    if (!rows[0]) throw new Error("the live scenario's post was not written");
    return { id: rows[0].id, sentAt, responseMs };
  }

  return {
    async start() {
      const started = performance.now();
      const url = `${context.baseUrl}/networks/${network.id}/live`;
      for (let opened = 0; opened < LIVE_STREAMS; opened += LIVE_OPEN_BATCH) {
        const batch = Array.from(
          { length: Math.min(LIVE_OPEN_BATCH, LIVE_STREAMS - opened) },
          (_, i) =>
            openStream({
              url,
              cookie: readers[(opened + i) % readers.length].cookie,
              agent,
              onPost,
            }),
        );
        streams.push(...(await Promise.all(batch)));
      }
      return { streams: streams.length, openAllMs: round(performance.now() - started) };
    },

    async duringLoad(seconds) {
      const deadline = performance.now() + seconds * 1000 - 500;
      const deliveries: number[] = [];
      const allDelivered: number[] = [];
      const spreads: number[] = [];
      const responses: number[] = [];
      let posts = 0;
      let missed = 0;
      while (performance.now() < deadline) {
        posts += 1;
        const { id, sentAt, responseMs } = await post(posts);
        responses.push(responseMs);
        const giveUp = performance.now() + LIVE_DELIVERY_TIMEOUT_MS;
        while ((received.get(id)?.length ?? 0) < streams.length && performance.now() < giveUp) {
          await sleep(2);
        }
        const arrivals = received.get(id) ?? [];
        missed += streams.length - arrivals.length;
        for (const at of arrivals) deliveries.push(at - sentAt);
        if (arrivals.length === streams.length) allDelivered.push(Math.max(...arrivals) - sentAt);
        // How long the fan-out itself takes: first stream to last stream.
        if (arrivals.length) spreads.push(Math.max(...arrivals) - Math.min(...arrivals));
        await sleep(LIVE_POST_GAP_MS);
      }
      deliveries.sort((a, b) => a - b);
      allDelivered.sort((a, b) => a - b);
      spreads.sort((a, b) => a - b);
      responses.sort((a, b) => a - b);
      return {
        posts,
        deliveries: deliveries.length,
        missedDeliveries: missed,
        deliveryMedianMs: round(percentile(deliveries, 50)),
        deliveryP95Ms: round(percentile(deliveries, 95)),
        deliveryMaxMs: round(deliveries[deliveries.length - 1] ?? Number.NaN),
        allStreamsMedianMs: round(percentile(allDelivered, 50)),
        allStreamsP95Ms: round(percentile(allDelivered, 95)),
        allStreamsMaxMs: round(allDelivered[allDelivered.length - 1] ?? Number.NaN),
        fanOutSpreadMedianMs: round(percentile(spreads, 50)),
        fanOutSpreadMaxMs: round(spreads[spreads.length - 1] ?? Number.NaN),
        postResponseMedianMs: round(percentile(responses, 50)),
        postResponseMaxMs: round(responses[responses.length - 1] ?? Number.NaN),
      };
    },

    async stop() {
      for (const stream of streams) stream.close();
      streams.length = 0;
      agent.destroy();
      // The benchmark leaves the data as the seed made it: its posts go, the activity date returns.
      await context.db.query(`delete from posts where network_id = $1 and submission_key like $2`, [
        network.id,
        `${LIVE_SUBMISSION_PREFIX}-%`,
      ]);
      await context.db.query(
        `update networks set last_activity_at = coalesce(
           (select max(created_at) from posts where network_id = $1), created_at)
         where id = $1`,
        [network.id],
      );
    },
  };
}

// ───────────────────────────── the scenarios ─────────────────────────────

export const scenarios: Scenario[] = [
  {
    name: "home",
    group: "core",
    description: "front page, anonymous: network counts and the six newest members",
    prepare: async () => ({ requests: [{ path: "/" }] }),
    expect: expectPeople(6),
  },
  {
    name: "people-first",
    group: "core",
    description: "people directory, first page, anonymous, no filters",
    prepare: async () => ({ requests: [{ path: "/people" }] }),
    expect: expectPeople(24),
  },
  {
    name: "people-page-50-filtered",
    group: "core",
    description:
      "people directory page 50, anonymous, country=DE & role=owner (cursor from 49 Next links)",
    prepare: async ({ baseUrl }) => {
      const path = await pageOf({ baseUrl, firstPath: "/people?country=DE&role=owner", page: 50 });
      return { requests: [{ path }], note: "cursor reached by following 49 Next page links" };
    },
    expect: expectPeople(24),
  },
  {
    name: "profile",
    group: "core",
    description: "a member's profile page, anonymous, rotating over 8 fully visible profiles",
    prepare: async ({ db }) => {
      // Default visibility and an active organisation: every section of the page is filled.
      const { rows } = await db.query<{ id: string }>(`
        select u.id from users u
        where u.email_verified_at is not null and u.onboarded_at is not null
          and u.visibility = '{}'::jsonb and u.headline <> '' and u.bio <> ''
          and exists (select 1 from organisation_members om
                      where om.user_id = u.id and om.status = 'active')
        order by u.id
        limit 8`);
      if (!rows.length) throw new Error("no fully visible profile found: run npm run seed:scale");
      return { requests: rows.map((r) => ({ path: `/people/${r.id}` })) };
    },
    expect: (html) => (html.includes("<h1") ? null : "no heading on the profile page"),
  },
  {
    name: "people-first-signed-in",
    group: "core",
    description: "people directory, first page, as a signed-in member",
    prepare: async (context) => {
      const cookie = await context.signedInCookie();
      return { requests: [{ path: "/people", headers: { cookie } }] };
    },
    expect: expectPeople(24),
  },
  {
    name: "home-signed-in",
    group: "core",
    description:
      "front page as a signed-in member: counts, newest members, people offering what I want",
    prepare: async (context) => {
      const cookie = await context.signedInCookie();
      return { requests: [{ path: "/", headers: { cookie } }] };
    },
    expect: expectPeople(7),
  },
  {
    name: "network-feed-first",
    group: "networks",
    target: NETWORK_TARGET,
    description: "an open network's page, first page of its feed, anonymous visitor",
    prepare: async ({ db }) => {
      const network = await feedNetwork(db);
      return {
        requests: [{ path: `/networks/${network.id}` }],
        note: `"${network.name}", ${network.posts} posts`,
      };
    },
    expect: expectPosts(20),
  },
  {
    name: "network-feed-first-member",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "the same network's first page as a signed-in member (rotating over 5 members): post form, per-post forms, live updates; the view marks the feed read when there is news",
    prepare: async (context) => {
      const network = await feedNetwork(context.db);
      return {
        requests: await memberRequests(context, network, `/networks/${network.id}`),
        note: `"${network.name}", ${network.posts} posts`,
      };
    },
    expect: expectPosts(20),
  },
  {
    name: "network-feed-deep",
    group: "networks",
    target: NETWORK_TARGET,
    description: `the same network's feed page ${DEEP_PAGE}, anonymous (cursor from ${DEEP_PAGE - 1} Next links)`,
    prepare: async ({ baseUrl, db }) => {
      const network = await feedNetwork(db);
      const path = await pageOf({ baseUrl, firstPath: `/networks/${network.id}`, page: DEEP_PAGE });
      return {
        requests: [{ path }],
        note: `posts ${(DEEP_PAGE - 1) * 20 + 1}–${DEEP_PAGE * 20} of ${network.posts}, cursor reached by following ${DEEP_PAGE - 1} Next page links`,
      };
    },
    expect: expectPosts(20),
  },
  {
    name: "home-feed-10-networks",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "front page as a signed-in member of exactly 10 networks: their networks, home feed across all 10, people offering what they want",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ email: string }>(
        `select u.email from (select user_id from network_members where status = 'active'
                              group by user_id having count(*) = 10) m
         join users u on u.id = m.user_id
         where u.email_verified_at is not null and u.onboarded_at is not null
         order by u.id limit 1`,
      );
      const email = rows[0]?.email;
      if (!email) throw new Error("no member of exactly 10 networks: run npm run seed:scale");
      const session = await context.signInAs(email);
      return { requests: [{ path: "/", headers: { cookie: session.cookie } }] };
    },
    expect: expectPosts(20),
  },
  {
    name: "discovery",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "networks page as a signed-in member: the 20 most active networks and 6 suggestions",
    prepare: async (context) => {
      const cookie = await context.signedInCookie();
      return { requests: [{ path: "/networks", headers: { cookie } }] };
    },
    expect: (html) => {
      const found = html.match(networkLinks)?.length ?? 0;
      if (found < 20) return `expected at least 20 networks, found ${found}`;
      return html.includes('id="suggested"') ? null : "no suggestions on the networks page";
    },
  },
  {
    name: "network-members-facilitator",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "a network's members page as its facilitator: members, join requests, invitations and the removals they can lift",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ id: string; name: string; email: string }>(
        `select n.id, n.name, u.email from networks n
         join network_members m on m.network_id = n.id and m.role = 'facilitator' and m.status = 'active'
         join users u on u.id = m.user_id
         where n.visibility = 'open' and u.email_verified_at is not null and u.onboarded_at is not null
         order by n.member_count desc, n.id limit 1`,
      );
      const facilitator = rows[0];
      if (!facilitator) throw new Error("no facilitator in the scale seed: run npm run seed:scale");
      const session = await context.signInAs(facilitator.email);
      return {
        requests: [
          { path: `/networks/${facilitator.id}/members`, headers: { cookie: session.cookie } },
        ],
        note: `"${facilitator.name}"`,
      };
    },
    expect: expectPeople(10),
  },
  {
    name: "live-500",
    group: "networks",
    target: NETWORK_TARGET,
    description: `the network's first page as a signed-in member while ${LIVE_STREAMS} live streams (SSE) of it stay open and a member posts every ~${LIVE_POST_GAP_MS} ms`,
    prepare: async (context) => {
      const network = await feedNetwork(context.db);
      const requests = await memberRequests(context, network, `/networks/${network.id}`);
      const readers = await Promise.all(network.memberEmails.map((e) => context.signInAs(e)));
      return {
        requests,
        note: `"${network.name}"; ${LIVE_STREAMS} streams opened from the runner with node:http`,
        sideLoad: liveSideLoad({ context, network, poster: readers[0], readers }),
      };
    },
    expect: expectPosts(20),
  },
];

/** Finds a typical onboarded scale member and signs in through the real form (CSRF included). */
export async function signInScaleMember(baseUrl: string, db: pg.Client): Promise<string> {
  const { rows } = await db.query<{ email: string }>(
    `select email from users
     where email like $1 and email_verified_at is not null and onboarded_at is not null
       and visibility = '{}'::jsonb
     order by id limit 1`,
    [`%@${SCALE_EMAIL_DOMAIN}`],
  );
  const email = rows[0]?.email;
  if (!email) throw new Error("no scale member to sign in as: run npm run seed:scale");
  return (await signIn(baseUrl, email)).cookie;
}

/** The form token a page carries (bound to the session or pre-session, decision 005). */
function formToken(html: string): string | null {
  return html.match(/name="_csrf" value="([^"]+)"/)?.[1] ?? null;
}

/** The `name=value` pairs of the cookies a response sets. */
function cookiesSet(response: Response): string[] {
  return response.headers.getSetCookie().map((c) => c.split(";")[0]);
}

/**
 * Signs in as a scale member through the real form: GET for the pre-session cookie and the
 * page's token, POST, then one page with the new session for the token its forms carry.
 */
export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const page = await fetch(`${baseUrl}/signin`);
  const preSession = cookiesSet(page).find((c) => /^(__Host-)?csrf=/.test(c));
  const token = formToken(await page.text());
  if (!preSession || !token) throw new Error("GET /signin set no csrf cookie or form token");
  const response = await fetch(`${baseUrl}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: preSession },
    body: new URLSearchParams({ email, password: SCALE_PASSWORD, _csrf: token, next: "/" }),
  });
  await response.arrayBuffer();
  const set = cookiesSet(response);
  const session = set.find((c) => c.startsWith("sid="));
  if (response.status !== 302 || !session) {
    throw new Error(`signing in as ${email} failed with status ${response.status}`);
  }
  // Signing in issues a new pre-session id, so the token changes with it.
  const csrf = set.find((c) => /^(__Host-)?csrf=/.test(c)) ?? preSession;
  const cookie = `${csrf}; ${session}`;
  const home = await fetch(`${baseUrl}/settings/account`, { headers: { cookie } });
  const csrfToken = formToken(await home.text());
  if (!csrfToken) throw new Error(`no form token on a page for ${email}`);
  return { cookie, csrfToken, email };
}

// ─────────────── notifications (issue 8): the centre, and the fan-out of a post ───────────────

/** At most this many members a fan-out post mentions (everyone else in a full 40-member network). */
const FANOUT_RECIPIENTS = 40;
/** A fan-out not complete after this long counts as missed. */
const FANOUT_TIMEOUT_MS = 10_000;
/** Pause between fan-out posts while the centre is loaded. */
const FANOUT_GAP_MS = 1_000;
const FANOUT_SUBMISSION_PREFIX = "bench-fanout";

/**
 * Posts in a network with at least 41 members, mentioning 40 of them (each with a handle of
 * their own), and measures from sending the form until all 40 notification rows exist (the
 * fan-out job has run). Removes its posts and their notifications at the end.
 */
function fanoutSideLoad(context: BenchContext): SideLoad {
  let poster: Session | undefined;
  /** Everyone else in the network with a handle of their own, up to FANOUT_RECIPIENTS. */
  let recipients = 0;
  let networkId = "";
  let mentions = "";
  const postIds: string[] = [];
  const run = Date.now().toString(36);
  let attempt = 0;

  async function fanOnce(): Promise<number | null> {
    attempt += 1;
    const submissionKey = `${FANOUT_SUBMISSION_PREFIX}-${run}-${attempt}`;
    const sentAt = performance.now();
    const response = await fetch(`${context.baseUrl}/networks/${networkId}`, {
      method: "POST",
      redirect: "manual",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        cookie: poster!.cookie,
        "accept-language": "en",
      },
      body: new URLSearchParams({
        intent: "post",
        body: `Benchmark fan-out ${attempt}: ${mentions}`,
        submissionKey,
        _csrf: poster!.csrfToken,
      }),
    });
    await response.arrayBuffer();
    if (response.status !== 302 && response.status !== 303) {
      throw new Error(`posting in the fan-out scenario answered ${response.status}`);
    }
    const { rows } = await context.db.query<{ id: string }>(
      "select id from posts where network_id = $1 and submission_key = $2",
      [networkId, submissionKey],
    );
    if (!rows[0]) throw new Error("the fan-out scenario's post was not written");
    postIds.push(rows[0].id);
    const sourceKey = `post:${rows[0].id}:mention`;
    for (;;) {
      const { rows: counted } = await context.db.query<{ n: string }>(
        "select count(*) as n from notifications where source_key = $1",
        [sourceKey],
      );
      if (Number(counted[0].n) >= recipients) return performance.now() - sentAt;
      if (performance.now() - sentAt > FANOUT_TIMEOUT_MS) return null;
      await sleep(5);
    }
  }

  async function fanRepeatedly(until: number): Promise<Figures> {
    const times: number[] = [];
    let missed = 0;
    do {
      const ms = await fanOnce();
      if (ms === null) missed += 1;
      else times.push(ms);
      await sleep(FANOUT_GAP_MS);
    } while (performance.now() < until);
    times.sort((a, b) => a - b);
    return {
      recipients,
      fanouts: times.length + missed,
      fanoutMedianMs: times.length ? round(percentile(times, 50)) : "n/a",
      fanoutMaxMs: times.length ? round(times[times.length - 1]) : "n/a",
      fanoutsMissed: missed,
    };
  }

  return {
    async start() {
      // The largest networks first; the first with 41 members whose handles are their own
      // (two people with one handle would be one mention).
      const { rows: networks } = await context.db.query<{ id: string }>(
        `select network_id as id from network_members where status = 'active'
         group by network_id having count(*) >= ${FANOUT_RECIPIENTS}
         order by count(*) desc, network_id limit 200`,
      );
      let unique: { email: string; display_name: string }[] = [];
      for (const network of networks) {
        const { rows: members } = await context.db.query<{ email: string; display_name: string }>(
          `select u.email, u.display_name from network_members m join users u on u.id = m.user_id
           where m.network_id = $1 and m.status = 'active'
             and u.email_verified_at is not null and u.onboarded_at is not null
           order by u.id`,
          [network.id],
        );
        const handles = new Map<string, number>();
        for (const m of members) {
          const handle = mentionHandle(m.display_name);
          handles.set(handle, (handles.get(handle) ?? 0) + 1);
        }
        unique = members.filter((m) => {
          const handle = mentionHandle(m.display_name);
          return handle.length >= 2 && handles.get(handle) === 1;
        });
        // Member caps are 30, 40 or 60: a full 40-member network has its poster and 39 others.
        if (unique.length >= FANOUT_RECIPIENTS) {
          networkId = network.id;
          break;
        }
      }
      if (!networkId) {
        throw new Error(
          `no network with ${FANOUT_RECIPIENTS} members of distinct handles: run npm run seed:scale`,
        );
      }
      poster = await context.signInAs(unique[0].email);
      recipients = Math.min(FANOUT_RECIPIENTS, unique.length - 1);
      mentions = unique
        .slice(1, recipients + 1)
        .map((m) => `@${mentionHandle(m.display_name)}`)
        .join(" ");
      // Alone: the first post (the job worker may be idle), then more, nothing else running.
      const first = await fanOnce();
      const alone = await fanRepeatedly(performance.now() + 2 * FANOUT_GAP_MS);
      return { firstFanoutMs: first === null ? "missed" : round(first), ...alone };
    },
    duringLoad: (seconds) => fanRepeatedly(performance.now() + seconds * 1000 - 1500),
    async stop() {
      if (postIds.length === 0) return;
      await context.db.query("delete from notifications where source_key = any($1::text[])", [
        postIds.map((id) => `post:${id}:mention`),
      ]);
      await context.db.query("delete from posts where id = any($1::uuid[])", [postIds]);
    },
  };
}

/** A centre page must show its lines (a blank or error page is never measured). */
function expectNotificationLines(min: number) {
  return (html: string) => {
    const found = html.match(/<li class="notification( unread)?"/g)?.length ?? 0;
    return found >= min ? null : `expected at least ${min} notification lines, found ${found}`;
  };
}

scenarios.push({
  name: "notification-centre",
  group: "networks",
  target: NETWORK_TARGET,
  description: `the notification centre (20 grouped lines) of the member with the most notifications, while posts mentioning everyone else (up to ${FANOUT_RECIPIENTS}) in the largest full network fan out (time until all their notifications exist, target < 1 s)`,
  prepare: async (context) => {
    const { rows } = await context.db.query<{ email: string; n: string }>(
      `select u.email, c.n from (
         select recipient_id, count(*) as n from notifications group by recipient_id
         order by count(*) desc, recipient_id limit 1) c
       join users u on u.id = c.recipient_id`,
    );
    const heaviest = rows[0];
    if (!heaviest) {
      throw new Error(
        "no notifications in the database: npm run seed:scale -- --only notifications",
      );
    }
    const session = await context.signInAs(heaviest.email);
    return {
      requests: [{ path: "/notifications", headers: { cookie: session.cookie } }],
      note: `${Number(heaviest.n).toLocaleString("en")} notifications for this member`,
      sideLoad: fanoutSideLoad(context),
    };
  },
  expect: expectNotificationLines(20),
});
