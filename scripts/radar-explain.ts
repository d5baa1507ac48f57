/**
 * npm run -s tsx scripts/radar-explain.ts  (DATABASE_URL set): times the radar's figures for a
 * seeded educator and prints EXPLAIN ANALYZE of its queries, for the scale notes of issue 10.
 */
import { sql } from "drizzle-orm";
import { getDb, queryRows, setDatabase } from "../app/db/client.server";
import { readRadarFilters } from "../app/features/radar/filters";
import {
  clearRadarCache,
  filterSql,
  radarFigures,
  viewerNetworks,
  visibleNeedSql,
} from "../app/features/radar/radar.server";
import { openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const database = await openScriptDatabase();
  setDatabase(database);
  try {
    const [viewer] = await queryRows<{ id: string }>(
      sql`select u.id from users u join network_members nm on nm.user_id = u.id and nm.status = 'active'
        where u.role = 'educator' group by u.id order by count(*) desc limit 1`,
    );
    const cases = ["", "country=GR", "topic=topic:digital-basics&period=6", "period=all"];
    for (const query of cases) {
      const filters = readRadarFilters(new URLSearchParams(query));
      const cold: number[] = [];
      const warm: number[] = [];
      for (let i = 0; i < 5; i++) {
        clearRadarCache();
        let t = performance.now();
        await radarFigures(viewer.id, filters, "en");
        cold.push(performance.now() - t);
        t = performance.now();
        await radarFigures(viewer.id, filters, "en");
        warm.push(performance.now() - t);
      }
      cold.sort((a, b) => a - b);
      warm.sort((a, b) => a - b);
      console.log(
        `radar ?${query}: computed median ${cold[2].toFixed(1)} ms (max ${cold[4].toFixed(1)}), kept median ${warm[2].toFixed(1)} ms (max ${warm[4].toFixed(1)})`,
      );
    }
    if (process.argv.includes("--explain")) {
      const filters = readRadarFilters(
        new URLSearchParams(process.argv.at(-1)?.startsWith("--") ? "" : process.argv.at(-1)),
      );
      const plan = await queryRows<Record<string, string>>(
        sql`explain (analyze, buffers) select count(*), sum(n.weight) from needs n
          where n.status = 'open' and ${visibleNeedSql((await viewerNetworks(viewer.id)).map((n) => n.value))} and ${filterSql(filters)}
          group by grouping sets ((), (n.topic), (n.country))`,
        getDb(),
      );
      for (const row of plan) console.log(Object.values(row)[0]);
    }
  } finally {
    await database.close();
  }
});
