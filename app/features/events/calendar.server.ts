import { getEnv } from "~/lib/env.server";
import type { EventRow, RsvpStatus } from "./events.server";
import { type CalendarEvent, calendar } from "./ical";

/** Where a person finds the event: venue and address; the meeting link only for those let see it. */
function locationOf(row: EventRow, seesMeetingLink: boolean): string {
  const place = [row.venue, row.address].filter(Boolean).join(", ");
  const link = seesMeetingLink ? row.meetingUrl : "";
  return [place, link].filter(Boolean).join(" · ");
}

/** An event as the calendar file shows it to one person. */
export function calendarEvent(
  row: EventRow,
  viewer: { answer: RsvpStatus | null; isFacilitator: boolean },
): CalendarEvent {
  const base = getEnv().PUBLIC_URL;
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    location: locationOf(row, viewer.answer === "going" || viewer.isFacilitator),
    url: `${base}/networks/${row.networkId}/events/${row.id}`,
    timeZone: row.timeZone,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    sequence: row.sequence,
    updatedAt: row.updatedAt,
    cancelled: row.cancelledAt !== null,
    // An occurrence carries its series' master: calendarFile writes the series as one.
    ...(row.seriesId && row.recurrenceId && row.seriesMaster
      ? {
          series: {
            id: row.seriesId,
            recurrenceId: row.recurrenceId,
            master: row.seriesMaster,
          },
        }
      : {}),
  };
}

/**
 * The calendar file's text for the given events; UIDs are `<event id>@<this installation's host>`,
 * and `<series id>@<host>` for a series (one master VEVENT with RRULE, EXDATE and overrides).
 */
export function calendarFile(events: CalendarEvent[], name: string): string {
  return calendar(events, { name, uidDomain: new URL(getEnv().PUBLIC_URL).hostname });
}

/** The HTTP answer for a calendar file (private: it may carry a meeting link). */
export function calendarResponse(text: string, filename: string): Response {
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
