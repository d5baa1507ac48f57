import { randomToken } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { reencodePhoto } from "~/lib/images.server";
import { getStorage } from "~/lib/storage.server";

export class PhotoError extends Error {
  constructor(readonly messageKey: "photo.tooLarge" | "photo.invalid") {
    super(messageKey);
  }
}

/**
 * Checks an uploaded photo by its bytes (never by its name or declared type), refuses anything
 * that is not a photo (JPEG, PNG, WebP, GIF) or is too large, and re-encodes it as a 400×400 WebP
 * without metadata. Returns the storage key of the stored image.
 */
export async function storeProfilePhoto(options: { userId: string; file: File }): Promise<string> {
  if (options.file.size > getEnv().UPLOAD_LIMIT_BYTES) throw new PhotoError("photo.tooLarge");
  const photo = await reencodePhoto(Buffer.from(await options.file.arrayBuffer()), {
    size: 400,
    crop: true,
  });
  if (!photo) throw new PhotoError("photo.invalid");
  const key = `photos/${options.userId}-${randomToken().slice(0, 12)}.webp`;
  await getStorage().put(key, photo.data);
  return key;
}

/** Deletes a stored photo that no profile points at (its profile write did not commit). */
export async function discardProfilePhoto(key: string): Promise<void> {
  await getStorage().remove(key);
}
