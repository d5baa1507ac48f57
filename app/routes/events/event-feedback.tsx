import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { attendanceSubject } from "~/features/events/attendance.server";
import { attendancePolicy } from "~/features/events/attendance-rules";
import { getEvent } from "~/features/events/events.server";
import {
  feedbackFormSchema,
  isAttendee,
  myFeedback,
  saveFeedback,
} from "~/features/events/feedback.server";
import { formValue } from "~/features/events/page.server";
import { feedbackNextSteps } from "~/features/events/schema";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ChoiceGroup, CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import type { Route } from "./+types/event-feedback";

/**
 * The feedback form of an event (decision 017): relevance 1–5, what next, free text; for the
 * people who attended, from the end of the event for 14 days; sending again changes the answer.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header } = await loadNetworkHeader(params.id, context);
  const actor = personOf(user);
  const network = networkSubject(access);
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  await handleLoader(async () =>
    attendancePolicy.authorize(actor, "giveFeedback", {
      ...attendanceSubject(network, event),
      attended: await isAttendee(event.id, actor.id),
    }),
  );
  const mine = await myFeedback(event.id, actor.id);
  return {
    network: header,
    event: { id: event.id, title: event.title },
    values: {
      relevance: mine ? String(mine.relevance) : "",
      nextStep: mine?.nextStep ?? "",
      nextText: mine?.nextText ?? "",
      comment: mine?.comment ?? "",
    },
    given: mine !== null,
    saved: new URL(request.url).searchParams.has("saved"),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const network = networkSubject(access);
  const form = readForm(context);
  const values = {
    relevance: formValue(form.relevance),
    nextStep: formValue(form.nextStep),
    nextText: formValue(form.nextText),
    comment: formValue(form.comment),
  };
  const parsed = feedbackFormSchema.safeParse(values);
  if (!parsed.success) {
    return data(
      { ok: false, errors: fieldErrors(parsed.error), values, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  return handleAction(
    async () => {
      await saveFeedback({ actor, network, eventId: params.eventId, input: parsed.data });
      return redirect(`/networks/${access.network.id}/events/${params.eventId}/feedback?saved=1`);
    },
    { values },
  );
}

export default function EventFeedback() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const values = result?.values ?? loaded.values;
  const errors: Record<string, string | undefined> =
    result && "errors" in result ? (result.errors as Record<string, string>) : {};
  const base = `/networks/${loaded.network.id}/events/${loaded.event.id}`;
  return (
    <main id="main" className="page">
      <title>{`${t("events.feedback.heading")} · ${loaded.event.title} · Synergy`}</title>
      <NetworkHeader network={loaded.network} />
      <section className="section narrow-column stack" aria-labelledby="feedback">
        <h2 id="feedback">{t("events.feedback.heading")}</h2>
        <p>
          <a href={base}>{loaded.event.title}</a>
        </p>
        {loaded.saved ? (
          <FormMessage kind="success">{t("events.feedback.thanks")}</FormMessage>
        ) : null}
        {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
        <p className="hint">{t("events.feedback.anonymousHint")}</p>
        <CsrfForm method="post" className="stack">
          <ChoiceGroup
            name="relevance"
            type="radio"
            legend={t("events.feedback.relevance")}
            options={[1, 2, 3, 4, 5].map((mark) => ({
              value: String(mark),
              label: t(`events.feedback.mark.${mark}`),
            }))}
            selected={[values.relevance]}
            error={errors.relevance}
          />
          <ChoiceGroup
            name="nextStep"
            type="radio"
            legend={t("events.feedback.nextStep")}
            options={feedbackNextSteps.map((step) => ({
              value: step,
              label: t(`events.feedback.next.${step}`),
            }))}
            selected={[values.nextStep]}
            error={errors.nextStep}
          />
          <TextField
            name="nextText"
            label={t("events.feedback.nextText")}
            defaultValue={values.nextText}
            error={errors.nextText}
            maxLength={500}
          />
          <TextArea
            name="comment"
            label={t("events.feedback.comment")}
            defaultValue={values.comment}
            error={errors.comment}
            maxLength={2000}
            rows={5}
          />
          <SubmitButton>
            {loaded.given ? t("events.feedback.update") : t("events.feedback.send")}
          </SubmitButton>
        </CsrfForm>
      </section>
    </main>
  );
}
