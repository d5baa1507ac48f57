import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors } from "~/features/accounts/schema";
import { createAudit, isNetworkFacilitator } from "~/features/audits/audits.server";
import { type AuditScopeSubject, auditPolicy } from "~/features/audits/rules";
import { auditFormSchema } from "~/features/audits/schema";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { countryOptions, isCountry } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Person, personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import {
  ChoiceGroup,
  CsrfForm,
  FormMessage,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import type { Route } from "./+types/audit-new";

/**
 * A new needs audit: `?network=<id>` for a network (its facilitators), otherwise for a country
 * (installation facilitators). It starts as a draft; questions are added on its page.
 */
async function scopeOf(actor: Person, networkParam: string | null) {
  if (networkParam) {
    const access = await requireNetworkAccess(networkParam, actor.id);
    const facilitates = await isNetworkFacilitator(access.network.id, actor.id);
    const subject: AuditScopeSubject = { scope: "network", facilitatesNetwork: facilitates };
    return { subject, network: { id: access.network.id, name: access.network.name } };
  }
  return { subject: { scope: "country" } as AuditScopeSubject, network: null };
}

export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const { subject, network } = await scopeOf(
    actor,
    new URL(request.url).searchParams.get("network"),
  );
  await handleLoader(async () => auditPolicy.authorize(actor, "create", subject));
  return {
    network,
    countries: network ? [] : countryOptions(locale),
    values: { title: "", introduction: "", anonymous: "on", country: "" },
    submissionKey: randomToken().slice(0, 24),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const networkParam =
    typeof form.network === "string" && form.network !== "" ? form.network : null;
  const { subject, network } = await scopeOf(actor, networkParam);
  const decision = await handleLoader(async () => auditPolicy.authorize(actor, "create", subject));
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  const values = {
    title: text(form.title),
    introduction: text(form.introduction),
    anonymous: form.anonymous === "on" ? "on" : "",
    country: text(form.country),
  };
  const parsed = auditFormSchema.safeParse({ ...values, anonymous: values.anonymous === "on" });
  const errors = parsed.success ? {} : fieldErrors(parsed.error);
  if (!network && !isCountry(values.country))
    Object.assign(errors, { country: "audits.countryRequired" });
  if (!parsed.success || Object.keys(errors).length > 0) {
    return data({ ok: false, errors, values, message: "form.fixErrors" }, { status: 400 });
  }
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      const { id } = await createAudit({
        decision,
        scope: network ? { networkId: network.id } : { country: values.country },
        input: parsed.data,
        submissionKey,
      });
      return redirect(`/audits/${id}`);
    },
    { values },
  );
}

export default function AuditNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const values = result?.values ?? loaded.values;
  const errors: Record<string, string | undefined> =
    result && "errors" in result ? (result.errors as Record<string, string>) : {};
  return (
    <main id="main" className="page">
      <title>{`${t("audits.new.heading")} · Synergy`}</title>
      <section className="section narrow-column stack" aria-labelledby="new-audit">
        <h1 id="new-audit">{t("audits.new.heading")}</h1>
        <p className="hint">
          {loaded.network
            ? t("audits.new.forNetwork", { network: loaded.network.name })
            : t("audits.new.forCountry")}
        </p>
        {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
        <CsrfForm method="post" className="stack">
          <input type="hidden" name="submissionKey" value={loaded.submissionKey} />
          {loaded.network ? <input type="hidden" name="network" value={loaded.network.id} /> : null}
          <TextField
            name="title"
            label={t("audits.field.title")}
            defaultValue={values.title}
            error={errors.title}
            maxLength={140}
            required
          />
          <TextArea
            name="introduction"
            label={t("audits.field.introduction")}
            defaultValue={values.introduction}
            error={errors.introduction}
            maxLength={3000}
            rows={5}
          />
          {loaded.network ? null : (
            <SelectField
              name="country"
              label={t("audits.field.country")}
              options={loaded.countries}
              defaultValue={values.country}
              error={errors.country}
              emptyLabel=""
            />
          )}
          <ChoiceGroup
            name="anonymous"
            type="checkbox"
            legend={t("audits.field.privacy")}
            options={[
              {
                value: "on",
                label: t("audits.field.anonymous"),
                hint: t("audits.field.anonymousHint"),
              },
            ]}
            selected={[values.anonymous]}
          />
          <SubmitButton>{t("audits.new.create")}</SubmitButton>
        </CsrfForm>
      </section>
    </main>
  );
}
