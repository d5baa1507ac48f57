import path from "node:path";
import { type Database, migrateDatabase, openDatabase, setDatabase } from "../app/db/client.server";
import { syncTaxonomy } from "../app/features/taxonomy/sync.server";
import { getEnv } from "../app/lib/env.server";

/**
 * Opens the configured database for a command-line script (the same one `npm start` uses),
 * migrated and with the built-in vocabularies. Embedded data cannot be shared with a running
 * server: stop `npm start` first when DATABASE_URL is unset.
 */
export async function openScriptDatabase(): Promise<Database> {
  const env = getEnv();
  const database = env.DATABASE_URL
    ? await openDatabase({ url: env.DATABASE_URL })
    : await openDatabase({ dataDir: path.join(env.dataDir, "db") });
  await migrateDatabase(database);
  setDatabase(database);
  await syncTaxonomy();
  return database;
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
