import { data, redirect, useActionData, useLoaderData } from "react-router";
import { z } from "zod";
import { resolveLocale } from "~/features/accounts/locale.server";
import { MAX_COMMENT, MAX_REVIEW, MAX_SUBMIT_NOTE } from "~/features/learning/limits";
import { presentResource } from "~/features/learning/present.server";
import {
  addComment,
  answerMyNeed,
  COMMENTS_PAGE,
  deleteComment,
  filesOf,
  listComments,
  listReviews,
  myOpenNeeds,
  myRating,
  publishedContent,
  publishedFilesOf,
  publishResource,
  rateResource,
  readResourceSubject,
  resourceSidebar,
  reviewResource,
  submitResource,
  withdrawResource,
} from "~/features/learning/resources.server";
import { resourcePolicy, seesWorkingCopy } from "~/features/learning/rules";
import { ResourceBody } from "~/features/learning/ui/resource-body";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { languageName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor, encodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, invalid, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { PostedStatus, useComposerKey } from "~/ui/composer";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/resource";

/**
 * One resource. Readers see the published version (from the versions table); its authors and,
 * while it waits or is approved, its reviewers see the working copy (`seesWorkingCopy`). The page carries every step of the
 * workflow as a form, and the readers' rating, comments and "this answers my need".
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await context.auth();
  const actor = actorOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  return handleLoader(async () => {
    const found = await readResourceSubject(params.id, actor);
    if (!found) throw notFound();
    const { row, subject } = found;
    resourcePolicy.authorize(actor, "view", subject);
    const showWorkingCopy = seesWorkingCopy(subject);
    const content = showWorkingCopy ? row : { ...row, ...(await publishedContent(row)) };
    const [files, labels, sidebar, reviews, comments, needs, rating] = await Promise.all([
      showWorkingCopy ? filesOf(row.id) : publishedFilesOf(row.id),
      topicKeyLabels(content.topics, locale),
      resourceSidebar(row, actor?.id ?? null),
      subject.isAuthor || subject.isReviewer ? listReviews(row.id) : Promise.resolve([]),
      subject.live ? listComments(row.id, after, actor?.id ?? null) : Promise.resolve([]),
      actor && subject.live ? myOpenNeeds(row.id, actor.id) : Promise.resolve([]),
      actor ? myRating(row.id, actor.id) : Promise.resolve(null),
    ]);
    const needLabels = await topicKeyLabels(
      needs.flatMap((n) => (n.topic ? [n.topic] : [])),
      locale,
    );
    const shownComments = comments.slice(0, COMMENTS_PAGE);
    const lastComment = shownComments.at(-1);
    return {
      resource: presentResource({ ...content, id: row.id }, files, labels),
      status: row.status,
      version: row.version,
      live: subject.live,
      showWorkingCopy,
      viewerId: actor?.id ?? null,
      ratingSum: row.ratingSum,
      ratingCount: row.ratingCount,
      myRating: rating,
      authors: sidebar.authors,
      translations: sidebar.translations.map((tr) => ({
        ...tr,
        languageName: languageName(tr.language, locale),
      })),
      reviews,
      comments: shownComments,
      commentsNext:
        comments.length > COMMENTS_PAGE && lastComment
          ? encodeCursor({ at: lastComment.cursor_at, id: lastComment.id })
          : null,
      needs: needs.map((n) => ({
        id: n.id,
        label: [n.topic ? (needLabels.get(n.topic) ?? n.topic) : "", n.topic_text]
          .filter(Boolean)
          .join(" — "),
        answered: n.answered,
      })),
      commentKey: randomToken().slice(0, 24),
      // New with every load, so after a review is sent the form is a fresh one.
      reviewKey: randomToken().slice(0, 24),
      can: {
        edit: resourcePolicy.can(actor, "edit", subject),
        submit: resourcePolicy.can(actor, "submit", subject),
        review: resourcePolicy.can(actor, "review", subject),
        publish: resourcePolicy.can(actor, "publish", subject),
        withdraw: resourcePolicy.can(actor, "withdraw", subject),
        use: resourcePolicy.can(actor, "use", subject),
        rate: resourcePolicy.can(actor, "rate", subject),
        translate: subject.isAuthor || (subject.live && actor !== null),
      },
    };
  });
}

const intentSchema = z.enum([
  "submit",
  "review",
  "publish",
  "withdraw",
  "rate",
  "comment",
  "deleteComment",
  "answerNeed",
]);

export async function action({ params, context }: Route.ActionArgs) {
  const auth = await context.auth();
  const actor = actorOf(auth);
  const form = readForm(context);
  const found = await handleLoader(async () => {
    const result = await readResourceSubject(params.id, actor);
    if (!result) throw notFound();
    return result;
  });
  const { row, subject } = found;
  return handleAction(
    async () => {
      const intent = intentSchema.safeParse(form.intent);
      if (!intent.success) throw invalid();
      const text = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : "");
      let done: MessageKey;
      switch (intent.data) {
        case "submit": {
          const decision = resourcePolicy.authorize(actor, "submit", subject);
          await submitResource({ decision, row, note: text("note") });
          done = "learning.done.submitted";
          break;
        }
        case "review": {
          const decision = resourcePolicy.authorize(actor, "review", subject);
          const verdict = z
            .enum(["comment", "changes_requested", "approved"])
            .safeParse(form.decision);
          if (!verdict.success) throw invalid("errors.badRequest", "decision");
          const body = text("body").trim();
          if (body.length > MAX_REVIEW) throw invalid("learning.commentTooLong", "body");
          await reviewResource({
            decision,
            row,
            verdict: verdict.data,
            body,
            publish: form.publish === "yes",
            submissionKey: readSubmissionKey(form.submissionKey),
          });
          done = "learning.done.reviewed";
          break;
        }
        case "publish": {
          const decision = resourcePolicy.authorize(actor, "publish", subject);
          await publishResource({ decision, row });
          done = "learning.done.published";
          break;
        }
        case "withdraw": {
          const decision = resourcePolicy.authorize(actor, "withdraw", subject);
          await withdrawResource({ decision, row });
          done = "learning.done.withdrawn";
          break;
        }
        case "rate": {
          const decision = resourcePolicy.authorize(actor, "rate", subject);
          const stars = Number(text("stars"));
          await rateResource({ decision, resourceId: row.id, stars });
          done = "learning.done.rated";
          break;
        }
        case "comment": {
          const decision = resourcePolicy.authorize(actor, "use", subject);
          const comment = await addComment({
            decision,
            resourceId: row.id,
            body: text("body"),
            submissionKey: readSubmissionKey(form.submissionKey),
          });
          // The composer's answer (decision 007): a fresh page with an empty form, at the comment.
          return redirect(`/learn/${row.id}?posted=${comment.id}#comment-${comment.id}`);
        }
        case "deleteComment": {
          const decision = resourcePolicy.authorize(actor, "use", subject);
          await deleteComment({ decision, resourceId: row.id, commentId: text("commentId") });
          done = "learning.done.saved";
          break;
        }
        case "answerNeed": {
          const decision = resourcePolicy.authorize(actor, "use", subject);
          await answerMyNeed({ decision, row, needId: text("needId") });
          done = "learning.done.answered";
          break;
        }
      }
      // Back to a draft, the resource is its authors' only again: the reviewer goes to their queue.
      if (
        intent.data === "withdraw" ||
        (intent.data === "review" && form.decision === "changes_requested")
      ) {
        return redirect("/learn/mine");
      }
      return data({ ok: true as const, done });
    },
    { commentBody: form.intent === "comment" && typeof form.body === "string" ? form.body : "" },
  );
}

export default function ResourcePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const r = d.resource;
  const statusLabel = t(`learning.status.${d.status}`);
  const commentKey = useComposerKey(d.commentKey);
  return (
    <main id="main" className="page narrow-column">
      <title>{`${r.title} · Synergy`}</title>
      <p>
        <a href="/learn">{t("learning.library.title")}</a>
      </p>
      {result && "done" in result ? (
        <FormMessage kind="success">{t(result.done)}</FormMessage>
      ) : result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <h1 lang={r.language}>{r.title}</h1>
      {r.summary ? <p lang={r.language}>{r.summary}</p> : null}
      <p className="muted">
        {d.authors.length > 0
          ? `${t("learning.byAuthors", { names: d.authors.map((a) => a.name).join(", ") })} · `
          : ""}
        {t("learning.licenceLabel", { licence: t(`learning.licence.${r.licence}`) })} ·{" "}
        {t("learning.minutes", { count: r.minutes })} · {t("learning.eqfLevel", { level: r.eqf })} ·{" "}
        <a href={`/learn/${r.id}/versions`}>{t("learning.versionsLink")}</a>
      </p>
      {r.topics.length > 0 ? (
        <p className="muted">{r.topics.map((topic) => topic.label).join(", ")}</p>
      ) : null}
      {d.translations.length > 0 ? (
        <p>
          {t("learning.otherLanguages")}{" "}
          {d.translations.map((tr, i) => (
            <span key={tr.id}>
              {i > 0 ? ", " : ""}
              <a href={`/learn/${tr.id}`} hrefLang={tr.language}>
                {tr.languageName}
              </a>
            </span>
          ))}
        </p>
      ) : null}
      {d.showWorkingCopy ? (
        <p className="notice">
          {d.live
            ? t("learning.workingCopy", { status: statusLabel, version: d.version })
            : `${statusLabel}. ${t("learning.notLiveYet")}`}
        </p>
      ) : null}
      <p>
        {d.ratingCount > 0
          ? t("learning.rating", {
              average: (d.ratingSum / d.ratingCount).toLocaleString(locale, {
                maximumFractionDigits: 1,
              }),
              count: d.ratingCount,
            })
          : t("learning.noRating")}
      </p>
      <div className="actions">
        {d.can.edit ? (
          <a className="button secondary" href={`/learn/${r.id}/edit`}>
            {t("learning.action.edit")}
          </a>
        ) : null}
        {d.can.translate ? (
          <a className="button secondary" href={`/learn/new?translate=${r.id}`}>
            {t("learning.action.translate")}
          </a>
        ) : null}
        {d.can.publish ? (
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="publish" />
            <SubmitButton>{t("learning.action.publish")}</SubmitButton>
          </CsrfForm>
        ) : null}
        {d.can.withdraw ? (
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="withdraw" />
            <SubmitButton className="button secondary">
              {t("learning.action.withdraw")}
            </SubmitButton>
          </CsrfForm>
        ) : null}
      </div>
      {d.can.submit ? (
        <CsrfForm method="post">
          <input type="hidden" name="intent" value="submit" />
          <TextArea
            name="note"
            label={t("learning.action.submitNote")}
            rows={2}
            maxLength={MAX_SUBMIT_NOTE}
          />
          <SubmitButton>{t("learning.action.submit")}</SubmitButton>
        </CsrfForm>
      ) : null}
      <ResourceBody resource={r} />
      {d.reviews.length > 0 || d.can.review ? (
        <section aria-labelledby="reviews">
          <h2 id="reviews">{t("learning.review.title")}</h2>
          <ul>
            {d.reviews.map((rev) => (
              <li key={rev.id}>
                <p className="muted">
                  {t("learning.review.line", {
                    decision: t(`learning.review.${rev.decision}` as MessageKey),
                    version: rev.version,
                    name: rev.reviewer ?? "—",
                  })}{" "}
                  · <Time value={rev.created_at} />
                </p>
                {rev.body ? <p>{rev.body}</p> : null}
              </li>
            ))}
          </ul>
          {d.can.review ? (
            <CsrfForm key={d.reviewKey} method="post">
              <input type="hidden" name="intent" value="review" />
              <input type="hidden" name="submissionKey" value={d.reviewKey} />
              <TextArea
                name="body"
                label={t("learning.review.body")}
                rows={4}
                maxLength={MAX_REVIEW}
              />
              <fieldset className="field choices">
                <legend>{t("learning.review.decision")}</legend>
                {(["comment", "changes_requested", "approved"] as const).map((v) => (
                  <label key={v} className="choice">
                    <input
                      type="radio"
                      name="decision"
                      value={v}
                      defaultChecked={v === "comment"}
                    />{" "}
                    {t(`learning.review.${v}`)}
                  </label>
                ))}
              </fieldset>
              <label className="choice">
                <input type="checkbox" name="publish" value="yes" defaultChecked />{" "}
                {t("learning.review.publishNow")}
              </label>
              <SubmitButton>{t("learning.review.send")}</SubmitButton>
            </CsrfForm>
          ) : null}
        </section>
      ) : null}
      {d.live && d.can.rate ? (
        <section aria-labelledby="rate">
          <h2 id="rate">{t("learning.rate.title")}</h2>
          {d.myRating ? <p>{t("learning.rate.yours", { count: d.myRating })}</p> : null}
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="rate" />
            <fieldset className="field choices">
              <legend>{t("learning.rate.title")}</legend>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className="choice">
                  <input
                    type="radio"
                    name="stars"
                    value={String(n)}
                    defaultChecked={d.myRating === n}
                    required
                  />{" "}
                  {t("learning.rate.stars", { count: n })}
                </label>
              ))}
            </fieldset>
            <SubmitButton>{t("learning.rate.send")}</SubmitButton>
          </CsrfForm>
        </section>
      ) : null}
      {d.live && d.can.use && d.needs.length > 0 ? (
        <section aria-labelledby="answers-need">
          <h2 id="answers-need">{t("learning.answersNeed.title")}</h2>
          {d.needs.some((n) => n.answered) ? (
            <p>
              {t("learning.answersNeed.done", {
                needs: d.needs
                  .filter((n) => n.answered)
                  .map((n) => n.label)
                  .join("; "),
              })}
            </p>
          ) : null}
          {d.needs.some((n) => !n.answered) ? (
            <CsrfForm method="post">
              <input type="hidden" name="intent" value="answerNeed" />
              <label htmlFor="f-needId">{t("learning.answersNeed.need")}</label>{" "}
              <select id="f-needId" name="needId">
                {d.needs
                  .filter((n) => !n.answered)
                  .map((n) => (
                    <option key={n.id} value={n.id}>
                      {n.label}
                    </option>
                  ))}
              </select>{" "}
              <SubmitButton>{t("learning.answersNeed.send")}</SubmitButton>
            </CsrfForm>
          ) : null}
        </section>
      ) : null}
      {d.live ? (
        <section aria-labelledby="comments">
          <h2 id="comments">{t("learning.comments.title")}</h2>
          {d.comments.length === 0 ? <p>{t("learning.comments.empty")}</p> : null}
          <ul className="comments">
            {d.comments.map((c) => (
              <li key={c.id} id={`comment-${c.id}`} tabIndex={-1}>
                <p className="muted">
                  {c.masked ? t("people.aMember") : (c.author ?? "—")} ·{" "}
                  <Time value={c.created_at} />
                </p>
                <p>{c.body}</p>
                {d.viewerId && c.author_id === d.viewerId ? (
                  <CsrfForm method="post">
                    <input type="hidden" name="intent" value="deleteComment" />
                    <input type="hidden" name="commentId" value={c.id} />
                    <SubmitButton className="button secondary">
                      {t("learning.comments.delete")}
                    </SubmitButton>
                  </CsrfForm>
                ) : null}
              </li>
            ))}
          </ul>
          {d.commentsNext ? (
            <p>
              <a href={`?after=${d.commentsNext}#comments`}>{t("learning.comments.older")}</a>
            </p>
          ) : null}
          <PostedStatus />
          {d.can.use ? (
            <CsrfForm key={commentKey} method="post">
              <input type="hidden" name="intent" value="comment" />
              <input type="hidden" name="submissionKey" value={commentKey} />
              <TextArea
                name="body"
                label={t("learning.comments.add")}
                rows={3}
                maxLength={MAX_COMMENT}
                // Without JavaScript a refused comment comes back in its box to be fixed.
                defaultValue={result && "commentBody" in result ? result.commentBody : undefined}
              />
              <SubmitButton>{t("learning.comments.add")}</SubmitButton>
            </CsrfForm>
          ) : null}
        </section>
      ) : null}
    </main>
  );
}
