import { createContext, type ReactNode, useContext, useMemo } from "react";
import { createTranslator, type Locale, type Messages, type Translate } from "./i18n";

/** The page's language, translator and the viewer's IANA time zone (from the root loader). */
type I18n = { locale: Locale; t: Translate; timeZone: string };
// Only when the root itself fails (no catalogue loaded): plain English for the error page.
const fallback: Record<string, string> = {
  "errors.unexpected": "Something went wrong on our side. Please try again.",
  "errors.notFound": "We could not find that page.",
  "errors.backHome": "Go to the home page",
  "errors.pageTitle.404": "Page not found",
  "errors.pageTitle.500": "Something went wrong",
  "errors.next.404": "Check the address, or start again from the home page.",
  "errors.next.500": "Try again in a few minutes.",
};
const I18nContext = createContext<I18n>({
  locale: "en",
  timeZone: "UTC",
  t: (key) => fallback[key] ?? key,
});

/** Provides the page's locale, translator and time zone to every component below it. */
export function I18nProvider(props: {
  locale: Locale;
  messages: Messages;
  timeZone: string;
  children: ReactNode;
}) {
  const { locale, messages, timeZone, children } = props;
  const value = useMemo(
    () => ({ locale, timeZone, t: createTranslator(locale, messages) }),
    [locale, messages, timeZone],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator, locale and viewer's time zone of the current page. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
