/**
 * /verify's cost per request: the signing keys are read from the database once per check, not
 * once for "is it our key" and again for the proof.
 */
import { describe, expect, it } from "vitest";
import { type Db, getDb } from "~/db/client.server";
import { signingKeys } from "~/db/schema";
import { openFeatureDatabase } from "../../../tests/setup/feature-database";
import { buildOpenBadgeCredential } from "./issue.server";
import { activeSigningKey } from "./keys.server";
import { signCredential } from "./sign.server";
import { verifyCredentialText } from "./verify.server";

openFeatureDatabase("verify");

/** The database, counting the queries that read `signing_keys`. */
function countingKeyReads(db: Db) {
  let reads = 0;
  const counted = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      if (property !== "select") return value.bind(target);
      return (...args: unknown[]) => {
        const builder = value.apply(target, args);
        const from = builder.from.bind(builder);
        builder.from = (table: unknown, ...rest: unknown[]) => {
          if (table === signingKeys) reads += 1;
          return from(table, ...rest);
        };
        return builder;
      };
    },
  });
  return { db: counted as Db, reads: () => reads };
}

describe("verifyCredentialText", () => {
  it("reads the signing keys once per check", async () => {
    const key = await activeSigningKey();
    const signed = await signCredential(
      buildOpenBadgeCredential({
        id: crypto.randomUUID(),
        statusIndex: 7,
        recipientId: crypto.randomUUID(),
        recipientName: "Test Learner",
        courseId: crypto.randomUUID(),
        courseTitle: "Cash flow basics",
        courseSummary: "",
        courseLanguage: "en",
        criteria: "Completed the course.",
        issuedAt: new Date(Date.now() - 60_000),
        validUntil: null,
      }),
      key,
    );
    const counting = countingKeyReads(getDb());
    // Signed by us and intact; no credential row here, so its status cannot be told.
    const verdict = await verifyCredentialText(JSON.stringify(signed), counting.db);
    expect(verdict).toEqual({ kind: "status_unknown" });
    expect(counting.reads()).toBe(1);
    // A tampered copy is still found out with the keys read once.
    const tampered = countingKeyReads(getDb());
    const changed = { ...signed, name: "Something else" };
    expect(await verifyCredentialText(JSON.stringify(changed), tampered.db)).toEqual({
      kind: "tampered",
    });
    expect(tampered.reads()).toBe(1);
  });
});
