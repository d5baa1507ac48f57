import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";

/**
 * The day's distance figures (decision 018 "How it is shown"): per network (null for
 * installation-wide needs), of all open needs, per country and per topic, the open needs, the
 * people behind them (owner, or one anonymous answer), the open weight and
 * the weight nothing reaches. Replaces the day's rows, so running twice a day is harmless.
 */
export async function writeDistanceSnapshot(tx: Db): Promise<number> {
  await queryRows(sql`delete from need_distance_snapshots where day = current_date`, tx);
  const rows = await queryRows<{ n: number }>(
    sql`
    with written as (
      insert into need_distance_snapshots
        (day, network_id, dimension, key, open_count, open_people, open_weight, unreached_weight)
      select current_date, n.network_id,
        case when grouping(n.country) = 0 then 'country'
             when grouping(n.topic) = 0 then 'topic' else 'all' end,
        coalesce(case when grouping(n.country) = 0 then n.country
                      when grouping(n.topic) = 0 then n.topic end, ''),
        count(*)::int, count(distinct coalesce(n.owner_id, n.respondent_key, n.id))::int,
        coalesce(sum(n.weight), 0)::int,
        coalesce(sum(n.weight) filter (where not n.is_reached), 0)::int
      from needs n
      where n.status = 'open'
      group by grouping sets ((n.network_id), (n.network_id, n.country), (n.network_id, n.topic))
      having not (grouping(n.country) = 0 and n.country is null)
         and not (grouping(n.topic) = 0 and n.topic is null)
      returning 1
    )
    select count(*)::int as n from written
  `,
    tx,
  );
  return Number(rows[0]?.n ?? 0);
}

/**
 * The daily run: first brings every open need's reach up to date (offers and events that ended
 * with the passing of time stop counting; refreshNeeds is the one writer), then writes the day's
 * snapshot, in one transaction.
 */
export async function runNeedsDaily(db: Db = getDb()) {
  return db.transaction(async (tx) => {
    const changed = await refreshNeeds(tx, { allOpen: true });
    const snapshotRows = await writeDistanceSnapshot(tx);
    return { reachChanged: changed.length, snapshotRows };
  });
}

export const needsDailyJob = defineJob({
  name: "needs.daily",
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
  pollingIntervalSeconds: 60,
  // Just after midnight UTC, so each day's snapshot sees the day's ended offers.
  schedule: "5 0 * * *",
  async handle() {
    const result = await runNeedsDaily();
    getLogger().info(result, "needs daily run done");
  },
});
