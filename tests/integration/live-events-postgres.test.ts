/**
 * A lost live-event connection never fails a write (issue 6, defect 3), on a PostgreSQL server.
 * Needs TEST_DATABASE_URL; the test makes and drops its own database on that server (it does
 * not use the shared template), and reaches it through a small TCP relay that can refuse the
 * listener's connection (the one that sends LISTEN) while letting every other query through.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadServer, TestClient } from "../setup/app";
import { makePng } from "../setup/images";
import { openStream } from "../setup/streams";

const serverUrl = process.env.TEST_DATABASE_URL;
if (!serverUrl) {
  console.warn(
    "Live-event listener test skipped: set TEST_DATABASE_URL to a PostgreSQL server to run it.",
  );
}

/** Relays PostgreSQL connections; drops the listener's while `refuseListener` is set. */
function startRelay(target: URL) {
  let refuseListener = false;
  const open = new Set<net.Socket>();
  const relay = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    open.add(client);
    let isListener = false;
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
    };
    client.on("data", (chunk) => {
      if (chunk.toString("latin1").toLowerCase().includes("listen synergy_events")) {
        isListener = true;
      }
      if (isListener && refuseListener) return drop();
      upstream.write(chunk);
    });
    upstream.on("data", (chunk) => client.write(chunk));
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  return {
    relay,
    set refuseListener(value: boolean) {
      refuseListener = value;
    },
    async listen() {
      await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
      return (relay.address() as net.AddressInfo).port;
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

async function until(check: () => Promise<boolean> | boolean, timeoutMs = 40_000) {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return check();
}

describe.skipIf(!serverUrl)("live events on a PostgreSQL server", () => {
  const name = `synergy_live_events_${randomBytes(6).toString("hex")}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-live-"));
  const relay = startRelay(new URL(serverUrl ?? "postgres://localhost"));
  let server: Awaited<ReturnType<typeof loadServer>>;
  let database: { close(): Promise<void> } | undefined;
  let httpServer: http.Server | undefined;
  let url = "";

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    server = await loadServer();
    await admin((c) => c.query(`create database ${name}`));
    const port = await relay.listen();
    const databaseUrl = new URL(serverUrl!);
    databaseUrl.host = `127.0.0.1:${port}`;
    databaseUrl.pathname = `/${name}`;
    // The listener cannot connect from the very start.
    relay.refuseListener = true;
    const opened = await server.openDatabase({ url: databaseUrl.toString() });
    database = opened;
    await server.migrateDatabase(opened);
    httpServer = http.createServer();
    await new Promise<void>((resolve) => httpServer!.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(httpServer.address() as net.AddressInfo).port}`;
    const env = server.parseEnv({
      NODE_ENV: "test",
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      LOG_LEVEL: "silent",
      SEED_DEMO: "false",
    });
    const app = server.createApp({ env, database: opened });
    httpServer.on("request", app.listener);
  });

  afterAll(async () => {
    httpServer?.closeAllConnections();
    await new Promise<void>((resolve) =>
      httpServer ? httpServer.close(() => resolve()) : resolve(),
    );
    await server?.stopListening();
    await database?.close();
    await relay.close();
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function readiness() {
    const response = await fetch(`${url}/readyz`);
    return { status: response.status, text: await response.text() };
  }

  async function postWithPhoto(client: TestClient, networkId: string, body: string) {
    const response = await client.post(`/networks/${networkId}`, {
      intent: "post",
      body,
      files: new File([await makePng()], "photo.png", { type: "image/png" }),
    });
    const rows = await server.queryRows<{ key: string }>(
      server.rawSql(
        `select a.storage_key as key from post_attachments a join posts p on p.id = a.post_id
         where p.network_id = '${networkId}' and p.body = '${body}'`,
      ),
    );
    return { status: response.status, keys: rows.map((r) => r.key) };
  }

  function stored(key: string) {
    return fs.existsSync(path.join(dataDir, "uploads", key));
  }

  it("keeps writes working while the listener is down, says so, and recovers", async () => {
    const password = "a long enough passphrase";
    const writer = await server.createUser({ password });
    const viewer = await server.createUser({ password });
    const { id } = await server.createNetwork({ members: [writer.id, viewer.id] });
    const writerClient = new TestClient(url);
    await writerClient.signIn(writer.email, password);
    const viewerClient = new TestClient(url);
    await viewerClient.signIn(viewer.email, password);

    // The first connection never succeeded: /readyz is still ready (pages and writes work),
    // with a line saying live events are down.
    const down = await readiness();
    expect(down.status).toBe(200);
    expect(down.text).toMatch(/^ready\nlive events: (down since .*, reconnecting|connecting)/);

    const stream = await openStream(
      `${url}/networks/${id}/live`,
      viewerClient.cookieHeaderForTests(),
    );

    const first = await postWithPhoto(writerClient, id, "Written while live events are down");
    expect(first.status).toBe(302);
    expect(first.keys).toHaveLength(1);
    expect(stored(first.keys[0])).toBe(true);
    const second = await postWithPhoto(writerClient, id, "And another one");
    expect(second.status).toBe(302);
    expect(stored(second.keys[0])).toBe(true);

    // The listener comes back by itself, and the open stream hears new posts.
    relay.refuseListener = false;
    expect(
      await until(async () => (await readiness()).text.includes("live events: listening")),
    ).toBe(true);
    const third = await postWithPhoto(writerClient, id, "Heard live again");
    expect(third.status).toBe(302);
    expect(await until(() => stream.received.includes("event: post"))).toBe(true);

    // The server drops the listener's connection; reconnecting is refused for a while.
    relay.refuseListener = true;
    const terminated = await admin((c) =>
      c.query(
        `select pg_terminate_backend(pid) from pg_stat_activity
         where datname = $1 and query ilike 'listen%'`,
        [name],
      ),
    );
    expect(terminated.rowCount).toBeGreaterThan(0);
    expect(await until(async () => (await readiness()).text.includes("live events: down"))).toBe(
      true,
    );
    const fourth = await postWithPhoto(writerClient, id, "Written after the connection was killed");
    expect(fourth.status).toBe(302);
    expect(stored(fourth.keys[0])).toBe(true);
    const comment = await writerClient.post(`/networks/${id}`, {
      intent: "comment",
      postId: (
        await server.queryRows<{ id: string }>(
          server.rawSql(`select id from posts where network_id = '${id}' limit 1`),
        )
      )[0].id,
      body: "A comment while down",
    });
    expect(comment.status).toBe(302);

    relay.refuseListener = false;
    expect(
      await until(async () => (await readiness()).text.includes("live events: listening")),
    ).toBe(true);
    const before = stream.received.length;
    const fifth = await postWithPhoto(writerClient, id, "Heard after the reconnection");
    expect(fifth.status).toBe(302);
    expect(await until(() => stream.received.slice(before).includes("event: post"))).toBe(true);
    // Every file of every post is still there and served.
    for (const { keys } of [first, second, third, fourth, fifth]) {
      for (const key of keys) expect(stored(key)).toBe(true);
    }
    await stream.close();
  });
});
