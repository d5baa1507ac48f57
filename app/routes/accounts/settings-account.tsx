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
import { useI18n } from "~/i18n/context";
import { handleAction, httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { CsrfForm, FormMessage, SubmitButton, TextField } from "~/ui/form";
import { formatDateTime } from "~/ui/format";
import type { Route } from "./+types/settings-account";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user, sessionId } = await requireUser(context, request);
  const sessions = await listSessions(user.id);
  return {
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

const intents = {
  password: changeOwnPassword,
  email: changeOwnEmail,
  "time-zone": changeOwnTimeZone,
  revoke: revokeOwnSession,
  "revoke-all": revokeOwnSessions,
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
  } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, locale, timeZone } = useI18n();
  const errorsFor = (intent: string) => (result?.intent === intent ? result.errors : {});
  const pw = errorsFor("password");
  const em = errorsFor("email");
  const tz = errorsFor("time-zone");
  const [params] = useSearchParams();
  const saved = params.get("saved");
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
        <CsrfForm method="post" className="stack" noValidate>
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
        <CsrfForm method="post" className="stack" noValidate>
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
        <CsrfForm method="post" className="stack" noValidate>
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
              <CsrfForm method="post">
                <input type="hidden" name="intent" value="revoke" />
                <input type="hidden" name="session" value={s.key} />
                <SubmitButton className="button secondary small">
                  {t("settings.signOutSession")}
                </SubmitButton>
              </CsrfForm>
            </li>
          ))}
        </ul>
        <CsrfForm method="post" className="section">
          <input type="hidden" name="intent" value="revoke-all" />
          <SubmitButton className="button danger">{t("settings.signOutEverywhere")}</SubmitButton>
        </CsrfForm>
      </section>
    </main>
  );
}
