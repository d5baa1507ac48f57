import { useLoaderData } from "react-router";
import { z } from "zod";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { matchesPage, reasonText } from "~/features/partnering/matches.server";
import { MatchList } from "~/features/partnering/ui/match-list";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { countryName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleLoader, httpError } from "~/lib/errors";
import type { Route } from "./+types/matches";

const querySchema = z.object({ organisation: z.uuid().optional() });

/** "Matches for you": opportunities ranked for one of the person's organisations, explained. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const query = querySchema.safeParse({
    organisation: url.searchParams.get("organisation") || undefined,
  });
  if (!query.success) throw httpError(400, "matches.organisationNotFound");
  const page = await handleLoader(() =>
    matchesPage({
      userId: auth.user.id,
      organisationId: query.data.organisation ?? null,
      locale,
    }),
  );
  return {
    organisations: page.organisations.map((o) => ({ value: o.id, label: o.name })),
    chosen: page.chosen ? { id: page.chosen.id, name: page.chosen.name } : null,
    matches: page.matches.map((m) => ({
      id: m.id,
      title: m.title,
      summary: m.summary,
      language: m.language,
      kind: m.kind,
      publisherCountry: countryName(m.publisherCountry, locale),
      score: m.explanation.score,
      reasons: m.explanation.reasons.map((r) => reasonText(r, locale)),
      lowers: m.explanation.lowers.map((r) => reasonText(r, locale)),
    })),
  };
}

export default function Matches() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("matches.title")} · Synergy`}</title>
      <h1>{t("matches.title")}</h1>
      <PartneringNav />
      {data.chosen === null ? (
        <p>
          {t("matches.noOrganisation")}{" "}
          <a href="/onboarding/organisation">{t("matches.createOrganisation")}</a> ·{" "}
          <a href="/organisations">{t("matches.findOrganisation")}</a>
        </p>
      ) : (
        <>
          <p>{t("matches.intro", { organisation: data.chosen.name })}</p>
          {data.organisations.length > 1 ? (
            <form method="get" className="filters">
              <label htmlFor="f-organisation">{t("matches.organisation")}</label>{" "}
              <select id="f-organisation" name="organisation" defaultValue={data.chosen.id}>
                {data.organisations.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>{" "}
              <button type="submit" className="button">
                {t("matches.show")}
              </button>
            </form>
          ) : null}
          {data.matches.length === 0 ? (
            <p>{t("matches.none")}</p>
          ) : (
            <MatchList matches={data.matches} organisationId={data.chosen.id} />
          )}
          <p className="section">
            <a href="/partnering/introductions">{t("introductions.title")}</a>
          </p>
        </>
      )}
    </main>
  );
}
