import { useEffect, useRef, useState } from "react";
import { useI18n } from "~/i18n/context";
import { useLiveRevalidate } from "~/ui/live-revalidate";

/**
 * Keeps a feed current without reloading: listens to the network's live stream (Server-Sent
 * Events) and reloads the page data when something changes. Without JavaScript the page simply
 * shows what was there when it loaded.
 *
 * With `holdNewPostsFor` (a feed, and who reads it), someone else's new post does not push the
 * feed down while it is being read: a polite live region offers "2 new posts — show them", and
 * the feed reloads when that is pressed (focus then moves to the newest of them).
 */
export function LiveUpdates(props: { streamUrl: string; holdNewPostsFor?: string }) {
  const refresh = useLiveRevalidate();
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  const [held, setHeld] = useState<string[]>([]);
  const holder = props.holdNewPostsFor;
  // Read by the stream's listener, which outlives renders.
  const holderRef = useRef(holder);
  holderRef.current = holder;
  useEffect(() => {
    const source = new EventSource(props.streamUrl);
    // Several events in a burst (a post and its reactions) cause one reload.
    source.addEventListener("open", () => setStatus("live"));
    source.addEventListener("error", () => setStatus("offline"));
    source.addEventListener("post", (event) => {
      const post = parsePostEvent(event);
      const viewer = holderRef.current;
      if (!viewer || !post || post.authorId === viewer || isShown(post.postId)) {
        refresh();
        return;
      }
      setHeld((ids) => (ids.includes(post.postId) ? ids : [...ids, post.postId]));
    });
    for (const type of [
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
  // Another reload (a reaction, a comment) brings held posts in too: stop offering those.
  useEffect(() => {
    if (!held.length) return;
    const timer = setInterval(() => {
      setHeld((ids) => {
        const left = ids.filter((id) => !isShown(id));
        return left.length === ids.length ? ids : left;
      });
    }, 1000);
    return () => clearInterval(timer);
  }, [held.length]);
  const showHeld = () => {
    const newest = held[held.length - 1];
    setHeld([]);
    refresh();
    focusWhenShown(`post-${newest}`);
  };
  return (
    <>
      <p className="muted live-status" aria-live="polite">
        {status === "live" ? t("live.on") : status === "offline" ? t("live.off") : ""}
      </p>
      {holder ? (
        <div className="new-posts" aria-live="polite">
          {held.length ? (
            <button type="button" className="button secondary small" onClick={showHeld}>
              {t("live.newPosts", { count: held.length })}
            </button>
          ) : null}
        </div>
      ) : null}
    </>
  );
}

function parsePostEvent(event: Event): { postId: string; authorId?: string } | null {
  try {
    const data = JSON.parse(String((event as MessageEvent).data));
    return typeof data?.postId === "string" ? data : null;
  } catch {
    return null;
  }
}

const isShown = (postId: string) => document.getElementById(`post-${postId}`) !== null;

/** Focuses an element once the reload has rendered it (given up after five seconds). */
function focusWhenShown(id: string) {
  const until = Date.now() + 5000;
  const look = () => {
    const element = document.getElementById(id);
    if (element) {
      element.focus();
      return;
    }
    if (Date.now() < until) setTimeout(look, 100);
  };
  look();
}
