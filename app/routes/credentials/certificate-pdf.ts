import { certificatePdf } from "~/features/credentials/certificate-pdf.server";
import { findCredential } from "~/features/credentials/credentials.server";
import { credentialIdSchema } from "~/features/credentials/schema";
import { handleLoader, httpError } from "~/lib/errors";
import type { Route } from "./+types/certificate-pdf";

/** The printable certificate in the learner's language (anyone with the link). */
export async function loader({ params }: Route.LoaderArgs) {
  const id = credentialIdSchema.safeParse(params.id);
  if (!id.success) throw httpError(404, "credentials.notFound");
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
