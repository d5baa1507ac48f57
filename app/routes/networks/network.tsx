import type { ComponentProps, ReactNode } from "react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { joinNetwork, leaveNetwork } from "~/features/networks/membership.server";
import { forgetSuggestions, markNetworkRead } from "~/features/networks/networks.server";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import {
  addComment,
  createPost,
  deleteComment,
  deletePost,
  listNetworkFeed,
  pinPost,
  toggleReaction,
} from "~/features/networks/posts.server";
import { type NetworkSubject, networkPolicy, networkSubject } from "~/features/networks/rules";
import {
  commentReturnSchema,
  commentSchema,
  postSchema,
  reactionSchema,
  refusedAltTextIndex,
} from "~/features/networks/schema";
import {
  HeldPostsProvider,
  LiveUpdates,
  useWithoutHeld,
} from "~/features/networks/ui/live-updates";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { PostCard } from "~/features/networks/ui/post-card";
import { PostFiles } from "~/features/networks/ui/post-files";
import { useI18n } from "~/i18n/context";
import { type ConfirmRequest, confirmRequest, isConfirmed } from "~/lib/confirm";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, type Person, personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { PostedStatus, useComposerKey } from "~/ui/composer";
import { ConfirmAction, ConfirmPrompt } from "~/ui/confirm";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { WrittenIn } from "~/ui/written-in";
import type { Route } from "./+types/network";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  const viewerId = auth?.user.id ?? null;
  const feed = networkPolicy.can(actorOf(auth), "read", networkSubject(access))
    ? await listNetworkFeed({
        networkId: access.network.id,
        viewerId,
        after,
        inDocument: context.documentRequest,
      })
    : null;
  // Written only when there is something new: most views of a feed change nothing.
  const newest = feed?.posts[0]?.createdAt;
  const lastRead = access.membership?.lastReadAt;
  if (access.isMember && viewerId && !after && newest && lastRead && new Date(newest) > lastRead) {
    await markNetworkRead({ networkId: access.network.id, userId: viewerId });
  }
  return {
    network: header,
    viewerId,
    feed,
    isFirstPage: after === null,
    submissionKey: randomToken().slice(0, 24),
  };
}

type ActionResult = {
  ok: boolean;
  message?: string;
  errors?: Record<string, string>;
  /** Which photo's description `errors.altText` is about. */
  altTextAt?: number;
  body?: string;
  confirm?: ConfirmRequest;
};
const done = (message?: string): ActionResult => ({ ok: true, message });

type Form = Awaited<ReturnType<typeof readForm>>;
/** What every intent works on: who acts, the network as the rules see it, the form. */
type Act = { actor: Person; net: NetworkSubject; networkId: string; postId: string; form: Form };

const fail = (status: number, message: string, extra: Partial<ActionResult> = {}) =>
  data<ActionResult>({ ok: false, message, ...extra }, { status });

async function join({ actor, networkId }: Act) {
  // The join rule runs inside, on the network row it locked.
  const outcome = await joinNetwork({ actor, networkId });
  forgetSuggestions(actor.id);
  return done(outcome === "joined" ? "networks.joined" : "networks.requested");
}

async function leave({ actor, networkId, form }: Act) {
  if (!isConfirmed(form)) {
    return confirmRequest("networks.leaveQuestion", "networks.leaveConfirm", { intent: "leave" });
  }
  await leaveNetwork({ actor, networkId });
  return redirect(`/networks/${networkId}?left=1`);
}

async function post({ actor, net, networkId, form }: Act) {
  const decision = networkPolicy.authorize(actor, "post", net);
  const parsed = postSchema.safeParse(form);
  if (!parsed.success) {
    return fail(400, "form.fixErrors", {
      errors: fieldErrors(parsed.error),
      altTextAt: refusedAltTextIndex(parsed.error),
      body: String(form.body ?? ""),
    });
  }
  const created = await createPost({
    decision,
    body: parsed.data.body,
    files: form.files,
    language: parsed.data.language,
    altTexts: parsed.data.altText,
    submissionKey: parsed.data.submissionKey,
  });
  // Lands on the new post, with an empty form (see useComposerKey).
  return redirect(`/networks/${networkId}?posted=${created.id}#post-${created.id}`);
}

async function comment({ actor, net, networkId, postId, form }: Act) {
  const decision = networkPolicy.authorize(actor, "comment", net);
  const parsed = commentSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    return fail(400, errors.body ?? errors.language ?? "form.invalid");
  }
  const added = await addComment({ decision, postId, ...parsed.data });
  const posted = `?posted=${added.id}#comment-${added.id}`;
  // Back to the page the comment was written on, at the new comment.
  const from = commentReturnSchema.parse(form.returnTo);
  if (from === "post") return redirect(`/networks/${networkId}/posts/${postId}${posted}`);
  if (from === "home") return redirect(`/${posted}`);
  return redirect(`/networks/${networkId}${posted}`);
}

async function react({ actor, net, postId, form }: Act) {
  const decision = networkPolicy.authorize(actor, "react", net);
  const parsed = reactionSchema.safeParse(form);
  if (!parsed.success) throw httpError(400);
  await toggleReaction({ decision, postId, kind: parsed.data.kind });
  return done();
}

async function removePost({ actor, net, networkId, postId, form }: Act) {
  if (!isConfirmed(form)) {
    const fields = { intent: "delete-post", postId };
    return confirmRequest("posts.deleteQuestion", "posts.deleteConfirm", fields);
  }
  // deleteContent is authorized inside, once the post's author is known.
  await deletePost({ actor, network: net, networkId, postId });
  return done("posts.deleted");
}

async function removeComment({ actor, net, networkId, postId, form }: Act) {
  const commentId = String(form.commentId ?? "");
  if (!isConfirmed(form)) {
    const fields = { intent: "delete-comment", postId, commentId };
    return confirmRequest("posts.deleteCommentQuestion", "posts.deleteComment", fields);
  }
  await deleteComment({ actor, network: net, networkId, postId, commentId });
  return done("posts.commentDeleted");
}

async function pin({ actor, net, networkId, postId, form }: Act) {
  const decision = networkPolicy.authorize(actor, "moderate", net);
  await pinPost({ decision, networkId, postId, pinned: form.intent === "pin" });
  return done();
}

type Answer = Promise<ActionResult | Response | ReturnType<typeof fail>>;

const intents: Record<string, (act: Act) => Answer> = {
  join,
  leave,
  post,
  comment,
  react,
  "delete-post": removePost,
  "delete-comment": removeComment,
  pin,
  unpin: pin,
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const access = await requireNetworkAccess(params.id, actor.id);
  const form = readForm(context);
  const intent = String(form.intent ?? "");
  if (!Object.hasOwn(intents, intent)) throw httpError(400);
  const act: Act = {
    actor,
    net: networkSubject(access),
    networkId: access.network.id,
    postId: String(form.postId ?? ""),
    form,
  };
  // Every refusal (the rules', the features') shows on the page with its status.
  return handleAction(() => intents[intent](act), {
    body: String(form.body ?? ""),
  });
}

export default function Network() {
  const { network, feed, viewerId, isFirstPage, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const composerKey = useComposerKey(submissionKey);
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page">
      <title>{`${network.name} · Synergy`}</title>
      {/*
        What just happened comes first: the main page's full header is a phone's whole first
        screen, and without JavaScript a confirmed deletion lands at the top of this page, where
        "The post was deleted." was out of sight below the header.
      */}
      {params.get("welcome") === "1" ? (
        <FormMessage kind="success">{t("networks.welcome")}</FormMessage>
      ) : null}
      {params.get("left") === "1" ? (
        <FormMessage kind="success">{t("networks.left")}</FormMessage>
      ) : null}
      {result?.message ? (
        <FormMessage kind={result.ok ? "success" : "error"}>{t(result.message)}</FormMessage>
      ) : null}
      <ConfirmPrompt confirm={result && "confirm" in result ? result.confirm : undefined} />
      <NetworkHeader network={network} full />
      {network.description ? <p>{network.description}</p> : null}
      {!feed ? (
        <div className="card">
          <h2>{t("networks.membersOnlyTitle")}</h2>
          <p>{t("networks.membersOnly")}</p>
        </div>
      ) : (
        <>
          {network.isMember ? (
            <section className="card section" aria-labelledby="new-post">
              <h2 id="new-post">{t("posts.newHeading")}</h2>
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
                  label={t("posts.bodyLabel")}
                  hint={t("posts.bodyHint")}
                  defaultValue={result?.ok === false ? result.body : undefined}
                  error={errors.body}
                  maxLength={10000}
                  rows={4}
                />
                <PostFiles
                  altTextError={errors.altText}
                  altTextErrorAt={result && "altTextAt" in result ? result.altTextAt : undefined}
                />
                <div className="composer-actions">
                  <WrittenIn id="new-post-language" error={errors.language} />
                  <SubmitButton name="intent" value="post">
                    {t("posts.publish")}
                  </SubmitButton>
                </div>
              </CsrfForm>
            </section>
          ) : null}
          {/* The feed leaves out the posts held behind "N new posts — show them". */}
          <HeldPostsProvider>
            {viewerId && feed ? (
              <LiveUpdates
                streamUrl={`/networks/${network.id}/live`}
                holdNewPostsFor={isFirstPage ? viewerId : undefined}
              />
            ) : null}
            {isFirstPage ? (
              <PostList
                posts={feed.pinned}
                viewerId={viewerId}
                canWrite={network.isMember}
                canModerate={network.isFacilitator}
                submissionKey={submissionKey}
              >
                {(list) => (
                  <section aria-labelledby="pinned" className="section">
                    <h2 id="pinned">{t("posts.pinnedHeading")}</h2>
                    {list}
                  </section>
                )}
              </PostList>
            ) : null}
            <section aria-labelledby="feed" className="section">
              <h2 id="feed">{t("posts.feedHeading")}</h2>
              <PostList
                posts={feed.posts}
                viewerId={viewerId}
                canWrite={network.isMember}
                canModerate={network.isFacilitator}
                submissionKey={submissionKey}
                empty={<p>{t(network.isMember ? "posts.emptyMember" : "posts.empty")}</p>}
              />
              <Pager next={feed.next} isFirstPage={isFirstPage} posts />
            </section>
          </HeldPostsProvider>
        </>
      )}
      {network.isMember ? (
        <div className="section">
          <ConfirmAction
            label={t("networks.leave")}
            className="button secondary small"
            question="networks.leaveQuestion"
            confirmLabel="networks.leaveConfirm"
            fields={{ intent: "leave" }}
          />
        </div>
      ) : null}
    </main>
  );
}

/**
 * A list of posts without those held behind "N new posts — show them" (nothing, or `empty`,
 * when none is left); `children` wraps a list that has posts, e.g. in its own section.
 */
function PostList(props: {
  posts: ComponentProps<typeof PostCard>["post"][];
  viewerId: string | null;
  canWrite: boolean;
  canModerate: boolean;
  submissionKey: string;
  empty?: ReactNode;
  children?: (list: ReactNode) => ReactNode;
}) {
  const posts = useWithoutHeld(props.posts);
  if (posts.length === 0) return props.empty ?? null;
  const list = (
    <ul className="feed">
      {posts.map((post) => (
        <li key={post.id}>
          <PostCard
            post={post}
            viewerId={props.viewerId}
            canWrite={props.canWrite}
            canModerate={props.canModerate}
            submissionKey={props.submissionKey}
          />
        </li>
      ))}
    </ul>
  );
  return props.children ? props.children(list) : list;
}
