import type { Option } from "~/features/taxonomy/types";
import { deliveryModes, providerTypes, sizeBands } from "~/features/taxonomy/types";
import { useI18n } from "~/i18n/context";
import { ChoiceGroup, CsrfForm, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";

type Options = { countries: Option[]; divisions: Option[]; topics: Option[] };

/** The form to create a micro-enterprise or a training provider. */
export function OrganisationForm(props: {
  kind: "enterprise" | "provider";
  options: Options;
  errors: Record<string, string | undefined>;
  values?: Record<string, unknown>;
  defaultCountry?: string;
  /** Editing an existing organisation instead of creating one. */
  isEdit?: boolean;
}) {
  const { kind, options, errors, values = {} } = props;
  const { t } = useI18n();
  const v = (name: string) =>
    typeof values[name] === "string" ? (values[name] as string) : undefined;
  const list = (name: string) => {
    const raw = values[name];
    return Array.isArray(raw) ? raw.map(String) : typeof raw === "string" ? [raw] : [];
  };
  const id = (name: string) => `${kind}-${name}`;
  return (
    <CsrfForm method="post" className="stack" noValidate>
      <input type="hidden" name="intent" value={props.isEdit ? "update" : "create"} />
      <input type="hidden" name="kind" value={kind} />
      <TextField
        id={id("name")}
        name="name"
        label={t("org.name")}
        defaultValue={v("name")}
        error={errors.name}
        required
      />
      <SelectField
        id={id("country")}
        name="country"
        label={t("profile.country")}
        defaultValue={v("country") ?? props.defaultCountry ?? ""}
        emptyLabel={t("form.choose")}
        options={options.countries}
        error={errors.country}
        required
      />
      <TextField
        id={id("region")}
        name="region"
        label={t("profile.region")}
        defaultValue={v("region")}
        error={errors.region}
      />
      {kind === "enterprise" ? (
        <>
          <TextField
            id={id("nace")}
            name="sector"
            label={t("org.sector")}
            hint={t("org.sectorHint")}
            list={id("sectors")}
            autoComplete="off"
            defaultValue={v("sector") ?? sectorLabel(options.divisions, v("naceDivision"))}
            error={errors.naceDivision}
            required
          />
          {/* Search as you type in plain words, in the browser, with or without JavaScript. */}
          <datalist id={id("sectors")}>
            {options.divisions.map((d) => (
              <option key={d.value} value={d.label} />
            ))}
          </datalist>
          <ChoiceGroup
            name="sizeBand"
            type="radio"
            legend={t("org.size")}
            selected={list("sizeBand")}
            error={errors.sizeBand}
            options={sizeBands.map((b) => ({ value: b, label: t(`org.sizeBand.${b}`) }))}
          />
          <TextField
            id={id("year")}
            name="yearFounded"
            type="number"
            inputMode="numeric"
            label={t("org.yearFounded")}
            defaultValue={v("yearFounded")}
            error={errors.yearFounded}
            required
          />
        </>
      ) : (
        <>
          <SelectField
            id={id("type")}
            name="providerType"
            label={t("org.providerType")}
            defaultValue={v("providerType") ?? ""}
            emptyLabel={t("form.choose")}
            options={providerTypes.map((p) => ({ value: p, label: t(`org.providerTypes.${p}`) }))}
            error={errors.providerType}
            required
          />
          <ChoiceGroup
            name="deliveryModes"
            type="checkbox"
            legend={t("org.deliveryModes")}
            selected={list("deliveryModes")}
            error={errors.deliveryModes}
            options={deliveryModes.map((m) => ({ value: m, label: t(`org.delivery.${m}`) }))}
          />
          <ChoiceGroup
            name="eqfLevels"
            type="checkbox"
            legend={t("org.eqfLevels")}
            selected={list("eqfLevels")}
            error={errors.eqfLevels}
            columns
            options={[1, 2, 3, 4, 5, 6, 7, 8].map((n) => ({
              value: String(n),
              label: t("org.eqfLevel", { n }),
            }))}
          />
          <details className="field" open={Boolean(errors.topics)}>
            <summary>{t("org.topics")}</summary>
            <ChoiceGroup
              name="topics"
              type="checkbox"
              legend={t("org.topicsLegend")}
              selected={list("topics")}
              error={errors.topics}
              columns
              options={options.topics}
            />
          </details>
        </>
      )}
      <TextField
        id={id("website")}
        name="website"
        type="text"
        inputMode="url"
        autoComplete="url"
        label={t("org.website")}
        hint={t("org.websiteHint")}
        defaultValue={v("website")}
        error={errors.website}
      />
      <TextArea
        name="description"
        label={t("org.description")}
        defaultValue={v("description")}
        error={errors.description}
      />
      <SubmitButton>
        {props.isEdit
          ? t("form.save")
          : t(kind === "enterprise" ? "org.createEnterprise" : "org.createProvider")}
      </SubmitButton>
    </CsrfForm>
  );
}

/** The plain words of the division an organisation has, to fill the sector field. */
function sectorLabel(divisions: Option[], code: string | undefined): string | undefined {
  return code ? divisions.find((d) => d.value === code)?.label : undefined;
}
