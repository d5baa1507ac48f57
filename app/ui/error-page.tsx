import { isRouteErrorResponse, useRouteError } from "react-router";
import { useI18n } from "~/i18n/context";
import type { ErrorPayload } from "~/lib/errors";

/** The page for expected failures (with their translated message) and unexpected ones. */
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
  return (
    <main id="main" className="page narrow">
      <title>{t(messageKey)}</title>
      <h1>{t(messageKey)}</h1>
      <p className="muted">{t("errors.status", { status })}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </main>
  );
}
