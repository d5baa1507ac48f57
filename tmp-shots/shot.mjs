import { chromium } from "playwright-core";
const base = "http://localhost:3201";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const wide = Number(process.env.WIDE ?? 1280);
const [who, ...paths] = process.argv.slice(2);
for (const width of [360, wide]) {
  const ctx = await browser.newContext({ viewport: { width, height: 800 } });
  const page = await ctx.newPage();
  if (who !== "anon") {
    await page.goto(base + "/signin");
    await page.fill('input[name="email"]', who);
    await page.fill('input[name="password"]', "synergy-demo-2026");
    await page.locator('form[action="/signin"] button[type="submit"]').click();
    await page.waitForURL((u) => !u.pathname.startsWith("/signin"));
  }
  for (const [i, p] of paths.entries()) {
    let path = p, open = false;
    if (p.endsWith("!menu")) { path = p.slice(0, -5); open = true; }
    await page.goto(base + path);
    if (open && width < 1000) await page.locator("details.site-menu > summary").click();
    const h = await page.evaluate(() => document.documentElement.scrollHeight);
    const headerH = await page.evaluate(() => document.querySelector(".site-header")?.getBoundingClientRect().height);
    console.log(width, path, "page height", h, "header", headerH, page.url());
    await page.screenshot({ path: `/tmp/phone-${i}-${width}${open ? "-menu" : ""}.png`, fullPage: false });
  }
  await ctx.close();
}
await browser.close();
