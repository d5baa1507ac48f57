import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors } from "~/features/accounts/schema";
import {
  accountCreatedAt,
  findDirectConversation,
  findRecipients,
  startConversation,
  startSubject,
} from "~/features/conversations/conversations.server";
import { conversationPolicy, MAX_GROUP_SIZE } from "~/features/conversations/rules";
import { MAX_MESSAGE_LENGTH, MAX_TITLE_LENGTH, startSchema } from "~/features/conversations/schema";
import { topicLabel } from "~/features/taxonomy/vocabulary.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader, notFound, retryAfterHeaders } from "~/lib/errors";
import { asList, readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { FilesField } from "~/ui/files-field";
import { CsrfForm, FormMessage, SubmitButton, TextArea, TextField } from "~/ui/form";
import type { Route } from "./+types/conversation-new";

/** Its form carries files: the larger body limit applies. */
export const handle = acceptsUploads;

/**
 * `/conversations/new?to=<id>[&to=<id>…][&about=<topic>…]`: the composer for a new conversation
 * with these people. From a match on the home page, `about` names what the viewer wants to learn
 * and the first message is drafted from it (in the viewer's language); nothing is sent until they
 * send it. With one person they already have a conversation with, this opens that one.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const url = new URL(request.url);
  const to = url.searchParams.getAll("to").slice(0, MAX_GROUP_SIZE);
  const people = (await findRecipients(to)).filter((p) => p.id !== auth.user.id);
  const submissionKey = randomToken().slice(0, 24);
  // Without anyone named (a refused form posted without its query), the page shows the refusal.
  if (!to.length) return { people: [], draft: "", submissionKey };
  if (!people.length) {
    await handleLoader(async () => {
      throw notFound("conversations.personNotFound");
    });
  }
  const locale = resolveLocale(auth, context.requestLocale);
  const t = translatorFor(locale);
  const topics = url.searchParams
    .getAll("about")
    .slice(0, 5)
    .map((slug) => topicLabel(slug, locale));
  const firstName = people[0].display_name.split(/\s+/)[0] ?? people[0].display_name;
  const draft = topics.length
    ? t("conversations.askDraft", { name: firstName, topics: topics.join(", ") })
    : "";
  if (people.length === 1) {
    const existing = await findDirectConversation(auth.user.id, people[0].id);
    if (existing) {
      const query = draft ? `?draft=${encodeURIComponent(draft)}#reply` : "";
      throw redirect(`/conversations/${existing}${query}`);
    }
  }
  return {
    people: people.map((p) => ({ id: p.id, name: p.display_name })),
    draft,
    submissionKey,
  };
}

/** A refusal's Retry-After (too many new conversations) reaches the browser. */
export const headers = retryAfterHeaders;

export async function action({ request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const extra = { body: String(form.body ?? ""), title: String(form.title ?? "") };
  const parsed = startSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        ok: false as const,
        message: "form.fixErrors",
        errors: fieldErrors(parsed.error),
        ...extra,
      },
      { status: 400 },
    );
  }
  return handleAction(async () => {
    const wanted = [...new Set(asList(parsed.data.to))];
    const found = await findRecipients(wanted.filter((id) => id !== actor.id));
    if (found.length !== wanted.filter((id) => id !== actor.id).length) {
      throw notFound("conversations.personNotFound");
    }
    const subject = await startSubject(actor.id, wanted);
    const decision = conversationPolicy.authorize(actor, "start", subject);
    const started = await startConversation({
      decision,
      recipientIds: found.map((p) => p.id),
      title: parsed.data.title,
      body: parsed.data.body,
      files: form.files,
      submissionKey: parsed.data.submissionKey,
      accountCreatedAt: await accountCreatedAt(actor.id),
    });
    return redirect(`/conversations/${started.id}?posted=1`);
  }, extra);
}

export default function ConversationNew() {
  const { people, draft, submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = (result && "errors" in result ? result.errors : undefined) ?? {};
  const names = people.map((p) => p.name).join(", ");
  const isGroup = people.length > 1;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("conversations.newTitle")} · Synergy`}</title>
      <h1>
        {people.length ? t("conversations.newHeading", { names }) : t("conversations.newTitle")}
      </h1>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {people.length === 0 ? (
        <p>
          {t("conversations.startHint")} <a href="/people">{t("nav.people")}</a>
        </p>
      ) : (
        <CsrfForm method="post" encType="multipart/form-data" className="stack" noValidate>
          <input type="hidden" name="submissionKey" value={submissionKey} />
          {people.map((p) => (
            <input key={p.id} type="hidden" name="to" value={p.id} />
          ))}
          {isGroup ? (
            <TextField
              name="title"
              label={t("conversations.groupTitle")}
              hint={t("conversations.groupTitleHint")}
              defaultValue={result?.title ?? ""}
              error={errors.title}
              maxLength={MAX_TITLE_LENGTH}
            />
          ) : null}
          <TextArea
            name="body"
            label={t("conversations.messageLabel")}
            hint={t("posts.bodyHint")}
            defaultValue={result?.body ?? draft}
            error={errors.body}
            maxLength={MAX_MESSAGE_LENGTH}
            rows={6}
          />
          <FilesField error={errors.files} />
          <SubmitButton>{t("conversations.send")}</SubmitButton>
        </CsrfForm>
      )}
    </main>
  );
}
