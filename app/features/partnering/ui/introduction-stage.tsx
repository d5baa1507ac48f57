import { useI18n } from "~/i18n/context";
import { CsrfForm, SelectField, SubmitButton, TextArea } from "~/ui/form";

const STAGES = ["introduced", "met", "agreement", "active", "ended"] as const;

/** The stage move form: the stages after the current one, and ended; an optional outcome. */
export function IntroductionStageForm(props: {
  stage: string;
  maxOutcome: number;
  errors?: Record<string, string>;
}) {
  const { t } = useI18n();
  if (props.stage === "ended") return null;
  const current = STAGES.indexOf(props.stage as (typeof STAGES)[number]);
  const next = STAGES.filter((s, i) => i > current || (s === "ended" && props.stage !== "ended"));
  return (
    <CsrfForm method="post" className="stack">
      <input type="hidden" name="intent" value="stage" />
      <SelectField
        name="stage"
        label={t("introductions.moveTo")}
        options={next.map((s) => ({ value: s, label: t(`introductions.stage.${s}`) }))}
        error={props.errors?.stage}
      />
      <TextArea
        name="outcome"
        label={t("introductions.outcome")}
        rows={3}
        maxLength={props.maxOutcome}
        error={props.errors?.outcome}
      />
      <SubmitButton>{t("introductions.move")}</SubmitButton>
    </CsrfForm>
  );
}
