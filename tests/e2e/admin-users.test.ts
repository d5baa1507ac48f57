/**
 * The admin users page in a browser: at 640 px (a 1280 px window at 200 % zoom) and 360 px the
 * table reflows into one card per person without sideways scrolling (WCAG 1.4.10), the action
 * menu opens and works without JavaScript, and axe finds nothing in light or dark.
 */
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../setup/app";
import {
  hasChromium,
  horizontalOverflow,
  launchBrowser,
  openPage,
  pageProblems,
  signInWithForm,
  translatorFor,
} from "../setup/browser";

const en = translatorFor("en");
const password = "a long and private passphrase";

describe.skipIf(!hasChromium)("admin users page", () => {
  let app: TestApp;
  let browser: Browser;
  let admin: { email: string };

  beforeAll(async () => {
    [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
    admin = await app.createUser({ displayName: "Ada Admin", password, isAdmin: true });
    await app.createUser({
      displayName: "Wilhelmina Longname-Featherstonehaugh",
      email: "wilhelmina.longname-featherstonehaugh@a-rather-long-domain.example.org",
      role: "educator",
    });
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it("reflows at 640 and 360 px, and its menu grants a role without JavaScript", async () => {
    const failures: string[] = [];
    for (const width of [640, 360]) {
      const { context, page, problems } = await openPage(browser, {
        viewport: { width, height: 800 },
        javaScriptEnabled: false,
      });
      await signInWithForm(page, app.url, admin.email, password);
      await page.goto(`${app.url}/admin/users?q=Wilhelmina`);
      const row = page.locator("table.reflow tbody tr").first();
      // Stacked: the row is a block, its cells one under the other, nothing sticks out.
      expect(await row.evaluate((e) => getComputedStyle(e).display)).toBe("block");
      const overflow = await horizontalOverflow(page);
      expect(overflow.scrollWidth, JSON.stringify(overflow.widest)).toBeLessThanOrEqual(width);
      await row.getByText(en("admin.actions")).click();
      // At 640 px she is not a facilitator yet; at 360 px (after the grant) she is.
      const grant = row.getByRole("button", {
        name: en(width === 640 ? "admin.grantFacilitator" : "admin.removeFacilitator"),
      });
      await expect.poll(() => grant.isVisible()).toBe(true);
      failures.push(...(await pageProblems(page, `/admin/users at ${width} px, menu open`)));
      if (width === 640) {
        await grant.click();
        await page.waitForLoadState("load");
        await expect
          .poll(() => page.getByRole("status").textContent())
          .toContain(
            en("admin.facilitatorGranted", { name: "Wilhelmina Longname-Featherstonehaugh" }),
          );
      }
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(failures).toEqual([]);
  });
});
