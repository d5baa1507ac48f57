import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { queryParsed, uuidArray } from "~/db/client.server";
import { eventKinds } from "~/db/enums";
import { isCountry, isLanguage } from "~/features/taxonomy/vocabulary.server";
import type { Cursor } from "~/lib/cursor";
import { invalid } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { afterCursorSql, cursorAtSql, keysetPage } from "~/lib/keyset.server";
import { instantFromWallClock, wallClockAt } from "~/lib/time-zones";

/**
 * Calendars across networks (decision 017): a person's agenda (the events of their networks,
 * as a list and as a month), the installation-wide list of open events, and the next meeting
 * of each network. Every query reads the (network, starts_at) or (starts_at) index of events.
 */

/** An event lasts at most 14 days (schema.ts): lets "not yet ended" use the start index. */
const LONGEST_EVENT = sql`interval '14 days'`;

const agendaRow = z.object({
  id: z.string(),
  network_id: z.string(),
  network_name: z.string(),
  title: z.string(),
  kind: z.enum(eventKinds),
  venue: z.string(),
  language: z.string(),
  starts_at: z.coerce.date(),
  ends_at: z.coerce.date(),
  cancelled: z.boolean(),
  answer: z.enum(["going", "waiting", "maybe", "not_going"]).nullable(),
  cursor_at: z.string(),
});
export type AgendaRow = z.infer<typeof agendaRow>;

/** What a list shows of an event (instants as ISO text for the page). */
export function listedAgendaEvent(r: AgendaRow) {
  return {
    id: r.id,
    networkId: r.network_id,
    networkName: r.network_name,
    title: r.title,
    kind: r.kind,
    venue: r.venue,
    language: r.language,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    cancelled: r.cancelled,
    answer: r.answer,
  };
}

/** Rows after a cursor in a soonest-first list on (starts_at, id). */
function afterAscendingSql(after: Cursor): SQL {
  return sql`(e.starts_at, e.id) > (${after.at}::timestamptz, ${after.id}::uuid)`;
}

const agendaColumns = (userId: string) => sql`
  e.id, e.network_id, n.name as network_name, e.title, e.kind, e.venue, e.language,
  e.starts_at, e.ends_at, e.cancelled_at is not null as cancelled,
  (select r.status from event_rsvps r where r.event_id = e.id and r.user_id = ${userId}) as answer,
  ${cursorAtSql("e.starts_at")}`;

/** The networks whose events are in a person's agenda and feed: those they are active in. */
const myNetworks = (userId: string) => sql`
  select m.network_id from network_members m where m.user_id = ${userId} and m.status = 'active'`;

/**
 * A person's agenda as a list: the events of the networks they are an active member of, with
 * their answer. "upcoming": not yet ended, soonest first; "past": ended, latest first. Keyset
 * pages of `limit`.
 */
export async function listAgenda(options: {
  userId: string;
  when: "upcoming" | "past";
  after: Cursor | null;
  now?: Date;
  limit?: number;
}) {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 20;
  const upcoming = options.when === "upcoming";
  const where: SQL[] = [
    sql`e.network_id in (${myNetworks(options.userId)})`,
    upcoming
      ? sql`e.ends_at > ${now} and e.starts_at > ${now}::timestamptz - ${LONGEST_EVENT}`
      : sql`e.ends_at <= ${now}`,
  ];
  if (options.after) {
    where.push(
      upcoming
        ? afterAscendingSql(options.after)
        : afterCursorSql(options.after, "e.starts_at", "e.id"),
    );
  }
  const rows = await queryParsed(
    agendaRow,
    sql`select ${agendaColumns(options.userId)}
        from events e join networks n on n.id = e.network_id
        where ${sql.join(where, sql` and `)}
        order by ${upcoming ? sql`e.starts_at asc, e.id asc` : sql`e.starts_at desc, e.id desc`}
        limit ${limit + 1}`,
  );
  const { page, next } = keysetPage(rows, limit);
  return { events: page.map(listedAgendaEvent), next };
}

/** A month as the query string names it ("2027-06"); years 2000–2100. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-\d{2}$/)
  .transform((v) => ({ year: Number(v.slice(0, 4)), month: Number(v.slice(5, 7)) }))
  .refine((m) => m.year >= 2000 && m.year <= 2100 && m.month >= 1 && m.month <= 12);

export type Month = { year: number; month: number };

/** The month a `?month=` value names, the month of `now` in the zone when absent; 400 otherwise. */
export function readMonth(value: string | null, timeZone: string, now = new Date()): Month {
  if (value === null || value === "") {
    const w = wallClockAt(now, timeZone);
    return { year: w.year, month: w.month };
  }
  const parsed = monthSchema.safeParse(value);
  if (!parsed.success) throw invalid("calendars.monthInvalid");
  return parsed.data;
}

/** The month before or after, as "YYYY-MM" (null past the range the page accepts). */
export function shiftMonth(m: Month, by: 1 | -1): string | null {
  const index = m.year * 12 + (m.month - 1) + by;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  if (year < 2000 || year > 2100) return null;
  return `${year}-${String(month).padStart(2, "0")}`;
}

export type MonthDay = {
  /** "2027-06-15" in the viewer's zone; null for the cells before the 1st and after the last. */
  date: string | null;
  day: number | null;
  events: ReturnType<typeof listedAgendaEvent>[];
};

/**
 * A person's agenda as a month grid in their zone: weeks from Monday, each event on the day it
 * starts in that zone (23:30 UTC is the next day in Helsinki). At most 500 events a month.
 */
export async function agendaMonth(options: {
  userId: string;
  month: Month;
  timeZone: string;
}): Promise<MonthDay[][]> {
  const { year, month } = options.month;
  const from = instantFromWallClock({ year, month, day: 1, hour: 0, minute: 0 }, options.timeZone);
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const to = instantFromWallClock({ ...next, day: 1, hour: 0, minute: 0 }, options.timeZone);
  const rows = await queryParsed(
    agendaRow,
    sql`select ${agendaColumns(options.userId)}
        from events e join networks n on n.id = e.network_id
        where e.network_id in (${myNetworks(options.userId)})
          and e.starts_at >= ${from} and e.starts_at < ${to}
        order by e.starts_at asc, e.id asc
        limit 500`,
  );
  const byDay = new Map<number, ReturnType<typeof listedAgendaEvent>[]>();
  for (const r of rows) {
    const day = wallClockAt(r.starts_at, options.timeZone).day;
    byDay.set(day, [...(byDay.get(day) ?? []), listedAgendaEvent(r)]);
  }
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  // Monday first: Sunday (0) is the seventh column.
  const lead = (new Date(Date.UTC(year, month - 1, 1)).getUTCDay() + 6) % 7;
  const cells: MonthDay[] = [
    ...Array.from({ length: lead }, () => ({ date: null, day: null, events: [] })),
    ...Array.from({ length: days }, (_, i) => ({
      date: `${year}-${String(month).padStart(2, "0")}-${String(i + 1).padStart(2, "0")}`,
      day: i + 1,
      events: byDay.get(i + 1) ?? [],
    })),
  ];
  while (cells.length % 7 !== 0) cells.push({ date: null, day: null, events: [] });
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Filters of the list of open events, from the query string: unknown values are refused. */
export const openEventFilterSchema = z.object({
  kind: z.enum(eventKinds).optional(),
  language: z
    .string()
    .refine((v) => /^[a-z]{2,3}$/.test(v) && isLanguage(v))
    .optional(),
  country: z
    .string()
    .refine((v) => /^[A-Z]{2}$/.test(v) && isCountry(v))
    .optional(),
});
export type OpenEventFilters = z.infer<typeof openEventFilterSchema>;

/** Reads the filters (empty values are "any"); anything else unknown is a 400. */
export function readOpenEventFilters(params: URLSearchParams): OpenEventFilters {
  const raw: Record<string, string> = {};
  for (const key of ["kind", "language", "country"]) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = openEventFilterSchema.safeParse(raw);
  if (!parsed.success) throw invalid("calendars.filterInvalid");
  return parsed.data;
}

const openRow = agendaRow.omit({ answer: true }).extend({ countries: z.array(z.string()) });

/**
 * Upcoming events of open networks (those anyone may read), soonest first, cancelled ones left
 * out: by kind, by the event's language, by a country of its network. Keyset pages.
 */
export async function listOpenEvents(options: {
  filters: OpenEventFilters;
  after: Cursor | null;
  now?: Date;
  limit?: number;
}) {
  const now = options.now ?? new Date();
  const limit = options.limit ?? 20;
  const { filters } = options;
  const where: SQL[] = [
    sql`n.visibility = 'open'`,
    sql`e.cancelled_at is null`,
    sql`e.ends_at > ${now} and e.starts_at > ${now}::timestamptz - ${LONGEST_EVENT}`,
  ];
  if (filters.kind) where.push(sql`e.kind = ${filters.kind}`);
  if (filters.language) where.push(sql`e.language = ${filters.language}`);
  if (filters.country) where.push(sql`n.countries @> array[${filters.country}]::text[]`);
  if (options.after) where.push(afterAscendingSql(options.after));
  const rows = await queryParsed(
    openRow,
    sql`select e.id, e.network_id, n.name as network_name, e.title, e.kind, e.venue, e.language,
          e.starts_at, e.ends_at, false as cancelled, n.countries, ${cursorAtSql("e.starts_at")}
        from events e join networks n on n.id = e.network_id
        where ${sql.join(where, sql` and `)}
        order by e.starts_at asc, e.id asc
        limit ${limit + 1}`,
  );
  const { page, next } = keysetPage(rows, limit);
  return {
    events: page.map((r) => ({
      ...listedAgendaEvent({ ...r, answer: null }),
      countries: r.countries,
    })),
    next,
  };
}

const nextRow = z.object({
  network_id: z.string(),
  id: z.string(),
  title: z.string(),
  kind: z.enum(eventKinds),
  starts_at: z.coerce.date(),
});

/** A network's next meeting as cards and headers show it. */
export type NextMeeting = {
  id: string;
  title: string;
  kind: (typeof eventKinds)[number];
  startsAt: string;
};

/**
 * The next meeting (not cancelled, not yet started) of each network, in one query for a whole
 * page of cards: one index probe per network. The caller passes only networks the viewer may
 * read.
 */
export async function nextMeetings(
  networkIds: readonly string[],
  now = new Date(),
): Promise<Map<string, NextMeeting>> {
  const ids = [...new Set(networkIds)].filter(isUuid);
  if (ids.length === 0) return new Map();
  const rows = await queryParsed(
    nextRow,
    sql`select x.* from unnest(${uuidArray(ids)}) as ids(network_id)
        cross join lateral (
          select e.network_id, e.id, e.title, e.kind, e.starts_at from events e
          where e.network_id = ids.network_id and e.starts_at > ${now} and e.cancelled_at is null
          order by e.starts_at asc, e.id asc
          limit 1
        ) x`,
  );
  return new Map(
    rows.map((r) => [
      r.network_id,
      { id: r.id, title: r.title, kind: r.kind, startsAt: r.starts_at.toISOString() },
    ]),
  );
}

/** The next meeting of one network (its header), or null. */
export async function nextMeeting(
  networkId: string,
  now = new Date(),
): Promise<NextMeeting | null> {
  return (await nextMeetings([networkId], now)).get(networkId) ?? null;
}
