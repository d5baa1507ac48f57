import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { NeedsNav } from "~/features/needs/ui/needs-nav";
import { radarQuery, readRadarFilters } from "~/features/radar/filters";
import {
  facilitatesANetwork,
  type Group,
  radarFigures,
  viewerNetworks,
} from "~/features/radar/radar.server";
import { radarPolicy } from "~/features/radar/rules";
import {
  countryOptions,
  naceDivisionOptions,
  naceSectionOptions,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { BarChart, HeatMap, TrendChart } from "~/ui/charts";
import { formatNumber } from "~/ui/charts/format";
import { FilterActions, SelectField, TextField } from "~/ui/form";
import type { Route } from "./+types/radar";

/**
 * The needs radar (issue 10): what owners need, by topic, country, region, sector and network,
 * and how far the offers are from it (the distance index, decision 018 "How it is shown").
 * Educators, facilitators and admins; only needs the viewer may see count; groups of fewer than
 * three needs or people are never shown.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    radarPolicy.authorize(personOf(auth), "view", {
      role: auth.user.role,
      facilitatesANetwork: await facilitatesANetwork(auth.user.id),
    });
    const filters = readRadarFilters(params);
    const filtered = Object.entries(filters).some(
      ([key, v]) => key !== "period" && v !== undefined,
    );
    const [figures, unfiltered, networks] = await Promise.all([
      radarFigures(auth.user.id, filters, locale),
      // The choices come from the period's figures without the other filters (kept apart).
      filtered ? radarFigures(auth.user.id, { period: filters.period }, locale) : null,
      viewerNetworks(auth.user.id),
    ]);
    const all = unfiltered ?? figures;
    // The choices are what the figures hold (and what is chosen), so the lists stay short.
    const choices = (
      groups: Group[],
      chosen: string | undefined,
      label: (key: string) => string,
    ) => {
      const options = groups.map((g) => ({ value: g.key, label: g.label }));
      if (chosen && !options.some((o) => o.value === chosen)) {
        options.unshift({ value: chosen, label: label(chosen) });
      }
      return options.sort((a, b) => a.label.localeCompare(b.label, locale));
    };
    const topicNames = new Map(topicOptions(locale).map((o) => [`topic:${o.value}`, o.label]));
    const countryNames = new Map(countryOptions(locale).map((o) => [o.value, o.label]));
    const sectionNames = new Map(naceSectionOptions(locale).map((o) => [o.value, o.label]));
    const divisionNames = new Map(naceDivisionOptions(locale).map((o) => [o.value, o.label]));
    const shown = 25;
    return {
      filters,
      query: radarQuery(filters),
      figures: {
        ...figures,
        topics: figures.topics.slice(0, shown),
        countries: figures.countries.slice(0, shown),
        regions: figures.regions.slice(0, shown),
        sections: figures.sections.slice(0, shown),
        divisions: figures.divisions.slice(0, shown),
        networks: figures.networks.slice(0, shown),
      },
      options: {
        topics: choices(all.topics, filters.topic, (k) => topicNames.get(k) ?? k),
        countries: choices(all.countries, filters.country, (k) => countryNames.get(k) ?? k),
        sections: choices(all.sections, filters.section, (k) => sectionNames.get(k) ?? k),
        divisions: choices(all.divisions, filters.division, (k) => divisionNames.get(k) ?? k),
        networks,
      },
    };
  });
}

export default function Radar() {
  const { filters, query, figures, options } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const number = (n: number) => formatNumber(n, locale);
  const percent = (n: number | null) =>
    n === null ? t("radar.noIndex") : formatNumber(n, locale, { style: "percent" });
  const total = figures.total;
  const networkLabel = (g: Group) => (g.key === "" ? t("radar.noNetwork") : g.label);
  return (
    <main id="main" className="page radar">
      <title>{`${t("radar.title")} · Synergy`}</title>
      <h1>{t("radar.title")}</h1>
      <NeedsNav />
      <p>{t("radar.intro")}</p>
      <form method="get" className="filters" aria-label={t("radar.filters")}>
        <SelectField
          name="period"
          label={t("radar.period")}
          defaultValue={filters.period}
          options={(["3", "6", "12", "all"] as const).map((p) => ({
            value: p,
            label: t(`radar.period.${p}`),
          }))}
        />
        <SelectField
          name="topic"
          label={t("radar.topic")}
          defaultValue={filters.topic ?? ""}
          emptyLabel={t("filters.any")}
          options={options.topics}
        />
        <SelectField
          name="country"
          label={t("radar.country")}
          defaultValue={filters.country ?? ""}
          emptyLabel={t("filters.any")}
          options={options.countries}
        />
        <TextField name="region" label={t("radar.region")} defaultValue={filters.region ?? ""} />
        <SelectField
          name="section"
          label={t("radar.section")}
          defaultValue={filters.section ?? ""}
          emptyLabel={t("filters.any")}
          options={options.sections}
        />
        <SelectField
          name="division"
          label={t("radar.division")}
          defaultValue={filters.division ?? ""}
          emptyLabel={t("filters.any")}
          options={options.divisions}
        />
        {options.networks.length > 0 ? (
          <SelectField
            name="network"
            label={t("radar.network")}
            defaultValue={filters.network ?? ""}
            emptyLabel={t("filters.any")}
            options={options.networks}
          />
        ) : null}
        <FilterActions clearHref="/radar" />
      </form>
      <p>
        <a href={`/radar.csv${query}`} download>
          {t("radar.csv")}
        </a>
      </p>

      <section aria-labelledby="radar-distance">
        <h2 id="radar-distance">{t("radar.distance")}</h2>
        {total.shown ? (
          <>
            <p className="radar-headline">
              {t("radar.totals", { needs: total.needs, weight: total.weight })}{" "}
              <strong>{t("radar.distanceIs", { index: percent(total.index) })}</strong>
            </p>
            <p>
              {t("radar.distanceWhy", {
                unreached: number(total.unreached),
                weight: number(total.weight),
              })}
            </p>
            {total.unreached > 0 ? (
              <ul>
                {figures.reasons.noFit > 0 ? (
                  <li>{t("radar.reasonNoFit", { weight: number(figures.reasons.noFit) })}</li>
                ) : null}
                {figures.reasons.noOffer > 0 ? (
                  <li>{t("radar.reasonNoOffer", { weight: number(figures.reasons.noOffer) })}</li>
                ) : null}
                {figures.reasons.freeText > 0 ? (
                  <li>{t("radar.reasonFreeText", { weight: number(figures.reasons.freeText) })}</li>
                ) : null}
              </ul>
            ) : null}
          </>
        ) : (
          <p>{t("radar.tooFew")}</p>
        )}
        <details>
          <summary>{t("radar.formulaTitle")}</summary>
          <p>{t("radar.formula")}</p>
          <p>{t("radar.formulaReached")}</p>
          <p>{t("radar.formulaSmall")}</p>
        </details>
        {figures.trend.points.length > 0 ? (
          <TrendChart
            title={t("radar.distanceTrend")}
            description={`${t(`radar.trendOf.${figures.trend.dimension}`)} ${t("radar.trendNote")}`}
            locale={locale}
            dateHeading={t("radar.day")}
            format={{ style: "percent" }}
            max={1}
            series={[{ name: t("radar.index"), points: figures.trend.points }]}
          />
        ) : (
          <p>{t("radar.noTrend")}</p>
        )}
      </section>

      {figures.topics.length > 0 ? (
        <BarChart
          title={t("radar.topTopics")}
          description={t("radar.topTopicsDesc")}
          locale={locale}
          labelHeading={t("radar.topic")}
          valueHeading={t("radar.weight")}
          items={figures.topics.slice(0, 10).map((g) => ({ label: g.label, value: g.weight }))}
        />
      ) : null}

      {figures.heat.rows.length > 0 && figures.heat.columns.length > 0 ? (
        <HeatMap
          title={t("radar.heat")}
          description={t("radar.heatDesc")}
          locale={locale}
          rows={figures.heat.rows}
          columns={figures.heat.columns}
          values={figures.heat.values}
          rowHeading={t("radar.topic")}
          suppressedMark="<3"
          suppressedLabel={t("radar.fewerThan3")}
        />
      ) : null}

      {figures.months.length > 0 ? (
        <TrendChart
          title={t("radar.perMonth")}
          description={t("radar.perMonthDesc")}
          locale={locale}
          dateHeading={t("radar.month")}
          series={[
            {
              name: t("radar.needs"),
              points: figures.months.map((m) => ({ date: m.month, value: m.needs })),
            },
          ]}
        />
      ) : null}

      <GroupTable
        id="by-network"
        title={t("radar.byNetwork")}
        groups={figures.networks}
        label={networkLabel}
      />
      <GroupTable id="by-country" title={t("radar.byCountry")} groups={figures.countries} />
      <GroupTable id="by-topic" title={t("radar.byTopic")} groups={figures.topics} />
      <GroupTable id="by-region" title={t("radar.byRegion")} groups={figures.regions} />
      <GroupTable id="by-section" title={t("radar.bySection")} groups={figures.sections} />
      <GroupTable id="by-division" title={t("radar.byDivision")} groups={figures.divisions} />

      <section aria-labelledby="radar-unanswered">
        <h2 id="radar-unanswered">{t("radar.unanswered")}</h2>
        <p>{t("radar.unansweredIntro")}</p>
        {figures.unanswered.length === 0 ? (
          <p>{t("radar.none")}</p>
        ) : (
          <ol className="radar-unanswered">
            {figures.unanswered.map((need) => (
              <li key={need.id}>
                <a href={`/needs/${need.id}`}>{need.label}</a>{" "}
                <span>
                  {t("radar.needLine", {
                    weight: need.weight,
                    meToos: need.meTooCount,
                    country: need.country,
                  })}
                </span>
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

function GroupTable(props: {
  id: string;
  title: string;
  groups: Group[];
  label?: (g: Group) => string;
}) {
  const { t, locale } = useI18n();
  if (props.groups.length === 0) return null;
  const number = (n: number) => formatNumber(n, locale);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways must take the keyboard (WCAG 2.1.1)
    <section aria-labelledby={props.id} className="radar-table table-scroll" tabIndex={0}>
      <h2 id={props.id}>{props.title}</h2>
      <div>
        <table>
          <thead>
            <tr>
              <th scope="col">{props.title}</th>
              <th scope="col">{t("radar.needs")}</th>
              <th scope="col">{t("radar.weight")}</th>
              <th scope="col">{t("radar.unreached")}</th>
              <th scope="col">{t("radar.index")}</th>
            </tr>
          </thead>
          <tbody>
            {props.groups.map((g) => (
              <tr key={g.key}>
                <th scope="row">{props.label ? props.label(g) : g.label}</th>
                <td>{number(g.needs)}</td>
                <td>{number(g.weight)}</td>
                <td>{number(g.unreached)}</td>
                <td>
                  {g.index === null
                    ? t("radar.noIndex")
                    : formatNumber(g.index, locale, { style: "percent" })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
