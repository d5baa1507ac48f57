import { useEffect, useState } from "react";
import { useI18n } from "~/i18n/context";
import { useLiveRevalidate } from "~/ui/live-revalidate";

/**
 * Keeps an audit's figures current for its facilitators: listens to the audit's live stream
 * and reloads the page's data when an answer lands or the audit opens or closes. Without
 * JavaScript the page shows the figures as they were when it loaded.
 */
export function AuditLive(props: { auditId: string }) {
  const refresh = useLiveRevalidate();
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/audits/${props.auditId}/live`);
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("error", () => setStatus("offline"));
    for (const type of ["answered", "status"]) source.addEventListener(type, () => refresh());
    source.addEventListener("access-ended", () => {
      source.close();
      setStatus("offline");
    });
    return () => source.close();
  }, [props.auditId, refresh]);
  return (
    <p className="muted live-status" aria-live="polite">
      {status === "live" ? t("audits.liveOn") : status === "offline" ? t("audits.liveOff") : ""}
    </p>
  );
}
