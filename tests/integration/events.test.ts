import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm, nextYear } from "../setup/events";
import { expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  // Let the notification jobs the tests queued finish before the database closes.
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

function mainOf(html: string) {
  return html.match(/<main[\s\S]*<\/main>/)?.[0] ?? "";
}

const year = nextYear;

/** A network with a facilitator (in Athens) and members in Dublin and Helsinki. */
async function setUp() {
  const facilitator = await app.signedIn({ timeZone: "Europe/Athens", country: "GR" });
  const dublin = await app.signedIn({ timeZone: "Europe/Dublin", country: "IE" });
  const helsinki = await app.signedIn({ timeZone: "Europe/Helsinki", country: "FI" });
  const network = await app.server.createNetwork({
    facilitators: [facilitator.user.id],
    members: [dublin.user.id, helsinki.user.id],
    languages: ["en", "el"],
  });
  return { facilitator, dublin, helsinki, network };
}

async function createEvent(
  client: TestClient,
  networkId: string,
  overrides: Record<string, string> = {},
): Promise<string> {
  const response = await client.post(`/networks/${networkId}/events/new`, eventForm(overrides));
  expect(response.status).toBe(302);
  const id = response.headers.get("location")?.match(/\/events\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no event id in ${response.headers.get("location")}`);
  return id;
}

/** An answer as the page sends it once confirmed (giving up a limited seat asks first). */
async function answer(client: TestClient, networkId: string, eventId: string, value: string) {
  return client.post(`/networks/${networkId}/events/${eventId}`, {
    intent: "rsvp",
    answer: value,
    confirmed: "yes",
  });
}

async function statusOf(eventId: string, userId: string) {
  const [row] = await rows<{ status: string }>(
    `select status from event_rsvps where event_id = '${eventId}' and user_id = '${userId}'`,
  );
  return row?.status ?? null;
}

async function goingCount(eventId: string) {
  const [row] = await rows<{ going_count: number; actual: number }>(
    `select going_count, (select count(*)::int from event_rsvps r
       where r.event_id = e.id and r.status = 'going') as actual
     from events e where id = '${eventId}'`,
  );
  // The counter and the rows never disagree.
  expect(Number(row.going_count)).toBe(Number(row.actual));
  return Number(row.going_count);
}

describe("creating an event", () => {
  it("stores the organiser's zone and the UTC instants; each viewer sees their own time", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id);
    const [row] = await rows<{ time_zone: string; starts_at: string; ends_at: string }>(
      `select time_zone, starts_at, ends_at from events where id = '${id}'`,
    );
    expect(row.time_zone).toBe("Europe/Athens");
    expect(new Date(row.starts_at).toISOString()).toBe(`${year}-06-15T15:30:00.000Z`);
    expect(new Date(row.ends_at).toISOString()).toBe(`${year}-06-15T17:30:00.000Z`);

    const inDublin = mainOf(
      await (await dublin.client.get(`/networks/${network.id}/events/${id}`)).text(),
    );
    expect(inDublin).toContain(`dateTime="${year}-06-15T15:30:00.000Z"`);
    // Dublin is UTC+1 in summer, Helsinki UTC+3; the organiser's own time is named with its zone.
    expect(inDublin).toContain("4:30 PM GMT+1");
    expect(inDublin).toContain("6:30 PM (Europe/Athens)");
    const inHelsinki = mainOf(
      await (await helsinki.client.get(`/networks/${network.id}/events/${id}`)).text(),
    );
    expect(inHelsinki).toContain("6:30 PM GMT+3");
    expect(inHelsinki).not.toContain("4:30 PM");

    const list = mainOf(await (await dublin.client.get(`/networks/${network.id}/events`)).text());
    expect(list).toContain("Bakers&#x27; evening");
  });

  it("refuses an end before the start, an unknown zone, a past date, with translated 400s", async () => {
    const { facilitator, network } = await setUp();
    const path = `/networks/${network.id}/events/new`;
    const endFirst = await facilitator.client.post(
      path,
      eventForm({ endsAt: `${year}-06-15T17:00` }),
    );
    expect(endFirst.status).toBe(400);
    expectMessage(await endFirst.text(), "events.endBeforeStart");

    const zone = await facilitator.client.post(path, eventForm({ timeZone: "Mars/Olympus_Mons" }));
    expect(zone.status).toBe(400);
    expectMessage(await zone.text(), "events.unknownZone");

    const past = await facilitator.client.post(
      path,
      eventForm({ startsAt: "2020-01-01T10:00", endsAt: "2020-01-01T12:00" }),
    );
    expect(past.status).toBe(400);
    expectMessage(await past.text(), "events.startInPast");

    // 03:30 on the last Sunday of March does not exist in Athens (clocks go 03:00 → 04:00).
    const lastSunday = new Date(Date.UTC(year, 2, 31));
    lastSunday.setUTCDate(31 - lastSunday.getUTCDay());
    const day = lastSunday.toISOString().slice(0, 10);
    const skipped = await facilitator.client.post(
      path,
      eventForm({ startsAt: `${day}T03:30`, endsAt: `${day}T05:00` }),
    );
    expect(skipped.status).toBe(400);
    expectMessage(await skipped.text(), "events.timeSkipped");

    const noLink = await facilitator.client.post(path, eventForm({ kind: "online" }));
    expect(noLink.status).toBe(400);
    expectMessage(await noLink.text(), "events.meetingUrlRequired");

    expect(
      (
        await rows<{ n: number }>(
          `select count(*)::int as n from events where network_id = '${network.id}'`,
        )
      )[0].n,
    ).toBe(0);
  });

  it("is for the network's facilitators only, and a form sent twice makes one event", async () => {
    const { facilitator, dublin, network } = await setUp();
    const member = await dublin.client.post(`/networks/${network.id}/events/new`, eventForm());
    expect(member.status).toBe(403);
    const outsider = await app.signedIn({ isFacilitator: true });
    expect(
      (await outsider.client.post(`/networks/${network.id}/events/new`, eventForm())).status,
    ).toBe(403);

    const once = eventForm({ submissionKey: "events-twice-0001" });
    const first = await facilitator.client.post(`/networks/${network.id}/events/new`, once);
    const second = await facilitator.client.post(`/networks/${network.id}/events/new`, once);
    expect(first.headers.get("location")).toBe(second.headers.get("location"));
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from events where network_id = '${network.id}'`,
    );
    expect(count.n).toBe(1);
    // Members are told of the new event once.
    const told = await rows<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'event.created'
         and network_id = '${network.id}' and recipient_id = '${dublin.user.id}'`,
    );
    expect(told[0].n).toBe(1);
  });
});

describe("answering an event", () => {
  it("gives the last seat to exactly one of two people pressing at once", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id, { capacity: "1" });
    const [a, b] = await Promise.all([
      answer(dublin.client, network.id, id, "going"),
      answer(helsinki.client, network.id, id, "going"),
    ]);
    expect(a.status).toBe(302);
    expect(b.status).toBe(302);
    const statuses = [
      await statusOf(id, dublin.user.id),
      await statusOf(id, helsinki.user.id),
    ].sort();
    expect(statuses).toEqual(["going", "waiting"]);
    expect(await goingCount(id)).toBe(1);
  });

  it("moves the first on the waiting list up when someone going cancels, and tells them by email", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const third = await app.signedIn();
    await app.server.queryRows(
      app.server.rawSql(
        `insert into network_members (network_id, user_id, role) values ('${network.id}', '${third.user.id}', 'member')`,
      ),
    );
    const id = await createEvent(facilitator.client, network.id, { capacity: "1" });
    await answer(dublin.client, network.id, id, "going");
    const waiting = await answer(helsinki.client, network.id, id, "going");
    expect(waiting.headers.get("location")).toContain("answered=waiting");
    await answer(third.client, network.id, id, "going");
    expect(await statusOf(id, helsinki.user.id)).toBe("waiting");
    expect(await statusOf(id, third.user.id)).toBe("waiting");
    // Pressing "going" again while waiting keeps one's place in the line.
    await answer(helsinki.client, network.id, id, "going");

    await answer(dublin.client, network.id, id, "not_going");
    expect(await statusOf(id, dublin.user.id)).toBe("not_going");
    expect(await statusOf(id, helsinki.user.id)).toBe("going");
    expect(await statusOf(id, third.user.id)).toBe("waiting");
    expect(await goingCount(id)).toBe(1);

    const promoted = await rows<{ kind: string }>(
      `select kind from notifications where recipient_id = '${helsinki.user.id}' and kind = 'event.promoted'`,
    );
    expect(promoted).toHaveLength(1);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    const mail = await app.lastMailTo(helsinki.user.email);
    expect(mail?.text ?? "").toContain("Bakers");
    expect(mail?.text ?? "").toContain(`/networks/${network.id}/events/${id}`);

    // Only people going see the meeting link of an online event.
    const online = await createEvent(facilitator.client, network.id, {
      kind: "online",
      meetingUrl: "https://meet.example.org/bakers-secret",
      title: "Online bakers",
    });
    const before = await (
      await dublin.client.get(`/networks/${network.id}/events/${online}`)
    ).text();
    expect(before).not.toContain("bakers-secret");
    await answer(dublin.client, network.id, online, "going");
    const after = await (
      await dublin.client.get(`/networks/${network.id}/events/${online}`)
    ).text();
    expect(after).toContain("https://meet.example.org/bakers-secret");
  });

  it("refuses answers after the RSVP deadline (not going still frees a seat), from outsiders and for other networks' events", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id, {
      rsvpDeadline: `${year}-06-14T12:00`,
    });
    await answer(helsinki.client, network.id, id, "going");
    await app.server.queryRows(
      app.server.rawSql(
        `update events set rsvp_deadline = now() - interval '1 minute' where id = '${id}'`,
      ),
    );
    const late = await answer(dublin.client, network.id, id, "going");
    expect(late.status).toBe(409);
    expectMessage(await late.text(), "events.rsvpClosed");
    expect(await statusOf(id, dublin.user.id)).toBeNull();
    const cancel = await answer(helsinki.client, network.id, id, "not_going");
    expect(cancel.status).toBe(302);
    expect(await goingCount(id)).toBe(0);

    const outsider = await app.signedIn();
    const open = await createEvent(facilitator.client, network.id, { title: "Open evening" });
    const refused = await answer(outsider.client, network.id, open, "going");
    expect(refused.status).toBe(403);
    expect(await statusOf(open, outsider.user.id)).toBeNull();

    // An event id under another network's address is not found there.
    const other = await app.server.createNetwork({ members: [dublin.user.id] });
    const crossed = await answer(dublin.client, other.id, open, "going");
    expect(crossed.status).toBe(404);
    expect(await statusOf(open, dublin.user.id)).toBeNull();
  });
});

describe("changing and cancelling", () => {
  it("bumps the sequence, tells people going of a new time, and cancels for everyone", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id, { capacity: "2" });
    await answer(dublin.client, network.id, id, "going");
    await answer(helsinki.client, network.id, id, "maybe");

    const member = await dublin.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({ title: "Hijacked" }),
    );
    expect(member.status).toBe(403);

    const tooSmall = await facilitator.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({ capacity: "1", startsAt: `${year}-06-15T19:00`, endsAt: `${year}-06-15T21:00` }),
    );
    expect(tooSmall.status).toBe(302);
    const zero = await facilitator.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({ capacity: "0" }),
    );
    expect(zero.status).toBe(400);

    const [row] = await rows<{ sequence: number; starts_at: string }>(
      `select sequence, starts_at from events where id = '${id}'`,
    );
    expect(row.sequence).toBe(1);
    expect(new Date(row.starts_at).toISOString()).toBe(`${year}-06-15T16:00:00.000Z`);
    const changed = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'event.changed' and data->>'eventId' = '${id}'`,
    );
    expect(changed.map((r) => r.recipient_id)).toEqual([dublin.user.id]);

    const cancelled = await facilitator.client.post(`/networks/${network.id}/events/${id}`, {
      intent: "cancel",
      confirmed: "yes",
    });
    expect(cancelled.status).toBe(302);
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'event.cancelled' and data->>'eventId' = '${id}'`,
    );
    expect(told.map((r) => r.recipient_id).sort()).toEqual(
      [dublin.user.id, helsinki.user.id].sort(),
    );
    const [after] = await rows<{ sequence: number }>(
      `select sequence from events where id = '${id}'`,
    );
    expect(after.sequence).toBe(2);
    // A cancelled event takes no answers and no further changes.
    const late = await answer(helsinki.client, network.id, id, "going");
    expect(late.status).toBe(409);
    expectMessage(await late.text(), "events.isCancelled");
    const again = await facilitator.client.post(`/networks/${network.id}/events/${id}`, {
      intent: "cancel",
      confirmed: "yes",
    });
    expect(again.status).toBe(409);
  });
});

describe("the event's calendar file", () => {
  it("keeps its UID, bumps SEQUENCE on a change, and shows the meeting link only to people going", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id, {
      kind: "hybrid",
      meetingUrl: "https://meet.example.org/hybrid-secret",
    });
    await answer(dublin.client, network.id, id, "going");
    await answer(helsinki.client, network.id, id, "maybe");
    const path = `/networks/${network.id}/events/${id}/event.ics`;
    const response = await dublin.client.get(path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/calendar");
    const first = await response.text();
    const [event] = parseCalendar(first);
    expect(event.uid).toMatch(new RegExp(`^${id}@`));
    expect(event.sequence).toBe(0);
    expect(event.startDate.toJSDate().toISOString()).toBe(`${year}-06-15T15:30:00.000Z`);
    expect(event.location).toContain("https://meet.example.org/hybrid-secret");
    // No addresses of anyone: neither attendees nor the organiser.
    for (const email of [dublin.user.email, helsinki.user.email, facilitator.user.email]) {
      expect(first).not.toContain(email);
    }
    expect(first).not.toMatch(/ATTENDEE|ORGANIZER/);
    const maybe = await (await helsinki.client.get(path)).text();
    expect(maybe).not.toContain("hybrid-secret");

    await facilitator.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({
        kind: "hybrid",
        meetingUrl: "https://meet.example.org/hybrid-secret",
        startsAt: `${year}-06-16T18:30`,
        endsAt: `${year}-06-16T20:30`,
      }),
    );
    const [changed] = parseCalendar(await (await dublin.client.get(path)).text());
    expect(changed.uid).toBe(event.uid);
    expect(changed.sequence).toBe(1);
    expect(changed.startDate.toJSDate().toISOString()).toBe(`${year}-06-16T15:30:00.000Z`);

    const outsider = await app.signedIn();
    // A network's events are for those who may read it: this open network's are public,
    // a members-only one's are not.
    const closed = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      visibility: "request",
    });
    const hidden = await createEvent(facilitator.client, closed.id, { title: "Members only" });
    const refused = await outsider.client.get(`/networks/${closed.id}/events/${hidden}/event.ics`);
    expect(refused.status).toBe(403);
  });
});

/** Parses a calendar with ical.js (an independent implementation), registering its own zones. */
function parseCalendar(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("the demo seed", () => {
  it("has past and upcoming events with answers and a consistent waiting list", async () => {
    await app.server.seedDemo();
    const [counts] = await rows<{ past: number; upcoming: number; waiting: number; bad: number }>(
      `select
         count(*) filter (where ends_at < now())::int as past,
         count(*) filter (where starts_at > now())::int as upcoming,
         (select count(*)::int from event_rsvps where status = 'waiting') as waiting,
         count(*) filter (where going_count <> (select count(*) from event_rsvps r
           where r.event_id = e.id and r.status = 'going'))::int as bad
       from events e where title like '%: %'`,
    );
    expect(counts.past).toBeGreaterThanOrEqual(2);
    expect(counts.upcoming).toBeGreaterThanOrEqual(4);
    expect(counts.waiting).toBeGreaterThan(0);
    expect(counts.bad).toBe(0);
  });
});

describe("reminders", () => {
  it("are planned as durable jobs 24 h and 1 h before, once, and follow a moved event", async () => {
    const { facilitator, dublin, network } = await setUp();
    const id = await createEvent(facilitator.client, network.id);
    await answer(dublin.client, network.id, id, "going");
    // Answering again (or a replayed form) plans nothing more.
    await answer(dublin.client, network.id, id, "maybe");
    await answer(dublin.client, network.id, id, "going");
    const jobs = () =>
      rows<{ offset: string; starts: string; start_after: string; state: string }>(
        `select data->>'offset' as offset, data->>'startsAt' as starts, start_after, state
           from pgboss.job where name = 'events.reminder' and data->>'eventId' = '${id}'
           order by start_after`,
      );
    const planned = await jobs();
    expect(planned.map((j) => j.offset)).toEqual(["24h", "1h"]);
    expect(new Date(planned[0].start_after).toISOString()).toBe(`${year}-06-14T15:30:00.000Z`);
    expect(new Date(planned[1].start_after).toISOString()).toBe(`${year}-06-15T14:30:00.000Z`);

    // Their moment comes: each is sent once, as a notification (email at once by default).
    await app.server.queryRows(
      app.server.rawSql(
        `update pgboss.job set start_after = now() where name = 'events.reminder' and data->>'eventId' = '${id}'`,
      ),
    );
    // Other tests' reminders stay waiting for next year: wait for these two jobs only.
    for (let i = 0; i < 200; i++) {
      const states = (await jobs()).map((j) => j.state);
      if (states.every((state) => state === "completed")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await jobs()).map((j) => j.state)).toEqual(["completed", "completed"]);
    const reminded = await rows<{ source_key: string }>(
      `select source_key from notifications where kind = 'event.reminder'
         and recipient_id = '${dublin.user.id}' order by source_key`,
    );
    expect(reminded).toHaveLength(2);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    expect((await app.lastMailTo(dublin.user.email))?.text ?? "").toContain("Bakers");

    // Moving the event plans reminders for the new start.
    await facilitator.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({ startsAt: `${year}-06-20T18:30`, endsAt: `${year}-06-20T20:30` }),
    );
    const moved = (await jobs()).filter((j) => j.starts === `${year}-06-20T15:30:00.000Z`);
    expect(moved.map((j) => j.offset).sort()).toEqual(["1h", "24h"]);
  });
});
