import { data, redirect, useActionData, useSearchParams } from "react-router";
import { resetPassword } from "~/features/accounts/accounts.server";
import { fieldErrors, resetPasswordSchema } from "~/features/accounts/schema";
import { clearSessionCookie } from "~/features/accounts/sessions.server";
import { useI18n } from "~/i18n/context";
import { isDomainError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/reset-password";

export async function action({ context }: Route.ActionArgs) {
  const form = readForm(context);
  const parsed = resetPasswordSchema.safeParse(form);
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (errors.token) errors.form = "reset.invalid";
    return data({ errors }, { status: 400 });
  }
  let ok: boolean;
  try {
    ok = await resetPassword({ ...parsed.data, ip: context.ip });
  } catch (error) {
    if (isDomainError(error)) {
      return data(
        // The only refusal here is the rate limit; its message needs no figures.
        { errors: { form: "errors.tooMany" } as Record<string, string> },
        { status: error.status },
      );
    }
    throw error;
  }
  if (!ok)
    return data({ errors: { form: "reset.invalid" } as Record<string, string> }, { status: 400 });
  return redirect("/signin?reset=1", { headers: { "Set-Cookie": clearSessionCookie() } });
}

export default function ResetPassword() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const token = params.get("token") ?? "";
  return (
    <main id="main" className="page narrow">
      <title>{`${t("reset.title")} · Synergy`}</title>
      <h1>{t("reset.title")}</h1>
      {errors.form ? (
        <FormMessage kind="error">
          {t(errors.form)} <a href="/forgot-password">{t("reset.again")}</a>
        </FormMessage>
      ) : null}
      {token ? (
        <CsrfForm method="post" className="stack" noValidate>
          <input type="hidden" name="token" value={token} />
          <TextField
            name="password"
            type="password"
            label={t("auth.newPassword")}
            hint={t("auth.passwordHint")}
            autoComplete="new-password"
            error={errors.password}
            required
          />
          <SubmitButton>{t("reset.submit")}</SubmitButton>
        </CsrfForm>
      ) : (
        <FormMessage kind="error">
          {t("reset.invalid")} <a href="/forgot-password">{t("reset.again")}</a>
        </FormMessage>
      )}
    </main>
  );
}
