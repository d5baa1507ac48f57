import pino from "pino";
import { getEnv } from "./env.server";

let root: pino.Logger | undefined;

/** The process logger: JSON lines; every request gets a child carrying its request id. */
export function getLogger(): pino.Logger {
  root ??= pino({ level: getEnv().LOG_LEVEL, base: { app: "synergy" } });
  return root;
}
