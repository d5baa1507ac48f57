import { useEffect, useState } from "react";
import { useI18n } from "~/i18n/context";
import { useLiveRevalidate } from "~/ui/live-revalidate";

/**
 * Keeps a feed current without reloading: listens to the network's live stream (Server-Sent
 * Events) and reloads the page data when something changes. Without JavaScript the page simply
 * shows what was there when it loaded.
 */
export function LiveUpdates(props: { streamUrl: string }) {
  const refresh = useLiveRevalidate();
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    const source = new EventSource(props.streamUrl);
    // Several events in a burst (a post and its reactions) cause one reload.
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("error", () => setStatus("offline"));
    for (const type of [
      "post",
      "post-edited",
      "post-deleted",
      "post-pinned",
      "comment",
      "reaction",
      "topic",
      "resource",
    ]) {
      source.addEventListener(type, refresh);
    }
    // The viewer's access ended (removed, signed out, the network closed to them): stop, and
    // reload so that the page shows what they may still see.
    for (const type of ["removed", "access-ended"]) {
      source.addEventListener(type, () => {
        source.close();
        setStatus("offline");
        refresh();
      });
    }
    return () => source.close();
  }, [props.streamUrl, refresh]);
  return (
    <p className="muted live-status" aria-live="polite">
      {status === "live" ? t("live.on") : status === "offline" ? t("live.off") : ""}
    </p>
  );
}
