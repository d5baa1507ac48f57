import { revocationListCredential } from "~/features/credentials/status-list.server";

/** The signed Bitstring Status List of revocations, for any verifier. */
export async function loader() {
  return Response.json(await revocationListCredential(), {
    headers: {
      "Content-Type": "application/vc+ld+json",
      "Access-Control-Allow-Origin": "*",
      // A revocation shows within a minute to verifiers that cache.
      "Cache-Control": "public, max-age=60",
    },
  });
}
