import { useI18n } from "~/i18n/context";
import { Time } from "~/ui/time";

/** An event as the agenda and the list of open events show it. */
export type AgendaListItem = {
  id: string;
  networkId: string;
  networkName: string;
  title: string;
  kind: "in_person" | "online" | "hybrid";
  venue: string;
  startsAt: string;
  cancelled: boolean;
  answer: "going" | "waiting" | "maybe" | "not_going" | null;
};

/** Events across networks, each with its time in the viewer's zone and its network. */
export function AgendaList(props: { events: AgendaListItem[]; showAnswer?: boolean }) {
  const { t } = useI18n();
  if (props.events.length === 0) return <p>{t("calendars.noEvents")}</p>;
  return (
    <ul className="card-list">
      {props.events.map((e) => (
        <li key={e.id} className="card">
          <h3>
            <a href={`/networks/${e.networkId}/events/${e.id}`}>{e.title}</a>
          </h3>
          <p>
            <Time value={e.startsAt} /> · {t(`events.kind.${e.kind}`)}
            {e.venue ? ` · ${e.venue}` : ""}
          </p>
          <p className="muted">
            <a href={`/networks/${e.networkId}`}>{e.networkName}</a>
            {e.cancelled ? ` · ${t("events.cancelledShort")}` : ""}
          </p>
          {props.showAnswer && e.answer ? (
            <p className="hint" data-answer={e.answer}>
              {t(`calendars.answer.${e.answer}`)}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
