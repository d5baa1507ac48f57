/**
 * Issue 9's "done means", as one journey in Chromium: a facilitator in Athens creates a
 * face-to-face meeting in Greek time through the form; members in Ireland and Finland read it
 * in their own time and find it in their calendar subscription (parsed by ical.js); the last
 * seat goes to exactly one of two people pressing at once; the waiting list moves up when the
 * winner drops out; at the venue the facilitator checks the promoted member in from a phone.
 * (Reminders arriving once across a killed worker: tests/integration/event-reminders-processes.)
 */
import ICAL from "ical.js";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/ui/format";
import { startTestApp, type TestApp, TestClient } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const password = "a long enough passphrase";

describe.skipIf(!hasChromium)("an event from Athens to Dublin and Helsinki, in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  async function client(email: string) {
    const c = new TestClient(app.url);
    await c.signIn(email, password);
    return c;
  }

  const sql = <T>(text: string) => app.server.queryRows<T>(app.server.rawSql(text));

  it("goes from the form in Athens to a check-in at the door", async () => {
    const year = new Date().getUTCFullYear() + 1;
    const fotini = await app.createUser({
      password,
      displayName: "Fotini Georgiou",
      country: "GR",
      timeZone: "Europe/Athens",
    });
    const aoife = await app.createUser({
      password,
      displayName: "Aoife Byrne",
      country: "IE",
      timeZone: "Europe/Dublin",
    });
    const sanna = await app.createUser({
      password,
      displayName: "Sanna Laine",
      country: "FI",
      timeZone: "Europe/Helsinki",
    });
    const network = await app.server.createNetwork({
      facilitators: [fotini.id],
      members: [aoife.id, sanna.id],
      languages: ["en"],
    });

    // 1. Fotini creates the meeting in her browser, times typed on Athens clocks, one seat.
    const desk = await openPage(browser, { timezoneId: "Europe/Athens", locale: "en-GB" });
    await signInWithForm(desk.page, app.url, fotini.email, password);
    await desk.page.goto(`${app.url}/networks/${network.id}/events/new`);
    await desk.page.getByLabel(en("events.title")).fill("Bakers' evening");
    await desk.page.getByLabel(en("events.kind")).selectOption("in_person");
    await desk.page.getByLabel(en("events.venue")).fill("Adult-learning centre");
    await desk.page.getByLabel(en("events.address"), { exact: true }).fill("Ermou 12, Athens");
    await desk.page.getByLabel(en("events.timeZone")).selectOption("Europe/Athens");
    await desk.page.getByLabel(en("events.startsAt")).fill(`${year}-06-15T18:30`);
    await desk.page.getByLabel(en("events.endsAt")).fill(`${year}-06-15T20:30`);
    await desk.page.getByLabel(en("events.capacity")).fill("1");
    await desk.page.getByRole("button", { name: en("events.create") }).click();
    await desk.page.waitForURL(/\/events\/[0-9a-f-]{36}(\?.*)?$/);
    const eventId = new URL(desk.page.url()).pathname.split("/").at(-1) ?? "";
    // 18:30 in Athens in June (UTC+3) is 15:30 UTC.
    const startsAt = new Date(Date.UTC(year, 5, 15, 15, 30));
    const [stored] = await sql<{ starts_at: string; time_zone: string }>(
      `select starts_at, time_zone from events where id = '${eventId}'`,
    );
    expect(new Date(stored.starts_at).toISOString()).toBe(startsAt.toISOString());
    expect(stored.time_zone).toBe("Europe/Athens");

    // 2. Aoife in Dublin and Sanna in Helsinki read it in their own time, zone named.
    const eventUrl = `${app.url}/networks/${network.id}/events/${eventId}`;
    for (const [person, zone] of [
      [aoife, "Europe/Dublin"],
      [sanna, "Europe/Helsinki"],
    ] as const) {
      const reader = await openPage(browser, { timezoneId: zone, locale: "en-GB" });
      await signInWithForm(reader.page, app.url, person.email, password);
      await reader.page.goto(eventUrl, { waitUntil: "networkidle" });
      const shown = reader.page.locator(`time[datetime="${startsAt.toISOString()}"]`).first();
      expect(await shown.textContent()).toBe(formatDateTime(startsAt, "en", zone));
      expect.soft(await pageProblems(reader.page, `event page in ${zone}`)).toEqual([]);
      expect(reader.problems).toEqual([]);
      await reader.context.close();
    }

    // 3. Their calendar apps find it through each one's private subscription URL.
    const aoifeClient = await client(aoife.email);
    const sannaClient = await client(sanna.email);
    for (const c of [aoifeClient, sannaClient]) {
      const settings = await (await c.post("/settings/calendar", { intent: "create" })).text();
      const url = settings.match(/https?:\/\/[^"\s<]+\/calendar\/[A-Za-z0-9_-]{43}\.ics/)?.[0];
      expect(url).toBeTruthy();
      // A calendar app has no session.
      const feed = await fetch(url ?? "");
      expect(feed.status).toBe(200);
      const root = new ICAL.Component(ICAL.parse(await feed.text()));
      const component = root
        .getAllSubcomponents("vevent")
        .find((v) => String(v.getFirstPropertyValue("uid")).startsWith(eventId));
      if (!component) throw new Error("the event is not in the feed");
      const vevent = new ICAL.Event(component);
      expect(vevent.summary).toBe("Bakers' evening");
      expect(component.getFirstProperty("dtstart")?.getParameter("tzid")).toBe("Europe/Athens");
      expect(vevent.startDate.toJSDate().toISOString()).toBe(startsAt.toISOString());
    }

    // 4. Both press "going" for the one seat at the same moment: exactly one gets it.
    const answers = await Promise.all(
      [aoifeClient, sannaClient].map((c) =>
        c.post(`/networks/${network.id}/events/${eventId}`, { intent: "rsvp", answer: "going" }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const statuses = async () =>
      new Map(
        (
          await sql<{ user_id: string; status: string }>(
            `select user_id, status from event_rsvps where event_id = '${eventId}'`,
          )
        ).map((r) => [r.user_id, r.status]),
      );
    const first = await statuses();
    expect([...first.values()].sort()).toEqual(["going", "waiting"]);
    const names = new Map([
      [aoife.id, "Aoife Byrne"],
      [sanna.id, "Sanna Laine"],
    ]);
    const winner = first.get(aoife.id) === "going" ? aoife : sanna;
    const waiting = winner === aoife ? sanna : aoife;

    // 5. The winner drops out: the waiting list moves up, and the promoted person is told.
    const winnerClient = winner === aoife ? aoifeClient : sannaClient;
    await winnerClient.post(`/networks/${network.id}/events/${eventId}`, {
      intent: "rsvp",
      answer: "not_going",
      confirmed: "yes",
    });
    const second = await statuses();
    expect(second.get(waiting.id)).toBe("going");
    expect(second.get(winner.id)).toBe("not_going");
    const [{ n: promoted }] = await sql<{ n: number }>(
      `select count(*)::int as n from notifications where recipient_id = '${waiting.id}' and kind = 'event.promoted'`,
    );
    expect(promoted).toBe(1);

    // 6. The evening comes: Fotini opens the desk on her phone and types the promoted member's
    // code from their event page.
    const waitingClient = waiting === aoife ? aoifeClient : sannaClient;
    const page = await (
      await waitingClient.get(`/networks/${network.id}/events/${eventId}`)
    ).text();
    const code = page.match(/class="check-in-code"[^>]*>([A-Z2-9]{4}-[A-Z2-9]{4})</)?.[1] ?? "";
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    await sql(
      `update events set starts_at = now() + interval '20 minutes', ends_at = now() + interval '140 minutes' where id = '${eventId}'`,
    );
    const phone = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
      timezoneId: "Europe/Athens",
    });
    await signInWithForm(phone.page, app.url, fotini.email, password);
    await phone.page.goto(`${eventUrl}/check-in`, { waitUntil: "networkidle" });
    await phone.page.getByLabel(en("events.checkIn.codeLabel"), { exact: true }).fill(code);
    await phone.page
      .getByRole("button", { name: en("events.checkIn.checkIn"), exact: true })
      .click();
    await phone.page
      .getByText(en("events.checkIn.done", { name: names.get(waiting.id) ?? "" }))
      .waitFor();
    await phone.page.getByText(en("events.checkIn.counts", { arrived: 1, going: 1 })).waitFor();
    // The same code again at the door: told, not counted twice.
    await phone.page.getByLabel(en("events.checkIn.codeLabel"), { exact: true }).fill(code);
    await phone.page
      .getByRole("button", { name: en("events.checkIn.checkIn"), exact: true })
      .click();
    await phone.page.getByText(en("events.checkIn.counts", { arrived: 1, going: 1 })).waitFor();
    const [{ n: rows }] = await sql<{ n: number }>(
      `select count(*)::int as n from event_attendance where event_id = '${eventId}'`,
    );
    expect(rows).toBe(1);
    expect(
      await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    expect(phone.problems).toEqual([]);
    expect(desk.problems).toEqual([]);
  });
});
