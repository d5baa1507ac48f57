/**
 * One-to-one meetings (issue 12 item 4) over HTTP against the built app: who may propose to
 * whom (a shared network or an accepted introduction), bad input, a double submit, answering,
 * cancelling, the notifications, and the calendar file across the EU's spring clock change.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatTime } from "../../app/ui/format";
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

const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Next year: always in the future, never tied to today's date. */
const year = new Date().getUTCFullYear() + 1;
/** The EU's spring change is on the last Sunday of March (01:00 UTC). */
const springSunday = (() => {
  const d = new Date(Date.UTC(year, 2, 31));
  d.setUTCDate(31 - d.getUTCDay());
  return d;
})();
const dayShift = (days: number) =>
  new Date(springSunday.getTime() + days * 86_400_000).toISOString().slice(0, 10);

function meetingForm(withId: string, overrides: Record<string, string> = {}) {
  return {
    with: withId,
    interest: "",
    time1: `${year}-06-15T10:00`,
    time2: "",
    time3: "",
    duration: "30",
    subject: "Shared stand at the trade fair",
    note: "Half an hour to compare notes.",
    videoUrl: "https://meet.example.org/stand",
    place: "",
    ...overrides,
  };
}

async function propose(client: TestClient, withId: string, overrides: Record<string, string> = {}) {
  const response = await client.post(
    `/meetings/new?with=${withId}`,
    meetingForm(withId, overrides),
  );
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((t) => t.slice(0, 0)),
  ).toBe(302);
  const id = response.headers.get("location")?.match(/\/meetings\/([0-9a-f-]{36})$/)?.[1];
  if (!id) throw new Error(`no meeting id in ${response.headers.get("location")}`);
  return id;
}

async function pair() {
  const proposer = await app.signedIn({
    timeZone: "Europe/Dublin",
    country: "IE",
    displayName: "Aoife Cork",
  });
  const invitee = await app.signedIn({
    timeZone: "Europe/Helsinki",
    country: "FI",
    displayName: "Mikko Tampere",
  });
  await app.server.createNetwork({ members: [proposer.user.id, invitee.user.id] });
  return { proposer, invitee };
}

/** Two organisations with an opportunity of the second and the first's interest in it. */
async function introduction(status: "accepted" | "pending") {
  const interested = await app.signedIn({ timeZone: "Europe/Rome", country: "IT" });
  const colleague = await app.signedIn({ timeZone: "Europe/Rome", country: "IT" });
  const publisher = await app.signedIn({ timeZone: "Europe/Bucharest", country: "RO" });
  const publisherColleague = await app.signedIn({ timeZone: "Europe/Bucharest", country: "RO" });
  const orgA = await app.createOrganisation({
    members: [
      { userId: interested.user.id, role: "admin" },
      { userId: colleague.user.id, role: "member" },
    ],
  });
  const orgB = await app.createOrganisation({
    members: [
      { userId: publisher.user.id, role: "admin" },
      { userId: publisherColleague.user.id, role: "member" },
    ],
  });
  const [opportunity] = await rows<{ id: string }>(
    `insert into opportunities (organisation_id, created_by, kind, area, partnerships, language,
       title, summary, nace_division, languages, status, published_at, expires_at)
     values (${q(orgB.id)}, ${q(publisher.user.id)}, 'offer', 'business', array['supplier'], 'en',
       'Olive oil for shops', 'We supply.', '10', array['en'], 'published', now(), now() + interval '90 days')
     returning id`,
  );
  const [interest] = await rows<{ id: string }>(
    `insert into opportunity_interests (opportunity_id, organisation_id, user_id, message, status,
       decided_by, decided_at, stage)
     values (${q(opportunity.id)}, ${q(orgA.id)}, ${q(interested.user.id)}, 'Interested.', ${q(status)},
       ${status === "accepted" ? q(publisher.user.id) : "null"}, ${status === "accepted" ? "now()" : "null"},
       ${status === "accepted" ? "'introduced'" : "null"})
     returning id`,
  );
  return { interested, colleague, publisher, publisherColleague, interestId: interest.id };
}

describe("proposing a meeting", () => {
  it("is for people who share a network or an accepted introduction; anyone else is refused", async () => {
    const { proposer, invitee } = await pair();
    const form = await proposer.client.get(`/meetings/new?with=${invitee.user.id}`);
    expect(form.status).toBe(200);
    // Without JavaScript the form posts back to its own address, the person included.
    expect(await form.text()).toContain(`action="/meetings/new?with=${invitee.user.id}"`);

    const stranger = await app.signedIn();
    const refused = await stranger.client.get(`/meetings/new?with=${invitee.user.id}`);
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "meetings.notConnected");
    expect(
      (
        await stranger.client.post(
          `/meetings/new?with=${invitee.user.id}`,
          meetingForm(invitee.user.id),
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await proposer.client.post(
          `/meetings/new?with=${proposer.user.id}`,
          meetingForm(proposer.user.id),
        )
      ).status,
    ).toBe(403);
    // Oneself with the id in capitals is still oneself (the id is lower-cased at the edge).
    const selfInCapitals = await proposer.client.post(
      `/meetings/new?with=${proposer.user.id}`,
      meetingForm(proposer.user.id.toUpperCase()),
    );
    expect(selfInCapitals.status).toBe(403);
    expectMessage(await selfInCapitals.text(), "meetings.notWithYourself");
    expect((await proposer.client.get("/meetings/new?with=not-an-id")).status).toBe(404);
    expect(
      (await proposer.client.get("/meetings/new?with=00000000-0000-4000-8000-000000000000")).status,
    ).toBe(404);
    // Signed out: to the sign-in page.
    expect((await app.client().get(`/meetings/new?with=${invitee.user.id}`)).status).toBe(302);

    // An accepted introduction joins its two sides: members of either organisation too.
    const intro = await introduction("accepted");
    await propose(intro.publisherColleague.client, intro.colleague.user.id, {
      interest: intro.interestId,
    });
    await propose(intro.interested.client, intro.publisher.user.id);
    // Not two people of the same side, and not someone outside both organisations.
    expect(
      (
        await intro.interested.client.post(
          `/meetings/new?with=${intro.colleague.user.id}`,
          meetingForm(intro.colleague.user.id),
        )
      ).status,
    ).toBe(403);
    const wrongInterest = await stranger.client.post(
      `/meetings/new?with=${intro.publisher.user.id}`,
      meetingForm(intro.publisher.user.id, { interest: intro.interestId }),
    );
    expect(wrongInterest.status).toBe(403);
    // A pending interest is no introduction.
    const pending = await introduction("pending");
    expect(
      (
        await pending.interested.client.post(
          `/meetings/new?with=${pending.publisher.user.id}`,
          meetingForm(pending.publisher.user.id),
        )
      ).status,
    ).toBe(403);
    // An introduction named that does not join these two: 400, nothing written.
    const before = await rows<{ n: number }>("select count(*)::int as n from meetings");
    const other = await proposer.client.post(
      `/meetings/new?with=${invitee.user.id}`,
      meetingForm(invitee.user.id, { interest: intro.interestId }),
    );
    expect(other.status).toBe(400);
    expectMessage(await other.text(), "meetings.interestInvalid");
    expect(await rows<{ n: number }>("select count(*)::int as n from meetings")).toEqual(before);
  });

  it("refuses bad input with translated 400s and writes nothing", async () => {
    const { proposer, invitee } = await pair();
    const cases: [Record<string, string>, string][] = [
      [{ time1: "" }, "meetings.timeRequired"],
      [{ time1: "next tuesday" }, "meetings.timeInvalid"],
      [{ time1: `${year}-02-30T10:00` }, "meetings.timeInvalid"],
      [{ time1: "2020-01-01T10:00" }, "meetings.timePast"],
      // 01:30 on the spring Sunday never happens in Dublin.
      [{ time1: `${dayShift(0)}T01:30` }, "meetings.timeNonexistent"],
      [{ duration: "25" }, "meetings.durationInvalid"],
      [{ duration: "sixty" }, "meetings.durationInvalid"],
      [{ subject: "x" }, "meetings.subjectRequired"],
      [{ subject: "x".repeat(141) }, "meetings.subjectTooLong"],
      [{ videoUrl: "http://meet.example.org/x" }, "meetings.videoUrlInvalid"],
      [{ videoUrl: "javascript:alert(1)" }, "meetings.videoUrlInvalid"],
      [{ videoUrl: "", place: "" }, "meetings.whereRequired"],
      [{ note: "n".repeat(2001) }, "meetings.noteTooLong"],
    ];
    for (const [overrides, key] of cases) {
      const response = await proposer.client.post(
        `/meetings/new?with=${invitee.user.id}`,
        meetingForm(invitee.user.id, overrides),
      );
      expect(response.status, key).toBe(400);
      expectMessage(await response.text(), key);
    }
    const written = await rows<{ n: number }>(
      `select count(*)::int as n from meetings where proposed_by = ${q(proposer.user.id)}`,
    );
    expect(written).toEqual([{ n: 0 }]);
  });
});

describe("answering a meeting", () => {
  it("makes one meeting of a double submit, tells the invitee, and the acceptance the proposer", async () => {
    const { proposer, invitee } = await pair();
    const form = meetingForm(invitee.user.id, {
      submissionKey: "meeting-key-12345678",
      time2: `${year}-06-16T10:00`,
    });
    const [first, second] = await Promise.all([
      proposer.client.post(`/meetings/new?with=${invitee.user.id}`, form),
      proposer.client.post(`/meetings/new?with=${invitee.user.id}`, form),
    ]);
    expect(first.status).toBe(302);
    expect(second.headers.get("location")).toBe(first.headers.get("location"));
    const made = await rows<{ id: string }>(
      `select id from meetings where proposed_by = ${q(proposer.user.id)}`,
    );
    expect(made).toHaveLength(1);
    const id = made[0].id;
    const times = await rows<{ n: number }>(
      `select count(*)::int as n from meeting_times where meeting_id = ${q(id)}`,
    );
    expect(times).toEqual([{ n: 2 }]);

    // The proposer cannot answer their own proposal; a stranger does not see it.
    // 07:00 UTC was never proposed (10:00 in Dublin, summer time, is 09:00 UTC).
    const chosen = new Date(Date.UTC(year, 5, 16, 7, 0)).toISOString();
    expect(
      (await proposer.client.post(`/meetings/${id}`, { intent: "accept", time: chosen })).status,
    ).toBe(403);
    const stranger = await app.signedIn();
    expect((await stranger.client.get(`/meetings/${id}`)).status).toBe(404);
    expect(
      (await stranger.client.post(`/meetings/${id}`, { intent: "cancel", confirmed: "yes" }))
        .status,
    ).toBe(404);
    expect((await stranger.client.get(`/meetings/${id}/ics`)).status).toBe(404);
    // No calendar file before a time is agreed; a time not proposed is refused.
    expect((await invitee.client.get(`/meetings/${id}/ics`)).status).toBe(404);
    const wrong = await invitee.client.post(`/meetings/${id}`, { intent: "accept", time: chosen });
    expect(wrong.status).toBe(400);
    expectMessage(await wrong.text(), "meetings.timeNotProposed");

    const dublinTen = new Date(Date.UTC(year, 5, 16, 9, 0)).toISOString();
    expect(
      (await invitee.client.post(`/meetings/${id}`, { intent: "accept", time: dublinTen })).status,
    ).toBe(302);
    const [row] = await rows<{ status: string; starts_at: string }>(
      `select status, to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as starts_at
       from meetings where id = ${q(id)}`,
    );
    expect(row).toEqual({ status: "accepted", starts_at: `${year}-06-16T09:00` });
    // A second answer is a 409.
    expect((await invitee.client.post(`/meetings/${id}`, { intent: "decline" })).status).toBe(409);

    const told = await rows<{ recipient_id: string; kind: string }>(
      `select recipient_id, kind from notifications where data->>'meetingId' = ${q(id)} order by kind`,
    );
    expect(told).toEqual([
      { recipient_id: proposer.user.id, kind: "meeting.accepted" },
      { recipient_id: invitee.user.id, kind: "meeting.proposed" },
    ]);
    const list = await (await invitee.client.get("/meetings")).text();
    expect(list).toContain("Shared stand at the trade fair");

    // Either may cancel; the other is told; the calendar file says so.
    expect(
      (await proposer.client.post(`/meetings/${id}`, { intent: "cancel", confirmed: "yes" }))
        .status,
    ).toBe(302);
    const cancelled = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'meeting.cancelled' and data->>'meetingId' = ${q(id)}`,
    );
    expect(cancelled).toEqual([{ recipient_id: invitee.user.id }]);
    expect(
      (await invitee.client.post(`/meetings/${id}`, { intent: "cancel", confirmed: "yes" })).status,
    ).toBe(409);
  });

  it("declines: only the invitee, once; the proposer is told", async () => {
    const { proposer, invitee } = await pair();
    const id = await propose(proposer.client, invitee.user.id);
    expect((await invitee.client.post(`/meetings/${id}`, { intent: "decline" })).status).toBe(302);
    const told = await rows<{ recipient_id: string }>(
      `select recipient_id from notifications where kind = 'meeting.declined' and data->>'meetingId' = ${q(id)}`,
    );
    expect(told).toEqual([{ recipient_id: proposer.user.id }]);
    expect((await invitee.client.post(`/meetings/${id}`, { intent: "nonsense" })).status).toBe(400);
  });

  it("keeps each person's wall-clock time across the spring change, and the .ics in UTC", async () => {
    const { proposer, invitee } = await pair();
    // 10:00 in Dublin on the Saturday before (GMT, UTC+0) and the Monday after (IST, UTC+1).
    const id = await propose(proposer.client, invitee.user.id, {
      time1: `${dayShift(-1)}T10:00`,
      time2: `${dayShift(1)}T10:00`,
      duration: "45",
    });
    const times = await rows<{ t: string }>(
      `select to_char(starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI') as t
       from meeting_times where meeting_id = ${q(id)} order by starts_at`,
    );
    expect(times.map((r) => r.t)).toEqual([`${dayShift(-1)}T10:00`, `${dayShift(1)}T09:00`]);
    // Helsinki reads 12:00 both days (EET, then EEST); Dublin 10:00 both days.
    const before = new Date(`${dayShift(-1)}T10:00:00Z`);
    const after = new Date(`${dayShift(1)}T09:00:00Z`);
    const page = await (await invitee.client.get(`/meetings/${id}`)).text();
    for (const instant of [before, after]) {
      expect(page).toContain(formatTime(instant, "en", "Europe/Dublin"));
      expect(formatTime(instant, "en", "Europe/Helsinki", "none")).toMatch(/12:00/);
      expect(formatTime(instant, "en", "Europe/Dublin", "none")).toMatch(/10:00/);
    }
    expect(page).toContain("(Helsinki)");
    expect(page).toContain("(Dublin)");

    expect(
      (
        await invitee.client.post(`/meetings/${id}`, {
          intent: "accept",
          time: after.toISOString(),
        })
      ).status,
    ).toBe(302);
    const ics = await invitee.client.get(`/meetings/${id}/ics`);
    expect(ics.status).toBe(200);
    expect(ics.headers.get("content-type")).toContain("text/calendar");
    const text = await ics.text();
    const stamp = dayShift(1).replaceAll("-", "");
    expect(text).toContain(`UID:meeting-${id}@127.0.0.1`);
    expect(text).toContain(`DTSTART:${stamp}T090000Z`);
    expect(text).toContain(`DTEND:${stamp}T094500Z`);
    expect(text).toContain("SUMMARY:Shared stand at the trade fair · Aoife Cork");
    expect(text).toContain("URL:https://meet.example.org/stand");
    expect(text).not.toContain("VTIMEZONE");
  });
});
