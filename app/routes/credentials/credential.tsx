import { useLoaderData } from "react-router";
import { findCredential, subjectOf } from "~/features/credentials/credentials.server";
import { issuerName } from "~/features/credentials/keys.server";
import { credentialPolicy } from "~/features/credentials/rules";
import { credentialIdSchema } from "~/features/credentials/schema";
import { useI18n } from "~/i18n/context";
import { handleLoader, httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { Time } from "~/ui/time";
import type { Route } from "./+types/credential";

/** The public page of a credential: what it certifies, to whom, by whom, when, and its status. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const id = credentialIdSchema.safeParse(params.id);
  if (!id.success) throw httpError(404, "credentials.notFound");
  const view = await handleLoader(() => findCredential(id.data));
  const actor = actorOf(await context.auth());
  const subject = subjectOf(view, actor?.id ?? null);
  const document = view.document as Record<string, unknown>;
  const achievement = (document.credentialSubject as { achievement?: Record<string, unknown> })
    ?.achievement;
  const criteria = (achievement?.criteria as { narrative?: string } | undefined)?.narrative ?? "";
  return {
    credential: {
      id: view.id,
      recipientName: view.recipientName,
      recipientId: view.userId,
      achievementName: view.achievementName,
      description: typeof achievement?.description === "string" ? achievement.description : "",
      criteria,
      issuedAt: view.issuedAt.toISOString(),
      validUntil: view.validUntil?.toISOString() ?? null,
      revokedAt: view.revokedAt?.toISOString() ?? null,
      revokedReason: view.revokedReason,
      expired: view.validUntil !== null && view.validUntil.getTime() <= Date.now(),
    },
    issuer: issuerName(),
    isHolder: subject.isHolder,
    canRevoke: credentialPolicy.can(actor, "revoke", subject),
  };
}

export default function CredentialPage() {
  const { credential: c, issuer, isHolder, canRevoke } = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page narrow-column">
      <title>{`${c.achievementName} · Synergy`}</title>
      <p className="muted">{t("credentials.page.eyebrow")}</p>
      <h1>{c.achievementName}</h1>
      {c.revokedAt ? (
        <p className="form-message error" role="status">
          {t("credentials.status.revoked")} <Time value={c.revokedAt} style="date" />
          {c.revokedReason ? ` — ${c.revokedReason}` : ""}
        </p>
      ) : c.expired && c.validUntil ? (
        <p className="form-message error" role="status">
          {t("credentials.status.expired")} <Time value={c.validUntil} style="date" />
        </p>
      ) : (
        <p className="form-message success" role="status">
          {t("credentials.status.valid")}
        </p>
      )}
      <dl className="facts">
        <dt>{t("credentials.page.recipient")}</dt>
        <dd>
          <a href={`/people/${c.recipientId}`}>{c.recipientName}</a>
        </dd>
        <dt>{t("credentials.page.issuer")}</dt>
        <dd>{issuer}</dd>
        <dt>{t("credentials.page.issued")}</dt>
        <dd>
          <Time value={c.issuedAt} style="date" />
        </dd>
        {c.validUntil ? (
          <>
            <dt>{t("credentials.page.validUntil")}</dt>
            <dd>
              <Time value={c.validUntil} style="date" />
            </dd>
          </>
        ) : null}
        {c.description ? (
          <>
            <dt>{t("credentials.page.about")}</dt>
            <dd>{c.description}</dd>
          </>
        ) : null}
        <dt>{t("credentials.page.criteria")}</dt>
        <dd>{c.criteria}</dd>
      </dl>
      <p className="row">
        <a className="button" href={`/credentials/${c.id}/credential.json`} download>
          {t("credentials.downloadJson")}
        </a>
        <a className="button secondary" href={`/credentials/${c.id}/certificate.pdf`}>
          {t("credentials.downloadPdf")}
        </a>
      </p>
      <p>
        {t("credentials.page.checkHint")} <a href="/verify">{t("credentials.verify.link")}</a>
      </p>
      {isHolder ? (
        <p>
          <a href="/badges">{t("credentials.page.myBadges")}</a>
        </p>
      ) : null}
      {canRevoke ? (
        <p>
          <a href={`/credentials/${c.id}/revoke`}>{t("credentials.revoke.link")}</a>
        </p>
      ) : null}
    </main>
  );
}
