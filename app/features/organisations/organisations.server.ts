import { and, asc, eq, type SQL, sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { organisationMembers, organisations, organisationTopics, users } from "~/db/schema";
import { fieldVisibleSql, listedSql, viewerOfActor } from "~/features/profiles/policy.server";
import {
  isCountry,
  isNaceDivision,
  isTopic,
  naceSectionOf,
} from "~/features/taxonomy/vocabulary.server";
import type { Cursor } from "~/lib/cursor";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Actor, Decision, Person } from "~/lib/policy";
import { type OrganisationSubject, organisationPolicy } from "./rules";
import type { OrganisationInput } from "./schema";

/** Checks organisation values against the built-in vocabularies; field → catalogue key. */
export function checkOrganisationVocabulary(input: OrganisationInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isCountry(input.country)) errors.country = "profile.countryRequired";
  if (input.kind === "enterprise" && !isNaceDivision(input.naceDivision)) {
    errors.naceDivision = "org.sectorRequired";
  }
  if (input.kind === "provider" && input.topics.some((t) => !isTopic(t)))
    errors.topics = "form.invalid";
  return errors;
}

/** The columns an organisation form sets, by kind (the NACE section follows the division). */
function organisationColumns(input: OrganisationInput) {
  const common = {
    name: input.name,
    country: input.country,
    region: input.region,
    website: input.website,
    description: input.description,
  };
  if (input.kind === "enterprise") {
    return {
      ...common,
      naceDivision: input.naceDivision,
      naceSection: naceSectionOf(input.naceDivision),
      sizeBand: input.sizeBand,
      yearFounded: input.yearFounded,
    };
  }
  return {
    ...common,
    providerType: input.providerType,
    deliveryModes: [...new Set(input.deliveryModes)],
    eqfLevels: [...new Set(input.eqfLevels)].sort(),
  };
}

/**
 * Creates an organisation with its creator as its first, active admin (one transaction).
 */
export async function createOrganisation(options: {
  input: OrganisationInput;
  createdBy: string;
}): Promise<{ id: string }> {
  const { input, createdBy } = options;
  return getDb().transaction(async (tx) => {
    const [org] = await tx
      .insert(organisations)
      .values({
        kind: input.kind,
        ...organisationColumns(input),
        createdBy,
      })
      .returning({ id: organisations.id });
    if (input.kind === "provider") {
      await tx
        .insert(organisationTopics)
        .values([...new Set(input.topics)].map((topic) => ({ organisationId: org.id, topic })));
    }
    await tx
      .insert(organisationMembers)
      .values({ organisationId: org.id, userId: createdBy, role: "admin", status: "active" });
    return { id: org.id };
  });
}

/**
 * Saves an organisation's details (its kind never changes); topics are replaced. Only with the
 * proof that the actor may edit it.
 */
export async function updateOrganisation(options: {
  decision: Decision<"edit", OrganisationSubject>;
  input: OrganisationInput;
}): Promise<void> {
  const { input } = options;
  const id = options.decision.resource.id;
  await getDb().transaction(async (tx) => {
    await tx
      .update(organisations)
      .set({
        ...organisationColumns(input),
      })
      .where(and(eq(organisations.id, id), eq(organisations.kind, input.kind)));
    if (input.kind === "provider") {
      await tx.delete(organisationTopics).where(eq(organisationTopics.organisationId, id));
      await tx
        .insert(organisationTopics)
        .values([...new Set(input.topics)].map((topic) => ({ organisationId: id, topic })));
    }
  });
}

/** The organisation as the rules see it from one actor's point of view (their own membership). */
export async function organisationSubject(
  organisationId: string,
  actor: Actor,
): Promise<OrganisationSubject> {
  return {
    id: organisationId,
    membership: actor ? await getMembership(organisationId, actor.id) : null,
  };
}

/** Whether an organisation with this id exists (actions need nothing more before acting). */
export async function organisationExists(id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  const [row] = await getDb()
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, id));
  return Boolean(row);
}

export type Membership = { role: "admin" | "member"; status: "pending" | "active" } | null;

export async function getMembership(organisationId: string, userId: string): Promise<Membership> {
  const [row] = await getDb()
    .select({ role: organisationMembers.role, status: organisationMembers.status })
    .from(organisationMembers)
    .where(
      and(
        eq(organisationMembers.organisationId, organisationId),
        eq(organisationMembers.userId, userId),
      ),
    );
  return row ?? null;
}

/** Asks to join an organisation; its admins approve. Asking twice changes nothing. */
export async function requestToJoin(options: { organisationId: string; userId: string }) {
  await getDb()
    .insert(organisationMembers)
    .values({ ...options, role: "member", status: "pending" })
    .onConflictDoNothing();
}

/** An admin's answer to a join request: approve makes it active, decline removes it. */
export async function decideJoinRequest(options: {
  decision: Decision<"decideJoinRequests", OrganisationSubject>;
  userId: string;
  approve: boolean;
}): Promise<boolean> {
  if (!isUuid(options.userId)) return false;
  const where = and(
    eq(organisationMembers.organisationId, options.decision.resource.id),
    eq(organisationMembers.userId, options.userId),
    eq(organisationMembers.status, "pending"),
  );
  const rows = options.approve
    ? await getDb()
        .update(organisationMembers)
        .set({ status: "active" })
        .where(where)
        .returning({ userId: organisationMembers.userId })
    : await getDb()
        .delete(organisationMembers)
        .where(where)
        .returning({ userId: organisationMembers.userId });
  return rows.length > 0;
}

/**
 * Leaves an organisation; its last admin cannot leave while others remain (409 `org.lastAdmin`,
 * authorized on the admins locked here, so two admins cannot both leave at once).
 */
export async function leaveOrganisation(options: {
  actor: Person;
  organisationId: string;
}): Promise<void> {
  const userId = options.actor.id;
  await getDb().transaction(async (tx) => {
    const admins = await tx
      .select({ userId: organisationMembers.userId })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, options.organisationId),
          eq(organisationMembers.role, "admin"),
          eq(organisationMembers.status, "active"),
        ),
      )
      .for("update");
    const [{ count }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, options.organisationId),
          eq(organisationMembers.status, "active"),
        ),
      );
    const [membership] = await tx
      .select({ role: organisationMembers.role, status: organisationMembers.status })
      .from(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, options.organisationId),
          eq(organisationMembers.userId, userId),
        ),
      );
    organisationPolicy.authorize(options.actor, "leave", {
      organisation: { id: options.organisationId, membership: membership ?? null },
      memberCount: count,
      adminCount: admins.length,
    });
    await tx
      .delete(organisationMembers)
      .where(
        and(
          eq(organisationMembers.organisationId, options.organisationId),
          eq(organisationMembers.userId, userId),
        ),
      );
  });
}

/** An organisation's page: its details, active people (as the viewer may see them), requests. */
export async function getOrganisation(options: { id: string; actor: Actor }) {
  const viewer = await viewerOfActor(options.actor);
  if (!isUuid(options.id)) return null;
  const db = getDb();
  const [org] = await db.select().from(organisations).where(eq(organisations.id, options.id));
  if (!org) return null;
  const topicRows = await db
    .select({ topic: organisationTopics.topic })
    .from(organisationTopics)
    .where(eq(organisationTopics.organisationId, org.id))
    .orderBy(asc(organisationTopics.topic));
  // People appear on an organisation page only where they show their organisations.
  const people = await queryRows<{
    id: string;
    display_name: string;
    role: string;
    member_role: string;
    status: string;
  }>(sql`
    select u.id, u.display_name, u.role, om.role as member_role, om.status
    from organisation_members om join users u on u.id = om.user_id
    where om.organisation_id = ${org.id} and u.email_verified_at is not null
      and ${fieldVisibleSql(viewer, "organisations")} and ${listedSql("u.id")}
    order by om.role, u.display_name`);
  const members = people.filter((p) => p.status === "active");
  const viewerMembership = options.actor ? await getMembership(org.id, options.actor.id) : null;
  const seesRequests = organisationPolicy.can(options.actor, "seeJoinRequests", {
    id: org.id,
    membership: viewerMembership,
  });
  const pending = seesRequests
    ? await db
        .select({ id: users.id, displayName: users.displayName, role: users.role })
        .from(organisationMembers)
        .innerJoin(users, eq(users.id, organisationMembers.userId))
        .where(
          and(
            eq(organisationMembers.organisationId, org.id),
            eq(organisationMembers.status, "pending"),
          ),
        )
    : [];
  return {
    organisation: {
      id: org.id,
      kind: org.kind,
      name: org.name,
      country: org.country,
      region: org.region,
      website: org.website,
      description: org.description,
      naceDivision: org.naceDivision,
      sizeBand: org.sizeBand,
      yearFounded: org.yearFounded,
      providerType: org.providerType,
      deliveryModes: org.deliveryModes,
      eqfLevels: org.eqfLevels,
      topics: topicRows.map((t) => t.topic),
    },
    members: members.map((m) => ({
      id: m.id,
      displayName: m.display_name,
      role: m.role,
      isAdmin: m.member_role === "admin",
    })),
    viewerMembership,
    pending,
  };
}

export type OrganisationFilters = {
  kind?: "enterprise" | "provider";
  country?: string;
  sector?: string;
  topic?: string;
  q?: string;
};

/** One page of the organisations directory, newest first, keyset-paginated. */
export async function listOrganisations(options: {
  filters: OrganisationFilters;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? 24;
  const { filters, after } = options;
  const where: SQL[] = [sql`true`];
  if (filters.kind) where.push(sql`o.kind = ${filters.kind}`);
  if (filters.country) where.push(sql`o.country = ${filters.country}`);
  if (filters.sector) where.push(sql`o.nace_section = ${filters.sector}`);
  if (filters.topic) {
    where.push(
      sql`exists (select 1 from organisation_topics ot where ot.organisation_id = o.id and ot.topic = ${filters.topic})`,
    );
  }
  if (filters.q) where.push(sql`o.name ilike ${`%${filters.q.replace(/[\\%_]/g, "\\$&")}%`}`);
  if (after) where.push(afterCursorSql(after, "o.created_at", "o.id"));
  const result = await queryRows<{
    id: string;
    kind: "enterprise" | "provider";
    name: string;
    country: string;
    region: string;
    nace_division: string | null;
    size_band: string | null;
    provider_type: string | null;
    members: number;
    cursor_at: string;
  }>(sql`
    select o.id, o.kind, o.name, o.country, o.region, o.nace_division, o.size_band, o.provider_type,
      (select count(*)::int from organisation_members om
        where om.organisation_id = o.id and om.status = 'active') as members,
      ${cursorAtSql("o.created_at")}
    from organisations o
    where ${sql.join(where, sql` and `)}
    order by o.created_at desc, o.id desc
    limit ${limit + 1}`);
  const { page: rows, next } = keysetPage(result, limit);
  return {
    organisations: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      name: r.name,
      country: r.country,
      region: r.region,
      naceDivision: r.nace_division,
      sizeBand: r.size_band,
      providerType: r.provider_type,
      members: Number(r.members),
    })),
    next,
  };
}
