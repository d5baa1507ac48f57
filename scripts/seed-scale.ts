/**
 * npm run seed:scale -- [--members 100000] [--reset]
 * Fills the PostgreSQL server at DATABASE_URL with a large, deterministic installation for the
 * benchmarks (`npm run bench`). Refuses the embedded database: PGlite is not what we measure.
 */
import { parseArgs } from "node:util";
import { SCALE_EMAIL_DOMAIN, SCALE_PASSWORD, seedScale } from "../app/db/seed/scale.server";
import { getEnv } from "../app/lib/env.server";
import { openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const { values } = parseArgs({
    options: {
      members: { type: "string", default: "100000" },
      reset: { type: "boolean", default: false },
    },
  });
  const members = Number(values.members);
  if (!Number.isInteger(members) || members < 1 || members > 5_000_000) {
    throw new Error("--members takes a whole number between 1 and 5000000, e.g. --members 2000");
  }
  if (!getEnv().DATABASE_URL) {
    throw new Error(
      "The scale seed fills a PostgreSQL server, not the embedded database. Set DATABASE_URL, e.g.\n" +
        "  DATABASE_URL=postgres://postgres@127.0.0.1:5432/synergy_bench npm run seed:scale -- --members 100000",
    );
  }
  const started = performance.now();
  const database = await openScriptDatabase();
  try {
    console.log(
      `Seeding ${members.toLocaleString("en")} members${values.reset ? " (reset)" : ""}…`,
    );
    const counts = await seedScale({
      database,
      members,
      reset: values.reset,
      onProgress: (message) => console.log(message),
    });
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`Done in ${seconds} s:`);
    for (const [table, count] of Object.entries(counts)) {
      console.log(`  ${table.padEnd(20)} ${count.toLocaleString("en").padStart(10)}`);
    }
    console.log(
      `Every account signs in with the password "${SCALE_PASSWORD}" (addresses end in @${SCALE_EMAIL_DOMAIN}).`,
    );
  } finally {
    await database.close();
  }
});
