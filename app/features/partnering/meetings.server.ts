import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { meetings, meetingTimes } from "~/db/schema";
import { calendarFile } from "~/features/events/calendar.server";
import type { CalendarEvent } from "~/features/events/ical";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { createOnce } from "~/lib/create-once.server";
import { getEnv } from "~/lib/env.server";
import { DomainError, invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { instantFromLocalInput, type MeetingSubject, meetingPolicy } from "./meeting-rules";
import type { MeetingForm } from "./meeting-schema";

/**
 * One-to-one meetings (issue 12 item 4): proposed with up to three times, accepted (one time
 * chosen), declined or cancelled; both people are told. Times are instants, typed in the
 * proposer's zone and shown in each reader's (decision 023, "Meetings and partnering days").
 */

/** Whether a person is on a side of an accepted introduction: the interested organisation's. */
const interestedSide = (userId: string) =>
  sql`(i.user_id = ${userId}::uuid or exists (select 1 from organisation_members m
        where m.organisation_id = i.organisation_id and m.user_id = ${userId}::uuid
          and m.status = 'active'))`;
/** … or the publishing organisation's. */
const publisherSide = (userId: string) =>
  sql`(i.decided_by = ${userId}::uuid or exists (select 1 from organisation_members m
        where m.organisation_id = o.organisation_id and m.user_id = ${userId}::uuid
          and m.status = 'active'))`;

/** Accepted introductions with one person on each side. */
const introductionBetween = (a: string, b: string) =>
  sql`select i.id from opportunity_interests i join opportunities o on o.id = i.opportunity_id
      where i.status = 'accepted'
        and ((${interestedSide(a)} and ${publisherSide(b)})
          or (${interestedSide(b)} and ${publisherSide(a)}))`;

/**
 * Whether two people may meet: they share an accepted introduction (one on each side: the
 * person who expressed the interest or who accepted it, or an active member of either
 * organisation), an active network, or a partnering-day meeting both said to follow up.
 */
export async function areConnected(a: string, b: string, db: Db = getDb()): Promise<boolean> {
  if (!isUuid(a) || !isUuid(b)) return false;
  const [row] = await queryParsed(
    z.object({ ok: z.boolean() }),
    sql`select exists (
          select 1 from network_members ma join network_members mb on mb.network_id = ma.network_id
          where ma.user_id = ${a}::uuid and mb.user_id = ${b}::uuid
            and ma.status = 'active' and mb.status = 'active'
        ) or exists (${introductionBetween(a, b)})
        or exists (
          select 1 from partnering_holds h join partnering_bookings pb on pb.id = h.booking_id
          where h.user_id = ${a}::uuid and pb.status = 'booked'
            and (pb.requester = ${b}::uuid or pb.invitee = ${b}::uuid)
            and pb.requester_follow_up and pb.invitee_follow_up
        ) as ok`,
    db,
  );
  return row?.ok ?? false;
}

/** Whether the introduction is accepted and joins the two people (for a meeting about it). */
async function introductionJoins(interestId: string, a: string, b: string): Promise<boolean> {
  const [row] = await queryParsed(
    z.object({ ok: z.boolean() }),
    sql`select exists (${introductionBetween(a, b)} and i.id = ${interestId}::uuid) as ok`,
  );
  return row?.ok ?? false;
}

const personRow = z.object({
  id: z.string(),
  display_name: z.string(),
  time_zone: z.string(),
});

export type MeetingPerson = { id: string; name: string; timeZone: string };

/** A person as the meeting pages show them (name and zone), or null. */
export async function meetingPerson(id: string): Promise<MeetingPerson | null> {
  if (!isUuid(id)) return null;
  const [row] = await queryParsed(
    personRow,
    sql`select id, display_name, time_zone from users where id = ${id}::uuid`,
  );
  return row ? toPerson(row) : null;
}

function toPerson(row: z.infer<typeof personRow>): MeetingPerson {
  return {
    id: row.id,
    name: row.display_name,
    timeZone: canonicalTimeZone(row.time_zone) ?? DEFAULT_TIME_ZONE,
  };
}

/**
 * The times of a proposal as instants: each typed in the proposer's zone, none in the past,
 * none twice. Field → message key for the first problem of each field.
 */
export function proposedInstants(
  form: Pick<MeetingForm, "time1" | "time2" | "time3">,
  timeZone: string,
  now: Date = new Date(),
): { instants: Date[]; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const instants: Date[] = [];
  for (const field of ["time1", "time2", "time3"] as const) {
    const text = form[field];
    if (text === "") continue;
    const instant = instantFromLocalInput(text, timeZone);
    if (instant === null) errors[field] = "meetings.timeInvalid";
    else if (instant === "nonexistent") errors[field] = "meetings.timeNonexistent";
    else if (instant.getTime() <= now.getTime()) errors[field] = "meetings.timePast";
    else if (!instants.some((i) => i.getTime() === instant.getTime())) instants.push(instant);
  }
  return { instants, errors };
}

/**
 * Proposes a meeting (once per submission key) with its times, and tells the invitee. The
 * caller has parsed the form; this checks who may propose to whom, the introduction named and
 * the times.
 */
export async function proposeMeeting(options: {
  actor: Person;
  form: MeetingForm;
  timeZone: string;
  submissionKey?: string;
  now?: Date;
}): Promise<{ id: string }> {
  const { actor, form } = options;
  const connected = await areConnected(actor.id, form.with);
  meetingPolicy.authorize(actor, "propose", { isSelf: form.with === actor.id, connected });
  if (form.interest !== "" && !(await introductionJoins(form.interest, actor.id, form.with))) {
    throw invalid("meetings.interestInvalid", "interest");
  }
  const { instants, errors } = proposedInstants(form, options.timeZone, options.now);
  const [field, message] = Object.entries(errors)[0] ?? [];
  if (field && message) throw new DomainError(400, message as never, { field });
  const { id } = await createOnce({
    target: {
      table: meetings,
      id: meetings.id,
      owner: meetings.proposedBy,
      key: meetings.submissionKey,
    },
    ownerId: actor.id,
    submissionKey: options.submissionKey,
    values: () => ({
      proposedBy: actor.id,
      invitee: form.with,
      interestId: form.interest === "" ? null : form.interest,
      subject: form.subject,
      note: form.note,
      durationMinutes: form.duration,
      videoUrl: form.videoUrl,
      place: form.place,
    }),
    alsoWrite: async (tx, meetingId) => {
      await tx.insert(meetingTimes).values(instants.map((startsAt) => ({ meetingId, startsAt })));
      await notify(tx, {
        kind: "meeting.proposed",
        recipientIds: [form.with],
        actorId: actor.id,
        groupKey: `meeting:${meetingId}`,
        sourceKey: `meeting.proposed:${meetingId}`,
        data: { meetingId, title: form.subject.slice(0, TITLE_MAX) },
      });
    },
  });
  return { id };
}

const meetingRow = z.object({
  id: z.string(),
  interest_id: z.string().nullable(),
  proposed_by: z.string(),
  invitee: z.string(),
  subject: z.string(),
  note: z.string(),
  duration_minutes: z.coerce.number(),
  video_url: z.string(),
  place: z.string(),
  status: z.enum(["proposed", "accepted", "declined", "cancelled"]),
  starts_at: z.coerce.date().nullable(),
  created_at: z.coerce.date(),
  updated_at: z.coerce.date(),
  times: z.array(z.coerce.number()),
  proposer_name: z.string(),
  proposer_zone: z.string(),
  invitee_name: z.string(),
  invitee_zone: z.string(),
});

export type Meeting = {
  id: string;
  interestId: string | null;
  subject: string;
  note: string;
  durationMinutes: number;
  videoUrl: string;
  place: string;
  status: MeetingSubject["status"];
  startsAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** The proposed times, earliest first. */
  times: Date[];
  proposer: MeetingPerson;
  invitee: MeetingPerson;
};

const meetingSelect = sql`select m.id, m.interest_id, m.proposed_by, m.invitee, m.subject, m.note,
    m.duration_minutes, m.video_url, m.place, m.status, m.starts_at, m.created_at, m.updated_at,
    coalesce((select json_agg((extract(epoch from t.starts_at) * 1000)::bigint order by t.starts_at)
      from meeting_times t where t.meeting_id = m.id), '[]'::json) as times,
    p.display_name as proposer_name, p.time_zone as proposer_zone,
    v.display_name as invitee_name, v.time_zone as invitee_zone
  from meetings m join users p on p.id = m.proposed_by join users v on v.id = m.invitee`;

function toMeeting(row: z.infer<typeof meetingRow>): Meeting {
  return {
    id: row.id,
    interestId: row.interest_id,
    subject: row.subject,
    note: row.note,
    durationMinutes: row.duration_minutes,
    videoUrl: row.video_url,
    place: row.place,
    status: row.status,
    startsAt: row.starts_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    times: row.times.map((ms) => new Date(ms)),
    proposer: toPerson({
      id: row.proposed_by,
      display_name: row.proposer_name,
      time_zone: row.proposer_zone,
    }),
    invitee: toPerson({
      id: row.invitee,
      display_name: row.invitee_name,
      time_zone: row.invitee_zone,
    }),
  };
}

/** A meeting as one person sees it; 404 for anyone but its two people. */
export async function getMeeting(actor: Person, meetingId: string, db: Db = getDb()) {
  if (!isUuid(meetingId)) throw notFound("meetings.notFound");
  const [row] = await queryParsed(
    meetingRow,
    sql`${meetingSelect} where m.id = ${meetingId}::uuid`,
    db,
  );
  if (!row) throw notFound("meetings.notFound");
  const meeting = toMeeting(row);
  const subject = subjectOf(actor, meeting);
  meetingPolicy.authorize(actor, "view", subject);
  return {
    meeting,
    canRespond: meetingPolicy.can(actor, "respond", subject),
    canCancel: meetingPolicy.can(actor, "cancel", subject),
  };
}

function subjectOf(actor: Person, m: Pick<Meeting, "proposer" | "invitee" | "status">) {
  return {
    isProposer: m.proposer.id === actor.id,
    isInvitee: m.invitee.id === actor.id,
    status: m.status,
  } satisfies MeetingSubject;
}

async function lockMeeting(tx: Db, meetingId: string) {
  if (!isUuid(meetingId)) throw notFound("meetings.notFound");
  const [row] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for("update");
  if (!row) throw notFound("meetings.notFound");
  return row;
}

/**
 * The invitee accepts one of the proposed times (not one that has passed) or declines; the
 * proposer is told. One transaction, on the locked row: two answers at once make one.
 */
export async function respondToMeeting(options: {
  actor: Person;
  meetingId: string;
  answer: { accept: Date } | "decline";
  now?: Date;
}): Promise<void> {
  const { actor } = options;
  const now = options.now ?? new Date();
  await getDb().transaction(async (tx) => {
    const row = await lockMeeting(tx, options.meetingId);
    meetingPolicy.authorize(actor, "respond", {
      isProposer: row.proposedBy === actor.id,
      isInvitee: row.invitee === actor.id,
      status: row.status,
    });
    let startsAt: Date | null = null;
    if (options.answer !== "decline") {
      const chosen = options.answer.accept;
      const times = await tx
        .select({ startsAt: meetingTimes.startsAt })
        .from(meetingTimes)
        .where(eq(meetingTimes.meetingId, row.id));
      if (!times.some((t) => t.startsAt.getTime() === chosen.getTime())) {
        throw invalid("meetings.timeNotProposed", "time");
      }
      if (chosen.getTime() <= now.getTime()) throw invalid("meetings.timePast", "time");
      startsAt = chosen;
    }
    const accepted = startsAt !== null;
    await tx
      .update(meetings)
      .set({ status: accepted ? "accepted" : "declined", startsAt, updatedAt: now })
      .where(eq(meetings.id, row.id));
    await notify(tx, {
      kind: accepted ? "meeting.accepted" : "meeting.declined",
      recipientIds: [row.proposedBy],
      actorId: actor.id,
      groupKey: `meeting:${row.id}`,
      sourceKey: `meeting.${accepted ? "accepted" : "declined"}:${row.id}`,
      data: { meetingId: row.id, title: row.subject.slice(0, TITLE_MAX) },
    });
  });
}

/** Either person cancels a proposed or accepted meeting; the other is told. */
export async function cancelMeeting(options: { actor: Person; meetingId: string }) {
  const { actor } = options;
  await getDb().transaction(async (tx) => {
    const row = await lockMeeting(tx, options.meetingId);
    meetingPolicy.authorize(actor, "cancel", {
      isProposer: row.proposedBy === actor.id,
      isInvitee: row.invitee === actor.id,
      status: row.status,
    });
    await tx
      .update(meetings)
      .set({ status: "cancelled", updatedAt: new Date() })
      .where(eq(meetings.id, row.id));
    const other = row.proposedBy === actor.id ? row.invitee : row.proposedBy;
    await notify(tx, {
      kind: "meeting.cancelled",
      recipientIds: [other],
      actorId: actor.id,
      groupKey: `meeting:${row.id}`,
      sourceKey: `meeting.cancelled:${row.id}`,
      data: { meetingId: row.id, title: row.subject.slice(0, TITLE_MAX) },
    });
  });
}

/** How many meetings "my meetings" reads at most (the newest first). */
const MY_MEETINGS_LIMIT = 200;

/**
 * A person's meetings, sorted into proposed to them, proposed by them (both still open),
 * upcoming (accepted, not started) and past (started, declined or cancelled). Two index reads
 * (as proposer, as invitee).
 */
export async function myMeetings(userId: string, now: Date = new Date()) {
  const rows = await queryParsed(
    meetingRow,
    sql`${meetingSelect} where m.id in (
          (select id from meetings where proposed_by = ${userId}::uuid
            order by created_at desc nulls last limit ${MY_MEETINGS_LIMIT})
          union all
          (select id from meetings where invitee = ${userId}::uuid
            order by created_at desc nulls last limit ${MY_MEETINGS_LIMIT}))
        order by m.created_at desc`,
  );
  const all = rows.map(toMeeting);
  const startsLater = (m: Meeting) => (m.startsAt?.getTime() ?? 0) > now.getTime();
  return {
    proposedToMe: all.filter((m) => m.status === "proposed" && m.invitee.id === userId),
    proposedByMe: all.filter((m) => m.status === "proposed" && m.proposer.id === userId),
    upcoming: all
      .filter((m) => m.status === "accepted" && startsLater(m))
      .sort((a, b) => (a.startsAt?.getTime() ?? 0) - (b.startsAt?.getTime() ?? 0)),
    past: all.filter(
      (m) =>
        (m.status === "accepted" && !startsLater(m)) ||
        m.status === "declined" ||
        m.status === "cancelled",
    ),
  };
}

/** An accepted meeting as a calendar file: UTC times, the place or the video link. */
export function meetingCalendar(meeting: Meeting, viewerId: string): string {
  if (!meeting.startsAt) throw notFound("meetings.notAccepted");
  const other = meeting.proposer.id === viewerId ? meeting.invitee : meeting.proposer;
  const page = `${getEnv().PUBLIC_URL}/meetings/${meeting.id}`;
  const entry: CalendarEvent = {
    id: `meeting-${meeting.id}`,
    title: `${meeting.subject} · ${other.name}`,
    description: meeting.note,
    location: meeting.place,
    url: meeting.videoUrl || page,
    timeZone: "UTC",
    utc: true,
    startsAt: meeting.startsAt,
    endsAt: new Date(meeting.startsAt.getTime() + meeting.durationMinutes * 60_000),
    sequence: meeting.status === "cancelled" ? 1 : 0,
    updatedAt: meeting.updatedAt,
    cancelled: meeting.status === "cancelled",
  };
  return calendarFile([entry], meeting.subject);
}

/** A fresh key for a create form (a new one with every page load). */
export function newSubmissionKey(): string {
  return randomUUID().replaceAll("-", "");
}
