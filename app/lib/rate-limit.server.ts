import { sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { getEnv } from "./env.server";

export type RateLimitResult = { allowed: boolean; retryAfterSeconds: number };

/**
 * Counts one hit against `key` in a fixed window shared by every app process (the counter lives
 * in PostgreSQL); `weight` counts several at once. Returns allowed=false once more than `limit`
 * hits fall in the window.
 */
export async function hitRateLimit(
  key: string,
  limit: number,
  windowSeconds: number,
  weight = 1,
): Promise<RateLimitResult> {
  if (!getEnv().RATE_LIMITS) return { allowed: true, retryAfterSeconds: 0 };
  const result = await queryRows<{ hits: number; window_start: string }>(sql`
    insert into rate_limits (key, window_start, hits) values (${key}, now(), ${weight})
    on conflict (key) do update set
      hits = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
                  then ${weight} else rate_limits.hits + ${weight} end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
                  then now() else rate_limits.window_start end
    returning hits, window_start`);
  const row = result[0];
  const hits = Number(row.hits);
  const elapsed = (Date.now() - new Date(row.window_start).getTime()) / 1000;
  return {
    allowed: hits <= limit,
    retryAfterSeconds: Math.max(1, Math.ceil(windowSeconds - elapsed)),
  };
}

/** Forgets the counter for `key` (after a successful sign-in, the account's failures reset). */
export async function resetRateLimit(key: string): Promise<void> {
  await getDb().execute(sql`delete from rate_limits where key = ${key}`);
}

/** Takes one hit back from `key` (an attempt counted up front turned out not to be a failure). */
export async function releaseRateLimit(key: string): Promise<void> {
  await getDb().execute(
    sql`update rate_limits set hits = greatest(hits - 1, 0) where key = ${key}`,
  );
}
