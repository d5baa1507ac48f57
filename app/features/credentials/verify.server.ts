import { and, eq } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { credentials } from "~/db/schema";
import { isUuid } from "~/lib/ids";
import { publicUrl, publishedKeys, statusListPath } from "./keys.server";
import { hasValidProof, ownKeyId, type SignedDocument } from "./sign.server";

/** What the public verification page says about a pasted or uploaded credential. */
export type Verdict =
  | {
      kind: "valid";
      credentialId: string | null;
      recipientName: string;
      achievementName: string;
      issuerName: string;
      validFrom: string;
      validUntil: string | null;
    }
  | { kind: "not_json" }
  | { kind: "not_open_badge" }
  | { kind: "unsigned" }
  | { kind: "other_issuer" }
  | { kind: "tampered" }
  | { kind: "not_yet_valid"; on: string }
  | { kind: "expired"; on: string }
  | { kind: "revoked"; on: string }
  | { kind: "status_unknown" };

/** Largest credential the page reads (a Synergy credential is about 3 KB). */
export const MAX_CREDENTIAL_BYTES = 256 * 1024;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  typeof v === "object" && v !== null && !Array.isArray(v);
const listOf = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);
const text = (v: unknown): string => (typeof v === "string" ? v : "");

/**
 * The credential id a document names as its own `id`: this installation's
 * `…/credentials/<uuid>` address (or a `urn:uuid:<uuid>`); null for anything else.
 */
export function ownCredentialId(id: unknown): string | null {
  if (typeof id !== "string") return null;
  const prefix = publicUrl("/credentials/");
  const rest = id.startsWith(prefix)
    ? id.slice(prefix.length)
    : id.startsWith("urn:uuid:")
      ? id.slice("urn:uuid:".length)
      : "";
  return isUuid(rest) ? rest.toLowerCase() : null;
}

/**
 * Judges a credential the way any verifier would, in the order a person needs the answer:
 * is it an Open Badges credential at all, is it signed, by this installation's key, is the
 * signature intact, is it within its dates, is it revoked in the installation's status list.
 */
export async function verifyCredentialText(input: string, db: Db = getDb()): Promise<Verdict> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(input);
  } catch {
    return { kind: "not_json" };
  }
  if (!isObject(parsed)) return { kind: "not_json" };
  const types = listOf(parsed.type);
  const subject = listOf(parsed.credentialSubject)[0];
  const isOpenBadge =
    types.includes("VerifiableCredential") &&
    (types.includes("OpenBadgeCredential") || types.includes("AchievementCredential")) &&
    isObject(subject) &&
    isObject(subject.achievement);
  if (!isOpenBadge || !isObject(subject) || !isObject(subject.achievement)) {
    return { kind: "not_open_badge" };
  }
  const proof = listOf(parsed.proof)[0];
  if (
    !isObject(proof) ||
    proof.type !== "DataIntegrityProof" ||
    proof.cryptosuite !== "eddsa-rdfc-2022"
  ) {
    return { kind: "unsigned" };
  }
  const keyId = ownKeyId(proof.verificationMethod);
  // The published keys, read once for this check: the key named, then the proof's key and
  // controller documents.
  const keys = keyId ? await publishedKeys(db) : [];
  if (!keyId || !keys.some((k) => k.id === keyId)) return { kind: "other_issuer" };
  let intact = false;
  try {
    intact = await hasValidProof(parsed as SignedDocument, db, keys);
  } catch {
    intact = false;
  }
  if (!intact) return { kind: "tampered" };

  const now = Date.now();
  const validFrom = text(parsed.validFrom);
  const validUntil = text(parsed.validUntil);
  if (validFrom && Date.parse(validFrom) > now) return { kind: "not_yet_valid", on: validFrom };
  if (validUntil && Date.parse(validUntil) <= now) return { kind: "expired", on: validUntil };

  const status = listOf(parsed.credentialStatus)[0];
  if (!isObject(status)) return { kind: "status_unknown" };
  const index = Number(status.statusListIndex);
  if (
    status.statusListCredential !== publicUrl(statusListPath) ||
    status.statusPurpose !== "revocation" ||
    !Number.isInteger(index)
  ) {
    return { kind: "status_unknown" };
  }
  // The row must be this very credential: its id (from the signed document) AND its index.
  // A status index alone could name another credential's row.
  const credentialId = ownCredentialId(parsed.id);
  if (!credentialId) return { kind: "status_unknown" };
  const [row] = await db
    .select({ id: credentials.id, revokedAt: credentials.revokedAt })
    .from(credentials)
    .where(and(eq(credentials.id, credentialId), eq(credentials.statusIndex, index)))
    .limit(1);
  // Signed by this installation but not kept here (any more): we cannot say.
  if (!row) return { kind: "status_unknown" };
  if (row.revokedAt) return { kind: "revoked", on: row.revokedAt.toISOString() };

  const identifier = listOf(subject.identifier).find(
    (i) => isObject(i) && i.identityType === "name",
  );
  const issuer = parsed.issuer;
  return {
    kind: "valid",
    credentialId: row.id,
    recipientName: isObject(identifier) ? text(identifier.identityHash) : "",
    achievementName: text(subject.achievement.name),
    issuerName: isObject(issuer) ? text(issuer.name) : text(issuer),
    validFrom,
    validUntil: validUntil || null,
  };
}
