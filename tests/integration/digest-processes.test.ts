/**
 * A digest run survives a worker killed in the middle (`kill -9`): after a restart every person
 * got exactly one digest, and every notification was digested exactly once. On the embedded
 * database, as tests/integration/jobs-processes.test.ts does it for plain mail.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

function startWorker(dataDir: string, logLevel = "warn") {
  const child = spawn(process.execPath, ["server/worker.js"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "",
      DATA_DIR: dataDir,
      PUBLIC_URL: "http://synergy.test",
      SEED_DEMO: "false",
      LOG_LEVEL: logLevel,
      SESSION_SECRET: "a-shared-secret-for-these-processes-0123456789",
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
      SESSION_SECRET: "a-shared-secret-for-these-processes-0123456789",
    }),
  );
  server.setDatabase(database);
  return database;
}

const count = async (query: string) =>
  Number(
    (
      await server.queryRows<{ n: number }>(
        server.rawSql(`select count(*)::int as n from (${query}) q`),
      )
    )[0].n,
  );

describe("a digest run with its worker killed in the middle", () => {
  it("sends every person exactly one digest after the restart", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-digest-"));
    folders.push(dataDir);
    const people = 200;
    let database = await openShared(dataDir);
    const actor = await server.createUser({ displayName: "Maria", passwordHash: "unused" });
    const network = await server.createNetwork({ name: "Bakers" });
    // Many people, so that the run takes long enough to be killed in the middle of it.
    const recipients = await server.queryRows<{ id: string; email: string }>(
      server.rawSql(`insert into users (email, password_hash, role, display_name, locale, time_zone)
        select 'digest-' || i || '@example.org', 'unused', 'owner', 'Person ' || i,
          (array['en', 'de', 'fi'])[1 + i % 3], 'Europe/Berlin'
        from generate_series(1, ${people}) i
        returning id, email`),
    );
    await database.db.transaction(async (tx) => {
      const rows = await server.queryRows<{ id: string; recipientId: string; kind: string }>(
        server.rawSql(`insert into notifications
          (recipient_id, kind, group_key, actor_id, network_id, data, source_key)
          select u.id, k, 'post:' || i, '${actor.id}', '${network.id}',
            jsonb_build_object('path', '/networks/${network.id}', 'title', 'Post ' || i),
            'test:' || k || i
          from users u, generate_series(1, 3) i, (values ('comment'), ('mention')) kinds(k)
          where u.email like 'digest-%'
          returning id, recipient_id as "recipientId", kind`),
        tx,
      );
      await server.afterNotified(tx, rows);
    });
    // Everyone is due now; the scan is queued as the minute's cron would queue it.
    await server.queryRows(
      server.rawSql("update digest_schedules set next_digest_at = now() - interval '1 minute'"),
    );
    await server.enqueue("notifications.digest-scan", {});
    await server.stopJobQueue();
    await database.close();

    // Killed once it has made a few digests (its debug log says so), mid-run.
    const first = startWorker(dataDir, "debug");
    await waitUntil(
      () => (first.output().match(/digest queued/g)?.length ?? 0) >= 20,
      90_000,
      () => `the worker made no digest: ${first.output().slice(-2000)}`,
    );
    await first.kill("SIGKILL");

    // The kill landed in the middle of the run: some people have their digest, some do not.
    database = await openShared(dataDir);
    const digestedPeople = await count(
      "select distinct recipient_id from notifications where digested_at is not null",
    );
    expect(digestedPeople).toBeGreaterThan(0);
    expect(digestedPeople).toBeLessThan(people);
    expect(emlCount(dataDir)).toBeLessThan(people);
    await server.stopJobQueue();
    await database.close();

    const second = startWorker(dataDir);
    await waitUntil(
      () => emlCount(dataDir) >= people,
      120_000,
      () => `only ${emlCount(dataDir)} of ${people} digests after restart: ${second.output()}`,
    );
    // A moment for anything that would (wrongly) be sent twice.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await second.kill("SIGTERM");

    database = await openShared(dataDir);
    const mails = readMailbox(dataDir);
    const perPerson = new Map<string, number>();
    for (const mail of mails) perPerson.set(mail.to, (perPerson.get(mail.to) ?? 0) + 1);
    expect(perPerson.size).toBe(people);
    expect([...perPerson.values()].every((n) => n === 1)).toBe(true);
    expect(recipients.every((r) => perPerson.get(r.email) === 1)).toBe(true);
    // Each mail carries the person's six notifications, grouped in one network.
    expect(mails.every((m) => m.text.includes("## Bakers"))).toBe(true);
    expect(await count("select 1 from notifications where digested_at is null")).toBe(0);
    expect(await count("select 1 from digest_schedules where next_digest_at is not null")).toBe(0);
    const pending = (await server.countJobs()).filter((c) =>
      ["notifications.digest", "mail.send"].includes(c.name),
    );
    expect(pending.every((c) => c.waiting + c.active + c.retrying === 0)).toBe(true);
    await server.stopJobQueue();
    await database.close();
  }, 300_000);
});
