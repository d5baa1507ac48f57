import { redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { loadCheckInPanel } from "~/features/events/check-in-page.server";
import {
  answerEvent,
  cancelEvent,
  eventSubject,
  getEvent,
  listAttendees,
  myAnswer,
} from "~/features/events/events.server";
import { eventPolicy } from "~/features/events/rules";
import { seriesView } from "~/features/events/series.server";
import { CheckInPanel } from "~/features/events/ui/check-in-panel";
import { SeriesBlock } from "~/features/events/ui/series-block";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { hasPartneringDay } from "~/features/partnering/partnering-days.server";
import { viewerOf } from "~/features/profiles/policy.server";
import { languageName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { AuthorName } from "~/ui/author-name";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { formatDateTime } from "~/ui/format";
import { Time } from "~/ui/time";
import type { Route } from "./+types/event";

export async function loader({ params, context }: Route.LoaderArgs) {
  const { auth, access, header, locale } = await loadNetworkHeader(params.id, context);
  const subject = networkSubject(access);
  await handleLoader(async () => eventPolicy.authorize(actorOf(auth), "view", subject));
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  const viewerId = auth?.user.id ?? null;
  const answer = await myAnswer(event.id, viewerId);
  const actor = actorOf(auth);
  const es = eventSubject(subject, event);
  // The meeting link only for people going, and the facilitators who run the event.
  const seesLink = answer === "going" || access.isFacilitator;
  return {
    network: header,
    event: {
      id: event.id,
      title: event.title,
      description: event.description,
      kind: event.kind,
      venue: event.venue,
      address: event.address,
      mapUrl: event.mapUrl,
      meetingUrl: seesLink ? event.meetingUrl : "",
      hasMeetingUrl: event.meetingUrl !== "",
      timeZone: event.timeZone,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      // The organiser's own wall-clock time, its zone named, as the event was typed.
      organiserTime: formatDateTime(event.startsAt, locale, event.timeZone, "id"),
      language: languageName(event.language, locale),
      capacity: event.capacity,
      goingCount: event.goingCount,
      rsvpDeadline: event.rsvpDeadline?.toISOString() ?? null,
      cancelled: event.cancelledAt !== null,
    },
    answer,
    attendees: await listAttendees(event.id, await viewerOf(auth)),
    canAnswer: eventPolicy.can(actor, "rsvp", { ...es, answer: "going" }),
    canManage: eventPolicy.can(actor, "manage", es),
    series: await seriesView(event, eventPolicy.can(actor, "create", subject)),
    checkIn: await loadCheckInPanel({ actor, network: subject, event, answer }),
    // Its partnering day, for the people it is for: those going and the organisers.
    partneringDay:
      (await hasPartneringDay(event.id)) &&
      (answer === "going" || eventPolicy.can(actor, "manage", es)),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const network = networkSubject(access);
  const form = readForm(context);
  const back = `/networks/${access.network.id}/events/${params.eventId}`;
  return handleAction(async () => {
    if (form.intent === "rsvp") {
      const answer = form.answer;
      if (answer !== "going" && answer !== "maybe" && answer !== "not_going") throw httpError(400);
      // Giving up a seat of a limited event (it goes to the waiting list at once), or one's
      // place on that list, cannot be taken back: ask first (decision 032).
      if (answer !== "going" && !isConfirmed(form)) {
        const event = await getEvent(access.network.id, params.eventId);
        const before = event ? await myAnswer(event.id, actor.id) : null;
        const fields = { intent: "rsvp", answer };
        if (event?.capacity != null && before === "going") {
          return confirmRequest("events.giveUpSeatQuestion", "events.giveUpSeatConfirm", fields);
        }
        if (before === "waiting") {
          return confirmRequest(
            "events.leaveWaitingQuestion",
            "events.leaveWaitingConfirm",
            fields,
          );
        }
      }
      const status = await answerEvent({ actor, network, eventId: params.eventId, answer });
      return redirect(`${back}?answered=${status}`);
    }
    if (form.intent === "cancel") {
      if (!isConfirmed(form)) {
        // Only the people who may cancel it are asked; anyone else is refused as before.
        const event = await getEvent(access.network.id, params.eventId);
        if (!event) throw httpError(404, "events.notFound");
        eventPolicy.authorize(actor, "manage", eventSubject(network, event));
        return confirmRequest("events.cancelQuestion", "events.cancelConfirm", {
          intent: "cancel",
        });
      }
      await cancelEvent({ actor, network, eventId: params.eventId });
      return redirect(back);
    }
    throw httpError(400);
  });
}

export default function EventPage() {
  const {
    network,
    event,
    answer,
    attendees,
    canAnswer,
    canManage,
    series,
    checkIn,
    partneringDay,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const going = attendees.filter((a) => a.status === "going");
  const waiting = attendees.filter((a) => a.status === "waiting");
  const maybe = attendees.filter((a) => a.status === "maybe");
  return (
    <main id="main" className="page">
      <title>{`${event.title} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      <article className="section narrow-column stack" aria-labelledby="event-title">
        <h2 id="event-title">{event.title}</h2>
        {event.cancelled ? (
          <FormMessage kind="error">{t("events.cancelledNotice")}</FormMessage>
        ) : null}
        {result && "message" in result && result.message ? (
          <FormMessage kind="error">{t(result.message)}</FormMessage>
        ) : null}
        <ConfirmPrompt confirm={confirmIn(result)} />
        <dl className="facts">
          <dt>{t("events.when")}</dt>
          <dd>
            <Time value={event.startsAt} /> – <Time value={event.endsAt} />
            <span className="hint block">
              {t("events.organiserTime", { time: event.organiserTime })}
            </span>
          </dd>
          <dt>{t("events.kind")}</dt>
          <dd>{t(`events.kind.${event.kind}`)}</dd>
          {event.venue ? (
            <>
              <dt>{t("events.venue")}</dt>
              <dd>
                {event.venue}
                {event.address ? <span className="block">{event.address}</span> : null}
                {event.mapUrl ? (
                  <a className="block" href={event.mapUrl} rel="noopener noreferrer nofollow">
                    {t("events.openMap")}
                  </a>
                ) : null}
              </dd>
            </>
          ) : null}
          {event.hasMeetingUrl ? (
            <>
              <dt>{t("events.meetingUrl")}</dt>
              <dd>
                {event.meetingUrl ? (
                  <a href={event.meetingUrl} rel="noopener noreferrer nofollow">
                    {event.meetingUrl}
                  </a>
                ) : (
                  t("events.meetingUrlForGoing")
                )}
              </dd>
            </>
          ) : null}
          <dt>{t("events.language")}</dt>
          <dd>{event.language}</dd>
          <dt>{t("events.seats")}</dt>
          <dd>
            {event.capacity === null
              ? t("events.goingNoLimit", { going: event.goingCount })
              : t("events.goingOfCapacity", { going: event.goingCount, capacity: event.capacity })}
          </dd>
          {event.rsvpDeadline ? (
            <>
              <dt>{t("events.rsvpDeadline")}</dt>
              <dd>
                <Time value={event.rsvpDeadline} />
              </dd>
            </>
          ) : null}
        </dl>
        {series ? <SeriesBlock networkId={network.id} eventId={event.id} series={series} /> : null}
        {event.description ? <p className="prose">{event.description}</p> : null}
        {answer ? <p className="status">{t(`events.yourAnswer.${answer}`)}</p> : null}
        {canAnswer || answer === "going" || answer === "waiting" ? (
          <CsrfForm method="post" className="inline-actions">
            <input type="hidden" name="intent" value="rsvp" />
            <SubmitButton name="answer" value="going">
              {t("events.answer.going")}
            </SubmitButton>
            <SubmitButton name="answer" value="maybe" className="button secondary">
              {t("events.answer.maybe")}
            </SubmitButton>
            <SubmitButton name="answer" value="not_going" className="button secondary">
              {t("events.answer.not_going")}
            </SubmitButton>
          </CsrfForm>
        ) : null}
        <p>
          <a href={`/networks/${network.id}/events/${event.id}/event.ics`} download>
            {t(series ? "events.series.addToCalendar" : "events.addToCalendar")}
          </a>
        </p>
        {partneringDay || (canManage && !event.cancelled) ? (
          <p className="inline-actions">
            {partneringDay ? (
              <a href={`/events/${event.id}/partnering`}>{t("partneringDay.open")}</a>
            ) : null}
            {canManage && !event.cancelled ? (
              <a href={`/events/${event.id}/partnering/setup`}>{t("partneringDay.setup")}</a>
            ) : null}
          </p>
        ) : null}
        {canManage ? (
          <p className="inline-actions">
            <a
              className="button secondary"
              href={`/networks/${network.id}/events/${event.id}/edit`}
            >
              {t(series ? "events.series.editThis" : "events.edit")}
            </a>
          </p>
        ) : null}
        {canManage ? (
          <ConfirmAction
            label={t(series ? "events.series.cancelThis" : "events.cancel")}
            question="events.cancelQuestion"
            confirmLabel="events.cancelConfirm"
            fields={{ intent: "cancel" }}
            className="button danger"
          />
        ) : null}
      </article>
      <CheckInPanel networkId={network.id} eventId={event.id} panel={checkIn} />
      <section className="section narrow-column" aria-labelledby="attendees">
        <h2 id="attendees">{t("events.attendees")}</h2>
        <AttendeeList title={t("events.list.going")} people={going} />
        <AttendeeList title={t("events.list.waiting")} people={waiting} ordered />
        <AttendeeList title={t("events.list.maybe")} people={maybe} />
      </section>
      <p className="section">
        <a href={`/networks/${network.id}/events`}>{t("events.backToList")}</a>
      </p>
    </main>
  );
}

function AttendeeList(props: {
  title: string;
  people: { id: string; name: string; headline: string | null; linked: boolean }[];
  ordered?: boolean;
}) {
  if (props.people.length === 0) return null;
  const items = props.people.map((p) => (
    <li key={p.id}>
      <AuthorName author={{ id: p.id, name: p.name, linked: p.linked }} />
      {p.headline ? <span className="hint"> · {p.headline}</span> : null}
    </li>
  ));
  return (
    <>
      <h3>{`${props.title} (${props.people.length})`}</h3>
      {props.ordered ? <ol>{items}</ol> : <ul>{items}</ul>}
    </>
  );
}
