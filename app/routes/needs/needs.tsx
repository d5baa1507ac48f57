import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { browseNeeds, myNeeds } from "~/features/needs/needs.server";
import { needLabels, readBrowseFilters, topicFilterOptions } from "~/features/needs/page.server";
import { LearningFilterFields } from "~/features/needs/ui/learning-filters";
import { NeedCard, type NeedCardData } from "~/features/needs/ui/need-card";
import { NeedsNav } from "~/features/needs/ui/needs-nav";
import { countryOptions, languageOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { countActive, FilterFold } from "~/ui/filter-fold";
import { FilterActions } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/needs";

/**
 * Training needs: the person's own and those they share ("me too"), with their status, then the
 * open needs they may see (installation-wide and their networks'), filtered, newest first.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const filters = readBrowseFilters(params);
    const after = decodeCursor(params.get("after"));
    const [mine, browse] = await Promise.all([
      after ? Promise.resolve({ own: [], meToo: [] }) : myNeeds(auth.user.id),
      browseNeeds(auth.user.id, filters, after),
    ]);
    const labels = await needLabels([...mine.own, ...mine.meToo, ...browse.page], locale);
    return {
      filters,
      own: mine.own,
      meToo: mine.meToo,
      browse: browse.page,
      next: browse.next,
      isFirstPage: after === null,
      labels,
      options: {
        topics: topicFilterOptions(locale),
        countries: countryOptions(locale).slice(0, 60),
        languages: languageOptions(locale).slice(0, 30),
      },
    };
  });
}

function NeedList(props: {
  needs: NeedCardData[];
  labels: { topics: Record<string, string>; countries: Record<string, string> };
}) {
  return (
    <ul className="card-list">
      {props.needs.map((need) => (
        <NeedCard
          key={need.id}
          need={need}
          topicLabel={need.topic ? (props.labels.topics[need.topic] ?? need.topic) : null}
          countryName={need.country ? (props.labels.countries[need.country] ?? null) : null}
        />
      ))}
    </ul>
  );
}

export default function Needs() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("needs.title")} · Synergy`}</title>
      <h1>{t("needs.title")}</h1>
      <NeedsNav />
      <p>{t("needs.intro")}</p>
      <p>
        <a className="button" href="/needs/new">
          {t("needs.newTitle")}
        </a>
      </p>
      {d.isFirstPage ? (
        <>
          <section className="section" aria-labelledby="mine-heading">
            <h2 id="mine-heading">{t("needs.mineHeading")}</h2>
            {d.own.length === 0 ? <p className="muted">{t("needs.mineEmpty")}</p> : null}
            <NeedList needs={d.own} labels={d.labels} />
          </section>
          {d.meToo.length > 0 ? (
            <section className="section" aria-labelledby="metoo-heading">
              <h2 id="metoo-heading">{t("needs.meTooHeading")}</h2>
              <NeedList needs={d.meToo} labels={d.labels} />
            </section>
          ) : null}
        </>
      ) : null}
      <section className="section" aria-labelledby="browse-heading">
        <h2 id="browse-heading">{t("needs.browseHeading")}</h2>
        <FilterFold activeCount={countActive(d.filters)}>
          <form method="get" className="filters" aria-label={t("needs.filters")}>
            <LearningFilterFields
              list="needs"
              order={["topic", "country", "language", "format"]}
              values={d.filters}
              options={d.options}
            />
            <FilterActions clearHref="/needs" />
          </form>
        </FilterFold>
        {d.browse.length === 0 ? <p className="muted">{t("needs.browseEmpty")}</p> : null}
        <NeedList needs={d.browse} labels={d.labels} />
        <Pager next={d.next} isFirstPage={d.isFirstPage} />
      </section>
    </main>
  );
}
