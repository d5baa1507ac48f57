import { createContext, type ReactNode, useContext, useMemo } from "react";
import { createTranslator, type Locale, type Messages, type Translate } from "./i18n";

type I18n = { locale: Locale; t: Translate };
const I18nContext = createContext<I18n>({ locale: "en", t: (key) => key });

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
