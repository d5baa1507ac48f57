import { useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { listConversations, requestCount } from "~/features/conversations/conversations.server";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { FormMessage } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import type { Route } from "./+types/conversations";

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const url = new URL(request.url);
  const folder = url.searchParams.get("folder") === "requests" ? "requests" : "inbox";
  const after = decodeCursor(url.searchParams.get("after"));
  const [list, requests] = await Promise.all([
    listConversations({ userId: auth.user.id, folder, after }),
    requestCount(auth.user.id),
  ]);
  return { folder, ...list, requests, isFirstPage: after === null };
}

export default function Conversations() {
  const { folder, conversations, next, requests, isFirstPage } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("conversations.title")} · Synergy`}</title>
      <h1>{t("conversations.title")}</h1>
      {params.get("left") === "1" ? (
        <FormMessage kind="success">{t("conversations.leftDone")}</FormMessage>
      ) : null}
      {params.get("declined") === "1" ? (
        <FormMessage kind="success">{t("conversations.declinedDone")}</FormMessage>
      ) : null}
      {params.get("blocked") === "1" ? (
        <FormMessage kind="success">{t("conversations.blockedDone")}</FormMessage>
      ) : null}
      <nav aria-label={t("conversations.folders")} className="tabs">
        <ul className="nav-list">
          <li>
            <a href="/conversations" aria-current={folder === "inbox" ? "page" : undefined}>
              {t("conversations.inbox")}
            </a>
          </li>
          <li>
            <a
              href="/conversations?folder=requests"
              aria-current={folder === "requests" ? "page" : undefined}
            >
              {t("conversations.requests", { count: requests })}
            </a>
          </li>
        </ul>
      </nav>
      <p className="muted">
        {t(folder === "requests" ? "conversations.requestsHint" : "conversations.startHint")}{" "}
        <a href="/people">{t("nav.people")}</a>
      </p>
      {conversations.length === 0 ? (
        <p>{t(folder === "requests" ? "conversations.noRequests" : "conversations.none")}</p>
      ) : (
        <ul className="card-list conversation-list">
          {conversations.map((c) => {
            const name = c.title || c.people.join(", ") || t("conversations.nobodyElse");
            return (
              <li key={c.id} className="card conversation-item">
                <h2 className="h3">
                  <a href={`/conversations/${c.id}`}>{name}</a>{" "}
                  {c.unread > 0 && !c.muted ? (
                    <span className="badge">{t("conversations.unread", { count: c.unread })}</span>
                  ) : null}
                  {c.muted ? <span className="muted"> {t("conversations.muted")}</span> : null}
                </h2>
                <p className="muted">
                  <Time value={c.lastMessageAt} />
                  {c.kind === "group" && c.title ? ` · ${c.people.join(", ")}` : ""}
                </p>
                {c.preview ? <p>{c.preview}</p> : null}
              </li>
            );
          })}
        </ul>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
      <p className="section">
        <a href="/settings/blocked">{t("conversations.manageBlocked")}</a>
      </p>
    </main>
  );
}
