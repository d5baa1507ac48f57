import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import {
  addReply,
  deleteReply,
  deleteTopic,
  type ForumReply,
  getTopic,
  markAnswered,
  replyPageCursor,
  unmarkAnswered,
} from "~/features/networks/forum.server";
import {
  MAX_FORUM_BODY_LENGTH,
  replyRefSchema,
  replySchema,
} from "~/features/networks/forum-schema";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { LiveUpdates } from "~/features/networks/ui/live-updates";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { type ConfirmRequest, confirmRequest, isConfirmed } from "~/lib/confirm";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { AuthorName, authorLabel } from "~/ui/author-name";
import { Avatar } from "~/ui/avatar";
import { PostedStatus, useComposerKey } from "~/ui/composer";
import { ConfirmAction, ConfirmPrompt } from "~/ui/confirm";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import { useContentLang, WrittenIn } from "~/ui/written-in";
import type { Route } from "./+types/network-topic";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  const page = {
    network: header,
    viewerId: auth?.user.id ?? null,
    isFirstPage: after === null,
    submissionKey: randomToken().slice(0, 24),
    // Sent with the page so the form's limit comes from the schema without bundling it.
    maxBodyLength: MAX_FORUM_BODY_LENGTH,
  };
  // Whether the topic exists is only told to those who may read the network.
  if (!networkPolicy.can(actorOf(auth), "read", networkSubject(access))) {
    return data({ ...page, topic: null }, { status: 403 });
  }
  const topic = await getTopic({
    networkId: access.network.id,
    topicId: params.topicId,
    viewerId: page.viewerId,
    after,
  });
  if (!topic) throw httpError(404, "forum.notFound");
  return { ...page, topic };
}

type ActionResult = {
  ok: boolean;
  confirm?: ConfirmRequest;
  message?: string;
  errors?: Record<string, string>;
  body?: string;
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  const net = networkSubject(access);
  const networkId = access.network.id;
  const topicId = params.topicId;
  const topicUrl = `/networks/${networkId}/topics/${topicId}`;
  const form = readForm(context);
  // The features authorize markAnswer / deleteContent once they know who wrote what.
  const moderator = { networkId, topicId, actor, network: net };
  const replyId = () => {
    const parsed = replyRefSchema.safeParse(form);
    if (!parsed.success) throw httpError(404, "forum.replyNotFound");
    return parsed.data.replyId;
  };
  const body = String(form.body ?? "");
  return handleAction(
    async () => {
      switch (form.intent) {
        case "reply": {
          const decision = networkPolicy.authorize(actor, "post", net);
          const parsed = replySchema.safeParse(form);
          if (!parsed.success) {
            return data<ActionResult>(
              { ok: false, message: "form.fixErrors", errors: fieldErrors(parsed.error), body },
              { status: 400 },
            );
          }
          const reply = await addReply({ decision, topicId, ...parsed.data });
          const after = await replyPageCursor({ networkId, topicId, replyId: reply.id });
          const page = after ? `after=${after}&` : "";
          return redirect(`${topicUrl}?${page}posted=${reply.id}#reply-${reply.id}`);
        }
        case "answer":
          await markAnswered({ ...moderator, replyId: replyId() });
          return data<ActionResult>({ ok: true, message: "forum.answerMarked" });
        case "unanswer":
          await unmarkAnswered(moderator);
          return data<ActionResult>({ ok: true, message: "forum.answerUnmarked" });
        case "delete-reply":
          if (!isConfirmed(form)) {
            const fields = { intent: "delete-reply", replyId: String(form.replyId ?? "") };
            return data<ActionResult>(
              confirmRequest("forum.deleteReplyQuestion", "forum.deleteReplyConfirm", fields),
            );
          }
          await deleteReply({ ...moderator, replyId: replyId() });
          return data<ActionResult>({ ok: true, message: "forum.replyDeleted" });
        case "delete-topic":
          if (!isConfirmed(form)) {
            const fields = { intent: "delete-topic" };
            return data<ActionResult>(
              confirmRequest("forum.deleteTopicQuestion", "forum.deleteTopicConfirm", fields),
            );
          }
          await deleteTopic(moderator);
          return redirect(`/networks/${networkId}/topics?deleted=1`);
        default:
          throw httpError(400);
      }
    },
    { body },
  );
}

export default function NetworkTopic() {
  const { network, topic, viewerId, isFirstPage, submissionKey, maxBodyLength } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const composerKey = useComposerKey(submissionKey);
  const topicLang = useContentLang(topic?.language);
  const base = `/networks/${network.id}`;
  if (!topic) {
    return (
      <main id="main" className="page">
        <title>{`${t("forum.title")} · ${network.name} · Synergy`}</title>
        <NetworkHeader network={network} />
        <div className="card">
          <h2>{t("networks.membersOnlyTitle")}</h2>
          <p>{t("forum.membersOnly")}</p>
        </div>
      </main>
    );
  }
  const topicUrl = `${base}/topics/${topic.id}`;
  const canWrite = network.isMember;
  const isTopicAuthor = viewerId !== null && viewerId === topic.author.id;
  const canMark = canWrite && (isTopicAuthor || network.isFacilitator);
  const errors = result?.errors ?? {};
  const replyProps = { topicUrl, viewerId, canWrite, canMark, canModerate: network.isFacilitator };
  return (
    <main id="main" className="page">
      <title>{`${topic.title} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      {viewerId ? <LiveUpdates streamUrl={`${base}/live`} /> : null}
      <p>
        <a href={`${base}/topics`}>← {t("forum.backToTopics")}</a>
      </p>
      {result?.message ? (
        <FormMessage kind={result.ok ? "success" : "error"}>{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt
        confirm={result && "confirm" in result ? result.confirm : undefined}
        action={topicUrl}
      />
      <PostedStatus />
      <article className="card section" aria-labelledby="topic-title">
        <h2 id="topic-title" lang={topicLang}>
          {topic.title}
        </h2>
        <div className="post-meta">
          <Avatar
            name={topic.author.former ? authorLabel(topic.author, t) : (topic.author.name ?? "")}
            photoKey={topic.author.photoKey}
          />
          <p className="muted no-margin">
            <AuthorName author={topic.author} /> · <Time value={topic.createdAt} />
            {topic.answer ? (
              <>
                {" "}
                <span className="badge">{t("forum.answered")}</span>
              </>
            ) : null}
          </p>
        </div>
        <MarkdownBody html={topic.bodyHtml} lang={topicLang} />
        {canWrite && (isTopicAuthor || network.isFacilitator) ? (
          <ConfirmAction
            action={topicUrl}
            label={t("forum.deleteTopic")}
            question="forum.deleteTopicQuestion"
            confirmLabel="forum.deleteTopicConfirm"
            fields={{ intent: "delete-topic" }}
          />
        ) : null}
      </article>
      {topic.answer && isFirstPage ? (
        <section className="section" aria-labelledby="answer">
          <h2 id="answer">{t("forum.answerHeading")}</h2>
          <Reply reply={topic.answer} isAnswer anchor={false} {...replyProps} />
        </section>
      ) : null}
      <section className="section" aria-labelledby="replies">
        <h2 id="replies">{t("forum.repliesHeading", { count: topic.replyCount })}</h2>
        {topic.replies.length === 0 && isFirstPage ? <p>{t("forum.noReplies")}</p> : null}
        <ul className="comments">
          {topic.replies.map((reply) => (
            <li key={reply.id}>
              <Reply
                reply={reply}
                isAnswer={reply.id === topic.answerReplyId}
                anchor
                {...replyProps}
              />
            </li>
          ))}
        </ul>
        <Pager next={topic.next} isFirstPage={isFirstPage} />
      </section>
      {canWrite ? (
        <section className="card section" aria-labelledby="reply-form">
          <h2 id="reply-form">{t("forum.replyHeading")}</h2>
          <CsrfForm key={composerKey} method="post" action={topicUrl} className="stack" noValidate>
            <input type="hidden" name="submissionKey" value={composerKey} />
            <TextArea
              name="body"
              label={t("forum.replyLabel")}
              hint={t("forum.bodyHint")}
              defaultValue={result?.ok === false ? result.body : undefined}
              error={errors.body}
              maxLength={maxBodyLength}
              rows={4}
              required
            />
            <div className="composer-actions">
              <WrittenIn id="reply-language" error={errors.language} />
              <SubmitButton name="intent" value="reply">
                {t("forum.sendReply")}
              </SubmitButton>
            </div>
          </CsrfForm>
        </section>
      ) : network.signedIn ? (
        <p className="muted">{t("forum.joinToWrite")}</p>
      ) : null}
    </main>
  );
}

function Reply(props: {
  reply: ForumReply;
  topicUrl: string;
  viewerId: string | null;
  canWrite: boolean;
  canMark: boolean;
  canModerate: boolean;
  isAnswer: boolean;
  /** The copy shown under "Answer" is not the reply's anchor; the one in the list is. */
  anchor: boolean;
}) {
  const { reply, topicUrl, canWrite, canMark, isAnswer } = props;
  const { t } = useI18n();
  const lang = useContentLang(reply.language);
  const canDelete =
    canWrite &&
    ((props.viewerId !== null && props.viewerId === reply.author.id) || props.canModerate);
  return (
    <div
      className="comment"
      id={props.anchor ? `reply-${reply.id}` : undefined}
      tabIndex={props.anchor ? -1 : undefined}
    >
      <p className="muted no-margin">
        <AuthorName author={reply.author} /> · <Time value={reply.createdAt} />
        {isAnswer ? (
          <>
            {" "}
            <span className="badge">{t("forum.isAnswer")}</span>
          </>
        ) : null}
      </p>
      <MarkdownBody html={reply.bodyHtml} lang={lang} />
      {canMark || canDelete ? (
        <div className="row">
          {canMark ? (
            <CsrfForm method="post" action={topicUrl} className="inline-form">
              <input type="hidden" name="replyId" value={reply.id} />
              <SubmitButton
                name="intent"
                value={isAnswer ? "unanswer" : "answer"}
                className="link-button"
              >
                {t(isAnswer ? "forum.unmarkAnswer" : "forum.markAnswer")}
              </SubmitButton>
            </CsrfForm>
          ) : null}
          {canDelete ? (
            <ConfirmAction
              action={topicUrl}
              label={t("forum.deleteReply")}
              question="forum.deleteReplyQuestion"
              confirmLabel="forum.deleteReplyConfirm"
              fields={{ intent: "delete-reply", replyId: reply.id }}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  );
}

/** HTML that markdown.ts built on the server from escaped text and a fixed set of tags. */
function MarkdownBody(props: { html: string; lang?: string }) {
  return (
    <div
      className="post-body"
      lang={props.lang}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: safe by construction (see markdown.ts)
      dangerouslySetInnerHTML={{ __html: props.html }}
    />
  );
}
