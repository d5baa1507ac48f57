import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { type SQL, sql } from "drizzle-orm";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import PgBoss from "pg-boss";
import { z } from "zod";
import { jobNames, jobSchema } from "~/lib/job-names";
import { acquireDatabaseLock, type DatabaseLock } from "./data-dir-lock.server.js";
import * as schema from "./schema";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** An open database: the Drizzle handle plus what is needed to check and close it. */
export type Database = {
  db: Db;
  kind: "pglite" | "pg";
  /** Present in embedded mode: the PGlite instance (tests dump and clone it). */
  pglite?: PGlite;
  /** Present in server mode. */
  pool?: pg.Pool;
  ping(): Promise<void>;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(process.cwd(), "app/db/migrations");

/** Where the embedded database of an installation lives inside its DATA_DIR. */
export function embeddedDatabaseDir(dataDir: string): string {
  return path.join(dataDir, "db");
}

type OpenOptions =
  | { url: string }
  | { dataDir: string }
  | { pglite: PGlite }
  | { loadDataDir: Blob | File };

/**
 * Opens PostgreSQL: a server when `url` is given, otherwise embedded PGlite (on disk in
 * `dataDir`, in memory from a `loadDataDir` dump, or an instance the caller made).
 * This is the only place the application opens database connections. A `dataDir` is owned by
 * one process: opening one that another running process holds throws DatabaseLockedError
 * before anything is read, and close() gives the folder back.
 */
export async function openDatabase(options: OpenOptions): Promise<Database> {
  if ("url" in options) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: 10,
      connectionTimeoutMillis: 5000,
    });
    // An idle client that errors (server restart) must not crash the process.
    pool.on("error", () => {});
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => {});
      const where = safeUrl(options.url);
      throw new Error(
        `Could not connect to PostgreSQL at ${where}: ${(error as Error).message}. Check DATABASE_URL.`,
      );
    }
    const db = drizzlePg({ client: pool, schema }) as unknown as Db;
    return {
      db,
      kind: "pg",
      pool,
      ping: async () => {
        await pool.query("select 1");
      },
      close: () => pool.end(),
    };
  }
  let client: PGlite;
  let lock: DatabaseLock | undefined;
  if ("pglite" in options) {
    client = options.pglite;
  } else if ("loadDataDir" in options) {
    client = await PGlite.create({ loadDataDir: options.loadDataDir, extensions: { pg_trgm } });
  } else {
    lock = acquireDatabaseLock(options.dataDir);
    try {
      fs.mkdirSync(options.dataDir, { recursive: true });
      client = await PGlite.create(options.dataDir, { extensions: { pg_trgm } });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: "pglite",
    pglite: client,
    ping: async () => {
      await client.query("select 1");
    },
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/**
 * Applies the committed migrations and installs the job queue's tables (pg-boss) with one queue
 * per job name; concurrent processes on one server wait for each other.
 */
export async function migrateDatabase(database: Database): Promise<void> {
  await database.db.execute(sql`create extension if not exists pg_trgm`);
  if (database.kind === "pg" && database.pool) {
    const client = await database.pool.connect();
    try {
      await client.query("select pg_advisory_lock(724001)");
      await migratePg(drizzlePg({ client }), { migrationsFolder });
      await installJobQueue((text, values) => client.query(text, values));
    } finally {
      await client.query("select pg_advisory_unlock(724001)").catch(() => {});
      client.release();
    }
    return;
  }
  await migratePglite(database.db as never, { migrationsFolder });
  const pglite = database.pglite!;
  await installJobQueue(async (text, values) =>
    values ? pglite.query(text, values) : { rows: (await pglite.exec(text)).at(-1)?.rows ?? [] },
  );
}

/**
 * pg-boss's own tables, made here rather than when the queue starts, so that the test template
 * already holds them and a newer pg-boss finds its schema version to migrate from. Upgrades
 * between pg-boss versions are applied by the queue at start (its `migrate` option).
 */
async function installJobQueue(
  run: (text: string, values?: unknown[]) => Promise<{ rows: unknown[] }>,
): Promise<void> {
  const { rows } = await run(`select to_regclass('${jobSchema}.version') as installed`);
  if (!(rows[0] as { installed: string | null }).installed) {
    await run(PgBoss.getConstructionPlans(jobSchema));
  }
  // pg-boss's own queue for cron schedules too, so starting a scheduler creates nothing.
  for (const name of [...jobNames, "__pgboss__send-it"]) {
    // create_queue does nothing for a queue that exists.
    await run(`select ${jobSchema}.create_queue($1, $2)`, [name, { policy: "standard" }]);
  }
}

function safeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || 5432}${u.pathname}`;
  } catch {
    return "(unparsable URL)";
  }
}

let current: Database | undefined;

/** Makes `database` the one the application uses. */
export function setDatabase(database: Database): void {
  current = database;
}

/** The open database; throws if the server has not opened one yet. */
export function getDatabase(): Database {
  if (!current) throw new Error("Database not opened: call setDatabase() at start-up.");
  return current;
}

/** The Drizzle handle of the open database. */
export function getDb(): Db {
  return getDatabase().db;
}

/**
 * Runs a raw SQL query (for the queries Drizzle's builder cannot express well: keyset pages,
 * visibility-aware filters) and returns its rows, typed by the caller.
 */
export async function queryRows<T>(query: SQL, db: Db = getDb()): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * A list of ids as one `uuid[]` parameter (`= any(…)`, `unnest(…)`): one bound value whatever
 * the length, where `in (${…})` binds and builds one parameter per id. Ids must be UUIDs.
 */
export function uuidArray(ids: readonly string[]): SQL {
  return sql`${`{${ids.join(",")}}`}::uuid[]`;
}

/**
 * Runs a raw SQL query and validates every row with `row` (a Zod object naming the selected
 * columns), so a renamed column or a changed type fails at the query instead of travelling on as
 * `undefined`. Prefer it to `queryRows<T>()`, whose type is only the caller's word.
 */
export async function queryParsed<Row extends z.ZodType>(
  row: Row,
  query: SQL,
  db: Db = getDb(),
): Promise<z.infer<Row>[]> {
  return z.array(row).parse(await queryRows<unknown>(query, db));
}
