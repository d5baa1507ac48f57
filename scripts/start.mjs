// npm start: build, then serve (server/main.js) in this process. With the embedded database it
// first takes the database's lock, so that a second `npm start` on the same DATA_DIR stops with
// a message naming the running process instead of rebuilding the files that process is serving
// (decision 008). The server takes the same lock again at start; in this process that succeeds.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { acquireDatabaseLock } from "../app/db/data-dir-lock.server.js";

// The build does not exist yet, so the Zod config in app/lib/env.server.ts cannot be loaded;
// these two lines read DATABASE_URL and DATA_DIR the way it does (empty means unset).
if (!process.env.DATABASE_URL) {
  const dataDir = path.resolve(process.env.DATA_DIR || "./data");
  try {
    acquireDatabaseLock(path.join(dataDir, "db"));
  } catch (error) {
    console.error(`Synergy could not start: ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}

// Under npm, npm_execpath is npm's own script: run it with this Node, as npm does.
const npm = process.env.npm_execpath;
const build = npm
  ? spawnSync(process.execPath, [npm, "run", "build"], { stdio: "inherit" })
  : spawnSync("npm", ["run", "build"], { stdio: "inherit", shell: process.platform === "win32" });
if (build.status !== 0) {
  console.error("Synergy could not start: the build failed (see above).");
  process.exit(build.status ?? 1);
}

await import("../server/main.js");
