/**
 * Issue 12's "done" journey in the browser, as the two owners would do it: an owner in Cork
 * (English) publishes "looking for a distributor in Finland" through the form and a facilitator
 * approves it; an owner in Tampere (Finnish interface, a food wholesaler, NACE 46) on a 360 px
 * phone without JavaScript finds it among their matches with the reasons in Finnish and
 * expresses interest (a second submission from a form opened earlier is a translated 409, not a
 * second interest); the Cork owner accepts without JavaScript; both read the conversation; the
 * event's facilitator sets up a partnering day from the event page, both join it, the Tampere
 * owner books a slot with the Cork owner and each agenda shows the meeting in its reader's zone
 * (Dublin and Helsinki, two hours apart, the zones named); they mark the partnership active,
 * the Cork owner writes its story, the Tampere owner approves it and it shows on the
 * opportunity page. Every partnering page passed through is checked with `pageProblems`.
 */
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp, TestClient } from "../setup/app";
import {
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
  untranslatedKeys,
} from "../setup/browser";
import { eventForm } from "../setup/events";

const en = translatorFor("en");
const fi = translatorFor("fi");
const password = "a long and private passphrase";
const title = "Looking for a distributor in Finland";

const phone = {
  viewport: { width: 360, height: 740 },
  isMobile: true,
  hasTouch: true,
  javaScriptEnabled: false,
  locale: "en-GB",
};
const desktopWithoutScript = {
  viewport: { width: 1280, height: 900 },
  javaScriptEnabled: false,
  locale: "en-IE",
};

/** The first hour written in a text, on 24 hours ("4:30–4:50 pm GMT+1", "18.30–18.50 UTC+3"). */
function firstHour(text: string): number {
  const match = text.match(/(\d{1,2})[:.](\d{2})/);
  if (!match) throw new Error(`no time in "${text}"`);
  const hour = Number(match[1]);
  return /\bpm\b/i.test(text) && hour < 12 ? hour + 12 : hour;
}

describe.skipIf(!hasChromium)(
  "issue 12's journey: a Cork bakery finds a Tampere distributor",
  () => {
    let app: TestApp;
    let browser: Browser;

    beforeAll(async () => {
      [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    });
    afterAll(async () => {
      await browser?.close();
      await app?.close();
    });

    const rows = <T>(query: string) => app.server.queryRows<T>(app.server.rawSql(query));

    it("goes from an opportunity to matches, an introduction, a partnering day and a story", async () => {
      const failures: string[] = [];
      const check = async (page: Page, label: string) => {
        failures.push(...(await pageProblems(page, label)));
      };

      // The people, their organisations, their network and its event: builders, not the point.
      const cork = await app.createUser({
        displayName: "Aoife Byrne",
        password,
        locale: "en",
        country: "IE",
        timeZone: "Europe/Dublin",
        languages: [{ code: "en", level: "native" }],
      });
      const tampere = await app.createUser({
        displayName: "Eveliina Koskinen",
        password,
        locale: "fi",
        country: "FI",
        timeZone: "Europe/Helsinki",
        languages: [
          { code: "fi", level: "native" },
          { code: "en", level: "C1" },
        ],
      });
      const facilitator = await app.createUser({
        displayName: "Katerina Papadaki",
        password,
        country: "GR",
        timeZone: "Europe/Athens",
        isFacilitator: true,
      });
      await app.createOrganisation({
        name: "Rebel Crumb Bakery",
        country: "IE",
        naceDivision: "10",
        members: [{ userId: cork.id, role: "admin" }],
      });
      await app.createOrganisation({
        name: "Pirkan Herkkutukku Oy",
        country: "FI",
        naceDivision: "46",
        members: [{ userId: tampere.id, role: "admin" }],
      });
      const network = await app.server.createNetwork({
        name: "Food makers across Europe",
        facilitators: [facilitator.id],
        members: [cork.id, tampere.id],
      });
      const organiser = new TestClient(app.url);
      await organiser.signIn(facilitator.email, password);
      const created = await organiser.post(`/networks/${network.id}/events/new`, eventForm());
      expect(created.status).toBe(302);
      const eventPath = created.headers.get("location") ?? "";
      const eventId = eventPath.split("/").at(-1) ?? "";
      for (const person of [cork, tampere]) {
        const client = new TestClient(app.url);
        await client.signIn(person.email, password);
        const going = await client.post(eventPath, { intent: "rsvp", answer: "going" });
        expect(going.status).toBe(302);
      }

      const corkView = await openPage(browser, desktopWithoutScript);
      const tampereView = await openPage(browser, phone);
      const facilitatorView = await openPage(browser, { viewport: { width: 1280, height: 900 } });
      const corkPage = corkView.page;
      const tamperePage = tampereView.page;
      const facilitatorPage = facilitatorView.page;
      await signInWithForm(corkPage, app.url, cork.email, password);
      await signInWithForm(tamperePage, app.url, tampere.email, password);
      await signInWithForm(facilitatorPage, app.url, facilitator.email, password);

      // 1. Cork publishes the opportunity through the form, in English; it waits for review.
      await corkPage.goto(`${app.url}/partnering`);
      await check(corkPage, "/partnering (Cork)");
      await corkPage
        .getByRole("link", { name: en("partnering.newHeading") })
        .first()
        .click();
      await corkPage.waitForURL(/\/partnering\/new$/);
      await check(corkPage, "/partnering/new");
      await corkPage.getByLabel(en("partnering.kind.request")).check();
      await corkPage.getByLabel(en("partnering.area.business")).check();
      await corkPage.getByLabel(en("partnering.partnership.distribution")).check();
      await corkPage.getByLabel(en("partnering.titleLabel")).fill(title);
      await corkPage
        .getByLabel(en("partnering.summaryLabel"))
        .fill("A four-person bakery in Cork seeks a food wholesaler selling to cafés in Finland.");
      await corkPage
        .getByLabel(en("partnering.descriptionLabel"))
        .fill(
          "Farmhouse cheese and soda-bread mixes, labelled in Finnish, one chilled pallet a month.",
        );
      await corkPage.getByLabel(en("partnering.sectorLabel")).selectOption("10");
      await corkPage.locator('input[name="targetCountries"][value="FI"]').check();
      await corkPage.locator('input[name="languages"][value="en"]').check();
      await corkPage
        .getByLabel(en("partnering.seeksLabel"))
        .fill("A distributor who knows the import rules and would begin with one trial pallet.");
      await corkPage.getByRole("button", { name: en("partnering.sendForReview") }).click();
      await corkPage.waitForURL(/\/partnering\/[0-9a-f-]{36}$/);
      const opportunityPath = new URL(corkPage.url()).pathname;
      const opportunityId = opportunityPath.split("/").at(-1) ?? "";
      await check(corkPage, "/partnering/:id (submitted, Cork)");

      // 2. A facilitator approves it from the review queue.
      await facilitatorPage.goto(`${app.url}/partnering/review`);
      await check(facilitatorPage, "/partnering/review");
      const card = facilitatorPage.locator("li", { hasText: title });
      await card.getByRole("button", { name: en("partnering.approve") }).click();
      // Back on the queue, which no longer holds it.
      await card.waitFor({ state: "detached" });
      const [published] = await rows<{ status: string }>(
        `select status from opportunities where id = '${opportunityId}'`,
      );
      expect(published.status).toBe("published");

      // 3. Tampere finds it among their matches, the reasons in Finnish, on a phone without script.
      await tamperePage.goto(`${app.url}/partnering/matches`);
      await check(tamperePage, "/partnering/matches (Tampere, 360 px)");
      const match = tamperePage.locator("li.card", { hasText: title });
      expect(await match.count()).toBe(1);
      const reasons = (await match.textContent()) ?? "";
      expect(reasons).toContain(fi("matches.reason.theySeekYourCountry", { country: "Suomi" }));
      expect(reasons).toContain(fi("matches.why"));
      // The English title on a Finnish page says which language it is in (WCAG 3.1.2).
      expect(await match.locator("h2").getAttribute("lang")).toBe("en");
      await match.getByRole("link", { name: title }).click();
      await tamperePage.waitForURL((url) => url.pathname === opportunityPath);
      await check(tamperePage, "/partnering/:id (Tampere, 360 px)");

      // 4. Expresses interest; a second submission from a form opened before is refused (409).
      const earlier = await tampereView.context.newPage();
      await earlier.goto(`${app.url}${opportunityPath}/interest`);
      await tamperePage.getByRole("link", { name: fi("partnering.expressInterest") }).click();
      await tamperePage.waitForURL((url) => url.pathname === `${opportunityPath}/interest`);
      await check(tamperePage, "/partnering/:id/interest (Tampere, 360 px)");
      await tamperePage
        .getByLabel(fi("interests.message"))
        .fill(
          "Myymme kahviloihin ja herkkukauppoihin Pirkanmaalla; irlantilainen juusto kiinnostaa.",
        );
      await tamperePage.getByRole("button", { name: fi("interests.submit") }).click();
      await tamperePage.waitForURL(/\/interest\?sent=1$/);
      await tamperePage.getByText(fi("interests.sent")).waitFor();
      await check(tamperePage, "/partnering/:id/interest sent");
      await earlier.getByLabel(fi("interests.message")).fill("Toinen kerta samalla lomakkeella.");
      const [refused] = await Promise.all([
        earlier.waitForResponse((r) => r.request().method() === "POST"),
        earlier.getByRole("button", { name: fi("interests.submit") }).click(),
      ]);
      expect(refused.status()).toBe(409);
      await earlier.waitForLoadState("load");
      await earlier.getByText(fi("interests.alreadyInterested")).waitFor();
      // axe needs a page with JavaScript (pageProblems reloads a script-less page's address,
      // which would be the form, checked above): the refusal is checked for keys and width.
      const keys = await untranslatedKeys(earlier);
      if (keys.length) failures.push(`untranslated keys on the 409 page: ${keys.join(", ")}`);
      const overflow = await horizontalOverflow(earlier);
      if (overflow.scrollWidth > 360) failures.push(`the 409 page is wider than 360 px`);
      await earlier.close();
      const interests = await rows<{ id: string; status: string }>(
        `select id, status from opportunity_interests where opportunity_id = '${opportunityId}'`,
      );
      expect(interests).toHaveLength(1);
      const interestId = interests[0].id;

      // 5. Cork accepts, without JavaScript; the introduction opens.
      await corkPage.goto(`${app.url}${opportunityPath}`);
      await corkPage.locator(`a[href="${opportunityPath}/interests"]`).click();
      await corkPage.waitForURL((url) => url.pathname === `${opportunityPath}/interests`);
      await check(corkPage, "/partnering/:id/interests (Cork)");
      await corkPage.getByRole("button", { name: en("interests.accept") }).click();
      await corkPage.waitForURL(
        (url) => url.pathname === `/partnering/introductions/${interestId}`,
      );
      await check(corkPage, "/partnering/introductions/:id (Cork)");

      // 6. Both read the conversation the acceptance opened.
      for (const [page, who] of [
        [corkPage, "Cork"],
        [tamperePage, "Tampere"],
      ] as const) {
        await page.goto(`${app.url}/partnering/introductions`);
        await check(page, `/partnering/introductions (${who})`);
        await page.locator(`a[href="/partnering/introductions/${interestId}"]`).first().click();
        await page.waitForURL((url) => url.pathname === `/partnering/introductions/${interestId}`);
        await check(page, `/partnering/introductions/:id (${who})`);
        await page.locator('a[href^="/conversations/"]').first().click();
        await page.waitForURL(/\/conversations\/[0-9a-f-]{36}$/);
        expect(await page.locator("main").textContent()).toContain(title);
      }

      // 7. The event's facilitator sets up its partnering day from the event page.
      await facilitatorPage.goto(`${app.url}${eventPath}`);
      await facilitatorPage.getByRole("link", { name: en("partneringDay.setup") }).click();
      await facilitatorPage.waitForURL(
        (url) => url.pathname === `/events/${eventId}/partnering/setup`,
      );
      await check(facilitatorPage, "/events/:id/partnering/setup");
      // The event's own times (18:30–20:30 in Athens) are the default.
      await facilitatorPage.getByRole("button", { name: en("partneringDay.saveSetup") }).click();
      await facilitatorPage.waitForURL((url) => url.pathname === `/events/${eventId}/partnering`);
      await check(facilitatorPage, "/events/:id/partnering (organiser)");

      // 8. Both find it from the event page and take part, with their organisation and slots.
      const joins = [
        [corkPage, en, "Rebel Crumb Bakery", "Cork"],
        [tamperePage, fi, "Pirkan Herkkutukku Oy", "Tampere"],
      ] as const;
      for (const [page, t, organisation, who] of joins) {
        await page.goto(`${app.url}${eventPath}`);
        await page.getByRole("link", { name: t("partneringDay.open") }).click();
        await page.waitForURL((url) => url.pathname === `/events/${eventId}/partnering`);
        await check(page, `/events/:id/partnering (${who})`);
        await page.getByLabel(t("partneringDay.seeks")).fill("Partners in food across borders");
        await page
          .getByLabel(t("partneringDay.organisation"))
          .selectOption({ label: organisation });
        const slots = page.locator('input[name="slots"]');
        for (let i = 0; i < 3; i++) await slots.nth(i).check();
        await page.getByRole("button", { name: t("partneringDay.join") }).click();
        await page.waitForURL((url) => url.pathname === `/events/${eventId}/partnering`);
      }

      // 9. Tampere books the first slot both are free for with Cork.
      await check(tamperePage, "/events/:id/partnering joined (Tampere)");
      const corkEntry = tamperePage.locator("li.card", { hasText: "Aoife Byrne" });
      await corkEntry.getByRole("button", { name: fi("partneringDay.book") }).click();
      await tamperePage.waitForURL(
        (url) => url.pathname === `/events/${eventId}/partnering/agenda`,
      );
      await check(tamperePage, "/events/:id/partnering/agenda (Tampere)");

      // 10. Each agenda shows the meeting in its reader's zone: two hours apart, the zones named.
      const tampereAgenda = (await tamperePage.locator("main").textContent()) ?? "";
      await corkPage.goto(`${app.url}/events/${eventId}/partnering/agenda`);
      await check(corkPage, "/events/:id/partnering/agenda (Cork)");
      const corkAgenda = (await corkPage.locator("main").textContent()) ?? "";
      expect(tampereAgenda).toContain("Aoife Byrne");
      expect(corkAgenda).toContain("Eveliina Koskinen");
      expect(tampereAgenda).toContain("Europe/Helsinki");
      expect(corkAgenda).toContain("Europe/Dublin");
      const tampereTime =
        (await tamperePage.locator("main li.card h2").first().textContent()) ?? "";
      const corkTime = (await corkPage.locator("main li.card h2").first().textContent()) ?? "";
      // 18:30 in Athens is 18:30 in Helsinki and 16:30 in Dublin (both summer time in June).
      expect(firstHour(tampereTime) - firstHour(corkTime), `${tampereTime} / ${corkTime}`).toBe(2);

      // 11. The partnership becomes active; Cork writes its story, Tampere approves it.
      const introPath = `/partnering/introductions/${interestId}`;
      await corkPage.goto(`${app.url}${introPath}`);
      // The introduction offers a meeting with the other person.
      const propose = corkPage.getByRole("link", { name: en("introductions.proposeMeeting") });
      expect(await propose.getAttribute("href")).toBe(
        `/meetings/new?with=${tampere.id}&interest=${interestId}`,
      );
      await propose.click();
      await corkPage.waitForURL((url) => url.pathname === "/meetings/new");
      await check(corkPage, "/meetings/new (Cork)");
      await corkPage.goto(`${app.url}${introPath}`);
      await corkPage.getByLabel(en("introductions.moveTo")).selectOption("active");
      await corkPage
        .getByLabel(en("introductions.outcome"))
        .fill("First trial pallet sold out in Tampere.");
      await corkPage.getByRole("button", { name: en("introductions.move") }).click();
      await corkPage.waitForLoadState("load");
      await corkPage.getByLabel(en("stories.title")).fill("Irish cheese in Tampere cafés");
      await corkPage
        .getByLabel(en("stories.body"))
        .fill(
          "We met at the partnering day, sent a trial pallet in July and now ship every month to twelve cafés in Pirkanmaa.",
        );
      await corkPage.getByRole("button", { name: en("stories.save") }).click();
      await corkPage.waitForLoadState("load");
      await check(corkPage, "/partnering/introductions/:id with a story (Cork)");

      await tamperePage.goto(`${app.url}${introPath}`);
      await check(tamperePage, "/partnering/introductions/:id active (Tampere)");
      await tamperePage.getByRole("button", { name: fi("stories.approve") }).click();
      await tamperePage.waitForLoadState("load");

      // 12. The story shows on the opportunity page, for both.
      for (const [page, who] of [
        [tamperePage, "Tampere"],
        [corkPage, "Cork"],
      ] as const) {
        await page.goto(`${app.url}${opportunityPath}`);
        await page.getByRole("heading", { name: "Irish cheese in Tampere cafés" }).waitFor();
        await check(page, `/partnering/:id with its story (${who})`);
      }
      await corkPage.goto(`${app.url}/partnering/mine`);
      await check(corkPage, "/partnering/mine (Cork)");
      await tamperePage.goto(`${app.url}/meetings`);
      await check(tamperePage, "/meetings (Tampere)");
      const [stage] = await rows<{ stage: string }>(
        `select stage from opportunity_interests where id = '${interestId}'`,
      );
      expect(stage.stage).toBe("active");

      expect(failures, failures.join("\n\n")).toEqual([]);
      expect(corkView.problems).toEqual([]);
      expect(tampereView.problems).toEqual([]);
      expect(facilitatorView.problems).toEqual([]);
      await corkView.context.close();
      await tampereView.context.close();
      await facilitatorView.context.close();
    }, 300_000);
  },
);
