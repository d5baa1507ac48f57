import { z } from "zod";
import { requireUser } from "~/features/accounts/guard.server";
import { dataExportForDownload } from "~/features/privacy/export.server";
import { httpError } from "~/lib/errors";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/data-export-download";

/**
 * A person's own "download my data" archive: signed in (the mailed link leads through sign-in),
 * theirs, ready and not expired; anything else is 404.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const { user } = await requireUser(context, request);
  const id = z.uuid().safeParse(params.id.toLowerCase());
  if (!id.success) throw httpError(404);
  const archive = await dataExportForDownload({ userId: user.id, exportId: id.data });
  if (!archive) throw httpError(404);
  return serveStoredFile({
    storageKey: archive.storageKey,
    contentType: "application/zip",
    filename: `synergy-data-${archive.createdAt.toISOString().slice(0, 10)}.zip`,
  });
}
