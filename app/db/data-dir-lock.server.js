/**
 * One owner per embedded database folder (decision 008). PGlite is a single PostgreSQL backend:
 * two processes on one folder each keep their own view and corrupt the files. The owner holds a
 * lock file beside the folder (`<folder>.lock`), created exclusively, naming its pid, host and
 * the start identity of that process (boot id + start time from /proc on Linux), so that
 * - a second process refuses to start and says who owns the folder;
 * - a crashed owner (kill -9) does not leave the folder locked: its pid is gone, or now belongs
 *   to another process with a different start identity, and the next starter takes over;
 * - two starters racing for a free or stale lock cannot both win (exclusive create, and a
 *   takeover guard around removing a stale file).
 *
 * Plain JavaScript (no TypeScript, no dependencies) because `scripts/start.mjs` takes the lock
 * before the build exists; the bundled server takes it again in the same process, which counts
 * as the same owner (the held locks live on globalThis, shared by both copies of this module).
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A guard older than this belongs to a starter that crashed while taking a stale lock over. */
const GUARD_STALE_MS = 10_000;
/** An empty lock file younger than this is a racing starter that has not written it yet. */
const UNWRITTEN_GRACE_MS = 2_000;

const REGISTRY_KEY = Symbol.for("synergy.databaseLocks");

/** @returns {Map<string, { token: string; count: number }>} */
function heldLocks() {
  const scope = /** @type {Record<symbol, unknown>} */ (/** @type {unknown} */ (globalThis));
  if (!scope[REGISTRY_KEY]) {
    const held = new Map();
    scope[REGISTRY_KEY] = held;
    // Leave no lock behind on a normal exit (process.exit included); kill -9 is handled by
    // the next starter, which sees that the owner is gone.
    process.on("exit", () => {
      for (const [file, { token }] of held) removeIfOwned(file, token);
      held.clear();
    });
  }
  return /** @type {Map<string, { token: string; count: number }>} */ (scope[REGISTRY_KEY]);
}

/** The embedded database folder is in use by another running process. */
export class DatabaseLockedError extends Error {
  /**
   * @param {string} folder
   * @param {string} file
   * @param {{ pid: number; host: string; since?: string }} owner
   */
  constructor(folder, file, owner) {
    const since = owner.since ? `, running since ${formatSince(owner.since)}` : "";
    const where =
      owner.host === os.hostname()
        ? `pid ${owner.pid} on this computer${since}`
        : `pid ${owner.pid} on host ${owner.host}${since}`;
    const advice =
      owner.host === os.hostname()
        ? "Stop that process first, or set DATA_DIR to another folder."
        : `Stop it first; if nothing runs there any more, delete ${file}.`;
    super(
      `Another Synergy process (${where}) is using the embedded database in ${folder}. ${advice}`,
    );
    this.name = "DatabaseLockedError";
    this.folder = folder;
    this.lockFile = file;
    this.owner = owner;
  }
}

/** @param {string} iso */
function formatSince(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The lock file of an embedded database folder. @param {string} databaseDir */
export function databaseLockFile(databaseDir) {
  return `${path.resolve(databaseDir)}.lock`;
}

/**
 * Makes this process the owner of the embedded database in `databaseDir`, or throws
 * DatabaseLockedError naming the process that owns it. Taking a lock this process already holds
 * succeeds (counted); each handle's release() gives one back, and the file goes with the last.
 * @param {string} databaseDir
 * @returns {{ file: string; release(): void }}
 */
export function acquireDatabaseLock(databaseDir) {
  const folder = path.resolve(databaseDir);
  const file = databaseLockFile(folder);
  const held = heldLocks();
  const mine = held.get(file);
  if (mine) {
    mine.count += 1;
    return handle(file, mine.token);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const token = randomUUID();
  const record = `${JSON.stringify({
    pid: process.pid,
    host: os.hostname(),
    start: processStart(process.pid),
    since: new Date().toISOString(),
    token,
  })}\n`;
  for (let attempt = 0; attempt < 500; attempt++) {
    try {
      const fd = fs.openSync(file, "wx", 0o644);
      try {
        fs.writeSync(fd, record);
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      held.set(file, { token, count: 1 });
      return handle(file, token);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    }
    const existing = readLock(file);
    if (!existing) continue; // released in between: try again
    if (!existing.owner) {
      if (Date.now() - existing.mtimeMs < UNWRITTEN_GRACE_MS) {
        sleep(20);
        continue;
      }
    } else if (isRunning(existing.owner)) {
      throw new DatabaseLockedError(folder, file, existing.owner);
    }
    removeStale(file, existing.raw);
  }
  throw new Error(`Could not take the lock ${file}: other processes keep changing it.`);
}

/**
 * Who holds the lock of `databaseDir`, if anyone running does (for messages and tests).
 * @param {string} databaseDir
 */
export function findDatabaseOwner(databaseDir) {
  const existing = readLock(databaseLockFile(databaseDir));
  return existing?.owner && isRunning(existing.owner) ? existing.owner : undefined;
}

/**
 * @param {string} file
 * @param {string} token
 */
function handle(file, token) {
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      const held = heldLocks();
      const mine = held.get(file);
      if (!mine || mine.token !== token) return;
      mine.count -= 1;
      if (mine.count > 0) return;
      held.delete(file);
      removeIfOwned(file, token);
    },
  };
}

/**
 * @param {string} file
 * @returns {{ raw: string; mtimeMs: number; owner?: { pid: number; host: string; start?: string; since?: string; token?: string } } | undefined}
 */
function readLock(file) {
  let raw;
  let mtimeMs;
  try {
    raw = fs.readFileSync(file, "utf8");
    mtimeMs = fs.statSync(file).mtimeMs;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ENOENT") return undefined;
    throw error;
  }
  try {
    const owner = JSON.parse(raw);
    if (Number.isInteger(owner?.pid) && typeof owner.host === "string") {
      return { raw, mtimeMs, owner };
    }
  } catch {
    // empty or cut short: judged by its age
  }
  return { raw, mtimeMs };
}

/**
 * Whether the process named in a lock file still runs. A process on another host cannot be
 * checked (a folder shared over the network): it counts as running.
 * @param {{ pid: number; host: string; start?: string }} owner
 */
function isRunning(owner) {
  if (owner.host !== os.hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if (/** @type {NodeJS.ErrnoException} */ (error).code === "ESRCH") return false;
  }
  const now = processStart(owner.pid);
  if (now === "zombie") return false;
  // The pid was given to another process after the owner died (or the machine rebooted).
  if (owner.start && now && owner.start !== now) return false;
  return true;
}

/**
 * Removes a lock file judged stale, unless it changed since it was read: a racing starter may
 * already have removed it and taken the lock. The guard makes check-and-remove one step.
 * @param {string} file
 * @param {string} staleRaw
 */
function removeStale(file, staleRaw) {
  const guard = `${file}.takeover`;
  try {
    fs.closeSync(fs.openSync(guard, "wx"));
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code !== "EEXIST") throw error;
    try {
      if (Date.now() - fs.statSync(guard).mtimeMs > GUARD_STALE_MS) fs.rmSync(guard);
    } catch {
      // removed by its owner meanwhile
    }
    sleep(20);
    return;
  }
  try {
    let current;
    try {
      current = fs.readFileSync(file, "utf8");
    } catch {
      current = undefined;
    }
    if (current === staleRaw) fs.rmSync(file, { force: true });
  } finally {
    fs.rmSync(guard, { force: true });
  }
}

/**
 * @param {string} file
 * @param {string} token
 */
function removeIfOwned(file, token) {
  try {
    const existing = readLock(file);
    if (existing?.owner?.token === token) fs.rmSync(file, { force: true });
  } catch {
    // nothing more to do on the way out
  }
}

/** @type {string | undefined} */
let bootId;

/**
 * What tells this process apart from a later one with the same pid: the boot and the start
 * time in clock ticks (Linux). "zombie" for a process that has ended but not been reaped;
 * undefined where /proc does not exist (then the pid alone decides).
 * @param {number} pid
 * @returns {string | undefined}
 */
function processStart(pid) {
  try {
    bootId ??= fs.readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name in parentheses may hold spaces; the fields after it are fixed.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return "zombie";
    return `${bootId}/${fields[19]}`;
  } catch {
    return undefined;
  }
}

/** @param {number} ms */
function sleep(ms) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
