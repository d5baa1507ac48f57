import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { joinNetwork, leaveNetwork, MembershipError } from "~/features/networks/membership.server";
import { forgetSuggestions, markNetworkRead } from "~/features/networks/networks.server";
import { loadNetworkHeader } from "~/features/networks/page.server";
import {
  assertFacilitator,
  assertMember,
  requireNetworkAccess,
} from "~/features/networks/policy.server";
import {
  addComment,
  createPost,
  deleteComment,
  deletePost,
  listNetworkFeed,
  PostError,
  pinPost,
  toggleReaction,
} from "~/features/networks/posts.server";
import {
  commentReturnSchema,
  commentSchema,
  postSchema,
  reactionSchema,
} from "~/features/networks/schema";
import { LiveUpdates } from "~/features/networks/ui/live-updates";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { PostCard } from "~/features/networks/ui/post-card";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { acceptsUploads } from "~/lib/uploads";
import { PostedStatus, useComposerKey } from "~/ui/composer";
import { CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import { useUploadLimitMb } from "~/ui/limits";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/network";

/** Its forms carry files (photos, documents): the larger body limit applies. */
export const handle = acceptsUploads;

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  const after = decodeCursor(new URL(request.url).searchParams.get("after"));
  const viewerId = auth?.user.id ?? null;
  const feed = access.canRead
    ? await listNetworkFeed({ networkId: access.network.id, viewerId, after })
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
  body?: string;
};
const done = (message?: string): ActionResult => ({ ok: true, message });

export async function action({ params, request, context }: Route.ActionArgs) {
  const { user } = await requireUser(context, request);
  const access = await requireNetworkAccess(params.id, user.id);
  const networkId = access.network.id;
  const form = await readForm(request);
  // Anyone may leave; everything else needs a confirmed email address (no throwaway accounts).
  if (form.intent !== "leave" && !user.emailVerified) throw httpError(403, "auth.verifyFirst");
  const postId = String(form.postId ?? "");
  const fail = (status: number, message: string, extra: Partial<ActionResult> = {}) =>
    data<ActionResult>({ ok: false, message, ...extra }, { status });
  try {
    switch (form.intent) {
      case "join": {
        const outcome = await joinNetwork({ networkId, userId: user.id });
        forgetSuggestions(user.id);
        return done(outcome === "joined" ? "networks.joined" : "networks.requested");
      }
      case "leave":
        await leaveNetwork({ networkId, userId: user.id });
        return redirect(`/networks/${networkId}?left=1`);
      case "post": {
        assertMember(access);
        const parsed = postSchema.safeParse(form);
        if (!parsed.success) {
          return fail(400, "form.fixErrors", {
            errors: fieldErrors(parsed.error),
            body: String(form.body ?? ""),
          });
        }
        const post = await createPost({
          networkId,
          authorId: user.id,
          body: parsed.data.body,
          files: form.files,
          submissionKey: parsed.data.submissionKey,
        });
        // Lands on the new post, with an empty form (see useComposerKey).
        return redirect(`/networks/${networkId}?posted=${post.id}#post-${post.id}`);
      }
      case "comment": {
        assertMember(access);
        const parsed = commentSchema.safeParse(form);
        if (!parsed.success) return fail(400, fieldErrors(parsed.error).body ?? "form.invalid");
        const comment = await addComment({ networkId, postId, authorId: user.id, ...parsed.data });
        const posted = `?posted=${comment.id}#comment-${comment.id}`;
        // Back to the page the comment was written on, at the new comment.
        const from = commentReturnSchema.parse(form.returnTo);
        if (from === "post") return redirect(`/networks/${networkId}/posts/${postId}${posted}`);
        if (from === "home") return redirect(`/${posted}`);
        return redirect(`/networks/${networkId}${posted}`);
      }
      case "react": {
        assertMember(access);
        const parsed = reactionSchema.safeParse(form);
        if (!parsed.success) throw httpError(400);
        await toggleReaction({ networkId, postId, userId: user.id, kind: parsed.data.kind });
        return done();
      }
      case "delete-post":
        assertMember(access);
        await deletePost({
          networkId,
          postId,
          userId: user.id,
          isFacilitator: access.isFacilitator,
        });
        return done("posts.deleted");
      case "delete-comment":
        assertMember(access);
        await deleteComment({
          networkId,
          postId,
          commentId: String(form.commentId ?? ""),
          userId: user.id,
          isFacilitator: access.isFacilitator,
        });
        return done("posts.commentDeleted");
      case "pin":
      case "unpin":
        assertFacilitator(access);
        await pinPost({ networkId, postId, pinned: form.intent === "pin" });
        return done();
      default:
        throw httpError(400);
    }
  } catch (error) {
    if (error instanceof PostError || error instanceof MembershipError) {
      return fail(error.status, error.messageKey, { body: String(form.body ?? "") });
    }
    throw error;
  }
}

export default function Network() {
  const { network, feed, viewerId, isFirstPage, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const uploadLimitMb = useUploadLimitMb();
  const composerKey = useComposerKey(submissionKey);
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page">
      <title>{`${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      {params.get("welcome") === "1" ? (
        <FormMessage kind="success">{t("networks.welcome")}</FormMessage>
      ) : null}
      {params.get("left") === "1" ? (
        <FormMessage kind="success">{t("networks.left")}</FormMessage>
      ) : null}
      {result?.message ? (
        <FormMessage kind={result.ok ? "success" : "error"}>{t(result.message)}</FormMessage>
      ) : null}
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
                <TextField
                  name="files"
                  type="file"
                  multiple
                  label={t("posts.files")}
                  hint={t("posts.filesHint", { mb: uploadLimitMb })}
                />
                <SubmitButton name="intent" value="post">
                  {t("posts.publish")}
                </SubmitButton>
              </CsrfForm>
            </section>
          ) : null}
          {viewerId && feed ? <LiveUpdates streamUrl={`/networks/${network.id}/live`} /> : null}
          {feed.pinned.length && isFirstPage ? (
            <section aria-labelledby="pinned" className="section">
              <h2 id="pinned">{t("posts.pinnedHeading")}</h2>
              <ul className="feed">
                {feed.pinned.map((post) => (
                  <li key={post.id}>
                    <PostCard
                      post={post}
                      viewerId={viewerId}
                      canWrite={network.isMember}
                      canModerate={network.isFacilitator}
                      submissionKey={submissionKey}
                    />
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="feed" className="section">
            <h2 id="feed">{t("posts.feedHeading")}</h2>
            {feed.posts.length === 0 ? (
              <p>{t(network.isMember ? "posts.emptyMember" : "posts.empty")}</p>
            ) : (
              <ul className="feed">
                {feed.posts.map((post) => (
                  <li key={post.id}>
                    <PostCard
                      post={post}
                      viewerId={viewerId}
                      canWrite={network.isMember}
                      canModerate={network.isFacilitator}
                      submissionKey={submissionKey}
                    />
                  </li>
                ))}
              </ul>
            )}
            <Pager next={feed.next} isFirstPage={isFirstPage} />
          </section>
        </>
      )}
      {network.isMember ? (
        <CsrfForm method="post" className="section">
          <SubmitButton name="intent" value="leave" className="button secondary small">
            {t("networks.leave")}
          </SubmitButton>
        </CsrfForm>
      ) : null}
    </main>
  );
}
