import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton, TextField } from "~/ui/form";

export type SetupValues = {
  startsAt: string;
  endsAt: string;
  slotMinutes: string;
  tables: string;
  isOpen: boolean;
};

/** The day's set-up: times in the event's zone, slot length, tables (0: calls), open. */
export function PartneringDaySetupForm(props: {
  values: SetupValues;
  errors?: Record<string, string>;
  zone: string;
}) {
  const { t } = useI18n();
  const { values, errors = {} } = props;
  return (
    <CsrfForm method="post" noValidate>
      <p className="hint">{t("partneringDay.setupZoneHint", { zone: props.zone })}</p>
      <TextField
        name="startsAt"
        type="datetime-local"
        label={t("partneringDay.startsAt")}
        defaultValue={values.startsAt}
        error={errors.startsAt}
        required
      />
      <TextField
        name="endsAt"
        type="datetime-local"
        label={t("partneringDay.endsAt")}
        defaultValue={values.endsAt}
        error={errors.endsAt}
        required
      />
      <TextField
        name="slotMinutes"
        type="number"
        min={10}
        max={120}
        label={t("partneringDay.slotMinutes")}
        defaultValue={values.slotMinutes}
        error={errors.slotMinutes}
      />
      <TextField
        name="tables"
        type="number"
        min={0}
        max={500}
        label={t("partneringDay.tables")}
        hint={t("partneringDay.tablesHint")}
        defaultValue={values.tables}
        error={errors.tables}
      />
      <label className="choice">
        <input type="checkbox" name="isOpen" defaultChecked={values.isOpen} />
        <span>{t("partneringDay.isOpen")}</span>
      </label>
      <SubmitButton>{t("partneringDay.saveSetup")}</SubmitButton>
    </CsrfForm>
  );
}
