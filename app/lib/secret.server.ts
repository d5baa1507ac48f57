import fs from "node:fs/promises";
import path from "node:path";
import { randomToken } from "./crypto.server";
import type { Env } from "./env.server";

let secret: string | undefined;

/**
 * Makes sure a signing secret exists: SESSION_SECRET, or one generated once and kept in
 * DATA_DIR/secret so that links stay valid across restarts of a single installation.
 */
export async function ensureSecret(env: Env): Promise<string> {
  if (env.SESSION_SECRET) {
    secret = env.SESSION_SECRET;
    return secret;
  }
  const file = path.join(env.dataDir, "secret");
  try {
    secret = (await fs.readFile(file, "utf8")).trim();
  } catch {
    await fs.mkdir(env.dataDir, { recursive: true });
    secret = randomToken();
    await fs.writeFile(file, secret, { mode: 0o600 });
  }
  return secret;
}

/** The signing secret; ensureSecret() must have run (start-up does it). */
export function getSecret(): string {
  if (!secret) throw new Error("Signing secret not loaded: call ensureSecret() at start-up.");
  return secret;
}

/** Sets the secret directly (tests). */
export function setSecret(value: string): void {
  secret = value;
}
