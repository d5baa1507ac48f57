import { data, redirect, useActionData, useSearchParams } from "react-router";
import { AccountError, signUp } from "~/features/accounts/accounts.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors, signUpSchema } from "~/features/accounts/schema";
import { useI18n } from "~/i18n/context";
import { readForm } from "~/lib/form.server";
import { ChoiceGroup, CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/signup";

export async function loader({ context }: Route.LoaderArgs) {
  if (await context.auth()) throw redirect("/");
  return null;
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = await readForm(request);
  const values = {
    displayName: String(form.displayName ?? ""),
    email: String(form.email ?? ""),
    role: String(form.role ?? ""),
  };
  const parsed = signUpSchema.safeParse(form);
  if (!parsed.success) {
    return data({ errors: fieldErrors(parsed.error), values, retry: undefined }, { status: 400 });
  }
  const locale = resolveLocale(null, context.requestLocale);
  // Signing up through an invitation leads back to it once the address is confirmed.
  const invite = typeof form.invite === "string" ? form.invite : "";
  const next = invite ? `/invitations/${encodeURIComponent(invite)}` : "/onboarding/profile";
  try {
    // The same answer whether or not the address already has an account (its owner is told by
    // mail), so sign-up cannot be used to test addresses.
    await signUp({ ...parsed.data, locale, ip: context.ip, next });
    return redirect("/signup?sent=1");
  } catch (error) {
    if (error instanceof AccountError) {
      return data(
        { errors: { [error.field]: error.messageKey }, values, retry: error.values },
        { status: error.status },
      );
    }
    throw error;
  }
}

export default function SignUp() {
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values = result?.values;
  if (params.get("sent") === "1") {
    return (
      <main id="main" className="page narrow">
        <title>{`${t("signup.sentTitle")} · Synergy`}</title>
        <h1>{t("signup.sentTitle")}</h1>
        <FormMessage kind="success">{t("signup.sent")}</FormMessage>
        <p>
          <a className="button" href="/signin">
            {t("nav.signIn")}
          </a>
        </p>
      </main>
    );
  }
  return (
    <main id="main" className="page narrow">
      <title>{`${t("signup.title")} · Synergy`}</title>
      <h1>{t("signup.title")}</h1>
      <p>{t("signup.intro")}</p>
      {errors.form ? (
        <FormMessage kind="error">
          {t(errors.form, { minutes: result?.retry?.minutes ?? 15 })}
        </FormMessage>
      ) : null}
      <CsrfForm method="post" className="stack" noValidate>
        {params.get("invite") ? (
          <input type="hidden" name="invite" value={params.get("invite") ?? ""} />
        ) : null}
        <ChoiceGroup
          name="role"
          type="radio"
          legend={t("signup.roleLegend")}
          error={errors.role}
          selected={values?.role ? [values.role] : []}
          options={[
            { value: "owner", label: t("role.owner"), hint: t("signup.ownerHint") },
            { value: "educator", label: t("role.educator"), hint: t("signup.educatorHint") },
          ]}
        />
        <TextField
          name="displayName"
          label={t("profile.displayName")}
          autoComplete="name"
          defaultValue={values?.displayName}
          error={errors.displayName}
          required
        />
        <TextField
          name="email"
          type="email"
          label={t("auth.email")}
          autoComplete="email"
          defaultValue={values?.email}
          error={errors.email}
          required
        />
        <TextField
          name="password"
          type="password"
          label={t("auth.password")}
          hint={t("auth.passwordHint")}
          autoComplete="new-password"
          error={errors.password}
          required
        />
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </CsrfForm>
      <p className="section">
        {t("signup.haveAccount")} <a href="/signin">{t("nav.signIn")}</a>
      </p>
    </main>
  );
}
