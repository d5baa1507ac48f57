import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  type ShouldRevalidateFunction,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import "./app.css";
import { headerCounts } from "./features/accounts/header-counts.server";
import { resolveLocale } from "./features/accounts/locale.server";
import { resolveTimeZone } from "./features/accounts/time-zone.server";
import { I18nProvider } from "./i18n/context";
import { ensureMessages, messagesFor } from "./i18n/messages-store";
import { getEnv } from "./lib/env.server";
import { TIME_ZONE_COOKIE } from "./lib/time-zones";
import { AppShell } from "./ui/app-shell";
import { ErrorPage } from "./ui/error-page";
import { useNonce } from "./ui/nonce";

export async function loader({ context, request }: Route.LoaderArgs) {
  const auth = await context.auth();
  const locale = resolveLocale(auth, context.requestLocale);
  const url = new URL(request.url);
  const zone = resolveTimeZone(auth, request.headers.get("cookie"));
  return {
    locale,
    timeZone: zone.timeZone,
    /** Whether the zone is the person's or their browser's (else UTC, which the footer says). */
    timeZoneKnown: zone.known,
    csrfToken: context.csrfToken,
    uploadLimitMb: Math.floor(getEnv().UPLOAD_LIMIT_BYTES / 1_000_000),
    path: url.pathname + url.search,
    user: auth
      ? {
          id: auth.user.id,
          displayName: auth.user.displayName,
          role: auth.user.role,
          isAdmin: auth.user.isAdmin,
          isFacilitator: auth.user.isFacilitator,
          emailVerified: auth.user.emailVerified,
          onboarded: auth.user.onboarded,
          /** Unread counts for the header badges (notifications: groups, capped; messages). */
          unread: await headerCounts(auth.user.id),
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

// On client navigations the language can change (signing in, switching): load its catalogue
// before the new page renders. The first render uses the server's data (hydrate stays false).
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const data = await serverLoader();
  await ensureMessages(data.locale);
  return data;
}

// The catalogue and the signed-in person change only through form submissions.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, currentUrl, nextUrl }) =>
  formMethod !== undefined || currentUrl.pathname !== nextUrl.pathname;

// Tells the server the browser's zone for the next pages (anonymous visitors, the sign-up
// proposal). A cookie rather than a render-time read, so the server renders the right times and
// the browser hydrates the same text. Written only when it changes.
const timeZoneScript = `try{var z=Intl.DateTimeFormat().resolvedOptions().timeZone,c="${TIME_ZONE_COOKIE}="+encodeURIComponent(z);if(z&&(";"+document.cookie.replace(/ /g,"")+";").indexOf(";"+c+";")<0)document.cookie=c+";path=/;max-age=31536000;samesite=lax"+(location.protocol==="https:"?";secure":"")}catch(e){}`;

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>("root");
  const nonce = useNonce();
  const locale = data?.locale ?? "en";
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
        <script
          nonce={nonce}
          // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant of this file, no input
          dangerouslySetInnerHTML={{ __html: timeZoneScript }}
        />
        <Meta />
        <Links />
      </head>
      <body>
        {data ? (
          <I18nProvider locale={locale} messages={messagesFor(locale)} timeZone={data.timeZone}>
            <AppShell data={data}>{children}</AppShell>
          </I18nProvider>
        ) : (
          children
        )}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
