import type { Locale } from "~/i18n/i18n";
import type { Auth } from "~/lib/context";

/** The page language: the account's choice when signed in, else the cookie or browser's. */
export function resolveLocale(auth: Auth, requestLocale: Locale): Locale {
  return auth?.user.locale ?? requestLocale;
}
