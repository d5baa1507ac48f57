import { networkKinds, networkVisibilities } from "~/db/enums";
import type { Option } from "~/features/taxonomy/types";
import { useI18n } from "~/i18n/context";
import { ChoiceGroup, CsrfForm, SubmitButton, TextArea, TextField } from "~/ui/form";
import { useUploadLimitMb } from "~/ui/limits";

export type NetworkFormValues = {
  name?: string;
  purpose?: string;
  description?: string;
  kind?: string;
  place?: string;
  countries?: string[];
  languages?: string[];
  topics?: string[];
  visibility?: string;
  memberCap?: string;
};

/** The form to start a network or change its settings (with an optional cover image). */
export function NetworkForm(props: {
  options: { countries: Option[]; languages: Option[]; topics: Option[] };
  errors: Record<string, string | undefined>;
  values: NetworkFormValues;
  submitLabel: string;
}) {
  const { options, errors, values } = props;
  const { t } = useI18n();
  const uploadLimitMb = useUploadLimitMb();
  return (
    <CsrfForm method="post" encType="multipart/form-data" className="stack" noValidate>
      <input type="hidden" name="intent" value="save" />
      <TextField
        name="name"
        label={t("networks.name")}
        defaultValue={values.name}
        error={errors.name}
        required
        maxLength={80}
      />
      <TextField
        name="purpose"
        label={t("networks.purpose")}
        hint={t("networks.purposeHint")}
        defaultValue={values.purpose}
        error={errors.purpose}
        required
        maxLength={200}
      />
      <TextArea
        name="description"
        label={t("networks.description")}
        defaultValue={values.description}
        error={errors.description}
        maxLength={3000}
      />
      <ChoiceGroup
        name="kind"
        type="radio"
        legend={t("networks.kind")}
        selected={values.kind ? [values.kind] : []}
        error={errors.kind}
        options={networkKinds.map((k) => ({
          value: k,
          label: t(`networks.kinds.${k}`),
          hint: t(`networks.kindHints.${k}`),
        }))}
      />
      <TextField
        name="place"
        label={t("networks.place")}
        hint={t("networks.placeHint")}
        defaultValue={values.place}
        error={errors.place}
        maxLength={120}
      />
      <details
        className="field"
        open={Boolean(errors.countries) || (values.countries?.length ?? 0) > 0}
      >
        <summary>{t("networks.countries")}</summary>
        <ChoiceGroup
          name="countries"
          type="checkbox"
          legend={t("networks.countriesLegend")}
          selected={values.countries ?? []}
          error={errors.countries}
          columns
          options={options.countries}
        />
      </details>
      <details className="field" open>
        <summary>{t("networks.languages")}</summary>
        <ChoiceGroup
          name="languages"
          type="checkbox"
          legend={t("networks.languagesLegend")}
          selected={values.languages ?? []}
          error={errors.languages}
          columns
          options={options.languages}
        />
      </details>
      <details className="field" open={Boolean(errors.topics)}>
        <summary>{t("networks.topics")}</summary>
        <ChoiceGroup
          name="topics"
          type="checkbox"
          legend={t("networks.topicsLegend")}
          selected={values.topics ?? []}
          error={errors.topics}
          columns
          options={options.topics}
        />
      </details>
      <ChoiceGroup
        name="visibility"
        type="radio"
        legend={t("networks.visibility")}
        selected={values.visibility ? [values.visibility] : []}
        error={errors.visibility}
        options={networkVisibilities.map((v) => ({
          value: v,
          label: t(`networks.visibilities.${v}`),
          hint: t(`networks.visibilityHints.${v}`),
        }))}
      />
      <TextField
        name="memberCap"
        type="number"
        inputMode="numeric"
        min={2}
        max={200}
        label={t("networks.memberCap")}
        hint={t("networks.memberCapHint")}
        defaultValue={values.memberCap ?? "40"}
        error={errors.memberCap}
      />
      <TextField
        name="cover"
        type="file"
        accept="image/jpeg,image/png,image/webp"
        label={t("networks.cover")}
        hint={t("networks.coverHint", { mb: uploadLimitMb })}
        error={errors.cover}
      />
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </CsrfForm>
  );
}
