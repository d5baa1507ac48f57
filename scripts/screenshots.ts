/**
 * Screenshots of the key pages for the README, at 360 px (a phone) and 1280 px (a laptop), from
 * a running demo server (seeded with the demo; see README "Try it"):
 *
 *   npm run screenshots -- http://localhost:3000
 *
 * Writes docs/screenshots/<page>-<width>.jpg: the first screenful of each page (JPEG, so each
 * stays well under 150 KB). Uses Debian's Chromium (CHROMIUM_PATH to override), never a download.
 */
import fs from "node:fs";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";

const base = (process.argv[2] ?? process.env.BASE_URL ?? "http://localhost:3000").replace(
  /\/$/,
  "",
);
const outDir = path.resolve("docs/screenshots");
const password = "synergy-demo-2026";
const widths = [
  { name: "360", width: 360, height: 760 },
  { name: "1280", width: 1280, height: 800 },
] as const;

/** The pages, each as who looks at it and how to get there (some ids are found by clicking). */
const shots: {
  name: string;
  as: string | null;
  go: (page: Page) => Promise<void>;
  /** Scroll this into view first (the part of the page worth showing), always or on phones. */
  scrollTo?: string;
  phoneScrollTo?: string;
}[] = [
  { name: "home", as: "aoife.byrne@demo.synergy.test", go: (p) => visit(p, "/") },
  {
    name: "network",
    as: "aoife.byrne@demo.synergy.test",
    go: async (p) => {
      await visit(p, "/");
      await visit(p, await hrefOf(p, "main .network-list a"));
    },
  },
  {
    name: "discussion",
    as: "aoife.byrne@demo.synergy.test",
    go: async (p) => {
      await visit(p, "/");
      const network = await hrefOf(p, "main .network-list a");
      await visit(p, `${network}/topics`);
      await visit(p, await hrefOf(p, `main a[href^="${network}/topics/"]`));
    },
    scrollTo: "main article",
  },
  { name: "signup", as: null, go: (p) => visit(p, "/signup") },
  // Onboarding's last step: networks to join and, for owners, "tell us what you want to learn".
  {
    name: "welcome",
    as: "aoife.byrne@demo.synergy.test",
    go: (p) => visit(p, "/onboarding/welcome"),
  },
  {
    name: "admin-users",
    as: "admin@demo.synergy.test",
    go: (p) => visit(p, "/admin/users"),
    phoneScrollTo: "main table",
  },
];

async function visit(page: Page, url: string) {
  const response = await page.goto(url.startsWith("http") ? url : `${base}${url}`, {
    waitUntil: "load",
  });
  if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
}

async function hrefOf(page: Page, selector: string): Promise<string> {
  const href = await page.locator(selector).first().getAttribute("href");
  if (!href) throw new Error(`No link ${selector} on ${page.url()}`);
  return href;
}

async function signIn(page: Page, email: string) {
  await visit(page, "/signin");
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await Promise.all([
    page.waitForURL((u) => !u.pathname.startsWith("/signin")),
    page.click('main button[type="submit"]'),
  ]);
}

async function main() {
  fs.mkdirSync(outDir, { recursive: true });
  const browser: Browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    for (const size of widths) {
      const sessions = new Map<string | null, Page>();
      for (const shot of shots) {
        let page = sessions.get(shot.as);
        if (!page) {
          const context = await browser.newContext({
            viewport: { width: size.width, height: size.height },
            locale: "en-IE",
            colorScheme: "light",
            reducedMotion: "reduce",
          });
          page = await context.newPage();
          if (shot.as) await signIn(page, shot.as);
          sessions.set(shot.as, page);
        }
        await shot.go(page);
        const scrollTo = shot.scrollTo ?? (size.width < 640 ? shot.phoneScrollTo : undefined);
        if (scrollTo) {
          await page
            .locator(scrollTo)
            .first()
            .evaluate((element) => element.scrollIntoView());
          await page.evaluate(() => window.scrollBy(0, -16));
        }
        const file = path.join(outDir, `${shot.name}-${size.name}.jpg`);
        await page.screenshot({ path: file, type: "jpeg", quality: 72 });
        console.log(
          `${path.relative(process.cwd(), file)} ${Math.round(fs.statSync(file).size / 1024)} KB`,
        );
      }
    }
  } finally {
    await browser.close();
  }
}

await main();
