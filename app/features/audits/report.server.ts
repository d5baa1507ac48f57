import { sql } from "drizzle-orm";
import { z } from "zod";
import { type Db, getDb, queryParsed } from "~/db/client.server";
import { topicKeyLabels } from "~/features/needs/topics.server";
import { naceSections } from "~/features/taxonomy/data/nace";
import type { Locale } from "~/features/taxonomy/types";
import type { AuditRow } from "./audits.server";
import { responseRate } from "./audits.server";

/** Groups with fewer respondents than this are not shown in any figure (issue 10). */
export const MIN_GROUP = 3;

/** One line of a count: a label and how many respondents, or null when the group is too small. */
export type ReportRow = { key: string; label: string; respondents: number };

/** A dimension of the report: the groups big enough to show, and how many were too small. */
export type ReportTable = { rows: ReportRow[]; hiddenGroups: number };

export type AuditReport = {
  title: string;
  introduction: string;
  isAnonymous: boolean;
  status: string;
  invited: number;
  answered: number;
  rate: number;
  respondents: number;
  byTopic: ReportTable;
  bySector: ReportTable;
  bySize: ReportTable;
  byUrgency: ReportTable;
  byFormat: ReportTable;
  /** Topics by the weight of their needs (decision 018), big groups only, at most 10. */
  topNeeds: Array<ReportRow & { weight: number }>;
  quotes: Array<{ question: string; texts: string[] }>;
  /** Quotes are held back: an anonymous audit with fewer than MIN_GROUP answers. */
  quotesHidden: boolean;
};

const countRow = z.object({ key: z.string().nullable(), respondents: z.coerce.number() });

/** Splits counted groups into those shown and the number hidden for being smaller than 3. */
export function suppress(
  rows: Array<{ key: string | null; respondents: number }>,
  label: (key: string | null) => string,
): ReportTable {
  const shown: ReportRow[] = [];
  let hiddenGroups = 0;
  for (const row of rows) {
    if (row.respondents < MIN_GROUP) hiddenGroups++;
    else shown.push({ key: row.key ?? "", label: label(row.key), respondents: row.respondents });
  }
  shown.sort((a, b) => b.respondents - a.respondents || a.label.localeCompare(b.label));
  return { rows: shown, hiddenGroups };
}

/**
 * The report of an audit in the reader's language: respondents counted per topic, NACE section,
 * size band, urgency and format (a respondent counts once per group); the top 10 topics by
 * weight; the open answers' quotes in a fixed order that is not the order they came in (by
 * their random ids). No group smaller than 3 respondents is shown; the caller must have
 * authorized "report".
 */
export async function buildReport(
  audit: AuditRow,
  locale: Locale,
  labels: {
    unknown: string;
    urgency: (u: string) => string;
    format: (f: string) => string;
    size: (s: string) => string;
  },
  db: Db = getDb(),
): Promise<AuditReport> {
  const id = audit.id;
  const rate = await responseRate(id, db);
  const [{ respondents }] = await queryParsed(
    z.object({ respondents: z.coerce.number() }),
    sql`select count(*) as respondents from audit_responses where audit_id = ${id}`,
    db,
  );
  const perNeed = (key: ReturnType<typeof sql>) =>
    queryParsed(
      countRow,
      sql`select ${key} as key, count(distinct rn.response_id) as respondents
          from needs n join audit_response_needs rn on rn.need_id = n.id
          where n.audit_id = ${id} group by 1`,
      db,
    );
  const topics = await perNeed(sql`n.topic`);
  const urgencies = await perNeed(sql`n.urgency`);
  const formats = await queryParsed(
    countRow,
    sql`select f as key, count(distinct rn.response_id) as respondents
        from needs n join audit_response_needs rn on rn.need_id = n.id, unnest(n.formats) f
        where n.audit_id = ${id} group by 1`,
    db,
  );
  const perResponse = (column: ReturnType<typeof sql>) =>
    queryParsed(
      countRow,
      sql`select ${column} as key, count(*) as respondents from audit_responses
          where audit_id = ${id} group by 1`,
      db,
    );
  const sectors = await perResponse(sql`nace_section`);
  const sizes = await perResponse(sql`size_band`);
  const weights = await queryParsed(
    z.object({ key: z.string(), weight: z.coerce.number(), respondents: z.coerce.number() }),
    sql`select n.topic as key, sum(n.weight) as weight, count(distinct rn.response_id) as respondents
        from needs n join audit_response_needs rn on rn.need_id = n.id
        where n.audit_id = ${id} and n.topic is not null and n.status = 'open'
        group by 1 having count(distinct rn.response_id) >= ${MIN_GROUP}
        order by 2 desc, 1 limit 10`,
    db,
  );
  const topicLabels = await topicKeyLabels(
    topics.flatMap((row) => (row.key ? [row.key] : [])),
    locale,
    db,
  );
  const sectorLabel = (code: string | null) => {
    const section = naceSections.find((s) => s.code === code);
    return section ? `${section.code} · ${section.label[locale]}` : labels.unknown;
  };
  const quotesHidden = audit.isAnonymous && respondents < MIN_GROUP;
  const quoteRows = quotesHidden
    ? []
    : await queryParsed(
        z.object({ prompt: z.string(), text: z.string() }),
        sql`select q.prompt, t.text from audit_quotes t join audit_questions q on q.id = t.question_id
            where t.audit_id = ${id} order by q.position, t.id`,
        db,
      );
  const quotes: AuditReport["quotes"] = [];
  for (const row of quoteRows) {
    const last = quotes.at(-1);
    if (last && last.question === row.prompt) last.texts.push(row.text);
    else quotes.push({ question: row.prompt, texts: [row.text] });
  }
  return {
    title: audit.title,
    introduction: audit.introduction,
    isAnonymous: audit.isAnonymous,
    status: audit.status,
    invited: rate.invited,
    answered: rate.answered,
    rate: rate.rate,
    respondents,
    byTopic: suppress(topics, (key) => (key ? (topicLabels.get(key) ?? key) : labels.unknown)),
    bySector: suppress(sectors, sectorLabel),
    bySize: suppress(sizes, (key) => (key ? labels.size(key) : labels.unknown)),
    byUrgency: suppress(urgencies, (key) => (key ? labels.urgency(key) : labels.unknown)),
    byFormat: suppress(formats, (key) => (key ? labels.format(key) : labels.unknown)),
    topNeeds: weights.map((row) => ({
      key: row.key,
      label: topicLabels.get(row.key) ?? row.key,
      respondents: row.respondents,
      weight: row.weight,
    })),
    quotes,
    quotesHidden,
  };
}
