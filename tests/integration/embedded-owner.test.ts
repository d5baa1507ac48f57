/**
 * One process owns an embedded database (decision 008): real server processes on one DATA_DIR.
 * A second server, a second `npm start` and `db:reset` refuse while the first runs, and the
 * first keeps serving its own scripts; after kill -9 of the owner the next start takes over
 * and finds the data.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { TestClient } from "../setup/app";
import { killAll, type RunningProcess, runProcess } from "../setup/processes";

// Starting real processes on a busy machine takes tens of seconds each.
const SLOW = 300_000;
const folders: string[] = [];

function freshDataDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-owner-"));
  folders.push(folder);
  return folder;
}

afterEach(() => killAll());
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

/** Whether a process ends or becomes ready first (a second owner must never become ready). */
function outcome(p: RunningProcess): Promise<"ready" | "ended"> {
  return Promise.race([
    p.ready().then(() => "ready" as const),
    p.exited.then(() => "ended" as const),
  ]);
}

function snapshotOfBuild(): string {
  const files = [
    "build/server/index.js",
    ...fs.readdirSync("build/client/assets").map((f) => `build/client/assets/${f}`),
  ];
  return files.map((f) => `${f}:${fs.statSync(f).mtimeMs}`).join("\n");
}

describe("one process per embedded data folder", () => {
  it(
    "refuses a second server, npm start and db:reset while the first serves; a kill -9 does not leave the folder locked",
    async () => {
      const dataDir = freshDataDir();
      const first = await runProcess({ dataDir });
      await first.ready();
      const email = `owner-${Date.now()}@example.org`;
      const password = "a long enough passphrase";
      const signUp = await new TestClient(first.url).post("/signup", {
        role: "owner",
        displayName: "Written By The First",
        email,
        password,
      });
      expect(signUp.status).toBe(302);

      const expected = `Another Synergy process (pid ${first.pid} on this computer`;
      const folder = `embedded database in ${path.join(dataDir, "db")}.`;

      const second = await runProcess({ dataDir });
      expect(await outcome(second)).toBe("ended");
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toContain(expected);
      expect(second.output()).toContain(folder);
      expect(second.output().trim().split("\n")).toHaveLength(1);

      const build = snapshotOfBuild();
      const npmStart = await runProcess({ dataDir, args: ["scripts/start.mjs"] });
      expect(await outcome(npmStart)).toBe("ended");
      expect(await npmStart.exited).not.toBe(0);
      expect(npmStart.output()).toContain(expected);
      expect(npmStart.output()).not.toMatch(/react-router build|vite/i);
      expect(snapshotOfBuild()).toBe(build);

      const reset = await runProcess({
        dataDir,
        command: path.resolve("node_modules/.bin/tsx"),
        args: ["scripts/db-reset.ts"],
      });
      expect(await reset.exited).not.toBe(0);
      expect(reset.output()).toContain(expected);
      expect(fs.existsSync(path.join(dataDir, "db"))).toBe(true);

      // The first still serves its pages and the scripts they load.
      const home = await fetch(`${first.url}/`);
      expect(home.status).toBe(200);
      const script = (await home.text()).match(/\/assets\/[^"']+\.js/)?.[0];
      expect(script).toBeDefined();
      expect((await fetch(`${first.url}${script}`)).status).toBe(200);

      first.child.kill("SIGKILL");
      await first.exited;
      const next = await runProcess({ dataDir });
      await next.ready();
      await new TestClient(next.url).signIn(email, password);
      next.child.kill("SIGTERM");
      expect(await next.exited).toBe(0);
      expect(fs.existsSync(path.join(dataDir, "db.lock"))).toBe(false);
    },
    SLOW,
  );

  it(
    "lets exactly one of two servers started together on a new folder run",
    async () => {
      const dataDir = freshDataDir();
      const [a, b] = await Promise.all([runProcess({ dataDir }), runProcess({ dataDir })]);
      const [first, second] = await Promise.all([outcome(a), outcome(b)]);
      expect([first, second].sort()).toEqual(["ended", "ready"]);
      const [winner, loser] = first === "ready" ? [a, b] : [b, a];
      expect(await loser.exited).not.toBe(0);
      expect(loser.output()).toContain(
        `Another Synergy process (pid ${winner.pid} on this computer`,
      );
      expect((await fetch(`${winner.url}/readyz`)).status).toBe(200);
    },
    SLOW,
  );
});
