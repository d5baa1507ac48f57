import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { listOrganisations } from "~/features/organisations/organisations.server";
import { organisationFilterSchema, parseFilters } from "~/features/profiles/schema-filters";
import {
  countryName,
  countryOptions,
  naceSectionOptions,
  sectorName,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { FilterActions, SelectField, TextField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/organisations";

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const filters = parseFilters(organisationFilterSchema, url);
  const after = decodeCursor(url.searchParams.get("after"));
  const page = await listOrganisations({ filters, after });
  return {
    filters,
    isFirstPage: after === null,
    next: page.next,
    organisations: page.organisations.map((o) => ({
      ...o,
      countryName: countryName(o.country, locale),
      sector: sectorName(o.naceDivision, locale),
    })),
    options: {
      countries: countryOptions(locale),
      sectors: naceSectionOptions(locale),
      topics: topicOptions(locale),
    },
  };
}

export default function Organisations() {
  const { filters, organisations, next, isFirstPage, options } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("orgs.title")} · Synergy`}</title>
      <h1>{t("orgs.title")}</h1>
      <p>{t("orgs.intro")}</p>
      <form method="get" className="filters" aria-label={t("people.filters")}>
        <TextField name="q" type="search" label={t("orgs.name")} defaultValue={filters.q ?? ""} />
        <SelectField
          name="kind"
          label={t("orgs.kind")}
          defaultValue={filters.kind ?? ""}
          emptyLabel={t("filters.any")}
          options={[
            { value: "enterprise", label: t("org.kind.enterprise") },
            { value: "provider", label: t("org.kind.provider") },
          ]}
        />
        <SelectField
          name="country"
          label={t("profile.country")}
          defaultValue={filters.country ?? ""}
          emptyLabel={t("filters.any")}
          options={options.countries}
        />
        <SelectField
          name="sector"
          label={t("org.sector")}
          defaultValue={filters.sector ?? ""}
          emptyLabel={t("filters.any")}
          options={options.sectors}
        />
        <SelectField
          name="topic"
          label={t("orgs.teaches")}
          defaultValue={filters.topic ?? ""}
          emptyLabel={t("filters.any")}
          options={options.topics}
        />
        <FilterActions clearHref="/organisations" />
      </form>
      {organisations.length === 0 ? (
        <div className="card">
          <h2>{t("orgs.emptyTitle")}</h2>
          <p>{t("orgs.empty")}</p>
        </div>
      ) : (
        <ul className="card-list three" aria-label={t("orgs.results")}>
          {organisations.map((o) => (
            <li key={o.id} className="card">
              <h2 className="h3">
                <a href={`/organisations/${o.id}`}>{o.name}</a>
              </h2>
              <p className="muted">
                {t(`org.kind.${o.kind}`)} · {[o.region, o.countryName].filter(Boolean).join(", ")}
              </p>
              {o.kind === "enterprise" ? (
                <p>
                  {o.sector}
                  {o.sizeBand ? ` · ${t(`org.sizeBand.${o.sizeBand}`)}` : ""}
                </p>
              ) : o.providerType ? (
                <p>{t(`org.providerTypes.${o.providerType}`)}</p>
              ) : null}
              <p className="muted">{t("orgs.memberCount", { count: o.members })}</p>
            </li>
          ))}
        </ul>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}
