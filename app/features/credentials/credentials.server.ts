import { and, eq, isNull, sql } from "drizzle-orm";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { courses, credentials, users } from "~/db/schema";
import type { Cursor } from "~/lib/cursor";
import { notFound } from "~/lib/errors";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import type { Decision } from "~/lib/policy";
import type { CredentialSubject } from "./rules";

/** One credential as its pages show it (never the holder's email or anything private). */
export type CredentialView = {
  id: string;
  userId: string;
  recipientName: string;
  achievementName: string;
  courseId: string | null;
  courseOwnerId: string | null;
  issuedAt: Date;
  validUntil: Date | null;
  revokedAt: Date | null;
  revokedReason: string;
  isPublic: boolean;
  locale: string;
  timeZone: string;
  document: Record<string, unknown>;
};

/** A credential by id (a UUID checked by the caller); 404 when there is none. */
export async function findCredential(id: string, db: Db = getDb()): Promise<CredentialView> {
  const [row] = await db
    .select({
      id: credentials.id,
      // Through the inner join: a tombstone (holder deleted) has no user and is not found.
      userId: users.id,
      recipientName: credentials.recipientName,
      achievementName: credentials.achievementName,
      courseId: credentials.courseId,
      courseOwnerId: courses.ownerId,
      issuedAt: credentials.issuedAt,
      validUntil: credentials.validUntil,
      revokedAt: credentials.revokedAt,
      revokedReason: credentials.revokedReason,
      isPublic: credentials.isPublic,
      locale: users.locale,
      timeZone: users.timeZone,
      document: credentials.document,
    })
    .from(credentials)
    .innerJoin(users, eq(users.id, credentials.userId))
    .leftJoin(courses, eq(courses.id, credentials.courseId))
    .where(eq(credentials.id, id))
    .limit(1);
  if (!row) throw notFound("credentials.notFound");
  return row;
}

/** The facts the rules need about a credential, for one person. */
export function subjectOf(view: CredentialView, personId: string | null): CredentialSubject {
  return {
    isHolder: personId !== null && view.userId === personId,
    isCourseOwner: personId !== null && view.courseOwnerId === personId,
    revoked: view.revokedAt !== null,
  };
}

export type BadgeRow = {
  id: string;
  achievement_name: string;
  issued_at: Date;
  revoked_at: Date | null;
  is_public: boolean;
  cursor_at: string;
};

export const BADGES_PAGE = 20;

/**
 * A person's credentials, newest first, one keyset page. `publicOnly` for their profile:
 * shown ones that are not revoked.
 */
export async function listBadges(
  options: { userId: string; publicOnly: boolean; after?: Cursor | null; limit?: number },
  db: Db = getDb(),
) {
  const limit = options.limit ?? BADGES_PAGE;
  const rows = await queryRows<BadgeRow>(
    sql`select c.id, c.achievement_name, c.issued_at, c.revoked_at, c.is_public,
          ${cursorAtSql("c.issued_at")}
        from credentials c
        where c.user_id = ${options.userId}::uuid
          ${options.publicOnly ? sql`and c.is_public and c.revoked_at is null` : sql``}
          ${options.after ? sql`and ${afterCursorSql(options.after, "c.issued_at", "c.id")}` : sql``}
        order by c.issued_at desc, c.id desc
        limit ${limit + 1}`,
    db,
  );
  return keysetPage(
    rows.map((r) => ({
      ...r,
      issued_at: new Date(r.issued_at),
      revoked_at: r.revoked_at ? new Date(r.revoked_at) : null,
    })),
    limit,
  );
}

/** Shows the credential on its holder's profile, or hides it. */
export async function setCredentialVisibility(
  decision: Decision<"setVisibility", CredentialSubject>,
  input: { id: string; isPublic: boolean },
  db: Db = getDb(),
): Promise<void> {
  void decision;
  await db
    .update(credentials)
    .set({ isPublic: input.isPublic })
    .where(eq(credentials.id, input.id));
}

/**
 * Revokes a credential with a reason: sets its bit in the status list (the list is rebuilt from
 * `revoked_at`). Only a credential not yet revoked changes; revoked stays revoked.
 * Returns false when another request revoked it first.
 */
export async function revokeCredential(
  decision: Decision<"revoke", CredentialSubject>,
  input: { id: string; reason: string; byId: string },
  db: Db = getDb(),
): Promise<boolean> {
  void decision;
  const updated = await db
    .update(credentials)
    .set({ revokedAt: new Date(), revokedBy: input.byId, revokedReason: input.reason })
    .where(and(eq(credentials.id, input.id), isNull(credentials.revokedAt)))
    .returning({ id: credentials.id });
  return updated.length === 1;
}

/** The reason stored on credentials revoked because their holder deleted their account. */
export const ACCOUNT_DELETED_REASON = "account deleted";

/**
 * Turns a person's credentials into tombstones, inside the transaction that deletes the person
 * (before the users row goes; `user_id` is then set to null): each is revoked (already revoked
 * ones keep their date and reason), hidden, and loses the name and the signed document that
 * carried it. The row keeps its status index, so the bit stays set for verifiers elsewhere and
 * the index is never handed to a new credential.
 */
export async function tombstoneCredentialsOf(userId: string, tx: Db): Promise<number> {
  const rows = await tx
    .update(credentials)
    .set({
      revokedAt: sql`coalesce(${credentials.revokedAt}, now())`,
      revokedReason: sql`case when ${credentials.revokedAt} is null then ${ACCOUNT_DELETED_REASON} else ${credentials.revokedReason} end`,
      recipientName: "",
      document: {},
      isPublic: false,
    })
    .where(eq(credentials.userId, userId))
    .returning({ id: credentials.id });
  return rows.length;
}
