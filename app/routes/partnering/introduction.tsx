import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import {
  fieldErrors,
  MAX_OUTCOME,
  MAX_STORY_BODY,
  MAX_STORY_TITLE,
  stageFormSchema,
  storyFormSchema,
} from "~/features/partnering/interest-schema";
import { openIntroductionConversation } from "~/features/partnering/interests.server";
import { getIntroduction, moveStage } from "~/features/partnering/introductions.server";
import { approveStory, introductionStory, writeStory } from "~/features/partnering/stories.server";
import { IntroductionStageForm } from "~/features/partnering/ui/introduction-stage";
import { PartneringNav } from "~/features/partnering/ui/partnering-nav";
import { countryName, sectorName } from "~/features/taxonomy/vocabulary.server";
import { useI18n } from "~/i18n/context";
import { localeNames, locales } from "~/i18n/i18n";
import { handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SelectField, SubmitButton, TextArea, TextField } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/introduction";

/**
 * One introduction, for either side: both organisations and the two people (now that both
 * agreed), the conversation, the stage and its history, and the partnership's story.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const intro = await handleLoader(() => getIntroduction({ actor, interestId: params.id }));
  const story = await introductionStory({ actor, interestId: params.id });
  const side = (s: typeof intro.publisher) => ({
    organisation: s.organisation
      ? {
          id: s.organisation.id,
          name: s.organisation.name,
          country: countryName(s.organisation.country, locale),
          website: s.organisation.website,
          sector: sectorName(s.organisation.nace_division, locale),
        }
      : null,
    person: s.person
      ? {
          ...s.person,
          country: s.person.country ? countryName(s.person.country, locale) : null,
        }
      : null,
  });
  return {
    id: intro.id,
    opportunityId: intro.opportunityId,
    title: intro.title,
    stage: intro.stage,
    publisher: side(intro.publisher),
    interested: side(intro.interested),
    updates: intro.updates.map((u) => ({ ...u, created_at: u.created_at.toISOString() })),
    conversationId: intro.conversationId,
    canOpenConversation: intro.canOpenConversation,
    // The person on the other side, to propose a meeting to (the acceptance connects them).
    otherPersonId: (intro.isPublisherSide ? intro.interested : intro.publisher).person?.id ?? null,
    locale,
    ...story,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const form = readForm(context);
  const back = redirect(`/partnering/introductions/${params.id}`);
  switch (form.intent) {
    case "stage": {
      const parsed = stageFormSchema.safeParse(form);
      if (!parsed.success) {
        return data(
          { ok: false, errors: fieldErrors(parsed.error), message: "form.fixErrors" },
          { status: 400 },
        );
      }
      return handleAction(async () => {
        await moveStage({ actor, interestId: params.id, ...parsed.data });
        return back;
      });
    }
    case "story": {
      const parsed = storyFormSchema.safeParse(form);
      if (!parsed.success) {
        return data(
          { ok: false, errors: fieldErrors(parsed.error), message: "form.fixErrors" },
          { status: 400 },
        );
      }
      return handleAction(async () => {
        await writeStory({ actor, interestId: params.id, form: parsed.data });
        return back;
      });
    }
    case "approve":
      return handleAction(async () => {
        await approveStory({ actor, interestId: params.id });
        return back;
      });
    case "conversation": {
      // Again, after an acceptance whose conversation could not be opened (idempotent).
      await handleLoader(() => getIntroduction({ actor, interestId: params.id }));
      const id = await openIntroductionConversation({
        actor,
        interestId: params.id,
        locale: resolveLocale(auth, context.requestLocale),
      });
      return id ? redirect(`/conversations/${id}`) : back;
    }
    default:
      throw httpError(400);
  }
}

type Side = ReturnType<typeof useLoaderData<typeof loader>>["publisher"];

function SideCard(props: { heading: string; side: Side }) {
  const { t } = useI18n();
  const { organisation, person } = props.side;
  return (
    <section className="card">
      <h2>{props.heading}</h2>
      {organisation ? (
        <>
          <p>
            <a href={`/organisations/${organisation.id}`}>{organisation.name}</a> ·{" "}
            {organisation.country}
            {organisation.sector ? ` · ${organisation.sector}` : ""}
          </p>
          {organisation.website ? (
            <p>
              {t("introductions.website")}{" "}
              <a href={organisation.website} rel="noopener noreferrer nofollow">
                {organisation.website}
              </a>
            </p>
          ) : null}
        </>
      ) : null}
      {person ? (
        <p>
          {t("introductions.person")} <a href={`/people/${person.id}`}>{person.name}</a>
          {person.headline ? ` · ${person.headline}` : ""}
          {person.country ? ` · ${person.country}` : ""}
        </p>
      ) : null}
    </section>
  );
}

export default function Introduction() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors = (result?.errors ?? {}) as Record<string, string>;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${loaded.title} · Synergy`}</title>
      <h1>{loaded.title}</h1>
      <PartneringNav />
      <p>
        <a href={`/partnering/${loaded.opportunityId}`}>{t("introductions.opportunity")}</a> ·{" "}
        <a href="/partnering/introductions">{t("introductions.title")}</a>
      </p>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <p className="badge">{t(`introductions.stage.${loaded.stage}`)}</p>
      <SideCard heading={t("introductions.publisher")} side={loaded.publisher} />
      <SideCard heading={t("introductions.interested")} side={loaded.interested} />
      <p className="hint">{t("introductions.contactNote")}</p>
      {loaded.conversationId ? (
        <p>
          <a className="button" href={`/conversations/${loaded.conversationId}`}>
            {t("introductions.conversation")}
          </a>
        </p>
      ) : loaded.canOpenConversation ? (
        <CsrfForm method="post">
          <input type="hidden" name="intent" value="conversation" />
          <SubmitButton>{t("introductions.openConversation")}</SubmitButton>
        </CsrfForm>
      ) : null}
      {loaded.otherPersonId && loaded.stage !== "ended" ? (
        <p>
          <a
            className="button secondary"
            href={`/meetings/new?with=${loaded.otherPersonId}&interest=${loaded.id}`}
          >
            {t("introductions.proposeMeeting")}
          </a>
        </p>
      ) : null}
      <section className="section">
        <h2>{t("introductions.history")}</h2>
        <ol>
          {loaded.updates.map((u) => (
            <li key={u.id}>
              {t(`introductions.stage.${u.stage}`)} · <Time value={u.created_at} />
              {u.author ? ` · ${u.author}` : ""}
              {u.outcome ? <p>{u.outcome}</p> : null}
            </li>
          ))}
        </ol>
        <IntroductionStageForm stage={loaded.stage} maxOutcome={MAX_OUTCOME} errors={errors} />
      </section>
      <section className="section">
        <h2>{t("stories.heading")}</h2>
        {loaded.story ? (
          <article lang={loaded.story.language}>
            <h3>{loaded.story.title}</h3>
            <p className="hint">
              {loaded.story.publishedAt ? t("stories.published") : t("stories.draft")}
              {loaded.story.writerName ? ` · ${loaded.story.writerName}` : ""}
            </p>
            <p>{loaded.story.body}</p>
          </article>
        ) : null}
        {loaded.canApprove ? (
          <CsrfForm method="post">
            <input type="hidden" name="intent" value="approve" />
            <SubmitButton>{t("stories.approve")}</SubmitButton>
          </CsrfForm>
        ) : null}
        {loaded.canWrite ? (
          <CsrfForm method="post" className="stack">
            <input type="hidden" name="intent" value="story" />
            <TextField
              name="title"
              label={t("stories.title")}
              maxLength={MAX_STORY_TITLE}
              defaultValue={loaded.story?.title ?? ""}
              error={errors.title}
            />
            <TextArea
              name="body"
              label={t("stories.body")}
              hint={t("stories.bodyHint")}
              rows={8}
              maxLength={MAX_STORY_BODY}
              defaultValue={loaded.story?.body ?? ""}
              error={errors.body}
            />
            <SelectField
              name="language"
              label={t("stories.language")}
              options={locales.map((l) => ({ value: l, label: localeNames[l] }))}
              defaultValue={loaded.story?.language ?? loaded.locale}
              error={errors.language}
            />
            <SubmitButton>{t("stories.save")}</SubmitButton>
          </CsrfForm>
        ) : !loaded.story ? (
          <p>{t("stories.whenActive")}</p>
        ) : null}
      </section>
    </main>
  );
}
