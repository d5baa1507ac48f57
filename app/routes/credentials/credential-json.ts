import { findCredential } from "~/features/credentials/credentials.server";
import { credentialIdSchema } from "~/features/credentials/schema";
import { handleLoader, httpError } from "~/lib/errors";
import type { Route } from "./+types/credential-json";

/** The signed Open Badges credential as issued, to download (anyone with the link). */
export async function loader({ params }: Route.LoaderArgs) {
  const id = credentialIdSchema.safeParse(params.id);
  if (!id.success) throw httpError(404, "credentials.notFound");
  const view = await handleLoader(() => findCredential(id.data));
  return new Response(JSON.stringify(view.document, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="badge-${view.id}.json"`,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
    },
  });
}
