import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { directoryFilterValues, listPeople } from "~/features/profiles/directory.server";
import { viewerOf } from "~/features/profiles/policy.server";
import { parseFilters, peopleFilterSchema } from "~/features/profiles/schema-filters";
import { RoleSelect } from "~/features/profiles/ui/role-select";
import { commonLanguageCodes } from "~/features/taxonomy/languages";
import { consortiumCountries } from "~/features/taxonomy/types";
import {
  countryName,
  countryOptions,
  languageOptions,
  naceSectionOptions,
  topicLabel,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { AuthorName } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { countActive, FilterFold } from "~/ui/filter-fold";
import { FilterActions, SelectField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/people";

const isConsortiumCountry = (code: string) =>
  (consortiumCountries as readonly string[]).includes(code);

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const filters = parseFilters(peopleFilterSchema, url);
  const after = decodeCursor(url.searchParams.get("after"));
  const viewer = await viewerOf(auth);
  if (viewer.sight === "nothing") return { membersOnly: true as const };
  const [page, present] = await Promise.all([
    listPeople({ viewer, filters, after }),
    directoryFilterValues(),
  ]);
  return {
    membersOnly: false as const,
    filters,
    isFirstPage: after === null,
    next: page.next,
    people: page.people.map((p) => ({
      ...p,
      countryName: countryName(p.country, locale),
      offered: p.offered.map((slug) => topicLabel(slug, locale)),
    })),
    options: {
      // The partner countries and common languages always, others only where members are.
      countries: countryOptions(locale).filter(
        (o) => isConsortiumCountry(o.value) || present.countries.includes(o.value),
      ),
      languages: languageOptions(locale).filter(
        (o) => commonLanguageCodes.includes(o.value) || present.languages.includes(o.value),
      ),
      sectors: naceSectionOptions(locale),
      skills: topicOptions(locale),
    },
  };
}

export default function People() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  if (data.membersOnly) return <MembersOnly />;
  const { filters, people, next, isFirstPage, options } = data;
  return (
    <main id="main" className="page">
      <title>{`${t("people.title")} · Synergy`}</title>
      <h1>{t("people.title")}</h1>
      <p>{t("people.intro")}</p>
      <FilterFold activeCount={countActive(filters)}>
        <form method="get" className="filters" aria-label={t("people.filters")}>
          <RoleSelect value={filters.role} />
          <SelectField
            name="country"
            label={t("profile.country")}
            defaultValue={filters.country ?? ""}
            emptyLabel={t("filters.any")}
            options={options.countries}
          />
          <SelectField
            name="language"
            label={t("people.speaks")}
            defaultValue={filters.language ?? ""}
            emptyLabel={t("filters.any")}
            options={options.languages}
          />
          <SelectField
            name="sector"
            label={t("org.sector")}
            defaultValue={filters.sector ?? ""}
            emptyLabel={t("filters.any")}
            options={options.sectors}
          />
          <SelectField
            name="skill"
            label={t("people.offers")}
            defaultValue={filters.skill ?? ""}
            emptyLabel={t("filters.any")}
            options={options.skills}
          />
          <SelectField
            name="wanted"
            label={t("people.wants")}
            defaultValue={filters.wanted ?? ""}
            emptyLabel={t("filters.any")}
            options={options.skills}
          />
          <FilterActions clearHref="/people" />
        </form>
      </FilterFold>
      {people.length === 0 ? (
        <div className="card">
          <h2>{t("people.emptyTitle")}</h2>
          <p>{t("people.empty")}</p>
        </div>
      ) : (
        <ul className="card-list three" aria-label={t("people.results")}>
          {people.map((p) => (
            <li key={p.id} className="card person-card">
              <Avatar name={p.displayName} photoKey={p.photoKey} />
              <div>
                <h2>
                  <AuthorName author={{ id: p.id, name: p.displayName, linked: p.linked }} />
                </h2>
                <p className="muted">
                  {t(`role.${p.role}`)}
                  {p.countryName
                    ? ` · ${[p.region, p.countryName].filter(Boolean).join(", ")}`
                    : ""}
                </p>
                {p.headline ? <p>{p.headline}</p> : null}
                {p.offered.length ? (
                  <ul className="tags" aria-label={t("profile.offers")}>
                    {p.offered.map((label) => (
                      <li key={label} className="tag">
                        {label}
                      </li>
                    ))}
                  </ul>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}

/** What a visitor reads where the installation shows people to members only (decision 026). */
function MembersOnly() {
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("people.title")} · Synergy`}</title>
      <h1>{t("people.title")}</h1>
      <p className="notice">
        {t("people.membersOnly")}{" "}
        <a href={`/signin?next=${encodeURIComponent("/people")}`}>
          {t("people.membersOnlySignIn")}
        </a>
      </p>
    </main>
  );
}
