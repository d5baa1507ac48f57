import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { authorizeCourse, listLearners } from "~/features/courses/courses.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import type { Route } from "./+types/learners";

/**
 * A course's learners and their progress, for the course's owner, its network's facilitators,
 * and (a shipped course) the installation's admins and facilitators.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  return handleLoader(async () => {
    const { facts, decision } = await authorizeCourse(personOf(auth), "learners", params.id);
    const page = await listLearners(decision, facts.id, after);
    return {
      course: { id: facts.id, title: facts.title, lessonCount: facts.lesson_count },
      learners: page.page,
      next: page.next,
      isFirstPage: after === null,
    };
  });
}

export default function Learners() {
  const d = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("courses.learners")} · ${d.course.title} · Synergy`}</title>
      <p>
        <a href={`/courses/${d.course.id}`}>
          {t("courses.backToCourse", { title: d.course.title })}
        </a>
      </p>
      <h1>{t("courses.learnersOf", { title: d.course.title })}</h1>
      {d.learners.length === 0 ? (
        <p className="muted">{t("courses.noLearners")}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t("courses.learner")}</th>
              <th scope="col">{t("courses.lessonsDone")}</th>
              <th scope="col">{t("courses.lastActive")}</th>
              <th scope="col">{t("courses.quizBest")}</th>
              <th scope="col">{t("courses.status")}</th>
            </tr>
          </thead>
          <tbody>
            {d.learners.map((l) => (
              <tr key={l.id}>
                <td>
                  <a href={`/people/${l.user_id}`}>{l.name}</a>
                </td>
                <td>{`${l.completed_lessons} / ${d.course.lessonCount}`}</td>
                <td>
                  <Time value={l.last_active_at} />
                </td>
                <td>
                  {l.best_score !== null && l.max_score !== null
                    ? `${l.best_score} / ${l.max_score}`
                    : "—"}
                </td>
                <td>{t(`courses.statusValue.${l.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager next={d.next} isFirstPage={d.isFirstPage} />
    </main>
  );
}
