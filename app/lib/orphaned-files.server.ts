import { type SQL, sql } from "drizzle-orm";
import { queryRows } from "~/db/client.server";
import { getLogger } from "./logger.server";
import { type FileStorage, getStorage } from "./storage.server";

/** Files younger than this are left alone by default: their write may still be committing. */
export const ORPHAN_GRACE_MS = 24 * 3600_000;

/**
 * Which table points at the files under each top folder. Files are written before the row that
 * references them (so a failed write can remove its file); a crash between the two leaves a
 * file nothing points at. A folder not named here is never swept.
 */
const referencedBy: Record<string, (keys: SQL) => SQL> = {
  photos: (keys) => sql`select photo_key as key from users where photo_key in ${keys}`,
  covers: (keys) => sql`select cover_key as key from networks where cover_key in ${keys}`,
  attachments: (keys) =>
    sql`select storage_key as key from post_attachments where storage_key in ${keys}`,
  resources: (keys) =>
    sql`select storage_key as key from network_resources where storage_key in ${keys}`,
  // Files sent in conversations (conversations.server.ts).
  messages: (keys) =>
    sql`select storage_key as key from message_attachments where storage_key in ${keys}`,
  // Learning resources' pictures and worksheets (learning/files.server.ts).
  learning: (keys) =>
    sql`select storage_key as key from learning_resource_files where storage_key in ${keys}`,
  // "Download my data" archives (features/privacy/export.server.ts).
  "data-exports": (keys) =>
    sql`select storage_key as key from data_exports where storage_key in ${keys}`,
};

const BATCH = 500;

/**
 * Deletes stored files that no row references and that were last written before `olderThan`
 * (a Date, or an age in milliseconds; 24 hours by default), plus half-written temporary files
 * of the same age. Run it as a periodic cleanup job. Returns the keys it removed.
 */
export async function removeOrphanedFiles(
  options: { olderThan?: Date | number; storage?: FileStorage } = {},
): Promise<{ removed: string[] }> {
  const storage = options.storage ?? getStorage();
  const olderThan = options.olderThan ?? ORPHAN_GRACE_MS;
  const cutoff = typeof olderThan === "number" ? new Date(Date.now() - olderThan) : olderThan;
  const candidates = new Map<string, string[]>();
  const removed: string[] = [];
  for await (const file of storage.list()) {
    if (file.modifiedAt >= cutoff) continue;
    // An upload interrupted between writing and renaming (diskStorage.put) is never referenced.
    if (/\.\d+\.tmp$/.test(file.key)) {
      await storage.remove(file.key);
      removed.push(file.key);
      continue;
    }
    const folder = file.key.split("/")[0];
    if (!(folder in referencedBy)) continue;
    const list = candidates.get(folder) ?? [];
    list.push(file.key);
    candidates.set(folder, list);
  }
  for (const [folder, keys] of candidates) {
    for (let i = 0; i < keys.length; i += BATCH) {
      const batch = keys.slice(i, i + BATCH);
      const list = sql`(${sql.join(
        batch.map((key) => sql`${key}`),
        sql`, `,
      )})`;
      const rows = await queryRows<{ key: string }>(referencedBy[folder](list));
      const referenced = new Set(rows.map((r) => r.key));
      for (const key of batch) {
        if (referenced.has(key)) continue;
        await storage.remove(key);
        removed.push(key);
      }
    }
  }
  if (removed.length) getLogger().info({ count: removed.length }, "removed orphaned files");
  return { removed };
}
