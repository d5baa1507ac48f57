import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { createEvent } from "~/features/events/events.server";
import {
  blankEventForm,
  languageOptions,
  readEventForm,
  readRepeatValues,
  zoneOptions,
} from "~/features/events/page.server";
import { eventPolicy } from "~/features/events/rules";
import { createSeries } from "~/features/events/series.server";
import { blankRepeatForm, readRepeatForm } from "~/features/events/series-form";
import { EventForm } from "~/features/events/ui/event-form";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/event-new";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header, locale } = await loadNetworkHeader(params.id, context);
  await handleLoader(async () =>
    eventPolicy.authorize(personOf(user), "create", networkSubject(access)),
  );
  const languages = access.network.languages;
  return {
    network: header,
    values: blankEventForm(user.user.timeZone, languages[0] ?? "en"),
    repeat: blankRepeatForm,
    zones: zoneOptions(),
    languages: languageOptions(languages, locale),
    submissionKey: randomToken().slice(0, 24),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const decision = await handleLoader(async () =>
    eventPolicy.authorize(actor, "create", networkSubject(access)),
  );
  const form = readForm(context);
  const read = readEventForm(form, access.network.languages);
  const repeat = readRepeatValues(form);
  if (!read.input) {
    return data(
      {
        ok: false,
        errors: read.errors,
        values: read.values,
        repeat,
        repeatError: undefined,
        message: "form.fixErrors",
      },
      { status: 400 },
    );
  }
  // A repeating event becomes a series: the fields make an RRULE our parser checks.
  const series = readRepeatForm(repeat, read.input);
  if (series.error !== null) {
    return data(
      {
        ok: false,
        errors: {},
        values: read.values,
        repeat,
        repeatError: series.error,
        message: series.error,
      },
      { status: 400 },
    );
  }
  const input = read.input;
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      if (series.plan) {
        const { firstEventId } = await createSeries({ decision, plan: series.plan, submissionKey });
        return redirect(`/networks/${access.network.id}/events/${firstEventId}`);
      }
      const { id } = await createEvent({ decision, input, submissionKey });
      return redirect(`/networks/${access.network.id}/events/${id}`);
    },
    { values: read.values, repeat },
  );
}

export default function EventNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("events.newHeading")} · ${loaded.network.name} · Synergy`}</title>
      <NetworkHeader network={loaded.network} />
      <section className="section narrow-column" aria-labelledby="new-event">
        <h2 id="new-event">{t("events.newHeading")}</h2>
        {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
        <EventForm
          values={result?.values ?? loaded.values}
          errors={result?.errors}
          zones={loaded.zones}
          languages={loaded.languages}
          submissionKey={loaded.submissionKey}
          submitLabel={t("events.create")}
          repeat={{
            values: result && "repeat" in result && result.repeat ? result.repeat : loaded.repeat,
            error: result && "repeatError" in result ? result.repeatError : undefined,
          }}
        />
      </section>
    </main>
  );
}
