/**
 * "Delete my account" (docs/decisions/027): the person confirms with their password, the
 * account is kept for a grace period in which signing in and pressing "Cancel" undoes it (other
 * sessions end at once), then the daily job deletes them as decision 010 says (`deletePerson`).
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { requireCurrentPassword } from "~/features/accounts/accounts.server";
import { deletePerson } from "~/features/accounts/delete-person.server";
import { announceSessionsChanged, revokeAllSessions } from "~/features/accounts/sessions.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale, type Locale } from "~/i18n/i18n";
import { DomainError } from "~/lib/errors";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { sendMail } from "~/lib/mail.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatDate } from "~/ui/format";

/** Days between asking and the deletion, in which the person can change their mind. */
export const DELETION_GRACE_DAYS = 14;

type Person = { email: string; display_name: string; locale: string; time_zone: string };

async function personOf(userId: string, db: Db): Promise<Person | undefined> {
  const [person] = await queryRows<Person>(
    sql`select email, display_name, locale, time_zone from users where id = ${userId}`,
    db,
  );
  return person;
}

function translatorOf(person: Person) {
  const locale: Locale = isLocale(person.locale) ? person.locale : "en";
  return { t: translatorFor(locale), locale };
}

/**
 * Networks and organisations where the person is the only facilitator or admin while others
 * are members, and whether they are the installation's only admin: what their deletion would
 * leave without anyone who can manage it.
 */
async function rolesOnlyTheyHold(userId: string, db: Db) {
  const places = await queryRows<{ name: string }>(
    sql`select n.name from network_members m join networks n on n.id = m.network_id
        where m.user_id = ${userId} and m.role = 'facilitator' and m.status = 'active'
          and not exists (select 1 from network_members o where o.network_id = m.network_id
            and o.user_id <> ${userId} and o.role = 'facilitator' and o.status = 'active')
          and exists (select 1 from network_members o where o.network_id = m.network_id
            and o.user_id <> ${userId} and o.status = 'active')
      union all
      select g.name from organisation_members m join organisations g on g.id = m.organisation_id
        where m.user_id = ${userId} and m.role = 'admin' and m.status = 'active'
          and not exists (select 1 from organisation_members o
            where o.organisation_id = m.organisation_id
            and o.user_id <> ${userId} and o.role = 'admin' and o.status = 'active')
          and exists (select 1 from organisation_members o
            where o.organisation_id = m.organisation_id
            and o.user_id <> ${userId} and o.status = 'active')
      order by 1`,
    db,
  );
  const [site] = await queryRows<{ last: boolean }>(
    sql`select u.is_admin and not exists (select 1 from users o where o.is_admin and o.id <> u.id)
        as last from users u where u.id = ${userId}`,
    db,
  );
  return { places: places.map((p) => p.name), lastSiteAdmin: Boolean(site?.last) };
}

/** When the person's account is due to be deleted, or null when nothing is pending. */
export async function pendingDeletion(userId: string): Promise<Date | null> {
  const [row] = await queryRows<{ due_at: string | Date }>(
    sql`select due_at from account_deletions where user_id = ${userId}`,
  );
  return row ? new Date(row.due_at) : null;
}

/**
 * Asks for the person's account to be deleted after the grace period. The current password is
 * the confirmation (400 when wrong, throttled). Refused with 409 while the person is the only
 * one who can manage a network, an organisation or the installation: they hand it over first.
 * Every other session ends now; a mail confirms and says how to cancel.
 */
export async function requestAccountDeletion(options: {
  userId: string;
  sessionId: string;
  currentPassword: string;
}): Promise<Date> {
  await requireCurrentPassword(options.userId, options.currentPassword);
  const db = getDb();
  const held = await rolesOnlyTheyHold(options.userId, db);
  if (held.lastSiteAdmin) throw new DomainError(409, "privacy.delete.lastSiteAdmin");
  if (held.places.length > 0) {
    throw new DomainError(409, "privacy.delete.lastManager", {
      values: { names: held.places.join(", ") },
    });
  }
  const dueAt = await db.transaction(async (tx) => {
    const [row] = await queryRows<{ due_at: string | Date }>(
      sql`insert into account_deletions (user_id, due_at)
        values (${options.userId}, now() + ${`${DELETION_GRACE_DAYS} days`}::interval)
        on conflict (user_id) do update set user_id = excluded.user_id
        returning due_at`,
      tx,
    );
    const due = new Date(row.due_at);
    await revokeAllSessions({ userId: options.userId, exceptSessionId: options.sessionId, db: tx });
    const person = await personOf(options.userId, tx);
    if (person) {
      const { t, locale } = translatorOf(person);
      const zone = canonicalTimeZone(person.time_zone) ?? DEFAULT_TIME_ZONE;
      await sendMail(
        {
          to: person.email,
          subject: t("mail.deletionRequested.subject"),
          text: t("mail.deletionRequested.body", {
            name: person.display_name,
            date: formatDate(due, locale, zone),
          }),
        },
        { tx },
      );
    }
    return due;
  });
  await announceSessionsChanged(options.userId);
  return dueAt;
}

/** Cancels a pending deletion (nothing happens when none is pending); a mail confirms. */
export async function cancelAccountDeletion(options: { userId: string }): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const cancelled = await queryRows<{ user_id: string }>(
      sql`delete from account_deletions where user_id = ${options.userId} returning user_id`,
      tx,
    );
    if (cancelled.length === 0) return false;
    const person = await personOf(options.userId, tx);
    if (person) {
      const { t } = translatorOf(person);
      await sendMail(
        {
          to: person.email,
          subject: t("mail.deletionCancelled.subject"),
          text: t("mail.deletionCancelled.body", { name: person.display_name }),
        },
        { tx },
      );
    }
    return true;
  });
}

/**
 * Where the person is still the only facilitator or admin at deletion time (others joined or
 * left during the grace period), the longest-standing other active member takes the role, so
 * that no network or organisation is left without someone who manages it.
 */
async function handOverRoles(userId: string, tx: Db): Promise<void> {
  await tx.execute(sql`
    update network_members m set role = 'facilitator'
    from (
      select distinct on (o.network_id) o.network_id, o.user_id
      from network_members mine
      join network_members o on o.network_id = mine.network_id
        and o.user_id <> ${userId} and o.status = 'active'
      where mine.user_id = ${userId} and mine.role = 'facilitator' and mine.status = 'active'
        and not exists (select 1 from network_members f where f.network_id = mine.network_id
          and f.user_id <> ${userId} and f.role = 'facilitator' and f.status = 'active')
      order by o.network_id, o.created_at, o.user_id
    ) heir
    where m.network_id = heir.network_id and m.user_id = heir.user_id`);
  await tx.execute(sql`
    update organisation_members m set role = 'admin'
    from (
      select distinct on (o.organisation_id) o.organisation_id, o.user_id
      from organisation_members mine
      join organisation_members o on o.organisation_id = mine.organisation_id
        and o.user_id <> ${userId} and o.status = 'active'
      where mine.user_id = ${userId} and mine.role = 'admin' and mine.status = 'active'
        and not exists (select 1 from organisation_members f
          where f.organisation_id = mine.organisation_id
          and f.user_id <> ${userId} and f.role = 'admin' and f.status = 'active')
      order by o.organisation_id, o.created_at, o.user_id
    ) heir
    where m.organisation_id = heir.organisation_id and m.user_id = heir.user_id`);
}

/**
 * Deletes every account whose grace period has ended: roles handed over, a last mail to the
 * address, then `deletePerson` (decision 010), one transaction per person. Safe to run twice:
 * a deleted person has no pending row left. The installation's last admin is skipped (logged)
 * until another admin exists. Returns how many accounts were deleted.
 */
export async function runDueDeletions(): Promise<number> {
  const due = await queryRows<{ user_id: string }>(
    sql`select user_id from account_deletions where due_at <= now() order by due_at limit 200`,
  );
  let deleted = 0;
  for (const { user_id: userId } of due) {
    const done = await getDb().transaction(async (tx) => {
      // Still pending and due inside this transaction (a cancel may have just happened).
      const [still] = await queryRows<{ user_id: string }>(
        sql`select user_id from account_deletions
          where user_id = ${userId} and due_at <= now() for update`,
        tx,
      );
      if (!still) return false;
      const held = await rolesOnlyTheyHold(userId, tx);
      if (held.lastSiteAdmin) {
        getLogger().warn({ userId }, "account deletion waits: the last admin");
        return false;
      }
      await handOverRoles(userId, tx);
      const person = await personOf(userId, tx);
      if (person) {
        const { t } = translatorOf(person);
        await sendMail(
          {
            to: person.email,
            subject: t("mail.accountDeleted.subject"),
            text: t("mail.accountDeleted.body", { name: person.display_name }),
          },
          { tx },
        );
      }
      await deletePerson({ userId, db: tx });
      return true;
    });
    if (done) deleted++;
  }
  if (deleted) getLogger().info({ deleted }, "accounts deleted after their grace period");
  return deleted;
}

export const accountDeletionsJob = defineJob({
  name: "privacy.deletions",
  payload: z.object({}).passthrough(),
  retryLimit: 2,
  retryDelaySeconds: 300,
  expireInSeconds: 30 * 60,
  pollingIntervalSeconds: 60,
  schedule: "40 3 * * *",
  async handle() {
    await runDueDeletions();
  },
});
