import { learningFormats, learningSittings, learningTimes, needUrgencies } from "~/db/enums";
import { useI18n } from "~/i18n/context";
import {
  ChoiceGroup,
  CsrfForm,
  type FieldErrors,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import { MAX_SITUATION, MAX_TOPIC_TEXT, type NeedFormValues } from "../limits";
import type { NeedFormOptions } from "../page.server";

// One list of values each, shared with the database's CHECKs (db/enums.ts, safe in the browser).
const urgencies = needUrgencies;
const formats = learningFormats;
const times = learningTimes;
const sittings = learningSittings;

/**
 * The ESCO search: a small GET form of its own (no JavaScript), above the need form. What it
 * finds is added to the topic list as its own group.
 */
export function EscoSearch(props: { action: string; query: string; found: boolean }) {
  const { t } = useI18n();
  return (
    <form
      method="get"
      action={props.action}
      className="stack esco-search"
      aria-label={t("needs.escoSearch")}
    >
      <TextField
        name="esco"
        id="f-esco"
        label={t("needs.escoSearch")}
        hint={t("needs.escoSearchHint")}
        defaultValue={props.query}
        maxLength={100}
      />
      <button type="submit" className="button secondary">
        {t("needs.escoSearchButton")}
      </button>
      {props.query && !props.found ? <p className="muted">{t("needs.escoNone")}</p> : null}
    </form>
  );
}

/** The need form (record and edit): every field works without JavaScript. */
export function NeedForm(props: {
  values: NeedFormValues;
  errors?: FieldErrors;
  options: NeedFormOptions;
  submissionKey?: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const { values, options } = props;
  const errors = props.errors ?? {};
  const topicError = errors.topic;
  return (
    <CsrfForm method="post" className="stack need-form" noValidate>
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      <input type="hidden" name="esco" value={options.escoQuery} />
      <fieldset className="field">
        <legend>{t("needs.whatHeading")}</legend>
        <p className="hint" id="f-topic-hint">
          {t("needs.topicHint")}
        </p>
        <div className={`field${topicError ? " has-error" : ""}`}>
          <label htmlFor="f-topic">{t("needs.topic")}</label>
          {topicError ? (
            <p id="f-topic-error" className="error">
              {t(topicError)}
            </p>
          ) : null}
          <select
            id="f-topic"
            name="topic"
            defaultValue={values.topic}
            aria-invalid={topicError ? true : undefined}
            aria-describedby={`f-topic-hint${topicError ? " f-topic-error" : ""}`}
          >
            <option value="">{t("needs.topicNone")}</option>
            {options.topics.map((group) => {
              const label = group.groupKey ? t(group.groupKey) : (group.label ?? "");
              return (
                <optgroup key={label} label={label}>
                  {group.options.map((o) => (
                    <option key={o.value} value={o.value}>
                      {o.label}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
        </div>
        <TextField
          name="topicText"
          label={t("needs.topicText")}
          hint={t("needs.topicTextHint")}
          error={errors.topicText}
          defaultValue={values.topicText}
          maxLength={MAX_TOPIC_TEXT}
        />
      </fieldset>
      <TextArea
        name="situation"
        label={t("needs.situation")}
        hint={t("needs.situationHint", { max: MAX_SITUATION })}
        error={errors.situation}
        defaultValue={values.situation}
        maxLength={MAX_SITUATION}
        rows={4}
      />
      <ChoiceGroup
        name="urgency"
        type="radio"
        legend={t("needs.urgency")}
        options={urgencies.map((u) => ({ value: u, label: t(`needs.urgencyValue.${u}`) }))}
        selected={[values.urgency]}
        error={errors.urgency}
      />
      <ChoiceGroup
        name="formats"
        type="checkbox"
        legend={t("needs.formats")}
        options={formats.map((f) => ({ value: f, label: t(`needs.formatValue.${f}`) }))}
        selected={values.formats}
        error={errors.formats}
      />
      <ChoiceGroup
        name="times"
        type="checkbox"
        legend={t("needs.times")}
        options={times.map((x) => ({ value: x, label: t(`needs.timeValue.${x}`) }))}
        selected={values.times}
        error={errors.times}
      />
      <ChoiceGroup
        name="longestSitting"
        type="radio"
        legend={t("needs.sitting")}
        options={[
          { value: "", label: t("needs.sittingAny") },
          ...sittings.map((s) => ({ value: s, label: t(`needs.sittingValue.${s}`) })),
        ]}
        selected={[values.longestSitting]}
        error={errors.longestSitting}
      />
      <ChoiceGroup
        name="languages"
        type="checkbox"
        legend={t("needs.languages")}
        options={options.languages}
        selected={values.languages}
        error={errors.languages}
        columns
      />
      <div className={`field${errors.audience ? " has-error" : ""}`}>
        <label htmlFor="f-audience">{t("needs.audience")}</label>
        {errors.audience ? (
          <p id="f-audience-error" className="error">
            {t(errors.audience)}
          </p>
        ) : null}
        <select
          id="f-audience"
          name="audience"
          defaultValue={values.audience}
          aria-invalid={errors.audience ? true : undefined}
          aria-describedby={errors.audience ? "f-audience-error" : undefined}
        >
          <option value="all">{t("needs.audienceAll")}</option>
          {options.networks.map((n) => (
            <option key={n.value} value={n.value}>
              {t("needs.audienceNetwork", { network: n.label })}
            </option>
          ))}
        </select>
      </div>
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </CsrfForm>
  );
}
