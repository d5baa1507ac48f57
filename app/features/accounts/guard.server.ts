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

/** Only same-site relative paths may be redirect targets. */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || !target.startsWith("/") || target.startsWith("//")) {
    return fallback;
  }
  if (target.includes("\\")) return fallback;
  return target;
}
