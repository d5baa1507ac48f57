/**
 * Prepares one migrated database template per test run:
 * - embedded (default): a PGlite data-dir dump in a temp file; each test file loads it (~0.35 s);
 * - server (TEST_DATABASE_URL set): a template database; each test file clones it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, openDatabase } from "../../app/db/client.server";

export const TEMPLATE_DB = "synergy_test_template";

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl) {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    // Leftover clones from an interrupted run.
    const old = await admin.query(
      "select datname from pg_database where datname like 'synergy_test_%' and datname <> $1",
      [TEMPLATE_DB],
    );
    for (const row of old.rows) {
      await admin.query(`drop database if exists "${row.datname}" with (force)`);
    }
    await admin.query(`drop database if exists ${TEMPLATE_DB} with (force)`);
    await admin.query(`create database ${TEMPLATE_DB}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${TEMPLATE_DB}`;
    const database = await openDatabase({ url: url.toString() });
    await migrateDatabase(database);
    await database.close();
    project.provide("databaseTemplate", { kind: "pg", url: serverUrl, template: TEMPLATE_DB });
    return;
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
      | { kind: "pg"; url: string; template: string };
  }
}
