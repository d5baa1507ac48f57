import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { reviewQueue } from "~/features/partnering/opportunities.server";
import { cardOf } from "~/features/partnering/opportunity-page.server";
import { isReviewer } from "~/features/partnering/rules";
import { OpportunityCard } from "~/features/partnering/ui/opportunity-card";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { ReviewForms } from "~/features/partnering/ui/review-forms";
import { useI18n } from "~/i18n/context";
import { httpError } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/review";

/** Opportunities waiting for review (facilitators and admins; never their own organisation's). */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  if (!isReviewer(actor)) throw httpError(403, "partnering.reviewersOnly");
  const locale = resolveLocale(auth, context.requestLocale);
  const rows = await reviewQueue(actor, locale);
  return { opportunities: rows.map((r) => cardOf(r, locale)) };
}

export default function ReviewQueue() {
  const { opportunities } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("partnering.reviewQueue")} · Synergy`}</title>
      <h1>{t("partnering.reviewQueue")}</h1>
      <PartneringNav />
      {opportunities.length === 0 ? (
        <p className="empty-state">{t("partnering.reviewQueueEmpty")}</p>
      ) : (
        <ul className="card-list">
          {opportunities.map((o) => (
            <OpportunityCard key={o.id} opportunity={o}>
              <ReviewForms id={o.id} />
            </OpportunityCard>
          ))}
        </ul>
      )}
      <p className="section">
        <a href="/partnering">{t("partnering.backToSearch")}</a>
      </p>
    </main>
  );
}
