/**
 * Browser helpers for the end-to-end tests: Debian's Chromium driven by playwright-core (never a
 * downloaded browser), axe-core checks, screenshots and the translated strings the pages show.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type Browser, type BrowserContextOptions, chromium, type Page } from "playwright-core";
import sharp from "sharp";
import { expect } from "vitest";
import { createTranslator, type Locale, type Translate } from "~/i18n/i18n";
import de from "~/i18n/locales/de.json";
import el from "~/i18n/locales/el.json";
import en from "~/i18n/locales/en.json";
import fi from "~/i18n/locales/fi.json";
import it from "~/i18n/locales/it.json";
import ro from "~/i18n/locales/ro.json";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = fs.existsSync(chromiumPath);

if (!hasChromium) {
  console.warn(
    `Browser tests skipped: no Chromium at ${chromiumPath}; install it with apt-get install chromium or set CHROMIUM_PATH`,
  );
}

/**
 * Launches headless Chromium with everything that would reach the network switched off.
 * `extraArgs` adds switches (a fake camera playing a video file, for instance).
 */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      ...extraArgs,
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

const catalogues: Record<Locale, Record<string, string>> = { en, de, el, fi, it, ro };

/** The same t(key, values) the pages use, from the same catalogues, so tests follow the copy. */
export function translatorFor(locale: Locale): Translate {
  return createTranslator(locale, catalogues[locale]);
}

/**
 * Collects what goes wrong inside the page: uncaught exceptions, console errors (CSP violations,
 * hydration mismatches), server errors (5xx) and assets that fail to load. A 4xx answer to a page
 * or a form is the app speaking (validation errors, not found), so the browser's console line
 * about it is left out.
 */
export function watchPage(page: Page): { problems: string[] } {
  const problems: string[] = [];
  const assets = new Set(["stylesheet", "script", "image", "font", "manifest"]);
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() !== "error") return;
    if (
      /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text())
    ) {
      return;
    }
    problems.push(`console error on ${page.url()}: ${message.text()}`);
  });
  page.on("response", (response) => {
    const type = response.request().resourceType();
    if (response.status() >= 500 || (response.status() >= 400 && assets.has(type))) {
      problems.push(`HTTP ${response.status()} for ${type} ${response.url()}`);
    }
  });
  page.on("requestfailed", (request) => {
    // With JavaScript off, Chromium refuses every script load and calls it "csp"; a real CSP
    // refusal also logs a console error, which is caught above. A load the page itself abandoned
    // by moving on to the next page (net::ERR_ABORTED) says nothing about the server; a failed
    // response still shows above as its status.
    const reason = request.failure()?.errorText;
    if (assets.has(request.resourceType()) && reason !== "csp" && reason !== "net::ERR_ABORTED") {
      problems.push(
        `${request.resourceType()} failed: ${request.url()} (${request.failure()?.errorText})`,
      );
    }
  });
  return { problems };
}

/** Pages opened with JavaScript switched off, and the options they were opened with. */
const scriptlessPages = new WeakMap<Page, BrowserContextOptions>();

/** A new page in a fresh context (its own cookies), watched for errors. */
export async function openPage(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  // Fail on the step that is stuck, long before the test's own timeout.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  if (options.javaScriptEnabled === false) scriptlessPages.set(page, options);
  const { problems } = watchPage(page);
  return { context, page, problems };
}

const axeSource = fs.readFileSync(path.resolve("node_modules/axe-core/axe.min.js"), "utf8");

type AxeNode = { target: unknown[]; failureSummary?: string };
type AxeViolation = {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
};

/** The WCAG 2.2 AA rule sets the app promises to meet. */
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Runs axe-core in the page. The app's CSP (nonce + 'strict-dynamic') blocks injected inline
 * scripts, so axe is evaluated through the DevTools protocol, which CSP does not govern.
 */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === "object");
  if (!loaded) await page.evaluate(`${axeSource}\n;undefined`);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<unknown> } }).axe;
    const result = (await axe.run({ runOnly: { type: "tag", values: tags } })) as {
      violations: AxeViolation[];
    };
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, axeTags);
}

/** Readable list of violations for an assertion message. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .slice(0, 5)
        .map(
          (n) =>
            `    ${JSON.stringify(n.target)}\n      ${(n.failureSummary ?? "").replace(/\n/g, "\n      ")}`,
        )
        .join("\n");
      const more = v.nodes.length > 5 ? `\n    …and ${v.nodes.length - 5} more` : "";
      return `- ${v.id} (${v.impact}): ${v.help}\n  ${v.helpUrl}\n${nodes}${more}`;
    })
    .join("\n");
}

/**
 * axe needs timers, which never fire in a page whose JavaScript is off. So a page opened without
 * JavaScript is checked as a copy: the same URL, cookies and options, with JavaScript on for axe
 * but every script the app ships blocked, so the DOM is the server's HTML as a no-JS visitor gets.
 */
async function runAxeOnScriptlessCopy(page: Page, options: BrowserContextOptions) {
  const browser = page.context().browser();
  if (!browser) throw new Error("page has no browser");
  const copy = await browser.newContext({
    ...options,
    javaScriptEnabled: true,
    storageState: await page.context().storageState(),
  });
  try {
    await copy.route("**/*", (route) =>
      route.request().resourceType() === "script" ? route.abort() : route.continue(),
    );
    const copyPage = await copy.newPage();
    await copyPage.goto(page.url());
    return await runAxe(copyPage);
  } finally {
    await copy.close();
  }
}

/** Axe violations of the current page as one string: empty when the page passes. */
export async function accessibilityReport(page: Page, label: string): Promise<string> {
  const scriptless = scriptlessPages.get(page);
  const violations = scriptless
    ? await runAxeOnScriptlessCopy(page, scriptless)
    : await runAxe(page);
  if (violations.length === 0) return "";
  return `axe found ${violations.length} violation(s) on ${label} (${page.url()}):\n${describeViolations(violations)}`;
}

export const screenshotDir = path.resolve("test-results/screenshots");

/** Saves a full-page PNG to test-results/screenshots/<name>.png and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Writes a small solid-colour PNG to a temporary file, for photo uploads. */
export async function makePng(options: { size?: number; colour?: string } = {}): Promise<string> {
  const size = options.size ?? 64;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "synergy-png-"));
  const file = path.join(dir, "photo.png");
  await sharp({
    create: { width: size, height: size, channels: 3, background: options.colour ?? "#2a7ab0" },
  })
    .png()
    .toFile(file);
  return file;
}

/** How wide the page is, and the innermost elements that stick out past the right edge. */
export function horizontalOverflow(page: Page) {
  return page.evaluate(() => {
    const edge = document.documentElement.clientWidth;
    const sticking = [...document.querySelectorAll("body *")].filter(
      (e) => e.getBoundingClientRect().right > edge + 1,
    );
    const innermost = sticking.filter((e) => !sticking.some((o) => o !== e && e.contains(o)));
    return {
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: edge,
      widest: innermost.slice(0, 5).map((e) => {
        const tag = `${e.tagName.toLowerCase()}${e.className ? `.${String(e.className).replace(/\s+/g, ".")}` : ""}`;
        const right = Math.round(e.getBoundingClientRect().right);
        return `${tag} (to ${right} px: "${(e.textContent ?? "").trim().slice(0, 40)}")`;
      }),
    };
  });
}

/** The first segments of catalogue keys ("home", "profile", …): what a raw key starts with. */
const keyNamespaces = [...new Set(Object.keys(en).map((key) => key.split(".")[0]))];

/**
 * Catalogue keys shown instead of text (t() falls back to the key when a message is missing):
 * in visible text, accessible names and titles. "esco.ec.europa.eu" and the like are left alone.
 */
export function untranslatedKeys(page: Page): Promise<string[]> {
  return page.evaluate((namespaces) => {
    const key = new RegExp(
      `(?:^|[\\s(])((?:${namespaces.join("|")})(?:\\.[A-Za-z0-9-]+){1,2})(?=$|[\\s,:;!?)])`,
      "g",
    );
    const texts = [document.title];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      texts.push(node.textContent ?? "");
    }
    for (const element of document.querySelectorAll(
      "[aria-label], [title], [alt], [placeholder]",
    )) {
      for (const name of ["aria-label", "title", "alt", "placeholder"]) {
        texts.push(element.getAttribute(name) ?? "");
      }
    }
    const found = new Set<string>();
    for (const text of texts) for (const match of text.matchAll(key)) found.add(match[1]);
    return [...found];
  }, keyNamespaces);
}

/**
 * Visible text fields, selects and text areas shorter than `minHeight` CSS px, described by their
 * label: on a phone they are hard to tap (the app's own style gives them 44 px).
 */
export function smallFormFields(page: Page, minHeight: number): Promise<string[]> {
  return page.evaluate((min) => {
    const fields = document.querySelectorAll<HTMLElement>(
      "input:not([type=hidden]):not([type=checkbox]):not([type=radio]), select, textarea",
    );
    return [...fields]
      .filter((field) => {
        const box = field.getBoundingClientRect();
        return box.width > 0 && box.height > 0 && box.height < min;
      })
      .map((field) => {
        const label = field.id
          ? document.querySelector(`label[for="${CSS.escape(field.id)}"]`)?.textContent
          : null;
        const height = Math.round(field.getBoundingClientRect().height);
        return `${field.tagName.toLowerCase()}[name=${field.getAttribute("name")}] "${label ?? ""}" is ${height} px high`;
      });
  }, minHeight);
}

/** Signs in through the form, as a person would (works with and without JavaScript). */
export async function signInWithForm(page: Page, baseUrl: string, email: string, password: string) {
  const en = translatorFor("en");
  await page.goto(`${baseUrl}/signin`);
  await page.getByLabel(en("auth.email"), { exact: true }).fill(email);
  await page.getByLabel(en("auth.password"), { exact: true }).fill(password);
  await Promise.all([
    page.waitForURL((url) => url.pathname === "/"),
    page.getByRole("button", { name: en("signin.submit") }).click(),
  ]);
}

/** A 1280 × 800 screen zoomed to 200 % lays pages out in 640 × 400 CSS pixels. */
const zoomed200 = { width: 640, height: 400 };

/**
 * Everything a page must not have, as a list of failures (empty: the page passes): axe
 * violations in the light and the dark colour scheme, catalogue keys shown instead of text, and
 * sideways scrolling (checked at whatever width the page has; the journeys use 360 px); then the
 * same page laid out as at 200 % zoom (WCAG 1.4.4 and 1.4.10), checked again by axe and for
 * sideways scrolling, so that every page any browser test visits is checked at 200 % too.
 */
export async function pageProblems(page: Page, label: string): Promise<string[]> {
  const failures: string[] = [];
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    const report = await accessibilityReport(page, `${label} (${colorScheme})`);
    if (report) failures.push(report);
  }
  await page.emulateMedia({ colorScheme: null });
  const keys = await untranslatedKeys(page);
  if (keys.length) failures.push(`untranslated keys on ${label}: ${keys.join(", ")}`);
  const sideways = async (where: string) => {
    const overflow = await horizontalOverflow(page);
    if (overflow.scrollWidth > overflow.clientWidth) {
      failures.push(`${label} scrolls sideways ${where}: ${overflow.widest.join(", ")}`);
    }
  };
  const size = page.viewportSize();
  await sideways(`at ${size?.width ?? "the default"} px`);
  if (size && size.width !== zoomed200.width) {
    // Resizing lays the same page out again (no reload: a form's state and open menus stay).
    await page.setViewportSize(zoomed200);
    const report = await accessibilityReport(page, `${label} (200 %)`);
    if (report) failures.push(report);
    await sideways("at 200 %");
    await page.setViewportSize(size);
  }
  return failures;
}

/**
 * pageProblems() as a soft assertion: a journey reports every page that fails instead of stopping
 * at the first.
 */
export async function expectAccessible(page: Page, label: string) {
  expect.soft(await pageProblems(page, label), `problems on ${label}`).toEqual([]);
}
