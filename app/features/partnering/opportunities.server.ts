import { and, eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed, queryRows } from "~/db/client.server";
import { opportunities, opportunityTranslations } from "~/db/schema";
import { notify, TITLE_MAX } from "~/features/notifications/notify.server";
import { isCountry, isLanguage, isNaceDivision } from "~/features/taxonomy/vocabulary.server";
import { createOnce } from "~/lib/create-once.server";
import { type Cursor, encodeCursor } from "~/lib/cursor";
import { conflict, invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Actor, Person } from "~/lib/policy";
import { PAGE_SIZE, PUBLISHED_MONTHS } from "./limits";
import { isReviewer, type OpportunitySubject, opportunityPolicy } from "./rules";
import {
  ANYWHERE,
  checkDeadline,
  type OpportunityForm,
  opportunityColumnsOf,
  type SearchFilters,
  searchFilterKeys,
  searchFilterSchema,
  type TranslationForm,
} from "./schema";

/**
 * Partnering opportunities (issue 12, decision 023): written as drafts by the active members of
 * an organisation (its authors), reviewed by installation facilitators and admins, published
 * for six months (or until the day after the deadline), renewed by the authors.
 */

export type OpportunityRow = typeof opportunities.$inferSelect;
export type TranslationRow = typeof opportunityTranslations.$inferSelect;

const cut = (title: string) =>
  title.length > TITLE_MAX ? `${title.slice(0, TITLE_MAX - 1)}…` : title;

/** Organisations the person is an active member of (what they may publish for). */
export async function myOrganisations(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select o.id::text, o.name from organisation_members m
          join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId}::uuid and m.status = 'active' order by o.name limit 50`,
    db,
  );
}

async function isMember(userId: string, organisationId: string, db: Db): Promise<boolean> {
  if (!isUuid(organisationId)) return false;
  const rows = await queryRows(
    sql`select 1 from organisation_members where user_id = ${userId}::uuid
          and organisation_id = ${organisationId}::uuid and status = 'active'`,
    db,
  );
  return rows.length > 0;
}

/** Whether the person is an author of the opportunity (an active member of its organisation). */
export async function isOpportunityAuthor(
  userId: string,
  opportunityId: string,
  tx: Db = getDb(),
): Promise<boolean> {
  if (!isUuid(opportunityId) || !isUuid(userId)) return false;
  const rows = await queryRows(
    sql`select 1 from opportunities o join organisation_members m
          on m.organisation_id = o.organisation_id and m.status = 'active'
        where o.id = ${opportunityId}::uuid and m.user_id = ${userId}::uuid`,
    tx,
  );
  return rows.length > 0;
}

/** Published and not yet expired. */
export function isCurrent(row: Pick<OpportunityRow, "status" | "expiresAt">, now = new Date()) {
  return row.status === "published" && row.expiresAt !== null && row.expiresAt > now;
}

export function subjectOf(row: OpportunityRow, isAuthor: boolean): OpportunitySubject {
  return { isAuthor, status: row.status, current: isCurrent(row) };
}

export type OpportunityForViewer = {
  opportunity: OpportunityRow;
  organisation: { id: string; name: string; country: string };
  translations: TranslationRow[];
  isAuthor: boolean;
  isReviewer: boolean;
  subject: OpportunitySubject;
};

/**
 * The opportunity as this viewer may see it, with its organisation and translations, and
 * whether the viewer is an author or a reviewer; the 404 DomainError when it does not exist or
 * the viewer may not see it (a draft, one in review, withdrawn or expired for anyone but its
 * authors and reviewers; signed-out visitors see only current published ones).
 */
export async function findOpportunityForViewer(
  viewer: Actor,
  id: string,
): Promise<OpportunityForViewer> {
  if (!isUuid(id)) throw notFound("partnering.notFound");
  const db = getDb();
  const [opportunity] = await db.select().from(opportunities).where(eq(opportunities.id, id));
  if (!opportunity) throw notFound("partnering.notFound");
  const isAuthor = viewer ? await isOpportunityAuthor(viewer.id, id, db) : false;
  const subject = subjectOf(opportunity, isAuthor);
  opportunityPolicy.authorize(viewer, "view", subject);
  const [organisation] = await queryParsed(
    z.object({ id: z.string(), name: z.string(), country: z.string() }),
    sql`select id::text, name, country from organisations where id = ${opportunity.organisationId}::uuid`,
    db,
  );
  if (!organisation) throw notFound("partnering.notFound");
  const translations = await db
    .select()
    .from(opportunityTranslations)
    .where(eq(opportunityTranslations.opportunityId, id));
  return {
    opportunity,
    organisation,
    translations,
    isAuthor,
    isReviewer: isReviewer(viewer),
    subject,
  };
}

/**
 * What the form schema cannot check alone: a real NACE division, known working languages and
 * countries, a deadline not in the past. Field → message key (empty when all is well).
 */
export function checkOpportunity(
  form: OpportunityForm,
  today: string = new Date().toISOString().slice(0, 10),
): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!isNaceDivision(form.naceDivision)) errors.naceDivision = "partnering.sectorRequired";
  if (form.languages.some((code) => !isLanguage(code))) {
    errors.languages = "partnering.languagesRequired";
  }
  if (form.targetCountries.some((c) => c !== ANYWHERE && !isCountry(c))) {
    errors.targetCountries = "partnering.countryInvalid";
  }
  const deadline = checkDeadline(form.deadline, today);
  if (deadline) errors.deadline = deadline;
  return errors;
}

async function authorIds(tx: Db, organisationId: string): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ id: z.string() }),
    sql`select user_id::text as id from organisation_members
        where organisation_id = ${organisationId}::uuid and status = 'active' limit 500`,
    tx,
  );
  return rows.map((r) => r.id);
}

/** Facilitators and admins of the installation who are not authors of this organisation. */
async function reviewerIds(tx: Db, organisationId: string): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ id: z.string() }),
    sql`select u.id::text from users u
        where (u.is_facilitator or u.is_admin)
          and not exists (select 1 from organisation_members m where m.user_id = u.id
            and m.organisation_id = ${organisationId}::uuid and m.status = 'active')
        limit 5000`,
    tx,
  );
  return rows.map((r) => r.id);
}

/** Marks a locked row submitted and tells the reviewers (one notification per submission). */
async function markSubmitted(tx: Db, row: OpportunityRow, actorId: string) {
  const [stamp] = await queryParsed(
    z.object({ at: z.string() }),
    sql`update opportunities set status = 'submitted', submitted_at = now(), updated_at = now()
        where id = ${row.id}::uuid returning submitted_at::text as at`,
    tx,
  );
  await notify(tx, {
    kind: "opportunity.review_requested",
    recipientIds: await reviewerIds(tx, row.organisationId),
    actorId,
    groupKey: `opportunity-review:${row.id}`,
    sourceKey: `opportunity-submitted:${row.id}:${stamp?.at ?? ""}`,
    data: { opportunityId: row.id, title: cut(row.title) },
  });
}

async function lockOpportunity(tx: Db, id: string): Promise<OpportunityRow> {
  if (!isUuid(id)) throw notFound("partnering.notFound");
  const [row] = await tx.select().from(opportunities).where(eq(opportunities.id, id)).for("update");
  if (!row) throw notFound("partnering.notFound");
  return row;
}

/** Locks the row and authorizes the action on it for the actor (in the caller's transaction). */
async function lockFor(
  tx: Db,
  actor: Person,
  id: string,
  action: "edit" | "submit" | "review" | "withdraw" | "renew",
) {
  const row = await lockOpportunity(tx, id);
  const isAuthor = await isOpportunityAuthor(actor.id, id, tx);
  opportunityPolicy.authorize(actor, action, subjectOf(row, isAuthor));
  return row;
}

/**
 * Creates an opportunity (once per submission key) as a draft, or submitted for review when
 * `submit` is set. The person must be an active member of the organisation (403 otherwise).
 */
export async function createOpportunity(options: {
  actor: Person;
  form: OpportunityForm;
  submit: boolean;
  submissionKey?: string;
}): Promise<{ id: string; duplicate: boolean }> {
  const { actor, form } = options;
  opportunityPolicy.authorize(actor, "create", {
    isMember: await isMember(actor.id, form.organisationId, getDb()),
  });
  return createOnce({
    target: {
      table: opportunities,
      id: opportunities.id,
      owner: opportunities.createdBy,
      key: opportunities.submissionKey,
    },
    ownerId: actor.id,
    submissionKey: options.submissionKey,
    values: () => ({ ...opportunityColumnsOf(form), createdBy: actor.id }),
    alsoWrite: async (tx, id) => {
      if (!options.submit) return;
      const row = await lockOpportunity(tx, id);
      await markSubmitted(tx, row, actor.id);
    },
  });
}

/**
 * Changes an opportunity's text (its authors, unless withdrawn). The organisation stays. A
 * published opportunity whose text changes goes back to review (decision 023 "Opportunities"):
 * it leaves the listing until a reviewer approves the new text.
 */
export async function updateOpportunity(options: {
  actor: Person;
  id: string;
  form: OpportunityForm;
  submit: boolean;
}): Promise<{ status: string }> {
  return getDb().transaction(async (tx) => {
    const row = await lockFor(tx, options.actor, options.id, "edit");
    const { organisationId: _same, ...columns } = opportunityColumnsOf(options.form);
    await tx
      .update(opportunities)
      .set({ ...columns, updatedAt: new Date() })
      .where(eq(opportunities.id, row.id));
    const updated = { ...row, ...columns };
    if (row.status === "published" || (row.status === "draft" && options.submit)) {
      await markSubmitted(tx, updated, options.actor.id);
      return { status: "submitted" };
    }
    return { status: row.status };
  });
}

/** "Send for review": a draft becomes submitted; reviewers are told. */
export async function submitOpportunity(options: { actor: Person; id: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await lockFor(tx, options.actor, options.id, "submit");
    await markSubmitted(tx, row, options.actor.id);
  });
}

/**
 * A reviewer's answer on a submitted opportunity: approve publishes it now until six months on,
 * or the day after its deadline when that is sooner; return sends it back to draft with a note.
 * The authors are told either way.
 */
export async function reviewOpportunity(options: {
  actor: Person;
  id: string;
  intent: "approve" | "return";
  note: string;
}): Promise<void> {
  const { actor, id } = options;
  await getDb().transaction(async (tx) => {
    const row = await lockFor(tx, actor, id, "review");
    // A deadline that passed while it waited would publish it already expired: send it back.
    const today = new Date().toISOString().slice(0, 10);
    if (options.intent === "approve" && row.deadline !== null && row.deadline < today) {
      throw conflict("partnering.deadlinePast");
    }
    if (options.intent === "approve") {
      await queryRows(
        sql`update opportunities set status = 'published', published_at = now(),
              expires_at = least(now() + make_interval(months => ${PUBLISHED_MONTHS}),
                coalesce((deadline + 1)::timestamp at time zone 'UTC', 'infinity')),
              renewal_reminded_at = null, review_note = '', reviewed_by = ${actor.id}::uuid,
              reviewed_at = now(), updated_at = now()
            where id = ${id}::uuid`,
        tx,
      );
    } else {
      await queryRows(
        sql`update opportunities set status = 'draft', review_note = ${options.note},
              reviewed_by = ${actor.id}::uuid, reviewed_at = now(), updated_at = now()
            where id = ${id}::uuid`,
        tx,
      );
    }
    await notify(tx, {
      kind: options.intent === "approve" ? "opportunity.published" : "opportunity.returned",
      recipientIds: await authorIds(tx, row.organisationId),
      actorId: actor.id,
      groupKey: `opportunity:${id}`,
      sourceKey: `opportunity-review:${id}:${row.submittedAt?.toISOString() ?? ""}`,
      data: { opportunityId: id, title: cut(row.title) },
    });
  });
}

/** Withdraws an opportunity for good (its authors). */
export async function withdrawOpportunity(options: { actor: Person; id: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await lockFor(tx, options.actor, options.id, "withdraw");
    await tx
      .update(opportunities)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(eq(opportunities.id, row.id));
  });
}

/**
 * Renews a published opportunity (current or expired) for six more months from now, without a
 * new review; a deadline already past is cleared (it would expire it again at once), and the
 * reminder may come again before the new date.
 */
export async function renewOpportunity(options: { actor: Person; id: string }): Promise<void> {
  await getDb().transaction(async (tx) => {
    const row = await lockFor(tx, options.actor, options.id, "renew");
    await queryRows(
      sql`update opportunities set
            deadline = case when deadline < current_date then null else deadline end,
            expires_at = now() + make_interval(months => ${PUBLISHED_MONTHS}),
            renewal_reminded_at = null, updated_at = now()
          where id = ${row.id}::uuid`,
      tx,
    );
  });
}

/**
 * Writes one translation (its authors, not in the original language); an empty one removes it.
 * Translated text is text: on a published opportunity it goes back to review like an edit.
 */
export async function saveTranslation(options: {
  actor: Person;
  id: string;
  form: TranslationForm;
}): Promise<void> {
  const { form } = options;
  await getDb().transaction(async (tx) => {
    const row = await lockFor(tx, options.actor, options.id, "edit");
    if (form.language === row.language) throw invalid("partnering.translationSameLanguage");
    const empty = form.title === "" && form.summary === "" && form.description === "";
    if (empty) {
      await tx
        .delete(opportunityTranslations)
        .where(
          and(
            eq(opportunityTranslations.opportunityId, row.id),
            eq(opportunityTranslations.language, form.language),
          ),
        );
    } else {
      const values = {
        title: form.title,
        summary: form.summary,
        description: form.description,
        updatedAt: new Date(),
      };
      await tx
        .insert(opportunityTranslations)
        .values({ opportunityId: row.id, language: form.language, ...values })
        .onConflictDoUpdate({
          target: [opportunityTranslations.opportunityId, opportunityTranslations.language],
          set: values,
        });
    }
    if (row.status === "published") await markSubmitted(tx, row, options.actor.id);
  });
}

/** The search filters from the query string; an unknown value is a 400. */
export function readSearchFilters(params: URLSearchParams): SearchFilters {
  const raw: Record<string, string> = {};
  for (const key of searchFilterKeys) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = searchFilterSchema.safeParse(raw);
  if (!parsed.success) throw invalid("partnering.filterInvalid");
  const f = parsed.data;
  if (f.sector && !isNaceDivision(f.sector)) throw invalid("partnering.filterInvalid");
  if (f.language && !isLanguage(f.language)) throw invalid("partnering.filterInvalid");
  if (f.country && !isCountry(f.country)) throw invalid("partnering.filterInvalid");
  if (f.q === "") delete f.q;
  return f;
}

const cardRow = z.object({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  text_language: z.string(),
  kind: z.string(),
  area: z.string(),
  partnerships: z.array(z.string()),
  nace_division: z.string(),
  deadline: z.string().nullable(),
  expires_at: z.string().nullable(),
  published_at: z.string().nullable(),
  status: z.string(),
  current: z.boolean(),
  organisation_name: z.string(),
  organisation_country: z.string(),
});
export type OpportunityCardRow = z.infer<typeof cardRow>;

const iso = (column: SQL) =>
  sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** The columns of a card, the title and summary in the reader's language when translated. */
const cardColumns = (locale: string) => sql`o.id::text,
  coalesce(t.title, o.title) as title, coalesce(t.summary, o.summary) as summary,
  coalesce(t.language, o.language) as text_language, o.kind, o.area, o.partnerships, o.nace_division, o.deadline::text,
  ${iso(sql`o.expires_at`)} as expires_at, ${iso(sql`o.published_at`)} as published_at, o.status,
  (o.status = 'published' and o.expires_at > now()) as current,
  org.name as organisation_name, org.country as organisation_country
  from opportunities o join organisations org on org.id = o.organisation_id
  left join opportunity_translations t on t.opportunity_id = o.id
    and t.language = ${locale} and o.language <> ${locale}`;

/**
 * Current published opportunities, newest first, by words and filters; keyset pages on
 * (published_at, id). A country filter keeps those seeking that country or anywhere.
 */
export async function searchOpportunities(options: {
  filters: SearchFilters;
  after: Cursor | null;
  locale: string;
  limit?: number;
}) {
  const limit = options.limit ?? PAGE_SIZE;
  const f = options.filters;
  const where: SQL[] = [sql`o.status = 'published'`, sql`o.expires_at > now()`];
  if (f.q) where.push(sql`o.search @@ websearch_to_tsquery('simple', ${f.q})`);
  if (f.kind) where.push(sql`o.kind = ${f.kind}`);
  if (f.partnership) where.push(sql`${f.partnership} = any(o.partnerships)`);
  if (f.sector) where.push(sql`o.nace_division = ${f.sector}`);
  if (f.country) {
    where.push(
      sql`(cardinality(o.target_countries) = 0 or ${f.country} = any(o.target_countries))`,
    );
  }
  if (f.language) where.push(sql`${f.language} = any(o.languages)`);
  if (f.openUntil) where.push(sql`(o.deadline is null or o.deadline >= ${f.openUntil}::date)`);
  if (f.noDeadline) where.push(sql`o.deadline is null`);
  if (options.after) {
    where.push(
      sql`(o.published_at, o.id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`,
    );
  }
  const rows = await queryParsed(
    cardRow,
    // Ordered as opportunities_published_idx is (decision 022: `desc` alone means nulls first,
    // and PostgreSQL would sort every match instead of reading 21 rows of the index).
    sql`select ${cardColumns(options.locale)}
        where ${sql.join(where, sql` and `)}
        order by o.published_at desc nulls last, o.id desc nulls last
        limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    opportunities: page,
    next:
      rows.length > limit && last?.published_at
        ? encodeCursor({ at: last.published_at, id: last.id })
        : null,
  };
}

/** The opportunities of the person's organisations, in every status, newest first. */
export async function myOpportunities(userId: string, locale: string) {
  return queryParsed(
    cardRow,
    sql`select ${cardColumns(locale)}
        where o.organisation_id in (select organisation_id from organisation_members
          where user_id = ${userId}::uuid and status = 'active')
        order by o.created_at desc, o.id desc limit 200`,
  );
}

/** Submitted opportunities the reviewer may review (never their own organisation's), oldest first. */
export async function reviewQueue(reviewer: Person, locale: string) {
  return queryParsed(
    cardRow,
    sql`select ${cardColumns(locale)}
        where o.status = 'submitted'
          and not exists (select 1 from organisation_members m
            where m.organisation_id = o.organisation_id and m.user_id = ${reviewer.id}::uuid
              and m.status = 'active')
        order by o.submitted_at asc, o.id asc limit 200`,
  );
}

/** An organisation's current published opportunities (for its page), newest first. */
export async function organisationOpportunities(organisationId: string, locale: string) {
  if (!isUuid(organisationId)) return [];
  return queryParsed(
    cardRow,
    sql`select ${cardColumns(locale)}
        where o.organisation_id = ${organisationId}::uuid
          and o.status = 'published' and o.expires_at > now()
        order by o.published_at desc, o.id desc limit 50`,
  );
}
