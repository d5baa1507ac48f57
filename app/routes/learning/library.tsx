import { useLoaderData } from "react-router";
import { z } from "zod";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  LIBRARY_PAGE,
  type LibraryFilters,
  listLibrary,
} from "~/features/learning/resources.server";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { topicFilterOptions } from "~/features/needs/page.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { languageOptions } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor, encodeCursor } from "~/lib/cursor";
import { handleLoader, invalid } from "~/lib/errors";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/library";

const filterSchema = z.object({
  topic: z
    .string()
    .max(320)
    .regex(/^[a-z]+:\S+$/)
    .or(z.literal("")),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .or(z.literal("")),
  eqf: z
    .string()
    .regex(/^[1-8]$/)
    .or(z.literal("")),
  duration: z.enum(["", "short", "medium", "long"]),
});

/**
 * The library: published resources the viewer may read (the open library for everyone, even
 * signed out; a network's resources for its active members), filtered, newest first.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const parsed = filterSchema.safeParse({
      topic: params.get("topic") ?? "",
      language: params.get("language") ?? "",
      eqf: params.get("eqf") ?? "",
      duration: params.get("duration") ?? "",
    });
    if (!parsed.success) throw invalid("learning.filterInvalid");
    const filters: LibraryFilters = parsed.data;
    const after = decodeCursor(params.get("after"));
    const rows = await listLibrary(auth?.user.id ?? null, filters, after);
    const page = rows.slice(0, LIBRARY_PAGE);
    const last = page.at(-1);
    const labels = await topicKeyLabels(
      page.flatMap((r) => r.topics),
      locale,
    );
    return {
      filters,
      signedIn: auth !== null,
      resources: page.map((r) => ({
        ...r,
        topics: r.topics.map((key) => labels.get(key) ?? key),
      })),
      next:
        rows.length > LIBRARY_PAGE && last
          ? encodeCursor({ at: last.cursor_at, id: last.id })
          : null,
      isFirstPage: after === null,
      options: {
        topics: topicFilterOptions(locale),
        languages: languageOptions(locale).slice(0, 30),
      },
    };
  });
}

export default function Library() {
  const { filters, resources, next, isFirstPage, options, signedIn } =
    useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("learning.library.title")} · Synergy`}</title>
      <h1>{t("learning.library.title")}</h1>
      <LearnNav />
      <p>{t("learning.library.intro")}</p>
      {signedIn ? (
        <p>
          <a className="button" href="/learn/new">
            {t("learning.library.new")}
          </a>{" "}
          <a href="/learn/mine">{t("learning.library.mine")}</a>
        </p>
      ) : null}
      <form method="get" className="filters">
        <label>
          {t("learning.filter.topic")}{" "}
          <select name="topic" defaultValue={filters.topic}>
            <option value="">{t("learning.filter.any")}</option>
            {options.topics.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("learning.filter.language")}{" "}
          <select name="language" defaultValue={filters.language}>
            <option value="">{t("learning.filter.any")}</option>
            {options.languages.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("learning.filter.eqf")}{" "}
          <select name="eqf" defaultValue={filters.eqf}>
            <option value="">{t("learning.filter.any")}</option>
            {[1, 2, 3, 4, 5, 6, 7, 8].map((level) => (
              <option key={level} value={String(level)}>
                {t("learning.eqfLevel", { level })}
              </option>
            ))}
          </select>
        </label>{" "}
        <label>
          {t("learning.filter.duration")}{" "}
          <select name="duration" defaultValue={filters.duration}>
            <option value="">{t("learning.filter.any")}</option>
            <option value="short">{t("learning.duration.short")}</option>
            <option value="medium">{t("learning.duration.medium")}</option>
            <option value="long">{t("learning.duration.long")}</option>
          </select>
        </label>{" "}
        <button type="submit" className="button secondary">
          {t("learning.filter.apply")}
        </button>
      </form>
      {resources.length === 0 ? (
        <p>{t("learning.library.empty")}</p>
      ) : (
        <ul className="card-list resource-list">
          {resources.map((r) => (
            <li key={r.id} className="card resource-card" lang={r.language}>
              <h2>
                <a href={`/learn/${r.id}`}>{r.title}</a>
              </h2>
              {r.summary ? <p>{r.summary}</p> : null}
              <p className="muted">
                {t("learning.minutes", { count: r.minutes })} ·{" "}
                {t("learning.eqfLevel", { level: r.eqf })} ·{" "}
                {r.rating_count > 0
                  ? t("learning.rating", {
                      average: (r.rating_sum / r.rating_count).toLocaleString(locale, {
                        maximumFractionDigits: 1,
                      }),
                      count: r.rating_count,
                    })
                  : t("learning.noRating")}
                {r.topics.length > 0 ? ` · ${r.topics.join(", ")}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}
