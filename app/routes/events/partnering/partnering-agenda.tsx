import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrorsOf, followUpSchema } from "~/features/partnering/meeting-schema";
import {
  agenda,
  cancelBooking,
  dayContext,
  setFollowUp,
} from "~/features/partnering/partnering-days.server";
import { AgendaList } from "~/features/partnering/ui/agenda-list";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { FormMessage } from "~/ui/form";
import { formatTime } from "~/ui/format";
import type { Route } from "./+types/partnering-agenda";

/** My meetings of the partnering day in time order, with table or call link; after it, follow-ups. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const zone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const ctx = await handleLoader(() => dayContext(params.id, actor));
  if (!ctx.day) throw httpError(404, "partneringDay.notFound");
  if (!ctx.me) throw httpError(403, "partneringDay.participantsOnly");
  const items = await agenda(ctx.day, actor.id);
  return {
    event: { id: ctx.event.id, title: ctx.event.title },
    over: Date.now() >= ctx.day.endsAt.getTime(),
    zone,
    items: items.map((item) => ({
      id: item.id,
      when: `${formatTime(item.slotStart, locale, zone, "none")}–${formatTime(item.slotEnd, locale, zone)}`,
      other: item.other,
      tableNumber: item.tableNumber,
      callUrl: item.callUrl,
      myFollowUp: item.myFollowUp,
      bothFollowUp: item.bothFollowUp,
    })),
  };
}

/** Cancel a booking (either person), or say whether to follow a meeting up (after the day). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  if (form.intent === "cancel") {
    const bookingId = typeof form.booking === "string" ? form.booking : "";
    return handleAction(async () => {
      await cancelBooking({ actor, eventId: params.id, bookingId });
      return redirect(`/events/${params.id}/partnering/agenda`);
    });
  }
  if (form.intent === "followUp") {
    const parsed = followUpSchema.safeParse(form);
    if (!parsed.success) {
      return data(
        { ok: false, message: "form.fixErrors", errors: fieldErrorsOf(parsed.error) },
        { status: 400 },
      );
    }
    return handleAction(async () => {
      await setFollowUp({
        actor,
        eventId: params.id,
        bookingId: parsed.data.booking,
        followUp: parsed.data.followUp === "yes",
      });
      return redirect(`/events/${params.id}/partnering/agenda`);
    });
  }
  throw httpError(400);
}

export default function PartneringAgenda() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const heading = t("partneringDay.agendaHeading", { event: loaded.event.title });
  return (
    <main id="main" className="page narrow-column">
      <title>{`${heading} · Synergy`}</title>
      <h1>{heading}</h1>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <p>{t("partneringDay.agendaZone", { zone: loaded.zone })}</p>
      <p>
        <a
          className="button secondary"
          href={`/events/${loaded.event.id}/partnering/agenda/ics`}
          download
        >
          {t("partneringDay.agendaCalendar")}
        </a>
      </p>
      <AgendaList items={loaded.items} over={loaded.over} />
      <p className="section">
        <a href={`/events/${loaded.event.id}/partnering`}>{t("partneringDay.backToDay")}</a>
      </p>
    </main>
  );
}
