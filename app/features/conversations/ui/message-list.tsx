import { useI18n } from "~/i18n/context";
import { AuthorName, authorLabel } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { Time } from "~/ui/time";
import type { MessageView } from "../conversations.server";

/** A conversation's messages, oldest first (the page's newest at the bottom, by the composer). */
export function MessageList(props: { conversationId: string; messages: MessageView[] }) {
  const { t } = useI18n();
  if (!props.messages.length) return <p>{t("conversations.noMessages")}</p>;
  return (
    <ol className="feed messages" aria-label={t("conversations.messagesLabel")}>
      {props.messages.map((m) => (
        <li key={m.id}>
          <article id={`message-${m.id}`} className="card message" tabIndex={-1}>
            <header className="post-head">
              <Avatar name={authorLabel(m.author, t)} photoKey={m.author.photoKey} />
              <div>
                <AuthorName author={m.author} />
                <p className="muted">
                  <Time value={m.createdAt} />
                </p>
              </div>
            </header>
            <div
              className="post-body"
              // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by our fixed-tag Markdown writer
              dangerouslySetInnerHTML={{ __html: m.bodyHtml }}
            />
            {m.attachments.length ? (
              <ul className="attachments">
                {m.attachments.map((a) => {
                  const href = `/conversations/${props.conversationId}/attachments/${a.id}/${encodeURIComponent(a.filename)}`;
                  return (
                    <li key={a.id}>
                      {a.kind === "image" ? (
                        <a href={href}>
                          <img src={href} alt={a.filename} loading="lazy" />
                        </a>
                      ) : (
                        <a href={href}>{a.filename}</a>
                      )}
                    </li>
                  );
                })}
              </ul>
            ) : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
