import { and, eq, gt, isNull, sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { authTokens } from "~/db/schema";
import { randomToken, sha256 } from "~/lib/crypto.server";

export type TokenPurpose = "verify_email" | "reset_password";

export const tokenLifetimes: Record<TokenPurpose, number> = {
  verify_email: 48 * 3600_000,
  reset_password: 3600_000,
};

/** When a token issued now for this purpose stops working. */
export function tokenExpiry(purpose: TokenPurpose): Date {
  return new Date(Date.now() + tokenLifetimes[purpose]);
}

/**
 * Issues a single-use token; only its hash is stored. Returns the token for the email link.
 * `expiresAt` lets the caller state in the mail exactly the expiry that is stored.
 */
export async function issueToken(
  db: Db,
  options: { userId: string; purpose: TokenPurpose; email: string; expiresAt?: Date },
): Promise<string> {
  const token = randomToken();
  await db.insert(authTokens).values({
    id: sha256(token),
    userId: options.userId,
    purpose: options.purpose,
    email: options.email,
    expiresAt: options.expiresAt ?? tokenExpiry(options.purpose),
  });
  return token;
}

/**
 * Marks a token used and returns what it was issued for, or null when it is unknown, expired,
 * already used or for another purpose. Run inside the caller's transaction so that the use and
 * its effect land together.
 */
export async function consumeToken(
  tx: Db,
  options: { token: string; purpose: TokenPurpose },
): Promise<{ userId: string; email: string } | null> {
  const [row] = await tx
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authTokens.id, sha256(options.token)),
        eq(authTokens.purpose, options.purpose),
        isNull(authTokens.usedAt),
        gt(authTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: authTokens.userId, email: authTokens.email });
  return row ?? null;
}

/** Makes every unused token of one purpose for the person unusable. */
export async function retireTokens(db: Db, userId: string, purpose: TokenPurpose): Promise<void> {
  await db
    .update(authTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(authTokens.userId, userId),
        eq(authTokens.purpose, purpose),
        isNull(authTokens.usedAt),
      ),
    );
}
