import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { eventSubject, getEvent, updateEvent } from "~/features/events/events.server";
import {
  eventFormValues,
  languageOptions,
  readEventForm,
  zoneOptions,
} from "~/features/events/page.server";
import { eventPolicy } from "~/features/events/rules";
import { EventForm } from "~/features/events/ui/event-form";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/event-edit";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header, locale } = await loadNetworkHeader(params.id, context);
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  await handleLoader(async () =>
    eventPolicy.authorize(personOf(user), "manage", eventSubject(networkSubject(access), event)),
  );
  return {
    network: header,
    eventId: event.id,
    values: eventFormValues(event),
    zones: zoneOptions(),
    languages: languageOptions(access.network.languages, locale),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const form = readForm(context);
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
      // manage (facilitators, not started, not cancelled) is authorized on the locked row.
      await updateEvent({ actor, network: networkSubject(access), eventId: params.eventId, input });
      return redirect(`/networks/${access.network.id}/events/${params.eventId}`);
    },
    { values: read.values },
  );
}

export default function EventEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("events.editHeading")} · ${loaded.network.name} · Synergy`}</title>
      <NetworkHeader network={loaded.network} />
      <section className="section narrow-column" aria-labelledby="edit-event">
        <h2 id="edit-event">{t("events.editHeading")}</h2>
        {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
        <EventForm
          values={result?.values ?? loaded.values}
          errors={result?.errors}
          zones={loaded.zones}
          languages={loaded.languages}
          submitLabel={t("form.save")}
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
