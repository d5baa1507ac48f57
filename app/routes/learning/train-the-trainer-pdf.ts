import { resolveLocale } from "~/features/accounts/locale.server";
import {
  readTttDocument,
  tttDocumentPdf,
  tttPdfFilename,
} from "~/features/learning/documents.server";
import { translatorFor } from "~/i18n/catalogue.server";
import { isDomainError } from "~/lib/errors";
import type { Route } from "./+types/train-the-trainer-pdf";

/**
 * A Train-the-Trainer document as a PDF download, for everyone (signed in or not). The PDF is
 * made once per process; an unknown document is a 404 in plain text in the reader's language (a
 * download has no page to show it on).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  let slug: ReturnType<typeof readTttDocument>["slug"];
  try {
    slug = readTttDocument(params.doc).slug;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    const t = translatorFor(resolveLocale(await context.auth(), context.requestLocale));
    return new Response(t(error.messageKey), {
      status: error.status,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  const pdf = await tttDocumentPdf(slug);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-length": String(pdf.byteLength),
      "content-disposition": `attachment; filename="${tttPdfFilename(slug)}"`,
      // The documents change only with a deploy.
      "cache-control": "public, max-age=3600",
    },
  });
}
