import pino from "pino";
import { getEnv } from "./env.server";

/**
 * Keys whose values never reach a log line. Database errors carry the query's bound values
 * (`params` from Drizzle and PGlite, `queryOptions`), and PostgreSQL's `detail` repeats the row
 * or key that failed ("Failing row contains (…, $argon2id$…)"), so those go too.
 */
const droppedKeys = new Set(["params", "parameters", "values", "queryoptions", "detail"]);
const secretKey = /pass(word|phrase)?|hash|secret|token|cookie|authorization|session/i;
const redacted = "[redacted]";

/** Hides what a string may quote from a failed query: bound values, hashes, email addresses. */
function scrubText(text: string): string {
  return (
    text
      // Drizzle's message (and so the stack) ends its first lines with "params: a,b,c".
      .replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/, `\nparams: ${redacted}`)
      .replace(/\$argon2[a-z]*\$[^\s,"')]*/g, redacted)
      .replace(/[^\s"'(),:<>]+@[^\s"'(),:<>]+\.[a-z]{2,}/gi, redacted)
  );
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubText(value);
  if (depth > 6 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => scrub(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (droppedKeys.has(key.toLowerCase())) continue;
    out[key] = secretKey.test(key) ? redacted : scrub(item, depth + 1);
  }
  return out;
}

/** Serializes an error with its causes, without bound parameters, passwords or hashes. */
export function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return scrub(error);
  return scrub(pino.stdSerializers.errWithCause(error));
}

/** A JSON logger with the project's serializers; `destination` defaults to stdout. */
export function createLogger(level: string, destination?: pino.DestinationStream): pino.Logger {
  return pino(
    {
      level,
      base: { app: "synergy" },
      serializers: { err: serializeError, error: serializeError },
      // Values logged by hand (not errors) that could hold a secret.
      redact: {
        paths: [
          "password",
          "passwordHash",
          "currentPassword",
          "newPassword",
          "token",
          "*.password",
          "*.passwordHash",
          "*.currentPassword",
          "*.newPassword",
          "*.token",
        ],
        censor: redacted,
      },
    },
    destination,
  );
}

let root: pino.Logger | undefined;
let destination: pino.DestinationStream | undefined;

/** The process logger: JSON lines; every request gets a child carrying its request id. */
export function getLogger(): pino.Logger {
  root ??= createLogger(getEnv().LOG_LEVEL, destination);
  return root;
}

/** Sends later log lines elsewhere (tests read them); the next getLogger() starts afresh. */
export function setLogDestination(stream: pino.DestinationStream | undefined): void {
  destination = stream;
  root = undefined;
}
