import { issuerDocument, publishedKeys } from "~/features/credentials/keys.server";

/** The issuer's public profile and keys (decision 019), for any verifier. */
export async function loader() {
  return Response.json(issuerDocument(await publishedKeys()), {
    headers: {
      "Content-Type": "application/ld+json",
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "public, max-age=300",
    },
  });
}
