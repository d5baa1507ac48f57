/**
 * "Download my data" (docs/decisions/027): a person asks, a job writes a ZIP of JSON files (one
 * per table, only the rows that are theirs) and the files they uploaded, shows its progress on
 * the settings page, mails a link when it is ready, and the archive expires after a week.
 */
import { type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale } from "~/i18n/i18n";
import { getEnv } from "~/lib/env.server";
import { conflict, tooMany } from "~/lib/errors";
import { defineJob, enqueue } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { sendMail } from "~/lib/mail.server";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { getStorage } from "~/lib/storage.server";
import { writeZip, type ZipEntry } from "~/lib/zip.server";

/** How long a ready archive can be downloaded. */
export const EXPORT_KEEP_DAYS = 7;
/** An archive still queued or running after this long is taken as failed (its job gave up). */
const STALE_AFTER = "1 hour";
/** Archives a person may ask for per day. */
const EXPORTS_PER_DAY = 5;

type Section = { file: string; rows: (person: string) => SQL };

/** Every row of `table` whose `column` is the person, as JSON, minus `omit` columns. */
function own(table: string, column: string, omit: string[] = []): (person: string) => SQL {
  const minus = sql.join(
    omit.map((name) => sql` - ${name}::text`),
    sql``,
  );
  return (person) =>
    sql`select to_jsonb(t) ${minus} as row from ${sql.identifier(table)} t
        where t.${sql.identifier(column)} = ${person}`;
}

/**
 * What the archive holds, one JSON file each. Each selects only rows that are the person's own
 * (written, answered, held by them); other people's rows never enter, whatever they say about
 * the person. Secrets are left out: the password hash, session and calendar token hashes.
 */
const sections: Section[] = [
  { file: "account.json", rows: own("users", "id", ["password_hash"]) },
  { file: "profile-languages.json", rows: own("user_languages", "user_id") },
  { file: "profile-skills.json", rows: own("user_skills", "user_id") },
  { file: "sessions.json", rows: own("sessions", "user_id", ["id"]) },
  { file: "organisations-created.json", rows: own("organisations", "created_by") },
  { file: "organisation-memberships.json", rows: own("organisation_members", "user_id") },
  { file: "networks-created.json", rows: own("networks", "created_by") },
  { file: "network-memberships.json", rows: own("network_members", "user_id") },
  { file: "posts.json", rows: own("posts", "author_id") },
  {
    file: "post-attachments.json",
    rows: (person) => sql`select to_jsonb(a) as row from post_attachments a
      join posts p on p.id = a.post_id where p.author_id = ${person}`,
  },
  { file: "comments.json", rows: own("comments", "author_id") },
  { file: "reactions.json", rows: own("post_reactions", "user_id") },
  { file: "discussion-topics.json", rows: own("forum_topics", "author_id") },
  { file: "discussion-replies.json", rows: own("forum_replies", "author_id") },
  { file: "network-resources.json", rows: own("network_resources", "added_by") },
  { file: "messages.json", rows: own("messages", "author_id") },
  {
    file: "message-attachments.json",
    rows: (person) => sql`select to_jsonb(a) as row from message_attachments a
      join messages m on m.id = a.message_id where m.author_id = ${person}`,
  },
  { file: "blocked-people.json", rows: own("user_blocks", "blocker_id") },
  { file: "events-created.json", rows: own("events", "created_by") },
  { file: "event-answers.json", rows: own("event_rsvps", "user_id") },
  { file: "event-attendance.json", rows: own("event_attendance", "user_id") },
  { file: "event-feedback.json", rows: own("event_feedback", "user_id") },
  {
    file: "calendar-subscriptions.json",
    rows: own("calendar_subscriptions", "user_id", ["token_hash"]),
  },
  { file: "needs.json", rows: own("needs", "owner_id") },
  { file: "needs-me-too.json", rows: own("need_me_toos", "user_id") },
  { file: "offers.json", rows: own("offers", "created_by") },
  { file: "need-answers.json", rows: own("need_answers", "responder_id") },
  { file: "learning-resources.json", rows: own("learning_resources", "author_id") },
  { file: "learning-comments.json", rows: own("learning_resource_comments", "author_id") },
  { file: "learning-ratings.json", rows: own("learning_resource_ratings", "user_id") },
  { file: "learning-files.json", rows: own("learning_resource_files", "uploaded_by") },
  { file: "enrolments.json", rows: own("enrolments", "user_id") },
  { file: "credentials.json", rows: own("credentials", "user_id") },
  { file: "audit-answers.json", rows: own("audit_responses", "respondent_id") },
  { file: "partnering-opportunities.json", rows: own("opportunities", "created_by") },
  { file: "partnering-interests.json", rows: own("opportunity_interests", "user_id") },
  { file: "partnering-stories.json", rows: own("partnership_stories", "written_by") },
  {
    file: "partnering-meetings.json",
    rows: (person) => sql`select to_jsonb(m) as row from meetings m
      where m.proposed_by = ${person} or m.invitee = ${person}`,
  },
  { file: "partnering-days.json", rows: own("partnering_participants", "user_id") },
  {
    file: "partnering-bookings.json",
    rows: (person) => sql`select to_jsonb(b) as row from partnering_bookings b
      where b.requester = ${person} or b.invitee = ${person}`,
  },
  { file: "notification-settings.json", rows: own("notification_preferences", "user_id") },
  { file: "digest-schedule.json", rows: own("digest_schedules", "user_id") },
];

/** The files the person uploaded: their photo and what they attached or shared. */
function uploadedFiles(person: string): SQL {
  return sql`
    select 'photo' as folder, photo_key as key, regexp_replace(photo_key, '^.*/', '') as name
      from users where id = ${person} and photo_key is not null
    union all
    select 'posts', a.storage_key, a.id || '-' || a.filename from post_attachments a
      join posts p on p.id = a.post_id where p.author_id = ${person}
    union all
    select 'messages', a.storage_key, a.id || '-' || a.filename from message_attachments a
      join messages m on m.id = a.message_id where m.author_id = ${person}
    union all
    select 'resources', r.storage_key, r.id || '-' || coalesce(r.filename, 'file')
      from network_resources r where r.added_by = ${person} and r.storage_key is not null
    union all
    select 'learning', f.storage_key, f.id || '-' || f.filename from learning_resource_files f
      where f.uploaded_by = ${person}`;
}

/** A name safe in every unzip tool: letters, digits, dot, dash, underscore. */
function safeName(name: string): string {
  return name.replace(/[^\p{L}\p{N}._-]+/gu, "_").slice(0, 150);
}

export type DataExportView = {
  id: string;
  status: "queued" | "running" | "ready" | "failed";
  progress: number;
  createdAt: Date;
  expiresAt: Date | null;
};

/** The person's newest archive (a stale one shown as failed), or null. */
export async function latestDataExport(userId: string): Promise<DataExportView | null> {
  const [row] = await queryRows<{
    id: string;
    status: DataExportView["status"];
    progress: number;
    created_at: string | Date;
    expires_at: string | Date | null;
    stale: boolean;
  }>(sql`select id, status, progress, created_at, expires_at,
      (status in ('queued', 'running') and created_at < now() - ${STALE_AFTER}::interval) as stale
    from data_exports where user_id = ${userId}
      and (expires_at is null or expires_at > now())
    order by created_at desc limit 1`);
  if (!row) return null;
  return {
    id: row.id,
    status: row.stale ? "failed" : row.status,
    progress: row.progress,
    createdAt: new Date(row.created_at),
    expiresAt: row.expires_at ? new Date(row.expires_at) : null,
  };
}

/**
 * Starts an archive of the person's data: refused with 409 while one is being made (one at a
 * time), 429 past five a day. Returns the new archive's id.
 */
export async function requestDataExport(options: { userId: string }): Promise<string> {
  const db = getDb();
  // An archive its job gave up on no longer blocks a new one.
  await db.execute(sql`update data_exports set status = 'failed', finished_at = now()
    where user_id = ${options.userId} and status in ('queued', 'running')
      and created_at < now() - ${STALE_AFTER}::interval`);
  const [running] = await queryRows<{ id: string }>(
    sql`select id from data_exports where user_id = ${options.userId}
      and status in ('queued', 'running')`,
  );
  if (running) throw conflict("privacy.export.alreadyRunning");
  const attempt = await hitRateLimit(`export:user:${options.userId}`, EXPORTS_PER_DAY, 86_400);
  if (!attempt.allowed) {
    throw tooMany("privacy.export.tooMany", { retryAfterSeconds: attempt.retryAfterSeconds });
  }
  return db.transaction(async (tx) => {
    // The partial unique index keeps two requests at once from both starting one.
    const [row] = await queryRows<{ id: string }>(
      sql`insert into data_exports (user_id) values (${options.userId})
        on conflict do nothing returning id`,
      tx,
    );
    if (!row) throw conflict("privacy.export.alreadyRunning");
    await enqueue("privacy.export", { exportId: row.id }, { tx, key: row.id });
    return row.id;
  });
}

/** A ready, unexpired archive of this person's, for download; null for anything else. */
export async function dataExportForDownload(options: {
  userId: string;
  exportId: string;
}): Promise<{ storageKey: string; createdAt: Date } | null> {
  const [row] = await queryRows<{ storage_key: string; created_at: string | Date }>(
    sql`select storage_key, created_at from data_exports
      where id = ${options.exportId} and user_id = ${options.userId}
        and status = 'ready' and storage_key is not null and expires_at > now()`,
  );
  return row ? { storageKey: row.storage_key, createdAt: new Date(row.created_at) } : null;
}

async function setProgress(exportId: string, progress: number): Promise<void> {
  await getDb().execute(
    sql`update data_exports set progress = ${Math.min(99, Math.round(progress))}
      where id = ${exportId} and status = 'running'`,
  );
}

/**
 * Writes the archive of one export and mails its link. Safe to run twice: an export already
 * ready (or given up) is left alone, and a re-run writes the same file again.
 */
export async function buildDataExport(exportId: string): Promise<void> {
  const db = getDb();
  const [job] = await queryRows<{ user_id: string; status: string }>(
    sql`update data_exports set status = 'running'
      where id = ${exportId} and status in ('queued', 'running')
      returning user_id, status`,
  );
  if (!job) return;
  const person = job.user_id;
  const files = await queryRows<{ folder: string; key: string; name: string }>(
    uploadedFiles(person),
  );
  const steps = sections.length + files.length;
  let done = 0;
  const entries: ZipEntry[] = [];
  for (const section of sections) {
    const rows = await queryRows<{ row: unknown }>(section.rows(person));
    entries.push({
      name: section.file,
      data: `${JSON.stringify(
        rows.map((r) => r.row),
        null,
        2,
      )}\n`,
    });
    done++;
    if (done % 8 === 0) await setProgress(exportId, (done / steps) * 100);
  }
  const storage = getStorage();
  for (const file of files) {
    const body = await storage.get(file.key);
    // A file missing from storage (removed by hand) is left out rather than failing the export.
    if (body) {
      entries.push({
        name: `files/${file.folder}/${safeName(file.name)}`,
        data: body,
        store: true,
      });
    }
    done++;
    if (done % 8 === 0) await setProgress(exportId, (done / steps) * 100);
  }
  const archive = writeZip(entries);
  const storageKey = `data-exports/${person}/${exportId}.zip`;
  await storage.put(storageKey, archive);
  await db.transaction(async (tx) => {
    const [ready] = await queryRows<{ expires_at: string | Date }>(
      sql`update data_exports set status = 'ready', progress = 100,
          storage_key = ${storageKey}, size_bytes = ${archive.length}, finished_at = now(),
          expires_at = now() + ${`${EXPORT_KEEP_DAYS} days`}::interval
        where id = ${exportId} and status = 'running' returning expires_at`,
      tx,
    );
    if (ready) await mailExportReady(tx, person, exportId);
  });
  getLogger().info({ exportId, bytes: archive.length, files: files.length }, "data export ready");
}

async function mailExportReady(tx: Db, person: string, exportId: string): Promise<void> {
  const [user] = await queryRows<{ email: string; display_name: string; locale: string }>(
    sql`select email, display_name, locale from users where id = ${person}`,
    tx,
  );
  if (!user) return;
  const t = translatorFor(isLocale(user.locale) ? user.locale : "en");
  const link = new URL(`/settings/account/export/${exportId}`, getEnv().PUBLIC_URL).toString();
  await sendMail(
    {
      to: user.email,
      subject: t("mail.exportReady.subject"),
      text: t("mail.exportReady.body", {
        name: user.display_name,
        link,
        days: EXPORT_KEEP_DAYS,
      }),
    },
    { tx, key: `export-ready:${exportId}` },
  );
}

export const dataExportJob = defineJob({
  name: "privacy.export",
  payload: z.object({ exportId: z.uuid() }),
  retryLimit: 2,
  retryDelaySeconds: 30,
  expireInSeconds: 15 * 60,
  pollingIntervalSeconds: 5,
  async handle({ exportId }) {
    await buildDataExport(exportId);
  },
});

/**
 * Removes archives past their week (and ones that failed a week ago): the file, then the row.
 * A crash in between leaves a file no row points at, which the orphaned-files sweep removes.
 */
export async function removeExpiredExports(): Promise<number> {
  const expired = await queryRows<{ id: string; storage_key: string | null }>(
    sql`select id, storage_key from data_exports
      where expires_at < now()
         or (status = 'failed' and created_at < now() - ${`${EXPORT_KEEP_DAYS} days`}::interval)
      limit 1000`,
  );
  const storage = getStorage();
  for (const row of expired) {
    if (row.storage_key) await storage.remove(row.storage_key);
    await getDb().execute(sql`delete from data_exports where id = ${row.id}`);
  }
  return expired.length;
}
