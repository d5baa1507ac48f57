import { sql } from "drizzle-orm";
import type { Db } from "~/db/client.server";
import { queryRows } from "~/db/client.server";
import { eventAttendance, eventFeedback, eventRsvps, eventSeries, events } from "~/db/schema";
import {
  formatRule,
  occurrencesOf,
  type RecurrenceRule,
  weekdayAt,
} from "~/features/events/recurrence";
import {
  DEFAULT_TIME_ZONE,
  instantFromWallClock,
  timeZoneForCountry,
  wallClockAt,
} from "~/lib/time-zones";

type DemoNetwork = {
  id: string;
  name: string;
  kind: "local" | "online" | "cross_border";
  place: string;
  countries: string[];
  languages: string[];
  facilitator: string;
  members: string[];
};

/** 18:30 on the day `days` from now, on the clocks of the zone (negative: in the past). */
function evening(now: number, days: number, timeZone: string, hour = 18, minute = 30): Date {
  const day = wallClockAt(now + days * 86_400_000, timeZone);
  return instantFromWallClock({ ...day, hour, minute, second: 0 }, timeZone);
}

/**
 * Past and upcoming events in the demo networks that have a facilitator and members: a past
 * meeting people went to, a face-to-face one next week (in the network's own zone), and a small
 * online one that is full, with a waiting list.
 */
export async function seedDemoEvents(db: Db): Promise<number> {
  const now = Date.now();
  const networks = await queryRows<DemoNetwork>(
    sql`select n.id, n.name, n.kind, n.place, n.countries, n.languages,
          (select user_id from network_members f where f.network_id = n.id
            and f.role = 'facilitator' and f.status = 'active' order by created_at limit 1) as facilitator,
          array(select user_id from network_members m where m.network_id = n.id
            and m.role = 'member' and m.status = 'active' order by created_at, user_id)::text[] as members
        from networks n order by n.created_at, n.id`,
    db,
  );
  let count = 0;
  let seriesMade = false;
  for (const network of networks.slice(0, 6)) {
    if (!network.facilitator || network.members.length < 3) continue;
    const zone = timeZoneForCountry(network.countries[0]) ?? DEFAULT_TIME_ZONE;
    const language = network.languages[0] ?? "en";
    const place = network.place || network.name;
    const plans = [
      {
        title: `${network.name}: review evening`,
        kind: "in_person" as const,
        days: -12,
        capacity: null,
        answers: network.members.slice(0, 4).map(() => "going" as const),
      },
      {
        title: `${network.name}: meet-up`,
        kind: network.kind === "online" ? ("online" as const) : ("in_person" as const),
        days: 8,
        capacity: null,
        answers: network.members
          .slice(0, 5)
          .map((_, i) => (i % 3 === 2 ? ("maybe" as const) : ("going" as const))),
      },
      {
        title: `${network.name}: small-group clinic`,
        kind: "online" as const,
        days: 19,
        capacity: 2,
        answers: network.members
          .slice(0, 4)
          .map((_, i): "going" | "waiting" => (i < 2 ? "going" : "waiting")),
      },
    ];
    for (const plan of plans) {
      const startsAt = evening(now, plan.days, zone);
      const going = plan.answers.filter((a) => a === "going").length;
      const [event] = await db
        .insert(events)
        .values({
          networkId: network.id,
          createdBy: network.facilitator,
          title: plan.title,
          description: "Bring one question from your own business; we share what worked.",
          kind: plan.kind,
          venue: plan.kind === "online" ? "" : place,
          address: plan.kind === "online" ? "" : place,
          meetingUrl: plan.kind === "online" ? "https://meet.example.org/synergy-demo" : "",
          timeZone: zone,
          startsAt,
          endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
          language,
          capacity: plan.capacity,
          goingCount: going,
          createdAt: new Date(Math.min(now, startsAt.getTime()) - 20 * 86_400_000),
        })
        .returning({ id: events.id });
      const answers = plan.answers.map((status, i) => ({
        eventId: event.id,
        userId: network.members[i],
        status,
        answeredAt: new Date(startsAt.getTime() - (30 - i) * 86_400_000),
      }));
      if (answers.length) await db.insert(eventRsvps).values(answers);
      if (plan.days < 0) {
        const going = answers.filter((a) => a.status === "going").map((a) => a.userId);
        await seedPastAttendance(db, { id: event.id, startsAt, by: network.facilitator }, going);
      }
      count += 1;
    }
    if (!seriesMade) {
      count += await seedDemoSeries(db, network, zone, language, now);
      seriesMade = true;
    }
  }
  return count;
}

/**
 * The first network's fortnightly evening meeting: a series of eight (decision 017) starting
 * in three days, with its third date moved by an hour on its own and its fourth cancelled.
 */
async function seedDemoSeries(
  db: Db,
  network: DemoNetwork,
  zone: string,
  language: string,
  now: number,
): Promise<number> {
  const startsAt = evening(now, 3, zone, 19, 0);
  const rule: RecurrenceRule = {
    freq: "WEEKLY",
    interval: 2,
    byDay: [{ day: weekdayAt(startsAt, zone), ordinal: null }],
    count: 8,
    until: null,
  };
  const expanded = occurrencesOf(rule, startsAt, zone);
  if ("error" in expanded) return 0;
  const master = {
    rule: formatRule(rule),
    start: startsAt.toISOString(),
    timeZone: zone,
    durationMinutes: 90,
    sequence: 1,
  };
  const [series] = await db
    .insert(eventSeries)
    .values({
      networkId: network.id,
      createdBy: network.facilitator,
      rule: master.rule,
      timeZone: zone,
      startsAt,
      durationMinutes: 90,
      sequence: 1,
    })
    .returning({ id: eventSeries.id });
  const place = network.place || network.name;
  const rows = expanded.starts.map((start, i) => {
    // The third evening starts an hour later (changed on its own); the fourth is cancelled.
    const moved = i === 2 ? new Date(start.getTime() + 3_600_000) : start;
    return {
      networkId: network.id,
      createdBy: network.facilitator,
      title:
        i === 2
          ? `${network.name}: evening meeting (later start)`
          : `${network.name}: evening meeting`,
      description: "Our fortnightly evening: a short round of news, then one member's question.",
      kind: "in_person" as const,
      venue: place,
      address: place,
      timeZone: zone,
      startsAt: moved,
      endsAt: new Date(moved.getTime() + 90 * 60_000),
      language,
      sequence: i === 2 || i === 3 ? 1 : 0,
      cancelledAt: i === 3 ? new Date(now) : null,
      detached: i === 2,
      seriesId: series.id,
      recurrenceId: start,
      seriesMaster: master,
    };
  });
  const inserted = await db.insert(events).values(rows).returning({ id: events.id });
  // Two members going to the first evening.
  const going = network.members.slice(0, 2);
  if (going.length) {
    await db
      .insert(eventRsvps)
      .values(
        going.map((userId) => ({ eventId: inserted[0].id, userId, status: "going" as const })),
      );
    await db.update(events).set({ goingCount: going.length }).where(sql`id = ${inserted[0].id}`);
  }
  return inserted.length;
}

/**
 * A past meeting's attendance and feedback (decision 017, check-in): all but the last person
 * going came (checked in by code or QR), one walk-in, and most of those who came answered.
 */
async function seedPastAttendance(
  db: Db,
  event: { id: string; startsAt: Date; by: string },
  going: string[],
): Promise<void> {
  const came = going.slice(0, Math.max(1, going.length - 1));
  const at = (minutes: number) => new Date(event.startsAt.getTime() + minutes * 60_000);
  await db.insert(eventAttendance).values([
    ...came.map((userId, i) => ({
      eventId: event.id,
      userId,
      method: i % 2 === 0 ? ("qr" as const) : ("code" as const),
      checkedInAt: at(-10 + i * 3),
      checkedInBy: event.by,
    })),
    {
      eventId: event.id,
      walkInName: "Eleni (walk-in)",
      method: "walk_in" as const,
      checkedInAt: at(12),
      checkedInBy: event.by,
    },
  ]);
  const notes = [
    {
      relevance: 5,
      nextStep: "go_deeper" as const,
      comment: "The supplier contacts alone were worth it.",
    },
    { relevance: 4, nextStep: "same_again" as const, comment: "" },
    {
      relevance: 3,
      nextStep: "new_topic" as const,
      comment: "Less theory, more examples next time.",
    },
  ];
  const answered = came.slice(0, notes.length);
  if (answered.length === 0) return;
  await db.insert(eventFeedback).values(
    answered.map((userId, i) => ({
      eventId: event.id,
      userId,
      relevance: notes[i].relevance,
      nextStep: notes[i].nextStep,
      comment: notes[i].comment,
      createdAt: at(24 * 60 + i * 90),
      updatedAt: at(24 * 60 + i * 90),
    })),
  );
}
