import { data, useActionData } from "react-router";
import { MAX_CREDENTIAL_BYTES, verifyCredentialText } from "~/features/credentials/verify.server";
import { LearnNav } from "~/features/learning/ui/learn-nav";
import { useI18n } from "~/i18n/context";
import { handleAction, invalid, retryAfterHeaders, tooLarge, tooMany } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { filesOf } from "~/lib/uploads.server";
import { CsrfForm, FormMessage, SubmitButton, TextArea } from "~/ui/form";
import { Time } from "~/ui/time";
import type { Route } from "./+types/verify";

export function loader() {
  return null;
}

/** A refusal's Retry-After (too many checks from this address) reaches the browser. */
export const headers = retryAfterHeaders;

/** Anyone pastes or uploads a credential and reads the verdict in words. */
export async function action({ context }: Route.ActionArgs) {
  const form = readForm(context);
  return handleAction(async () => {
    // Checking a signature costs the server tens of milliseconds: 30 a minute per address.
    const limit = await hitRateLimit(`verify:ip:${context.ip}`, 30, 60);
    if (!limit.allowed) {
      throw tooMany("credentials.verify.tooMany", { retryAfterSeconds: limit.retryAfterSeconds });
    }
    const [file] = filesOf(form.file);
    if (file && file.size > MAX_CREDENTIAL_BYTES) {
      throw tooLarge("credentials.verify.tooLarge", "credential");
    }
    const pasted = typeof form.credential === "string" ? form.credential.trim() : "";
    const input = file ? await file.text() : pasted;
    if (Buffer.byteLength(input) > MAX_CREDENTIAL_BYTES) {
      throw tooLarge("credentials.verify.tooLarge", "credential");
    }
    if (!input) throw invalid("credentials.verify.empty", "credential");
    const verdict = await verifyCredentialText(input);
    return data({ ok: true as const, verdict, pasted: file ? "" : pasted.slice(0, 20_000) });
  });
}

export default function VerifyPage() {
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const verdict = result && "verdict" in result ? result.verdict : null;
  return (
    <main id="main" className="page narrow-column">
      <title>{`${t("credentials.verify.title")} · Synergy`}</title>
      <h1>{t("credentials.verify.title")}</h1>
      <LearnNav />
      <p>{t("credentials.verify.intro")}</p>
      {result && "message" in result ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      {verdict ? (
        <section aria-labelledby="verdict-heading" className="section">
          <h2 id="verdict-heading">{t("credentials.verify.verdict")}</h2>
          {verdict.kind === "valid" ? (
            <FormMessage kind="success">
              <strong>{t("credentials.verify.valid")}</strong>{" "}
              {t("credentials.verify.validDetail", {
                person: verdict.recipientName,
                course: verdict.achievementName,
                issuer: verdict.issuerName,
              })}{" "}
              <Time value={verdict.validFrom} style="date" />
              {verdict.credentialId ? (
                <>
                  {" "}
                  <a href={`/credentials/${verdict.credentialId}`}>
                    {t("credentials.verify.open")}
                  </a>
                </>
              ) : null}
            </FormMessage>
          ) : verdict.kind === "expired" ? (
            <FormMessage kind="error">
              {t("credentials.verify.expired")} <Time value={verdict.on} style="date" />
            </FormMessage>
          ) : verdict.kind === "revoked" ? (
            <FormMessage kind="error">
              {t("credentials.verify.revoked")} <Time value={verdict.on} style="date" />
            </FormMessage>
          ) : verdict.kind === "not_yet_valid" ? (
            <FormMessage kind="error">
              {t("credentials.verify.notYetValid")} <Time value={verdict.on} style="date" />
            </FormMessage>
          ) : (
            <FormMessage kind="error">{t(`credentials.verify.${verdict.kind}`)}</FormMessage>
          )}
        </section>
      ) : null}
      <CsrfForm method="post" encType="multipart/form-data">
        <TextArea
          name="credential"
          label={t("credentials.verify.paste")}
          hint={t("credentials.verify.pasteHint")}
          rows={10}
          defaultValue={result && "pasted" in result ? result.pasted : ""}
          error={result && "errors" in result ? result.errors?.credential : undefined}
        />
        <div className="field">
          <label htmlFor="f-file">{t("credentials.verify.upload")}</label>
          <input id="f-file" type="file" name="file" accept=".json,application/json" />
        </div>
        <SubmitButton>{t("credentials.verify.submit")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}
