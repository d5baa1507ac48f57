import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { defineJob, enqueue } from "~/lib/jobs.server";
import { isNotificationKind, type NotificationKind } from "./kinds";
import { notify } from "./notify.server";

/** Rows written per transaction: a killed job keeps what it committed, a retry adds the rest. */
export const FANOUT_BATCH = 500;

const audienceSchema = z.discriminatedUnion("type", [
  /** Named people (those a post mentions), fixed when the write happened. */
  z.object({ type: z.literal("people"), ids: z.array(z.uuid()).max(5000) }),
  /** The network's active facilitators, read when the job runs. */
  z.object({ type: z.literal("facilitators"), networkId: z.uuid() }),
]);

const valueSchema = z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]);

const fanoutSchema = z.object({
  kind: z.string().refine(isNotificationKind),
  audience: audienceSchema,
  /** People left out (they hear about this through another kind already). */
  exclude: z.array(z.uuid()).max(100).default([]),
  actorId: z.uuid().nullable(),
  networkId: z.uuid().nullable(),
  groupKey: z.string().min(1).max(200),
  sourceKey: z.string().min(1).max(200),
  data: z.record(z.string(), valueSchema),
});

export type FanoutPayload = z.input<typeof fanoutSchema> & { kind: NotificationKind };

/** Everyone the job is for, in a stable order (by id), so batches are the same on a retry. */
async function recipientsOf(payload: z.infer<typeof fanoutSchema>, db: Db): Promise<string[]> {
  const { audience } = payload;
  let ids: string[];
  if (audience.type === "people") {
    ids = [...new Set(audience.ids)].sort();
  } else {
    const rows = await queryParsed(
      z.object({ user_id: z.string() }),
      sql`select user_id::text from network_members
          where network_id = ${audience.networkId} and role = 'facilitator' and status = 'active'
          order by user_id`,
      db,
    );
    ids = rows.map((row) => row.user_id);
  }
  const excluded = new Set(payload.exclude);
  return ids.filter((id) => !excluded.has(id));
}

/**
 * Writes the notifications of one fan-out, FANOUT_BATCH recipients per transaction. Safe to run
 * any number of times and to stop anywhere: each row is unique per (recipient, source key), so a
 * re-run skips whom it already notified and adds whom it had not reached.
 * `afterBatch` is for tests that stop a run midway.
 */
export async function runFanout(
  data: FanoutPayload,
  options: { batchSize?: number; afterBatch?: (index: number) => void | Promise<void> } = {},
): Promise<number> {
  const payload = fanoutSchema.parse(data);
  const db = getDb();
  const recipients = await recipientsOf(payload, db);
  const size = options.batchSize ?? FANOUT_BATCH;
  let written = 0;
  for (let start = 0, index = 0; start < recipients.length; start += size, index++) {
    const batch = recipients.slice(start, start + size);
    const rows = await db.transaction((tx) =>
      notify(tx, {
        kind: payload.kind as NotificationKind,
        recipientIds: batch,
        actorId: payload.actorId,
        networkId: payload.networkId,
        groupKey: payload.groupKey,
        sourceKey: payload.sourceKey,
        data: payload.data,
      }),
    );
    written += rows.length;
    await options.afterBatch?.(index);
  }
  return written;
}

export const fanoutJob = defineJob({
  name: "notifications.fanout",
  payload: fanoutSchema as unknown as z.ZodType<FanoutPayload>,
  handle: async (data) => {
    await runFanout(data);
  },
  retryLimit: 8,
  retryDelaySeconds: 5,
  expireInSeconds: 10 * 60,
  batchSize: 5,
  // People expect a mention to show at once: look often (pg-boss's smallest interval).
  pollingIntervalSeconds: 0.5,
});

/**
 * Queues a fan-out in the write's transaction: it exists exactly when the write commits. The
 * job's key names the source and its audience, so a replayed write queues nothing new, while an
 * edit that mentions new people queues a job for them (those already notified are skipped).
 */
export async function fanOut(tx: Db, payload: FanoutPayload): Promise<void> {
  const audience =
    payload.audience.type === "people"
      ? [...new Set(payload.audience.ids)].sort().join(",")
      : `facilitators:${payload.audience.networkId}`;
  if (payload.audience.type === "people" && payload.audience.ids.length === 0) return;
  const digest = createHash("sha256").update(audience).digest("hex").slice(0, 16);
  await enqueue("notifications.fanout", payload, {
    key: `${payload.kind}|${payload.sourceKey}|${digest}`,
    tx,
  });
}
