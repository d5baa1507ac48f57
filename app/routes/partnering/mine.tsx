import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { myOpportunities } from "~/features/partnering/opportunities.server";
import { cardOf } from "~/features/partnering/opportunity-page.server";
import { OpportunityCard } from "~/features/partnering/ui/opportunity-card";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import type { Route } from "./+types/mine";

/** The opportunities of the person's organisations, in every status, with status badges. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const rows = await myOpportunities(auth.user.id, locale);
  return { opportunities: rows.map((r) => cardOf(r, locale)) };
}

export default function MyOpportunities() {
  const { opportunities } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("partnering.mineHeading")} · Synergy`}</title>
      <h1>{t("partnering.mineHeading")}</h1>
      <PartneringNav />
      <p>
        <a className="button" href="/partnering/new">
          {t("partnering.newHeading")}
        </a>
      </p>
      {opportunities.length === 0 ? (
        <p className="empty-state">{t("partnering.mineEmpty")}</p>
      ) : (
        <ul className="card-list">
          {opportunities.map((o) => (
            <OpportunityCard key={o.id} opportunity={o} showStatus />
          ))}
        </ul>
      )}
      <p className="section">
        <a href="/partnering">{t("partnering.backToSearch")}</a>
      </p>
    </main>
  );
}
