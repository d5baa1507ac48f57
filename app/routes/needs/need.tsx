import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  addMeToo,
  answersOf,
  closeNeed,
  loadNeed,
  ownerOf,
  requireNeedSubject,
  satisfyNeed,
  withdrawMeToo,
} from "~/features/needs/needs.server";
import { needLabels } from "~/features/needs/page.server";
import { needPolicy } from "~/features/needs/rules";
import { meTooSchema, satisfiedSchema } from "~/features/needs/schema";
import { offerActorOf } from "~/features/offers/offers.server";
import { offerPolicy } from "~/features/offers/rules";
import { languageName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader, invalid } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { ChoiceGroup, CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/need";

/**
 * One need: what it is, who has it (and how many too), whether anything reaches it, the answers
 * educators gave; the owner closes it or confirms it met, others say "me too". A need the viewer
 * may not see is the same 404 as a missing one.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const viewer = personOf(auth);
  return handleLoader(async () => {
    const need = await loadNeed(viewer.id, params.id);
    const subject = {
      ownerId: need.owner_id,
      status: need.status,
      visible: true,
      meToo: need.me_too_urgency !== null,
    };
    const [owner, answers, labels, offerActor] = await Promise.all([
      ownerOf(need.owner_id),
      answersOf(need.id, viewer.id),
      needLabels([need], locale),
      offerActorOf(viewer.id),
    ]);
    return {
      need,
      owner,
      answers: answers.map((a) => ({ ...a, languageName: languageName(a.language, locale) })),
      topicLabel: need.topic ? (labels.topics[need.topic] ?? need.topic) : null,
      countryName: need.country ? (labels.countries[need.country] ?? need.country) : null,
      languageNames: need.languages.map((code) => languageName(code, locale)),
      isOwner: need.owner_id === viewer.id,
      can: {
        manage: needPolicy.can(viewer, "manage", subject),
        meToo: needPolicy.can(viewer, "meToo", subject),
        withdraw: needPolicy.can(viewer, "withdrawMeToo", subject),
        // The answer page's own rule: educators and facilitators, not on their own need.
        answer: offerPolicy.can(viewer, "answer", {
          ...offerActor,
          visible: true,
          open: need.status === "open",
          isOwner: need.owner_id === viewer.id,
          saidMeToo: need.me_too_urgency !== null,
        }),
      },
    };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const intent = typeof form.intent === "string" ? form.intent : "";
  return handleAction(async () => {
    if (intent === "meToo") {
      const parsed = meTooSchema.safeParse({ urgency: form.urgency });
      if (!parsed.success) throw invalid("needs.urgencyRequired", "urgency");
      await addMeToo(actor, params.id, parsed.data.urgency);
      return { ok: true as const, done: "needs.meTooDone" };
    }
    if (intent === "withdrawMeToo") {
      const { visible } = await withdrawMeToo(actor, params.id);
      // A need they no longer see (removed from its network) is not shown again.
      if (!visible) return redirect("/needs");
      return { ok: true as const, done: "needs.meTooWithdrawn" };
    }
    if (intent === "close") {
      if (!isConfirmed(form)) {
        // Asked only of those who may close it; anyone else is refused as before.
        const { subject } = await requireNeedSubject(actor.id, params.id);
        needPolicy.authorize(actor, "manage", subject);
        return confirmRequest("needs.closeQuestion", "needs.closeConfirm", { intent: "close" });
      }
      await closeNeed(actor, params.id);
      return redirect(`/needs/${params.id}?closed=1`);
    }
    if (intent === "satisfy") {
      const parsed = satisfiedSchema.safeParse({
        note: typeof form.note === "string" ? form.note : "",
        answerId: typeof form.answerId === "string" ? form.answerId : "",
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw invalid(issue.message as never, String(issue.path[0] ?? "note"));
      }
      await satisfyNeed(actor, params.id, parsed.data);
      return redirect(`/needs/${params.id}`);
    }
    return data({ ok: false as const, message: "errors.badRequest", errors: {} }, { status: 400 });
  });
}

export default function NeedPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const { need } = d;
  const closed = params.get("closed") === "1" && need.status === "closed";
  const title = d.topicLabel ?? need.topic_text;
  const errors = result && "errors" in result ? (result.errors as Record<string, string>) : {};
  const urgencyOptions = (["month", "quarter", "year"] as const).map((u) => ({
    value: u,
    label: t(`needs.urgencyValue.${u}`),
  }));
  return (
    <main id="main" className="page narrow-column">
      <title>{`${title} · ${t("needs.title")} · Synergy`}</title>
      <p>
        <a href="/needs">{t("needs.backToList")}</a>
      </p>
      <h1>{title}</h1>
      {result && "message" in result && result.message ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {result && "done" in result ? (
        <FormMessage kind="success">{t(result.done)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      {closed ? <FormMessage kind="success">{t("needs.closedDone")}</FormMessage> : null}
      {need.status !== "open" ? (
        <p className="form-message success" role="status">
          {t(`needs.statusValue.${need.status}`)}
          {need.status === "satisfied" && need.satisfied_note ? `: ${need.satisfied_note}` : ""}
        </p>
      ) : null}
      {d.topicLabel && need.topic_text ? <p>{need.topic_text}</p> : null}
      {need.situation ? <p className="prose">{need.situation}</p> : null}
      <dl className="facts">
        <dt>{t("needs.owner")}</dt>
        <dd>
          {d.owner ? <a href={`/people/${d.owner.id}`}>{d.owner.name}</a> : t("needs.ownerHidden")}
        </dd>
        <dt>{t("needs.urgency")}</dt>
        <dd>{t(`needs.urgencyValue.${need.urgency}`)}</dd>
        <dt>{t("needs.formats")}</dt>
        <dd>{need.formats.map((f) => t(`needs.formatValue.${f}`)).join(", ")}</dd>
        {need.times.length > 0 ? (
          <>
            <dt>{t("needs.times")}</dt>
            <dd>{need.times.map((x) => t(`needs.timeValue.${x}`)).join(", ")}</dd>
          </>
        ) : null}
        {need.longest_sitting ? (
          <>
            <dt>{t("needs.sitting")}</dt>
            <dd>{t(`needs.sittingValue.${need.longest_sitting}`)}</dd>
          </>
        ) : null}
        <dt>{t("needs.languages")}</dt>
        <dd>{d.languageNames.join(", ")}</dd>
        {d.countryName ? (
          <>
            <dt>{t("needs.country")}</dt>
            <dd>{[need.region, d.countryName].filter(Boolean).join(", ")}</dd>
          </>
        ) : null}
        <dt>{t("needs.audience")}</dt>
        <dd>
          {need.network_id ? (
            <a href={`/networks/${need.network_id}`}>{need.network_name}</a>
          ) : (
            t("needs.audienceAll")
          )}
        </dd>
        <dt>{t("needs.meToos")}</dt>
        <dd>{t("needs.meTooCount", { count: need.me_too_count })}</dd>
        <dt>{t("needs.weight")}</dt>
        <dd>{need.weight}</dd>
        <dt>{t("needs.reachedLabel")}</dt>
        <dd>{t(need.is_reached ? "needs.reached" : "needs.notReached")}</dd>
        <dt>{t("needs.recorded")}</dt>
        <dd>
          <Time value={need.created_at} style="date" />
        </dd>
      </dl>

      {d.can.meToo ? (
        <CsrfForm method="post" className="stack card">
          <input type="hidden" name="intent" value="meToo" />
          <ChoiceGroup
            name="urgency"
            type="radio"
            legend={t("needs.meTooUrgency")}
            options={urgencyOptions}
            selected={["quarter"]}
            error={errors.urgency}
          />
          <SubmitButton>{t("needs.meToo")}</SubmitButton>
        </CsrfForm>
      ) : null}
      {d.can.withdraw ? (
        <CsrfForm method="post" className="row">
          <input type="hidden" name="intent" value="withdrawMeToo" />
          <p>
            {t("needs.youToo", {
              urgency: t(`needs.urgencyValue.${need.me_too_urgency ?? "year"}`),
            })}
          </p>
          <SubmitButton className="button secondary">{t("needs.withdrawMeToo")}</SubmitButton>
        </CsrfForm>
      ) : null}
      {d.can.answer ? (
        <p>
          <a className="button" href={`/needs/${need.id}/answer`}>
            {t("needs.iCanRunThis")}
          </a>
        </p>
      ) : null}

      <section className="section" aria-labelledby="answers-heading">
        <h2 id="answers-heading">{t("needs.answersHeading")}</h2>
        {d.answers.length === 0 ? <p className="muted">{t("needs.noAnswers")}</p> : null}
        <ul className="card-list">
          {d.answers.map((a) => (
            <li key={a.id} className="card">
              <p>
                {a.kind === "offer" && a.offer_id ? (
                  <a href={`/offers/${a.offer_id}`}>{a.offer_title}</a>
                ) : null}
                {a.kind === "event" && a.event_id ? (
                  <a href={`/networks/${a.event_network_id}/events/${a.event_id}`}>
                    {a.event_title}
                  </a>
                ) : null}
                {a.kind === "resource" && a.resource_title ? (
                  <a href={`/learn/${a.resource_id}`}>{a.resource_title}</a>
                ) : null}
                {a.kind === "resource" && !a.resource_title ? t("needs.answerResource") : null}{" "}
                <span className="muted">
                  · {t(`needs.answerKind.${a.kind}`)} · {a.languageName}
                  {a.responder_name ? ` · ${a.responder_name}` : ""}
                </span>
              </p>
              {a.message ? <p>{a.message}</p> : null}
              {need.satisfied_answer_id === a.id ? (
                <p className="badge">{t("needs.metByThis")}</p>
              ) : null}
              {d.isOwner && a.responder_id ? (
                <CsrfForm method="post" action={`/needs/${need.id}/answers/${a.id}/ask`}>
                  <SubmitButton className="button secondary">{t("needs.askAbout")}</SubmitButton>
                </CsrfForm>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      {d.can.manage ? (
        <section className="section stack" aria-labelledby="manage-heading">
          <h2 id="manage-heading">{t("needs.manageHeading")}</h2>
          <p>
            <a href={`/needs/${need.id}/edit`}>{t("needs.edit")}</a>
          </p>
          <CsrfForm method="post" className="stack card" aria-labelledby="satisfied-heading">
            <h3 id="satisfied-heading">{t("needs.satisfiedHeading")}</h3>
            <input type="hidden" name="intent" value="satisfy" />
            {d.answers.length > 0 ? (
              <ChoiceGroup
                name="answerId"
                type="radio"
                legend={t("needs.satisfiedBy")}
                options={[
                  { value: "", label: t("needs.satisfiedByNone") },
                  ...d.answers.map((a) => ({
                    value: a.id,
                    label: a.offer_title ?? a.event_title ?? t(`needs.answerKind.${a.kind}`),
                  })),
                ]}
                selected={[""]}
                error={errors.answerId}
              />
            ) : null}
            <TextArea
              name="note"
              label={t("needs.satisfiedNote")}
              error={errors.note}
              maxLength={500}
              rows={3}
            />
            <SubmitButton>{t("needs.confirmSatisfied")}</SubmitButton>
          </CsrfForm>
          <ConfirmAction
            label={t("needs.close")}
            question="needs.closeQuestion"
            confirmLabel="needs.closeConfirm"
            fields={{ intent: "close" }}
            className="button secondary"
          />
        </section>
      ) : null}
    </main>
  );
}
