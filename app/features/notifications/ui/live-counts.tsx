import { useEffect, useState } from "react";
import type { PersonEvent } from "../person-events";

/** The unread counts the header shows, per kind of badge. */
export type UnreadCounts = { notifications: number };

/**
 * Keeps the header's unread counts current: starts from the page's figures and follows the
 * signed-in person's live stream (`/live`). Each event names its type; a new badge is one more
 * `case`. Without JavaScript the badge shows the figure of the page as it was loaded.
 */
export function useUnreadCounts(initial: UnreadCounts | null): UnreadCounts | null {
  const [counts, setCounts] = useState(initial);
  const initialNotifications = initial?.notifications;
  const signedIn = initial !== null;
  // A new page load (navigation, a form) brings fresh figures from the server.
  useEffect(() => {
    setCounts((current) =>
      initialNotifications === undefined
        ? null
        : { ...(current ?? { notifications: 0 }), notifications: initialNotifications },
    );
  }, [initialNotifications]);
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
            ...(current ?? { notifications: 0 }),
            notifications: Number(event.data.count) || 0,
          }));
          break;
        // case "conversations.unread": the conversations badge goes here.
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
