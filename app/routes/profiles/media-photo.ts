import { canViewPhoto } from "~/features/profiles/profiles.server";
import { httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { getStorage } from "~/lib/storage.server";
import type { Route } from "./+types/media-photo";

/** Serves a profile photo only to those the photo's visibility allows; 404 to everyone else. */
export async function loader({ params, context }: Route.LoaderArgs) {
  if (!/^[0-9a-f-]{36}-[A-Za-z0-9_-]{12}\.webp$/.test(params.file)) throw httpError(404);
  const key = `photos/${params.file}`;
  const auth = await context.auth();
  if (!(await canViewPhoto({ key, actor: actorOf(auth) }))) {
    throw httpError(404);
  }
  const body = await getStorage().get(key);
  if (!body) throw httpError(404);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "image/webp",
      "Cache-Control": "private, max-age=300",
      "Content-Disposition": "inline",
    },
  });
}
