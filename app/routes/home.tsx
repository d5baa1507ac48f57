import { useLoaderData } from "react-router";
import { isNewcomerAccount } from "~/features/accounts/first-visit.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { listMyNetworks } from "~/features/networks/networks.server";
import { listHomeFeed } from "~/features/networks/posts.server";
import { LiveStatusNote } from "~/features/networks/ui/home-note";
import { PostCard } from "~/features/networks/ui/post-card";
import { listPeople } from "~/features/profiles/directory.server";
import {
  findNeedsNearMe,
  findPeopleOfferingWhatIWant,
  getNetworkStats,
} from "~/features/profiles/home.server";
import { viewerOf } from "~/features/profiles/policy.server";
import { countryName, topicLabel } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { AuthorName } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { PostedStatus } from "~/ui/composer";
import { formatNumber } from "~/ui/format";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/home";

export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await context.auth();
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  const locale = resolveLocale(auth, context.requestLocale);
  const viewer = await viewerOf(auth);
  const isEducator = auth?.user.role === "educator";
  const [stats, newest, matches, myNetworks, feed, needsNearMe, newcomer] = await Promise.all([
    getNetworkStats(),
    listPeople({ viewer, filters: {}, after: null, limit: 6 }),
    auth
      ? findPeopleOfferingWhatIWant({
          viewer: { userId: auth.user.id, verified: auth.user.emailVerified, sight: "fields" },
        })
      : Promise.resolve([]),
    auth ? listMyNetworks(auth.user.id) : Promise.resolve([]),
    auth
      ? listHomeFeed({ userId: auth.user.id, after, inDocument: context.documentRequest })
      : Promise.resolve(null),
    // Needs near you (issue 10): educators only, so an owner's page costs nothing more.
    auth && isEducator ? findNeedsNearMe({ userId: auth.user.id, locale }) : Promise.resolve(null),
    // A person who signed up today is greeted "Welcome", not "Welcome back".
    auth ? isNewcomerAccount(auth.user.id) : Promise.resolve(false),
  ]);
  const needLabels = needsNearMe
    ? await topicKeyLabels(
        needsNearMe.flatMap((n) => (n.topic ? [n.topic] : [])),
        locale,
      )
    : null;
  return {
    user: auth
      ? {
          id: auth.user.id,
          displayName: auth.user.displayName,
          onboarded: auth.user.onboarded,
          isNewcomer: newcomer,
        }
      : null,
    needsNearMe:
      needsNearMe && needLabels
        ? needsNearMe.map((n) => ({
            id: n.id,
            topic: n.topic ? (needLabels.get(n.topic) ?? n.topic) : n.topicText,
            countryName: countryName(n.country, locale),
            meTooCount: n.meTooCount,
            isReached: n.isReached,
          }))
        : null,
    myNetworks: myNetworks.map((n) => ({ id: n.id, name: n.name, unread: n.unread })),
    feed,
    isFirstPage: after === null,
    submissionKey: randomToken().slice(0, 24),
    stats,
    newest: newest.people.map((p) => ({ ...p, countryName: countryName(p.country, locale) })),
    matches: matches.map((m) => ({
      ...m,
      countryName: countryName(m.country, locale),
      topics: m.topics.map((slug) => topicLabel(slug, locale)),
      topicSlugs: m.topics,
      firstName: m.displayName.split(/\s+/)[0] ?? m.displayName,
    })),
  };
}

export default function Home() {
  const {
    user,
    stats,
    newest,
    matches,
    myNetworks,
    feed,
    isFirstPage,
    submissionKey,
    needsNearMe,
  } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`Synergy · ${t("home.tagline")}`}</title>
      <section className="hero">
        {user ? (
          <>
            <h1>
              {t(user.isNewcomer ? "home.welcome" : "home.welcomeBack", {
                name: user.displayName,
              })}
            </h1>
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
              <a className="button" href="/signup?as=owner">
                {t("home.joinAsOwner")}
              </a>
              <a className="button secondary" href="/signup?as=educator">
                {t("home.joinAsEducator")}
              </a>
            </div>
          </>
        )}
      </section>
      {user && needsNearMe ? (
        <section className="section" aria-labelledby="needs-near-me">
          <h2 id="needs-near-me">{t("offers.homeNeedsHeading")}</h2>
          {needsNearMe.length === 0 ? (
            <p>{t("offers.homeNeedsNone")}</p>
          ) : (
            <ul className="needs-near-me">
              {needsNearMe.map((n) => (
                <li key={n.id}>
                  <a href={`/needs/${n.id}`}>{n.topic}</a>
                  <span className="muted">
                    {n.countryName ? ` · ${n.countryName}` : ""}
                    {n.meTooCount > 0
                      ? ` · ${t("offers.homeMeToos", { count: n.meTooCount })}`
                      : ""}
                    {n.isReached ? "" : ` · ${t("offers.homeUnreached")}`}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <p className="inline-actions">
            <a href="/needs">{t("offers.homeAllNeeds")}</a>
            <a href="/offers">{t("offers.listTitle")}</a>
            <a href="/offers/new">{t("offers.newHeading")}</a>
          </p>
        </section>
      ) : null}
      {user && feed ? (
        <div className="home-grid">
          <section aria-labelledby="my-networks">
            <h2 id="my-networks">{t("home.myNetworks")}</h2>
            {myNetworks.length ? (
              <ul className="network-list">
                {myNetworks.map((n) => (
                  <li key={n.id}>
                    <a href={`/networks/${n.id}`}>{n.name}</a>
                    {n.unread ? (
                      <span className="badge unread-badge">
                        {t("home.unread", { count: n.unread })}
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p>{t("home.noNetworks")}</p>
            )}
            <p>
              <a href="/networks">{t("home.findNetworks")}</a>
            </p>
          </section>
          <section aria-labelledby="home-feed">
            <h2 id="home-feed">{t("home.feedHeading")}</h2>
            <LiveStatusNote />
            <PostedStatus />
            {feed.posts.length === 0 && myNetworks.length === 0 ? (
              // Someone in no network has nowhere to write a first post: offer a network first.
              <p>
                {t("home.feedEmptyNoNetwork")} <a href="/networks">{t("home.findNetworkToJoin")}</a>
              </p>
            ) : feed.posts.length === 0 ? (
              <p>{t("home.feedEmpty")}</p>
            ) : (
              <ul className="feed">
                {feed.posts.map((post) => (
                  <li key={post.id}>
                    <PostCard
                      post={post}
                      viewerId={user.id}
                      canWrite
                      canModerate={false}
                      showNetwork
                      submissionKey={submissionKey}
                    />
                  </li>
                ))}
              </ul>
            )}
            <Pager next={feed.next} isFirstPage={isFirstPage} posts />
          </section>
        </div>
      ) : null}
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
                  <p>
                    <a
                      className="button small"
                      href={`/conversations/new?${new URLSearchParams([
                        ["to", m.id],
                        ...m.topicSlugs.map((slug) => ["about", slug]),
                      ]).toString()}`}
                    >
                      {t("conversations.askForHelp", { name: m.firstName })}
                    </a>
                  </p>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {/* Signed-out visitors of a members-only installation see no people (decision 026). */}
      {newest.length === 0 ? null : (
        <section className="section" aria-labelledby="newest">
          <h2 id="newest">{t("home.newestHeading")}</h2>
          <ul className="card-list three">
            {newest.map((p) => (
              <li key={p.id} className="card person-card">
                <Avatar name={p.displayName} photoKey={p.photoKey} />
                <div>
                  <h3>
                    <AuthorName author={{ id: p.id, name: p.displayName, linked: p.linked }} />
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
      )}
    </main>
  );
}
