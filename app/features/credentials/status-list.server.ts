import { gzipSync } from "node:zlib";
import { isNotNull, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { credentials } from "~/db/schema";
import { VC_CONTEXT } from "./contexts.server";
import { STATUS_LIST_SIZE } from "./issue.server";
import { activeSigningKey, issuerId, publicUrl, statusListPath } from "./keys.server";
import { type SignedDocument, signCredential } from "./sign.server";

/**
 * The W3C Bitstring Status List of revocations: bit i (counted from the most significant bit
 * of the first byte) is 1 when the credential at status index i is revoked.
 * Returns the list GZIP-compressed and multibase base64url-encoded ("u…"), as the spec asks.
 */
export function encodeStatusList(revokedIndexes: Iterable<number>, size = STATUS_LIST_SIZE) {
  const bits = new Uint8Array(size / 8);
  for (const index of revokedIndexes) {
    if (!Number.isInteger(index) || index < 0 || index >= size) continue;
    bits[index >> 3] |= 0x80 >> (index & 7);
  }
  return `u${gzipSync(bits).toString("base64url")}`;
}

let cached: { version: string; document: SignedDocument } | undefined;

/**
 * The signed `BitstringStatusListCredential` served at the status list's public URL, built from
 * `credentials.revoked_at`. Signing takes tens of milliseconds, so the signed list is kept until
 * a revocation (or another key or address) changes what it says.
 */
export async function revocationListCredential(db: Db = getDb()): Promise<SignedDocument> {
  const [state] = await db
    .select({
      revoked: sql<number>`count(*)::int`,
      latest: sql<string | null>`max(${credentials.revokedAt})::text`,
    })
    .from(credentials)
    .where(isNotNull(credentials.revokedAt));
  const key = await activeSigningKey(db);
  const url = publicUrl(statusListPath);
  const version = `${state?.revoked ?? 0}|${state?.latest ?? ""}|${key.id}|${url}`;
  if (cached?.version === version) return cached.document;
  const rows = await db
    .select({ index: credentials.statusIndex })
    .from(credentials)
    .where(isNotNull(credentials.revokedAt));
  const now = new Date();
  const document = await signCredential(
    {
      "@context": [VC_CONTEXT],
      id: url,
      type: ["VerifiableCredential", "BitstringStatusListCredential"],
      issuer: issuerId(),
      validFrom: `${now.toISOString().slice(0, 19)}Z`,
      credentialSubject: {
        id: `${url}#list`,
        type: "BitstringStatusList",
        statusPurpose: "revocation",
        encodedList: encodeStatusList(rows.map((r) => r.index)),
      },
    },
    key,
  );
  cached = { version, document };
  return document;
}
