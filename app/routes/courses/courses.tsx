import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  courseActorOf,
  listCourses,
  myCourses,
  myEnrolments,
} from "~/features/courses/courses.server";
import { coursePolicy } from "~/features/courses/rules";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/courses";

/** Courses: my enrolments with progress, courses I wrote, then the published courses I may see. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const after = decodeCursor(params.get("after"));
    const [page, enrolments, own, actor] = await Promise.all([
      listCourses(auth.user.id, after),
      after ? Promise.resolve([]) : myEnrolments(auth.user.id),
      after ? Promise.resolve([]) : myCourses(auth.user.id),
      courseActorOf(auth.user.id),
    ]);
    return {
      courses: page.page,
      next: page.next,
      isFirstPage: after === null,
      enrolments,
      own,
      canCreate: coursePolicy.can(personOf(auth), "create", actor),
    };
  });
}

export default function Courses() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("courses.title")} · Synergy`}</title>
      <h1>{t("courses.title")}</h1>
      <LearnNav />
      <p>{t("courses.intro")}</p>
      {d.canCreate ? (
        <p>
          <a className="button" href="/courses/new">
            {t("courses.newTitle")}
          </a>
        </p>
      ) : null}
      {d.isFirstPage ? (
        <section className="section" aria-labelledby="enrolments-heading">
          <h2 id="enrolments-heading">{t("courses.myEnrolments")}</h2>
          {d.enrolments.length === 0 ? (
            <p className="muted">{t("courses.noEnrolments")}</p>
          ) : (
            <ul className="card-list">
              {d.enrolments.map((e) => (
                <li key={e.course_id} className="card">
                  <h3>
                    <a href={`/courses/${e.course_id}`}>{e.title}</a>
                  </h3>
                  <p>
                    {e.status === "completed"
                      ? t("courses.completed")
                      : t("courses.progress", { done: e.completed_lessons, total: e.lesson_count })}
                  </p>
                  <progress max={e.lesson_count || 1} value={e.completed_lessons}>
                    {`${e.completed_lessons}/${e.lesson_count}`}
                  </progress>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {d.isFirstPage && d.own.length > 0 ? (
        <section className="section" aria-labelledby="own-heading">
          <h2 id="own-heading">{t("courses.myCourses")}</h2>
          <ul>
            {d.own.map((c) => (
              <li key={c.id}>
                <a href={`/courses/${c.id}`}>{c.title}</a>{" "}
                <span className="muted">
                  ({t(c.status === "published" ? "courses.published" : "courses.draft")})
                </span>{" "}
                <a href={`/courses/${c.id}/edit`}>{t("courses.edit")}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section className="section" aria-labelledby="browse-heading">
        <h2 id="browse-heading">{t("courses.browseHeading")}</h2>
        {d.courses.length === 0 ? <p className="muted">{t("courses.browseEmpty")}</p> : null}
        <ul className="card-list">
          {d.courses.map((c) => (
            <li key={c.id} className="card">
              <h3>
                <a href={`/courses/${c.id}`}>{c.title}</a>
              </h3>
              <p>{c.summary}</p>
              <p className="muted">
                {t("courses.lessonCount", { count: c.lesson_count })} ·{" "}
                {t("courses.enrolmentCount", { count: c.enrolment_count })}
                {c.network_name ? ` · ${c.network_name}` : ""}
              </p>
            </li>
          ))}
        </ul>
        <Pager next={d.next} isFirstPage={d.isFirstPage} />
      </section>
    </main>
  );
}
