import { redirect } from "react-router";
import { saveLocale } from "~/features/accounts/accounts.server";
import { safeRedirect } from "~/features/accounts/guard.server";
import { isLocale } from "~/i18n/i18n";
import { cookieNames, serializeCookie } from "~/lib/cookies.server";
import { httpError } from "~/lib/errors";
import { readForm } from "~/lib/form.server";
import type { Route } from "./+types/locale";

export async function loader() {
  return redirect("/");
}

/** Switches the interface language: remembered in a cookie and, when signed in, on the account. */
export async function action({ context }: Route.ActionArgs) {
  const form = readForm(context);
  if (!isLocale(form.locale)) throw httpError(400, "errors.unknownLocale");
  const auth = await context.auth();
  if (auth) await saveLocale({ userId: auth.user.id, locale: form.locale });
  return redirect(safeRedirect(form.redirectTo), {
    headers: {
      "Set-Cookie": serializeCookie(cookieNames.locale, form.locale, {
        maxAgeSeconds: 365 * 86400,
      }),
    },
  });
}

// A page component makes errors render as a translated page instead of JSON.
export default function Locale() {
  return null;
}
