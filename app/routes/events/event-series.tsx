import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { getEvent } from "~/features/events/events.server";
import {
  eventFormValues,
  languageOptions,
  readEventForm,
  zoneOptions,
} from "~/features/events/page.server";
import { eventPolicy } from "~/features/events/rules";
import { endSeries, getSeries, updateSeries } from "~/features/events/series.server";
import { EventForm } from "~/features/events/ui/event-form";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/event-series";

/**
 * Changing or ending a whole series, opened from one of its occurrences (facilitators). The
 * form is the event form with this occurrence's values: its time of day and length apply to
 * every date ahead that was not changed on its own; each keeps its day.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header, locale } = await loadNetworkHeader(params.id, context);
  await handleLoader(async () =>
    eventPolicy.authorize(personOf(user), "create", networkSubject(access)),
  );
  const event = await getEvent(access.network.id, params.eventId);
  if (!event?.seriesId) throw httpError(404, "events.notFound");
  const found = await getSeries(access.network.id, event.seriesId);
  if (!found) throw httpError(404, "events.notFound");
  if (found.series.cancelledAt) throw httpError(409, "events.isCancelled");
  return {
    network: header,
    eventId: event.id,
    values: eventFormValues(event),
    zones: zoneOptions().filter((z) => z.value === found.series.timeZone),
    languages: languageOptions(access.network.languages, locale),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const network = networkSubject(access);
  const form = readForm(context);
  const back = `/networks/${access.network.id}/events/${params.eventId}`;
  if (form.intent === "endAfter" || form.intent === "cancelAll") {
    const mode = form.intent === "endAfter" ? "after" : "all";
    if (!isConfirmed(form)) {
      return mode === "after"
        ? confirmRequest("events.series.endAfterQuestion", "events.series.endAfterConfirm", {
            intent: "endAfter",
          })
        : confirmRequest("events.series.cancelAllQuestion", "events.series.cancelAllConfirm", {
            intent: "cancelAll",
          });
    }
    return handleAction(async () => {
      await endSeries({ actor, network, eventId: params.eventId, mode });
      return redirect(back);
    });
  }
  if (form.intent !== "save") throw httpError(400);
  const read = readEventForm(form, access.network.languages);
  if (!read.input) {
    return data(
      { ok: false, errors: read.errors, values: read.values, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  const input = read.input;
  return handleAction(
    async () => {
      await updateSeries({ actor, network, eventId: params.eventId, input });
      return redirect(back);
    },
    { values: read.values },
  );
}

export default function EventSeries() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const values = result && "values" in result && result.values ? result.values : loaded.values;
  const errors = result && "errors" in result ? result.errors : undefined;
  return (
    <main id="main" className="page">
      <title>{`${t("events.series.editHeading")} · ${loaded.network.name} · Synergy`}</title>
      <NetworkHeader network={loaded.network} />
      <section className="section narrow-column stack" aria-labelledby="edit-series">
        <h2 id="edit-series">{t("events.series.editHeading")}</h2>
        {result && "message" in result && result.message ? (
          <FormMessage kind="error">{t(result.message)}</FormMessage>
        ) : null}
        <p className="hint">{t("events.series.editHint")}</p>
        <EventForm
          values={values}
          errors={errors}
          zones={loaded.zones}
          languages={loaded.languages}
          submitLabel={t("events.series.save")}
        />
      </section>
      <ConfirmPrompt confirm={confirmIn(result)} />
      <section className="section narrow-column inline-actions">
        <ConfirmAction
          label={t("events.series.endAfter")}
          question="events.series.endAfterQuestion"
          confirmLabel="events.series.endAfterConfirm"
          fields={{ intent: "endAfter" }}
          className="button secondary"
        />
        <ConfirmAction
          label={t("events.series.cancelAll")}
          question="events.series.cancelAllQuestion"
          confirmLabel="events.series.cancelAllConfirm"
          fields={{ intent: "cancelAll" }}
          className="button danger"
        />
      </section>
      <p className="section">
        <a href={`/networks/${loaded.network.id}/events/${loaded.eventId}`}>
          {t("events.backToEvent")}
        </a>
      </p>
    </main>
  );
}
