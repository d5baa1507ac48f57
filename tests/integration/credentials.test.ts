import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { obSchemaValidator, statusBit, verifyDataIntegrity } from "../setup/credentials";
import { expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  // Behind a proxy as in production, so that one test can hit /verify's limit from an address
  // of its own (x-forwarded-for) without holding up the rest (127.0.0.1).
  app = await startTestApp({ TRUST_PROXY: "true" });
});
afterAll(async () => {
  await app?.server.waitForJobs({
    names: ["credentials.issue", "notifications.email", "mail.send"],
    timeoutMs: 15_000,
  });
  await app?.close();
});

type Json = Record<string, unknown>;

async function rows<T>(query: string): Promise<T[]> {
  return app.server.queryRows<T>(app.server.rawSql(query));
}
const q = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** A published course as helper B's authoring stores it. */
async function insertCourse(spec: { ownerId: string; title: string; issuesBadge?: boolean }) {
  const [row] = await rows<{ id: string }>(
    `insert into courses (owner_id, status, title, summary, language, issues_badge, published_at)
     values (${q(spec.ownerId)}, 'published', ${q(spec.title)},
       'Short lessons on keeping enough cash in the till.', 'el',
       ${spec.issuesBadge === false ? "false" : "true"}, now())
     returning id`,
  );
  return row.id;
}

async function insertEnrolment(courseId: string, userId: string, completed = true) {
  const [row] = await rows<{ id: string }>(
    `insert into enrolments (course_id, user_id, status, completed_at)
     values (${q(courseId)}, ${q(userId)}, ${completed ? "'completed', now()" : "'active', null"})
     returning id`,
  );
  return row.id;
}

/** Issues through the real path: the job queued as helper B queues it, run by the workers. */
async function issueThroughJob(enrolmentId: string): Promise<string | undefined> {
  await app.server.enqueue("credentials.issue", { enrolmentId }, { key: enrolmentId });
  await app.server.waitForJobs({ names: ["credentials.issue"], timeoutMs: 20_000 });
  const [row] = await rows<{ id: string }>(
    `select id from credentials where enrolment_id = ${q(enrolmentId)}`,
  );
  return row?.id;
}

/** A course by `ownerId` completed by `holderId`, and the credential it issued. */
async function issuedCredential(ownerId: string, holderId: string, title: string) {
  const courseId = await insertCourse({ ownerId, title });
  const id = await issueThroughJob(await insertEnrolment(courseId, holderId));
  if (!id) throw new Error("No credential issued");
  return { courseId, id };
}

async function json(client: TestClient, path: string): Promise<Json> {
  const response = await client.get(path);
  expect(response.status).toBe(200);
  return (await response.json()) as Json;
}

/** Fetches the issuer's documents over HTTP, as a verifier elsewhere would. */
const fetchOverHttp = async (url: string): Promise<Json> => {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Json;
};

async function verifyPage(client: TestClient, credential: Json | string) {
  const text = typeof credential === "string" ? credential : JSON.stringify(credential);
  return client.post("/verify", { credential: text });
}

describe("issuing", () => {
  let owner: Awaited<ReturnType<TestApp["signedIn"]>>;
  let learner: Awaited<ReturnType<TestApp["signedIn"]>>;
  let courseId: string;
  let enrolmentId: string;
  let credentialId: string;
  let credential: Json;

  beforeAll(async () => {
    owner = await app.signedIn({ role: "educator", displayName: "Eleni Educator" });
    learner = await app.signedIn({ displayName: "Μαρία Παπαδοπούλου", locale: "el" });
    courseId = await insertCourse({ ownerId: owner.user.id, title: "Cash flow basics" });
    enrolmentId = await insertEnrolment(courseId, learner.user.id);
    const id = await issueThroughJob(enrolmentId);
    if (!id) throw new Error("No credential issued");
    credentialId = id;
    credential = await json(learner.client, `/credentials/${credentialId}/credential.json`);
  });

  it("issues an OpenBadgeCredential that the independent verifier accepts", async () => {
    expect(credential.type).toEqual(["VerifiableCredential", "OpenBadgeCredential"]);
    expect((credential["@context"] as unknown[]).slice(0, 2)).toEqual([
      "https://www.w3.org/ns/credentials/v2",
      "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]);
    const [proof] = credential.proof as Json[];
    expect(proof.cryptosuite).toBe("eddsa-rdfc-2022");
    expect(String(proof.verificationMethod).startsWith(`${app.url}/credentials/keys/`)).toBe(true);
    expect(await verifyDataIntegrity(credential, fetchOverHttp)).toBe(true);
  });

  it("is valid against the published OB 3.0 JSON schema", () => {
    const validate = obSchemaValidator();
    const valid = validate(credential);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema is not a rubber stamp: without the achievement's criteria it refuses.
    const broken = structuredClone(credential) as Json & { credentialSubject: Json };
    delete (broken.credentialSubject.achievement as Json).criteria;
    expect(validate(broken)).toBe(false);
  });

  it("names the learner, the course, the issuer and the revocation list entry", async () => {
    const subject = credential.credentialSubject as Json;
    expect(subject.type).toEqual(["AchievementSubject"]);
    expect((subject.identifier as Json[])[0]).toMatchObject({
      identityType: "name",
      identityHash: "Μαρία Παπαδοπούλου",
    });
    const achievement = subject.achievement as Json;
    expect(achievement).toMatchObject({ name: "Cash flow basics", type: ["Achievement"] });
    expect(String((achievement.criteria as Json).narrative)).toContain("Cash flow basics");
    expect(credential.issuer).toMatchObject({
      id: `${app.url}/credentials/issuer`,
      type: ["Profile"],
    });
    expect(credential.credentialStatus).toMatchObject({
      type: "BitstringStatusListEntry",
      statusPurpose: "revocation",
      statusListCredential: `${app.url}/credentials/status/revocation`,
    });
    const issuer = await fetchOverHttp(`${app.url}/credentials/issuer`);
    expect(issuer.type).toBe("Profile");
    expect(JSON.stringify(issuer)).not.toContain("secretKey");
  });

  it("issues exactly once per enrolment and tells the learner once", async () => {
    await app.server.enqueue("credentials.issue", { enrolmentId }, { key: `${enrolmentId}:again` });
    const again = await app.server.issueCredentialForEnrolment({ enrolmentId });
    expect(again).toEqual({ issued: false, reason: "already_issued" });
    await app.server.waitForJobs({ names: ["credentials.issue"], timeoutMs: 20_000 });
    const [count] = await rows<{ n: number }>(
      `select count(*)::int as n from credentials where enrolment_id = ${q(enrolmentId)}`,
    );
    expect(count.n).toBe(1);
    const notes = await rows<{ kind: string }>(
      `select kind from notifications where recipient_id = ${q(learner.user.id)} and kind = 'badge.issued'`,
    );
    expect(notes).toHaveLength(1);
    // Told by email at once, in their language.
    await app.server.waitForJobs({ names: ["notifications.email"], timeoutMs: 20_000 });
    const mails = (await app.mailbox()).filter((m) => m.to.includes(learner.user.email));
    expect(mails).toHaveLength(1);
    expect(mails[0].text).toContain("Κερδίσατε ένα πιστοποιητικό");
  });

  it("issues nothing for an unfinished enrolment or a course without badges", async () => {
    const other = await app.createUser({});
    const unfinished = await insertEnrolment(courseId, other.id, false);
    expect(await issueThroughJob(unfinished)).toBeUndefined();
    const noBadgeCourse = await insertCourse({
      ownerId: owner.user.id,
      title: "No badge here",
      issuesBadge: false,
    });
    const noBadge = await insertEnrolment(noBadgeCourse, other.id);
    expect(await issueThroughJob(noBadge)).toBeUndefined();
  });

  it("says valid on /verify, and why not for a tampered copy", async () => {
    const anonymous = app.client();
    const valid = await (await verifyPage(anonymous, credential)).text();
    expectMessage(valid, "credentials.verify.valid");

    const tampered = structuredClone(credential) as Json & { credentialSubject: Json };
    ((tampered.credentialSubject as Json).identifier as Json[])[0].identityHash = "Someone Else";
    expect(await verifyDataIntegrity(tampered, fetchOverHttp)).toBe(false);
    const response = await verifyPage(anonymous, tampered);
    expect(response.status).toBe(200);
    expectMessage(await response.text(), "credentials.verify.tampered");

    const laterDate = { ...structuredClone(credential), validFrom: "2020-01-01T00:00:00Z" };
    expect(await verifyDataIntegrity(laterDate, fetchOverHttp)).toBe(false);
    expectMessage(
      await (await verifyPage(anonymous, laterDate)).text(),
      "credentials.verify.tampered",
    );
  });

  it("says what is wrong with things that are not our credentials", async () => {
    const anonymous = app.client();
    expectMessage(
      await (await verifyPage(anonymous, "{not json")).text(),
      "credentials.verify.not_json",
    );
    expectMessage(
      await (await verifyPage(anonymous, { type: ["VerifiableCredential"], name: "x" })).text(),
      "credentials.verify.not_open_badge",
    );
    const { proof: _proof, ...unsigned } = credential;
    expectMessage(
      await (await verifyPage(anonymous, unsigned)).text(),
      "credentials.verify.unsigned",
    );
    const foreign = structuredClone(credential) as Json & { proof: Json[] };
    foreign.proof[0].verificationMethod = "https://badges.example.org/keys/1";
    expectMessage(
      await (await verifyPage(anonymous, foreign)).text(),
      "credentials.verify.other_issuer",
    );
    const empty = await anonymous.post("/verify", { credential: "" });
    expect(empty.status).toBe(400);
    expectMessage(await empty.text(), "credentials.verify.empty");
    const huge = await anonymous.post("/verify", { credential: `{"a":"${"x".repeat(300_000)}"}` });
    expect(huge.status).toBe(413);
    expectMessage(await huge.text(), "credentials.verify.tooLarge");
  });

  it("reads an uploaded credential file", async () => {
    const file = new Blob([JSON.stringify(credential)], { type: "application/json" });
    const response = await app.client().post("/verify", { credential: "", file });
    expect(response.status).toBe(200);
    expectMessage(await response.text(), "credentials.verify.valid");
  });

  it("rejects an expired credential, signed correctly but past its date", async () => {
    const other = await app.createUser({ displayName: "Past Learner" });
    const enrolment = await insertEnrolment(courseId, other.id);
    const result = await app.server.issueCredentialForEnrolment({
      enrolmentId: enrolment,
      now: new Date("2024-01-10T10:00:00Z"),
      validUntil: new Date("2025-01-10T10:00:00Z"),
    });
    if (!result.issued) throw new Error("not issued");
    const expired = await json(app.client(), `/credentials/${result.credentialId}/credential.json`);
    // The signature itself is sound: only the date makes it invalid.
    expect(await verifyDataIntegrity(expired, fetchOverHttp)).toBe(true);
    expect(Date.parse(String(expired.validUntil))).toBeLessThan(Date.now());
    const html = await (await verifyPage(app.client(), expired)).text();
    expectMessage(html, "credentials.verify.expired");
    expect(html).toContain('dateTime="2025-01-10T10:00:00.000Z"');
  });

  it("shows the public page, the PDF in the learner's language and the profile badge", async () => {
    const page = await (await app.client().get(`/credentials/${credentialId}`)).text();
    expect(page).toContain("Cash flow basics");
    expect(page).toContain("Μαρία Παπαδοπούλου");
    expectMessage(page, "credentials.status.valid");

    const pdf = await app.client().get(`/credentials/${credentialId}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(await pdf.arrayBuffer()),
      verbosity: 0,
    }).promise;
    const parts: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ("str" in item) parts.push(item.str);
    }
    await doc.destroy();
    const text = parts.join(" ");
    expect(text).toContain("Πιστοποιητικό ολοκλήρωσης");
    expect(text).toContain("Μαρία Παπαδοπούλου");
    expect(text.replace(/\s+/g, "")).toContain(`${app.url}/credentials/${credentialId}`);

    const profile = await (await owner.client.get(`/people/${learner.user.id}`)).text();
    expect(profile).toContain(`/credentials/${credentialId}`);
  });

  it("lets only the holder hide a badge from the profile", async () => {
    const stranger = await app.signedIn({});
    const refused = await stranger.client.post("/badges", { credentialId, intent: "hide" });
    expect(refused.status).toBe(403);
    expectMessage(await refused.text(), "credentials.notYours");
    const mine = await (await learner.client.get("/badges")).text();
    expect(mine).toContain(`/credentials/${credentialId}/credential.json`);
    const hidden = await learner.client.post("/badges", { credentialId, intent: "hide" });
    expect(hidden.status).toBe(302);
    const profile = await (await owner.client.get(`/people/${learner.user.id}`)).text();
    expect(profile).not.toContain(`/credentials/${credentialId}`);
    await learner.client.post("/badges", { credentialId, intent: "show" });
    const shownAgain = await (await owner.client.get(`/people/${learner.user.id}`)).text();
    expect(shownAgain).toContain(`/credentials/${credentialId}`);
    const bad = await learner.client.post("/badges", { credentialId: "nope", intent: "hide" });
    expect(bad.status).toBe(400);
  });

  it("answers 404 for hiding or showing a credential that does not exist", async () => {
    const before = await rows<{ id: string; is_public: boolean }>(
      `select id, is_public from credentials where user_id = ${q(learner.user.id)} order by id`,
    );
    for (const intent of ["hide", "show"]) {
      const unknown = await learner.client.post("/badges", {
        credentialId: crypto.randomUUID(),
        intent,
      });
      expect(unknown.status, intent).toBe(404);
      // The learner reads Greek.
      expectMessage(await unknown.text(), "credentials.notFound", "el");
    }
    expect(
      await rows(
        `select id, is_public from credentials where user_id = ${q(learner.user.id)} order by id`,
      ),
    ).toEqual(before);
  });

  it("revokes: only the course owner or an admin, with a reason, once; the status list says so", async () => {
    const index = Number((credential.credentialStatus as Json).statusListIndex);
    const before = await fetchOverHttp(`${app.url}/credentials/status/revocation`);
    expect(await verifyDataIntegrity(before, fetchOverHttp)).toBe(true);
    const beforeSubject = before.credentialSubject as Json;
    expect(beforeSubject.statusPurpose).toBe("revocation");
    const beforeBit = statusBit(String(beforeSubject.encodedList), index);
    expect(beforeBit.size).toBeGreaterThanOrEqual(131_072);
    expect(beforeBit.bit).toBe(false);

    // The holder and a stranger may not; nobody signed in is sent to sign in.
    const byHolder = await learner.client.post(`/credentials/${credentialId}/revoke`, {
      reason: "I changed my mind",
    });
    expect(byHolder.status).toBe(403);
    const stranger = await app.signedIn({ role: "educator" });
    expect(
      (await stranger.client.post(`/credentials/${credentialId}/revoke`, { reason: "Because" }))
        .status,
    ).toBe(403);
    expect((await stranger.client.get(`/credentials/${credentialId}/revoke`)).status).toBe(403);
    const anonymous = await app.client().get(`/credentials/${credentialId}/revoke`);
    expect(anonymous.status).toBe(302);

    const noReason = await owner.client.post(`/credentials/${credentialId}/revoke`, {
      reason: " ",
    });
    expect(noReason.status).toBe(400);
    expectMessage(await noReason.text(), "credentials.revoke.reasonRequired");

    const revoked = await owner.client.post(`/credentials/${credentialId}/revoke`, {
      reason: "Issued to the wrong person by mistake.",
    });
    expect(revoked.status).toBe(302);
    const twice = await owner.client.post(`/credentials/${credentialId}/revoke`, {
      reason: "Again",
    });
    expect(twice.status).toBe(409);
    const admin = await app.signedIn({ isAdmin: true });
    expect(
      (await admin.client.post(`/credentials/${credentialId}/revoke`, { reason: "Admin too" }))
        .status,
    ).toBe(409);

    const after = await fetchOverHttp(`${app.url}/credentials/status/revocation`);
    expect(await verifyDataIntegrity(after, fetchOverHttp)).toBe(true);
    expect(statusBit(String((after.credentialSubject as Json).encodedList), index).bit).toBe(true);

    // The credential's own signature is still sound; the status list is what fails it.
    expect(await verifyDataIntegrity(credential, fetchOverHttp)).toBe(true);
    const html = await (await verifyPage(app.client(), credential)).text();
    expectMessage(html, "credentials.verify.revoked");
    const page = await (await app.client().get(`/credentials/${credentialId}`)).text();
    expectMessage(page, "credentials.status.revoked");
    expect(page).toContain("Issued to the wrong person by mistake.");
    const profile = await (await owner.client.get(`/people/${learner.user.id}`)).text();
    expect(profile).not.toContain(`/credentials/${credentialId}`);
  });

  it("lets an admin revoke any credential", async () => {
    const other = await app.createUser({});
    const enrolment = await insertEnrolment(courseId, other.id);
    const id = await issueThroughJob(enrolment);
    const admin = await app.signedIn({ isAdmin: true });
    const response = await admin.client.post(`/credentials/${id}/revoke`, {
      reason: "Course withdrawn.",
    });
    expect(response.status).toBe(302);
  });

  it("answers 404 for credentials and keys that do not exist", async () => {
    const client = app.client();
    expect((await client.get("/credentials/not-a-uuid")).status).toBe(404);
    expect((await client.get(`/credentials/${crypto.randomUUID()}`)).status).toBe(404);
    expect((await client.get(`/credentials/${crypto.randomUUID()}/credential.json`)).status).toBe(
      404,
    );
    expect((await client.get(`/credentials/keys/${crypto.randomUUID()}`)).status).toBe(404);
  });
});

describe("attacks on credentials", () => {
  it("answers 429 with a translated message past /verify's limit, from that address only", async () => {
    const client = app.client();
    const from = (address: string) => ({
      headers: { "x-forwarded-for": address, "accept-language": "de" },
    });
    // 30 a minute per address: each counts, even an empty one.
    for (let n = 0; n < 30; n++) {
      const response = await client.post("/verify", { credential: "" }, from("198.51.100.77"));
      expect(response.status, `attempt ${n + 1}`).toBe(400);
    }
    const blocked = await client.post("/verify", { credential: "{}" }, from("198.51.100.77"));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expectMessage(await blocked.text(), "credentials.verify.tooMany", "de");
    // Another address is not held up by it.
    const other = await client.post("/verify", { credential: "" }, from("198.51.100.78"));
    expect(other.status).toBe(400);
  });

  it("answers 429 past the certificate PDF's limit, from that address only", async () => {
    const owner = await app.signedIn({ role: "educator" });
    const holder = await app.createUser({});
    const { id } = await issuedCredential(owner.user.id, holder.id, "Bookkeeping basics");
    const client = app.client();
    const from = (address: string) => ({ "x-forwarded-for": address, "accept-language": "de" });
    // Every request counts (rendering a PDF is the expensive part, a wrong id costs a lookup).
    for (let n = 0; n < 30; n++) {
      const response = await client.get(
        `/credentials/${crypto.randomUUID()}/certificate.pdf`,
        from("203.0.113.90"),
      );
      expect(response.status, `request ${n + 1}`).toBe(404);
      await response.arrayBuffer();
    }
    const blocked = await client.get(`/credentials/${id}/certificate.pdf`, from("203.0.113.90"));
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(blocked.headers.get("content-type")).not.toBe("application/pdf");
    await blocked.arrayBuffer();
    const other = await client.get(`/credentials/${id}/certificate.pdf`, from("203.0.113.91"));
    expect(other.status).toBe(200);
    expect(other.headers.get("content-type")).toBe("application/pdf");
    await other.arrayBuffer();
  });

  it("refuses a revocation reason over the limit and revokes nothing", async () => {
    const owner = await app.signedIn({ role: "educator" });
    const holder = await app.createUser({});
    const { id } = await issuedCredential(owner.user.id, holder.id, "Invoicing");
    const response = await owner.client.post(`/credentials/${id}/revoke`, {
      reason: "x".repeat(501),
    });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "credentials.revoke.reasonTooLong");
    const [row] = await rows<{ revoked_at: Date | null; revoked_reason: string }>(
      `select revoked_at, revoked_reason from credentials where id = ${q(id)}`,
    );
    expect(row).toEqual({ revoked_at: null, revoked_reason: "" });
    const [entry] = await rows<{ status_index: number }>(
      `select status_index from credentials where id = ${q(id)}`,
    );
    const list = await fetchOverHttp(`${app.url}/credentials/status/revocation`);
    expect(
      statusBit(String((list.credentialSubject as Json).encodedList), entry.status_index).bit,
    ).toBe(false);
  });

  it("lets nobody but the holder hide or show a badge, and nobody signed out", async () => {
    const owner = await app.signedIn({ role: "educator" });
    const holder = await app.signedIn({});
    const { id } = await issuedCredential(owner.user.id, holder.user.id, "Pricing");
    const visibility = async () =>
      (
        await rows<{ is_public: boolean }>(`select is_public from credentials where id = ${q(id)}`)
      )[0].is_public;
    const before = await visibility();
    // Another person, the course's owner among them: refused, nothing changed.
    for (const other of [await app.signedIn({}), owner]) {
      for (const intent of ["hide", "show"]) {
        const refused = await other.client.post("/badges", { credentialId: id, intent });
        expect(refused.status, intent).toBe(403);
        expectMessage(await refused.text(), "credentials.notYours");
      }
    }
    expect(await visibility()).toBe(before);
    // Signed out: sent to sign in (without a session there is no CSRF token to forge either).
    const anonymous = app.client();
    const signedOut = await anonymous.post("/badges", { credentialId: id, intent: "hide" });
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("location")).toMatch(/^\/signin/);
    expect(await visibility()).toBe(before);
  });
});

describe("when the holder's account is deleted", () => {
  it("keeps the credential as a revoked tombstone: the bit stays set, /verify says revoked, the index is never reused", async () => {
    const owner = await app.signedIn({ role: "educator" });
    const leaver = await app.signedIn({ displayName: "Leena Leaver" });
    const { courseId, id } = await issuedCredential(owner.user.id, leaver.user.id, "Bookkeeping");
    const credential = await json(leaver.client, `/credentials/${id}/credential.json`);
    const index = Number((credential.credentialStatus as Json).statusListIndex);
    expectMessage(
      await (await verifyPage(app.client(), credential)).text(),
      "credentials.verify.valid",
    );

    await app.server.deletePerson({ userId: leaver.user.id });

    const [tomb] = await rows<{
      user_id: string | null;
      status_index: number;
      revoked_at: Date | null;
      revoked_reason: string;
      recipient_name: string;
      document: Json;
    }>(
      `select user_id, status_index, revoked_at, revoked_reason, recipient_name, document
       from credentials where id = ${q(id)}`,
    );
    expect(tomb).toBeDefined();
    expect(tomb.user_id).toBeNull();
    expect(tomb.status_index).toBe(index);
    expect(tomb.revoked_at).not.toBeNull();
    expect(tomb.revoked_reason).toBe("account deleted");
    expect(tomb.recipient_name).toBe("");
    expect(JSON.stringify(tomb.document)).not.toContain("Leena Leaver");

    const list = await fetchOverHttp(`${app.url}/credentials/status/revocation`);
    expect(await verifyDataIntegrity(list, fetchOverHttp)).toBe(true);
    expect(statusBit(String((list.credentialSubject as Json).encodedList), index).bit).toBe(true);
    expectMessage(
      await (await verifyPage(app.client(), credential)).text(),
      "credentials.verify.revoked",
    );
    expect((await app.client().get(`/credentials/${id}`)).status).toBe(404);

    // New credentials never get the dead person's place in the list.
    const taken = new Set<number>();
    for (let n = 0; n < 3; n++) {
      const other = await app.createUser({});
      const newId = await issueThroughJob(await insertEnrolment(courseId, other.id));
      const [row] = await rows<{ status_index: number }>(
        `select status_index from credentials where id = ${q(String(newId))}`,
      );
      taken.add(row.status_index);
    }
    expect(taken.has(index)).toBe(false);
  });

  it("does not call a credential valid when its status index points at another credential's row", async () => {
    const owner = await app.signedIn({ role: "educator" });
    const courseId = await insertCourse({ ownerId: owner.user.id, title: "Stock keeping" });
    const first = await app.signedIn({});
    const second = await app.createUser({});
    const firstId = await issueThroughJob(await insertEnrolment(courseId, first.user.id));
    const secondId = await issueThroughJob(await insertEnrolment(courseId, second.id));
    if (!firstId || !secondId) throw new Error("No credential issued");
    const credential = await json(first.client, `/credentials/${firstId}/credential.json`);
    const index = Number((credential.credentialStatus as Json).statusListIndex);
    // The first row is gone (as the old cascade did) and the second holds its index now.
    await rows(`delete from credentials where id = ${q(firstId)}`);
    await rows(`update credentials set status_index = ${index} where id = ${q(secondId)}`);
    const html = await (await verifyPage(app.client(), credential)).text();
    expect(html).not.toContain(`/credentials/${secondId}`);
    expectMessage(html, "credentials.verify.status_unknown");
    // And a valid row's own credential with a forged id does not pass as it either.
    const forged = { ...structuredClone(credential), id: `${app.url}/credentials/${secondId}` };
    const forgedHtml = await (await verifyPage(app.client(), forged)).text();
    expectMessage(forgedHtml, "credentials.verify.tampered");
  });
});
