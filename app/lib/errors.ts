import { data } from "react-router";
import type { MessageKey } from "~/i18n/i18n";

/** What an expected failure carries to the error boundary: a catalogue key, never a stack. */
export type ErrorPayload = { messageKey: MessageKey };

/** The HTTP statuses an expected failure may answer with. */
export type ErrorStatus = 400 | 403 | 404 | 409 | 413 | 429;

const fallbackKeys: Record<ErrorStatus, MessageKey> = {
  400: "errors.badRequest",
  403: "errors.forbidden",
  404: "errors.notFound",
  409: "errors.conflict",
  413: "errors.tooLarge",
  429: "errors.tooMany",
};

/**
 * The one error type for expected failures (not found, forbidden, invalid, too many):
 * an HTTP response whose body names a translated message. Throw it from loaders and actions.
 */
export function httpError(status: ErrorStatus, messageKey?: MessageKey) {
  return data<ErrorPayload>({ messageKey: messageKey ?? fallbackKeys[status] }, { status });
}

/** Figures a message needs ({minutes} in "auth.tooManyAttempts"). */
export type MessageValues = Record<string, number | string>;

/**
 * The one domain error: an expected refusal raised inside a feature (or by `authorize()`),
 * carrying what the person is told (a catalogue key) and the HTTP status it becomes. Features
 * throw it without knowing about HTTP; routes map it once, with `handleAction`/`handleLoader`.
 *
 * `field` names the form field the message belongs to ("form" for the form as a whole); without
 * it the message is about the whole request.
 */
export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly status: ErrorStatus;
  readonly messageKey: MessageKey;
  readonly field?: string;
  readonly values?: MessageValues;
  /** For 429: seconds until trying again makes sense (sent as Retry-After). */
  readonly retryAfterSeconds?: number;

  constructor(
    status: ErrorStatus,
    messageKey: MessageKey,
    options: { field?: string; values?: MessageValues; retryAfterSeconds?: number } = {},
  ) {
    super(messageKey);
    this.status = status;
    this.messageKey = messageKey;
    this.field = options.field;
    this.values = options.values;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}

/** Whether a caught value is an expected refusal (anything else is a bug and stays a 500). */
export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}

/** 400: the input cannot be accepted; name the field when the message belongs next to one. */
export function invalid(messageKey = fallbackKeys[400], field?: string): DomainError {
  return new DomainError(400, messageKey, { field });
}

/** 403: this person may not do this. */
export function forbidden(messageKey = fallbackKeys[403]): DomainError {
  return new DomainError(403, messageKey);
}

/** 404: no such thing, or one the person may not know exists. */
export function notFound(messageKey = fallbackKeys[404]): DomainError {
  return new DomainError(404, messageKey);
}

/** 409: it clashes with the current state (full network, last admin, email taken). */
export function conflict(messageKey = fallbackKeys[409], field?: string): DomainError {
  return new DomainError(409, messageKey, { field });
}

/** 413: an upload or body over the limit. */
export function tooLarge(messageKey = fallbackKeys[413], field?: string): DomainError {
  return new DomainError(413, messageKey, { field });
}

/** 429: slow down; `retryAfterSeconds` becomes Retry-After, `values` fill the message. */
export function tooMany(
  messageKey = fallbackKeys[429],
  options: { retryAfterSeconds?: number; values?: MessageValues; field?: string } = {},
): DomainError {
  return new DomainError(429, messageKey, options);
}

function headersOf(error: DomainError): HeadersInit | undefined {
  return error.retryAfterSeconds !== undefined
    ? { "Retry-After": String(Math.max(1, Math.ceil(error.retryAfterSeconds))) }
    : undefined;
}

/**
 * The HTTP response for a domain error, for the error boundary (throw it). This and
 * `toActionFailure` are the only places a DomainError becomes HTTP.
 */
export function toHttpError(error: DomainError) {
  return data<ErrorPayload>(
    { messageKey: error.messageKey },
    { status: error.status, headers: headersOf(error) },
  );
}

/**
 * A route's `headers` export for actions that may refuse with 429: the refusal's Retry-After
 * (toActionFailure sets it on the action's answer) reaches the browser; otherwise the page
 * keeps its loader's headers. `export const headers = retryAfterHeaders;`
 */
export function retryAfterHeaders(args: { actionHeaders: Headers; loaderHeaders: Headers }) {
  return args.actionHeaders.has("Retry-After") ? args.actionHeaders : args.loaderHeaders;
}

/**
 * What a form shows after a refused action: `message` for the banner, `errors[field]` next to
 * the field the refusal names, `messageValues` for the message's figures (named so that it
 * never clashes with a form's own `values`). Every action answers its refusals in this one
 * shape, so every form reads them the same way.
 */
export type ActionFailure = {
  ok: false;
  message: string;
  errors: Record<string, string>;
  messageValues?: MessageValues;
};

/**
 * The figures a refusal's message needs, read from whatever an action answered (a failure's
 * `messageValues`, or nothing), so that a component need not narrow its action's union.
 */
export function messageValuesOf(result: unknown): MessageValues {
  if (result && typeof result === "object" && "messageValues" in result) {
    return (result.messageValues ?? {}) as MessageValues;
  }
  return {};
}

/**
 * The form answer for a domain error, with the error's status; `extra` carries what the form
 * must show again (the text typed, the values chosen).
 */
export function toActionFailure<Extra extends Record<string, unknown> = Record<never, never>>(
  error: DomainError,
  extra?: Extra,
) {
  const failure: ActionFailure = {
    ok: false,
    message: error.messageKey,
    errors: error.field ? { [error.field]: error.messageKey } : {},
    ...(error.values ? { messageValues: error.values } : {}),
  };
  return data<ActionFailure & Extra>(
    { ...(extra as Extra), ...failure },
    { status: error.status, headers: headersOf(error) },
  );
}

/**
 * Runs an action's work; a DomainError becomes the form's failure answer (status kept), so a
 * route action needs no try/catch and no `instanceof`. Anything else is rethrown untouched:
 * responses (redirects, httpError) keep their meaning and bugs stay 500s.
 */
export async function handleAction<T, Extra extends Record<string, unknown> = Record<never, never>>(
  work: () => Promise<T>,
  extra?: Extra,
) {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) return toActionFailure(error, extra);
    throw error;
  }
}

/**
 * Runs a loader's (or a resource route's) work; a DomainError becomes the thrown HTTP error
 * response that the error boundary renders in the page language.
 */
export async function handleLoader<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isDomainError(error)) throw toHttpError(error);
    throw error;
  }
}
