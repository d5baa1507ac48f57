import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import { catalogues, escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ BODY_LIMIT_BYTES: "20000" });
});
afterAll(async () => {
  await app?.close();
});

describe("CSRF", () => {
  it("refuses a form without a token, in the visitor's language, and writes nothing", async () => {
    const client = app.client();
    await client.ensureCsrf();
    const email = `csrf${Date.now()}@example.org`;
    const response = await client.post(
      "/signup",
      { role: "owner", displayName: "No Token", email, password: "a long enough passphrase" },
      { csrf: null, headers: { "accept-language": "el-GR,el;q=0.9" } },
    );
    expect(response.status).toBe(403);
    const html = await response.text();
    expect(html).toContain(escapeHtml(catalogues.el["errors.csrf"]));
    expect(html).not.toMatch(/at .*\.js:\d+/);
    const rows = await app.server.queryRows<{ n: number }>(
      app.server.rawSql(`select count(*)::int as n from users where email = '${email}'`),
    );
    expect(rows[0].n).toBe(0);
  });

  it("refuses a token that does not match the cookie", async () => {
    const client = app.client();
    await client.ensureCsrf();
    const response = await client.post(
      "/signin",
      { email: "a@example.org", password: "x" },
      { csrf: "forged-token-value-123456" },
    );
    expect(response.status).toBe(403);
  });
});

describe("limits and errors", () => {
  it("answers an oversized body with 413", async () => {
    const client = app.client();
    const response = await client.post("/signin", {
      email: "big@example.org",
      password: "x".repeat(30_000),
    });
    expect(response.status).toBe(413);
    expectMessage(await response.text(), "errors.tooLarge");
  });

  it("answers unknown pages with a translated 404", async () => {
    const response = await app.client().get("/no/such/page", { "accept-language": "de" });
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('lang="de"');
    expect(html).toContain(escapeHtml(catalogues.de["errors.notFound"]));
  });

  it("refuses an unknown locale", async () => {
    const response = await app.client().post("/locale", { locale: "xx", redirectTo: "/" });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "errors.unknownLocale");
  });
});

describe("headers and health", () => {
  it("sends a strict CSP whose nonce is on every script", async () => {
    const response = await app.client().get("/");
    const csp = response.headers.get("content-security-policy") ?? "";
    const nonce = csp.match(/'nonce-([^']+)'/)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-request-id")).toBeTruthy();
    const html = await response.text();
    const scripts = html.match(/<script[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("sets HttpOnly SameSite cookies", async () => {
    const response = await app.client().get("/");
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith("csrf="));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
  });

  it("reports health and readiness", async () => {
    expect((await app.client().get("/healthz")).status).toBe(200);
    const ready = await app.client().get("/readyz");
    expect(ready.status).toBe(200);
    // Ready for pages and writes; the live-event listener's state on a line of its own.
    expect(await ready.text()).toMatch(/^ready\nlive events: (listening|connecting)$/);
  });
});

describe("language", () => {
  it("follows Accept-Language, then the saved choice", async () => {
    const client = app.client();
    const greek = await client.get("/", { "accept-language": "el-GR,el;q=0.9,en;q=0.5" });
    const html = await greek.text();
    expect(html).toContain('<html lang="el"');
    expect(html).toContain(escapeHtml(catalogues.el["nav.people"]));
    const switched = await client.post("/locale", { locale: "de", redirectTo: "/people" });
    expect(switched.status).toBe(302);
    expect(switched.headers.get("location")).toBe("/people");
    const german = await client.get("/people", { "accept-language": "el" });
    expect(await german.text()).toContain('<html lang="de"');
  });

  it("saves the choice on the account", async () => {
    const user = await app.createUser({ password: "a long enough passphrase" });
    const client = app.client();
    await client.signIn(user.email, "a long enough passphrase");
    await client.post("/locale", { locale: "fi", redirectTo: "/" });
    const fresh = app.client();
    await fresh.signIn(user.email, "a long enough passphrase");
    const page = await fresh.get("/", { "accept-language": "en" });
    expect(await page.text()).toContain('<html lang="fi"');
  });
});
