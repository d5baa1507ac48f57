import net from "node:net";
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

describe("CSRF tokens tied to the session", () => {
  const password = "a long enough passphrase";

  it("refuses a planted cookie sent back as the token", async () => {
    const attacker = app.client();
    attacker.setCookie("csrf", "attacker-chosen-value-0123456789");
    const response = await attacker.post(
      "/locale",
      { locale: "de", redirectTo: "/" },
      { csrf: "attacker-chosen-value-0123456789" },
    );
    expect(response.status).toBe(403);
  });

  it("refuses a token issued to someone else's pre-session on a signed-in person", async () => {
    // The attacker gets a genuine token for a pre-session id of their own…
    const attacker = app.client();
    const attackerToken = await attacker.ensureCsrf();
    const attackerCookie = attacker.cookieHeaderForTests().match(/(?:^|; )csrf=([^;]+)/)?.[1];
    expect(attackerCookie).toBeTruthy();
    // …plants that id in a signed-in person's browser and has it send a form with the token.
    const { user, client: victim } = await app.signedIn({ password });
    victim.setCookie("csrf", decodeURIComponent(attackerCookie ?? ""));
    const forged = await victim.post(
      "/settings/account",
      { intent: "email", email: `taken${Date.now()}@example.org`, currentPassword: password },
      { csrf: attackerToken },
    );
    expect(forged.status).toBe(403);
    expect(await app.lastMailTo(user.email)).toBeUndefined();
  });

  it("issues a new token at sign-in and at sign-out; the old one stops working", async () => {
    const user = await app.createUser({ password });
    const client = app.client();
    const anonymous = await client.ensureCsrf();
    await client.signIn(user.email, password);
    const signedIn = await client.ensureCsrf();
    expect(signedIn).not.toBe(anonymous);
    const stale = await client.post(
      "/locale",
      { locale: "de", redirectTo: "/" },
      { csrf: anonymous },
    );
    expect(stale.status).toBe(403);
    const fresh = await client.post("/locale", { locale: "de", redirectTo: "/" });
    expect(fresh.status).toBe(302);
    const out = await client.post("/signout", {});
    expect(out.status).toBe(302);
    expect(out.headers.getSetCookie().some((c) => c.startsWith("csrf="))).toBe(true);
    const afterwards = await client.ensureCsrf();
    expect([anonymous, signedIn]).not.toContain(afterwards);
    const replay = await client.post(
      "/locale",
      { locale: "en", redirectTo: "/" },
      { csrf: signedIn },
    );
    expect(replay.status).toBe(403);
  });

  it("names the cookie __Host-csrf on https, and forms keep working", async () => {
    const secure = await startTestApp({ PUBLIC_URL: "https://synergy.example.org" });
    try {
      const page = await secure.client().get("/");
      const cookie = page.headers.getSetCookie().find((c) => c.includes("csrf="));
      expect(cookie).toMatch(/^__Host-csrf=/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).not.toMatch(/Domain=/i);
      const user = await secure.createUser({ password });
      const client = secure.client();
      await client.signIn(user.email, password);
      expect((await client.post("/locale", { locale: "fi", redirectTo: "/" })).status).toBe(302);
      // A plain `csrf` cookie (which a sibling subdomain could set) is not read at all.
      const planted = secure.client();
      planted.setCookie("csrf", "attacker-chosen-value-0123456789");
      const response = await planted.post(
        "/locale",
        { locale: "de", redirectTo: "/" },
        { csrf: "attacker-chosen-value-0123456789" },
      );
      expect(response.status).toBe(403);
    } finally {
      await secure.close();
    }
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

/** Where a Location header takes a browser, resolved the way browsers resolve it. */
function landsOn(location: string | null): string {
  return new URL(location ?? "", app.url).origin;
}

const redirectVectors = [
  "//evil.example",
  "//evil.example/path",
  "/..//evil.example",
  "/.//evil.example",
  "/%2e%2e//evil.example",
  "/%2E%2E//evil.example",
  "/./..//evil.example",
  "/a/../..//evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "/\\/evil.example",
  "/%5C%5Cevil.example",
  "/%5c/evil.example",
  "%2F%2Fevil.example",
  "/%2F%2Fevil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/ /evil.example",
  "\t//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "https://evil.example/",
  "http:evil.example",
  "https:/evil.example",
  "//evil.example@127.0.0.1/",
  "/\u3002evil.example",
  "///evil.example",
  "/..%2f..%2f/evil.example",
];

describe("open redirects", () => {
  it("keeps every sign-in `next` on this site", async () => {
    const user = await app.createUser({ password: "a long enough passphrase" });
    for (const next of redirectVectors) {
      const client = app.client();
      const response = await client.post("/signin", {
        email: user.email,
        password: "a long enough passphrase",
        next,
      });
      expect(response.status, next).toBe(302);
      const location = response.headers.get("location");
      expect(landsOn(location), `${JSON.stringify(next)} → ${location}`).toBe(app.url);
      expect(location, next).toMatch(/^\/(?![/\\])/);
    }
  });

  it("keeps every language switch `redirectTo` on this site", async () => {
    const client = app.client();
    for (const redirectTo of redirectVectors) {
      const response = await client.post("/locale", { locale: "en", redirectTo });
      expect(response.status, redirectTo).toBe(302);
      const location = response.headers.get("location");
      expect(landsOn(location), `${JSON.stringify(redirectTo)} → ${location}`).toBe(app.url);
      expect(location, redirectTo).toMatch(/^\/(?![/\\])/);
    }
  });

  it("still follows a local target", async () => {
    const response = await app
      .client()
      .post("/locale", { locale: "en", redirectTo: "/people?country=GR" });
    expect(response.headers.get("location")).toBe("/people?country=GR");
  });
});

describe("control characters", () => {
  it("refuses NUL and other control characters with a translated 400, signed out and in", async () => {
    const anonymous = app.client();
    const { client: member } = await app.signedIn();
    const gets = [
      "/networks?q=a%00b",
      "/people?q=a%00b",
      "/organisations?q=%01x",
      "/networks/%00",
      "/people?country=G%00R",
    ];
    for (const client of [anonymous, member]) {
      for (const target of gets) {
        const response = await client.get(target, { "accept-language": "de" });
        expect(response.status, target).toBe(400);
        expect(await response.text(), target).toContain(
          escapeHtml(catalogues.de["errors.controlCharacters"]),
        );
      }
    }
    const signup = await anonymous.post("/signup", {
      role: "owner",
      displayName: "Nul\u0000Byte",
      email: `nul${Date.now()}@example.org`,
      password: "a long enough passphrase",
    });
    expect(signup.status).toBe(400);
    expectMessage(await signup.text(), "errors.controlCharacters");
    const signin = await anonymous.post("/signin", {
      email: "a@example.org",
      password: "pass\u0000word",
    });
    expect(signin.status).toBe(400);
    const multipart = await member.post("/settings/profile", {
      displayName: "Multi\u0007Part",
      photo: new Blob([new Uint8Array([1, 2, 3])], { type: "application/octet-stream" }),
    });
    expect(multipart.status).toBe(400);
    expectMessage(await multipart.text(), "errors.controlCharacters");
  });

  it("keeps tabs and line breaks, which people type", async () => {
    const response = await app.client().get("/networks?q=a%09b%0D%0A");
    expect(response.status).toBe(200);
  });
});

/** Sends one raw HTTP/1.1 request and returns the status line's code. */
async function rawStatus(requestLines: string): Promise<number> {
  const { port, hostname } = new URL(app.url);
  const socket = net.connect(Number(port), hostname);
  socket.write(requestLines);
  let text = "";
  for await (const chunk of socket) {
    text += chunk.toString("latin1");
    if (text.includes("\r\n")) break;
  }
  socket.destroy();
  return Number(text.split(" ")[1]);
}

describe("unusual request lines", () => {
  it("answers TRACE with 405 and absolute-form targets with 400, not 500", async () => {
    expect(await rawStatus("TRACE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toBe(405);
    expect(
      await rawStatus("GET http://evil.example/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"),
    ).toBe(400);
    expect(
      await rawStatus(
        "POST http://evil.example/signin HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
      ),
    ).toBe(400);
    expect(await rawStatus("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")).toBe(200);
    // Header values (the user agent is stored with the session) cannot carry NUL either.
    expect(
      await rawStatus(
        "GET / HTTP/1.1\r\nHost: x\r\nUser-Agent: a\u0000b\r\nConnection: close\r\n\r\n",
      ),
    ).toBe(400);
  });
});

describe("error logs", () => {
  it("never carry bound parameters, passwords or hashes", async () => {
    const logged = await startTestApp({ LOG_LEVEL: "error" }, { captureLogs: true });
    try {
      // A constraint only this database has makes sign-up's insert (email, argon2 hash) fail
      // unexpectedly; PostgreSQL's detail then repeats the whole row.
      await logged.server.queryRows(
        logged.server.rawSql(
          "alter table users add constraint test_refuses_name check (display_name <> 'Refused Name')",
        ),
      );
      const email = `logged${Date.now()}@example.org`;
      const password = "a long enough passphrase";
      const response = await logged.client().post("/signup", {
        role: "owner",
        displayName: "Refused Name",
        email,
        password,
      });
      expect(response.status).toBe(500);
      const html = await response.text();
      expect(html).not.toContain(email);
      const line = logged.logLines.find((l) => l.msg === "request failed");
      expect(line, JSON.stringify(logged.logLines)).toBeTruthy();
      const text = JSON.stringify(line);
      // Still useful: the request id and what failed.
      expect(line?.requestId).toBeTruthy();
      expect(text).toContain("test_refuses_name");
      expect(text).not.toContain(email);
      expect(text).not.toContain("$argon2");
      expect(text).not.toContain(password);
      expect(text).not.toContain("Failing row contains");
      expect(text).not.toMatch(/"params"|"detail"|"queryOptions"/);
    } finally {
      await logged.close();
    }
  });
});
