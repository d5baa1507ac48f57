import { useI18n } from "~/i18n/context";

export type MeetingLine = {
  id: string;
  subject: string;
  otherName: string;
  status: "proposed" | "accepted" | "declined" | "cancelled";
  /** The chosen time, or the proposed ones, already formatted in the reader's zone. */
  when: string[];
};

/** One section of "my meetings": a heading and its meetings, or a line saying there are none. */
export function MeetingList(props: { heading: string; items: MeetingLine[] }) {
  const { t } = useI18n();
  return (
    <section className="section">
      <h2>{props.heading}</h2>
      {props.items.length === 0 ? (
        <p className="hint">{t("meetings.none")}</p>
      ) : (
        <ul className="plain-list">
          {props.items.map((m) => (
            <li key={m.id}>
              <a href={`/meetings/${m.id}`}>{m.subject}</a> · {m.otherName} ·{" "}
              {t(`meetings.status.${m.status}`)}
              <span className="hint block">{m.when.join(" / ")}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
