import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { createNeed } from "~/features/needs/needs.server";
import { blankNeedForm, needFormOptions } from "~/features/needs/page.server";
import { needPolicy } from "~/features/needs/rules";
import { readNeedForm } from "~/features/needs/schema";
import { EscoSearch, NeedForm } from "~/features/needs/ui/need-form";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/need-new";

/** Record a training need (issue 10): owners, and educators for their own learning. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  await handleLoader(async () => needPolicy.authorize(personOf(auth), "record", null));
  const locale = resolveLocale(auth, context.requestLocale);
  const values = await blankNeedForm(auth.user.id);
  const escoQuery = new URL(request.url).searchParams.get("esco") ?? "";
  const options = await needFormOptions({ userId: auth.user.id, locale, values, escoQuery });
  return { values, options, submissionKey: randomToken().slice(0, 24) };
}

export async function action({ context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const decision = await handleLoader(async () => needPolicy.authorize(actor, "record", null));
  const locale = resolveLocale(auth, context.requestLocale);
  const form = readForm(context);
  const read = readNeedForm(form);
  const escoQuery = typeof form.esco === "string" ? form.esco : "";
  const options = await needFormOptions({
    userId: auth.user.id,
    locale,
    values: read.values,
    escoQuery,
  });
  if (!read.input) {
    return data(
      { ok: false, errors: read.errors, values: read.values, options, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  const input = read.input;
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      const { id } = await createNeed({ decision, input, submissionKey });
      return redirect(`/needs/${id}`);
    },
    { values: read.values, options },
  );
}

export default function NeedNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const options = result?.options ?? loaded.options;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("needs.newTitle")} · Synergy`}</title>
      <p>
        <a href="/needs">{t("needs.backToList")}</a>
      </p>
      <h1>{t("needs.newTitle")}</h1>
      <p>{t("needs.newIntro")}</p>
      <EscoSearch
        action="/needs/new"
        query={options.escoQuery}
        found={options.topics.some((g) => g.groupKey === "needs.esco")}
      />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <NeedForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={options}
        submissionKey={loaded.submissionKey}
        submitLabel={t("needs.create")}
      />
    </main>
  );
}
