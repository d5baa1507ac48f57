import { data, useActionData, useLoaderData } from "react-router";
import { requestPasswordReset } from "~/features/accounts/accounts.server";
import { fieldErrors, forgotPasswordSchema } from "~/features/accounts/schema";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { handleAction, messageValuesOf } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { readSubmissionKey } from "~/lib/submission-key";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/forgot-password";

/** A key per filling-in of the form: sent twice (say after an error), it mails once. */
export function loader() {
  return { submissionKey: randomToken().slice(0, 24) };
}

export async function action({ context }: Route.ActionArgs) {
  const form = readForm(context);
  const parsed = forgotPasswordSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        sent: false,
        errors: fieldErrors(parsed.error),
        email: String(form.email ?? ""),
      },
      { status: 400 },
    );
  }
  const email = parsed.data.email;
  return handleAction(
    async () => {
      await requestPasswordReset({
        email,
        ip: context.ip,
        submissionKey: readSubmissionKey(form.submissionKey),
      });
      return { sent: true, errors: {} as Record<string, string>, email };
    },
    { sent: false, email },
  );
}

export default function ForgotPassword() {
  const { submissionKey } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <main id="main" className="page narrow">
      <title>{`${t("forgot.title")} · Synergy`}</title>
      <h1>{t("forgot.title")}</h1>
      {result?.sent ? (
        <FormMessage kind="success">{t("forgot.sent", { email: result.email })}</FormMessage>
      ) : (
        <>
          <p>{t("forgot.intro")}</p>
          {errors.form ? (
            <FormMessage kind="error">
              {t(errors.form, { minutes: 0, ...messageValuesOf(result) })}
            </FormMessage>
          ) : null}
          <CsrfForm method="post" className="stack" noValidate>
            <input type="hidden" name="submissionKey" value={submissionKey} />
            <TextField
              name="email"
              type="email"
              label={t("auth.email")}
              autoComplete="email"
              defaultValue={result?.email}
              error={errors.email}
              required
            />
            <SubmitButton>{t("forgot.submit")}</SubmitButton>
          </CsrfForm>
        </>
      )}
    </main>
  );
}
