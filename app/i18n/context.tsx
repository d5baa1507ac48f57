import { createContext, type ReactNode, useContext, useMemo } from "react";
import { createTranslator, type Locale, type Messages, type Translate } from "./i18n";

type I18n = { locale: Locale; t: Translate };
// Only when the root itself fails (no catalogue loaded): plain English for the error page.
const fallback: Record<string, string> = {
  "errors.unexpected": "Something went wrong on our side. Please try again.",
  "errors.notFound": "We could not find that page.",
  "errors.backHome": "Go to the home page",
};
const I18nContext = createContext<I18n>({
  locale: "en",
  t: (key, values) =>
    key === "errors.status" ? `Error ${values?.status}` : (fallback[key] ?? key),
});

/** Provides the page's locale and translator to every component below it. */
export function I18nProvider(props: { locale: Locale; messages: Messages; children: ReactNode }) {
  const { locale, messages, children } = props;
  const value = useMemo(
    () => ({ locale, t: createTranslator(locale, messages) }),
    [locale, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

/** The translator and locale of the current page. */
export function useI18n(): I18n {
  return useContext(I18nContext);
}
