import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { isBlocked } from "~/features/conversations/conversations.server";
import { listBadges } from "~/features/credentials/credentials.server";
import { visitorPeopleSetting } from "~/features/profiles/policy.server";
import { getProfile } from "~/features/profiles/profiles.server";
import { peopleSight } from "~/features/profiles/visitors";
import {
  countryName,
  languageName,
  topicEscoUri,
  topicLabel,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { Avatar } from "~/ui/avatar";
import { EscoAcknowledgement } from "~/ui/esco-ack";
import { CsrfForm } from "~/ui/form";
import { formatDate } from "~/ui/format";
import type { Route } from "./+types/person";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await context.auth();
  // Members only (decision 026): visitors sign in first, whichever id they asked for.
  if (!auth && peopleSight(null, await visitorPeopleSetting()) === "nothing") {
    await requireUser(context, request);
  }
  const locale = resolveLocale(auth, context.requestLocale);
  const profile = await getProfile({ id: params.id, actor: actorOf(auth) });
  if (!profile) throw httpError(404, "people.notFound");
  const topic = (slug: string) => ({
    slug,
    label: topicLabel(slug, locale),
    escoUri: topicEscoUri(slug),
  });
  // The person's public badges (shown by them, not revoked), newest first.
  const badges =
    auth || (await visitorPeopleSetting()) === "profiles"
      ? await listBadges({ userId: profile.id, publicOnly: true })
      : { page: [] };
  return {
    badges: badges.page.map((b) => ({ id: b.id, name: b.achievement_name, issuedAt: b.issued_at })),
    signedIn: auth !== null,
    /** Whether the viewer blocked this person (then "Unblock" in settings, no "Send a message"). */
    blocked: auth && !profile.isSelf ? await isBlocked(auth.user.id, profile.id) : false,
    profile: {
      ...profile,
      countryName: countryName(profile.country, locale),
      languages: profile.languages.map((l) => ({ ...l, name: languageName(l.code, locale) })),
      offered: profile.offered.map(topic),
      wanted: profile.wanted.map(topic),
    },
  };
}

function TopicList(props: {
  topics: { slug: string; label: string; escoUri?: string }[];
  label: string;
}) {
  return (
    <ul className="tags" aria-label={props.label}>
      {props.topics.map((t) => (
        <li key={t.slug} className="tag">
          {t.label}
          {t.escoUri ? (
            <>
              {" "}
              <a href={t.escoUri} className="muted" aria-label={`${t.label}: ESCO`}>
                ESCO
              </a>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export default function Person() {
  const { profile, signedIn, blocked, badges } = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useI18n();
  const usesEsco = [...profile.offered, ...profile.wanted].some((x) => x.escoUri);
  return (
    <main id="main" className="page">
      <title>{`${profile.displayName} · Synergy`}</title>
      <div className="profile-head">
        <Avatar name={profile.displayName} photoKey={profile.photoKey} size="large" />
        <div>
          <h1>{profile.displayName}</h1>
          <p>
            <span className="badge">{t(`role.${profile.role}`)}</span>{" "}
            {profile.isFacilitator ? <span className="badge">{t("role.coordinator")}</span> : null}
          </p>
          {profile.headline ? <p>{profile.headline}</p> : null}
          {profile.countryName ? (
            <p className="muted">
              {[profile.region, profile.countryName].filter(Boolean).join(", ")}
            </p>
          ) : null}
          <p className="muted">
            {t("profile.memberSince", { date: formatDate(profile.memberSince, locale, timeZone) })}
          </p>
          {profile.isSelf ? (
            <p>
              <a className="button secondary small" href="/settings/profile">
                {t("profile.edit")}
              </a>
            </p>
          ) : signedIn && !blocked ? (
            <div className="inline-form">
              <a className="button small" href={`/conversations/new?to=${profile.id}`}>
                {t("conversations.sendMessage")}
              </a>{" "}
              <CsrfForm method="post" action="/settings/blocked" className="inline-form">
                <input type="hidden" name="person" value={profile.id} />
                <input type="hidden" name="redirectTo" value={`/people/${profile.id}?blocked=1`} />
                <button
                  type="submit"
                  name="intent"
                  value="block"
                  className="button secondary small"
                >
                  {t("blocked.blockPerson", { name: profile.displayName })}
                </button>
              </CsrfForm>
            </div>
          ) : signedIn ? (
            <p>
              {t("blocked.youBlocked")} <a href="/settings/blocked">{t("blocked.title")}</a>
            </p>
          ) : null}
        </div>
      </div>
      {!signedIn ? <p className="notice">{t("profile.signInForMore")}</p> : null}
      {profile.bio ? (
        <section className="section" aria-labelledby="about">
          <h2 id="about">{t("profile.about")}</h2>
          <p>{profile.bio}</p>
        </section>
      ) : null}
      {profile.offered.length ? (
        <section className="section" aria-labelledby="offers">
          <h2 id="offers">{t("profile.offers")}</h2>
          <TopicList topics={profile.offered} label={t("profile.offers")} />
        </section>
      ) : null}
      {profile.wanted.length ? (
        <section className="section" aria-labelledby="wants">
          <h2 id="wants">{t("profile.wants")}</h2>
          <TopicList topics={profile.wanted} label={t("profile.wants")} />
        </section>
      ) : null}
      {profile.languages.length ? (
        <section className="section" aria-labelledby="languages">
          <h2 id="languages">{t("profile.languages")}</h2>
          <ul className="tags">
            {profile.languages.map((l) => (
              <li key={l.code} className="tag">
                {l.name} · {l.level === "native" ? t("level.native") : l.level}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {profile.organisations.length ? (
        <section className="section" aria-labelledby="orgs">
          <h2 id="orgs">{t("profile.organisations")}</h2>
          <ul>
            {profile.organisations.map((o) => (
              <li key={o.id}>
                <a href={`/organisations/${o.id}`}>{o.name}</a>{" "}
                <span className="muted">({t(`org.kind.${o.kind}`)})</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {badges.length || profile.isSelf ? (
        <section className="section" aria-labelledby="badges">
          <h2 id="badges">{t("credentials.profile.heading")}</h2>
          {badges.length ? (
            <ul>
              {badges.map((b) => (
                <li key={b.id}>
                  <a href={`/credentials/${b.id}`}>{b.name}</a>{" "}
                  <span className="muted">({formatDate(b.issuedAt, locale, timeZone)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t("credentials.badges.empty")}</p>
          )}
          {profile.isSelf ? (
            <p>
              <a href="/badges">{t("credentials.profile.manage")}</a>
            </p>
          ) : null}
        </section>
      ) : null}
      {profile.isSelf && profile.visibility ? (
        <section className="section" aria-labelledby="visibility">
          <h2 id="visibility">{t("profile.visibilityHeading")}</h2>
          <dl className="facts">
            {Object.entries(profile.visibility).map(([field, level]) => (
              <div key={field} className="contents">
                <dt>{t(`profile.field.${field}`)}</dt>
                <dd>{t(`visibility.${level}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      {usesEsco ? <EscoAcknowledgement /> : null}
    </main>
  );
}
