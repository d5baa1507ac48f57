import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml, expectMessage, expectNoMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ CONTACT_EMAIL: "privacy@example.org" });
});
afterAll(async () => {
  await app?.close();
});

const german = { "accept-language": "de" };

describe("privacy notice, terms and imprint", () => {
  it("ship a default English text with the contact address, linked from every page's footer", async () => {
    const visitor = app.client();
    for (const path of ["/privacy", "/terms", "/imprint"]) {
      const response = await visitor.get(path);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain("privacy@example.org");
      expectMessage(html, "legal.shippedText");
    }
    const privacy = await (await visitor.get("/privacy")).text();
    expect(privacy).toContain("<h2>What we keep</h2>");
    const home = await (await visitor.get("/")).text();
    for (const path of ["/privacy", "/terms", "/imprint"]) expect(home).toContain(`href="${path}"`);
  });

  it("falls back to English with a note where a language has no text of its own", async () => {
    const html = await (await app.client().get("/privacy", german)).text();
    expectMessage(html, "legal.notTranslated", "de");
    expect(html).toContain('lang="en"');
    const english = await (await app.client().get("/privacy")).text();
    expectNoMessage(english, "legal.notTranslated");
  });

  it("lets an admin write a page per language, keeps its versions and shows when it changed", async () => {
    const { client } = await app.signedIn({ isAdmin: true, displayName: "Ada Admin" });
    const editor = await client.get("/admin/legal?page=terms&lang=de");
    expect(editor.status).toBe(200);
    const saved = await client.post("/admin/legal", {
      page: "terms",
      lang: "de",
      body: "### Geltung\n\nDiese Bedingungen gelten für **alle**.",
    });
    expect(saved.status).toBe(200);
    await client.post("/admin/legal", {
      page: "terms",
      lang: "de",
      body: "### Geltung\n\nDiese Bedingungen gelten ab heute.",
    });
    const germanPage = await (await app.client().get("/terms", german)).text();
    expect(germanPage).toContain("<h2>Geltung</h2>");
    expect(germanPage).toContain("Diese Bedingungen gelten ab heute.");
    expectNoMessage(germanPage, "legal.notTranslated", "de");
    expect(germanPage).toContain(escapeHtml("Zuletzt geändert: "));
    // English is untouched: still the shipped text.
    const englishPage = await (await app.client().get("/terms")).text();
    expect(englishPage).not.toContain("Geltung");
    // Two versions in the history, with who saved them.
    const history = await (await client.get("/admin/legal?page=terms&lang=de")).text();
    expect(history.match(/Ada Admin/g)?.length).toBeGreaterThanOrEqual(2);
    // An empty save hands the language back to English.
    await client.post("/admin/legal", { page: "terms", lang: "de", body: "" });
    expectMessage(
      await (await app.client().get("/terms", german)).text(),
      "legal.notTranslated",
      "de",
    );
  });

  it("escapes what an admin writes (Markdown, no raw HTML)", async () => {
    const { client } = await app.signedIn({ isAdmin: true });
    await client.post("/admin/legal", {
      page: "imprint",
      lang: "en",
      body: "<script>alert(1)</script> [x](javascript:alert(1))",
    });
    const html = await (await app.client().get("/imprint")).text();
    expect(html).not.toContain("<script>alert(1)");
    expect(html).not.toContain('href="javascript:');
  });

  it("refuses people who are not admins (403) and sends visitors to sign in", async () => {
    const { client } = await app.signedIn({ isFacilitator: true });
    expect((await client.get("/admin/legal")).status).toBe(403);
    const post = await client.post("/admin/legal", { page: "privacy", lang: "en", body: "Mine" });
    expect(post.status).toBe(403);
    expect(await (await app.client().get("/privacy")).text()).not.toContain("Mine");
    const visitor = await app.client().get("/admin/legal");
    expect(visitor.status).toBe(302);
    expect(visitor.headers.get("location")).toContain("/signin");
  });

  it("refuses a text that is too long (400) or a body over the request limit (413)", async () => {
    const { client } = await app.signedIn({ isAdmin: true });
    const tooLong = await client.post("/admin/legal", {
      page: "privacy",
      lang: "el",
      body: "a".repeat(50_001),
    });
    expect(tooLong.status).toBe(400);
    expectMessage(await tooLong.text(), "legal.bodyTooLong");
    const huge = await client.post("/admin/legal", {
      page: "privacy",
      lang: "el",
      body: "a".repeat(1_100_000),
    });
    expect(huge.status).toBe(413);
    const unknownPage = await client.post("/admin/legal", {
      page: "cookies",
      lang: "el",
      body: "x",
    });
    expect(unknownPage.status).toBe(400);
    // Nothing was saved in Greek.
    const greek = await app.client().get("/privacy", { "accept-language": "el" });
    expectMessage(await greek.text(), "legal.notTranslated", "el");
  });
});
