import { useI18n } from "~/i18n/context";
import { CsrfForm, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";

/** What the form shows: the values typed (wall-clock times in the event's zone) and options. */
export type EventFormValues = {
  title: string;
  description: string;
  kind: string;
  venue: string;
  address: string;
  mapUrl: string;
  meetingUrl: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  language: string;
  capacity: string;
  rsvpDeadline: string;
};

/** The form to create or change an event; times are typed in the event's own zone. */
export function EventForm(props: {
  values: EventFormValues;
  errors?: Record<string, string>;
  zones: { value: string; label: string }[];
  languages: { value: string; label: string }[];
  submissionKey?: string;
  submitLabel: string;
}) {
  const { t } = useI18n();
  const { values, errors = {} } = props;
  return (
    <CsrfForm method="post" className="stack" noValidate>
      {props.submissionKey ? (
        <input type="hidden" name="submissionKey" value={props.submissionKey} />
      ) : null}
      <TextField
        name="title"
        label={t("events.title")}
        defaultValue={values.title}
        error={errors.title}
        maxLength={140}
        required
      />
      <TextArea
        name="description"
        label={t("events.description")}
        defaultValue={values.description}
        error={errors.description}
        rows={5}
        maxLength={5000}
      />
      <SelectField
        name="kind"
        label={t("events.kind")}
        defaultValue={values.kind}
        error={errors.kind}
        options={[
          { value: "in_person", label: t("events.kind.in_person") },
          { value: "online", label: t("events.kind.online") },
          { value: "hybrid", label: t("events.kind.hybrid") },
        ]}
      />
      <TextField
        name="venue"
        label={t("events.venue")}
        hint={t("events.venueHint")}
        defaultValue={values.venue}
        error={errors.venue}
        maxLength={140}
      />
      <TextField
        name="address"
        label={t("events.address")}
        defaultValue={values.address}
        error={errors.address}
        maxLength={300}
      />
      <TextField
        name="mapUrl"
        type="url"
        label={t("events.mapUrl")}
        defaultValue={values.mapUrl}
        error={errors.mapUrl}
        maxLength={500}
      />
      <TextField
        name="meetingUrl"
        type="url"
        label={t("events.meetingUrl")}
        hint={t("events.meetingUrlHint")}
        defaultValue={values.meetingUrl}
        error={errors.meetingUrl}
        maxLength={500}
      />
      <SelectField
        name="timeZone"
        label={t("events.timeZone")}
        defaultValue={values.timeZone}
        error={errors.timeZone}
        options={props.zones}
      />
      <TextField
        name="startsAt"
        type="datetime-local"
        label={t("events.startsAt")}
        hint={t("events.timesHint")}
        defaultValue={values.startsAt}
        error={errors.startsAt}
        required
      />
      <TextField
        name="endsAt"
        type="datetime-local"
        label={t("events.endsAt")}
        defaultValue={values.endsAt}
        error={errors.endsAt}
        required
      />
      <SelectField
        name="language"
        label={t("events.language")}
        defaultValue={values.language}
        error={errors.language}
        options={props.languages}
      />
      <TextField
        name="capacity"
        type="number"
        min={1}
        label={t("events.capacity")}
        hint={t("events.capacityHint")}
        defaultValue={values.capacity}
        error={errors.capacity}
      />
      <TextField
        name="rsvpDeadline"
        type="datetime-local"
        label={t("events.rsvpDeadline")}
        hint={t("events.rsvpDeadlineHint")}
        defaultValue={values.rsvpDeadline}
        error={errors.rsvpDeadline}
      />
      <SubmitButton name="intent" value="save">
        {props.submitLabel}
      </SubmitButton>
    </CsrfForm>
  );
}
