import type { Logger } from "pino";
import type { Locale } from "~/i18n/i18n";

/** The signed-in person as every page sees them (nothing secret). */
export type CurrentUser = {
  id: string;
  email: string;
  emailVerified: boolean;
  displayName: string;
  role: "owner" | "educator";
  isFacilitator: boolean;
  isAdmin: boolean;
  locale: Locale;
  /** IANA zone every time is shown in. */
  timeZone: string;
  onboarded: boolean;
  photoKey: string | null;
};

export type Auth = { user: CurrentUser; sessionId: string } | null;

declare module "react-router" {
  interface AppLoadContext {
    requestId: string;
    /** CSP nonce for this response's inline scripts. */
    nonce: string;
    /** Token every state-changing form must send back (field `_csrf`). */
    csrfToken: string;
    /**
     * The submitted form (urlencoded or multipart), parsed once at the edge while the body
     * streamed in; files are on disk. Read it with readForm(). Undefined for other requests.
     */
    submittedForm?: FormData;
    ip: string;
    log: Logger;
    /** Locale from the language cookie or Accept-Language; the account's locale wins in loaders. */
    requestLocale: Locale;
    /**
     * True when the answer is a whole document (not a `.data` request of client navigation):
     * HTML already in the page can then be left out of the hydration data (PageHtml).
     */
    documentRequest: boolean;
    /** The session and user behind the request's cookie, looked up once per request. */
    auth(): Promise<Auth>;
  }
}
