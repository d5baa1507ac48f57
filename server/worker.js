// Runs Synergy's background-job workers without the web server (`npm run worker`; build first).
// Meant for a PostgreSQL server with the app processes started with JOB_WORKERS=false. The
// embedded database belongs to one process, so there the app's own workers do the job.
import fs from "node:fs";

process.env.NODE_ENV ??= "production";

const entry = new URL("../build/server/index.js", import.meta.url);
if (!fs.existsSync(entry)) {
  console.error("No build found. Run `npm run build` first.");
  process.exit(1);
}

try {
  const app = await import(entry.href);
  await app.runWorker();
} catch (error) {
  console.error(
    `Synergy worker could not start: ${error instanceof Error ? error.message : error}`,
  );
  process.exit(1);
}
