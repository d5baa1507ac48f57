import { useI18n } from "~/i18n/context";
import { FilterActions, SelectField, TextField } from "~/ui/form";

type Option = { value: string; label: string };

export type SearchFilterValues = {
  q?: string;
  kind?: string;
  partnership?: string;
  sector?: string;
  country?: string;
  language?: string;
  openUntil?: string;
  noDeadline?: string;
};

/** The search form: words and filters in the query string (a GET form, works without JS). */
export function OpportunityFilters(props: {
  values: SearchFilterValues;
  options: {
    kinds: string[];
    partnerships: string[];
    divisions: Option[];
    countries: Option[];
    languages: Option[];
  };
}) {
  const { t } = useI18n();
  const { values, options } = props;
  return (
    <form method="get" className="filters" aria-label={t("partnering.filters")}>
      <TextField
        name="q"
        type="search"
        label={t("partnering.searchWords")}
        defaultValue={values.q ?? ""}
        maxLength={200}
      />
      <SelectField
        name="kind"
        label={t("partnering.kindLabel")}
        emptyLabel={t("partnering.any")}
        defaultValue={values.kind ?? ""}
        options={options.kinds.map((k) => ({ value: k, label: t(`partnering.kind.${k}`) }))}
      />
      <SelectField
        name="partnership"
        label={t("partnering.partnershipsLabel")}
        emptyLabel={t("partnering.any")}
        defaultValue={values.partnership ?? ""}
        options={options.partnerships.map((p) => ({
          value: p,
          label: t(`partnering.partnership.${p}`),
        }))}
      />
      <SelectField
        name="sector"
        label={t("partnering.sectorLabel")}
        emptyLabel={t("partnering.any")}
        defaultValue={values.sector ?? ""}
        options={options.divisions}
      />
      <SelectField
        name="country"
        label={t("partnering.countryFilter")}
        emptyLabel={t("partnering.any")}
        defaultValue={values.country ?? ""}
        options={options.countries}
      />
      <SelectField
        name="language"
        label={t("partnering.languageFilter")}
        emptyLabel={t("partnering.any")}
        defaultValue={values.language ?? ""}
        options={options.languages}
      />
      <TextField
        name="openUntil"
        type="date"
        label={t("partnering.openUntil")}
        defaultValue={values.openUntil ?? ""}
      />
      <label className="choice">
        <input
          type="checkbox"
          name="noDeadline"
          value="1"
          defaultChecked={values.noDeadline === "1"}
        />
        <span>{t("partnering.onlyNoDeadline")}</span>
      </label>
      <FilterActions clearHref="/partnering" />
    </form>
  );
}
