import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { blankResourceForm, resourceFormOptions } from "~/features/learning/page.server";
import {
  createResource,
  publishedContent,
  readAuthorFacts,
  readResourceSubject,
} from "~/features/learning/resources.server";
import { resourcePolicy } from "~/features/learning/rules";
import { formValuesOf, readResourceForm } from "~/features/learning/schema";
import { ResourceForm } from "~/features/learning/ui/resource-form";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, handleLoader, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Actor, personOf } from "~/lib/policy";
import { readSubmissionKey } from "~/lib/submission-key";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/resource-new";

/** The resource a "Translate" link starts from: one the person may read, live or their own. */
async function translationSource(actor: Actor, id: string | null) {
  if (!id) return null;
  const found = await readResourceSubject(id, actor);
  if (!found) throw notFound();
  resourcePolicy.authorize(actor, "view", found.subject);
  const content =
    found.subject.isAuthor || !found.subject.live
      ? found.row
      : { ...found.row, ...(await publishedContent(found.row)) };
  return { row: found.row, content };
}

/**
 * Start a learning resource: educators, facilitators, and owners who finished the owners'
 * induction; others see why and where the induction is. `?translate=<id>` starts a translation:
 * a new draft in the same translation group, prefilled with the original.
 */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const translate = new URL(request.url).searchParams.get("translate");
  const facts = await readAuthorFacts(actor.id);
  // The policy's verdict says why not (the page then shows where the induction is).
  const verdict = resourcePolicy.verdict(actor, "author", facts);
  if (verdict !== true) {
    return data(
      {
        refusal: verdict.messageKey,
        values: null,
        options: null,
        submissionKey: "",
        source: null,
      },
      { status: verdict.status },
    );
  }
  return handleLoader(async () => {
    const source = await translationSource(actor, translate);
    const values = source
      ? { ...formValuesOf(source.content, [], source.row.networkId), language: "", needIds: [] }
      : await blankResourceForm(actor.id);
    const options = await resourceFormOptions({ userId: actor.id, locale, values });
    return {
      refusal: null,
      values,
      options,
      submissionKey: randomToken().slice(0, 24),
      source: source ? { id: source.row.id, title: source.content.title } : null,
    };
  });
}

export async function action({ context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const facts = await readAuthorFacts(actor.id);
  const decision = await handleLoader(async () => resourcePolicy.authorize(actor, "author", facts));
  const translate = new URL(request.url).searchParams.get("translate");
  const source = await handleLoader(async () => translationSource(actor, translate));
  const form = readForm(context);
  const read = readResourceForm(form);
  const options = await resourceFormOptions({ userId: actor.id, locale, values: read.values });
  if (!read.input) {
    return data(
      { ok: false, errors: read.errors, values: read.values, options, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  const input = source ? { ...read.input, networkId: source.row.networkId } : read.input;
  const submissionKey = readSubmissionKey(form.submissionKey);
  return handleAction(
    async () => {
      const { id } = await createResource({
        decision,
        input,
        submissionKey,
        translationGroup: source?.row.translationGroup,
      });
      return redirect(`/learn/${id}`);
    },
    { values: read.values, options, errors: read.errors },
  );
}

export default function ResourceNew() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  if (loaded.refusal || !loaded.values || !loaded.options) {
    return (
      <main id="main" className="page narrow-column">
        <title>{`${t("learning.new.title")} · Synergy`}</title>
        <h1>{t("learning.new.title")}</h1>
        <FormMessage kind="error">{t(loaded.refusal ?? "errors.forbidden")}</FormMessage>
        <p>
          <a href="/courses">{t("learning.cannotAuthor.link")}</a>
        </p>
      </main>
    );
  }
  const title = loaded.source
    ? t("learning.translate.title", { title: loaded.source.title })
    : t("learning.new.title");
  const failed = result ?? null;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${title} · Synergy`}</title>
      <p>
        <a href="/learn">{t("learning.library.title")}</a>
      </p>
      <h1>{title}</h1>
      <p>{t(loaded.source ? "learning.translate.intro" : "learning.new.intro")}</p>
      {failed?.message ? <FormMessage kind="error">{t(failed.message)}</FormMessage> : null}
      <ResourceForm
        values={failed?.values ?? loaded.values}
        errors={failed?.errors ?? {}}
        options={failed?.options ?? loaded.options}
        submissionKey={loaded.submissionKey}
        isNew
      />
    </main>
  );
}
