import { learningFormats, needUrgencies } from "~/db/enums";
import { topicKeyLabels } from "~/features/needs/topics.server";
import type { Locale } from "~/features/taxonomy/types";
import { languageOptions, topicOptions } from "~/features/taxonomy/vocabulary.server";
import { translatorFor } from "~/i18n/catalogue.server";
import type { Translate } from "~/i18n/i18n";
import { renderPdf } from "~/lib/pdf.server";
import type { AuditRow, QuestionRow } from "./audits.server";
import { type AuditReport, buildReport, MIN_GROUP, type ReportTable } from "./report.server";

/** The report with every label in the reader's language. */
export function reportFor(audit: AuditRow, locale: Locale): Promise<AuditReport> {
  const t = translatorFor(locale);
  return buildReport(audit, locale, {
    unknown: t("audits.report.unknown"),
    urgency: (u) => t(`audits.urgency.${u as (typeof needUrgencies)[number]}`),
    format: (f) => t(`audits.format.${f as (typeof learningFormats)[number]}`),
    size: (s) => t(`org.sizeBand.${s as "1"}`),
  });
}

/** The questions as the answer form shows them: each topic with its index and label. */
export async function questionsForm(questions: QuestionRow[], locale: Locale) {
  const labels = await topicKeyLabels(
    questions.flatMap((q) => q.topics),
    locale,
  );
  let index = 0;
  return questions.map((q) => ({
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    topics: q.topics.map((key) => ({ index: index++, key, label: labels.get(key) ?? key })),
  }));
}

/** Every topic asked, in the order the answer form numbers them. */
export function askedTopics(questions: QuestionRow[]): string[] {
  return questions.flatMap((q) => q.topics);
}

export function formOptions(locale: Locale) {
  const t = translatorFor(locale);
  return {
    urgencies: needUrgencies.map((value) => ({ value, label: t(`audits.urgency.${value}`) })),
    formats: learningFormats.map((value) => ({ value, label: t(`audits.format.${value}`) })),
    languages: languageOptions(locale),
    curatedTopics: topicOptions(locale).map((o) => ({ value: `topic:${o.value}`, label: o.label })),
  };
}

function tableRows(t: Translate, table: ReportTable, heading: string): string[][] {
  const rows = [[heading, t("audits.report.respondents")]];
  for (const row of table.rows) rows.push([row.label, String(row.respondents)]);
  if (table.hiddenGroups > 0)
    rows.push([
      t("audits.report.smallGroups", { count: table.hiddenGroups }),
      t("audits.report.fewerThan", { min: MIN_GROUP }),
    ]);
  return rows;
}

/** The report as a printable PDF in the reader's language (the same figures as the page). */
export function reportPdf(report: AuditReport, locale: Locale): Promise<Buffer> {
  const t = translatorFor(locale);
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return renderPdf({
    title: report.title,
    language: locale,
    blocks: [
      { type: "heading", text: report.title },
      { type: "paragraph", text: t("audits.report.heading"), muted: true },
      ...(report.introduction ? [{ type: "paragraph" as const, text: report.introduction }] : []),
      {
        type: "paragraph",
        text: t("audits.rate", {
          answered: report.answered,
          invited: report.invited,
          rate: percent.format(report.rate),
        }),
      },
      { type: "paragraph", text: t("audits.report.suppression", { min: MIN_GROUP }), muted: true },
      { type: "heading", level: 2, text: t("audits.report.topNeeds") },
      report.topNeeds.length > 0
        ? {
            type: "table",
            widths: [0.6, 0.2, 0.2],
            rows: [
              [t("audits.report.topic"), t("audits.report.respondents"), t("audits.report.weight")],
              ...report.topNeeds.map((row) => [
                row.label,
                String(row.respondents),
                String(row.weight),
              ]),
            ],
          }
        : { type: "paragraph", text: t("audits.report.nothingToShow"), muted: true },
      { type: "heading", level: 2, text: t("audits.report.byTopic") },
      { type: "table", rows: tableRows(t, report.byTopic, t("audits.report.topic")) },
      { type: "heading", level: 2, text: t("audits.report.bySector") },
      { type: "table", rows: tableRows(t, report.bySector, t("audits.report.sector")) },
      { type: "heading", level: 2, text: t("audits.report.bySize") },
      { type: "table", rows: tableRows(t, report.bySize, t("audits.report.size")) },
      { type: "heading", level: 2, text: t("audits.report.byUrgency") },
      { type: "table", rows: tableRows(t, report.byUrgency, t("audits.report.urgency")) },
      { type: "heading", level: 2, text: t("audits.report.byFormat") },
      { type: "table", rows: tableRows(t, report.byFormat, t("audits.report.format")) },
      { type: "heading", level: 2, text: t("audits.report.quotes") },
      ...(report.quotesHidden
        ? [
            {
              type: "paragraph" as const,
              text: t("audits.report.quotesHidden", { min: MIN_GROUP }),
              muted: true,
            },
          ]
        : report.quotes.length === 0
          ? [{ type: "paragraph" as const, text: t("audits.report.noQuotes"), muted: true }]
          : report.quotes.flatMap((q) => [
              { type: "paragraph" as const, text: q.question },
              { type: "list" as const, items: q.texts.map((text) => `“${text}”`) },
            ])),
    ],
  });
}
