import { randomInt, randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryRows } from "~/db/client.server";
import { courses, credentials, enrolments, users } from "~/db/schema";
import { titleFrom } from "~/features/notifications/grouping";
import { notify } from "~/features/notifications/notify.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isLocale } from "~/i18n/i18n";
import { defineJob } from "~/lib/jobs.server";
import { getLogger } from "~/lib/logger.server";
import { OB_CONTEXT, OB_SCHEMA_URL, VC_CONTEXT } from "./contexts.server";
import {
  activeSigningKey,
  issuerId,
  issuerName,
  publicUrl,
  type SigningKey,
  statusListPath,
} from "./keys.server";
import { signCredential } from "./sign.server";

/** Entries in the installation's revocation list (the W3C minimum, 16 KB uncompressed). */
export const STATUS_LIST_SIZE = 131_072;

export type CredentialFacts = {
  id: string;
  statusIndex: number;
  recipientId: string;
  recipientName: string;
  courseId: string;
  courseTitle: string;
  courseSummary: string;
  courseLanguage: string;
  criteria: string;
  issuedAt: Date;
  validUntil: Date | null;
};

/**
 * OB 3.0 names its JSON-schema check `1EdTechJsonSchemaValidator2019`, a term neither the VC 2.0
 * nor the OB 3.0.3 context defines; Data Integrity signing refuses undefined terms (they would
 * drop out of the signed statements), so the credential defines it in an inline context.
 */
export const SCHEMA_VALIDATOR_TERM = {
  "1EdTechJsonSchemaValidator2019":
    "https://purl.imsglobal.org/spec/vc/ob/vocab.html#1EdTechJsonSchemaValidator2019",
};

/** The unsigned `OpenBadgeCredential` (OB 3.0 on the W3C VC 2.0 data model) for the facts. */
export function buildOpenBadgeCredential(facts: CredentialFacts): Record<string, unknown> {
  const statusList = publicUrl(statusListPath);
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT, SCHEMA_VALIDATOR_TERM],
    id: publicUrl(`/credentials/${facts.id}`),
    type: ["VerifiableCredential", "OpenBadgeCredential"],
    name: facts.courseTitle,
    ...(facts.courseSummary ? { description: facts.courseSummary } : {}),
    issuer: { id: issuerId(), type: ["Profile"], name: issuerName(), url: publicUrl("/") },
    validFrom: isoSeconds(facts.issuedAt),
    ...(facts.validUntil ? { validUntil: isoSeconds(facts.validUntil) } : {}),
    credentialSubject: {
      id: publicUrl(`/people/${facts.recipientId}`),
      type: ["AchievementSubject"],
      identifier: [
        {
          type: "IdentityObject",
          identityHash: facts.recipientName,
          identityType: "name",
          hashed: false,
        },
      ],
      achievement: {
        id: publicUrl(`/courses/${facts.courseId}`),
        type: ["Achievement"],
        achievementType: "Course",
        name: facts.courseTitle,
        description: facts.courseSummary || facts.courseTitle,
        criteria: { narrative: facts.criteria },
        inLanguage: facts.courseLanguage,
      },
    },
    credentialStatus: {
      id: `${statusList}#${facts.statusIndex}`,
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListIndex: String(facts.statusIndex),
      statusListCredential: statusList,
    },
    credentialSchema: [{ id: OB_SCHEMA_URL, type: "1EdTechJsonSchemaValidator2019" }],
  };
}

/** XML Schema dateTime without milliseconds, as credentials usually carry it. */
function isoSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** A free place in the status list: random (so the index says nothing about issue order). */
async function freeStatusIndex(db: Db): Promise<number> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = randomInt(STATUS_LIST_SIZE);
    const taken = await db
      .select({ id: credentials.id })
      .from(credentials)
      .where(eq(credentials.statusIndex, candidate))
      .limit(1);
    if (taken.length === 0) return candidate;
  }
  // A crowded list: take any free place, or fail loudly (decision 019: a second list then).
  const [row] = await queryRows<{ i: number }>(
    sql`select i from generate_series(0, ${STATUS_LIST_SIZE - 1}) as i
        where not exists (select 1 from credentials c where c.status_index = i)
        order by random() limit 1`,
    db,
  );
  if (!row) throw new Error("The revocation status list is full.");
  return Number(row.i);
}

export type IssueResult =
  | { issued: true; credentialId: string }
  | { issued: false; reason: "not_found" | "not_completed" | "no_badge" | "already_issued" };

/**
 * Issues the certificate of a completed enrolment, exactly once (the unique enrolment in
 * `credentials` decides between two runs): signs the Open Badges 3.0 credential, stores it with
 * its status-list place and tells the learner (`badge.issued`) in the same transaction.
 * `validUntil` is for credentials that expire (none of the courses set one yet).
 */
export async function issueCredentialForEnrolment(
  input: { enrolmentId: string; validUntil?: Date | null; now?: Date },
  db: Db = getDb(),
): Promise<IssueResult> {
  const [row] = await db
    .select({
      enrolmentId: enrolments.id,
      status: enrolments.status,
      completedAt: enrolments.completedAt,
      userId: users.id,
      displayName: users.displayName,
      locale: users.locale,
      courseId: courses.id,
      title: courses.title,
      summary: courses.summary,
      language: courses.language,
      completionRule: courses.completionRule,
      issuesBadge: courses.issuesBadge,
    })
    .from(enrolments)
    .innerJoin(courses, eq(courses.id, enrolments.courseId))
    .innerJoin(users, eq(users.id, enrolments.userId))
    .where(eq(enrolments.id, input.enrolmentId))
    .limit(1);
  if (!row) return { issued: false, reason: "not_found" };
  if (row.status !== "completed" || !row.completedAt) {
    return { issued: false, reason: "not_completed" };
  }
  if (!row.issuesBadge) return { issued: false, reason: "no_badge" };
  if (await credentialOfEnrolment(row.enrolmentId, db)) {
    return { issued: false, reason: "already_issued" };
  }
  const key: SigningKey = await activeSigningKey(db);
  const t = translatorFor(isLocale(row.locale) ? row.locale : "en");
  const criteria =
    row.completionRule === "all_lessons"
      ? t("credentials.criteria.allLessons", { course: row.title })
      : t("credentials.criteria.allLessonsAndQuizzes", { course: row.title });
  const issuedAt = input.now ?? new Date();
  for (let attempt = 0; attempt < 5; attempt++) {
    const id = randomUUID();
    const statusIndex = await freeStatusIndex(db);
    const facts: CredentialFacts = {
      id,
      statusIndex,
      recipientId: row.userId,
      recipientName: row.displayName,
      courseId: row.courseId,
      courseTitle: row.title,
      courseSummary: row.summary,
      courseLanguage: row.language,
      criteria,
      issuedAt,
      validUntil: input.validUntil ?? null,
    };
    const signed = await signCredential(buildOpenBadgeCredential(facts), key);
    // The 1EdTech OB 3.0 schema (VC 2.0 revision) wants `proof` as a list; VC 2.0 allows both
    // and the proof is outside what is signed, so the list form changes no signature.
    signed.proof = [signed.proof];
    const outcome = await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(credentials)
        .values({
          id,
          enrolmentId: row.enrolmentId,
          userId: row.userId,
          courseId: row.courseId,
          statusIndex,
          document: signed,
          recipientName: row.displayName,
          achievementName: row.title,
          issuedAt,
          validUntil: facts.validUntil,
        })
        .onConflictDoNothing()
        .returning({ id: credentials.id });
      if (inserted.length === 0) return "conflict" as const;
      await notify(tx, {
        kind: "badge.issued",
        recipientIds: [row.userId],
        actorId: null,
        groupKey: `credential:${id}`,
        sourceKey: `credential:${row.enrolmentId}`,
        data: { credentialId: id, title: titleFrom(row.title) },
      });
      return "issued" as const;
    });
    if (outcome === "issued") return { issued: true, credentialId: id };
    // Another run issued this enrolment's credential, or took the status index first.
    if (await credentialOfEnrolment(row.enrolmentId, db)) {
      return { issued: false, reason: "already_issued" };
    }
  }
  throw new Error("Could not find a free place in the revocation status list.");
}

async function credentialOfEnrolment(enrolmentId: string, db: Db): Promise<string | undefined> {
  const [existing] = await db
    .select({ id: credentials.id })
    .from(credentials)
    .where(eq(credentials.enrolmentId, enrolmentId))
    .limit(1);
  return existing?.id;
}

/** `credentials.issue`: queued when an enrolment completes (with the enrolment id as key). */
export const issueCredentialJob = defineJob({
  name: "credentials.issue",
  payload: z.object({ enrolmentId: z.uuid() }),
  retryLimit: 5,
  retryDelaySeconds: 30,
  expireInSeconds: 300,
  async handle({ enrolmentId }) {
    const result = await issueCredentialForEnrolment({ enrolmentId });
    getLogger().info({ enrolmentId, result }, "credentials.issue");
  },
});
