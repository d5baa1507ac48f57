/**
 * The demo seed is all or nothing: a failure or a crash half-way leaves an empty database, and
 * the next start seeds the whole demo (before, a crash left 5 of the networks for good).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { demoOrganisations, demoPeople } from "../../app/db/seed/demo-data";
import { demoNetworks } from "../../app/db/seed/demo-networks";
import { loadServer } from "../setup/app";
import { openTestDatabase } from "../setup/database";
import { killAll, runProcess } from "../setup/processes";

type Server = Awaited<ReturnType<typeof loadServer>>;
const folders: string[] = [];

afterEach(() => killAll());
afterAll(() => {
  for (const folder of folders) fs.rmSync(folder, { recursive: true, force: true });
});

function freshDataDir(): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-seed-"));
  folders.push(folder);
  return folder;
}

async function countDemo(server: Server) {
  const [row] = await server.queryRows<Record<string, number>>(
    server.rawSql(`select
      (select count(*)::int from users) as people,
      (select count(*)::int from organisations) as organisations,
      (select count(*)::int from networks) as networks,
      (select count(*)::int from posts) as posts`),
  );
  return row;
}

const wholeDemo = {
  people: demoPeople.length,
  organisations: demoOrganisations.length,
  networks: demoNetworks.length,
};

describe("the demo seed", () => {
  it("leaves nothing behind when it fails half-way, and seeds everything the next time", {
    timeout: 180_000,
  }, async () => {
    const server = await loadServer();
    const { database, cleanup } = await openTestDatabase(server.openDatabase);
    try {
      server.setDatabase(database);
      const dataDir = freshDataDir();
      server.setEnv(server.parseEnv({ NODE_ENV: "test", LOG_LEVEL: "silent", DATA_DIR: dataDir }));
      await server.syncTaxonomy();
      // The database itself fails the sixth network, as a crash after the fifth would.
      await database.db.execute(
        server.rawSql(`create function fail_sixth_network() returns trigger language plpgsql as $$
          begin
            if (select count(*) from networks) > 5 then raise exception 'injected failure'; end if;
            return new;
          end $$`),
      );
      await database.db.execute(
        server.rawSql(`create trigger fail_sixth_network after insert on networks
          for each row execute function fail_sixth_network()`),
      );
      await expect(server.seedDemo()).rejects.toThrow();
      expect(await countDemo(server)).toEqual({
        people: 0,
        organisations: 0,
        networks: 0,
        posts: 0,
      });

      await database.db.execute(server.rawSql("drop trigger fail_sixth_network on networks"));
      const seeded = await server.seedDemoIfEmpty();
      expect(seeded).toMatchObject(wholeDemo);
      expect(await countDemo(server)).toEqual({ ...wholeDemo, posts: seeded?.posts });
      // Every person has a generated portrait and every network a generated cover, stored as
      // WebP files like uploads (demo-art.ts).
      const art = await server.queryRows<{ key: string }>(
        server.rawSql(`select photo_key as key from users
          union all select cover_key from networks`),
      );
      expect(art).toHaveLength(wholeDemo.people + wholeDemo.networks);
      for (const { key } of art) {
        expect(key).toMatch(
          /^(photos\/[0-9a-f-]{36}-demoportrait|covers\/[0-9a-f-]{36}\/demo-cover)\.webp$/,
        );
        const bytes = fs.readFileSync(path.join(dataDir, "uploads", key));
        expect(bytes.subarray(8, 12).toString("latin1")).toBe("WEBP");
      }
      // Every demo text says the language it is written in (decision 031), so the demo shows
      // `lang` where a piece differs from the page: each network in its languages.
      const languages = await server.queryRows<{ network: string; language: string | null }>(
        server.rawSql(`select distinct n.name as network, x.language from networks n
          join (select network_id, language from posts
            union all select p.network_id, c.language from comments c join posts p on p.id = c.post_id
            union all select network_id, language from forum_topics
            union all select t.network_id, r.language from forum_replies r
              join forum_topics t on t.id = r.topic_id) x on x.network_id = n.id`),
      );
      expect(languages.filter((l) => l.language === null)).toEqual([]);
      for (const network of demoNetworks) {
        const used = languages.filter((l) => l.network === network.name).map((l) => l.language);
        expect(new Set(used), network.name).toEqual(new Set(network.languages));
      }
      // A second start finds people and writes nothing.
      expect(await server.seedDemoIfEmpty()).toBeUndefined();
      expect((await countDemo(server)).people).toBe(wholeDemo.people);
    } finally {
      await cleanup();
    }
  });

  it("is complete after a start killed (kill -9) in the middle of seeding", async () => {
    const dataDir = freshDataDir();
    const first = await runProcess({
      dataDir,
      env: { SEED_DEMO: "true", LOG_LEVEL: "debug" },
    });
    // People, organisations and one network are written at this point; the rest is not.
    await first.waitForLine(/"msg":"demo network written"/);
    first.child.kill("SIGKILL");
    await first.exited;

    const next = await runProcess({ dataDir, env: { SEED_DEMO: "true" } });
    await next.ready();
    next.child.kill("SIGTERM");
    expect(await next.exited).toBe(0);

    const server = await loadServer();
    const database = await server.openDatabase({ dataDir: path.join(dataDir, "db") });
    try {
      server.setDatabase(database);
      expect(await countDemo(server)).toMatchObject(wholeDemo);
    } finally {
      await database.close();
    }
  }, 300_000);
});
