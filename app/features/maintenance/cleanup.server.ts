/**
 * The scheduled clean-up: rows that only ever grow and stop mattering after a while. Runs as
 * the `maintenance.cleanup` job every hour (and whenever queued by hand); each step is one
 * DELETE, so a crash mid-way leaves nothing half done and the next run finishes the rest.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { removeExpiredExports } from "~/features/privacy/export.server";
import { getEnv } from "~/lib/env.server";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { removeOrphanedFiles } from "~/lib/orphaned-files.server";
import { removeStaleUploadFolders } from "~/lib/uploads.server";

type CleanupStep = { name: string; run(): Promise<number> };

async function deleteWhere(query: ReturnType<typeof sql>): Promise<number> {
  const result = (await getDb().execute(query)) as unknown as {
    rowCount?: number | null;
    affectedRows?: number;
  };
  return Number(result.rowCount ?? result.affectedRows ?? 0);
}

/** The steps, in order. */
export const cleanupSteps: CleanupStep[] = [
  {
    name: "expired sessions",
    run: () => deleteWhere(sql`delete from sessions where expires_at < now()`),
  },
  {
    // A day's grace, so that a link clicked twice still says "already used" rather than unknown.
    name: "used or expired tokens",
    run: () =>
      deleteWhere(sql`delete from auth_tokens
        where used_at < now() - interval '1 day' or expires_at < now() - interval '1 day'`),
  },
  {
    // The longest window in use is one day (invitations per person).
    name: "old rate-limit windows",
    run: () =>
      deleteWhere(sql`delete from rate_limits where window_start < now() - interval '2 days'`),
  },
  {
    // Kept a month after they stop working, so that facilitators can still see what happened.
    name: "expired invitations",
    run: () =>
      deleteWhere(sql`delete from network_invitations
        where expires_at < now() - interval '30 days'
           or revoked_at < now() - interval '30 days'`),
  },
  {
    // "Download my data" archives a week after they were ready (docs/decisions/027).
    name: "expired data exports",
    run: removeExpiredExports,
  },
  {
    // Files no row references (a crash between writing a file and committing its row), a day
    // after they were written, so that an upload still being committed is never touched.
    name: "orphaned files",
    run: async () => (await removeOrphanedFiles()).removed.length,
  },
  {
    // Form uploads of a request that never finished (the process was killed while it read them).
    name: "unfinished uploads",
    run: () => removeStaleUploadFolders(getEnv().dataDir),
  },
];

/** Runs every clean-up step; returns how many rows each removed. */
export async function runCleanup(): Promise<Record<string, number>> {
  const removed: Record<string, number> = {};
  for (const step of cleanupSteps) removed[step.name] = await step.run();
  return removed;
}

export const cleanupJob = defineJob({
  name: "maintenance.cleanup",
  payload: z.object({}).passthrough(),
  retryLimit: 2,
  retryDelaySeconds: 60,
  expireInSeconds: 15 * 60,
  pollingIntervalSeconds: 30,
  schedule: "17 * * * *",
  async handle() {
    const removed = await runCleanup();
    getLogger().info({ removed }, "clean-up done");
  },
});
