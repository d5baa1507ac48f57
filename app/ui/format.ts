/**
 * The one place where instants become text: every function takes the instant, the viewer's
 * locale and the viewer's IANA time zone. Pages get the zone from the root loader's data (the
 * account's zone, else the browser's cookie, else UTC), never from the browser while rendering,
 * so that the server and the browser render the same string.
 */

export type Instant = string | number | Date;

/** How a formatted time names its zone: a short name ("EET", "GMT+2"), the IANA name, or not. */
export type ZoneLabel = "short" | "id" | "none";

// Intl formatters are costly to create; each is made once per language, zone and style.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

function dateTimeFormatter(
  locale: string,
  timeZone: string,
  style: "datetime" | "time",
  zone: "short" | "none",
): Intl.DateTimeFormat {
  return cached(
    `${style}:${zone}:${locale}:${timeZone}`,
    () =>
      new Intl.DateTimeFormat(locale, {
        ...(style === "datetime" ? { year: "numeric", month: "short", day: "numeric" } : {}),
        hour: "numeric",
        minute: "2-digit",
        ...(zone === "short" ? { timeZoneName: "short" } : {}),
        timeZone,
      }),
  );
}

function withZone(text: string, timeZone: string, zone: ZoneLabel): string {
  return zone === "id" ? `${text} (${timeZone})` : text;
}

/**
 * Date and time in the viewer's zone and language, the zone named: "30 Nov 2026, 07:49 EET"
 * (en-GB), "30. Nov. 2026, 07:49 OEZ" (de); with zone "id": "30 Nov 2026, 07:49 (Europe/Athens)",
 * as emails say it.
 */
export function formatDateTime(
  instant: Instant,
  locale: string,
  timeZone: string,
  zone: ZoneLabel = "short",
): string {
  return formatZoned("datetime", instant, locale, timeZone, zone);
}

/** A time of day in the viewer's zone, the zone named: "07:49 EET". */
export function formatTime(
  instant: Instant,
  locale: string,
  timeZone: string,
  zone: ZoneLabel = "short",
): string {
  return formatZoned("time", instant, locale, timeZone, zone);
}

function formatZoned(
  what: "datetime" | "time",
  instant: Instant,
  locale: string,
  timeZone: string,
  zone: ZoneLabel,
): string {
  const formatter = dateTimeFormatter(locale, timeZone, what, zone === "short" ? "short" : "none");
  return withZone(formatter.format(new Date(instant)), timeZone, zone);
}

/** The calendar date of an instant in the viewer's zone: "30 November 2026". */
export function formatDate(instant: Instant, locale: string, timeZone: string): string {
  return cached(
    `d:${locale}:${timeZone}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }),
  ).format(new Date(instant));
}

/**
 * A zone for people to recognise in a list: "Athens (UTC+02:00)" at the given instant, so that
 * the select of zones reads the same on the server and in the browser.
 */
export function formatTimeZoneOption(timeZone: string, at: Instant): string {
  const city = timeZone.slice(timeZone.indexOf("/") + 1).replaceAll("_", " ");
  const offset = cached(
    `z:${timeZone}`,
    () => new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" }),
  )
    .formatToParts(new Date(at))
    .find((p) => p.type === "timeZoneName")?.value;
  // ICU writes a zero offset as a bare "GMT".
  const utc = !offset || offset === "GMT" ? "UTC+00:00" : offset.replace("GMT", "UTC");
  return timeZone === "UTC" ? "UTC" : `${city} (${utc})`;
}

/** A number in the page's locale (1 234 / 1.234 / 1,234). */
export function formatNumber(value: number, locale: string): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
