import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import {
  answerChoices,
  answerNeed,
  needForViewer,
  needSubjectOf,
} from "~/features/offers/answers.server";
import { offerPolicy } from "~/features/offers/rules";
import { answerFormSchema, MAX_ANSWER_MESSAGE } from "~/features/offers/schema";
import { languageName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ChoiceGroup, CsrfForm, FormMessage, SelectField, SubmitButton, TextArea } from "~/ui/form";
import type { Route } from "./+types/need-answer";

/**
 * "I can run this": an educator or facilitator answers a need they can see with one of their
 * open offers or an event of a network they facilitate.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const need = await needForViewer(params.id, auth.user.id);
  await handleLoader(async () =>
    offerPolicy.authorize(personOf(auth), "answer", await needSubjectOf(need, auth.user.id)),
  );
  const topic = need?.topic
    ? ((await topicKeyLabels([need.topic], locale)).get(need.topic) ?? need.topic)
    : (need?.topic_text ?? "");
  const choices = await answerChoices(auth.user.id, {
    owner_id: need?.owner_id ?? null,
    network_id: need?.network_id ?? null,
  });
  const languages = [...new Set(choices.offers.flatMap((o) => o.languages))];
  return {
    needId: params.id,
    topic,
    needLanguages: (need?.languages ?? []).map((c) => languageName(c, locale)),
    offers: choices.offers.map((o) => ({
      value: `offer:${o.id}`,
      label: o.title,
      hint: o.languages.map((c) => languageName(c, locale)).join(", "),
    })),
    events: choices.events.map((e) => ({
      value: `event:${e.id}`,
      label: e.title,
      hint: `${e.network_name} · ${languageName(e.language, locale)}`,
    })),
    languages: languages.map((c) => ({ value: c, label: languageName(c, locale) })),
    defaultLanguage: languages.find((c) => need?.languages.includes(c)) ?? languages[0] ?? "",
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const parsed = answerFormSchema.safeParse(form);
  const values = {
    target: typeof form.target === "string" ? form.target : "",
    message: typeof form.message === "string" ? form.message : "",
    language: typeof form.language === "string" ? form.language : "",
  };
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return data({ ok: false, errors, values, message: "form.fixErrors" }, { status: 400 });
  }
  return handleAction(
    async () => {
      await answerNeed({
        actor,
        needId: params.id,
        target: parsed.data.target,
        language: parsed.data.language,
        message: parsed.data.message,
      });
      return redirect(`/needs/${params.id}?answered=1`);
    },
    { values },
  );
}

export default function NeedAnswer() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const values = result?.values;
  const none = loaded.offers.length === 0 && loaded.events.length === 0;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("offers.answerHeading")} · Synergy`}</title>
      <h1>{t("offers.answerHeading")}</h1>
      <p>
        {t("offers.answerFor", { topic: loaded.topic })} ·{" "}
        {t("offers.needReads", { languages: loaded.needLanguages.join(", ") })}
      </p>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {none ? (
        <p>
          {t("offers.answerNothing")} <a href="/offers/new">{t("offers.newHeading")}</a>
        </p>
      ) : (
        <CsrfForm method="post" className="stack">
          {loaded.offers.length > 0 ? (
            <ChoiceGroup
              name="target"
              legend={t("offers.answerWithOffer")}
              type="radio"
              options={loaded.offers}
              selected={values?.target ? [values.target] : []}
              error={result?.errors?.target}
            />
          ) : null}
          {loaded.events.length > 0 ? (
            <ChoiceGroup
              name="target"
              legend={t("offers.answerWithEvent")}
              type="radio"
              options={loaded.events}
              selected={values?.target ? [values.target] : []}
              error={loaded.offers.length === 0 ? result?.errors?.target : undefined}
            />
          ) : null}
          {loaded.languages.length > 0 ? (
            <SelectField
              name="language"
              label={t("offers.answerLanguage")}
              options={loaded.languages}
              defaultValue={values?.language || loaded.defaultLanguage}
              error={result?.errors?.language}
            />
          ) : null}
          <p className="hint">{t("offers.answerLanguageHint")}</p>
          <TextArea
            name="message"
            label={t("offers.answerMessage")}
            rows={4}
            maxLength={MAX_ANSWER_MESSAGE}
            defaultValue={values?.message ?? ""}
            error={result?.errors?.message}
          />
          <SubmitButton>{t("offers.answerSubmit")}</SubmitButton>
        </CsrfForm>
      )}
      <p className="section">
        <a href={`/needs/${loaded.needId}`}>{t("offers.backToNeed")}</a>
      </p>
    </main>
  );
}
