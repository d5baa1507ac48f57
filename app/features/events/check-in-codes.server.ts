import { createHmac } from "node:crypto";
import { safeEqual } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";

/**
 * Personal check-in codes (decision 017): an HMAC of the event and the person under the
 * installation's signing secret, so nothing is stored, a code is bound to one event and one
 * person, and nobody can make one without the secret. The short code is 8 characters of an
 * alphabet without look-alikes (no 0/O, 1/I/L), typed as "ABCD-EFGH": 40 bits, plenty to tell
 * the people of one event apart and too many to guess at a door.
 */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
export const CODE_LENGTH = 8;

/** The person's short code for the event (undashed). */
export function checkInCode(secret: string, eventId: string, userId: string): string {
  const digest = createHmac("sha256", secret).update(`check-in:${eventId}:${userId}`).digest();
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) {
    // 31 letters: the modulo bias of a byte is irrelevant for a code nobody chooses.
    code += CODE_ALPHABET[digest[i] % CODE_ALPHABET.length];
  }
  return code;
}

/** A code as people read it: two groups of four. */
export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/**
 * What a person typed or a scanner read, as a bare code: spaces and dashes dropped, upper
 * case. A scanned check-in link gives its `code` parameter and the event id in its path (so a
 * QR code of another event is recognised as such). Null when it cannot be a code.
 */
export function readCode(input: string): { code: string; eventId: string | null } | null {
  const text = input.trim();
  if (text.length === 0 || text.length > 500) return null;
  let eventId: string | null = null;
  let raw = text;
  const link = /\/events\/([0-9a-f-]{36})\/check-in\?(?:.*&)?code=([A-Za-z0-9-]+)/i.exec(text);
  if (link) {
    eventId = link[1].toLowerCase();
    raw = link[2];
  }
  const code = raw.toUpperCase().replace(/[\s-]/g, "");
  if (code.length !== CODE_LENGTH || ![...code].every((c) => CODE_ALPHABET.includes(c))) {
    return null;
  }
  return { code, eventId };
}

/** Whether `code` is this person's code for this event (constant-time comparison). */
export function isCheckInCode(
  secret: string,
  eventId: string,
  userId: string,
  code: string,
): boolean {
  return safeEqual(checkInCode(secret, eventId, userId), code);
}

/** The address a person's QR code holds: the check-in page with their code filled in. */
export function checkInLink(networkId: string, eventId: string, code: string): string {
  return new URL(
    `/networks/${networkId}/events/${eventId}/check-in?code=${code}`,
    getEnv().PUBLIC_URL,
  ).href;
}
