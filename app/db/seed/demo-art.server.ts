import { sql } from "drizzle-orm";
import sharp from "sharp";
import { type Db, queryRows } from "~/db/client.server";
import { getStorage } from "~/lib/storage.server";
import { coverSvg, portraitSvg } from "./demo-art";
import type { DemoPerson } from "./demo-data";

/** The 12-character token of a demo portrait's key (photos/<user id>-<token>.webp). */
const PORTRAIT_TOKEN = "demoportrait";

async function toWebp(svg: string): Promise<Buffer> {
  return sharp(Buffer.from(svg)).webp({ quality: 82 }).toBuffer();
}

/**
 * Gives every demo person a generated portrait and every demo network a generated cover
 * (demo-art.ts draws them; licence: the project's), stored like uploads. The files are written
 * before the seed's transaction commits: if it rolls back they are orphans, which the
 * orphaned-files sweep removes, and the next seed writes them again under the new ids.
 */
export async function seedDemoArt(
  people: readonly DemoPerson[],
  personIds: Map<string, string>,
  db: Db,
): Promise<void> {
  const storage = getStorage();
  for (const person of people) {
    const id = personIds.get(person.key);
    if (!id) continue;
    const key = `photos/${id}-${PORTRAIT_TOKEN}.webp`;
    await storage.put(key, await toWebp(portraitSvg(person.key)));
    await db.execute(sql`update users set photo_key = ${key} where id = ${id}`);
  }
  const networks = await queryRows<{
    id: string;
    name: string;
    kind: "local" | "online" | "cross_border";
  }>(sql`select id, name, kind from networks where cover_key is null`, db);
  for (const network of networks) {
    const key = `covers/${network.id}/demo-cover.webp`;
    await storage.put(key, await toWebp(coverSvg(network.name, network.kind)));
    await db.execute(sql`update networks set cover_key = ${key} where id = ${network.id}`);
  }
}
