import { opportunityAreas, opportunityKinds, partnershipTypes } from "~/db/enums";
import type { OpportunityFormValues } from "~/features/partnering/schema";
import { useI18n } from "~/i18n/context";
import {
  ChoiceGroup,
  CsrfForm,
  type FieldErrors,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/ui/form";
import { MAX_BRINGS, MAX_DESCRIPTION, MAX_SEEKS, MAX_SUMMARY, MAX_TITLE } from "../limits";

type Option = { value: string; label: string };

/**
 * The opportunity form (new and edit): works without JavaScript, one column on a phone. Two
 * buttons: keep it as a draft, or send it for review. `published` says saving sends it back to
 * review (decision 023), so only that button is offered.
 */
export function OpportunityForm(props: {
  values: OpportunityFormValues;
  errors?: FieldErrors;
  options: {
    organisations: Option[];
    divisions: Option[];
    countries: Option[];
    languages: Option[];
    written: Option[];
  };
  submissionKey?: string;
  /** Editing: the organisation stays the one it was published for. */
  organisationName?: string;
  status?: string;
}) {
  const { t } = useI18n();
  const { values, errors = {}, options } = props;
  return (
    <CsrfForm method="post" className="stack" noValidate>
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      {props.organisationName ? (
        <>
          <input type="hidden" name="organisationId" value={values.organisationId} />
          <p>
            {t("partnering.organisation")}: <strong>{props.organisationName}</strong>
          </p>
        </>
      ) : (
        <SelectField
          name="organisationId"
          label={t("partnering.organisation")}
          emptyLabel={t("form.choose")}
          options={options.organisations}
          defaultValue={values.organisationId}
          error={errors.organisationId}
          required
        />
      )}
      <ChoiceGroup
        name="kind"
        type="radio"
        legend={t("partnering.kindLabel")}
        options={opportunityKinds.map((k) => ({ value: k, label: t(`partnering.kind.${k}`) }))}
        selected={[values.kind]}
        error={errors.kind}
      />
      <ChoiceGroup
        name="area"
        type="radio"
        legend={t("partnering.areaLabel")}
        options={opportunityAreas.map((a) => ({ value: a, label: t(`partnering.area.${a}`) }))}
        selected={[values.area]}
        error={errors.area}
      />
      <ChoiceGroup
        name="partnerships"
        type="checkbox"
        legend={t("partnering.partnershipsLabel")}
        options={partnershipTypes.map((p) => ({
          value: p,
          label: t(`partnering.partnership.${p}`),
        }))}
        selected={values.partnerships}
        error={errors.partnerships}
        columns
      />
      <SelectField
        name="language"
        label={t("partnering.writtenIn")}
        options={options.written}
        defaultValue={values.language}
        error={errors.language}
      />
      <TextField
        name="title"
        label={t("partnering.titleLabel")}
        defaultValue={values.title}
        error={errors.title}
        required
        maxLength={MAX_TITLE}
      />
      <TextArea
        name="summary"
        label={t("partnering.summaryLabel")}
        defaultValue={values.summary}
        error={errors.summary}
        rows={3}
        maxLength={MAX_SUMMARY}
      />
      <TextArea
        name="description"
        label={t("partnering.descriptionLabel")}
        defaultValue={values.description}
        error={errors.description}
        rows={8}
        maxLength={MAX_DESCRIPTION}
      />
      <SelectField
        name="naceDivision"
        label={t("partnering.sectorLabel")}
        emptyLabel={t("form.choose")}
        options={options.divisions}
        defaultValue={values.naceDivision}
        error={errors.naceDivision}
        required
      />
      <ChoiceGroup
        name="targetCountries"
        type="checkbox"
        legend={t("partnering.targetCountries")}
        options={[{ value: "anywhere", label: t("partnering.anywhere") }, ...options.countries]}
        selected={values.targetCountries}
        error={errors.targetCountries}
        columns
      />
      <ChoiceGroup
        name="languages"
        type="checkbox"
        legend={t("partnering.workingLanguages")}
        options={options.languages}
        selected={values.languages}
        error={errors.languages}
        columns
      />
      <TextArea
        name="brings"
        label={t("partnering.bringsLabel")}
        defaultValue={values.brings}
        error={errors.brings}
        rows={4}
        maxLength={MAX_BRINGS}
      />
      <TextArea
        name="seeks"
        label={t("partnering.seeksLabel")}
        defaultValue={values.seeks}
        error={errors.seeks}
        rows={4}
        maxLength={MAX_SEEKS}
      />
      <TextField
        name="deadline"
        type="date"
        label={t("partnering.deadlineLabel")}
        hint={t("partnering.deadlineHint")}
        defaultValue={values.deadline}
        error={errors.deadline}
      />
      {props.status === "published" ? (
        <p className="hint">{t("partnering.editReturnsToReview")}</p>
      ) : null}
      <div className="inline-actions">
        {props.status === "published" || props.status === "submitted" ? null : (
          <SubmitButton name="intent" value="draft" className="button secondary">
            {t("partnering.saveDraft")}
          </SubmitButton>
        )}
        <SubmitButton name="intent" value="submit">
          {props.status === "submitted" ? t("form.save") : t("partnering.sendForReview")}
        </SubmitButton>
      </div>
    </CsrfForm>
  );
}
