import { useLoaderData } from "react-router";
import { requireUser } from "~/features/accounts/guard.server";
import { resolveLocale } from "~/features/accounts/locale.server";
import { agendaMonth, listAgenda, readMonth, shiftMonth } from "~/features/events/agenda.server";
import { AgendaList } from "~/features/events/ui/agenda-list";
import { useI18n } from "~/i18n/context";
import { decodeCursor } from "~/lib/cursor";
import { handleLoader, invalid } from "~/lib/errors";
import { canonicalTimeZone, DEFAULT_TIME_ZONE } from "~/lib/time-zones";
import { formatTime } from "~/ui/format";
import { Pager } from "~/ui/pager";
import type { Route } from "./+types/agenda";

/** Weekday names from Monday, and the month's name, in the page language (made on the server). */
function monthLabels(locale: string, year: number, month: number) {
  const weekday = new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" });
  const long = new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" });
  const title = new Intl.DateTimeFormat(locale, {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  // 1 January 2024 was a Monday.
  return {
    weekdays: Array.from({ length: 7 }, (_, d) => ({
      short: weekday.format(Date.UTC(2024, 0, 1 + d, 12)),
      long: long.format(Date.UTC(2024, 0, 1 + d, 12)),
    })),
    title: title.format(Date.UTC(year, month - 1, 15)),
  };
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const auth = await requireUser(context, request);
  const locale = resolveLocale(auth, context.requestLocale);
  const timeZone = canonicalTimeZone(auth.user.timeZone) ?? DEFAULT_TIME_ZONE;
  const params = new URL(request.url).searchParams;
  return handleLoader(async () => {
    const view = params.get("view") ?? "list";
    const when = params.get("when") ?? "upcoming";
    if (view !== "list" && view !== "month") throw invalid("calendars.filterInvalid");
    if (when !== "upcoming" && when !== "past") throw invalid("calendars.filterInvalid");
    if (view === "month") {
      const month = readMonth(params.get("month"), timeZone);
      const weeks = await agendaMonth({ userId: auth.user.id, month, timeZone });
      return {
        view: "month" as const,
        timeZone,
        weeks,
        labels: monthLabels(locale, month.year, month.month),
        previous: shiftMonth(month, -1),
        next: shiftMonth(month, 1),
      };
    }
    const after = decodeCursor(params.get("after"));
    const page = await listAgenda({ userId: auth.user.id, when, after });
    return {
      view: "list" as const,
      when: when as "upcoming" | "past",
      events: page.events,
      next: page.next,
      isFirstPage: after === null,
    };
  });
}

function Tabs(props: { current: "upcoming" | "past" | "month" }) {
  const { t } = useI18n();
  const here = (tab: string) => (props.current === tab ? "page" : undefined);
  return (
    <nav className="inline-actions" aria-label={t("calendars.agendaViews")}>
      <a href="/agenda" aria-current={here("upcoming")}>
        {t("events.upcoming")}
      </a>
      <a href="/agenda?when=past" aria-current={here("past")}>
        {t("events.past")}
      </a>
      <a href="/agenda?view=month" aria-current={here("month")}>
        {t("calendars.monthView")}
      </a>
      <a href="/settings/calendar">{t("calendars.subscribe")}</a>
    </nav>
  );
}

export default function Agenda() {
  const data = useLoaderData<typeof loader>();
  const { t } = useI18n();
  return (
    <main id="main" className="page">
      <title>{`${t("calendars.agendaTitle")} · Synergy`}</title>
      <h1>{t("calendars.agendaTitle")}</h1>
      <p>{t("calendars.agendaIntro")}</p>
      {data.view === "month" ? (
        <>
          <Tabs current="month" />
          <MonthGrid data={data} />
        </>
      ) : (
        <>
          <Tabs current={data.when} />
          <AgendaList events={data.events} showAnswer />
          <Pager next={data.next} isFirstPage={data.isFirstPage} />
        </>
      )}
    </main>
  );
}

type MonthData = Extract<ReturnType<typeof useLoaderData<typeof loader>>, { view: "month" }>;

function MonthGrid(props: { data: MonthData }) {
  const { data } = props;
  const { t, locale } = useI18n();
  return (
    <section className="section" aria-labelledby="month-title">
      <h2 id="month-title">{data.labels.title}</h2>
      <nav className="inline-actions" aria-label={t("calendars.monthNav")}>
        {data.previous ? (
          <a href={`/agenda?view=month&month=${data.previous}`} rel="prev">
            {t("calendars.previousMonth")}
          </a>
        ) : null}
        {data.next ? (
          <a href={`/agenda?view=month&month=${data.next}`} rel="next">
            {t("calendars.nextMonth")}
          </a>
        ) : null}
      </nav>
      <p className="hint">{t("calendars.monthZone", { zone: data.timeZone })}</p>
      <div className="table-wrap">
        <table className="month-grid">
          <caption className="sr-only">{data.labels.title}</caption>
          <thead>
            <tr>
              {data.labels.weekdays.map((d) => (
                <th key={d.long} scope="col">
                  <abbr title={d.long}>{d.short}</abbr>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.weeks.map((week, w) => (
              <tr key={w}>
                {week.map((cell, d) =>
                  cell.date === null ? (
                    <td key={d} className="outside" />
                  ) : (
                    <td key={d} data-date={cell.date}>
                      <span className="day-number">{cell.day}</span>
                      {cell.events.length ? (
                        <ul>
                          {cell.events.map((e) => (
                            <li key={e.id} className={e.cancelled ? "cancelled" : undefined}>
                              <time dateTime={e.startsAt} suppressHydrationWarning>
                                {formatTime(e.startsAt, locale, data.timeZone, "none")}
                              </time>{" "}
                              <a href={`/networks/${e.networkId}/events/${e.id}`}>{e.title}</a>
                              {e.cancelled ? ` (${t("events.cancelledShort")})` : ""}
                            </li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
