import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { readSearchFilters, searchOpportunities } from "~/features/partnering/opportunities.server";
import { cardOf, searchFilterOptions } from "~/features/partnering/opportunity-page.server";
import { OpportunityCard } from "~/features/partnering/ui/opportunity-card";
import { OpportunityFilters } from "~/features/partnering/ui/opportunity-filters";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { countActive, FilterFold } from "~/ui/filter-fold";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/search";

/**
 * Partnering opportunities: current published ones, by words and filters in the query string
 * (keyset pages of 20). Open to signed-out visitors too: cards carry no contact details.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const filters = readSearchFilters(params);
    const after = decodeCursor(params.get("after"));
    const page = await searchOpportunities({ filters, after, locale });
    return {
      signedIn: auth !== null,
      filters,
      opportunities: page.opportunities.map((row) => cardOf(row, locale)),
      next: page.next,
      isFirstPage: after === null,
      options: searchFilterOptions(locale),
    };
  });
}

export default function PartneringSearch() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("partnering.title")} · Synergy`}</title>
      <h1>{t("partnering.title")}</h1>
      <PartneringNav />
      <p>{t("partnering.intro")}</p>
      {data.signedIn ? (
        <p className="inline-actions">
          <a className="button" href="/partnering/new">
            {t("partnering.newHeading")}
          </a>
        </p>
      ) : null}
      {/* Eight filters pushed the results below a phone's first screen: folded there. */}
      <FilterFold activeCount={countActive(data.filters)}>
        <OpportunityFilters values={data.filters} options={data.options} />
      </FilterFold>
      {data.opportunities.length === 0 ? (
        <p className="empty-state">{t("partnering.none")}</p>
      ) : (
        <ul className="card-list" aria-label={t("partnering.results")}>
          {data.opportunities.map((o) => (
            <OpportunityCard key={o.id} opportunity={o} />
          ))}
        </ul>
      )}
      <Pager next={data.next} isFirstPage={data.isFirstPage} />
    </main>
  );
}
