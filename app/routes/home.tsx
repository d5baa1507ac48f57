import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { listPeople } from "~/features/profiles/directory.server";
import { findPeopleOfferingWhatIWant, getNetworkStats } from "~/features/profiles/home.server";
import { countryName, topicLabel } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { Avatar } from "~/ui/avatar";
import { formatNumber } from "~/ui/format";
import type { Route } from "./+types/home";

export async function loader({ context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const viewer = { userId: auth?.user.id ?? null };
  const [stats, newest, matches] = await Promise.all([
    getNetworkStats(),
    listPeople({ viewer, filters: {}, after: null, limit: 6 }),
    auth ? findPeopleOfferingWhatIWant({ viewer: { userId: auth.user.id } }) : Promise.resolve([]),
  ]);
  return {
    user: auth ? { displayName: auth.user.displayName, onboarded: auth.user.onboarded } : null,
    stats,
    newest: newest.people.map((p) => ({ ...p, countryName: countryName(p.country, locale) })),
    matches: matches.map((m) => ({
      ...m,
      countryName: countryName(m.country, locale),
      topics: m.topics.map((slug) => topicLabel(slug, locale)),
    })),
  };
}

export default function Home() {
  const { user, stats, newest, matches } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`Synergy · ${t("home.tagline")}`}</title>
      <section className="hero">
        {user ? (
          <>
            <h1>{t("home.welcomeBack", { name: user.displayName })}</h1>
            <p>{t("home.signedInIntro")}</p>
            {!user.onboarded ? (
              <p className="notice">
                {t("home.finishProfile")}{" "}
                <a href="/onboarding/profile">{t("home.finishProfileLink")}</a>
              </p>
            ) : null}
          </>
        ) : (
          <>
            <h1>{t("home.title")}</h1>
            <p>{t("home.intro")}</p>
            <div className="actions">
              <a className="button" href="/signup">
                {t("home.joinAsOwner")}
              </a>
              <a className="button secondary" href="/signup">
                {t("home.joinAsEducator")}
              </a>
            </div>
          </>
        )}
      </section>
      <ul className="stats" aria-label={t("home.statsLabel")}>
        <li className="stat">
          <strong>{formatNumber(stats.owners, locale)}</strong>{" "}
          {t("home.statOwners", { count: stats.owners })}
        </li>
        <li className="stat">
          <strong>{formatNumber(stats.educators, locale)}</strong>{" "}
          {t("home.statEducators", { count: stats.educators })}
        </li>
        <li className="stat">
          <strong>{formatNumber(stats.organisations, locale)}</strong>{" "}
          {t("home.statOrganisations", { count: stats.organisations })}
        </li>
        <li className="stat">
          <strong>{formatNumber(stats.countries, locale)}</strong>{" "}
          {t("home.statCountries", { count: stats.countries })}
        </li>
      </ul>
      {user ? (
        <section className="section" aria-labelledby="matches">
          <h2 id="matches">{t("home.matchesHeading")}</h2>
          {matches.length === 0 ? (
            <p>
              {t("home.noMatches")} <a href="/settings/profile">{t("home.noMatchesLink")}</a>
            </p>
          ) : (
            <ul className="card-list three">
              {matches.map((m) => (
                <li key={m.id} className="card">
                  <h3>
                    <a href={`/people/${m.id}`}>{m.displayName}</a>
                  </h3>
                  <p className="muted">
                    {t(`role.${m.role}`)}
                    {m.countryName ? ` · ${m.countryName}` : ""}
                  </p>
                  <p>{t("home.canHelpWith", { topics: m.topics.join(", ") })}</p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      <section className="section" aria-labelledby="newest">
        <h2 id="newest">{t("home.newestHeading")}</h2>
        <ul className="card-list three">
          {newest.map((p) => (
            <li key={p.id} className="card person-card">
              <Avatar name={p.displayName} photoKey={p.photoKey} />
              <div>
                <h3>
                  <a href={`/people/${p.id}`}>{p.displayName}</a>
                </h3>
                <p className="muted">
                  {t(`role.${p.role}`)}
                  {p.countryName ? ` · ${p.countryName}` : ""}
                </p>
                {p.headline ? <p>{p.headline}</p> : null}
              </div>
            </li>
          ))}
        </ul>
        <p className="section">
          <a className="button secondary" href="/people">
            {t("home.seeEveryone")}
          </a>
        </p>
      </section>
    </main>
  );
}
