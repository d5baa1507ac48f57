import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { nextMeetings } from "~/features/events/agenda.server";
import { networkFilterSchema } from "~/features/networks/filters";
import { listNetworks, suggestNetworks } from "~/features/networks/networks.server";
import { suggestionReasonText } from "~/features/networks/proposals.server";
import { networkPolicy } from "~/features/networks/rules";
import { NextMeetingLine } from "~/features/networks/ui/next-meeting";
import { parseFilters } from "~/features/profiles/schema-filters";
import {
  countryName,
  countryOptions,
  languageName,
  languageOptions,
  topicLabel,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { actorOf } from "~/lib/policy";
import { getSetting } from "~/lib/settings.server";
import { countActive, FilterFold } from "~/ui/filter-fold";
import { FilterActions, SelectField, TextField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/networks";

type Listed = Awaited<ReturnType<typeof listNetworks>>["networks"][number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const filters = parseFilters(networkFilterSchema, url);
  const after = decodeCursor(url.searchParams.get("after"));
  const viewerId = auth?.user.id ?? null;
  const [page, suggestions, canCreate] = await Promise.all([
    listNetworks({ viewerId, filters, after }),
    auth?.user.emailVerified && !after
      ? suggestNetworks({ userId: auth.user.id })
      : Promise.resolve([]),
    // Shown only to those who may start one (a confirmed email included).
    getSetting("anyMemberCanCreateNetworks").then((anyMemberCanCreateNetworks) =>
      networkPolicy.can(actorOf(auth), "start", { anyMemberCanCreateNetworks }),
    ),
  ]);
  // The next meeting of every card in one query, for the networks whose events the viewer may
  // read (open ones, and those they are an active member of).
  const meetings = await nextMeetings(
    [...page.networks, ...suggestions]
      .filter((n) => n.visibility === "open" || n.myStatus === "active")
      .map((n) => n.id),
  );
  const present = (n: Listed) => ({
    ...n,
    nextMeeting: meetings.get(n.id) ?? null,
    countries: n.countries.map((c) => countryName(c, locale)),
    languages: n.languages.map((l) => languageName(l, locale)),
    topics: n.topics.map((s) => topicLabel(s, locale)),
  });
  return {
    filters,
    canCreate,
    signedIn: auth !== null,
    isFirstPage: after === null,
    next: page.next,
    networks: page.networks.map(present),
    suggestions: suggestions.map((s) => ({
      ...present(s),
      reasons: s.reasons.map((r) => suggestionReasonText(r, locale)),
    })),
    options: {
      countries: countryOptions(locale).slice(0, 60),
      languages: languageOptions(locale).slice(0, 30),
      topics: topicOptions(locale),
    },
  };
}

function NetworkCard(props: {
  network: ReturnType<typeof useLoaderData<typeof loader>>["networks"][number];
  reasons?: { key: string; values: Record<string, string | number> }[];
}) {
  const n = props.network;
  const { t } = useI18n();
  return (
    <li className="card network-card">
      {n.hasCover ? (
        <img
          className="card-cover"
          src={`/networks/${n.id}/cover`}
          alt=""
          width={600}
          height={150}
          loading="lazy"
        />
      ) : null}
      <h3 className="card-title">
        <a href={`/networks/${n.id}`}>{n.name}</a>
      </h3>
      <p className="card-meta">
        {t(`networks.kinds.${n.kind}`)} · {t(`networks.visibilities.${n.visibility}`)}
        {n.countries.length ? ` · ${n.countries.join(", ")}` : ""}
        {n.languages.length ? ` · ${n.languages.join(", ")}` : ""}
      </p>
      <p>{n.purpose}</p>
      <p className="muted">
        {t("networks.memberCount", { count: n.memberCount, cap: n.memberCap })}
        {n.myStatus === "active"
          ? ` · ${t("networks.youAreMember")}`
          : n.myStatus === "pending"
            ? ` · ${t("networks.requestPending")}`
            : ""}
      </p>
      <NextMeetingLine networkId={n.id} meeting={n.nextMeeting} />
      {props.reasons?.length ? (
        <ul className="tags" aria-label={t("networks.why")}>
          {props.reasons.map((r, i) => (
            <li key={i} className="tag">
              {t(r.key, r.values)}
            </li>
          ))}
        </ul>
      ) : n.topics.length ? (
        <ul className="tags">
          {n.topics.slice(0, 4).map((topic) => (
            <li key={topic} className="tag">
              {topic}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}

export default function Networks() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { filters, options } = data;
  return (
    <main id="main" className="page">
      <title>{`${t("networks.title")} · Synergy`}</title>
      <h1>{t("networks.title")}</h1>
      <p>{t("networks.intro")}</p>
      {data.canCreate ? (
        <p>
          <a className="button" href="/networks/new">
            {t("networks.start")}
          </a>
        </p>
      ) : null}
      {data.suggestions.length ? (
        <section className="section" aria-labelledby="suggested">
          <h2 id="suggested">{t("networks.suggested")}</h2>
          <ul className="card-list three">
            {data.suggestions.map((n) => (
              <NetworkCard key={n.id} network={n} reasons={n.reasons} />
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="all">
        <h2 id="all">{t("networks.all")}</h2>
        <FilterFold
          activeCount={countActive({
            q: filters.q,
            kind: filters.kind,
            country: filters.country,
            language: filters.language,
            topic: filters.topic,
          })}
        >
          <form method="get" className="filters" aria-label={t("people.filters")}>
            <TextField
              name="q"
              type="search"
              label={t("orgs.name")}
              defaultValue={filters.q ?? ""}
            />
            <SelectField
              name="kind"
              label={t("networks.kind")}
              defaultValue={filters.kind ?? ""}
              emptyLabel={t("filters.any")}
              options={(["local", "online", "cross_border"] as const).map((k) => ({
                value: k,
                label: t(`networks.kinds.${k}`),
              }))}
            />
            <SelectField
              name="country"
              label={t("profile.country")}
              defaultValue={filters.country ?? ""}
              emptyLabel={t("filters.any")}
              options={options.countries}
            />
            <SelectField
              name="language"
              label={t("networks.meetsIn")}
              defaultValue={filters.language ?? ""}
              emptyLabel={t("filters.any")}
              options={options.languages}
            />
            <SelectField
              name="topic"
              label={t("networks.talksAbout")}
              defaultValue={filters.topic ?? ""}
              emptyLabel={t("filters.any")}
              options={options.topics}
            />
            <FilterActions clearHref="/networks" />
          </form>
        </FilterFold>
        {data.networks.length === 0 ? (
          <div className="card">
            <h3>{t("networks.emptyTitle")}</h3>
            <p>{t(data.canCreate ? "networks.emptyCanCreate" : "networks.empty")}</p>
          </div>
        ) : (
          <ul className="card-list three">
            {data.networks.map((n) => (
              <NetworkCard key={n.id} network={n} />
            ))}
          </ul>
        )}
        <Pager next={data.next} isFirstPage={data.isFirstPage} />
      </section>
    </main>
  );
}
