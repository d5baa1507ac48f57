import { eq, sql } from "drizzle-orm";
import { type Db, queryRows } from "~/db/client.server";
import {
  conversations,
  events,
  introductionUpdates,
  opportunities,
  opportunityInterests,
  opportunityTranslations,
  partnershipStories,
} from "~/db/schema";
import { instantFromWallClock, wallClockAt } from "~/lib/time-zones";
import { writeConversation } from "./demo-conversations.server";
import { demoOrganisations } from "./demo-data";
import { demoInterests, demoOpportunities, demoPartneringDay, demoStory } from "./demo-partnering";
import { buildPartneringDay } from "./partnering-day-builders.server";

const DAY = 86_400_000;
/** How long a published opportunity stays up (opportunities.server.ts uses the same). */
const PUBLISHED_FOR_DAYS = 182;

/**
 * Writes the demo's partnering through `db` (the demo seed's transaction): opportunities of
 * demo organisations in every partner country, interests, introductions with their stages and
 * conversations, and the story of the active partnership. Authors are each organisation's
 * first active admin; a facilitator reviewed what is published.
 */
export async function seedDemoPartnering(
  personIds: Map<string, string>,
  db: Db,
): Promise<{ opportunities: number }> {
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY);
  const organisations = await queryRows<{ key: string; id: string; admin: string }>(
    sql`select o.id, o.name as key,
          (select m.user_id from organisation_members m where m.organisation_id = o.id
            and m.status = 'active' order by (m.role = 'admin') desc, m.created_at, m.user_id
            limit 1) as admin
        from organisations o`,
    db,
  );
  const byName = new Map(organisations.map((o) => [o.key, o]));
  const organisationOf = (key: string) => {
    const spec = demoOrganisations.find((o) => o.key === key);
    const found = spec && byName.get(spec.name);
    if (!found?.admin) throw new Error(`Demo partnering refers to unknown organisation ${key}`);
    return found as { id: string; admin: string };
  };
  const [reviewer] = await queryRows<{ id: string }>(
    sql`select id from users where is_facilitator and not is_admin order by created_at, id limit 1`,
    db,
  );

  const opportunityIds = new Map<
    string,
    { id: string; organisation: { id: string; admin: string } }
  >();
  for (const demo of demoOpportunities) {
    const organisation = organisationOf(demo.organisation);
    const publishedAt = at(demo.publishedDaysAgo);
    const isOut = demo.state === "published" || demo.state === "expired";
    const expiresAt = isOut
      ? demo.state === "expired"
        ? at(demo.publishedDaysAgo - PUBLISHED_FOR_DAYS)
        : new Date(publishedAt.getTime() + PUBLISHED_FOR_DAYS * DAY)
      : null;
    const [row] = await db
      .insert(opportunities)
      .values({
        organisationId: organisation.id,
        createdBy: organisation.admin,
        kind: demo.kind,
        area: demo.area,
        partnerships: demo.partnerships,
        language: demo.language,
        title: demo.title,
        summary: demo.summary,
        description: demo.description,
        naceDivision: demo.naceDivision,
        targetCountries: demo.targetCountries,
        languages: demo.languages,
        brings: demo.brings,
        seeks: demo.seeks,
        deadline:
          demo.deadlineInDays === null
            ? null
            : new Date(now + demo.deadlineInDays * DAY).toISOString().slice(0, 10),
        status: demo.state === "expired" ? "published" : demo.state,
        submittedAt: demo.state === "draft" ? null : new Date(publishedAt.getTime() - 2 * DAY),
        reviewedBy: isOut ? (reviewer?.id ?? null) : null,
        reviewedAt: isOut ? publishedAt : null,
        publishedAt: isOut ? publishedAt : null,
        expiresAt,
        createdAt: new Date(publishedAt.getTime() - 3 * DAY),
        updatedAt: publishedAt,
      })
      .returning({ id: opportunities.id });
    opportunityIds.set(demo.key, { id: row.id, organisation });
    for (const translation of demo.translations ?? []) {
      await db.insert(opportunityTranslations).values({
        opportunityId: row.id,
        language: translation.language,
        title: translation.title,
        summary: translation.summary,
        description: translation.description ?? "",
      });
    }
  }

  for (const demo of demoInterests) {
    const opportunity = opportunityIds.get(demo.opportunity);
    if (!opportunity) throw new Error(`Demo interest in unknown opportunity ${demo.opportunity}`);
    const organisation = organisationOf(demo.organisation);
    const accepted = demo.status === "accepted";
    const decided = accepted || demo.status === "declined";
    const stages = demo.stages ?? [];
    const latest = stages[stages.length - 1];
    let conversationId: string | null = null;
    if (accepted) {
      const people = [opportunity.organisation.admin, organisation.admin];
      const [existing] = await db
        .select({ id: conversations.id })
        .from(conversations)
        .where(eq(conversations.directKey, [...people].sort().join(":")));
      conversationId =
        existing?.id ??
        (await writeConversation(db, now, people, {
          messages: [
            {
              authorId: opportunity.organisation.admin,
              body: demo.message,
              hoursAgo: (demo.daysAgo - 1) * 24,
            },
          ],
        }));
    }
    const [interest] = await db
      .insert(opportunityInterests)
      .values({
        opportunityId: opportunity.id,
        organisationId: organisation.id,
        userId: organisation.admin,
        message: demo.message,
        status: demo.status,
        decidedBy: decided ? opportunity.organisation.admin : null,
        decidedAt: decided ? at(demo.daysAgo - 1) : null,
        conversationId,
        stage: accepted ? (latest?.stage ?? "introduced") : null,
        stageChangedAt: accepted ? at(latest?.daysAgo ?? demo.daysAgo - 1) : null,
        createdAt: at(demo.daysAgo),
      })
      .returning({ id: opportunityInterests.id });
    for (const [index, update] of stages.entries()) {
      await db.insert(introductionUpdates).values({
        interestId: interest.id,
        stage: update.stage,
        outcome: update.outcome,
        userId: index % 2 === 0 ? opportunity.organisation.admin : organisation.admin,
        createdAt: at(update.daysAgo),
      });
    }
    if (
      demo.opportunity === demoStory.opportunity &&
      demo.organisation === demoStory.organisation
    ) {
      await db.insert(partnershipStories).values({
        interestId: interest.id,
        language: demoStory.language,
        title: demoStory.title,
        body: demoStory.body,
        writtenBy: organisation.admin,
        approvedBy: opportunity.organisation.admin,
        publishedAt: at(demoStory.daysAgo),
        createdAt: at(demoStory.daysAgo + 2),
        updatedAt: at(demoStory.daysAgo),
      });
    }
  }
  await db.execute(sql`update opportunities o set interest_count = (
      select count(*) from opportunity_interests i
      where i.opportunity_id = o.id and i.status <> 'withdrawn')`);
  await seedDemoPartneringDay(personIds, db, now);
  return { opportunities: demoOpportunities.length };
}

/**
 * An online partnering morning in the Cash-Flow Clinic Online network: its facilitator set up
 * 20-minute calls, ten members going take part and four meetings are booked; the Cork bakery's
 * and the Tampere wholesaler's owners are left free so that a visitor can book them.
 */
async function seedDemoPartneringDay(personIds: Map<string, string>, db: Db, now: number) {
  const spec = demoPartneringDay;
  const person = (key: string) => {
    const id = personIds.get(key);
    if (!id) throw new Error(`Demo partnering day refers to unknown person ${key}`);
    return id;
  };
  const [network] = await queryRows<{ id: string }>(
    sql`select id from networks where name = ${spec.network}`,
    db,
  );
  if (!network) throw new Error(`Demo partnering day refers to unknown network ${spec.network}`);
  const day = wallClockAt(now + spec.inDays * DAY, spec.timeZone);
  const at = (hour: number, minute: number) =>
    instantFromWallClock({ ...day, hour, minute, second: 0 }, spec.timeZone);
  const startsAt = at(9, 0);
  const [event] = await db
    .insert(events)
    .values({
      networkId: network.id,
      createdBy: person(spec.facilitator),
      title: spec.title,
      description: spec.description,
      kind: "online",
      meetingUrl: spec.meetingUrl,
      timeZone: spec.timeZone,
      startsAt,
      endsAt: at(12, 0),
      language: "en",
      createdAt: new Date(now - 10 * DAY),
    })
    .returning({ id: events.id });
  const participants = [];
  for (const p of spec.participants) {
    const userId = person(p.person);
    // Taking part for their organisation, as the join form offers.
    const [membership] = await queryRows<{ organisation_id: string }>(
      sql`select organisation_id from organisation_members
          where user_id = ${userId}::uuid and status = 'active'
          order by created_at, organisation_id limit 1`,
      db,
    );
    participants.push({
      userId,
      seeks: p.seeks,
      offers: p.offers,
      organisationId: membership?.organisation_id ?? null,
    });
  }
  await buildPartneringDay(db, {
    eventId: event.id,
    startsAt: at(9, 30),
    endsAt: at(11, 30),
    tables: 0,
    createdBy: person(spec.facilitator),
    participants,
    bookings: spec.bookings.map((b) => ({
      requester: person(b.requester),
      invitee: person(b.invitee),
      slot: b.slot,
    })),
  });
}
