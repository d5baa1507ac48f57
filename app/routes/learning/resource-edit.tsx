import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { resourceFormOptions } from "~/features/learning/page.server";
import {
  coauthorEmails,
  readResourceSubject,
  updateResource,
} from "~/features/learning/resources.server";
import { resourcePolicy } from "~/features/learning/rules";
import { formValuesOf, readResourceForm } from "~/features/learning/schema";
import { ResourceForm } from "~/features/learning/ui/resource-form";
import { useI18n } from "~/i18n/context";
import { handleAction, handleLoader, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Person, personOf } from "~/lib/policy";
import { FormMessage } from "~/ui/form";
import type { Route } from "./+types/resource-edit";

async function loadForEdit(actor: Person, id: string) {
  const found = await readResourceSubject(id, actor);
  if (!found) throw notFound();
  const decision = resourcePolicy.authorize(actor, "edit", found.subject);
  return { ...found, decision };
}

/** Change the working copy of a resource: its authors, while no version waits for review. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  return handleLoader(async () => {
    const { row, subject } = await loadForEdit(actor, params.id);
    const values = formValuesOf(row, await coauthorEmails(row.id), row.networkId);
    const options = await resourceFormOptions({ userId: actor.id, locale, values });
    return { id: row.id, values, options, live: subject.live };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const locale = resolveLocale(auth, context.requestLocale);
  const { row, decision } = await handleLoader(() => loadForEdit(actor, params.id));
  const form = readForm(context);
  const read = readResourceForm({ ...form, language: row.language });
  const options = await resourceFormOptions({ userId: actor.id, locale, values: read.values });
  if (!read.input) {
    return data(
      { ok: false, errors: read.errors, values: read.values, options, message: "form.fixErrors" },
      { status: 400 },
    );
  }
  const input = read.input;
  return handleAction(
    async () => {
      await updateResource({ decision, row, input });
      return redirect(`/learn/${row.id}`);
    },
    { values: read.values, options, errors: read.errors },
  );
}

export default function ResourceEdit() {
  const loaded = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("learning.edit.title")} · Synergy`}</title>
      <p>
        <a href={`/learn/${loaded.id}`}>{t("learning.versions.back")}</a>
      </p>
      <h1>{t("learning.edit.title")}</h1>
      {loaded.live ? <p>{t("learning.edit.liveNotice")}</p> : null}
      <p>
        <a href={`/learn/${loaded.id}/files`}>{t("learning.files.link")}</a>
      </p>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      <ResourceForm
        values={result?.values ?? loaded.values}
        errors={result?.errors ?? {}}
        options={result?.options ?? loaded.options}
        isNew={false}
      />
    </main>
  );
}
