import { redirect, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  findNotification,
  listNotifications,
  markAllRead,
  markGroupRead,
} from "~/features/notifications/centre.server";
import { notificationKinds } from "~/features/notifications/kinds";
import { notificationPolicy } from "~/features/notifications/rules";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import type { Route } from "./+types/notifications";

export async function loader({ request, context }: Route.LoaderArgs) {
  const person = personOf(await requireUser(context, request));
  await handleLoader(async () => notificationPolicy.authorize(person, "list", undefined));
  const url = new URL(request.url);
  const after = decodeCursor(url.searchParams.get("after"));
  const page = await listNotifications({ recipientId: person.id, after });
  return {
    isFirstPage: after === null,
    next: page.next,
    lines: page.lines.map((line) => ({ ...line, createdAt: line.createdAt.toISOString() })),
    after: url.searchParams.get("after") ?? "",
    done: url.searchParams.get("done") === "1",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const person = personOf(await requireUser(context, request));
  const form = readForm(context);
  return handleAction(async () => {
    if (form.intent === "readAll") {
      await markAllRead({ decision: notificationPolicy.authorize(person, "list", undefined) });
      return redirect("/notifications?done=1");
    }
    if (form.intent === "read") {
      const notification = await findNotification(String(form.id ?? ""));
      if (!notification) throw notFound("notifications.notFound");
      await markGroupRead({ decision: notificationPolicy.authorize(person, "open", notification) });
      // Back where the person was (the page they marked it on), without JavaScript too.
      const after =
        typeof form.after === "string" && form.after
          ? `?after=${encodeURIComponent(form.after)}`
          : "";
      return redirect(`/notifications${after}`);
    }
    throw httpError(400);
  });
}

export default function Notifications() {
  const { lines, next, isFirstPage, done, after } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  const anyUnread = lines.some((line) => line.unread);
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("notifications.title")} · Synergy`}</title>
      <h1>{t("notifications.title")}</h1>
      {done ? (
        <p role="status" className="notice">
          {t("notifications.allMarkedRead")}
        </p>
      ) : null}
      {anyUnread ? (
        <CsrfForm method="post" className="inline-form">
          <button type="submit" name="intent" value="readAll" className="button secondary small">
            {t("notifications.markAllRead")}
          </button>
        </CsrfForm>
      ) : null}
      {lines.length === 0 ? (
        <p className="muted">{t("notifications.empty")}</p>
      ) : (
        <ol className="notification-list">
          {lines.map((line) => {
            const text = t(notificationKinds[line.kind].message, {
              ...line.values,
              actor: line.actor ?? t("notifications.someone"),
              others: line.others,
              title: line.title ?? t("notifications.hiddenTitle"),
              network: line.network ?? t("notifications.hiddenNetwork"),
            });
            return (
              <li
                key={line.id}
                className={line.unread ? "notification unread" : "notification"}
                data-kind={line.kind}
              >
                <a href={line.href}>
                  {line.unread ? (
                    <span className="sr-only">{t("notifications.unread")}: </span>
                  ) : null}
                  {text}
                </a>{" "}
                <span className="muted">
                  <Time value={line.createdAt} />
                </span>
                {line.unread ? (
                  <CsrfForm method="post" className="inline-form">
                    <input type="hidden" name="id" value={line.id} />
                    <input type="hidden" name="after" value={after} />
                    <button type="submit" name="intent" value="read" className="link-button">
                      {t("notifications.markRead")}
                    </button>
                  </CsrfForm>
                ) : null}
              </li>
            );
          })}
        </ol>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
    </main>
  );
}
