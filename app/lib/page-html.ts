/**
 * HTML the server rendered from Markdown (posts, comments), as it travels in a page's loader
 * data. In a document the browser already gets that HTML once, inside the page; React Router
 * would serialise it a second time for hydration (decision 022). So on a document request the
 * HTML rides on a property that serialisation never sees (not enumerable: the client receives
 * `{}` and keeps what the page holds), and on a data request (client navigation, revalidation)
 * it is a plain string.
 */
export type PageHtml = string | { readonly html?: string };

/** Wraps `html` for a page's loader data: left out of the hydration copy when `inDocument`. */
export function pageHtml(html: string, inDocument: boolean): PageHtml {
  if (!inDocument) return html;
  return Object.defineProperty({}, "html", { value: html, enumerable: false });
}

/** The HTML itself, or undefined in a browser that received the document-only form. */
export function htmlText(value: PageHtml): string | undefined {
  return typeof value === "string" ? value : value.html;
}
