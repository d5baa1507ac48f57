import type pg from "pg";
import type { Database } from "~/db/client.server";

/**
 * `seed:scale -- --only <part>`: replaces one part of an installation the scale seed already
 * filled, in one transaction (clear, then load), then vacuums and analyzes its tables. A failure
 * rolls back and leaves the part as it was.
 */
export async function replaceScalePart<Counts>(options: {
  database: Database;
  /** What is removed, as the progress line says it ("the needs and offers there were"). */
  name: string;
  /** The tables to vacuum and analyze after the commit. */
  tables: readonly string[];
  clear: (client: pg.PoolClient) => Promise<void>;
  load: (client: pg.PoolClient) => Promise<Counts>;
  progress: (message: string) => void;
}): Promise<Counts> {
  const { database, progress } = options;
  if (database.kind !== "pg" || !database.pool) {
    throw new Error("The scale seed needs a PostgreSQL server (DATABASE_URL).");
  }
  const client = await database.pool.connect();
  try {
    await client.query("begin");
    progress(`Removing ${options.name}…`);
    const clearing = performance.now();
    await options.clear(client);
    progress(`  removed (${((performance.now() - clearing) / 1000).toFixed(1)} s)`);
    const counts = await options.load(client);
    progress("Committing…");
    await client.query("commit");
    progress("Vacuuming and analyzing…");
    await client.query(`vacuum (analyze) ${options.tables.join(", ")}`);
    return counts;
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
