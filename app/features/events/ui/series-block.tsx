import { useI18n } from "~/i18n/context";
import { Time } from "~/ui/time";
import type { RecurrenceRule } from "../recurrence";
import { WEEKDAYS } from "../recurrence";
import { weekdayNames } from "./event-form";

/** What an occurrence's page shows of its series (built in the loader). */
export type SeriesView = {
  rule: Pick<RecurrenceRule, "freq" | "interval" | "byDay">;
  occurrences: {
    id: string;
    startsAt: string;
    cancelled: boolean;
    detached: boolean;
    current: boolean;
    upcoming: boolean;
  }[];
  detached: boolean;
  canManage: boolean;
};

/** "every 2 weeks on Monday and Wednesday", "every month, on the second Wednesday". */
export function useRuleText(rule: SeriesView["rule"]): string {
  const { t, locale } = useI18n();
  const names = weekdayNames(locale);
  const days = new Intl.ListFormat(locale, { type: "conjunction" }).format(
    [...new Set(rule.byDay.map((b) => b.day))].map((d) => names[WEEKDAYS.indexOf(d)]),
  );
  if (rule.freq === "WEEKLY") return t("events.series.weekly", { interval: rule.interval, days });
  const o = rule.byDay[0]?.ordinal ?? 1;
  const ordinal = t(o === -1 ? "events.series.ordinal.last" : `events.series.ordinal.${o}`);
  return t("events.series.monthly", { interval: rule.interval, ordinal, days });
}

/**
 * "Part of a series: every 2nd Wednesday", the next dates and all dates as links to their own
 * pages, and for facilitators the way to change or end the whole series.
 */
export function SeriesBlock(props: { networkId: string; eventId: string; series: SeriesView }) {
  const { t } = useI18n();
  const { series } = props;
  const text = useRuleText(series.rule);
  const base = `/networks/${props.networkId}/events`;
  const next = series.occurrences.filter((o) => o.upcoming && !o.cancelled && !o.current);
  const item = (o: SeriesView["occurrences"][number]) => (
    <li key={o.id}>
      {o.current ? (
        <strong>
          <Time value={o.startsAt} />
        </strong>
      ) : (
        <a href={`${base}/${o.id}`}>
          <Time value={o.startsAt} />
        </a>
      )}
      {o.cancelled ? ` · ${t("events.cancelledShort")}` : ""}
      {o.detached && !o.cancelled ? ` · ${t("events.series.changedShort")}` : ""}
    </li>
  );
  return (
    <section className="stack" aria-labelledby="series-heading" data-series>
      <p id="series-heading" className="status">
        {t("events.series.partOf", { rule: text })}
      </p>
      {series.detached ? <p className="hint">{t("events.series.detachedNotice")}</p> : null}
      {next.length > 0 ? (
        <>
          <h3>{t("events.series.nextDates")}</h3>
          <ul>{next.slice(0, 4).map(item)}</ul>
        </>
      ) : null}
      <details>
        <summary>{t("events.series.allDates", { count: series.occurrences.length })}</summary>
        <ol>{series.occurrences.map(item)}</ol>
      </details>
      {series.canManage ? (
        <p>
          <a className="button secondary" href={`${base}/${props.eventId}/series`}>
            {t("events.series.manage")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
