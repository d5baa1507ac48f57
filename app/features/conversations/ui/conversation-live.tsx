import { useEffect, useRef, useState } from "react";
import { useRevalidator } from "react-router";
import { useI18n } from "~/i18n/context";

/**
 * New messages appear without reloading: listens to the conversation's stream and reloads the
 * page data on each new message. Without JavaScript the page shows what was there at load.
 */
export function ConversationLive(props: { streamUrl: string }) {
  const revalidator = useRevalidator();
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  useEffect(() => {
    const source = new EventSource(props.streamUrl);
    let timer: ReturnType<typeof setTimeout> | undefined;
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("error", () => setStatus("offline"));
    source.addEventListener("message", () => {
      clearTimeout(timer);
      timer = setTimeout(() => revalidatorRef.current.revalidate(), 100);
    });
    source.addEventListener("access-ended", () => {
      source.close();
      setStatus("offline");
      revalidatorRef.current.revalidate();
    });
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [props.streamUrl]);
  return (
    <p className="muted live-status" aria-live="polite">
      {status === "live"
        ? t("conversations.liveOn")
        : status === "offline"
          ? t("conversations.liveOff")
          : ""}
    </p>
  );
}
