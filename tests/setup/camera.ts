import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import QRCode from "qrcode";
import sharp from "sharp";

/**
 * A video file (YUV4MPEG2, what Chromium's fake camera plays with
 * `--use-file-for-fake-video-capture`) showing a QR code of `text` in the middle of a grey
 * 640 × 480 frame: the camera a scanner test points at a phone's screen.
 */
export async function qrCameraVideo(text: string): Promise<string> {
  const width = 640;
  const height = 480;
  const size = 400;
  const png = await QRCode.toBuffer(text, { type: "png", width: size, margin: 4 });
  const luma = await sharp({
    create: { width, height, channels: 3, background: { r: 200, g: 200, b: 200 } },
  })
    .composite([
      {
        input: await sharp(png).resize(size, size).greyscale().toBuffer(),
        left: (width - size) / 2,
        top: (height - size) / 2,
      },
    ])
    .toColourspace("b-w")
    .raw()
    .toBuffer();
  // 4:2:0 chroma at half size, neutral (128): a grey picture.
  const chroma = Buffer.alloc((width / 2) * (height / 2), 128);
  const frame = Buffer.concat([
    Buffer.from("FRAME\n"),
    luma.subarray(0, width * height),
    chroma,
    chroma,
  ]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "synergy-camera-")), "qr.y4m");
  fs.writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 10 }, () => frame)]));
  return file;
}
