/**
 * The mail of one notification the recipient wants "immediately": a job per notification,
 * queued by afterNotified() in the transaction that inserted the row. The job decides again when
 * it runs: a notification already read in the app, already mailed or digested, or whose kind the
 * person has since moved to the digest or to never, is not mailed. Marking the row emailed and
 * queuing its mail happen in one transaction, so a killed worker sends nothing twice.
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "~/db/client.server";
import { defineJob } from "~/lib/jobs.server";
import { sendMail } from "~/lib/mail.server";
import {
  type MailedNotification,
  type Recipient,
  renderImmediateMail,
} from "./email-render.server";
import { effectiveChoiceSql } from "./preferences.server";

type Row = Recipient & {
  notification_id: string;
  kind: string;
  group_key: string;
  actor_id: string | null;
  network_id: string | null;
  data: MailedNotification["data"];
  created_at: string | Date;
};

/** Mails one notification if it still should be; safe to run twice. */
export async function mailNotification(notificationId: string): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const result = (await tx.execute(sql`
      with marked as (
        update notifications n set emailed_at = now()
        where n.id = ${notificationId}
          and n.read_at is null and n.emailed_at is null and n.digested_at is null
          and ${effectiveChoiceSql(
            sql`n.kind`,
            sql`(select p.email from notification_preferences p
                 where p.user_id = n.recipient_id and p.kind = n.kind)`,
          )} = 'immediately'
        returning n.id, n.recipient_id, n.kind, n.group_key, n.actor_id, n.network_id, n.data,
          n.created_at
      )
      select m.id as notification_id, m.kind, m.group_key, m.actor_id, m.network_id, m.data,
        m.created_at, u.id, u.email, u.display_name as "displayName", u.locale,
        u.time_zone as "timeZone"
      from marked m join users u on u.id = m.recipient_id`)) as unknown as { rows: Row[] };
    const row = result.rows[0];
    if (!row) return false;
    const mail = await renderImmediateMail(
      row,
      {
        id: row.notification_id,
        kind: row.kind,
        groupKey: row.group_key,
        actorId: row.actor_id,
        networkId: row.network_id,
        data: row.data,
        createdAt: new Date(row.created_at),
      },
      tx,
    );
    if (!mail) return false;
    await sendMail(mail, { tx, key: `notification:${row.notification_id}` });
    return true;
  });
}

export const notificationEmailJob = defineJob({
  name: "notifications.email",
  payload: z.object({ notificationId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 5,
  expireInSeconds: 60,
  batchSize: 20,
  pollingIntervalSeconds: 1,
  async handle({ notificationId }) {
    await mailNotification(notificationId);
  },
});
