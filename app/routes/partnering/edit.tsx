import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  findOpportunityForViewer,
  updateOpportunity,
} from "~/features/partnering/opportunities.server";
import {
  opportunityFormOptions,
  opportunityValuesOf,
  readOpportunityForm,
} from "~/features/partnering/opportunity-page.server";
import { opportunityPolicy } from "~/features/partnering/rules";
import { OpportunityForm } from "~/features/partnering/ui/opportunity-form";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/edit";

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  return handleLoader(async () => {
    const found = await findOpportunityForViewer(personOf(auth), params.id);
    opportunityPolicy.authorize(personOf(auth), "edit", found.subject);
    const values = opportunityValuesOf(found.opportunity);
    return {
      id: found.opportunity.id,
      status: found.opportunity.status,
      reviewNote: found.opportunity.reviewNote,
      organisationName: found.organisation.name,
      values,
      options: await opportunityFormOptions(locale, auth.user.id, values),
    };
  });
}

/** Saves the text (authors, unless withdrawn); a published one goes back to review. */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const form = readForm(context);
  // Who may edit is decided before the form is read: a stranger learns nothing from a 400.
  await handleLoader(async () => {
    const found = await findOpportunityForViewer(actor, params.id);
    opportunityPolicy.authorize(actor, "edit", found.subject);
  });
  const read = readOpportunityForm(form);
  if (!read.input) {
    return data(
      {
        ok: false,
        errors: read.errors,
        values: read.values,
        options: await opportunityFormOptions(locale, actor.id, read.values),
        message: "form.fixErrors",
      },
      { status: 400 },
    );
  }
  const input = read.input;
  return handleAction(
    async () => {
      await updateOpportunity({
        actor,
        id: params.id,
        form: input,
        submit: form.intent === "submit",
      });
      return redirect(`/partnering/${params.id}`);
    },
    { values: read.values },
  );
}

export default function OpportunityEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("partnering.editHeading")} · Synergy`}</title>
      <h1>{t("partnering.editHeading")}</h1>
      <PartneringNav />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {loaded.reviewNote && loaded.status === "draft" ? (
        <div className="form-message error">
          <p>{t("partnering.reviewNoteHeading")}</p>
          <p>{loaded.reviewNote}</p>
        </div>
      ) : null}
      <OpportunityForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={result && "options" in result && result.options ? result.options : loaded.options}
        organisationName={loaded.organisationName}
        status={loaded.status}
      />
      <p className="section">
        <a href={`/partnering/${loaded.id}/translations`}>{t("partnering.translationsHeading")}</a>
        {" · "}
        <a href={`/partnering/${loaded.id}`}>{t("partnering.backToOpportunity")}</a>
      </p>
    </main>
  );
}
