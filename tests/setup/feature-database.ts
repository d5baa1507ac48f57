/**
 * For unit tests beside a feature that need the database and the app's settings (not the HTTP
 * app): a fresh database (tests/setup/database.ts), the settings of a test run with a throw-away
 * DATA_DIR, both set up before the file's tests and removed after them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { type Database, openDatabase, setDatabase } from "~/db/client.server";
import { parseEnv, setEnv } from "~/lib/env.server";
import { stopListening } from "~/lib/pubsub.server";
import { openTestDatabase } from "./database";

export function openFeatureDatabase(name: string): {
  readonly database: Database;
  readonly dataDir: string;
} {
  let database: Database | undefined;
  let dataDir: string | undefined;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `synergy-${name}-`));
    setEnv(parseEnv({ NODE_ENV: "test", DATA_DIR: dataDir, LOG_LEVEL: "silent" }));
    ({ database, cleanup } = await openTestDatabase(openDatabase));
    setDatabase(database);
    // Opening a database is slow on a busy machine.
  }, 60_000);
  afterAll(async () => {
    await stopListening();
    await cleanup?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  return {
    get database() {
      if (!database) throw new Error("the database opens in beforeAll");
      return database;
    },
    get dataDir() {
      if (!dataDir) throw new Error("DATA_DIR is made in beforeAll");
      return dataDir;
    },
  };
}
