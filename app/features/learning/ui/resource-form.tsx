import { resourceLicences } from "~/db/enums";
import type { TopicChoiceGroup } from "~/features/needs/page.server";
import { useI18n } from "~/i18n/context";
import { CsrfForm, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import {
  MAX_FEEDBACK,
  MAX_PHASE,
  MAX_PROMPT,
  MAX_SUMMARY,
  MAX_TITLE,
  QUESTION_SLOTS,
  type ResourceFormValues,
} from "../limits";

export type ResourceFormOptions = {
  topics: TopicChoiceGroup[];
  languages: { value: string; label: string }[];
  networks: { value: string; label: string }[];
  needs: { value: string; label: string }[];
};

const PHASES = ["introduction", "practice", "reflection"] as const;

/**
 * The resource editor: works without JavaScript. Each phase has its guidance beside it; the
 * self-assessment has fixed slots, options one per line with "*" before each right one.
 */
export function ResourceForm(props: {
  values: ResourceFormValues;
  errors: Record<string, string>;
  options: ResourceFormOptions;
  submissionKey?: string;
  /** New resources choose language and audience; an edit keeps them. */
  isNew: boolean;
}) {
  const { t } = useI18n();
  const { values, errors, options } = props;
  return (
    <CsrfForm method="post" className="resource-form">
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      <TextField
        name="title"
        label={t("learning.form.title")}
        error={errors.title}
        defaultValue={values.title}
        maxLength={MAX_TITLE}
        required
      />
      <TextArea
        name="summary"
        label={t("learning.form.summary")}
        hint={t("learning.form.summaryHint")}
        error={errors.summary}
        defaultValue={values.summary}
        rows={2}
        maxLength={MAX_SUMMARY}
      />
      {PHASES.map((phase) => (
        <div key={phase} className="phase-editor">
          <TextArea
            name={phase}
            label={t(`learning.phase.${phase}`)}
            error={errors[phase]}
            defaultValue={values[phase]}
            rows={10}
            maxLength={MAX_PHASE}
            aria-describedby={`guide-${phase}`}
          />
          <aside id={`guide-${phase}`} className="guidance">
            <p>{t(`learning.guide.${phase}`)}</p>
            <p className="muted">
              {t("learning.guide.example")} {t(`learning.guide.${phase}Example`)}
            </p>
          </aside>
        </div>
      ))}
      <p className="hint">{t("learning.form.markdownHint")}</p>
      <fieldset className="field">
        <legend>{t("learning.phase.selfAssessment")}</legend>
        <p className="hint">{t("learning.form.questionsHint")}</p>
        {values.questions.slice(0, QUESTION_SLOTS).map((q, i) => (
          <fieldset key={i} className="question-slot">
            <legend>{t("learning.form.questionN", { n: i + 1 })}</legend>
            {errors[`q${i}`] ? <p className="error">{t(errors[`q${i}`])}</p> : null}
            <TextField
              name={`q${i}Prompt`}
              label={t("learning.form.prompt")}
              defaultValue={q.prompt}
              maxLength={MAX_PROMPT}
            />
            <TextArea
              name={`q${i}Options`}
              label={t("learning.form.options")}
              hint={t("learning.form.optionsHint")}
              defaultValue={q.options}
              rows={4}
            />
            <TextArea
              name={`q${i}Feedback`}
              label={t("learning.form.feedback")}
              defaultValue={q.feedback}
              rows={2}
              maxLength={MAX_FEEDBACK}
            />
          </fieldset>
        ))}
      </fieldset>
      <div className={`field${errors.topics ? " has-error" : ""}`}>
        <label htmlFor="f-topics">{t("learning.form.topics")}</label>
        <p className="hint">{t("learning.form.topicsHint")}</p>
        {errors.topics ? <p className="error">{t(errors.topics)}</p> : null}
        <select id="f-topics" name="topics" multiple size={8} defaultValue={values.topics}>
          {options.topics.map((group) => (
            <optgroup
              key={group.groupKey ?? group.label}
              label={group.groupKey ? t(group.groupKey) : group.label}
            >
              {group.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <SelectField
        name="eqf"
        label={t("learning.form.eqf")}
        error={errors.eqf}
        defaultValue={values.eqf || "2"}
        options={Array.from({ length: 8 }, (_, i) => ({
          value: String(i + 1),
          label: t("learning.eqfLevel", { level: i + 1 }),
        }))}
      />
      {props.isNew ? (
        <>
          <SelectField
            name="language"
            label={t("learning.form.language")}
            error={errors.language}
            defaultValue={values.language}
            options={options.languages}
          />
          <SelectField
            name="audience"
            label={t("learning.form.audience")}
            error={errors.audience}
            defaultValue={values.audience}
            options={[{ value: "open", label: t("learning.openLibrary") }, ...options.networks]}
          />
        </>
      ) : (
        <input type="hidden" name="language" value={values.language} />
      )}
      <TextField
        name="minutes"
        type="number"
        min={1}
        max={240}
        label={t("learning.form.minutes")}
        hint={t("learning.form.minutesHint")}
        error={errors.minutes}
        defaultValue={values.minutes || "15"}
      />
      <SelectField
        name="licence"
        label={t("learning.form.licence")}
        error={errors.licence}
        defaultValue={values.licence}
        options={resourceLicences.map((l) => ({ value: l, label: t(`learning.licence.${l}`) }))}
      />
      <TextArea
        name="videos"
        label={t("learning.form.videos")}
        hint={t("learning.form.videosHint")}
        error={errors.videos}
        defaultValue={values.videos}
        rows={2}
      />
      <TextArea
        name="coauthors"
        label={t("learning.form.coauthors")}
        hint={t("learning.form.coauthorsHint")}
        error={errors.coauthors}
        defaultValue={values.coauthors}
        rows={2}
      />
      {options.needs.length > 0 ? (
        <fieldset className={`field choices${errors.needIds ? " has-error" : ""}`}>
          <legend>{t("learning.form.needs")}</legend>
          {errors.needIds ? <p className="error">{t(errors.needIds)}</p> : null}
          <div className="choice-list">
            {options.needs.map((n) => (
              <label key={n.value} className="choice">
                <input
                  type="checkbox"
                  name="needIds"
                  value={n.value}
                  defaultChecked={values.needIds.includes(n.value)}
                />{" "}
                {n.label}
              </label>
            ))}
          </div>
        </fieldset>
      ) : null}
      <SubmitButton>{t("learning.form.save")}</SubmitButton>
    </CsrfForm>
  );
}
