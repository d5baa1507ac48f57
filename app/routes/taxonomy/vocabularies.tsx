import { useLoaderData } from "react-router";
import { resolveLocale } from "~/features/accounts/locale.server";
import { getReferenceVocabularies } from "~/features/taxonomy/reference.server";
import { useI18n } from "~/i18n/context";
import { EscoAcknowledgement } from "~/ui/esco-ack";
import type { Route } from "./+types/vocabularies";

export async function loader({ context }: Route.LoaderArgs) {
  const auth = await context.auth();
  return getReferenceVocabularies(resolveLocale(auth, context.requestLocale));
}

function Framework(props: {
  id: string;
  title: string;
  source: string;
  areas: {
    id: string;
    label: string;
    competences: { id: string; label: string; description: string }[];
  }[];
}) {
  return (
    <section className="section" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      <p className="muted">{props.source}</p>
      {props.areas.map((area) => (
        <details key={area.id} className="field">
          <summary>{`${area.id}. ${area.label}`}</summary>
          <dl className="facts">
            {area.competences.map((c) => (
              <div key={c.id} className="contents">
                <dt>{`${c.id} ${c.label}`}</dt>
                <dd>{c.description}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </section>
  );
}

export default function Vocabularies() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("vocab.title")} · Synergy`}</title>
      <h1>{t("vocab.title")}</h1>
      <p>{t("vocab.intro")}</p>
      <nav aria-label={t("vocab.contents")}>
        <ul className="tags">
          <li className="tag">
            <a href="#topics">{t("vocab.topics")}</a>
          </li>
          <li className="tag">
            <a href="#nace">{t("vocab.nace")}</a>
          </li>
          <li className="tag">
            <a href="#eqf">{t("vocab.eqf")}</a>
          </li>
          <li className="tag">
            <a href="#entrecomp">EntreComp</a>
          </li>
          <li className="tag">
            <a href="#digcomp">DigComp 2.2</a>
          </li>
        </ul>
      </nav>

      <section className="section" aria-labelledby="topics">
        <h2 id="topics">{t("vocab.topics")}</h2>
        <p className="muted">{t("vocab.topicsSource")}</p>
        {data.topicGroups.map((g) => (
          <details key={g.group} className="field">
            <summary>
              {t(`topicGroup.${g.group}`)} ({g.topics.length})
            </summary>
            <ul>
              {g.topics.map((topic) => (
                <li key={topic.value}>
                  {topic.label}
                  {topic.escoUri ? (
                    <>
                      {" · "}
                      <a href={topic.escoUri}>ESCO</a>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>

      <section className="section" aria-labelledby="nace">
        <h2 id="nace">{t("vocab.nace")}</h2>
        <p className="muted">{t("vocab.naceSource")}</p>
        {data.nace.map((section) => (
          <details key={section.code} className="field">
            <summary>{`${section.code} · ${section.label}`}</summary>
            <ul>
              {section.divisions.map((d) => (
                <li key={d.code}>{`${d.code} · ${d.label}`}</li>
              ))}
            </ul>
          </details>
        ))}
      </section>

      <section className="section" aria-labelledby="eqf">
        <h2 id="eqf">{t("vocab.eqf")}</h2>
        <p className="muted">{t("vocab.eqfSource")}</p>
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls sideways on a phone must take the keyboard (WCAG 2.1.1, axe scrollable-region-focusable) */}
        <section className="table-wrap" tabIndex={0} aria-label={t("vocab.eqf")}>
          <table>
            <caption className="sr-only">{t("vocab.eqf")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("vocab.level")}</th>
                <th scope="col">{t("vocab.knowledge")}</th>
                <th scope="col">{t("vocab.skills")}</th>
                <th scope="col">{t("vocab.responsibility")}</th>
              </tr>
            </thead>
            <tbody>
              {data.eqf.map((l) => (
                <tr key={l.level}>
                  <th scope="row">{l.level}</th>
                  <td>{l.knowledge}</td>
                  <td>{l.skills}</td>
                  <td>{l.responsibility}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </section>

      <Framework
        id="entrecomp"
        title="EntreComp"
        source={t("vocab.entreCompSource")}
        areas={data.entreComp}
      />
      <Framework
        id="digcomp"
        title="DigComp 2.2"
        source={t("vocab.digCompSource")}
        areas={data.digComp}
      />

      <section className="section" aria-labelledby="other">
        <h2 id="other">{t("vocab.other")}</h2>
        <p>{t("vocab.otherText", { languages: data.languageCount })}</p>
      </section>
      <EscoAcknowledgement />
    </main>
  );
}
