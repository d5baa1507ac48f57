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
    // Written aside, then linked into place: worker processes starting together must all end up
    // with the same secret (CSRF tokens are signed with it), never a half-written file.
    const candidate = `${file}.${process.pid}.${randomToken().slice(0, 8)}`;
    await fs.writeFile(candidate, randomToken(), { mode: 0o600 });
    try {
      await fs.link(candidate, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      await fs.rm(candidate, { force: true });
    }
    secret = (await fs.readFile(file, "utf8")).trim();
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
