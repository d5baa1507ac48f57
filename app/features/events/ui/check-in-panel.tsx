import { useI18n } from "~/i18n/context";

/** What the event page shows of check-in and feedback (see loadCheckInPanel). */
export type CheckInPanelProps = {
  networkId: string;
  eventId: string;
  panel: {
    myCode: { code: string; svg: string } | null;
    feedback: { given: boolean } | null;
    canCheckIn: boolean;
    canSeeResults: boolean;
  };
};

/**
 * The viewer's personal check-in code (QR and short code) for a face-to-face or hybrid event
 * they are going to, the feedback link once it is open, and the facilitators' links.
 */
export function CheckInPanel(props: CheckInPanelProps) {
  const { t } = useI18n();
  const { panel } = props;
  const base = `/networks/${props.networkId}/events/${props.eventId}`;
  if (!panel.myCode && !panel.feedback && !panel.canSeeResults) return null;
  return (
    <section className="section narrow-column stack" aria-labelledby="check-in-panel">
      <h2 id="check-in-panel">{t("events.checkIn.panelHeading")}</h2>
      {panel.myCode ? (
        <div className="stack">
          <p>{t("events.checkIn.yourCodeHint")}</p>
          <div
            className="qr-code"
            role="img"
            aria-label={t("events.checkIn.qrLabel")}
            // The SVG is made on the server by the qrcode library from our own link.
            // biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG, no user input
            dangerouslySetInnerHTML={{ __html: panel.myCode.svg }}
          />
          <p>
            {t("events.checkIn.yourCode")}{" "}
            <strong className="check-in-code" translate="no">
              {panel.myCode.code}
            </strong>
          </p>
        </div>
      ) : null}
      {panel.feedback ? (
        <p>
          <a className="button" href={`${base}/feedback`}>
            {panel.feedback.given ? t("events.feedback.change") : t("events.feedback.give")}
          </a>
        </p>
      ) : null}
      {panel.canSeeResults ? (
        <p className="inline-actions">
          {panel.canCheckIn ? (
            <a className="button" href={`${base}/check-in`}>
              {t("events.checkIn.open")}
            </a>
          ) : null}
          <a href={`${base}/feedback/results`}>{t("events.feedback.resultsLink")}</a>
          <a href={`${base}/export/attendance.csv`} download>
            {t("events.export.attendance")}
          </a>
        </p>
      ) : null}
    </section>
  );
}
