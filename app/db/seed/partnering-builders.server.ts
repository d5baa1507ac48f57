/**
 * Builders for partnering (issue 12): opportunities and expressions of interest straight into the
 * database, for tests, the demo seed and the scale seed. Defaults make a published opportunity
 * that is visible now (published now, expires in six months).
 */
import { sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { introductionUpdates, opportunities, opportunityInterests } from "~/db/schema";

export type OpportunitySpec = {
  organisationId: string;
  createdBy?: string | null;
  kind?: "offer" | "request";
  area?: "business" | "technology" | "service";
  partnerships?: string[];
  language?: string;
  title?: string;
  summary?: string;
  description?: string;
  naceDivision?: string;
  targetCountries?: string[];
  languages?: string[];
  brings?: string;
  seeks?: string;
  /** "YYYY-MM-DD" or null. */
  deadline?: string | null;
  status?: "draft" | "submitted" | "published" | "withdrawn";
  publishedAt?: Date;
  expiresAt?: Date;
  interestCount?: number;
};

let counter = 0;

/** Creates an opportunity (published and visible unless told otherwise). */
export async function buildOpportunity(
  spec: OpportunitySpec,
  db: Db = getDb(),
): Promise<{ id: string }> {
  counter += 1;
  const status = spec.status ?? "published";
  const now = new Date();
  const published = status === "published" || status === "withdrawn";
  const [row] = await db
    .insert(opportunities)
    .values({
      organisationId: spec.organisationId,
      createdBy: spec.createdBy ?? null,
      kind: spec.kind ?? "request",
      area: spec.area ?? "business",
      partnerships: spec.partnerships ?? ["distribution"],
      language: spec.language ?? "en",
      title: spec.title ?? `Opportunity ${counter}`,
      summary: spec.summary ?? "Looking for a partner.",
      description: spec.description ?? "",
      naceDivision: spec.naceDivision ?? "10",
      targetCountries: spec.targetCountries ?? [],
      languages: spec.languages ?? ["en"],
      brings: spec.brings ?? "",
      seeks: spec.seeks ?? "",
      deadline: spec.deadline ?? null,
      status,
      submittedAt: status === "draft" ? null : now,
      publishedAt: published ? (spec.publishedAt ?? now) : null,
      expiresAt: published
        ? (spec.expiresAt ?? new Date((spec.publishedAt ?? now).getTime() + 182 * 86_400_000))
        : null,
      interestCount: spec.interestCount ?? 0,
    })
    .returning({ id: opportunities.id });
  return { id: row.id };
}

export type InterestSpec = {
  opportunityId: string;
  organisationId: string;
  userId: string | null;
  message?: string;
  status?: "pending" | "accepted" | "declined" | "withdrawn";
  /** Who accepted or declined (accepted/declined only). */
  decidedBy?: string | null;
  decidedAt?: Date;
  stage?: "introduced" | "met" | "agreement" | "active" | "ended";
  conversationId?: string | null;
  createdAt?: Date;
};

/**
 * Creates an expression of interest and keeps the opportunity's `interest_count` (its pending
 * and accepted interests) in step; an accepted one gets its stage (introduced by default) and
 * the first `introduction_updates` row.
 */
export async function buildInterest(spec: InterestSpec, db: Db = getDb()): Promise<{ id: string }> {
  const status = spec.status ?? "pending";
  const decided = status === "accepted" || status === "declined";
  const createdAt = spec.createdAt ?? new Date();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(opportunityInterests)
      .values({
        opportunityId: spec.opportunityId,
        organisationId: spec.organisationId,
        userId: spec.userId,
        message: spec.message ?? "We would like to talk.",
        status,
        decidedBy: decided ? (spec.decidedBy ?? null) : null,
        decidedAt: decided ? (spec.decidedAt ?? createdAt) : null,
        stage: status === "accepted" ? (spec.stage ?? "introduced") : null,
        stageChangedAt: status === "accepted" ? (spec.decidedAt ?? createdAt) : null,
        conversationId: spec.conversationId ?? null,
        createdAt,
      })
      .returning({ id: opportunityInterests.id });
    if (status === "pending" || status === "accepted") {
      await tx.execute(
        sql`update opportunities set interest_count = interest_count + 1 where id = ${spec.opportunityId}`,
      );
    }
    if (status === "accepted") {
      await tx.insert(introductionUpdates).values({
        interestId: row.id,
        stage: spec.stage ?? "introduced",
        userId: spec.decidedBy ?? null,
        createdAt: spec.decidedAt ?? createdAt,
      });
    }
    return { id: row.id };
  });
}
