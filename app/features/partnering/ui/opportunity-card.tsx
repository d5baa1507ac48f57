import type { ReactNode } from "react";
import { useI18n } from "~/i18n/context";
import { formatDate } from "~/ui/format";

/** What a card shows: never contact details, only the organisation's name and country. */
export type OpportunityCardData = {
  id: string;
  title: string;
  summary: string;
  /** The language of the title and summary, marked for screen readers. */
  language: string;
  kind: string;
  partnerships: string[];
  sector: string;
  deadline: string | null;
  expiresAt: string | null;
  status: string;
  current: boolean;
  organisationName: string;
  organisationCountry: string;
};

/** A calendar day ("2027-03-01") as the reader writes dates. */
export function useDay() {
  const { locale } = useI18n();
  return (day: string) => formatDate(`${day}T12:00:00Z`, locale, "UTC");
}

/** The status badge of an opportunity in the authors' and reviewers' lists. */
export function StatusBadge(props: { status: string; current: boolean }) {
  const { t } = useI18n();
  const key =
    props.status === "published" && !props.current
      ? "partnering.status.expired"
      : `partnering.status.${props.status}`;
  return <span className={`badge status-${props.status}`}>{t(key)}</span>;
}

/** One opportunity in a list: title, kind and partnership badges, organisation, sector, dates. */
export function OpportunityCard(props: {
  opportunity: OpportunityCardData;
  showStatus?: boolean;
  children?: ReactNode;
}) {
  const { t, locale, timeZone } = useI18n();
  const day = useDay();
  const o = props.opportunity;
  return (
    <li className="card opportunity-card">
      <h2 lang={o.language}>
        <a href={`/partnering/${o.id}`}>{o.title}</a>
      </h2>
      <p>
        {props.showStatus ? (
          <>
            <StatusBadge status={o.status} current={o.current} />{" "}
          </>
        ) : null}
        <span className="badge">{t(`partnering.kind.${o.kind}`)}</span>{" "}
        {o.partnerships.map((p) => (
          <span key={p} className="badge">
            {t(`partnering.partnership.${p}`)}
          </span>
        ))}
      </p>
      <p lang={o.language}>{o.summary}</p>
      <p className="hint">
        {o.organisationName} · {o.organisationCountry} · {o.sector}
      </p>
      <p className="hint">
        {o.deadline
          ? t("partnering.deadlineOn", { date: day(o.deadline) })
          : t("partnering.noDeadline")}
        {o.expiresAt && o.status === "published"
          ? ` · ${t("partnering.expiresOn", { date: formatDate(o.expiresAt, locale, timeZone) })}`
          : ""}
      </p>
      {props.children}
    </li>
  );
}
