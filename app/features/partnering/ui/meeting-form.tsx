import { useI18n } from "~/i18n/context";
import { CsrfForm, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import {
  MAX_MEETING_NOTE,
  MAX_MEETING_PLACE,
  MAX_MEETING_SUBJECT,
  MEETING_DURATIONS,
} from "../meeting-schema";

export type MeetingFormValues = {
  with: string;
  interest: string;
  time1: string;
  time2: string;
  time3: string;
  duration: string;
  subject: string;
  note: string;
  videoUrl: string;
  place: string;
};

/** The proposal form: up to three times in the proposer's zone, duration, subject, where. */
export function MeetingForm(props: {
  values: MeetingFormValues;
  errors?: Record<string, string>;
  submissionKey: string;
}) {
  const { t } = useI18n();
  const { values, errors = {} } = props;
  return (
    <CsrfForm method="post" noValidate>
      <input type="hidden" name="with" value={values.with} />
      <input type="hidden" name="interest" value={values.interest} />
      <input type="hidden" name="submissionKey" value={props.submissionKey} />
      <fieldset className="field">
        <legend>{t("meetings.times")}</legend>
        <p className="hint">{t("meetings.timesHint")}</p>
        {(["time1", "time2", "time3"] as const).map((name, i) => (
          <TextField
            key={name}
            name={name}
            type="datetime-local"
            label={t("meetings.timeLabel", { n: i + 1 })}
            defaultValue={values[name]}
            error={errors[name]}
            required={i === 0}
          />
        ))}
      </fieldset>
      <SelectField
        name="duration"
        label={t("meetings.duration")}
        defaultValue={values.duration}
        error={errors.duration}
        options={MEETING_DURATIONS.map((n) => ({
          value: String(n),
          label: t("meetings.minutes", { n }),
        }))}
      />
      <TextField
        name="subject"
        label={t("meetings.subject")}
        defaultValue={values.subject}
        error={errors.subject}
        maxLength={MAX_MEETING_SUBJECT}
        required
      />
      <TextArea
        name="note"
        label={t("meetings.note")}
        defaultValue={values.note}
        error={errors.note}
        maxLength={MAX_MEETING_NOTE}
        rows={4}
      />
      <TextField
        name="videoUrl"
        type="url"
        label={t("meetings.videoUrl")}
        hint={t("meetings.whereHint")}
        defaultValue={values.videoUrl}
        error={errors.videoUrl}
      />
      <TextField
        name="place"
        label={t("meetings.place")}
        defaultValue={values.place}
        error={errors.place}
        maxLength={MAX_MEETING_PLACE}
      />
      <SubmitButton>{t("meetings.propose")}</SubmitButton>
    </CsrfForm>
  );
}
