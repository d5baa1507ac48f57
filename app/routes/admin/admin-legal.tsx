import { data, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { adminPolicy } from "~/features/admin/rules";
import { getLegalPageForEditing, saveLegalPage } from "~/features/legal/legal.server";
import { legalEditorQuerySchema, legalPageFormSchema } from "~/features/legal/schema";
import { useI18n } from "~/i18n/context";
import { localeNames, locales } from "~/i18n/i18n";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SelectField, SubmitButton, TextArea } from "~/ui/form";
import { formatDateTime } from "~/ui/format";
import type { Route } from "./+types/admin-legal";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = actorOf(await requireUser(context, request));
  return handleLoader(async () => {
    const decision = adminPolicy.authorize(actor, "editLegalPages", undefined);
    const url = new URL(request.url);
    const query = legalEditorQuerySchema.parse({
      page: url.searchParams.get("page") ?? undefined,
      lang: url.searchParams.get("lang") ?? undefined,
    });
    const editing = await getLegalPageForEditing({
      decision,
      kind: query.page,
      locale: query.lang,
    });
    return {
      ...query,
      ...editing,
      history: editing.history.map((h) => ({ ...h, createdAt: h.createdAt.toISOString() })),
    };
  });
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = actorOf(await requireUser(context, request));
  const decision = await handleLoader(async () =>
    adminPolicy.authorize(actor, "editLegalPages", undefined),
  );
  const parsed = legalPageFormSchema.safeParse(readForm(context));
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ ok: false as const, message: "form.fixErrors", errors }, { status: 400 });
  }
  return handleAction(async () => {
    await saveLegalPage({ decision, input: parsed.data });
    return { ok: true as const, message: "admin.saved", errors: {} as Record<string, string> };
  });
}

const pageTitles = {
  privacy: "legal.privacyTitle",
  terms: "legal.termsTitle",
  imprint: "legal.imprintTitle",
} as const;

export default function AdminLegal() {
  const { page, lang, body, isSaved, history } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale, timeZone } = useI18n();
  return (
    <main id="main" className="page narrow">
      <title>{`${t("legal.adminTitle")} · Synergy`}</title>
      <h1>{t("legal.adminTitle")}</h1>
      <p>
        <a href="/admin/users">{t("admin.title")}</a> ·{" "}
        <a href="/admin/settings">{t("adminSettings.title")}</a>
      </p>
      <p>{t("legal.adminIntro")}</p>
      <form method="get" className="filters" aria-label={t("legal.choosePage")}>
        <SelectField
          name="page"
          label={t("legal.page")}
          defaultValue={page}
          options={(["privacy", "terms", "imprint"] as const).map((k) => ({
            value: k,
            label: t(pageTitles[k]),
          }))}
        />
        <SelectField
          name="lang"
          label={t("legal.language")}
          defaultValue={lang}
          options={locales.map((code) => ({ value: code, label: localeNames[code] }))}
        />
        <button type="submit" className="button secondary">
          {t("legal.open")}
        </button>
      </form>
      {result?.ok ? <FormMessage kind="success">{t("admin.saved")}</FormMessage> : null}
      {result && !result.ok ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <h2>
        {t(pageTitles[page])} · {localeNames[lang]}
      </h2>
      {isSaved ? null : (
        <p className="muted">
          {lang === "en" ? t("legal.startsShipped") : t("legal.startsEnglish")}
        </p>
      )}
      <CsrfForm method="post" className="stack">
        <input type="hidden" name="page" value={page} />
        <input type="hidden" name="lang" value={lang} />
        <TextArea
          key={`${page}-${lang}`}
          name="body"
          label={t("legal.body")}
          hint={t("legal.bodyHint")}
          lang={lang}
          rows={24}
          defaultValue={body}
          error={result && !result.ok ? result.errors.body : undefined}
        />
        <SubmitButton>{t("form.save")}</SubmitButton>
      </CsrfForm>
      <p>
        <a href={`/${page}`}>{t("legal.view")}</a>
      </p>
      <section aria-labelledby="legal-history">
        <h2 id="legal-history">{t("legal.history")}</h2>
        {history.length === 0 ? (
          <p className="muted">{t("legal.noHistory")}</p>
        ) : (
          <ul>
            {history.map((h) => (
              <li key={h.id}>
                {formatDateTime(h.createdAt, locale, timeZone)}
                {h.editorName ? ` · ${h.editorName}` : ""}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
