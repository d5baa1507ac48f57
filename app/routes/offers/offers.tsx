import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { LearningFilterFields } from "~/features/needs/ui/learning-filters";
import { NeedsNav } from "~/features/needs/ui/needs-nav";
import { listOffers, offerActorOf, readOfferFilters } from "~/features/offers/offers.server";
import { formatPrice } from "~/features/offers/page.server";
import { offerPolicy } from "~/features/offers/rules";
import {
  countryOptions,
  languageName,
  languageOptions,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { FilterActions } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/offers";

/** Training on offer: open offers not over, by topic, format, language and country. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const filters = await readOfferFilters(params);
    const after = decodeCursor(params.get("after"));
    const page = await listOffers({ viewerId: auth.user.id, filters, after });
    const labels = await topicKeyLabels(
      page.offers.flatMap((o) => o.topics),
      locale,
    );
    const canOffer = offerPolicy.can(personOf(auth), "create", await offerActorOf(auth.user.id));
    return {
      filters,
      canOffer,
      offers: page.offers.map((o) => ({
        id: o.id,
        title: o.title,
        creatorName: o.creator_name ?? "",
        topics: o.topics.map((k) => labels.get(k) ?? k),
        formats: o.formats,
        languages: o.languages.map((c) => languageName(c, locale)),
        onDemand: o.on_demand,
        startsOn: o.starts_on,
        endsOn: o.ends_on,
        price: o.price_cents === null ? null : formatPrice(o.price_cents, locale),
        withdrawn: o.status === "withdrawn",
      })),
      next: page.next,
      isFirstPage: after === null,
      options: {
        topics: topicOptions(locale).map((o) => ({ value: `topic:${o.value}`, label: o.label })),
        countries: countryOptions(locale).slice(0, 60),
        languages: languageOptions(locale).slice(0, 30),
      },
    };
  });
}

export default function Offers() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("offers.listTitle")} · Synergy`}</title>
      <h1>{t("offers.listTitle")}</h1>
      <NeedsNav />
      <p>{t("offers.listIntro")}</p>
      {data.canOffer ? (
        <p>
          <a className="button" href="/offers/new">
            {t("offers.newHeading")}
          </a>{" "}
          <a href="/offers?mine=1">{t("offers.mine")}</a>
        </p>
      ) : null}
      <form method="get" className="filters" aria-label={t("offers.filters")}>
        <LearningFilterFields
          list="offers"
          order={["topic", "format", "language", "country"]}
          values={data.filters}
          options={data.options}
        />
        {data.filters.mine ? <input type="hidden" name="mine" value="1" /> : null}
        <FilterActions clearHref="/offers" />
      </form>
      {data.offers.length === 0 ? (
        <p>{t("offers.none")}</p>
      ) : (
        <ul className="card-list" aria-label={t("offers.listTitle")}>
          {data.offers.map((o) => (
            <li key={o.id} className="card">
              <h2>
                <a href={`/offers/${o.id}`}>{o.title}</a>
              </h2>
              {o.withdrawn ? <p className="badge">{t("offers.withdrawnShort")}</p> : null}
              <p>{o.topics.join(" · ")}</p>
              <p className="hint">
                {o.formats.map((f) => t(`offers.format.${f}`)).join(", ")} ·{" "}
                {o.languages.join(", ")} ·{" "}
                {o.onDemand
                  ? t("offers.onDemand")
                  : o.endsOn
                    ? `${o.startsOn} – ${o.endsOn}`
                    : o.startsOn}{" "}
                · {o.price ?? t("offers.free")}
                {o.creatorName ? ` · ${o.creatorName}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pager next={data.next} isFirstPage={data.isFirstPage} />
    </main>
  );
}
