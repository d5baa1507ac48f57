import { useId } from "react";
import { useLocation } from "react-router";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { type ConfirmRequest, confirmedField } from "~/lib/confirm";
import { CsrfForm, SubmitButton } from "./form";

function HiddenFields(props: { fields: Record<string, string> }) {
  return (
    <>
      {Object.entries(props.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <input type="hidden" name={confirmedField} value="yes" />
    </>
  );
}

/**
 * A destructive button that asks first, without JavaScript: the first tap opens the question
 * (a `<details>`), the second, on "Delete", posts the form with `confirmed=yes`.
 */
export function ConfirmAction(props: {
  /** The folded control, e.g. "Delete". */
  label: string;
  /** Read by screen readers after the label, e.g. whose name is being removed. */
  labelDetail?: string;
  question: MessageKey;
  confirmLabel: MessageKey;
  fields: Record<string, string>;
  action?: string;
  /** The folded control's look (a link by default). */
  className?: string;
}) {
  const { t } = useI18n();
  const id = useId();
  return (
    <details className="confirm">
      <summary className={props.className ?? "link-button"}>
        {props.label}
        {props.labelDetail ? <span className="sr-only"> {props.labelDetail}</span> : null}
      </summary>
      <div className="confirm-box">
        <p id={id} className="no-margin">
          {t(props.question)}
        </p>
        <CsrfForm method="post" action={props.action} className="inline-form">
          <HiddenFields fields={props.fields} />
          <SubmitButton className="button danger small">{t(props.confirmLabel)}</SubmitButton>
        </CsrfForm>
      </div>
    </details>
  );
}

/** The confirmation an action answered with, if it did (action results differ in shape). */
export function confirmIn(result: unknown): ConfirmRequest | undefined {
  if (result && typeof result === "object" && "confirm" in result) {
    return (result as { confirm?: ConfirmRequest }).confirm;
  }
  return undefined;
}

/**
 * The question a page shows when a destructive form arrived without its confirmation (an old
 * page, a replayed request): "Delete this post? [Delete] [Cancel]". Cancel goes back to the page.
 */
export function ConfirmPrompt(props: { confirm?: ConfirmRequest; action?: string }) {
  const { t } = useI18n();
  const location = useLocation();
  const id = useId();
  if (!props.confirm) return null;
  return (
    <section className="card confirm-prompt" aria-labelledby={id}>
      <h2 id={id}>{t(props.confirm.question)}</h2>
      <div className="row">
        <CsrfForm method="post" action={props.action} className="inline-form">
          <HiddenFields fields={props.confirm.fields} />
          <SubmitButton className="button danger small">
            {t(props.confirm.confirmLabel)}
          </SubmitButton>
        </CsrfForm>
        <a className="button secondary small" href={location.pathname + location.search}>
          {t("confirm.cancel")}
        </a>
      </div>
    </section>
  );
}
