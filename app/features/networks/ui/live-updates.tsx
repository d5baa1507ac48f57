import {
  createContext,
  type Dispatch,
  type ReactNode,
  type SetStateAction,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { useLocation } from "react-router";
import { useI18n } from "~/i18n/context";
import { useLiveRevalidate } from "~/ui/live-revalidate";

type HeldState = [string[], Dispatch<SetStateAction<string[]>>];

const HeldPostsContext = createContext<HeldState | null>(null);

/**
 * Shares the ids of held posts between the live updates and the feed it sits above: any reload
 * (a reaction, a comment, a fetcher's revalidation) brings the held posts' data in, and the
 * feed must still leave them out until "show them" is pressed. Paging the feed (another query
 * string) lets go of them: that page is read as it is.
 */
export function HeldPostsProvider(props: { children: ReactNode }) {
  const state = useState<string[]>([]);
  const { pathname, search } = useLocation();
  const [, setHeld] = state;
  const pageRef = useRef(`${pathname}${search}`);
  useEffect(() => {
    const page = `${pathname}${search}`;
    if (pageRef.current === page) return;
    pageRef.current = page;
    setHeld([]);
  }, [pathname, search]);
  return <HeldPostsContext.Provider value={state}>{props.children}</HeldPostsContext.Provider>;
}

/** The posts to render: those whose ids are held behind "N new posts — show them" left out. */
export function useWithoutHeld<T extends { id: string }>(posts: T[]): T[] {
  const held = useContext(HeldPostsContext)?.[0];
  if (!held?.length) return posts;
  return posts.filter((post) => !held.includes(post.id));
}

/**
 * Keeps a feed current without reloading: listens to the network's live stream (Server-Sent
 * Events) and reloads the page data when something changes. Without JavaScript the page simply
 * shows what was there when it loaded.
 *
 * With `holdNewPostsFor` (a feed, and who reads it), someone else's new post does not push the
 * feed down while it is being read: a polite live region offers "2 new posts — show them", and
 * the feed reloads when that is pressed (focus then moves to the newest of them). Inside a
 * `HeldPostsProvider` the feed leaves held posts out however often it reloads meanwhile.
 */
export function LiveUpdates(props: { streamUrl: string; holdNewPostsFor?: string }) {
  const refresh = useLiveRevalidate();
  const { t } = useI18n();
  const [status, setStatus] = useState<"connecting" | "live" | "offline">("connecting");
  const ownHeld = useState<string[]>([]);
  const [held, setHeld] = useContext(HeldPostsContext) ?? ownHeld;
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
    // A held post deleted meanwhile is no longer offered: the count stays true.
    source.addEventListener("post-deleted", (event) => {
      const post = parsePostEvent(event);
      if (post)
        setHeld((ids) =>
          ids.includes(post.postId) ? ids.filter((id) => id !== post.postId) : ids,
        );
      refresh();
    });
    for (const type of ["post-edited", "post-pinned", "comment", "reaction", "topic", "resource"]) {
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
  }, [props.streamUrl, refresh, setHeld]);
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
