import { data, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { addResourceFile, removeResourceFile } from "~/features/learning/files.server";
import { filesOf, readResourceSubject } from "~/features/learning/resources.server";
import { resourcePolicy } from "~/features/learning/rules";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { handleAction, handleLoader, invalid, notFound } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { type Person, personOf } from "~/lib/policy";
import { acceptsUploads } from "~/lib/uploads";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import type { Route } from "./+types/resource-files";

export const handle = acceptsUploads;

async function loadForFiles(actor: Person, id: string) {
  const found = await readResourceSubject(id, actor);
  if (!found) throw notFound();
  const decision = resourcePolicy.authorize(actor, "edit", found.subject);
  return { ...found, decision };
}

/** A resource's pictures and worksheets: upload, see the code that shows a picture, remove. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const actor = personOf(await requireUser(context, request));
  return handleLoader(async () => {
    const { row } = await loadForFiles(actor, params.id);
    const files = await filesOf(row.id);
    return {
      id: row.id,
      title: row.title,
      files: files.map((f) => ({
        id: f.id,
        kind: f.kind,
        filename: f.filename,
        sizeBytes: f.sizeBytes,
      })),
    };
  });
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  const { row, decision } = await handleLoader(() => loadForFiles(actor, params.id));
  const form = readForm(context);
  return handleAction(async () => {
    if (form.intent === "upload") {
      await addResourceFile({ decision, resourceId: row.id, kind: form.kind, file: form.file });
      return data({ ok: true as const, done: "learning.files.added" as MessageKey });
    }
    if (form.intent === "remove") {
      await removeResourceFile({ decision, resourceId: row.id, fileId: form.fileId });
      return data({ ok: true as const, done: "learning.files.removed" as MessageKey });
    }
    throw invalid();
  });
}

export default function ResourceFiles() {
  const { id, title, files } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("learning.files.title")} · Synergy`}</title>
      <p>
        <a href={`/learn/${id}/edit`}>{t("learning.edit.title")}</a>
      </p>
      <h1>{t("learning.files.title")}</h1>
      <p className="muted">{title}</p>
      {result && "done" in result ? (
        <FormMessage kind="success">{t(result.done)}</FormMessage>
      ) : result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <ul>
        {files.map((f) => (
          <li key={f.id}>
            <a href={`/learn/files/${f.id}`}>{f.filename}</a>{" "}
            <span className="muted">
              {t(f.kind === "image" ? "learning.files.image" : "learning.files.worksheet")}
            </span>
            {f.kind === "image" ? (
              <p>
                <code>{`![…](file:${f.id})`}</code>
              </p>
            ) : null}
            <CsrfForm method="post">
              <input type="hidden" name="intent" value="remove" />
              <input type="hidden" name="fileId" value={f.id} />
              <SubmitButton className="button secondary">{t("learning.files.remove")}</SubmitButton>
            </CsrfForm>
          </li>
        ))}
      </ul>
      <CsrfForm method="post" encType="multipart/form-data">
        <input type="hidden" name="intent" value="upload" />
        <fieldset className="field choices">
          <legend>{t("learning.files.kind")}</legend>
          <label className="choice">
            <input type="radio" name="kind" value="image" defaultChecked />{" "}
            {t("learning.files.image")}
          </label>
          <label className="choice">
            <input type="radio" name="kind" value="worksheet" /> {t("learning.files.worksheet")}
          </label>
        </fieldset>
        <div className="field">
          <label htmlFor="f-file">{t("learning.files.file")}</label>
          <input id="f-file" type="file" name="file" required />
        </div>
        <SubmitButton>{t("learning.files.upload")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}
