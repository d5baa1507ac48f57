/**
 * Event reminders survive real process deaths (`kill -9`): a worker is killed while the
 * reminders are only scheduled, another one in the middle of sending them, and a third
 * finishes; every person gets each reminder exactly once, in their own time zone and language.
 * On the embedded database, as digest-processes.test.ts does it for digests.
 *
 * The reminders are planned by the application's own `planReminders`, for events that start a
 * little more than 1 h (and 24 h) from now, so their due moments are seconds away without any
 * test-only switch; the other reminder of each event (23 h away) must stay unsent.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/ui/format";
import { loadServer } from "../setup/app";
import { readMailbox } from "../setup/mail";

type Server = Awaited<ReturnType<typeof loadServer>>;
let server: Server;
const children = new Set<ChildProcess>();
const folders: string[] = [];

beforeAll(async () => {
  server = await loadServer();
});

afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

const SECRET = "a-shared-secret-for-these-processes-0123456789";

function startWorker(dataDir: string) {
  const child = spawn(process.execPath, ["server/worker.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PUBLIC_URL: "http://synergy.test",
      SEED_DEMO: "false",
      LOG_LEVEL: "info",
      SESSION_SECRET: SECRET,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.add(child);
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    output: () => output,
    async kill(signal: NodeJS.Signals) {
      child.kill(signal);
      await exited;
      children.delete(child);
    },
  };
}

async function waitUntil(check: () => boolean, timeoutMs: number, message: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function emlCount(dataDir: string): number {
  const dir = path.join(dataDir, "mail");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).length : 0;
}

async function openShared(dataDir: string) {
  const database = await server.openDatabase({ dataDir: path.join(dataDir, "db") });
  await server.migrateDatabase(database);
  server.setEnv(
    server.parseEnv({
      NODE_ENV: "test",
      LOG_LEVEL: "silent",
      DATA_DIR: dataDir,
      PUBLIC_URL: "http://synergy.test",
      SESSION_SECRET: SECRET,
    }),
  );
  server.setDatabase(database);
  return database;
}

const rows = <T>(query: string) => server.queryRows<T>(server.rawSql(query));
const count = async (query: string) =>
  Number((await rows<{ n: number }>(`select count(*)::int as n from (${query}) q`))[0].n);

/** Reminder notifications written so far (one per person, event and offset at most). */
const reminderRows = () =>
  rows<{ recipient_id: string; source_key: string }>(
    "select recipient_id, source_key from notifications where kind = 'event.reminder'",
  );

/** The readers: a third each in Dublin (English), Helsinki (Finnish) and Athens (Greek). */
const readers = [
  { locale: "en", zone: "Europe/Dublin", starts: "Starts:", organiser: "Organiser's time:" },
  { locale: "fi", zone: "Europe/Helsinki", starts: "Alkaa:", organiser: "Järjestäjän aika:" },
  { locale: "el", zone: "Europe/Athens", starts: "Έναρξη:", organiser: "Ώρα διοργανωτή:" },
] as const;

describe("event reminders with their worker killed", () => {
  it("arrive exactly once after kills while scheduled and while sending", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-reminders-"));
    folders.push(dataDir);
    const people = 60;
    let database = await openShared(dataDir);
    const facilitator = await server.createUser({ timeZone: "Europe/Athens", country: "GR" });
    const network = await server.createNetwork({
      name: "Bakers",
      facilitators: [facilitator.id],
      memberCap: 500,
      languages: ["en", "el", "fi"],
    });
    const members = await rows<{ id: string; email: string; locale: string; time_zone: string }>(
      `insert into users (email, password_hash, role, display_name, locale, time_zone,
         email_verified_at, onboarded_at)
       select 'reminder-' || i || '@example.org', 'unused', 'owner', 'Person ' || i,
         (array['en', 'fi', 'el'])[1 + i % 3],
         (array['Europe/Dublin', 'Europe/Helsinki', 'Europe/Athens'])[1 + i % 3], now(), now()
       from generate_series(1, ${people}) i
       returning id, email, locale, time_zone`,
    );
    await rows(
      `insert into network_members (network_id, user_id, role, status)
       select '${network.id}', id, 'member', 'active' from users where email like 'reminder-%'`,
    );
    // Two events in the organiser's Athens time, everyone going: the first's 1 h reminder and
    // the second's 24 h reminder fall due in about 20 seconds; the second's 1 h one in 23 h.
    const lead = 20_000;
    const soon = new Date(Date.now() + 3_600_000 + lead);
    const tomorrow = new Date(Date.now() + 24 * 3_600_000 + lead);
    const events = await rows<{ id: string; starts_at: string }>(
      `insert into events (network_id, created_by, title, kind, venue, time_zone, starts_at,
         ends_at, language, going_count)
       values
         ('${network.id}', '${facilitator.id}', 'Evening bakery', 'in_person', 'Hall',
          'Europe/Athens', '${soon.toISOString()}', '${soon.toISOString()}'::timestamptz + interval '2 hours',
          'en', ${people}),
         ('${network.id}', '${facilitator.id}', 'Morning bakery', 'in_person', 'Hall',
          'Europe/Athens', '${tomorrow.toISOString()}', '${tomorrow.toISOString()}'::timestamptz + interval '2 hours',
          'en', ${people})
       returning id, starts_at`,
    );
    await rows(
      `insert into event_rsvps (event_id, user_id, status)
       select e.id, u.id, 'going' from events e, users u
       where e.network_id = '${network.id}' and u.email like 'reminder-%'`,
    );
    const ids = members.map((m) => m.id);
    await database.db.transaction(async (tx) => {
      for (const event of events) {
        await server.planReminders(
          tx,
          { id: event.id, startsAt: new Date(event.starts_at) },
          ids,
          new Date(),
        );
        // Planning again (a replayed answer) queues nothing more.
        await server.planReminders(
          tx,
          { id: event.id, startsAt: new Date(event.starts_at) },
          ids,
          new Date(),
        );
      }
    });
    const due = people * 2;
    expect(await count("select 1 from pgboss.job where name = 'events.reminder'")).toBe(
      due + people,
    );
    await server.stopJobQueue();
    await database.close();

    // 1. Killed while the reminders are only scheduled (none due yet): nothing is lost.
    const first = startWorker(dataDir);
    await waitUntil(
      () => first.output().includes("job worker is running"),
      60_000,
      () => `the first worker did not start: ${first.output()}`,
    );
    await first.kill("SIGKILL");
    database = await openShared(dataDir);
    const scheduled = await count(
      "select 1 from pgboss.job where name = 'events.reminder' and state = 'created'",
    );
    const sentEarly = (await reminderRows()).length;
    await server.stopJobQueue();
    await database.close();
    // The kill came before the due moments (the worker starts in far less than 20 s).
    expect(sentEarly).toBe(0);
    expect(scheduled).toBe(due + people);

    // 2. Killed in the middle of sending (once the first reminder mails are out).
    const second = startWorker(dataDir);
    await waitUntil(
      () => emlCount(dataDir) >= 5,
      120_000,
      () => `no reminder mail from the second worker: ${second.output().slice(-2000)}`,
    );
    await second.kill("SIGKILL");
    database = await openShared(dataDir);
    const sentBeforeKill = (await reminderRows()).length;
    await server.stopJobQueue();
    await database.close();
    expect(sentBeforeKill).toBeGreaterThan(0);
    expect(sentBeforeKill).toBeLessThan(due);
    expect(emlCount(dataDir)).toBeLessThan(due);

    // 3. A third worker finishes the run.
    const third = startWorker(dataDir);
    await waitUntil(
      () => emlCount(dataDir) >= due,
      180_000,
      () => `only ${emlCount(dataDir)} of ${due} reminder mails after restart: ${third.output()}`,
    );
    // A moment for anything that would (wrongly) be sent twice.
    await new Promise((resolve) => setTimeout(resolve, 6_000));
    await third.kill("SIGTERM");

    database = await openShared(dataDir);
    // One notification per person and due reminder; none for the reminder 23 h away.
    const sent = await reminderRows();
    expect(sent).toHaveLength(due);
    const keys = new Set(sent.map((r) => `${r.recipient_id} ${r.source_key}`));
    expect(keys.size).toBe(due);
    const [evening, morning] = events;
    for (const id of ids) {
      const mine = sent.filter((r) => r.recipient_id === id).map((r) => r.source_key);
      expect(mine.sort()).toEqual(
        [
          `event-reminder:${evening.id}:1h:${new Date(evening.starts_at).toISOString()}`,
          `event-reminder:${morning.id}:24h:${new Date(morning.starts_at).toISOString()}`,
        ].sort(),
      );
    }
    expect(
      await count(
        `select 1 from pgboss.job where name = 'events.reminder' and state = 'created'
           and data->>'offset' = '1h' and data->>'eventId' = '${morning.id}'`,
      ),
    ).toBe(people);

    // One mail per person and reminder, the start in the reader's own zone and language.
    const mails = readMailbox(dataDir);
    expect(mails).toHaveLength(due);
    const byPerson = new Map<string, string[]>();
    for (const mail of mails) byPerson.set(mail.to, [...(byPerson.get(mail.to) ?? []), mail.text]);
    expect(byPerson.size).toBe(people);
    for (const member of members) {
      const texts = byPerson.get(member.email) ?? [];
      expect(texts).toHaveLength(2);
      const reader = readers.find((r) => r.zone === member.time_zone);
      if (!reader) throw new Error(`no reader for ${member.time_zone}`);
      for (const event of events) {
        const start = new Date(event.starts_at);
        const own = `${reader.starts} ${formatDateTime(start, reader.locale, reader.zone, "id")}`;
        const organiser = `${reader.organiser} ${formatDateTime(start, reader.locale, "Europe/Athens", "id")}`;
        const mail = texts.find((t) => t.includes(own));
        expect(mail, `${member.email}: ${own}\n${texts.join("\n---\n")}`).toBeDefined();
        // The organiser's time is named only when it is another zone than the reader's.
        expect(mail?.includes(organiser)).toBe(reader.zone !== "Europe/Athens");
      }
    }
    const pending = (await server.countJobs()).filter((c) =>
      ["notifications.email", "mail.send"].includes(c.name),
    );
    expect(pending.every((c) => c.waiting + c.active + c.retrying === 0)).toBe(true);
    await server.stopJobQueue();
    await database.close();
  }, 400_000);
});
