import { chromium } from "playwright-core";
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const base = "http://127.0.0.1:3205";
for (const width of [360, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/signin`);
  await page.fill('input[name="email"]', "declan.murphy@demo.synergy.test");
  await page.fill('input[name="password"]', "synergy-demo-2026");
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
  await page.goto(`${base}/settings/account`);
  if (width === 360) {
    await page.click('button[value="export"], form:has(input[value="export"]) button');
    await page.waitForLoadState();
    await page.locator("#data-heading").scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/export-progress-${width}.png` });
    await page.waitForTimeout(7000);
    await page.goto(`${base}/settings/account`);
  }
  await page.locator("#data-heading").scrollIntoViewIfNeeded();
  await page.locator("details summary").last().click();
  await page.screenshot({ path: `/tmp/export-settings-${width}.png`, fullPage: width === 1280 });
  // Wrong password, to see the error.
  await page.fill("#f-delete-password", "wrong password here");
  await Promise.all([page.waitForNavigation(), page.click('form:has(input[value="delete-account"]) button')]);
  await page.locator("#delete-heading").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `/tmp/export-delete-error-${width}.png` });
  await context.close();
}
await browser.close();
