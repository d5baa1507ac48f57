import {
  type Database,
  embeddedDatabaseDir,
  migrateDatabase,
  openDatabase,
  setDatabase,
} from "../app/db/client.server";
import { acquireDatabaseLock } from "../app/db/data-dir-lock.server.js";
import { syncTaxonomy } from "../app/features/taxonomy/sync.server";
import { getEnv } from "../app/lib/env.server";

/**
 * Opens the configured database for a command-line script (the same one `npm start` uses),
 * migrated and with the built-in vocabularies. Embedded data cannot be shared with a running
 * server: when DATABASE_URL is unset and `npm start` runs, this fails with the message saying so.
 */
export async function openScriptDatabase(): Promise<Database> {
  const env = getEnv();
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: embeddedDatabaseDir(env.dataDir) });
  await migrateDatabase(database);
  setDatabase(database);
  await syncTaxonomy();
  return database;
}

/**
 * Makes this script the owner of the embedded database (DATABASE_URL unset) until it exits, or
 * throws naming the process that owns it; for scripts that touch DATA_DIR before opening it.
 */
export function claimEmbeddedDatabase(): void {
  const env = getEnv();
  if (!env.DATABASE_URL) acquireDatabaseLock(embeddedDatabaseDir(env.dataDir));
}

/** Runs a script body and turns any failure into one clear line and exit code 1. */
export async function runScript(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
