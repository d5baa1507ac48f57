import { keyDocument, publishedKey } from "~/features/credentials/keys.server";
import { credentialIdSchema } from "~/features/credentials/schema";
import { httpError } from "~/lib/errors";
import type { Route } from "./+types/key";

/** One of the issuer's public keys as a Multikey document, for any verifier. */
export async function loader({ params }: Route.LoaderArgs) {
  const id = credentialIdSchema.safeParse(params.keyId);
  const key = id.success ? await publishedKey(id.data) : undefined;
  if (!key) throw httpError(404, "credentials.keyNotFound");
  return Response.json(keyDocument(key), {
    headers: {
      "Content-Type": "application/ld+json",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=3600",
    },
  });
}
