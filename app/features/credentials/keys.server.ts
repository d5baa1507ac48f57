import * as Ed25519Multikey from "@digitalbazaar/ed25519-multikey";
import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import { type Db, getDb } from "~/db/client.server";
import { signingKeys } from "~/db/schema";
import { getEnv } from "~/lib/env.server";
import { MULTIKEY_CONTEXT, OB_CONTEXT, VC_CONTEXT } from "./contexts.server";

/**
 * The installation as an issuer (decision 019): its id is an HTTPS URL on this installation,
 * where a public Open Badges `Profile` lists the keys it signs with; each key is a `Multikey`
 * document at its own URL. Verifiers anywhere fetch both; nothing depends on a DID method.
 */
export function publicUrl(path: string): string {
  return new URL(path, getEnv().PUBLIC_URL).toString();
}

export const issuerPath = "/credentials/issuer";
export const keyPathPrefix = "/credentials/keys/";
export const statusListPath = "/credentials/status/revocation";

export function issuerId(): string {
  return publicUrl(issuerPath);
}

export function keyUrl(keyId: string): string {
  return publicUrl(`${keyPathPrefix}${keyId}`);
}

/** The issuer's display name in credentials: Synergy and the installation's host. */
export function issuerName(): string {
  return `Synergy (${new URL(getEnv().PUBLIC_URL).host})`;
}

export type SigningKey = { id: string; publicKeyMultibase: string; secretKeyMultibase: string };

/**
 * The key that signs now: the newest one not retired, made on first use. Two processes asking
 * at once take a transaction-scoped advisory lock, so only one key is ever made.
 */
export async function activeSigningKey(db: Db = getDb()): Promise<SigningKey> {
  const existing = await newestKey(db);
  if (existing) return existing;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('synergy.signing_keys'))`);
    const again = await newestKey(tx);
    if (again) return again;
    const pair = await Ed25519Multikey.generate();
    const exported = await pair.export({ publicKey: true, secretKey: true });
    const [row] = await tx
      .insert(signingKeys)
      .values({
        publicKeyMultibase: exported.publicKeyMultibase,
        secretKeyMultibase: exported.secretKeyMultibase,
      })
      .returning({
        id: signingKeys.id,
        publicKeyMultibase: signingKeys.publicKeyMultibase,
        secretKeyMultibase: signingKeys.secretKeyMultibase,
      });
    return row;
  });
}

async function newestKey(db: Db): Promise<SigningKey | undefined> {
  const [row] = await db
    .select({
      id: signingKeys.id,
      publicKeyMultibase: signingKeys.publicKeyMultibase,
      secretKeyMultibase: signingKeys.secretKeyMultibase,
    })
    .from(signingKeys)
    .where(isNull(signingKeys.retiredAt))
    .orderBy(desc(signingKeys.createdAt), desc(signingKeys.id))
    .limit(1);
  return row;
}

/** A key pair ready to sign, its id the key's public URL and its controller the issuer. */
export async function signerKeyPair(key: SigningKey) {
  return Ed25519Multikey.from({
    "@context": MULTIKEY_CONTEXT,
    type: "Multikey",
    id: keyUrl(key.id),
    controller: issuerId(),
    publicKeyMultibase: key.publicKeyMultibase,
    secretKeyMultibase: key.secretKeyMultibase,
  });
}

export type PublishedKey = { id: string; publicKeyMultibase: string };

/** Every key the installation ever signed with (retired ones still verify what they signed). */
export async function publishedKeys(db: Db = getDb()): Promise<PublishedKey[]> {
  return db
    .select({ id: signingKeys.id, publicKeyMultibase: signingKeys.publicKeyMultibase })
    .from(signingKeys)
    .orderBy(asc(signingKeys.createdAt), asc(signingKeys.id));
}

/** One published key by its id (a UUID checked by the caller), or undefined. */
export async function publishedKey(
  keyId: string,
  db: Db = getDb(),
): Promise<PublishedKey | undefined> {
  const [row] = await db
    .select({ id: signingKeys.id, publicKeyMultibase: signingKeys.publicKeyMultibase })
    .from(signingKeys)
    .where(and(eq(signingKeys.id, keyId)))
    .limit(1);
  return row;
}

/** The `Multikey` document published at a key's URL. */
export function keyDocument(key: PublishedKey) {
  return {
    "@context": MULTIKEY_CONTEXT,
    id: keyUrl(key.id),
    type: "Multikey",
    controller: issuerId(),
    publicKeyMultibase: key.publicKeyMultibase,
  };
}

/**
 * The issuer document published at the issuer's URL: an Open Badges `Profile` that also says
 * which keys may sign credentials for it (`assertionMethod`).
 */
export function issuerDocument(keys: PublishedKey[]) {
  return {
    "@context": [VC_CONTEXT, OB_CONTEXT, MULTIKEY_CONTEXT],
    id: issuerId(),
    type: "Profile",
    name: issuerName(),
    url: publicUrl("/"),
    assertionMethod: keys.map(keyDocument).map(({ "@context": _, ...rest }) => rest),
  };
}
