/**
 * npm run db:reset — deletes the embedded database, uploads and written mail in DATA_DIR and
 * seeds the demo network again. With DATABASE_URL set it empties that database's tables (asks
 * for --yes first). Refuses to touch embedded data while a server (or another script) owns it.
 */
import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { getDb } from "../app/db/client.server";
import { seedDemo } from "../app/db/seed/demo.server";
import { getEnv } from "../app/lib/env.server";
import { claimEmbeddedDatabase, openScriptDatabase, runScript } from "./open-database";

await runScript(async () => {
  const env = getEnv();
  if (env.DATABASE_URL) {
    if (!process.argv.includes("--yes")) {
      throw new Error(
        "This empties the database at DATABASE_URL. Run again with: npm run db:reset -- --yes",
      );
    }
  } else {
    // Deleting the files under a running server would corrupt what it serves.
    claimEmbeddedDatabase();
    for (const folder of ["db", "uploads", "mail"]) {
      fs.rmSync(path.join(env.dataDir, folder), { recursive: true, force: true });
    }
  }
  const database = await openScriptDatabase();
  try {
    if (env.DATABASE_URL) {
      await getDb().execute(
        sql`truncate users, organisations, networks, settings, sessions, auth_tokens, rate_limits cascade`,
      );
    }
    const seeded = await seedDemo();
    console.log(
      `Reset done: ${seeded.people} people, ${seeded.organisations} organisations, ${seeded.networks} networks with ${seeded.posts} posts.`,
    );
  } finally {
    await database.close();
  }
});
