import { requireNetworkAccess } from "~/features/networks/policy.server";
import { httpError } from "~/lib/errors";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/network-cover";

/** A network's cover image, for anyone who may see the network at all. */
export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await requireNetworkAccess(params.id, auth?.user.id ?? null);
  if (!access.network.coverKey) throw httpError(404);
  return serveStoredFile({
    storageKey: access.network.coverKey,
    contentType: "image/webp",
    filename: "cover.webp",
  });
}
