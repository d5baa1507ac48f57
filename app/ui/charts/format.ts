/**
 * Numbers and months in the reader's language for the charts. Intl formatters are costly to
 * make, so each is made once per language and style.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(
  value: number,
  locale: string,
  options: Intl.NumberFormatOptions = {},
): string {
  const key = `${locale}:${JSON.stringify(options)}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** "2026-03" or "2026-03-14" → "Mar 2026" / "14 Mar 2026" in the reader's language (UTC). */
export function formatChartDate(date: string, locale: string): string {
  const isMonth = /^\d{4}-\d{2}$/.test(date);
  const key = `${locale}:${isMonth}`;
  let format = monthFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      year: "numeric",
      month: "short",
      ...(isMonth ? {} : { day: "numeric" }),
      timeZone: "UTC",
    });
    monthFormats.set(key, format);
  }
  const instant = new Date(isMonth ? `${date}-01T00:00:00Z` : `${date}T00:00:00Z`);
  return Number.isNaN(instant.getTime()) ? date : format.format(instant);
}

/** A round step for 3–6 axis ticks between 0 and `max`. */
export function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0];
  const rough = max / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? power * 10;
  const ticks: number[] = [];
  for (let v = 0; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}
