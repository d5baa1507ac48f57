import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { calendarResponse } from "~/features/events/calendar.server";
import { agenda, agendaCalendar, dayContext } from "~/features/partnering/partnering-days.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { handleLoader, httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/partnering-agenda-ics";

/** My whole partnering-day agenda as one iCalendar file (UTC times). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const t = translatorFor(resolveLocale(auth, context.requestLocale));
  const ctx = await handleLoader(() => dayContext(params.id, actor));
  if (!ctx.day) throw httpError(404, "partneringDay.notFound");
  if (!ctx.me) throw httpError(403, "partneringDay.participantsOnly");
  const items = await agenda(ctx.day, actor.id);
  const text = agendaCalendar(ctx, items, {
    title: (name) => t("partneringDay.calendarTitle", { name }),
    table: (n) => t("partneringDay.table", { n }),
  });
  return calendarResponse(text, "partnering-agenda.ics");
}
