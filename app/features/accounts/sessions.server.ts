import { and, desc, eq, gt, ne, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { sessions, users } from "~/db/schema";
import { isLocale } from "~/i18n/i18n";
import type { Auth } from "~/lib/context";
import { cookieNames, serializeCookie } from "~/lib/cookies.server";
import { randomToken, sha256 } from "~/lib/crypto.server";
import { publish } from "~/lib/pubsub.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";

const SESSION_DAYS = 30;
const TOUCH_AFTER_MS = 5 * 60 * 1000;

/** Starts a server-side session; returns the Set-Cookie header that carries its token. */
export async function createSession(options: {
  userId: string;
  userAgent: string;
  ip: string;
}): Promise<string> {
  const token = randomToken();
  await getDb()
    .insert(sessions)
    .values({
      id: sha256(token),
      userId: options.userId,
      userAgent: options.userAgent.slice(0, 300),
      ip: options.ip,
      expiresAt: new Date(Date.now() + SESSION_DAYS * 86400_000),
    });
  return serializeCookie(cookieNames.session, token, { maxAgeSeconds: SESSION_DAYS * 86400 });
}

/** The Set-Cookie header that removes the session cookie. */
export function clearSessionCookie(): string {
  return serializeCookie(cookieNames.session, "", { maxAgeSeconds: 0 });
}

/** Looks up the live session behind a cookie token and the person it belongs to. */
export async function findSession(token: string | undefined): Promise<Auth> {
  if (!token || token.length > 100) return null;
  const id = sha256(token);
  const [row] = await getDb()
    .select({
      sessionId: sessions.id,
      lastSeenAt: sessions.lastSeenAt,
      id: users.id,
      email: users.email,
      emailVerifiedAt: users.emailVerifiedAt,
      displayName: users.displayName,
      role: users.role,
      isFacilitator: users.isFacilitator,
      isAdmin: users.isAdmin,
      locale: users.locale,
      timeZone: users.timeZone,
      onboardedAt: users.onboardedAt,
      photoKey: users.photoKey,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), gt(sessions.expiresAt, sql`now()`)))
    .limit(1);
  if (!row) return null;
  if (Date.now() - row.lastSeenAt.getTime() > TOUCH_AFTER_MS) {
    await getDb().update(sessions).set({ lastSeenAt: new Date() }).where(eq(sessions.id, id));
  }
  return {
    sessionId: row.sessionId,
    user: {
      id: row.id,
      email: row.email,
      emailVerified: row.emailVerifiedAt !== null,
      displayName: row.displayName,
      role: row.role,
      isFacilitator: row.isFacilitator,
      isAdmin: row.isAdmin,
      locale: isLocale(row.locale) ? row.locale : "en",
      timeZone: canonicalTimeZone(row.timeZone) ?? DEFAULT_TIME_ZONE,
      onboarded: row.onboardedAt !== null,
      photoKey: row.photoKey,
    },
  };
}

/** The person's live sessions, newest activity first, for the "where you're signed in" list. */
export async function listSessions(userId: string) {
  return getDb()
    .select({
      id: sessions.id,
      userAgent: sessions.userAgent,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, sql`now()`)))
    .orderBy(desc(sessions.lastSeenAt));
}

/** Whether a session (by its id, not its token) still exists and has not expired. */
export async function isSessionLive(sessionId: string): Promise<boolean> {
  const [row] = await getDb()
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), gt(sessions.expiresAt, sql`now()`)));
  return Boolean(row);
}

/**
 * Tells the person's open live streams (in every app process) that sessions ended, so that a
 * stream opened under a signed-out or revoked session stops. Call it after the commit.
 */
export async function announceSessionsChanged(userId: string): Promise<void> {
  await publish({ topic: `user:${userId}`, type: "sessions-changed" });
}

/** Ends one of the person's sessions (only their own). */
export async function revokeSession(options: { userId: string; sessionId: string }) {
  await getDb()
    .delete(sessions)
    .where(and(eq(sessions.userId, options.userId), eq(sessions.id, options.sessionId)));
  await announceSessionsChanged(options.userId);
}

/**
 * Ends every session of the person, or every one but `exceptSessionId`. Inside a caller's
 * transaction (`db`), the caller calls announceSessionsChanged after its commit.
 */
export async function revokeAllSessions(options: {
  userId: string;
  exceptSessionId?: string;
  db?: Db;
}) {
  const where = options.exceptSessionId
    ? and(eq(sessions.userId, options.userId), ne(sessions.id, options.exceptSessionId))
    : eq(sessions.userId, options.userId);
  await (options.db ?? getDb()).delete(sessions).where(where);
  if (!options.db) await announceSessionsChanged(options.userId);
}
