import { data, redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { changePassword, requestEmailChange } from "~/features/accounts/accounts.server";
import { deviceOf } from "~/features/accounts/device-name";
import { requireUser } from "~/features/accounts/guard.server";
import {
  changeEmailSchema,
  changePasswordSchema,
  fieldErrors,
  timeZoneSchema,
} from "~/features/accounts/schema";
import {
  clearSessionCookie,
  listSessions,
  revokeAllSessions,
  revokeSession,
} from "~/features/accounts/sessions.server";
import { changeTimeZone, timeZoneGroups } from "~/features/accounts/time-zone.server";
import {
  cancelAccountDeletion,
  DELETION_GRACE_DAYS,
  pendingDeletion,
  requestAccountDeletion,
} from "~/features/privacy/deletion.server";
import { latestDataExport, requestDataExport } from "~/features/privacy/export.server";
import { deleteAccountSchema } from "~/features/privacy/schema";
import { useI18n } from "~/i18n/context";
import { handleAction, httpError, invalid, messageValuesOf, retryAfterHeaders } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import { formatDate, formatDateTime } from "~/ui/format";
import type { Route } from "./+types/settings-account";

export const headers = retryAfterHeaders;

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user, sessionId } = await requireUser(context, request);
  const [sessions, dataExport, deletionDueAt] = await Promise.all([
    listSessions(user.id),
    latestDataExport(user.id),
    pendingDeletion(user.id),
  ]);
  return {
    dataExport: dataExport && {
      ...dataExport,
      createdAt: dataExport.createdAt.toISOString(),
      expiresAt: dataExport.expiresAt?.toISOString() ?? null,
    },
    deletionDueAt: deletionDueAt?.toISOString() ?? null,
    graceDays: DELETION_GRACE_DAYS,
    email: user.email,
    emailVerified: user.emailVerified,
    timeZone: user.timeZone,
    timeZoneGroups: timeZoneGroups(),
    sessions: sessions.map((s) => ({
      key: s.id.slice(0, 16),
      device: deviceOf(s.userAgent),
      userAgent: s.userAgent,
      ip: s.ip,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
      isCurrent: s.id === sessionId,
    })),
  };
}

type Result = { intent: string; ok: boolean; errors: Record<string, string> };
type Form = Awaited<ReturnType<typeof readForm>>;
type Signed = Awaited<ReturnType<typeof requireUser>>;

const done = (intent: string) => data<Result>({ intent, ok: true, errors: {} });
const refused = (intent: string, errors: Record<string, string>) =>
  data<Result>({ intent, ok: false, errors }, { status: 400 });

async function changeOwnPassword({ user, sessionId }: Signed, form: Form) {
  const parsed = changePasswordSchema.safeParse(form);
  if (!parsed.success) return refused("password", fieldErrors(parsed.error));
  await changePassword({ userId: user.id, sessionId, ...parsed.data });
  return done("password");
}

async function changeOwnEmail({ user }: Signed, form: Form) {
  const parsed = changeEmailSchema.safeParse(form);
  if (!parsed.success) return refused("email", fieldErrors(parsed.error));
  await requestEmailChange({ userId: user.id, ...parsed.data });
  return done("email");
}

async function changeOwnTimeZone({ user }: Signed, form: Form) {
  const parsed = timeZoneSchema.safeParse(form.timeZone);
  if (!parsed.success) return refused("time-zone", { timeZone: "timeZone.invalid" });
  await changeTimeZone({ userId: user.id, timeZone: parsed.data });
  // A fresh request, so that this page and its footer are rendered with the new zone (this
  // request's session was read before the change).
  return redirect("/settings/account?saved=time-zone");
}

/** Signs out one session of the person's own list (a key not in it answers 404). */
async function revokeOwnSession({ user, sessionId }: Signed, form: Form) {
  const key = String(form.session ?? "");
  const sessions = await listSessions(user.id);
  const target = sessions.find((s) => s.id.slice(0, 16) === key);
  if (!target) throw httpError(404);
  await revokeSession({ userId: user.id, sessionId: target.id });
  if (target.id === sessionId) {
    throw redirect("/signin", { headers: { "Set-Cookie": clearSessionCookie() } });
  }
  return done("revoke");
}

async function revokeOwnSessions({ user }: Signed): Promise<never> {
  await revokeAllSessions({ userId: user.id });
  throw redirect("/signin", { headers: { "Set-Cookie": clearSessionCookie() } });
}

/** Starts a "download my data" archive; the page then shows its progress. */
async function exportOwnData({ user }: Signed): Promise<never> {
  await requestDataExport({ userId: user.id });
  throw redirect("/settings/account?saved=export#data-heading");
}

/** Asks for deletion after the grace period, confirmed with the current password. */
async function deleteOwnAccount({ user, sessionId }: Signed, form: Form): Promise<never> {
  const parsed = deleteAccountSchema.safeParse(form);
  if (!parsed.success) throw invalid("form.required", "currentPassword");
  await requestAccountDeletion({ userId: user.id, sessionId, ...parsed.data });
  throw redirect("/settings/account?saved=delete#delete-heading");
}

async function cancelOwnDeletion({ user }: Signed): Promise<never> {
  await cancelAccountDeletion({ userId: user.id });
  throw redirect("/settings/account?saved=cancel-deletion#delete-heading");
}

const intents = {
  password: changeOwnPassword,
  email: changeOwnEmail,
  "time-zone": changeOwnTimeZone,
  revoke: revokeOwnSession,
  "revoke-all": revokeOwnSessions,
  export: exportOwnData,
  "delete-account": deleteOwnAccount,
  "cancel-deletion": cancelOwnDeletion,
} as const;

export async function action({ request, context }: Route.ActionArgs) {
  const signed = await requireUser(context, request);
  const form = readForm(context);
  const intent = String(form.intent ?? "");
  if (!Object.hasOwn(intents, intent)) throw httpError(400);
  const run = intents[intent as keyof typeof intents];
  return handleAction(() => run(signed, form), { intent });
}

export default function AccountSettings() {
  const {
    email,
    emailVerified,
    timeZone: savedZone,
    timeZoneGroups,
    sessions,
    dataExport,
    deletionDueAt,
    graceDays,
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale, timeZone } = useI18n();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : {});
  const pw = errorsFor("password");
  const em = errorsFor("email");
  const tz = errorsFor("time-zone");
  const [params] = useSearchParams();
  const saved = params.get("saved");
  const failureOf = (intent: string) =>
    result?.intent === intent && !result.ok && "message" in result
      ? t(String(result.message), messageValuesOf(result))
      : null;
  const exportBusy = dataExport?.status === "queued" || dataExport?.status === "running";
  return (
    <main id="main" className="page narrow">
      <title>{`${t("settings.title")} · Synergy`}</title>
      <h1>{t("settings.title")}</h1>
      <p>
        <a href="/settings/profile">{t("settings.editProfile")}</a>
        {" · "}
        <a href="/settings/notifications">{t("notifications.settings.link")}</a>
        {" · "}
        <a href="/settings/calendar">{t("calendars.settingsTitle")}</a>
      </p>

      <section className="section" aria-labelledby="email-heading">
        <h2 id="email-heading">{t("settings.emailHeading")}</h2>
        <p>
          {t("settings.currentEmail", { email })}{" "}
          <span className="badge">
            {emailVerified ? t("settings.verified") : t("settings.unverified")}
          </span>
        </p>
        {result?.intent === "email" && result.ok ? (
          <FormMessage kind="success">{t("settings.emailSent")}</FormMessage>
        ) : null}
        <CsrfForm
          method="post"
          action="/settings/account#email-heading"
          className="stack"
          noValidate
        >
          <input type="hidden" name="intent" value="email" />
          <TextField
            name="email"
            type="email"
            label={t("settings.newEmail")}
            autoComplete="email"
            error={em.email}
            required
          />
          <TextField
            id="f-email-current"
            name="currentPassword"
            type="password"
            label={t("auth.currentPassword")}
            autoComplete="current-password"
            error={em.currentPassword}
            required
          />
          <SubmitButton>{t("settings.changeEmail")}</SubmitButton>
        </CsrfForm>
      </section>

      <section className="section" aria-labelledby="password-heading">
        <h2 id="password-heading">{t("settings.passwordHeading")}</h2>
        {result?.intent === "password" && result.ok ? (
          <FormMessage kind="success">{t("settings.passwordChanged")}</FormMessage>
        ) : null}
        <CsrfForm
          method="post"
          action="/settings/account#password-heading"
          className="stack"
          noValidate
        >
          <input type="hidden" name="intent" value="password" />
          <TextField
            name="currentPassword"
            type="password"
            label={t("auth.currentPassword")}
            autoComplete="current-password"
            error={pw.currentPassword}
            required
          />
          <TextField
            name="newPassword"
            type="password"
            label={t("auth.newPassword")}
            hint={t("auth.passwordHint")}
            autoComplete="new-password"
            error={pw.newPassword}
            required
          />
          <SubmitButton>{t("settings.changePassword")}</SubmitButton>
        </CsrfForm>
      </section>

      <section className="section" aria-labelledby="time-zone-heading">
        <h2 id="time-zone-heading">{t("timeZone.heading")}</h2>
        <p>{t("timeZone.intro")}</p>
        {saved === "time-zone" ? (
          <FormMessage kind="success">{t("timeZone.saved", { zone: savedZone })}</FormMessage>
        ) : null}
        <CsrfForm
          method="post"
          action="/settings/account#time-zone-heading"
          className="stack"
          noValidate
        >
          <input type="hidden" name="intent" value="time-zone" />
          {/* SelectField has no option groups; this is its markup with them. */}
          <div className={`field${tz.timeZone ? " has-error" : ""}`}>
            <label htmlFor="f-timeZone">{t("timeZone.label")}</label>
            {tz.timeZone ? (
              <p className="error" id="f-timeZone-error">
                {t(tz.timeZone)}
              </p>
            ) : null}
            <select
              id="f-timeZone"
              name="timeZone"
              key={savedZone}
              defaultValue={savedZone}
              aria-invalid={tz.timeZone ? true : undefined}
              aria-describedby={tz.timeZone ? "f-timeZone-error" : undefined}
            >
              {timeZoneGroups.map((group) => (
                <optgroup key={group.region} label={group.region}>
                  {group.zones.map((zone) => (
                    <option key={zone.value} value={zone.value}>
                      {zone.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
          <SubmitButton>{t("timeZone.save")}</SubmitButton>
        </CsrfForm>
      </section>

      <section className="section" aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">{t("settings.sessionsHeading")}</h2>
        <p>{t("settings.sessionsIntro")}</p>
        <ul className="card-list">
          {sessions.map((s) => (
            <li key={s.key} className="card">
              <p>
                <strong title={s.userAgent || undefined}>
                  {s.device.browser && s.device.os
                    ? t("settings.deviceName", { browser: s.device.browser, os: s.device.os })
                    : s.device.os
                      ? t("settings.deviceOsOnly", { os: s.device.os })
                      : (s.device.browser ?? t("settings.unknownDevice"))}
                </strong>
                {s.isCurrent ? <span className="badge"> {t("settings.thisDevice")}</span> : null}
              </p>
              <p className="muted">
                {t("settings.lastActive", { when: formatDateTime(s.lastSeenAt, locale, timeZone) })}
                {s.ip ? ` · ${s.ip}` : ""}
              </p>
              <CsrfForm method="post" action="/settings/account#sessions-heading">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="session" value={s.key} />
                <SubmitButton className="button secondary small">
                  {t("settings.signOutSession")}
                </SubmitButton>
              </CsrfForm>
            </li>
          ))}
        </ul>
        <CsrfForm method="post" action="/settings/account#sessions-heading" className="section">
          <input type="hidden" name="intent" value="revoke-all" />
          <SubmitButton className="button danger">{t("settings.signOutEverywhere")}</SubmitButton>
        </CsrfForm>
      </section>

      <section className="section" aria-labelledby="data-heading">
        {/* While the archive is being made, the page looks again by itself, without script. */}
        {exportBusy ? <meta httpEquiv="refresh" content="5" /> : null}
        <h2 id="data-heading">{t("privacy.export.heading")}</h2>
        <p>{t("privacy.export.intro")}</p>
        {failureOf("export") ? <FormMessage kind="error">{failureOf("export")}</FormMessage> : null}
        {dataExport ? (
          <div role="status" className="stack">
            {dataExport.status === "queued" ? <p>{t("privacy.export.queued")}</p> : null}
            {dataExport.status === "running" ? (
              <>
                <p>{t("privacy.export.running", { percent: dataExport.progress })}</p>
                <progress max={100} value={dataExport.progress}>
                  {`${dataExport.progress} %`}
                </progress>
              </>
            ) : null}
            {exportBusy ? (
              <p>
                <a href="/settings/account#data-heading">{t("privacy.export.checkAgain")}</a>
              </p>
            ) : null}
            {dataExport.status === "ready" && dataExport.expiresAt ? (
              <>
                <p>
                  <a className="button" href={`/settings/account/export/${dataExport.id}`} download>
                    {t("privacy.export.download")}
                  </a>
                </p>
                <p className="muted">
                  {t("privacy.export.expires", {
                    date: formatDate(dataExport.expiresAt, locale, timeZone),
                  })}
                </p>
              </>
            ) : null}
            {dataExport.status === "failed" ? (
              <FormMessage kind="error">{t("privacy.export.failed")}</FormMessage>
            ) : null}
          </div>
        ) : null}
        {exportBusy ? null : (
          <CsrfForm method="post" action="/settings/account#data-heading">
            <input type="hidden" name="intent" value="export" />
            <SubmitButton className="button secondary">
              {t(dataExport?.status === "ready" ? "privacy.export.again" : "privacy.export.start")}
            </SubmitButton>
          </CsrfForm>
        )}
      </section>

      <section className="section" aria-labelledby="delete-heading">
        <h2 id="delete-heading">{t("privacy.delete.heading")}</h2>
        {saved === "cancel-deletion" ? (
          <FormMessage kind="success">{t("privacy.delete.cancelled")}</FormMessage>
        ) : null}
        {deletionDueAt ? (
          <div className="stack">
            <FormMessage kind="error">
              {t("privacy.delete.pending", {
                date: formatDate(deletionDueAt, locale, timeZone),
              })}
            </FormMessage>
            <CsrfForm method="post" action="/settings/account#delete-heading">
              <input type="hidden" name="intent" value="cancel-deletion" />
              <SubmitButton>{t("privacy.delete.cancel")}</SubmitButton>
            </CsrfForm>
          </div>
        ) : (
          <>
            <p>{t("privacy.delete.intro", { days: graceDays })}</p>
            {failureOf("delete-account") && !errorsFor("delete-account").currentPassword ? (
              <FormMessage kind="error">{failureOf("delete-account")}</FormMessage>
            ) : null}
            {/* A full-size control (the bare summary was a 24 px line of small text on a phone). */}
            <details className="confirm" open={result?.intent === "delete-account"}>
              <summary className="button secondary">{t("privacy.delete.open")}</summary>
              <CsrfForm
                method="post"
                action="/settings/account#delete-heading"
                className="stack"
                noValidate
              >
                <input type="hidden" name="intent" value="delete-account" />
                <TextField
                  id="f-delete-password"
                  name="currentPassword"
                  type="password"
                  label={t("privacy.delete.confirmPassword")}
                  autoComplete="current-password"
                  error={errorsFor("delete-account").currentPassword}
                  required
                />
                <SubmitButton className="button danger">{t("privacy.delete.submit")}</SubmitButton>
              </CsrfForm>
            </details>
          </>
        )}
      </section>
    </main>
  );
}
