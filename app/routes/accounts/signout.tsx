import { redirect } from "react-router";
import { clearSessionCookie, revokeSession } from "~/features/accounts/sessions.server";
import type { Route } from "./+types/signout";

export async function loader() {
  return redirect("/");
}

export async function action({ context }: Route.ActionArgs) {
  const auth = await context.auth();
  if (auth) await revokeSession({ userId: auth.user.id, sessionId: auth.sessionId });
  return redirect("/", { headers: { "Set-Cookie": clearSessionCookie() } });
}
