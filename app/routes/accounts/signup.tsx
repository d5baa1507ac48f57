import { useEffect, useState } from "react";
import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { signUp } from "~/features/accounts/accounts.server";
import { safeRedirect } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { fieldErrors, signUpSchema, timeZoneSchema } from "~/features/accounts/schema";
import { proposedTimeZone } from "~/features/accounts/time-zone.server";
import { useI18n } from "~/i18n/context";
import { handleAction, messageValuesOf } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { ErrorSummary } from "~/ui/error-summary";
import { ChoiceGroup, CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import type { Route } from "./+types/signup";

export async function loader({ context, request }: Route.LoaderArgs) {
  if (await context.auth()) throw redirect("/");
  const locale = resolveLocale(null, context.requestLocale);
  return {
    proposedTimeZone: proposedTimeZone(request.headers.get("cookie"), locale),
    // Only a path on this site is carried on; anything else is dropped here already.
    returnTo: safeRedirect(new URL(request.url).searchParams.get("next"), ""),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const form = readForm(context);
  const values = {
    displayName: String(form.displayName ?? ""),
    email: String(form.email ?? ""),
    role: String(form.role ?? ""),
    timeZone: typeof form.timeZone === "string" ? form.timeZone : "",
  };
  const locale = resolveLocale(null, context.requestLocale);
  const parsed = signUpSchema.safeParse(form);
  // The page's script sends the browser's zone; a form sent without it gets the proposal.
  const zone = values.timeZone
    ? timeZoneSchema.safeParse(values.timeZone)
    : { success: true as const, data: proposedTimeZone(request.headers.get("cookie"), locale) };
  if (!parsed.success || !zone.success) {
    const errors = {
      ...(parsed.success ? {} : fieldErrors(parsed.error)),
      ...(zone.success ? {} : { timeZone: "timeZone.invalid" }),
    };
    return data({ errors, values }, { status: 400 });
  }
  // Signing up through an invitation leads back to it once the address is confirmed; any other
  // page the visitor came from (a network they pressed "Join" on) comes after onboarding.
  const invite = typeof form.invite === "string" ? form.invite : "";
  const returnTo = safeRedirect(form.next, "");
  const next = invite
    ? `/invitations/${encodeURIComponent(invite)}`
    : returnTo
      ? `/onboarding/profile?next=${encodeURIComponent(returnTo)}`
      : "/onboarding/profile";
  return handleAction(
    async () => {
      // The same answer whether or not the address already has an account (its owner is told by
      // mail), so sign-up cannot be used to test addresses.
      await signUp({ ...parsed.data, locale, timeZone: zone.data, ip: context.ip, next });
      return redirect("/signup?sent=1");
    },
    { values },
  );
}

export default function SignUp() {
  const { proposedTimeZone, returnTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useI18n();
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  const values = result?.values;
  // The role the home page's "Join as …" chose (shown and changeable), unless the form says.
  const askedRole = params.get("as");
  const role = values?.role || (askedRole === "owner" || askedRole === "educator" ? askedRole : "");
  const [timeZone, setTimeZone] = useState(values?.timeZone || proposedTimeZone);
  // The browser's zone is read after hydration, never during render, so that the server's HTML
  // and the first client render agree; without JavaScript the server's proposal is sent.
  useEffect(() => {
    try {
      const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      if (browserZone) setTimeZone(browserZone);
    } catch {
      // A browser without Intl time zones keeps the proposal.
    }
  }, []);
  // A zone the server refused (a browser with a zone list unlike ours) gives way to the proposal,
  // so that sending the form again works.
  const refusedZone = Boolean(result?.errors && "timeZone" in result.errors);
  useEffect(() => {
    if (refusedZone) setTimeZone(proposedTimeZone);
  }, [refusedZone, proposedTimeZone]);
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
      <ErrorSummary
        errors={[
          {
            field: "form",
            message: errors.form ?? "",
            values: { minutes: 15, ...messageValuesOf(result) },
          },
          { field: "role", message: errors.role ?? "" },
          { field: "displayName", message: errors.displayName ?? "" },
          { field: "email", message: errors.email ?? "" },
          { field: "password", message: errors.password ?? "" },
        ]}
      />
      {/* The return path and an invitation travel as fields, never in the address posted to. */}
      <CsrfForm method="post" action="/signup" className="stack" noValidate>
        {returnTo ? <input type="hidden" name="next" value={returnTo} /> : null}
        {params.get("invite") ? (
          <input type="hidden" name="invite" value={params.get("invite") ?? ""} />
        ) : null}
        <ChoiceGroup
          id="f-role"
          name="role"
          type="radio"
          legend={t("signup.roleLegend")}
          error={errors.role}
          selected={role ? [role] : []}
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
        <input type="hidden" name="timeZone" value={timeZone} />
        {errors.timeZone ? (
          <FormMessage kind="error">{t(errors.timeZone)}</FormMessage>
        ) : (
          <p className="muted" id="signup-time-zone">
            {t("timeZone.signupNote", { zone: timeZone })}
          </p>
        )}
        <SubmitButton>{t("signup.submit")}</SubmitButton>
      </CsrfForm>
      <p className="section">
        {t("signup.haveAccount")} <a href="/signin">{t("nav.signIn")}</a>
      </p>
    </main>
  );
}
