import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, queryRows } from "~/db/client.server";
import { networkInvitations, networks, users } from "~/db/schema";
import { notify } from "~/features/notifications/notify.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale } from "~/i18n/i18n";
import { randomToken, sha256 } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { conflict, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import { sendMail } from "~/lib/mail.server";
import type { Decision, Person } from "~/lib/policy";
import { hitRateLimit } from "~/lib/rate-limit.server";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatDateTime } from "~/ui/format";
import { joinByInvitation, membershipView } from "./membership.server";
import { type NetworkSubject, networkPolicy } from "./rules";

const EMAIL_INVITE_DAYS = 14;

export function invitationUrl(token: string): string {
  return new URL(`/invitations/${token}`, getEnv().PUBLIC_URL).toString();
}

/**
 * Emails an invitation to each address (up to 20 at a time). Each link is single-use and
 * works for someone without an account: they sign up through it and land in the network.
 *
 * Safe to send twice: an address with an invitation to this network still waiting is not
 * invited again (it is returned in `alreadyInvited`), and the same form sent again (the same
 * `submissionKey`, say after the server died mid-answer) answers as the first time did without
 * sending anything. The invitations and their mails are written in one transaction.
 */
export async function inviteByEmail(input: {
  decision: Decision<"invite", NetworkSubject, Person>;
  emails: string[];
  submissionKey?: string;
}): Promise<{ sent: number; alreadyInvited: string[] }> {
  const { decision, ...rest } = input;
  const options = { ...rest, networkId: decision.resource.id, invitedBy: decision.actor.id };
  // Each address counts, not each form: 100 invitations a day per person.
  const limit = await hitRateLimit(
    `invite:user:${options.invitedBy}`,
    100,
    86400,
    options.emails.length,
  );
  if (!limit.allowed) throw conflict("invites.tooManyToday");
  // Someone a facilitator removed is not invited back by mail while the removal stands; the
  // facilitator lifts it first (the invitation would be refused on acceptance anyway).
  const [removed] = await queryRows<{ n: number }>(sql`
    select count(*)::int as n from network_removals r join users u on u.id = r.user_id
    where r.network_id = ${options.networkId}
      and lower(u.email) in (${sql.join(
        options.emails.map((e) => sql`${e.toLowerCase()}`),
        sql`, `,
      )})`);
  if (Number(removed.n) > 0) throw conflict("invites.removedAddress");
  const emails = [...new Set(options.emails.map((e) => e.trim().toLowerCase()))];
  return getDb().transaction(async (tx) => {
    // One invitation form per network at a time: two answering at once would both see no
    // pending invitation for an address and both invite it.
    const [network] = await tx
      .select({ name: networks.name, purpose: networks.purpose })
      .from(networks)
      .where(eq(networks.id, options.networkId))
      .for("update");
    if (options.submissionKey) {
      const earlier = await tx
        .select({ email: networkInvitations.email })
        .from(networkInvitations)
        .where(
          and(
            eq(networkInvitations.networkId, options.networkId),
            eq(networkInvitations.createdBy, options.invitedBy),
            eq(networkInvitations.submissionKey, options.submissionKey),
          ),
        );
      if (earlier.length > 0) {
        const sentBefore = new Set(earlier.map((row) => row.email));
        return {
          sent: sentBefore.size,
          alreadyInvited: emails.filter((email) => !sentBefore.has(email)),
        };
      }
    }
    const pending = await tx
      .select({ email: networkInvitations.email })
      .from(networkInvitations)
      .where(
        and(
          eq(networkInvitations.networkId, options.networkId),
          eq(networkInvitations.kind, "email"),
          inArray(networkInvitations.email, emails),
          isNull(networkInvitations.revokedAt),
          isNull(networkInvitations.acceptedAt),
          gt(networkInvitations.expiresAt, sql`now()`),
        ),
      );
    const alreadyInvited = new Set(pending.map((row) => row.email ?? ""));
    const fresh = emails.filter((email) => !alreadyInvited.has(email));
    if (fresh.length === 0) return { sent: 0, alreadyInvited: [...alreadyInvited] };
    const [inviter] = await tx
      .select({ name: users.displayName, locale: users.locale, timeZone: users.timeZone })
      .from(users)
      .where(eq(users.id, options.invitedBy));
    const expiresAt = new Date(Date.now() + EMAIL_INVITE_DAYS * 86400_000);
    const tokens = fresh.map((email) => ({ email, token: randomToken() }));
    const created = await tx
      .insert(networkInvitations)
      .values(
        tokens.map(({ email, token }) => ({
          networkId: options.networkId,
          kind: "email" as const,
          email,
          tokenHash: sha256(token),
          createdBy: options.invitedBy,
          expiresAt,
          submissionKey: options.submissionKey ?? null,
        })),
      )
      .returning({ id: networkInvitations.id, email: networkInvitations.email });
    const idByEmail = new Map(created.map((row) => [row.email, row.id]));
    // Written in the inviter's language and zone (named): we know nothing yet about the person
    // invited.
    const locale = isLocale(inviter.locale) ? inviter.locale : "en";
    const t = translatorFor(locale);
    const until = formatDateTime(
      expiresAt,
      locale,
      canonicalTimeZone(inviter.timeZone) ?? DEFAULT_TIME_ZONE,
      "id",
    );
    // People who already have an account also find the invitation in their notifications
    // (matched on the address, as the mail is). It carries the network's name: they may not be
    // able to see a secret network before they accept.
    const accounts = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(inArray(sql`lower(${users.email})`, fresh));
    const tokenByEmail = new Map(tokens.map(({ email, token }) => [email, token]));
    for (const account of accounts) {
      const email = account.email.toLowerCase();
      const invitationId = idByEmail.get(email);
      const token = tokenByEmail.get(email);
      if (!invitationId || !token) continue;
      await notify(tx, {
        kind: "invitation",
        recipientIds: [account.id],
        actorId: options.invitedBy,
        networkId: options.networkId,
        groupKey: `invitation:${invitationId}`,
        sourceKey: `invitation:${invitationId}`,
        data: {
          networkId: options.networkId,
          network: network.name,
          path: `/invitations/${token}`,
        },
      });
    }
    for (const { email, token } of tokens) {
      await sendMail(
        {
          to: email,
          subject: t("mail.invite.subject", { network: network.name }),
          text: t("mail.invite.body", {
            inviter: inviter.name,
            network: network.name,
            purpose: network.purpose,
            link: invitationUrl(token),
            days: EMAIL_INVITE_DAYS,
            until,
          }),
        },
        { key: `invitation:${idByEmail.get(email)}`, tx },
      );
    }
    return { sent: tokens.length, alreadyInvited: [...alreadyInvited] };
  });
}

/** Makes a shareable invitation link that works for `days` days or until revoked. */
export async function createInvitationLink(input: {
  decision: Decision<"invite", NetworkSubject, Person>;
  days: number;
}): Promise<{ url: string }> {
  const { decision } = input;
  const options = {
    days: input.days,
    networkId: decision.resource.id,
    createdBy: decision.actor.id,
  };
  const token = randomToken();
  await getDb()
    .insert(networkInvitations)
    .values({
      networkId: options.networkId,
      kind: "link",
      tokenHash: sha256(token),
      createdBy: options.createdBy,
      expiresAt: new Date(Date.now() + options.days * 86400_000),
    });
  return { url: invitationUrl(token) };
}

/** Stops a shareable link from working. */
export async function revokeInvitationLink(input: {
  decision: Decision<"invite", NetworkSubject>;
  invitationId: string;
}) {
  const options = { ...input, networkId: input.decision.resource.id };
  if (!isUuid(options.invitationId)) return false;
  const rows = await getDb()
    .update(networkInvitations)
    // A replayed "stop" keeps the first time it was stopped.
    .set({ revokedAt: sql`coalesce(${networkInvitations.revokedAt}, now())` })
    .where(
      and(
        eq(networkInvitations.id, options.invitationId),
        eq(networkInvitations.networkId, options.networkId),
        eq(networkInvitations.kind, "link"),
      ),
    )
    .returning({ id: networkInvitations.id });
  return rows.length > 0;
}

/** The network's live shareable links and its invitations still waiting, newest first. */
export async function listInvitations(networkId: string) {
  return getDb()
    .select({
      id: networkInvitations.id,
      kind: networkInvitations.kind,
      email: networkInvitations.email,
      createdAt: networkInvitations.createdAt,
      expiresAt: networkInvitations.expiresAt,
      usedCount: networkInvitations.usedCount,
    })
    .from(networkInvitations)
    .where(
      and(
        eq(networkInvitations.networkId, networkId),
        isNull(networkInvitations.revokedAt),
        isNull(networkInvitations.acceptedAt),
        gt(networkInvitations.expiresAt, sql`now()`),
      ),
    )
    .orderBy(desc(networkInvitations.createdAt))
    .limit(100);
}

/**
 * What an invitation token opens: the network's public face, or null when the token is unknown,
 * used, expired or revoked (all look the same).
 */
export async function findInvitation(token: string) {
  if (token.length < 20 || token.length > 100) return null;
  const [row] = await getDb()
    .select({
      id: networkInvitations.id,
      kind: networkInvitations.kind,
      networkId: networks.id,
      name: networks.name,
      purpose: networks.purpose,
      visibility: networks.visibility,
      memberCount: networks.memberCount,
      memberCap: networks.memberCap,
    })
    .from(networkInvitations)
    .innerJoin(networks, eq(networks.id, networkInvitations.networkId))
    .where(
      and(
        eq(networkInvitations.tokenHash, sha256(token)),
        isNull(networkInvitations.revokedAt),
        isNull(networkInvitations.acceptedAt),
        gt(networkInvitations.expiresAt, sql`now()`),
      ),
    );
  return row ?? null;
}

/**
 * Joins the network an invitation is for. An email invitation is used up; a link counts its
 * uses. Fails with a DomainError when the token no longer works or the network is full.
 */
export async function acceptInvitation(input: {
  actor: Person;
  token: string;
}): Promise<{ networkId: string }> {
  const options = { token: input.token, userId: input.actor.id };
  return getDb().transaction(async (tx) => {
    const [invitation] = await tx
      .select({
        id: networkInvitations.id,
        kind: networkInvitations.kind,
        networkId: networkInvitations.networkId,
      })
      .from(networkInvitations)
      .where(
        and(
          eq(networkInvitations.tokenHash, sha256(options.token)),
          isNull(networkInvitations.revokedAt),
          isNull(networkInvitations.acceptedAt),
          gt(networkInvitations.expiresAt, sql`now()`),
        ),
      )
      .for("update");
    if (!invitation) throw notFound("invites.invalid");
    networkPolicy.authorize(input.actor, "acceptInvitation", {
      kind: invitation.kind,
      membership: await membershipView(tx, invitation.networkId, options.userId),
    });
    await joinByInvitation(tx, { networkId: invitation.networkId, userId: options.userId });
    await tx
      .update(networkInvitations)
      .set({
        usedCount: sql`${networkInvitations.usedCount} + 1`,
        ...(invitation.kind === "email" ? { acceptedAt: new Date() } : {}),
      })
      .where(eq(networkInvitations.id, invitation.id));
    return { networkId: invitation.networkId };
  });
}
