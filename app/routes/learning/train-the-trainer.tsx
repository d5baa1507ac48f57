import { useLoaderData } from "react-router";
import { readTttDocument, TTT_DOCUMENTS, TTT_LICENCE } from "~/features/learning/documents.server";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { useI18n } from "~/i18n/context";
import type { Route } from "./+types/train-the-trainer";

/** Minutes of reading per document, at a calm 200 words a minute. */
const WORDS_PER_MINUTE = 200;

/** The Train-the-Trainer programme: what it is, its six modules, its three documents. Public. */
export function loader(_: Route.LoaderArgs) {
  const documents = TTT_DOCUMENTS.map((slug) => {
    const document = readTttDocument(slug);
    return {
      slug,
      name: document.name,
      minutes: Math.max(1, Math.round(document.words / WORDS_PER_MINUTE)),
    };
  });
  return {
    documents,
    modules: readTttDocument("curriculum").modules.map((m) => m.number),
    licenceUrl: TTT_LICENCE.url,
  };
}

export default function TrainTheTrainer() {
  const { documents, modules, licenceUrl } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("ttt.title")} · Synergy`}</title>
      <h1>{t("ttt.title")}</h1>
      <LearnNav />
      <p className="lead">{t("ttt.intro")}</p>
      <ul className="tags">
        <li className="tag">{t("ttt.factHours")}</li>
        <li className="tag">{t("ttt.factLevel")}</li>
        <li className="tag">{t("ttt.factBlended")}</li>
      </ul>

      <section className="section" aria-labelledby="ttt-modules">
        <h2 id="ttt-modules">{t("ttt.modulesHeading")}</h2>
        <ol>
          {modules.map((number) => (
            <li key={number}>{t(`ttt.module${number}` as "ttt.module1")}</li>
          ))}
        </ol>
      </section>

      <section className="section" aria-labelledby="ttt-documents">
        <h2 id="ttt-documents">{t("ttt.documentsHeading")}</h2>
        <p className="muted">{t("ttt.inEnglish")}</p>
        <ul className="card-list">
          {documents.map((document) => (
            <li key={document.slug} className="card">
              <h3 lang="en">{document.name}</h3>
              <p>{t(`ttt.summary.${document.slug}` as "ttt.summary.curriculum")}</p>
              <p className="muted">{t("ttt.readingTime", { minutes: document.minutes })}</p>
              <p className="inline-actions">
                <a href={`/learn/train-the-trainer/${document.slug}`}>
                  {t("ttt.read")}
                  <span className="sr-only" lang="en">{`: ${document.name}`}</span>
                </a>{" "}
                <a href={`/learn/train-the-trainer/${document.slug}.pdf`} download>
                  {t("ttt.downloadPdf")}
                  <span className="sr-only" lang="en">{`: ${document.name}`}</span>
                </a>
              </p>
            </li>
          ))}
        </ul>
      </section>

      <p className="muted">
        {t("ttt.licence")}{" "}
        <a href={licenceUrl} rel="license">
          CC BY-SA 4.0
        </a>
      </p>
    </main>
  );
}
