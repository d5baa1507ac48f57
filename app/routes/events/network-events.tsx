import { useLoaderData } from "react-router";
import { listNetworkEvents } from "~/features/events/events.server";
import { eventPolicy } from "~/features/events/rules";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { networkSubject } from "~/features/networks/rules";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { Time } from "~/ui/time";
import type { Route } from "./+types/network-events";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  const subject = networkSubject(access);
  await handleLoader(async () => eventPolicy.authorize(actorOf(auth), "view", subject));
  const when = new URL(request.url).searchParams.get("when") === "past" ? "past" : "upcoming";
  const rows = await listNetworkEvents(access.network.id, when);
  return {
    network: header,
    when,
    canCreate: eventPolicy.can(actorOf(auth), "create", subject),
    signedIn: auth !== null,
    events: rows.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      venue: e.venue,
      startsAt: e.starts_at.toISOString(),
      capacity: e.capacity,
      goingCount: e.going_count,
      cancelled: e.cancelled,
      inSeries: e.in_series,
    })),
  };
}

export default function NetworkEvents() {
  const { network, when, canCreate, signedIn, events } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const base = `/networks/${network.id}/events`;
  return (
    <main id="main" className="page">
      <title>{`${t("events.heading")} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      <section className="section" aria-labelledby="events">
        <h2 id="events">{t("events.heading")}</h2>
        <nav className="inline-actions" aria-label={t("events.heading")}>
          <a href={base} aria-current={when === "upcoming" ? "page" : undefined}>
            {t("events.upcoming")}
          </a>
          <a href={`${base}?when=past`} aria-current={when === "past" ? "page" : undefined}>
            {t("events.past")}
          </a>
          {signedIn ? <a href="/settings/calendar">{t("calendars.subscribe")}</a> : null}
          {canCreate ? (
            <a className="button" href={`${base}/new`}>
              {t("events.newHeading")}
            </a>
          ) : null}
        </nav>
        {events.length === 0 ? <p>{t("events.none")}</p> : null}
        <ul className="card-list">
          {events.map((e) => (
            <li key={e.id} className="card">
              <h3>
                <a href={`${base}/${e.id}`}>{e.title}</a>
              </h3>
              <p>
                <Time value={e.startsAt} /> · {t(`events.kind.${e.kind}`)}
                {e.venue ? ` · ${e.venue}` : ""}
                {e.inSeries ? ` · ${t("events.series.badge")}` : ""}
              </p>
              <p className="hint">
                {e.cancelled
                  ? t("events.cancelledShort")
                  : e.capacity === null
                    ? t("events.goingNoLimit", { going: e.goingCount })
                    : t("events.goingOfCapacity", { going: e.goingCount, capacity: e.capacity })}
              </p>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
