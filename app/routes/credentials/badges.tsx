import { data, redirect, useActionData, useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import {
  findCredential,
  listBadges,
  setCredentialVisibility,
  subjectOf,
} from "~/features/credentials/credentials.server";
import { credentialPolicy } from "~/features/credentials/rules";
import { visibilitySchema } from "~/features/credentials/schema";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleAction } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { personOf } from "~/lib/policy";
import { CsrfForm, FormMessage, SubmitButton } from "~/ui/form";
import { Pager } from "~/ui/pager";
import { Time } from "~/ui/time";
import type { Route } from "./+types/badges";

/** My certificates and badges: download them, show them on my profile or hide them. */
export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const url = new URL(request.url);
  const after = decodeCursor(url.searchParams.get("after"));
  const { page, next } = await listBadges({ userId: auth.user.id, publicOnly: false, after });
  return {
    badges: page.map((b) => ({
      id: b.id,
      name: b.achievement_name,
      issuedAt: b.issued_at.toISOString(),
      revokedAt: b.revoked_at?.toISOString() ?? null,
      isPublic: b.is_public,
    })),
    next,
    isFirstPage: after === null,
  };
}

export async function action({ context, request }: Route.ActionArgs) {
  const auth = await requireUser(context, request);
  const actor = personOf(auth);
  const parsed = visibilitySchema.safeParse(readForm(context));
  if (!parsed.success) return data({ ok: false, message: "form.fixErrors" }, { status: 400 });
  return handleAction(async () => {
    // An unknown id is the feature's not-found (404); any other error is a bug and stays a 500.
    const view = await findCredential(parsed.data.credentialId);
    const decision = credentialPolicy.authorize(actor, "setVisibility", subjectOf(view, actor.id));
    await setCredentialVisibility(decision, {
      id: view.id,
      isPublic: parsed.data.intent === "show",
    });
    return redirect("/badges");
  });
}

export default function BadgesPage() {
  const { badges, next, isFirstPage } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("credentials.badges.title")} · Synergy`}</title>
      <h1>{t("credentials.badges.title")}</h1>
      <LearnNav />
      <p>{t("credentials.badges.intro")}</p>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {badges.length === 0 ? (
        <p className="muted">{t("credentials.badges.empty")}</p>
      ) : (
        <ul className="card-list">
          {badges.map((b) => (
            <li key={b.id} className="card">
              <h2>
                <a href={`/credentials/${b.id}`}>{b.name}</a>
              </h2>
              <p>
                {t("credentials.badges.issued")} <Time value={b.issuedAt} style="date" />
                {b.revokedAt ? (
                  <>
                    {" · "}
                    {t("credentials.status.revoked")} <Time value={b.revokedAt} style="date" />
                  </>
                ) : null}
              </p>
              <p className="row">
                <a href={`/credentials/${b.id}/credential.json`} download>
                  {t("credentials.downloadJson")}
                </a>
                <a href={`/credentials/${b.id}/certificate.pdf`}>{t("credentials.downloadPdf")}</a>
              </p>
              <CsrfForm method="post">
                <input type="hidden" name="credentialId" value={b.id} />
                <p className="hint">
                  {b.isPublic ? t("credentials.badges.shown") : t("credentials.badges.hidden")}
                </p>
                <SubmitButton
                  name="intent"
                  value={b.isPublic ? "hide" : "show"}
                  className="button secondary"
                >
                  {b.isPublic ? t("credentials.badges.hide") : t("credentials.badges.show")}
                </SubmitButton>
              </CsrfForm>
            </li>
          ))}
        </ul>
      )}
      <Pager next={next} isFirstPage={isFirstPage} />
      <p>
        <a href="/verify">{t("credentials.verify.link")}</a>
      </p>
    </main>
  );
}
