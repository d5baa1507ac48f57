import { and, asc, eq, gt, gte, sql } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { calendarSubscriptions, eventRsvps, events, networkMembers, users } from "~/db/schema";
import { translatorFor } from "~/i18n/catalogue.server";
import { type Locale, locales } from "~/i18n/i18n";
import { randomToken, sha256 } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { ttlCache } from "~/lib/ttl-cache";
import { calendarEvent, calendarFile } from "./calendar.server";

/** How far back the feed reaches: calendar apps keep what they saw, so a month is plenty. */
export const FEED_PAST_DAYS = 30;
/** An event lasts at most 14 days (schema.ts): the start bound that lets the index serve. */
const LONGEST_EVENT_MS = 14 * 86_400_000;
/** A feed never grows past this many events (the soonest past the window's start). */
export const FEED_MAX_EVENTS = 2000;
/** Polls of one feed per window: calendar apps poll every 15 minutes to a day. */
const FEED_HITS = 30;
/** Unknown tokens tried from one address per window before it is told to slow down. */
const MISSES_PER_IP = 20;
const WINDOW_SECONDS = 600;

// Writing the calendar text (time-zone rules, folding) costs far more than reading the rows, and
// a feed seldom changes between two polls. The text is a pure function of the rows, the person's
// language and this installation's URL, so it is kept under a hash of exactly those: a changed
// event, answer or membership makes another key, and nothing stale is ever served.
const renderedFeeds = ttlCache<string, string>({ ttlMs: 15 * 60_000, maxEntries: 200 });

/** A token as it appears in a feed URL: 32 random bytes, base64url (43 characters). */
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The feed's URLs for a token: https for a browser, webcal for calendar apps. */
export function feedUrls(token: string): { https: string; webcal: string } {
  const https = `${getEnv().PUBLIC_URL}/calendar/${token}.ics`;
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/**
 * Makes a new subscription token for the person, replacing (and so revoking) any earlier one in
 * the same statement. The token is returned once; only its hash is stored.
 */
export async function createCalendarToken(userId: string): Promise<string> {
  const token = randomToken();
  const tokenHash = sha256(token);
  await getDb()
    .insert(calendarSubscriptions)
    .values({ userId, tokenHash })
    .onConflictDoUpdate({
      target: calendarSubscriptions.userId,
      set: { tokenHash, createdAt: sql`now()` },
    });
  return token;
}

/** Revokes the person's subscription: the old URL answers 404 from now on. */
export async function revokeCalendarToken(userId: string): Promise<void> {
  await getDb().delete(calendarSubscriptions).where(eq(calendarSubscriptions.userId, userId));
}

/** When the person's current subscription was made (null: none). */
export async function calendarSubscriptionOf(userId: string): Promise<{ createdAt: Date } | null> {
  const [row] = await getDb()
    .select({ createdAt: calendarSubscriptions.createdAt })
    .from(calendarSubscriptions)
    .where(eq(calendarSubscriptions.userId, userId));
  return row ?? null;
}

export type FeedResult =
  | { kind: "ok"; text: string; etag: string }
  | { kind: "unknown" }
  | { kind: "tooMany"; retryAfterSeconds: number };

/**
 * The calendar file behind a feed token: every event (recent and upcoming, cancelled ones
 * marked so calendar apps drop them) of the networks the person is an active member of, each
 * as `calendarEvent` shows it to them (the meeting link only where they are going or
 * facilitate). A malformed, revoked or replaced token, or one whose person was deleted, is
 * "unknown", all alike. Polls are limited per token; unknown tokens per address.
 */
export async function calendarFeed(options: {
  token: string;
  ip: string;
  now?: Date;
}): Promise<FeedResult> {
  const now = options.now ?? new Date();
  const owner = TOKEN.test(options.token) ? await ownerOf(sha256(options.token)) : null;
  if (!owner) {
    const limit = await hitRateLimit(`calendar:miss:${options.ip}`, MISSES_PER_IP, WINDOW_SECONDS);
    return limit.allowed
      ? { kind: "unknown" }
      : { kind: "tooMany", retryAfterSeconds: limit.retryAfterSeconds };
  }
  const limit = await hitRateLimit(`calendar:feed:${owner.id}`, FEED_HITS, WINDOW_SECONDS);
  if (!limit.allowed) return { kind: "tooMany", retryAfterSeconds: limit.retryAfterSeconds };
  const rows = await feedRows(owner.id, now);
  const key = sha256(JSON.stringify([owner.locale, getEnv().PUBLIC_URL, rows]));
  const text = await renderedFeeds.get(key, async () => {
    const entries = rows.map((r) =>
      calendarEvent(r.event, { answer: r.answer, isFacilitator: r.role === "facilitator" }),
    );
    return calendarFile(entries, translatorFor(owner.locale)("calendars.feedName"));
  });
  return { kind: "ok", text, etag: `"${key.slice(0, 32)}"` };
}

async function ownerOf(tokenHash: string) {
  const [row] = await getDb()
    .select({ id: users.id, locale: users.locale })
    .from(calendarSubscriptions)
    .innerJoin(users, eq(users.id, calendarSubscriptions.userId))
    .where(eq(calendarSubscriptions.tokenHash, tokenHash));
  if (!row) return null;
  const locale: Locale = (locales as readonly string[]).includes(row.locale)
    ? (row.locale as Locale)
    : "en";
  return { id: row.id, locale };
}

/**
 * The feed's events with the person's answer and role, read through the person's active
 * memberships and the (network, starts_at) index. Whole rows, so that whatever the calendar
 * writer needs (series rules included) reaches it.
 */
async function feedRows(userId: string, now: Date) {
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  return getDb()
    .select({ event: events, answer: eventRsvps.status, role: networkMembers.role })
    .from(networkMembers)
    .innerJoin(events, eq(events.networkId, networkMembers.networkId))
    .leftJoin(eventRsvps, and(eq(eventRsvps.eventId, events.id), eq(eventRsvps.userId, userId)))
    .where(
      and(
        eq(networkMembers.userId, userId),
        eq(networkMembers.status, "active"),
        gte(events.startsAt, new Date(from.getTime() - LONGEST_EVENT_MS)),
        gt(events.endsAt, from),
      ),
    )
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(FEED_MAX_EVENTS);
}
