import sharp from "sharp";

/** A real PNG of the given size, made on the spot. */
export async function makePng(width = 64, height = 64): Promise<Blob> {
  const buffer = await sharp({
    create: { width, height, channels: 3, background: { r: 11, g: 110, b: 79 } },
  })
    .png()
    .toBuffer();
  return new Blob([new Uint8Array(buffer)], { type: "image/png" });
}

/** A file that claims to be a PNG but is something else. */
export function disguisedPng(content: string): Blob {
  return new Blob([content], { type: "image/png" });
}
