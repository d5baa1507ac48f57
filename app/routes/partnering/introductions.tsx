import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { listIntroductions } from "~/features/partnering/introductions.server";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { useI18n } from "~/i18n/context";
import { Time } from "~/ui/time";
import type { Route } from "./+types/introductions";

/** The person's introductions, from either side: their organisations' accepted interests. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const rows = await listIntroductions(auth.user.id);
  return {
    introductions: rows.map((r) => ({
      id: r.id,
      title: r.title,
      stage: r.stage,
      changedAt: r.stage_changed_at.toISOString(),
      // The other side's organisation.
      with: r.is_publisher_side ? r.interested_name : r.publisher_name,
    })),
  };
}

export default function Introductions() {
  const { introductions } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("introductions.title")} · Synergy`}</title>
      <h1>{t("introductions.title")}</h1>
      <PartneringNav />
      {introductions.length === 0 ? (
        <p>
          {t("introductions.none")} <a href="/partnering/matches">{t("matches.title")}</a>
        </p>
      ) : (
        <ul className="card-list">
          {introductions.map((i) => (
            <li key={i.id} className="card">
              <h2>
                <a href={`/partnering/introductions/${i.id}`}>{i.title}</a>
              </h2>
              <p>{t("introductions.with", { organisation: i.with })}</p>
              <p className="hint">
                {t(`introductions.stage.${i.stage}`)} · <Time value={i.changedAt} style="date" />
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
