import { DataIntegrityProof } from "@digitalbazaar/data-integrity";
import { cryptosuite as eddsaRdfc2022 } from "@digitalbazaar/eddsa-rdfc-2022-cryptosuite";
import * as vc from "@digitalbazaar/vc";
import { type Db, getDb } from "~/db/client.server";
import { isUuid } from "~/lib/ids";
import { DID_CONTEXT, documentLoaderWith } from "./contexts.server";
import {
  issuerId,
  keyDocument,
  keyPathPrefix,
  type PublishedKey,
  publicUrl,
  publishedKey,
  publishedKeys,
  type SigningKey,
  signerKeyPair,
} from "./keys.server";

export type SignedDocument = Record<string, unknown> & { proof?: unknown };

/**
 * Signs a credential with a Data Integrity proof, cryptosuite `eddsa-rdfc-2022` (RDF Dataset
 * Canonicalization, SHA-256, Ed25519), proof purpose `assertionMethod`, verification method the
 * key's public URL. Only bundled contexts are read.
 */
export async function signCredential(
  credential: Record<string, unknown>,
  key: SigningKey,
): Promise<SignedDocument> {
  const keyPair = await signerKeyPair(key);
  const suite = new DataIntegrityProof({ signer: keyPair.signer(), cryptosuite: eddsaRdfc2022 });
  return vc.issue({
    credential: structuredClone(credential),
    suite,
    documentLoader: documentLoaderWith(),
  });
}

/** The key id (a UUID) in one of this installation's key URLs, or null for any other URL. */
export function ownKeyId(verificationMethod: unknown): string | null {
  if (typeof verificationMethod !== "string") return null;
  const prefix = publicUrl(keyPathPrefix);
  if (!verificationMethod.startsWith(prefix)) return null;
  const id = verificationMethod.slice(prefix.length);
  // Our key URLs carry the id as the database writes it: lower case.
  return isUuid(id) && id === id.toLowerCase() ? id : null;
}

/**
 * Checks the proof alone (not dates, not status): true when the document, as it is, was signed
 * by one of this installation's keys. The key and its controller come from the database, not
 * over the network; `keys` are the published keys when the caller has read them already (then
 * the database is not asked again).
 */
export async function hasValidProof(
  document: SignedDocument,
  db: Db = getDb(),
  keys?: readonly PublishedKey[],
): Promise<boolean> {
  const loader = documentLoaderWith(async (url) => {
    const keyId = ownKeyId(url);
    if (keyId) {
      const key = keys ? keys.find((k) => k.id === keyId) : await publishedKey(keyId, db);
      return key ? keyDocument(key) : undefined;
    }
    if (url === issuerId()) {
      // The controller document in the shape jsonld-signatures reads without framing.
      const all = keys ?? (await publishedKeys(db));
      return {
        "@context": DID_CONTEXT,
        id: issuerId(),
        assertionMethod: all.map((k) => keyDocument(k).id),
      };
    }
    return undefined;
  });
  const validFrom = typeof document.validFrom === "string" ? new Date(document.validFrom) : null;
  const result = await vc.verifyCredential({
    credential: document,
    suite: new DataIntegrityProof({ cryptosuite: eddsaRdfc2022 }),
    documentLoader: loader,
    // Dates and status are judged by the caller, in words; here only the signature counts.
    now: validFrom && !Number.isNaN(validFrom.getTime()) ? validFrom : new Date(),
    checkStatus: async () => ({ verified: true }),
  });
  return result.verified;
}
