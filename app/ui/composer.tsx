import { useEffect, useRef, useState } from "react";
import { useLocation, useNavigation, useSearchParams } from "react-router";
import { useI18n } from "~/i18n/context";

/** A fresh submission key (the shape the schemas accept: 10–64 of A–Z a–z 0–9 _ -). */
function newSubmissionKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The submission key of a form that writes something new (a post, comment, reply, topic,
 * resource), and what happens after it succeeds. The action answers success with a redirect to
 * `…?posted=<id>#<anchor of the new item>`; without JavaScript that is a fresh page with an
 * empty form, scrolled to the new item. With JavaScript the page stays, so this hook notices the
 * new `posted` id after this form's own submission, returns a new key (give it to the form as
 * its React `key`, so the form is rebuilt empty: text and chosen files) and moves focus to the
 * new item. A failed submission changes nothing: the text stays for the person to fix, and the
 * key stays, so sending it again cannot make a second copy.
 */
export function useComposerKey(initialKey: string): string {
  const [key, setKey] = useState(initialKey);
  const navigation = useNavigation();
  const location = useLocation();
  // The `posted` id shown when this form was sent; undefined while it is not being sent.
  const sentFrom = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (navigation.state === "submitting") {
      if (navigation.formData?.get("submissionKey") === key && sentFrom.current === undefined) {
        sentFrom.current = new URLSearchParams(location.search).get("posted");
      }
      return;
    }
    if (navigation.state !== "idle" || sentFrom.current === undefined) return;
    const before = sentFrom.current;
    sentFrom.current = undefined;
    const posted = new URLSearchParams(location.search).get("posted");
    if (!posted || posted === before) return;
    setKey(newSubmissionKey());
    const anchor = decodeURIComponent(location.hash.slice(1));
    if (anchor) document.getElementById(anchor)?.focus();
  }, [navigation.state, navigation.formData, key, location]);
  return key;
}

/**
 * "Posted." after something new was written: a polite live region that is always in the page,
 * so a screen reader hears it each time (its text is a new node for every new item), and that
 * also shows on the page a no-JavaScript visitor lands on.
 */
export function PostedStatus() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const posted = params.get("posted");
  return (
    <div role="status" className="posted-status">
      {posted ? (
        <p key={posted} className="form-message success">
          {t("composer.posted")}
        </p>
      ) : null}
    </div>
  );
}
