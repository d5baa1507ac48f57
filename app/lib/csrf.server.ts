import { cookieNames, readCookie, serializeCookie } from "./cookies.server";
import { hmac, randomToken, sha256 } from "./crypto.server";
import { getEnv } from "./env.server";

/**
 * The CSRF cookie's name: `__Host-` on https, so that no other host (a sibling subdomain) can
 * plant it; browsers only accept that prefix on Secure cookies.
 */
export function csrfCookieName(): string {
  return getEnv().secureCookies ? `__Host-${cookieNames.csrf}` : cookieNames.csrf;
}

/** The Set-Cookie header of a new anonymous pre-session id (first visit, sign-in, sign-out). */
export function newCsrfCookie(id = randomToken()): string {
  return serializeCookie(csrfCookieName(), id);
}

/**
 * The CSRF token every state-changing form must send back: an HMAC, with the server secret, of
 * the session (signed in) or of the anonymous pre-session id in the CSRF cookie. The cookie
 * itself is never the token, so a planted cookie forges nothing, and a new session (sign-in)
 * means a new token. Returns the token and, when the request had no usable pre-session id, the
 * cookie to set.
 */
export function csrfTokenFor(
  cookieHeader: string | undefined,
  secret: string,
): { token: string; setCookie?: string } {
  const session = readCookie(cookieHeader, cookieNames.session);
  let preSession = readCookie(cookieHeader, csrfCookieName());
  let setCookie: string | undefined;
  if (!preSession || preSession.length < 20 || preSession.length > 100) {
    preSession = randomToken();
    setCookie = newCsrfCookie(preSession);
  }
  const bound = session ? `session:${sha256(session)}` : `anonymous:${preSession}`;
  return { token: hmac(secret, `csrf:${bound}`), setCookie };
}
