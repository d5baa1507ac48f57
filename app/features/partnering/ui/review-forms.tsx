import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton, TextArea } from "~/ui/form";

/** Approve, or send back with a note (reviewers; posted to the opportunity's page). */
export function ReviewForms(props: { id: string; errors?: Record<string, string> }) {
  const { t } = useI18n();
  return (
    <section className="section" aria-label={t("partnering.reviewHeading")}>
      <h2>{t("partnering.reviewHeading")}</h2>
      <CsrfForm method="post" action={`/partnering/${props.id}`}>
        <input type="hidden" name="intent" value="approve" />
        <SubmitButton>{t("partnering.approve")}</SubmitButton>
      </CsrfForm>
      <CsrfForm method="post" action={`/partnering/${props.id}`} className="stack">
        <input type="hidden" name="intent" value="return" />
        <TextArea
          name="note"
          label={t("partnering.returnNote")}
          error={props.errors?.note}
          rows={3}
          id={`note-${props.id}`}
        />
        <SubmitButton className="button secondary">{t("partnering.sendBack")}</SubmitButton>
      </CsrfForm>
    </section>
  );
}
