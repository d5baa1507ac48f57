import { learningFormats } from "~/db/enums";
import type { Option } from "~/features/taxonomy/types";
import { useI18n } from "~/i18n/context";
import { SelectField } from "~/ui/form";

type Format = (typeof learningFormats)[number];

/**
 * The four filters the lists of needs and of offers share (topic, country, language, way of
 * learning), in the order the list names; labels come from that list's own messages.
 */
export function LearningFilterFields(props: {
  list: "needs" | "offers";
  order: ReadonlyArray<"topic" | "country" | "language" | "format">;
  values: {
    topic?: string | null;
    country?: string | null;
    language?: string | null;
    format?: string | null;
  };
  options: { topics: Option[]; countries: Option[]; languages: Option[] };
}) {
  const { t } = useI18n();
  const { list, values, options } = props;
  const formatLabel = (f: Format) =>
    list === "needs" ? t(`needs.formatValue.${f}`) : t(`offers.format.${f}`);
  const choices = {
    topic: options.topics,
    country: options.countries,
    language: options.languages,
    format: learningFormats.map((f) => ({ value: f, label: formatLabel(f) })),
  };
  return (
    <>
      {props.order.map((name) => (
        <SelectField
          key={name}
          name={name}
          label={t(`${list}.${name}`)}
          defaultValue={values[name] ?? ""}
          emptyLabel={t("filters.any")}
          options={choices[name]}
        />
      ))}
    </>
  );
}
