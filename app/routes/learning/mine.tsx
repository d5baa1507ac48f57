import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { listMine, listReviewQueue } from "~/features/learning/resources.server";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { useI18n } from "~/i18n/context";
import type { Route } from "./+types/mine";

/** The person's resources (started or co-authored) with their status, and what waits for their review. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const [mine, queue] = await Promise.all([listMine(auth.user.id), listReviewQueue(auth.user.id)]);
  return { mine, queue };
}

export default function Mine() {
  const { mine, queue } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("learning.mine.title")} · Synergy`}</title>
      <p>
        <a href="/learn">{t("learning.library.title")}</a>
      </p>
      <h1>{t("learning.mine.title")}</h1>
      <LearnNav />
      <p>
        <a className="button" href="/learn/new">
          {t("learning.library.new")}
        </a>
      </p>
      {mine.length === 0 ? <p>{t("learning.mine.empty")}</p> : null}
      <ul>
        {mine.map((r) => (
          <li key={r.id}>
            <a href={`/learn/${r.id}`}>{r.title}</a>{" "}
            <span className="muted">
              {t("learning.mine.line", {
                status: t(`learning.status.${r.status as "draft"}`),
                version: r.version,
              })}
            </span>
          </li>
        ))}
      </ul>
      <h2>{t("learning.mine.queue")}</h2>
      {queue.length === 0 ? <p>{t("learning.mine.queueEmpty")}</p> : null}
      <ul>
        {queue.map((r) => (
          <li key={r.id}>
            <a href={`/learn/${r.id}`}>{r.title}</a>
          </li>
        ))}
      </ul>
    </main>
  );
}
