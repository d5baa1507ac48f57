/**
 * Test runs on a shared PostgreSQL server leave each other alone: every run names its databases
 * with its own prefix and drops only those, plus other runs' that are more than a day old.
 * The server part needs TEST_DATABASE_URL.
 */
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { dropRunDatabases, isAbandonedRunDatabase, newRunPrefix } from "../setup/global-database";

const serverUrl = process.env.TEST_DATABASE_URL;
const DAY = 24 * 3600_000;

describe("test database names", () => {
  it("tell a run that is still going from one abandoned a day ago", () => {
    const now = new Date("2026-11-30T06:00:00Z");
    const prefix = newRunPrefix(now);
    expect(prefix).toMatch(/^synergy_test_20261130060000_[0-9a-f]{8}$/);
    expect(newRunPrefix(now)).not.toBe(prefix);
    expect(isAbandonedRunDatabase(`${prefix}_template`, now)).toBe(false);
    expect(isAbandonedRunDatabase(`${prefix}_0a1b2c3d`, new Date(now.getTime() + DAY - 1000))).toBe(
      false,
    );
    expect(isAbandonedRunDatabase(`${prefix}_0a1b2c3d`, new Date(now.getTime() + DAY + 1000))).toBe(
      true,
    );
    // Names that do not say when their run started are never taken for abandoned.
    expect(isAbandonedRunDatabase("synergy_test_template", now)).toBe(false);
    expect(isAbandonedRunDatabase("synergy_test_0a1b2c3d4e5f", now)).toBe(false);
    expect(isAbandonedRunDatabase("synergy", now)).toBe(false);
  });
});

describe.skipIf(!serverUrl)("test databases on a shared PostgreSQL server", () => {
  it("are dropped only for this run or for runs abandoned a day ago", async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const exists = async (name: string) =>
      (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    const otherRun = `${newRunPrefix()}_template`;
    const otherRunClone = `${otherRun.replace(/_template$/, "")}_0a1b2c3d`;
    const abandoned = `${newRunPrefix(new Date(Date.now() - 2 * DAY))}_template`;
    try {
      for (const name of [otherRun, otherRunClone, abandoned]) {
        await admin.query(`create database "${name}"`);
      }
      const dropped = await dropRunDatabases(admin, { abandonedBefore: new Date() });
      expect(dropped).toContain(abandoned);
      expect(await exists(abandoned)).toBe(false);
      expect(await exists(otherRun)).toBe(true);
      expect(await exists(otherRunClone)).toBe(true);
      // This run's own template, which the test files are cloning, is still there.
      const template = inject("databaseTemplate");
      if (template.kind !== "pg") throw new Error("expected a server template");
      expect(await exists(template.template)).toBe(true);

      const prefix = otherRun.replace(/_template$/, "");
      expect((await dropRunDatabases(admin, { prefix })).sort()).toEqual(
        [otherRun, otherRunClone].sort(),
      );
      expect(await exists(template.template)).toBe(true);
    } finally {
      for (const name of [otherRun, otherRunClone, abandoned]) {
        await admin.query(`drop database if exists "${name}" with (force)`);
      }
      await admin.end();
    }
  });
});
