import { data, redirect, useActionData, useSearchParams } from "react-router";
import { checkSignIn } from "~/features/accounts/accounts.server";
import { safeRedirect } from "~/features/accounts/guard.server";
import { fieldErrors, signInSchema } from "~/features/accounts/schema";
import { createSession } from "~/features/accounts/sessions.server";
import { useI18n } from "~/i18n/context";
import { handleAction, messageValuesOf } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/signin";

export async function loader({ context }: Route.LoaderArgs) {
  if (await context.auth()) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = readForm(context);
  const email = String(form.email ?? "");
  const parsed = signInSchema.safeParse(form);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), email }, { status: 400 });
  }
  return handleAction(
    async () => {
      const { userId } = await checkSignIn({ ...parsed.data, ip: context.ip });
      const cookie = await createSession({
        userId,
        userAgent: request.headers.get("user-agent") ?? "",
        ip: context.ip,
      });
      return redirect(safeRedirect(form.next), { headers: { "Set-Cookie": cookie } });
    },
    { email },
  );
}

export default function SignIn() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <main id="main" className="page narrow">
      <title>{`${t("signin.title")} · Synergy`}</title>
      <h1>{t("signin.title")}</h1>
      {params.get("reset") === "1" ? (
        <FormMessage kind="success">{t("reset.done")}</FormMessage>
      ) : null}
      {params.get("verified") === "1" ? (
        <FormMessage kind="success">{t("verify.done")}</FormMessage>
      ) : null}
      {errors.form ? (
        <FormMessage kind="error">
          {t(errors.form, { minutes: 0, ...messageValuesOf(result) })}
        </FormMessage>
      ) : null}
      <CsrfForm method="post" className="stack" noValidate>
        <input type="hidden" name="next" value={params.get("next") ?? "/"} />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          defaultValue={result?.email}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          autoComplete="current-password"
          error={errors.password}
          required
        />
        <SubmitButton>{t("signin.submit")}</SubmitButton>
      </CsrfForm>
      <p className="section">
        <a href="/forgot-password">{t("signin.forgot")}</a>
      </p>
      <p>
        {t("signin.noAccount")} <a href={signUpHref(params.get("next"))}>{t("nav.signUp")}</a>
      </p>
    </main>
  );
}

/** Sign-up from here keeps the page the person was on their way to (a network to join). */
function signUpHref(next: string | null): string {
  return next && next !== "/" && !next.startsWith("/onboarding")
    ? `/signup?next=${encodeURIComponent(next)}`
    : "/signup";
}
