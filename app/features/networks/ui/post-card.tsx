import { useEffect, useState } from "react";
import { reactionKinds } from "~/db/enums";
import { useI18n } from "~/i18n/context";
import { AuthorName, authorLabel } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { useComposerKey } from "~/ui/composer";
import { ConfirmAction } from "~/ui/confirm";
import { CsrfForm, SubmitButton, TextArea } from "~/ui/form";
import { RenderedHtml } from "~/ui/rendered-html";
import { Time } from "~/ui/time";
import { useContentLang, WrittenIn } from "~/ui/written-in";
import type { FeedPost } from "../posts.server";

const reactionIcons: Record<(typeof reactionKinds)[number], string> = {
  like: "👍",
  celebrate: "🎉",
  support: "🤝",
  insightful: "💡",
  thanks: "🙏",
};

/**
 * One post in a feed: author, text, attachments, reactions, latest comments and the forms to
 * react and comment. Every control is a small form, so it all works without JavaScript.
 */
export function PostCard(props: {
  post: FeedPost;
  viewerId: string | null;
  canWrite: boolean;
  canModerate: boolean;
  showNetwork?: boolean;
  submissionKey: string;
  full?: boolean;
}) {
  const { post, viewerId, canWrite, canModerate, submissionKey } = props;
  const { t } = useI18n();
  const base = `/networks/${post.networkId}`;
  const postUrl = `${base}/posts/${post.id}`;
  const topLevel = post.comments.filter((c) => !c.parentId);
  // A visitor (null) is never the author, even of a post whose author they may not see.
  const isAuthor = viewerId !== null && viewerId === post.author.id;
  const returnTo = props.full ? "post" : props.showNetwork ? "home" : "feed";
  // Only where the post says it is in another language than the page (decision 031).
  const lang = useContentLang(post.language);
  return (
    <article
      // The target of `#post-<id>` after posting: focus moves here (tabIndex -1 allows it).
      id={`post-${post.id}`}
      tabIndex={-1}
      className={`post${post.unread ? " unread" : ""}`}
      aria-labelledby={`post-${post.id}-by`}
    >
      <div className="post-meta">
        <Avatar
          name={post.author.former ? authorLabel(post.author, t) : (post.author.name ?? "")}
          photoKey={post.author.photoKey}
        />
        <div>
          <p id={`post-${post.id}-by`} className="no-margin">
            <AuthorName author={post.author} />
            {props.showNetwork ? (
              <>
                {" · "}
                <a href={base}>{post.networkName}</a>
              </>
            ) : null}
          </p>
          <p className="muted no-margin">
            <a href={postUrl} className="muted">
              <Time value={post.createdAt} />
            </a>
            {post.edited ? ` · ${t("posts.edited")}` : ""}
            {post.pinned ? ` · ${t("posts.pinned")}` : ""}
            {post.unread ? (
              <>
                {" · "}
                <strong>{t("posts.new")}</strong>
              </>
            ) : null}
          </p>
        </div>
      </div>
      <RenderedHtml className="post-body" id={`post:${post.id}`} html={post.bodyHtml} lang={lang} />
      {post.attachments.length ? (
        <ul className="attachments" aria-label={t("posts.attachments")}>
          {post.attachments.map((a) => {
            const href = `${base}/attachments/${a.id}/${a.filename}`;
            return (
              <li key={a.id}>
                {a.kind === "image" ? (
                  <a href={href}>
                    <img
                      src={href}
                      // The author's description; else a generic text, since a file name
                      // ("IMG_2041.jpg") says nothing. A description is part of the post, so it
                      // carries the post's language.
                      alt={a.altText ?? t("posts.photoAlt", { name: authorLabel(post.author, t) })}
                      lang={a.altText ? lang : undefined}
                      width={a.width ?? undefined}
                      height={a.height ?? undefined}
                      loading="lazy"
                    />
                  </a>
                ) : (
                  <a href={href} download>
                    📄 {a.filename} ({Math.max(1, Math.round(a.sizeBytes / 1024))} KB)
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
      <div className="reactions">
        <ReactionCounts post={post} />
        {canWrite ? (
          // Folded behind one "React" control: five labelled buttons wrapped to three rows on a
          // phone. One form per post; the pressed button says which reaction (a fetcher, so the
          // page does not move; without JavaScript it posts and shows the feed again).
          <details className="reaction-menu">
            <summary>{t("reactions.react")}</summary>
            <CsrfForm method="post" action={base} className="reaction-choices" navigate={false}>
              <input type="hidden" name="intent" value="react" />
              <input type="hidden" name="postId" value={post.id} />
              {reactionKinds.map((kind) => {
                const count = post.reactions[kind] ?? 0;
                return (
                  <button
                    key={kind}
                    type="submit"
                    name="kind"
                    value={kind}
                    aria-pressed={post.myReactions.includes(kind)}
                  >
                    {/* One text node after the icon: no separator comments in the HTML. */}
                    <span aria-hidden="true">{reactionIcons[kind]}</span>
                    {` ${t(`reactions.${kind}`)}${count ? ` ${count}` : ""}`}
                  </button>
                );
              })}
            </CsrfForm>
          </details>
        ) : null}
      </div>
      {canWrite && (isAuthor || canModerate) ? (
        <div className="row">
          {isAuthor ? <a href={`${postUrl}#edit`}>{t("posts.edit")}</a> : null}
          <ConfirmAction
            action={base}
            label={t("posts.delete")}
            question="posts.deleteQuestion"
            confirmLabel="posts.deleteConfirm"
            fields={{ intent: "delete-post", postId: post.id }}
          />
          {canModerate ? (
            <CsrfForm method="post" action={base} className="inline-form">
              <input type="hidden" name="postId" value={post.id} />
              <SubmitButton
                name="intent"
                value={post.pinned ? "unpin" : "pin"}
                className="link-button"
              >
                {t(post.pinned ? "posts.unpin" : "posts.pin")}
              </SubmitButton>
            </CsrfForm>
          ) : null}
        </div>
      ) : null}
      <section aria-label={t("posts.commentsLabel")}>
        {post.commentCount > post.comments.length && !props.full ? (
          <p className="comment-toggle">
            <a href={postUrl}>{t("posts.allComments", { count: post.commentCount })}</a>
          </p>
        ) : null}
        {post.comments.length ? (
          <ul className="comments">
            {topLevel.map((c) => (
              <li key={c.id}>
                <Comment
                  comment={c}
                  postUrl={postUrl}
                  base={base}
                  postId={post.id}
                  viewerId={viewerId}
                  canModerate={canModerate}
                />
                <ul className="comments">
                  {post.comments
                    .filter((r) => r.parentId === c.id)
                    .map((r) => (
                      <li key={r.id} className="reply-item">
                        <Comment
                          comment={r}
                          postUrl={postUrl}
                          base={base}
                          postId={post.id}
                          viewerId={viewerId}
                          canModerate={canModerate}
                          reply
                        />
                      </li>
                    ))}
                </ul>
                {props.full && canWrite ? (
                  <details className="reply-form">
                    <summary>{t("posts.reply")}</summary>
                    <CommentForm
                      base={base}
                      postId={post.id}
                      parentId={c.id}
                      returnTo={returnTo}
                      submissionKey={`${submissionKey}-${c.id.slice(0, 8)}`}
                    />
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        ) : null}
        {canWrite && props.full ? (
          <CommentForm
            base={base}
            postId={post.id}
            returnTo={returnTo}
            submissionKey={`${submissionKey}-${post.id.slice(0, 8)}`}
          />
        ) : canWrite ? (
          <FoldedCommentForm
            base={base}
            postUrl={postUrl}
            postId={post.id}
            returnTo={returnTo}
            submissionKey={`${submissionKey}-${post.id.slice(0, 8)}`}
          />
        ) : null}
      </section>
    </article>
  );
}

/** The reactions a post has, as icons and counts (the names for screen readers). */
function ReactionCounts(props: { post: FeedPost }) {
  const { t } = useI18n();
  const given = reactionKinds.filter((kind) => (props.post.reactions[kind] ?? 0) > 0);
  if (!given.length) return null;
  return (
    <ul className="reaction-counts" aria-label={t("reactions.given")}>
      {given.map((kind) => (
        <li key={kind} data-reaction={kind}>
          <span aria-hidden="true">{reactionIcons[kind]}</span>
          <span className="sr-only">{t(`reactions.${kind}`)}</span>
          {` ${props.post.reactions[kind]}`}
        </li>
      ))}
    </ul>
  );
}

function Comment(props: {
  comment: FeedPost["comments"][number];
  postUrl: string;
  base: string;
  postId: string;
  viewerId: string | null;
  canModerate: boolean;
  reply?: boolean;
}) {
  const { comment, viewerId, canModerate } = props;
  const { t } = useI18n();
  const lang = useContentLang(comment.language);
  return (
    <div
      id={`comment-${comment.id}`}
      tabIndex={-1}
      className={`comment${props.reply ? " reply" : ""}`}
    >
      <p className="muted no-margin">
        <AuthorName author={comment.author} /> · <Time value={comment.createdAt} />
      </p>
      <RenderedHtml
        className="post-body"
        id={`comment:${comment.id}`}
        html={comment.bodyHtml}
        lang={lang}
      />
      {(viewerId !== null && viewerId === comment.author.id) || canModerate ? (
        <ConfirmAction
          action={props.base}
          label={t("posts.deleteComment")}
          question="posts.deleteCommentQuestion"
          confirmLabel="posts.deleteComment"
          fields={{ intent: "delete-comment", postId: props.postId, commentId: comment.id }}
        />
      ) : null}
    </div>
  );
}

/**
 * In a feed the comment box stays folded so that the posts themselves stay readable, and the
 * page carries one link per post instead of a whole form (issue 7: a feed's ten forms were a
 * sixth of its HTML). With JavaScript the link opens the form in place; without it, it leads
 * to the post's own page, where the form is.
 */
function FoldedCommentForm(props: Omit<CommentFormProps, "parentId"> & { postUrl: string }) {
  const { postUrl, ...formProps } = props;
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = commentFieldId(props.postId);
  useEffect(() => {
    if (open) document.getElementById(id)?.focus();
  }, [open, id]);
  if (open) return <CommentForm {...formProps} />;
  return (
    <p className="comment-toggle">
      <a
        href={`${postUrl}#${id}`}
        onClick={(event) => {
          // A new tab or window keeps the link's own meaning.
          if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {t("posts.writeComment")}
      </a>
    </p>
  );
}

const commentFieldId = (postId: string, parentId?: string) =>
  `new-comment-${postId}${parentId ? `-${parentId}` : ""}`;

type CommentFormProps = {
  base: string;
  postId: string;
  parentId?: string;
  returnTo: "feed" | "post" | "home";
  submissionKey: string;
};

function CommentForm(props: CommentFormProps) {
  const { t } = useI18n();
  const key = useComposerKey(props.submissionKey);
  const id = commentFieldId(props.postId, props.parentId);
  return (
    <CsrfForm
      key={key}
      method="post"
      action={props.base}
      className="stack comment-form"
      preventScrollReset
    >
      <input type="hidden" name="postId" value={props.postId} />
      {props.parentId ? <input type="hidden" name="parentId" value={props.parentId} /> : null}
      <input type="hidden" name="returnTo" value={props.returnTo} />
      <input type="hidden" name="submissionKey" value={key} />
      <TextArea
        id={id}
        name="body"
        label={t(props.parentId ? "posts.replyLabel" : "posts.commentLabel")}
        rows={2}
        maxLength={4000}
        required
      />
      <div className="composer-actions">
        <WrittenIn id={`${id}-language`} />
        <SubmitButton name="intent" value="comment" className="button secondary small">
          {t(props.parentId ? "posts.sendReply" : "posts.sendComment")}
        </SubmitButton>
      </div>
    </CsrfForm>
  );
}
