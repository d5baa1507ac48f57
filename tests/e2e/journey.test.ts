/**
 * The main journeys in a real browser against the production build: sign-up in Greek through
 * onboarding to the directory, the same app without JavaScript, and a 360 px wide phone.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { naceDivisions } from "~/features/taxonomy/data/nace";
import { topics } from "~/features/taxonomy/data/topics";
import type { Locale } from "~/i18n/i18n";
import { formatDateTime } from "~/ui/format";
import { startTestApp, type TestApp } from "../setup/app";
import {
  expectAccessible,
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  makePng,
  openPage,
  saveScreenshot,
  signInWithForm,
  smallFormFields,
  translatorFor,
} from "../setup/browser";

const el = translatorFor("el");
const de = translatorFor("de");
const en = translatorFor("en");

function topicLabel(slug: string, locale: Locale): string {
  const topic = topics.find((x) => x.slug === slug);
  if (!topic) throw new Error(`no topic ${slug}`);
  return topic.label[locale];
}

/** A sector as an owner finds it: the division's words, no code. */
function sectorWords(code: string, locale: Locale): string {
  const division = naceDivisions.find((x) => x.code === code);
  if (!division) throw new Error(`no NACE division ${code}`);
  return division.label[locale];
}

/** A NACE division as an organisation's page shows it: plain words, no code (issue 13). */
function divisionLabel(code: string, locale: Locale): string {
  const division = naceDivisions.find((x) => x.code === code);
  if (!division) throw new Error(`no NACE division ${code}`);
  return division.label[locale];
}

async function htmlLang(page: Page) {
  return page.locator("html").getAttribute("lang");
}

/** The newest mail to an address; sending finishes before the redirect, but allow for a lag. */
async function waitForMail(app: TestApp, address: string) {
  for (let i = 0; i < 50; i++) {
    const mail = await app.lastMailTo(address);
    if (mail) return mail;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no mail to ${address}`);
}

describe.skipIf(!hasChromium)("journeys in Chromium", () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("signs up in Greek, confirms the email, onboards and is found in the directory", async () => {
    // Someone already in the network elsewhere: the country filter must leave them out.
    await app.createUser({
      displayName: "Aoife Byrne",
      country: "IE",
      headline: "Florist in Galway",
    });
    const { context, page, problems } = await openPage(browser, {
      locale: "el-GR",
      timezoneId: "Europe/Athens",
      viewport: { width: 1280, height: 800 },
    });
    const name = "Ελένη Παπαδοπούλου";
    const email = `eleni-${Date.now()}@example.org`;
    const password = "μια μεγάλη φράση 2026";
    const headline = "Αρτοποιός στη Θεσσαλονίκη, 3 άτομα";
    const bio = "Φτιάχνουμε παραδοσιακό ψωμί και γλυκά. Θέλω να μάθω να πουλάω online.";
    const offered = "customer-service";
    const wanted = "online-shop";

    // Home, negotiated from Accept-Language.
    await page.goto(`${app.url}/`, { waitUntil: "networkidle" });
    expect(await htmlLang(page)).toBe("el");
    await page.getByRole("heading", { level: 1, name: el("home.title") }).waitFor();
    await expectAccessible(page, "home (el)");
    await saveScreenshot(page, "home-1280");

    // Sign-up.
    await Promise.all([
      page.waitForURL("**/signup"),
      page
        .getByRole("navigation", { name: el("nav.label") })
        .getByRole("link", { name: el("nav.signUp") })
        .click(),
    ]);
    await page.getByRole("heading", { level: 1, name: el("signup.title") }).waitFor();
    expect(await htmlLang(page)).toBe("el");
    await expectAccessible(page, "sign-up");
    await page
      .getByRole("group", { name: el("signup.roleLegend") })
      .getByRole("radio", { name: el("role.owner") })
      .check();
    await page.getByLabel(el("profile.displayName"), { exact: true }).fill(name);
    await page.getByLabel(el("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(el("auth.password"), { exact: true }).fill(password);
    // The answer is the same whether or not the address has an account: check your mailbox.
    await Promise.all([
      page.waitForURL("**/signup?sent=1"),
      page.getByRole("button", { name: el("signup.submit") }).click(),
    ]);
    await page
      .getByRole("status")
      .filter({ hasText: el("signup.sent") })
      .waitFor();
    await expectAccessible(page, "sign-up sent");

    // The verification mail, in the language the person signed up in.
    const mail = await waitForMail(app, email);
    const link = app.linkIn(mail, "/verify-email");
    // …which says until when the link works, in the zone her browser told the sign-up page.
    const [token] = await app.server.queryRows<{ expires_at: string; time_zone: string }>(
      app.server.rawSql(
        `select t.expires_at, u.time_zone from auth_tokens t join users u on u.id = t.user_id
         where u.email = '${email}'`,
      ),
    );
    expect(token.time_zone).toBe("Europe/Athens");
    const until = formatDateTime(token.expires_at, "el", "Europe/Athens", "id");
    expect(mail.text).toContain(el("mail.verify.body", { name, link, until }));
    expect(mail.subject).toBe(el("mail.verify.subject"));
    // The link confirms the address and leads to sign-in, then to onboarding.
    await page.goto(link, { waitUntil: "networkidle" });
    expect(new URL(page.url()).pathname).toBe("/signin");
    await page
      .getByRole("status")
      .filter({ hasText: el("verify.done") })
      .waitFor();
    await page.getByLabel(el("auth.email"), { exact: true }).fill(email);
    await page.getByLabel(el("auth.password"), { exact: true }).fill(password);
    await Promise.all([
      page.waitForURL("**/onboarding/profile"),
      page.getByRole("button", { name: el("signin.submit") }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: el("onboarding.profileTitle") }).waitFor();
    await expectAccessible(page, "onboarding profile");
    await saveScreenshot(page, "onboarding-profile-1280");

    // Step 1: the essentials, in Greek; what an owner wants to learn comes first, as chips.
    expect(await page.getByRole("textbox", { name: el("profile.displayName") }).inputValue()).toBe(
      name,
    );
    await page
      .getByRole("combobox", { name: el("profile.country"), exact: true })
      .selectOption("GR");
    await page
      .getByRole("textbox", { name: el("onboarding.town"), exact: true })
      .fill("Κεντρική Μακεδονία");
    const languages = page.getByRole("group", { name: el("profile.languages"), exact: true });
    // The page's language is proposed as the first one, nothing else is preset.
    expect(
      await languages
        .getByRole("combobox", { name: el("profile.languageN", { n: 1 }), exact: true })
        .inputValue(),
    ).toBe("el");
    await page
      .getByRole("group", { name: el("onboarding.wantsLegend") })
      .getByRole("checkbox", { name: topicLabel(wanted, "el"), exact: true })
      .first()
      .check();
    await Promise.all([
      page.waitForURL("**/onboarding/organisation"),
      page.getByRole("button", { name: el("onboarding.next") }).click(),
    ]);

    // Step 2: the enterprise, its sector found by plain words.
    await page.getByRole("heading", { level: 1, name: el("onboarding.orgTitle") }).waitFor();
    await expectAccessible(page, "onboarding organisation");
    const orgName = "Φούρνος της Ελένης";
    const create = page.getByRole("region", { name: el("onboarding.createEnterprise") });
    await create.getByRole("textbox", { name: el("org.name"), exact: true }).fill(orgName);
    const select = (key: string) => create.getByRole("combobox", { name: el(key), exact: true });
    // The country comes over from the profile.
    expect(await select("profile.country").inputValue()).toBe("GR");
    await create.getByRole("combobox", { name: el("org.sector") }).fill(sectorWords("10", "el"));
    await create
      .getByRole("group", { name: el("org.size") })
      .getByRole("radio", { name: el("org.sizeBand.2-4") })
      .check();
    await create.getByLabel(el("org.yearFounded"), { exact: true }).fill("2015");
    // A web address as people type it, without https://.
    await create
      .getByRole("textbox", { name: el("org.website"), exact: true })
      .fill("fournos.example");
    await Promise.all([
      page.waitForURL("**/onboarding/welcome?**"),
      create.getByRole("button", { name: el("org.createEnterprise") }).click(),
    ]);

    // The end of onboarding: networks to join, what to learn, the new organisation.
    await page.getByRole("heading", { level: 1, name: el("onboarding.welcomeTitle") }).waitFor();
    await page.getByRole("heading", { level: 2, name: el("onboarding.tellNeeds") }).waitFor();
    await expectAccessible(page, "onboarding welcome");
    await Promise.all([
      page.waitForURL("**/organisations/*"),
      page.getByRole("link", { name: el("onboarding.seeOrganisation") }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: orgName }).waitFor();
    await page.getByText(divisionLabel("10", "el"), { exact: true }).first().waitFor();
    await page.getByRole("link", { name: "https://fournos.example", exact: true }).waitFor();
    await page.getByRole("link", { name }).waitFor();
    await expectAccessible(page, "organisation page");

    // The rest of the profile, later, in the full editor.
    await page.goto(`${app.url}/settings/profile`, { waitUntil: "networkidle" });
    await expectAccessible(page, "profile editor");
    await page.getByRole("textbox", { name: el("profile.headline"), exact: true }).fill(headline);
    await page.getByRole("textbox", { name: el("profile.bio"), exact: true }).fill(bio);
    await page
      .getByLabel(el("profile.photo"), { exact: true })
      .and(page.locator("input[type=file]"))
      .setInputFiles(await makePng({ size: 64, colour: "#c0392b" }));
    const pick = (summaryKey: string) =>
      page.locator("details").filter({ has: page.locator("summary", { hasText: el(summaryKey) }) });
    // Topics are folded by group; open the group, then tick the topic.
    const tick = async (summaryKey: string, slug: string) => {
      const group = topics.find((x) => x.slug === slug)!.group;
      const folder = pick(summaryKey)
        .locator("details.topic-group")
        .filter({ has: page.locator("summary", { hasText: el(`topicGroup.${group}`) }) });
      await folder.locator("summary").click();
      await folder.getByRole("checkbox", { name: topicLabel(slug, "el"), exact: true }).check();
    };
    await tick("profile.offersPick", offered);
    await Promise.all([
      page.waitForURL("**/people/*"),
      page.getByRole("button", { name: el("form.save") }).click(),
    ]);

    // The directory, filtered by country: on a laptop it is in the header's "More" menu.
    const elNav = page.getByRole("navigation", { name: el("nav.label") });
    await elNav.locator("summary", { hasText: el("nav.more") }).click();
    await Promise.all([
      page.waitForURL("**/people"),
      elNav.getByRole("link", { name: el("nav.people"), exact: true }).click(),
    ]);
    await page.getByRole("heading", { level: 1, name: el("people.title") }).waitFor();
    const filters = page.getByRole("form", { name: el("people.filters") });
    await filters.getByRole("combobox", { name: el("profile.country") }).selectOption("GR");
    await Promise.all([
      page.waitForURL(
        (url) => url.pathname === "/people" && url.searchParams.get("country") === "GR",
      ),
      filters.getByRole("button", { name: el("filters.apply") }).click(),
    ]);
    const results = page.getByRole("list", { name: el("people.results"), exact: true });
    const card = results.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
    await card.waitFor();
    expect(await card.textContent()).toContain(headline);
    expect(await card.textContent()).toContain(topicLabel(offered, "el"));
    expect(await results.getByRole("link", { name: "Aoife Byrne" }).count()).toBe(0);
    await expectAccessible(page, "people (filtered)");
    await saveScreenshot(page, "people-1280");

    // The profile.
    await Promise.all([page.waitForURL("**/people/*"), card.getByRole("link", { name }).click()]);
    await page.getByRole("heading", { level: 1, name }).waitFor();
    await page.getByText(headline).waitFor();
    await page.getByText(bio).waitFor();
    await page.getByRole("link", { name: orgName }).waitFor();
    const photo = page.locator(".profile-head img");
    await photo.scrollIntoViewIfNeeded();
    await page.waitForFunction(
      () => (document.querySelector(".profile-head img") as HTMLImageElement | null)?.complete,
    );
    expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
    expect(await htmlLang(page)).toBe("el");
    await expectAccessible(page, "person profile");
    await saveScreenshot(page, "profile-1280");

    expect(problems).toEqual([]);
    await context.close();
  });

  it("signs in, switches language and filters people without JavaScript", async () => {
    const password = "a long and private passphrase";
    const person = await app.createUser({ displayName: "Jan Novak", password, locale: "en" });
    await app.createUser({ displayName: "Aino Virtanen", country: "FI", headline: "Baker" });
    await app.createUser({ displayName: "Liam Walsh", country: "IE", headline: "Carpenter" });
    const { context, page, problems } = await openPage(browser, { javaScriptEnabled: false });
    await signInWithForm(page, app.url, person.email, person.password);
    await page
      .getByRole("heading", { level: 1, name: en("home.welcome", { name: "Jan Novak" }) })
      .waitFor();
    expect(await htmlLang(page)).toBe("en");

    // The footer language switcher posts a plain form and comes back to the same page.
    await page.getByRole("combobox", { name: en("nav.language") }).selectOption("de");
    await Promise.all([
      page.waitForURL((url) => url.pathname === "/"),
      page.getByRole("button", { name: en("nav.changeLanguage") }).click(),
    ]);
    expect(await htmlLang(page)).toBe("de");
    await page
      .getByRole("heading", { level: 1, name: de("home.welcome", { name: "Jan Novak" }) })
      .waitFor();
    // Without JavaScript the header's "More" menu opens too (a disclosure).
    const deNav = page.getByRole("navigation", { name: de("nav.label") });
    await deNav.locator("summary", { hasText: de("nav.more") }).click();
    await deNav.getByRole("link", { name: de("nav.people"), exact: true }).waitFor();
    await expectAccessible(page, "home (de, no JS)");

    // The people filter is a GET form.
    await page.goto(`${app.url}/people`);
    expect(await htmlLang(page)).toBe("de");
    const filters = page.getByRole("form", { name: de("people.filters") });
    await filters.getByRole("combobox", { name: de("profile.country") }).selectOption("FI");
    await Promise.all([
      page.waitForURL((url) => url.searchParams.get("country") === "FI"),
      filters.getByRole("button", { name: de("filters.apply") }).click(),
    ]);
    const results = page.getByRole("list", { name: de("people.results"), exact: true });
    await results.getByRole("link", { name: "Aino Virtanen" }).waitFor();
    expect(await results.getByRole("link", { name: "Liam Walsh" }).count()).toBe(0);
    expect(await filters.getByRole("combobox", { name: de("profile.country") }).inputValue()).toBe(
      "FI",
    );
    await expectAccessible(page, "people (de, no JS)");

    // The language is remembered on the account, not only in this browser.
    const other = await openPage(browser, { javaScriptEnabled: false });
    await signInWithForm(other.page, app.url, person.email, person.password);
    expect(await htmlLang(other.page)).toBe("de");
    await other.context.close();

    expect(problems).toEqual([]);
    await context.close();
  });

  it("fits a 360 px wide phone: no sideways scrolling, every main link reachable", async () => {
    const password = "a long and private passphrase";
    // Long words are what usually break a narrow layout.
    const long = await app.createUser({
      displayName: "Maximiliane Oberstaufenbachhuber-Kowalczyk",
      headline: "Schornsteinfegermeisterin und Energieberaterin aus Oberstaufenbach",
      country: "DE",
      region: "Nordrhein-Westfalen",
      bio: "Donaudampfschifffahrtsgesellschaftskapitänsmütze. ".repeat(3),
      offered: ["digital-basics", "online-shop", "cloud-tools"],
      wanted: ["website-building"],
    });
    const newcomer = await app.createUser({ onboarded: false, password, displayName: "Ana Pop" });
    const { context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      isMobile: true,
      hasTouch: true,
    });

    const expectNoSideways = async (label: string) => {
      const overflow = await horizontalOverflow(page);
      expect
        .soft(
          overflow.scrollWidth,
          `${label} is wider than 360 px; elements past the edge: ${overflow.widest.join(", ")}`,
        )
        .toBeLessThanOrEqual(360);
    };

    // Home.
    await page.goto(`${app.url}/`, { waitUntil: "networkidle" });
    await expectNoSideways("home");
    // On a phone the header is one row: the brand and a menu that opens the links (issue 13).
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height, "header is one row").toBeLessThanOrEqual(56);
    const nav = page.getByRole("navigation", { name: en("nav.label") });
    expect(await nav.isVisible()).toBe(false);
    const menu = page.locator("summary", { hasText: en("nav.menu") });
    await menu.tap();
    const links = nav.getByRole("link");
    const names = await links.allTextContents();
    expect(names).toEqual(
      expect.arrayContaining([en("nav.people"), en("nav.organisations"), en("nav.signIn")]),
    );
    for (let i = 0; i < (await links.count()); i++) {
      const box = await links.nth(i).boundingBox();
      expect(box, `nav link ${names[i]} is rendered`).not.toBeNull();
      expect(box!.x, `nav link ${names[i]} starts on screen`).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width, `nav link ${names[i]} ends on screen`).toBeLessThanOrEqual(360);
      // WCAG 2.5.8: targets of at least 24 × 24 CSS px.
      expect(box!.height, `nav link ${names[i]} is tall enough to tap`).toBeGreaterThanOrEqual(24);
    }
    await expectAccessible(page, "home (360 px, menu open)");
    // Keyboard: after the skip link comes the menu; Enter opens it, and Tab reaches every link.
    await page.reload({ waitUntil: "networkidle" });
    const focused: string[] = [];
    const focusText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");
    // Skip link, the brand (home), then the menu.
    for (let i = 0; i < 3 && focused.at(-1) !== en("nav.menu"); i++) {
      await page.keyboard.press("Tab");
      focused.push(await focusText());
    }
    expect(focused[0]).toBe(en("nav.skip"));
    expect(focused.at(-1)).toBe(en("nav.menu"));
    await page.keyboard.press("Enter");
    for (let i = 0; i < 14 && focused.length < names.length + 3; i++) {
      await page.keyboard.press("Tab");
      focused.push(await focusText());
    }
    for (const name of names) expect(focused).toContain(name);
    await expectAccessible(page, "home (360 px)");
    await saveScreenshot(page, "home-360");

    // Tapping a main link gets there.
    if (!(await nav.isVisible())) await menu.tap();
    await Promise.all([
      page.waitForURL("**/people"),
      nav.getByRole("link", { name: en("nav.people"), exact: true }).tap(),
    ]);
    await page.getByRole("heading", { level: 1, name: en("people.title") }).waitFor();
    await expectNoSideways("people");
    await expectAccessible(page, "people (360 px)");
    await saveScreenshot(page, "people-360");

    await page.goto(`${app.url}/people/${long.id}`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1 }).waitFor();
    await expectNoSideways("profile");
    await expectAccessible(page, "profile (360 px)");
    await saveScreenshot(page, "profile-360");

    await signInWithForm(page, app.url, newcomer.email, password);
    await page.goto(`${app.url}/onboarding/profile`, { waitUntil: "networkidle" });
    await page.getByRole("heading", { level: 1, name: en("onboarding.profileTitle") }).waitFor();
    await expectNoSideways("onboarding profile");
    expect.soft(await smallFormFields(page, 44), "form fields too small to tap").toEqual([]);
    await expectAccessible(page, "onboarding profile (360 px)");
    await saveScreenshot(page, "onboarding-profile-360");

    expect(problems).toEqual([]);
    await context.close();
  });
});
