import { useEffect, useState } from "react";
import { useI18n } from "~/i18n/context";
import { useLiveRevalidate } from "~/ui/live-revalidate";

/**
 * Keeps the check-in desk current: listens to the network's live stream for "attendance"
 * events of this event (any facilitator's phone checking someone in) and reloads the list.
 * Without JavaScript the page shows what was there when it loaded.
 */
export function AttendanceLive(props: { networkId: string; eventId: string }) {
  const refresh = useLiveRevalidate();
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const source = new EventSource(`/networks/${props.networkId}/live`);
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("error", () => setStatus("offline"));
    source.addEventListener("attendance", (message) => {
      try {
        if (JSON.parse(message.data).eventId !== props.eventId) return;
      } catch {
        return;
      }
      // A burst of check-ins (two phones at the door) causes one reload.
      refresh();
    });
    for (const type of ["removed", "access-ended"]) {
      source.addEventListener(type, () => {
        source.close();
        setStatus("offline");
      });
    }
    return () => source.close();
  }, [props.networkId, props.eventId, refresh]);
  return (
    <p className="muted live-status" aria-live="polite">
      {status === "live"
        ? t("events.checkIn.liveOn")
        : status === "offline"
          ? t("events.checkIn.liveOff")
          : ""}
    </p>
  );
}
