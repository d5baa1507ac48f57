import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { attendanceSubject, countArrivals } from "~/features/events/attendance.server";
import { attendancePolicy } from "~/features/events/attendance-rules";
import { getEvent } from "~/features/events/events.server";
import { feedbackResults } from "~/features/events/feedback.server";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleLoader, httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { formatNumber } from "~/ui/format";
import { Time } from "~/ui/time";
import type { Route } from "./+types/event-feedback-results";

/** An event's attendance figures and feedback, for the network's facilitators (decision 017). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const user = await requireUser(context, request);
  const { access, header } = await loadNetworkHeader(params.id, context);
  const network = networkSubject(access);
  const event = await getEvent(access.network.id, params.eventId);
  if (!event) throw httpError(404, "events.notFound");
  await handleLoader(async () =>
    attendancePolicy.authorize(personOf(user), "seeResults", attendanceSubject(network, event)),
  );
  const results = await feedbackResults(event.id);
  return {
    network: header,
    event: { id: event.id, title: event.title, goingCount: event.goingCount },
    arrived: await countArrivals(event.id),
    ...results,
    answers: results.answers.map((a) => ({ ...a, updated_at: a.updated_at.toISOString() })),
  };
}

export default function EventFeedbackResults() {
  const r = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const base = `/networks/${r.network.id}/events/${r.event.id}`;
  const widest = Math.max(1, ...r.distribution.map((d) => d.count));
  return (
    <main id="main" className="page">
      <title>{`${t("events.feedback.resultsHeading")} · ${r.event.title} · Synergy`}</title>
      <NetworkHeader network={r.network} />
      <section className="section narrow-column stack" aria-labelledby="results">
        <h2 id="results">{t("events.feedback.resultsHeading")}</h2>
        <p>
          <a href={base}>{r.event.title}</a>
        </p>
        <p>{t("events.checkIn.counts", { arrived: r.arrived, going: r.event.goingCount })}</p>
        <p>
          {t("events.feedback.answersCount", { count: r.count })}
          {r.average !== null
            ? ` · ${t("events.feedback.average", {
                average: formatNumber(Math.round(r.average * 10) / 10, locale),
              })}`
            : null}
        </p>
        <table className="bars">
          <caption>{t("events.feedback.relevance")}</caption>
          <tbody>
            {r.distribution.map((d) => (
              <tr key={d.mark}>
                <th scope="row">{t(`events.feedback.mark.${d.mark}`)}</th>
                <td>
                  <progress max={widest} value={d.count} aria-hidden="true" /> {d.count}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <table>
          <caption>{t("events.feedback.nextStep")}</caption>
          <tbody>
            {r.nextSteps.map((s) => (
              <tr key={s.step}>
                <th scope="row">{t(`events.feedback.next.${s.step}`)}</th>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <h3>{t("events.feedback.answersHeading")}</h3>
        {r.answers.length === 0 ? <p className="muted">{t("events.feedback.noAnswers")}</p> : null}
        <ul className="stack">
          {r.answers.map((a, i) => (
            // Answers carry no name or id (anonymous to facilitators): their order is the key.
            <li key={i}>
              <strong>{t(`events.feedback.mark.${a.relevance}`)}</strong>
              {a.next_step ? ` · ${t(`events.feedback.next.${a.next_step}`)}` : null}
              {a.next_text ? <span className="block">{a.next_text}</span> : null}
              {a.comment ? <span className="block prose">{a.comment}</span> : null}
              <span className="hint block">
                <Time value={a.updated_at} />
              </span>
            </li>
          ))}
        </ul>
        <p className="inline-actions">
          <a href={`${base}/export/feedback.csv`} download>
            {t("events.export.feedback")}
          </a>
          <a href={`${base}/export/attendance.csv`} download>
            {t("events.export.attendance")}
          </a>
        </p>
      </section>
    </main>
  );
}
