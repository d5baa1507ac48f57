/**
 * Durable background jobs in PostgreSQL (pg-boss), in both database modes: on a PostgreSQL
 * server through the pool, on embedded PGlite through the same single connection the app uses.
 * Jobs are defined once (`defineJob`), queued with `enqueue` (inside the caller's transaction
 * when it passes one) and run by workers that `startJobWorkers` starts, in the app process by
 * default or in `npm run worker`. See docs/decisions/004-durable-jobs.md.
 */
import { createHash } from "node:crypto";
import { type SQL, sql } from "drizzle-orm";
import PgBoss from "pg-boss";
import type { z } from "zod";
import { type Database, type Db, getDatabase } from "~/db/client.server";
import { type JobName, jobNames, jobSchema } from "./job-names";
import { getLogger } from "./logger.server";
import { publishOnCommit, subscribe } from "./pubsub.server";

export type { JobName } from "./job-names";

type Executor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }> };

/** What a handler knows about the job it runs. */
export type JobContext = {
  /** Stable across retries; derived from the idempotency key when one was given. */
  id: string;
};

export type JobDefinition<T> = {
  name: JobName;
  /** Checked when a job is queued and again when it runs (the row may be older than the code). */
  payload: z.ZodType<T>;
  /** Must be safe to run twice for one job: a crash after the work and before the
   *  completion is recorded runs it again. */
  handle(data: T, job: JobContext): Promise<void>;
  /** Attempts after the first failure. */
  retryLimit: number;
  /** Seconds before the first retry; doubled (with jitter) on each further one. */
  retryDelaySeconds: number;
  /** A job still active this long is taken as lost (its process died) and retried. */
  expireInSeconds: number;
  /** Jobs taken per poll; each job still succeeds or fails on its own. */
  batchSize?: number;
  /**
   * Polling loops per process for this job type (default 1), each running its batch in turn:
   * more than one lets jobs that mostly wait for the database (a digest run) overlap on a
   * PostgreSQL server's pool. On PGlite they share the one connection.
   */
  concurrency?: number;
  pollingIntervalSeconds?: number;
  /**
   * Record a batch's completed jobs with one statement at its end instead of one each. For job
   * types whose handler finds a job already done cheaply: a crash mid-batch runs the whole
   * batch again, and thousands of jobs (a digest run) save a commit each.
   */
  completeTogether?: boolean;
  /** A cron expression (UTC): the job is queued on that schedule by whichever process is first. */
  schedule?: string;
};

// biome-ignore lint/suspicious/noExplicitAny: the registry holds definitions of every payload type
const definitions = new Map<JobName, JobDefinition<any>>();

/** Registers a job type; call it at module level next to the handler's code. */
export function defineJob<T>(definition: JobDefinition<T>): JobDefinition<T> {
  definitions.set(definition.name, definition);
  return definition;
}

/** Every registered job type (what the workers run and the admin page lists). */
export function jobDefinitions(): JobDefinition<unknown>[] {
  return [...definitions.values()];
}

/** Live-event topic on which a committed transaction that queued jobs wakes their workers. */
const WAKE_TOPIC = "\u0000jobs-queued";

let boss: PgBoss | undefined;
let stopWaking: (() => void) | undefined;
let bossDatabase: Database | undefined;
let workersRunning = false;
const localWorkers = new Map<JobName, string>();

/** Runs pg-boss's SQL on our connection: parameterless (often multi-statement) text through
 *  PGlite's `exec`, everything else through `query`; on a server, the pool does both. */
function executorFor(database: Database): Executor {
  if (database.kind === "pg" && database.pool) {
    const pool = database.pool;
    return { executeSql: (text, values) => pool.query(text, values as unknown[]) };
  }
  const pglite = database.pglite!;
  return {
    async executeSql(text, values) {
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return results.filter((r) => r.fields.length > 0).at(-1) ?? { rows: [] };
      }
      return pglite.query(
        text,
        values.map((v) => (v === undefined ? null : v)),
      );
    },
  };
}

/** Runs pg-boss's SQL inside a Drizzle transaction, so a job is queued only if the write commits. */
function executorForTransaction(tx: Db): Executor {
  return {
    async executeSql(text, values = []) {
      const result = (await tx.execute(positionalSql(text, values))) as unknown as {
        rows: unknown[];
      };
      return { rows: result.rows };
    },
  };
}

/** `$1`-style SQL text and its values as a Drizzle query (which numbers its own parameters). */
function positionalSql(text: string, values: unknown[]): SQL {
  const parts = text.split(/\$(\d+)/);
  const chunks: SQL[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) chunks.push(sql.raw(parts[i]));
    else {
      const value = values[Number(parts[i]) - 1];
      chunks.push(sql`${value === undefined ? null : value}`);
    }
  }
  return sql.join(chunks, sql.raw(""));
}

function newQueue(database: Database, options: { workers: boolean }): PgBoss {
  const instance = new PgBoss({
    db: executorFor(database),
    schema: jobSchema,
    migrate: true,
    // Only processes that run workers run the queue's upkeep and its schedules.
    supervise: options.workers,
    schedule: options.workers,
    // Lost jobs (their process died) are found this often; see expireInSeconds.
    maintenanceIntervalSeconds: 15,
    archiveCompletedAfterSeconds: 60 * 60 * 24,
    archiveFailedAfterSeconds: 60 * 60 * 24 * 7,
    deleteAfterDays: 30,
  });
  instance.on("error", (error: Error) => {
    getLogger().error({ err: { message: error.message } }, "job queue error");
  });
  return instance;
}

/**
 * The queue on the open database: the workers' instance when this process runs workers,
 * otherwise one that only sends. It is never started, so that queuing needs no query of its
 * own: on PGlite a query outside the caller's transaction would wait for that transaction.
 */
function getQueue(): PgBoss {
  const database = getDatabase();
  if (!boss || bossDatabase !== database) {
    boss = newQueue(database, { workers: false });
    bossDatabase = database;
  }
  return boss;
}

/** A UUID derived from the job name and idempotency key: queuing the same key twice is a no-op
 *  (pg-boss's (name, id) primary key), and the handler sees the same id on every attempt. */
export function jobIdFor(name: JobName, key: string): string {
  const hex = createHash("sha256").update(`${name}\u0000${key}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Queues one job. With `key`, a job with the same name and key is queued at most once (while
 * pg-boss keeps it, a day after completion); handlers still guard their own side effects.
 * With `tx`, the job is written in that transaction: it exists exactly when the write commits.
 * Returns the job id, or null when the key was already queued.
 */
export async function enqueue<T>(
  name: JobName,
  data: T,
  options: { key?: string; tx?: Db; startAfterSeconds?: number; startAfter?: Date } = {},
): Promise<string | null> {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`Unknown job ${name}: import its definition first.`);
  const payload = definition.payload.parse(data);
  const queue = getQueue();
  const id = await queue.send(
    name,
    payload as object,
    {
      id: options.key ? jobIdFor(name, options.key) : undefined,
      singletonKey: options.key,
      retryLimit: definition.retryLimit,
      retryDelay: definition.retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: definition.expireInSeconds,
      // As an instant (ISO, "…Z"): pg-boss's insert casts this parameter to a timestamp even
      // when it takes the seconds branch, so a bare number of seconds fails there.
      startAfter:
        options.startAfter?.toISOString() ??
        (options.startAfterSeconds === undefined
          ? undefined
          : new Date(Date.now() + options.startAfterSeconds * 1000).toISOString()),
      db: options.tx ? executorForTransaction(options.tx) : undefined,
    } as PgBoss.SendOptions,
  );
  // A worker in this process looks now instead of at its next poll. Inside a transaction the
  // job becomes visible at commit: a NOTIFY sent in the same transaction (delivered only when
  // it commits) wakes the workers of this job in every process then.
  const workerId = localWorkers.get(name);
  if (options.tx) await publishOnCommit(options.tx, [{ topic: WAKE_TOPIC, type: name }]);
  else if (workerId) queue.notifyWorker(workerId);
  return id;
}

/**
 * Queues many jobs of one type in one statement (a digest run queues thousands). Each item's
 * key works as in `enqueue`: a key already queued is skipped. With `tx`, the jobs are written in
 * that transaction.
 */
export async function enqueueMany<T>(
  name: JobName,
  items: Array<{ data: T; key: string }>,
  options: { tx?: Db } = {},
): Promise<void> {
  const definition = definitions.get(name);
  if (!definition) throw new Error(`Unknown job ${name}: import its definition first.`);
  if (items.length === 0) return;
  const jobs = items.map((item) => ({
    id: jobIdFor(name, item.key),
    name,
    data: definition.payload.parse(item.data),
    singletonKey: item.key,
    retryLimit: definition.retryLimit,
    retryDelay: definition.retryDelaySeconds,
    retryBackoff: true,
    expireInSeconds: definition.expireInSeconds,
  }));
  await getQueue().insert(
    jobs as PgBoss.JobInsert[],
    {
      db: options.tx ? executorForTransaction(options.tx) : undefined,
    } as PgBoss.InsertOptions,
  );
  const workerId = localWorkers.get(name);
  if (workerId && !options.tx) getQueue().notifyWorker(workerId);
}

/**
 * Starts the workers of every registered job type (or of `only` these, for benchmarks) on
 * `database`, and the queue's upkeep:
 * lost jobs retried, old ones archived, schedules fired. In embedded mode this process owns
 * the database, so jobs left active by a previous (crashed) process are retried at once.
 */
export async function startJobWorkers(
  database: Database = getDatabase(),
  options: { only?: JobName[] } = {},
): Promise<void> {
  if (workersRunning) return;
  await stopJobQueue();
  if (database.kind === "pglite") {
    await database.pglite!.query(
      `update ${jobSchema}.job set state = 'retry', start_after = now() where state = 'active'`,
    );
  }
  const instance = newQueue(database, { workers: true });
  await instance.start();
  boss = instance;
  bossDatabase = database;
  workersRunning = true;
  for (const definition of definitions.values()) {
    if (options.only && !options.only.includes(definition.name)) continue;
    for (let loop = 0; loop < (definition.concurrency ?? 1); loop++) {
      const workerId = await instance.work(
        definition.name,
        {
          batchSize: definition.batchSize ?? 1,
          pollingIntervalSeconds: definition.pollingIntervalSeconds ?? 2,
        },
        (jobs) => runBatch(instance, definition, jobs),
      );
      // The first loop is the one `enqueue` wakes; the others find the rest at their poll.
      if (loop === 0) localWorkers.set(definition.name, workerId);
    }
    if (definition.schedule) {
      await instance.schedule(definition.name, definition.schedule, {}, { tz: "UTC" });
    } else {
      await instance.unschedule(definition.name).catch(() => {});
    }
  }
  stopWaking = await subscribe(WAKE_TOPIC, (event) => {
    const id = localWorkers.get(event.type as JobName);
    if (id && boss === instance) instance.notifyWorker(id);
  });
  getLogger().info({ jobs: [...localWorkers.keys()] }, "job workers started");
}

/** Runs each job of a batch on its own: one failing job is retried, the others complete. */
async function runBatch(
  instance: PgBoss,
  // biome-ignore lint/suspicious/noExplicitAny: any registered payload
  definition: JobDefinition<any>,
  jobs: PgBoss.Job<unknown>[],
): Promise<void> {
  const done: string[] = [];
  for (const job of jobs) {
    // Back to the event loop between jobs: on PGlite every query runs synchronously in this
    // thread, so a long batch (a digest run) would otherwise hold up requests, timers and log
    // writes until it ends.
    await new Promise((resolve) => setImmediate(resolve));
    try {
      const data = definition.payload.parse(job.data);
      await definition.handle(data, { id: job.id });
      // Recorded one by one, so that a crash mid-batch re-runs only the jobs not yet done;
      // or, for job types that say so, all at the end of the batch (one commit, not one each).
      if (definition.completeTogether) done.push(job.id);
      else await instance.complete(definition.name, job.id);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      getLogger().warn({ job: definition.name, jobId: job.id, error: message }, "job failed");
      // This one is retried after a pause; the rest of the batch goes on.
      await instance.fail(definition.name, job.id, { message });
    }
  }
  if (done.length > 0) await instance.complete(definition.name, done);
}

/**
 * Stops taking jobs and closes the queue. Graceful: jobs in hand may finish within `timeoutMs`;
 * what is still active then is handed back for a retry.
 */
export async function stopJobQueue(options: { timeoutMs?: number } = {}): Promise<void> {
  const instance = boss;
  boss = undefined;
  bossDatabase = undefined;
  workersRunning = false;
  localWorkers.clear();
  stopWaking?.();
  stopWaking = undefined;
  if (!instance) return;
  const timeout = options.timeoutMs ?? 0;
  await instance.stop({ graceful: timeout > 0, timeout: Math.max(timeout, 1000), close: false });
}

export type JobCounts = {
  name: string;
  waiting: number;
  active: number;
  retrying: number;
  failed: number;
  completed: number;
};

/** Per job name: how many wait, run, wait for a retry, failed for good, completed (kept a day). */
export async function countJobs(db: Db = getDatabase().db): Promise<JobCounts[]> {
  const rows = (await db.execute(
    sql.raw(`select name, state::text as state, count(*)::int as count
      from ${jobSchema}.job group by name, state`),
  )) as unknown as { rows: { name: string; state: string; count: number }[] };
  const byName = new Map<string, JobCounts>(
    jobNames.map((name) => [
      name,
      { name, waiting: 0, active: 0, retrying: 0, failed: 0, completed: 0 },
    ]),
  );
  for (const row of rows.rows) {
    const counts = byName.get(row.name);
    if (!counts) continue;
    const count = Number(row.count);
    if (row.state === "created") counts.waiting += count;
    else if (row.state === "active") counts.active += count;
    else if (row.state === "retry") counts.retrying += count;
    else if (row.state === "failed") counts.failed += count;
    else if (row.state === "completed") counts.completed += count;
  }
  return [...byName.values()];
}

export type FailedJob = {
  id: string;
  name: string;
  data: unknown;
  error: string;
  retryCount: number;
  failedAt: Date;
};

/** The newest jobs that failed for good, with the error they failed with. */
export async function latestFailedJobs(
  limit = 20,
  db: Db = getDatabase().db,
): Promise<FailedJob[]> {
  const result = (await db.execute(sql`
    select id, name, data, output, retry_count, completed_on
    from ${sql.raw(jobSchema)}.job where state = 'failed'
    order by completed_on desc limit ${limit}`)) as unknown as {
    rows: {
      id: string;
      name: string;
      data: unknown;
      output: { message?: string; value?: { message?: string } } | null;
      retry_count: number;
      completed_on: string | Date;
    }[];
  };
  return result.rows.map((row) => ({
    id: row.id,
    name: row.name,
    data: row.data,
    error: row.output?.message ?? row.output?.value?.message ?? "",
    retryCount: Number(row.retry_count),
    failedAt: new Date(row.completed_on),
  }));
}

/**
 * Waits until no job of the given names is waiting or running (retries scheduled later count
 * as pending too). Throws after `timeoutMs` naming what is still pending. For tests and tools.
 */
export async function waitForJobs(
  options: { names?: JobName[]; timeoutMs?: number } = {},
): Promise<void> {
  const names = options.names ?? [...jobNames];
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    const counts = (await countJobs()).filter((c) => names.includes(c.name as JobName));
    const pending = counts.filter((c) => c.waiting + c.active + c.retrying > 0);
    if (pending.length === 0) return;
    if (Date.now() > deadline) {
      const list = pending
        .map((c) => `${c.name}: ${c.waiting} waiting, ${c.active} active, ${c.retrying} retrying`)
        .join("; ");
      throw new Error(`Jobs still pending after ${options.timeoutMs ?? 10_000} ms: ${list}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
