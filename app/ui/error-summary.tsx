import { useEffect, useRef } from "react";
import { useI18n } from "~/i18n/context";

/**
 * The list of what went wrong at the top of a form, each entry a link to its field (GOV.UK's
 * error summary pattern). It takes focus so that a screen reader reads it and a keyboard user
 * starts from it: with JavaScript through focus() after the answer arrives, without it through
 * `autofocus` on the page the server sends back.
 */
export function ErrorSummary(props: {
  /** Field name → catalogue key, in the order the fields appear in the form. */
  errors: { field: string; message: string; values?: Record<string, string | number> }[];
  /** The id of each field's input, when it is not the form helpers' `f-<name>` ("" for no link). */
  fieldId?: (field: string) => string;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  const shown = props.errors.filter((e) => e.message);
  const signature = shown.map((e) => `${e.field}:${e.message}`).join("|");
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (!shown.length) return null;
  const idOf = props.fieldId ?? ((field: string) => `f-${field}`);
  return (
    <div
      ref={ref}
      className="form-message error error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
      autoFocus
    >
      <h2 id="error-summary-title">{t("form.errorSummaryTitle")}</h2>
      <ul>
        {shown.map((e) => (
          <li key={e.field}>
            {e.field === "form" || !idOf(e.field) ? (
              t(e.message, e.values)
            ) : (
              <a href={`#${idOf(e.field)}`}>{t(e.message, e.values)}</a>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
