import { sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { topics as topicsTable } from "~/db/schema";
import { topics } from "./data/topics";

/** Mirrors the built-in topic list into the database (idempotent; runs at every start). */
export async function syncTaxonomy(): Promise<void> {
  await getDb()
    .insert(topicsTable)
    .values(
      topics.map((t) => ({
        slug: t.slug,
        group: t.group,
        escoUri: t.escoUri ?? null,
        labels: t.label,
      })),
    )
    .onConflictDoUpdate({
      target: topicsTable.slug,
      set: {
        group: sql`excluded."group"`,
        escoUri: sql`excluded.esco_uri`,
        labels: sql`excluded.labels`,
      },
    });
}
