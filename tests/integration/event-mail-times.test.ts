/**
 * Event mails give the start in the reader's own time zone and language, the zone named, and
 * the organiser's time when that is another zone (issue 9: "in each person's time zone and
 * language"): a meeting typed in Athens time reads 16:30 in Dublin and 18.30 in Helsinki.
 * Reminders (sent by their job) and changes of time (event.changed).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/ui/format";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { eventForm, nextYear } from "../setup/events";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));

const year = nextYear;

async function createEvent(client: TestClient, networkId: string) {
  const response = await client.post(`/networks/${networkId}/events/new`, eventForm());
  expect(response.status).toBe(302);
  const id = response.headers.get("location")?.match(/\/events\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no event id in ${response.headers.get("location")}`);
  return id;
}

/** A facilitator in Athens; readers in Dublin (English) and Helsinki (Finnish), both going. */
async function setUp() {
  const facilitator = await app.signedIn({ timeZone: "Europe/Athens", country: "GR" });
  const dublin = await app.signedIn({ timeZone: "Europe/Dublin", country: "IE", locale: "en" });
  const helsinki = await app.signedIn({
    timeZone: "Europe/Helsinki",
    country: "FI",
    locale: "fi",
  });
  const network = await app.server.createNetwork({
    name: "Bakers",
    facilitators: [facilitator.user.id],
    members: [dublin.user.id, helsinki.user.id],
  });
  const id = await createEvent(facilitator.client, network.id);
  for (const person of [dublin, helsinki]) {
    const answered = await person.client.post(`/networks/${network.id}/events/${id}`, {
      intent: "rsvp",
      answer: "going",
    });
    expect(answered.status).toBe(302);
  }
  return { facilitator, dublin, helsinki, network, id };
}

/** The lines a mail must carry for a reader, and those it must not. */
function expectTimes(
  text: string,
  start: Date,
  reader: { locale: string; zone: string; starts: string; organiser: string },
  otherZone: string,
) {
  const own = `${reader.starts} ${formatDateTime(start, reader.locale, reader.zone, "id")}`;
  const organiser = `${reader.organiser} ${formatDateTime(start, reader.locale, "Europe/Athens", "id")}`;
  expect(text).toContain(own);
  expect(text).toContain(organiser);
  // Not another reader's time (nor the UTC instant).
  expect(text).not.toContain(formatDateTime(start, reader.locale, otherZone, "id"));
  expect(text).not.toContain(start.toISOString());
}

const DUBLIN = {
  locale: "en",
  zone: "Europe/Dublin",
  starts: "Starts:",
  organiser: "Organiser's time:",
};
const HELSINKI = {
  locale: "fi",
  zone: "Europe/Helsinki",
  starts: "Alkaa:",
  organiser: "Järjestäjän aika:",
};

describe("an event's mails", () => {
  it("remind each person of the start in their own zone and language", async () => {
    const { dublin, helsinki, id } = await setUp();
    const jobs = () =>
      rows<{ state: string }>(
        `select state from pgboss.job where name = 'events.reminder' and data->>'eventId' = '${id}'`,
      );
    // Their moment comes (the queue's own due time moved to now), and each is sent.
    await rows(
      `update pgboss.job set start_after = now() where name = 'events.reminder' and data->>'eventId' = '${id}'`,
    );
    for (let i = 0; i < 200; i++) {
      if ((await jobs()).every((j) => j.state === "completed")) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect((await jobs()).map((j) => j.state)).toEqual([
      "completed",
      "completed",
      "completed",
      "completed",
    ]);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    const start = new Date(`${year}-06-15T15:30:00Z`);
    const toDublin = await app.lastMailTo(dublin.user.email);
    const toHelsinki = await app.lastMailTo(helsinki.user.email);
    expect(toDublin?.text).toContain("Reminder: “Bakers' evening” starts soon");
    expect(toHelsinki?.text).toContain("Muistutus: ”Bakers' evening” alkaa pian");
    expectTimes(toDublin?.text ?? "", start, DUBLIN, "Europe/Helsinki");
    expectTimes(toHelsinki?.text ?? "", start, HELSINKI, "Europe/Dublin");
    expect(toDublin?.text).toContain("4:30 PM (Europe/Dublin)");
    expect(toHelsinki?.html).toContain(
      formatDateTime(start, "fi", "Europe/Helsinki", "id").replaceAll("&", "&amp;"),
    );
  });

  it("give the new start of a moved event in each reader's zone, the organiser's named", async () => {
    const { facilitator, dublin, helsinki, network, id } = await setUp();
    const moved = await facilitator.client.post(
      `/networks/${network.id}/events/${id}/edit`,
      eventForm({ startsAt: `${year}-06-16T10:00`, endsAt: `${year}-06-16T12:00` }),
    );
    expect(moved.status).toBe(302);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    const mails = await app.mailbox();
    const changed = (to: string) =>
      mails.filter((m) => m.to === to && m.text.includes(`/events/${id}`)).at(-1);
    const start = new Date(`${year}-06-16T07:00:00Z`);
    const toDublin = changed(dublin.user.email);
    const toHelsinki = changed(helsinki.user.email);
    expect(toDublin?.text).toContain("The time or place of “Bakers' evening” changed");
    expectTimes(toDublin?.text ?? "", start, DUBLIN, "Europe/Helsinki");
    expectTimes(toHelsinki?.text ?? "", start, HELSINKI, "Europe/Dublin");
    expect(toDublin?.text).toContain("8:00 AM (Europe/Dublin)");
    // The old start is not what the mail says.
    expect(toDublin?.text).not.toContain(
      formatDateTime(new Date(`${year}-06-15T15:30:00Z`), "en", "Europe/Dublin", "id"),
    );
  });
});
