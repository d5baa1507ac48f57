// Starts the production build of Synergy (run `npm run build` first; `npm start` does both).
import fs from "node:fs";

const entry = new URL("../build/server/index.js", import.meta.url);
if (!fs.existsSync(entry)) {
  console.error("No build found. Run `npm run build` first (or `npm start`, which builds).");
  process.exit(1);
}
try {
  const app = await import(entry.href);
  await app.start();
} catch (error) {
  console.error(`Synergy could not start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
