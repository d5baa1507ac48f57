import { requireNetworkAccess } from "~/features/networks/policy.server";
import { findResourceFile } from "~/features/networks/resources.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { handleLoader, httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/network-resource-file";

/**
 * A shared resource's file, for those who may read the network (checked on every request;
 * secret networks answer 404 to non-members, deleted resources 404 to everyone).
 */
export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await requireNetworkAccess(params.id, auth?.user.id ?? null);
  await handleLoader(async () =>
    networkPolicy.authorize(actorOf(auth), "read", networkSubject(access)),
  );
  const file = await findResourceFile(params.resourceId);
  if (!file || file.networkId !== access.network.id) throw httpError(404, "resources.notFound");
  return serveStoredFile(file);
}
