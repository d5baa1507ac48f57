import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { loadNeed, updateNeed } from "~/features/needs/needs.server";
import { needFormOptions } from "~/features/needs/page.server";
import { needPolicy } from "~/features/needs/rules";
import { type NeedFormValues, readNeedForm } from "~/features/needs/schema";
import { EscoSearch, NeedForm } from "~/features/needs/ui/need-form";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/need-edit";

/** Change an open need (its owner only; others get the page's 404 or a 403). */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  return handleLoader(async () => {
    const need = await loadNeed(actor.id, params.id);
    needPolicy.authorize(actor, "manage", {
      ownerId: need.owner_id,
      status: need.status,
      visible: true,
      meToo: need.me_too_urgency !== null,
    });
    const values: NeedFormValues = {
      topic: need.topic ?? "",
      topicText: need.topic_text,
      situation: need.situation,
      urgency: need.urgency,
      formats: need.formats,
      times: need.times,
      longestSitting: need.longest_sitting ?? "",
      languages: need.languages,
      audience: need.network_id ?? "all",
    };
    const escoQuery = new URL(request.url).searchParams.get("esco") ?? "";
    const options = await needFormOptions({ userId: actor.id, locale, values, escoQuery });
    return { id: need.id, values, options };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const form = readForm(context);
  const read = readNeedForm(form);
  const escoQuery = typeof form.esco === "string" ? form.esco : "";
  const options = await needFormOptions({
    userId: actor.id,
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
  return handleAction(
    async () => {
      await updateNeed(actor, params.id, input);
      return redirect(`/needs/${params.id}`);
    },
    { values: read.values, options },
  );
}

export default function NeedEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const options = result?.options ?? loaded.options;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("needs.editTitle")} · Synergy`}</title>
      <p>
        <a href={`/needs/${loaded.id}`}>{t("needs.backToNeed")}</a>
      </p>
      <h1>{t("needs.editTitle")}</h1>
      <EscoSearch
        action={`/needs/${loaded.id}/edit`}
        query={options.escoQuery}
        found={options.topics.some((g) => g.groupKey === "needs.esco")}
      />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <NeedForm
        values={result?.values ?? loaded.values}
        errors={result?.errors}
        options={options}
        submitLabel={t("form.save")}
      />
    </main>
  );
}
