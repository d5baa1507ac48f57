import { requireNetworkAccess } from "~/features/networks/policy.server";
import { findAttachment } from "~/features/networks/posts.server";
import { networkPolicy, networkSubject } from "~/features/networks/rules";
import { handleLoader, httpError } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/network-attachment";

/** A post's attachment, for those who may read the network (checked on every request). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const auth = await context.auth();
  const access = await requireNetworkAccess(params.id, auth?.user.id ?? null);
  await handleLoader(async () =>
    networkPolicy.authorize(actorOf(auth), "read", networkSubject(access)),
  );
  const attachment = await findAttachment(params.attachmentId);
  if (!attachment || attachment.networkId !== access.network.id) throw httpError(404);
  return serveStoredFile(attachment);
}
