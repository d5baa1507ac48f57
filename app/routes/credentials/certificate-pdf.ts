import { certificatePdf } from "~/features/credentials/certificate-pdf.server";
import { findCredential } from "~/features/credentials/credentials.server";
import { credentialIdSchema } from "~/features/credentials/schema";
import { handleLoader, httpError, toHttpError, tooMany } from "~/lib/errors";
import { hitRateLimit } from "~/lib/rate-limit.server";
import type { Route } from "./+types/certificate-pdf";

/** Certificates one address may fetch a minute: a page of a class's, not a flood. */
const PDFS_PER_MINUTE = 30;

/** The printable certificate in the learner's language (anyone with the link). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const id = credentialIdSchema.safeParse(params.id);
  if (!id.success) throw httpError(404, "credentials.notFound");
  // Public, and each answer renders a PDF (tens of milliseconds of CPU): limited per address,
  // every request counted (a wrong id too, so guessing costs the same).
  const limit = await hitRateLimit(`certificate-pdf:ip:${context.ip}`, PDFS_PER_MINUTE, 60);
  if (!limit.allowed) {
    throw toHttpError(tooMany(undefined, { retryAfterSeconds: limit.retryAfterSeconds }));
  }
  const view = await handleLoader(() => findCredential(id.data));
  const pdf = await certificatePdf(view);
  return new Response(new Uint8Array(pdf), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="certificate-${view.id}.pdf"`,
      "Cache-Control": "no-store",
    },
  });
}
