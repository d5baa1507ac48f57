import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { loadJobQueueOverview } from "~/features/admin/jobs.server";
import { adminPolicy } from "~/features/admin/rules";
import { useI18n } from "~/i18n/context";
import type { MessageKey } from "~/i18n/i18n";
import { handleLoader } from "~/lib/errors";
import type { JobName } from "~/lib/job-names";
import { actorOf } from "~/lib/policy";
import { formatDateTime, formatNumber } from "~/ui/format";
import type { Route } from "./+types/admin-jobs";

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = actorOf(await requireUser(context, request));
  return handleLoader(async () => {
    adminPolicy.authorize(actor, "seeJobQueue", undefined);
    return loadJobQueueOverview();
  });
}

/** Every job queue's name for people: a new queue without one is a type error here. */
const jobLabels: Record<JobName, MessageKey> = {
  "mail.send": "adminJobs.jobMail",
  "maintenance.cleanup": "adminJobs.jobCleanup",
  "content.rerender": "adminJobs.jobRerender",
  "notifications.fanout": "adminJobs.jobNotificationsFanout",
  "notifications.email": "adminJobs.jobNotificationsEmail",
  "notifications.digest-scan": "adminJobs.jobDigestScan",
  "notifications.digest": "adminJobs.jobDigest",
  "events.reminder": "adminJobs.jobEventReminder",
  "events.feedback": "adminJobs.jobEventFeedback",
  "needs.daily": "adminJobs.jobNeedsDaily",
  "credentials.issue": "adminJobs.jobCredentialsIssue",
  "partnering.reminders": "partnering.jobReminders",
  "partnering.matches_weekly": "partnering.digest.jobLabel",
  "privacy.export": "adminJobs.jobDataExport",
  "privacy.deletions": "adminJobs.jobAccountDeletions",
};

export default function AdminJobs() {
  const { counts, failed } = useLoaderData<typeof loader>();
  const { t, locale, timeZone } = useI18n();
  const label = (name: string) =>
    Object.hasOwn(jobLabels, name) ? t(jobLabels[name as JobName]) : name;
  return (
    <main id="main" className="page">
      <title>{`${t("adminJobs.title")} · Synergy`}</title>
      <h1>{t("adminJobs.title")}</h1>
      <p>
        <a href="/admin/users">{t("admin.title")}</a> ·{" "}
        <a href="/admin/settings">{t("adminSettings.title")}</a>
      </p>
      <p>{t("adminJobs.intro")}</p>
      <div className="table-wrap">
        <table>
          <caption>{t("adminJobs.countsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("adminJobs.job")}</th>
              <th scope="col">{t("adminJobs.waiting")}</th>
              <th scope="col">{t("adminJobs.active")}</th>
              <th scope="col">{t("adminJobs.retrying")}</th>
              <th scope="col">{t("adminJobs.failed")}</th>
              <th scope="col">{t("adminJobs.completed")}</th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row) => (
              <tr key={row.name} data-job={row.name}>
                <th scope="row">{label(row.name)}</th>
                <td>{formatNumber(row.waiting, locale)}</td>
                <td>{formatNumber(row.active, locale)}</td>
                <td>{formatNumber(row.retrying, locale)}</td>
                <td>{formatNumber(row.failed, locale)}</td>
                <td>{formatNumber(row.completed, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>{t("adminJobs.latestFailed")}</h2>
      {failed.length === 0 ? (
        <p>{t("adminJobs.noFailed")}</p>
      ) : (
        <ul className="stack">
          {failed.map((job) => (
            <li key={job.id} className="card" data-failed-job={job.id}>
              <p>
                <strong>{label(job.name)}</strong>
                {job.recipient ? ` · ${t("adminJobs.recipient", { to: job.recipient })}` : null}
              </p>
              <p>
                {t("adminJobs.failedAt", {
                  date: formatDateTime(job.failedAt, locale, timeZone),
                  count: job.attempts,
                })}
              </p>
              <p>
                {t("adminJobs.error")} <code>{job.error}</code>
              </p>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
