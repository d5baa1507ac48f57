import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  acquireDatabaseLock,
  DatabaseLockedError,
  databaseLockFile,
  findDatabaseOwner,
} from "./data-dir-lock.server.js";

const lockModule = path.resolve("app/db/data-dir-lock.server.js");
const children: ChildProcess[] = [];
const folders: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

function freshDatabaseDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-lock-"));
  folders.push(folder);
  return path.join(folder, "db");
}

/**
 * Another process that tries to take the lock and says "won" (then holds it until killed) or
 * "lost <message>".
 */
function contender(databaseDir: string): { child: ChildProcess; outcome: Promise<string> } {
  const code = `
    const { acquireDatabaseLock } = await import(${JSON.stringify(lockModule)});
    try {
      acquireDatabaseLock(${JSON.stringify(databaseDir)});
      console.log("won");
      setInterval(() => {}, 1000);
    } catch (error) {
      console.log("lost " + error.message);
      process.exit(3);
    }`;
  const child = spawn(process.execPath, ["--input-type=module", "-e", code], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  const outcome = new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk) => {
      out += chunk;
      if (out.includes("\n")) resolve(out.trim());
    });
    child.on("exit", (code) => {
      if (!out.includes("\n")) reject(new Error(`contender ended (${code}) without a word`));
    });
  });
  return { child, outcome };
}

async function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise((resolve) => child.once("exit", resolve));
}

// Several tests start Node processes, which takes seconds on a busy machine.
describe("the embedded database lock", { timeout: 60_000 }, () => {
  it("is counted within one process and removed with the last release", () => {
    const dir = freshDatabaseDir();
    const first = acquireDatabaseLock(dir);
    const again = acquireDatabaseLock(dir);
    const owner = JSON.parse(fs.readFileSync(databaseLockFile(dir), "utf8"));
    expect(owner.pid).toBe(process.pid);
    expect(owner.host).toBe(os.hostname());
    first.release();
    first.release();
    expect(fs.existsSync(databaseLockFile(dir))).toBe(true);
    again.release();
    expect(fs.existsSync(databaseLockFile(dir))).toBe(false);
  });

  it("refuses while another process holds it, naming that process and the folder", async () => {
    const dir = freshDatabaseDir();
    const other = contender(dir);
    expect(await other.outcome).toBe("won");
    expect(findDatabaseOwner(dir)?.pid).toBe(other.child.pid);
    let refusal: unknown;
    try {
      acquireDatabaseLock(dir);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DatabaseLockedError);
    const message = (refusal as Error).message;
    expect(message).toContain(`pid ${other.child.pid} on this computer`);
    expect(message).toContain(`embedded database in ${dir}.`);
    expect(message).not.toContain("\n");
  });

  it("is taken over once its owner was killed with SIGKILL", async () => {
    const dir = freshDatabaseDir();
    const other = contender(dir);
    expect(await other.outcome).toBe("won");
    other.child.kill("SIGKILL");
    await exited(other.child);
    expect(fs.existsSync(databaseLockFile(dir))).toBe(true);
    const lock = acquireDatabaseLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("is taken over when its pid now belongs to an unrelated process (pid reuse)", async () => {
    const dir = freshDatabaseDir();
    // The pid of a process that is running, recorded with another start identity: what a lock
    // left by a crashed owner looks like once the system has given its pid to someone else.
    const unrelated = contender(freshDatabaseDir());
    expect(await unrelated.outcome).toBe("won");
    fs.writeFileSync(
      databaseLockFile(dir),
      JSON.stringify({
        pid: unrelated.child.pid,
        host: os.hostname(),
        start: "an-earlier-boot/12345",
        since: "2026-01-01T00:00:00Z",
        token: "old",
      }),
    );
    const lock = acquireDatabaseLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("is taken over when its owner died before writing it", () => {
    const dir = freshDatabaseDir();
    const file = databaseLockFile(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, "");
    const aMinuteAgo = new Date(Date.now() - 60_000);
    fs.utimesSync(file, aMinuteAgo, aMinuteAgo);
    const lock = acquireDatabaseLock(dir);
    expect(JSON.parse(fs.readFileSync(file, "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("is not taken from a process on another host, and says which file to delete", () => {
    const dir = freshDatabaseDir();
    const file = databaseLockFile(dir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({ pid: 4242, host: "another-machine", token: "t" }));
    expect(() => acquireDatabaseLock(dir)).toThrow(
      `Another Synergy process (pid 4242 on host another-machine) is using the embedded database in ${dir}. Stop it first; if nothing runs there any more, delete ${file}.`,
    );
  });

  it("goes to exactly one of several processes racing for a stale lock", async () => {
    const dir = freshDatabaseDir();
    const dead = contender(freshDatabaseDir());
    expect(await dead.outcome).toBe("won");
    dead.child.kill("SIGKILL");
    await exited(dead.child);
    fs.writeFileSync(
      databaseLockFile(dir),
      JSON.stringify({ pid: dead.child.pid, host: os.hostname(), token: "stale" }),
    );
    const racers = Array.from({ length: 4 }, () => contender(dir));
    const outcomes = await Promise.all(racers.map((r) => r.outcome));
    expect(outcomes.filter((o) => o === "won")).toHaveLength(1);
    const winner = racers[outcomes.indexOf("won")].child.pid;
    for (const outcome of outcomes.filter((o) => o !== "won")) {
      expect(outcome).toContain(`lost Another Synergy process (pid ${winner} on this computer`);
    }
  });
});
