import { type AppLoadContext, redirect } from "react-router";
import type { CurrentUser } from "~/lib/context";
import { hasControlCharacters } from "~/lib/control-characters";

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

/**
 * The one check for every redirect target taken from input (`next`, `redirectTo`): only paths on
 * this site pass, anything else falls back. Browsers drop tabs and newlines and read backslashes
 * as slashes, so "/\t/evil.example" would leave the site; dot segments can also turn a local
 * looking target into "//evil.example" ("/..//evil.example", "/%2e%2e//evil.example"), which a
 * browser reads as another host. So the target is resolved first and the result checked again.
 */
export function safeRedirect(target: unknown, fallback = "/"): string {
  if (typeof target !== "string" || target.length > 2000) return fallback;
  if (!isLocalPath(target)) return fallback;
  const base = new URL("http://synergy.invalid");
  let resolved: URL;
  try {
    resolved = new URL(target, base);
  } catch {
    return fallback;
  }
  if (resolved.origin !== base.origin) return fallback;
  const path = resolved.pathname + resolved.search + resolved.hash;
  return isLocalPath(path) ? path : fallback;
}

/** A path that starts with one slash and holds nothing a browser might read as another host. */
function isLocalPath(path: string): boolean {
  // Spaces, control characters and backslashes anywhere; "//", "/\\" or an encoded slash or
  // backslash right after the first slash.
  if (hasControlCharacters(path, false) || path.includes(" ") || path.includes("\\")) {
    return false;
  }
  return path.startsWith("/") && !/^\/(\/|%2f|%5c)/i.test(path);
}
