import { useI18n } from "~/i18n/context";
import { Time } from "~/ui/time";

/** A published story as the opportunity and organisation pages show it. */
export type StoryItem = {
  id: string;
  title: string;
  body: string;
  language: string;
  publishedAt: string | Date;
  opportunityId: string;
  /** Null when the opportunity is no longer current (then it is neither named nor linked). */
  opportunityTitle: string | null;
  publisherName: string;
  interestedName: string;
};

/** Published partnership stories (listPublishedStories), newest first; nothing when none. */
export function StoryList(props: { stories: StoryItem[]; showOpportunity?: boolean }) {
  const { t } = useI18n();
  if (props.stories.length === 0) return null;
  return (
    <section className="section" aria-labelledby="stories-heading">
      <h2 id="stories-heading">{t("stories.heading")}</h2>
      <ul className="card-list">
        {props.stories.map((s) => (
          <li key={s.id} className="card" lang={s.language}>
            <h3>{s.title}</h3>
            <p className="hint">
              {t("stories.between", { first: s.publisherName, second: s.interestedName })} ·{" "}
              <Time value={s.publishedAt} style="date" />
            </p>
            {s.body.split(/\n{2,}/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
            {props.showOpportunity && s.opportunityTitle ? (
              <p>
                <a href={`/partnering/${s.opportunityId}`}>{s.opportunityTitle}</a>
              </p>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
