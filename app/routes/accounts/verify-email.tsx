import { data, redirect, useActionData, useLoaderData } from "react-router";
import { resendVerification, verifyEmail } from "~/features/accounts/accounts.server";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import { useI18n } from "~/i18n/context";
import { handleAction } from "~/lib/errors";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import type { Route } from "./+types/verify-email";

export async function loader({ request, context }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get("token");
  const auth = await context.auth();
  if (!token) {
    if (!auth) throw redirect("/signin?next=/verify-email");
    return {
      state: auth.user.emailVerified ? "verified" : "pending",
      email: auth.user.email,
    } as const;
  }
  if (token.length > 100) return data({ state: "invalid", email: "" } as const, { status: 400 });
  const result = await verifyEmail(token);
  if (!result.ok) {
    return data({ state: result.reason, email: "" } as const, { status: 400 });
  }
  if (auth && auth.user.id === result.userId && !auth.user.onboarded) {
    throw redirect("/onboarding/profile?verified=1");
  }
  // Sign-up does not sign anybody in: the confirmed person signs in next, then goes on.
  if (!auth) {
    const next = safeRedirect(new URL(request.url).searchParams.get("next"));
    throw redirect(`/signin?verified=1&next=${encodeURIComponent(next)}`);
  }
  return { state: "done", email: "" } as const;
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireUser(context, request);
  return handleAction(
    async () => {
      await resendVerification(user.id);
      return { sent: true as const };
    },
    { sent: false as const },
  );
}

export default function VerifyEmail() {
  const { state, email } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const messages = {
    done: t("verify.done"),
    verified: t("verify.already"),
    invalid: t("verify.invalid"),
    taken: t("verify.taken"),
    pending: t("verify.pending", { email }),
  } as const;
  return (
    <main id="main" className="page narrow">
      <title>{`${t("verify.title")} · Synergy`}</title>
      <h1>{t("verify.title")}</h1>
      {state === "invalid" || state === "taken" ? (
        <FormMessage kind="error">{messages[state]}</FormMessage>
      ) : (
        <p>{messages[state]}</p>
      )}
      {result?.sent ? <FormMessage kind="success">{t("verify.resent")}</FormMessage> : null}
      {result && !result.sent ? (
        <FormMessage kind="error">
          {t(result.message, { minutes: result.messageValues?.minutes ?? 0 })}
        </FormMessage>
      ) : null}
      {state === "pending" || state === "invalid" ? (
        <CsrfForm method="post" action="/verify-email">
          <SubmitButton className="button secondary">{t("verify.resend")}</SubmitButton>
        </CsrfForm>
      ) : (
        <p>
          <a className="button" href="/">
            {t("verify.continue")}
          </a>
        </p>
      )}
    </main>
  );
}
