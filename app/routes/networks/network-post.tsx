import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { editPost, getPostThread } from "~/features/networks/posts.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { postEditSchema, refusedAltTextIndex } from "~/features/networks/schema";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { PostCard } from "~/features/networks/ui/post-card";
import { PhotoDescriptions } from "~/features/networks/ui/post-files";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { authorLabel } from "~/ui/author-name";
import { PostedStatus } from "~/ui/composer";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { WrittenIn } from "~/ui/written-in";
import type { Route } from "./+types/network-post";

export async function loader({ params, context }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  await handleLoader(async () =>
    networkPolicy.authorize(actorOf(auth), "read", networkSubject(access)),
  );
  const viewerId = auth?.user.id ?? null;
  const post = await getPostThread({
    networkId: access.network.id,
    postId: params.postId,
    viewerId,
    inDocument: context.documentRequest,
  });
  if (!post) throw httpError(404, "posts.notFound");
  return { network: header, post, viewerId, submissionKey: randomToken().slice(0, 24) };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  await handleLoader(async () => networkPolicy.authorize(actor, "post", networkSubject(access)));
  const form = readForm(context);
  if (form.intent !== "edit") throw httpError(400);
  const parsed = postEditSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        errors: fieldErrors(parsed.error),
        altTextAt: refusedAltTextIndex(parsed.error),
        body: String(form.body ?? ""),
        message: "",
      },
      { status: 400 },
    );
  }
  const { body, language, descriptions } = parsed.data;
  return handleAction(
    async () => {
      // editContent (its author only) is authorized inside, once the post is found.
      await editPost({
        actor,
        network: networkSubject(access),
        postId: params.postId,
        body,
        // A form without the field (an older page) keeps the language as it was.
        language: "language" in form ? language : undefined,
        descriptions,
      });
      return redirect(`/networks/${access.network.id}/posts/${params.postId}`);
    },
    { body },
  );
}

export default function NetworkPost() {
  const { network, post, viewerId, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const isAuthor = viewerId !== null && viewerId === post.author.id;
  const photos = post.attachments.filter((a) => a.kind === "image");
  return (
    <main id="main" className="page">
      <title>{`${authorLabel(post.author, t)} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <PostedStatus />
      <PostCard
        post={post}
        viewerId={viewerId}
        canWrite={network.isMember}
        canModerate={network.isFacilitator}
        submissionKey={submissionKey}
        full
      />
      {isAuthor && network.isMember ? (
        <section className="section narrow-column" aria-labelledby="edit">
          <h2 id="edit">{t("posts.editHeading")}</h2>
          <CsrfForm method="post" className="stack" noValidate>
            <TextArea
              name="body"
              label={t("posts.bodyLabel")}
              defaultValue={result?.body ?? post.body}
              error={result?.errors?.body}
              rows={6}
              maxLength={10000}
            />
            <PhotoDescriptions
              networkId={network.id}
              photos={photos}
              error={result?.errors?.altText}
              errorAt={result && "altTextAt" in result ? result.altTextAt : undefined}
            />
            <div className="composer-actions">
              <WrittenIn
                id="edit-language"
                value={post.language}
                error={result?.errors?.language}
              />
              <SubmitButton name="intent" value="edit">
                {t("form.save")}
              </SubmitButton>
            </div>
          </CsrfForm>
        </section>
      ) : null}
      <p className="section">
        <a href={`/networks/${network.id}`}>{t("posts.backToFeed")}</a>
      </p>
    </main>
  );
}
