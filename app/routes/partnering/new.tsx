import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { createOpportunity } from "~/features/partnering/opportunities.server";
import {
  blankOpportunityForm,
  opportunityFormOptions,
  readOpportunityForm,
} from "~/features/partnering/opportunity-page.server";
import { OpportunityForm } from "~/features/partnering/ui/opportunity-form";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/new";

export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const blank = blankOpportunityForm(locale, "");
  const options = await opportunityFormOptions(locale, auth.user.id, blank);
  const only = options.organisations.length === 1 ? (options.organisations[0]?.value ?? "") : "";
  return {
    values: { ...blank, organisationId: only },
    options,
    emailVerified: auth.user.emailVerified,
    submissionKey: randomToken().slice(0, 24),
  };
}

/** Save as a draft, or send for review at once; one opportunity per submission key. */
export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const form = readForm(context);
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
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      const { id } = await createOpportunity({
        actor,
        form: input,
        submit: form.intent === "submit",
        submissionKey,
      });
      return redirect(`/partnering/${id}`);
    },
    { values: read.values },
  );
}

export default function OpportunityNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("partnering.newHeading")} · Synergy`}</title>
      <h1>{t("partnering.newHeading")}</h1>
      <PartneringNav />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {loaded.options.organisations.length === 0 ? (
        <p className="form-message error">{t("partnering.needOrganisation")}</p>
      ) : null}
      {loaded.emailVerified ? null : (
        <p className="form-message error">{t("partnering.confirmEmail")}</p>
      )}
      <OpportunityForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={result && "options" in result && result.options ? result.options : loaded.options}
        submissionKey={loaded.submissionKey}
      />
      <p className="section">
        <a href="/partnering">{t("partnering.backToSearch")}</a>
      </p>
    </main>
  );
}
