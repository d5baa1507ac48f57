/**
 * The weekly "N new partnering matches for <organisation>" line (issue 12 item 2): the real job
 * (`partnering.matches_weekly`, queued and run by the workers) notifies each active member of an
 * organisation with good matches published in the past seven days, once per ISO week; people's
 * choices for the kind and their digest timing decide the email, as for every kind.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationKindNames, notificationKinds } from "../../app/features/notifications/kinds";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: "false" });
});
afterAll(async () => {
  await app?.close();
});

const q = (value: string) => `'${value.replaceAll("'", "''")}'`;
const DAY = 86_400_000;

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

/** The job as the schedule queues it, run by the workers, until it and what it queued are done. */
async function runWeeklyJob() {
  await app.server.enqueue("partnering.matches_weekly", {});
  await app.server.waitForJobs({
    names: ["partnering.matches_weekly", "notifications.email", "mail.send"],
    timeoutMs: 30_000,
  });
}

async function newMatchRows(userId: string) {
  return rows<{ id: string; data: { count: number; organisationId: string; week: string } }>(
    `select id, data from notifications
     where recipient_id = ${q(userId)} and kind = 'partnering.new_matches'`,
  );
}

/** Saves a person's email choices through the settings page: every kind at its default but one. */
async function chooseEmail(
  client: Awaited<ReturnType<TestApp["signedIn"]>>["client"],
  choice: string,
  timing: { frequency: string; hour: string; weekday: string },
) {
  const fields: Record<string, string> = { ...timing };
  for (const kind of notificationKindNames) {
    fields[`kind:${kind}`] = notificationKinds[kind].defaultEmail;
  }
  fields["kind:partnering.new_matches"] = choice;
  const saved = await client.post("/settings/notifications", fields);
  expect(saved.status).toBe(302);
}

async function mailsTo(address: string) {
  await app.server.waitForJobs({
    names: ["notifications.digest", "notifications.email", "mail.send"],
    timeoutMs: 15_000,
  });
  return (await app.mailbox()).filter((m) => m.to.includes(address));
}

describe("the weekly new-matches line", () => {
  it("tells the organisation's members once a week, in the centre and in their digest, as each chose", async () => {
    // Rebel Crumb Bakery in Cork: a bakery (NACE 10) working in English.
    const baker = await app.signedIn({
      country: "IE",
      displayName: "Aoife Baker",
      languages: [{ code: "en", level: "C2" }],
    });
    const never = await app.signedIn({ country: "IE", languages: [{ code: "en", level: "C2" }] });
    const finn = await app.signedIn({
      country: "IE",
      locale: "fi",
      languages: [{ code: "en", level: "C1" }],
    });
    const leaver = await app.signedIn({ country: "IE", languages: [{ code: "en", level: "C1" }] });
    const bakery = await app.createOrganisation({
      name: "Rebel Crumb Bakery",
      country: "IE",
      naceDivision: "10",
      members: [
        { userId: baker.user.id, role: "admin" },
        { userId: never.user.id, role: "member" },
        { userId: finn.user.id, role: "member" },
        { userId: leaver.user.id, role: "member" },
      ],
    });
    // A wholesaler in Tampere offers distribution in Ireland, in English: a good match (75).
    const publisher = await app.signedIn({ country: "FI" });
    const tampere = await app.createOrganisation({
      name: "Tampere Wholesale",
      country: "FI",
      naceDivision: "46",
      members: [{ userId: publisher.user.id, role: "admin" }],
    });
    const offer = {
      organisationId: tampere.id,
      kind: "offer" as const,
      naceDivision: "46",
      partnerships: ["distribution"],
      targetCountries: ["IE"],
      languages: ["en"],
    };
    await app.server.buildOpportunity({ ...offer, title: "Finnish distribution for bakers" });
    await app.server.buildOpportunity({ ...offer, title: "Nordic shelves for Irish bread" });
    // Published ten days ago: last week's news, not counted.
    await app.server.buildOpportunity({
      ...offer,
      title: "An older distribution offer",
      publishedAt: new Date(Date.now() - 10 * DAY),
    });

    // A weekly digest on Mondays at 08:00 for the baker; "never" for the second member; the
    // Finnish member wants this kind at once.
    await chooseEmail(baker.client, "digest", { frequency: "weekly", hour: "8", weekday: "1" });
    await chooseEmail(never.client, "never", { frequency: "daily", hour: "8", weekday: "1" });
    await chooseEmail(finn.client, "immediately", { frequency: "daily", hour: "8", weekday: "1" });
    // The leaver leaves before the job runs.
    const left = await leaver.client.post(`/organisations/${bakery.id}`, {
      intent: "leave",
      confirmed: "yes",
    });
    expect(left.status).toBeLessThan(400);
    expect(
      await rows(
        `select 1 from organisation_members where organisation_id = ${q(bakery.id)} and user_id = ${q(leaver.user.id)} and status = 'active'`,
      ),
    ).toHaveLength(0);

    await runWeeklyJob();
    // Twice in the same week (a rerun, a retry): still one line per person.
    await runWeeklyJob();

    const [line] = await newMatchRows(baker.user.id);
    expect(await newMatchRows(baker.user.id)).toHaveLength(1);
    expect(line.data).toMatchObject({ count: 2, organisationId: bakery.id });
    // The figure is the matches page's (newMatchesSince) for this small database.
    expect(await app.server.newMatchesSince(bakery.id, new Date(Date.now() - 7 * DAY))).toBe(2);
    expect(await newMatchRows(never.user.id)).toHaveLength(1);
    expect(await newMatchRows(finn.user.id)).toHaveLength(1);
    expect(await newMatchRows(leaver.user.id)).toHaveLength(0);
    // Nobody at the wholesaler: nothing new fits it.
    expect(await newMatchRows(publisher.user.id)).toHaveLength(0);
    // Another run of the job itself writes nothing either.
    const again = await app.server.sendWeeklyMatches();
    expect(again.notified).toBe(0);

    // The notification centre shows the line and leads to the organisation's matches.
    const centre = await baker.client.get("/notifications");
    expect(centre.status).toBe(200);
    const html = await centre.text();
    expect(html).toContain("2 new partnering matches for Rebel Crumb Bakery");
    expect(html).toContain('data-kind="partnering.new_matches"');

    // The Finnish member got it at once, in Finnish, with the link.
    const [instant] = await mailsTo(finn.user.email);
    expect(instant?.subject).toBe(
      "2 uutta sopivaa kumppanuusilmoitusta organisaatiolle Rebel Crumb Bakery",
    );
    expect(instant?.text).toContain(`${app.url}/partnering/matches?organisation=${bakery.id}`);

    // The weekly digest (made due now) carries the line; "never" gets no mail at all.
    await app.server.queryRows(
      app.server.rawSql(
        `update digest_schedules set next_digest_at = now() - interval '1 minute'
         where user_id in (${q(baker.user.id)}, ${q(never.user.id)})`,
      ),
    );
    await app.server.scanDueDigests();
    const digests = await mailsTo(baker.user.email);
    expect(digests).toHaveLength(1);
    const [digest] = digests;
    expect(digest.subject).toBe("1 new thing for you on Synergy");
    expect(digest.text).toContain("2 new partnering matches for Rebel Crumb Bakery");
    expect(digest.text).toContain(`${app.url}/partnering/matches?organisation=${bakery.id}`);
    expect(digest.html).toContain(escapeHtml("2 new partnering matches for Rebel Crumb Bakery"));
    // Its footer offers to stop this kind by name.
    expect(digest.text).toContain("Weekly new partnering matches for your organisations");
    expect(await mailsTo(never.user.email)).toEqual([]);
    expect(await mailsTo(leaver.user.email)).toEqual([]);

    // Opening the line (the member who chose "never" still has it in the centre) leads to the
    // organisation's matches.
    const [neverLine] = await newMatchRows(never.user.id);
    const open = await never.client.get(`/notifications/${neverLine.id}/open`);
    expect(open.status).toBe(302);
    expect(open.headers.get("location")).toBe(`/partnering/matches?organisation=${bakery.id}`);
    const matches = await never.client.get(`/partnering/matches?organisation=${bakery.id}`);
    expect(matches.status).toBe(200);
    expect(await matches.text()).toContain("Finnish distribution for bakers");
  });

  it("gives nothing to an organisation whose matches are all older than a week", async () => {
    const owner = await app.signedIn({ country: "RO", languages: [{ code: "ro", level: "C2" }] });
    await app.createOrganisation({
      name: "Old News Brasov",
      country: "RO",
      naceDivision: "10",
      members: [{ userId: owner.user.id, role: "admin" }],
    });
    const publisher = await app.signedIn({ country: "IT" });
    const milan = await app.createOrganisation({
      name: "Milano Grossisti",
      country: "IT",
      naceDivision: "46",
      members: [{ userId: publisher.user.id, role: "admin" }],
    });
    // A good match for the Romanian bakery, but published two weeks ago.
    await app.server.buildOpportunity({
      organisationId: milan.id,
      kind: "offer",
      naceDivision: "46",
      partnerships: ["distribution"],
      targetCountries: ["RO"],
      languages: ["ro"],
      title: "Distribuție în România",
      publishedAt: new Date(Date.now() - 14 * DAY),
    });
    await runWeeklyJob();
    expect(await newMatchRows(owner.user.id)).toHaveLength(0);
    const centre = await owner.client.get("/notifications");
    expect(await centre.text()).not.toContain("partnering.new_matches");
  });
});
