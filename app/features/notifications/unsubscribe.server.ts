/**
 * One-click unsubscribe links (RFC 8058): a link in every notification mail that turns one kind
 * of email off ("never") without signing in. The link carries who, what and until when, signed
 * with an HMAC of the installation's secret; the signature is the only authentication, so the
 * unsubscribe route is exempt from CSRF (a mail program's one-click POST has no cookie), see
 * docs/decisions/016-notification-email.md.
 */
import { sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { notificationPreferences } from "~/db/schema";
import { hmac, safeEqual } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { DomainError, forbidden, invalid } from "~/lib/errors";
import { getSecret } from "~/lib/secret.server";
import { isNotificationKind, type NotificationKind, notificationKindNames } from "./kinds";
import { effectiveChoicesOf } from "./preferences.server";

/** What a link turns off: one kind, or every kind that goes into the digest ("digest"). */
export type UnsubscribeScope = NotificationKind | "digest";

/** How long a mailed link works: long enough for a mail read weeks later. */
export const UNSUBSCRIBE_LINK_DAYS = 90;

export type UnsubscribeClaim = { userId: string; scope: UnsubscribeScope; expiresAt: Date };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function signature(payload: string): string {
  // The purpose is part of what is signed, so no other HMAC of the app (CSRF) can pass as one.
  return hmac(getSecret(), `unsubscribe:${payload}`);
}

/** The signed token of a link: base64url("<user>|<scope>|<expiry seconds>") "." signature. */
export function unsubscribeToken(
  userId: string,
  scope: UnsubscribeScope,
  now: Date = new Date(),
): string {
  const expires = Math.floor(now.getTime() / 1000) + UNSUBSCRIBE_LINK_DAYS * 86_400;
  const payload = Buffer.from(`${userId}|${scope}|${expires}`).toString("base64url");
  return `${payload}.${signature(payload)}`;
}

/** The https link a mail carries (also the List-Unsubscribe target of one-click POSTs). */
export function unsubscribeUrl(userId: string, scope: UnsubscribeScope, now?: Date): string {
  return new URL(`/unsubscribe/${unsubscribeToken(userId, scope, now)}`, getEnv().PUBLIC_URL).href;
}

/** The List-Unsubscribe header pair for a mail to `userId` about `scope`. */
export function unsubscribeHeaders(userId: string, scope: UnsubscribeScope, now?: Date) {
  return {
    "List-Unsubscribe": `<${unsubscribeUrl(userId, scope, now)}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * Reads a token: a malformed one is a 400, a forged or tampered one a 403, an expired one a
 * 400 that says so (the person can still change their choices after signing in).
 */
export function verifyUnsubscribeToken(token: string, now: Date = new Date()): UnsubscribeClaim {
  const [payload, sent, extra] = token.split(".");
  if (!payload || !sent || extra !== undefined || payload.length > 300) {
    throw invalid("unsubscribe.malformed");
  }
  if (!safeEqual(sent, signature(payload))) throw forbidden("unsubscribe.forged");
  const [userId, scope, expires] = Buffer.from(payload, "base64url").toString("utf8").split("|");
  // Signed by us, so these hold unless the code changed the format; checked all the same.
  if (
    !UUID.test(userId ?? "") ||
    !(scope === "digest" || isNotificationKind(scope ?? "")) ||
    !/^\d+$/.test(expires ?? "")
  ) {
    throw invalid("unsubscribe.malformed");
  }
  const expiresAt = new Date(Number(expires) * 1000);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new DomainError(400, "unsubscribe.expired");
  }
  return { userId, scope: scope as UnsubscribeScope, expiresAt };
}

/**
 * The kinds a claim turns off: the kind itself, or for "digest" every kind the person now
 * receives in the digest.
 */
async function kindsOf(claim: UnsubscribeClaim): Promise<NotificationKind[]> {
  if (claim.scope !== "digest") return [claim.scope];
  const choices = await effectiveChoicesOf(claim.userId);
  return notificationKindNames.filter((kind) => choices[kind] === "digest");
}

/** What the confirm page shows: the kinds the button would turn off (none when done already). */
export async function describeUnsubscribe(claim: UnsubscribeClaim): Promise<NotificationKind[]> {
  const kinds = await kindsOf(claim);
  if (claim.scope === "digest") return kinds;
  const choices = await effectiveChoicesOf(claim.userId);
  return kinds.filter((kind) => choices[kind] !== "never");
}

/**
 * Turns the claim's kinds to "never" and returns the kinds that changed. Running it twice
 * changes nothing more and returns none (a mail program may POST more than once). A person
 * deleted since the mail was sent: nothing to do.
 */
export async function applyUnsubscribe(claim: UnsubscribeClaim): Promise<NotificationKind[]> {
  return getDb().transaction(async (tx) => {
    // The person's row is the lock: two POSTs of one link answer one "done", one "already".
    const person = await tx.execute(sql`select 1 from users where id = ${claim.userId} for update`);
    if ((person as unknown as { rows: unknown[] }).rows.length === 0) return [];
    const choices = await effectiveChoicesOf(claim.userId, tx);
    const kinds = (
      claim.scope === "digest"
        ? notificationKindNames.filter((kind) => choices[kind] === "digest")
        : [claim.scope]
    ).filter((kind) => choices[kind] !== "never");
    if (kinds.length === 0) return [];
    await tx
      .insert(notificationPreferences)
      .values(kinds.map((kind) => ({ userId: claim.userId, kind, email: "never" as const })))
      .onConflictDoUpdate({
        target: [notificationPreferences.userId, notificationPreferences.kind],
        set: { email: "never", updatedAt: sql`now()` },
      });
    return kinds;
  });
}
