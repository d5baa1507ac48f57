/** Date and time in the page's locale ("26 Nov 2026, 19:57"). */
export function formatDateTime(iso: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(new Date(iso));
}

/** A date in the page's locale. */
export function formatDate(iso: string | Date, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(iso),
  );
}

/** A number in the page's locale (1 234 / 1.234 / 1,234). */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
