import { redirect, useActionData, useLoaderData, useSearchParams } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { notificationKindNames } from "~/features/notifications/kinds";
import {
  digestTimingOf,
  effectiveChoicesOf,
  emailSettingsFrom,
  emailSettingsSchema,
  saveEmailSettings,
} from "~/features/notifications/preferences.server";
import { useI18n } from "~/i18n/context";
import { handleAction, invalid } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { CsrfForm, FormMessage, SelectField, SubmitButton } from "~/ui/form";
import { formatDateTime } from "~/ui/format";
import type { Route } from "./+types/email-settings";

/** Hours and weekdays named in the person's language (made here, so the page hydrates as sent). */
function timingLabels(locale: string) {
  const hour = new Intl.DateTimeFormat(locale, {
    hour: "numeric",
    minute: "2-digit",
    timeZone: "UTC",
  });
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  return {
    hours: Array.from({ length: 24 }, (_, h) => ({
      value: String(h),
      label: hour.format(Date.UTC(2024, 0, 1, h)),
    })),
    // 1 January 2024 was a Monday (ISO weekday 1).
    weekdays: Array.from({ length: 7 }, (_, d) => ({
      value: String(d + 1),
      label: weekday.format(Date.UTC(2024, 0, 1 + d, 12)),
    })),
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const [choices, timing] = await Promise.all([
    effectiveChoicesOf(user.id),
    digestTimingOf(user.id),
  ]);
  const zone = canonicalTimeZone(user.timeZone) ?? DEFAULT_TIME_ZONE;
  return {
    choices,
    timing: { frequency: timing.frequency, hour: timing.hour, weekday: timing.weekday },
    timeZone: zone,
    nextDigest: timing.nextDigestAt ? formatDateTime(timing.nextDigestAt, user.locale, zone) : null,
    ...timingLabels(user.locale),
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  const { user } = await requireUser(context, request);
  const form = readForm(context);
  return handleAction(async () => {
    const parsed = emailSettingsSchema.safeParse(form);
    if (!parsed.success) throw invalid("notifications.settings.invalid");
    await saveEmailSettings({ userId: user.id, settings: emailSettingsFrom(parsed.data) });
    // A fresh page, so the next digest shown is the one just computed.
    return redirect("/settings/notifications?saved=1");
  });
}

export default function EmailSettings() {
  const { choices, timing, timeZone, nextDigest, hours, weekdays } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useI18n();
  const [params] = useSearchParams();
  const choiceOptions = [
    { value: "immediately", label: t("notifications.settings.immediately") },
    { value: "digest", label: t("notifications.settings.digest") },
    { value: "never", label: t("notifications.settings.never") },
  ];
  return (
    <main id="main" className="page narrow">
      <title>{`${t("notifications.settings.title")} · Synergy`}</title>
      <h1>{t("notifications.settings.title")}</h1>
      <p>{t("notifications.settings.intro")}</p>
      {params.get("saved") ? (
        <FormMessage kind="success">{t("notifications.settings.saved")}</FormMessage>
      ) : null}
      {result && "message" in result && result.message ? (
        <FormMessage kind="error">{t(result.message)}</FormMessage>
      ) : null}
      <CsrfForm method="post" className="stack" noValidate>
        <section className="section" aria-labelledby="kinds-heading">
          <h2 id="kinds-heading">{t("notifications.settings.kindsHeading")}</h2>
          {notificationKindNames.map((kind) => (
            <SelectField
              key={kind}
              id={`f-kind-${kind.replace(/\./g, "-")}`}
              name={`kind:${kind}`}
              label={t(`notifications.kindName.${kind}`)}
              options={choiceOptions}
              defaultValue={choices[kind]}
            />
          ))}
        </section>
        <section className="section" aria-labelledby="digest-heading">
          <h2 id="digest-heading">{t("notifications.settings.digestHeading")}</h2>
          <p>{t("notifications.settings.zoneNote", { zone: timeZone })}</p>
          <SelectField
            name="frequency"
            label={t("notifications.settings.frequency")}
            options={[
              { value: "daily", label: t("notifications.settings.daily") },
              { value: "weekly", label: t("notifications.settings.weekly") },
            ]}
            defaultValue={timing.frequency}
          />
          <SelectField
            name="hour"
            label={t("notifications.settings.hour")}
            options={hours}
            defaultValue={String(timing.hour)}
          />
          <SelectField
            name="weekday"
            label={t("notifications.settings.weekday")}
            options={weekdays}
            defaultValue={String(timing.weekday)}
          />
          <p className="muted">
            {nextDigest
              ? t("notifications.settings.nextDigest", { when: nextDigest })
              : t("notifications.settings.noDigestWaiting")}
          </p>
        </section>
        <SubmitButton>{t("notifications.settings.save")}</SubmitButton>
      </CsrfForm>
    </main>
  );
}
