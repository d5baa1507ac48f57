import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  findCredential,
  revokeCredential,
  subjectOf,
} from "~/features/credentials/credentials.server";
import { credentialPolicy } from "~/features/credentials/rules";
import { credentialIdSchema, REVOKE_REASON_MAX, revokeSchema } from "~/features/credentials/schema";
import { useI18n } from "~/i18n/context";
import { conflict, handleAction, handleLoader, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import type { Route } from "./+types/credential-revoke";

async function load(id: string | undefined) {
  const parsed = credentialIdSchema.safeParse(id);
  if (!parsed.success) throw httpError(404, "credentials.notFound");
  return handleLoader(() => findCredential(parsed.data));
}

/** Revocation: installation admins and the course's owner, with a reason. */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const view = await load(params.id);
  await handleLoader(async () =>
    credentialPolicy.authorize(personOf(auth), "revoke", subjectOf(view, auth.user.id)),
  );
  return {
    credential: {
      id: view.id,
      achievementName: view.achievementName,
      recipient: view.recipientName,
    },
  };
}

export async function action({ params, context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const view = await load(params.id);
  const form = readForm(context);
  const parsed = revokeSchema.safeParse(form);
  if (!parsed.success) {
    const message = parsed.error.issues[0]?.message ?? "form.fixErrors";
    return data(
      {
        ok: false as const,
        message,
        errors: { reason: message },
        reason: String(form.reason ?? ""),
      },
      { status: 400 },
    );
  }
  return handleAction(
    async () => {
      const decision = credentialPolicy.authorize(actor, "revoke", subjectOf(view, actor.id));
      const revoked = await revokeCredential(decision, {
        id: view.id,
        reason: parsed.data.reason,
        byId: actor.id,
      });
      if (!revoked) throw conflict("credentials.alreadyRevoked");
      return redirect(`/credentials/${view.id}`);
    },
    { reason: parsed.data.reason },
  );
}

export default function RevokeCredentialPage() {
  const { credential } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("credentials.revoke.title")} · Synergy`}</title>
      <h1>{t("credentials.revoke.title")}</h1>
      <p>
        {t("credentials.revoke.intro", {
          course: credential.achievementName,
          person: credential.recipient,
        })}
      </p>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <CsrfForm method="post">
        <TextArea
          name="reason"
          label={t("credentials.revoke.reason")}
          hint={t("credentials.revoke.reasonHint")}
          required
          maxLength={REVOKE_REASON_MAX}
          rows={4}
          defaultValue={result && "reason" in result ? String(result.reason) : ""}
          error={result && "errors" in result ? result.errors?.reason : undefined}
        />
        <SubmitButton>{t("credentials.revoke.submit")}</SubmitButton>
      </CsrfForm>
      <p>
        <a className="button secondary" href={`/credentials/${credential.id}`}>
          {t("credentials.revoke.cancel")}
        </a>
      </p>
    </main>
  );
}
