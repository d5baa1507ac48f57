import type { MessageKey } from "~/i18n/i18n";

/**
 * Destructive actions (delete a post, remove a member, leave a network…) are done only when the
 * form says so: the confirm form posts `confirmed=yes`. Anything else (an old page, a form
 * replayed without it) gets the question back instead of the deed, so nothing is lost by a
 * single tap, with or without JavaScript.
 */
export const confirmedField = "confirmed";

/** The question a page shows when a destructive intent arrived unconfirmed. */
export type ConfirmRequest = {
  question: MessageKey;
  confirmLabel: MessageKey;
  /** The fields to post again (intent and ids), plus `confirmed=yes`. */
  fields: Record<string, string>;
};

export function isConfirmed(form: Record<string, unknown>): boolean {
  return form[confirmedField] === "yes";
}

/** The action result that asks for confirmation (status 200: a question, not an error). */
export function confirmRequest(
  question: MessageKey,
  confirmLabel: MessageKey,
  fields: Record<string, string>,
): { ok: false; confirm: ConfirmRequest } {
  return { ok: false, confirm: { question, confirmLabel, fields } };
}
