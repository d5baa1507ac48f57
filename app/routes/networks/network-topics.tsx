import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { fieldErrors } from "~/features/accounts/schema";
import { createTopic, listTopics } from "~/features/networks/forum.server";
import {
  MAX_FORUM_BODY_LENGTH,
  MAX_TOPIC_TITLE_LENGTH,
  topicSchema,
} from "~/features/networks/forum-schema";
import { loadNetworkHeader } from "~/features/networks/page.server";
import { requireNetworkAccess } from "~/features/networks/policy.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { LiveUpdates } from "~/features/networks/ui/live-updates";
import { NetworkHeader } from "~/features/networks/ui/network-header";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { decodeCursor } from "~/lib/cursor";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { actorOf, personOf } from "~/lib/policy";
import { authorLabel } from "~/ui/author-name";
import { CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import { useContentLang, WrittenIn } from "~/ui/written-in";
import type { Route } from "./+types/network-topics";

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const { auth, access, header } = await loadNetworkHeader(params.id, context);
  const url = new URL(request.url);
  const after = decodeCursor(url.searchParams.get("after"));
  const page = {
    network: header,
    isFirstPage: after === null,
    deleted: url.searchParams.get("deleted") === "1",
    submissionKey: randomToken().slice(0, 24),
    // Sent with the page so the form's limits come from the schema without bundling it.
    limits: { title: MAX_TOPIC_TITLE_LENGTH, body: MAX_FORUM_BODY_LENGTH },
  };
  // Non-members of a request or invite network see the header (to ask to join), with a 403.
  if (!networkPolicy.can(actorOf(auth), "read", networkSubject(access))) {
    return data({ ...page, list: null }, { status: 403 });
  }
  const list = await listTopics({
    networkId: access.network.id,
    viewerId: auth?.user.id ?? null,
    after,
  });
  return { ...page, list };
}

type ActionResult = {
  ok: false;
  message: string;
  errors?: Record<string, string>;
  values: { title: string; body: string };
};

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const access = await requireNetworkAccess(params.id, actor.id);
  // Not allowed to write here: the error page, as for any page one may not use.
  const decision = await handleLoader(async () =>
    networkPolicy.authorize(actor, "post", networkSubject(access)),
  );
  const networkId = access.network.id;
  const form = readForm(context);
  if (form.intent !== "create-topic") throw httpError(400);
  const values = { title: String(form.title ?? ""), body: String(form.body ?? "") };
  const parsed = topicSchema.safeParse(form);
  if (!parsed.success) {
    return data<ActionResult>(
      { ok: false, message: "form.fixErrors", errors: fieldErrors(parsed.error), values },
      { status: 400 },
    );
  }
  return handleAction(
    async () => {
      const topic = await createTopic({ decision, ...parsed.data });
      return redirect(`/networks/${networkId}/topics/${topic.id}?posted=${topic.id}`);
    },
    { values },
  );
}

export default function NetworkTopics() {
  const { network, list, isFirstPage, deleted, submissionKey, limits } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = result?.errors ?? {};
  return (
    <main id="main" className="page">
      <title>{`${t("forum.title")} · ${network.name} · Synergy`}</title>
      <NetworkHeader network={network} />
      {deleted ? <FormMessage kind="success">{t("forum.topicDeleted")}</FormMessage> : null}
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {!list ? (
        <div className="card">
          <h2>{t("networks.membersOnlyTitle")}</h2>
          <p>{t("forum.membersOnly")}</p>
        </div>
      ) : (
        <>
          <h2>{t("forum.title")}</h2>
          <LiveUpdates streamUrl={`/networks/${network.id}/live`} />
          <p>{t("forum.intro")}</p>
          {network.isMember ? (
            <details className="card section" open={Boolean(result) || undefined}>
              <summary>
                <strong>{t("forum.newHeading")}</strong>
              </summary>
              <CsrfForm method="post" className="stack" noValidate>
                <input type="hidden" name="submissionKey" value={submissionKey} />
                <TextField
                  name="title"
                  label={t("forum.titleLabel")}
                  hint={t("forum.titleHint")}
                  defaultValue={result?.values.title}
                  error={errors.title}
                  maxLength={limits.title}
                  required
                />
                <TextArea
                  name="body"
                  label={t("forum.bodyLabel")}
                  hint={t("forum.bodyHint")}
                  defaultValue={result?.values.body}
                  error={errors.body}
                  maxLength={limits.body}
                  rows={6}
                  required
                />
                <div className="composer-actions">
                  <WrittenIn id="new-topic-language" error={errors.language} />
                  <SubmitButton name="intent" value="create-topic">
                    {t("forum.publish")}
                  </SubmitButton>
                </div>
              </CsrfForm>
            </details>
          ) : network.signedIn ? (
            <p className="muted">{t("forum.joinToWrite")}</p>
          ) : null}
          <section aria-label={t("forum.listHeading")} className="section">
            {list.topics.length === 0 ? (
              <p>{t(network.isMember ? "forum.emptyMember" : "forum.empty")}</p>
            ) : (
              <ul className="card-list">
                {list.topics.map((topic) => (
                  <li key={topic.id} className="card">
                    <TopicTitle
                      href={`/networks/${network.id}/topics/${topic.id}`}
                      title={topic.title}
                      language={topic.language}
                    />
                    <p className="muted no-margin">
                      {topic.answered ? (
                        <>
                          <span className="badge">{t("forum.answered")}</span>{" "}
                        </>
                      ) : null}
                      {t("forum.startedBy", { name: authorLabel(topic.author, t) })}
                      {" · "}
                      {t("forum.replies", { count: topic.replyCount })}
                      {" · "}
                      {t("forum.lastActivity")} <Time value={topic.lastActivityAt} />
                    </p>
                  </li>
                ))}
              </ul>
            )}
            <Pager next={list.next} isFirstPage={isFirstPage} />
          </section>
        </>
      )}
    </main>
  );
}

/** A topic's title in the list, marked with its language where it differs from the page's. */
function TopicTitle(props: { href: string; title: string; language: string | null }) {
  const lang = useContentLang(props.language);
  return (
    <h3 className="no-margin">
      <a href={props.href} lang={lang}>
        {props.title}
      </a>
    </h3>
  );
}
