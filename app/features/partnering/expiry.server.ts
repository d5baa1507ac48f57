import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { REMINDER_DAYS } from "./limits";

/**
 * Tells the authors of each published opportunity that expires within REMINDER_DAYS, once per
 * expiry date (`renewal_reminded_at`, cleared by a renewal), with a link to renew it. Expiry
 * itself needs no job: an opportunity past `expires_at` is no longer listed (decision 023).
 * Safe to run twice: the rows are claimed and stamped in one statement, and each notification's
 * source key names the opportunity and its expiry date.
 */
export async function sendRenewalReminders(db: Db = getDb()): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await queryParsed(
      z.object({
        id: z.string(),
        title: z.string(),
        organisation_id: z.string(),
        expires_at: z.string(),
      }),
      sql`update opportunities set renewal_reminded_at = now()
          where id in (select id from opportunities
            where status = 'published' and renewal_reminded_at is null
              and expires_at > now()
              and expires_at <= now() + make_interval(days => ${REMINDER_DAYS})
            order by expires_at limit 1000 for update skip locked)
          returning id::text, title, organisation_id::text, expires_at::text`,
      tx,
    );
    for (const row of due) {
      const authors = await queryParsed(
        z.object({ id: z.string() }),
        sql`select user_id::text as id from organisation_members
            where organisation_id = ${row.organisation_id}::uuid and status = 'active' limit 500`,
        tx,
      );
      await notify(tx, {
        kind: "opportunity.expiring",
        recipientIds: authors.map((a) => a.id),
        actorId: null,
        groupKey: `opportunity:${row.id}`,
        sourceKey: `opportunity-expiring:${row.id}:${row.expires_at}`,
        data: {
          opportunityId: row.id,
          title: row.title.length > TITLE_MAX ? `${row.title.slice(0, TITLE_MAX - 1)}…` : row.title,
        },
      });
    }
    return due.length;
  });
}

export const opportunityRemindersJob = defineJob({
  name: "partnering.reminders",
  payload: z.object({}).passthrough(),
  retryLimit: 3,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
  pollingIntervalSeconds: 60,
  // Each morning (UTC), so a reminder reaches authors during their working day in Europe.
  schedule: "15 6 * * *",
  async handle() {
    const reminded = await sendRenewalReminders();
    getLogger().info({ reminded }, "opportunity renewal reminders sent");
  },
});
