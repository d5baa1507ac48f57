import { getEnv } from "~/lib/env.server";
import { isDomainError } from "~/lib/errors";
import { getStorage } from "~/lib/storage.server";
import { filesOf, removeUploads, storeUpload } from "~/lib/uploads.server";
import { setNetworkCover } from "./networks.server";

/**
 * Replaces a network's cover with the uploaded image (only images are accepted). Returns the
 * catalogue key of the problem, or null when there was nothing to do or it worked.
 */
export async function saveNetworkCover(options: {
  networkId: string;
  file: unknown;
}): Promise<string | null> {
  const [file] = filesOf(options.file);
  if (!file) return null;
  try {
    const stored = await storeUpload({
      file,
      prefix: `covers/${options.networkId}`,
      maxBytes: getEnv().UPLOAD_LIMIT_BYTES,
    });
    if (stored.kind !== "image") {
      await removeUploads([stored]);
      return "upload.imageOnly";
    }
    let previous: string | null;
    try {
      previous = await setNetworkCover({ id: options.networkId, coverKey: stored.storageKey });
    } catch (error) {
      // The new key did not commit: nothing points at the new file.
      await removeUploads([stored]);
      throw error;
    }
    // Only after the commit: the old file is no longer referenced.
    if (previous) await getStorage().remove(previous);
    return null;
  } catch (error) {
    if (isDomainError(error)) return error.messageKey;
    throw error;
  }
}
