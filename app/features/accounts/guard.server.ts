import { type AppLoadContext, redirect } from "react-router";
import type { CurrentUser } from "~/lib/context";
import { httpError } from "~/lib/errors";

/** The signed-in person, or a redirect to sign-in that comes back to this page afterwards. */
export async function requireUser(
  context: AppLoadContext,
  request: Request,
): Promise<{ user: CurrentUser; sessionId: string }> {
  const auth = await context.auth();
  if (!auth) {
    const url = new URL(request.url);
    throw redirect(`/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
  }
  return auth;
}

/** The signed-in admin; anyone else gets 403 (or sign-in first). */
export async function requireAdmin(context: AppLoadContext, request: Request) {
  const auth = await requireUser(context, request);
  if (!auth.user.isAdmin) throw httpError(403);
  return auth;
}

/**
 * Only paths on this site may be redirect targets. Browsers drop tabs and newlines and read
 * backslashes as slashes, so "/\t/evil.example" would leave the site: anything with those, or
 * that resolves to another origin, falls back.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.length > 2000) {
    return fallback;
  }
  const hasControlOrSpace = [...target].some((c) => c <= " " || c === "\u007f" || c === "\\");
  if (hasControlOrSpace) return fallback;
  try {
    const base = new URL("http://synergy.invalid");
    const resolved = new URL(target, base);
    if (resolved.origin !== base.origin) return fallback;
    return resolved.pathname + resolved.search + resolved.hash;
  } catch {
    return fallback;
  }
}

/** A signed-in person whose email address is confirmed (needed to write in networks). */
export async function requireVerifiedUser(context: AppLoadContext, request: Request) {
  const auth = await requireUser(context, request);
  if (!auth.user.emailVerified) throw httpError(403, "auth.verifyFirst");
  return auth;
}
