import { learningFormats } from "~/db/enums";
import type { OfferFormValues } from "~/features/offers/schema";
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

type Option = { value: string; label: string };

/** The offer form (new and edit): works without JavaScript, one column on a phone. */
export function OfferForm(props: {
  values: OfferFormValues;
  errors?: FieldErrors;
  options: {
    otherTopics: Option[];
    topicGroups: { group: string; topics: Option[] }[];
    languages: Option[];
    countries: Option[];
    organisations: Option[];
  };
  submissionKey?: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const { values, errors = {}, options } = props;
  return (
    <CsrfForm method="post" className="stack" noValidate>
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      <TextField
        name="title"
        label={t("offers.title")}
        defaultValue={values.title}
        error={errors.title}
        required
        maxLength={140}
      />
      <TextArea
        name="description"
        label={t("offers.description")}
        defaultValue={values.description}
        error={errors.description}
        rows={5}
      />
      <fieldset className={`field${errors.topics ? " has-error" : ""}`}>
        <legend>{t("offers.topics")}</legend>
        {errors.topics ? <p className="error">{t(errors.topics)}</p> : null}
        {options.otherTopics.length > 0 ? (
          <ChoiceGroup
            name="topics"
            legend={t("offers.otherTopics")}
            type="checkbox"
            options={options.otherTopics}
            selected={values.topics}
          />
        ) : null}
        {options.topicGroups.map((g) => (
          <TopicGroupPicker key={g.group} group={g} selected={values.topics} />
        ))}
      </fieldset>
      <ChoiceGroup
        name="formats"
        legend={t("offers.formats")}
        type="checkbox"
        options={learningFormats.map((f) => ({ value: f, label: t(`offers.format.${f}`) }))}
        selected={values.formats}
        error={errors.formats}
      />
      <ChoiceGroup
        name="languages"
        legend={t("offers.languages")}
        type="checkbox"
        options={options.languages}
        selected={values.languages}
        error={errors.languages}
        columns
      />
      <ChoiceGroup
        name="countries"
        legend={t("offers.countries")}
        type="checkbox"
        options={options.countries}
        selected={values.countries}
        error={errors.countries}
        columns
      />
      <p className="hint">{t("offers.countriesHint")}</p>
      <ChoiceGroup
        name="onDemand"
        legend={t("offers.when")}
        type="checkbox"
        options={[{ value: "on", label: t("offers.onDemand") }]}
        selected={values.onDemand ? ["on"] : []}
      />
      <TextField
        name="startsOn"
        type="date"
        label={t("offers.startsOn")}
        defaultValue={values.startsOn}
        error={errors.startsOn}
      />
      <TextField
        name="endsOn"
        type="date"
        label={t("offers.endsOn")}
        defaultValue={values.endsOn}
        error={errors.endsOn}
      />
      <TextField
        name="price"
        label={t("offers.price")}
        hint={t("offers.priceHint")}
        inputMode="decimal"
        defaultValue={values.price}
        error={errors.price}
      />
      {options.organisations.length > 0 || values.organisationId ? (
        <SelectField
          name="organisationId"
          label={t("offers.organisation")}
          emptyLabel={t("offers.noOrganisation")}
          options={options.organisations}
          defaultValue={values.organisationId}
          error={errors.organisationId}
        />
      ) : null}
      <SubmitButton>{props.submitLabel}</SubmitButton>
    </CsrfForm>
  );
}

/** One group of topics, folded unless something in it is chosen (105 topics on a phone). */
function TopicGroupPicker(props: {
  group: { group: string; topics: Option[] };
  selected: string[];
}) {
  const { t } = useI18n();
  const chosen = props.group.topics.filter((x) => props.selected.includes(x.value)).length;
  const label = t(`topicGroup.${props.group.group}`);
  return (
    <details className="topic-group" open={chosen > 0 || undefined}>
      <summary>{chosen ? `${label} (${chosen})` : label}</summary>
      <ChoiceGroup
        name="topics"
        type="checkbox"
        legend={label}
        options={props.group.topics}
        selected={props.selected}
        columns
      />
    </details>
  );
}
