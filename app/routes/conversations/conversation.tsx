import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import {
  blockPerson,
  decideRequest,
  leaveConversation,
  listMessages,
  markRead,
  requireConversationAccess,
  sendMessage,
  setMuted,
} from "~/features/conversations/conversations.server";
import { conversationPolicy } from "~/features/conversations/rules";
import { MAX_MESSAGE_LENGTH, messageSchema } from "~/features/conversations/schema";
import { ConversationLive } from "~/features/conversations/ui/conversation-live";
import { MessageList } from "~/features/conversations/ui/message-list";
import { useI18n } from "~/i18n/context";
import { confirmRequest, isConfirmed } from "~/lib/confirm";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError, retryAfterHeaders } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { PostedStatus, useComposerKey } from "~/ui/composer";
import { ConfirmAction, ConfirmPrompt, confirmIn } from "~/ui/confirm";
import { FilesField } from "~/ui/files-field";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import type { Route } from "./+types/conversation";

/** Its composer carries files: the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const access = await handleLoader(() => requireConversationAccess(params.id, actor.id));
  const decision = await handleLoader(async () =>
    conversationPolicy.authorize(actor, "read", access.subject),
  );
  const url = new URL(request.url);
  const before = decodeCursor(url.searchParams.get("before"));
  const page = await listMessages({ decision, viewerId: actor.id, before });
  const newest = page.messages.at(-1);
  // Only the latest page marks the conversation read (an older page is history).
  if (!before && newest) await markRead({ decision, newestMessageId: newest.id });
  const subject = access.subject;
  return {
    conversation: access.conversation,
    others: access.others.filter((o) => o.status === "active"),
    viewerId: actor.id,
    folder: subject.me?.folder ?? "inbox",
    muted: access.muted,
    messages: page.messages,
    older: page.older,
    isLatest: before === null,
    canSend: conversationPolicy.can(actor, "send", subject),
    refusal: (() => {
      const verdict = conversationPolicy.verdict(actor, "send", subject);
      return verdict === true ? null : verdict.messageKey;
    })(),
    iBlockedOther: subject.iBlockedOther,
    draft: (url.searchParams.get("draft") ?? "").slice(0, MAX_MESSAGE_LENGTH),
    submissionKey: randomToken().slice(0, 24),
  };
}

type Form = Awaited<ReturnType<typeof readForm>>;

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await handleLoader(() => requireConversationAccess(params.id, actor.id));
  const form: Form = readForm(context);
  const intent = String(form.intent ?? "");
  const id = access.conversation.id;
  const subject = access.subject;
  const back = redirect(`/conversations/${id}`);
  // Someone who may not read the conversation (never in it, or left) gets the refusal as the
  // page itself: the page they posted from is not theirs to see again.
  const answer = conversationPolicy.can(actor, "read", subject) ? handleAction : handleLoader;
  return answer(
    async () => {
      switch (intent) {
        case "send": {
          const decision = conversationPolicy.authorize(actor, "send", subject);
          const parsed = messageSchema.safeParse(form);
          if (!parsed.success) {
            return data(
              {
                ok: false as const,
                message: "form.fixErrors",
                errors: fieldErrors(parsed.error),
                body: String(form.body ?? ""),
              },
              { status: 400 },
            );
          }
          const sent = await sendMessage({
            decision,
            body: parsed.data.body,
            files: form.files,
            submissionKey: parsed.data.submissionKey,
          });
          return redirect(`/conversations/${id}?posted=${sent.id}#message-${sent.id}`);
        }
        case "accept":
        case "decline": {
          const decision = conversationPolicy.authorize(actor, "decide", subject);
          await decideRequest({ decision, accept: intent === "accept" });
          return intent === "accept" ? back : redirect("/conversations?declined=1");
        }
        case "mute":
        case "unmute": {
          const decision = conversationPolicy.authorize(actor, "mute", subject);
          await setMuted({ decision, muted: intent === "mute" });
          return back;
        }
        case "leave": {
          const decision = conversationPolicy.authorize(actor, "leave", subject);
          // Leaving a group is not undone by the person who left: ask first (decision 030).
          if (!isConfirmed(form)) {
            return confirmRequest("conversations.leaveQuestion", "conversations.leaveConfirm", {
              intent: "leave",
            });
          }
          await leaveConversation({ decision });
          return redirect("/conversations?left=1");
        }
        case "block": {
          // Blocking from a direct conversation: the other person.
          conversationPolicy.authorize(actor, "read", subject);
          const other = access.others[0];
          if (access.conversation.kind !== "direct" || !other) throw httpError(400);
          const decision = conversationPolicy.authorize(actor, "block", { userId: other.userId });
          await blockPerson({ decision });
          return redirect("/conversations?blocked=1");
        }
        default:
          throw httpError(400);
      }
    },
    { body: String(form.body ?? "") },
  );
}

/** A refusal's Retry-After (sending too fast) reaches the browser. */
export const headers = retryAfterHeaders;

export default function Conversation() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const composerKey = useComposerKey(page.submissionKey);
  const errors = (result && "errors" in result ? result.errors : undefined) ?? {};
  const names = page.others.map((o) => o.displayName).join(", ");
  const heading = page.conversation.title || names || t("conversations.nobodyElse");
  const isGroup = page.conversation.kind === "group";
  const olderParams = new URLSearchParams(params);
  if (page.older) olderParams.set("before", page.older);
  const draft =
    result && "body" in result && typeof result.body === "string" ? result.body : page.draft;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${heading} · ${t("conversations.title")} · Synergy`}</title>
      <p>
        <a href="/conversations">{t("conversations.backToList")}</a>
      </p>
      <h1>{heading}</h1>
      {isGroup ? <p className="muted">{t("conversations.with", { names: names || "—" })}</p> : null}
      {result && "message" in result && result.message ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={confirmIn(result)} />
      {page.folder === "requests" ? (
        <section className="card section" aria-labelledby="request-heading">
          <h2 id="request-heading">{t("conversations.requestHeading")}</h2>
          <p>{t("conversations.requestExplained")}</p>
          <CsrfForm method="post" className="inline-form">
            <SubmitButton name="intent" value="accept">
              {t("conversations.accept")}
            </SubmitButton>{" "}
            <SubmitButton name="intent" value="decline" className="button secondary">
              {t("conversations.decline")}
            </SubmitButton>
          </CsrfForm>
        </section>
      ) : null}
      {page.isLatest ? null : (
        <p>
          <a href={`/conversations/${page.conversation.id}`}>{t("conversations.latest")}</a>
        </p>
      )}
      {page.older ? (
        <p>
          <a href={`?${olderParams.toString()}`} rel="prev">
            {t("conversations.older")}
          </a>
        </p>
      ) : null}
      <MessageList conversationId={page.conversation.id} messages={page.messages} />
      <ConversationLive streamUrl={`/conversations/${page.conversation.id}/live`} />
      {page.canSend ? (
        <section className="card section" aria-labelledby="reply">
          <h2 id="reply">{t("conversations.reply")}</h2>
          <PostedStatus />
          <CsrfForm
            key={composerKey}
            method="post"
            encType="multipart/form-data"
            className="stack"
            noValidate
          >
            <input type="hidden" name="submissionKey" value={composerKey} />
            <TextArea
              name="body"
              label={t("conversations.messageLabel")}
              hint={t("posts.bodyHint")}
              defaultValue={draft}
              error={errors.body}
              maxLength={MAX_MESSAGE_LENGTH}
              rows={4}
            />
            <FilesField error={errors.files} />
            <SubmitButton name="intent" value="send">
              {t("conversations.send")}
            </SubmitButton>
          </CsrfForm>
        </section>
      ) : page.refusal ? (
        <p className="notice">{t(page.refusal)}</p>
      ) : null}
      <section className="section" aria-labelledby="manage">
        <h2 id="manage" className="sr-only">
          {t("conversations.manage")}
        </h2>
        {isGroup ? (
          <div className="row">
            <CsrfForm method="post" className="inline-form">
              <SubmitButton
                name="intent"
                value={page.muted ? "unmute" : "mute"}
                className="button secondary small"
              >
                {t(page.muted ? "conversations.unmute" : "conversations.mute")}
              </SubmitButton>
            </CsrfForm>
            <ConfirmAction
              label={t("conversations.leave")}
              question="conversations.leaveQuestion"
              confirmLabel="conversations.leaveConfirm"
              fields={{ intent: "leave" }}
              className="button secondary small"
            />
          </div>
        ) : page.iBlockedOther ? (
          <a href="/settings/blocked">{t("conversations.manageBlocked")}</a>
        ) : (
          <CsrfForm method="post" className="inline-form">
            <SubmitButton name="intent" value="block" className="button secondary small">
              {t("conversations.block", { name: names })}
            </SubmitButton>
          </CsrfForm>
        )}
      </section>
    </main>
  );
}
