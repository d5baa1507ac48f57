/**
 * Partnering days (issue 12 item 4) over HTTP against the built app: set-up by the event's
 * organisers, joining by people going, booking through per-person holds (one of two bookings of
 * the same person's slot at the same moment wins, the other is a 409), tables, cancelling,
 * the agenda and its calendar file, follow-ups after the day.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPartneringDay } from "../../app/db/seed/partnering-day-builders.server";
import { formatTime } from "../../app/ui/format";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm, nextYear } from "../setup/events";
import { expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

type Person = { user: { id: string }; client: TestClient };

/** Athens is UTC+3 in June: 14:00 there is 11:00 UTC; slots of 20 minutes until 16:00. */
const slot = (minutes: number) => new Date(Date.UTC(nextYear, 5, 15, 11, minutes)).toISOString();

function setupForm(overrides: Record<string, string> = {}) {
  return {
    startsAt: `${nextYear}-06-15T14:00`,
    endsAt: `${nextYear}-06-15T16:00`,
    slotMinutes: "20",
    tables: "2",
    isOpen: "on",
    ...overrides,
  };
}

/** A network with a facilitator and people, an event of it, everyone but `notGoing` going. */
async function eventWith(count: number, options: { meetingUrl?: string } = {}) {
  const facilitator = await app.signedIn({ timeZone: "Europe/Athens", country: "GR" });
  const people: Person[] = [];
  for (let i = 0; i < count; i++) {
    people.push(
      await app.signedIn({
        timeZone: i % 2 ? "Europe/Dublin" : "Europe/Helsinki",
        displayName: `Partner ${i} ${Math.random().toString(36).slice(2, 6)}`,
      }),
    );
  }
  const notGoing = await app.signedIn();
  const network = await app.server.createNetwork({
    facilitators: [facilitator.user.id],
    members: [...people.map((p) => p.user.id), notGoing.user.id],
  });
  const created = await facilitator.client.post(
    `/networks/${network.id}/events/new`,
    eventForm(options.meetingUrl ? { kind: "hybrid", meetingUrl: options.meetingUrl } : {}),
  );
  expect(created.status).toBe(302);
  const eventId = created.headers.get("location")?.match(/\/events\/([0-9a-f-]{36})$/)?.[1] ?? "";
  for (const p of people) {
    const answer = await p.client.post(`/networks/${network.id}/events/${eventId}`, {
      intent: "rsvp",
      answer: "going",
    });
    expect(answer.status).toBe(302);
  }
  return { facilitator, people, notGoing, network, eventId };
}

async function join(
  p: Person,
  eventId: string,
  slots: string[],
  extra: Record<string, string> = {},
) {
  return p.client.post(`/events/${eventId}/partnering`, {
    intent: "join",
    seeks: "A distributor in the Nordics",
    offers: "Olive oil from Crete",
    slots,
    ...extra,
  });
}

const book = (p: Person, eventId: string, withId: string, at: string) =>
  p.client.post(`/events/${eventId}/partnering`, { intent: "book", with: withId, slot: at });

async function holds(eventId: string) {
  return rows<{ user_id: string; slot: string; booking_id: string }>(
    `select h.user_id, to_char(h.slot_start at time zone 'UTC', 'HH24:MI') as slot, h.booking_id
     from partnering_holds h join partnering_days d on d.id = h.day_id
     where d.event_id = ${q(eventId)} order by h.slot_start, h.user_id`,
  );
}

async function bookings(eventId: string) {
  return rows<{
    id: string;
    requester: string;
    invitee: string;
    slot: string;
    table_number: number | null;
    status: string;
    call_url: string;
  }>(
    `select b.id, b.requester, b.invitee, to_char(b.slot_start at time zone 'UTC', 'HH24:MI') as slot,
       b.table_number, b.status, b.call_url
     from partnering_bookings b join partnering_days d on d.id = b.day_id
     where d.event_id = ${q(eventId)} order by b.created_at`,
  );
}

describe("setting up a partnering day", () => {
  it("is for the event's organisers, within the event's day, with a link for calls", async () => {
    const { facilitator, people, eventId } = await eventWith(1);
    const url = `/events/${eventId}/partnering/setup`;
    expect((await people[0].client.get(url)).status).toBe(403);
    expect((await people[0].client.post(url, setupForm())).status).toBe(403);
    expect((await facilitator.client.get(url)).status).toBe(200);
    expect((await facilitator.client.get("/events/not-an-id/partnering/setup")).status).toBe(404);

    const cases: [Record<string, string>, string][] = [
      [
        { startsAt: `${nextYear}-06-16T10:00`, endsAt: `${nextYear}-06-16T12:00` },
        "partneringDay.outsideEvent",
      ],
      [{ startsAt: "soon" }, "partneringDay.timeInvalid"],
      [{ endsAt: `${nextYear}-06-15T14:10` }, "partneringDay.noSlots"],
      [{ slotMinutes: "5" }, "partneringDay.slotInvalid"],
      [{ tables: "-1" }, "partneringDay.tablesInvalid"],
      // An in-person event has no meeting link: calls are refused.
      [{ tables: "0" }, "partneringDay.callsNeedLink"],
    ];
    for (const [overrides, key] of cases) {
      const response = await facilitator.client.post(url, setupForm(overrides));
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    expect(await rows(`select 1 from partnering_days where event_id = ${q(eventId)}`)).toHaveLength(
      0,
    );

    expect((await facilitator.client.post(url, setupForm())).status).toBe(302);
    // Saving again changes the same day.
    expect((await facilitator.client.post(url, setupForm({ tables: "3" }))).status).toBe(302);
    const days = await rows<{ tables: number; starts: string }>(
      `select tables, to_char(starts_at at time zone 'UTC', 'HH24:MI') as starts
       from partnering_days where event_id = ${q(eventId)}`,
    );
    expect(days).toEqual([{ tables: 3, starts: "11:00" }]);
  });
});

describe("joining and booking", () => {
  it("lets only people going join, with the day's own slots and their own organisation", async () => {
    const { facilitator, people, notGoing, eventId } = await eventWith(1);
    expect((await join(people[0], eventId, [slot(0)])).status).toBe(404);
    await facilitator.client.post(`/events/${eventId}/partnering/setup`, setupForm());

    const refused = await join(notGoing, eventId, [slot(0)]);
    expect(refused.status).toBe(403);
    expect((await notGoing.client.get(`/events/${eventId}/partnering`)).status).toBe(403);

    const foreignOrg = await app.createOrganisation({
      members: [{ userId: notGoing.user.id, role: "admin" }],
    });
    const cases: [string[], Record<string, string>, string][] = [
      [[], {}, "partneringDay.availabilityRequired"],
      [[slot(10)], {}, "partneringDay.slotNotOfDay"],
      [
        [new Date(Date.UTC(nextYear, 5, 15, 13, 0)).toISOString()],
        {},
        "partneringDay.slotNotOfDay",
      ],
      [["tomorrow"], {}, "partneringDay.slotNotOfDay"],
      [[slot(0)], { seeks: "s".repeat(501) }, "partneringDay.textTooLong"],
      [[slot(0)], { organisationId: foreignOrg.id }, "partneringDay.organisationInvalid"],
    ];
    for (const [slots, extra, key] of cases) {
      const response = await join(people[0], eventId, slots, extra);
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    expect(
      await rows(`select 1 from partnering_participants p join partnering_days d on d.id = p.day_id
                  where d.event_id = ${q(eventId)}`),
    ).toHaveLength(0);

    const org = await app.createOrganisation({
      name: "Cretan Oils",
      members: [{ userId: people[0].user.id, role: "admin" }],
    });
    expect(
      (await join(people[0], eventId, [slot(0), slot(20)], { organisationId: org.id })).status,
    ).toBe(302);
    const page = await (await people[0].client.get(`/events/${eventId}/partnering`)).text();
    expect(page).toContain("Cretan Oils");
    expect(page).toContain("A distributor in the Nordics");
    // The slots are shown in the viewer's zone with the zone named (Helsinki: EEST).
    expect(page).toContain(formatTime(new Date(slot(0)), "en", "Europe/Helsinki"));
  });

  it("books a slot both are free for at the smallest free table, refuses the rest, cancels", async () => {
    const { facilitator, people, notGoing, eventId } = await eventWith(4);
    await facilitator.client.post(`/events/${eventId}/partnering/setup`, setupForm());
    const [a, b, c, d] = people;
    for (const p of people) expect((await join(p, eventId, [slot(0), slot(20)])).status).toBe(302);
    // Only d is free at 11:40 UTC.
    expect((await join(d, eventId, [slot(0), slot(20), slot(40)])).status).toBe(302);

    expect((await book(notGoing, eventId, a.user.id, slot(0))).status).toBe(403);
    const outside = await book(a, eventId, d.user.id, slot(40));
    expect(outside.status).toBe(400);
    expectMessage(await outside.text(), "partneringDay.notAvailable");
    expect((await book(a, eventId, b.user.id, slot(10))).status).toBe(400);
    expect((await book(a, eventId, a.user.id, slot(0))).status).toBe(400);
    expect((await book(a, eventId, "not-an-id", slot(0))).status).toBe(400);
    expect((await book(a, eventId, notGoing.user.id, slot(0))).status).toBe(404);
    expect(await bookings(eventId)).toEqual([]);

    expect((await book(a, eventId, b.user.id, slot(0))).status).toBe(302);
    expect((await book(c, eventId, d.user.id, slot(0))).status).toBe(302);
    const made = await bookings(eventId);
    expect(made.map((m) => [m.slot, m.table_number])).toEqual([
      ["11:00", 1],
      ["11:00", 2],
    ]);
    // b holds 11:00: booking b as invitee (or as requester) again in that slot is a 409.
    const taken = await book(c, eventId, b.user.id, slot(0));
    expect(taken.status).toBe(409);
    expectMessage(await taken.text(), "partneringDay.slotTaken");
    expect((await book(b, eventId, c.user.id, slot(0))).status).toBe(409);
    expect(await holds(eventId)).toHaveLength(4);

    // The invitee is told; the agenda lists it with its table; the .ics has UTC times.
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'partnering.booked' and data->>'eventId' = ${q(eventId)} order by recipient_id`,
    );
    expect(told.map((t) => t.recipient_id).sort()).toEqual([b.user.id, d.user.id].sort());
    const agenda = await (await b.client.get(`/events/${eventId}/partnering/agenda`)).text();
    expect(agenda).toContain("Table 1");
    const ics = await (await b.client.get(`/events/${eventId}/partnering/agenda/ics`)).text();
    expect(ics).toContain(`DTSTART:${nextYear}0615T110000Z`);
    expect(ics).toContain(`DTEND:${nextYear}0615T112000Z`);
    expect(ics).toContain("LOCATION:Table 1");
    expect((await notGoing.client.get(`/events/${eventId}/partnering/agenda`)).status).toBe(403);

    // Cancel (the invitee): both holds are freed, the requester is told, the table is free again.
    const first = made[0];
    expect(
      (
        await c.client.post(`/events/${eventId}/partnering/agenda`, {
          intent: "cancel",
          booking: first.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await b.client.post(`/events/${eventId}/partnering/agenda`, {
          intent: "cancel",
          booking: first.id,
        })
      ).status,
    ).toBe(302);
    expect(
      (
        await a.client.post(`/events/${eventId}/partnering/agenda`, {
          intent: "cancel",
          booking: first.id,
        })
      ).status,
    ).toBe(409);
    expect((await holds(eventId)).map((h) => h.booking_id)).toEqual([made[1].id, made[1].id]);
    const cancelled = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'partnering.cancelled' and data->>'eventId' = ${q(eventId)}`,
    );
    expect(cancelled).toEqual([{ recipient_id: a.user.id }]);
    expect((await book(b, eventId, a.user.id, slot(0))).status).toBe(302);
    expect((await bookings(eventId)).at(-1)?.table_number).toBe(1);

    // Every table taken in a slot: a 409, nothing written.
    await facilitator.client.post(
      `/events/${eventId}/partnering/setup`,
      setupForm({ tables: "1" }),
    );
    expect((await book(c, eventId, a.user.id, slot(20))).status).toBe(302);
    const before = (await bookings(eventId)).length;
    const noTable = await book(b, eventId, d.user.id, slot(20));
    expect(noTable.status).toBe(409);
    expectMessage(await noTable.text(), "partneringDay.noTableFree");
    expect(await bookings(eventId)).toHaveLength(before);
    // A closed day refuses bookings.
    await facilitator.client.post(`/events/${eventId}/partnering/setup`, setupForm({ isOpen: "" }));
    const closed = await book(d, eventId, b.user.id, slot(0));
    expect(closed.status).toBe(409);
    expectMessage(await closed.text(), "partneringDay.closed");
  });

  it("gives each call its own room on an online day", async () => {
    const { facilitator, people, eventId } = await eventWith(2, {
      meetingUrl: "https://meet.example.org/fair",
    });
    expect(
      (
        await facilitator.client.post(
          `/events/${eventId}/partnering/setup`,
          setupForm({ tables: "0" }),
        )
      ).status,
    ).toBe(302);
    for (const p of people) await join(p, eventId, [slot(0)]);
    expect((await book(people[0], eventId, people[1].user.id, slot(0))).status).toBe(302);
    const [made] = await bookings(eventId);
    expect(made.table_number).toBeNull();
    expect(made.call_url).toMatch(/^https:\/\/meet\.example\.org\/fair\?room=[0-9a-f]{8}$/);
  });
});

describe("two people booking the same person's slot at the same moment", () => {
  it("gives it to exactly one of them, round after round, holds consistent", async () => {
    const { facilitator, people, eventId } = await eventWith(3);
    await facilitator.client.post(
      `/events/${eventId}/partnering/setup`,
      setupForm({ tables: "5" }),
    );
    const [target, first, second] = people;
    const slots = [0, 20, 40, 60, 80, 100].map(slot);
    for (const p of people) await join(p, eventId, slots);
    for (const at of slots) {
      const responses = await Promise.all([
        book(first, eventId, target.user.id, at),
        book(second, eventId, target.user.id, at),
      ]);
      expect(responses.map((r) => r.status).sort(), at).toEqual([302, 409]);
      const loser = responses.find((r) => r.status === 409);
      expectMessage(await (loser as Response).text(), "partneringDay.slotTaken");
    }
    const made = await bookings(eventId);
    expect(made).toHaveLength(slots.length);
    const all = await holds(eventId);
    // Two holds per booking, each naming its booking's two people; the target holds every slot once.
    expect(all).toHaveLength(slots.length * 2);
    for (const booking of made) {
      const its = all
        .filter((h) => h.booking_id === booking.id)
        .map((h) => h.user_id)
        .sort();
      expect(its).toEqual([booking.requester, booking.invitee].sort());
    }
    expect(all.filter((h) => h.user_id === target.user.id)).toHaveLength(slots.length);
  });
});

describe("two bookings of the same person's slot through the server function", () => {
  it("commits one and refuses the other with a 409, on two connections with PostgreSQL", async () => {
    const { facilitator, people, eventId } = await eventWith(3);
    await facilitator.client.post(
      `/events/${eventId}/partnering/setup`,
      setupForm({ tables: "5" }),
    );
    const [target, first, second] = people;
    const slots = [0, 20, 40, 60].map(slot);
    for (const p of people) await join(p, eventId, slots);
    const person = (id: string) => ({
      id,
      isAdmin: false,
      isFacilitator: false,
      emailVerified: true,
    });
    // With PostgreSQL (TEST_DATABASE_URL) the pool hands each call its own connection and the
    // two transactions run side by side; embedded, they queue on the one connection.
    for (const at of slots) {
      const results = await Promise.allSettled([
        app.server.bookSlot({
          actor: person(first.user.id),
          eventId,
          withId: target.user.id,
          slot: new Date(at),
        }),
        app.server.bookSlot({
          actor: person(second.user.id),
          eventId,
          withId: target.user.id,
          slot: new Date(at),
        }),
      ]);
      expect(
        results.filter((r) => r.status === "fulfilled"),
        at,
      ).toHaveLength(1);
      const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
      expect(refused.reason).toMatchObject({ status: 409, messageKey: "partneringDay.slotTaken" });
    }
    const made = await bookings(eventId);
    expect(made).toHaveLength(slots.length);
    const all = await holds(eventId);
    expect(all).toHaveLength(slots.length * 2);
    expect(all.filter((h) => h.user_id === target.user.id)).toHaveLength(slots.length);
    // One table per slot, the smallest.
    expect(made.every((b) => b.table_number === 1)).toBe(true);
  });
});

describe("after the day", () => {
  it("asks each side whether to follow up, and offers a meeting when both say yes", async () => {
    const { facilitator, people, eventId } = await eventWith(2);
    await facilitator.client.post(`/events/${eventId}/partnering/setup`, setupForm());
    const [a, b] = people;
    for (const p of people) await join(p, eventId, [slot(0)]);
    expect((await book(a, eventId, b.user.id, slot(0))).status).toBe(302);
    const [booking] = await bookings(eventId);
    // They leave the network: nothing else joins them.
    await rows(`delete from network_members where user_id in (${q(a.user.id)}, ${q(b.user.id)})`);
    expect((await a.client.get(`/meetings/new?with=${b.user.id}`)).status).toBe(403);
    const say = (p: Person, answer: string) =>
      p.client.post(`/events/${eventId}/partnering/agenda`, {
        intent: "followUp",
        booking: booking.id,
        followUp: answer,
      });
    const early = await say(a, "yes");
    expect(early.status).toBe(409);
    expectMessage(await early.text(), "partneringDay.notOverYet");

    // The day is moved into the past (as time would).
    await rows(
      `update partnering_days set starts_at = starts_at - interval '3 years', ends_at = ends_at - interval '3 years'
       where event_id = ${q(eventId)}`,
    );
    expect((await say(a, "maybe")).status).toBe(400);
    expect((await say(a, "yes")).status).toBe(302);
    let page = await (await a.client.get(`/events/${eventId}/partnering/agenda`)).text();
    expect(page).not.toContain(`/meetings/new?with=${b.user.id}`);
    expect((await say(b, "yes")).status).toBe(302);
    page = await (await a.client.get(`/events/${eventId}/partnering/agenda`)).text();
    expect(page).toContain(`/meetings/new?with=${b.user.id}`);
    // Both said yes: the meeting they were offered can be proposed.
    expect((await a.client.get(`/meetings/new?with=${b.user.id}`)).status).toBe(200);
    const [row] = await rows<{ requester_follow_up: boolean; invitee_follow_up: boolean }>(
      `select requester_follow_up, invitee_follow_up from partnering_bookings where id = ${q(booking.id)}`,
    );
    expect(row).toEqual({ requester_follow_up: true, invitee_follow_up: true });
  });
});

describe("the booking page with 300 participants", () => {
  it("lists them 50 a page in the order they joined, and filters by words", async () => {
    const { facilitator, eventId } = await eventWith(0);
    const people: string[] = [];
    for (let i = 0; i < 300; i++) {
      const user = await app.createUser({
        displayName: `Bulk ${String(i).padStart(3, "0")}`,
        passwordHash: "not-a-real-hash",
      });
      people.push(user.id);
    }
    const { slots } = await buildPartneringDay(app.server.getDatabase().db as never, {
      eventId,
      startsAt: new Date(slot(0)),
      endsAt: new Date(slot(120)),
      participants: people.map((userId, i) => ({
        userId,
        seeks: i === 123 ? "A cooperage in Tuscany" : "Buyers",
        offers: "Honey",
        slots: i % 2 ? [0, 1] : [2, 3],
      })),
      bookings: [
        { requester: people[1], invitee: people[3], slot: 0 },
        { requester: people[5], invitee: people[7], slot: 0 },
      ],
    });
    expect(slots).toHaveLength(6);
    const [going] = await rows<{ going_count: number }>(
      `select going_count from events where id = ${q(eventId)}`,
    );
    expect(going.going_count).toBe(300);
    expect((await bookings(eventId)).map((b) => b.table_number)).toEqual([1, 2]);

    const seen: string[] = [];
    let next: string | null = `/events/${eventId}/partnering`;
    let pages = 0;
    while (next && pages < 10) {
      const html = await (await facilitator.client.get(next)).text();
      const names = [...html.matchAll(/<h3>(Bulk \d{3})/g)].map((m) => m[1]);
      expect(names.length).toBeLessThanOrEqual(50);
      seen.push(...names);
      next = html.match(/href="(\?[^"]*after=[^"]+)"/)?.[1]?.replaceAll("&amp;", "&") ?? null;
      if (next) next = `/events/${eventId}/partnering${next}`;
      pages++;
    }
    expect(pages).toBe(6);
    expect(seen).toEqual(people.map((_, i) => `Bulk ${String(i).padStart(3, "0")}`));

    const filtered = await (
      await facilitator.client.get(
        `/events/${eventId}/partnering?q=${encodeURIComponent("cooperage")}`,
      )
    ).text();
    expect([...filtered.matchAll(/<h3>(Bulk \d{3})/g)].map((m) => m[1])).toEqual(["Bulk 123"]);
    // Words with LIKE's wildcards are taken literally.
    const literal = await (
      await facilitator.client.get(`/events/${eventId}/partnering?q=%25`)
    ).text();
    expect(literal).not.toContain("<h3>Bulk");
  });
});
