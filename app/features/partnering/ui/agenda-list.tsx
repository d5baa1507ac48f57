import { useI18n } from "~/i18n/context";
import { CsrfForm, SubmitButton } from "~/ui/form";

export type AgendaLine = {
  id: string;
  when: string;
  other: { id: string; name: string; organisation: string | null };
  tableNumber: number | null;
  callUrl: string;
  myFollowUp: boolean | null;
  bothFollowUp: boolean;
};

/** A person's partnering-day meetings: cancel before the day is over, follow up after it. */
export function AgendaList(props: { items: AgendaLine[]; over: boolean }) {
  const { t } = useI18n();
  if (props.items.length === 0) return <p className="hint">{t("partneringDay.agendaEmpty")}</p>;
  return (
    <ol className="plain-list">
      {props.items.map((item) => (
        <li key={item.id} className="card">
          <h2>
            {item.when} · {item.other.name}
            {item.other.organisation ? ` · ${item.other.organisation}` : ""}
          </h2>
          <p>
            {item.tableNumber !== null ? (
              t("partneringDay.table", { n: item.tableNumber })
            ) : (
              <a href={item.callUrl} rel="noopener noreferrer">
                {t("partneringDay.callLink")}
              </a>
            )}
          </p>
          {props.over ? (
            <>
              <CsrfForm method="post" className="inline-form">
                <input type="hidden" name="intent" value="followUp" />
                <input type="hidden" name="booking" value={item.id} />
                <span>{t("partneringDay.followUpQuestion")}</span>{" "}
                <SubmitButton name="followUp" value="yes" className="button small">
                  {t("partneringDay.yes")}
                </SubmitButton>{" "}
                <SubmitButton name="followUp" value="no" className="button small secondary">
                  {t("partneringDay.no")}
                </SubmitButton>
                {item.myFollowUp !== null ? (
                  <span className="hint">
                    {" "}
                    {t(item.myFollowUp ? "partneringDay.youSaidYes" : "partneringDay.youSaidNo")}
                  </span>
                ) : null}
              </CsrfForm>
              {item.bothFollowUp ? (
                <p>
                  <a className="button" href={`/meetings/new?with=${item.other.id}`}>
                    {t("partneringDay.proposeMeeting")}
                  </a>{" "}
                  <a href={`/conversations/new?to=${item.other.id}`}>
                    {t("partneringDay.sendMessage")}
                  </a>
                </p>
              ) : null}
            </>
          ) : (
            <CsrfForm method="post" className="inline-form">
              <input type="hidden" name="intent" value="cancel" />
              <input type="hidden" name="booking" value={item.id} />
              <SubmitButton className="button small secondary">
                {t("partneringDay.cancelBooking")}
              </SubmitButton>
            </CsrfForm>
          )}
        </li>
      ))}
    </ol>
  );
}
