import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { attendanceSubject, listArrivals } from "~/features/events/attendance.server";
import { attendancePolicy } from "~/features/events/attendance-rules";
import { toCsv } from "~/features/events/csv";
import { getEvent } from "~/features/events/events.server";
import { feedbackResults } from "~/features/events/feedback.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader, httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { wallClockAt } from "~/lib/time-zones";
import type { Route } from "./+types/event-export";

/**
 * An event's attendance or feedback as CSV for a spreadsheet (decision 017), facilitators only.
 * Headings and labels in the facilitator's language, times in the event's zone; the file is
 * named after the event's date ("attendance-2026-12-03.csv").
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const access = await requireNetworkAccess(params.id, auth.user.id);
  const network = networkSubject(access);
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  await handleLoader(async () =>
    attendancePolicy.authorize(personOf(auth), "seeResults", attendanceSubject(network, event)),
  );
  const t = translatorFor(resolveLocale(auth, context.requestLocale));
  const zone = event.timeZone;
  const two = (n: number) => String(n).padStart(2, "0");
  const local = (at: Date) => {
    const w = wallClockAt(at, zone);
    return `${w.year}-${two(w.month)}-${two(w.day)} ${two(w.hour)}:${two(w.minute)}`;
  };
  const day = local(event.startsAt).slice(0, 10);
  let rows: Array<Array<string | number | null>>;
  if (params.file === "attendance.csv") {
    const arrivals = await listArrivals(event.id);
    rows = [
      [
        t("events.export.name"),
        t("events.export.email"),
        t("events.export.method"),
        t("events.export.checkedInAt", { zone }),
        t("events.export.checkedInBy"),
        t("events.export.answer"),
      ],
      ...arrivals
        .slice()
        .reverse()
        .map((a) => [
          a.name,
          a.email,
          t(`events.checkIn.method.${a.method}`),
          local(a.checked_in_at),
          a.checked_in_by,
          a.rsvp ? t(`events.answer.${a.rsvp === "waiting" ? "going" : a.rsvp}`) : "",
        ]),
    ];
  } else if (params.file === "feedback.csv") {
    const { answers } = await feedbackResults(event.id);
    rows = [
      [
        t("events.feedback.relevance"),
        t("events.feedback.nextStep"),
        t("events.feedback.nextText"),
        t("events.feedback.comment"),
        t("events.export.answeredAt", { zone }),
      ],
      ...answers.map((a) => [
        a.relevance,
        a.next_step ? t(`events.feedback.next.${a.next_step}`) : "",
        a.next_text,
        a.comment,
        local(a.updated_at),
      ]),
    ];
  } else {
    throw httpError(404);
  }
  const kind = params.file === "attendance.csv" ? "attendance" : "feedback";
  return new Response(toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${kind}-${day}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
