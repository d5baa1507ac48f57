import { z } from "zod";
import { eventKinds, feedbackNextSteps } from "~/db/enums";

/** The "what next" choices of the feedback form, for its page. */
export { feedbackNextSteps };

import { canonicalTimeZone, instantFromWallClock, NonexistentWallClock } from "~/lib/time-zones";

export const MAX_EVENT_DESCRIPTION = 5000;
/**
 * The longest an event may last. The database holds it too (events_length_check), so the
 * upcoming list can start its index range this long before now (decision 017, "At scale").
 */
export const MAX_EVENT_DAYS = 14;

/** "2026-12-03T18:30" (what <input type="datetime-local"> sends), read as a wall clock. */
const WALL_CLOCK = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2})?$/;

function wallClockOf(text: string) {
  const m = WALL_CLOCK.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) return null;
  // Day 0 of the next month is the last day of this one (leap years included).
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  return { year, month, day, hour, minute };
}

/** The instant a typed wall-clock time means in a zone; null when unreadable or skipped by DST. */
export function instantFromInput(text: string, timeZone: string): Date | "skipped" | null {
  const wall = wallClockOf(text);
  if (!wall) return null;
  try {
    return instantFromWallClock(wall, timeZone, "reject");
  } catch (error) {
    if (error instanceof NonexistentWallClock) return "skipped";
    // A repeated hour (clocks going back) takes the first of the two, as calendars do.
    return instantFromWallClock(wall, timeZone, "earlier");
  }
}

const httpUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(500, message)
    .refine((v) => v === "" || /^https?:\/\/[^\s]+$/i.test(v), message)
    .default("");

/** The event form as typed: wall-clock times in the chosen zone, checked and turned into instants. */
export const eventFormSchema = z
  .object({
    title: z.string().trim().min(3, "events.titleRequired").max(140, "events.titleTooLong"),
    description: z
      .string()
      .trim()
      .max(MAX_EVENT_DESCRIPTION, "events.descriptionTooLong")
      .default(""),
    kind: z.enum(eventKinds, { error: "events.kindRequired" }),
    venue: z.string().trim().max(140, "events.venueTooLong").default(""),
    address: z.string().trim().max(300, "events.addressTooLong").default(""),
    mapUrl: httpUrl("events.urlInvalid"),
    meetingUrl: httpUrl("events.urlInvalid"),
    timeZone: z.string().transform((v, ctx) => {
      const zone = canonicalTimeZone(v);
      if (!zone) {
        ctx.addIssue({ code: "custom", message: "events.unknownZone" });
        return z.NEVER;
      }
      return zone;
    }),
    startsAt: z.string().default(""),
    endsAt: z.string().default(""),
    language: z.string().regex(/^[a-z]{2,3}$/, "events.languageRequired"),
    capacity: z
      .string()
      .trim()
      .default("")
      .refine((v) => v === "" || (/^\d{1,5}$/.test(v) && Number(v) >= 1), "events.capacityInvalid")
      .transform((v) => (v === "" ? null : Number(v))),
    rsvpDeadline: z.string().trim().default(""),
  })
  .superRefine((v, ctx) => {
    if ((v.kind === "in_person" || v.kind === "hybrid") && v.venue === "") {
      ctx.addIssue({ code: "custom", path: ["venue"], message: "events.venueRequired" });
    }
    if ((v.kind === "online" || v.kind === "hybrid") && v.meetingUrl === "") {
      ctx.addIssue({ code: "custom", path: ["meetingUrl"], message: "events.meetingUrlRequired" });
    }
  });

export type EventForm = z.output<typeof eventFormSchema>;

/** What is stored: the form with its times as instants. */
export type EventInput = Omit<EventForm, "startsAt" | "endsAt" | "rsvpDeadline"> & {
  startsAt: Date;
  endsAt: Date;
  rsvpDeadline: Date | null;
};

/**
 * Turns the typed times into instants in the event's zone and checks them against each other
 * and `now`: field → message key for each problem (empty when all is well).
 */
export function resolveTimes(
  form: EventForm,
  now: Date,
): { input: EventInput; errors: null } | { input: null; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const read = (field: "startsAt" | "endsAt" | "rsvpDeadline", required: boolean) => {
    const text = form[field];
    if (text === "") {
      if (required) errors[field] = "events.timeRequired";
      return null;
    }
    const instant = instantFromInput(text, form.timeZone);
    if (instant === null) errors[field] = "events.timeInvalid";
    else if (instant === "skipped") errors[field] = "events.timeSkipped";
    else return instant;
    return null;
  };
  const startsAt = read("startsAt", true);
  const endsAt = read("endsAt", true);
  const rsvpDeadline = read("rsvpDeadline", false);
  if (startsAt && startsAt.getTime() <= now.getTime()) errors.startsAt = "events.startInPast";
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    errors.endsAt = "events.endBeforeStart";
  }
  if (startsAt && rsvpDeadline && rsvpDeadline.getTime() > startsAt.getTime()) {
    errors.rsvpDeadline = "events.deadlineAfterStart";
  }
  if (startsAt && endsAt && endsAt.getTime() - startsAt.getTime() > MAX_EVENT_DAYS * 86_400_000) {
    errors.endsAt = "events.tooLong";
  }
  if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return { input: null, errors };
  return { input: { ...form, startsAt, endsAt, rsvpDeadline }, errors: null };
}
