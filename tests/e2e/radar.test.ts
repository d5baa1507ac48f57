/**
 * The needs radar in Chromium: at 360 px, in English and in Greek, light and dark, without
 * JavaScript too: axe-core finds nothing, no catalogue key shows, nothing sticks out sideways, and
 * the charts and their tables are there.
 */
import { randomUUID } from "node:crypto";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
} from "../setup/browser";

const password = "a long and private passphrase";

describe.skipIf(!hasChromium)("the needs radar in a browser", () => {
  let app: TestApp;
  let browser: Browser;
  const educators: Record<"en" | "el", string> = { en: "", el: "" };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    for (const locale of ["en", "el"] as const) {
      const user = await app.createUser({ role: "educator", password, locale });
      educators[locale] = user.email;
    }
    // Needs over three topics and three countries, some of them answered by an offer.
    const topics = ["topic:online-shop", "topic:website-building", "topic:digital-basics"];
    const countries = ["GR", "IE", "FI"];
    const ids: string[] = [];
    for (let i = 0; i < 27; i++) {
      const owner = await app.createUser({ role: "owner", country: countries[i % 3] });
      const id = randomUUID();
      ids.push(id);
      await app.server.queryRows(
        app.server.rawSql(`insert into needs (id, owner_id, topic, urgency, formats, languages,
          country, region, nace_section, nace_division, created_at)
          values ('${id}', '${owner.id}', '${topics[Math.floor(i / 9)]}',
            '${["month", "quarter", "year"][i % 3]}', array['online_live'],
            array['${i % 2 ? "el" : "en"}'], '${countries[i % 3]}', 'Region ${i % 3}', 'C', '10',
            now() - interval '${i * 9} days')`),
      );
    }
    const educator = await app.createUser({ role: "educator" });
    const offer = randomUUID();
    await app.server.queryRows(
      app.server.rawSql(`insert into offers (id, created_by, title, formats, languages, on_demand)
        values ('${offer}', '${educator.id}', 'Shop course', array['online_live'], array['en'], true)`),
    );
    await app.server.queryRows(
      app.server.rawSql(
        `insert into offer_topics (offer_id, topic) values ('${offer}', 'topic:online-shop')`,
      ),
    );
    await app.server.refreshNeeds(app.server.getDatabase().db, { needIds: ids });
    await app.server.runNeedsDaily();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  for (const locale of ["en", "el"] as const) {
    for (const javaScriptEnabled of [true, false]) {
      it(`passes axe at 360 px in ${locale}${javaScriptEnabled ? "" : " without JavaScript"}`, async () => {
        const { context, page, problems } = await openPage(browser, {
          viewport: { width: 360, height: 740 },
          javaScriptEnabled,
        });
        try {
          await signInWithForm(page, app.url, educators[locale], password);
          await page.goto(`${app.url}/radar?period=all`, { waitUntil: "networkidle" });
          expect(await page.locator("svg[role=img]").count()).toBeGreaterThanOrEqual(3);
          expect(await page.locator("table").count()).toBeGreaterThanOrEqual(4);
          expect(await pageProblems(page, `/radar ${locale}`)).toEqual([]);
          // The filters work as a plain form.
          await page.selectOption("#f-country", "GR");
          await page.locator("form.filters button[type=submit]").click();
          await page.waitForURL(/country=GR/);
          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }
});
