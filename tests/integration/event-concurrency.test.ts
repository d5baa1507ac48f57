/**
 * The last seat goes to exactly one of several people pressing "going" at the same moment
 * (issue 9, "Bad input"): real HTTP requests sent together with Promise.all, round after
 * round, against the running app. On the embedded database the app's transactions queue on its
 * one connection; with TEST_DATABASE_URL they run side by side on a PostgreSQL server, where the
 * event's row lock (SELECT … FOR UPDATE) is what serves them one after the other. Either way
 * the invariants must hold after every round: one winner, the others on the waiting list in the
 * order they were served, going_count equal to the "going" rows, and one set of reminders each.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.server.waitForJobs({ names: ["notifications.email", "mail.send"], timeoutMs: 15_000 });
  await app?.close();
});

const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));

/** Next year: always in the future, never tied to today's date or clock. */
const year = new Date().getUTCFullYear() + 1;

async function createEvent(client: TestClient, networkId: string, capacity: number) {
  const response = await client.post(`/networks/${networkId}/events/new`, {
    intent: "save",
    title: "Last seats",
    description: "",
    kind: "in_person",
    venue: "Hall",
    address: "",
    mapUrl: "",
    meetingUrl: "",
    timeZone: "Europe/Athens",
    startsAt: `${year}-06-15T18:30`,
    endsAt: `${year}-06-15T20:30`,
    language: "en",
    capacity: String(capacity),
    rsvpDeadline: "",
  });
  expect(response.status).toBe(302);
  const id = response.headers.get("location")?.match(/\/events\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no event id in ${response.headers.get("location")}`);
  return id;
}

const answer = (client: TestClient, networkId: string, eventId: string, value: string) =>
  client.post(`/networks/${networkId}/events/${eventId}`, {
    intent: "rsvp",
    answer: value,
    // As the page sends it once confirmed (giving up a limited seat asks first).
    confirmed: "yes",
  });

async function state(eventId: string) {
  const [event] = await rows<{ going_count: number; capacity: number }>(
    `select going_count, capacity from events where id = '${eventId}'`,
  );
  const answers = await rows<{ user_id: string; status: string }>(
    `select user_id, status from event_rsvps where event_id = '${eventId}'
       order by answered_at, user_id`,
  );
  const jobs = await rows<{ user_id: string; n: number }>(
    `select data->>'userId' as user_id, count(*)::int as n from pgboss.job
       where name = 'events.reminder' and data->>'eventId' = '${eventId}' group by 1`,
  );
  return { event, answers, jobs };
}

describe("people pressing going for the last seat at the same moment", () => {
  it("gives it to exactly one of them, round after round", async () => {
    const facilitator = await app.signedIn({ timeZone: "Europe/Athens", country: "GR" });
    const racers = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        app.signedIn({ timeZone: i % 2 ? "Europe/Dublin" : "Europe/Helsinki" }),
      ),
    );
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: racers.map((r) => r.user.id),
    });
    for (let round = 0; round < 10; round++) {
      // One seat left: capacity 1, or capacity 3 with two taken by the first two racers.
      const capacity = round % 2 === 0 ? 1 : 3;
      const id = await createEvent(facilitator.client, network.id, capacity);
      const early = capacity === 3 ? racers.slice(0, 2) : [];
      for (const person of early) await answer(person.client, network.id, id, "going");
      const pressing = racers.filter((r) => !early.includes(r));
      const responses = await Promise.all(
        pressing.map((r) => answer(r.client, network.id, id, "going")),
      );
      expect(responses.map((r) => r.status)).toEqual(pressing.map(() => 302));

      const { event, answers, jobs } = await state(id);
      const going = answers.filter((a) => a.status === "going").map((a) => a.user_id);
      const waiting = answers.filter((a) => a.status === "waiting").map((a) => a.user_id);
      expect(going, `round ${round}`).toHaveLength(capacity);
      expect(event.going_count, `round ${round}`).toBe(capacity);
      const winners = pressing.filter((r) => going.includes(r.user.id));
      expect(winners, `round ${round}`).toHaveLength(1);
      expect(waiting.sort()).toEqual(
        pressing
          .filter((r) => r !== winners[0])
          .map((r) => r.user.id)
          .sort(),
      );
      // Reminders (24 h and 1 h) for the people going only, once each.
      expect(jobs.map((j) => j.user_id).sort()).toEqual([...going].sort());
      expect(jobs.every((j) => j.n === 2)).toBe(true);

      // The winner leaves: the first on the waiting list (in the order served) moves up.
      const firstWaiting = answers.find((a) => a.status === "waiting")?.user_id;
      const winner = winners[0];
      const left = await answer(winner.client, network.id, id, "not_going");
      expect(left.status).toBe(302);
      const after = await state(id);
      expect(after.event.going_count).toBe(capacity);
      expect(after.answers.find((a) => a.user_id === firstWaiting)?.status).toBe("going");
      expect(after.answers.filter((a) => a.status === "going")).toHaveLength(capacity);
    }
  });

  it("counts one person pressing twice at once as one answer", async () => {
    const facilitator = await app.signedIn({ timeZone: "Europe/Athens", country: "GR" });
    const person = await app.signedIn({ timeZone: "Europe/Dublin" });
    const other = await app.signedIn({ timeZone: "Europe/Helsinki" });
    const network = await app.server.createNetwork({
      facilitators: [facilitator.user.id],
      members: [person.user.id, other.user.id],
    });
    for (let round = 0; round < 5; round++) {
      const id = await createEvent(facilitator.client, network.id, 2);
      const responses = await Promise.all([
        answer(person.client, network.id, id, "going"),
        answer(person.client, network.id, id, "going"),
        answer(other.client, network.id, id, "going"),
      ]);
      expect(responses.map((r) => r.status)).toEqual([302, 302, 302]);
      const { event, answers, jobs } = await state(id);
      // Two seats, two people: both going, the double press taking no second seat.
      expect(answers.map((a) => a.status)).toEqual(["going", "going"]);
      expect(event.going_count).toBe(2);
      expect(jobs).toHaveLength(2);
      expect(jobs.every((j) => j.n === 2)).toBe(true);
    }
  });
});
