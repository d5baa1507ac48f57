import { useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  calendarSubscriptionOf,
  createCalendarToken,
  feedUrls,
  revokeCalendarToken,
} from "~/features/events/subscription.server";
import { useI18n } from "~/i18n/context";
import { handleAction, invalid } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/calendar-settings";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const subscription = await calendarSubscriptionOf(user.id);
  return { createdAt: subscription?.createdAt.toISOString() ?? null };
}

/**
 * Makes a new subscription URL (replacing the old one) or revokes it. The URL is shown once,
 * in this answer: only the token's hash is kept.
 */
export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireUser(context, request);
  const form = readForm(context);
  return handleAction(async () => {
    if (form.intent === "create") {
      const token = await createCalendarToken(user.id);
      return { ok: true as const, done: "created" as const, urls: feedUrls(token) };
    }
    if (form.intent === "revoke") {
      await revokeCalendarToken(user.id);
      return { ok: true as const, done: "revoked" as const, urls: null };
    }
    throw invalid("calendars.unknownIntent");
  });
}

export function meta() {
  // The page may show a secret URL: never indexed, never sent on as a referrer.
  return [
    { name: "robots", content: "noindex" },
    { name: "referrer", content: "no-referrer" },
  ];
}

export default function CalendarSettings() {
  const { createdAt } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const urls = result && "urls" in result ? result.urls : null;
  const revoked = result && "done" in result && result.done === "revoked";
  const active = urls !== null || (createdAt !== null && !revoked);
  return (
    <main id="main" className="page narrow">
      <title>{`${t("calendars.settingsTitle")} · Synergy`}</title>
      <h1>{t("calendars.settingsTitle")}</h1>
      <p>{t("calendars.settingsIntro")}</p>
      <p>
        <a href="/agenda">{t("calendars.agendaTitle")}</a>
      </p>
      {result && "message" in result && result.message ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {revoked ? <FormMessage kind="success">{t("calendars.revokedDone")}</FormMessage> : null}
      {urls ? (
        <section className="section" aria-labelledby="feed-url">
          <h2 id="feed-url">{t("calendars.yourUrl")}</h2>
          <FormMessage kind="success">{t("calendars.createdDone")}</FormMessage>
          <p>
            <a href={urls.webcal} data-testid="webcal-url">
              {t("calendars.subscribeLink")}
            </a>
          </p>
          <label htmlFor="feed-https">{t("calendars.httpsUrl")}</label>
          <input
            id="feed-https"
            type="text"
            readOnly
            value={urls.https}
            data-testid="https-url"
            className="wide"
          />
          <p className="hint">{t("calendars.keepSecret")}</p>
        </section>
      ) : active && createdAt ? (
        <p>
          {t("calendars.activeSince")} <Time value={createdAt} />
        </p>
      ) : (
        <p>{t("calendars.noneYet")}</p>
      )}
      <div className="row">
        <CsrfForm method="post">
          <SubmitButton name="intent" value="create">
            {t(active ? "calendars.recreate" : "calendars.create")}
          </SubmitButton>
        </CsrfForm>
        {active ? (
          <CsrfForm method="post">
            <SubmitButton name="intent" value="revoke">
              {t("calendars.revoke")}
            </SubmitButton>
          </CsrfForm>
        ) : null}
      </div>
      {active ? <p className="hint">{t("calendars.recreateHint")}</p> : null}
    </main>
  );
}
