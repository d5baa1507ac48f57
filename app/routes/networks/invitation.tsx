import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { acceptInvitation, findInvitation } from "~/features/networks/invitations.server";
import { useI18n } from "~/i18n/context";
import { handleAction } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import type { Route } from "./+types/invitation";

export async function loader({ params, context }: Route.LoaderArgs) {
  const invitation = await findInvitation(params.token);
  const auth = await context.auth();
  if (!invitation)
    return data(
      { invitation: null, signedIn: auth !== null, token: params.token },
      { status: 404 },
    );
  return {
    invitation: {
      name: invitation.name,
      purpose: invitation.purpose,
      full: invitation.memberCount >= invitation.memberCap,
    },
    signedIn: auth !== null,
    token: params.token,
  };
}

export async function action({ params, request, context }: Route.ActionArgs) {
  const actor = personOf(await requireUser(context, request));
  return handleAction(async () => {
    // acceptInvitation is authorized inside, on the invitation it locked.
    const { networkId } = await acceptInvitation({ actor, token: params.token });
    return redirect(`/networks/${networkId}?welcome=1`);
  });
}

export default function Invitation() {
  const { invitation, signedIn, token } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const here = `/invitations/${token}`;
  return (
    <main id="main" className="page narrow">
      <title>{`${t("invites.title")} · Synergy`}</title>
      <h1>
        {invitation ? t("invites.heading", { network: invitation.name }) : t("invites.title")}
      </h1>
      {result?.message ? <FormMessage kind="error">{t(result.message)}</FormMessage> : null}
      {!invitation ? (
        <FormMessage kind="error">{t("invites.invalid")}</FormMessage>
      ) : (
        <>
          <p className="lead">{invitation.purpose}</p>
          {invitation.full ? (
            <FormMessage kind="error">{t("networks.full")}</FormMessage>
          ) : signedIn ? (
            <CsrfForm method="post">
              <SubmitButton>{t("invites.accept")}</SubmitButton>
            </CsrfForm>
          ) : (
            <div className="actions">
              <a className="button" href={`/signup?invite=${encodeURIComponent(token)}`}>
                {t("invites.signUp")}
              </a>
              <a className="button secondary" href={`/signin?next=${encodeURIComponent(here)}`}>
                {t("invites.signIn")}
              </a>
            </div>
          )}
        </>
      )}
    </main>
  );
}
