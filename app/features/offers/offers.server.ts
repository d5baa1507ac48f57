import { eq, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { learningFormats } from "~/db/enums";
import { offers, offerTopics } from "~/db/schema";
import { knownTopicKeys } from "~/features/needs/topics.server";
import { refreshNeeds } from "~/features/needs/weight.server";
import { isCountry, isLanguage } from "~/features/taxonomy/vocabulary.server";
import { createOnce } from "~/lib/create-once.server";
import { type Cursor, encodeCursor } from "~/lib/cursor";
import { invalid, notFound } from "~/lib/errors";
import { isUuid } from "~/lib/ids";
import type { Person } from "~/lib/policy";
import { type OfferActor, offerPolicy } from "./rules";
import { type OfferForm, offerColumnsOf } from "./schema";

export type OfferRow = typeof offers.$inferSelect;
export type Offer = OfferRow & { topics: string[] };

/** Whether a person is an educator and whether they facilitate (installation or any network). */
export async function offerActorOf(userId: string, db: Db = getDb()): Promise<OfferActor> {
  const [row] = await queryParsed(
    z.object({ is_educator: z.boolean(), facilitates: z.boolean() }),
    sql`select u.role = 'educator' as is_educator,
          (u.is_facilitator or exists (
            select 1 from network_members m where m.user_id = u.id
              and m.role = 'facilitator' and m.status = 'active')) as facilitates
        from users u where u.id = ${userId}::uuid`,
    db,
  );
  return { isEducator: row?.is_educator ?? false, facilitates: row?.facilitates ?? false };
}

/** Organisations the person is an active member of (what they may offer for). */
export async function myOrganisations(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ id: z.string(), name: z.string() }),
    sql`select o.id, o.name from organisation_members m join organisations o on o.id = m.organisation_id
        where m.user_id = ${userId}::uuid and m.status = 'active' order by o.name limit 50`,
    db,
  );
}

/** The languages on the person's profile (what a new offer starts with). */
export async function myLanguages(userId: string, db: Db = getDb()): Promise<string[]> {
  const rows = await queryParsed(
    z.object({ language: z.string() }),
    sql`select language from user_languages where user_id = ${userId}::uuid order by language`,
    db,
  );
  return rows.map((r) => r.language);
}

/**
 * What the form schema cannot check alone: topic keys that name a real topic, known languages
 * and countries, an organisation the person is an active member of, dates not all past.
 * Field → message key for each problem (empty when all is well).
 */
export async function checkOffer(
  form: OfferForm,
  userId: string,
  today: string = new Date().toISOString().slice(0, 10),
): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const known = await knownTopicKeys(form.topics);
  if (form.topics.some((key) => !known.has(key))) errors.topics = "offers.topicUnknown";
  if (form.languages.some((code) => !isLanguage(code)))
    errors.languages = "offers.languagesRequired";
  if (form.countries.some((code) => !isCountry(code))) errors.countries = "offers.countryInvalid";
  if (form.organisationId !== "") {
    const mine = await myOrganisations(userId);
    if (!mine.some((o) => o.id === form.organisationId)) {
      errors.organisationId = "offers.organisationInvalid";
    }
  }
  if (!form.onDemand && form.startsOn !== "" && (form.endsOn || form.startsOn) < today) {
    errors.endsOn = "offers.datesPast";
  }
  return errors;
}

async function writeTopics(tx: Db, offerId: string, topics: readonly string[]) {
  await tx.delete(offerTopics).where(eq(offerTopics.offerId, offerId));
  const unique = [...new Set(topics)];
  if (unique.length > 0) {
    await tx.insert(offerTopics).values(unique.map((topic) => ({ offerId, topic })));
  }
}

/**
 * Creates an offer (once per submission key) with its topics; the needs it now reaches are
 * brought up to date in the same transaction. The caller has checked the form (checkOffer) and
 * that the person may offer (offerPolicy "create").
 */
export async function createOffer(options: {
  actor: Person;
  offerActor: OfferActor;
  form: OfferForm;
  submissionKey?: string;
}): Promise<{ id: string }> {
  offerPolicy.authorize(options.actor, "create", options.offerActor);
  const { id } = await createOnce({
    target: { table: offers, id: offers.id, owner: offers.createdBy, key: offers.submissionKey },
    ownerId: options.actor.id,
    submissionKey: options.submissionKey,
    values: () => ({ ...offerColumnsOf(options.form), createdBy: options.actor.id }),
    alsoWrite: async (tx, offerId) => {
      await writeTopics(tx, offerId, options.form.topics);
      await refreshNeeds(tx, { offerId });
    },
  });
  return { id };
}

async function lockOffer(tx: Db, offerId: string): Promise<Offer> {
  if (!isUuid(offerId)) throw notFound("offers.notFound");
  const [row] = await tx.select().from(offers).where(eq(offers.id, offerId)).for("update");
  if (!row) throw notFound("offers.notFound");
  const topics = await tx
    .select({ topic: offerTopics.topic })
    .from(offerTopics)
    .where(eq(offerTopics.offerId, offerId));
  return { ...row, topics: topics.map((t) => t.topic) };
}

function subjectOf(actor: Person, offerActor: OfferActor, offer: OfferRow) {
  return {
    ...offerActor,
    isCreator: offer.createdBy === actor.id,
    isAdmin: actor.isAdmin,
    withdrawn: offer.status === "withdrawn",
  };
}

/**
 * Changes an offer (its creator, while open). Needs matching its new topics and needs that
 * matched only its old ones are both brought up to date, so a need that loses its last match
 * becomes unreached in the same transaction.
 */
export async function updateOffer(options: {
  actor: Person;
  offerActor: OfferActor;
  offerId: string;
  form: OfferForm;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const offer = await lockOffer(tx, options.offerId);
    offerPolicy.authorize(
      options.actor,
      "manage",
      subjectOf(options.actor, options.offerActor, offer),
    );
    await tx
      .update(offers)
      .set({ ...offerColumnsOf(options.form), updatedAt: new Date() })
      .where(eq(offers.id, offer.id));
    await writeTopics(tx, offer.id, options.form.topics);
    await refreshNeeds(tx, { offerId: offer.id });
    await refreshNeeds(tx, { topics: offer.topics });
  });
}

/** Withdraws an offer: it no longer reaches any need (its topics' needs are recomputed). */
export async function withdrawOffer(options: {
  actor: Person;
  offerActor: OfferActor;
  offerId: string;
}): Promise<void> {
  await getDb().transaction(async (tx) => {
    const offer = await lockOffer(tx, options.offerId);
    offerPolicy.authorize(
      options.actor,
      "manage",
      subjectOf(options.actor, options.offerActor, offer),
    );
    await tx
      .update(offers)
      .set({ status: "withdrawn", updatedAt: new Date() })
      .where(eq(offers.id, offer.id));
    await refreshNeeds(tx, { offerId: offer.id });
    await refreshNeeds(tx, { topics: offer.topics });
  });
}

/** Who made an offer and for which organisation, by name (for its page). */
export async function offerPeople(offer: OfferRow) {
  const [row] = await queryParsed(
    z.object({ creator_name: z.string().nullable(), organisation_name: z.string().nullable() }),
    sql`select (select display_name from users where id = ${offer.createdBy}::uuid) as creator_name,
          (select name from organisations where id = ${offer.organisationId}::uuid) as organisation_name`,
  );
  return {
    creatorName: row?.creator_name ?? null,
    organisationName: row?.organisation_name ?? null,
  };
}

/** An offer with its topics, or null. Any signed-in person may read an offer. */
export async function getOffer(offerId: string): Promise<Offer | null> {
  if (!isUuid(offerId)) return null;
  const db = getDb();
  const [row] = await db.select().from(offers).where(eq(offers.id, offerId));
  if (!row) return null;
  const topics = await db
    .select({ topic: offerTopics.topic })
    .from(offerTopics)
    .where(eq(offerTopics.offerId, offerId));
  return { ...row, topics: topics.map((t) => t.topic).sort() };
}

export const offerFilterSchema = z.object({
  topic: z.string().max(320).optional(),
  format: z.enum(learningFormats).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  mine: z.literal("1").optional(),
});
export type OfferFilters = z.output<typeof offerFilterSchema>;

/** The list's filters from the query string; an unknown value (a topic too) is a 400. */
export async function readOfferFilters(params: URLSearchParams): Promise<OfferFilters> {
  const raw: Record<string, string> = {};
  for (const key of ["topic", "format", "language", "country", "mine"]) {
    const value = params.get(key);
    if (value) raw[key] = value;
  }
  const parsed = offerFilterSchema.safeParse(raw);
  if (!parsed.success) throw invalid("offers.filterInvalid");
  if (parsed.data.language && !isLanguage(parsed.data.language))
    throw invalid("offers.filterInvalid");
  if (parsed.data.country && !isCountry(parsed.data.country)) throw invalid("offers.filterInvalid");
  const topic = parsed.data.topic;
  if (topic && !(await knownTopicKeys([topic])).has(topic)) throw invalid("offers.filterInvalid");
  return parsed.data;
}

const listRow = z.object({
  id: z.string(),
  title: z.string(),
  formats: z.array(z.string()),
  languages: z.array(z.string()),
  countries: z.array(z.string()),
  on_demand: z.boolean(),
  starts_on: z.string().nullable(),
  ends_on: z.string().nullable(),
  price_cents: z.number().nullable(),
  created_by: z.string().nullable(),
  creator_name: z.string().nullable(),
  status: z.string(),
  topics: z.array(z.string()),
  created_at: z.string(),
});

/**
 * Open offers that are not over, newest first, by topic, format, language and country (a
 * country filter keeps offers given there face to face, and offers not given face to face).
 * Keyset pages. `mine` shows the viewer's own offers, withdrawn and past ones too.
 */
export async function listOffers(options: {
  viewerId: string;
  filters: OfferFilters;
  after: Cursor | null;
  limit?: number;
}) {
  const limit = options.limit ?? 20;
  const f = options.filters;
  const where: SQL[] = [];
  if (f.mine) where.push(sql`o.created_by = ${options.viewerId}::uuid`);
  else {
    where.push(sql`o.status = 'open'`);
    where.push(sql`(o.on_demand or coalesce(o.ends_on, o.starts_on) >= current_date)`);
  }
  if (f.topic) {
    where.push(
      sql`exists (select 1 from offer_topics t where t.offer_id = o.id and t.topic = ${f.topic})`,
    );
  }
  if (f.format) where.push(sql`${f.format} = any(o.formats)`);
  if (f.language) where.push(sql`${f.language} = any(o.languages)`);
  if (f.country) {
    where.push(sql`('face_to_face' = any(o.formats)
      and (cardinality(o.countries) = 0 or ${f.country} = any(o.countries)))`);
  }
  if (options.after) {
    where.push(
      sql`(o.created_at, o.id) < (${options.after.at}::timestamptz, ${options.after.id}::uuid)`,
    );
  }
  const rows = await queryParsed(
    listRow,
    sql`select o.id, o.title, o.formats, o.languages, o.countries, o.on_demand,
          o.starts_on::text, o.ends_on::text, o.price_cents, o.created_by,
          u.display_name as creator_name, o.status,
          array(select t.topic from offer_topics t where t.offer_id = o.id order by t.topic) as topics,
          to_char(o.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as created_at
        from offers o left join users u on u.id = o.created_by
        where ${sql.join(where, sql` and `)}
        order by o.created_at desc, o.id desc
        limit ${limit + 1}`,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    offers: page,
    next: rows.length > limit && last ? encodeCursor({ at: last.created_at, id: last.id }) : null,
  };
}

/** The person's open offers that are not over (what they may answer a need with). */
export async function myOpenOffers(userId: string, db: Db = getDb()) {
  return queryParsed(
    z.object({ id: z.string(), title: z.string(), languages: z.array(z.string()) }),
    sql`select o.id, o.title, o.languages from offers o
        where o.created_by = ${userId}::uuid and o.status = 'open'
          and (o.on_demand or coalesce(o.ends_on, o.starts_on) >= current_date)
        order by o.created_at desc limit 100`,
    db,
  );
}
