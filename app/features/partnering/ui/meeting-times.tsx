import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton } from "~/ui/form";

/** The proposed times (each in both people's zones), with "accept" for the invitee. */
export function MeetingTimes(props: {
  times: { value: string; label: string }[];
  canAccept: boolean;
}) {
  const { t } = useI18n();
  return (
    <section className="section">
      <h2>{t("meetings.times")}</h2>
      <ul className="plain-list">
        {props.times.map((time) => (
          <li key={time.value}>
            {time.label}
            {props.canAccept ? (
              <CsrfForm method="post" className="inline-form">
                <input type="hidden" name="intent" value="accept" />
                <input type="hidden" name="time" value={time.value} />
                <SubmitButton className="button small">{t("meetings.accept")}</SubmitButton>
              </CsrfForm>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
