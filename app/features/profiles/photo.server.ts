import { randomToken } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { invalid, tooLarge } from "~/lib/errors";
import { reencodePhoto } from "~/lib/images.server";
import type { Decision } from "~/lib/policy";
import { getStorage } from "~/lib/storage.server";
import type { ProfileOwner } from "./rules";

/**
 * Checks an uploaded photo by its bytes (never by its name or declared type), refuses anything
 * that is not a photo (JPEG, PNG, WebP, GIF) or is too large, and re-encodes it as a 400×400 WebP
 * without metadata (413 `photo.tooLarge`, 400 `photo.invalid`, field `photo`). Only for the
 * profile's owner. Returns the storage key of the stored image.
 */
export async function storeProfilePhoto(options: {
  decision: Decision<"edit", ProfileOwner>;
  file: File;
}): Promise<string> {
  const userId = options.decision.resource.ownerId;
  if (options.file.size > getEnv().UPLOAD_LIMIT_BYTES) throw tooLarge("photo.tooLarge", "photo");
  const photo = await reencodePhoto(Buffer.from(await options.file.arrayBuffer()), {
    size: 400,
    crop: true,
  });
  if (!photo) throw invalid("photo.invalid", "photo");
  const key = `photos/${userId}-${randomToken().slice(0, 12)}.webp`;
  await getStorage().put(key, photo.data);
  return key;
}

/** Deletes a stored photo that no profile points at (its profile write did not commit). */
export async function discardProfilePhoto(key: string): Promise<void> {
  await getStorage().remove(key);
}
