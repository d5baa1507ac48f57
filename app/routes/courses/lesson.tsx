import { redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  authorizeCourse,
  lessonOf,
  lessonResource,
  markLessonDone,
  nextLessonId,
  submitQuiz,
} from "~/features/courses/courses.server";
import { quizView } from "~/features/courses/quiz";
import { presentResource } from "~/features/learning/present.server";
import { ResourceBody } from "~/features/learning/ui/resource-body";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, invalid, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ChoiceGroup, CsrfForm, FormMessage } from "~/ui/form";
import type { Route } from "./+types/lesson";

/**
 * One lesson of a course I am enrolled in: a resource to work through ("Mark as done and
 * continue"), or a quiz (questions without their answers; scored on the server; retries allowed).
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  return handleLoader(async () => {
    const { facts } = await authorizeCourse(personOf(auth), "learn", params.id);
    const lesson = await lessonOf(facts.id, params.lessonId);
    if (!lesson) throw notFound();
    const next = await nextLessonId(facts.id, lesson.position);
    const base = {
      course: { id: facts.id, title: facts.title, passMark: facts.pass_mark },
      lesson: { id: lesson.id, kind: lesson.kind, title: lesson.title },
      next,
    };
    if (lesson.kind === "quiz") {
      return { ...base, quiz: quizView(lesson.quiz ?? []), resource: null, withdrawn: false };
    }
    const found = await lessonResource(lesson.resource_id!);
    // Its authors withdrew it: the lesson says so and can still be marked done, so the course
    // stays completable.
    if (!found) return { ...base, quiz: null, resource: null, withdrawn: true };
    const labels = await topicKeyLabels(found.row.topics, locale);
    return {
      ...base,
      quiz: null,
      resource: presentResource(found.row, found.files, labels),
      withdrawn: false,
    };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const intent = typeof form.intent === "string" ? form.intent : "";
  return handleAction(async () => {
    const { decision } = await authorizeCourse(actor, "learn", params.id);
    if (intent === "done") {
      const outcome = await markLessonDone(decision, params.id, params.lessonId);
      if (outcome.nextLessonId && !outcome.completed) {
        return redirect(`/courses/${params.id}/lessons/${outcome.nextLessonId}`);
      }
      return redirect(`/courses/${params.id}`);
    }
    if (intent === "quiz") {
      const { result, answers, completed } = await submitQuiz(
        decision,
        params.id,
        params.lessonId,
        form,
      );
      return { ok: true as const, result, answers, completed };
    }
    throw invalid();
  });
}

export default function LessonPage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const scored = result && "result" in result ? result : null;
  const failure = result && "message" in result && result.message ? result.message : null;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${d.lesson.title} · ${d.course.title} · Synergy`}</title>
      <p>
        <a href={`/courses/${d.course.id}`}>
          {t("courses.backToCourse", { title: d.course.title })}
        </a>
      </p>
      <h1>{d.lesson.title}</h1>
      {failure ? <FormMessage kind="error">{t(failure)}</FormMessage> : null}
      {d.resource || d.withdrawn ? (
        <>
          {d.resource ? (
            <ResourceBody resource={d.resource} />
          ) : (
            <p className="form-message">{t("courses.lessonWithdrawn")}</p>
          )}
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="done" />
            <button type="submit" className="button">
              {d.next ? t("courses.markDoneContinue") : t("courses.markDone")}
            </button>
          </CsrfForm>
        </>
      ) : null}
      {d.quiz ? (
        <>
          <p>{t("courses.quizIntro", { passMark: d.course.passMark })}</p>
          {scored ? (
            <section className="card" aria-labelledby="result-heading">
              <h2 id="result-heading">
                {t(scored.result.passed ? "courses.quizPassed" : "courses.quizFailed", {
                  score: scored.result.score,
                  max: scored.result.maxScore,
                })}
              </h2>
              {scored.completed ? (
                <p className="form-message success" role="status">
                  {t("courses.completedNotice")}
                </p>
              ) : null}
              <ol>
                {scored.result.perQuestion.map((q, index) => (
                  <li key={index}>
                    <strong>{t(q.correct ? "courses.answerRight" : "courses.answerWrong")}</strong>{" "}
                    {q.feedback}
                  </li>
                ))}
              </ol>
              {scored.result.passed ? (
                <p>
                  <a className="button" href={`/courses/${d.course.id}`}>
                    {t("courses.backToCourse", { title: d.course.title })}
                  </a>
                </p>
              ) : (
                <p>{t("courses.tryAgain")}</p>
              )}
            </section>
          ) : null}
          <CsrfForm method="post" className="stack" key={scored ? "again" : "first"}>
            <input type="hidden" name="intent" value="quiz" />
            {d.quiz.map((question, index) => (
              <ChoiceGroup
                key={index}
                name={`q${index}`}
                type={question.multiple ? "checkbox" : "radio"}
                legend={
                  question.multiple ? `${question.prompt} ${t("courses.tickAll")}` : question.prompt
                }
                options={question.options.map((option, i) => ({ value: String(i), label: option }))}
                selected={scored ? (scored.answers[index] ?? []).map(String) : []}
              />
            ))}
            <button type="submit" className="button">
              {t("courses.submitQuiz")}
            </button>
          </CsrfForm>
        </>
      ) : null}
      {d.next ? (
        <p>
          <a className="button secondary" href={`/courses/${d.course.id}/lessons/${d.next}`}>
            {t("courses.nextLesson")}
          </a>
        </p>
      ) : null}
    </main>
  );
}
