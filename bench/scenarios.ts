/**
 * The benchmark scenarios: each resolves, against a running server and the scale-seeded
 * database, the requests that autocannon replays (connections rotate over the list).
 */
import http from "node:http";
import type pg from "pg";
import { demoPeople } from "../app/db/seed/demo-data";
import { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD } from "../app/db/seed/scale.server";
import { mentionHandle } from "../app/features/content/mentions.server";
import { FEED_PAGE_SIZE } from "../app/features/networks/posts.server";

export { DEMO_PASSWORD } from "../app/db/seed/demo.server";

export type BenchRequest = { path: string; headers?: Record<string, string> };

/** A signed-in session: the cookies to send, and the CSRF token forms must repeat. */
export type Session = { cookie: string; csrfToken: string; email: string };

/** What a scenario may use to find its requests. */
export type BenchContext = {
  baseUrl: string;
  db: pg.Client;
  /**
   * Session cookies of `count` different onboarded scale members (signed in once per run and
   * shared by scenarios), so signed-in pages rotate over many people's pages.
   */
  signedInCookies(count: number): Promise<string[]>;
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
  /**
   * "core": people and directory pages; "networks": feeds, discovery and the live stream (both
   * on the scale-seeded PostgreSQL server); "embedded": the main pages on the embedded
   * database with the demo data, found by following the app's own links; "conversations":
   * the inbox and a long conversation (scale seed); "events": event pages (scale seed's events);
   * "needs": the needs radar and its distance index (scale seed's needs, issue 10);
   * "learning": the library and a course page with progress (scale seed's learning, issue 11).
   * "partnering": opportunity search, explained matches and a partnering day (issue 12).
   */
  group:
    | "core"
    | "networks"
    | "embedded"
    | "conversations"
    | "events"
    | "needs"
    | "learning"
    | "partnering";
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
/** The feed page the deep-page scenario pages through (page 16: posts 91–96 at six a page). */
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

/** How many pages, networks and sessions the scenarios rotate over. */
const SPREAD_PROFILES = 300;
const SPREAD_NETWORKS = 200;
const SPREAD_SESSIONS = 25;
const SPREAD_DEEP = 10;
/** Demo members signed in on the embedded server. */
const EMBEDDED_SESSIONS = 10;

type OpenNetwork = { id: string; posts: number; memberEmail?: string };

/**
 * Open networks with at least `minPosts` visible posts, spread over the id range (every n-th),
 * and with `withMember` one active member of each who can sign in.
 */
async function openNetworks(
  db: pg.Client,
  options: { count: number; minPosts: number; withMember?: boolean },
): Promise<OpenNetwork[]> {
  const { rows } = await db.query<OpenNetwork & { member_email: string | null }>(
    `with candidates as (
       select n.id, c.posts, row_number() over (order by n.id) as i, count(*) over () as total
       from networks n
       cross join lateral (select count(*)::int as posts from posts p
                           where p.network_id = n.id and p.deleted_at is null) c
       where n.visibility = 'open' and c.posts >= $2)
     select c.id, c.posts, m.email as member_email from candidates c
     left join lateral (
       select u.email from network_members nm join users u on u.id = nm.user_id
       where $3 and nm.network_id = c.id and nm.status = 'active' and nm.role = 'member'
         and u.email_verified_at is not null and u.onboarded_at is not null
       order by u.id limit 1) m on true
     where ($3 = false or m.email is not null)
       and c.i % greatest(1, c.total / ($1 * 2)) = 0
     order by c.id limit $1`,
    [options.count, options.minPosts, options.withMember ?? false],
  );
  if (rows.length < Math.min(options.count, 5)) {
    throw new Error(
      `only ${rows.length} open networks with ${options.minPosts}+ posts: run npm run seed:scale`,
    );
  }
  return rows.map((r) => ({ id: r.id, posts: r.posts, memberEmail: r.member_email ?? undefined }));
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
  // Counts across the probe and the loaded run: a submission key used twice would give back
  // the first post ("create once"), whose deliveries arrived before the second send.
  let sent = 0;

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
    // A post whose events arrived before it was sent is not this post: measuring from it gave
    // one run negative delivery times. Say so rather than report a figure that cannot be.
    const early = (received.get(rows[0].id) ?? []).filter((at) => at < sentAt).length;
    if (early > 0) {
      throw new Error(
        `the live scenario's post ${rows[0].id} (key ${submissionKey}) had ${early} deliveries before it was sent`,
      );
    }
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
        sent += 1;
        const { id, sentAt, responseMs } = await post(sent);
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

// ───────────────────────────── conversations (issue 8) ─────────────────────────────

const conversationLinks = /href="\/conversations\/[0-9a-f-]{36}"/g;
const messageArticles = /<article id="message-[0-9a-f-]{36}"/g;

/** The seed's long conversation (5,000 messages): the first one `loadConversations` writes. */
const LONG_CONVERSATION = "md5('synergy-conversation-0')::uuid";

/**
 * The conversation list and a long conversation's latest page, each as signed-in participants
 * (pages p95 < 50 ms at 20 connections). Needs the conversations of the scale seed
 * (`npm run seed:scale -- --only conversations` adds them to an existing bench database).
 */
const conversationScenarios: Scenario[] = [
  {
    name: "conversations-list",
    group: "conversations",
    target: NETWORK_TARGET,
    description:
      "the inbox (/conversations) of the 5 people with the most conversations, first page (up to 20)",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ email: string; n: number }>(
        `select u.email, count(*)::int as n from conversation_participants p
         join users u on u.id = p.user_id
         where p.folder = 'inbox' and p.status = 'active'
         group by u.id, u.email order by count(*) desc, u.id limit 5`,
      );
      if (!rows.length) {
        throw new Error("no conversations: run npm run seed:scale -- --only conversations");
      }
      const sessions = await Promise.all(rows.map((r) => context.signInAs(r.email)));
      return {
        requests: sessions.map((s) => ({ path: "/conversations", headers: { cookie: s.cookie } })),
        note: `inboxes of ${rows.map((r) => r.n).join(", ")} conversations`,
      };
    },
    expect: (html) => {
      const found = html.match(conversationLinks)?.length ?? 0;
      // At 3 conversations per member the busiest inboxes hold about 15 (less than a page).
      return found >= 10 ? null : `expected at least 10 conversations, found ${found}`;
    },
  },
  {
    name: "conversation-5000-latest",
    group: "conversations",
    target: NETWORK_TARGET,
    description:
      "a conversation with 5,000 messages, latest page (30 messages), as its participants",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ id: string; email: string; n: number }>(
        `select c.id, u.email,
           (select count(*)::int from messages m where m.conversation_id = c.id) as n
         from conversations c
         join conversation_participants p on p.conversation_id = c.id and p.status = 'active'
         join users u on u.id = p.user_id
         where c.id = ${LONG_CONVERSATION}`,
      );
      if (!rows.length) {
        throw new Error("no long conversation: run npm run seed:scale -- --only conversations");
      }
      const sessions = await Promise.all(rows.map((r) => context.signInAs(r.email)));
      return {
        requests: sessions.map((s) => ({
          path: `/conversations/${rows[0].id}`,
          headers: { cookie: s.cookie },
        })),
        note: `${rows[0].n} messages, ${rows.length} participants`,
      };
    },
    expect: (html) => {
      const found = html.match(messageArticles)?.length ?? 0;
      return found === 30 ? null : `expected 30 messages, found ${found}`;
    },
  },
];

// ─────────────── calendars (issue 9): the personal agenda and the subscription feed ───────────────

const agendaEventLinks = /href="\/networks\/[0-9a-f-]{36}\/events\/[0-9a-f-]{36}"/g;
/** Members whose agenda and feed are measured. */
const AGENDA_MEMBERS = 5;

/**
 * Scale members in at least 10 networks whose networks have upcoming events, the busiest
 * first (found once per run and shared by both scenarios).
 */
const calendarMembers = new WeakMap<pg.Client, Promise<{ email: string; upcoming: number }[]>>();
function membersOfTenNetworks(db: pg.Client) {
  let found = calendarMembers.get(db);
  if (!found) {
    found = db
      .query<{ email: string; upcoming: number }>(
        `with busy as (
           select m.user_id from network_members m
           where m.status = 'active'
           group by m.user_id having count(*) >= 10
         )
         select u.email,
           (select count(*)::int from events e
             where e.network_id in (select m.network_id from network_members m
                                    where m.user_id = u.id and m.status = 'active')
               and e.ends_at > now()) as upcoming
         from busy b join users u on u.id = b.user_id
         where u.email like $1 and u.email_verified_at is not null
         order by upcoming desc, u.id
         limit $2`,
        [`%@${SCALE_EMAIL_DOMAIN}`, AGENDA_MEMBERS],
      )
      .then(({ rows }) => {
        const withEvents = rows.filter((r) => r.upcoming > 0);
        if (!withEvents.length) {
          throw new Error("no member of 10 networks with upcoming events: run npm run seed:scale");
        }
        return withEvents;
      });
    calendarMembers.set(db, found);
  }
  return found;
}

/** Makes a subscription URL for a signed-in member through the settings form; its path. */
async function subscriptionPath(baseUrl: string, session: Session): Promise<string> {
  const response = await fetch(`${baseUrl}/settings/calendar`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: session.cookie,
      "accept-language": "en",
    },
    body: new URLSearchParams({ intent: "create", _csrf: session.csrfToken }),
  });
  const url = (await response.text()).match(
    /https?:\/\/[^"\s]+\/calendar\/[A-Za-z0-9_-]{43}\.ics/,
  )?.[0];
  if (response.status !== 200 || !url) {
    throw new Error(`making a calendar subscription answered ${response.status}`);
  }
  return new URL(url).pathname;
}

const eventScenarios: Scenario[] = [
  {
    name: "events-agenda",
    group: "events",
    target: NETWORK_TARGET,
    description:
      "the personal agenda (/agenda, upcoming, first page of 20) of members of 10 or more networks",
    prepare: async (context) => {
      const members = await membersOfTenNetworks(context.db);
      const sessions = await Promise.all(members.map((m) => context.signInAs(m.email)));
      return {
        requests: sessions.map((s) => ({ path: "/agenda", headers: { cookie: s.cookie } })),
        note: `${members.length} members, upcoming events in their networks: ${members.map((m) => m.upcoming).join(", ")}`,
      };
    },
    expect: (html) => (html.match(agendaEventLinks)?.length ? null : "no events in the agenda"),
  },
  {
    name: "calendar-feed-10-networks",
    group: "events",
    target: NETWORK_TARGET,
    description:
      "the private calendar feed (/calendar/<token>.ics, no session) of members of 10 or more networks",
    prepare: async (context) => {
      const members = await membersOfTenNetworks(context.db);
      const sessions = await Promise.all(members.map((m) => context.signInAs(m.email)));
      // Making a URL replaces the member's earlier one: nobody else uses the scale members' feeds.
      const paths = await Promise.all(sessions.map((s) => subscriptionPath(context.baseUrl, s)));
      return {
        requests: paths.map((path) => ({ path })),
        note: `${members.length} feeds, upcoming events: ${members.map((m) => m.upcoming).join(", ")}`,
      };
    },
    expect: (text) =>
      text.startsWith("BEGIN:VCALENDAR") && text.includes("BEGIN:VEVENT")
        ? null
        : "not a calendar with events",
  },
];

/** The needs radar's target (issue 10): p95 under 100 ms at 20 connections. */
export const RADAR_TARGET: Target = { p95Ms: 100 };

/** Educators in the most networks (their radar counts the most network needs). */
async function radarEducators(db: pg.Client, count: number) {
  const { rows } = await db.query<{ email: string }>(
    `select u.email from users u join network_members nm on nm.user_id = u.id and nm.status = 'active'
     where u.role = 'educator' and u.email like $1
     group by u.id, u.email order by count(*) desc, u.id limit $2`,
    [`%@${SCALE_EMAIL_DOMAIN}`, count],
  );
  if (rows.length === 0) throw new Error("no scale educator in a network: run the scale seed");
  return rows;
}

const expectRadar = (html: string) =>
  html.includes('href="/radar.csv') && html.includes('class="chart ') && html.includes("<svg")
    ? null
    : "no radar figures on the page";

const needScenarios: Scenario[] = [
  {
    name: "radar",
    group: "needs",
    target: RADAR_TARGET,
    description:
      "the needs radar (/radar: last 12 months, no filter) of 10 educators in many networks",
    prepare: async (context) => {
      const educators = await radarEducators(context.db, 10);
      const sessions = await Promise.all(educators.map((e) => context.signInAs(e.email)));
      return {
        requests: sessions.map((s) => ({ path: "/radar", headers: { cookie: s.cookie } })),
        note: `${sessions.length} educators`,
      };
    },
    expect: expectRadar,
  },
  {
    name: "radar-filtered",
    group: "needs",
    target: RADAR_TARGET,
    description:
      "the needs radar filtered by one of the 10 countries with most open needs and the last 6 months",
    prepare: async (context) => {
      const educators = await radarEducators(context.db, 10);
      const sessions = await Promise.all(educators.map((e) => context.signInAs(e.email)));
      const { rows } = await context.db.query<{ country: string }>(
        `select country from needs where status = 'open' and country is not null
         group by country order by count(*) desc limit 10`,
      );
      if (rows.length === 0) throw new Error("no needs: run the scale seed with --needs");
      return {
        requests: sessions.flatMap((s) =>
          rows.map((r) => ({
            path: `/radar?country=${r.country}&period=6`,
            headers: { cookie: s.cookie },
          })),
        ),
        note: `${sessions.length} educators × ${rows.length} countries`,
      };
    },
    expect: expectRadar,
  },
  {
    name: "radar-distance-by-topic",
    group: "needs",
    target: RADAR_TARGET,
    description:
      "the distance index and its trend for one of the 20 most asked topics (/radar?topic=…&period=all)",
    prepare: async (context) => {
      const educators = await radarEducators(context.db, 5);
      const sessions = await Promise.all(educators.map((e) => context.signInAs(e.email)));
      const { rows } = await context.db.query<{ topic: string }>(
        `select topic from needs where status = 'open' and topic is not null
         group by topic order by sum(weight) desc limit 20`,
      );
      if (rows.length === 0) throw new Error("no needs: run the scale seed with --needs");
      return {
        requests: sessions.flatMap((s) =>
          rows.map((r) => ({
            path: `/radar?topic=${encodeURIComponent(r.topic)}&period=all`,
            headers: { cookie: s.cookie },
          })),
        ),
        note: `${sessions.length} educators × ${rows.length} topics`,
      };
    },
    expect: expectRadar,
  },
];

export const scenarios: Scenario[] = [
  {
    name: "admin-users-search",
    group: "core",
    description:
      "admin users page (/admin/users) as an admin: a name search with a role filter over the 20 most common surnames, then page 2 of the unfiltered list",
    prepare: async ({ db, baseUrl, signInAs }) => {
      // The scale seed has no admin: the first verified member (by id) becomes one, once.
      const { rows: admins } = await db.query<{ email: string }>(
        `update users set is_admin = true
         where id = (select id from users where email_verified_at is not null order by id limit 1)
         returning email`,
      );
      const session = await signInAs(admins[0].email);
      const { rows: names } = await db.query<{ surname: string }>(
        `select split_part(display_name, ' ', 2) as surname from users
         group by 1 order by count(*) desc, 1 limit 20`,
      );
      const headers = { cookie: session.cookie };
      const second = await pageOf({ baseUrl, firstPath: "/admin/users", page: 2, headers });
      return {
        requests: [
          ...names.map((n, i) => ({
            path: `/admin/users?${new URLSearchParams({ q: n.surname, role: i % 2 ? "owner" : "educator" })}`,
            headers,
          })),
          { path: second, headers },
        ],
        note: `${names.length} surnames, one admin`,
      };
    },
    expect: (html) => (html.includes('data-person-name="') ? null : "expected people in the table"),
  },
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
    description: `a member's profile page, anonymous, rotating over ${SPREAD_PROFILES} fully visible profiles`,
    prepare: async ({ db }) => {
      // Default visibility and an active organisation: every section of the page is filled.
      const { rows } = await db.query<{ id: string }>(`
        select u.id from users u
        where u.email_verified_at is not null and u.onboarded_at is not null
          and u.visibility = '{}'::jsonb and u.headline <> '' and u.bio <> ''
          and exists (select 1 from organisation_members om
                      where om.user_id = u.id and om.status = 'active')
        order by u.id
        limit ${SPREAD_PROFILES}`);
      if (!rows.length) throw new Error("no fully visible profile found: run npm run seed:scale");
      return { requests: rows.map((r) => ({ path: `/people/${r.id}` })) };
    },
    expect: (html) => (html.includes("<h1") ? null : "no heading on the profile page"),
  },
  {
    name: "people-first-signed-in",
    group: "core",
    description: "people directory, first page, as a signed-in member (rotating over members)",
    prepare: async (context) => {
      const cookies = await context.signedInCookies(SPREAD_SESSIONS);
      return { requests: cookies.map((cookie) => ({ path: "/people", headers: { cookie } })) };
    },
    expect: expectPeople(24),
  },
  {
    name: "home-signed-in",
    group: "core",
    description:
      "front page as a signed-in member (rotating over members): counts, newest members, people offering what I want",
    prepare: async (context) => {
      const cookies = await context.signedInCookies(SPREAD_SESSIONS);
      return { requests: cookies.map((cookie) => ({ path: "/", headers: { cookie } })) };
    },
    expect: expectPeople(7),
  },
  {
    name: "network-feed-first",
    group: "networks",
    target: NETWORK_TARGET,
    description: `an open network's page, first page of its feed, anonymous visitor, rotating over ${SPREAD_NETWORKS} networks`,
    prepare: async ({ db }) => {
      const networks = await openNetworks(db, { count: SPREAD_NETWORKS, minPosts: 25 });
      return {
        requests: networks.map((n) => ({ path: `/networks/${n.id}` })),
        note: `${networks.length} open networks with ${Math.min(...networks.map((n) => n.posts))}–${Math.max(...networks.map((n) => n.posts))} posts`,
      };
    },
    expect: expectPosts(FEED_PAGE_SIZE),
  },
  {
    name: "network-feed-first-member",
    group: "networks",
    target: NETWORK_TARGET,
    description: `a network's first page as a signed-in member, rotating over ${SPREAD_SESSIONS} networks and one member of each: post form, per-post forms, live updates; the view marks the feed read when there is news`,
    prepare: async (context) => {
      const networks = await openNetworks(context.db, {
        count: SPREAD_SESSIONS,
        minPosts: 25,
        withMember: true,
      });
      const sessions = await Promise.all(
        networks.map((n) => context.signInAs(n.memberEmail ?? "")),
      );
      return {
        requests: networks.map((n, i) => ({
          path: `/networks/${n.id}`,
          headers: { cookie: sessions[i].cookie },
        })),
        note: `${networks.length} networks, ${Math.min(...networks.map((n) => n.posts))}–${Math.max(...networks.map((n) => n.posts))} posts`,
      };
    },
    expect: expectPosts(FEED_PAGE_SIZE),
  },
  {
    name: "network-feed-deep",
    group: "networks",
    target: NETWORK_TARGET,
    description: `feed page ${DEEP_PAGE} of ${SPREAD_DEEP} open networks, anonymous (cursors from ${DEEP_PAGE - 1} Next links each)`,
    prepare: async ({ baseUrl, db }) => {
      const networks = await openNetworks(db, {
        count: SPREAD_DEEP,
        minPosts: DEEP_PAGE * FEED_PAGE_SIZE + 5,
      });
      const paths = await Promise.all(
        networks.map((n) => pageOf({ baseUrl, firstPath: `/networks/${n.id}`, page: DEEP_PAGE })),
      );
      return {
        requests: paths.map((path) => ({ path })),
        note: `posts ${(DEEP_PAGE - 1) * FEED_PAGE_SIZE + 1}–${DEEP_PAGE * FEED_PAGE_SIZE} of each, cursor reached by following ${DEEP_PAGE - 1} Next page links`,
      };
    },
    expect: expectPosts(FEED_PAGE_SIZE),
  },
  {
    name: "home-feed-10-networks",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "front page as a signed-in member of exactly 10 networks (rotating over members): their networks, home feed across all 10, people offering what they want",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ email: string }>(
        `select u.email from (select user_id from network_members where status = 'active'
                              group by user_id having count(*) = 10) m
         join users u on u.id = m.user_id
         where u.email_verified_at is not null and u.onboarded_at is not null
         order by u.id limit $1`,
        [SPREAD_SESSIONS],
      );
      if (!rows.length) throw new Error("no member of exactly 10 networks: run npm run seed:scale");
      const sessions = await Promise.all(rows.map((r) => context.signInAs(r.email)));
      return {
        requests: sessions.map((s) => ({ path: "/", headers: { cookie: s.cookie } })),
        note: `${sessions.length} members`,
      };
    },
    expect: expectPosts(FEED_PAGE_SIZE),
  },
  {
    name: "discovery",
    group: "networks",
    target: NETWORK_TARGET,
    description:
      "networks page as a signed-in member (rotating over members): the 20 most active networks and 6 suggestions",
    prepare: async (context) => {
      const cookies = await context.signedInCookies(SPREAD_SESSIONS);
      return { requests: cookies.map((cookie) => ({ path: "/networks", headers: { cookie } })) };
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
      "a network's members page as its facilitator (rotating over networks): members, join requests, invitations and the removals they can lift",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ id: string; name: string; email: string }>(
        `select n.id, n.name, u.email from networks n
         join network_members m on m.network_id = n.id and m.role = 'facilitator' and m.status = 'active'
         join users u on u.id = m.user_id
         where n.visibility = 'open' and u.email_verified_at is not null and u.onboarded_at is not null
         order by n.member_count desc, n.id limit $1`,
        [SPREAD_SESSIONS],
      );
      if (!rows.length) throw new Error("no facilitator in the scale seed: run npm run seed:scale");
      const sessions = await Promise.all(rows.map((r) => context.signInAs(r.email)));
      return {
        requests: rows.map((r, i) => ({
          path: `/networks/${r.id}/members`,
          headers: { cookie: sessions[i].cookie },
        })),
        note: `${rows.length} of the largest open networks`,
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
    expect: expectPosts(FEED_PAGE_SIZE),
  },
  // ─────────── embedded database (PGlite) with the demo data: pages found by following links ───────────
  {
    name: "embedded-home",
    group: "embedded",
    description: "front page, anonymous, embedded database with the demo data",
    prepare: async () => ({ requests: [{ path: "/" }] }),
    expect: expectPeople(6),
  },
  {
    name: "embedded-people",
    group: "embedded",
    description: "people directory, first page, anonymous, embedded database",
    prepare: async () => ({ requests: [{ path: "/people" }] }),
    expect: expectPeople(20),
  },
  {
    name: "embedded-profile",
    group: "embedded",
    description: "every profile linked from the first people page, anonymous, embedded database",
    prepare: async ({ baseUrl }) => {
      const ids = await linkedIds(baseUrl, "/people", personLinks);
      return { requests: ids.map((id) => ({ path: `/people/${id}` })) };
    },
    expect: (html) => (html.includes("<h1") ? null : "no heading on the profile page"),
  },
  {
    name: "embedded-network-feed",
    group: "embedded",
    description:
      "every network listed on /networks, first page of its feed, anonymous, embedded database",
    prepare: async ({ baseUrl }) => {
      const ids = await linkedIds(baseUrl, "/networks", networkLinks);
      // Networks that show their feed to visitors (the others answer with their door page).
      const requests: BenchRequest[] = [];
      for (const id of ids) {
        const html = await (await fetch(`${baseUrl}/networks/${id}`)).text();
        if (html.match(postCards)?.length) requests.push({ path: `/networks/${id}` });
      }
      return { requests, note: `${requests.length} of the ${ids.length} networks listed` };
    },
    expect: (html) => (html.match(postCards)?.length ? null : "no posts on the network page"),
  },
  {
    name: "embedded-home-signed-in",
    group: "embedded",
    description: `front page as ${EMBEDDED_SESSIONS} demo members (their networks, home feed), embedded database`,
    prepare: async (context) => {
      const sessions = await embeddedSessions(context);
      return { requests: sessions.map((s) => ({ path: "/", headers: { cookie: s.cookie } })) };
    },
    expect: expectPeople(1),
  },
  {
    name: "embedded-network-feed-member",
    group: "embedded",
    description: `the first network on each of ${EMBEDDED_SESSIONS} demo members' front page, as that member, embedded database`,
    prepare: async (context) => {
      const sessions = await embeddedSessions(context);
      const requests: BenchRequest[] = [];
      for (const session of sessions) {
        const headers = { cookie: session.cookie };
        const home = await fetch(`${context.baseUrl}/`, { headers });
        const id = (await home.text()).match(/href="\/networks\/([0-9a-f-]{36})"/)?.[1];
        if (id) requests.push({ path: `/networks/${id}`, headers });
      }
      if (!requests.length) throw new Error("no demo member has a network on the front page");
      return { requests, note: `${requests.length} members` };
    },
    expect: (html) => (html.match(postCards)?.length ? null : "no posts on the network page"),
  },
  ...conversationScenarios,
  ...eventScenarios,
  ...needScenarios,
];

function embeddedSessions(context: BenchContext): Promise<Session[]> {
  return Promise.all(
    demoPeople.slice(1, 1 + EMBEDDED_SESSIONS).map((p) => context.signInAs(p.email)),
  );
}

/** The distinct ids a page links to, in page order. */
async function linkedIds(baseUrl: string, path: string, links: RegExp): Promise<string[]> {
  const html = await (await fetch(baseUrl + path)).text();
  const ids = [...new Set((html.match(links) ?? []).map((l) => l.slice(-37, -1)))];
  if (!ids.length) throw new Error(`no links found on ${path}`);
  return ids;
}

/**
 * Finds `count` typical onboarded scale members and signs each in through the real form (CSRF
 * included); returns their cookies.
 */
export async function signInScaleMembers(
  baseUrl: string,
  db: pg.Client,
  count: number,
  signInAs: (email: string) => Promise<Session>,
): Promise<string[]> {
  const { rows } = await db.query<{ email: string }>(
    `select email from users
     where email like $1 and email_verified_at is not null and onboarded_at is not null
       and visibility = '{}'::jsonb
     order by id limit $2`,
    [`%@${SCALE_EMAIL_DOMAIN}`, count],
  );
  if (!rows.length)
    throw new Error(`no scale member to sign in as at ${baseUrl}: run npm run seed:scale`);
  const sessions = await Promise.all(rows.map((r) => signInAs(r.email)));
  return sessions.map((s) => s.cookie);
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
export async function signIn(
  baseUrl: string,
  email: string,
  password = SCALE_PASSWORD,
): Promise<Session> {
  const page = await fetch(`${baseUrl}/signin`);
  const preSession = cookiesSet(page).find((c) => /^(__Host-)?csrf=/.test(c));
  const token = formToken(await page.text());
  if (!preSession || !token) throw new Error("GET /signin set no csrf cookie or form token");
  const response = await fetch(`${baseUrl}/signin`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: preSession },
    body: new URLSearchParams({ email, password, _csrf: token, next: "/" }),
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

// ───────────────────────────── events (issue 9) ─────────────────────────────

/** Events on one page of a network's list (listNetworkEvents' limit). */
const EVENTS_PAGE_SIZE = 50;
const eventCards = /<a href="\/networks\/[0-9a-f-]{36}\/events\/[0-9a-f-]{36}"/g;

scenarios.push({
  name: "network-events-large",
  group: "events",
  target: NETWORK_TARGET,
  description: `the upcoming events (${EVENTS_PAGE_SIZE} on the page) of the network with the most events, as ${SPREAD_SESSIONS} of its members in turn`,
  prepare: async (context) => {
    const { rows: networks } = await context.db.query<{ id: string; events: number }>(
      `select network_id as id, count(*)::int as events from events
       group by network_id order by count(*) desc, network_id limit 1`,
    );
    const network = networks[0];
    if (!network) {
      throw new Error("no events in the database: npm run seed:scale -- --only events");
    }
    const { rows: members } = await context.db.query<{ email: string }>(
      `select u.email from network_members m join users u on u.id = m.user_id
       where m.network_id = $1 and m.status = 'active'
         and u.email_verified_at is not null and u.onboarded_at is not null
       order by u.id limit $2`,
      [network.id, SPREAD_SESSIONS],
    );
    if (!members.length) throw new Error(`no member of ${network.id} can sign in`);
    const sessions = await Promise.all(members.map((m) => context.signInAs(m.email)));
    const { rows: upcoming } = await context.db.query<{ n: number }>(
      "select count(*)::int as n from events where network_id = $1 and ends_at > now()",
      [network.id],
    );
    return {
      requests: sessions.map((s) => ({
        path: `/networks/${network.id}/events`,
        headers: { cookie: s.cookie },
      })),
      note: `${network.events.toLocaleString("en")} events (${upcoming[0].n.toLocaleString("en")} upcoming), ${sessions.length} members`,
    };
  },
  expect: (html) => {
    const found = html.match(eventCards)?.length ?? 0;
    return found >= EVENTS_PAGE_SIZE ? null : `expected ${EVENTS_PAGE_SIZE} events, found ${found}`;
  },
});

// ───────────────────────────── learning (issue 11) ─────────────────────────────

/** The library and course pages (issue 11: p95 under 50 ms at 20 connections). */
export const LEARNING_TARGET: Target = { p95Ms: 50 };
/** Resources on one library page (listLibrary's LIBRARY_PAGE). */
const LIBRARY_PAGE_SIZE = 20;
const resourceCards = /href="\/learn\/[0-9a-f-]{36}"/g;
const lessonLinks = /href="\/courses\/[0-9a-f-]{36}\/lessons\/[0-9a-f-]{36}"/g;

function expectResources(minimum: number) {
  return (html: string) => {
    const found = new Set(html.match(resourceCards)).size;
    return found >= minimum ? null : `expected at least ${minimum} resources, found ${found}`;
  };
}

/** The library's duration filter for a resource of `minutes` (≤ 10, 10–20, > 20). */
function durationOf(minutes: number): "short" | "medium" | "long" {
  return minutes <= 10 ? "short" : minutes <= 20 ? "medium" : "long";
}

/** What the library shows everyone: live resources of the open library. */
const OPEN_LIBRARY = "r.status = 'published' and r.network_id is null";

/**
 * Library addresses with filters, each with at least `minimum` open resources behind it, in
 * several mixes: topic + language + EQF level + duration (the most filled combinations), topic
 * alone, language + duration, and language + level. Found once per run.
 */
const libraryPathsCache = new WeakMap<pg.Client, Promise<string[]>>();
function libraryFilterPaths(db: pg.Client): Promise<string[]> {
  let found = libraryPathsCache.get(db);
  if (!found) {
    found = (async () => {
      const paths: string[] = [];
      const query = (filters: Record<string, string | number>) =>
        `/learn?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [k, String(v)]))}`;
      const { rows: full } = await db.query<{
        topic: string;
        language: string;
        eqf: number;
        minutes: number;
      }>(
        `select t.topic, r.language, r.eqf::int as eqf, min(r.minutes)::int as minutes
         from learning_resources r cross join unnest(r.topics) t(topic)
         where ${OPEN_LIBRARY}
         group by t.topic, r.language, r.eqf,
           case when r.minutes <= 10 then 0 when r.minutes <= 20 then 1 else 2 end
         having count(*) >= 3 order by count(*) desc, t.topic, r.language limit 20`,
      );
      for (const r of full) {
        paths.push(
          query({
            topic: r.topic,
            language: r.language,
            eqf: r.eqf,
            duration: durationOf(r.minutes),
          }),
        );
      }
      const { rows: topicsAlone } = await db.query<{ topic: string }>(
        `select t.topic from learning_resources r cross join unnest(r.topics) t(topic)
         where ${OPEN_LIBRARY} group by t.topic order by count(*) desc, t.topic limit 10`,
      );
      for (const r of topicsAlone) paths.push(query({ topic: r.topic }));
      const { rows: languages } = await db.query<{ language: string; eqf: number }>(
        `select r.language, mode() within group (order by r.eqf)::int as eqf
         from learning_resources r where ${OPEN_LIBRARY}
         group by r.language order by count(*) desc`,
      );
      for (const r of languages) {
        paths.push(query({ language: r.language, duration: "medium" }));
        paths.push(query({ language: r.language, eqf: r.eqf }));
      }
      if (full.length === 0) {
        throw new Error("no learning resources: run npm run seed:scale -- --only learning");
      }
      return paths;
    })();
    libraryPathsCache.set(db, found);
  }
  return found;
}

/**
 * Members of the networks that have network-only resources, so that the signed-in library
 * also weighs "resources of my networks".
 */
async function networkLearners(db: pg.Client, count: number) {
  const { rows } = await db.query<{ email: string }>(
    `select u.email from users u
     where u.email like $1 and u.onboarded_at is not null and u.email_verified_at is not null
       and exists (select 1 from network_members m join learning_resources r
                     on r.network_id = m.network_id and r.status = 'published'
                   where m.user_id = u.id and m.status = 'active')
     order by u.id limit $2`,
    [`%@${SCALE_EMAIL_DOMAIN}`, count],
  );
  if (rows.length === 0) {
    throw new Error("no member sees network resources: run npm run seed:scale -- --only learning");
  }
  return rows;
}

const learningScenarios: Scenario[] = [
  {
    name: "library-filtered",
    group: "learning",
    target: LEARNING_TARGET,
    description:
      "the library (/learn), anonymous, over 42 filter mixes: topic + language + EQF + duration, topic alone, language + duration, language + level",
    prepare: async (context) => {
      const paths = await libraryFilterPaths(context.db);
      return { requests: paths.map((path) => ({ path })), note: `${paths.length} filter mixes` };
    },
    expect: expectResources(1),
  },
  {
    name: "library-filtered-signed-in",
    group: "learning",
    target: LEARNING_TARGET,
    description: `the same filtered library pages as ${SPREAD_SESSIONS} members of networks with network-only resources`,
    prepare: async (context) => {
      const paths = await libraryFilterPaths(context.db);
      const learners = await networkLearners(context.db, SPREAD_SESSIONS);
      const sessions = await Promise.all(learners.map((l) => context.signInAs(l.email)));
      return {
        requests: paths.map((path, i) => ({
          path,
          headers: { cookie: sessions[i % sessions.length].cookie },
        })),
        note: `${paths.length} filter mixes, ${sessions.length} members`,
      };
    },
    expect: expectResources(1),
  },
  {
    name: "library-page-2",
    group: "learning",
    target: LEARNING_TARGET,
    description:
      "page 2 of the library by the cursor of its own 'Next page' link: each language, and the 10 most used topics, anonymous",
    prepare: async (context) => {
      const { rows } = await context.db.query<{ filter: string; value: string }>(
        `(select 'language' as filter, r.language as value from learning_resources r
          where ${OPEN_LIBRARY} group by r.language
          having count(*) > ${2 * LIBRARY_PAGE_SIZE} order by count(*) desc)
         union all
         (select 'topic', t.topic from learning_resources r cross join unnest(r.topics) t(topic)
          where ${OPEN_LIBRARY} group by t.topic
          having count(*) > ${2 * LIBRARY_PAGE_SIZE} order by count(*) desc, t.topic limit 10)`,
      );
      if (rows.length === 0) {
        throw new Error("no learning resources: run npm run seed:scale -- --only learning");
      }
      const paths = await Promise.all(
        rows.map((r) =>
          pageOf({
            baseUrl: context.baseUrl,
            firstPath: `/learn?${new URLSearchParams({ [r.filter]: r.value })}`,
            page: 2,
          }),
        ),
      );
      return { requests: paths.map((path) => ({ path })), note: `${paths.length} lists` };
    },
    expect: expectResources(LIBRARY_PAGE_SIZE),
  },
  {
    name: "course-progress",
    group: "learning",
    target: LEARNING_TARGET,
    description: `a course page with progress (/courses/<id>: outline, my progress per lesson, "Continue") of the course with the most learners, as ${SPREAD_SESSIONS} of its learners part-way through`,
    prepare: async (context) => {
      const { rows: courses } = await context.db.query<{
        id: string;
        learners: number;
        lessons: number;
      }>(
        `select c.id, c.enrolment_count as learners, c.lesson_count as lessons from courses c
         where c.status = 'published' and c.network_id is null
         order by c.enrolment_count desc, c.id limit 1`,
      );
      const course = courses[0];
      if (!course || course.learners === 0) {
        throw new Error("no enrolments: run npm run seed:scale -- --only learning");
      }
      const { rows: learners } = await context.db.query<{ email: string }>(
        `select u.email from enrolments e join users u on u.id = e.user_id
         where e.course_id = $1 and e.status = 'active' and e.completed_lessons > 0
           and u.onboarded_at is not null and u.email_verified_at is not null
         order by u.id limit $2`,
        [course.id, SPREAD_SESSIONS],
      );
      const sessions = await Promise.all(learners.map((l) => context.signInAs(l.email)));
      return {
        requests: sessions.map((s) => ({
          path: `/courses/${course.id}`,
          headers: { cookie: s.cookie },
        })),
        note: `${course.learners.toLocaleString("en")} learners, ${course.lessons} lessons, ${sessions.length} members`,
      };
    },
    expect: (html) => {
      const found = new Set(html.match(lessonLinks)).size;
      return found >= 4 ? null : `expected the course's lessons, found ${found}`;
    },
  },
];
scenarios.push(...learningScenarios);

/** Partnering (issue 12): p95 under 50 ms at 20 connections. */
export const PARTNERING_TARGET: Target = { p95Ms: 50 };

const opportunityLinks = /href="\/partnering\/[0-9a-f-]{36}"/g;

function expectOpportunities(minimum: number) {
  return (html: string) => {
    const found = new Set(html.match(opportunityLinks)).size;
    return found >= minimum ? null : `expected ${minimum} or more opportunities, found ${found}`;
  };
}

/** Active members of organisations with published opportunities elsewhere to match. */
async function partneringMembers(db: pg.Client, count: number) {
  const { rows } = await db.query<{ email: string; organisation_id: string }>(
    `select distinct on (o.id) u.email, o.id as organisation_id
     from organisations o
     join organisation_members om on om.organisation_id = o.id and om.status = 'active'
     join users u on u.id = om.user_id
     where o.kind = 'enterprise' and u.email like $1
       and u.onboarded_at is not null and u.email_verified_at is not null
     order by o.id, u.id limit $2`,
    [`%@${SCALE_EMAIL_DOMAIN}`, count],
  );
  if (rows.length === 0) throw new Error("no organisation members: run npm run seed:scale");
  return rows;
}

const partneringScenarios: Scenario[] = [
  {
    name: "partnering-search",
    group: "partnering",
    target: PARTNERING_TARGET,
    description: `opportunity search (/partnering) with three filters — a target country, a partnership type and a working language — over the 30 most common mixes, as ${SPREAD_SESSIONS} members`,
    prepare: async (context) => {
      const { rows } = await context.db.query<{
        country: string;
        partnership: string;
        language: string;
      }>(
        `select c.country, p.partnership, l.language
         from opportunities o
         cross join unnest(o.target_countries) c(country)
         cross join unnest(o.partnerships) p(partnership)
         cross join unnest(o.languages) l(language)
         where o.status = 'published' and o.expires_at > now()
         group by 1, 2, 3 order by count(*) desc, 1, 2, 3 limit 30`,
      );
      if (rows.length === 0) {
        throw new Error("no opportunities: run npm run seed:scale -- --only partnering");
      }
      const members = await partneringMembers(context.db, SPREAD_SESSIONS);
      const sessions = await Promise.all(members.map((m) => context.signInAs(m.email)));
      return {
        requests: rows.map((r, i) => ({
          path: `/partnering?${new URLSearchParams({ country: r.country, partnership: r.partnership, language: r.language })}`,
          headers: { cookie: sessions[i % sessions.length].cookie },
        })),
        note: `${rows.length} filter mixes, ${sessions.length} members`,
      };
    },
    expect: expectOpportunities(5),
  },
  {
    name: "partnering-matches",
    group: "partnering",
    target: PARTNERING_TARGET,
    description: `'matches for you' (/partnering/matches) with their explained scores for ${SPREAD_SESSIONS} enterprises, as one of their members`,
    prepare: async (context) => {
      const members = await partneringMembers(context.db, SPREAD_SESSIONS);
      const sessions = await Promise.all(members.map((m) => context.signInAs(m.email)));
      return {
        requests: sessions.map((s, i) => ({
          path: `/partnering/matches?organisation=${members[i].organisation_id}`,
          headers: { cookie: s.cookie },
        })),
        note: `${sessions.length} organisations`,
      };
    },
    expect: expectOpportunities(5),
  },
  {
    name: "partnering-day-booking",
    group: "partnering",
    target: PARTNERING_TARGET,
    description: `a partnering day's booking page (/events/<id>/partnering) with 300 participants, as ${SPREAD_SESSIONS} of them`,
    prepare: async (context) => {
      const { rows: days } = await context.db.query<{ event_id: string; participants: number }>(
        `select d.event_id, count(p.user_id)::int as participants
         from partnering_days d join partnering_participants p on p.day_id = d.id
         group by d.event_id order by count(p.user_id) desc limit 1`,
      );
      const day = days[0];
      if (!day) throw new Error("no partnering day: run npm run seed:scale -- --only partnering");
      const { rows: people } = await context.db.query<{ email: string }>(
        `select u.email from partnering_participants p
         join partnering_days d on d.id = p.day_id join users u on u.id = p.user_id
         where d.event_id = $1 and u.email like $2
           and u.onboarded_at is not null and u.email_verified_at is not null
         order by u.id limit $3`,
        [day.event_id, `%@${SCALE_EMAIL_DOMAIN}`, SPREAD_SESSIONS],
      );
      const sessions = await Promise.all(people.map((p) => context.signInAs(p.email)));
      return {
        requests: sessions.map((s) => ({
          path: `/events/${day.event_id}/partnering`,
          headers: { cookie: s.cookie },
        })),
        note: `${day.participants} participants, ${sessions.length} of them signed in`,
      };
    },
    expect: (html) => (html.includes("partnering") ? null : "not a partnering day page"),
  },
];
scenarios.push(...partneringScenarios);
