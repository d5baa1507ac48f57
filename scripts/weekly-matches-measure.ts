/**
 * DATABASE_URL=postgres://… npx tsx scripts/weekly-matches-measure.ts [count|rollback|naive]
 * Times the weekly "new partnering matches" job on a seeded database without changing it:
 * - count: the whole computation, no writes (dryRun);
 * - rollback: the job as it runs (notifications, email routing) inside a transaction that is
 *   rolled back at the end;
 * - naive: newMatchesSince (ranking the whole candidate list) for 100 organisations, to compare.
 * It does not migrate: the database must already have the current schema.
 */
import { sql } from "drizzle-orm";
import { getDb, openDatabase, queryRows, setDatabase } from "../app/db/client.server";
import { newMatchesSince } from "../app/features/partnering/matches.server";
import { sendWeeklyMatches } from "../app/features/partnering/weekly-matches.server";
import { runScript } from "./open-database";

class RolledBack extends Error {}

await runScript(async () => {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the seeded PostgreSQL database.");
  const database = await openDatabase({ url });
  setDatabase(database);
  const mode = process.argv[2] ?? "count";
  try {
    if (mode === "naive") {
      const orgs = await queryRows<{ id: string }>(
        sql`select id::text from organisations order by id limit 100`,
      );
      const since = new Date(Date.now() - 7 * 86_400_000);
      const started = performance.now();
      let withMatches = 0;
      for (const org of orgs) if ((await newMatchesSince(org.id, since)) > 0) withMatches += 1;
      const ms = performance.now() - started;
      console.log(
        JSON.stringify({ mode, organisations: orgs.length, withMatches, ms: Math.round(ms) }),
      );
      return;
    }
    const started = performance.now();
    let result: unknown;
    if (mode === "rollback") {
      try {
        await getDb().transaction(async (tx) => {
          result = await sendWeeklyMatches({ db: tx });
          throw new RolledBack();
        });
      } catch (error) {
        if (!(error instanceof RolledBack)) throw error;
      }
    } else {
      result = await sendWeeklyMatches({ dryRun: true });
    }
    const ms = performance.now() - started;
    console.log(JSON.stringify({ mode, ...(result as object), ms: Math.round(ms) }));
  } finally {
    await database.close();
  }
});
