import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { listOpenEvents, readOpenEventFilters } from "~/features/events/agenda.server";
import { AgendaList } from "~/features/events/ui/agenda-list";
import {
  countryName,
  countryOptions,
  languageOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { FilterActions, SelectField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/open-events";

/**
 * Upcoming events of every open network (those anyone may read), for visitors too: filters by
 * kind, language and country; an unknown filter value is a 400, not an empty list.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const filters = readOpenEventFilters(params);
    const after = decodeCursor(params.get("after"));
    const page = await listOpenEvents({ filters, after });
    return {
      filters,
      signedIn: auth !== null,
      events: page.events.map((e) => ({
        ...e,
        countries: e.countries.map((c) => countryName(c, locale)),
      })),
      next: page.next,
      isFirstPage: after === null,
      options: {
        countries: countryOptions(locale).slice(0, 60),
        languages: languageOptions(locale).slice(0, 30),
      },
    };
  });
}

export default function OpenEvents() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("calendars.openTitle")} · Synergy`}</title>
      <h1>{t("calendars.openTitle")}</h1>
      <p>{t("calendars.openIntro")}</p>
      {data.signedIn ? (
        <p>
          <a href="/agenda">{t("calendars.agendaTitle")}</a> ·{" "}
          <a href="/settings/calendar">{t("calendars.subscribe")}</a>
        </p>
      ) : null}
      <form method="get" className="filters" aria-label={t("calendars.filters")}>
        <SelectField
          name="kind"
          label={t("events.kind")}
          defaultValue={data.filters.kind ?? ""}
          emptyLabel={t("filters.any")}
          options={(["in_person", "online", "hybrid"] as const).map((k) => ({
            value: k,
            label: t(`events.kind.${k}`),
          }))}
        />
        <SelectField
          name="language"
          label={t("events.language")}
          defaultValue={data.filters.language ?? ""}
          emptyLabel={t("filters.any")}
          options={data.options.languages}
        />
        <SelectField
          name="country"
          label={t("profile.country")}
          defaultValue={data.filters.country ?? ""}
          emptyLabel={t("filters.any")}
          options={data.options.countries}
        />
        <FilterActions clearHref="/events" />
      </form>
      <AgendaList events={data.events} />
      <Pager next={data.next} isFirstPage={data.isFirstPage} />
    </main>
  );
}
