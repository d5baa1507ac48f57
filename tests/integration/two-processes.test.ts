/**
 * Two app processes on one PostgreSQL server: a post written through one is delivered live to a
 * viewer connected to the other (PostgreSQL LISTEN/NOTIFY). Needs TEST_DATABASE_URL, because the
 * embedded database cannot be shared between processes.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServer, TestClient } from "../setup/app";
import { openTestDatabase } from "../setup/database";
import { openStream } from "../setup/streams";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn(
    "Two-process live-update test skipped: set TEST_DATABASE_URL to a PostgreSQL server to run it.",
  );
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

async function startProcess(databaseUrl: string, dataDir: string) {
  const port = await freePort();
  const child = spawn(process.execPath, ["server/main.js"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      DATA_DIR: dataDir,
      SEED_DEMO: "false",
      LOG_LEVEL: "warn",
      SESSION_SECRET: "a-shared-secret-for-both-processes-0123456789",
      NODE_ENV: "production",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => {
    output += d;
  });
  child.stderr?.on("data", (d) => {
    output += d;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { child, url };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error(`app process did not start: ${output}`);
}

describe.skipIf(!serverUrl)("two app processes on one PostgreSQL server", () => {
  const children: ChildProcess[] = [];
  let cleanup: () => Promise<void> = async () => {};
  let databaseUrl = "";
  let server: Awaited<ReturnType<typeof loadServer>>;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-two-"));

  beforeAll(async () => {
    server = await loadServer();
    const opened = await openTestDatabase(server.openDatabase);
    cleanup = async () => {
      await server.stopListening();
      await opened.cleanup();
    };
    databaseUrl = opened.url!;
    server.setDatabase(opened.database);
    server.setEnv(server.parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir }));
  });

  afterAll(async () => {
    for (const child of children) child.kill("SIGTERM");
    await cleanup();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("delivers a post written through one process to a viewer on the other", async () => {
    const password = "a long enough passphrase";
    const writer = await server.createUser({ password });
    const viewer = await server.createUser({ password });
    const { id } = await server.createNetwork({ members: [writer.id, viewer.id] });
    const a = await startProcess(databaseUrl, dataDir);
    const b = await startProcess(databaseUrl, dataDir);
    children.push(a.child, b.child);

    const viewerClient = new TestClient(a.url);
    await viewerClient.signIn(viewer.email, password);
    const stream = await openStream(
      `${a.url}/networks/${id}/live`,
      viewerClient.cookieHeaderForTests(),
    );
    // Wait until the stream has started (its first line), so the subscription is in place.
    for (let i = 0; i < 50 && !stream.received.includes("retry:"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }

    const writerClient = new TestClient(b.url);
    await writerClient.signIn(writer.email, password);
    const posted = await writerClient.post(`/networks/${id}`, {
      intent: "post",
      body: "Hello from process B",
    });
    expect(posted.status).toBe(302);

    for (let i = 0; i < 100 && !stream.received.includes("event: post"); i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stream.close();
    expect(stream.received).toContain("event: post");
    const [row] = await server.queryRows<{ id: string }>(
      server.rawSql(`select id from posts where network_id = '${id}'`),
    );
    expect(stream.received).toContain(row.id);
  });
});
