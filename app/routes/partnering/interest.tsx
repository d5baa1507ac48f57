import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  fieldErrors,
  interestFormSchema,
  MAX_INTEREST_MESSAGE,
} from "~/features/partnering/interest-schema";
import { expressInterest, interestFormPage } from "~/features/partnering/interests.server";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader, messageValuesOf } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { CsrfForm, FormMessage, SelectField, SubmitButton, TextArea } from "~/ui/form";
import type { Route } from "./+types/interest";

/**
 * "We are interested": for which of my organisations, with a short message. Only the
 * opportunity's title and summary are shown: the publisher's people come with the introduction.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const page = await handleLoader(() =>
    interestFormPage({ actor: personOf(auth), opportunityId: params.id }),
  );
  const url = new URL(request.url);
  const wanted = url.searchParams.get("organisation");
  return {
    ...page,
    sent: url.searchParams.get("sent") === "1",
    defaultOrganisation: page.organisations.some((o) => o.id === wanted)
      ? wanted
      : (page.organisations[0]?.id ?? ""),
    submissionKey: randomToken().slice(0, 24),
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const form = readForm(context);
  const values = {
    organisationId: typeof form.organisationId === "string" ? form.organisationId : "",
    message: typeof form.message === "string" ? form.message : "",
  };
  const parsed = interestFormSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      { ok: false, errors: fieldErrors(parsed.error), values, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  return handleAction(
    async () => {
      await expressInterest({
        actor: personOf(auth),
        opportunityId: params.id,
        form: parsed.data,
        submissionKey: readSubmissionKey(form.submissionKey),
      });
      return redirect(`/partnering/${params.id}/interest?sent=1`);
    },
    { values },
  );
}

export default function Interest() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const values = result && "values" in result ? result.values : undefined;
  const errors = (result?.errors ?? {}) as Record<string, string>;
  const { opportunity } = loaded;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("interests.heading")} · Synergy`}</title>
      <h1>{t("interests.heading")}</h1>
      <PartneringNav />
      <h2>{opportunity.title}</h2>
      <p>{opportunity.summary}</p>
      {result?.message ? (
        <FormMessage kind="error">{t(result.message, messageValuesOf(result))}</FormMessage>
      ) : null}
      {loaded.sent ? (
        <FormMessage kind="success">{t("interests.sent")}</FormMessage>
      ) : opportunity.deadlinePassed ? (
        <p>{t("interests.deadlinePassed")}</p>
      ) : loaded.organisations.length === 0 ? (
        <p>
          {opportunity.isAuthor ? t("interests.ownOpportunity") : t("interests.noOrganisation")}
        </p>
      ) : (
        <CsrfForm method="post" className="stack">
          <input type="hidden" name="submissionKey" value={loaded.submissionKey} />
          <SelectField
            name="organisationId"
            label={t("interests.organisation")}
            options={loaded.organisations.map((o) => ({ value: o.id, label: o.name }))}
            defaultValue={values?.organisationId || loaded.defaultOrganisation || ""}
            error={errors.organisationId}
          />
          <TextArea
            name="message"
            label={t("interests.message")}
            hint={t("interests.messageHint")}
            rows={5}
            maxLength={MAX_INTEREST_MESSAGE}
            required
            defaultValue={values?.message ?? ""}
            error={errors.message}
          />
          <SubmitButton>{t("interests.submit")}</SubmitButton>
        </CsrfForm>
      )}
      <p className="section">
        <a href={`/partnering/${opportunity.id}`}>{t("interests.backToOpportunity")}</a>
      </p>
    </main>
  );
}
