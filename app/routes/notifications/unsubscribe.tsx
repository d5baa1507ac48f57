import { useActionData, useLoaderData } from "react-router";
import type { NotificationKind } from "~/features/notifications/kinds";
import {
  applyUnsubscribe,
  describeUnsubscribe,
  verifyUnsubscribeToken,
} from "~/features/notifications/unsubscribe.server";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { CsrfForm } from "~/ui/form";
import type { Route } from "./+types/unsubscribe";

/**
 * One-click unsubscribe (RFC 8058), without signing in. GET only shows what the button would
 * turn off: mail scanners follow links, so a GET must change nothing. POST (the button, or the
 * mail program's own one-click POST) turns it off. No CSRF token here on purpose (server/app.ts,
 * decision 016): the signed link is the authentication.
 */
export async function loader({ params }: Route.LoaderArgs) {
  return handleLoader(async () => {
    const claim = verifyUnsubscribeToken(params.token);
    return { scope: claim.scope, kinds: await describeUnsubscribe(claim) };
  });
}

// A POST from a route action is retried by nobody but a person: an error page is the answer.
export async function action({ params }: Route.ActionArgs) {
  return handleLoader(async () => {
    const claim = verifyUnsubscribeToken(params.token);
    return { done: true as const, kinds: await applyUnsubscribe(claim) };
  });
}

export function meta() {
  return [{ name: "robots", content: "noindex" }];
}

export default function Unsubscribe() {
  const { scope, kinds } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale } = useI18n();
  const list = (names: NotificationKind[]) =>
    new Intl.ListFormat(locale, { type: "conjunction" }).format(
      names.map((kind) => t(`notifications.kindName.${kind}`)),
    );
  return (
    <main id="main" className="page narrow">
      <title>{`${t("unsubscribe.title")} · Synergy`}</title>
      <h1>{t("unsubscribe.title")}</h1>
      {result?.done ? (
        <p role="status">
          {result.kinds.length > 0
            ? t("unsubscribe.done", { kinds: list(result.kinds) })
            : t("unsubscribe.nothingLeft")}
        </p>
      ) : kinds.length === 0 ? (
        <p>{t("unsubscribe.nothingLeft")}</p>
      ) : (
        <>
          <p>
            {scope === "digest"
              ? t("unsubscribe.confirmDigest", { kinds: list(kinds) })
              : t("unsubscribe.confirmKind", { kinds: list(kinds) })}
          </p>
          <CsrfForm method="post">
            <button type="submit" className="button">
              {t("unsubscribe.button")}
            </button>
          </CsrfForm>
        </>
      )}
      <p>
        <a href="/settings/notifications">{t("unsubscribe.settingsLink")}</a>
      </p>
    </main>
  );
}
