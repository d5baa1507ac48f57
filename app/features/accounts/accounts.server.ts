import { and, eq, isNull, ne } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { authTokens, users } from "~/db/schema";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale, type Locale } from "~/i18n/i18n";
import { sha256 } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { conflict, type DomainError, invalid, isDomainError, tooMany } from "~/lib/errors";
import { sendMail } from "~/lib/mail.server";
import { hitRateLimit, releaseRateLimit, resetRateLimit } from "~/lib/rate-limit.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatDateTime } from "~/ui/format";
import { hashPassword, verifyAgainstDummy, verifyPassword } from "./password.server";
import { announceSessionsChanged, revokeAllSessions } from "./sessions.server";
import { consumeToken, issueToken, retireTokens, tokenExpiry } from "./tokens.server";

/** When a mailed link stops working, as its recipient reads it: in their zone, zone named. */
function expiryForMail(expiresAt: Date, locale: Locale, timeZone: string): string {
  return formatDateTime(expiresAt, locale, canonicalTimeZone(timeZone) ?? DEFAULT_TIME_ZONE, "id");
}

function link(path: string, params: Record<string, string | undefined> = {}): string {
  const url = new URL(path, getEnv().PUBLIC_URL);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

async function sendVerification(
  options: {
    userId: string;
    email: string;
    displayName: string;
    locale: Locale;
    timeZone: string;
    /** Where the person goes after confirming and signing in (sign-up: onboarding or an invitation). */
    next?: string;
  },
  // Sign-up passes its transaction: the account, its link and the mail's job commit together, so
  // a crash in between never leaves an account nobody was told how to confirm.
  db: Db = getDb(),
) {
  // Only the newest link works: an older one (perhaps to a mistyped address) must not be able
  // to change the account's email later.
  await retireTokens(db, options.userId, "verify_email");
  const expiresAt = tokenExpiry("verify_email");
  const token = await issueToken(db, {
    userId: options.userId,
    purpose: "verify_email",
    email: options.email,
    expiresAt,
  });
  const t = translatorFor(options.locale);
  await sendMail(
    {
      to: options.email,
      subject: t("mail.verify.subject"),
      text: t("mail.verify.body", {
        name: options.displayName,
        link: link("/verify-email", { token, next: options.next }),
        until: expiryForMail(expiresAt, options.locale, options.timeZone),
      }),
    },
    { tx: db === getDb() ? undefined : db },
  );
}

/**
 * Starts an account, without telling whether the address already has one (sign-up must not be
 * a way to test addresses): a new address gets an unverified account and a verification link;
 * an address that has an account gets a mail saying so, with links to sign in and to reset the
 * password, and nothing changes. Either way nobody is signed in: the link leads to sign-in, then
 * to `next` (onboarding, or the invitation the person signed up through).
 */
export async function signUp(options: {
  displayName: string;
  email: string;
  password: string;
  role: "owner" | "educator";
  locale: Locale;
  /** IANA zone, already checked with canonicalTimeZone. */
  timeZone: string;
  ip: string;
  next: string;
}): Promise<void> {
  const limit = await hitRateLimit(`signup:ip:${options.ip}`, 10, 3600);
  if (!limit.allowed) {
    throw tooManyAttempts(limit.retryAfterSeconds);
  }
  // Hashed for a taken address too, so that both answers take the same time.
  const passwordHash = await hashPassword(options.password);
  const created = await getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(users)
      .values({
        email: options.email,
        passwordHash,
        displayName: options.displayName,
        role: options.role,
        locale: options.locale,
        timeZone: options.timeZone,
      })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id });
    if (row) {
      await sendVerification(
        {
          userId: row.id,
          email: options.email,
          displayName: options.displayName,
          locale: options.locale,
          timeZone: options.timeZone,
          next: options.next,
        },
        tx,
      );
    }
    return row;
  });
  if (created) return;
  // Past a few sign-ups a day for one address, its owner's inbox is left alone.
  const perEmail = await hitRateLimit(`signup:email:${options.email}`, 3, 86400);
  if (!perEmail.allowed) return;
  const [owner] = await getDb()
    .select({ displayName: users.displayName, locale: users.locale })
    .from(users)
    .where(eq(users.email, options.email));
  if (!owner) return;
  const t = translatorFor(isLocale(owner.locale) ? owner.locale : "en");
  await sendMail({
    to: options.email,
    subject: t("mail.accountExists.subject"),
    text: t("mail.accountExists.body", {
      name: owner.displayName,
      signIn: link("/signin", {
        next: options.next === "/onboarding/profile" ? undefined : options.next,
      }),
      reset: link("/forgot-password"),
    }),
  });
}

/** Sends a fresh verification link for the person's current address. */
export async function resendVerification(userId: string): Promise<void> {
  const limit = await hitRateLimit(`verify:user:${userId}`, 5, 3600);
  if (!limit.allowed) {
    throw tooManyAttempts(limit.retryAfterSeconds);
  }
  const [user] = await getDb()
    .select({
      email: users.email,
      displayName: users.displayName,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  await sendVerification({ userId, ...user, locale: user.locale as Locale });
}

/**
 * Uses a verification token: marks the address verified, and for a changed email makes the new
 * address the account's. Fails for an unknown, used or expired token, or when another account
 * took the address meanwhile (the token then stays unused).
 */
export async function verifyEmail(
  token: string,
): Promise<{ ok: true; userId: string } | { ok: false; reason: "invalid" | "taken" }> {
  let result:
    | { ok: true; userId: string; previous: { email: string; displayName: string; locale: string } }
    | { ok: false; reason: "invalid" | "taken" };
  try {
    result = await getDb().transaction(async (tx) => {
      const used = await consumeToken(tx, { token, purpose: "verify_email" });
      if (!used) return { ok: false, reason: "invalid" } as const;
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, used.email), ne(users.id, used.userId)));
      if (other) throw conflict("auth.emailTaken", "email");
      const [previous] = await tx
        .select({ email: users.email, displayName: users.displayName, locale: users.locale })
        .from(users)
        .where(eq(users.id, used.userId));
      await tx
        .update(users)
        .set({ email: used.email, emailVerifiedAt: new Date(), updatedAt: new Date() })
        .where(eq(users.id, used.userId));
      // Any other link still out there (perhaps to a mistyped address) stops working.
      await retireTokens(tx, used.userId, "verify_email");
      return {
        ok: true,
        userId: used.userId,
        previous: { ...previous, newEmail: used.email },
      } as const;
    });
  } catch (error) {
    if (isDomainError(error) && error.messageKey === "auth.emailTaken")
      return { ok: false, reason: "taken" };
    throw error;
  }
  if (!result.ok) return result;
  const previous = result.previous as {
    email: string;
    displayName: string;
    locale: string;
    newEmail: string;
  };
  if (previous.email !== previous.newEmail) {
    // Tell the old address, so that a change nobody asked for does not go unnoticed.
    const t = translatorFor(isLocale(previous.locale) ? previous.locale : "en");
    await sendMail({
      to: previous.email,
      subject: t("mail.emailChanged.subject"),
      text: t("mail.emailChanged.body", { name: previous.displayName, email: previous.newEmail }),
    });
  }
  return { ok: true, userId: result.userId };
}

/** Throttles for password checks: the guesser is slowed down, never the account's owner. */
const signInLimits = {
  /** Failures per account from one address: where a guesser usually stops. */
  accountAndAddress: { limit: 5, windowSeconds: 900 },
  /** Failures per account from every address together: guessing spread over many machines. */
  account: { limit: 50, windowSeconds: 900 },
  /** Attempts from one address, whatever the account. */
  address: { limit: 100, windowSeconds: 900 },
  /** Wrong current passwords per signed-in account (email and password change). */
  currentPassword: { limit: 5, windowSeconds: 900 },
};

/** Too many attempts: the form says in how many minutes to try again. */
function tooManyAttempts(retryAfterSeconds: number): DomainError {
  return tooMany("auth.tooManyAttempts", {
    field: "form",
    values: { minutes: Math.ceil(retryAfterSeconds / 60) },
    retryAfterSeconds,
  });
}

/**
 * Checks a sign-in. Failures are counted per account and address (5 in 15 minutes), so that
 * somebody guessing from elsewhere cannot lock the owner out, with a much higher ceiling per
 * account (50) for guessing spread over many addresses, and per address (100 attempts).
 * Attempts are counted before the (slow) password check, so parallel guesses are counted too;
 * a success takes its count back. Unknown email and wrong password give the same answer, in the
 * same time.
 */
export async function checkSignIn(options: {
  email: string;
  password: string;
  ip: string;
}): Promise<{ userId: string }> {
  const { accountAndAddress, account, address } = signInLimits;
  const pairKey = `signin:account-address:${options.email}:${options.ip}`;
  const accountKey = `signin:account:${options.email}`;
  const results = [
    await hitRateLimit(`signin:ip:${options.ip}`, address.limit, address.windowSeconds),
    await hitRateLimit(pairKey, accountAndAddress.limit, accountAndAddress.windowSeconds),
    await hitRateLimit(accountKey, account.limit, account.windowSeconds),
  ];
  const refused = results.filter((r) => !r.allowed);
  if (refused.length) throw tooManyAttempts(Math.max(...refused.map((r) => r.retryAfterSeconds)));
  const [user] = await getDb()
    .select({ id: users.id, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, options.email));
  if (!user) {
    await verifyAgainstDummy(options.password);
    throw invalid("auth.wrongCredentials", "form");
  }
  if (!(await verifyPassword(user.passwordHash, options.password))) {
    throw invalid("auth.wrongCredentials", "form");
  }
  await resetRateLimit(pairKey);
  await releaseRateLimit(accountKey);
  return { userId: user.id };
}

/**
 * Emails a reset link (valid one hour, single use) when the address has an account; does the
 * same visible thing when it has not.
 */
export async function requestPasswordReset(options: {
  email: string;
  ip: string;
  /** The form's submission key: the same form sent again does not mail again. */
  submissionKey?: string;
}): Promise<void> {
  const limit = await hitRateLimit(`reset:ip:${options.ip}`, 10, 3600);
  const perEmail = await hitRateLimit(`reset:email:${options.email}`, 3, 3600);
  if (!limit.allowed) {
    throw tooManyAttempts(limit.retryAfterSeconds);
  }
  // Past the per-address limit we stay silent rather than reveal that the address exists.
  if (!perEmail.allowed) return;
  const [user] = await getDb()
    .select({
      id: users.id,
      displayName: users.displayName,
      locale: users.locale,
      timeZone: users.timeZone,
    })
    .from(users)
    .where(eq(users.email, options.email));
  if (!user) return;
  const expiresAt = tokenExpiry("reset_password");
  const token = await issueToken(getDb(), {
    userId: user.id,
    purpose: "reset_password",
    email: options.email,
    expiresAt,
  });
  const t = translatorFor(user.locale as Locale);
  await sendMail(
    {
      to: options.email,
      subject: t("mail.reset.subject"),
      text: t("mail.reset.body", {
        name: user.displayName,
        link: link("/reset-password", { token }),
        until: expiryForMail(expiresAt, user.locale as Locale, user.timeZone),
      }),
    },
    { key: options.submissionKey ? `reset:${options.submissionKey}:${options.email}` : undefined },
  );
}

/** Sets a new password from a reset token and signs the account out everywhere. */
export async function resetPassword(options: {
  token: string;
  password: string;
  ip: string;
}): Promise<boolean> {
  // Hashing is deliberately slow; refuse floods before doing it, and unknown tokens cheaply.
  const limit = await hitRateLimit(`reset-submit:ip:${options.ip}`, 20, 3600);
  if (!limit.allowed) {
    throw tooManyAttempts(limit.retryAfterSeconds);
  }
  const [known] = await getDb()
    .select({ id: authTokens.id })
    .from(authTokens)
    .where(
      and(
        eq(authTokens.id, sha256(options.token)),
        eq(authTokens.purpose, "reset_password"),
        isNull(authTokens.usedAt),
      ),
    );
  if (!known) return false;
  const passwordHash = await hashPassword(options.password);
  const resetFor = await getDb().transaction(async (tx) => {
    const used = await consumeToken(tx, { token: options.token, purpose: "reset_password" });
    if (!used) return null;
    const changed = await tx
      .update(users)
      // Reading the reset mail proves the address too.
      .set({ passwordHash, emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(users.id, used.userId), eq(users.email, used.email)))
      .returning({ id: users.id });
    // The account's address changed since the link was sent: the link no longer speaks for it.
    if (!changed.length) return null;
    await retireTokens(tx, used.userId, "reset_password");
    await revokeAllSessions({ userId: used.userId, db: tx });
    return used.userId;
  });
  if (resetFor) await announceSessionsChanged(resetFor);
  return resetFor !== null;
}

/**
 * Checks the signed-in person's current password (before changing the password or email), so
 * that a session left open is not enough; throttled like sign-in, so that it cannot be used to
 * guess the password either.
 */
export async function requireCurrentPassword(userId: string, password: string) {
  const key = `current-password:user:${userId}`;
  const { limit, windowSeconds } = signInLimits.currentPassword;
  const attempt = await hitRateLimit(key, limit, windowSeconds);
  if (!attempt.allowed) {
    throw tooMany("auth.currentPasswordTooMany", { field: "currentPassword" });
  }
  const [user] = await getDb()
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId));
  if (!user || !(await verifyPassword(user.passwordHash, password))) {
    throw invalid("auth.currentPasswordWrong", "currentPassword");
  }
  await resetRateLimit(key);
}

/** Changes the password after checking the current one; other sessions are signed out. */
export async function changePassword(options: {
  userId: string;
  sessionId: string;
  currentPassword: string;
  newPassword: string;
}): Promise<void> {
  await requireCurrentPassword(options.userId, options.currentPassword);
  const passwordHash = await hashPassword(options.newPassword);
  await getDb().transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: new Date() })
      .where(eq(users.id, options.userId));
    await revokeAllSessions({ userId: options.userId, exceptSessionId: options.sessionId, db: tx });
  });
  await announceSessionsChanged(options.userId);
}

/**
 * Starts an email change: the new address gets a verification link and becomes the account's
 * address only when that link is used.
 */
export async function requestEmailChange(options: {
  userId: string;
  email: string;
  currentPassword: string;
}): Promise<void> {
  await requireCurrentPassword(options.userId, options.currentPassword);
  const [taken] = await getDb()
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, options.email));
  if (taken) throw conflict("auth.emailTaken", "email");
  const [user] = await getDb()
    .select({ displayName: users.displayName, locale: users.locale, timeZone: users.timeZone })
    .from(users)
    .where(eq(users.id, options.userId));
  await sendVerification({
    userId: options.userId,
    email: options.email,
    displayName: user.displayName,
    locale: user.locale as Locale,
    timeZone: user.timeZone,
  });
}

/** Saves the interface language chosen by the person. */
export async function saveLocale(options: { userId: string; locale: Locale }): Promise<void> {
  await getDb().update(users).set({ locale: options.locale }).where(eq(users.id, options.userId));
}
