import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  createOrganisation,
  listOrganisations,
  requestToJoin,
} from "~/features/organisations/organisations.server";
import { parseOrganisationForm } from "~/features/organisations/parse.server";
import { OrganisationForm } from "~/features/organisations/ui/organisation-form";
import { getOwnProfile } from "~/features/profiles/profiles.server";
import {
  countryName,
  countryOptions,
  sectorOptions,
  topicOptions,
} from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { isUuid } from "~/lib/ids";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import { OnboardingSteps } from "~/ui/onboarding-steps";
import type { Route } from "./+types/onboarding-organisation";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const locale = resolveLocale({ user, sessionId: "" }, context.requestLocale);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 80);
  const found = q ? await listOrganisations({ filters: { q }, after: null, limit: 10 }) : null;
  const profile = await getOwnProfile(user.id);
  return {
    role: user.role,
    q,
    next: returnPath(request),
    defaultCountry: profile.country ?? "",
    found:
      found?.organisations.map((o) => ({ ...o, countryName: countryName(o.country, locale) })) ??
      null,
    options: {
      countries: countryOptions(locale),
      divisions: sectorOptions(locale),
      topics: topicOptions(locale),
    },
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireUser(context, request);
  const form = readForm(context);
  if (form.intent === "join") {
    const organisationId = String(form.organisationId ?? "");
    if (!isUuid(organisationId)) throw httpError(400);
    await requestToJoin({ organisationId, userId: user.id }).catch(() => {
      throw httpError(404, "org.notFound");
    });
    return { joined: true, kind: null, errors: {} as Record<string, string>, values: {} };
  }
  if (form.intent !== "create") throw httpError(400);
  const parsed = parseOrganisationForm(form);
  if (!parsed.ok) {
    return data(
      {
        joined: false,
        kind: String(form.kind ?? ""),
        errors: parsed.errors,
        values: form as Record<string, unknown>,
      },
      { status: 400 },
    );
  }
  const { id } = await createOrganisation({ input: parsed.input, createdBy: user.id });
  return redirect(welcomePath(returnPath(request), id));
}

/** The page the person set out for before signing up (a network), if it is on this site. */
function returnPath(request: Request): string {
  return safeRedirect(new URL(request.url).searchParams.get("next"), "");
}

/** The last step: the welcome page, which knows the new organisation and the way back. */
function welcomePath(next: string, organisationId?: string): string {
  const params = new URLSearchParams();
  if (organisationId) params.set("organisation", organisationId);
  if (next) params.set("next", next);
  const query = params.toString();
  return query ? `/onboarding/welcome?${query}` : "/onboarding/welcome";
}

export default function OnboardingOrganisation() {
  const { role, q, next, found, options, defaultCountry } = useLoaderData<typeof loader>();
  const welcome = next
    ? `/onboarding/welcome?next=${encodeURIComponent(next)}`
    : "/onboarding/welcome";
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errorsFor = (kind: string) => (result?.kind === kind ? result.errors : {});
  const valuesFor = (kind: string) =>
    result?.kind === kind ? (result.values as Record<string, unknown>) : undefined;
  const ownKind = role === "owner" ? "enterprise" : "provider";
  return (
    <main id="main" className="page narrow">
      <title>{`${t("onboarding.orgTitle")} · Synergy`}</title>
      <OnboardingSteps current={2} />
      <h1>{t("onboarding.orgTitle")}</h1>
      <p>{t(role === "owner" ? "onboarding.orgIntroOwner" : "onboarding.orgIntroEducator")}</p>
      {result?.joined ? (
        <FormMessage kind="success">
          {t("org.joinRequested")} <a href={welcome}>{t("onboarding.continue")}</a>
        </FormMessage>
      ) : null}

      <section className="section" aria-labelledby="join-heading">
        <h2 id="join-heading">{t("onboarding.joinHeading")}</h2>
        <search>
          <form method="get" className="stack">
            {next ? <input type="hidden" name="next" value={next} /> : null}
            <TextField name="q" type="search" label={t("onboarding.searchOrg")} defaultValue={q} />
            <button type="submit" className="button secondary">
              {t("onboarding.search")}
            </button>
          </form>
        </search>
        {found ? (
          found.length === 0 ? (
            <p>{t("onboarding.noMatch")}</p>
          ) : (
            <ul className="card-list">
              {found.map((o) => (
                <li key={o.id} className="card">
                  <h3>
                    <a href={`/organisations/${o.id}`}>{o.name}</a>
                  </h3>
                  <p className="muted">
                    {t(`org.kind.${o.kind}`)} ·{" "}
                    {[o.region, o.countryName].filter(Boolean).join(", ")}
                  </p>
                  <CsrfForm method="post">
                    <input type="hidden" name="intent" value="join" />
                    <input type="hidden" name="organisationId" value={o.id} />
                    <SubmitButton className="button secondary small">
                      {t("org.askToJoin")}
                    </SubmitButton>
                  </CsrfForm>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </section>

      <section className="section" aria-labelledby="create-heading">
        <h2 id="create-heading">
          {t(
            ownKind === "enterprise" ? "onboarding.createEnterprise" : "onboarding.createProvider",
          )}
        </h2>
        <OrganisationForm
          kind={ownKind}
          options={options}
          errors={errorsFor(ownKind)}
          values={valuesFor(ownKind)}
          defaultCountry={defaultCountry}
        />
      </section>

      <section className="section">
        <p>
          <a href={welcome}>{t("onboarding.skip")}</a>
        </p>
      </section>
    </main>
  );
}
