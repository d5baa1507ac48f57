import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { expectMessage } from "../setup/html";

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

/** Next year: always in the future, never tied to today's date or clock. */
const year = new Date().getUTCFullYear() + 1;

/** The date (YYYY-MM-DD) of the first given weekday (0 Sunday … 6 Saturday) on or after a date. */
function onOrAfter(month: number, day: number, weekday: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCDate(date.getUTCDate() + ((weekday - date.getUTCDay() + 7) % 7));
  return date.toISOString().slice(0, 10);
}

// A Monday early in February: the series' first Wednesday is two days later, and ten weeks of
// fortnightly meetings cross the change to summer time at the end of March.
const monday = onOrAfter(2, 1, 1);

function seriesForm(overrides: Record<string, string | string[]> = {}) {
  return {
    intent: "save",
    title: "Fortnightly bakers",
    description: "Pricing, suppliers and a tasting.",
    kind: "in_person",
    venue: "Adult-learning centre",
    address: "Ermou 12, Athens",
    mapUrl: "",
    meetingUrl: "",
    timeZone: "Europe/Athens",
    startsAt: `${monday}T18:30`,
    endsAt: `${monday}T20:30`,
    language: "en",
    capacity: "",
    rsvpDeadline: "",
    repeat: "weekly",
    repeatInterval: "2",
    repeatDays: ["WE"],
    repeatOrdinal: "",
    repeatEnd: "count",
    repeatCount: "6",
    repeatUntil: "",
    ...overrides,
  };
}

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

async function createSeries(
  client: TestClient,
  networkId: string,
  overrides: Record<string, string | string[]> = {},
): Promise<string> {
  const response = await client.post(`/networks/${networkId}/events/new`, seriesForm(overrides));
  expect(response.status).toBe(302);
  const id = response.headers.get("location")?.match(/\/events\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no event id in ${response.headers.get("location")}`);
  return id;
}

type Occurrence = {
  id: string;
  series_id: string;
  starts_at: string;
  ends_at: string;
  recurrence_id: string;
  detached: boolean;
  cancelled: boolean;
  title: string;
};

async function occurrences(eventId: string): Promise<Occurrence[]> {
  return rows<Occurrence>(
    `select id, series_id, starts_at, ends_at, recurrence_id, detached, title,
       cancelled_at is not null as cancelled
     from events where series_id = (select series_id from events where id = '${eventId}')
     order by recurrence_id`,
  );
}

const iso = (value: string) => new Date(value).toISOString();

/** Every occurrence ical.js finds in the file, overrides applied and EXDATEs left out. */
function expand(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = root.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
  const masters = events.filter((e) => !e.isRecurrenceException());
  for (const exception of events.filter((e) => e.isRecurrenceException())) {
    const master = masters.find((m) => m.uid === exception.uid);
    if (!master) throw new Error("override without master");
    master.relateException(exception);
  }
  expect(masters).toHaveLength(1);
  const out: { start: string; end: string; title: string; uid: string }[] = [];
  const iterator = masters[0].iterator();
  for (let next = iterator.next(); next; next = iterator.next()) {
    const details = masters[0].getOccurrenceDetails(next);
    out.push({
      start: details.startDate.toJSDate().toISOString(),
      end: details.endDate.toJSDate().toISOString(),
      title: details.item.summary,
      uid: details.item.uid,
    });
  }
  return out;
}

async function icsOf(client: TestClient, networkId: string, eventId: string) {
  const response = await client.get(`/networks/${networkId}/events/${eventId}/event.ics`);
  expect(response.status).toBe(200);
  return response.text();
}

function athensWall(value: string) {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/Athens",
    weekday: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(new Date(value));
}

describe("creating a series", () => {
  it("makes one row per occurrence at 18:30 Athens across the time change, as ical.js expands it", async () => {
    const { facilitator, dublin, network } = await setUp();
    // The form offers the repetition as plain fields (no JavaScript needed).
    const form = await (await facilitator.client.get(`/networks/${network.id}/events/new`)).text();
    expect(form).toContain('name="repeat" value="weekly"');
    expect(form).toContain('name="repeatDays" value="WE"');
    expect(form).toContain('name="repeatOrdinal"');
    expect(form).toContain('name="repeatUntil"');
    const first = await createSeries(facilitator.client, network.id);
    const list = await occurrences(first);
    expect(list).toHaveLength(6);
    expect(list[0].id).toBe(first);
    for (const o of list) {
      expect(athensWall(o.starts_at)).toBe("Wed 18:30");
      expect(athensWall(o.ends_at)).toBe("Wed 20:30");
      expect(iso(o.recurrence_id)).toBe(iso(o.starts_at));
    }
    // Winter (UTC+2) and summer (UTC+3) both among them.
    const utcHours = new Set(list.map((o) => new Date(o.starts_at).getUTCHours()));
    expect([...utcHours].sort()).toEqual([15, 16]);
    const [series] = await rows<{ rule: string }>(
      `select rule from event_series where id = '${list[0].series_id}'`,
    );
    expect(series.rule).toBe("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=6");

    const text = await icsOf(dublin.client, network.id, list[3].id);
    expect(text).toContain(`UID:${list[0].series_id}@`);
    expect(text).toContain("RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;COUNT=6");
    expect(text).not.toContain("RECURRENCE-ID");
    expect(expand(text).map((e) => e.start)).toEqual(list.map((o) => iso(o.starts_at)));

    // Members hear of the series once, not once per date.
    const told = await rows<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'event.created'
         and recipient_id = '${dublin.user.id}' and network_id = '${network.id}'`,
    );
    expect(told[0].n).toBe(1);
    const page = await (await dublin.client.get(`/networks/${network.id}/events/${first}`)).text();
    expect(page).toContain("Part of a series: every 2 weeks on Wednesday");
    for (const o of list.slice(1, 4)) expect(page).toContain(`/events/${o.id}"`);
    const listing = await (await dublin.client.get(`/networks/${network.id}/events`)).text();
    expect(listing).toContain("· Repeats");
  });

  it("makes monthly series on the 2nd and the last weekday", async () => {
    const { facilitator, network } = await setUp();
    const first = await createSeries(facilitator.client, network.id, {
      repeat: "monthly",
      repeatInterval: "1",
      repeatOrdinal: "-1",
      repeatDays: ["FR"],
      repeatCount: "4",
      startsAt: `${year}-01-02T19:00`,
      endsAt: `${year}-01-02T21:00`,
    });
    const list = await occurrences(first);
    expect(list).toHaveLength(4);
    for (const o of list) {
      const start = new Date(o.starts_at);
      expect(athensWall(o.starts_at)).toBe("Fri 19:00");
      // The last Friday: a week later is another month.
      const weekLater = new Date(start.getTime() + 7 * 86_400_000);
      expect(weekLater.getUTCMonth()).not.toBe(start.getUTCMonth());
    }
    const second = await createSeries(facilitator.client, network.id, {
      repeat: "monthly",
      repeatInterval: "1",
      repeatOrdinal: "",
      repeatDays: [],
      repeatEnd: "until",
      repeatCount: "",
      repeatUntil: `${year}-06-30`,
      startsAt: `${onOrAfter(1, 8, 3)}T18:30`,
      endsAt: `${onOrAfter(1, 8, 3)}T20:30`,
      title: "Second Wednesday",
    });
    const monthly = await occurrences(second);
    // 2nd Wednesday of January to June, the weekday and position taken from the first date.
    expect(monthly.map((o) => new Date(o.starts_at).getUTCDate())).toEqual(
      [1, 2, 3, 4, 5, 6].map((m) => Number(onOrAfter(m, 8, 3).slice(8))),
    );
  });

  it("refuses bad repetitions with translated 400s and stores nothing", async () => {
    const { facilitator, network } = await setUp();
    const path = `/networks/${network.id}/events/new`;
    const cases: [Record<string, string | string[]>, string][] = [
      [{ repeat: "yearly" }, "events.series.unknownFreq"],
      [{ repeatInterval: "0" }, "events.series.intervalInvalid"],
      [{ repeatInterval: "53" }, "events.series.intervalInvalid"],
      [{ repeatCount: "" }, "events.series.endRequired"],
      [{ repeatEnd: "until", repeatUntil: `${year}-01-01` }, "events.series.untilBeforeStart"],
      [{ repeatCount: "60" }, "events.series.tooMany"],
      [
        {
          repeatInterval: "1",
          repeatDays: ["MO", "TU", "WE"],
          repeatEnd: "until",
          repeatUntil: `${year}-12-31`,
        },
        "events.series.tooMany",
      ],
      [{ repeat: "monthly", repeatInterval: "12", repeatCount: "4" }, "events.series.tooLong"],
      [{ repeatDays: ["XX"] }, "events.series.invalid"],
    ];
    for (const [overrides, message] of cases) {
      const response = await facilitator.client.post(path, seriesForm(overrides));
      expect(response.status, message).toBe(400);
      expectMessage(await response.text(), message);
    }
    const [count] = await rows<{ n: number; s: number }>(
      `select (select count(*)::int from events where network_id = '${network.id}') as n,
         (select count(*)::int from event_series where network_id = '${network.id}') as s`,
    );
    expect(count).toEqual({ n: 0, s: 0 });
  });

  it("is for facilitators of the network, and a form sent twice makes one series", async () => {
    const { facilitator, dublin, network } = await setUp();
    const member = await dublin.client.post(`/networks/${network.id}/events/new`, seriesForm());
    expect(member.status).toBe(403);
    const once = seriesForm({ submissionKey: "series-twice-0001" });
    const [a, b] = await Promise.all([
      facilitator.client.post(`/networks/${network.id}/events/new`, once),
      facilitator.client.post(`/networks/${network.id}/events/new`, once),
    ]);
    const c = await facilitator.client.post(`/networks/${network.id}/events/new`, once);
    expect(a.headers.get("location")).toBe(b.headers.get("location"));
    expect(c.headers.get("location")).toBe(a.headers.get("location"));
    const [count] = await rows<{ n: number; s: number }>(
      `select (select count(*)::int from events where network_id = '${network.id}') as n,
         (select count(*)::int from event_series where network_id = '${network.id}') as s`,
    );
    expect(count).toEqual({ n: 6, s: 1 });
  });
});

describe("changing one occurrence and the whole series", () => {
  it("cancels one date (EXDATE), moves another (RECURRENCE-ID), and the series change spares it", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const first = await createSeries(facilitator.client, network.id);
    const list = await occurrences(first);
    const base = `/networks/${network.id}/events`;
    // Dublin goes to the 3rd and 5th dates, Helsinki to the 2nd.
    for (const o of [list[2], list[4]]) {
      expect(
        (await dublin.client.post(`${base}/${o.id}`, { intent: "rsvp", answer: "going" })).status,
      ).toBe(302);
    }
    await helsinki.client.post(`${base}/${list[1].id}`, { intent: "rsvp", answer: "going" });

    // Cancel the 2nd date only: Helsinki is told, the series' file gets an EXDATE.
    expect(
      (
        await facilitator.client.post(`${base}/${list[1].id}`, {
          intent: "cancel",
          confirmed: "yes",
        })
      ).status,
    ).toBe(302);
    const cancelTold = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'event.cancelled' and data->>'eventId' = '${list[1].id}'`,
    );
    expect(cancelTold.map((r) => r.recipient_id)).toEqual([helsinki.user.id]);

    // Move the 3rd date by a day and an hour, on its own.
    const moved = list[2];
    const movedDay = new Date(new Date(moved.starts_at).getTime() + 86_400_000)
      .toISOString()
      .slice(0, 10);
    const edit = await facilitator.client.post(`${base}/${moved.id}/edit`, {
      ...seriesForm({ startsAt: `${movedDay}T19:30`, endsAt: `${movedDay}T21:00` }),
      title: "Bakers at the mill",
    });
    expect(edit.status).toBe(302);

    let text = await icsOf(dublin.client, network.id, first);
    const seriesUid = `UID:${list[0].series_id}@`;
    expect(text).toContain(seriesUid);
    expect(text.match(/^EXDATE/gm)).toHaveLength(1);
    expect(text.match(/^RECURRENCE-ID/gm)).toHaveLength(1);
    let after = await occurrences(first);
    let expanded = expand(text);
    expect(expanded.map((e) => e.start)).toEqual(
      after.filter((o) => !o.cancelled).map((o) => iso(o.starts_at)),
    );
    expect(expanded.find((e) => e.title === "Bakers at the mill")?.start).toBe(
      iso(after[2].starts_at),
    );
    expect(after[2].detached).toBe(true);

    // The moved date's page says it was changed on its own; the series page is for facilitators.
    const movedPage = await (await dublin.client.get(`${base}/${moved.id}`)).text();
    expect(movedPage).toContain("This date was changed on its own");
    expect(movedPage).not.toContain(`${base}/${moved.id}/series"`);
    const seriesPage = await facilitator.client.get(`${base}/${list[3].id}/series`);
    expect(seriesPage.status).toBe(200);
    expect(await seriesPage.text()).toContain('name="intent" value="endAfter"');
    expect((await dublin.client.get(`${base}/${list[3].id}/series`)).status).toBe(403);
    const facilitatorView = await (await facilitator.client.get(`${base}/${list[3].id}`)).text();
    expect(facilitatorView).toContain(`${base}/${list[3].id}/series"`);

    // Now the whole series moves to 19:00 and gets a new title, from the 4th date's page.
    const member = await dublin.client.post(
      `${base}/${list[3].id}/series`,
      seriesForm({ startsAt: `${monday}T19:00`, endsAt: `${monday}T21:00` }),
    );
    expect(member.status).toBe(403);
    const outsider = await app.signedIn({ isFacilitator: true });
    const other = await app.server.createNetwork({ facilitators: [outsider.user.id] });
    const crossed = await outsider.client.post(
      `/networks/${other.id}/events/${list[3].id}/series`,
      seriesForm({ startsAt: `${monday}T19:00`, endsAt: `${monday}T21:00` }),
    );
    expect(crossed.status).toBe(404);
    const whole = await facilitator.client.post(`${base}/${list[3].id}/series`, {
      ...seriesForm({ startsAt: `${monday}T19:00`, endsAt: `${monday}T21:00` }),
      title: "Fortnightly bakers (new room)",
    });
    expect(whole.status).toBe(302);
    after = await occurrences(first);
    for (const o of after) {
      if (o.id === moved.id) {
        // Changed on its own: left as it was.
        expect(o.title).toBe("Bakers at the mill");
        expect(iso(o.starts_at)).toBe(iso(after[2].starts_at));
      } else if (!o.cancelled) {
        expect(o.title).toBe("Fortnightly bakers (new room)");
        expect(athensWall(o.starts_at)).toBe("Wed 19:00");
        expect(iso(o.recurrence_id).slice(0, 10)).toBe(iso(o.starts_at).slice(0, 10));
      } else {
        expect(o.title).toBe("Fortnightly bakers");
      }
    }
    // Dublin, going to the 5th date, is told of its new time, and reminders follow it.
    const changedTold = await rows<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'event.changed'
         and recipient_id = '${dublin.user.id}' and data->>'eventId' = '${list[4].id}'`,
    );
    expect(changedTold[0].n).toBe(1);
    const reminders = await rows<{ starts: string }>(
      `select distinct data->>'startsAt' as starts from pgboss.job
         where name = 'events.reminder' and data->>'eventId' = '${list[4].id}'`,
    );
    expect(reminders.map((r) => r.starts)).toContain(iso(after[4].starts_at));

    // The file still agrees with the rows, read by ical.js.
    text = await icsOf(dublin.client, network.id, first);
    expanded = expand(text);
    expect(expanded.map((e) => e.start)).toEqual(
      after.filter((o) => !o.cancelled).map((o) => iso(o.starts_at)),
    );
    expect(new Set(expanded.map((e) => e.uid))).toEqual(
      new Set([`${list[0].series_id}@${new URL(app.url).hostname}`]),
    );
    const [series] = await rows<{ sequence: number }>(
      `select sequence from event_series where id = '${list[0].series_id}'`,
    );
    // Once for the cancelled date, once for the change of the series.
    expect(series.sequence).toBe(2);
    expect(text).toContain("SEQUENCE:2");
  });

  it("ends the series after a date, or cancels all of it", async () => {
    const { facilitator, dublin, network } = await setUp();
    const first = await createSeries(facilitator.client, network.id);
    const list = await occurrences(first);
    const base = `/networks/${network.id}/events`;
    await dublin.client.post(`${base}/${list[5].id}`, { intent: "rsvp", answer: "going" });
    const refused = await dublin.client.post(`${base}/${list[2].id}/series`, {
      intent: "endAfter",
      confirmed: "yes",
    });
    expect(refused.status).toBe(403);
    expect(
      (
        await facilitator.client.post(`${base}/${list[2].id}/series`, {
          intent: "endAfter",
          confirmed: "yes",
        })
      ).status,
    ).toBe(302);
    let after = await occurrences(first);
    expect(after.map((o) => o.cancelled)).toEqual([false, false, false, true, true, true]);
    const told = await rows<{ n: number }>(
      `select count(*)::int as n from notifications where kind = 'event.cancelled'
         and recipient_id = '${dublin.user.id}' and data->>'eventId' = '${list[5].id}'`,
    );
    expect(told[0].n).toBe(1);
    const text = await icsOf(dublin.client, network.id, first);
    expect(text).toMatch(/RRULE:FREQ=WEEKLY;INTERVAL=2;BYDAY=WE;UNTIL=\d{8}T\d{6}Z/);
    expect(expand(text).map((e) => e.start)).toEqual(
      after.slice(0, 3).map((o) => iso(o.starts_at)),
    );

    expect(
      (
        await facilitator.client.post(`${base}/${list[0].id}/series`, {
          intent: "cancelAll",
          confirmed: "yes",
        })
      ).status,
    ).toBe(302);
    after = await occurrences(first);
    expect(after.every((o) => o.cancelled)).toBe(true);
    const again = await facilitator.client.post(`${base}/${list[0].id}/series`, {
      intent: "cancelAll",
      confirmed: "yes",
    });
    expect(again.status).toBe(409);
    expect(await icsOf(dublin.client, network.id, first)).toContain("STATUS:CANCELLED");
  });
});

describe("the series' calendar file for one person", () => {
  it("shows the meeting link only on the dates the person is going to", async () => {
    const { facilitator, dublin, helsinki, network } = await setUp();
    const first = await createSeries(facilitator.client, network.id, {
      kind: "online",
      venue: "",
      address: "",
      meetingUrl: "https://meet.example.org/series-secret",
      repeatCount: "3",
    });
    const list = await occurrences(first);
    await dublin.client.post(`/networks/${network.id}/events/${list[1].id}`, {
      intent: "rsvp",
      answer: "going",
    });
    const text = await icsOf(dublin.client, network.id, first);
    const expanded = expand(text);
    expect(expanded.map((e) => e.start)).toEqual(list.map((o) => iso(o.starts_at)));
    // One override (the date Dublin goes to) carries the link; the master does not.
    expect(text.match(/^RECURRENCE-ID/gm)).toHaveLength(1);
    expect(text.match(/series-secret/g)).toHaveLength(1);
    const override = text.slice(text.indexOf("RECURRENCE-ID"));
    expect(override).toContain("series-secret");
    const notGoing = await icsOf(helsinki.client, network.id, first);
    expect(notGoing).not.toContain("series-secret");
    expect(notGoing).not.toContain("RECURRENCE-ID");
  });
});

describe("the demo seed", () => {
  it("has a fortnightly series with one date changed on its own and one cancelled", async () => {
    await app.server.seedDemo();
    const [series] = await rows<{ id: string; rule: string; network_id: string }>(
      `select s.id, s.rule, s.network_id from event_series s
         where exists (select 1 from events e where e.series_id = s.id
           and e.title like '%: evening meeting%')`,
    );
    expect(series.rule).toMatch(/^FREQ=WEEKLY;INTERVAL=2;BYDAY=[A-Z]{2};COUNT=8$/);
    const list = await rows<Occurrence>(
      `select id, series_id, starts_at, ends_at, recurrence_id, detached, title,
         cancelled_at is not null as cancelled
       from events where series_id = '${series.id}' order by recurrence_id`,
    );
    expect(list).toHaveLength(8);
    expect(list.filter((o) => o.detached)).toHaveLength(1);
    expect(list.filter((o) => o.cancelled)).toHaveLength(1);
    // Its calendar file, read by a member, agrees with the rows.
    const member = await app.signedIn();
    await rows(
      `insert into network_members (network_id, user_id, role) values ('${series.network_id}', '${member.user.id}', 'member')`,
    );
    const text = await icsOf(member.client, series.network_id, list[0].id);
    expect(text.match(/^RECURRENCE-ID/gm)).toHaveLength(1);
    expect(text.match(/^EXDATE/gm)).toHaveLength(1);
    expect(expand(text).map((e) => e.start)).toEqual(
      list.filter((o) => !o.cancelled).map((o) => iso(o.starts_at)),
    );
  });
});
