import type { ComponentProps, ReactNode } from "react";
import { Form, useNavigation, useRouteLoaderData } from "react-router";
import { useI18n } from "~/i18n/context";
import type { RootData } from "~/root";

/** A React Router form that carries the CSRF token, so it works with and without JavaScript. */
export function CsrfForm(props: ComponentProps<typeof Form>) {
  const root = useRouteLoaderData<RootData>("root");
  const { children, ...rest } = props;
  return (
    <Form {...rest}>
      <input type="hidden" name="_csrf" value={root?.csrfToken ?? ""} />
      {children}
    </Form>
  );
}

/** Field errors come back from actions as catalogue keys. */
export type FieldErrors = Record<string, string | undefined>;

type FieldProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
  children?: ReactNode;
} & Omit<ComponentProps<"input">, "name">;

/** A labelled input with its hint and translated error, tied together for screen readers. */
export function TextField(props: FieldProps) {
  const { name, label, error, hint, id, ...input } = props;
  const { t } = useI18n();
  const fieldId = id ?? `f-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="error">
          {t(error)}
        </p>
      ) : null}
      <input
        type="text"
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
    </div>
  );
}

type TextAreaProps = {
  name: string;
  label: string;
  error?: string;
  hint?: string;
} & Omit<ComponentProps<"textarea">, "name">;

export function TextArea(props: TextAreaProps) {
  const { name, label, error, hint, id, ...rest } = props;
  const { t } = useI18n();
  const fieldId = id ?? `f-${name}`;
  const describedBy = [hint ? `${fieldId}-hint` : "", error ? `${fieldId}-error` : ""]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p id={`${fieldId}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${fieldId}-error`} className="error">
          {t(error)}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...rest}
      />
    </div>
  );
}

type SelectProps = {
  name: string;
  label: string;
  error?: string;
  options: { value: string; label: string }[];
  emptyLabel?: string;
} & Omit<ComponentProps<"select">, "name">;

export function SelectField(props: SelectProps) {
  const { name, label, error, options, emptyLabel, id, ...rest } = props;
  const { t } = useI18n();
  const fieldId = id ?? `f-${name}`;
  return (
    <div className={`field${error ? " has-error" : ""}`}>
      <label htmlFor={fieldId}>{label}</label>
      {error ? (
        <p id={`${fieldId}-error`} className="error">
          {t(error)}
        </p>
      ) : null}
      <select
        id={fieldId}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${fieldId}-error` : undefined}
        {...rest}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

type ChoiceProps = {
  name: string;
  legend: string;
  type: "checkbox" | "radio";
  options: { value: string; label: string; hint?: string }[];
  selected: string[];
  error?: string;
  columns?: boolean;
  /** For links to the group (an error summary's). */
  id?: string;
};

/** A fieldset of checkboxes or radio buttons. */
export function ChoiceGroup(props: ChoiceProps) {
  const { name, legend, type, options, selected, error, columns } = props;
  const { t } = useI18n();
  return (
    <fieldset id={props.id} className={`field choices${error ? " has-error" : ""}`}>
      <legend>{legend}</legend>
      {error ? <p className="error">{t(error)}</p> : null}
      <div className={columns ? "choice-grid" : "choice-list"}>
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type={type}
              name={name}
              value={o.value}
              defaultChecked={selected.includes(o.value)}
            />
            <span>
              {o.label}
              {o.hint ? <span className="hint block">{o.hint}</span> : null}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Submit button that says it is busy while the form is being sent. */
export function SubmitButton(props: {
  children: ReactNode;
  name?: string;
  value?: string;
  className?: string;
}) {
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  return (
    <button
      type="submit"
      name={props.name}
      value={props.value}
      className={props.className ?? "button"}
      aria-disabled={busy || undefined}
    >
      {props.children}
    </button>
  );
}

/** A form-level message (success or failure), announced to screen readers. */
export function FormMessage(props: { kind: "error" | "success"; children: ReactNode }) {
  return (
    <div
      className={`form-message ${props.kind}`}
      role={props.kind === "error" ? "alert" : "status"}
    >
      {props.children}
    </div>
  );
}

/** The buttons under a filter form: show the results, or go back to everything. */
export function FilterActions(props: { clearHref: string }) {
  const { t } = useI18n();
  return (
    <div className="row">
      <button type="submit" className="button">
        {t("filters.apply")}
      </button>
      <a href={props.clearHref}>{t("filters.clear")}</a>
    </div>
  );
}
