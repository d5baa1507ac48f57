/**
 * A readable device for the sessions list ("Chrome on Android") from a user-agent string. Only
 * the common browsers and systems are named; anything else is left unnamed rather than guessed.
 * Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari",
 * and iOS browsers say "Safari" with their own token (CriOS, FxiOS, EdgiOS).
 */
export type Device = { browser: string | null; os: string | null };

const browsers: Array<[RegExp, string]> = [
  [/\bEdg(e|A|iOS)?\//, "Edge"],
  [/\b(OPR|Opera|OPiOS)\//, "Opera"],
  [/\bSamsungBrowser\//, "Samsung Internet"],
  [/\b(Firefox|FxiOS)\//, "Firefox"],
  [/\b(Chrome|CriOS|HeadlessChrome|Chromium)\//, "Chrome"],
  [/\bVersion\/[\d.]+.*\bSafari\//, "Safari"],
];

const systems: Array<[RegExp, string]> = [
  [/\biPhone\b/, "iPhone"],
  [/\biPad\b/, "iPad"],
  [/\bAndroid\b/, "Android"],
  [/\bWindows\b/, "Windows"],
  [/\bCrOS\b/, "ChromeOS"],
  [/\bMac OS X\b|\bMacintosh\b/, "macOS"],
  [/\bLinux\b/, "Linux"],
];

const first = (table: Array<[RegExp, string]>, ua: string) =>
  table.find(([pattern]) => pattern.test(ua))?.[1] ?? null;

/** The browser and operating system a user agent names, each null when not recognised. */
export function deviceOf(userAgent: string): Device {
  return { browser: first(browsers, userAgent), os: first(systems, userAgent) };
}
