// Intl formatters are costly to create; each is made once per language and reused.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Date and time in the page's locale ("26 Nov 2026, 19:57"). */
export function formatDateTime(iso: string | Date, locale: string): string {
  return cached(
    `dt:${locale}`,
    () =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }),
  ).format(new Date(iso));
}

/** A date in the page's locale. */
export function formatDate(iso: string | Date, locale: string): string {
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }),
  ).format(new Date(iso));
}

/** A number in the page's locale (1 234 / 1.234 / 1,234). */
export function formatNumber(value: number, locale: string): string {
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}
