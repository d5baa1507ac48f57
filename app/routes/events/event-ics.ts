import { calendarEvent, calendarFile, calendarResponse } from "~/features/events/calendar.server";
import { getEvent, myAnswer } from "~/features/events/events.server";
import { eventPolicy } from "~/features/events/rules";
import { answersTo, getSeries } from "~/features/events/series.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { handleLoader, httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import type { Route } from "./+types/event-ics";

/**
 * One event as an iCalendar file, for whoever may see the network's events. An occurrence of a
 * series gives the whole series (master, exceptions, overrides), as calendar programs expect.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await requireNetworkAccess(params.id, auth?.user.id ?? null);
  await handleLoader(async () =>
    eventPolicy.authorize(actorOf(auth), "view", networkSubject(access)),
  );
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  const viewerId = auth?.user.id ?? null;
  const found = event.seriesId ? await getSeries(access.network.id, event.seriesId) : null;
  const rows = found ? found.occurrences : [event];
  const answers = found
    ? await answersTo(
        rows.map((r) => r.id),
        viewerId,
      )
    : new Map([[event.id, await myAnswer(event.id, viewerId)]]);
  // The meeting link of each date only if the viewer is going to that date.
  const entries = rows.map((row) =>
    calendarEvent(row, {
      answer: answers.get(row.id) ?? null,
      isFacilitator: access.isFacilitator,
    }),
  );
  return calendarResponse(calendarFile(entries, event.title), "event.ics");
}
