import { useLayoutEffect, useRef } from "react";
import { htmlText, type PageHtml } from "~/lib/page-html";

/**
 * What each document-only HTML held when the page hydrated, by the id of what it renders, so
 * that an element mounted again later (a post shown after an edit form is closed) still has it.
 */
const fromDocument = new Map<string, string>();

/**
 * A block of server-rendered HTML (see PageHtml). When the hydration data left the HTML out,
 * React keeps what the server wrote: in hydration it does not compare `dangerouslySetInnerHTML`,
 * and an empty `__html` stops it from looking for children to hydrate.
 */
export function RenderedHtml(props: {
  html: PageHtml;
  id: string;
  className?: string;
  /** The language of the text, when it differs from the page's (decision 031). */
  lang?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const given = htmlText(props.html);
  const html = given ?? fromDocument.get(props.id);
  useLayoutEffect(() => {
    if (html === undefined && ref.current) fromDocument.set(props.id, ref.current.innerHTML);
  });
  return (
    <div
      ref={ref}
      className={props.className}
      lang={props.lang}
      // biome-ignore lint/security/noDangerouslySetInnerHtml: rendered by our Markdown subset, which escapes everything else
      dangerouslySetInnerHTML={{ __html: html ?? "" }}
      suppressHydrationWarning
    />
  );
}
