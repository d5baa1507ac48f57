import type { PresentedResource } from "~/features/learning/present.server";
import { useI18n } from "~/i18n/context";

/**
 * A learning resource's four phases: introduction, practice (with its videos and worksheets),
 * reflection, and the informal self-assessment. Works without JavaScript: each question's
 * feedback opens in a `<details>` after the reader has thought about it.
 */
export function ResourceBody({ resource }: { resource: PresentedResource }) {
  const { t } = useI18n();
  return (
    <div className="resource-body" lang={resource.language}>
      <section aria-labelledby={`phase-introduction-${resource.id}`}>
        <h2 id={`phase-introduction-${resource.id}`}>{t("learning.phase.introduction")}</h2>
        {/* Safe HTML built by renderMarkdown (escaped text, a fixed set of tags). */}
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: built by renderMarkdown
          dangerouslySetInnerHTML={{ __html: resource.phases.introduction }}
        />
      </section>
      <section aria-labelledby={`phase-practice-${resource.id}`}>
        <h2 id={`phase-practice-${resource.id}`}>{t("learning.phase.practice")}</h2>
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: built by renderMarkdown
          dangerouslySetInnerHTML={{ __html: resource.phases.practice }}
        />
        {resource.videos.length > 0 ? (
          <>
            <h3>{t("learning.videos")}</h3>
            <ul>
              {resource.videos.map((url) => (
                <li key={url}>
                  <a href={url} rel="nofollow noopener noreferrer">
                    {url}
                  </a>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        {resource.worksheets.length > 0 ? (
          <>
            <h3>{t("learning.worksheets")}</h3>
            <ul>
              {resource.worksheets.map((file) => (
                <li key={file.id}>
                  <a href={file.url} download={file.filename}>
                    {file.filename}
                  </a>{" "}
                  <span className="muted">
                    (
                    {t("learning.kilobytes", {
                      count: Math.max(1, Math.round(file.sizeBytes / 1024)),
                    })}
                    )
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      <section aria-labelledby={`phase-reflection-${resource.id}`}>
        <h2 id={`phase-reflection-${resource.id}`}>{t("learning.phase.reflection")}</h2>
        <div
          className="prose"
          // biome-ignore lint/security/noDangerouslySetInnerHtml: built by renderMarkdown
          dangerouslySetInnerHTML={{ __html: resource.phases.reflection }}
        />
      </section>
      {resource.questions.length > 0 ? (
        <section aria-labelledby={`phase-check-${resource.id}`}>
          <h2 id={`phase-check-${resource.id}`}>{t("learning.phase.selfAssessment")}</h2>
          <p className="muted">{t("learning.selfAssessmentIntro")}</p>
          <ol className="self-assessment">
            {resource.questions.map((question, index) => (
              <li key={index}>
                <fieldset>
                  <legend>{question.prompt}</legend>
                  {question.options.map((option, optionIndex) => (
                    <label key={optionIndex} className="choice">
                      <input
                        type={question.multiple ? "checkbox" : "radio"}
                        name={`q${index}`}
                        value={optionIndex}
                      />{" "}
                      {option}
                    </label>
                  ))}
                  {question.multiple ? (
                    <p className="muted">{t("learning.tickAllThatApply")}</p>
                  ) : null}
                  <details>
                    <summary>{t("learning.showFeedback")}</summary>
                    <p>{question.feedback}</p>
                  </details>
                </fieldset>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}
