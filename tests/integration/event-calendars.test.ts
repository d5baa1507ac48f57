import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

const DAY = 86_400_000;
/** Next year: always in the future, never tied to today's date or clock. */
const year = new Date().getUTCFullYear() + 1;
let titles = 0;

/** A title no other test uses (the open list is installation-wide). */
function unique(label: string) {
  titles += 1;
  return `${label} ${titles}-${Math.random().toString(36).slice(2, 7)}`;
}

/**
 * Writes an event row as the event form would have stored it (the form refuses past dates, and
 * these tests need some). Times are UTC instants.
 */
async function insertEvent(spec: {
  networkId: string;
  title: string;
  startsAt: Date;
  hours?: number;
  kind?: "in_person" | "online" | "hybrid";
  language?: string;
  meetingUrl?: string;
  cancelled?: boolean;
}): Promise<string> {
  const kind = spec.kind ?? "in_person";
  const ends = new Date(spec.startsAt.getTime() + (spec.hours ?? 2) * 3_600_000);
  const quote = (v: string) => `'${v.replace(/'/g, "''")}'`;
  const [row] = await rows<{ id: string }>(
    `insert into events (network_id, title, kind, venue, meeting_url, time_zone, starts_at,
       ends_at, language, cancelled_at)
     values ('${spec.networkId}', ${quote(spec.title)}, '${kind}',
       ${kind === "online" ? "''" : "'Adult-learning centre'"},
       ${quote(spec.meetingUrl ?? "")}, 'Europe/Athens', '${spec.startsAt.toISOString()}',
       '${ends.toISOString()}', '${spec.language ?? "en"}',
       ${spec.cancelled ? "now()" : "null"})
     returning id`,
  );
  return row.id;
}

async function answer(eventId: string, userId: string, status: string) {
  await rows(
    `insert into event_rsvps (event_id, user_id, status) values ('${eventId}', '${userId}', '${status}')`,
  );
}

/** Parses a calendar with ical.js (an independent implementation), registering its own zones. */
function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

/** Makes (or makes again) the person's subscription URL through the settings page. */
async function subscribe(client: TestClient): Promise<string> {
  const response = await client.post("/settings/calendar", { intent: "create" });
  expect(response.status).toBe(200);
  const html = await response.text();
  const https = html.match(
    /data-testid="https-url"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*data-testid="https-url"/,
  );
  const url = https?.[1] ?? https?.[2];
  if (!url) throw new Error("no subscription URL on the page");
  expect(url).toMatch(/\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
  expect(html).toContain(`webcal://${url.replace(/^https?:\/\//, "")}`.replace(/&/g, "&amp;"));
  return new URL(url).pathname;
}

/** Fetches a feed as a calendar app does: no session, no cookies. */
async function feed(path: string) {
  return app.client().get(path);
}

const uidsOf = (text: string) =>
  parseCalendar(text)
    .map((e) => e.uid.split("@")[0])
    .sort();

/** A person in Helsinki in two networks (A open, B members-only), and a network C they are not in. */
async function setUp() {
  const facilitator = await app.signedIn({ timeZone: "Europe/Athens" });
  const me = await app.signedIn({ timeZone: "Europe/Helsinki", country: "FI" });
  const a = await app.server.createNetwork({
    name: unique("Bakers"),
    facilitators: [facilitator.user.id],
    members: [me.user.id],
  });
  const b = await app.server.createNetwork({
    name: unique("Weavers"),
    facilitators: [facilitator.user.id],
    members: [me.user.id],
    visibility: "request",
  });
  const c = await app.server.createNetwork({
    name: unique("Potters"),
    facilitators: [facilitator.user.id],
  });
  return { facilitator, me, a, b, c };
}

describe("the private subscription feed", () => {
  it("holds the events of exactly my networks, recent and upcoming, without a session", async () => {
    const { facilitator, me, a, b, c } = await setUp();
    const now = Date.now();
    const inA = await insertEvent({
      networkId: a.id,
      title: unique("Pricing evening"),
      startsAt: new Date(Date.UTC(year, 5, 15, 15, 30)),
      kind: "hybrid",
      meetingUrl: "https://meet.example.org/going-secret",
    });
    const maybeInA = await insertEvent({
      networkId: a.id,
      title: unique("Supplier talk"),
      startsAt: new Date(Date.UTC(year, 5, 16, 15, 30)),
      kind: "online",
      meetingUrl: "https://meet.example.org/maybe-secret",
    });
    const recentInB = await insertEvent({
      networkId: b.id,
      title: unique("Loom morning"),
      startsAt: new Date(now - 10 * DAY),
    });
    const cancelledInB = await insertEvent({
      networkId: b.id,
      title: unique("Cancelled fair"),
      startsAt: new Date(Date.UTC(year, 6, 1, 9)),
      cancelled: true,
    });
    // Older than the feed's 30 days, and a network I am not in (open: I could read it).
    await insertEvent({
      networkId: b.id,
      title: unique("Old"),
      startsAt: new Date(now - 60 * DAY),
    });
    await insertEvent({
      networkId: c.id,
      title: unique("Not mine"),
      startsAt: new Date(now + DAY),
    });
    // A network I only asked to join: not mine yet.
    const asked = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      pending: [me.user.id],
      visibility: "request",
    });
    await insertEvent({
      networkId: asked.id,
      title: unique("Asked"),
      startsAt: new Date(now + DAY),
    });
    await answer(inA, me.user.id, "going");
    await answer(maybeInA, me.user.id, "maybe");

    const path = await subscribe(me.client);
    const response = await feed(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    expect(response.headers.get("cache-control")).toContain("private");
    const text = await response.text();
    expect(uidsOf(text)).toEqual([inA, maybeInA, recentInB, cancelledInB].sort());
    const events = parseCalendar(text);
    const byId = new Map(events.map((e) => [e.uid.split("@")[0], e]));
    expect(byId.get(inA)?.startDate.toJSDate().toISOString()).toBe(`${year}-06-15T15:30:00.000Z`);
    // The meeting link only where I am going.
    expect(byId.get(inA)?.location).toContain("going-secret");
    expect(text).not.toContain("maybe-secret");
    expect(byId.get(cancelledInB)?.component.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(text).not.toContain(me.user.email);
  });

  it("drops a network's events once I am removed from it", async () => {
    const { facilitator, me, a, b } = await setUp();
    const inA = await insertEvent({
      networkId: a.id,
      title: unique("A"),
      startsAt: new Date(Date.now() + DAY),
    });
    const inB = await insertEvent({
      networkId: b.id,
      title: unique("B"),
      startsAt: new Date(Date.now() + DAY),
    });
    const path = await subscribe(me.client);
    expect(uidsOf(await (await feed(path)).text())).toEqual([inA, inB].sort());

    const removed = await facilitator.client.post(`/networks/${b.id}/members`, {
      intent: "remove",
      userId: me.user.id,
      confirmed: "yes",
    });
    expect(removed.status).toBeLessThan(400);
    const [removal] = await rows<{ n: number }>(
      `select count(*)::int as n from network_removals where network_id = '${b.id}' and user_id = '${me.user.id}'`,
    );
    expect(removal.n).toBe(1);
    expect(uidsOf(await (await feed(path)).text())).toEqual([inA]);

    // A calendar app asking whether it changed: not yet (304), then after a change it has.
    const tagged = await feed(path);
    const etag = tagged.headers.get("etag") ?? "";
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
    const unchanged = await app.client().get(path, { "if-none-match": etag });
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe("");
    // A change to an event shows at the next poll (the rendered feed is never served stale).
    await rows(`update events set title = 'Renamed meeting' where id = '${inA}'`);
    const changed = await app.client().get(path, { "if-none-match": etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    const [renamed] = parseCalendar(await changed.text());
    expect(renamed.summary).toBe("Renamed meeting");
  });

  it("answers 404 alike to a tampered, revoked, replaced or deleted person's token", async () => {
    const { me } = await setUp();
    const other = await app.signedIn();
    const first = await subscribe(me.client);
    const theirs = await subscribe(other.client);
    expect((await feed(first)).status).toBe(200);

    const token = first.match(/\/calendar\/(.+)\.ics$/)?.[1] ?? "";
    // Every refusal says the same thing, so none tells a revoked token from a made-up one.
    const bodies = new Set<string>();
    const flipped = `${token.slice(0, 10)}${token[10] === "A" ? "B" : "A"}${token.slice(11)}`;
    for (const path of [
      `/calendar/${flipped}.ics`,
      `/calendar/${token}`,
      `/calendar/${token.slice(0, 20)}.ics`,
      `/calendar/${token}x.ics`,
    ]) {
      const response = await feed(path);
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).not.toContain("text/calendar");
      bodies.add(await response.text());
    }
    // Only the hash is stored.
    const stored = await rows<{ token_hash: string }>(
      `select token_hash from calendar_subscriptions where user_id = '${me.user.id}'`,
    );
    expect(stored[0].token_hash).not.toContain(token);
    expect(stored[0].token_hash).toMatch(/^[0-9a-f]{64}$/);

    // Making a new URL stops the old one at once; the new one works.
    const second = await subscribe(me.client);
    expect(second).not.toBe(first);
    expect((await feed(first)).status).toBe(404);
    expect((await feed(second)).status).toBe(200);

    // Revoking: the URL stops at once, whoever holds it.
    const revoke = await me.client.post("/settings/calendar", { intent: "revoke" });
    expect(revoke.status).toBe(200);
    expectMessage(await revoke.text(), "calendars.revokedDone");
    expect((await feed(second)).status).toBe(404);
    expect((await other.client.get(second)).status).toBe(404);
    // Someone else's revoke is their own: another person's token is untouched by mine.
    expect((await feed(theirs)).status).toBe(200);

    // The person deleted: their token goes with the account.
    await app.server.deletePerson({ userId: other.user.id });
    const deleted = await feed(theirs);
    expect(deleted.status).toBe(404);
    bodies.add(await deleted.text());
    const revokedAgain = await feed(second);
    bodies.add(await revokedAgain.text());
    expect(bodies.size).toBe(1);

    // A form with no known intent is a translated 400; signed out, the page sends to sign-in.
    const bogus = await me.client.post("/settings/calendar", { intent: "steal" });
    expect(bogus.status).toBe(400);
    expectMessage(await bogus.text(), "calendars.unknownIntent");
    expect((await app.client().get("/settings/calendar")).status).toBe(302);
    // Without the form's CSRF token nothing is made.
    const forged = await me.client.post("/settings/calendar", { intent: "create" }, { csrf: null });
    expect(forged.status).toBe(403);
    const left = await rows<{ n: number }>(
      `select count(*)::int as n from calendar_subscriptions where user_id = '${me.user.id}'`,
    );
    expect(left[0].n).toBe(0);
  });

  it("limits how often one feed is polled", async () => {
    const { me } = await setUp();
    const path = await subscribe(me.client);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await feed(path)).status);
    expect(statuses.slice(0, 30).every((s) => s === 200)).toBe(true);
    const limited = await feed(path);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("the personal agenda", () => {
  it("lists my networks' events with my answer, keyset-paged, and past ones on their own tab", async () => {
    const { facilitator, me, a, b, c } = await setUp();
    const base = Date.UTC(year, 2, 1, 9);
    const ids: string[] = [];
    // 23 upcoming events in A, one in B, one in C (not mine).
    for (let i = 0; i < 23; i++) {
      ids.push(
        await insertEvent({
          networkId: a.id,
          title: `Agenda A ${i}`,
          startsAt: new Date(base + i * DAY),
        }),
      );
    }
    const inB = await insertEvent({
      networkId: b.id,
      title: unique("Agenda B"),
      startsAt: new Date(base + 30 * DAY),
    });
    const notMine = unique("Agenda C");
    await insertEvent({ networkId: c.id, title: notMine, startsAt: new Date(base + 2 * DAY) });
    // Asked to join, not yet a member: not in my agenda.
    const asked = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      pending: [me.user.id],
      visibility: "request",
    });
    const pendingTitle = unique("Agenda pending");
    await insertEvent({ networkId: asked.id, title: pendingTitle, startsAt: new Date(base + DAY) });
    const past = unique("Agenda past");
    await insertEvent({ networkId: a.id, title: past, startsAt: new Date(Date.now() - 5 * DAY) });
    await answer(ids[0], me.user.id, "going");
    await answer(inB, me.user.id, "maybe");

    const seen: string[] = [];
    let path: string | null = "/agenda";
    let pages = 0;
    while (path && pages < 5) {
      const response = await me.client.get(path);
      expect(response.status).toBe(200);
      const main = mainOf(await response.text());
      seen.push(...[...main.matchAll(/\/events\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      if (pages === 0) {
        expect(main).toContain('data-answer="going"');
        expect(main).not.toContain(escapeHtml(past));
      }
      expect(main).not.toContain(escapeHtml(notMine));
      expect(main).not.toContain(escapeHtml(pendingTitle));
      const next = main.match(/href="(\?[^"]*after=[^"]+)" rel="next"/)?.[1];
      path = next ? `/agenda${next.replace(/&amp;/g, "&")}` : null;
      pages += 1;
    }
    expect(pages).toBe(2);
    // Every event once, soonest first.
    expect(seen).toEqual([...ids, inB]);

    const pastPage = mainOf(await (await me.client.get("/agenda?when=past")).text());
    expect(pastPage).toContain(escapeHtml(past));
    expect(pastPage).not.toContain("Agenda A 0");

    // Signed out: to the sign-in page.
    expect((await app.client().get("/agenda")).status).toBe(302);
  });

  it("puts an event on the day it starts in my zone, and refuses a month out of range", async () => {
    const { me, a } = await setUp();
    // 23:30 UTC on 14 June is 02:30 on 15 June in Helsinki (UTC+3).
    const title = unique("Late call");
    await insertEvent({
      networkId: a.id,
      title,
      startsAt: new Date(Date.UTC(year, 5, 14, 23, 30)),
    });
    const response = await me.client.get(`/agenda?view=month&month=${year}-06`);
    expect(response.status).toBe(200);
    const main = mainOf(await response.text());
    expect(main).toContain("<table");
    expect(main).toContain('scope="col"');
    const cell = (date: string) =>
      main.match(new RegExp(`<td data-date="${date}">([\\s\\S]*?)</td>`))?.[1] ?? "";
    expect(cell(`${year}-06-15`)).toContain(escapeHtml(title));
    expect(cell(`${year}-06-15`)).toContain("2:30 AM");
    expect(cell(`${year}-06-14`)).not.toContain(escapeHtml(title));
    // Previous and next month links, no JavaScript needed.
    expect(main).toContain(`href="/agenda?view=month&amp;month=${year}-05"`);
    expect(main).toContain(`href="/agenda?view=month&amp;month=${year}-07"`);

    for (const bad of [`${year}-13`, "1999-12", "2101-01", "June", `${year}-6`]) {
      const refused = await me.client.get(`/agenda?view=month&month=${bad}`);
      expect(refused.status, bad).toBe(400);
      expectMessage(await refused.text(), "calendars.monthInvalid");
    }
    const view = await me.client.get("/agenda?view=week");
    expect(view.status).toBe(400);
    expectMessage(await view.text(), "calendars.filterInvalid");
  });
});

describe("the list of open events", () => {
  it("shows upcoming events of open networks only, with filters, and refuses unknown filters", async () => {
    const { facilitator, a, b } = await setUp();
    const secret = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      visibility: "secret",
    });
    const greek = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      countries: ["GR"],
      languages: ["el"],
    });
    const soon = new Date(Date.now() + 3 * DAY);
    const open = unique("Open meetup");
    const online = unique("Open online");
    const inGreek = unique("Greek evening");
    const membersOnly = unique("Members only");
    const hidden = unique("Secret");
    const cancelled = unique("Called off");
    const past = unique("Over");
    await insertEvent({ networkId: a.id, title: open, startsAt: soon });
    await insertEvent({ networkId: a.id, title: online, startsAt: soon, kind: "online" });
    await insertEvent({ networkId: greek.id, title: inGreek, startsAt: soon, language: "el" });
    await insertEvent({ networkId: b.id, title: membersOnly, startsAt: soon });
    await insertEvent({ networkId: secret.id, title: hidden, startsAt: soon });
    await insertEvent({ networkId: a.id, title: cancelled, startsAt: soon, cancelled: true });
    await insertEvent({ networkId: a.id, title: past, startsAt: new Date(Date.now() - 3 * DAY) });

    // A visitor (not signed in) sees the open ones.
    const visitor = app.client();
    const all = mainOf(await (await visitor.get("/events")).text());
    for (const title of [open, online, inGreek]) expect(all).toContain(escapeHtml(title));
    for (const title of [membersOnly, hidden, cancelled, past]) {
      expect(all).not.toContain(escapeHtml(title));
    }
    const byKind = mainOf(await (await visitor.get("/events?kind=online")).text());
    expect(byKind).toContain(escapeHtml(online));
    expect(byKind).not.toContain(escapeHtml(open));
    const byLanguage = mainOf(await (await visitor.get("/events?language=el")).text());
    expect(byLanguage).toContain(escapeHtml(inGreek));
    expect(byLanguage).not.toContain(escapeHtml(open));
    const byCountry = mainOf(await (await visitor.get("/events?country=GR&kind=")).text());
    expect(byCountry).toContain(escapeHtml(inGreek));
    expect(byCountry).not.toContain(escapeHtml(online));

    for (const bad of ["kind=party", "language=xx", "country=ZZ", "country=gr"]) {
      const refused = await visitor.get(`/events?${bad}`);
      expect(refused.status, bad).toBe(400);
      expectMessage(await refused.text(), "calendars.filterInvalid");
    }
  });

  it("pages by keyset without losing or repeating an event", async () => {
    const { facilitator } = await setUp();
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      countries: ["MT"],
    });
    // Same start for all: the id breaks the tie.
    const start = new Date(Date.UTC(year, 8, 1, 10));
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      ids.push(await insertEvent({ networkId: network.id, title: `Paged ${i}`, startsAt: start }));
    }
    const seen: string[] = [];
    let path: string | null = "/events?country=MT";
    for (let page = 0; path && page < 5; page++) {
      const main = mainOf(await (await app.client().get(path)).text());
      seen.push(...[...main.matchAll(/\/events\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      const next = main.match(/href="(\?[^"]*after=[^"]+)" rel="next"/)?.[1];
      path = next ? `/events${next.replace(/&amp;/g, "&")}` : null;
    }
    expect(seen).toEqual([...ids].sort());
  });
});

describe("the next meeting", () => {
  it("shows the next one that is not cancelled on the card and the header, to those who may read", async () => {
    const { facilitator, me, a, b } = await setUp();
    const soon = Date.now() + 2 * DAY;
    await insertEvent({
      networkId: a.id,
      title: unique("Cancelled first"),
      startsAt: new Date(soon),
      cancelled: true,
    });
    await insertEvent({
      networkId: a.id,
      title: unique("Already over"),
      startsAt: new Date(Date.now() - DAY),
    });
    const next = unique("The next one");
    const nextId = await insertEvent({
      networkId: a.id,
      title: next,
      startsAt: new Date(soon + DAY),
    });
    const later = unique("Later");
    await insertEvent({ networkId: a.id, title: later, startsAt: new Date(soon + 5 * DAY) });
    const membersOnly = unique("Weavers meet");
    await insertEvent({ networkId: b.id, title: membersOnly, startsAt: new Date(soon) });

    const [nameA] = await rows<{ name: string }>(`select name from networks where id = '${a.id}'`);
    const cards = mainOf(
      await (await me.client.get(`/networks?q=${encodeURIComponent(nameA.name)}`)).text(),
    );
    const start = cards.indexOf(`href="/networks/${a.id}"`);
    expect(start).toBeGreaterThan(-1);
    const card = cards.slice(start, cards.indexOf("</li>", start));
    expect(card).toContain(escapeHtml(next));
    expect(cards).toContain(`/networks/${a.id}/events/${nextId}`);
    expect(cards).not.toContain(escapeHtml(later));
    expect(cards).not.toContain("Cancelled first");

    const header = mainOf(await (await me.client.get(`/networks/${a.id}`)).text());
    expect(header).toContain(escapeHtml(next));
    expect(header).not.toContain("Cancelled first");

    // The members-only network: its member sees the next meeting (on the network's main page,
    // whose header is the full one), an outsider does not.
    const member = mainOf(await (await me.client.get(`/networks/${b.id}`)).text());
    expect(member).toContain(escapeHtml(membersOnly));
    const outsider = await app.signedIn();
    const [nameB] = await rows<{ name: string }>(`select name from networks where id = '${b.id}'`);
    const outsiderCards = mainOf(
      await (await outsider.client.get(`/networks?q=${encodeURIComponent(nameB.name)}`)).text(),
    );
    expect(outsiderCards).toContain(b.id);
    expect(outsiderCards).not.toContain(escapeHtml(membersOnly));
    const outsiderHeader = await outsider.client.get(`/networks/${b.id}`);
    expect(mainOf(await outsiderHeader.text())).not.toContain(escapeHtml(membersOnly));
    expect(facilitator.user.id).toBeTruthy();
  });
});

describe("unknown feed tokens from one address", () => {
  // Last in the file: it uses up this address's allowance of misses.
  it("are told to slow down after a number of misses", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      statuses.push((await feed(`/calendar/${"x".repeat(43)}.ics`)).status);
    }
    expect(statuses).toContain(404);
    expect(statuses.at(-1)).toBe(429);
  });
});
