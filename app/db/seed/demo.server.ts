import { sql } from "drizzle-orm";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { hashPassword } from "~/features/accounts/password.server";
import { syncShippedCourseware } from "~/features/courses/shipped.server";
import { createOrganisation, createUser } from "./builders.server";
import { seedDemoArt } from "./demo-art.server";
import { seedDemoAudits } from "./demo-audits.server";
import { seedDemoConversations } from "./demo-conversations.server";
import { demoOrganisations, demoPeople } from "./demo-data";
import { seedDemoEvents } from "./demo-events.server";
import { seedDemoLearning } from "./demo-learning.server";
import { seedDemoNeeds } from "./demo-needs.server";
import { seedDemoNetworks } from "./demo-networks.server";
import { seedDemoNotifications } from "./demo-notifications.server";
import { seedDemoPartnering } from "./demo-partnering.server";

/** Every demo account signs in with this password (README says so). */
export const DEMO_PASSWORD = "synergy-demo-2026";

/** What the demo seed wrote. */
export type DemoCounts = { people: number; organisations: number; networks: number; posts: number };

/** Arbitrary key of the advisory lock that makes app processes on one server seed one at a time. */
const SEED_LOCK = 724002;

export async function isDatabaseEmpty(db: Db = getDb()): Promise<boolean> {
  const result = await queryRows<{ any: boolean }>(
    sql`select exists (select 1 from users) as any`,
    db,
  );
  return !result[0]?.any;
}

/**
 * Fills the database with the demo installation: about 60 people, their organisations, and
 * nine networks with a history of posts, discussions and resources. One transaction: a crash
 * or an error half-way leaves nothing behind, so the next start seeds again from scratch.
 */
export async function seedDemo(): Promise<DemoCounts> {
  // The demo's learners take the shipped courses: make sure they are there (a no-op when they are).
  await syncShippedCourseware();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return getDb().transaction((tx) => writeDemo(tx, passwordHash));
}

/**
 * Seeds the demo only if the database has nobody in it yet, deciding and writing in one
 * transaction; app processes starting together on one PostgreSQL server take turns, and the
 * later ones find the demo there. Returns undefined when nothing was written.
 */
export async function seedDemoIfEmpty(): Promise<DemoCounts | undefined> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (!(await isDatabaseEmpty(tx))) return undefined;
    return writeDemo(tx, passwordHash);
  });
}

async function writeDemo(db: Db, passwordHash: string): Promise<DemoCounts> {
  const now = Date.now();
  const ids = new Map<string, string>();
  for (const person of demoPeople) {
    const created = await createUser(
      {
        email: person.email,
        displayName: person.displayName,
        role: person.role,
        passwordHash,
        locale: person.locale,
        headline: person.headline,
        bio: person.bio,
        country: person.country,
        region: person.region,
        isFacilitator: person.isFacilitator ?? false,
        isAdmin: person.isAdmin ?? false,
        languages: person.languages,
        offered: person.skillsOffered,
        wanted: person.skillsWanted,
        createdAt: new Date(now - person.joinedDaysAgo * 86400_000),
      },
      db,
    );
    ids.set(person.key, created.id);
  }
  for (const org of demoOrganisations) {
    const members = demoPeople
      .filter((p) => p.organisation?.key === org.key)
      .map((p) => ({
        userId: ids.get(p.key)!,
        role: p.organisation?.isAdmin ? ("admin" as const) : ("member" as const),
      }));
    const oldest = Math.max(
      1,
      ...demoPeople.filter((p) => p.organisation?.key === org.key).map((p) => p.joinedDaysAgo),
    );
    const { key: _key, ...spec } = org;
    await createOrganisation(
      { ...spec, members, createdAt: new Date(now - oldest * 86400_000) },
      db,
    );
  }
  const seeded = await seedDemoNetworks(ids, db);
  await seedDemoConversations(ids, db);
  await seedDemoEvents(db);
  await seedDemoNeeds(ids, db);
  await seedDemoAudits(ids, db);
  await seedDemoLearning(ids, db);
  await seedDemoPartnering(ids, db);
  await seedDemoNotifications(db);
  // Portraits and covers drawn by code here (demo-art.ts), not photos of anyone.
  await seedDemoArt(demoPeople, ids, db);
  return { people: demoPeople.length, organisations: demoOrganisations.length, ...seeded };
}
