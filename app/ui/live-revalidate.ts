import { useCallback, useEffect, useRef } from "react";
import { useNavigation, useRevalidator } from "react-router";

/**
 * Reloads the page's data when a live event says something changed, without trampling a form
 * on its way: a burst of events causes one reload (150 ms), and while a submission or
 * navigation is in flight the reload waits until it has landed. (Reloading at once interrupted
 * the submission, and its answer, such as "Anna is checked in", never showed.)
 */
export function useLiveRevalidate(): () => void {
  const revalidator = useRevalidator();
  const navigation = useNavigation();
  // Both objects change on every render; the stream's listeners must keep working across them.
  const revalidatorRef = useRef(revalidator);
  revalidatorRef.current = revalidator;
  const busyRef = useRef(false);
  busyRef.current = navigation.state !== "idle";
  const pendingRef = useRef(false);
  const timerRef = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    if (navigation.state === "idle" && pendingRef.current) {
      pendingRef.current = false;
      revalidatorRef.current.revalidate();
    }
  }, [navigation.state]);
  useEffect(() => () => clearTimeout(timerRef.current), []);
  return useCallback(() => {
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => {
      if (busyRef.current) pendingRef.current = true;
      else revalidatorRef.current.revalidate();
    }, 150);
  }, []);
}
