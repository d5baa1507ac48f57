/**
 * Notification email: per-kind choices (immediately / digest / never), immediate mails and
 * digests in the recipient's language with text and HTML parts, one-click unsubscribe with
 * signed links (and the attempts to break them), the settings page. Notification rows are
 * inserted the way notify() does it: a plain insert in a transaction, then afterNotified().
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notificationKindNames } from "../../app/features/notifications/kinds";
import { startTestApp, type TestApp } from "../setup/app";
import type { SentMail } from "../setup/mail";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMITS: "false" });
});

afterAll(async () => {
  await app?.close();
});

const q = (value: string) => `'${value.replaceAll("'", "''")}'`;

type NewNotification = {
  recipientId: string;
  kind: string;
  actorId?: string;
  networkId?: string;
  data?: Record<string, string>;
  groupKey?: string;
};

let sources = 0;

/** Inserts notification rows and routes them to email in one transaction, as notify() does. */
async function notify(
  rows: NewNotification[],
  inSameTransaction?: (ids: string[]) => string,
): Promise<string[]> {
  const { db } = app.server.getDatabase();
  return db.transaction(async (tx) => {
    const values = rows
      .map((row) => {
        sources += 1;
        return `(${q(row.recipientId)}, ${q(row.kind)}, ${q(row.groupKey ?? `g:${sources}`)}, ${
          row.actorId ? q(row.actorId) : "null"
        }, ${row.networkId ? q(row.networkId) : "null"}, ${q(JSON.stringify(row.data ?? {}))}::jsonb, ${q(`test:${sources}`)})`;
      })
      .join(", ");
    const inserted = await app.server.queryRows<{ id: string; recipientId: string; kind: string }>(
      app.server.rawSql(`insert into notifications
        (recipient_id, kind, group_key, actor_id, network_id, data, source_key)
        values ${values} returning id, recipient_id as "recipientId", kind`),
      tx,
    );
    await app.server.afterNotified(tx, inserted);
    if (inSameTransaction) {
      await app.server.queryRows(
        app.server.rawSql(inSameTransaction(inserted.map((r) => r.id))),
        tx,
      );
    }
    return inserted.map((r) => r.id);
  });
}

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}

/** Waits until no notification, digest or mail job is pending (each queues the next in its tx). */
async function waitForDigests() {
  await app.server.waitForJobs({
    names: ["notifications.digest", "notifications.email", "mail.send"],
    timeoutMs: 15_000,
  });
}

async function mailsTo(address: string): Promise<SentMail[]> {
  await waitForDigests();
  return (await app.mailbox()).filter((m) => m.to.includes(address));
}

async function lastMailTo(address: string): Promise<SentMail | undefined> {
  return (await mailsTo(address)).at(-1);
}

/** The https target of a mail's List-Unsubscribe header. */
function unsubscribeTarget(mail: SentMail | undefined): string {
  const header = mail?.headers["list-unsubscribe"] ?? "";
  const url = header.match(/<(https?:\/\/[^>]+)>/)?.[1];
  if (!url) throw new Error(`no List-Unsubscribe URL in ${JSON.stringify(mail?.headers)}`);
  return url;
}

/** A one-click POST as a mail program sends it: no cookie, no CSRF token. */
function oneClick(url: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: "List-Unsubscribe=One-Click",
    redirect: "manual",
  });
}

describe("immediate mails", () => {
  it("sends a kind the person wants at once in their language, with text, HTML and unsubscribe headers", async () => {
    const facilitator = await app.createUser({ locale: "de", displayName: "Greta Fischer" });
    const asker = await app.createUser({ displayName: "Maria Papadopoulou" });
    const network = await app.server.createNetwork({
      name: "Töpferei Netzwerk",
      facilitators: [facilitator.id],
    });
    const [id] = await notify([
      {
        recipientId: facilitator.id,
        kind: "join.request",
        actorId: asker.id,
        networkId: network.id,
        data: { networkId: network.id },
      },
    ]);
    const mail = await lastMailTo(facilitator.email);
    expect(mail?.subject).toBe("Maria Papadopoulou möchten Töpferei Netzwerk beitreten");
    expect(mail?.text).toContain("Hallo Greta Fischer,");
    expect(mail?.text).toContain(`${app.url}/networks/${network.id}/members`);
    expect(mail?.html).toContain(`href="${app.url}/networks/${network.id}/members"`);
    expect(mail?.html).toContain("<strong>Maria Papadopoulou");
    expect(mail?.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");
    expect(unsubscribeTarget(mail)).toMatch(
      new RegExp(`^${app.url}/unsubscribe/[\\w-]+\\.[\\w-]+$`),
    );
    const [row] = await rows<{ emailed: boolean; digested: boolean }>(
      `select emailed_at is not null as emailed, digested_at is not null as digested from notifications where id = ${q(id)}`,
    );
    expect(row).toEqual({ emailed: true, digested: false });
  });

  it("escapes what people wrote in the HTML part", async () => {
    const owner = await app.createUser();
    const actor = await app.createUser({ displayName: `<img src=x onerror=alert(1)> & "Bob"` });
    await notify([
      { recipientId: owner.id, kind: "message.request", actorId: actor.id, data: { path: "/x" } },
    ]);
    const mail = await lastMailTo(owner.email);
    expect(mail?.html).not.toContain("<img");
    expect(mail?.html).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Bob&quot;");
  });

  it("sends nothing for a notification read (or mailed) before its job ran, nor for a kind set to never", async () => {
    const person = await app.createUser();
    const actor = await app.createUser();
    await notify(
      [{ recipientId: person.id, kind: "invitation", actorId: actor.id, data: { path: "/a" } }],
      (ids) => `update notifications set read_at = now() where id = '${ids[0]}'`,
    );
    await rows(
      `insert into notification_preferences (user_id, kind, email) values (${q(person.id)}, 'message.request', 'never')`,
    );
    await notify([
      { recipientId: person.id, kind: "message.request", actorId: actor.id, data: { path: "/b" } },
    ]);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    expect(await mailsTo(person.email)).toEqual([]);
  });

  it("queues no immediate mail for digest kinds, and gives the person a digest instead", async () => {
    const person = await app.createUser({ timeZone: "Europe/Helsinki" });
    const actor = await app.createUser();
    await notify([
      {
        recipientId: person.id,
        kind: "comment",
        actorId: actor.id,
        data: { path: "/c", title: "Hi" },
      },
    ]);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    expect(await mailsTo(person.email)).toEqual([]);
    const [schedule] = await rows<{ next: string; frequency: string; hour: number }>(
      `select next_digest_at as next, frequency, hour from digest_schedules where user_id = ${q(person.id)}`,
    );
    expect(schedule.frequency).toBe("daily");
    expect(schedule.hour).toBe(8);
    // 08:00 in Helsinki: 06:00 UTC in summer, 05:00 UTC in winter.
    expect(new Date(schedule.next).toISOString()).toMatch(/T0[56]:00:00\.000Z$/);
    expect(new Date(schedule.next).getTime()).toBeGreaterThan(Date.now());
  });
});

describe("one-click unsubscribe", () => {
  async function mailWithLink(locale = "en") {
    const person = await app.createUser({ locale });
    const actor = await app.createUser({ displayName: "Sanna Laine" });
    await notify([
      { recipientId: person.id, kind: "message.request", actorId: actor.id, data: { path: "/m" } },
    ]);
    const mail = await lastMailTo(person.email);
    return { person, actor, mail, url: unsubscribeTarget(mail) };
  }

  async function choiceOf(userId: string, kind: string) {
    const [row] = await rows<{ email: string }>(
      `select email from notification_preferences where user_id = ${q(userId)} and kind = ${q(kind)}`,
    );
    return row?.email ?? "default";
  }

  it("shows a confirm page on GET and changes nothing (mail scanners follow links)", async () => {
    const { person, url } = await mailWithLink();
    for (let n = 0; n < 3; n++) {
      const page = await fetch(url);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("Stop emails about: Message requests");
      expect(html.match(/<button/g)?.length ?? 0).toBeGreaterThanOrEqual(1);
    }
    expect(await choiceOf(person.id, "message.request")).toBe("default");
  });

  it("turns the kind off with the mail program's one-click POST, without cookie or CSRF token, once", async () => {
    const { person, actor, url } = await mailWithLink();
    const first = await oneClick(url);
    expect(first.status).toBe(200);
    expect(await first.text()).toContain("Done: no more emails about Message requests");
    expect(await choiceOf(person.id, "message.request")).toBe("never");
    // Mail programs may post twice; the second changes nothing and says so.
    const again = await oneClick(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("You already get no emails of this kind");
    // Other kinds are untouched, and the kind turned off sends no more mail.
    expect(await choiceOf(person.id, "invitation")).toBe("default");
    const before = (await mailsTo(person.email)).length;
    await notify([
      { recipientId: person.id, kind: "message.request", actorId: actor.id, data: { path: "/m2" } },
    ]);
    await app.server.waitForJobs({
      names: ["notifications.email", "mail.send"],
      timeoutMs: 15_000,
    });
    expect(await mailsTo(person.email)).toHaveLength(before);
  });

  it("works with the page's own button for a person signed in as someone else", async () => {
    const { person, url } = await mailWithLink();
    const { client } = await app.signedIn();
    const page = await client.get(url);
    expect(page.status).toBe(200);
    const response = await client.post(url, {});
    expect(response.status).toBe(200);
    expect(await choiceOf(person.id, "message.request")).toBe("never");
  });

  it("refuses a tampered signature, a link moved to another person, and a made-up token, in the reader's language", async () => {
    const { person, url } = await mailWithLink();
    const other = await app.createUser();
    const [base, token] = [
      url.slice(0, url.lastIndexOf("/") + 1),
      url.slice(url.lastIndexOf("/") + 1),
    ];
    const [payload, signature] = token.split(".");
    const flipped = `${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    const movedPayload = Buffer.from(
      Buffer.from(payload, "base64url").toString().replace(person.id, other.id),
    ).toString("base64url");
    for (const forged of [flipped, `${movedPayload}.${signature}`]) {
      const page = await fetch(`${base}${forged}`, { headers: { "accept-language": "de" } });
      expect(page.status).toBe(403);
      expect(await page.text()).toContain("Dieser Abbestell-Link ist ungültig");
      const post = await oneClick(`${base}${forged}`);
      expect(post.status).toBe(403);
    }
    const madeUp = await fetch(`${base}not-a-token`);
    expect(madeUp.status).toBe(400);
    expect(await madeUp.text()).toContain("This unsubscribe link is incomplete");
    expect(await choiceOf(person.id, "message.request")).toBe("default");
    expect(await choiceOf(other.id, "message.request")).toBe("default");
  });

  it("refuses an expired link with a page that says so", async () => {
    const person = await app.createUser({ locale: "it" });
    const old = app.server.unsubscribeToken(
      person.id,
      "comment",
      new Date(Date.now() - 91 * 86_400_000),
    );
    const page = await fetch(`${app.url}/unsubscribe/${old}`, {
      headers: { "accept-language": "it-IT,it;q=0.9" },
    });
    expect(page.status).toBe(400);
    expect(await page.text()).toContain("scaduto");
    expect((await oneClick(`${app.url}/unsubscribe/${old}`)).status).toBe(400);
    expect(await choiceOf(person.id, "comment")).toBe("default");
  });

  it("keeps CSRF on every other POST", async () => {
    const response = await fetch(`${app.url}/unsubscribe/x.y/z`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    expect(response.status).toBe(403);
    const signIn = await fetch(`${app.url}/signin`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.c&password=x",
    });
    expect(signIn.status).toBe(403);
  });
});

describe("digests", () => {
  async function makeDue(userId: string) {
    await rows(
      `update digest_schedules set next_digest_at = now() - interval '1 minute' where user_id = ${q(userId)}`,
    );
  }

  it("sends one digest grouped by network with only what was neither read nor mailed, then nothing more", async () => {
    const person = await app.createUser({
      locale: "fi",
      timeZone: "Europe/Helsinki",
      displayName: "Aino",
    });
    const maria = await app.createUser({ displayName: "Maria" });
    const jonas = await app.createUser({ displayName: "Jonas" });
    const bees = await app.server.createNetwork({
      name: "Mehiläistarhaajat",
      members: [person.id],
    });
    const ovens = await app.server.createNetwork({ name: "Leivinuunit", members: [person.id] });
    await notify([
      // Two comments on one post, Maria's the newer: one line, "Maria ja 1 muu".
      {
        recipientId: person.id,
        kind: "comment",
        actorId: jonas.id,
        networkId: bees.id,
        groupKey: "post:1",
        data: { path: `/networks/${bees.id}/posts/1`, title: "Hunaja" },
      },
    ]);
    await notify([
      {
        recipientId: person.id,
        kind: "comment",
        actorId: maria.id,
        networkId: bees.id,
        groupKey: "post:1",
        data: { path: `/networks/${bees.id}/posts/1`, title: "Hunaja" },
      },
      {
        recipientId: person.id,
        kind: "mention",
        actorId: jonas.id,
        networkId: ovens.id,
        data: { path: `/networks/${ovens.id}/posts/2`, title: "Uuni" },
      },
      // Never by email (reactions default), so never in a digest.
      {
        recipientId: person.id,
        kind: "reactions",
        actorId: maria.id,
        networkId: ovens.id,
        data: { path: "/r", title: "Reagoitu" },
      },
    ]);
    // Read in the app before the digest: not in it.
    await notify(
      [
        {
          recipientId: person.id,
          kind: "mention",
          actorId: maria.id,
          networkId: bees.id,
          data: { path: "/read", title: "Luettu jo" },
        },
      ],
      (ids) => `update notifications set read_at = now() where id = '${ids[0]}'`,
    );
    await makeDue(person.id);
    await app.server.scanDueDigests();
    await waitForDigests();

    const mails = await mailsTo(person.email);
    expect(mails).toHaveLength(1);
    const [digest] = mails;
    expect(digest.subject).toBe("2 uutta asiaa sinulle Synergyssä");
    expect(digest.text).toContain("Hei Aino,");
    // Networks in alphabetical order, each with its own lines.
    const ovenAt = digest.text.indexOf("## Leivinuunit");
    const beesAt = digest.text.indexOf("## Mehiläistarhaajat");
    expect(ovenAt).toBeGreaterThan(-1);
    expect(beesAt).toBeGreaterThan(ovenAt);
    expect(digest.text).toContain("Maria ja 1 muu kommentoivat julkaisuasi ”Hunaja”");
    expect(digest.text).toContain("Jonas mainitsi sinut kohteessa ”Uuni”");
    expect(digest.text).not.toContain("Luettu jo");
    expect(digest.text).not.toContain("Reagoitu");
    expect(digest.html).toContain("<h2");
    expect(digest.html).toContain("Mehiläistarhaajat");
    expect(digest.headers["list-unsubscribe-post"]).toBe("List-Unsubscribe=One-Click");

    const states = await rows<{ kind: string; digested: boolean }>(
      `select kind, digested_at is not null as digested from notifications where recipient_id = ${q(person.id)} order by kind`,
    );
    expect(
      states
        .filter((s) => s.digested)
        .map((s) => s.kind)
        .sort(),
    ).toEqual(["comment", "comment", "mention"]);
    const [schedule] = await rows<{ next: string | null; last: string | null }>(
      `select next_digest_at as next, last_digest_at as last from digest_schedules where user_id = ${q(person.id)}`,
    );
    expect(schedule.next).toBeNull();
    expect(schedule.last).not.toBeNull();

    // Scanning again, or running the same digest job again, sends nothing.
    await app.server.scanDueDigests();
    await waitForDigests();
    expect(await mailsTo(person.email)).toHaveLength(1);

    // What comes next waits for the next period (tomorrow 08:00 Helsinki), never straight away.
    await notify([
      {
        recipientId: person.id,
        kind: "comment",
        actorId: maria.id,
        networkId: bees.id,
        data: { path: "/n", title: "Uusi" },
      },
    ]);
    const [next] = await rows<{ next: string }>(
      `select next_digest_at as next from digest_schedules where user_id = ${q(person.id)}`,
    );
    expect(new Date(next.next).getTime()).toBeGreaterThan(Date.now());
    await app.server.scanDueDigests();
    await waitForDigests();
    expect(await mailsTo(person.email)).toHaveLength(1);
  });

  it("sends no digest when everything was read in the app meanwhile", async () => {
    const person = await app.createUser();
    const actor = await app.createUser();
    await notify([
      {
        recipientId: person.id,
        kind: "comment",
        actorId: actor.id,
        data: { path: "/p", title: "T" },
      },
    ]);
    await rows(`update notifications set read_at = now() where recipient_id = ${q(person.id)}`);
    await makeDue(person.id);
    await app.server.scanDueDigests();
    await waitForDigests();
    expect(await mailsTo(person.email)).toEqual([]);
    const [schedule] = await rows<{ next: string | null; last: string | null }>(
      `select next_digest_at as next, last_digest_at as last from digest_schedules where user_id = ${q(person.id)}`,
    );
    expect(schedule).toEqual({ next: null, last: null });
  });

  it("does not run a digest job whose due instant the schedule has moved past", async () => {
    const person = await app.createUser();
    const actor = await app.createUser();
    await notify([
      {
        recipientId: person.id,
        kind: "comment",
        actorId: actor.id,
        data: { path: "/p", title: "T" },
      },
    ]);
    const sent = await app.server.sendDigest({
      userId: person.id,
      dueAt: new Date("2020-01-01T08:00:00Z"),
    });
    expect(sent).toBe(false);
    await waitForDigests();
    expect(await mailsTo(person.email)).toEqual([]);
  });
});

describe("the email settings page", () => {
  it("shows the defaults and saves choices and the digest timing in the person's zone", async () => {
    const { user, client } = await app.signedIn({ timeZone: "Europe/Athens", locale: "el" });
    const page = await client.get("/settings/notifications");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("Ειδοποιήσεις μέσω email");
    expect(html).toContain("Europe/Athens");
    expect(html).toMatch(/name="kind:join\.request"[\s\S]*?value="immediately" selected/);

    const fields: Record<string, string> = { frequency: "weekly", hour: "20", weekday: "5" };
    // Every kind the registry has (the form asks for all of them), so a new kind needs no edit here.
    for (const kind of notificationKindNames) {
      fields[`kind:${kind}`] = "digest";
    }
    fields["kind:comment"] = "never";
    const saved = await client.post("/settings/notifications", fields);
    expect(saved.status).toBe(302);
    const choices = await rows<{ kind: string; email: string }>(
      `select kind, email from notification_preferences where user_id = ${q(user.id)} order by kind`,
    );
    expect(choices.find((c) => c.kind === "comment")?.email).toBe("never");
    expect(choices.find((c) => c.kind === "join.request")?.email).toBe("digest");
    const [schedule] = await rows<{
      next: string;
      frequency: string;
      hour: number;
      weekday: number;
    }>(
      `select next_digest_at as next, frequency, hour, weekday from digest_schedules where user_id = ${q(user.id)}`,
    );
    expect(schedule).toMatchObject({ frequency: "weekly", hour: 20, weekday: 5 });
    // The next Friday 20:00 in Athens, as the schedule rules compute it.
    const expected = app.server.nextDigestAt(
      { frequency: "weekly", hour: 20, weekday: 5 },
      "Europe/Athens",
      new Date(Date.now() - 60_000),
    );
    expect(new Date(schedule.next).toISOString()).toBe(expected.toISOString());
  });

  it("refuses a choice or an hour that does not exist, and a form without its CSRF token", async () => {
    const { user, client } = await app.signedIn();
    const bad = await client.post("/settings/notifications", {
      frequency: "daily",
      hour: "25",
      weekday: "1",
      "kind:comment": "sometimes",
    });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain("Some choices were not valid");
    const noToken = await client.post(
      "/settings/notifications",
      { frequency: "daily", hour: "8", weekday: "1" },
      { csrf: null },
    );
    expect(noToken.status).toBe(403);
    expect(
      await rows(`select 1 from notification_preferences where user_id = ${q(user.id)}`),
    ).toEqual([]);
  });

  it("sends a person who is not signed in to sign in", async () => {
    const response = await app.client().get("/settings/notifications");
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toContain("/signin");
  });
});
