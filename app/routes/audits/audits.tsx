import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { myAudits } from "~/features/audits/audits.server";
import { NeedsNav } from "~/features/needs/ui/needs-nav";
import { useI18n } from "~/i18n/context";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/audits";

/** The needs audits a person runs and those they are invited to answer. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const person = personOf(auth);
  return { ...(await myAudits(person)), mayStartCountry: person.isFacilitator };
}

export default function Audits() {
  const { running, invited, facilitated, mayStartCountry } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("audits.list.heading")} · Synergy`}</title>
      <section className="section narrow-column stack" aria-labelledby="audits-heading">
        <h1 id="audits-heading">{t("audits.list.heading")}</h1>
        <NeedsNav />
        {mayStartCountry ? (
          <p>
            <a className="button" href="/audits/new">
              {t("audits.list.newCountry")}
            </a>
          </p>
        ) : null}
        {facilitated.length > 0 ? (
          <ul className="stack">
            {facilitated.map((n) => (
              <li key={n.id}>
                <a href={`/audits/new?network=${n.id}`}>
                  {t("audits.list.newNetwork", { network: n.name })}
                </a>
              </li>
            ))}
          </ul>
        ) : null}
        <h2>{t("audits.list.invited")}</h2>
        {invited.length === 0 ? <p className="hint">{t("audits.list.none")}</p> : null}
        <ul className="stack">
          {invited.map((a) => (
            <li key={a.id}>
              <a href={`/audits/${a.id}`}>{a.title}</a> ·{" "}
              {a.answered ? t("audits.list.answered") : t(`audits.status.${a.status as "open"}`)}
            </li>
          ))}
        </ul>
        <h2>{t("audits.list.running")}</h2>
        {running.length === 0 ? <p className="hint">{t("audits.list.none")}</p> : null}
        <ul className="stack">
          {running.map((a) => (
            <li key={a.id}>
              <a href={`/audits/${a.id}`}>{a.title}</a> · {a.network_name ?? a.country} ·{" "}
              {t(`audits.status.${a.status as "open"}`)}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
