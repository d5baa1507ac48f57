import { redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { zoneCity } from "~/features/partnering/meeting-rules";
import { cancelMeeting, getMeeting, respondToMeeting } from "~/features/partnering/meetings.server";
import { MeetingTimes } from "~/features/partnering/ui/meeting-times";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { formatDateTime, formatTime } from "~/ui/format";
import type { Route } from "./+types/meeting";

/** One meeting for its two people: each time in my zone with the other person's beside it. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const { meeting, canRespond, canCancel } = await handleLoader(() => getMeeting(actor, params.id));
  const myZone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const other = meeting.proposer.id === actor.id ? meeting.invitee : meeting.proposer;
  // "10:00 IST (Dublin) · 12:00 EET (Helsinki)": mine first, theirs beside it.
  const both = (t: Date) =>
    `${formatDateTime(t, locale, myZone)} (${zoneCity(myZone)}) · ${formatTime(t, locale, other.timeZone)} (${zoneCity(other.timeZone)})`;
  return {
    meeting: {
      id: meeting.id,
      subject: meeting.subject,
      note: meeting.note,
      durationMinutes: meeting.durationMinutes,
      videoUrl: meeting.videoUrl,
      place: meeting.place,
      status: meeting.status,
      startsAt: meeting.startsAt ? both(meeting.startsAt) : null,
      times: meeting.times.map((t) => ({ value: t.toISOString(), label: both(t) })),
      proposerName: meeting.proposer.name,
      otherName: other.name,
      otherId: other.id,
      iProposed: meeting.proposer.id === actor.id,
    },
    canRespond,
    canCancel,
  };
}

/** Accept one time or decline (the invitee), cancel (either person). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  return handleAction(async () => {
    if (form.intent === "accept") {
      const chosen = new Date(typeof form.time === "string" ? form.time : "");
      if (Number.isNaN(chosen.getTime())) throw httpError(400, "meetings.timeNotProposed");
      await respondToMeeting({ actor, meetingId: params.id, answer: { accept: chosen } });
    } else if (form.intent === "decline") {
      await respondToMeeting({ actor, meetingId: params.id, answer: "decline" });
    } else if (form.intent === "cancel") {
      if (!isConfirmed(form)) {
        return confirmRequest("meetings.cancelQuestion", "meetings.cancelConfirm", {
          intent: "cancel",
        });
      }
      await cancelMeeting({ actor, meetingId: params.id });
    } else {
      throw httpError(400);
    }
    return redirect(`/meetings/${params.id}`);
  });
}

export default function MeetingPage() {
  const { meeting, canRespond, canCancel } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${meeting.subject} · Synergy`}</title>
      <h1>{meeting.subject}</h1>
      <PartneringNav />
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      <p>
        {t(meeting.iProposed ? "meetings.youProposedTo" : "meetings.proposedToYouBy", {
          name: meeting.otherName,
        })}{" "}
        · {t(`meetings.status.${meeting.status}`)} ·{" "}
        {t("meetings.minutes", { n: meeting.durationMinutes })}
      </p>
      {meeting.note ? <p className="offer-description">{meeting.note}</p> : null}
      <dl className="facts">
        {meeting.place ? (
          <>
            <dt>{t("meetings.place")}</dt>
            <dd>{meeting.place}</dd>
          </>
        ) : null}
        {meeting.videoUrl ? (
          <>
            <dt>{t("meetings.videoUrl")}</dt>
            <dd>
              <a href={meeting.videoUrl} rel="noopener noreferrer">
                {meeting.videoUrl}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {meeting.startsAt ? (
        <>
          <p>
            <strong>{t("meetings.agreedTime")}</strong> {meeting.startsAt}
          </p>
          {meeting.status === "accepted" ? (
            <p>
              <a className="button secondary" href={`/meetings/${meeting.id}/ics`} download>
                {t("meetings.addToCalendar")}
              </a>
            </p>
          ) : null}
        </>
      ) : (
        <MeetingTimes times={meeting.times} canAccept={canRespond} />
      )}
      <div className="inline-actions">
        {canRespond ? (
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="decline" />
            <SubmitButton className="button secondary">{t("meetings.decline")}</SubmitButton>
          </CsrfForm>
        ) : null}
        {canCancel ? (
          <ConfirmAction
            label={t("meetings.cancel")}
            question="meetings.cancelQuestion"
            confirmLabel="meetings.cancelConfirm"
            fields={{ intent: "cancel" }}
            className="button secondary"
          />
        ) : null}
      </div>
      <p className="section">
        <a href="/meetings">{t("meetings.backToList")}</a>
      </p>
    </main>
  );
}
