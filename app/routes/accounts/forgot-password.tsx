import { data, useActionData, useLoaderData } from "react-router";
import { AccountError, requestPasswordReset } from "~/features/accounts/accounts.server";
import { fieldErrors, forgotPasswordSchema } from "~/features/accounts/schema";
import { useI18n } from "~/i18n/context";
import { randomToken } from "~/lib/crypto.server";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/forgot-password";

/** A key per filling-in of the form: sent twice (say after an error), it mails once. */
export function loader() {
  return { submissionKey: randomToken().slice(0, 24) };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const parsed = forgotPasswordSchema.safeParse(form);
  if (!parsed.success) {
    return data(
      {
        sent: false,
        errors: fieldErrors(parsed.error),
        email: String(form.email ?? ""),
        minutes: 0,
      },
      { status: 400 },
    );
  }
  try {
    const submissionKey = String(form.submissionKey ?? "");
    await requestPasswordReset({
      email: parsed.data.email,
      ip: context.ip,
      submissionKey: /^[A-Za-z0-9_-]{10,64}$/.test(submissionKey) ? submissionKey : undefined,
    });
  } catch (error) {
    if (error instanceof AccountError) {
      return data(
        {
          sent: false,
          errors: { form: error.messageKey },
          email: parsed.data.email,
          minutes: error.values?.minutes ?? 0,
        },
        { status: error.status },
      );
    }
    throw error;
  }
  return { sent: true, errors: {} as Record<string, string>, email: parsed.data.email, minutes: 0 };
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
              {t(errors.form, { minutes: result?.minutes ?? 0 })}
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
