/**
 * Durable jobs across real process deaths (`kill -9`), on the embedded database (a child
 * process owns the PGlite data folder, is killed, and a new one starts on the same folder) and,
 * with TEST_DATABASE_URL, on a PostgreSQL server with `npm run worker`.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServer, TestClient } from "../setup/app";
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

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-jobs-"));
  folders.push(dir);
  return dir;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function childEnv(dataDir: string, extra: Record<string, string> = {}) {
  return {
    ...process.env,
    NODE_ENV: "production",
    DATA_DIR: dataDir,
    SEED_DEMO: "false",
    RATE_LIMITS: "false",
    LOG_LEVEL: "warn",
    SESSION_SECRET: "a-shared-secret-for-these-processes-0123456789",
    ...extra,
  };
}

function startChild(script: string, env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [script], { env, stdio: ["ignore", "pipe", "pipe"] });
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
    child,
    output: () => output,
    async kill(signal: NodeJS.Signals) {
      child.kill(signal);
      await exited;
      children.delete(child);
    },
  };
}

async function startWebProcess(dataDir: string, env: Record<string, string> = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = startChild(
    "server/main.js",
    childEnv(dataDir, { PORT: String(port), HOST: "127.0.0.1", PUBLIC_URL: url, ...env }),
  );
  await waitUntil(
    async () => {
      try {
        return (await fetch(`${url}/readyz`)).ok;
      } catch {
        return false;
      }
    },
    60_000,
    () => `app process did not start: ${child.output()}`,
  );
  return { ...child, url };
}

async function waitUntil(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  message: () => string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message());
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

function emlCount(dataDir: string): number {
  const dir = path.join(dataDir, "mail");
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith(".eml")).length : 0;
}

/** Opens the database the children use (in this process, while no child holds it). */
async function openShared(dataDir: string, databaseUrl?: string) {
  const database = databaseUrl
    ? await server.openDatabase({ url: databaseUrl })
    : await server.openDatabase({ dataDir: path.join(dataDir, "db") });
  await server.migrateDatabase(database);
  server.setEnv(server.parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir }));
  server.setDatabase(database);
  return database;
}

async function pendingMailJobs(): Promise<number> {
  const [counts] = (await server.countJobs()).filter((c) => c.name === "mail.send");
  return counts.waiting + counts.active + counts.retrying;
}

/**
 * 200 mails queued; a worker process is killed with SIGKILL in the middle of them; a new one
 * finishes the queue. Every mail must be written exactly once.
 */
async function killWorkerMidBatch(options: { databaseUrl?: string }) {
  const dataDir = tempDir();
  const total = 200;
  let database = await openShared(dataDir, options.databaseUrl);
  for (let n = 0; n < total; n++) {
    await server.sendMail(
      { to: `batch-${n}@example.org`, subject: `Batch mail ${n}`, text: `Mail number ${n}` },
      { key: `batch:${n}` },
    );
  }
  await server.stopJobQueue();
  if (!options.databaseUrl) await database.close();

  const env = childEnv(dataDir, options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {});
  const first = startChild("server/worker.js", env);
  await waitUntil(
    () => emlCount(dataDir) >= 30,
    60_000,
    () => `the worker wrote no mail: ${first.output()}`,
  );
  await first.kill("SIGKILL");
  const writtenBeforeKill = emlCount(dataDir);
  expect(writtenBeforeKill).toBeLessThan(total);

  const second = startChild("server/worker.js", env);
  await waitUntil(
    () => emlCount(dataDir) >= total,
    120_000,
    () => `only ${emlCount(dataDir)} of ${total} mails after restart: ${second.output()}`,
  );
  await second.kill("SIGTERM");

  if (!options.databaseUrl) database = await openShared(dataDir);
  expect(await pendingMailJobs()).toBe(0);
  const mails = readMailbox(dataDir);
  const subjects = mails.map((m) => m.subject);
  expect(new Set(subjects).size).toBe(total);
  expect(mails).toHaveLength(total);
  await database.close();
}

describe("mail jobs survive a killed worker", () => {
  it("writes each of 200 mails exactly once on the embedded database", async () => {
    await killWorkerMidBatch({});
  }, 240_000);

  const serverUrl = process.env.TEST_DATABASE_URL;
  it.skipIf(!serverUrl)(
    "writes each of 200 mails exactly once with `npm run worker` on a PostgreSQL server",
    async () => {
      const name = `synergy_jobs_${randomBytes(6).toString("hex")}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      const url = new URL(serverUrl!);
      url.pathname = `/${name}`;
      try {
        await killWorkerMidBatch({ databaseUrl: url.toString() });
      } finally {
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      }
    },
    240_000,
  );
});

describe("the server dies while invitation forms are answered", () => {
  it("sends nobody a second invitation when the person sends the forms again", async () => {
    const dataDir = tempDir();
    const password = "a long enough passphrase";
    const database = await openShared(dataDir);
    const facilitator = await server.createUser({ password });
    const { id } = await server.createNetwork({
      visibility: "invite",
      facilitators: [facilitator.id],
    });
    await database.close();

    let web = await startWebProcess(dataDir);
    const client = new TestClient(web.url);
    await client.signIn(facilitator.email, password);
    // Twelve forms of 10 addresses, each filled in its own tab (its own submission key): enough
    // forms that the kill below lands while some are still being answered.
    const forms: Record<string, string>[] = [];
    for (let f = 0; f < 12; f++) {
      const html = await (await client.get(`/networks/${id}/members`)).text();
      const submissionKey = html.match(/name="submissionKey" value="([^"]+)"/)?.[1] ?? "";
      expect(submissionKey).not.toBe("");
      const emails = Array.from({ length: 10 }, (_, n) => `guest-${f}-${n}@example.org`);
      forms.push({ intent: "invite-emails", emails: emails.join("\n"), submissionKey });
    }
    const answered = new Set<number>();
    const inFlight = forms.map((form, f) =>
      client
        .post(`${web.url}/networks/${id}/members`, form)
        .then((response) => {
          if (response.status === 200) answered.add(f);
        })
        .catch(() => {}),
    );
    // The server dies as soon as the first answer is out, with the other forms in flight.
    await Promise.race(inFlight);
    await web.kill("SIGKILL");
    await Promise.all(inFlight);
    expect(answered.size).toBeLessThan(forms.length);

    web = await startWebProcess(dataDir);
    const again = new TestClient(web.url);
    await again.signIn(facilitator.email, password);
    // The person sends every form again, answered or not, as people do after an error.
    for (const form of forms) {
      expect((await again.post(`/networks/${id}/members`, form)).status).toBe(200);
    }
    const everyone = forms.length * 10;
    await waitUntil(
      () => emlCount(dataDir) >= everyone,
      60_000,
      () => `only ${emlCount(dataDir)} of ${everyone} invitations arrived: ${web.output()}`,
    );
    await web.kill("SIGTERM");

    const reopened = await openShared(dataDir);
    expect(await pendingMailJobs()).toBe(0);
    await reopened.close();
    const perAddress = new Map<string, number>();
    for (const mail of readMailbox(dataDir)) {
      perAddress.set(mail.to, (perAddress.get(mail.to) ?? 0) + 1);
    }
    expect(perAddress.size).toBe(everyone);
    const twice = [...perAddress].filter(([, count]) => count > 1).map(([to]) => to);
    expect(twice).toEqual([]);
  }, 240_000);
});
