import type { CourseDetailsValues } from "~/features/courses/schema";
import { useI18n } from "~/i18n/context";
import { CsrfForm, SelectField, TextArea, TextField } from "~/ui/form";

export type DetailsOptions = {
  languages: { value: string; label: string }[];
  networks: { value: string; label: string }[];
};

/** A course's title, summary, language, network, completion rule and pass mark (no script). */
export function CourseDetailsForm(props: {
  values: CourseDetailsValues;
  errors?: Record<string, string>;
  options: DetailsOptions;
  submitLabel: string;
  submissionKey?: string;
  intent?: string;
}) {
  const { t } = useI18n();
  const { values, errors = {}, options } = props;
  return (
    <CsrfForm method="post" className="stack">
      {props.intent ? <input type="hidden" name="intent" value={props.intent} /> : null}
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      <TextField
        name="title"
        label={t("courses.fieldTitle")}
        defaultValue={values.title}
        error={errors.title}
        required
        maxLength={160}
      />
      <TextArea
        name="summary"
        label={t("courses.fieldSummary")}
        defaultValue={values.summary}
        error={errors.summary}
        rows={3}
        maxLength={2000}
      />
      <SelectField
        name="language"
        label={t("courses.fieldLanguage")}
        defaultValue={values.language}
        error={errors.language}
        options={options.languages}
      />
      <SelectField
        name="network"
        label={t("courses.fieldNetwork")}
        defaultValue={values.network}
        error={errors.network}
        options={[{ value: "", label: t("courses.networkNone") }, ...options.networks]}
      />
      <SelectField
        name="completionRule"
        label={t("courses.fieldRule")}
        defaultValue={values.completionRule}
        error={errors.completionRule}
        options={[
          {
            value: "all_lessons_and_quizzes",
            label: t("courses.ruleValue.all_lessons_and_quizzes"),
          },
          { value: "all_lessons", label: t("courses.ruleValue.all_lessons") },
        ]}
      />
      <TextField
        name="passMark"
        type="number"
        min={1}
        max={100}
        label={t("courses.fieldPassMark")}
        defaultValue={values.passMark}
        error={errors.passMark}
      />
      <button type="submit" className="button">
        {props.submitLabel}
      </button>
    </CsrfForm>
  );
}
