import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { explainForViewer } from "~/features/partnering/matches.server";
import {
  findOpportunityForViewer,
  renewOpportunity,
  reviewOpportunity,
  submitOpportunity,
  withdrawOpportunity,
} from "~/features/partnering/opportunities.server";
import { fieldErrors } from "~/features/partnering/opportunity-page.server";
import { opportunityPolicy } from "~/features/partnering/rules";
import { reviewFormSchema } from "~/features/partnering/schema";
import { listPublishedStories } from "~/features/partnering/stories.server";
import { MatchReasons } from "~/features/partnering/ui/match-list";
import { StatusBadge, useDay } from "~/features/partnering/ui/opportunity-card";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { ReviewForms } from "~/features/partnering/ui/review-forms";
import { StoryList } from "~/features/partnering/ui/story-list";
import { countryName, languageName, sectorName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { localeNames } from "~/i18n/i18n";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { formatDate } from "~/ui/format";
import type { Route } from "./+types/opportunity";

/**
 * One opportunity. Signed-out visitors see the public part of a current published one (title,
 * summary, organisation name and country); signed-in people the whole text; authors and
 * reviewers every status. No contact details for anyone: they come with an introduction.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const actor = actorOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const found = await handleLoader(() => findOpportunityForViewer(actor, params.id));
  const { opportunity: o, organisation, subject } = found;
  const wantsOriginal = new URL(request.url).searchParams.get("original") === "1";
  const translation =
    o.language !== locale ? found.translations.find((t) => t.language === locale) : undefined;
  const shown = translation && !wantsOriginal ? translation : null;
  const text = shown ?? o;
  const base = {
    id: o.id,
    title: text.title,
    summary: text.summary,
    // The language the text is shown in (the original's or the reader's translation), so that
    // a screen reader reads it in that language (WCAG 3.1.2).
    textLanguage: shown ? shown.language : o.language,
    // What we bring and seek are not translated: always the original's language.
    originalLanguage: o.language,
    organisationName: organisation.name,
    organisationCountry: countryName(organisation.country, locale),
  };
  const translated = {
    shown: shown !== null,
    available: translation !== undefined,
    original: localeNames[o.language as keyof typeof localeNames] ?? o.language,
    reader: localeNames[locale],
  };
  // The partnership stories told about it (published ones only, on a current opportunity).
  const stories = subject.current ? await listPublishedStories({ opportunityId: o.id }) : [];
  if (!actor) {
    return { signedIn: false as const, opportunity: base, translated, stories };
  }
  const can = (action: Parameters<typeof opportunityPolicy.can>[1]) =>
    opportunityPolicy.can(actor, action, subject);
  // Why it may fit the reader's organisation, in words (matches.server.ts), for readers who are
  // not its authors and may express interest in it.
  const match =
    !found.isAuthor && subject.current
      ? await explainForViewer({
          userId: actor.id,
          opportunityId: o.id,
          publisherId: organisation.id,
          locale,
        })
      : null;
  return {
    signedIn: true as const,
    translated,
    stories,
    match,
    opportunity: {
      ...base,
      description: text.description,
      kind: o.kind,
      area: o.area,
      partnerships: o.partnerships,
      sector: sectorName(o.naceDivision, locale),
      targetCountries: o.targetCountries.map((c) => countryName(c, locale)),
      languages: o.languages.map((c) => languageName(c, locale)),
      brings: o.brings,
      seeks: o.seeks,
      deadline: o.deadline,
      status: o.status,
      current: subject.current,
      expiresAt: o.expiresAt ? o.expiresAt.toISOString() : null,
      reviewNote: found.isAuthor ? o.reviewNote : "",
      interestCount: found.isAuthor ? o.interestCount : 0,
    },
    isAuthor: found.isAuthor,
    can: {
      edit: can("edit"),
      submit: can("submit"),
      review: can("review"),
      withdraw: can("withdraw"),
      renew: can("renew"),
      expressInterest: can("expressInterest"),
    },
  };
}

/** Send for review, withdraw, renew (authors); approve or send back (reviewers). */
export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const id = params.id;
  switch (form.intent) {
    case "submit":
      return handleAction(async () => {
        await submitOpportunity({ actor, id });
        return redirect(`/partnering/${id}`);
      });
    case "withdraw":
      return handleAction(async () => {
        if (!isConfirmed(form)) {
          // Asked only of those who may withdraw it; anyone else is refused as before.
          const { subject } = await findOpportunityForViewer(actor, id);
          opportunityPolicy.authorize(actor, "withdraw", subject);
          const fields = { intent: "withdraw" };
          return confirmRequest(
            "partnering.withdrawQuestion",
            "partnering.withdrawConfirm",
            fields,
          );
        }
        await withdrawOpportunity({ actor, id });
        return redirect(`/partnering/${id}?withdrawn=1`);
      });
    case "renew":
      return handleAction(async () => {
        await renewOpportunity({ actor, id });
        return redirect(`/partnering/${id}`);
      });
    case "approve":
    case "return": {
      const parsed = reviewFormSchema.safeParse(form);
      if (!parsed.success) {
        return data(
          {
            ok: false,
            message: "form.fixErrors",
            errors: fieldErrors(parsed.error.issues),
          },
          { status: 400 },
        );
      }
      const { intent, note } = parsed.data;
      return handleAction(async () => {
        await reviewOpportunity({ actor, id, intent, note });
        return redirect("/partnering/review");
      });
    }
    default:
      throw httpError(400);
  }
}

export default function OpportunityPage() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale, timeZone } = useI18n();
  const day = useDay();
  const o = loaded.opportunity;
  const tr = loaded.translated;
  const [params] = useSearchParams();
  const withdrawn = params.get("withdrawn") === "1" && "status" in o && o.status === "withdrawn";
  return (
    <main id="main" className="page narrow-column">
      <title>{`${o.title} · Synergy`}</title>
      <h1 lang={o.textLanguage}>{o.title}</h1>
      <PartneringNav />
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      {withdrawn ? <FormMessage kind="success">{t("partnering.withdrawnDone")}</FormMessage> : null}
      {tr.shown ? (
        <p className="hint">
          {t("partnering.translatedNote", { language: tr.original })}{" "}
          <a href="?original=1">{t("partnering.readOriginal")}</a>
        </p>
      ) : tr.available ? (
        <p className="hint">
          <a href="?">{t("partnering.readTranslation", { language: tr.reader })}</a>
        </p>
      ) : null}
      <p>
        {o.organisationName} · {o.organisationCountry}
      </p>
      <p className="lead" lang={o.textLanguage}>
        {o.summary}
      </p>
      {loaded.signedIn ? null : (
        <p>
          <a href={`/signin?next=${encodeURIComponent(`/partnering/${o.id}`)}`}>
            {t("partnering.signInToRead")}
          </a>
        </p>
      )}
      {loaded.signedIn ? (
        <>
          <p>
            {loaded.opportunity.status !== "published" || !loaded.opportunity.current ? (
              <>
                <StatusBadge
                  status={loaded.opportunity.status}
                  current={loaded.opportunity.current}
                />{" "}
              </>
            ) : null}
            <span className="badge">{t(`partnering.kind.${loaded.opportunity.kind}`)}</span>{" "}
            <span className="badge">{t(`partnering.area.${loaded.opportunity.area}`)}</span>{" "}
            {loaded.opportunity.partnerships.map((p) => (
              <span key={p} className="badge">
                {t(`partnering.partnership.${p}`)}
              </span>
            ))}
          </p>
          {loaded.opportunity.reviewNote && loaded.opportunity.status === "draft" ? (
            <div className="form-message error">
              <p>{t("partnering.reviewNoteHeading")}</p>
              <p>{loaded.opportunity.reviewNote}</p>
            </div>
          ) : null}
          {loaded.opportunity.description ? (
            <p className="opportunity-description" lang={o.textLanguage}>
              {loaded.opportunity.description}
            </p>
          ) : null}
          <dl className="facts">
            <dt>{t("partnering.sectorLabel")}</dt>
            <dd>{loaded.opportunity.sector}</dd>
            <dt>{t("partnering.targetCountries")}</dt>
            <dd>
              {loaded.opportunity.targetCountries.length > 0
                ? loaded.opportunity.targetCountries.join(", ")
                : t("partnering.anywhere")}
            </dd>
            <dt>{t("partnering.workingLanguages")}</dt>
            <dd>{loaded.opportunity.languages.join(", ")}</dd>
            {loaded.opportunity.brings ? (
              <>
                <dt>{t("partnering.bringsLabel")}</dt>
                <dd lang={o.originalLanguage}>{loaded.opportunity.brings}</dd>
              </>
            ) : null}
            {loaded.opportunity.seeks ? (
              <>
                <dt>{t("partnering.seeksLabel")}</dt>
                <dd lang={o.originalLanguage}>{loaded.opportunity.seeks}</dd>
              </>
            ) : null}
            <dt>{t("partnering.deadlineLabel")}</dt>
            <dd>
              {loaded.opportunity.deadline
                ? day(loaded.opportunity.deadline)
                : t("partnering.noDeadline")}
            </dd>
            {loaded.opportunity.expiresAt && loaded.opportunity.status === "published" ? (
              <>
                <dt>{t("partnering.expiresLabel")}</dt>
                <dd>{formatDate(loaded.opportunity.expiresAt, locale, timeZone)}</dd>
              </>
            ) : null}
          </dl>
          {loaded.match ? (
            <section className="section" aria-labelledby="match-heading">
              <h2 id="match-heading">
                {t("partnering.matchHeading", { organisation: loaded.match.organisation })}
              </h2>
              <p className="badge">{t("matches.score", { score: loaded.match.score })}</p>
              <MatchReasons reasons={loaded.match.reasons} lowers={loaded.match.lowers} />
            </section>
          ) : null}
          {loaded.can.expressInterest ? (
            <p>
              <a className="button" href={`/partnering/${o.id}/interest`}>
                {t("partnering.expressInterest")}
              </a>
            </p>
          ) : null}
          {loaded.isAuthor ? (
            <p>
              <a href={`/partnering/${o.id}/interests`}>
                {t("partnering.interestedOrganisations", {
                  count: loaded.opportunity.interestCount,
                })}
              </a>
            </p>
          ) : null}
          <div className="inline-actions">
            {loaded.can.edit ? (
              <>
                <a className="button secondary" href={`/partnering/${o.id}/edit`}>
                  {t("partnering.edit")}
                </a>
                <a className="button secondary" href={`/partnering/${o.id}/translations`}>
                  {t("partnering.translationsHeading")}
                </a>
              </>
            ) : null}
            {loaded.can.submit ? (
              <CsrfForm method="post">
                <input type="hidden" name="intent" value="submit" />
                <SubmitButton>{t("partnering.sendForReview")}</SubmitButton>
              </CsrfForm>
            ) : null}
            {loaded.can.renew ? (
              <CsrfForm method="post" id="renew">
                <input type="hidden" name="intent" value="renew" />
                <SubmitButton>{t("partnering.renew")}</SubmitButton>
              </CsrfForm>
            ) : null}
            {loaded.can.withdraw ? (
              <ConfirmAction
                label={t("partnering.withdraw")}
                question="partnering.withdrawQuestion"
                confirmLabel="partnering.withdrawConfirm"
                fields={{ intent: "withdraw" }}
                className="button secondary"
              />
            ) : null}
          </div>
          {loaded.can.review ? (
            <ReviewForms
              id={o.id}
              errors={result && "errors" in result ? result.errors : undefined}
            />
          ) : null}
        </>
      ) : null}
      <StoryList stories={loaded.stories} />
      <p className="section">
        <a href="/partnering">{t("partnering.backToSearch")}</a>
      </p>
    </main>
  );
}
