import { eq } from "drizzle-orm";
import { getDb } from "~/db/client.server";
import { users } from "~/db/schema";
import type { Auth } from "~/lib/context";
import { readCookie } from "~/lib/cookies.server";
import {
  canonicalTimeZone,
  FALLBACK_TIME_ZONE,
  listTimeZones,
  TIME_ZONE_COOKIE,
  timeZoneForLocale,
} from "~/lib/time-zones";
import { formatTimeZoneOption } from "~/ui/format";

/** The zone the browser reported in its cookie, when it is one we accept. */
export function browserTimeZone(cookieHeader: string | null | undefined): string | null {
  return canonicalTimeZone(readCookie(cookieHeader, TIME_ZONE_COOKIE));
}

/**
 * The zone a page shows times in: the account's when signed in, else the browser's (from the
 * cookie its script sets), else UTC. `known` is false for that last case, so the page can say so.
 */
export function resolveTimeZone(
  auth: Auth,
  cookieHeader: string | null | undefined,
): { timeZone: string; known: boolean } {
  if (auth) return { timeZone: auth.user.timeZone, known: true };
  const browser = browserTimeZone(cookieHeader);
  return browser
    ? { timeZone: browser, known: true }
    : { timeZone: FALLBACK_TIME_ZONE, known: false };
}

/**
 * The zone proposed at sign-up before the page's script replaces it with the browser's: the
 * browser's cookie, else a guess from the interface language (see timeZoneForLocale).
 */
export function proposedTimeZone(cookieHeader: string | null | undefined, locale: string): string {
  return browserTimeZone(cookieHeader) ?? timeZoneForLocale(locale);
}

/** Sets a person's time zone (already checked with canonicalTimeZone by the route). */
export async function changeTimeZone(options: { userId: string; timeZone: string }): Promise<void> {
  await getDb()
    .update(users)
    .set({ timeZone: options.timeZone, updatedAt: new Date() })
    .where(eq(users.id, options.userId));
}

export type TimeZoneGroup = { region: string; zones: { value: string; label: string }[] };

/**
 * Every zone a person may choose, grouped by region ("Europe", "America", …) and labelled with
 * its current offset ("Athens (UTC+02:00)"). Built on the server and sent with the page, so that
 * the browser's own (possibly different) zone list never changes what is rendered.
 */
export function timeZoneGroups(now: Date = new Date()): TimeZoneGroup[] {
  // Built once an hour: a label may show the old offset for less than an hour after a change.
  const hour = Math.floor(now.getTime() / 3_600_000);
  if (groupsCache?.hour !== hour) groupsCache = { hour, groups: buildGroups(now) };
  return groupsCache.groups;
}

let groupsCache: { hour: number; groups: TimeZoneGroup[] } | undefined;

function buildGroups(now: Date): TimeZoneGroup[] {
  const groups = new Map<string, TimeZoneGroup>();
  for (const zone of listTimeZones()) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "UTC";
    let group = groups.get(region);
    if (!group) {
      group = { region, zones: [] };
      groups.set(region, group);
    }
    group.zones.push({ value: zone, label: formatTimeZoneOption(zone, now) });
  }
  return [...groups.values()].sort((a, b) => a.region.localeCompare(b.region));
}
