import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import {
  type FieldVisibility,
  organisationMembers,
  organisations,
  type ProfileField,
  userLanguages,
  userSkills,
  users,
} from "~/db/schema";
import { isCountry, isLanguage, isTopic } from "~/features/taxonomy/vocabulary.server";
import { isUuid } from "~/lib/ids";
import type { Actor, Decision } from "~/lib/policy";
import { getStorage } from "~/lib/storage.server";
import { forgetMatches } from "./home.server";
import { effectiveVisibility, listedSql, visitorsFor } from "./policy.server";
import { type ProfileOwner, profilePolicy } from "./rules";
import type { ProfileInput } from "./schema";

/** Checks profile values against the built-in vocabularies; returns field → catalogue key. */
export function checkProfileVocabulary(input: ProfileInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isCountry(input.country)) errors.country = "profile.countryRequired";
  const codes = input.languages.map((l) => l.code);
  if (codes.some((c) => !isLanguage(c))) errors.languages = "profile.languageUnknown";
  else if (new Set(codes).size !== codes.length) errors.languages = "profile.languageTwice";
  if ([...input.offered, ...input.wanted].some((s) => !isTopic(s))) errors.offered = "form.invalid";
  return errors;
}

/** The profile as its owner edits it. */
export async function getOwnProfile(userId: string) {
  const db = getDb();
  const [user] = await db
    .select({
      displayName: users.displayName,
      headline: users.headline,
      bio: users.bio,
      country: users.country,
      region: users.region,
      photoKey: users.photoKey,
      visibility: users.visibility,
    })
    .from(users)
    .where(eq(users.id, userId));
  const languages = await db
    .select({ code: userLanguages.language, level: userLanguages.level })
    .from(userLanguages)
    .where(eq(userLanguages.userId, userId))
    .orderBy(asc(userLanguages.language));
  const skills = await db
    .select({ kind: userSkills.kind, topic: userSkills.topic })
    .from(userSkills)
    .where(eq(userSkills.userId, userId));
  return {
    ...user,
    visibility: effectiveVisibility(user.visibility),
    languages,
    offered: skills.filter((s) => s.kind === "offered").map((s) => s.topic),
    wanted: skills.filter((s) => s.kind === "wanted").map((s) => s.topic),
  };
}

/**
 * Saves the whole profile in one transaction (languages and skills replaced), and marks the
 * person onboarded. A new photo key replaces the old photo, which is then deleted from storage.
 * Only for the profile's owner (the decision proves it).
 */
export async function updateProfile(options: {
  decision: Decision<"edit", ProfileOwner>;
  input: ProfileInput;
  newPhotoKey?: string;
}): Promise<void> {
  const { input, newPhotoKey } = options;
  const userId = options.decision.resource.ownerId;
  const [before] = await getDb()
    .select({ photoKey: users.photoKey })
    .from(users)
    .where(eq(users.id, userId));
  const photoKey = newPhotoKey ?? (input.removePhoto ? null : before.photoKey);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        displayName: input.displayName,
        headline: input.headline,
        bio: input.bio,
        country: input.country,
        region: input.region,
        photoKey,
        visibility: input.visibility as FieldVisibility,
        onboardedAt: sql`coalesce(${users.onboardedAt}, now())`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId));
    await tx.delete(userLanguages).where(eq(userLanguages.userId, userId));
    await tx
      .insert(userLanguages)
      .values(input.languages.map((l) => ({ userId, language: l.code, level: l.level })));
    await tx.delete(userSkills).where(eq(userSkills.userId, userId));
    const skills = [
      ...[...new Set(input.offered)].map((topic) => ({ userId, kind: "offered" as const, topic })),
      ...[...new Set(input.wanted)].map((topic) => ({ userId, kind: "wanted" as const, topic })),
    ];
    if (skills.length) await tx.insert(userSkills).values(skills);
  });
  forgetMatches(userId);
  if (before.photoKey && before.photoKey !== photoKey) {
    await getStorage().remove(before.photoKey);
  }
}

/**
 * A person's profile as `actor` may see it (profilePolicy): hidden fields come back empty.
 * Returns null when the person does not exist or has not verified their email (and the actor is
 * someone else).
 */
export async function getProfile(options: { id: string; actor: Actor }) {
  const { id, actor } = options;
  if (!isUuid(id)) return null;
  const db = getDb();
  const [user] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      isFacilitator: users.isFacilitator,
      headline: users.headline,
      bio: users.bio,
      country: users.country,
      region: users.region,
      photoKey: users.photoKey,
      visibility: users.visibility,
      emailVerifiedAt: users.emailVerifiedAt,
      createdAt: users.createdAt,
      leaving: sql<boolean>`not ${listedSql(users.id)}`,
    })
    .from(users)
    .where(eq(users.id, id));
  if (!user) return null;
  const isSelf = actor?.id === user.id;
  const profile = {
    ownerId: user.id,
    ownerVerified: user.emailVerifiedAt !== null,
    ownerLeaving: user.leaving,
    visitors: await visitorsFor(actor),
  };
  if (!profilePolicy.can(actor, "view", profile)) return null;
  const can = (field: ProfileField) =>
    profilePolicy.can(actor, "seeField", { ...profile, visibility: user.visibility, field });
  const [languages, skills, orgs] = await Promise.all([
    can("languages")
      ? db
          .select({ code: userLanguages.language, level: userLanguages.level })
          .from(userLanguages)
          .where(eq(userLanguages.userId, id))
      : [],
    can("skills")
      ? db
          .select({ kind: userSkills.kind, topic: userSkills.topic })
          .from(userSkills)
          .where(eq(userSkills.userId, id))
      : [],
    can("organisations")
      ? db
          .select({
            id: organisations.id,
            name: organisations.name,
            kind: organisations.kind,
            role: organisationMembers.role,
          })
          .from(organisationMembers)
          .innerJoin(organisations, eq(organisations.id, organisationMembers.organisationId))
          .where(and(eq(organisationMembers.userId, id), eq(organisationMembers.status, "active")))
      : [],
  ]);
  return {
    id: user.id,
    displayName: user.displayName,
    role: user.role,
    isFacilitator: user.isFacilitator,
    isSelf,
    memberSince: user.createdAt.toISOString(),
    headline: can("headline") ? user.headline : "",
    bio: can("bio") ? user.bio : "",
    country: can("location") ? user.country : null,
    region: can("location") ? user.region : "",
    photoKey: can("photo") ? user.photoKey : null,
    visibility: isSelf ? effectiveVisibility(user.visibility) : null,
    languages,
    offered: skills.filter((s) => s.kind === "offered").map((s) => s.topic),
    wanted: skills.filter((s) => s.kind === "wanted").map((s) => s.topic),
    organisations: orgs,
  };
}

/** Finds the owner of a stored photo and whether the actor may see it (profilePolicy). */
export async function canViewPhoto(options: { key: string; actor: Actor }): Promise<boolean> {
  const [owner] = await getDb()
    .select({ id: users.id, visibility: users.visibility, verified: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.photoKey, options.key));
  if (!owner) return false;
  return profilePolicy.can(options.actor, "seeField", {
    ownerId: owner.id,
    ownerVerified: owner.verified !== null,
    visitors: await visitorsFor(options.actor),
    visibility: owner.visibility,
    field: "photo",
  });
}
