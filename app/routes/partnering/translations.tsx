import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  findOpportunityForViewer,
  saveTranslation,
} from "~/features/partnering/opportunities.server";
import { fieldErrors } from "~/features/partnering/opportunity-page.server";
import { opportunityPolicy } from "~/features/partnering/rules";
import { translationFormSchema } from "~/features/partnering/schema";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { localeNames, locales } from "~/i18n/i18n";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import type { Route } from "./+types/translations";

/** The opportunity's text in the other five languages, one form per language (authors). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  return handleLoader(async () => {
    const found = await findOpportunityForViewer(personOf(auth), params.id);
    opportunityPolicy.authorize(personOf(auth), "edit", found.subject);
    const o = found.opportunity;
    return {
      id: o.id,
      title: o.title,
      status: o.status,
      original: localeNames[o.language as keyof typeof localeNames] ?? o.language,
      languages: locales
        .filter((l) => l !== o.language)
        .map((l) => {
          const tr = found.translations.find((x) => x.language === l);
          return {
            language: l,
            name: localeNames[l],
            title: tr?.title ?? "",
            summary: tr?.summary ?? "",
            description: tr?.description ?? "",
          };
        }),
    };
  });
}

/** Saves one language (all three fields empty removes it). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  await handleLoader(async () => {
    const found = await findOpportunityForViewer(actor, params.id);
    opportunityPolicy.authorize(actor, "edit", found.subject);
  });
  const form = readForm(context);
  const parsed = translationFormSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        ok: false,
        message: "form.fixErrors",
        errors: fieldErrors(parsed.error.issues),
        language: typeof form.language === "string" ? form.language : "",
      },
      { status: 400 },
    );
  }
  const input = parsed.data;
  return handleAction(async () => {
    await saveTranslation({ actor, id: params.id, form: input });
    return redirect(`/partnering/${params.id}/translations?saved=${input.language}`);
  });
}

export default function OpportunityTranslations() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const failedLanguage = result && "language" in result ? result.language : "";
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("partnering.translationsHeading")} · Synergy`}</title>
      <h1>{t("partnering.translationsHeading")}</h1>
      <PartneringNav />
      <p>{t("partnering.translationsIntro", { language: loaded.original })}</p>
      {loaded.status === "published" ? (
        <p className="hint">{t("partnering.editReturnsToReview")}</p>
      ) : null}
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {loaded.languages.map((l) => {
        const errors = failedLanguage === l.language && result ? result.errors : {};
        return (
          <section key={l.language} className="section" lang={l.language}>
            <h2>{l.name}</h2>
            <CsrfForm method="post" className="stack" noValidate>
              <input type="hidden" name="language" value={l.language} />
              <TextField
                id={`title-${l.language}`}
                name="title"
                label={t("partnering.titleLabel")}
                defaultValue={l.title}
                error={errors.title}
              />
              <TextArea
                id={`summary-${l.language}`}
                name="summary"
                label={t("partnering.summaryLabel")}
                defaultValue={l.summary}
                error={errors.summary}
                rows={3}
              />
              <TextArea
                id={`description-${l.language}`}
                name="description"
                label={t("partnering.descriptionLabel")}
                defaultValue={l.description}
                error={errors.description}
                rows={6}
              />
              <SubmitButton>{t("partnering.saveTranslation")}</SubmitButton>
            </CsrfForm>
          </section>
        );
      })}
      <p className="section">
        <a href={`/partnering/${loaded.id}`}>{t("partnering.backToOpportunity")}</a>
      </p>
    </main>
  );
}
