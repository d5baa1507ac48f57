import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { decisionFormSchema } from "~/features/partnering/interest-schema";
import { decideInterest, listInterests } from "~/features/partnering/interests.server";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { countryName, sectorName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/interests";

/**
 * The publisher's view: the organisations interested in an opportunity, by their public
 * organisation profile and message only (no people, no email, no website before acceptance).
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const list = await handleLoader(() =>
    listInterests({ actor: personOf(auth), opportunityId: params.id }),
  );
  return {
    opportunity: list.opportunity,
    interests: list.interests.map((i) => ({
      id: i.id,
      message: i.message,
      status: i.status,
      createdAt: i.created_at.toISOString(),
      organisation: {
        name: i.organisation_name,
        country: countryName(i.organisation_country, locale),
        sector: sectorName(i.organisation_division, locale),
        description: i.organisation_description,
      },
    })),
  };
}

/** Accept or decline one pending interest; accepting opens the introduction. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const parsed = decisionFormSchema.safeParse(readForm(context));
  if (!parsed.success) {
    return data({ ok: false, errors: {}, message: "errors.badRequest" }, { status: 400 });
  }
  return handleAction(async () => {
    const result = await decideInterest({
      actor: personOf(auth),
      opportunityId: params.id,
      interestId: parsed.data.interestId,
      decision: parsed.data.decision,
      locale: resolveLocale(auth, context.requestLocale),
    });
    return parsed.data.decision === "accept"
      ? redirect(`/partnering/introductions/${result.interestId}`)
      : redirect(`/partnering/${params.id}/interests?declined=1`);
  });
}

export default function Interests() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("interests.listHeading")} · Synergy`}</title>
      <h1>{t("interests.listHeading")}</h1>
      <PartneringNav />
      <p>
        <a href={`/partnering/${loaded.opportunity.id}`}>{loaded.opportunity.title}</a>
      </p>
      <p className="hint">{t("interests.privacyNote")}</p>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {loaded.interests.length === 0 ? (
        <p>{t("interests.none")}</p>
      ) : (
        <ul className="card-list">
          {loaded.interests.map((i) => (
            <li key={i.id} className="card">
              <h2>{i.organisation.name}</h2>
              <p className="hint">
                {i.organisation.country}
                {i.organisation.sector ? ` · ${i.organisation.sector}` : ""} ·{" "}
                <Time value={i.createdAt} style="date" />
              </p>
              {i.organisation.description ? <p>{i.organisation.description}</p> : null}
              <blockquote>{i.message}</blockquote>
              <p className="badge">{t(`interests.status.${i.status}`)}</p>
              {i.status === "pending" ? (
                <CsrfForm method="post" className="inline-actions">
                  <input type="hidden" name="interestId" value={i.id} />
                  <button type="submit" name="decision" value="accept" className="button">
                    {t("interests.accept")}
                  </button>{" "}
                  <button
                    type="submit"
                    name="decision"
                    value="decline"
                    className="button secondary"
                  >
                    {t("interests.decline")}
                  </button>
                </CsrfForm>
              ) : i.status === "accepted" ? (
                <p>
                  <a href={`/partnering/introductions/${i.id}`}>{t("introductions.open")}</a>
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
