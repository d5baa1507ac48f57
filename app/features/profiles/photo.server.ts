import sharp from "sharp";
import { randomToken } from "~/lib/crypto.server";
import { getEnv } from "~/lib/env.server";
import { getStorage } from "~/lib/storage.server";

export class PhotoError extends Error {
  constructor(readonly messageKey: "photo.tooLarge" | "photo.invalid") {
    super(messageKey);
  }
}

const accepted = new Set(["jpeg", "png", "webp"]);

/**
 * Checks an uploaded photo by its bytes (never by its name or declared type), refuses anything
 * that is not a JPEG, PNG or WebP image or is too large, and re-encodes it as a 400×400 WebP
 * without metadata. Returns the storage key of the stored image.
 */
export async function storeProfilePhoto(options: { userId: string; file: File }): Promise<string> {
  if (options.file.size > getEnv().UPLOAD_LIMIT_BYTES) throw new PhotoError("photo.tooLarge");
  const input = Buffer.from(await options.file.arrayBuffer());
  let output: Buffer;
  try {
    const image = sharp(input, { limitInputPixels: 40_000_000, failOn: "error" });
    const meta = await image.metadata();
    if (!meta.format || !accepted.has(meta.format)) throw new PhotoError("photo.invalid");
    output = await image
      .rotate()
      .resize(400, 400, { fit: "cover", position: "attention" })
      .webp({ quality: 80 })
      .toBuffer();
  } catch (error) {
    if (error instanceof PhotoError) throw error;
    throw new PhotoError("photo.invalid");
  }
  const key = `photos/${options.userId}-${randomToken().slice(0, 12)}.webp`;
  await getStorage().put(key, output);
  return key;
}
