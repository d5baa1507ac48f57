import { useI18n } from "~/i18n/context";
import { ChoiceGroup, CsrfForm, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { ORDINALS, WEEKDAYS } from "../recurrence";
import type { RepeatFormValues } from "../series-form";

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
  /** The "Repeats" fieldset (new events only). */
  repeat?: { values: RepeatFormValues; error?: string };
  /** A note above the submit button (changing a whole series). */
  note?: string;
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
      {props.repeat ? <RepeatFieldset {...props.repeat} /> : null}
      {props.note ? <p className="hint">{props.note}</p> : null}
      <SubmitButton name="intent" value="save">
        {props.submitLabel}
      </SubmitButton>
    </CsrfForm>
  );
}

/** Weekday names in the page's language, Monday first (1 January 2024 was a Monday). */
export function weekdayNames(locale: string, style: "long" | "short" = "long"): string[] {
  const format = new Intl.DateTimeFormat(locale, { weekday: style, timeZone: "UTC" });
  return WEEKDAYS.map((_, i) => format.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/**
 * How a series repeats, as plain radio buttons, checkboxes and fields: it works without
 * JavaScript; the server turns it into an RRULE and checks it (series-form.ts).
 */
function RepeatFieldset(props: { values: RepeatFormValues; error?: string }) {
  const { t, locale } = useI18n();
  const { values, error } = props;
  const names = weekdayNames(locale);
  return (
    <div className={`stack${error ? " has-error" : ""}`} data-repeats>
      {error ? (
        <p className="error" id="f-repeat-error">
          {t(error)}
        </p>
      ) : null}
      <ChoiceGroup
        name="repeat"
        type="radio"
        legend={t("events.series.repeats")}
        selected={[values.repeat]}
        options={[
          { value: "none", label: t("events.series.repeat.none") },
          { value: "weekly", label: t("events.series.repeat.weekly") },
          { value: "monthly", label: t("events.series.repeat.monthly") },
        ]}
      />
      <TextField
        name="repeatInterval"
        type="number"
        min={1}
        max={52}
        label={t("events.series.interval")}
        hint={t("events.series.intervalHint")}
        defaultValue={values.repeatInterval}
      />
      <ChoiceGroup
        name="repeatDays"
        type="checkbox"
        legend={t("events.series.days")}
        selected={values.repeatDays}
        columns
        options={WEEKDAYS.map((day, i) => ({ value: day, label: names[i] }))}
      />
      <p className="hint">{t("events.series.daysHint")}</p>
      <SelectField
        name="repeatOrdinal"
        label={t("events.series.ordinal")}
        defaultValue={values.repeatOrdinal}
        emptyLabel={t("events.series.ordinalAuto")}
        options={ORDINALS.map((o) => ({
          value: String(o),
          label: t(o === -1 ? "events.series.ordinal.last" : `events.series.ordinal.${o}`),
        }))}
      />
      <ChoiceGroup
        name="repeatEnd"
        type="radio"
        legend={t("events.series.end")}
        selected={[values.repeatEnd]}
        options={[
          { value: "count", label: t("events.series.endCount") },
          { value: "until", label: t("events.series.endUntil") },
        ]}
      />
      <TextField
        name="repeatCount"
        type="number"
        min={1}
        max={52}
        label={t("events.series.count")}
        defaultValue={values.repeatCount}
      />
      <TextField
        name="repeatUntil"
        type="date"
        label={t("events.series.until")}
        defaultValue={values.repeatUntil}
      />
      <p className="hint">{t("events.series.limitHint")}</p>
    </div>
  );
}
