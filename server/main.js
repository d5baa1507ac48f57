// Starts the production build of Synergy (run `npm run build` first; `npm start` does both).
// WEB_CONCURRENCY=N (with DATABASE_URL) runs N worker processes sharing the port; the embedded
// database belongs to one process, so without DATABASE_URL there is always one.
import cluster from "node:cluster";
import fs from "node:fs";

// React and React Router choose their fast production code from NODE_ENV when first loaded.
process.env.NODE_ENV ??= "production";

const entry = new URL("../build/server/index.js", import.meta.url);
if (!fs.existsSync(entry)) {
  console.error("No build found. Run `npm run build` first (or `npm start`, which builds).");
  process.exit(1);
}

try {
  const app = await import(entry.href);
  const env = app.getEnv();
  const workers = env.WEB_CONCURRENCY;
  const clustered = workers > 1 && Boolean(env.DATABASE_URL);
  if (clustered && cluster.isPrimary) {
    await app.prepare();
    for (let i = 0; i < workers; i++) cluster.fork();
    cluster.on("exit", (worker, code) => {
      if (code !== 0)
        console.error(`Worker ${worker.process.pid} stopped (${code}); starting another.`);
      if (code !== 0) cluster.fork();
    });
    const stop = () => {
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
      setTimeout(() => process.exit(0), 6000).unref();
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  } else {
    await app.start({ prepared: clustered });
  }
} catch (error) {
  console.error(`Synergy could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
