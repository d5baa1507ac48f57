import { useI18n } from "~/i18n/context";

export type NeedCardData = {
  id: string;
  topic: string | null;
  topic_text: string;
  urgency: string;
  status: string;
  me_too_count: number;
  weight: number;
  is_reached: boolean;
  country: string | null;
  languages: string[];
  network_name: string | null;
};

/** One need in a list: what it is about, its status, how many share it, whether it is reached. */
export function NeedCard(props: {
  need: NeedCardData;
  topicLabel: string | null;
  countryName: string | null;
}) {
  const { t } = useI18n();
  const { need } = props;
  const title = props.topicLabel ?? need.topic_text;
  return (
    <li className="card need-card">
      <h3>
        <a href={`/needs/${need.id}`}>{title}</a>
      </h3>
      {props.topicLabel && need.topic_text ? <p>{need.topic_text}</p> : null}
      <p className="muted">
        {need.status !== "open" ? (
          <>
            <span className="badge">{t(`needs.statusValue.${need.status}`)}</span>{" "}
          </>
        ) : null}
        {t(`needs.urgencyValue.${need.urgency}`)} ·{" "}
        {t("needs.meTooCount", { count: need.me_too_count })}
        {props.countryName ? ` · ${props.countryName}` : ""}
        {need.network_name ? ` · ${need.network_name}` : ""}
        {need.status === "open"
          ? ` · ${t(need.is_reached ? "needs.reached" : "needs.notReached")}`
          : ""}
      </p>
    </li>
  );
}
