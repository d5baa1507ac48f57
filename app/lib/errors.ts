import { data } from "react-router";
import type { MessageKey } from "~/i18n/i18n";

/** What an expected failure carries to the error boundary: a catalogue key, never a stack. */
export type ErrorPayload = { messageKey: MessageKey };

/**
 * The one error type for expected failures (not found, forbidden, invalid, too many):
 * an HTTP response whose body names a translated message. Throw it from loaders and actions.
 */
export function httpError(status: 400 | 403 | 404 | 409 | 413 | 429, messageKey?: MessageKey) {
  const fallback: Record<number, MessageKey> = {
    400: "errors.badRequest",
    403: "errors.forbidden",
    404: "errors.notFound",
    409: "errors.conflict",
    413: "errors.tooLarge",
    429: "errors.tooMany",
  };
  return data<ErrorPayload>({ messageKey: messageKey ?? fallback[status] }, { status });
}
