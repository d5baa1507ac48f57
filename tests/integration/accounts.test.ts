import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, type TestClient } from "../setup/app";
import { catalogues, escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  // Sign-in throttling is per address: X-Forwarded-For stands in for people on other networks.
  app = await startTestApp({ TRUST_PROXY: "true" });
});
afterAll(async () => {
  await app?.close();
});

let counter = 0;
const uniqueEmail = () => `person${Date.now()}${counter++}@example.org`;
const goodPassword = "a long enough passphrase";

async function signUp(email = uniqueEmail(), password = goodPassword) {
  const client = app.client();
  const response = await client.post("/signup", {
    role: "owner",
    displayName: "Aoife Test",
    email,
    password,
  });
  return { client, response, email };
}

describe("sign-up and email verification", () => {
  it("creates an account and mails a verification link that leads to sign-in", async () => {
    const { client, response, email } = await signUp();
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/signup?sent=1");
    // Nobody is signed in before the address is confirmed.
    expect(response.headers.getSetCookie().some((c) => c.startsWith("sid="))).toBe(false);
    expectMessage(await (await client.get("/signup?sent=1")).text(), "signup.sent");
    const mail = await app.lastMailTo(email);
    expect(mail?.subject).toBe("Confirm your email address for Synergy");
    const link = app.linkIn(mail, "/verify-email");
    const verified = await client.get(link);
    expect(verified.status).toBe(302);
    const signInPage = verified.headers.get("location") ?? "";
    expect(signInPage).toBe(`/signin?verified=1&next=${encodeURIComponent("/onboarding/profile")}`);
    expectMessage(await (await client.get(signInPage)).text(), "verify.done");
    const [row] = await app.server.queryRows<{ verified: boolean }>(
      sqlText(
        `select email_verified_at is not null as verified from users where email = '${email}'`,
      ),
    );
    expect(row.verified).toBe(true);
    const signedIn = await client.post("/signin", {
      email,
      password: goodPassword,
      next: "/onboarding/profile",
    });
    expect(signedIn.headers.get("location")).toBe("/onboarding/profile");
    expect((await client.get("/onboarding/profile")).status).toBe(200);
    // A verification link works once.
    const again = await client.get(link);
    expect(again.status).toBe(400);
    expectMessage(await again.text(), "verify.invalid");
  });

  it("points verification links at the port served when PUBLIC_URL is not set", async () => {
    const other = await startTestApp({ PUBLIC_URL: "", PORT: "4567" });
    try {
      const email = uniqueEmail();
      await other.client().post("/signup", {
        role: "owner",
        displayName: "Port Test",
        email,
        password: goodPassword,
      });
      const mail = await other.lastMailTo(email);
      expect(other.linkIn(mail, "/verify-email")).toMatch(
        /^http:\/\/localhost:4567\/verify-email\?/,
      );
    } finally {
      await other.close();
    }
  });

  it("refuses short, common and missing passwords and keeps what was typed", async () => {
    const short = await signUp(uniqueEmail(), "short");
    expect(short.response.status).toBe(400);
    const html = await short.response.text();
    expectMessage(html, "auth.passwordTooShort");
    expect(html).toContain('value="Aoife Test"');
    const common = await signUp(uniqueEmail(), "password123");
    expect(common.response.status).toBe(400);
    expectMessage(await common.response.text(), "auth.passwordCommon");
    const missing = await app.client().post("/signup", { email: "x@example.org" });
    expect(missing.status).toBe(400);
    const missingHtml = await missing.text();
    expectMessage(missingHtml, "auth.roleRequired");
    expect(missingHtml).not.toContain("ZodError");
  });

  it("writes the account and its verification mail together, or neither", async () => {
    const email = uniqueEmail();
    // The mail's job cannot be written (as if the process died between the two writes).
    await app.server.queryRows(
      app.server.rawSql(`
        create function refuse_mail_job() returns trigger language plpgsql as $$
        begin
          if new.data->>'to' = '${email}' then raise exception 'mail queue unavailable'; end if;
          return new;
        end $$`),
    );
    await app.server.queryRows(
      app.server.rawSql(`create trigger refuse_mail_job before insert on pgboss.job
        for each row execute function refuse_mail_job()`),
    );
    try {
      const { response } = await signUp(email);
      expect(response.status).toBe(500);
      const rows = await app.server.queryRows<{ n: number }>(
        app.server.rawSql(`select count(*)::int as n from users where email = '${email}'`),
      );
      expect(rows[0].n).toBe(0);
    } finally {
      await app.server.queryRows(app.server.rawSql("drop trigger refuse_mail_job on pgboss.job"));
      await app.server.queryRows(app.server.rawSql("drop function refuse_mail_job()"));
    }
    // Signing up again works and sends the link.
    const again = await signUp(email);
    expect(again.response.headers.get("location")).toBe("/signup?sent=1");
    expect((await app.lastMailTo(email))?.subject).toBe("Confirm your email address for Synergy");
  });

  it("answers an address that has an account exactly like a new one, and mails its owner", async () => {
    const owner = await app.createUser({ password: goodPassword });
    const fresh = await signUp();
    const taken = await signUp(owner.email.toUpperCase(), "another long passphrase");
    expect(taken.response.status).toBe(fresh.response.status);
    expect(taken.response.headers.get("location")).toBe(fresh.response.headers.get("location"));
    const cookieNames = (r: Response) =>
      r.headers
        .getSetCookie()
        .map((c) => c.split("=")[0])
        .sort();
    expect(cookieNames(taken.response)).toEqual(cookieNames(fresh.response));
    const page = async (client: TestClient) =>
      (await (await client.get("/signup?sent=1")).text()).match(/<main[\s\S]*<\/main>/)?.[0];
    expect(await page(taken.client)).toBe(await page(fresh.client));
    expect(await page(taken.client)).not.toContain("emailTaken");
    // The owner hears about it by mail, with a way in; nothing else changed.
    const mail = await app.lastMailTo(owner.email);
    expect(mail?.subject).toBe(catalogues.en["mail.accountExists.subject"]);
    expect(app.linkIn(mail, "/forgot-password")).toBeTruthy();
    const rows = await app.server.queryRows<{ n: number }>(
      sqlText(`select count(*)::int as n from users where email = '${owner.email}'`),
    );
    expect(rows[0].n).toBe(1);
    await app.client().signIn(owner.email, goodPassword);
  });

  it("rejects a malformed email address", async () => {
    const { response } = await signUp("not-an-email");
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "auth.emailInvalid");
  });
});

describe("sign-in", () => {
  it("signs in with the right password and out again", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    await client.signIn(user.email, goodPassword);
    const settings = await client.get("/settings/account");
    expect(settings.status).toBe(200);
    expect(await settings.text()).toContain(escapeHtml(user.email));
    const out = await client.post("/signout", {});
    expect(out.status).toBe(302);
    const after = await client.get("/settings/account");
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toMatch(/^\/signin\?next=/);
  });

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await app.createUser({ password: goodPassword });
    const wrong = await app
      .client()
      .post("/signin", { email: user.email, password: "wrong password!" });
    const unknown = await app
      .client()
      .post("/signin", { email: uniqueEmail(), password: "wrong password!" });
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const a = await wrong.text();
    const b = await unknown.text();
    expectMessage(a, "auth.wrongCredentials");
    expectMessage(b, "auth.wrongCredentials");
  });

  it("throttles repeated failures on one account, even with the right password", async () => {
    const user = await app.createUser({ password: goodPassword });
    for (let i = 0; i < 5; i++) {
      const r = await app
        .client()
        .post("/signin", { email: user.email, password: "nope nope nope" });
      expect(r.status).toBe(400);
    }
    const blocked = await app
      .client()
      .post("/signin", { email: user.email, password: goodPassword });
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Too many attempts");
  });

  it("throttles the guesser, not the owner: five addresses cannot lock the owner out", async () => {
    const user = await app.createUser({ password: goodPassword });
    const attempt = (password: string, address: string) =>
      app
        .client()
        .post(
          "/signin",
          { email: user.email, password },
          { headers: { "x-forwarded-for": address } },
        );
    for (let i = 1; i <= 5; i++) {
      expect((await attempt("nope nope nope", `203.0.113.${i}`)).status).toBe(400);
    }
    // The owner, from an address of their own, still gets in.
    expect((await attempt(goodPassword, "198.51.100.20")).status).toBe(302);
    // The guesser's own address is throttled after five failures, even with the right password.
    for (let i = 0; i < 5; i++) {
      expect((await attempt("nope nope nope", "192.0.2.66")).status).toBe(400);
    }
    const blocked = await attempt(goodPassword, "192.0.2.66");
    expect(blocked.status).toBe(429);
    expect(await blocked.text()).toContain("Too many attempts");
  });

  // Fifty real password checks: slow on a loaded machine, so this test gets more time.
  it("stops guessing spread over many addresses at a per-account ceiling", {
    timeout: 120_000,
  }, async () => {
    const user = await app.createUser({ password: goodPassword });
    const attempt = (password: string, address: string) =>
      app
        .client()
        .post(
          "/signin",
          { email: user.email, password },
          { headers: { "x-forwarded-for": address } },
        );
    for (let i = 1; i <= 50; i++) {
      expect((await attempt("nope nope nope", `10.9.${Math.floor(i / 200)}.${i}`)).status).toBe(
        400,
      );
    }
    expect((await attempt("nope nope nope", "10.9.9.9")).status).toBe(429);
  });

  it("only redirects to local paths after sign-in", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    const response = await client.post("/signin", {
      email: user.email,
      password: goodPassword,
      next: "//evil.example/",
    });
    expect(response.headers.get("location")).toBe("/");
  });
});

describe("password reset", () => {
  it("answers known and unknown addresses alike and mails only the known one", async () => {
    const user = await app.createUser({ password: goodPassword });
    const known = await app.client().post("/forgot-password", { email: user.email });
    const unknownEmail = uniqueEmail();
    const unknown = await app.client().post("/forgot-password", { email: unknownEmail });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    // The visible page must be identical; only the CSRF token and nonce differ between clients.
    const strip = (html: string, email: string) =>
      html.replaceAll(escapeHtml(email), "EMAIL").match(/<main[\s\S]*<\/main>/)?.[0];
    const knownHtml = strip(await known.text(), user.email);
    const unknownHtml = strip(await unknown.text(), unknownEmail);
    expect(knownHtml).toBeTruthy();
    expect(knownHtml === unknownHtml).toBe(true);
    expect((await app.lastMailTo(user.email))?.subject).toBe("Reset your Synergy password");
    expect(await app.lastMailTo(unknownEmail)).toBeUndefined();
  });

  it("sets a new password with a single-use link and signs out every session", async () => {
    const user = await app.createUser({ password: goodPassword });
    const other = app.client();
    await other.signIn(user.email, goodPassword);
    await app.client().post("/forgot-password", { email: user.email });
    const link = app.linkIn(await app.lastMailTo(user.email), "/reset-password");
    const token = new URL(link).searchParams.get("token")!;
    const client = app.client();
    const done = await client.post("/reset-password", {
      token,
      password: "a brand new passphrase",
    });
    expect(done.status).toBe(302);
    expect(done.headers.get("location")).toBe("/signin?reset=1");
    const reuse = await client.post("/reset-password", {
      token,
      password: "yet another passphrase",
    });
    expect(reuse.status).toBe(400);
    expectMessage(await reuse.text(), "reset.invalid");
    expect((await other.get("/settings/account")).status).toBe(302);
    await app.client().signIn(user.email, "a brand new passphrase");
  });

  it("refuses an expired link", async () => {
    const user = await app.createUser({ password: goodPassword });
    await app.client().post("/forgot-password", { email: user.email });
    const token = new URL(
      app.linkIn(await app.lastMailTo(user.email), "/reset-password"),
    ).searchParams.get("token")!;
    await app.server.queryRows(
      sqlText(
        `update auth_tokens set expires_at = now() - interval '1 second' where purpose = 'reset_password'`,
      ),
    );
    const response = await app
      .client()
      .post("/reset-password", { token, password: "a brand new passphrase" });
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "reset.invalid");
    await app.client().signIn(user.email, goodPassword);
  });
});

describe("account settings", () => {
  it("lists sessions and signs out everywhere", async () => {
    const user = await app.createUser({ password: goodPassword });
    const phone = app.client();
    const laptop = app.client();
    await phone.signIn(user.email, goodPassword);
    await laptop.signIn(user.email, goodPassword);
    const page = await laptop.get("/settings/account");
    const html = await page.text();
    expect(html.match(/name="session"/g)?.length).toBe(2);
    const out = await laptop.post("/settings/account", { intent: "revoke-all" });
    expect(out.status).toBe(302);
    expect((await phone.get("/settings/account")).status).toBe(302);
    expect((await laptop.get("/settings/account")).status).toBe(302);
  });

  it("changes the password only with the current one, keeping this session", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    const other = app.client();
    await client.signIn(user.email, goodPassword);
    await other.signIn(user.email, goodPassword);
    const wrong = await client.post("/settings/account", {
      intent: "password",
      currentPassword: "not my password",
      newPassword: "another long passphrase",
    });
    expect(wrong.status).toBe(400);
    expectMessage(await wrong.text(), "auth.currentPasswordWrong");
    const ok = await client.post("/settings/account", {
      intent: "password",
      currentPassword: goodPassword,
      newPassword: "another long passphrase",
    });
    expect(ok.status).toBe(200);
    expect((await client.get("/settings/account")).status).toBe(200);
    expect((await other.get("/settings/account")).status).toBe(302);
  });

  it("throttles current-password checks (password and email change)", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    await client.signIn(user.email, goodPassword);
    for (let i = 0; i < 3; i++) {
      const wrong = await client.post("/settings/account", {
        intent: "password",
        currentPassword: "not my password",
        newPassword: "another long passphrase",
      });
      expect(wrong.status).toBe(400);
    }
    for (let i = 0; i < 2; i++) {
      const wrong = await client.post("/settings/account", {
        intent: "email",
        email: uniqueEmail(),
        currentPassword: "not my password",
      });
      expect(wrong.status).toBe(400);
    }
    const blocked = await client.post("/settings/account", {
      intent: "password",
      currentPassword: goodPassword,
      newPassword: "another long passphrase",
    });
    expect(blocked.status).toBe(429);
    expectMessage(await blocked.text(), "auth.currentPasswordTooMany");
    const rows = await app.server.queryRows<{ n: number }>(
      sqlText(`select count(*)::int as n from users where id = '${user.id}'`),
    );
    expect(rows[0].n).toBe(1);
    // The password did not change: the old one still signs in.
    await app.client().signIn(user.email, goodPassword);
  });

  it("changes the email only after the new address is verified", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    await client.signIn(user.email, goodPassword);
    const newEmail = uniqueEmail();
    const response = await client.post("/settings/account", {
      intent: "email",
      email: newEmail,
      currentPassword: goodPassword,
    });
    expect(response.status).toBe(200);
    const rows = await app.server.queryRows<{ email: string }>(
      sqlText(`select email from users where id = '${user.id}'`),
    );
    expect(rows[0].email).toBe(user.email);
    const link = app.linkIn(await app.lastMailTo(newEmail), "/verify-email");
    expect((await client.get(link)).status).toBe(200);
    const after = await app.server.queryRows<{ email: string }>(
      sqlText(`select email from users where id = '${user.id}'`),
    );
    expect(after[0].email).toBe(newEmail);
  });
});

/** Raw SQL for assertions, through the app's own connection. */
function sqlText(text: string) {
  return app.server.rawSql(text);
}

describe("email change links", () => {
  it("lets only the newest link change the address, and tells the old address", async () => {
    const user = await app.createUser({ password: goodPassword });
    const client = app.client();
    await client.signIn(user.email, goodPassword);
    const typo = uniqueEmail().replace("@", "@typo-");
    const right = uniqueEmail();
    await client.post("/settings/account", {
      intent: "email",
      email: typo,
      currentPassword: goodPassword,
    });
    const typoLink = app.linkIn(await app.lastMailTo(typo), "/verify-email");
    await client.post("/settings/account", {
      intent: "email",
      email: right,
      currentPassword: goodPassword,
    });
    const rightLink = app.linkIn(await app.lastMailTo(right), "/verify-email");
    expect((await client.get(rightLink)).status).toBe(200);
    expect((await app.lastMailTo(user.email))?.subject).toBe(
      "Your Synergy email address was changed",
    );
    // A stranger holding the older link cannot take the account's address any more.
    const stale = await app.client().get(typoLink);
    expect(stale.status).toBe(400);
    const rows = await app.server.queryRows<{ email: string }>(
      app.server.rawSql(`select email from users where id = '${user.id}'`),
    );
    expect(rows[0].email).toBe(right);
  });
});
