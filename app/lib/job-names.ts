/**
 * Every job queue the application has. The queues are created with the database schema
 * (`migrateDatabase()`), so the names live here, apart from the handlers, where the database
 * code can read them without loading mail or cleanup code.
 */
export const jobNames = [
  "mail.send",
  "maintenance.cleanup",
  "content.rerender",
  "notifications.fanout",
  // Notification email (app/features/notifications/email*.ts, digest*.ts).
  "notifications.email",
  "notifications.digest-scan",
  "notifications.digest",
  // Event reminders 24 h and 1 h before (app/features/events/reminders.server.ts).
  "events.reminder",
  // Feedback requests at an event's end (app/features/events/feedback.server.ts).
  "events.feedback",
  // Needs' reach and the distance index's daily snapshot (app/features/radar/daily.server.ts).
  "needs.daily",
  // A completed course's certificate and Open Badges 3.0 credential (app/features/credentials/).
  "credentials.issue",
  // Partnering opportunities: renewal reminders 14 days before expiry
  // (app/features/partnering/expiry.server.ts).
  "partnering.reminders",
  // The weekly "new partnering matches" notification (app/features/partnering/weekly-matches*).
  "partnering.matches_weekly",
  // "Download my data" archives and the daily deletion of accounts whose grace period ended
  // (app/features/privacy/).
  "privacy.export",
  "privacy.deletions",
] as const;

export type JobName = (typeof jobNames)[number];

/** The PostgreSQL schema pg-boss keeps its tables in. */
export const jobSchema = "pgboss";
