import { useI18n } from "~/i18n/context";

/** A match as the page shows it: its reasons already in the reader's language. */
export type MatchItem = {
  id: string;
  title: string;
  summary: string;
  /** The language of the title and summary. */
  language: string;
  kind: string;
  publisherCountry: string;
  score: number;
  reasons: string[];
  lowers: string[];
};

/** Ranked matches, each with its score and the reasons for and against it, in words. */
export function MatchList(props: { matches: MatchItem[]; organisationId: string }) {
  const { t } = useI18n();
  return (
    <ol className="card-list" aria-label={t("matches.title")}>
      {props.matches.map((m) => (
        <li key={m.id} className="card">
          <h2 lang={m.language}>
            <a href={`/partnering/${m.id}`}>{m.title}</a>
          </h2>
          <p className="badge">{t("matches.score", { score: m.score })}</p>
          <p lang={m.language}>{m.summary}</p>
          <p className="hint">
            {t(`matches.kind.${m.kind === "offer" ? "offer" : "request"}`)} · {m.publisherCountry}
          </p>
          <MatchReasons reasons={m.reasons} lowers={m.lowers} />
          <p>
            <a href={`/partnering/${m.id}/interest?organisation=${props.organisationId}`}>
              {t("interests.express")}
            </a>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A match's reasons for and against, in words (the matches list and the opportunity page). */
export function MatchReasons(props: { reasons: string[]; lowers: string[] }) {
  const { t } = useI18n();
  return (
    <>
      {props.reasons.length > 0 ? (
        <>
          <h3>{t("matches.why")}</h3>
          <ul>
            {props.reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
      {props.lowers.length > 0 ? (
        <>
          <h3>{t("matches.lowers")}</h3>
          <ul>
            {props.lowers.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}
