/**
 * The learning part of the demo (issue 11 item 7): learners part-way through the shipped
 * inductions, completions with certificates that an independent verifier accepts, and a first
 * resource by an owner, reviewed, published and answering another owner's need.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { verifyDataIntegrity } from "../setup/credentials";

type Json = Record<string, unknown>;
const password = "synergy-demo-2026";
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await app.server.seedDemo();
});
afterAll(async () => {
  await app?.close();
});

const fetchOverHttp = async (url: string): Promise<Json> => {
  const response = await fetch(url);
  if (response.status !== 200) throw new Error(`${url}: ${response.status}`);
  return (await response.json()) as Json;
};

describe("the demo's learning", () => {
  it("gives Myrto a Greek induction certificate that verifies, and Stavros his place in the course", async () => {
    const myrto = app.client();
    await myrto.signIn("myrto.antoniou@demo.synergy.test", password);
    const badges = await (await myrto.get("/badges")).text();
    const id = /\/credentials\/([0-9a-f-]{36})\/credential\.json/.exec(badges)?.[1];
    expect(id).toBeDefined();
    const credential = (await (
      await myrto.get(`/credentials/${id}/credential.json`)
    ).json()) as Json;
    expect(credential.type).toContain("OpenBadgeCredential");
    expect(JSON.stringify(credential)).toContain("Εισαγωγή για ιδιοκτήτες");
    expect(await verifyDataIntegrity(credential, fetchOverHttp)).toBe(true);
    const pdf = await myrto.get(`/credentials/${id}/certificate.pdf`);
    expect(pdf.status).toBe(200);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe("%PDF-");

    const stavros = app.client();
    await stavros.signIn("stavros.karagiannis@demo.synergy.test", password);
    const courses = await (await stavros.get("/courses")).text();
    expect(courses).toContain("Εισαγωγή για ιδιοκτήτες");
    expect(await (await stavros.get("/badges")).text()).not.toContain("/credential.json");
  });

  it("publishes Aoife's first resource as an answer to Ioana's need, and keeps another in the review queue", async () => {
    const visitor = app.client();
    const library = await (await visitor.get("/learn?topic=topic%3Avat-and-invoicing")).text();
    expect(library).toContain("Invoices that get paid");
    expect(library).not.toContain("A price list you can defend");

    const ioana = app.client();
    await ioana.signIn("ioana.munteanu@demo.synergy.test", password);
    const [row] = await app.server.queryRows<{ id: string; is_reached: boolean }>(
      app.server.rawSql(
        `select n.id::text, n.is_reached from needs n join users u on u.id = n.owner_id
         where u.email = 'ioana.munteanu@demo.synergy.test' and n.topic = 'topic:vat-and-invoicing'`,
      ),
    );
    expect(row?.is_reached).toBe(true);
    const needId = row?.id;
    const need = await (await ioana.get(`/needs/${needId}`)).text();
    expect(need).toContain("Invoices that get paid");

    const niamh = app.client();
    await niamh.signIn("admin@demo.synergy.test", password);
    const mine = await (await niamh.get("/learn/mine")).text();
    expect(mine).toContain("A price list you can defend");
  });
});
