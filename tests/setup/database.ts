/**
 * A fresh database for one test file, cloned from the migrated template that
 * global-database.ts made: PGlite by default, a PostgreSQL server when TEST_DATABASE_URL is set.
 */

import { randomBytes } from "node:crypto";
import fs from "node:fs";
import pg from "pg";
import { inject } from "vitest";

type Opener = (options: { url: string } | { loadDataDir: Blob }) => Promise<{
  close(): Promise<void>;
}>;

export async function openTestDatabase<D extends { close(): Promise<void> }>(
  open: (options: { url: string } | { loadDataDir: Blob }) => Promise<D>,
): Promise<{ database: D; cleanup(): Promise<void>; url?: string }> {
  const template = inject("databaseTemplate");
  if (template.kind === "pglite") {
    const dump = new Blob([fs.readFileSync(template.file)]);
    const database = await open({ loadDataDir: dump });
    return { database, cleanup: () => database.close() };
  }
  // Named after the run, so that the run drops it at the end even if this file's cleanup
  // never runs, and no other run ever touches it.
  const name = `${template.prefix}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: template.url });
  await admin.connect();
  await admin.query(`create database "${name}" template "${template.template}"`);
  await admin.end();
  const url = new URL(template.url);
  url.pathname = `/${name}`;
  const database = await open({ url: url.toString() });
  return {
    database,
    url: url.toString(),
    cleanup: async () => {
      await database.close();
      const drop = new pg.Client({ connectionString: template.url });
      await drop.connect();
      await drop.query(`drop database if exists "${name}" with (force)`);
      await drop.end();
    },
  };
}

export type { Opener };
