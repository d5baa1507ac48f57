import { useI18n } from "~/i18n/context";
import { SelectField } from "~/ui/form";

/** The "Role" filter of a list of people (the directory, a network's members): owners or trainers. */
export function RoleSelect(props: { value: string | undefined }) {
  const { t } = useI18n();
  return (
    <SelectField
      name="role"
      label={t("people.role")}
      defaultValue={props.value ?? ""}
      emptyLabel={t("filters.any")}
      options={[
        { value: "owner", label: t("role.owners") },
        { value: "educator", label: t("role.educators") },
      ]}
    />
  );
}
