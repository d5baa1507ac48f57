import { useEffect, useState } from "react";
import type { PersonEvent } from "../person-events";

/** The unread counts the header shows, per kind of badge. */
export type UnreadCounts = { notifications: number; messages: number };

const NONE: UnreadCounts = { notifications: 0, messages: 0 };

/**
 * Keeps the header's unread counts current: starts from the page's figures and follows the
 * signed-in person's live stream (`/live`). Each event names its type; a new badge is one more
 * `case`. Without JavaScript the badge shows the figure of the page as it was loaded.
 */
export function useUnreadCounts(initial: UnreadCounts | null): UnreadCounts | null {
  const [counts, setCounts] = useState(initial);
  const initialNotifications = initial?.notifications;
  const initialMessages = initial?.messages;
  const signedIn = initial !== null;
  // A new page load (navigation, a form) brings fresh figures from the server.
  useEffect(() => {
    setCounts(
      initialNotifications === undefined || initialMessages === undefined
        ? null
        : { notifications: initialNotifications, messages: initialMessages },
    );
  }, [initialNotifications, initialMessages]);
  useEffect(() => {
    if (!signedIn || typeof EventSource === "undefined") return;
    const source = new EventSource("/live");
    source.addEventListener("message", (message) => {
      let event: PersonEvent;
      try {
        event = JSON.parse(message.data) as PersonEvent;
      } catch {
        return;
      }
      switch (event.type) {
        case "notifications.unread":
          setCounts((current) => ({
            ...(current ?? NONE),
            notifications: Number(event.data.count) || 0,
          }));
          break;
        case "conversations.unread":
          setCounts((current) => ({
            ...(current ?? NONE),
            messages: Number(event.data.count) || 0,
          }));
          break;
      }
    });
    // The session ended (signed out elsewhere): stop; the next page shows the signed-out header.
    source.addEventListener("access-ended", () => source.close());
    return () => source.close();
  }, [signedIn]);
  return counts;
}

/** The figure a badge shows: nothing at zero, "99+" above 99. */
export function badgeText(count: number): string {
  if (count <= 0) return "";
  return count > 99 ? "99+" : String(count);
}
