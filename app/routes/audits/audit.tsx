import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors } from "~/features/accounts/schema";
import {
  addQuestion,
  answerAudit,
  auditSubject,
  authorizeAudit,
  closeAudit,
  getAudit,
  listQuestions,
  openAudit,
  removeQuestion,
  responseRate,
} from "~/features/audits/audits.server";
import { askedTopics, formOptions, questionsForm } from "~/features/audits/page.server";
import { auditPolicy } from "~/features/audits/rules";
import { parseAnswer, questionFormSchema, questionValues } from "~/features/audits/schema";
import { AuditLive } from "~/features/audits/ui/audit-live";
import { getNetworkAccess } from "~/features/networks/policy.server";
import { countryName, isLanguage } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ChoiceGroup, CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import type { Route } from "./+types/audit";

/**
 * A needs audit's page. Its facilitators build the draft (questions), open it, watch the
 * response rate and close it; invited people answer it once while it is open. For anyone else
 * it does not exist.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const { audit, subject } = await handleLoader(() => authorizeAudit(params.id, actor, "view"));
  const manages = auditPolicy.can(actor, "report", subject);
  const questions = await questionsForm(await listQuestions(audit.id), locale);
  const network = audit.networkId ? await getNetworkAccess(audit.networkId, actor.id) : null;
  const options = formOptions(locale);
  const url = new URL(request.url);
  return {
    audit: {
      id: audit.id,
      title: audit.title,
      introduction: audit.introduction,
      isAnonymous: audit.isAnonymous,
      status: audit.status,
      where: network ? network.network.name : countryName(audit.country, locale),
    },
    manages,
    questions,
    rate: manages ? await responseRate(audit.id) : null,
    answered: subject.invitation?.answered ?? false,
    canAnswer: auditPolicy.can(actor, "answer", subject),
    options: {
      urgencies: options.urgencies,
      formats: options.formats,
      languages: options.languages.slice(0, 12),
      curatedTopics: manages && audit.status === "draft" ? options.curatedTopics : [],
    },
    myLanguages: [locale],
    thanks: url.searchParams.has("thanks"),
  };
}

type Failure = {
  ok: false;
  message: string;
  errors: Record<string, string>;
  form?: Record<string, unknown>;
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const intent = typeof form.intent === "string" ? form.intent : "";
  const back = `/audits/${params.id}`;
  if (intent === "answer") {
    // Not invited: 404; closed or answered already: 409, in the reader's language.
    const { decision, audit } = await handleLoader(() =>
      authorizeAudit(params.id, actor, "answer"),
    );
    const questions = await listQuestions(audit.id);
    const parsed = parseAnswer(
      form,
      askedTopics(questions),
      questions.filter((q) => q.kind === "open").map((q) => q.id),
      isLanguage,
    );
    if (!parsed.ok) {
      return data<Failure>(
        { ok: false, message: "form.fixErrors", errors: parsed.errors, form },
        { status: 400 },
      );
    }
    return handleAction(async () => {
      await answerAudit(decision, audit.id, parsed.answer);
      return redirect(`${back}?thanks=1`);
    });
  }
  if (intent === "addQuestion") {
    const { decision, audit } = await handleLoader(() => authorizeAudit(params.id, actor, "edit"));
    const parsed = questionFormSchema.safeParse(questionValues(form));
    if (!parsed.success) {
      return data<Failure>(
        { ok: false, message: "form.fixErrors", errors: fieldErrors(parsed.error), form },
        { status: 400 },
      );
    }
    return handleAction(async () => {
      await addQuestion(decision, audit.id, parsed.data);
      return redirect(back);
    });
  }
  if (intent === "removeQuestion") {
    const { decision, audit } = await handleLoader(() => authorizeAudit(params.id, actor, "edit"));
    return handleAction(async () => {
      await removeQuestion(decision, audit.id, String(form.questionId ?? ""));
      return redirect(back);
    });
  }
  if (intent === "open") {
    const { decision, audit } = await handleLoader(() => authorizeAudit(params.id, actor, "open"));
    return handleAction(async () => {
      await openAudit(decision, audit.id);
      return redirect(back);
    });
  }
  if (intent === "close") {
    const { decision, audit } = await handleLoader(() => authorizeAudit(params.id, actor, "close"));
    return handleAction(async () => {
      await closeAudit(decision, audit.id);
      return redirect(back);
    });
  }
  // An unknown intent on an audit the person cannot see is still a 404.
  const audit = await getAudit(params.id);
  if (!audit || !auditPolicy.can(actor, "view", await auditSubject(audit, actor)))
    throw httpError(404, "audits.notFound");
  throw httpError(400);
}

function listOf(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

export default function AuditPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const { audit } = loaded;
  const errors: Record<string, string> = result && "errors" in result ? result.errors : {};
  const sent: Record<string, unknown> = (result && "form" in result && result.form) || {};
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  const draft = audit.status === "draft";
  return (
    <main id="main" className="page">
      <title>{`${audit.title} · Synergy`}</title>
      <section className="section narrow-column stack" aria-labelledby="audit-title">
        <p className="hint">
          {t("audits.kicker", { where: audit.where })} · {t(`audits.status.${audit.status}`)} ·{" "}
          {audit.isAnonymous ? t("audits.anonymous") : t("audits.named")}
        </p>
        <h1 id="audit-title">{audit.title}</h1>
        {audit.introduction ? <p>{audit.introduction}</p> : null}
        {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
        {loaded.thanks ? <FormMessage kind="success">{t("audits.thanks")}</FormMessage> : null}
        {loaded.manages ? (
          <section className="stack" aria-labelledby="audit-manage">
            <h2 id="audit-manage">{t("audits.manage.heading")}</h2>
            {audit.status === "open" ? <AuditLive auditId={audit.id} /> : null}
            {loaded.rate && !draft ? (
              <p data-testid="response-rate">
                {t("audits.rate", {
                  answered: loaded.rate.answered,
                  invited: loaded.rate.invited,
                  rate: percent.format(loaded.rate.rate),
                })}
              </p>
            ) : null}
            {draft ? (
              <p className="hint">{t("audits.manage.draftHint")}</p>
            ) : (
              <p>
                <a href={`/audits/${audit.id}/report`}>{t("audits.report.link")}</a> ·{" "}
                <a href={`/audits/${audit.id}/report.pdf`}>{t("audits.report.pdfLink")}</a>
              </p>
            )}
            {draft && loaded.questions.length > 0 ? (
              <CsrfForm method="post">
                <input type="hidden" name="intent" value="open" />
                <SubmitButton>{t("audits.manage.open")}</SubmitButton>
              </CsrfForm>
            ) : null}
            {audit.status === "open" ? (
              <CsrfForm method="post">
                <input type="hidden" name="intent" value="close" />
                <SubmitButton className="button secondary">{t("audits.manage.close")}</SubmitButton>
              </CsrfForm>
            ) : null}
          </section>
        ) : null}
        <section className="stack" aria-labelledby="audit-questions">
          <h2 id="audit-questions">{t("audits.questions")}</h2>
          {loaded.questions.length === 0 ? <p className="hint">{t("audits.noQuestions")}</p> : null}
          {loaded.manages || !loaded.canAnswer ? (
            <ol className="stack">
              {loaded.questions.map((q) => (
                <li key={q.id}>
                  <p>{q.prompt}</p>
                  {q.topics.length > 0 ? (
                    <ul>
                      {q.topics.map((topic) => (
                        <li key={topic.key}>{topic.label}</li>
                      ))}
                    </ul>
                  ) : (
                    <p className="hint">{t("audits.openQuestion")}</p>
                  )}
                  {draft && loaded.manages ? (
                    <CsrfForm method="post">
                      <input type="hidden" name="intent" value="removeQuestion" />
                      <input type="hidden" name="questionId" value={q.id} />
                      <SubmitButton className="button secondary">
                        {t("audits.manage.removeQuestion")}
                      </SubmitButton>
                    </CsrfForm>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : null}
          {loaded.answered ? <p>{t("audits.alreadyAnswered")}</p> : null}
          {!loaded.manages && !loaded.canAnswer && !loaded.answered ? (
            <p>{t("audits.closed")}</p>
          ) : null}
        </section>
        {draft && loaded.manages ? (
          <section className="stack" aria-labelledby="add-question">
            <h2 id="add-question">{t("audits.manage.addQuestion")}</h2>
            <CsrfForm method="post" className="stack">
              <input type="hidden" name="intent" value="addQuestion" />
              <ChoiceGroup
                name="kind"
                type="radio"
                legend={t("audits.field.kind")}
                options={[
                  { value: "topics", label: t("audits.kind.topics") },
                  { value: "open", label: t("audits.kind.open") },
                ]}
                selected={[String(sent.kind ?? "topics")]}
                error={errors.kind}
              />
              <TextField
                name="prompt"
                label={t("audits.field.prompt")}
                defaultValue={typeof sent.prompt === "string" ? sent.prompt : ""}
                error={errors.prompt}
                maxLength={500}
              />
              <ChoiceGroup
                name="topics"
                type="checkbox"
                legend={t("audits.field.topics")}
                options={loaded.options.curatedTopics}
                selected={listOf(sent.topics)}
                error={errors.topics}
                columns
              />
              <TextArea
                name="otherTopics"
                label={t("audits.field.otherTopics")}
                hint={t("audits.field.otherTopicsHint")}
                defaultValue={typeof sent.otherTopics === "string" ? sent.otherTopics : ""}
                rows={3}
              />
              <SubmitButton>{t("audits.manage.addQuestion")}</SubmitButton>
            </CsrfForm>
          </section>
        ) : null}
        {loaded.canAnswer && !loaded.manages ? <AnswerForm sent={sent} errors={errors} /> : null}
        {loaded.canAnswer && loaded.manages ? (
          <details>
            <summary>{t("audits.answerYourself")}</summary>
            <AnswerForm sent={sent} errors={errors} />
          </details>
        ) : null}
      </section>
    </main>
  );
}

function AnswerForm(props: { sent: Record<string, unknown>; errors: Record<string, string> }) {
  const loaded = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const { sent, errors } = props;
  const ticked = listOf(sent.tick);
  const languages = sent.languages === undefined ? loaded.myLanguages : listOf(sent.languages);
  return (
    <CsrfForm method="post" className="stack" aria-labelledby="answer-heading">
      <h2 id="answer-heading">{t("audits.answer.heading")}</h2>
      <p className="hint">
        {loaded.audit.isAnonymous ? t("audits.answer.anonymousHint") : t("audits.answer.namedHint")}
      </p>
      <input type="hidden" name="intent" value="answer" />
      {errors.form ? <p className="error">{t(errors.form)}</p> : null}
      {errors.tick ? <p className="error">{t(errors.tick)}</p> : null}
      {loaded.questions.map((q) =>
        q.kind === "open" ? (
          <TextArea
            key={q.id}
            name={`open_${q.id}`}
            label={q.prompt}
            defaultValue={
              typeof sent[`open_${q.id}`] === "string" ? String(sent[`open_${q.id}`]) : ""
            }
            error={errors[`open_${q.id}`]}
            maxLength={2000}
            rows={4}
          />
        ) : (
          <fieldset key={q.id} className="field stack">
            <legend>{q.prompt}</legend>
            {q.topics.map((topic) => (
              <div key={topic.key} className="stack">
                <label className="choice">
                  <input
                    type="checkbox"
                    name="tick"
                    value={String(topic.index)}
                    defaultChecked={ticked.includes(String(topic.index))}
                  />
                  <span>{topic.label}</span>
                </label>
                <ChoiceGroup
                  name={`urgency_${topic.index}`}
                  type="radio"
                  legend={t("audits.answer.urgency", { topic: topic.label })}
                  options={loaded.options.urgencies}
                  selected={listOf(sent[`urgency_${topic.index}`])}
                  error={errors[`urgency_${topic.index}`]}
                />
                <ChoiceGroup
                  name={`formats_${topic.index}`}
                  type="checkbox"
                  legend={t("audits.answer.formats", { topic: topic.label })}
                  options={loaded.options.formats}
                  selected={listOf(sent[`formats_${topic.index}`])}
                  error={errors[`formats_${topic.index}`]}
                />
              </div>
            ))}
          </fieldset>
        ),
      )}
      {loaded.questions.some((q) => q.kind === "topics") ? (
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={t("audits.answer.languages")}
          options={loaded.options.languages}
          selected={languages}
          error={errors.languages}
          columns
        />
      ) : null}
      <SubmitButton>{t("audits.answer.send")}</SubmitButton>
    </CsrfForm>
  );
}
