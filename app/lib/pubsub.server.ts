import { EventEmitter } from "node:events";
import { sql } from "drizzle-orm";
import pg from "pg";
import { type Database, type Db, getDatabase } from "~/db/client.server";
import { getLogger } from "./logger.server";

/** The one PostgreSQL channel every live event travels on; payloads say what changed. */
const CHANNEL = "synergy_events";
/** A connection attempt (or the LISTEN on it, or a health check) that takes longer has failed. */
const CONNECT_TIMEOUT_MS = 5_000;
/** First wait before reconnecting; it doubles after each failure up to the ceiling. */
const BACKOFF_FIRST_MS = 200;
const BACKOFF_MAX_MS = 30_000;
/**
 * How often a listening connection is checked: a connection that silently died (a dropped
 * network path sends no error) would otherwise leave live events off without anyone noticing.
 */
const HEALTH_CHECK_MS = 30_000;
/** A local-only topic: the listener is back after an outage, and events may have been missed. */
const RECONNECTED = "\0listener-reconnected";

export type LiveEvent = {
  /** What the event is about, e.g. "network:<id>" or "user:<id>". */
  topic: string;
  type: string;
  data?: Record<string, string | number | boolean | null>;
};

/** Where the listener stands: "listening" is the only state in which events reach this process. */
export type ListenerState = "idle" | "connecting" | "listening" | "down";

export type ListenerStatus = {
  state: ListenerState;
  /** When events stopped arriving (the first failure of the current outage), if they did. */
  downSince: Date | null;
  /** Failed attempts in a row. */
  failures: number;
  lastError: string | null;
};

const local = new EventEmitter();
local.setMaxListeners(0);

let state: ListenerState = "idle";
let downSince: Date | null = null;
let failures = 0;
let lastError: string | null = null;
let hasListened = false;
/** Bumped by stopListening(), so callbacks of an older connection do nothing. */
let generation = 0;
let client: pg.Client | undefined;
let unlistenPglite: (() => Promise<void>) | undefined;
let retryTimer: NodeJS.Timeout | undefined;
let healthTimer: NodeJS.Timeout | undefined;
/** Settles (never rejects) when the attempt in progress has succeeded or failed. */
let attempt: Promise<void> = Promise.resolve();

function deliver(payload: string) {
  try {
    const event = JSON.parse(payload) as LiveEvent;
    local.emit(event.topic, event);
  } catch {
    getLogger().warn({ payload }, "ignored malformed live event");
  }
}

function clearTimers() {
  clearTimeout(retryTimer);
  clearInterval(healthTimer);
  retryTimer = undefined;
  healthTimer = undefined;
}

function listening() {
  const wasDown = downSince !== null;
  state = "listening";
  failures = 0;
  downSince = null;
  lastError = null;
  if (wasDown) getLogger().info("live event listener is listening again");
  // Streams re-check their viewer's access: events (a removal, a sign-out) may have been missed.
  if (hasListened) local.emit(RECONNECTED);
  hasListened = true;
}

/** Marks the listener down and schedules the next attempt with exponential backoff. */
function failed(gen: number, failedClient: pg.Client | undefined, error: unknown) {
  if (gen !== generation || (failedClient && failedClient !== client)) return;
  client = undefined;
  clearTimers();
  failedClient?.removeAllListeners("notification");
  failedClient?.end().catch(() => {});
  state = "down";
  downSince ??= new Date();
  failures += 1;
  lastError = error instanceof Error ? error.message : String(error);
  const delay = Math.min(BACKOFF_MAX_MS, BACKOFF_FIRST_MS * 2 ** (failures - 1));
  // Jitter, so that many app processes do not reconnect in the same instant.
  const wait = Math.round(delay * (0.75 + Math.random() * 0.5));
  getLogger()[failures === 1 ? "error" : "warn"](
    { err: error, failures, retryInMs: wait },
    "live event listener is down; writes still work, live updates pause until it reconnects",
  );
  retryTimer = setTimeout(() => {
    attempt = connect(gen);
  }, wait);
  retryTimer.unref();
}

async function connect(gen: number): Promise<void> {
  if (gen !== generation) return;
  state = state === "down" ? "down" : "connecting";
  let database: Database;
  try {
    database = getDatabase();
  } catch (error) {
    failed(gen, undefined, error);
    return;
  }
  if (database.kind === "pglite" && database.pglite) {
    // In-process: PGlite's LISTEN cannot lose a connection.
    try {
      const unlisten = await database.pglite.listen(CHANNEL, deliver);
      if (gen !== generation) {
        await unlisten();
        return;
      }
      unlistenPglite = unlisten;
      listening();
    } catch (error) {
      failed(gen, undefined, error);
    }
    return;
  }
  const next = new pg.Client({
    connectionString: database.pool?.options.connectionString,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: CONNECT_TIMEOUT_MS,
    keepAlive: true,
  });
  client = next;
  next.on("notification", (message) => {
    if (message.payload) deliver(message.payload);
  });
  next.on("error", (error) => failed(gen, next, error));
  next.on("end", () => failed(gen, next, new Error("the listener's connection ended")));
  try {
    await next.connect();
    await next.query(`listen ${CHANNEL}`);
  } catch (error) {
    failed(gen, next, error);
    return;
  }
  if (gen !== generation || client !== next) {
    await next.end().catch(() => {});
    return;
  }
  listening();
  healthTimer = setInterval(() => {
    next.query("select 1").catch((error: unknown) => failed(gen, next, error));
  }, HEALTH_CHECK_MS);
  healthTimer.unref();
}

/**
 * Starts listening for events from every app process (PostgreSQL LISTEN/NOTIFY; in embedded
 * mode PGlite's own LISTEN), unless it already is or is reconnecting. Never throws: a failed
 * connection is retried with exponential backoff, and `listenerStatus()` says how it stands.
 */
export function startListening(): Promise<void> {
  if (state === "idle") {
    state = "connecting";
    attempt = connect(generation);
  }
  return attempt;
}

/** How the live-event listener stands (for `/readyz` and the logs). */
export function listenerStatus(): ListenerStatus {
  return { state, downSince, failures, lastError };
}

/**
 * Sends an event to every subscriber of its topic in every app process. Best effort and never
 * throws: callers publish after their write committed, and a committed write is a success for
 * the person who made it, whatever happens to live delivery.
 */
export async function publish(event: LiveEvent): Promise<void> {
  try {
    const database = getDatabase();
    const payload = JSON.stringify(event);
    if (database.kind === "pglite" && database.pglite) {
      await database.pglite.query("select pg_notify($1, $2)", [CHANNEL, payload]);
    } else {
      await database.pool?.query("select pg_notify($1, $2)", [CHANNEL, payload]);
    }
  } catch (error) {
    getLogger().warn({ err: error, topic: event.topic, type: event.type }, "live event not sent");
  }
}

/**
 * Sends events from inside a transaction: PostgreSQL delivers a NOTIFY only when (and if) the
 * transaction commits, so the events say what is committed and a rolled-back write announces
 * nothing. For events whose content is read in the same transaction (an unread count).
 */
export async function publishOnCommit(tx: Db, events: LiveEvent[]): Promise<void> {
  if (events.length === 0) return;
  const payloads = events.map((event) => sql`(${JSON.stringify(event)})`);
  await tx.execute(
    sql`select pg_notify(${CHANNEL}, p.payload) from (values ${sql.join(payloads, sql`, `)}) as p(payload)`,
  );
}

/**
 * Calls `handler` for each event on `topic` until the returned function is called. Waits for a
 * connection attempt in progress (so that an event right after subscribing is not missed), but
 * never fails: while the listener is down, events resume once it reconnects.
 */
export async function subscribe(
  topic: string,
  handler: (event: LiveEvent) => void,
): Promise<() => void> {
  local.on(topic, handler);
  await startListening();
  return () => {
    local.off(topic, handler);
  };
}

/**
 * Calls `handler` each time the listener is back after an outage, when events may have been
 * missed (live streams re-check their viewer's access then).
 */
export function onListenerReconnected(handler: () => void): () => void {
  local.on(RECONNECTED, handler);
  return () => {
    local.off(RECONNECTED, handler);
  };
}

/** Stops listening (server shutdown, tests). */
export async function stopListening(): Promise<void> {
  generation += 1;
  clearTimers();
  const current = client;
  client = undefined;
  state = "idle";
  downSince = null;
  failures = 0;
  lastError = null;
  hasListened = false;
  attempt = Promise.resolve();
  current?.removeAllListeners("notification");
  await current?.end().catch(() => {});
  const unlisten = unlistenPglite;
  unlistenPglite = undefined;
  await unlisten?.().catch(() => {});
}
