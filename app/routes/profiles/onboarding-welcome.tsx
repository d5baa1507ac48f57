import { useLoaderData } from "react-router";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { proposeNetworks } from "~/features/networks/proposals.server";
import { useI18n } from "~/i18n/context";
import { isUuid } from "~/lib/ids";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { OnboardingSteps } from "~/ui/onboarding-steps";
import type { Route } from "./+types/onboarding-welcome";

/**
 * The end of onboarding: the way back to the page the person set out for (a network they pressed
 * "Join" on), networks to join, and for an owner the invitation to say what they want to learn.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const locale = resolveLocale({ user, sessionId: "" }, context.requestLocale);
  const url = new URL(request.url);
  const organisation = url.searchParams.get("organisation") ?? "";
  return {
    role: user.role,
    next: safeRedirect(url.searchParams.get("next"), ""),
    organisationId: isUuid(organisation) ? organisation.toLowerCase() : null,
    networks: user.emailVerified ? await proposeNetworks({ userId: user.id, locale }) : [],
  };
}

export default function OnboardingWelcome() {
  const { role, next, organisationId, networks } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow">
      <title>{`${t("onboarding.welcomeTitle")} · Synergy`}</title>
      <OnboardingSteps current={3} />
      <h1>{t("onboarding.welcomeTitle")}</h1>
      {organisationId ? (
        <FormMessage kind="success">
          {t("org.created")}{" "}
          <a href={`/organisations/${organisationId}`}>{t("onboarding.seeOrganisation")}</a>
        </FormMessage>
      ) : null}
      {next ? (
        <p>
          <a className="button" href={next}>
            {t("onboarding.backToWhereYouWere")}
          </a>
        </p>
      ) : null}
      <section className="section" aria-labelledby="proposed-networks">
        <h2 id="proposed-networks">{t("onboarding.networksHeading")}</h2>
        <p>{t("onboarding.networksIntro")}</p>
        {networks.length ? (
          <ul className="card-list">
            {networks.map((n) => (
              <li key={n.id} className="card">
                <h3>
                  <a href={`/networks/${n.id}`}>{n.name}</a>
                </h3>
                <p>{n.purpose}</p>
                <p className="muted">
                  {t("networks.memberCount", { count: n.memberCount, cap: n.memberCap })}
                  {n.countries.length ? ` · ${n.countries.join(", ")}` : ""}
                  {n.languages.length ? ` · ${n.languages.join(", ")}` : ""}
                </p>
                {n.reasons.length ? (
                  <ul className="tags" aria-label={t("networks.why")}>
                    {n.reasons.map((r, i) => (
                      <li key={i} className="tag">
                        {t(r.key, r.values)}
                      </li>
                    ))}
                  </ul>
                ) : null}
                <CsrfForm method="post" action={`/networks/${n.id}`}>
                  <SubmitButton name="intent" value="join" className="button secondary">
                    {t(
                      n.visibility === "open"
                        ? "onboarding.joinNetwork"
                        : "onboarding.askToJoinNetwork",
                      { name: n.name },
                    )}
                  </SubmitButton>
                </CsrfForm>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("onboarding.noNetworks")}</p>
        )}
        <p>
          <a href="/networks">{t("onboarding.allNetworks")}</a>
        </p>
      </section>
      {role === "owner" ? (
        <section className="section" aria-labelledby="tell-needs">
          <h2 id="tell-needs">{t("onboarding.tellNeeds")}</h2>
          <p>{t("onboarding.tellNeedsIntro")}</p>
          <p>
            <a className="button secondary" href="/needs/new">
              {t("onboarding.tellNeedsLink")}
            </a>
          </p>
        </section>
      ) : null}
      <p className="section">
        <a href="/">{t("onboarding.toHome")}</a>
      </p>
    </main>
  );
}
