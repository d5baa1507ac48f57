import { calendarResponse } from "~/features/events/calendar.server";
import { calendarFeed } from "~/features/events/subscription.server";
import { httpError, toHttpError, tooMany } from "~/lib/errors";
import type { Route } from "./+types/calendar-feed";

/**
 * A person's private calendar feed (`/calendar/<token>.ics`): no session and no CSRF, the
 * secret in the URL is the authentication (decision 017). Every token that does not open a
 * feed (malformed, tampered, revoked, of a deleted person) gets the same bare 404.
 */
export async function loader({ params, context, request }: Route.LoaderArgs) {
  const token = /^(.+)\.ics$/.exec(params.file)?.[1] ?? "";
  const feed = await calendarFeed({ token, ip: context.ip });
  if (feed.kind === "unknown") throw httpError(404, "calendars.feedNotFound");
  if (feed.kind === "tooMany") {
    throw toHttpError(
      tooMany("calendars.feedTooMany", { retryAfterSeconds: feed.retryAfterSeconds }),
    );
  }
  // Calendar apps that kept the last answer ask whether it changed: the tag is the content's hash.
  if (request.headers.get("if-none-match") === feed.etag) {
    return new Response(null, {
      status: 304,
      headers: { ETag: feed.etag, "Cache-Control": "private, no-cache" },
    });
  }
  const response = calendarResponse(feed.text, "synergy.ics");
  response.headers.set("ETag", feed.etag);
  response.headers.set("Cache-Control", "private, no-cache");
  return response;
}
