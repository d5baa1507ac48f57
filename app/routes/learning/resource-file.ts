import { findResourceFile } from "~/features/learning/files.server";
import { publishedFilesOf, readResourceSubject } from "~/features/learning/resources.server";
import { resourcePolicy, seesWorkingCopy } from "~/features/learning/rules";
import { handleLoader, notFound } from "~/lib/errors";
import { actorOf } from "~/lib/policy";
import { serveStoredFile } from "~/lib/serve-file.server";
import type { Route } from "./+types/resource-file";

/** A resource's picture or worksheet, for whoever may read the resource (else the same 404). */
export async function loader({ params, context }: Route.LoaderArgs) {
  const actor = actorOf(await context.auth());
  return handleLoader(async () => {
    const file = await findResourceFile(params.fileId);
    if (!file) throw notFound();
    const found = await readResourceSubject(file.resourceId, actor);
    if (!found) throw notFound();
    resourcePolicy.authorize(actor, "view", found.subject);
    // Readers get only the files of the published version, not ones added since.
    if (!seesWorkingCopy(found.subject)) {
      const published = await publishedFilesOf(file.resourceId);
      if (!published.some((f) => f.id === file.id)) throw notFound();
    }
    return serveStoredFile(file);
  });
}
