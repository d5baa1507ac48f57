import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  authorizeCourse,
  courseHeader,
  courseOutline,
  enrol,
  leave,
  resumeLesson,
} from "~/features/courses/courses.server";
import { coursePolicy } from "~/features/courses/rules";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { handleAction, handleLoader } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { CsrfForm, FormMessage } from "~/ui/form";
import type { Route } from "./+types/course";

/** A course: its outline with my progress, "Start" or "Continue where you left off", enrol/leave. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  return handleLoader(async () => {
    const { facts } = await authorizeCourse(actor, "view", params.id);
    const enrolled = facts.enrolment_status === "active" || facts.enrolment_status === "completed";
    const enrolmentId = enrolled ? facts.enrolment_id : null;
    const [outline, resume, course] = await Promise.all([
      courseOutline(facts.id, enrolmentId),
      enrolmentId ? resumeLesson(facts.id, enrolmentId) : Promise.resolve(null),
      courseHeader(facts.id, enrolmentId),
    ]);
    return {
      course: {
        id: facts.id,
        title: facts.title,
        status: facts.status,
        lessonCount: facts.lesson_count,
        ...course,
      },
      enrolment: facts.enrolment_status,
      outline,
      resume,
      can: {
        enrol: coursePolicy.can(actor, "enrol", facts.subject),
        leave: coursePolicy.can(actor, "leave", facts.subject),
        edit: coursePolicy.can(actor, "edit", facts.subject),
        learners: coursePolicy.can(actor, "learners", facts.subject),
      },
    };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const form = readForm(context);
  const intent = typeof form.intent === "string" ? form.intent : "";
  return handleAction(async () => {
    if (intent === "enrol") {
      const { decision } = await authorizeCourse(actor, "enrol", params.id);
      await enrol(decision, params.id);
      return redirect(`/courses/${params.id}`);
    }
    if (intent === "leave") {
      const { decision } = await authorizeCourse(actor, "leave", params.id);
      if (!isConfirmed(form)) {
        return confirmRequest("courses.leaveQuestion", "courses.leaveConfirm", { intent: "leave" });
      }
      await leave(decision, params.id);
      return redirect(`/courses/${params.id}?left=1`);
    }
    return data({ ok: false as const, message: "errors.badRequest" as const }, { status: 400 });
  });
}

export default function CoursePage() {
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const enrolled = d.enrolment === "active" || d.enrolment === "completed";
  return (
    <main id="main" className="page narrow-column">
      <title>{`${d.course.title} · ${t("courses.title")} · Synergy`}</title>
      <p>
        <a href="/courses">{t("courses.backToList")}</a>
      </p>
      <h1 lang={d.course.language}>{d.course.title}</h1>
      {params.get("left") === "1" && !enrolled ? (
        <FormMessage kind="success">{t("courses.left")}</FormMessage>
      ) : null}
      {result && "message" in result && result.message ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      {d.course.status !== "published" ? (
        <p className="form-message" role="status">
          {t("courses.draftNotice")}
        </p>
      ) : null}
      <p lang={d.course.language}>{d.course.summary}</p>
      {d.course.network_id ? (
        <p className="muted">
          {t("courses.networkCourse")}{" "}
          <a href={`/networks/${d.course.network_id}`}>{d.course.network_name}</a>
        </p>
      ) : null}
      {d.enrolment === "completed" ? (
        <p className="form-message success" role="status">
          {t("courses.completedNotice")}
        </p>
      ) : null}
      {enrolled ? (
        <p>
          {t("courses.progress", {
            done: d.course.completed_lessons ?? 0,
            total: d.course.lessonCount,
          })}
        </p>
      ) : null}
      {enrolled && d.resume ? (
        <p>
          <a className="button" href={`/courses/${d.course.id}/lessons/${d.resume}`}>
            {d.course.started ? t("courses.continue") : t("courses.start")}
          </a>
        </p>
      ) : null}
      {d.can.enrol ? (
        <CsrfForm method="post">
          <input type="hidden" name="intent" value="enrol" />
          <button type="submit" className="button">
            {t("courses.enrol")}
          </button>
        </CsrfForm>
      ) : null}
      <section className="section" aria-labelledby="outline-heading">
        <h2 id="outline-heading">{t("courses.outline")}</h2>
        {d.outline.map((section) => (
          <section key={section.id} aria-labelledby={`section-${section.id}`}>
            <h3 id={`section-${section.id}`}>{section.title}</h3>
            <ol>
              {section.lessons.map((lesson) => {
                const label =
                  lesson.kind === "quiz" ? `${lesson.title} (${t("courses.quiz")})` : lesson.title;
                return (
                  <li key={lesson.id}>
                    {enrolled ? (
                      <a href={`/courses/${d.course.id}/lessons/${lesson.id}`}>{label}</a>
                    ) : (
                      label
                    )}
                    {lesson.done ? ` — ${t("courses.lessonDone")}` : ""}
                    {lesson.best_score !== null && lesson.max_score !== null
                      ? ` — ${t("courses.bestScore", { score: lesson.best_score, max: lesson.max_score })}`
                      : ""}
                  </li>
                );
              })}
            </ol>
          </section>
        ))}
      </section>
      {d.can.edit || d.can.learners ? (
        <p>
          {d.can.edit ? <a href={`/courses/${d.course.id}/edit`}>{t("courses.edit")}</a> : null}{" "}
          {d.can.learners ? (
            <a href={`/courses/${d.course.id}/learners`}>{t("courses.learners")}</a>
          ) : null}
        </p>
      ) : null}
      {d.can.leave ? (
        <ConfirmAction
          label={t("courses.leave")}
          question="courses.leaveQuestion"
          confirmLabel="courses.leaveConfirm"
          fields={{ intent: "leave" }}
          className="button secondary"
        />
      ) : null}
    </main>
  );
}
