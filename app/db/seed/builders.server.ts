/**
 * Builders that put people and organisations straight into the database. The demo seed, the
 * admin command and the tests all use them, so test data has the same shape as real data.
 * Each takes an optional `db`: the demo seed passes its transaction so the whole demo is written
 * at once or not at all.
 */
import { eq, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import {
  type FieldVisibility,
  networkMembers,
  networks,
  organisationMembers,
  organisations,
  organisationTopics,
  postMentions,
  posts,
  userLanguages,
  userSkills,
  users,
} from "~/db/schema";
import { hashPassword } from "~/features/accounts/password.server";
import type { ContentLanguage } from "~/features/content/language";
import { findMentions, renderMarkdown } from "~/features/content/markdown";
import { mentionableMembers } from "~/features/content/mentions.server";
import { naceSectionOf } from "~/features/taxonomy/vocabulary.server";
import { DEFAULT_TIME_ZONE, timeZoneForCountry } from "~/lib/time-zones";

let counter = 0;

/**
 * One hash per password for the people the builders make (tests make thousands, mostly with the
 * same password, and argon2id is deliberately slow: about 30 to 60 ms a hash here). Signing in
 * still verifies against a real argon2id hash; only the salt is shared between those people.
 */
const builtHashes = new Map<string, Promise<string>>();
function builtHash(password: string): Promise<string> {
  let hash = builtHashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    builtHashes.set(password, hash);
  }
  return hash;
}

export type UserSpec = {
  email?: string;
  displayName?: string;
  role?: "owner" | "educator";
  password?: string;
  /** Reuse one hash for many users (hashing is deliberately slow). */
  passwordHash?: string;
  verified?: boolean;
  onboarded?: boolean;
  locale?: string;
  /** IANA zone; by default the main zone of the person's country. */
  timeZone?: string;
  headline?: string;
  bio?: string;
  country?: string | null;
  region?: string;
  isFacilitator?: boolean;
  isAdmin?: boolean;
  languages?: { code: string; level: string }[];
  offered?: string[];
  wanted?: string[];
  visibility?: Partial<FieldVisibility>;
  createdAt?: Date;
};

/** Creates a person (verified and onboarded unless told otherwise). */
export async function createUser(
  spec: UserSpec = {},
  db: Db = getDb(),
): Promise<{ id: string; email: string; password: string }> {
  counter += 1;
  const unique = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 6)}`;
  const email = (spec.email ?? `person-${unique}@example.org`).toLowerCase();
  const password = spec.password ?? "correct horse battery staple";
  const passwordHash = spec.passwordHash ?? (await builtHash(password));
  const verified = spec.verified ?? true;
  const onboarded = spec.onboarded ?? true;
  const createdAt = spec.createdAt ?? new Date();
  const country = spec.country === undefined ? "IE" : spec.country;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({
        email,
        passwordHash,
        displayName: spec.displayName ?? `Person ${unique}`,
        role: spec.role ?? "owner",
        emailVerifiedAt: verified ? createdAt : null,
        onboardedAt: onboarded ? createdAt : null,
        locale: spec.locale ?? "en",
        timeZone: spec.timeZone ?? timeZoneForCountry(country) ?? DEFAULT_TIME_ZONE,
        headline: spec.headline ?? "",
        bio: spec.bio ?? "",
        country,
        region: spec.region ?? "",
        isFacilitator: spec.isFacilitator ?? false,
        isAdmin: spec.isAdmin ?? false,
        visibility: spec.visibility ?? {},
        createdAt,
        updatedAt: createdAt,
      })
      .returning({ id: users.id });
    const languages = spec.languages ?? (onboarded ? [{ code: "en", level: "C1" }] : []);
    if (languages.length) {
      await tx
        .insert(userLanguages)
        .values(languages.map((l) => ({ userId: user.id, language: l.code, level: l.level })));
    }
    const skills = [
      ...(spec.offered ?? []).map((topic) => ({
        userId: user.id,
        kind: "offered" as const,
        topic,
      })),
      ...(spec.wanted ?? []).map((topic) => ({ userId: user.id, kind: "wanted" as const, topic })),
    ];
    if (skills.length) await tx.insert(userSkills).values(skills);
    return { id: user.id, email, password };
  });
}

export type OrganisationSpec = {
  kind?: "enterprise" | "provider";
  name?: string;
  country?: string;
  region?: string;
  website?: string;
  description?: string;
  naceDivision?: string;
  sizeBand?: string;
  yearFounded?: number;
  providerType?: string;
  topics?: string[];
  deliveryModes?: string[];
  eqfLevels?: number[];
  createdAt?: Date;
  /** People and their place in the organisation; the first admin is recorded as its creator. */
  members?: { userId: string; role?: "admin" | "member"; status?: "active" | "pending" }[];
};

/** Creates an organisation with its members. */
export async function createOrganisation(
  spec: OrganisationSpec = {},
  db: Db = getDb(),
): Promise<{ id: string }> {
  counter += 1;
  const kind = spec.kind ?? "enterprise";
  const members = spec.members ?? [];
  const creator = members.find((m) => m.role === "admin") ?? members[0];
  return db.transaction(async (tx) => {
    const naceDivision = kind === "enterprise" ? (spec.naceDivision ?? "47") : null;
    const [org] = await tx
      .insert(organisations)
      .values({
        kind,
        name: spec.name ?? `Organisation ${counter}`,
        country: spec.country ?? "IE",
        region: spec.region ?? "",
        website: spec.website ?? "",
        description: spec.description ?? "",
        naceDivision,
        naceSection: naceDivision ? (naceSectionOf(naceDivision) ?? null) : null,
        sizeBand: kind === "enterprise" ? (spec.sizeBand ?? "1") : null,
        yearFounded: kind === "enterprise" ? (spec.yearFounded ?? 2015) : null,
        providerType: kind === "provider" ? (spec.providerType ?? "training_centre") : null,
        deliveryModes: kind === "provider" ? (spec.deliveryModes ?? ["online"]) : [],
        eqfLevels: kind === "provider" ? (spec.eqfLevels ?? [4]) : [],
        createdBy: creator?.userId ?? null,
        createdAt: spec.createdAt ?? new Date(),
      })
      .returning({ id: organisations.id });
    if (kind === "provider" && spec.topics?.length) {
      await tx
        .insert(organisationTopics)
        .values(spec.topics.map((topic) => ({ organisationId: org.id, topic })));
    }
    if (members.length) {
      await tx.insert(organisationMembers).values(
        members.map((m) => ({
          organisationId: org.id,
          userId: m.userId,
          role: m.role ?? ("member" as const),
          status: m.status ?? ("active" as const),
        })),
      );
    }
    return { id: org.id };
  });
}

export type NetworkSpec = {
  name?: string;
  purpose?: string;
  description?: string;
  kind?: "local" | "online" | "cross_border";
  place?: string;
  countries?: string[];
  languages?: string[];
  topics?: string[];
  visibility?: "open" | "request" | "invite" | "secret";
  memberCap?: number;
  createdAt?: Date;
  facilitators?: string[];
  members?: string[];
  pending?: string[];
};

/** Creates a network with its facilitators, members and pending requests. */
export async function createNetwork(
  spec: NetworkSpec = {},
  db: Db = getDb(),
): Promise<{ id: string }> {
  counter += 1;
  const facilitators = spec.facilitators ?? [];
  const members = spec.members ?? [];
  const createdAt = spec.createdAt ?? new Date();
  return db.transaction(async (tx) => {
    const [network] = await tx
      .insert(networks)
      .values({
        name: spec.name ?? `Network ${counter}`,
        purpose: spec.purpose ?? "Learning from each other.",
        description: spec.description ?? "",
        kind: spec.kind ?? "online",
        place: spec.place ?? "",
        countries: spec.countries ?? ["IE"],
        languages: spec.languages ?? ["en"],
        topics: spec.topics ?? [],
        visibility: spec.visibility ?? "open",
        memberCap: spec.memberCap ?? 40,
        memberCount: facilitators.length + members.length,
        createdBy: facilitators[0] ?? null,
        createdAt,
        lastActivityAt: createdAt,
      })
      .returning({ id: networks.id });
    const rows = [
      ...facilitators.map((userId) => ({
        userId,
        role: "facilitator" as const,
        status: "active" as const,
      })),
      ...members.map((userId) => ({ userId, role: "member" as const, status: "active" as const })),
      ...(spec.pending ?? []).map((userId) => ({
        userId,
        role: "member" as const,
        status: "pending" as const,
      })),
    ];
    if (rows.length) {
      await tx
        .insert(networkMembers)
        .values(
          rows.map((r) => ({ ...r, networkId: network.id, createdAt, lastReadAt: createdAt })),
        );
    }
    return network;
  });
}

/** Writes a post as it was at `createdAt` (Markdown rendered, mentions resolved among members). */
export async function createPostAt(
  spec: {
    networkId: string;
    authorId: string;
    body: string;
    createdAt?: Date;
    pinned?: boolean;
    /** What the post is written in (decision 031); null, as for older posts, when left out. */
    language?: ContentLanguage | null;
  },
  db: Db = getDb(),
): Promise<{ id: string }> {
  const createdAt = spec.createdAt ?? new Date();
  return db.transaction(async (tx) => {
    const members = await mentionableMembers(tx, spec.networkId);
    const [post] = await tx
      .insert(posts)
      .values({
        networkId: spec.networkId,
        authorId: spec.authorId,
        body: spec.body,
        bodyHtml: renderMarkdown(spec.body, { mentions: members }),
        createdAt,
        pinnedAt: spec.pinned ? createdAt : null,
        language: spec.language ?? null,
      })
      .returning({ id: posts.id });
    const mentioned = findMentions(spec.body)
      .map((handle) => members.get(handle)?.id)
      .filter((id): id is string => Boolean(id));
    if (mentioned.length) {
      await tx
        .insert(postMentions)
        .values([...new Set(mentioned)].map((userId) => ({ postId: post.id, userId })));
    }
    await tx
      .update(networks)
      .set({
        lastActivityAt: sql`greatest(${networks.lastActivityAt}, ${createdAt.toISOString()}::timestamptz)`,
      })
      .where(eq(networks.id, spec.networkId));
    return post;
  });
}
