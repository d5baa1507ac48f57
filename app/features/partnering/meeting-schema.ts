import { z } from "zod";
import { idField, isUuid } from "~/lib/ids";

export const MEETING_DURATIONS = [20, 30, 45, 60] as const;
export const MAX_MEETING_TIMES = 3;
export const MAX_MEETING_SUBJECT = 140;
export const MAX_MEETING_NOTE = 2000;
export const MAX_MEETING_PLACE = 200;
export const MAX_PARTNERING_TEXT = 500;

const LOCAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

const optionalUuid = (message: string) =>
  z
    .string()
    .trim()
    .default("")
    .refine((v) => v === "" || isUuid(v), message)
    .transform((id) => id.toLowerCase());

/** An https link (video calls), or empty. */
const httpsUrl = (message: string) =>
  z
    .string()
    .trim()
    .max(500, message)
    .default("")
    .refine((v) => {
      if (v === "") return true;
      try {
        return new URL(v).protocol === "https:";
      } catch {
        return false;
      }
    }, message);

/**
 * The proposal form as typed: up to three date-times in the proposer's own zone (empty ones
 * skipped; turned into instants by meetings.server.ts), a duration, a subject, a note, and a
 * video link or a place.
 */
export const meetingFormSchema = z
  .object({
    with: idField("meetings.personInvalid"),
    interest: optionalUuid("meetings.interestInvalid"),
    time1: z.string().trim().default(""),
    time2: z.string().trim().default(""),
    time3: z.string().trim().default(""),
    duration: z.coerce
      .number({ error: "meetings.durationInvalid" })
      .refine(
        (n) => (MEETING_DURATIONS as readonly number[]).includes(n),
        "meetings.durationInvalid",
      ),
    subject: z
      .string()
      .trim()
      .min(3, "meetings.subjectRequired")
      .max(MAX_MEETING_SUBJECT, "meetings.subjectTooLong"),
    note: z.string().trim().max(MAX_MEETING_NOTE, "meetings.noteTooLong").default(""),
    videoUrl: httpsUrl("meetings.videoUrlInvalid"),
    place: z.string().trim().max(MAX_MEETING_PLACE, "meetings.placeTooLong").default(""),
  })
  .superRefine((form, ctx) => {
    const times = [form.time1, form.time2, form.time3];
    times.forEach((time, i) => {
      if (time !== "" && !LOCAL.test(time)) {
        ctx.addIssue({ code: "custom", path: [`time${i + 1}`], message: "meetings.timeInvalid" });
      }
    });
    if (times.every((t) => t === "")) {
      ctx.addIssue({ code: "custom", path: ["time1"], message: "meetings.timeRequired" });
    }
    if (form.videoUrl === "" && form.place === "") {
      ctx.addIssue({ code: "custom", path: ["place"], message: "meetings.whereRequired" });
    }
  });

export type MeetingForm = z.infer<typeof meetingFormSchema>;

/** The partnering-day set-up form: times in the event's zone. */
export const daySetupSchema = z.object({
  startsAt: z.string().trim().regex(LOCAL, "partneringDay.timeInvalid"),
  endsAt: z.string().trim().regex(LOCAL, "partneringDay.timeInvalid"),
  slotMinutes: z.coerce
    .number({ error: "partneringDay.slotInvalid" })
    .int("partneringDay.slotInvalid")
    .min(10, "partneringDay.slotInvalid")
    .max(120, "partneringDay.slotInvalid"),
  tables: z.coerce
    .number({ error: "partneringDay.tablesInvalid" })
    .int("partneringDay.tablesInvalid")
    .min(0, "partneringDay.tablesInvalid")
    .max(500, "partneringDay.tablesInvalid"),
  isOpen: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
});

export type DaySetupForm = z.infer<typeof daySetupSchema>;

const list = (value: unknown): string[] => {
  if (value === undefined || value === null || value === "") return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v): v is string => typeof v === "string" && v !== "");
};

/** Joining a day (or changing what one published): seeks, offers, organisation, free slots. */
export const joinDaySchema = z.object({
  seeks: z.string().trim().max(MAX_PARTNERING_TEXT, "partneringDay.textTooLong").default(""),
  offers: z.string().trim().max(MAX_PARTNERING_TEXT, "partneringDay.textTooLong").default(""),
  organisationId: optionalUuid("partneringDay.organisationInvalid"),
  slots: z.preprocess(
    list,
    z
      .array(z.string().datetime({ offset: true, error: "partneringDay.slotNotOfDay" }))
      .min(1, "partneringDay.availabilityRequired")
      .max(200, "partneringDay.slotNotOfDay"),
  ),
});

export type JoinDayForm = z.infer<typeof joinDaySchema>;

/** A booking request: the other participant and the slot (its start instant, ISO). */
export const bookingSchema = z.object({
  with: idField("partneringDay.personInvalid"),
  slot: z.string().trim().datetime({ offset: true, error: "partneringDay.slotNotOfDay" }),
});

export const followUpSchema = z.object({
  booking: idField("partneringDay.bookingNotFound"),
  followUp: z.enum(["yes", "no"], { error: "partneringDay.followUpInvalid" }),
});

/** The first field error of a failed parse, as field → catalogue key. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    if (!errors[field]) errors[field] = issue.message;
  }
  return errors;
}
