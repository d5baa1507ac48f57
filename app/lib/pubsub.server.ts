import { EventEmitter } from "node:events";
import pg from "pg";
import { type Database, getDatabase } from "~/db/client.server";
import { getLogger } from "./logger.server";

/** The one PostgreSQL channel every live event travels on; payloads say what changed. */
const CHANNEL = "synergy_events";

export type LiveEvent = {
  /** What the event is about, e.g. "network:<id>". */
  topic: string;
  type: string;
  data?: Record<string, string | number | boolean | null>;
};

const local = new EventEmitter();
local.setMaxListeners(0);
let started: Promise<void> | undefined;
let listener: pg.Client | undefined;

/**
 * Starts listening for events from every app process (PostgreSQL LISTEN/NOTIFY; in embedded
 * mode PGlite's own LISTEN). Events are fanned out to this process's subscribers.
 */
function ensureListening(database: Database): Promise<void> {
  started ??= (async () => {
    const deliver = (payload: string) => {
      try {
        const event = JSON.parse(payload) as LiveEvent;
        local.emit(event.topic, event);
      } catch {
        getLogger().warn({ payload }, "ignored malformed live event");
      }
    };
    if (database.kind === "pglite" && database.pglite) {
      await database.pglite.listen(CHANNEL, deliver);
      return;
    }
    const options = database.pool?.options;
    listener = new pg.Client({ connectionString: options?.connectionString });
    listener.on("notification", (message) => {
      if (message.payload) deliver(message.payload);
    });
    listener.on("error", (error) => {
      getLogger().error({ err: error }, "live event listener lost its connection");
      started = undefined;
      listener = undefined;
    });
    await listener.connect();
    await listener.query(`listen ${CHANNEL}`);
  })();
  return started;
}

/** Sends an event to every subscriber of its topic in every app process. */
export async function publish(event: LiveEvent): Promise<void> {
  const database = getDatabase();
  await ensureListening(database);
  const payload = JSON.stringify(event);
  if (database.kind === "pglite" && database.pglite) {
    await database.pglite.query("select pg_notify($1, $2)", [CHANNEL, payload]);
  } else {
    await database.pool?.query("select pg_notify($1, $2)", [CHANNEL, payload]);
  }
}

/** Calls `handler` for each event on `topic` until the returned function is called. */
export async function subscribe(
  topic: string,
  handler: (event: LiveEvent) => void,
): Promise<() => void> {
  await ensureListening(getDatabase());
  local.on(topic, handler);
  return () => {
    local.off(topic, handler);
  };
}

/** Stops listening (server shutdown, tests). */
export async function stopListening(): Promise<void> {
  const client = listener;
  listener = undefined;
  started = undefined;
  await client?.end().catch(() => {});
}
