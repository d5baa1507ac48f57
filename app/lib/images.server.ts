import sharp from "sharp";

/** Photo formats we decode; anything else that sharp can read (SVG, TIFF…) is refused. */
const photoFormats = new Set(["jpeg", "png", "webp", "gif"]);
const pixelLimit = 40_000_000;

export type ImageBytes = "not-an-image" | "unsupported-image";

/**
 * What the bytes are, by decoding them (never by name or declared type): a photo format we
 * accept, another kind of image, or not an image at all.
 */
export async function sniffImage(bytes: Buffer): Promise<"photo" | ImageBytes> {
  try {
    const { format } = await sharp(bytes, { limitInputPixels: pixelLimit }).metadata();
    if (!format) return "not-an-image";
    return photoFormats.has(format) ? "photo" : "unsupported-image";
  } catch {
    return "not-an-image";
  }
}

/**
 * Re-encodes a photo as WebP without metadata (turned upright first): either cropped to a square
 * of `size` or fitted inside it. Returns null when the bytes do not decode as a photo.
 */
export async function reencodePhoto(
  bytes: Buffer,
  options: { size: number; crop: boolean },
): Promise<{ data: Buffer; width: number; height: number } | null> {
  if ((await sniffImage(bytes)) !== "photo") return null;
  try {
    const { data, info } = await sharp(bytes, { limitInputPixels: pixelLimit, failOn: "error" })
      .rotate()
      .resize(
        options.crop
          ? { width: options.size, height: options.size, fit: "cover", position: "attention" }
          : { width: options.size, height: options.size, fit: "inside", withoutEnlargement: true },
      )
      .webp({ quality: 80 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    return null;
  }
}
