/**
 * Prepares one migrated database template per test run (per Vitest project):
 * - embedded (default): a PGlite data-dir dump in a temp file; each test file loads it (~0.35 s);
 * - server (TEST_DATABASE_URL set): a template database; each test file clones it.
 *
 * On a shared server several runs may go at once (two developers, CI and a developer, the unit
 * and integration projects of one run). Each run names its databases with its own prefix,
 * `synergy_test_<UTC start, yyyymmddhhmmss>_<random>`, and drops only those at the end; a run
 * removes other runs' databases only when their name says they started more than a day ago.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../app/db/client.server";

const RUN_NAME = /^synergy_test_(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_[0-9a-f]{8}(_|$)/;
/** A run whose databases are still there a day after it started has been abandoned. */
export const ABANDONED_AFTER_MS = 24 * 3600_000;

/** A new run's prefix: every database of the run is this name or starts with it and "_". */
export function newRunPrefix(now = new Date()): string {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  return `synergy_test_${stamp}_${randomBytes(4).toString("hex")}`;
}

/** Whether `name` belongs to a test run that started more than a day before `now`. */
export function isAbandonedRunDatabase(name: string, now = new Date()): boolean {
  const match = RUN_NAME.exec(name);
  if (!match) return false;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const started = Date.UTC(y, mo - 1, d, h, mi, s);
  return now.getTime() - started > ABANDONED_AFTER_MS;
}

/** Drops the databases of this run (`prefix`), or of runs abandoned long ago (no prefix). */
export async function dropRunDatabases(
  admin: pg.Client,
  which: { prefix: string } | { abandonedBefore: Date },
): Promise<string[]> {
  const { rows } = await admin.query<{ datname: string }>(
    "select datname from pg_database where starts_with(datname, 'synergy_test_')",
  );
  const doomed = rows
    .map((r) => r.datname)
    .filter((name) =>
      "prefix" in which
        ? name === which.prefix || name.startsWith(`${which.prefix}_`)
        : isAbandonedRunDatabase(name, which.abandonedBefore),
    );
  for (const name of doomed) {
    await admin.query(`drop database if exists "${name}" with (force)`);
  }
  return doomed;
}

async function withAdmin<T>(url: string, body: (admin: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    return await body(admin);
  } finally {
    await admin.end();
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const prefix = newRunPrefix();
    const template = `${prefix}_template`;
    await withAdmin(serverUrl, async (admin) => {
      await dropRunDatabases(admin, { abandonedBefore: new Date() });
      await admin.query(`create database "${template}"`);
    });
    const url = new URL(serverUrl);
    url.pathname = `/${template}`;
    const database = await openDatabase({ url: url.toString() });
    try {
      await migrateDatabase(database);
    } finally {
      await database.close();
    }
    project.provide("databaseTemplate", { kind: "pg", url: serverUrl, template, prefix });
    return async () => {
      await withAdmin(serverUrl, (admin) => dropRunDatabases(admin, { prefix }));
    };
  }
  const pglite = await PGlite.create({ extensions: { pg_trgm } });
  const database = await openDatabase({ pglite });
  await migrateDatabase(database);
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "synergy-test-")), "template.tar");
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  project.provide("databaseTemplate", { kind: "pglite", file });
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseTemplate:
      | { kind: "pglite"; file: string }
      /** `prefix`: this run's; every clone is named `<prefix>_<random>`. */
      | { kind: "pg"; url: string; template: string; prefix: string };
  }
}
