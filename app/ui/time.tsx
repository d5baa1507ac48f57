import { useI18n } from "~/i18n/context";
import { formatDate, formatDateTime, type Instant } from "./format";

/**
 * An instant shown in the viewer's zone and language, inside a machine-readable <time>.
 * "datetime" names the zone ("30 Nov 2026, 07:49 EET"); "date" shows the calendar day in the
 * viewer's zone. The zone comes from the root loader, so server and browser compute the same
 * wall time; suppressHydrationWarning only covers the browser's ICU data spelling a zone or a
 * month differently from Node's (the text rendered by the server then stays).
 */
export function Time(props: { value: Instant; style?: "datetime" | "date" }) {
  const { locale, timeZone } = useI18n();
  const iso = new Date(props.value).toISOString();
  const text =
    props.style === "date"
      ? formatDate(props.value, locale, timeZone)
      : formatDateTime(props.value, locale, timeZone);
  return (
    <time dateTime={iso} suppressHydrationWarning>
      {text}
    </time>
  );
}
