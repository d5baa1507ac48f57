import { redirect } from "react-router";
import { requireUser, safeRedirect } from "~/features/accounts/guard.server";
import { findNotification, markGroupRead } from "~/features/notifications/centre.server";
import { notificationPolicy } from "~/features/notifications/rules";
import { handleLoader, notFound } from "~/lib/errors";
import { personOf } from "~/lib/policy";
import type { Route } from "./+types/notification-open";

/**
 * Opening a line of the centre: its group becomes read, then the person lands on its subject.
 * Someone else's notification (or an unknown id) is a 404, the same for both.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const person = personOf(await requireUser(context, request));
  const { link } = await handleLoader(async () => {
    const notification = await findNotification(params.id);
    if (!notification) throw notFound("notifications.notFound");
    return markGroupRead({ decision: notificationPolicy.authorize(person, "open", notification) });
  });
  throw redirect(safeRedirect(link, "/notifications"));
}

// A page module (it never renders: the loader always redirects), so that a refusal shows as the
// translated error page rather than a bare answer.
export default function NotificationOpen() {
  return null;
}
