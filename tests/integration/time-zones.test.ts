/**
 * Time zones: each person's IANA zone is stored at sign-up and editable in settings, and every
 * time a page or an email shows is in the viewer's (or recipient's) zone, with the zone named.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatDateTime } from "~/ui/format";
import { startTestApp, type TestApp } from "../setup/app";
import { escapeHtml, expectMessage } from "../setup/html";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => {
  await app?.close();
});

let counter = 0;
const uniqueEmail = () => `tz${Date.now()}${counter++}@example.org`;

async function zoneOf(email: string): Promise<string | undefined> {
  const [row] = await app.server.queryRows<{ time_zone: string }>(
    app.server.rawSql(`select time_zone from users where email = '${email}'`),
  );
  return row?.time_zone;
}

function signUp(
  fields: Record<string, string>,
  options: { headers?: Record<string, string>; zoneCookie?: string } = {},
) {
  const email = uniqueEmail();
  const client = app.client();
  if (options.zoneCookie) client.setCookie("tz", options.zoneCookie);
  const response = client.post(
    "/signup",
    {
      role: "owner",
      displayName: "Zoe Zone",
      email,
      password: "a long enough passphrase",
      ...fields,
    },
    { headers: options.headers },
  );
  return { email, response };
}

/** The text of <main> and the footer, where times and the zone note are. */
const visible = (html: string) => html.slice(html.indexOf("<main"));

describe("sign-up stores the person's time zone", () => {
  it("keeps the zone the page's script sent, in canonical spelling", async () => {
    const athens = signUp({ timeZone: "Europe/Athens" });
    expect((await athens.response).status).toBe(302);
    expect(await zoneOf(athens.email)).toBe("Europe/Athens");

    const helsinki = signUp({ timeZone: "europe/helsinki" });
    expect((await helsinki.response).status).toBe(302);
    expect(await zoneOf(helsinki.email)).toBe("Europe/Helsinki");
  });

  it("without the script, takes the browser's cookie, else a guess from the language", async () => {
    const fromCookie = signUp({}, { zoneCookie: "America/New_York" });
    expect((await fromCookie.response).status).toBe(302);
    expect(await zoneOf(fromCookie.email)).toBe("America/New_York");

    const greek = signUp({}, { headers: { "accept-language": "el-GR,el;q=0.9" } });
    expect((await greek.response).status).toBe(302);
    expect(await zoneOf(greek.email)).toBe("Europe/Athens");

    const english = signUp({}, { headers: { "accept-language": "en" } });
    expect((await english.response).status).toBe(302);
    expect(await zoneOf(english.email)).toBe("Europe/Brussels");
  });

  it("proposes the browser's cookie zone on the page itself (the hidden field and the note)", async () => {
    const html = await (await app.client().get("/signup", { cookie: "tz=Europe%2FDublin" })).text();
    expect(html).toMatch(/<input type="hidden" name="timeZone" value="Europe\/Dublin"\/>/);
    expect(html).toContain("Times will be shown in your time zone, Europe/Dublin.");
  });

  it("refuses a zone that is not on the list with 400 and a translated message", async () => {
    for (const timeZone of ["Mars/Olympus", "+02:00", "Europe/Athens; drop table users"]) {
      const attempt = signUp({ timeZone });
      const response = await attempt.response;
      expect(response.status, timeZone).toBe(400);
      expectMessage(await response.text(), "timeZone.invalid");
      expect(await zoneOf(attempt.email)).toBeUndefined();
    }
    const greek = signUp({ timeZone: "Mars/Olympus" }, { headers: { "accept-language": "el" } });
    const response = await greek.response;
    expect(response.status).toBe(400);
    expectMessage(await response.text(), "timeZone.invalid", "el");
  });

  it("states when the verification link expires in the person's zone, zone named", async () => {
    const { email, response } = signUp({ timeZone: "Asia/Tokyo" });
    expect((await response).status).toBe(302);
    const [token] = await app.server.queryRows<{ expires_at: string }>(
      app.server.rawSql(
        `select t.expires_at from auth_tokens t join users u on u.id = t.user_id
         where u.email = '${email}' and t.purpose = 'verify_email'`,
      ),
    );
    const mail = await app.lastMailTo(email);
    const until = formatDateTime(token.expires_at, "en", "Asia/Tokyo", "id");
    expect(until).toContain("(Asia/Tokyo)");
    expect(mail?.text).toContain(`The link works for 48 hours, until ${until}.`);
  });
});

describe("account settings: the time zone", () => {
  it("changes the zone, shows it selected and in the footer, and refuses one not on the list", async () => {
    const { user, client } = await app.signedIn({ timeZone: "Europe/Dublin" });
    const page = await (await client.get("/settings/account")).text();
    expect(page).toContain('<option value="Europe/Dublin" selected="">');
    expect(page).toContain("Times are shown in Europe/Dublin.");

    const saved = await client.post("/settings/account", {
      intent: "time-zone",
      timeZone: "Europe/Helsinki",
    });
    expect(saved.status).toBe(302);
    expect(saved.headers.get("location")).toBe("/settings/account?saved=time-zone");
    const html = await (await client.get("/settings/account?saved=time-zone")).text();
    expect(html).toContain("Times are now shown in Europe/Helsinki.");
    expect(html).toContain("Times are shown in Europe/Helsinki.");
    expect(html).toContain('<option value="Europe/Helsinki" selected="">');
    expect(await zoneOf(user.email)).toBe("Europe/Helsinki");

    const refused = await client.post("/settings/account", {
      intent: "time-zone",
      timeZone: "Atlantis/Capital",
    });
    expect(refused.status).toBe(400);
    expectMessage(await refused.text(), "timeZone.invalid");
    expect(await zoneOf(user.email)).toBe("Europe/Helsinki");
  });

  it("mails a password reset link with its expiry in the person's zone", async () => {
    const user = await app.createUser({ timeZone: "America/Sao_Paulo" });
    await app.client().post("/forgot-password", { email: user.email });
    const mail = await app.lastMailTo(user.email);
    expect(mail?.text).toMatch(/within one hour \(until .+ \(America\/Sao_Paulo\)\):/);
  });
});

describe("times on pages are in the viewer's zone, named", () => {
  // 12:00 UTC on 1 July 2026: 15:00 in Athens, 13:00 in Dublin, 08:00 in New York.
  const postedAt = new Date("2026-07-01T12:00:00Z");
  let networkId: string;

  beforeAll(async () => {
    const author = await app.createUser();
    const network = await app.server.createNetwork({
      facilitators: [author.id],
      visibility: "open",
    });
    networkId = network.id;
    await app.server.createPostAt({
      networkId,
      authorId: author.id,
      body: "Meeting notes from the summer session",
      createdAt: postedAt,
    });
  });

  it("shows two signed-in viewers in different zones different wall times of the same post", async () => {
    const athens = await app.signedIn({ timeZone: "Europe/Athens" });
    const dublin = await app.signedIn({ timeZone: "Europe/Dublin" });
    const athensHtml = visible(await (await athens.client.get(`/networks/${networkId}`)).text());
    const dublinHtml = visible(await (await dublin.client.get(`/networks/${networkId}`)).text());

    const inAthens = formatDateTime(postedAt, "en", "Europe/Athens");
    const inDublin = formatDateTime(postedAt, "en", "Europe/Dublin");
    expect(inAthens).toBe("Jul 1, 2026, 3:00 PM GMT+3");
    expect(inDublin).toBe("Jul 1, 2026, 1:00 PM GMT+1");
    const stamp = (text: string) =>
      `<time dateTime="2026-07-01T12:00:00.000Z">${escapeHtml(text)}</time>`;
    expect(athensHtml).toContain(stamp(inAthens));
    expect(dublinHtml).toContain(stamp(inDublin));
    expect(athensHtml).not.toContain(inDublin);
    // The page also says which zone its times are in.
    expect(athensHtml).toContain("Times are shown in Europe/Athens.");
    expect(dublinHtml).toContain("Times are shown in Europe/Dublin.");
  });

  it("shows an anonymous visitor the browser's zone from its cookie, else UTC, labelled", async () => {
    const utc = visible(await (await app.client().get(`/networks/${networkId}`)).text());
    expect(utc).toContain(escapeHtml(formatDateTime(postedAt, "en", "UTC")));
    expect(formatDateTime(postedAt, "en", "UTC")).toBe("Jul 1, 2026, 12:00 PM UTC");
    expect(utc).toContain("Times are shown in UTC.");

    const newYork = visible(
      await (
        await app.client().get(`/networks/${networkId}`, { cookie: "tz=America%2FNew_York" })
      ).text(),
    );
    expect(newYork).toContain(escapeHtml(formatDateTime(postedAt, "en", "America/New_York")));
    expect(newYork).toContain("Times are shown in America/New_York.");

    // A cookie that is not a zone is ignored, never an error.
    const forged = await app.client().get(`/networks/${networkId}`, { cookie: "tz=%3Cscript%3E" });
    expect(forged.status).toBe(200);
    expect(visible(await forged.text())).toContain("Times are shown in UTC.");
  });

  it("names the inviter's zone in an invitation's expiry", async () => {
    const facilitator = await app.signedIn({ timeZone: "Europe/Rome" });
    const network = await app.server.createNetwork({ facilitators: [facilitator.user.id] });
    const invited = uniqueEmail();
    const response = await facilitator.client.post(`/networks/${network.id}/members`, {
      intent: "invite-emails",
      emails: invited,
    });
    expect(response.status).toBe(200);
    const mail = await app.lastMailTo(invited);
    expect(mail?.text).toMatch(/\(it works for 14 days, until .+ \(Europe\/Rome\)\)/);
  });
});
