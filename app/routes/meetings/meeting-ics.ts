import { requireUser } from "~/features/accounts/guard.server";
import { calendarResponse } from "~/features/events/calendar.server";
import { getMeeting, meetingCalendar } from "~/features/partnering/meetings.server";
import { handleLoader, httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/meeting-ics";

/** An accepted meeting as an iCalendar file, for its two people (UTC times). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const { meeting } = await handleLoader(() => getMeeting(actor, params.id));
  if (meeting.status !== "accepted" || !meeting.startsAt)
    throw httpError(404, "meetings.notAccepted");
  return calendarResponse(meetingCalendar(meeting, actor.id), "meeting.ics");
}
