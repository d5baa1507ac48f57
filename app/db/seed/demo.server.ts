import { sql } from "drizzle-orm";
import { queryRows } from "~/db/client.server";
import { hashPassword } from "~/features/accounts/password.server";
import { createOrganisation, createUser } from "./builders.server";
import { demoOrganisations, demoPeople } from "./demo-data";
import { seedDemoNetworks } from "./demo-networks.server";

/** Every demo account signs in with this password (README says so). */
export const DEMO_PASSWORD = "synergy-demo-2026";

export async function isDatabaseEmpty(): Promise<boolean> {
  const result = await queryRows<{ any: boolean }>(sql`select exists (select 1 from users) as any`);
  return !result[0]?.any;
}

/**
 * Fills an empty database with the demo installation: about 60 people, their organisations, and
 * nine networks with a history of posts, discussions and resources.
 */
export async function seedDemo(): Promise<{
  people: number;
  organisations: number;
  networks: number;
  posts: number;
}> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const now = Date.now();
  const ids = new Map<string, string>();
  for (const person of demoPeople) {
    const created = await createUser({
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
    });
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
    await createOrganisation({ ...spec, members, createdAt: new Date(now - oldest * 86400_000) });
  }
  const seeded = await seedDemoNetworks(ids);
  return { people: demoPeople.length, organisations: demoOrganisations.length, ...seeded };
}
