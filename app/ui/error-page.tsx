import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "~/i18n/context";
import type { ErrorPayload } from "~/lib/errors";

/** The statuses with their own plain title and advice; others read as the nearest of them. */
const explained = [400, 403, 404, 409, 413, 429, 500] as const;
type Explained = (typeof explained)[number];

function explainedStatus(status: number): Explained {
  if ((explained as readonly number[]).includes(status)) return status as Explained;
  return status >= 500 ? 500 : 400;
}

/**
 * The page for expected failures (with their translated message) and unexpected ones: a plain
 * title, what happened, and what to do next; never a bare status code.
 */
export function ErrorPage() {
  const error = useRouteError();
  const { t } = useI18n();
  let status = 500;
  let messageKey = "errors.unexpected";
  if (isRouteErrorResponse(error)) {
    status = error.status;
    const payload = error.data as ErrorPayload | undefined;
    messageKey = payload?.messageKey ?? (status === 404 ? "errors.notFound" : messageKey);
  }
  const kind = explainedStatus(status);
  const title = t(`errors.pageTitle.${kind}`);
  return (
    <main id="main" className="page narrow">
      <title>{`${title} · Synergy`}</title>
      <h1>{title}</h1>
      <p>{t(messageKey)}</p>
      <p>{t(`errors.next.${kind}`)}</p>
      <p className="row">
        <a href="/">{t("errors.backHome")}</a>
        {kind === 403 ? <a href="/signin">{t("errors.signIn")}</a> : null}
      </p>
    </main>
  );
}
