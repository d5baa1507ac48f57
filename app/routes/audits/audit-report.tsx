import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { authorizeAudit } from "~/features/audits/audits.server";
import { reportFor } from "~/features/audits/page.server";
import { MIN_GROUP, type ReportTable } from "~/features/audits/report.server";
import { AuditLive } from "~/features/audits/ui/audit-live";
import { useI18n } from "~/i18n/context";
import { handleLoader } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import { BarChart } from "~/ui/charts";
import type { Route } from "./+types/audit-report";

/**
 * An audit's report for its facilitators: respondents per topic, sector, size band, urgency and
 * format (groups under 3 folded into "fewer than 3"), the top 10 needs, the quotes; charts are
 * SVG drawn on the server, each with its data table.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const { audit } = await handleLoader(() => authorizeAudit(params.id, personOf(auth), "report"));
  return { id: audit.id, report: await reportFor(audit, locale), min: MIN_GROUP };
}

function Counts(props: { id: string; title: string; heading: string; table: ReportTable }) {
  const { t, locale } = useI18n();
  const loaded = useLoaderData<typeof loader>();
  const { table } = props;
  return (
    <section className="stack" aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {table.rows.length > 0 ? (
        <BarChart
          title={props.title}
          locale={locale}
          labelHeading={props.heading}
          valueHeading={t("audits.report.respondents")}
          items={table.rows.map((row) => ({ label: row.label, value: row.respondents }))}
          showTable
        />
      ) : null}
      {table.hiddenGroups > 0 ? (
        <p className="hint">
          {t("audits.report.smallGroups", { count: table.hiddenGroups })}:{" "}
          {t("audits.report.fewerThan", { min: loaded.min })}
        </p>
      ) : null}
      {table.rows.length === 0 && table.hiddenGroups === 0 ? (
        <p className="hint">{t("audits.report.nothingToShow")}</p>
      ) : null}
    </section>
  );
}

export default function AuditReportPage() {
  const { id, report, min } = useLoaderData<typeof loader>();
  const { t, locale } = useI18n();
  const percent = new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 });
  return (
    <main id="main" className="page">
      <title>{`${t("audits.report.heading")} · ${report.title} · Synergy`}</title>
      <section className="section stack" aria-labelledby="report-title">
        <p className="hint">
          <a href={`/audits/${id}`}>{report.title}</a>
        </p>
        <h1 id="report-title">{t("audits.report.heading")}</h1>
        <p data-testid="response-rate">
          {t("audits.rate", {
            answered: report.answered,
            invited: report.invited,
            rate: percent.format(report.rate),
          })}
        </p>
        {report.status === "open" ? <AuditLive auditId={id} /> : null}
        <p className="hint">{t("audits.report.suppression", { min })}</p>
        <p>
          <a className="button secondary" href={`/audits/${id}/report.pdf`}>
            {t("audits.report.pdfLink")}
          </a>
        </p>
        <section className="stack" aria-labelledby="top-needs">
          <h2 id="top-needs">{t("audits.report.topNeeds")}</h2>
          {report.topNeeds.length > 0 ? (
            <BarChart
              title={t("audits.report.topNeeds")}
              locale={locale}
              labelHeading={t("audits.report.topic")}
              valueHeading={t("audits.report.weight")}
              noteHeading={t("audits.report.respondents")}
              items={report.topNeeds.map((row) => ({
                label: row.label,
                value: row.weight,
                note: String(row.respondents),
              }))}
              showTable
            />
          ) : (
            <p className="hint">{t("audits.report.nothingToShow")}</p>
          )}
        </section>
        <Counts
          id="by-topic"
          title={t("audits.report.byTopic")}
          heading={t("audits.report.topic")}
          table={report.byTopic}
        />
        <Counts
          id="by-sector"
          title={t("audits.report.bySector")}
          heading={t("audits.report.sector")}
          table={report.bySector}
        />
        <Counts
          id="by-size"
          title={t("audits.report.bySize")}
          heading={t("audits.report.size")}
          table={report.bySize}
        />
        <Counts
          id="by-urgency"
          title={t("audits.report.byUrgency")}
          heading={t("audits.report.urgency")}
          table={report.byUrgency}
        />
        <Counts
          id="by-format"
          title={t("audits.report.byFormat")}
          heading={t("audits.report.format")}
          table={report.byFormat}
        />
        <section className="stack" aria-labelledby="quotes">
          <h2 id="quotes">{t("audits.report.quotes")}</h2>
          {report.quotesHidden ? (
            <p className="hint">{t("audits.report.quotesHidden", { min })}</p>
          ) : report.quotes.length === 0 ? (
            <p className="hint">{t("audits.report.noQuotes")}</p>
          ) : (
            report.quotes.map((q) => (
              <div key={q.question} className="stack">
                <h3>{q.question}</h3>
                <ul className="stack">
                  {q.texts.map((text, i) => (
                    <li key={i}>
                      <blockquote>{text}</blockquote>
                    </li>
                  ))}
                </ul>
              </div>
            ))
          )}
        </section>
      </section>
    </main>
  );
}
